// Statistics over a period: average, sum, standard deviation (sample or population, always named in
// methodDetail), rolling standard deviation, and volatility (daily changes in bp for rate series; annualised
// log returns for prices). Missing values are skipped and counted. Changes are taken between consecutive
// non-null observations and never across the gap between two ranges of a multi-range selection.
import type { Fact } from '../core/answer.ts';
import type { Bilingual, Frequency, IsoDate } from '../core/types.ts';
import { InsufficientDataError, InvalidArgumentError, UndefinedResultError } from './errors.ts';
import { allPoints, countsText, exactDiff, exactSum, factId, makeFact, periodLabel, rangeText, requestedExtra, selectionSpan } from './facts.ts';
import { factSeriesId, lineage, periodDays, select, type Point, type SeriesData, type Selection } from './series.ts';
import { BASIS_POINTS, changeUnit, isRateUnit, PERCENT, ppToBp } from './units.ts';

export type StdevKind = 'sample' | 'population';

// ---- plain numbers ----------------------------------------------------------------------------------------

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Variance with divisor n − 1 (sample) or n (population); two-pass for accuracy. */
export function variance(xs: readonly number[], kind: StdevKind): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return ss / (kind === 'sample' ? xs.length - 1 : xs.length);
}

export function stdevOf(xs: readonly number[], kind: StdevKind): number {
  return Math.sqrt(variance(xs, kind));
}

/** Pearson correlation; NaN when either side has zero variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Observations per year used to annualise: daily 252 (trading days), weekly 52, monthly 12, quarterly 4, annual 1. */
export function periodsPerYear(s: SeriesData): number {
  const f: Frequency = s.meta.frequency;
  if (f === 'daily') return 252;
  if (f === 'weekly') return 52;
  if (f === 'monthly') return 12;
  if (f === 'quarterly') return 4;
  if (f === 'annual') return 1;
  return 365.25 / periodDays(s);
}

const FREQ_WORD: Record<Frequency, Bilingual> = {
  daily: { zh: '日', en: 'daily' },
  weekly: { zh: '周', en: 'weekly' },
  monthly: { zh: '月', en: 'monthly' },
  quarterly: { zh: '季', en: 'quarterly' },
  annual: { zh: '年', en: 'annual' },
  irregular: { zh: '逐期', en: 'period-to-period' },
};

/** Changes between consecutive non-null observations inside each segment; `date` is the later observation. */
export function segmentChanges(sel: Selection): Array<{ date: IsoDate; prevDate: IsoDate; prev: number; value: number; change: number }> {
  const out: Array<{ date: IsoDate; prevDate: IsoDate; prev: number; value: number; change: number }> = [];
  for (const g of sel.segments) {
    for (let i = 1; i < g.length; i++) out.push({ date: g[i]!.date, prevDate: g[i - 1]!.date, prev: g[i - 1]!.value, value: g[i]!.value, change: exactDiff(g[i]!.value, g[i - 1]!.value) });
  }
  return out;
}

// ---- average, sum ----------------------------------------------------------------------------------------

const AVERAGE: Bilingual = { zh: '平均值', en: 'average' };
const SUM: Bilingual = { zh: '合计', en: 'sum' };

export function averageOver(s: SeriesData, sel: Selection, tag?: Bilingual): Fact {
  const pts = allPoints(sel);
  const sp = selectionSpan(sel);
  return makeFact({
    id: factId(s.meta.id, 'average', sp.key),
    value: mean(pts.map((p) => p.value)),
    unit: s.meta.unit,
    label: periodLabel(s, AVERAGE, sp.text, tag),
    asOf: sp.to,
    period: { from: sp.from, to: sp.to },
    method: 'average',
    methodDetail: `arithmetic mean of observations from ${sp.text.en}; ${countsText(pts.length, sel.missing)}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, pts.map((p) => p.date)),
    extra: { n: pts.length, missingSkipped: sel.missing || undefined, ...requestedExtra(sel) },
  });
}

/** Arithmetic mean over [from, to] (whole series when open), in the series unit. */
export function average(s: SeriesData, from?: IsoDate, to?: IsoDate): Fact {
  return averageOver(s, select(s, [{ from, to }]));
}

export function sumOver(s: SeriesData, sel: Selection, tag?: Bilingual): Fact {
  const pts = allPoints(sel);
  const sp = selectionSpan(sel);
  return makeFact({
    id: factId(s.meta.id, 'sum', sp.key),
    value: exactSum(pts.map((p) => p.value)),
    unit: s.meta.unit,
    label: periodLabel(s, SUM, sp.text, tag),
    asOf: sp.to,
    period: { from: sp.from, to: sp.to },
    method: 'sum',
    methodDetail: `sum of observations from ${sp.text.en}; ${countsText(pts.length, sel.missing)}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, pts.map((p) => p.date)),
    extra: { n: pts.length, missingSkipped: sel.missing || undefined, ...requestedExtra(sel) },
  });
}

