// The numeric-claim verifier: every number in a text must match a Fact, a number in the evidence, or a
// simple derivation (difference, sum, ratio, percent change, average of two or three) of evidence numbers
// that are relevant to the claim — relevant meaning the words around the claim name their metric (a fact's
// label, a table row) and period (a date, a table column). Tolerance comes only from the precision written.
import type { Fact } from '../../core/answer.ts';
import { buildPool, factDates, type EvKind, type EvNum, type Pool } from './evidence.ts';
import { extractClaims } from './extract.ts';
import {
  clauseAround,
  comparisonWords,
  contentTokens,
  dateIntervals,
  datesIn,
  directionBinding,
  directionWords,
  entityLexicon,
  entityMentions,
  hasCjk,
  opsAsked,
  phrases,
  sentenceAround,
  yearsIn,
  type Direction,
  type EntityLexicon,
  type EntityMention,
  type Op,
  type WrittenDate,
} from './text.ts';
import type { Claim, ClaimResult, ClaimSupport, EntityNames, Evidence, Lang, StatementResult, VerificationResult, VerifyOptions } from './types.ts';

// ---- matching one value ------------------------------------------------------------------------------

/** Magnitude interval of values that round to what the claim wrote. */
function interval(c: Claim): [number, number] {
  const v = Math.abs(c.value);
  const eps = 1e-9 * Math.max(v, 1e-9) + 1e-12;
  const tol = c.tolerance;
  if (c.qualifier === 'over') return [v - eps, v + 2 * tol + eps];
  if (c.qualifier === 'under') return [v - 2 * tol - eps, v + eps];
  return [v - tol - eps, v + tol + eps];
}

function compatible(c: Claim, kind: EvKind, currency: string | undefined, fromFact = false): boolean {
  switch (c.unitKind) {
    case 'money':
      return (kind === 'money' && (!c.currency || !currency || c.currency === currency)) || kind === 'plain';
    case 'percent':
      return kind === 'percent' || kind === 'pp' || kind === 'plain';
    case 'bp':
    case 'pp':
      return kind === 'pp' || kind === 'percent' || kind === 'plain';
    case 'count':
      return kind === 'count' || kind === 'plain';
    case 'plain':
      // a bare number is not a percent ("2" is not "1.66%"), but a spread fact may be written bare
      return kind !== 'percent' && (kind !== 'pp' || fromFact);
  }
}

function inside(iv: [number, number], x: number): boolean {
  return x >= iv[0] && x <= iv[1];
}

/** Multipliers tried for numbers of unknown scale (a table "in thousands", "in millions", 万元, 亿元). */
const UNKNOWN_SCALES = [1e3, 1e4, 1e6, 1e8, 1e9];

/** Does `value` (of `kind`) round to the claim? `scaleKnown` false: the value is as written in its source. */
function matchValue(
  c: Claim,
  iv: [number, number],
  value: number,
  kind: EvKind,
  scaleKnown: boolean,
  currency?: string,
  fromFact = false,
  writtenScale = 1,
): boolean {
  if (!compatible(c, kind, currency, fromFact)) return false;
  const m = Math.abs(value);
  if (inside(iv, m)) return true;
  // "$53 million" in the evidence, "53" in a text that says "in millions" elsewhere (or not at all)
  if (writtenScale > 1 && c.scale === 1 && c.unitKind !== 'percent' && c.unitKind !== 'bp' && c.unitKind !== 'pp' && inside(iv, m / writtenScale)) return true;
  if (!scaleKnown) {
    if ((c.unitKind === 'bp' || c.unitKind === 'pp') && kind === 'plain') {
      // a table written in basis points: compare with the numeral
      const n = Math.abs(c.numeral);
      const t = c.tolerance / c.scale;
      if (m >= n - t - 1e-9 && m <= n + t + 1e-9) return true;
    }
    if (c.scale > 1 && (c.unitKind === 'money' || c.unitKind === 'count' || c.unitKind === 'plain')) {
      for (const k of UNKNOWN_SCALES) if (inside(iv, m * k)) return true;
    }
  }
  return false;
}

// ---- relevance ---------------------------------------------------------------------------------------

interface Metric {
  tokens: Set<string>;
  section?: Set<string>;
  nums: EvNum[];
}

interface SpaceIndex {
  nums: EvNum[];
  metrics: Map<string, Metric>;
  metricList: Metric[];
  /** word → metrics that have it, with its weight there (idf; half for a section word). */
  postings: Map<string, Array<[number, number]>>;
  idf: Map<string, number>;
  /** Weights of words in period (column) headers. */
  periodIdf: Map<string, number>;
  /** Total rows of a table by period: the denominators of "X as a share of the total". */
  totals: Map<string, EvNum[]>;
  /** The metric (index into metricList) of each number. */
  metricOf: Map<EvNum, number>;
}

function indexSpaces(pool: Pool): Map<string, SpaceIndex> {
  const spaces = new Map<string, SpaceIndex>();
  for (const n of pool.nums) {
    let s = spaces.get(n.space);
    if (!s) spaces.set(n.space, (s = { nums: [], metrics: new Map(), metricList: [], postings: new Map(), idf: new Map(), periodIdf: new Map(), totals: new Map(), metricOf: new Map() }));
    if (n.isTotal && n.source === 'table') (s.totals.get(n.periodKey) ?? s.totals.set(n.periodKey, []).get(n.periodKey)!).push(n);
    s.nums.push(n);
    let m = s.metrics.get(n.metricKey);
    if (!m) s.metrics.set(n.metricKey, (m = { tokens: n.metricTokens, ...(n.sectionTokens ? { section: n.sectionTokens } : {}), nums: [] }));
    m.nums.push(n);
  }
  for (const s of spaces.values()) {
    const df = new Map<string, number>();
    for (const m of s.metrics.values()) for (const t of new Set([...m.tokens, ...(m.section ?? [])])) df.set(t, (df.get(t) ?? 0) + 1);
    const N = s.metrics.size;
    for (const [t, d] of df) s.idf.set(t, Math.log(1 + N / d));
    s.metricList = [...s.metrics.values()];
    s.metricList.forEach((m, mi) => {
      for (const n of m.nums) s.metricOf.set(n, mi);
      const add = (t: string, w: number) => (s.postings.get(t) ?? s.postings.set(t, []).get(t)!).push([mi, w]);
      for (const t of m.tokens) add(t, s.idf.get(t) ?? 0);
      if (m.section) for (const t of m.section) if (!m.tokens.has(t)) add(t, 0.5 * (s.idf.get(t) ?? 0));
    });
    const periods = new Map<string, Set<string>>();
    for (const n of s.nums) periods.set(n.periodKey, n.periodTokens);
    const pdf = new Map<string, number>();
    for (const toks of periods.values()) for (const t of toks) pdf.set(t, (pdf.get(t) ?? 0) + 1);
    for (const [t, d] of pdf) s.periodIdf.set(t, Math.log(1 + periods.size / d));
  }
  return spaces;
}

