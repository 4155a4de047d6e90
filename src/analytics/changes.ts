// Changes between two dates: absolute change (series unit; percentage points for percent series), percent
// change, year-over-year, annualised growth of quarterly/monthly levels, and average monthly change.
//
// Period ends: by default the start is the first observation ON OR AFTER `from` and the end the last ON OR
// BEFORE `to` (both inside the period); both dates used are recorded (extra, inputs, period).
import type { Fact } from '../core/answer.ts';
import { DateOutOfRangeError } from '../core/errors.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import { AVERAGE_MONTH_DAYS, addYears, daysBetween, PERIODS_PER_YEAR, periodEnd, periodIndex, type CalendarFrequency } from './dates.ts';
import { InsufficientDataError, InvalidArgumentError, UndefinedResultError } from './errors.ts';
import { countsText, exactDiff, factId, makeFact, periodLabel, rangeText } from './facts.ts';
import { defaultMaxGapDays, resolveDate, type DatePolicy } from './levels.ts';
import {
  basesOf,
  derivedSeries,
  factSeriesId,
  lastIndexOnOrBefore,
  lineage,
  missingCount,
  points,
  refsOf,
  span,
  windowPoints,
  type ObservationRef,
  type Point,
  type SeriesData,
} from './series.ts';
import { changeUnit, PERCENT, perMonthUnit } from './units.ts';

export interface ChangeOptions {
  /** Observation used for `from`. Default 'on_or_after' (first observation inside the period). */
  fromPolicy?: DatePolicy;
  /** Observation used for `to`. Default 'on_or_before' (last observation inside the period). */
  toPolicy?: DatePolicy;
  /** Largest distance between a requested and a used date (see ValueOnOptions). */
  maxGapDays?: number | null;
}

interface Ends {
  start: Point;
  end: Point;
  from: IsoDate;
  to: IsoDate | undefined;
  missing: number;
}

/** The two observations a change from `from` to `to` (default: latest) uses. */
export function changeEnds(s: SeriesData, from: IsoDate, to: IsoDate | undefined, opts: ChangeOptions, what: Bilingual): Ends {
  const pts = points(s);
  if (pts.length === 0) throw new InsufficientDataError(s.meta.id, what, 2, 0);
  const start = resolveDate(s, from, { policy: opts.fromPolicy ?? 'on_or_after', maxGapDays: opts.maxGapDays });
  const end = to === undefined ? pts[pts.length - 1]! : resolveDate(s, to, { policy: opts.toPolicy ?? 'on_or_before', maxGapDays: opts.maxGapDays });
  if (start.date > end.date) {
    const sp = span(s);
    throw new DateOutOfRangeError(s.meta.id, from, to ?? end.date, sp?.first ?? null, sp?.last ?? null);
  }
  if (start.date === end.date) throw new InsufficientDataError(s.meta.id, what, 2, 1);
  return { start, end, from, to, missing: missingCount(s, start.date, end.date) };
}

function endsExtra(e: Ends): Record<string, string | number | undefined> {
  return {
    startDate: e.start.date,
    startValue: e.start.value,
    endDate: e.end.date,
    endValue: e.end.value,
    requestedFrom: e.from,
    requestedTo: e.to,
    missingSkipped: e.missing || undefined,
  };
}

function endsDetail(e: Ends, opts: ChangeOptions): string {
  const fromText = `${opts.fromPolicy ?? 'on_or_after'} ${e.from}`.replace(/_/g, ' ');
  const toText = e.to === undefined ? 'latest observation' : `${opts.toPolicy ?? 'on_or_before'} ${e.to}`.replace(/_/g, ' ');
  return `start ${e.start.date} (${fromText}), end ${e.end.date} (${toText})`;
}

const CHANGE: Bilingual = { zh: '变化', en: 'change' };
const PCT_CHANGE: Bilingual = { zh: '变化率', en: 'percent change' };

/**
 * value(end) − value(start) in the series unit (percentage points for a percent series; money stays in its
 * stored unit, e.g. millions of USD, so it formats as 亿/万亿). Exact in decimal on the stored values.
 */
export function change(s: SeriesData, from: IsoDate, to?: IsoDate, opts: ChangeOptions = {}, tag?: Bilingual): Fact {
  const e = changeEnds(s, from, to, opts, CHANGE);
  return makeFact({
    id: factId(s.meta.id, 'change', e.start.date, e.end.date),
    value: exactDiff(e.end.value, e.start.value),
    unit: changeUnit(s.meta.unit),
    label: periodLabel(s, CHANGE, rangeText(e.start.date, e.end.date), tag),
    asOf: e.end.date,
    period: { from: e.start.date, to: e.end.date },
    method: 'change',
    methodDetail: `value on ${e.end.date} minus value on ${e.start.date}; ${endsDetail(e, opts)}; in ${changeUnit(s.meta.unit).label}${e.missing ? `; ${e.missing} missing value(s) in between skipped` : ''}`,
    seriesId: factSeriesId(s),
    inputs: [...lineage(s, [e.start.date]), ...lineage(s, [e.end.date])],
    extra: endsExtra(e),
  });
}

