// The series explorer's API: search ranked by relevance in both languages (the series a person means comes first,
// checked against the catalog entry that names it), and the CSV download — the full history by default, a range
// when asked, the file name saying which, bad dates a 400 in the caller's language. Expected rows come from the
// raw snapshot file, not from the store.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, type CatalogSeries } from '../../src/data/catalog/index.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from './helpers.ts';

let db: Database;
let app: ServerParts['app'];

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  ({ app } = await createServerApp(db, { settings: testSettings(), webDir: '/nonexistent', today: '2026-11-24' }));
}, 120_000);
afterAll(async () => db?.close());

interface Hit {
  id: string;
  title: { zh: string; en: string };
  units: string;
  lastDate: string | null;
  match?: { field: string; text: string } | null;
}

async function search(q: string, limit = 20): Promise<Hit[]> {
  const r = await app.request(`/api/series?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(r.status).toBe(200);
  return (await r.json()) as Hit[];
}

/** The one catalog entry a predicate picks out (fails loudly when the catalog changes under the test). */
function only(what: string, pick: (s: CatalogSeries) => boolean): CatalogSeries {
  const found = catalog.filter(pick);
  if (found.length !== 1) throw new Error(`${what}: ${found.length} catalog entries (${found.map((s) => s.id).join(', ')})`);
  return found[0]!;
}

// The things a person means, named by the catalog's own titles: the daily 10-year constant-maturity yield (its
// monthly average GS10 has the same English title, hence the frequency), the Fed's total assets, core CPI, the
// unemployment rate, Apple's share price.
const TEN_YEAR = only('10-year Treasury CMT, daily', (s) => s.title.en.includes('at 10-Year Constant Maturity') && !s.title.en.includes('Inflation-Indexed') && s.frequency === 'daily');
const FED_ASSETS = only('Fed total assets', (s) => s.title.zh === '美联储总资产');
const CORE_CPI = only('core CPI', (s) => s.title.en === 'Consumer Price Index for All Urban Consumers: All Items Less Food and Energy in U.S. City Average');
const UNEMPLOYMENT = only('unemployment rate', (s) => s.title.en === 'Unemployment Rate');
const APPLE = only('Apple shares', (s) => s.ticker !== undefined && s.title.en.startsWith('Apple Inc.'));

describe('series search ranks by relevance', () => {
  it.each([
    ['10年期', TEN_YEAR],
    ['10-year', TEN_YEAR],
    ['美联储总资产', FED_ASSETS],
    ['fed balance sheet', FED_ASSETS],
    ['核心CPI', CORE_CPI],
    ['core cpi', CORE_CPI],
    ['失业率', UNEMPLOYMENT],
    ['unemployment', UNEMPLOYMENT],
    ['苹果', APPLE],
    ['apple', APPLE],
  ])('"%s" puts the series a user means first', async (q, expected) => {
    const hits = await search(q);
    expect(hits[0]?.id).toBe(expected.id);
  });

  it('"10年期" used to list the 10-year Treasury fourth (sorted by id): every series whose Chinese title starts with 10年期 now precedes those that merely contain it', async () => {
    const hits = await search('10年期', 50);
    const starts = hits.map((h) => h.title.zh.startsWith('10年期') || catalog.find((s) => s.id === h.id)!.aliases.some((a) => a.startsWith('10年期')));
    // once a result neither starts with the query in its title nor in an alias, none after it does
    const firstWeaker = starts.indexOf(false);
    expect(firstWeaker).toBeGreaterThan(0);
    expect(starts.slice(firstWeaker)).not.toContain(true);
    // and the weaker ones are there: AAA10Y's title is 穆迪Aaa公司债与10年期美债利差 (no alias starts with 10年期)
    expect(hits.slice(firstWeaker).map((h) => h.id)).toContain('AAA10Y');
  });

  it('orders the tiers: exact id, exact alias, prefix, contains; says which name matched', async () => {
    // "WALCL" is an id; "缩表" is one of its aliases (not its title), so the match names the alias
    expect((await search('WALCL'))[0]).toMatchObject({ id: 'WALCL', match: { field: 'id', text: 'WALCL' } });
    expect((await search('缩表'))[0]).toMatchObject({ id: FED_ASSETS.id, match: { field: 'alias', text: '缩表' } });
    // an id being typed: "WAL" → WALCL before Walmart's title match and the DTS "Withdrawals" titles
    expect((await search('WAL'))[0]?.id).toBe('WALCL');
    // 10年期美债 is an alias of DGS10 exactly; ACMTP10 (10年期美债期限溢价) only starts with it
    const tenYearDebt = (await search('10年期美债')).map((h) => h.id);
    expect(tenYearDebt[0]).toBe(TEN_YEAR.id);
    expect(tenYearDebt.indexOf('ACMTP10')).toBeGreaterThan(0);
  });

  it('finds near-misses last and returns an empty list (not an error) for nonsense', async () => {
    expect((await search('unemploymnet'))[0]?.id).toBe(UNEMPLOYMENT.id);
    expect((await search('fed asets')).map((h) => h.id)).toContain(FED_ASSETS.id);
    expect(await search('zzzzqqq')).toEqual([]);
  });

  it('an empty query lists the catalog flagship-first, each with units and last date', async () => {
    const hits = await search('', 10);
    expect(hits).toHaveLength(10);
    // the 10-year yield has more aliases than any other series (the popularity signal)
    const mostAliases = Math.max(...catalog.map((s) => s.aliases.length));
    expect(TEN_YEAR.aliases.length).toBe(mostAliases);
    expect(hits[0]?.id).toBe(TEN_YEAR.id);
    for (const h of hits) {
      expect(h.units).toBeTruthy();
      expect(h.lastDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('CSV download', () => {
  // fred-snapshot/<ID>.csv: header observation_date,<ID>; a missing value is an empty cell (SOURCES.md)
  const rawRows = (id: string) =>
    readFileSync(path.join(snapshotRoot, `fred-snapshot/${id}.csv`), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','))
      .filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f[0] ?? '') && f[1] !== undefined && f[1].trim() !== '');

  it('holds the full history by default: as many rows as the raw file has observations, same first and last dates', async () => {
    const raw = rawRows('DGS10');
    const r = await app.request('/api/series/DGS10/csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const lines = (await r.text()).split('\n');
    expect(lines.at(-1)).toBe(''); // ends with a newline
    const [header, ...data] = lines.slice(0, -1);
    expect(header).toBe('date,DGS10');
    expect(data).toHaveLength(raw.length);
    expect(data[0]!.split(',')[0]).toBe(raw[0]![0]);
    expect(data.at(-1)!.split(',')[0]).toBe(raw.at(-1)![0]);
    // values as published (numerically: the raw file may write 4.10 where the CSV writes 4.1)
    expect(data.map((l) => Number(l.split(',')[1]))).toEqual(raw.map((f) => Number(f[1])));
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="DGS10_full_${raw[0]![0]}_${raw.at(-1)![0]}.csv"`);
    expect(r.headers.get('x-fincite-range')).toBe('full');
    expect(r.headers.get('x-fincite-rows')).toBe(String(raw.length));
  });

  it('a range only when asked for, and the file name says which', async () => {
    const raw = rawRows('DGS10').filter((f) => f[0]! >= '2025-08-01' && f[0]! <= '2026-03-31');
    const r = await app.request('/api/series/DGS10/csv?from=2025-08-01&to=2026-03-31');
    expect(r.status).toBe(200);
    const data = (await r.text()).trim().split('\n').slice(1);
    expect(data.map((l) => l.split(',')[0])).toEqual(raw.map((f) => f[0]));
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="DGS10_2025-08-01_2026-03-31.csv"');
    expect(r.headers.get('x-fincite-range')).toBe('2025-08-01..2026-03-31');
    // only a start: the end in the name is the last observation
    const open = await app.request('/api/series/DGS10/csv?from=2026-08-01');
    expect(open.headers.get('content-disposition')).toBe(`attachment; filename="DGS10_2026-08-01_${rawRows('DGS10').at(-1)![0]}.csv"`);
  });

  it('a traded instrument: the full history with open/high/low/close/volume', async () => {
    const raw = readFileSync(path.join(snapshotRoot, 'equities/daily/AAPL.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const r = await app.request('/api/series/AAPL/csv');
    const lines = (await r.text()).trim().split('\n');
    expect(lines[0]).toBe('date,open,high,low,close,volume');
    expect(lines[1]!.split(',')[0]).toBe(raw[0]!.split(',')[0]);
    expect(lines.at(-1)!.split(',')[0]).toBe(raw.at(-1)!.split(',')[0]);
  });

  it('rejects malformed dates and reversed ranges with a 400 in the caller language', async () => {
    const zh = await app.request('/api/series/DGS10/csv?from=2025-13-01', { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(400);
    const zhBody = (await zh.json()) as { error: { code: string; message: string } };
    expect(zhBody.error.code).toBe('invalid_date');
    expect(zhBody.error.message).toContain('不是有效日期');
    const en = await app.request('/api/series/DGS10/csv?to=last-week', { headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(400);
    expect(((await en.json()) as { error: { message: string } }).error.message).toContain('is not a valid date');
    const reversed = await app.request('/api/series/DGS10/csv?from=2026-01-01&to=2025-01-01', { headers: { 'accept-language': 'zh-CN' } });
    expect(reversed.status).toBe(400);
    expect((await reversed.json()) as unknown).toEqual({ error: { code: 'invalid_range', message: '起始日期 2026-01-01 晚于结束日期 2025-01-01。' } });
    expect((await app.request('/api/series/NOPE/csv')).status).toBe(404);
  });
});
