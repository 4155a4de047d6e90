// Turning evidence (Facts, tables, passages, extra numbers) into one pool of comparable numbers, each with
// the words that say what it measures (its "metric": a fact's label, a table row, a passage sentence) and
// when (its "period": a fact's date, a table column, the year nearest a number in a passage).
import type { Fact, Passage } from '../../core/answer.ts';
import { formatValue } from '../../core/format.ts';
import { extractClaims, parseCell } from './extract.ts';
import { contentTokens, dateIntervals, sentenceAround, yearsIn } from './text.ts';
import type { Evidence, EvidenceTable, EvidenceTableObject, Lang } from './types.ts';

export type EvKind = 'money' | 'percent' | 'pp' | 'count' | 'plain';

export interface EvNum {
  /** Base units when `scaleKnown`; otherwise the number as written in its source. */
  value: number;
  kind: EvKind;
  currency?: string;
  scaleKnown: boolean;
  /** The scale word its source wrote ("$53 million" → 1e6), 1 when none: a bare claim may omit it too. */
  writtenScale: number;
  source: 'fact' | 'table' | 'passage' | 'number';
  ref: string;
  display: string;
  /** A rate or share (a percent cell, a "margin" row …): differences of these are percentage points. */
  percentLike: boolean;
  /** Which collection the number belongs to (one table, the facts, the passages, the extra numbers). */
  space: string;
  /** What it measures: identity and words. */
  metricKey: string;
  metricTokens: Set<string>;
  /** Words of an enclosing section (a table's section row), weighed half. */
  sectionTokens?: Set<string>;
  /** When: identity, words, years. */
  periodKey: string;
  periodTokens: Set<string>;
  periodYears: Set<string>;
  /** Years named in the metric description (e.g. a passage sentence). */
  metricYears: Set<string>;
  /** A total row/column ("Total sales"): left out of sums and averages of its parts. */
  isTotal: boolean;
  /** An empty-figure cell ("—", "-"): zero. */
  isDash?: boolean;
  /** The fact the number belongs to, and which of its values it is (undefined: the fact's value). */
  fact?: Fact;
  extraKey?: string;
  /** A fact computed from one stretch of data against itself (a ratio of a fact to itself): supports nothing. */
  selfRef?: boolean;
}

