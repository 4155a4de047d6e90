// Building Facts: deterministic readable ids (`<series>:<method>:<dates used>[:params]`), bilingual labels
// from the series title, exact decimal arithmetic on stored values, and the final finiteness check.
//
// Id rule: the id is built from the series id, the computation and the dates ACTUALLY used (plus any
// parameter that changes the number), so the same id always means the same value, unit and inputs.
// What was requested (a holiday, an open period) is kept in `extra` and, when it differs, in the label.
import type { Fact, FactInput, FactMethod } from '../core/answer.ts';
import type { Bilingual, IsoDate, Unit } from '../core/types.ts';
import { UndefinedResultError } from './errors.ts';
import type { Point, SeriesData, Selection } from './series.ts';

export interface FactSpec {
  id: string;
  value: number;
  unit: Unit;
  label: Bilingual;
  asOf: IsoDate;
  period?: { from: IsoDate; to: IsoDate };
  method: FactMethod;
  methodDetail?: string;
  seriesId?: string;
  inputs: FactInput[];
  extra?: Record<string, string | number | undefined>;
}

/** A Fact from a spec; drops undefined extras; throws UndefinedResultError for a non-finite value. */
export function makeFact(spec: FactSpec): Fact {
  if (!Number.isFinite(spec.value)) {
    throw new UndefinedResultError(spec.id, spec.label, { en: 'the computation gave a non-finite number', zh: '计算结果不是有限数值' });
  }
  const fact: Fact = {
    id: spec.id,
    value: Object.is(spec.value, -0) ? 0 : spec.value,
    unit: spec.unit,
    label: spec.label,
    asOf: spec.asOf,
    method: spec.method,
    inputs: spec.inputs,
    sourceIds: [],
  };
  if (spec.period) fact.period = spec.period;
  if (spec.methodDetail) fact.methodDetail = spec.methodDetail;
  if (spec.seriesId) fact.seriesId = spec.seriesId;
  if (spec.extra) {
    const extra: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(spec.extra)) if (v !== undefined) extra[k] = v;
    if (Object.keys(extra).length) fact.extra = extra;
  }
  return fact;
}

export function factId(...parts: Array<string | number>): string {
  return parts.join(':');
}

/** Decimal places of a number as written (−1 when written in exponent form). */
function decimalsOf(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return -1;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * a − b, exact in decimal: the result is rounded to the larger number of decimals of the stored inputs,
 * which removes binary float noise (4.7 − 4.62 = 0.08, not 0.08000000000000007). Money series are
 * subtracted in their stored native units (millions of USD), never converted first.
 */
export function exactDiff(a: number, b: number): number {
  const da = decimalsOf(a);
  const db = decimalsOf(b);
  const r = a - b;
  if (da < 0 || db < 0) return r;
  const d = Math.max(da, db);
  return d > 12 ? r : Number(r.toFixed(d));
}

/** Sum, exact in decimal like exactDiff. */
export function exactSum(xs: readonly number[]): number {
  let d = 0;
  let r = 0;
  for (const x of xs) {
    const dx = decimalsOf(x);
    d = dx < 0 || d < 0 ? -1 : Math.max(d, dx);
    r += x;
  }
  return d < 0 || d > 12 ? r : Number(r.toFixed(d));
}

// ---- labels -------------------------------------------------------------------------------------------

/** A stat over a period: "美联储总资产 变化(2022-06-01 至 2026-08-19)" / "Fed total assets change (2022-06-01 to 2026-08-19)". */
export function periodLabel(s: SeriesData, stat: Bilingual, span: Bilingual, tag?: Bilingual): Bilingual {
  const zhSpan = tag ? `${tag.zh}:${span.zh}` : span.zh;
  const enSpan = tag ? `${tag.en}: ${span.en}` : span.en;
  return { zh: `${s.meta.title.zh} ${stat.zh}(${zhSpan})`, en: `${s.meta.title.en} ${stat.en} (${enSpan})` };
}

export function rangeText(from: IsoDate, to: IsoDate): Bilingual {
  return { zh: `${from} 至 ${to}`, en: `${from} to ${to}` };
}

/** The dates used by a selection, as label text and as an id fragment. */
export function selectionSpan(sel: Selection): { text: Bilingual; key: string; from: IsoDate; to: IsoDate } {
  const used = sel.segments.filter((g) => g.length > 0);
  const parts = used.map((g) => ({ from: g[0]!.date, to: g[g.length - 1]!.date }));
  return {
    text: { zh: parts.map((p) => `${p.from} 至 ${p.to}`).join('、'), en: parts.map((p) => `${p.from} to ${p.to}`).join(', ') },
    key: parts.map((p) => `${p.from}:${p.to}`).join('+'),
    from: parts[0]!.from,
    to: parts[parts.length - 1]!.to,
  };
}

/** Requested period bounds for `extra` (only those given). */
export function requestedExtra(sel: Selection): Record<string, string | undefined> {
  if (sel.ranges.length !== 1) return { requestedRanges: sel.ranges.map((r) => `${r.from ?? '…'}..${r.to ?? '…'}`).join(',') };
  const r = sel.ranges[0]!;
  return { requestedFrom: r.from, requestedTo: r.to };
}

/** "n=251, 3 missing values skipped" */
export function countsText(n: number, missing: number, what = 'observations'): string {
  return `n=${n} ${what}${missing ? `; ${missing} missing value${missing === 1 ? '' : 's'} skipped` : '; no missing values'}`;
}

export function allPoints(sel: Selection): Point[] {
  return sel.segments.flat();
}