/** Sum of the observations over [from, to], in the series unit (for flows). */
export function sum(s: SeriesData, from?: IsoDate, to?: IsoDate): Fact {
  return sumOver(s, select(s, [{ from, to }]));
}

// ---- standard deviation --------------------------------------------------------------------------------------

export interface StdevOptions {
  /** 'sample' (DEFAULT, divisor n − 1) or 'population' (divisor n). */
  kind?: StdevKind;
  /** Of the levels (DEFAULT) or of the changes between consecutive observations. */
  on?: 'levels' | 'changes';
}

function stdevLabel(kind: StdevKind, on: 'levels' | 'changes'): Bilingual {
  const k = kind === 'sample' ? { zh: '样本', en: 'sample' } : { zh: '总体', en: 'population' };
  return on === 'levels'
    ? { zh: `标准差(${k.zh})`, en: `standard deviation (${k.en})` }
    : { zh: `变化值的标准差(${k.zh})`, en: `standard deviation of changes (${k.en})` };
}

export function stdevOver(s: SeriesData, sel: Selection, opts: StdevOptions = {}, tag?: Bilingual): Fact {
  const kind = opts.kind ?? 'sample';
  const on = opts.on ?? 'levels';
  const what = stdevLabel(kind, on);
  const sp = selectionSpan(sel);
  let values: number[];
  let dates: IsoDate[];
  if (on === 'levels') {
    const pts = allPoints(sel);
    values = pts.map((p) => p.value);
    dates = pts.map((p) => p.date);
  } else {
    const ch = segmentChanges(sel);
    values = ch.map((c) => c.change);
    dates = [...new Set(ch.flatMap((c) => [c.prevDate, c.date]))];
  }
  const needed = kind === 'sample' ? 2 : 1;
  if (values.length < needed) throw new InsufficientDataError(s.meta.id, what, needed, values.length);
  const divisor = kind === 'sample' ? 'n − 1' : 'n';
  return makeFact({
    id: factId(s.meta.id, `stdev_${kind}`, ...(on === 'changes' ? ['changes'] : []), sp.key),
    value: stdevOf(values, kind),
    unit: changeUnit(s.meta.unit),
    label: periodLabel(s, what, sp.text, tag),
    asOf: sp.to,
    period: { from: sp.from, to: sp.to },
    method: kind === 'sample' ? 'stdev_sample' : 'stdev_population',
    methodDetail: `${kind} standard deviation (divisor ${divisor}) of ${on === 'levels' ? 'levels' : 'changes between consecutive observations'} from ${sp.text.en}; ${countsText(values.length, sel.missing, on === 'levels' ? 'observations' : 'changes')}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, dates),
    extra: { n: values.length, kind, on, missingSkipped: sel.missing || undefined, ...requestedExtra(sel) },
  });
}

/** Standard deviation over [from, to]; unit: percentage points for a percent series, else the series unit. */
export function stdev(s: SeriesData, from?: IsoDate, to?: IsoDate, opts: StdevOptions = {}): Fact {
  return stdevOver(s, select(s, [{ from, to }]), opts);
}

// ---- rolling standard deviation -------------------------------------------------------------------------------

export interface RollingStdevResult {
  /** The standard deviation of the last window. */
  last: Fact;
  /** The largest rolling value; asOf = the last date of that window. */
  max: Fact;
  /** Every rolling value, dated by the last observation of its window. */
  values: Point[];
}

/**
 * Standard deviation over windows of `window` consecutive non-null observations (or changes) inside
 * [from, to] — windows never reach outside the period. Returns the last value, the maximum and the path.
 */
export function rollingStdev(s: SeriesData, window: number, from?: IsoDate, to?: IsoDate, opts: StdevOptions = {}): RollingStdevResult {
  const kind = opts.kind ?? 'sample';
  const on = opts.on ?? 'levels';
  if (!Number.isInteger(window) || window < (kind === 'sample' ? 2 : 1)) {
    throw new InvalidArgumentError({ en: `Rolling window must be an integer ≥ ${kind === 'sample' ? 2 : 1} (got ${window}).`, zh: `滚动窗口必须是不小于 ${kind === 'sample' ? 2 : 1} 的整数(收到 ${window})。` });
  }
  const sel = select(s, [{ from, to }]);
  // Each element: the value entering the window, the date it is dated by, and the observation dates it uses.
  const items: Array<{ date: IsoDate; value: number; uses: IsoDate[] }> =
    on === 'levels'
      ? allPoints(sel).map((p) => ({ date: p.date, value: p.value, uses: [p.date] }))
      : segmentChanges(sel).map((c) => ({ date: c.date, value: c.change, uses: [c.prevDate, c.date] }));
  const base = stdevLabel(kind, on);
  const what = { zh: `滚动${window}期${base.zh}`, en: `rolling ${window}-observation ${base.en}` };
  if (items.length < window) throw new InsufficientDataError(s.meta.id, what, window, items.length);
  const values: Point[] = [];
  let maxIdx = 0;
  for (let end = window - 1; end < items.length; end++) {
    const v = stdevOf(items.slice(end - window + 1, end + 1).map((x) => x.value), kind);
    values.push({ date: items[end]!.date, value: v });
    if (v > values[maxIdx]!.value) maxIdx = values.length - 1;
  }
  const unit = changeUnit(s.meta.unit);
  const sp = selectionSpan(sel);
  const windowFact = (idx: number, which: 'last' | 'max'): Fact => {
    const endItem = idx + window - 1;
    const used = items.slice(idx, endItem + 1);
    const wFrom = used[0]!.uses[0]!;
    const wTo = used[used.length - 1]!.date;
    const stat = which === 'last' ? { zh: `${what.zh} 最新值`, en: `${what.en}, latest` } : { zh: `${what.zh} 最高值`, en: `${what.en}, maximum` };
    return makeFact({
      id: factId(s.meta.id, 'rolling_stdev', `w${window}`, kind, ...(on === 'changes' ? ['changes'] : []), which, ...(which === 'max' ? [sp.from, sp.to] : [wFrom, wTo])),
      value: values[idx]!.value,
      unit,
      label: which === 'last' ? periodLabel(s, stat, rangeText(wFrom, wTo)) : periodLabel(s, stat, { zh: `${sp.text.zh},最高于 ${wTo}`, en: `${sp.text.en}; peak on ${wTo}` }),
      asOf: wTo,
      period: { from: wFrom, to: wTo },
      method: 'rolling_stdev',
      methodDetail: `${kind} standard deviation (divisor ${kind === 'sample' ? 'n − 1' : 'n'}) of ${on === 'levels' ? 'levels' : 'changes'} over rolling windows of ${window} consecutive ${on === 'levels' ? 'observations' : 'changes'} inside ${sp.text.en}; ${values.length} windows; this is the ${which === 'last' ? 'last window' : 'largest value'} (window ${wFrom} to ${wTo})${sel.missing ? `; ${sel.missing} missing value(s) skipped` : ''}`,
      seriesId: factSeriesId(s),
      inputs: lineage(s, [...new Set(used.flatMap((x) => x.uses))]),
      extra: { window, kind, on, windowFrom: wFrom, windowTo: wTo, windows: values.length, rangeFrom: sp.from, rangeTo: sp.to, missingSkipped: sel.missing || undefined },
    });
  };
  return { last: windowFact(values.length - 1, 'last'), max: windowFact(maxIdx, 'max'), values };
}

// ---- volatility -----------------------------------------------------------------------------------------------

export type VolatilityBasis = 'auto' | 'bp_changes' | 'log_returns';

export interface VolatilityOptions {
  /**
   * 'auto' (DEFAULT): 'bp_changes' for percent / percentage-point series (yields, spreads), 'log_returns'
   * for everything else (prices, indexes, levels).
   *  - 'bp_changes': sample stdev of changes between consecutive observations, in basis points, per
   *    observation interval (daily for a daily series); not annualised unless `annualize` is true.
   *  - 'log_returns': sample stdev of ln(v_t / v_{t−1}), annualised × √(periods per year) (252 for daily),
   *    in percent; `annualize: false` gives the per-period value.
   */
  basis?: VolatilityBasis;
  annualize?: boolean;
}

export function volatilityOver(s: SeriesData, sel: Selection, opts: VolatilityOptions = {}, tag?: Bilingual): Fact {
  const basis = opts.basis === undefined || opts.basis === 'auto' ? (isRateUnit(s.meta.unit) ? 'bp_changes' : 'log_returns') : opts.basis;
  const ch = segmentChanges(sel);
  const sp = selectionSpan(sel);
  const freq = FREQ_WORD[s.meta.frequency];
  const ppy = periodsPerYear(s);
  const dates = [...new Set(ch.flatMap((c) => [c.prevDate, c.date]))];
  if (basis === 'bp_changes') {
    if (!isRateUnit(s.meta.unit)) {
      throw new InvalidArgumentError({ en: `${s.meta.id} is in ${s.meta.unit.label}; basis-point volatility needs a percent series.`, zh: `${s.meta.id} 的单位是 ${s.meta.unit.label};以基点计的波动率需要百分比序列。` });
    }
    const annualize = opts.annualize ?? false;
    const what = { zh: `${freq.zh}变化波动率${annualize ? '(年化)' : ''}`, en: `volatility of ${freq.en} changes${annualize ? ', annualized' : ''}` };
    if (ch.length < 2) throw new InsufficientDataError(s.meta.id, what, 3, dates.length);
    const sd = stdevOf(ch.map((c) => ppToBp(c.change)), 'sample') * (annualize ? Math.sqrt(ppy) : 1);
    return makeFact({
      id: factId(s.meta.id, 'volatility', annualize ? 'bp_changes_annualized' : 'bp_changes', sp.key),
      value: sd,
      unit: BASIS_POINTS,
      label: periodLabel(s, { zh: `${what.zh}(基点)`, en: `${what.en} (bp)` }, sp.text, tag),
      asOf: sp.to,
      period: { from: sp.from, to: sp.to },
      method: 'stdev_sample',
      methodDetail: `sample standard deviation (divisor n − 1) of ${freq.en} changes in basis points (between consecutive observations)${annualize ? `, × √${trimmed(ppy)}` : ', not annualized'}, from ${sp.text.en}; ${countsText(ch.length, sel.missing, 'changes')}`,
      seriesId: factSeriesId(s),
      inputs: lineage(s, dates),
      extra: { n: ch.length, basis, annualized: annualize ? 'yes' : 'no', missingSkipped: sel.missing || undefined, ...requestedExtra(sel) },
    });
  }
  const annualize = opts.annualize ?? true;
  const what = annualize ? { zh: '年化波动率(对数收益率)', en: 'annualized volatility (log returns)' } : { zh: `${freq.zh}对数收益率波动率`, en: `volatility of ${freq.en} log returns` };
  if (ch.length < 2) throw new InsufficientDataError(s.meta.id, what, 3, dates.length);
  const bad = ch.find((c) => !(c.prev > 0 && c.value > 0));
  if (bad) throw new UndefinedResultError(s.meta.id, what, { en: `non-positive value near ${bad.date}`, zh: `${bad.date} 附近存在非正数值` });
  const sd = stdevOf(ch.map((c) => Math.log(c.value / c.prev)), 'sample') * (annualize ? Math.sqrt(ppy) : 1) * 100;
  return makeFact({
    id: factId(s.meta.id, 'volatility', annualize ? 'log_returns_annualized' : 'log_returns', sp.key),
    value: sd,
    unit: PERCENT,
    label: periodLabel(s, what, sp.text, tag),
    asOf: sp.to,
    period: { from: sp.from, to: sp.to },
    method: 'stdev_sample',
    methodDetail: `sample standard deviation (divisor n − 1) of ${freq.en} log returns ln(v_t / v_t−1)${annualize ? ` × √${trimmed(ppy)} (annualized)` : ''} × 100, from ${sp.text.en}; ${countsText(ch.length, sel.missing, 'returns')}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, dates),
    extra: { n: ch.length, basis, annualized: annualize ? 'yes' : 'no', periodsPerYear: ppy, missingSkipped: sel.missing || undefined, ...requestedExtra(sel) },
  });
}

function trimmed(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/** Volatility over [from, to] (see VolatilityOptions for the basis; methodDetail always names it). */
export function volatility(s: SeriesData, from?: IsoDate, to?: IsoDate, opts: VolatilityOptions = {}): Fact {
  return volatilityOver(s, select(s, [{ from, to }]), opts);
}