export interface Pool {
  nums: EvNum[];
  facts: Map<string, Fact>;
  /** Every date the evidence carries, as intervals of days (a day is [d, d]). */
  dates: Array<[string, string]>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dates a fact carries: its as-of date, period, the stretches of its inputs and its dated extras. */
export function factDates(f: Fact): string[] {
  const out = [f.asOf];
  if (f.period) out.push(f.period.from, f.period.to);
  for (const i of f.inputs) out.push(i.from, i.to);
  for (const v of Object.values(f.extra ?? {})) if (typeof v === 'string' && ISO_DAY.test(v)) out.push(v);
  return out;
}

/** A fact that compares a stretch of data with the very same stretch (its inputs are all one): it says nothing. */
export function isSelfReferential(f: Fact): boolean {
  if (f.inputs.length < 2) return false;
  const k = (i: Fact['inputs'][number]) => `${i.seriesId}|${i.from}|${i.to}`;
  return f.inputs.every((i) => k(i) === k(f.inputs[0]!));
}

/** An ISO year, month or day (or a pair of them) as an interval of days. */
export function dateInterval(d: string | [string, string]): [string, string] | undefined {
  const one = (x: string, end: boolean): string | undefined => {
    if (/^\d{4}$/.test(x)) return end ? `${x}-12-31` : `${x}-01-01`;
    if (/^\d{4}-\d{2}$/.test(x)) return end ? `${x}-${String(new Date(Date.UTC(+x.slice(0, 4), +x.slice(5, 7), 0)).getUTCDate()).padStart(2, '0')}` : `${x}-01`;
    if (ISO_DAY.test(x)) return x;
    return undefined;
  };
  const [a, b] = Array.isArray(d) ? d : [d, d];
  const from = one(a, false);
  const to = one(b, true);
  return from && to ? [from, to] : undefined;
}

const PERCENT_WORDS = /%|percent|\brate\b|rates\b|margin|ratio|yield|\bshare of\b|率|占比|比例|比重/i;
const TOTAL_WORDS = /^\s*(?:total|sum|net total|合计|总计|总额|grand total)\b|^\s*$/i;

// ---- facts -----------------------------------------------------------------------------------------

function factNums(fact: Fact, lang: Lang): EvNum[] {
  const u = fact.unit;
  const label = `${fact.label.en} ${fact.label.zh} ${fact.seriesId ?? ''} ${fact.methodDetail ?? ''}`;
  const base = {
    scaleKnown: true,
    writtenScale: 1,
    source: 'fact' as const,
    space: 'facts',
    metricKey: `fact ${fact.id}`,
    metricTokens: contentTokens(label),
    periodKey: fact.period ? `${fact.period.from}..${fact.period.to}` : fact.asOf,
    periodTokens: new Set<string>(),
    periodYears: new Set([fact.asOf.slice(0, 4), ...(fact.period ? [fact.period.from.slice(0, 4)] : [])]),
    metricYears: new Set<string>(),
    isTotal: false,
  };
  const out: EvNum[] = [];
  const selfRef = isSelfReferential(fact);
  const add = (value: number, key: string, rawValue: number) => {
    const display = formatValue(rawValue, u, lang);
    const ref = `fact ${fact.id}${key}`;
    const n0 = out.length;
    switch (u.kind) {
      case 'currency':
      case 'price':
        out.push({ ...base, value: value * u.scale, kind: 'money', ...(u.currency ? { currency: u.currency } : {}), ref, display, percentLike: false });
        break;
      case 'percent':
        out.push({ ...base, value, kind: 'percent', ref, display, percentLike: true });
        break;
      case 'percentage_points': {
        const bp = /basis|\bbps?\b|基点/i.test(u.label);
        out.push({ ...base, value: bp ? value / 100 : value, kind: 'pp', ref, display, percentLike: true });
        break;
      }
      case 'count':
        out.push({ ...base, value: value * u.scale, kind: 'count', ref, display, percentLike: false });
        break;
      case 'ratio':
        out.push({ ...base, value: value * u.scale, kind: 'plain', ref, display, percentLike: false });
        // a ratio may be written as a percent: 0.85 → 85%
        out.push({ ...base, value: value * u.scale * 100, kind: 'percent', ref, display: `${display} (= ${+(value * u.scale * 100).toPrecision(6)}%)`, percentLike: true });
        break;
      case 'index':
        out.push({ ...base, value: value * u.scale, kind: 'plain', ref, display, percentLike: false });
        break;
    }
    for (let i = n0; i < out.length; i++) {
      out[i]!.fact = fact;
      if (key) out[i]!.extraKey = key.slice(1);
      if (selfRef) out[i]!.selfRef = true;
    }
  };
  add(fact.value, '', fact.value);
  // a percent change's start and end values are levels in the series' own unit, not percents: they are left out
  // (their own value facts carry them), or they would pair with the percent as if one unit ("翻倍" = (1.49 − 6646344) / 6646344)
  const levelsInOtherUnit = (k: string) => (fact.method === 'percent_change' || fact.method === 'yoy' || fact.method === 'annualized_growth') && /value$/i.test(k);
  for (const [k, v] of Object.entries(fact.extra ?? {})) if (typeof v === 'number' && Number.isFinite(v) && !levelsInOtherUnit(k)) add(v, `.${k}`, v);
  return out;
}

// ---- tables ----------------------------------------------------------------------------------------

const YEARISH = /^\s*(?:(?:FY|CY|Fiscal|fiscal)\s*)?'?(?:19|20)\d{2}(?:\s*[\/-]\s*(?:19|20)?\d{2})?\s*$/;

function cellText(c: string | number | null | undefined): string {
  return c === null || c === undefined ? '' : String(c);
}

function isDataCell(c: string | number | null | undefined): boolean {
  const t = cellText(c);
  if (YEARISH.test(t)) return false;
  return parseCell(t) !== undefined && /\d/.test(t);
}

export interface TableLayout {
  headerRows: number;
  rows: string[][];
  /** Words that apply to every cell (a caption row, the top-left header cell, the title). */
  caption: string;
  colHeaders: string[];
}

export function tableLayout(t: EvidenceTableObject): TableLayout {
  // "2 0 1 8" (letter-spaced headers) → "2018"
  const rows = t.rows.map((r) => r.map((c) => cellText(c).replace(/\b\d(?: \d){3}\b/g, (m) => m.replace(/ /g, ''))));
  let headerRows = t.headerRows ?? 0;
  if (t.headerRows === undefined) {
    while (headerRows < rows.length && headerRows < 5 && !rows[headerRows]!.slice(1).some(isDataCell)) {
      const r = rows[headerRows]!;
      // a label alone on its row below the headers starts a section ("Assets", "Long-lived assets:")
      if (headerRows >= 1 && r[0]?.trim() && r.slice(1).every((c) => c.trim() === '')) break;
      headerRows++;
    }
    if (headerRows === rows.length) headerRows = Math.min(1, rows.length);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  const colHeaders: string[] = Array.from({ length: width }, () => '');
  const caption: string[] = [t.title ?? ''];
  for (let i = 0; i < headerRows; i++) {
    const r = rows[i]!;
    const filled = r.map((c, j) => [c.trim(), j] as const).filter(([c, j]) => c !== '' && j > 0);
    if (r[0]?.trim()) caption.push(r[0]);
    if (filled.length === 1 && width > 2) {
      caption.push(filled[0]![0]);
      continue;
    }
    for (const [c, j] of filled) colHeaders[j] = `${colHeaders[j]} ${c}`.trim();
    // a header spanning several columns ("Fiscal Year 2018" over "Net Sales | % of Total") is written once,
    // in its first column: the empty cells to its right that have sub-headers below take it too
    let span = '';
    for (let j = 1; j < width; j++) {
      const c = (r[j] ?? '').trim();
      if (c !== '') {
        span = c;
        continue;
      }
      if (span && rows.slice(i + 1, headerRows).some((lower) => (lower[j] ?? '').trim() !== '')) colHeaders[j] = `${colHeaders[j]} ${span}`.trim();
    }
  }
  return { headerRows, rows, caption: caption.join(' '), colHeaders };
}

const width = (rows: string[][]) => Math.max(0, ...rows.map((r) => r.length));

function tableNums(table: EvidenceTable, ti: number): EvNum[] {
  const t: EvidenceTableObject = Array.isArray(table) ? { rows: table } : table;
  const id = t.id ?? `table ${ti + 1}`;
  const { headerRows, rows, caption, colHeaders } = tableLayout(t);
  const scaleKnown = t.scale !== undefined;
  const captionTokens = contentTokens(caption);
  const colYears = colHeaders.map((h) => yearsIn(h));
  // a table whose row labels are years (and whose columns are not) is transposed: columns name the metric
  const rowLabelYears = rows.slice(headerRows).map((r) => yearsIn(r[0] ?? ''));
  const transposed = !colYears.some((y) => y.size > 0) && rowLabelYears.filter((y) => y.size > 0).length >= 2;
  // a column of percents: most cells say so, or its first and last figures do (a common-size statement)
  const percentCols = new Set<number>();
  for (let j = 1; j < width(rows); j++) {
    const cells = rows.slice(headerRows).map((r) => r[j] ?? '').filter((c) => isDataCell(c));
    const pct = cells.map((c) => /%/.test(c));
    if (cells.length > 0 && (pct.filter(Boolean).length * 2 >= cells.length || (cells.length >= 3 && pct[0] && pct[pct.length - 1]))) percentCols.add(j);
  }
  const out: EvNum[] = [];
  let section = '';
  for (let i = headerRows; i < rows.length; i++) {
    const r = rows[i]!;
    const labelCells = r.filter((c, j) => (j === 0 || !isDataCell(c)) && c.trim() !== '');
    const label = labelCells.filter((c) => !/^[\s$€£¥%()—–-]*$/.test(c)).join(' ');
    const hasData = r.slice(1).some(isDataCell);
    if (!hasData) {
      if (label) section = label;
      continue;
    }
    const isTotalRow = TOTAL_WORDS.test(label);
    for (let j = 1; j < r.length; j++) {
      const c = r[j]!;
      if (!isDataCell(c) && !/^\s*[—–-]+\s*$/.test(c)) continue;
      const p = parseCell(c);
      if (!p) continue;
      const header = colHeaders[j] ?? '';
      const percentLike = p.percent || percentCols.has(j) || PERCENT_WORDS.test(header) || PERCENT_WORDS.test(label) || PERCENT_WORDS.test(caption);
      const kind: EvKind = p.percent ? 'percent' : scaleKnown && t.currency ? 'money' : 'plain';
      const value = scaleKnown && !p.percent ? p.value * t.scale! : p.value;
      const rowSide = {
        key: `r${i}`,
        // an unlabelled row under figures is their total
        tokens: contentTokens(label || 'total'),
        years: yearsIn(label),
      };
      const colSide = {
        key: `c${j}`,
        tokens: new Set([...contentTokens(header), ...captionTokens]),
        years: colYears[j] ?? new Set<string>(),
      };
      const metric = transposed ? colSide : rowSide;
      const period = transposed ? rowSide : colSide;
      out.push({
        value,
        kind,
        ...(t.currency && kind === 'money' ? { currency: t.currency } : {}),
        scaleKnown: scaleKnown || p.percent,
        writtenScale: scaleKnown && !p.percent ? t.scale! : 1,
        source: 'table',
        ref: `${id} r${i}c${j}`,
        display: c.trim(),
        percentLike,
        space: id,
        metricKey: metric.key,
        metricTokens: metric.tokens,
        ...(section && !transposed ? { sectionTokens: contentTokens(section) } : {}),
        periodKey: period.key,
        periodTokens: period.tokens,
        periodYears: period.years,
        metricYears: metric.years,
        isTotal: transposed ? TOTAL_WORDS.test(header) : isTotalRow,
        ...(/^\s*[—–-]+\s*$/.test(c) ? { isDash: true } : {}),
      });
    }
  }
  return out;
}

// ---- passages ----------------------------------------------------------------------------------------

function passageNums(p: Passage | string, pi: number): EvNum[] {
  const text = typeof p === 'string' ? p : p.text;
  const ref = typeof p === 'string' ? `passage ${pi + 1}` : `passage ${p.documentId}#${p.position}`;
  const out: EvNum[] = [];
  const claims = extractClaims(text);
  // years mentioned in the passage, with positions, to give each number its nearest year
  const yearPos: Array<[number, string]> = [];
  for (const m of text.matchAll(/(?<![\d.,$])((?:19|20)\d{2})(?![\d%]|\.\d|,\d{3})/g)) yearPos.push([m.index, m[1]!]);
  for (const c of claims) {
    const [s, e] = sentenceAround(text, c.start);
    const sentence = text.slice(s, e);
    const sentYears = yearsIn(sentence);
    let nearest: string | undefined;
    let best = Infinity;
    for (const [pos, y] of yearPos) {
      if (pos < s || pos >= e) continue;
      const d = pos >= c.end ? pos - c.end : c.start - pos;
      if (d < best) {
        best = d;
        nearest = y;
      }
    }
    const scaleKnown = c.scale !== 1 || c.unitKind === 'percent' || c.unitKind === 'bp' || c.unitKind === 'pp';
    const kind: EvKind = c.unitKind === 'bp' ? 'pp' : c.unitKind;
    out.push({
      value: scaleKnown ? c.value : c.numeral,
      kind,
      ...(c.currency ? { currency: c.currency } : {}),
      scaleKnown,
      writtenScale: c.unitKind === 'money' || c.unitKind === 'count' || c.unitKind === 'plain' ? c.scale : 1,
      source: 'passage',
      ref,
      display: c.text,
      percentLike: kind === 'percent' || kind === 'pp' || PERCENT_WORDS.test(text.slice(Math.max(s, c.start - 40), c.start)),
      space: 'passages',
      metricKey: `${ref}@${s}`,
      metricTokens: contentTokens(sentence),
      periodKey: nearest ?? '',
      periodTokens: new Set(),
      periodYears: nearest ? new Set([nearest]) : new Set(),
      metricYears: sentYears,
      isTotal: false,
    });
  }
  return out;
}

export function buildPool(evidence: Evidence, lang: Lang): Pool {
  const nums: EvNum[] = [];
  const facts = new Map<string, Fact>();
  const dates: Array<[string, string]> = [];
  for (const f of evidence.facts ?? []) {
    facts.set(f.id, f);
    nums.push(...factNums(f, lang));
    for (const d of factDates(f)) dates.push([d, d]);
  }
  for (const p of evidence.passages ?? []) {
    if (typeof p !== 'string' && p.date) dates.push([p.date, p.date]);
    dates.push(...dateIntervals(typeof p === 'string' ? p : p.text));
  }
  for (const d of evidence.dates ?? []) {
    const iv = dateInterval(d);
    if (iv) dates.push(iv);
  }
  (evidence.tables ?? []).forEach((t, i) => nums.push(...tableNums(t, i)));
  (evidence.passages ?? []).forEach((p, i) => nums.push(...passageNums(p, i)));
  (evidence.numbers ?? []).forEach((n, i) => {
    if (!Number.isFinite(n)) return;
    nums.push({
      value: n,
      kind: 'plain',
      scaleKnown: false,
      writtenScale: 1,
      source: 'number',
      ref: `number ${i + 1}`,
      display: String(n),
      percentLike: false,
      space: 'numbers',
      metricKey: `n${i}`,
      metricTokens: new Set(),
      periodKey: '',
      periodTokens: new Set(),
      periodYears: new Set(),
      metricYears: new Set(),
      isTotal: false,
    });
  });
  return { nums, facts, dates };
}
