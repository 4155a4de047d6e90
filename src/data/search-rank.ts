// Relevance ranking for the series explorer (GET /api/series?q=): what a person typing into a search box means,
// in Chinese or English. Tiers, best first: the exact id or ticker; an exact alias or title; a title (or alias, or
// id) that starts with the query or holds it as whole words; a title that contains it; an alias that contains it;
// an id that contains it; every word of a multi-word query somewhere; and last, near-misses (typos). Within a tier
// the flagship series comes first: the catalog gives the series people ask about most the most aliases (DGS10 has
// 17, its monthly average GS10 has 4), then daily/weekly before monthly and slower, then the shorter title, then id.
// The engine keeps its own matcher (search.ts); this one only orders what a person browses.
import { distance } from 'fastest-levenshtein';
import type { Frequency, SeriesMeta } from '../core/types.ts';

export type MatchField = 'id' | 'ticker' | 'alias' | 'title';

export interface RankedHit<T extends SeriesMeta = SeriesMeta> {
  series: T;
  /** The tier (higher is better); see TIER. */
  tier: number;
  /** Which name matched and how it is written in the catalog (for "matched alias: 缩表" and highlighting). */
  match: { field: MatchField; text: string } | null;
}

export const TIER = {
  exactId: 100,
  exactName: 95,
  prefixOrWord: 85,
  titleContains: 70,
  aliasContains: 60,
  idContains: 50,
  allWords: 40,
  typo: 20,
} as const;