interface ClaimContext {
  tokens: Set<string>;
  /** Tokens of each item the context names ("X as a percentage of Y" → X, Y); computed when needed. */
  phrases?: Array<Set<string>>;
  years: Set<string>;
  ops: Set<Op> | undefined;
  text: string;
  /** The claim stands alone after a question: it is the answer to that question. */
  answers: boolean;
  /** Words of the claim's own clause, when its sentence has several ("…，2年期为4.0%"): they say which item it is. */
  clauseTokens?: Set<string>;
}

const THETA = 0.5;
/** At most this many facts enter derivations for one claim (the best-matching ones). */
const MAX_FACT_CANDIDATES = 12;

interface Relevance {
  /** Numbers of the best-matching metrics, in the periods the context names: inputs of derivations. */
  cands: EvNum[];
  /** Numbers whose metric the context names (any period): a direct match must be one of these … */
  metric: Set<EvNum>;
  /** … when the context names some metric of their space at all. */
  pointed: Set<string>;
}

/** The evidence numbers the claim's words point at: best-matching metrics, then the periods named. */
export function relevant(ctx: ClaimContext, spaces: Map<string, SpaceIndex>): Relevance {
  const rel: Relevance = { cands: [], metric: new Set(), pointed: new Set() };
  if (ctx.tokens.size === 0 && ctx.years.size === 0) return rel;
  for (const [name, s] of spaces) {
    if (name === 'numbers') {
      if (s.nums.length <= 6) rel.cands.push(...s.nums);
      continue;
    }
    const scores = scoreMetrics(s, ctx.tokens);
    let max = 0;
    for (const sc of scores.values()) if (sc > max) max = sc;
    if (max === 0) continue;
    rel.pointed.add(name);
    const source = s.nums[0]!.source;
    // tables and facts: the best-matching metrics; passages: any sentence that shares words with the context
    const directTheta = source === 'passage' ? 0 : THETA;
    const chosen = new Set<number>();
    for (const [mi, sc] of scores) {
      if (sc >= directTheta * max) for (const n of s.metricList[mi]!.nums) rel.metric.add(n);
      if (sc >= THETA * max) chosen.add(mi);
    }
    // each item the context names picks its best row too ("X as a percentage of total Y")
    if (source === 'table' && (ctx.phrases ??= phrases(ctx.text)).length > 1) {
      for (const ph of ctx.phrases) {
        let best = 0;
        let bestRows: number[] = [];
        for (const [mi, sc] of scoreMetrics(s, ph)) {
          if (sc > best + 1e-9) {
            best = sc;
            bestRows = [mi];
          } else if (sc > 0 && Math.abs(sc - best) <= 1e-9) bestRows.push(mi);
        }
        if (best > 0 && bestRows.length <= 2) for (const mi of bestRows) chosen.add(mi);
      }
    }
    let cands: EvNum[] = [];
    for (const mi of chosen) for (const n of s.metricList[mi]!.nums) {
      rel.metric.add(n);
      cands.push(n);
    }
    if (name === 'facts') {
      // facts were chosen for the answer: a fact's date is no reason to leave it out ("较峰值下降" names no year)
      const best = [...chosen].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0)).slice(0, MAX_FACT_CANDIDATES);
      for (const mi of best) rel.cands.push(...s.metricList[mi]!.nums);
      continue;
    }
    // periods: the years the context names, else the periods its words name, else all
    if (ctx.years.size > 0) {
      const byYear = cands.filter((n) => hasAny(n.periodYears, ctx.years));
      if (byYear.length > 0) cands = byYear;
    } else {
      let best = 0;
      const ps = cands.map((n) => periodScore(n, ctx.tokens, s.periodIdf));
      for (const p of ps) if (p > best) best = p;
      if (best > 0) cands = cands.filter((_, i) => ps[i]! >= THETA * best);
    }
    rel.cands.push(...cands);
  }
  return rel;
}

