// The S&P 500 valuation snapshot (equities/sp500_fundamentals_snapshot.csv): one row per ticker of Yahoo Finance
// `info` fields (market cap, trailing/forward P/E, P/B, EV/EBITDA, ROE, dividend yield …) saved by the repository
// JohnAprek/us-stock-monitor. The file has no date column; SOURCES.md of the snapshot gives its as-of date (the
// file's commit, 2026-06-29). Values are stored verbatim (no rescaling) in the `fundamentals` table as
// statement 'valuation', period 'snapshot', period_end = the as-of date, so the engine can cite the file and date.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IsoDate } from '../core/types.ts';
import { parseCsv } from './csv.ts';
import { isIsoDate } from './quality.ts';

export const VALUATION_FILE = 'equities/sp500_fundamentals_snapshot.csv';
/** Where the file was copied from (SOURCES.md, "JohnAprek/us-stock-monitor"). */
export const VALUATION_ORIGIN = {
  repository: 'JohnAprek/us-stock-monitor',
  commit: 'f2e49084ca129c8b6a10bfda8b849f7a1cc2d28e',
  path: 'data/fundamentals.csv',
  url: 'https://github.com/JohnAprek/us-stock-monitor',
} as const;
/** The as-of date SOURCES.md states for the file, used when SOURCES.md is not next to it. */
export const VALUATION_AS_OF_DEFAULT: IsoDate = '2026-06-29';

/** Columns that are not figures (names, labels) or not values of the company (timestamps of earnings calls). */
const NOT_FIGURES = new Set(['ticker', 'shortName', 'sector', 'industry', 'recommendationKey', 'earningsTimestamp', 'earningsTimestampStart']);

export interface ValuationRow {
  /** The catalog ticker (BRK.B), not the vendor symbol (BRK-B). */
  ticker: string;
  item: string;
  value: number;
}

export interface ValuationSnapshot {
  asOf: IsoDate;
  url: string;
  rows: ValuationRow[];
}

/** The as-of date SOURCES.md gives on the line that describes the file ("… as of 2026-06-29"). */
export function valuationAsOf(root: string): IsoDate {
  const sources = path.join(root, 'SOURCES.md');
  if (existsSync(sources)) {
    for (const line of readFileSync(sources, 'utf8').split('\n')) {
      if (!line.includes('sp500_fundamentals_snapshot.csv')) continue;
      const m = /as of (\d{4}-\d{2}-\d{2})/.exec(line);
      if (m && isIsoDate(m[1]!)) return m[1]!;
    }
  }
  return VALUATION_AS_OF_DEFAULT;
}

/** The vendor symbol of a catalog ticker (Yahoo writes class shares with a dash: BRK.B → BRK-B). */
export const vendorSymbol = (ticker: string): string => ticker.replace(/\./g, '-');

/** Read the snapshot rows of the given catalog tickers; null when the file is absent. */
export async function readValuationSnapshot(root: string, tickers: Iterable<string>): Promise<ValuationSnapshot | null> {
  const file = path.join(root, VALUATION_FILE);
  if (!existsSync(file)) return null;
  const table = parseCsv(await readFile(file, 'utf8'));
  const ti = table.header.indexOf('ticker');
  if (ti < 0) throw new Error(`${VALUATION_FILE}: no ticker column`);
  const wanted = new Map([...tickers].map((t) => [vendorSymbol(t), t]));
  const byKey = new Map<string, ValuationRow>();
  for (const cells of table.rows) {
    const ticker = wanted.get((cells[ti] ?? '').trim());
    if (!ticker) continue;
    table.header.forEach((item, i) => {
      if (NOT_FIGURES.has(item)) return;
      const raw = (cells[i] ?? '').trim();
      if (raw === '') return;
      const value = Number(raw);
      // a later duplicate row of the same ticker replaces the earlier one
      if (Number.isFinite(value)) byKey.set(`${ticker}\u0000${item}`, { ticker, item, value });
    });
  }
  return { asOf: valuationAsOf(root), url: pathToFileURL(file).href, rows: [...byKey.values()] };
}
