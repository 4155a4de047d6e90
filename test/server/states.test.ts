// The app's states over HTTP: Retry-After on every 429 (signed-out daily quota, per-minute ask limit, better-auth's
// sign-in throttle), 404s (the web app's page for unknown page URLs, JSON in the caller's language for the API), and
// report jobs that record their stages with timings and come with an estimate of the time left.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondsUntilUtcMidnight } from '../../src/server/errors.ts';
import { DEFAULT_REPORT_MS, ReportJobs } from '../../src/server/jobs.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { client, signUp, testSettings } from './helpers.ts';

let db: Database;
let parts: ServerParts;
let webDir: string;
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>';

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  // a stand-in for web/dist: the server only needs index.html to serve the app's pages
  webDir = mkdtempSync(path.join(os.tmpdir(), 'fincite-web-'));
  writeFileSync(path.join(webDir, 'index.html'), INDEX);
  parts = await createServerApp(db, { settings: testSettings({ anonDailyQuota: 1, askPerMinute: 2, signInPerMinute: 2 }), webDir, today: '2026-11-24' });
}, 180_000);

afterAll(async () => {
  await parts?.jobs.stop();
  await db?.close();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

const errorOf = async (r: Response) => ((await r.clone().json()) as { error: { code: string; message: string } }).error;

describe('Retry-After on every 429', () => {
  it('counts the seconds to the next UTC midnight (the quota is counted per UTC date)', () => {
    expect(secondsUntilUtcMidnight(new Date('2026-12-02T23:59:30Z'))).toBe(30);
    expect(secondsUntilUtcMidnight(new Date('2026-12-31T00:00:00Z'))).toBe(24 * 3600);
    // 12:00 UTC is noon everywhere that counts in UTC: half a day left, whatever the machine's time zone
    expect(secondsUntilUtcMidnight(new Date('2026-03-08T12:00:00Z'))).toBe(12 * 3600);
  });

  it('the signed-out daily quota: 429 with Retry-After = seconds until the quota resets at UTC midnight', async () => {
    const visitor = client(parts.app, '', '10.9.0.1');
    expect((await visitor.req('/api/ask', { method: 'POST', json: { question: 'latest 10-year yield?' } })).status).toBe(200);
    const before = Date.now();
    const refused = await visitor.req('/api/ask', { method: 'POST', json: { question: 'latest 10-year yield?' }, headers: { 'accept-language': 'en' } });
    const after = Date.now();
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toMatchObject({ code: 'quota_exceeded' });
    const retry = Number(refused.headers.get('retry-after'));
    // by hand: the next UTC midnight minus the time of the request, in whole seconds
    const midnight = Date.UTC(new Date(before).getUTCFullYear(), new Date(before).getUTCMonth(), new Date(before).getUTCDate() + 1);
    expect(retry).toBeGreaterThanOrEqual(Math.floor((midnight - after) / 1000));
    expect(retry).toBeLessThanOrEqual(Math.ceil((midnight - before) / 1000));
    // the streaming form of the same request is refused the same way, before any event
    const sse = await visitor.req('/api/ask', { method: 'POST', json: { question: 'latest CPI?' }, headers: { accept: 'text/event-stream' } });
    expect(sse.status).toBe(429);
    expect(Number(sse.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the per-minute ask limit (signed in, so the quota does not interfere): Retry-After within the minute', async () => {
    const user = await signUp(parts.app, 'minute@example.com', 'Minute', 'correct horse battery', '10.9.0.2');
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await user.req('/api/ask', { method: 'POST', json: { question: 'latest 10-year yield?' }, headers: { 'accept-language': 'zh-CN' } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(await errorOf(last!)).toMatchObject({ code: 'rate_limited' });
    expect((await errorOf(last!)).message).toMatch(/秒后再试/);
    const retry = Number(last!.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
  });

  it("better-auth's sign-in throttle: its 429 carries a standard Retry-After", async () => {
    const c = client(parts.app, '', '10.9.0.3');
    const rs: Response[] = [];
    for (let i = 0; i < 3; i++) rs.push(await c.req('/api/auth/sign-in/email', { method: 'POST', json: { email: 'nobody@example.com', password: `guess ${i} guess` } }));
    expect(rs.map((r) => r.status)).toEqual([401, 401, 429]);
    const retry = Number(rs[2]!.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
  });
});

describe('404s', () => {
  it('an unknown page URL gets the web app (its own not-found view) with status 404; app paths get 200', async () => {
    // a series page of a series the store does not hold is a 404 too (the page says which series)
    for (const p of ['/nope', '/nope/deeper', '/c/abc/extra', '/reports/a/b', '/login/x', '/series/NOT_A_SERIES', '/series/%E0%A4%A']) {
      const r = await parts.app.request(p);
      expect(r.status, p).toBe(404);
      expect(r.headers.get('content-type'), p).toMatch(/text\/html/);
      expect(await r.text(), p).toBe(INDEX);
    }
    for (const p of ['/', '/c/some-id', '/reports', '/reports/some-id', '/series', '/series/DGS10', '/login', '/signup', '/reports/']) {
      const r = await parts.app.request(p);
      expect(r.status, p).toBe(200);
      expect(await r.text(), p).toBe(INDEX);
    }
  });

  it('unknown API, machine and asset paths stay non-HTML 404s; the API one in the caller’s language', async () => {
    const zh = await parts.app.request('/api/nope', { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(404);
    expect(await zh.json()).toEqual({ error: { code: 'not_found', message: '没有这个地址。' } });
    const en = await parts.app.request('/api/nope/deeper?lang=en');
    expect(en.status).toBe(404);
    expect(await en.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    expect((await parts.app.request('/assets/missing.js')).status).toBe(404);
    // /v1 and /mcp answer for themselves (off without a token here): JSON, never the web app's page
    for (const p of ['/assets/missing.js', '/v1/nope', '/mcp/nope']) {
      const r = await parts.app.request(p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.headers.get('content-type') ?? '', p).not.toMatch(/text\/html/);
    }
  });
});

interface Job {
  id: string;
  status: string;
  progress: { stage: string; done: number; total: number; startedAt?: string; plan?: string[]; stages?: Array<{ stage: string; startedAt: string; endedAt?: string }> };
  estimate: { totalMs: number; remainingMs: number; basis: string; samples: number } | null;
  createdAt: string;
  finishedAt: string | null;
}

describe('report progress', () => {
  it('records each stage with its timing, and estimates from the durations of earlier reports of the topic', async () => {
    const user = await signUp(parts.app, 'reports@example.com', 'Reports', 'correct horse battery', '10.9.0.4');
    const first = (await (await user.req('/api/reports', { method: 'POST', json: { topic: '缩表', lang: 'zh' } })).json()) as Job;
    // nothing has finished yet in this database: the default estimate
    expect(first.estimate).toMatchObject({ basis: 'default', samples: 0, totalMs: DEFAULT_REPORT_MS });
    const second = (await (await user.req('/api/reports', { method: 'POST', json: { topic: 'QT', lang: 'en' } })).json()) as Job;
    await parts.jobs.idle();

    const done = (await (await user.req(`/api/reports/${first.id}`)).json()) as Job;
    expect(done.status).toBe('done');
    expect(done.estimate).toBeNull();
    const { stages, plan, startedAt } = done.progress;
    // no model configured: no prose stage
    expect(plan).toEqual(['resolve', 'compute', 'verify', 'render']);
    expect(stages!.map((s) => s.stage)).toEqual(plan);
    for (const s of stages!) expect(Date.parse(s.endedAt!)).toBeGreaterThanOrEqual(Date.parse(s.startedAt));
    for (let i = 1; i < stages!.length; i++) expect(stages![i]!.startedAt).toBe(stages![i - 1]!.endedAt);
    expect(stages![0]!.startedAt >= startedAt!).toBe(true);
    expect(Date.parse(stages![stages!.length - 1]!.endedAt!)).toBeLessThanOrEqual(Date.parse(done.finishedAt!));

    // 缩表 and QT are the same topic: a third QT report is estimated from those two (the median of two is their mean)
    const durations = [];
    for (const id of [first.id, second.id]) {
      const [row] = await db.query<{ started_at: Date; finished_at: Date }>('SELECT started_at, finished_at FROM reports WHERE id = $1', [id]);
      durations.push(new Date(row!.finished_at).getTime() - new Date(row!.started_at).getTime());
    }
    const third = (await (await user.req('/api/reports', { method: 'POST', json: { topic: 'quantitative tightening', lang: 'en' } })).json()) as Job;
    expect(third.estimate!.basis).toBe('topic');
    expect(third.estimate!.samples).toBe(2);
    expect(third.estimate!.totalMs).toBe(Math.round((durations[0]! + durations[1]!) / 2));
    // another topic has no history of its own: the recent reports of any topic
    const labour = (await (await user.req('/api/reports', { method: 'POST', json: { topic: 'labour market', lang: 'en' } })).json()) as Job;
    expect(labour.estimate!.basis).toBe('recent');
    await parts.jobs.idle();
  }, 180_000);

  it('a queued job also waits for the jobs ahead of it', async () => {
    // a runner that never starts (stopped), so both jobs stay queued: the second waits for the first
    const jobs = new ReportJobs(db);
    await jobs.stop();
    await signUp(parts.app, 'queued@example.com', 'Queued', 'correct horse battery', '10.9.0.5');
    const [user] = await db.query<{ id: string }>("SELECT id FROM auth_user WHERE email = 'queued@example.com'");
    const a = await jobs.create(user!.id, 'inflation', 'en');
    const b = await jobs.create(user!.id, 'inflation', 'en');
    const ea = (await jobs.estimate(a))!;
    const eb = (await jobs.estimate(b))!;
    expect(ea.remainingMs).toBe(ea.totalMs);
    expect(eb.totalMs).toBe(ea.totalMs);
    // one job ahead: its own duration plus one typical (median recent) duration, which is at least 1 ms
    expect(eb.remainingMs).toBeGreaterThan(eb.totalMs);
    await db.query('DELETE FROM reports WHERE id = ANY($1::text[])', [[a.id, b.id]]);
  });
});
