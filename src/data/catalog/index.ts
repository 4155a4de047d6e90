// The series catalog: every series the snapshot holds, with bilingual names, aliases, units and where to read
// it. Lookup by id and a simple company finder live here; ranking and fuzzy search belong elsewhere.
import type { Company } from '../../core/types.ts';
import { companies, companySeries } from './companies.ts';
import { fredSeries } from './fred.ts';
import { marketSeries } from './markets.ts';
import type { CatalogSeries } from './types.ts';

export type { CatalogSeries, LiveLocation, SnapshotLocation } from './types.ts';
export { companies, companySeries, fredSeries, marketSeries };

export const catalog: CatalogSeries[] = [...fredSeries, ...marketSeries, ...companySeries];

const byId = new Map<string, CatalogSeries>(catalog.map((s) => [s.id.toUpperCase(), s]));

/** The catalog entry with this id (case-insensitive), e.g. getSeries('dgs10'), getSeries('BRK.B'). */
export function getSeries(id: string): CatalogSeries | undefined {
  return byId.get(id.trim().toUpperCase());
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
const HAS_CJK = /[\u3400-\u9fff]/;

interface Key {
  company: Company;
  key: string; // normalised
  raw: string;
  /** Tickers and one- or two-letter keys only count inside text when written exactly (COST, not "cost"). */
  exactCase: boolean;
}

const keys: Key[] = companies.flatMap((company) => {
  const tickers = [company.ticker, company.ticker.replace('.', '-')];
  return [...tickers, company.name.en, company.name.zh, ...company.aliases].map((raw) => ({
    company,
    key: norm(raw),
    raw,
    exactCase: tickers.includes(raw) || raw.length <= 2,
  }));
});

const exact = new Map<string, Company>();
for (const k of keys) if (!exact.has(k.key)) exact.set(k.key, k.company);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `k` is mentioned in `text` (normalised `t`), or -1. */
function position(k: Key, text: string, t: string): number {
  if (HAS_CJK.test(k.key)) return t.indexOf(k.key);
  const m =
    k.exactCase
      ? new RegExp(`(^|[^A-Za-z0-9])${escapeRe(k.raw)}($|[^A-Za-z0-9])`).exec(text)
      : new RegExp(`(^|[^a-z0-9])${escapeRe(k.key)}($|[^a-z0-9])`).exec(t);
  return m ? m.index + m[1]!.length : -1;
}

/**
 * Every company a piece of text mentions, in order of first mention ("台积电和英伟达今年谁涨得多" → TSM, NVDA).
 * Latin names must stand as whole words; tickers (and any one- or two-letter key) only count when written
 * exactly, so "cost" or "hood" in a sentence is not COST or HOOD. A longer name wins over a shorter one at the same place.
 */
export function findCompanies(text: string): Company[] {
  const t = norm(text);
  if (!t) return [];
  const first = new Map<Company, number>();
  for (const k of keys) {
    const at = position(k, text, t);
    if (at < 0) continue;
    const prev = first.get(k.company);
    if (prev === undefined || at < prev) first.set(k.company, at);
  }
  return [...first.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
}

/**
 * The company a piece of text names: an exact match on ticker, name or alias (case-insensitive), else the
 * first company mentioned inside the text ("苹果最新股价" → AAPL); undefined when none is named.
 */
export function findCompany(text: string): Company | undefined {
  const hit = exact.get(norm(text));
  return hit ?? findCompanies(text)[0];
}

/** The price series of a company, by ticker (case-insensitive). */
export function companyPriceSeries(ticker: string): CatalogSeries | undefined {
  const s = getSeries(ticker);
  return s?.ticker ? s : undefined;
}
