// The HTTP API through Hono's in-process request(): answers as JSON and as server-sent events, series search
// and data, the OpenAPI document, and bad input answered with clear 4xx errors in the caller's language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from './helpers.ts';

let db: Database;
let app: ServerParts['app'];

beforeAll(async () => {
  db = await freshPglite();
  await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL', 'DGS10', 'AAPL'] });
  ({ app } = await createServerApp(db, { settings: testSettings(), webDir: '/nonexistent', today: '2026-11-24' }));
}, 120_000);
afterAll(async () => db?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/ask', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe('API', () => {
  it('GET /healthz', async () => {
    const r = await app.request('/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, database: 'pglite', series: 3 });
  });

  it('POST /api/ask returns the cited Answer as JSON', async () => {
    const r = await post({ question: 'What was the 10-year Treasury yield on 2024-04-25?' });
    expect(r.status).toBe(200);
    const a = (await r.json()) as { language: string; facts: Array<{ value: number; asOf: string }>; sources: Array<{ url: string }>; verification: { unsupported: unknown[] } };
    const raw = readFileSync(path.join(snapshotRoot, 'fred-snapshot/DGS10.csv'), 'utf8').split('\n').find((l) => l.startsWith('2024-04-25,'))!;
    expect(a.language).toBe('en');
    expect(a.facts[0]).toMatchObject({ value: Number(raw.split(',')[1]), asOf: '2024-04-25' });
    expect(a.sources[0]?.url).toBe('https://fred.stlouisfed.org/series/DGS10');
    expect(a.verification.unsupported).toEqual([]);
  });

  it('POST /api/ask streams progress then the answer as server-sent events', async () => {
    const r = await post({ question: '美联储资产负债表现在多大?' }, { accept: 'text/event-stream' });
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    const text = await r.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('progress');
    expect(events.at(-1)).toBe('answer');
    const data = text.split('event: answer\n')[1]!.split('\n').find((l) => l.startsWith('data: '))!.slice(6);
    expect((JSON.parse(data) as { language: string }).language).toBe('zh');
  });

  it('rejects bad input with 4xx JSON in the caller language, never a stack trace', async () => {
    const empty = await post({ question: '' }, { 'accept-language': 'zh-CN' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('问题不能为空。');
    const missing = await post({}, { 'accept-language': 'zh-CN' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('参数无效');
    // over the limit: 413 naming it (src/core/text-input.ts)
    const huge = await post({ question: 'x'.repeat(10_000) }, { 'accept-language': 'en' });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toBe('The question is too long: 10000 characters; the limit is 500.');
    const broken = await post('{"question": ', { 'accept-language': 'en' });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    const unknown = await app.request('/api/series/NOPE?lang=en');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_series');
    const badDate = await app.request('/api/series/WALCL?from=2024-02-30');
    expect(badDate.status).toBe(400);
    const inj = await app.request(`/api/series/${encodeURIComponent("WALCL' OR '1'='1")}`);
    expect(inj.status).toBe(404);
  });

  it('series search and data', async () => {
    const s = (await (await app.request('/api/series?q=%E7%BC%A9%E8%A1%A8&limit=3')).json()) as Array<{ id: string }>;
    expect(s[0]?.id).toBe('WALCL');
    const d = (await (await app.request('/api/series/AAPL?from=2026-08-21')).json()) as { observations: Array<Record<string, number | string>> };
    const last = readFileSync(path.join(snapshotRoot, 'equities/daily/AAPL.csv'), 'utf8').trim().split('\n').at(-1)!.split(',');
    expect(d.observations).toEqual([{ date: last[0], value: Number(last[4]), open: Number(last[1]), high: Number(last[2]), low: Number(last[3]), close: Number(last[4]), volume: Number(last[5]) }]);
  });

  it('series as a CSV download, values as in the raw file', async () => {
    const r = await app.request('/api/series/WALCL/csv?from=2026-08-01');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const raw = readFileSync(path.join(snapshotRoot, 'fred-snapshot/WALCL.csv'), 'utf8').trim().split(/\r?\n/).filter((l) => /^\d/.test(l) && l >= '2026-08-01');
    // the file name says which range it holds (the full history is the default; this one asked for a start)
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="WALCL_2026-08-01_${raw.at(-1)!.split(',')[0]}.csv"`);
    expect((await r.text()).trim().split('\n')).toEqual(['date,WALCL', ...raw]);
    const bars = (await (await app.request('/api/series/AAPL/csv?from=2026-08-21')).text()).trim().split('\n');
    expect(bars[0]).toBe('date,open,high,low,close,volume');
    const last = readFileSync(path.join(snapshotRoot, 'equities/daily/AAPL.csv'), 'utf8').trim().split('\n').at(-1)!.split(',');
    expect(bars[1]!.split(',').map(Number).slice(1)).toEqual(last.slice(1, 6).map(Number));
    expect((await app.request('/api/series/NOPE/csv')).status).toBe(404);
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/ask',
      '/api/conversations',
      '/api/conversations/{id}',
      '/api/documents',
      '/api/me',
      '/api/reports',
      '/api/reports/topics',
      '/api/reports/{id}',
      '/api/reports/{id}/{format}',
      '/api/series',
      '/api/series/{id}',
      '/api/series/{id}/csv',
    ]);
  });

  it('without a built web app, app paths say how to build it and unknown paths are JSON 404s', async () => {
    const page = await app.request('/reports');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    const missing = await app.request('/nope/deeper');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
