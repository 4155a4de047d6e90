// Coverage: every content word of a question must be accounted for. After the subjects and times are found, what
// is left is checked against what the database does NOT hold — a place or central bank other than the subjects'
// region ("欧洲央行资产负债表", "Zimbabwe CPI"), a world index the catalog lacks (DAX, 恒生指数), an organisation noun
// that makes a company name another company's ("Apple Bank", "英伟达移动"), a share class or a Treasury tenor that
// does not exist, a word that is neither English nor a catalog name ("Westeros") and a qualifier in front of a
// series name that the catalog does not have ("年轻人失业率"). Such a question is declined, naming what is missing;
// a misspelt name that is close to exactly one catalog name is corrected instead ("Amazn" → Amazon, 特斯垃 → 特斯拉).
import type { SeriesMeta } from '../../core/types.ts';
import { correctChinese, correctLatin, expandedChinese, type NameLexicon } from './fuzzy.ts';
import { EN_FINANCE_WORDS, isEnglishWord, LEGAL_FORMS, ORG_NOUNS_EN, ORG_NOUNS_ZH, placeNames, regionsOf, UNSUPPORTED_MEASURES, WORLD_INDICES, ZH_FUNCTION_WORDS, type Region } from './lexicon.ts';
import type { SubjectMatch } from './subjects.ts';

export interface Correction {
  from: string;
  to: string;
  start: number;
  end: number;
}

export type NotHeldKind = 'place' | 'institution' | 'index' | 'entity' | 'tenor' | 'share_class' | 'measure';

export interface NotHeld {
  text: string;
  kind: NotHeldKind;
  /** For places and institutions: the region named. */
  region?: Region;
  /** What the catalog holds instead (a share class, the subject's region …). */
  held?: string;
}

export interface Coverage {
  corrections: Correction[];
  notHeld: NotHeld[];
}


const HAN = /[\u3400-\u9fff]/;
const nameRegex = new Map<string, RegExp>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Tenors of the Treasury curve the catalog holds, in months (from the DGSn / DGSnMO ids). */
function heldTenors(series: Map<string, SeriesMeta>): Set<number> {
  const out = new Set<number>();
  for (const id of series.keys()) {
    const m = /^DGS(\d+)(MO)?$/.exec(id);
    if (m) out.add(m[2] ? Number(m[1]) : Number(m[1]) * 12);
  }
  return out;
}

function overlaps(spans: Array<[number, number]>, s: number, e: number): boolean {
  return spans.some(([a, b]) => s < b && e > a);
}

/** Place names that are also everyday words in lower case: they count only when written with their capital. */
const CAPITAL_ONLY = new Set(['chad', 'jordan', 'polish', 'man']);

/**
 * Find `name` in `q` as a whole word (Latin) outside `taken` (none: pass []). Names of ≤3 letters, all-caps
 * abbreviations and the few place names that are everyday words must keep their case; others match in any case
 * ("japan cpi" names Japan, though "japan" is also a word for lacquer).
 */
