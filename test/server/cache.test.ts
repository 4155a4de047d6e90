// The read caches (src/store/cache.ts, the series route's stored JSON, the engine's answer cache) are invisible
// except for speed: after a sync that changes a value, the series route, its CSV and an answer show the new value;
// ETags change with the data and a current one gets 304; compressed bodies are the same JSON; a stamp written by
// another process is seen once the stamp's time to live has passed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { createEngine } from '../../src/engine/index.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import { STAMP_TTL_MS, StampedLru, syncStamp } from '../../src/store/cache.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from './helpers.ts';

let db: Database;
let parts: ServerParts;
let dir: string;
const get = (p: string, headers: Record<string, string> = {}) => Promise.resolve(parts.app.request(p, { headers }));
const lastOf = async (res: Response) => ((await res.json()) as { observations: Array<{ date: string; value: number }> }).observations.at(-1)!;

/** Sync DGS10 from a copy of its snapshot file whose last value is `value`. */
async function syncDgs10LastValue(value: string): Promise<void> {
  const lines = readFileSync(path.join(snapshotRoot, 'fred-snapshot/DGS10.csv'), 'utf8').trimEnd().split('\n');
  lines[lines.length - 1] = lines.at(-1)!.replace(/,[^,]*$/, `,${value}`);
  writeFileSync(path.join(dir, 'fred-snapshot/DGS10.csv'), lines.join('\n') + '\n');
  const report = await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: dir, seriesIds: ['DGS10'] });
  expect(report.status).toBe('completed');
}

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  parts = await createServerApp(db, { settings: testSettings(), webDir: '/nonexistent', today: '2026-11-24', llm: null });
  dir = mkdtempSync(path.join(tmpdir(), 'fincite-cache-'));
  mkdirSync(path.join(dir, 'fred-snapshot'));
}, 60_000);

afterAll(async () => {
  await parts?.jobs.stop();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('read caches follow the sync stamp', () => {
  it('after a sync that changes a value, the series JSON, a range, the CSV and an answer show it', async () => {
    const question = '10年期美债收益率最新是多少?';
    const before = await lastOf(await get('/api/series/DGS10'));
    const etagBefore = (await get('/api/series/DGS10')).headers.get('etag')!;
    const answerBefore = await parts.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const textBefore = ((await answerBefore.json()) as { text: string }).text;
    expect(textBefore).toContain(String(before.value));
    expect(before.value).not.toBe(9.87);

    await syncDgs10LastValue('9.87');

    const full = await get('/api/series/DGS10');
    expect(await lastOf(full)).toEqual({ date: before.date, value: 9.87 });
    expect(full.headers.get('etag')).not.toBe(etagBefore);
    const range = await get(`/api/series/DGS10?from=${before.date}`);
    expect(((await range.json()) as { observations: unknown[] }).observations).toEqual([{ date: before.date, value: 9.87 }]);
    const csv = await (await get('/api/series/DGS10/csv')).text();
    expect(csv.trimEnd().split('\n').at(-1)).toBe(`${before.date},9.87`);
    const answerAfter = await parts.app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const textAfter = ((await answerAfter.json()) as { text: string }).text;
    expect(textAfter).toContain('9.87');
    expect(textAfter).not.toBe(textBefore);

    // and back: a second change is seen as well (no entry outlives its stamp)
    await syncDgs10LastValue(String(before.value));
    expect(await lastOf(await get('/api/series/DGS10'))).toEqual(before);
  });

  it('a current ETag gets 304, an old one the new body; gzip and br bodies are the same JSON', async () => {
    const plain = await get('/api/series/DGS10');
    const etag = plain.headers.get('etag')!;
    const json = await plain.text();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect((await get('/api/series/DGS10', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/api/series/DGS10', { 'if-none-match': '"something-else"' })).status).toBe(200);

    const gz = await get('/api/series/DGS10', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(json);
    // a compressed representation's ETag also revalidates (the client keeps the one it was sent)
    expect((await get('/api/series/DGS10', { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.get('etag')! })).status).toBe(304);
    const br = await get('/api/series/DGS10', { 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(json);
    // refused codings (q=0) are not used
    expect((await get('/api/series/DGS10', { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers.get('content-encoding')).toBeNull();

    await syncDgs10LastValue('5.55');
    const after = await get('/api/series/DGS10', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect((await lastOf(after)).value).toBe(5.55);
  });

  it('unknown ids and bad ranges are still refused with the cache warm', async () => {
    expect((await get('/api/series/NOPE_XYZ')).status).toBe(404);
    expect((await get('/api/series/DGS10?from=2024-01-01&to=2023-01-01')).status).toBe(400);
    expect((await get('/api/series/dgs10?from=2026-01-01')).status).toBe(200);
  });
});

describe('the sync stamp', () => {
  it('a sync written by another process is seen after the stamp’s time to live, not before', async () => {
    const now = Date.now();
    const before = await syncStamp(db, now);
    // what another process's sync leaves: a new run row, written without this process's invalidation hook
    await db.query(`INSERT INTO sync_runs (started_at, finished_at, mode, status, series_total) VALUES (now(), now(), 'snapshot', 'completed', 0)`);
    expect(await syncStamp(db, now + 1)).toBe(before);
    expect(await syncStamp(db, now + STAMP_TTL_MS + 1)).not.toBe(before);
  });
});

describe('the answer cache', () => {
  it('a repeated question is answered from the cache; with the cache off, computed again; a changed history is another key', async () => {
    const engine = createEngine({ db, llm: null });
    const q = 'What is the latest 10-year Treasury yield?';
    const a = await engine.ask(q);
    expect(await engine.ask(q)).toBe(a);
    expect(await engine.ask(q, { lang: 'zh' })).not.toBe(a);
    expect(await engine.ask(q, { history: ['美联储总资产现在多少?'] })).not.toBe(a);
    const off = createEngine({ db, llm: null, answerCache: 0 });
    const b = await off.ask(q);
    expect(await off.ask(q)).not.toBe(b);
    expect(b.text).toBe(a.text);
  });
});

describe('StampedLru', () => {
  it('misses under another stamp and keeps the total weight under its capacity, least recently used out first', () => {
    const lru = new StampedLru<string>(10, (v) => v.length);
    lru.set('a', 's1', 'aaaa');
    lru.set('b', 's1', 'bbbb');
    expect(lru.get('a', 's1')).toBe('aaaa'); // a is now the most recent
    lru.set('c', 's1', 'cccc'); // 12 > 10: b goes
    expect(lru.get('b', 's1')).toBeUndefined();
    expect(lru.get('a', 's1')).toBe('aaaa');
    expect(lru.get('a', 's2')).toBeUndefined();
    expect(lru.get('a', 's1')).toBeUndefined(); // dropped by the miss under s2
    lru.set('big', 's1', 'x'.repeat(11));
    expect(lru.get('big', 's1')).toBeUndefined();
  });
});
