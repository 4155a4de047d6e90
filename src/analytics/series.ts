// SeriesData — a series' metadata and observations — and the helpers every analytic shares: the non-null
// points (cached), windows and multi-range selections, missing-value counts, and lineage (which stored
// observations a number rests on, also through derived series such as a YoY or a spread series).
import type { FactInput } from '../core/answer.ts';
import { DateOutOfRangeError } from '../core/errors.ts';
import type { IsoDate, Observation, SeriesMeta } from '../core/types.ts';
import { assertIsoDate, nominalPeriodDays } from './dates.ts';
import { InsufficientDataError, InvalidArgumentError } from './errors.ts';

/** One stored observation a derived value rests on. */
export interface ObservationRef {
  seriesId: string;
  date: IsoDate;
}

/** How a derived series (yoy, spread, resample …) was made, down to the stored observations of each value. */
export interface Derivation {
  /** e.g. "yoy", "spread", "resample_monthly_last". */
  method: string;
  /** Ids of the stored series it rests on, in order. */
  bases: string[];
  /** For each date of the derived series, the stored observations its value was computed from. */
  uses: ReadonlyMap<IsoDate, readonly ObservationRef[]>;
}

/**
 * A series as analytics see it: observations sorted by date, one per date; `value: null` = missing (skipped
 * everywhere and counted). Treat as immutable: non-null points are cached per observations array.
 */
export interface SeriesData {
  meta: SeriesMeta;
  observations: Observation[];
  /** Set on series computed by this layer; absent for stored series. */
  derivation?: Derivation;
}

/** A non-null observation. */
export interface Point {
  date: IsoDate;
  value: number;
}

interface Prepared {
  points: Point[];
  nullDates: IsoDate[];
}

const prepared = new WeakMap<readonly Observation[], Prepared>();

function prepare(s: SeriesData): Prepared {
  const cached = prepared.get(s.observations);
  if (cached) return cached;
  const points: Point[] = [];
  const nullDates: IsoDate[] = [];
  let previous: IsoDate | null = null;
  for (const o of s.observations) {
    if (previous !== null && o.date <= previous) {
      throw new InvalidArgumentError({
        en: `${s.meta.id}: observations must be in ascending date order with one per date (${previous} is followed by ${o.date}).`,
        zh: `${s.meta.id}:观测值必须按日期升序排列且每个日期只有一个(${previous} 之后是 ${o.date})。`,
      });
    }
    previous = o.date;
    if (o.value === null || !Number.isFinite(o.value)) nullDates.push(o.date);
    else points.push({ date: o.date, value: o.value });
  }
  const p = { points, nullDates };
  prepared.set(s.observations, p);
  return p;
}

/** The non-null observations of a series, in date order. */
export function points(s: SeriesData): readonly Point[] {
  return prepare(s).points;
}

/** First and last dates with a value, or null when the series has none. */
export function span(s: SeriesData): { first: IsoDate; last: IsoDate } | null {
  const p = points(s);
  return p.length ? { first: p[0]!.date, last: p[p.length - 1]!.date } : null;
}

/** Index of the last element with date ≤ `date`, or −1. */
export function lastIndexOnOrBefore(list: readonly { date: IsoDate }[], date: IsoDate): number {
  let lo = 0;
  let hi = list.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.date <= date) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first element with date ≥ `date`, or `list.length`. */
export function firstIndexOnOrAfter(list: readonly { date: IsoDate }[], date: IsoDate): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countInRange(sorted: readonly IsoDate[], from: IsoDate | undefined, to: IsoDate | undefined): number {
  let lo = 0;
  let hi = sorted.length;
  if (from !== undefined) {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (sorted[m]! < from) a = m + 1;
      else b = m;
    }
    lo = a;
  }
  if (to !== undefined) {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (sorted[m]! <= to) a = m + 1;
      else b = m;
    }
    hi = a;
  }
  return Math.max(0, hi - lo);
}

/** How many observations between `from` and `to` (inclusive, open when undefined) are missing (null). */
export function missingCount(s: SeriesData, from?: IsoDate, to?: IsoDate): number {
  return countInRange(prepare(s).nullDates, from, to);
}

/** Dates with a missing value after the last non-null observation (e.g. a published-but-empty last row). */
export function trailingMissing(s: SeriesData): number {
  const sp = span(s);
  return sp ? missingCount(s, sp.last) : prepare(s).nullDates.length;
}

/** A requested date range (inclusive; an open end means the series' first/last observation). */
export interface DateRange {
  from?: IsoDate;
  to?: IsoDate;
}

/** The non-null points inside one or more date ranges, one segment per range, with the missing count. */
export interface Selection {
  segments: Point[][];
  /** Null observations inside the ranges (skipped). */
  missing: number;
  ranges: DateRange[];
}

function checkRange(s: SeriesData, r: DateRange): void {
  if (r.from !== undefined) assertIsoDate(r.from);
  if (r.to !== undefined) assertIsoDate(r.to);
  if (r.from !== undefined && r.to !== undefined && r.from > r.to) {
    throw new InvalidArgumentError({
      en: `${s.meta.id}: the period starts (${r.from}) after it ends (${r.to}).`,
      zh: `${s.meta.id}:区间起点(${r.from})晚于终点(${r.to})。`,
    });
  }
}

/** Points of one range; throws DateOutOfRangeError when it holds none. */
export function windowPoints(s: SeriesData, from?: IsoDate, to?: IsoDate): Point[] {
  return select(s, [{ from, to }]).segments[0]!;
}