export function findName(q: string, name: string, taken: Array<[number, number]>, lower = q.toLowerCase()): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (HAN.test(name)) {
    for (let at = q.indexOf(name); at >= 0; at = q.indexOf(name, at + 1)) if (!overlaps(taken, at, at + name.length)) out.push([at, at + name.length]);
    return out;
  }
  // a cheap test first: most names are not in most questions
  if (!lower.includes(name.toLowerCase())) return out;
  let re = nameRegex.get(name);
  if (!re) {
    const caseSensitive = name.length <= 3 || /^[A-Z]{2,}$/.test(name) || CAPITAL_ONLY.has(name.toLowerCase());
    re = new RegExp(`(?<![A-Za-z0-9])${escape(name)}(?![A-Za-z0-9])`, caseSensitive ? 'g' : 'gi');
    nameRegex.set(name, re);
  }
  for (const m of q.matchAll(re)) if (!overlaps(taken, m.index, m.index + m[0].length)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Subject matches that are only part of a longer place or index name ("欧元" in "欧元区", "上证" in "上证50"):
 * the longer name is what the question says, so those matches are dropped.
 */
export function shadowedByNames(q: string, found: SubjectMatch[], timeSpans: Array<[number, number]>): SubjectMatch[] {
  const nq = q.normalize('NFKC');
  const spans: Array<[number, number]> = [];
  const lower = nq.toLowerCase();
  for (const name of [...placeNames().map((p) => p.name), ...WORLD_INDICES]) spans.push(...findName(nq, name, timeSpans, lower));
  return found.filter((f) => spans.some(([s, e]) => s <= f.start && e >= f.end && e - s > f.end - f.start));
}

export interface CoverageInput {
  q: string;
  series: Map<string, SeriesMeta>;
  lexicon: NameLexicon;
  /** Spans of time expressions and of every word some parser accounted for. */
  taken: Array<[number, number]>;
  found: SubjectMatch[];
  /** Words some parser understands (measure, policy, comparison words): such a run is no unknown qualifier. */
  knownWords?: (text: string) => boolean;
}

export function checkCoverage(input: CoverageInput): Coverage {
  const { q, series, lexicon, found } = input;
  const taken: Array<[number, number]> = [...input.taken, ...found.map((f) => [f.start, f.end] as [number, number])];
  const notHeld: NotHeld[] = [];
  const corrections: Correction[] = [];
  const subjectRegions = new Set<Region>();
  for (const f of found) {
    const m = series.get(f.subject.seriesId);
    if (m) for (const r of regionsOf(m)) subjectRegions.add(r);
  }

  const lower = q.toLowerCase();
  // places and central banks
  for (const p of placeNames()) {
    for (const [s, e] of findName(q, p.name, taken, lower)) {
      taken.push([s, e]);
      if (p.region === 'GLOBAL') continue;
      if (found.length ? !subjectRegions.has(p.region) : p.region !== 'US') notHeld.push({ text: q.slice(s, e), kind: p.kind, region: p.region });
    }
  }
  // world indices the catalog does not hold
  for (const name of WORLD_INDICES) {
    for (const [s, e] of findName(q, name, taken, lower)) {
      taken.push([s, e]);
      notHeld.push({ text: q.slice(s, e), kind: 'index' });
    }
  }
  // statistics the analytics library does not compute (偏度, Sharpe ratio): never replaced by another measure
  for (const name of UNSUPPORTED_MEASURES) {
    for (const [s, e] of findName(q, name, taken)) {
      taken.push([s, e]);
      notHeld.push({ text: q.slice(s, e), kind: 'measure' });
    }
  }
  // misspelt names first: a corrected question is parsed again, and only then checked for what is not held
  for (const m of q.matchAll(/[A-Za-z][A-Za-z&'.-]*[A-Za-z]|[A-Za-z]/g)) {
    const s = m.index;
    const w = m[0].replace(/'s$/i, '').replace(/\.$/, '');
    if (overlaps(taken, s, s + w.length) || knownLatin(w, lexicon)) continue;
    const v = correctLatin(w, lexicon);
    if (v.kind === 'correct') corrections.push({ from: w, to: v.to, start: s, end: s + w.length });
  }
  const runs = cjkRuns(q, taken);
  for (const [s, e] of runs) {
    const run = q.slice(s, e);
    const c = correctChinese(run, lexicon);
    // a word some parser knows is no misspelt name, whatever it sounds like (每股收益 is not 美股)
    if (c && !knownWordOverlaps(run, c.start, c.end, input.knownWords)) corrections.push({ from: run.slice(c.start, c.end), to: c.to, start: s + c.start, end: s + c.end });
  }
  if (corrections.length) return { corrections, notHeld: [] };

  // a company name followed by an organisation noun or an unknown capitalised word is another company
  for (const f of found) {
    if (f.subject.type !== 'company') continue;
    const after = q.slice(f.end);
    const zh = ORG_NOUNS_ZH.find((n) => after.startsWith(n));
    if (zh) {
      notHeld.push({ text: q.slice(f.start, f.end + zh.length), kind: 'entity', held: f.subject.ticker });
      taken.push([f.end, f.end + zh.length]);
      continue;
    }
    const m = /^(?:'s)?((?:\s+[A-Z][\w&./-]*)+|\s+[a-z]+)/.exec(after);
    if (!m) continue;
    const ws = m[1]!.trim().split(/\s+/);
    const first = ws[0]!;
    const unknownCapital = /^[A-Z][A-Za-z]/.test(first) && !first.includes('/') && !LEGAL_FORMS.test(first) && !isEnglishWord(first) && !EN_FINANCE_WORDS.has(first.toLowerCase()) && !lexicon.latin.has(first.toLowerCase());
    if (ORG_NOUNS_EN.test(first) || unknownCapital) {
      const end = f.end + m[0].length;
      notHeld.push({ text: q.slice(f.start, end).trim(), kind: 'entity', held: f.subject.ticker });
      taken.push([f.end, end]);
    }
  }
  // share classes: "BRK.A", "GOOGL" where another class is held
  for (const m of q.matchAll(/(?<![A-Za-z0-9])[A-Z]{2,5}(?:[.-][A-Z])?(?![A-Za-z0-9])/g)) {
    if (overlaps(taken, m.index, m.index + m[0].length) || lexicon.tickers.has(m[0]) || lexicon.tickers.has(m[0].replace('-', '.'))) continue;
    const v = correctLatin(m[0], lexicon);
    if (v.kind === 'share_class') {
      notHeld.push({ text: m[0], kind: 'share_class', held: v.held });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  // Treasury tenors the curve does not have ("15年期美债", "the 4-year Treasury")
  if (/美债|国债|收益率|treasur|yield|note|bond/i.test(q)) {
    const tenors = heldTenors(series);
    for (const m of q.matchAll(/(?<![\d.])(\d{1,3})\s*(?:(年期|-?year|-?yr)|(个月期|-?month))(?![A-Za-z])/gi)) {
      if (overlaps(taken, m.index, m.index + m[0].length)) continue;
      const months = m[3] ? Number(m[1]) : Number(m[1]) * 12;
      if (!tenors.has(months)) {
        notHeld.push({ text: m[0], kind: 'tenor' });
        taken.push([m.index, m.index + m[0].length]);
      }
    }
  }
  // Latin words that are neither English, finance shorthand nor catalog names: a typo of a name, or an unknown name
  for (const m of q.matchAll(/[A-Za-z][A-Za-z&'.-]*[A-Za-z]|[A-Za-z]/g)) {
    const s = m.index;
    const e = s + m[0].length;
    if (overlaps(taken, s, e)) continue;
    const w = m[0].replace(/'s$/i, '').replace(/\.$/, '');
    if (knownLatin(w, lexicon)) continue;
    const v = correctLatin(w, lexicon);
    if (v.kind === 'share_class') notHeld.push({ text: w, kind: 'share_class', held: v.held });
    else notHeld.push({ text: w, kind: 'entity' });
    taken.push([s, e]);
  }
  const freeRuns = cjkRuns(q, taken);
  for (const f of found) {
    let e = f.start;
    if (q[e - 1] === '的') e--;
    const run = freeRuns.find(([, re]) => re === e);
    if (!run) continue;
    const text = q.slice(run[0], run[1]);
    // only a qualifier right next to the name: "手里有多少美债" is no "手里美债"
    if (FUNCTION_WORDS.some((w) => text.endsWith(w))) continue;
    const core = stripFunctionWords(text);
    if (core.length < 2 || input.knownWords?.(core)) continue;
    const phrase = core + q.slice(e, f.end).replace(/^的/, '');
    // a catalog name written with a word added is that name, read as a correction ("密歇根大学通胀预期")
    const next = freeRuns.find(([rs]) => rs === f.end);
    const tail = next ? stripFunctionWords(q.slice(next[0], next[1])) : '';
    const start = q.indexOf(core, run[0]);
    for (const [text, end] of [[phrase + tail, f.end + (tail && q.startsWith(tail, f.end) ? tail.length : 0)], [phrase, f.end]] as const) {
      const named = expandedChinese(text, lexicon);
      if (named) return { corrections: [{ from: q.slice(start, end), to: named, start, end }], notHeld: [] };
    }
    notHeld.push({ text: phrase, kind: 'entity' });
  }
  return { corrections, notHeld: dedupe(notHeld) };
}

/** An English word, finance shorthand, a catalog word, or a hyphenated compound of these. */
function knownLatin(word: string, lexicon: NameLexicon): boolean {
  const known = (x: string) => x.length < 3 || isEnglishWord(x) || EN_FINANCE_WORDS.has(x) || lexicon.latin.has(x) || /^(?:q[1-4]|h[12]|fy\d*)$/.test(x);
  const lw = word.toLowerCase();
  return known(lw) || (/[-.]/.test(lw) && lw.split(/[-.]/).every(known));
}

/** Does a word the parsers know (its shortest known form) overlap [start, end) of `run`? */
function knownWordOverlaps(run: string, start: number, end: number, known: ((t: string) => boolean) | undefined): boolean {
  if (!known) return false;
  for (let a = 0; a < run.length; a++)
    for (let b = a + 2; b <= Math.min(run.length, a + 6); b++) {
      if (b <= start || a >= end) continue;
      const sub = run.slice(a, b);
      if (!known(sub)) continue;
      // the shortest known form: no known word inside it
      let inner = false;
      for (let x = a; x < b && !inner; x++) for (let y = x + 2; y <= b && !inner; y++) if ((x !== a || y !== b) && known(run.slice(x, y))) inner = true;
      if (!inner) return true;
    }
  return false;
}

/** Runs of Chinese characters outside the spans accounted for. */
function cjkRuns(q: string, taken: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = -1;
  for (let i = 0; i <= q.length; i++) {
    const free = i < q.length && HAN.test(q[i]!) && !overlaps(taken, i, i + 1);
    if (free && s < 0) s = i;
    if (!free && s >= 0) {
      out.push([s, i]);
      s = -1;
    }
  }
  return out;
}

const FUNCTION_WORDS = [...ZH_FUNCTION_WORDS].sort((a, b) => b.length - a.length);

/** The run without the request words, particles and generic nouns at either end ("请问维斯特洛" → "维斯特洛"). */
function stripFunctionWords(run: string): string {
  let r = run;
  for (let changed = true; changed && r; ) {
    changed = false;
    for (const w of FUNCTION_WORDS) {
      if (r.startsWith(w)) {
        r = r.slice(w.length);
        changed = true;
      }
      if (r.endsWith(w)) {
        r = r.slice(0, -w.length);
        changed = true;
      }
    }
  }
  // a run made of function words only, or of a trailing measure/time word, names nothing
  return FUNCTION_WORDS.includes(r) ? '' : r;
}

function dedupe(xs: NotHeld[]): NotHeld[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.text) ? false : (seen.add(x.text), true)));
}