function hasAny(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function periodScore(n: EvNum, q: Set<string>, idf: Map<string, number>): number {
  let sc = 0;
  for (const t of n.periodTokens) if (q.has(t)) sc += idf.get(t) ?? 0;
  return sc;
}

/** Score of every metric of a space that shares a word with `q` (metric index → weight of shared words). */
function scoreMetrics(s: SpaceIndex, q: Set<string>): Map<number, number> {
  const acc = new Float64Array(s.metricList.length);
  const touched: number[] = [];
  for (const t of q) {
    const posting = s.postings.get(t);
    if (!posting) continue;
    for (const [mi, w] of posting) {
      if (acc[mi] === 0) touched.push(mi);
      acc[mi]! += w;
    }
  }
  const scores = new Map<number, number>();
  for (const mi of touched) if (acc[mi]! > 0) scores.set(mi, acc[mi]!);
  return scores;
}

// ---- derivations ---------------------------------------------------------------------------------------

interface Derived {
  op?: Op;
  value: number;
  kind: EvKind;
  scaleKnown: boolean;
  writtenScale?: number;
  currency?: string;
  inputs: EvNum[];
  expression: string;
}

const fmt = (n: EvNum) => n.display;

function sameUnits(a: EvNum, b: EvNum): boolean {
  if (a.scaleKnown !== b.scaleKnown && !(a.kind === 'percent' || b.kind === 'percent')) return false;
  if (a.kind === 'money' && b.kind === 'money' && a.currency && b.currency && a.currency !== b.currency) return false;
  const money = (k: EvKind) => k === 'money';
  if (money(a.kind) !== money(b.kind) && a.kind !== 'plain' && b.kind !== 'plain') return false;
  return true;
}

function levelKind(a: EvNum, b: EvNum): EvKind {
  if (a.kind === b.kind) return a.kind;
  if (a.kind === 'plain') return b.kind;
  if (b.kind === 'plain') return a.kind;
  return 'plain';
}

/** Which derivations may explain a claim of this kind, given the operations its context asks for. */
function allowedOps(c: Claim, ops: Set<Op> | undefined): Set<Op> {
  let base: Op[];
  switch (c.unitKind) {
    case 'percent':
      base = ['pct_change', 'ratio', 'diff', 'sum', 'average'];
      break;
    case 'bp':
    case 'pp':
      base = ['diff'];
      break;
    case 'money':
    case 'count':
      base = ['diff', 'sum', 'average'];
      break;
    case 'plain':
      base = ['diff', 'sum', 'average', 'ratio'];
      break;
  }
  const asked = ops ? new Set(ops) : undefined;
  // a percent that is neither a change nor a ratio by its words is still most likely a share ("… of the total")
  if (asked && c.unitKind === 'percent' && !asked.has('pct_change') && !asked.has('ratio')) asked.add('ratio');
  return new Set(asked ? base.filter((o) => asked.has(o) || (o === 'diff' && asked.has('pct_change') && c.unitKind !== 'percent')) : base);
}

function* pairDerivations(a: EvNum, b: EvNum, c: Claim, ops0: Set<Op>): Generator<Derived> {
  if (!sameUnits(a, b)) return;
  // an empty cell ("—") is a zero for a change, not a figure to add, average or divide by
  const ops = a.isDash || b.isDash ? new Set([...ops0].filter((o) => o === 'diff')) : ops0;
  const sk = a.scaleKnown && b.scaleKnown;
  const cur = a.currency ?? b.currency;
  const pctInputs = a.percentLike && b.percentLike;
  const level = levelKind(a, b);
  const claimIsRate = c.unitKind === 'percent' || c.unitKind === 'bp' || c.unitKind === 'pp';
  // levels of rates combine into rates; levels of amounts into amounts
  const levelOk = claimIsRate ? pctInputs : !(a.kind === 'percent' || b.kind === 'percent');
  const kindOfDiff: EvKind = level === 'percent' ? 'pp' : level;
  const ws = a.writtenScale === b.writtenScale ? a.writtenScale : 1;
  if (ops.has('diff') && levelOk) {
    yield { op: 'diff', value: a.value - b.value, kind: kindOfDiff, scaleKnown: sk, writtenScale: ws, ...(cur ? { currency: cur } : {}), inputs: [a, b], expression: `${fmt(a)} − ${fmt(b)}` };
  }
  if (ops.has('sum') && levelOk) {
    yield { op: 'sum', value: a.value + b.value, kind: level, scaleKnown: sk, writtenScale: ws, ...(cur ? { currency: cur } : {}), inputs: [a, b], expression: `${fmt(a)} + ${fmt(b)}` };
  }
  if (ops.has('average') && levelOk) {
    yield { op: 'average', value: (a.value + b.value) / 2, kind: level, scaleKnown: sk, writtenScale: ws, ...(cur ? { currency: cur } : {}), inputs: [a, b], expression: `(${fmt(a)} + ${fmt(b)}) / 2` };
  }
  if (b.value !== 0 && a.kind === b.kind) {
    if (ops.has('pct_change') && c.unitKind === 'percent') {
      yield { op: 'pct_change', value: ((a.value - b.value) / Math.abs(b.value)) * 100, kind: 'percent', scaleKnown: true, inputs: [a, b], expression: `(${fmt(a)} − ${fmt(b)}) / ${fmt(b)} × 100` };
    }
    if (ops.has('ratio')) {
      if (c.unitKind === 'percent') {
        yield { op: 'ratio', value: (a.value / b.value) * 100, kind: 'percent', scaleKnown: true, inputs: [a, b], expression: `${fmt(a)} / ${fmt(b)} × 100` };
      } else if (c.unitKind === 'plain') {
        yield { op: 'ratio', value: a.value / b.value, kind: 'plain', scaleKnown: true, inputs: [a, b], expression: `${fmt(a)} / ${fmt(b)}` };
      }
    }
  }
}

function* groupDerivations(group: EvNum[], c: Claim, ops: Set<Op>, acrossPeriods: boolean): Generator<Derived> {
  // a total row is no part of its column's sum; across periods (one row, several years) it is a figure like any
  const parts = group.filter((n) => (acrossPeriods || !n.isTotal) && !n.isDash);
  if (parts.length < 3) return;
  const claimIsRate = c.unitKind === 'percent' || c.unitKind === 'bp' || c.unitKind === 'pp';
  const ok = (ns: EvNum[]) =>
    ns.every((n) => n.scaleKnown === ns[0]!.scaleKnown) && (claimIsRate ? ns.every((n) => n.percentLike) : ns.every((n) => n.kind !== 'percent'));
  const emit = function* (ns: EvNum[]): Generator<Derived> {
    if (!ok(ns)) return;
    const sum = ns.reduce((s, n) => s + n.value, 0);
    const kind = ns[0]!.kind === 'percent' ? 'percent' : ns[0]!.kind;
    const list = ns.map(fmt).join(' + ');
    if (ops.has('sum')) yield { op: 'sum', value: sum, kind, scaleKnown: ns[0]!.scaleKnown, inputs: ns, expression: list };
    if (ops.has('average')) yield { op: 'average', value: sum / ns.length, kind, scaleKnown: ns[0]!.scaleKnown, inputs: ns, expression: `(${list}) / ${ns.length}` };
  };
  yield* emit(parts);
  if (parts.length > 3 && parts.length <= 6) {
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) for (let k = j + 1; k < parts.length; k++) yield* emit([parts[i]!, parts[j]!, parts[k]!]);
  }
}

/** Pairs and groups of relevant numbers that stand in a structural relation: same metric, same period. */
function* derivations(cands: EvNum[], c: Claim, ops: Set<Op>, spaces: Map<string, SpaceIndex>): Generator<Derived> {
  if (ops.size === 0 || cands.length < 2) return;
  const byMetric = new Map<string, EvNum[]>();
  const byPeriod = new Map<string, EvNum[]>();
  for (const n of cands) {
    const mk = `${n.space}|${n.metricKey}`;
    const pk = `${n.space}|${n.periodKey}`;
    (byMetric.get(mk) ?? byMetric.set(mk, []).get(mk)!).push(n);
    (byPeriod.get(pk) ?? byPeriod.set(pk, []).get(pk)!).push(n);
  }
  const seen = new Set<string>();
  const pairs: Array<[EvNum, EvNum]> = [];
  const addPair = (a: EvNum, b: EvNum) => {
    if (a === b) return;
    const k = `${a.ref}|${a.display}|${b.ref}|${b.display}`;
    if (seen.has(k)) return;
    seen.add(k);
    pairs.push([a, b]);
  };
  for (const g of [...byMetric.values(), ...byPeriod.values()]) for (const a of g) for (const b of g) addPair(a, b);
  // facts and passage numbers: any two relevant ones (they carry no row/column structure)
  // facts and passage numbers carry no row/column structure: any two relevant ones, except that numbers
  // from two different passages are not related by position alone
  const loose = cands.filter((n) => n.source === 'fact' || n.source === 'passage' || n.source === 'number');
  for (const a of loose)
    for (const b of cands) {
      if (a.source === 'passage' && b.source === 'passage' && a.ref !== b.ref) continue;
      addPair(a, b);
      addPair(b, a);
    }
  for (const [a, b] of pairs) yield* pairDerivations(a, b, c, ops);
  // a part over the total of its column
  if (ops.has('ratio')) {
    const ratioOnly = new Set<Op>(['ratio']);
    for (const a of cands) {
      if (a.source !== 'table' || a.isTotal) continue;
      for (const t of spaces.get(a.space)?.totals.get(a.periodKey) ?? []) if (!seen.has(`${a.ref}|${a.display}|${t.ref}|${t.display}`)) yield* pairDerivations(a, t, c, ratioOnly);
    }
  }
  for (const g of byMetric.values()) yield* groupDerivations(g, c, ops, true);
  for (const g of byPeriod.values()) yield* groupDerivations(g, c, ops, false);
}