const SEPARATORS = /[\s_\-·・.,:;/\\|()()[\]【】「」'"‘’“”,。:;、&+]+/g;
const CJK = /[\u3400-\u9fff]/;

/** Lower case, full-width to half-width, separators to single spaces: "10-Year" → "10 year". */
function words(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}
/** The same without any separator, for equality and substring tests: "10-Year" → "10year". */
const compact = (w: string) => w.replace(/ /g, '');

interface Name {
  field: MatchField;
  text: string;
  words: string;
  compact: string;
}

interface Prepared<T extends SeriesMeta> {
  series: T;
  names: Name[];
  /** Every word of every name, for the word-by-word typo tier. */
  vocab: string[];
  popularity: number;
  titleLength: number;
}

const FREQ_RANK: Record<Frequency, number> = { daily: 0, weekly: 0, monthly: 1, quarterly: 2, annual: 3, irregular: 4 } as Record<Frequency, number>;

function prepare<T extends SeriesMeta>(s: T): Prepared<T> {
  const name = (field: MatchField, text: string): Name => {
    const w = words(text);
    return { field, text, words: w, compact: compact(w) };
  };
  const names = [name('id', s.id), ...(s.ticker ? [name('ticker', s.ticker)] : []), name('title', s.title.zh), name('title', s.title.en), ...s.aliases.map((a) => name('alias', a))];
  const kept = names.filter((n) => n.compact);
  const vocab = [...new Set(kept.flatMap((n) => n.words.split(' ')))];
  return { series: s, names: kept, vocab, popularity: s.aliases.length, titleLength: Math.min(s.title.zh.length, s.title.en.length) };
}

/** `phrase` (space-separated words) appears in `hay` as whole words, or `hay` starts with it. */
function prefixOrWholeWords(hay: Name, q: { words: string; compact: string }): boolean {
  if (hay.compact.startsWith(q.compact)) return true;
  // Whole words only make sense for Latin text: "10 year" inside "... at 10 year constant maturity".
  if (CJK.test(q.compact)) return false;
  return ` ${hay.words} `.includes(` ${q.words} `);
}

/** `hay` holds the query: anywhere for Chinese, within the words for Latin ("QT" is not in "QQQ Trust"). */
function contains(hay: Name, q: { words: string; compact: string }): boolean {
  return CJK.test(q.compact) ? hay.compact.includes(q.compact) : hay.words.includes(q.words);
}

function tierOf<T extends SeriesMeta>(p: Prepared<T>, q: { words: string; compact: string; list: string[] }): { tier: number; match: Name | null } {
  let best: { tier: number; match: Name | null } = { tier: 0, match: null };
  const take = (tier: number, match: Name) => {
    if (tier > best.tier) best = { tier, match };
  };
  for (const n of p.names) {
    const exact = n.compact === q.compact;
    if (n.field === 'id' || n.field === 'ticker') {
      if (exact) take(TIER.exactId, n);
      else if (n.compact.startsWith(q.compact)) take(TIER.prefixOrWord, n);
      else if (n.compact.includes(q.compact)) take(TIER.idContains, n);
    } else if (exact) take(TIER.exactName, n);
    else if (prefixOrWholeWords(n, q)) take(TIER.prefixOrWord, n);
    else if (contains(n, q)) take(n.field === 'title' ? TIER.titleContains : TIER.aliasContains, n);
  }
  if (best.tier === 0 && q.list.length > 1) {
    // "treasury 10 year", "fed assets": every word starts a word of some name (or sits inside a Chinese one)
    const all = p.names.map((n) => ` ${n.words}`).join(' ');
    const hit = (w: string) => (CJK.test(w) ? all.includes(w) : all.includes(` ${w}`));
    if (q.list.every(hit)) best = { tier: TIER.allWords, match: null };
  }
  return best;
}

/** How far off a typo may be: none under 4 characters, 1 up to 7, 2 beyond. */
function typoBudget(len: number): number {
  return len < 4 ? 0 : len <= 7 ? 1 : 2;
}

/** A name within typo distance of the whole query ("unemploymnet" → "unemployment"), or null. */
function typoMatch<T extends SeriesMeta>(p: Prepared<T>, qc: string): Name | null {
  const budget = typoBudget(qc.length);
  if (!budget) return null;
  let best: { d: number; n: Name } | null = null;
  for (const n of p.names) {
    if (Math.abs(n.compact.length - qc.length) > budget) continue;
    const d = distance(n.compact, qc);
    if (d <= budget && (!best || d < best.d)) best = { d, n };
  }
  return best?.n ?? null;
}

/** Every word of a multi-word query starts a word of some name or is a near-miss of one ("fed asets"). */
function wordsTypoMatch<T extends SeriesMeta>(p: Prepared<T>, list: string[]): boolean {
  if (list.length < 2) return false;
  return list.every((w) => {
    const budget = typoBudget(w.length);
    for (const v of p.vocab) if (v.startsWith(w) || (budget && Math.abs(v.length - w.length) <= budget && distance(v, w) <= budget)) return true;
    return false;
  });
}

// The store hands out fresh objects per request, so the normalised names are cached by their content (normalising
// the whole catalog costs ~15 ms; a lookup well under 1 ms). Bounded: cleared if the catalog ever churns past it.
const cache = new Map<string, Prepared<SeriesMeta>>();
const CACHE_MAX = 10_000;
function prepared<T extends SeriesMeta>(s: T): Prepared<T> {
  const key = [s.id, s.ticker ?? '', s.title.zh, s.title.en, ...s.aliases].join('\u0000');
  let p = cache.get(key);
  if (!p) {
    if (cache.size >= CACHE_MAX) cache.clear();
    p = prepare(s);
    cache.set(key, p);
  }
  return { ...p, series: s } as Prepared<T>;
}

function compareWithinTier<T extends SeriesMeta>(a: Prepared<T>, b: Prepared<T>): number {
  return (
    b.popularity - a.popularity ||
    (FREQ_RANK[a.series.frequency] ?? 5) - (FREQ_RANK[b.series.frequency] ?? 5) ||
    a.titleLength - b.titleLength ||
    a.series.id.localeCompare(b.series.id)
  );
}

/**
 * The series a query means, best first (at most `limit`). An empty query lists the catalog flagship-first (the
 * within-tier order), so a person browsing sees DGS10 and WALCL before AAA10Y.
 */
export function rankSeries<T extends SeriesMeta>(all: T[], text: string, limit = 20): Array<RankedHit<T>> {
  const qWords = words(text);
  const qCompact = compact(qWords);
  if (!qCompact) {
    return all
      .map(prepared)
      .sort(compareWithinTier)
      .slice(0, limit)
      .map((p) => ({ series: p.series, tier: 0, match: null }));
  }
  const q = { words: qWords, compact: qCompact, list: qWords.split(' ').filter(Boolean) };
  const hits: Array<{ p: Prepared<T>; tier: number; match: Name | null }> = [];
  const rest: Array<Prepared<T>> = [];
  for (const s of all) {
    const p = prepared(s);
    const { tier, match } = tierOf(p, q);
    if (tier > 0) hits.push({ p, tier, match });
    else rest.push(p);
  }
  for (const p of rest) {
    const n = typoMatch(p, qCompact);
    if (n || wordsTypoMatch(p, q.list)) hits.push({ p, tier: TIER.typo, match: n });
  }
  hits.sort((a, b) => b.tier - a.tier || compareWithinTier(a.p, b.p));
  return hits.slice(0, limit).map((h) => ({ series: h.p.series, tier: h.tier, match: h.match ? { field: h.match.field, text: h.match.text } : null }));
}