/** (end − start) / |start| × 100, in percent. A zero start value is UndefinedResultError. */
export function percentChange(s: SeriesData, from: IsoDate, to?: IsoDate, opts: ChangeOptions = {}, tag?: Bilingual): Fact {
  const e = changeEnds(s, from, to, opts, PCT_CHANGE);
  if (e.start.value === 0) {
    throw new UndefinedResultError(s.meta.id, PCT_CHANGE, { en: `the value on ${e.start.date} is 0`, zh: `${e.start.date} 的数值为 0` });
  }
  return makeFact({
    id: factId(s.meta.id, 'percent_change', e.start.date, e.end.date),
    value: ((e.end.value - e.start.value) / Math.abs(e.start.value)) * 100,
    unit: PERCENT,
    label: periodLabel(s, PCT_CHANGE, rangeText(e.start.date, e.end.date), tag),
    asOf: e.end.date,
    period: { from: e.start.date, to: e.end.date },
    method: 'percent_change',
    methodDetail: `(value on ${e.end.date} − value on ${e.start.date}) / |value on ${e.start.date}| × 100; ${endsDetail(e, opts)}`,
    seriesId: factSeriesId(s),
    inputs: [...lineage(s, [e.start.date]), ...lineage(s, [e.end.date])],
    extra: endsExtra(e),
  });
}

// ---- year over year -------------------------------------------------------------------------------------

function calendarFrequency(s: SeriesData): CalendarFrequency | undefined {
  const f = s.meta.frequency;
  return f === 'monthly' || f === 'quarterly' || f === 'annual' ? f : undefined;
}

/**
 * The observation a year before `t`:
 *  - monthly / quarterly / annual: the same calendar period one year earlier (exact match required);
 *  - weekly: the observation nearest to the same date a year earlier, at most 3 days away;
 *  - daily: the last observation on or before the same date a year earlier, at most 7 days before it;
 *  - irregular: the last observation on or before the same date a year earlier, within the default gap.
 */
export function yearEarlier(s: SeriesData, t: Point): Point | undefined {
  const pts = points(s);
  const target = addYears(t.date, -1);
  const cal = calendarFrequency(s);
  if (cal) {
    const i = lastIndexOnOrBefore(pts, periodEnd(target, cal));
    const p = i >= 0 ? pts[i]! : undefined;
    return p && periodIndex(p.date, cal) === periodIndex(t.date, cal) - PERIODS_PER_YEAR[cal] ? p : undefined;
  }
  const i = lastIndexOnOrBefore(pts, target);
  const before = i >= 0 ? pts[i] : undefined;
  if (s.meta.frequency === 'weekly') {
    const after = pts[i + 1];
    const cands = [before, after].filter((p): p is Point => !!p && p.date < t.date && Math.abs(daysBetween(p.date, target)) <= 3);
    cands.sort((a, b) => Math.abs(daysBetween(a.date, target)) - Math.abs(daysBetween(b.date, target)));
    return cands[0];
  }
  const tolerance = s.meta.frequency === 'daily' ? 7 : defaultMaxGapDays(s);
  return before && daysBetween(before.date, target) <= tolerance ? before : undefined;
}

function yoyRule(s: SeriesData): string {
  switch (s.meta.frequency) {
    case 'monthly':
      return 'same month one year earlier';
    case 'quarterly':
      return 'same quarter one year earlier';
    case 'annual':
      return 'previous year';
    case 'weekly':
      return 'observation nearest to the same date one year earlier (within 3 days)';
    case 'daily':
      return 'last observation on or before the same date one year earlier (within 7 days)';
    case 'irregular':
      return 'last observation on or before the same date one year earlier';
  }
}

const YOY: Bilingual = { zh: '同比', en: 'year-over-year change' };

/**
 * Percent change versus a year earlier (see `yearEarlier` for how the base is chosen per frequency), at
 * `date` (its observation on or before) or at the latest observation.
 */