// ---- the verifier --------------------------------------------------------------------------------------

/**
 * The words that say what a claim is about: its sentence (other numbers masked out), or the question before
 * it when it stands alone, or its row label and column header in a markdown table; plus `extra`.
 * `masked` is `text` with every claim blanked; `cache` shares the work between claims of one sentence.
 */
export function claimContext(text: string, c: Claim, extra: string | undefined, masked = text, cache?: Map<string, ClaimContext>): ClaimContext {
  const [s, e] = sentenceAround(text, c.start);
  const ls = text.lastIndexOf('\n', c.start - 1) + 1;
  const le = text.indexOf('\n', c.start);
  const line = text.slice(ls, le === -1 ? text.length : le);
  const inTable = /^\s*\|/.test(line);
  let clause: [number, number] | undefined;
  if (!inTable && !extra) {
    const [cs, ce] = clauseAround(text, c.start);
    if (cs > s || ce < e - 1) clause = [cs, ce];
  }
  const key = inTable ? undefined : `${s}:${e}:${clause ? clause.join(':') : ''}`;
  const cached = key !== undefined ? cache?.get(key) : undefined;
  if (cached) return cached;

  let ctx = masked.slice(s, c.start) + ' ' + masked.slice(c.end, e);
  // a sentence that is only the number ("… 2019? -12.6") takes its words from the sentence before; when that
  // is a question, the number is its answer
  let answers = false;
  let tokens = contentTokens(ctx);
  if (tokens.size < 2 && s > 0) {
    const [ps] = sentenceAround(text, Math.max(0, s - 2));
    const prev = masked.slice(ps, s);
    answers = /[?？]\s*$/.test(prev);
    ctx = prev + ' ' + ctx;
    tokens = contentTokens(ctx);
  }
  // a cell of a markdown table: its row label and column header say what it is
  let clauseTokens: Set<string> | undefined;
  if (inTable) {
    const cells = line.split('|');
    let pos = ls;
    let col = -1;
    for (let i = 0; i < cells.length; i++) {
      if (c.start >= pos && c.start < pos + cells[i]!.length + 1) {
        col = i;
        break;
      }
      pos += cells[i]!.length + 1;
    }
    let hs = ls;
    while (hs > 0) {
      const prevStart = text.lastIndexOf('\n', hs - 2) + 1;
      if (!/^\s*\|/.test(text.slice(prevStart, hs - 1))) break;
      hs = prevStart;
    }
    const header = text.slice(hs, text.indexOf('\n', hs) === -1 ? text.length : text.indexOf('\n', hs)).split('|');
    ctx = `${cells[1] ?? ''} ${col >= 0 ? (header[col] ?? '') : ''}`;
    tokens = contentTokens(ctx);
    if (tokens.size > 0) clauseTokens = tokens;
  }
  if (extra) {
    ctx = `${extra} ${ctx}`;
    tokens = contentTokens(ctx);
  }
  const ops = opsAsked(ctx);
  const aggregate = !ops || ops.has('sum') || ops.has('average');
  const years = yearsIn(ctx, aggregate);
  // "the change in X in 2019", "the 2019 average X": 2019 against the year before
  if (years.size === 1 && ops && (ops.has('diff') || ops.has('pct_change') || ops.has('average'))) years.add(String(Number([...years][0]) - 1));
  if (clause && !answers) {
    const t = contentTokens(masked.slice(clause[0], clause[1]));
    if (t.size > 0) clauseTokens = t;
  }
  const out: ClaimContext = { tokens, years, ops, text: ctx, answers, ...(clauseTokens ? { clauseTokens } : {}) };
  if (key !== undefined) cache?.set(key, out);
  return out;
}

function describeDirect(n: EvNum): ClaimSupport {
  return { kind: n.source === 'number' ? 'number' : n.source, ref: n.ref, expression: `= ${n.display} (${n.ref})` };
}

export interface Verifier {
  pool: Pool;
  spaces: Map<string, SpaceIndex>;
  lang: Lang;
}

/** Prepare evidence once to check many texts against it. */
export function prepareEvidence(evidence: Evidence, lang: Lang = 'en'): Verifier {
  const pool = buildPool(evidence, lang);
  return { pool, spaces: indexSpaces(pool), lang };
}

// ---- binding: what the sentence says about the number ---------------------------------------------------

/** Methods whose value is a change: its sign is a direction (rose / fell). */
const CHANGE_METHODS = new Set<Fact['method']>(['change', 'percent_change', 'yoy', 'average_monthly_change', 'annualized_growth', 'drawdown']);

/** Methods whose value is a share, a count or a dispersion: a direction word is not about its sign. */
const UNSIGNED_METHODS = new Set<Fact['method']>(['ratio', 'correlation', 'count', 'stdev_sample', 'stdev_population', 'rolling_stdev']);

/** What a claim's sentence says about its number besides the value. */
export interface Binding {
  /** The entities its clause names (catalog ids) and the words that name them. */
  entities?: { ids: Set<string>; text: string };
  /** The dates of its clause (or, when the clause has none, of its sentence before it). */
  dates: WrittenDate[];
  /** The dates come from a leading date clause and the claim's clause speaks of another time too ("from … to …"). */
  leadShifted?: boolean;
  /** An explicit + or − written with the number. */
  sign?: 1 | -1;
  /** A direction word bound to the number: 'by' ("下降2%", "fell by 2%"), 'loose' (elsewhere in its clause). */
  dir?: { dir: Direction; mode: 'by' | 'loose'; word: string };
}

