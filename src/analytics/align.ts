// Alignment of two series on common dates, and resampling to calendar frequencies.
//
// Alignment modes:
//  - 'exact': dates where both series have a non-null value.
//  - 'asof':  the sparser series (longer period) sets the dates; the denser one contributes its last non-null
//             observation ON OR BEFORE each such date and after the sparser series' previous date (so every
//             value comes from within the period ending on that date).
//  - 'auto' (DEFAULT): 'exact' when both have the same nominal frequency and at least half of the sparser
//             series' points find an exact partner; 'asof' otherwise (daily vs monthly, Wednesday vs Friday weeklies).
import type { IsoDate } from '../core/types.ts';
import { addDays, periodIndex, periodStart, type CalendarFrequency } from './dates.ts';
import { basesOf, derivedSeries, lastIndexOnOrBefore, periodDays, points, refsOf, select, type ObservationRef, type Point, type SeriesData } from './series.ts';
import { mean } from './stats.ts';

export type AlignMode = 'auto' | 'exact' | 'asof';

export interface AlignedPair {
  /** The common date (for 'asof', the date of the sparser series). */
  date: IsoDate;
  a: number;
  b: number;
  /** Dates of the observations actually used. */
  aDate: IsoDate;
  bDate: IsoDate;
}

export interface Alignment {
  pairs: AlignedPair[];
  mode: 'exact' | 'asof';
  /** For 'asof', which series set the dates. */
  datesFrom: 'a' | 'b' | 'both';
}

export interface AlignOptions {
  mode?: AlignMode;
  from?: IsoDate;
  to?: IsoDate;
}

function exactPairs(pa: readonly Point[], pb: readonly Point[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  let i = 0;
  let j = 0;
  while (i < pa.length && j < pb.length) {
    const da = pa[i]!.date;
    const db = pb[j]!.date;
    if (da === db) {
      out.push({ date: da, a: pa[i]!.value, b: pb[j]!.value, aDate: da, bDate: db });
      i++;
      j++;
    } else if (da < db) i++;
    else j++;
  }
  return out;
}

/** `target` points (in window) each paired with the last point of `other` on or before it, after the previous target date. */
function asofPairs(target: SeriesData, targetPts: readonly Point[], other: SeriesData): Array<{ t: Point; o: Point }> {
  const all = points(target);
  const op = points(other);
  const out: Array<{ t: Point; o: Point }> = [];
  const firstGap = Math.ceil(periodDays(target));
  for (const t of targetPts) {
    const ti = lastIndexOnOrBefore(all, t.date);
    const lowerExclusive = ti > 0 ? all[ti - 1]!.date : addDays(t.date, -firstGap);
    const oi = lastIndexOnOrBefore(op, t.date);
    if (oi >= 0 && op[oi]!.date > lowerExclusive) out.push({ t, o: op[oi]! });
  }
  return out;
}

function inWindow(s: SeriesData, from?: IsoDate, to?: IsoDate): Point[] {
  const pts = points(s);
  return pts.filter((p) => (from === undefined || p.date >= from) && (to === undefined || p.date <= to));
}

/** Pair the observations of `a` and `b` (see the module comment for the modes). */
export function alignSeries(a: SeriesData, b: SeriesData, opts: AlignOptions = {}): Alignment {
  if (opts.from !== undefined || opts.to !== undefined) {
    // Validates the dates and throws DateOutOfRangeError when a series has nothing in the window.
    select(a, [{ from: opts.from, to: opts.to }]);
    select(b, [{ from: opts.from, to: opts.to }]);
  }
  const pa = inWindow(a, opts.from, opts.to);
  const pb = inWindow(b, opts.from, opts.to);
  const mode = opts.mode ?? 'auto';
  const da = periodDays(a);
  const db = periodDays(b);
  const sameFreq = a.meta.frequency === b.meta.frequency && a.meta.frequency !== 'irregular';
  if (mode === 'exact' || (mode === 'auto' && sameFreq)) {
    const pairs = exactPairs(pa, pb);
    if (mode === 'exact' || pairs.length >= 0.5 * Math.min(pa.length, pb.length)) return { pairs, mode: 'exact', datesFrom: 'both' };
  }
  // The sparser series sets the dates: longer nominal period, or fewer points in the window on a tie.
  const aSets = da > db || (da === db && pa.length <= pb.length);
  if (aSets) {
    return { pairs: asofPairs(a, pa, b).map(({ t, o }) => ({ date: t.date, a: t.value, b: o.value, aDate: t.date, bDate: o.date })), mode: 'asof', datesFrom: 'a' };
  }
  return { pairs: asofPairs(b, pb, a).map(({ t, o }) => ({ date: t.date, a: o.value, b: t.value, aDate: o.date, bDate: t.date })), mode: 'asof', datesFrom: 'b' };
}

/** Stored observations behind an aligned pair. */
export function pairRefs(a: SeriesData, b: SeriesData, p: AlignedPair): ObservationRef[] {
  return [...refsOf(a, p.aDate), ...refsOf(b, p.bDate)];
}

// ---- resampling ------------------------------------------------------------------------------------------

export type ResampleHow = 'last' | 'mean' | 'first';

/**
 * One value per calendar period: the last / first non-null observation of the period, or the mean of all of
 * them. Each value is dated by the FIRST day of its period (FRED's convention for aggregated series), e.g. the
 * end-of-March value of a daily series is dated 2024-03-01. The current period may be incomplete — its value
 * uses the observations available so far (lineage shows which).
 */
export function resample(s: SeriesData, freq: CalendarFrequency, how: ResampleHow = 'last'): SeriesData {
  const rows: Array<{ date: IsoDate; value: number; uses: ObservationRef[] }> = [];
  let group: Point[] = [];
  const flush = () => {
    if (!group.length) return;
    const value = how === 'last' ? group[group.length - 1]!.value : how === 'first' ? group[0]!.value : mean(group.map((p) => p.value));
    const used = how === 'last' ? [group[group.length - 1]!] : how === 'first' ? [group[0]!] : group;
    rows.push({ date: periodStart(group[0]!.date, freq), value, uses: used.flatMap((p) => [...refsOf(s, p.date)]) });
    group = [];
  };
  for (const p of points(s)) {
    if (group.length && periodIndex(group[0]!.date, freq) !== periodIndex(p.date, freq)) flush();
    group.push(p);
  }
  flush();
  const word = { monthly: { zh: '月', en: 'monthly' }, quarterly: { zh: '季', en: 'quarterly' }, annual: { zh: '年', en: 'annual' } }[freq];
  const howText = { last: { zh: '末值', en: 'last' }, first: { zh: '初值', en: 'first' }, mean: { zh: '均值', en: 'average' } }[how];
  const meta = {
    ...s.meta,
    id: `${s.meta.id}:${freq}_${how}`,
    title: { zh: `${s.meta.title.zh}(${word.zh}${howText.zh})`, en: `${s.meta.title.en} (${word.en} ${howText.en})` },
    aliases: [],
    frequency: freq,
    notes: `${s.meta.id} resampled to ${freq} (${how} of each period), dated by the first day of the period.`,
  };
  return derivedSeries(meta, `resample_${freq}_${how}`, basesOf(s), rows);
}

/** Monthly resample: the last observation of each month (DEFAULT) or the monthly mean; dated YYYY-MM-01. */
export function toMonthly(s: SeriesData, how: 'last' | 'mean' = 'last'): SeriesData {
  return resample(s, 'monthly', how);
}