export function yoy(s: SeriesData, date?: IsoDate, opts: { maxGapDays?: number | null } = {}): Fact {
  const pts = points(s);
  if (pts.length === 0) throw new InsufficientDataError(s.meta.id, YOY, 2, 0);
  const t = date === undefined ? pts[pts.length - 1]! : resolveDate(s, date, { policy: 'on_or_before', maxGapDays: opts.maxGapDays });
  const base = yearEarlier(s, t);
  if (!base) {
    const sp = span(s);
    const target = addYears(t.date, -1);
    throw new DateOutOfRangeError(s.meta.id, target, target, sp?.first ?? null, sp?.last ?? null);
  }
  if (base.value === 0) throw new UndefinedResultError(s.meta.id, YOY, { en: `the value on ${base.date} is 0`, zh: `${base.date} 的数值为 0` });
  return makeFact({
    id: factId(s.meta.id, 'yoy', t.date),
    value: ((t.value - base.value) / Math.abs(base.value)) * 100,
    unit: PERCENT,
    label: { zh: `${s.meta.title.zh} 同比(${t.date})`, en: `${s.meta.title.en}, year over year (${t.date})` },
    asOf: t.date,
    period: { from: base.date, to: t.date },
    method: 'yoy',
    methodDetail: `(value on ${t.date} / value on ${base.date} − 1) × 100; base = ${yoyRule(s)}`,
    seriesId: factSeriesId(s),
    inputs: [...lineage(s, [base.date]), ...lineage(s, [t.date])],
    extra: { baseDate: base.date, baseValue: base.value, value: t.value, requestedDate: date },
  });
}

/**
 * The YoY series (percent) of `s` over [from, to] — a derived series whose lineage points at the stored
 * observations. E.g. "核心CPI同比最近三个月的变化" = change(yoySeries(core), threeMonthsBefore).
 */
export function yoySeries(s: SeriesData, from?: IsoDate, to?: IsoDate): SeriesData {
  const rows: Array<{ date: IsoDate; value: number; uses: ObservationRef[] }> = [];
  for (const t of windowPoints(s, from, to)) {
    const base = yearEarlier(s, t);
    if (!base || base.value === 0) continue;
    rows.push({ date: t.date, value: ((t.value - base.value) / Math.abs(base.value)) * 100, uses: [...refsOf(s, base.date), ...refsOf(s, t.date)] });
  }
  if (rows.length === 0) throw new InsufficientDataError(s.meta.id, YOY, 2, 0);
  const meta = {
    ...s.meta,
    id: `${s.meta.id}:yoy`,
    title: { zh: `${s.meta.title.zh}同比`, en: `${s.meta.title.en}, year over year` },
    // the series' own names: a chart names the rate by the series' short name ("consumer price index, year over year")
    aliases: s.meta.aliases,
    unit: PERCENT,
    notes: `Year-over-year percent change of ${s.meta.id}; base = ${yoyRule(s)}.`,
  };
  return derivedSeries(meta, 'yoy', basesOf(s), rows);
}

// ---- annualised growth ------------------------------------------------------------------------------------

const ANN_GROWTH: Bilingual = { zh: '环比折年率', en: 'annualized growth rate' };

/**
 * Growth over the previous period, annualised: ((v_t / v_{t−1})^k − 1) × 100 with k = 4 (quarterly) or
 * 12 (monthly) — e.g. real GDP q/q SAAR. The previous observation must be the immediately preceding period.
 */
export function annualizedGrowth(s: SeriesData, date?: IsoDate): Fact {
  const cal = calendarFrequency(s);
  if (cal !== 'quarterly' && cal !== 'monthly') {
    throw new InvalidArgumentError({
      en: `${s.meta.id}: annualized growth needs a quarterly or monthly series (this one is ${s.meta.frequency}).`,
      zh: `${s.meta.id}:环比折年率需要季度或月度序列(该序列为 ${s.meta.frequency})。`,
    });
  }
  const pts = points(s);
  if (pts.length < 2) throw new InsufficientDataError(s.meta.id, ANN_GROWTH, 2, pts.length);
  const t = date === undefined ? pts[pts.length - 1]! : resolveDate(s, date, { policy: 'on_or_before' });
  const i = lastIndexOnOrBefore(pts, t.date);
  const prev = i > 0 ? pts[i - 1]! : undefined;
  if (!prev || periodIndex(prev.date, cal) !== periodIndex(t.date, cal) - 1) {
    const sp = span(s);
    throw new DateOutOfRangeError(s.meta.id, `${cal === 'quarterly' ? 'quarter' : 'month'} before ${t.date}`, t.date, sp?.first ?? null, sp?.last ?? null);
  }
  const k = PERIODS_PER_YEAR[cal];
  const ratio = t.value / prev.value;
  if (!(ratio > 0) || !Number.isFinite(ratio)) {
    throw new UndefinedResultError(s.meta.id, ANN_GROWTH, { en: `ratio of ${t.value} to ${prev.value} is not positive`, zh: `${t.value} 与 ${prev.value} 之比不是正数` });
  }
  return makeFact({
    id: factId(s.meta.id, 'annualized_growth', t.date),
    value: (Math.pow(ratio, k) - 1) * 100,
    unit: PERCENT,
    label: { zh: `${s.meta.title.zh} ${ANN_GROWTH.zh}(${t.date})`, en: `${s.meta.title.en}, ${ANN_GROWTH.en} (${t.date})` },
    asOf: t.date,
    period: { from: prev.date, to: t.date },
    method: 'annualized_growth',
    methodDetail: `((value on ${t.date} / value on ${prev.date})^${k} − 1) × 100`,
    seriesId: factSeriesId(s),
    inputs: [...lineage(s, [prev.date]), ...lineage(s, [t.date])],
    extra: { previousDate: prev.date, previousValue: prev.value, value: t.value, requestedDate: date },
  });
}

