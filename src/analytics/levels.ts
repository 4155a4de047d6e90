// Levels: the latest value and the value on a date. When the requested date has no observation (a holiday,
// a weekend, a month not yet published) a policy picks the observation actually used; the fact's asOf is
// that date and `extra.requestedDate` keeps the request, so an answer can say "(2024-07-03 data; 07-04 was a
// holiday)". A request further than `maxGapDays` from any observation is DateOutOfRangeError.
import type { Fact } from '../core/answer.ts';
import { DateOutOfRangeError } from '../core/errors.ts';
import type { IsoDate } from '../core/types.ts';
import { addDays, assertIsoDate, daysBetween } from './dates.ts';
import { InsufficientDataError } from './errors.ts';
import { factId, makeFact } from './facts.ts';
import { factSeriesId, firstIndexOnOrAfter, lastIndexOnOrBefore, lineage, missingCount, points, span, trailingMissing, type Point, type SeriesData } from './series.ts';

export type DatePolicy = 'on_or_before' | 'nearest' | 'on_or_after';

export interface ValueOnOptions {
  /** Which observation stands in for a date without one. Default 'on_or_before'. 'nearest' breaks ties toward the earlier date. */
  policy?: DatePolicy;
  /**
   * Largest distance in calendar days between the requested and the used date; null = unlimited. Default by
   * frequency: daily 10, weekly 14, monthly 62, quarterly 185, annual 370, irregular 3 × the median gap.
   */
  maxGapDays?: number | null;
}

/** Default tolerance between a requested date and the observation used for it. */
export function defaultMaxGapDays(s: SeriesData): number {
  switch (s.meta.frequency) {
    case 'daily':
      return 10;
    case 'weekly':
      return 14;
    case 'monthly':
      return 62;
    case 'quarterly':
      return 185;
    case 'annual':
      return 370;
    case 'irregular': {
      const pts = points(s);
      if (pts.length < 2) return 31;
      const gaps = pts.slice(1).map((p, i) => daysBetween(pts[i]!.date, p.date)).sort((a, b) => a - b);
      return 3 * gaps[Math.floor(gaps.length / 2)]!;
    }
  }
}

/** The observation standing in for `date` under a policy; throws DateOutOfRangeError when there is none close enough. */
export function resolveDate(s: SeriesData, date: IsoDate, opts: ValueOnOptions = {}): Point {
  assertIsoDate(date);
  const policy = opts.policy ?? 'on_or_before';
  const maxGap = opts.maxGapDays === null ? Infinity : (opts.maxGapDays ?? defaultMaxGapDays(s));
  const pts = points(s);
  const before = lastIndexOnOrBefore(pts, date);
  const after = firstIndexOnOrAfter(pts, date);
  const candBefore = before >= 0 ? pts[before]! : undefined;
  const candAfter = after < pts.length ? pts[after]! : undefined;
  let chosen: Point | undefined;
  if (policy === 'on_or_before') chosen = candBefore;
  else if (policy === 'on_or_after') chosen = candAfter;
  else if (candBefore && candAfter) chosen = daysBetween(candBefore.date, date) <= daysBetween(date, candAfter.date) ? candBefore : candAfter;
  else chosen = candBefore ?? candAfter;
  if (chosen && Math.abs(daysBetween(chosen.date, date)) <= maxGap) return chosen;
  const sp = span(s);
  const g = Number.isFinite(maxGap) ? maxGap : 0;
  const lo = policy === 'on_or_after' ? date : addDays(date, -g);
  const hi = policy === 'on_or_before' ? date : addDays(date, g);
  throw new DateOutOfRangeError(s.meta.id, lo, hi, sp?.first ?? null, sp?.last ?? null);
}

const POLICY_TEXT: Record<DatePolicy, { zh: string; en: string }> = {
  on_or_before: { zh: '取此前最近一次观测', en: 'last observation on or before' },
  on_or_after: { zh: '取此后最近一次观测', en: 'first observation on or after' },
  nearest: { zh: '取最接近的观测', en: 'nearest observation' },
};

/** The last non-null observation. `extra.missingAfter` counts null observations published after it. */
export function latest(s: SeriesData): Fact {
  const pts = points(s);
  if (pts.length === 0) throw new InsufficientDataError(s.meta.id, { en: 'the latest value', zh: '最新值' }, 1, 0);
  const p = pts[pts.length - 1]!;
  const after = trailingMissing(s);
  return makeFact({
    id: factId(s.meta.id, 'latest', p.date),
    value: p.value,
    unit: s.meta.unit,
    label: { zh: `${s.meta.title.zh} 最新值(${p.date})`, en: `${s.meta.title.en}, latest (${p.date})` },
    asOf: p.date,
    method: 'level',
    methodDetail: `last non-null observation (${p.date})${after ? `; ${after} later missing value${after === 1 ? '' : 's'} skipped` : ''}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, [p.date]),
    extra: after ? { missingAfter: after } : undefined,
  });
}

/**
 * The value on `date`. asOf is the date actually used; `extra.requestedDate` always holds the request, and
 * when the two differ the label says so in both languages.
 */
export function valueOn(s: SeriesData, date: IsoDate, opts: ValueOnOptions = {}): Fact {
  const policy = opts.policy ?? 'on_or_before';
  const p = resolveDate(s, date, opts);
  const differs = p.date !== date;
  const skipped = differs ? missingCount(s, p.date < date ? p.date : date, p.date < date ? date : p.date) : 0;
  const label = differs
    ? {
        zh: `${s.meta.title.zh}(${p.date};请求日期 ${date} 无观测值,${POLICY_TEXT[policy].zh})`,
        en: `${s.meta.title.en} on ${p.date} (requested ${date}, which has no observation; ${POLICY_TEXT[policy].en})`,
      }
    : { zh: `${s.meta.title.zh}(${p.date})`, en: `${s.meta.title.en} on ${p.date}` };
  return makeFact({
    id: factId(s.meta.id, 'value', p.date),
    value: p.value,
    unit: s.meta.unit,
    label,
    asOf: p.date,
    method: 'value_on_date',
    methodDetail: differs
      ? `no observation on ${date}; used the ${POLICY_TEXT[policy].en} (${p.date}, ${Math.abs(daysBetween(p.date, date))} day(s) away)${skipped ? `; ${skipped} missing value(s) skipped` : ''}`
      : `observation on ${date}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, [p.date]),
    extra: { requestedDate: date, policy, daysFromRequested: daysBetween(date, p.date), missingSkipped: skipped || undefined },
  });
}