/** Points of several ranges; throws DateOutOfRangeError when all of them are empty. */
export function select(s: SeriesData, ranges: DateRange[]): Selection {
  const pts = points(s);
  const segments: Point[][] = [];
  let missing = 0;
  for (const r of ranges) {
    checkRange(s, r);
    const lo = r.from === undefined ? 0 : firstIndexOnOrAfter(pts, r.from);
    const hi = r.to === undefined ? pts.length - 1 : lastIndexOnOrBefore(pts, r.to);
    segments.push(hi >= lo ? pts.slice(lo, hi + 1) : []);
    missing += missingCount(s, r.from, r.to);
  }
  if (segments.every((g) => g.length === 0)) {
    const sp = span(s);
    const first = ranges[0];
    const last = ranges[ranges.length - 1];
    throw new DateOutOfRangeError(s.meta.id, first?.from ?? sp?.first ?? '…', last?.to ?? sp?.last ?? '…', sp?.first ?? null, sp?.last ?? null);
  }
  return { segments, missing, ranges };
}

/** Throw InsufficientDataError unless `got ≥ needed`. */
export function requireCount(s: SeriesData, what: { zh: string; en: string }, needed: number, got: number): void {
  if (got < needed) throw new InsufficientDataError(s.meta.id, what, needed, got);
}

/** The stored observations behind one date of `s` (itself, for a stored series). */
export function refsOf(s: SeriesData, date: IsoDate): readonly ObservationRef[] {
  if (!s.derivation) return [{ seriesId: s.meta.id, date }];
  return s.derivation.uses.get(date) ?? [];
}

/**
 * FactInputs for a computation that used the observations of `s` on `dates`: one input per stored series,
 * spanning the earliest to the latest stored observation used, with the number of distinct observations.
 */
export function lineage(s: SeriesData, dates: readonly IsoDate[]): FactInput[] {
  // a stored series' dates come in order without repeats (the points of a selection): no set, no sort
  if (!s.derivation && dates.length && dates.every((d, i) => i === 0 || d > dates[i - 1]!)) {
    return [{ seriesId: s.meta.id, from: dates[0]!, to: dates[dates.length - 1]!, observations: dates.length }];
  }
  const bySeries = new Map<string, Set<IsoDate>>();
  for (const d of dates) {
    for (const r of refsOf(s, d)) {
      let set = bySeries.get(r.seriesId);
      if (!set) bySeries.set(r.seriesId, (set = new Set()));
      set.add(r.date);
    }
  }
  const order = s.derivation ? s.derivation.bases : [s.meta.id];
  const ids = [...order.filter((id) => bySeries.has(id)), ...[...bySeries.keys()].filter((id) => !order.includes(id))];
  return ids.map((seriesId) => {
    const used = bySeries.get(seriesId)!;
    let from: IsoDate | undefined;
    let to: IsoDate | undefined;
    for (const d of used) {
      if (from === undefined || d < from) from = d;
      if (to === undefined || d > to) to = d;
    }
    return { seriesId, from: from!, to: to!, observations: used.size };
  });
}

/** The stored series a fact about `s` belongs to: itself, the single base of a derived series, or none. */
export function factSeriesId(s: SeriesData): string | undefined {
  if (!s.derivation) return s.meta.id;
  return s.derivation.bases.length === 1 ? s.derivation.bases[0] : undefined;
}

/** Typical days between observations: the frequency's nominal period, or the median gap for irregular data. */
export function periodDays(s: SeriesData): number {
  const nominal = nominalPeriodDays(s.meta.frequency);
  if (nominal !== undefined) return nominal;
  const pts = points(s);
  if (pts.length < 2) return 1;
  const gaps: number[] = [];
  for (let i = 1; i < pts.length; i++) gaps.push((Date.parse(pts[i]!.date) - Date.parse(pts[i - 1]!.date)) / 86_400_000);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** Build a derived series from computed rows (each with the stored observations it used). */
export function derivedSeries(
  meta: SeriesMeta,
  method: string,
  bases: string[],
  rows: ReadonlyArray<{ date: IsoDate; value: number; uses: readonly ObservationRef[] }>,
): SeriesData {
  const uses = new Map<IsoDate, readonly ObservationRef[]>();
  const observations: Observation[] = [];
  for (const r of rows) {
    observations.push({ date: r.date, value: r.value });
    uses.set(r.date, r.uses);
  }
  return { meta, observations, derivation: { method, bases, uses } };
}

/** Bases of a derived series built from the given series (their own bases when they are derived). */
export function basesOf(...series: SeriesData[]): string[] {
  const out: string[] = [];
  for (const s of series) for (const id of s.derivation ? s.derivation.bases : [s.meta.id]) if (!out.includes(id)) out.push(id);
  return out;
}

/** The range covering the last `n` non-null observations (e.g. "the last three months" of a monthly series is n = 4 for a 3-month change). */
export function lastObservations(s: SeriesData, n: number): { from: IsoDate; to: IsoDate } {
  const pts = points(s);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError({ en: `The number of observations must be a positive integer (got ${n}).`, zh: `观测值个数必须是正整数(收到 ${n})。` });
  }
  if (pts.length < n) throw new InsufficientDataError(s.meta.id, { en: `the last ${n} observations`, zh: `最近 ${n} 个观测值` }, n, pts.length);
  return { from: pts[pts.length - n]!.date, to: pts[pts.length - 1]!.date };
}
