// Test helpers: the raw snapshot files read the plain way (independently of src/), hand-made series, and
// series metadata written out by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frequency, Observation, SeriesMeta, Unit } from '../../src/core/types.ts';
import type { SeriesData } from '../../src/analytics/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SNAPSHOT = process.env.FINCITE_SNAPSHOT ?? path.resolve(repoRoot, '../shared/data');

export const USD_MILLIONS: Unit = { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' };
export const USD_BILLIONS_2017: Unit = { kind: 'currency', scale: 1e9, currency: 'USD', label: 'Billions of Chained 2017 Dollars' };
export const PCT: Unit = { kind: 'percent', scale: 1, label: 'Percent' };
export const CPI_INDEX: Unit = { kind: 'index', scale: 1, label: 'Index 1982-1984=100' };
export const INDEX: Unit = { kind: 'index', scale: 1, label: 'Index' };

const METAS: Record<string, { zh: string; en: string; unit: Unit; frequency: Frequency }> = {
  WALCL: { zh: '美联储总资产', en: 'Fed total assets', unit: USD_MILLIONS, frequency: 'weekly' },
  WSHOMCB: { zh: '美联储持有的MBS', en: 'Fed MBS holdings', unit: USD_MILLIONS, frequency: 'weekly' },
  DGS10: { zh: '10年期美债收益率', en: '10-year Treasury yield', unit: PCT, frequency: 'daily' },
  DGS2: { zh: '2年期美债收益率', en: '2-year Treasury yield', unit: PCT, frequency: 'daily' },
  T10Y2Y: { zh: '10年期与2年期美债利差', en: '10y−2y Treasury spread', unit: PCT, frequency: 'daily' },
  CPIAUCSL: { zh: 'CPI', en: 'CPI', unit: CPI_INDEX, frequency: 'monthly' },
  CPILFESL: { zh: '核心CPI', en: 'Core CPI', unit: CPI_INDEX, frequency: 'monthly' },
  GDPC1: { zh: '实际GDP', en: 'Real GDP', unit: USD_BILLIONS_2017, frequency: 'quarterly' },
  SOFR: { zh: 'SOFR', en: 'SOFR', unit: PCT, frequency: 'daily' },
  IORB: { zh: '准备金利率', en: 'Interest on reserve balances', unit: PCT, frequency: 'daily' },
  SP500: { zh: '标普500指数', en: 'S&P 500', unit: INDEX, frequency: 'daily' },
};

export function meta(id: string, over: Partial<SeriesMeta> = {}): SeriesMeta {
  const m = METAS[id];
  return {
    id,
    title: m ? { zh: m.zh, en: m.en } : { zh: id, en: id },
    aliases: [],
    unit: m?.unit ?? INDEX,
    frequency: m?.frequency ?? 'daily',
    category: 'other',
    source: 'fred',
    url: `https://fred.stlouisfed.org/series/${id}`,
    ...over,
  };
}

/** /work/shared/data/fred-snapshot/<ID>.csv: header `observation_date,<ID>`, empty cell = missing. */
export function rawFred(id: string): Observation[] {
  const lines = readFileSync(path.join(SNAPSHOT, 'fred-snapshot', `${id}.csv`), 'utf8').split(/\r?\n/);
  if (lines[0]!.trim() !== `observation_date,${id}`) throw new Error(`unexpected header in ${id}.csv: ${lines[0]}`);
  return lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [date, value] = l.split(',');
      return { date: date!, value: value === undefined || value.trim() === '' ? null : Number(value) };
    });
}

export function fred(id: string, over: Partial<SeriesMeta> = {}): SeriesData {
  return { meta: meta(id, over), observations: rawFred(id) };
}

/** A hand-made series from [date, value] rows. */
export function hand(id: string, rows: Array<[string, number | null]>, over: Partial<SeriesMeta> = {}): SeriesData {
  return { meta: meta(id, { title: { zh: `测试${id}`, en: `Test ${id}` }, ...over }), observations: rows.map(([date, value]) => ({ date, value })) };
}

/** Consecutive daily dates starting at `start`. */
export function dailyDates(start: string, n: number): string[] {
  const out: string[] = [];
  const t0 = Date.parse(`${start}T00:00:00Z`);
  for (let i = 0; i < n; i++) out.push(new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32) for property tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Non-null raw rows. */
export function present(rows: Observation[]): Array<{ date: string; value: number }> {
  return rows.filter((r): r is { date: string; value: number } => r.value !== null);
}