/** The series a fact is about: its series and its inputs' ("AAPL:Total Revenue:annual" is about AAPL too). */
export function factEntities(f: Fact): Set<string> {
  const out = new Set<string>();
  for (const id of [f.seriesId, ...f.inputs.map((i) => i.seriesId)]) {
    if (!id) continue;
    out.add(id);
    const head = id.split(':')[0]!;
    if (head) out.add(head);
  }
  return out;
}

interface TextFacts {
  mentions: EntityMention[];
  dates: WrittenDate[];
  dirs: ReturnType<typeof directionWords>;
}

/** The clause around `at` for binding: like clauseAround, but a comma inside brackets ("(QT2, 2022–2025)") does not end it. */
function bindingClause(text: string, at: number): [number, number, number] {
  const [ss, se] = sentenceAround(text, at);
  const depth = new Int16Array(se - ss + 1);
  let d = 0;
  for (let i = ss; i < se; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（' || ch === '[') d++;
    depth[i - ss] = d;
    if ((ch === ')' || ch === '）' || ch === ']') && d > 0) d--;
  }
  const isSep = (i: number) => {
    if (depth[i - ss]! > 0) return false;
    const ch = text[i];
    // a cell of a Markdown table is a clause of its own
    return ch === '，' || ch === '；' || ch === ';' || ch === '：' || ch === '|' || (ch === ',' && !/\d/.test(text[i + 1] ?? '')) || ch === '、';
  };
  let s = at;
  while (s > ss && !isSep(s - 1)) s--;
  let e = at;
  while (e < se && !isSep(e)) e++;
  return [s, e, ss];
}

/** Words that may stand with dates in a leading clause that only says when ("On 2026-08-20,", "2025年12月31日至2026年8月21日，"). */
const DATE_ONLY_WORDS = /\b(?:on|in|at|as of|from|to|through|between|and|since|until|by|end of|start of|the)\b|截至|截止|自|从|至|到|以来|期间|之间|和|与|[\s\p{P}–—~]/giu;

/** Words that make a clause speak of another time than the sentence's leading date. */
const TIME_SHIFT = /\b(?:from|to|since|before|after|previous(?:ly)?|prior|earlier|later|than|ago|until)\b|从|由|至|到|较|比|此前|之前|之后|以前|以后|以来|前|后/i;

function bindingOf(text: string, c: Claim, claims: Claim[], tf: TextFacts): Binding {
  const [cs, ce, ss] = bindingClause(text, c.start);
  const b: Binding = { dates: [] };
  const outsideClaims = (m: EntityMention) => !claims.some((o) => o.start < m.end && m.start < o.end);
  let named = tf.mentions.filter((m) => m.start >= cs && m.end <= ce && outsideClaims(m));
  if (named.length === 0) {
    // a clause that names nothing ("美国GDP：6.75万亿美元") is about the entity named last before it in its
    // sentence, when no other number stands between them
    const before = tf.mentions.filter((m) => m.start >= ss && m.end <= cs && outsideClaims(m)).at(-1);
    if (before && !claims.some((o) => o !== c && o.start >= before.end && o.end <= c.start)) named = [before];
  }
  if (named.length > 0) {
    const ids = new Set<string>();
    for (const m of named) for (const id of m.ids) ids.add(id);
    b.entities = { ids, text: named.map((m) => text.slice(m.start, m.end)).join(', ') };
  }
  // the claim's own stretch of its clause: from the number before it to the number after it
  let segS = cs;
  let segE = ce;
  for (const o of claims) {
    if (o === c) continue;
    if (o.end <= c.start && o.end > segS && o.end <= ce) segS = o.end;
    if (o.start >= c.end && o.start < segE && o.start >= cs) segE = o.start;
  }
  b.dates = tf.dates.filter((d) => d.start >= segS && d.end <= segE);
  if (b.dates.length === 0 && cs > ss) {
    // a leading clause that only says when applies to the whole sentence
    const [fs, fe] = bindingClause(text, ss);
    const lead = tf.dates.filter((d) => d.start >= fs && d.end <= fe);
    if (fe <= cs && lead.length > 0) {
      let rest = text.slice(fs, fe);
      for (const d of [...lead].reverse()) rest = rest.slice(0, d.start - fs) + rest.slice(d.end - fs);
      // (a level in a clause that moves away from it — "from 5.25% to …", "较此前" — may be of another time)
      const own = text.slice(cs, ce);
      if (rest.replace(DATE_ONLY_WORDS, '').trim() === '') {
        b.dates = lead;
        if (TIME_SHIFT.test(own)) b.leadShifted = true;
      }
    }
  }
  if (/^\s*\+/.test(c.text)) b.sign = 1;
  else if (/^\s*[-−–﹣－]/.test(c.text)) b.sign = -1;
  // the direction word nearest before the number in its clause, with no other number between them
  // (or, for a clause with none, in its sentence before it: "总资产大幅下降，过去一年变化1.54%"), with no other
  // number and no contrast word ("但", "but", "仍") between them
  for (let i = tf.dirs.length - 1; i >= 0; i--) {
    const w = tf.dirs[i]!;
    if (w.end > c.start) continue;
    if (w.start < ss) break;
    if (claims.some((o) => o !== c && o.start >= w.end && o.end <= c.start)) break;
    const between = text.slice(w.end, c.start);
    if (w.start < cs) {
      if (!/[但而仍却]|\b(?:but|while|whereas|although|though|still|yet)\b/i.test(between)) b.dir = { dir: w.dir, mode: 'loose', word: text.slice(w.start, w.end) };
      break;
    }
    const mode = directionBinding(between);
    if (mode !== 'to') b.dir = { dir: w.dir, mode, word: text.slice(w.start, w.end) };
    break;
  }
  // "a 2% decline", "2.2万亿美元的降幅"
  if (b.sign) delete b.dir; // "涨跌幅 +22.71%": the written sign says it
  if (!b.dir && !b.sign) {
    const after = text.slice(c.end, Math.min(ce, c.end + 16));
    const m = /^\s*(?:的)?(?:(降幅|跌幅|减幅|下降|下跌|减少)|(涨幅|增幅|上升|上涨|增加))|^\s+(?:(decline|drop|decrease|fall|loss)|(increase|rise|gain|jump))\b/i.exec(after);
    if (m) b.dir = { dir: m[1] || m[3] ? 'down' : 'up', mode: 'by', word: m[0].trim() };
  }
  return b;
}

/** Is some date of the clause one the facts carry: a date of theirs falls in it, or it falls in a period of theirs? */
function datesFit(dates: WrittenDate[], facts: Fact[]): boolean {
  for (const f of facts) {
    const points = factDates(f);
    const spans: Array<[string, string]> = f.inputs.map((i) => [i.from, i.to]);
    if (f.period) spans.push([f.period.from, f.period.to]);
    for (const d of dates) {
      if (points.some((x) => x >= d.from && x <= d.to)) return true;
      if (spans.some(([a, z]) => a <= d.to && z >= d.from)) return true;
    }
  }
  return false;
}

/**
 * The direction a positive value means: a change (change, percent change …) carries its own sign; another
 * fact whose label names a fall ("combined monthly runoff", "月均缩减") holds the size of that fall.
 */
function polarity(f: Fact): 1 | -1 {
  if (CHANGE_METHODS.has(f.method)) return 1;
  const down = /\b(?:runoff|decline|decrease|drawdown|reduction)\b|缩减|减少|下降|降幅|跌幅|回撤/i.test(`${f.label.en} ${f.label.zh}`);
  return down ? -1 : 1;
}

/** A day written in the claim's clause (or its leading date clause) is the fact's as-of date. */
function pinnedByDay(f: Fact, b: Binding): boolean {
  return b.dates.some((d) => d.grain === 'day' && d.from === f.asOf);
}

const dirName = (d: Direction) => (d === 'up' ? 'a rise' : 'a fall');

/** Why a fact's number does not fit what the sentence says about the claim (undefined: it fits). */
function bindingReject(c: Claim, n: EvNum, b: Binding): string | undefined {
  const f = n.fact;
  if (!f) return undefined;
  if (b.entities) {
    const fe = factEntities(f);
    if (fe.size > 0 && ![...b.entities.ids].some((id) => fe.has(id))) return `${c.text} equals ${n.display} (${n.ref}), but its sentence names ${b.entities.text} and that fact is about ${[...fe].join(', ')}`;
  }
  if (b.dates.length > 0 && !(b.leadShifted && !CHANGE_METHODS.has(f.method)) && !datesFit(b.dates, [f])) {
    return `${c.text} equals ${n.display} (${n.ref}), but its sentence dates it ${b.dates.map((d) => d.text).join(', ')} and that fact is of ${f.period ? `${f.period.from} to ${f.period.to}` : f.asOf}`;
  }
  if (b.sign && n.value !== 0 && Math.sign(n.value) !== b.sign) return `${c.text} is written with the sign ${b.sign > 0 ? '+' : '−'}, but ${n.ref} is ${n.value > 0 ? 'positive' : 'negative'} (${n.display})`;
  if (b.dir && n.value !== 0) {
    // a share, a count or a dispersion has no direction ("a decline of 18% of the total decline")
    const applies = (b.dir.mode === 'by' && !UNSIGNED_METHODS.has(f.method)) || (CHANGE_METHODS.has(f.method) && !n.extraKey);
    if (applies && (n.value * polarity(f) > 0 ? 'up' : 'down') !== b.dir.dir) return `${c.text} is said to be ${dirName(b.dir.dir)} ("${b.dir.word}"), but ${n.ref} is ${n.value > 0 ? 'a rise' : 'a fall'} (${n.display})`;
  }
  return undefined;
}

/** The same checks for a value derived from facts: every fact input must fit, and a direction needs an order in time. */
function derivedReject(c: Claim, d: Derived, b: Binding): string | undefined {
  const facts = d.inputs.filter((n) => n.fact);
  if (facts.length === 0) return undefined;
  if (b.entities) {
    for (const n of facts) {
      const fe = factEntities(n.fact!);
      if (fe.size > 0 && ![...b.entities.ids].some((id) => fe.has(id))) return `${c.text} is ${d.expression}, but its sentence names ${b.entities.text} and ${n.ref} is about ${[...fe].join(', ')}`;
    }
  }
  if (b.dates.length > 0 && !b.leadShifted && !datesFit(b.dates, facts.map((n) => n.fact!))) return `${c.text} is ${d.expression}, but its sentence dates it ${b.dates.map((x) => x.text).join(', ')}`;
  if (b.sign || b.dir) {
    const want: Direction = b.sign ? (b.sign > 0 ? 'up' : 'down') : b.dir!.dir;
    const zero = d.op === 'diff' ? d.inputs.findIndex((n) => n.value === 0) : -1;
    if (zero >= 0) {
      // x − 0 is x itself: its sign is x's
      const other = d.inputs[1 - zero]!;
      if (other.value !== 0 && (other.value > 0 ? 'up' : 'down') !== want) return `${c.text} is said to be ${dirName(want)}, but ${other.ref} is ${other.display}`;
      return undefined;
    }
    if (d.op === 'diff' || d.op === 'pct_change') {
      // a change of one series is its later value against its earlier one: the other order tells no direction
      // (a gap between two series has the sign of the order the sentence names them in)
      const [a, z] = d.inputs;
      const oneSeries = a?.fact && z?.fact && [...factEntities(a.fact)].some((id) => factEntities(z.fact!).has(id));
      if (oneSeries && !(a.fact!.asOf > z.fact!.asOf)) return `${c.text} states a direction, but ${d.expression} is not a later value against an earlier one`;
    } else if (d.op === 'ratio') return `${c.text} states a direction, but ${d.expression} is a ratio`;
    if (d.value !== 0 && (d.value > 0 ? 'up' : 'down') !== want) return `${c.text} is said to be ${dirName(want)}, but ${d.expression} = ${+d.value.toPrecision(6)}`;
  }
  return undefined;
}

/** Check one claim against prepared evidence. `context` is the text that says what the number is about. */
export function checkClaim(c: Claim, ctx: ClaimContext, v: Verifier, b?: Binding): Omit<ClaimResult, 'text' | 'start' | 'end' | 'value' | 'unitKind' | 'decimals'> {
  if ((c as Claim & { unparseable?: boolean }).unparseable || !Number.isFinite(c.value)) {
    return { supported: false, reason: `${c.text} is a quantity that could not be read as a number, so it cannot be checked` };
  }
  const iv = interval(c);
  const rel = relevant(ctx, v.spaces);
  rel.cands = rel.cands.filter((n) => !n.selfRef);
  const candSet = new Set(rel.cands);
  let bindWhy: string | undefined;
  // 1. a number in the evidence about what the context talks about (any number, when it names nothing)
  let direct: EvNum | undefined;
  let offTopic: EvNum | undefined;
  // the answer to "what is the change / average / total …" is not one of the operands themselves
  // (a total row still answers "what is the total"; a per-share or margin figure is a ratio already)
  const derivedAsked = ctx.answers && ctx.ops !== undefined && (ctx.ops.has('diff') || ctx.ops.has('pct_change') || ctx.ops.has('average') || ctx.ops.has('sum'));
  for (const n of v.pool.nums) {
    if (!matchValue(c, iv, n.value, n.kind, n.scaleKnown, n.currency, n.source === 'fact', n.writtenScale)) continue;
    if (n.selfRef) {
      bindWhy ??= `${c.text} equals ${n.display} (${n.ref}), but that fact compares ${n.fact!.inputs[0]!.seriesId} from ${n.fact!.inputs[0]!.from} to ${n.fact!.inputs[0]!.to} with itself`;
      continue;
    }
    if (b) {
      const why = bindingReject(c, n, b);
      if (why) {
        bindWhy ??= why;
        continue;
      }
    }
    if (derivedAsked && candSet.has(n) && !(n.isTotal && ctx.ops!.has('sum'))) continue;
    // the sentence's own day is the fact's date: that singles it out whatever the other words say
    if (b && n.fact && pinnedByDay(n.fact, b)) {
      direct = n;
      break;
    }
    const byClause = clauseVerdict(n, ctx, v);
    if (byClause === false) {
      offTopic ??= n;
      continue;
    }
    if (byClause === true) {
      direct = n;
      break;
    }
    if (candSet.has(n)) {
      direct = n;
      break;
    }
    if (rel.metric.has(n) || !rel.pointed.has(n.space)) direct ??= n;
    else offTopic ??= n;
  }
  if (direct) return { supported: true, by: describeDirect(direct) };
  // 2. a simple derivation of relevant numbers
  const ops = allowedOps(c, ctx.ops);
  for (const d of derivations(rel.cands, c, ops, v.spaces)) {
    if (matchValue(c, iv, d.value, d.kind, d.scaleKnown, d.currency, false, d.writtenScale)) {
      if (b) {
        const why = derivedReject(c, d, b);
        if (why) {
          bindWhy ??= why;
          continue;
        }
      }
      const refs = [...new Set(d.inputs.map((n) => n.ref))].join(', ');
      return { supported: true, by: { kind: 'derivation', ref: refs, expression: `${d.expression} = ${asWritten(c, d)}` } };
    }
  }
  return { supported: false, reason: bindWhy ?? unsupportedReason(c, v, rel.cands.length, offTopic) };
}

/**
 * Does the claim's own clause name the item `n` measures? true / false when the clause names some item of
 * n's collection, undefined when it names none (then the sentence decides).
 */
function clauseVerdict(n: EvNum, ctx: ClaimContext, v: Verifier): boolean | undefined {
  if (!ctx.clauseTokens) return undefined;
  const s = v.spaces.get(n.space);
  if (!s || n.space === 'numbers') return undefined;
  const scores = scoreMetrics(s, ctx.clauseTokens);
  let max = 0;
  for (const sc of scores.values()) if (sc > max) max = sc;
  if (max === 0) return undefined;
  const mi = s.metricOf.get(n) ?? -1;
  const mine = scores.get(mi) ?? 0;
  if (n.source === 'passage') return mine > 0;
  if (!(mine > 0 && mine >= THETA * max)) return false;
  // another item whose words cover all of this one's and more is the one named ("2年期…" is not "10年期…")
  const shared = (m: Metric) => {
    const out = new Set<string>();
    for (const t of ctx.clauseTokens!) if (m.tokens.has(t) || m.section?.has(t)) out.add(t);
    return out;
  };
  const own = shared(s.metricList[mi]!);
  for (const [other] of scores) {
    if (other === mi) continue;
    const theirs = shared(s.metricList[other]!);
    if (theirs.size > own.size && [...own].every((t) => theirs.has(t))) return false;
  }
  return true;
}

/** A derived value in the claim's own units: 2220487000000 for "2.22万亿美元" → "2.22049万亿美元". */
function asWritten(c: Claim, d: Derived): string {
  const inClaimUnits = d.scaleKnown || c.scale === 1 ? d.value / c.scale : d.value;
  const n = String(+inClaimUnits.toPrecision(6));
  const m = /[-+−–]?\d[\d,]*(?:\.\d+)?/.exec(c.text);
  if (!m || !(d.scaleKnown || c.scale === 1)) return n;
  return (c.text.slice(0, m.index) + n + c.text.slice(m.index + m[0].length)).replace(/^\(|\)$/g, '');
}

function unsupportedReason(c: Claim, v: Verifier, nRelevant: number, offTopic: EvNum | undefined): string {
  if (offTopic) return `${c.text} equals ${offTopic.display} (${offTopic.ref}), but the text around it names a different item`;
  let best: EvNum | undefined;
  let bestD = Infinity;
  const target = Math.abs(c.value);
  for (const n of v.pool.nums) {
    if (!compatible(c, n.kind, n.currency, n.source === 'fact') || (!n.scaleKnown && c.scale > 1 && n.source !== 'table')) continue;
    const d = Math.abs(Math.abs(n.value) - target) / Math.max(target, 1e-12);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  const what = v.pool.nums.length === 0 ? 'no evidence was given for' : 'no fact or evidence number matches';
  const closest = best ? ` (closest: ${best.display} from ${best.ref})` : '';
  const derived = nRelevant >= 2 ? `, nor a difference, sum, average, ratio or percent change of the ${nRelevant} related numbers` : '';
  return `${what} ${c.text}${closest}${derived}`;
}

const lexicons = new WeakMap<EntityNames[], EntityLexicon>();
function lexiconOf(entities: EntityNames[]): EntityLexicon {
  let lex = lexicons.get(entities);
  if (!lex) lexicons.set(entities, (lex = entityLexicon(entities)));
  return lex;
}

/**
 * Verify every numeric claim in `text` against `evidence`. Pure and synchronous.
 * Years, dates, citation markers, list numbers, identifiers and durations are not numeric claims; dates are
 * checked as claims of their own with `opts.checkDates`. A number is supported by a fact only when the fact
 * also fits what its sentence says about it: the entity its clause names (`opts.entities`), the dates of its
 * clause, an explicit sign and a direction word ("下降2%", "fell by 2%"). "A 高于/lower than B" must agree
 * with the two numbers, and a thing compared with itself is rejected.
 */
export function verifyText(text: string, evidence: Evidence | Verifier, opts: VerifyOptions = {}): VerificationResult {
  const lang: Lang = opts.lang ?? (hasCjk(text) ? 'zh' : 'en');
  const v = 'pool' in evidence ? evidence : prepareEvidence(evidence, lang);
  const claims = extractClaims(text, { lang });
  // the words around a claim, without the numbers (and their unit words) of any claim
  let masked = '';
  let at = 0;
  for (const c of claims) {
    masked += text.slice(at, c.start) + ' '.repeat(c.end - c.start);
    at = c.end;
  }
  masked += text.slice(at);
  const hasFacts = v.pool.facts.size > 0;
  const spans = claims.map((c) => [c.start, c.end] as [number, number]);
  const dates = hasFacts || opts.checkDates ? datesIn(text, spans) : [];
  const tf: TextFacts | undefined = hasFacts
    ? { mentions: opts.entities ? entityMentions(text, lexiconOf(opts.entities)) : [], dates, dirs: directionWords(text) }
    : undefined;
  const cache = new Map<string, ClaimContext>();
  const results: ClaimResult[] = [];
  for (const c of claims) {
    const ctx = claimContext(text, c, opts.context, masked, cache);
    const r = checkClaim(c, ctx, v, tf ? bindingOf(text, c, claims, tf) : undefined);
    results.push({
      text: c.text,
      start: c.start,
      end: c.end,
      value: c.value,
      unitKind: c.unitKind,
      ...(c.currency ? { currency: c.currency } : {}),
      decimals: c.decimals,
      ...r,
    });
  }
  const statements: StatementResult[] = [];
  checkComparisons(text, claims, results, statements);
  if (opts.checkDates) {
    const given = opts.question ? dateIntervals(opts.question) : [];
    const known = [...v.pool.dates, ...given];
    for (const d of dates) {
      const ok = known.some(([a, b]) => a <= d.to && b >= d.from);
      statements.push({
        kind: 'date',
        text: d.text,
        start: d.start,
        end: d.end,
        supported: ok,
        ...(ok ? {} : { reason: `the date ${d.text} is not one the facts, the cited passages or the question carry` }),
      });
    }
  }
  const unsupported = [
    ...results.filter((r) => !r.supported).map((r) => ({ text: r.text, reason: r.reason ?? 'unsupported' })),
    ...statements.filter((s) => !s.supported).map((s) => ({ text: s.text, reason: s.reason ?? 'unsupported' })),
  ];
  const numbers = results.length + statements.length;
  return { numbers, supported: numbers - unsupported.length, unsupported, claims: results, statements };
}

/** Families of units two numbers must share to be compared. */
function family(c: Claim): string {
  return c.unitKind === 'percent' || c.unitKind === 'bp' || c.unitKind === 'pp' ? 'rate' : c.unitKind === 'money' ? `money ${c.currency ?? ''}` : 'plain';
}

const norm = (t: string) => t.toLowerCase().replace(/\[\d+\]|[\s\p{P}]|\b(?:the|is|was|are|were|it|its)\b|[的是为]/gu, '');

/**
 * "A 高于/低于/higher than/lower than B": with a number on each side, the numbers must agree with the word and
 * not be supported by one same fact; with no numbers, the two sides must not be the same thing.
 */
function checkComparisons(text: string, claims: Claim[], results: ClaimResult[], statements: StatementResult[]): void {
  for (const w of comparisonWords(text)) {
    const [ss, se] = sentenceAround(text, w.start);
    const [cs, ce] = clauseAround(text, w.end);
    let li = -1;
    let ri = -1;
    claims.forEach((c, i) => {
      if (c.end <= w.start && c.start >= ss) li = i;
      if (ri < 0 && c.start >= w.end && c.start < Math.min(se, ce)) ri = i;
    });
    if (li >= 0 && ri >= 0) {
      const L = claims[li]!;
      const R = claims[ri]!;
      // "超过5%", "不到3%": a bound on the number itself, not a comparison of two
      if (R.qualifier && /^\s*(?:约|大约|about)?\s*$/i.test(text.slice(w.end, R.start))) continue;
      if (family(L) !== family(R) || !Number.isFinite(L.value) || !Number.isFinite(R.value)) continue;
      // "1.29 pp above 2%", "50 bp higher than": the number before the word is the gap, not a side
      if (/^\s*$/.test(text.slice(L.end, w.start)) || (family(L) === 'rate' && (L.unitKind === 'percent') !== (R.unitKind === 'percent'))) continue;
      const lr = results[li]!;
      const rr = results[ri]!;
      const said = `${L.text} is said to be ${w.op === 'gt' ? 'higher' : 'lower'} than ${R.text} ("${text.slice(w.start, w.end)}")`;
      let why: string | undefined;
      if (lr.supported && rr.supported && lr.by && rr.by && lr.by.ref === rr.by.ref) why = `${said}, but both are ${lr.by.ref}: a comparison of a thing with itself`;
      else if (w.op === 'gt' ? !(L.value > R.value) : !(L.value < R.value)) why = `${said}, but it is not`;
      if (why) {
        for (const r of [lr, rr]) {
          if (!r.supported) continue;
          r.supported = false;
          delete r.by;
          r.reason = why;
        }
      }
      continue;
    }
    // no numbers: "疫情期间低于疫情期间", "during covid is lower than during covid"
    if (claims.some((c) => c.start >= cs && c.end <= ce)) continue;
    const left = norm(text.slice(cs, w.start));
    const right = norm(text.slice(w.end, ce));
    if (right.length >= (hasCjk(right) ? 2 : 4) && left.includes(right)) {
      statements.push({ kind: 'comparison', text: text.slice(cs, ce).trim(), start: cs, end: ce, supported: false, reason: `"${text.slice(cs, ce).trim()}" compares a thing with itself` });
    }
  }
}

/** Replace every unsupported number with a marker, so strict mode never shows one ("[未经核实]" / "[unverified]"). */
export function stripUnsupported(text: string, result: VerificationResult, opts: { lang?: Lang; marker?: string } = {}): string {
  const lang = opts.lang ?? (hasCjk(text) ? 'zh' : 'en');
  const marker = opts.marker ?? (lang === 'zh' ? '[未经核实]' : '[unverified]');
  let out = text;
  const all = [...result.claims, ...(result.statements ?? [])].filter((c) => !c.supported);
  // a span inside another unsupported span (a date inside a rejected comparison) goes with it
  const bad = all.filter((c) => !all.some((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start)).sort((a, b) => b.start - a.start);
  for (const c of bad) {
    if (out.slice(c.start, c.end) !== c.text) continue; // result of another text
    out = out.slice(0, c.start) + marker + out.slice(c.end);
  }
  return out;
}

export { type ClaimContext };
