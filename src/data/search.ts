// Bilingual series search over catalog metadata: ids, tickers, titles and aliases in Chinese and English.
// Used by `fincite series search`, by suggestions for unknown ids, and later by the question parser.
import type { SeriesMeta } from '../core/types.ts';

export interface SearchHit<T extends SeriesMeta = SeriesMeta> {
  series: T;
  score: number;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s_\-·()()]+/g, '');

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

function scoreOne(s: SeriesMeta, q: string): number {
  const id = norm(s.id);
  if (id === q) return 100;
  const names = [s.title.zh, s.title.en].map(norm);
  const aliases = s.aliases.map(norm);
  if (s.ticker && norm(s.ticker) === q) return 95;
  if (aliases.includes(q)) return 90;
  if (names.includes(q)) return 85;
  let score = 0;
  if (id.startsWith(q)) score = Math.max(score, 70);
  for (const a of aliases) {
    if (a.startsWith(q)) score = Math.max(score, 65);
    else if (a.includes(q)) score = Math.max(score, 55);
    else if (q.includes(a) && a.length >= 2) score = Math.max(score, 40 + Math.min(a.length, 10));
  }
  for (const n of names) {
    if (n.includes(q)) score = Math.max(score, 50);
  }
  if (score === 0) {
    // Every word of a multi-word query appears somewhere in the metadata.
    const words = q.length > 0 ? splitWords(q) : [];
    const hay = [id, ...names, ...aliases].join(' ');
    if (words.length > 1 && words.every((w) => hay.includes(w))) score = 35;
  }
  return score;
}

function splitWords(q: string): string[] {
  return q.split(/(?<=[a-z0-9])(?=[^a-z0-9])|(?<=[^a-z0-9])(?=[a-z0-9])/).filter((w) => w.length >= 2);
}

/** Rank series for a free-text query; an empty query lists every series in id order. */
export function searchSeries<T extends SeriesMeta>(all: T[], text: string, limit = 20): Array<SearchHit<T>> {
  const raw = text.trim();
  if (!raw) return all.slice(0, limit).map((series) => ({ series, score: 0 }));
  const words = raw.split(/\s+/).map(norm).filter(Boolean);
  const q = norm(raw);
  const hits: Array<SearchHit<T>> = [];
  for (const s of all) {
    let score = scoreOne(s, q);
    if (score === 0 && words.length > 1) {
      const parts = words.map((w) => scoreOne(s, w));
      if (parts.every((p) => p > 0)) score = Math.min(...parts) - 5;
    }
    if (score > 0) hits.push({ series: s, score });
  }
  hits.sort((a, b) => b.score - a.score || a.series.id.localeCompare(b.series.id));
  return hits.slice(0, limit);
}

/** The closest ids to a string that matched nothing: typos of ids (WALCLL → WALCL) and partial names. */
export function suggestSeries<T extends SeriesMeta>(all: T[], text: string, limit = 5): T[] {
  const direct = searchSeries(all, text, limit).map((h) => h.series);
  if (direct.length) return direct;
  const q = norm(text);
  return all
    .map((s) => ({ s, d: Math.min(editDistance(q, norm(s.id)), ...s.aliases.map((a) => editDistance(q, norm(a)))) }))
    .filter((x) => x.d <= Math.max(1, Math.min(3, Math.floor(q.length / 3))))
    .sort((a, b) => a.d - b.d || a.s.id.localeCompare(b.s.id))
    .slice(0, limit)
    .map((x) => x.s);
}