// ---- average monthly change -------------------------------------------------------------------------------

export type MonthlyChangeMethod = 'endpoints' | 'month_end';

export interface AverageMonthlyChangeOptions extends ChangeOptions {
  /**
   * 'endpoints' (DEFAULT): (value_end − value_start) / months elapsed, months = calendar days / (365.25/12).
   * 'month_end': the mean of month-end-to-month-end changes, using the last observation of each calendar
   * month inside the period (the first month's last observation is the starting level).
   */
  method?: MonthlyChangeMethod;
}

const AMC: Bilingual = { zh: '月均变化', en: 'average monthly change' };

/** Average change per month over a period, e.g. balance-sheet runoff per month. Unit: series unit per month. */
export function averageMonthlyChange(s: SeriesData, from: IsoDate, to?: IsoDate, opts: AverageMonthlyChangeOptions = {}, tag?: Bilingual): Fact {
  const method = opts.method ?? 'endpoints';
  if (method === 'endpoints') {
    const e = changeEnds(s, from, to, opts, AMC);
    const days = daysBetween(e.start.date, e.end.date);
    const months = days / AVERAGE_MONTH_DAYS;
    const total = exactDiff(e.end.value, e.start.value);
    return makeFact({
      id: factId(s.meta.id, 'avg_monthly_change', 'endpoints', e.start.date, e.end.date),
      value: total / months,
      unit: perMonthUnit(s.meta.unit),
      label: periodLabel(s, AMC, rangeText(e.start.date, e.end.date), tag),
      asOf: e.end.date,
      period: { from: e.start.date, to: e.end.date },
      method: 'average_monthly_change',
      methodDetail: `(value on ${e.end.date} − value on ${e.start.date}) / months elapsed; months = ${days} calendar days / (365.25/12) = ${months.toFixed(3)}; ${endsDetail(e, opts)}`,
      seriesId: factSeriesId(s),
      inputs: [...lineage(s, [e.start.date]), ...lineage(s, [e.end.date])],
      extra: { ...endsExtra(e), totalChange: total, months: Number(months.toFixed(6)), calendarDays: days, variant: 'endpoints' },
    });
  }
  const pts = windowPoints(s, from, to);
  const monthEnds: Point[] = [];
  for (const p of pts) {
    const last = monthEnds[monthEnds.length - 1];
    if (last && periodIndex(last.date, 'monthly') === periodIndex(p.date, 'monthly')) monthEnds[monthEnds.length - 1] = p;
    else monthEnds.push(p);
  }
  if (monthEnds.length < 2) throw new InsufficientDataError(s.meta.id, { zh: '月均变化(月末对月末)', en: 'average month-end-to-month-end change' }, 2, monthEnds.length);
  const diffs = monthEnds.slice(1).map((p, i) => exactDiff(p.value, monthEnds[i]!.value));
  const first = monthEnds[0]!;
  const last = monthEnds[monthEnds.length - 1]!;
  const missing = missingCount(s, pts[0]!.date, pts[pts.length - 1]!.date);
  return makeFact({
    id: factId(s.meta.id, 'avg_monthly_change', 'month_end', first.date, last.date),
    value: diffs.reduce((a, b) => a + b, 0) / diffs.length,
    unit: perMonthUnit(s.meta.unit),
    label: periodLabel(s, AMC, rangeText(first.date, last.date), tag),
    asOf: last.date,
    period: { from: first.date, to: last.date },
    method: 'average_monthly_change',
    methodDetail: `mean of ${diffs.length} month-end-to-month-end changes (last observation of each calendar month from ${first.date} to ${last.date}); ${countsText(monthEnds.length, missing, 'month-end observations')}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, monthEnds.map((p) => p.date)),
    extra: { months: diffs.length, startDate: first.date, startValue: first.value, endDate: last.date, endValue: last.value, requestedFrom: from, requestedTo: to, variant: 'month_end', missingSkipped: missing || undefined },
  });
}
