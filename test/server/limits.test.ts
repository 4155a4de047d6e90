// Request-body limits (issue 13, item 4): every /api route refuses a body over its limit with 413 and a JSON error
// in the caller's language, before anything is read or written — a question with a huge body, a sign-up with a
// huge display name (no user is created), a report request; bodies within the limits are served as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { BODY_LIMITS } from '../../src/server/app.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { client, signUp, testSettings } from './helpers.ts';

let db: Database;
let parts: ServerParts;

beforeAll(async () => {
  db = await freshPglite();
  await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL'] });
  parts = await createServerApp(db, { settings: testSettings(), webDir: '/nonexistent', today: '2026-11-24', llm: null });
}, 180_000);
afterAll(async () => {
  await parts?.jobs.stop();
  await db?.close();
});

const pad = (bytes: number) => 'x'.repeat(bytes);

describe('request-body limits', () => {
  it('/api/ask: a body over the limit is 413 in the caller’s language; a normal one is answered', async () => {
    const c = client(parts.app);
    const big = JSON.stringify({ question: '美联储总资产现在多少?', history: [pad(BODY_LIMITS.api)] });
    const zh = await c.req('/api/ask', { method: 'POST', body: big, headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(413);
    const zb = (await zh.json()) as { error: { code: string; message: string } };
    expect(zb.error.code).toBe('request_too_large');
    expect(zb.error.message).toMatch(/请求体过大/);
    const en = await c.req('/api/ask', { method: 'POST', body: big, headers: { 'content-type': 'application/json', 'accept-language': 'en-US' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
    const ok = await c.req('/api/ask', { method: 'POST', json: { question: '美联储总资产现在多少?' } });
    expect(ok.status).toBe(200);
  });

  it('sign-up with a 20 KB display name is refused and creates no user', async () => {
    const c = client(parts.app, '', '10.0.0.9');
    const r = await c.req('/api/auth/sign-up/email', { method: 'POST', json: { email: 'huge@example.com', name: pad(20 * 1024), password: 'a long passphrase here' } });
    expect(r.status).toBe(413);
    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM auth_user WHERE email = 'huge@example.com'");
    expect(rows[0]!.n).toBe(0);
  });

  it('a report request over its limit is 413 even before sign-in is checked', async () => {
    const user = await signUp(parts.app, 'limits@example.com');
    const r = await user.req('/api/reports', { method: 'POST', json: { topic: pad(BODY_LIMITS.report + 100), lang: 'en' } });
    expect(r.status).toBe(413);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    expect(rows[0]!.n).toBe(0);
  });
});

describe('the server log', () => {
  it('writes one line per failure without the user’s text or a stack, unless asked to', async () => {
    const { failureLine } = await import('../../src/server/log.ts');
    const err = new Error('engine failed on question: 我的私人问题 about my portfolio');
    const line = failureLine('POST /api/ask', err, { debug: false, content: false });
    expect(line).toContain('POST /api/ask');
    expect(line).toContain('Error');
    expect(line).not.toContain('我的私人问题');
    expect(line).not.toMatch(/\n\s+at /);
    const debug = failureLine('POST /api/ask', err, { debug: true, content: true });
    expect(debug).toContain('我的私人问题');
    expect(debug).toMatch(/\n\s+at /);
  });
});
