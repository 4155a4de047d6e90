// The computations that tell a topic's story, the same for every subject of a kind: for each series its latest
// value, the value a year earlier and the change, its extremes with dates over the chart window and over the
// whole history, its average over the window, its path over the asked period (focus) and across the policy periods
// the topic names; for each relation (a spread, a ratio) its latest value, its average and its extremes. Every
// number is a Fact of the analytics library, with lineage.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { Bilingual, IsoDate } from '../../core/types.ts';
import type { NamedPeriod } from '../../knowledge/periods.ts';
import type { DataAccess, LoadedSeries } from '../data.ts';
import type { TopicRelation } from './graph.ts';

export interface Focus {
  from: IsoDate;
  to: IsoDate;
  label: Bilingual;
}

export interface PeriodRead {
  period: NamedPeriod;
  /** Change over the period (from its first to its last observation inside it). */
  change: Fact;
  /** Average during the period. */
  average: Fact;
}

export interface FocusRead {
  start: Fact;
  end: Fact;
  change: Fact;
  high: Fact;
  low: Fact;
}

export interface SeriesStory {
  id: string;
  role: 'indicator' | 'related';
  /** 'yoy': a price index read as its year-over-year rate. */
  read: 'level' | 'yoy';
  series: LoadedSeries;
  /** What the facts are computed on (the series, or its year-over-year rate). */
  data: A.SeriesData;
  latest: Fact;
  yearAgo?: Fact;
  /** Change over the year to the latest value: percentage points for rates, percent for levels. */
  change1y?: Fact;
  /** Extremes and average over the chart window (the last N years). */
  window: { from: IsoDate; high: Fact; low: Fact; average: Fact };
  /** Extremes over the whole history, when it is longer than the window. */
  history?: { from: IsoDate; high: Fact; low: Fact };
  focus?: FocusRead;
  periods: PeriodRead[];
}

export interface RelationStory {
  relation: TopicRelation;
  data: A.SeriesData;
  latest: Fact;
  average: Fact;
  high: Fact;
  low: Fact;
  focus?: FocusRead;
  /** The window the average and extremes cover. */
  from: IsoDate;
  /** The lower of the two series' frequencies (the relation's observations). */
  frequency: string;
}

const FREQ_ORDER = ['daily', 'weekly', 'monthly', 'quarterly', 'annual'];

/**
 * Rates (percent or percentage points), ratios and series that cross zero (a stress index, a net flow) change in
 * points — a percent change of a value near zero means nothing; everything else changes in percent.
 */
export function isRateLike(s: A.SeriesData, read: 'level' | 'yoy'): boolean {
  const kind = (s as LoadedSeries).meta?.unit.kind;
  if (read === 'yoy' || kind === 'percent' || kind === 'percentage_points' || kind === 'ratio') return true;
  return A.points(s).some((p) => p.value <= 0);
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (A.isNoDataError(err) || err instanceof A.UndefinedResultError || err instanceof A.InvalidArgumentError || err instanceof A.UnitMismatchError) return undefined;
    throw err;
  }
}

/** The chart window: the `years` years to the last observation, or the whole history when it is shorter. */
function windowStart(first: IsoDate, last: IsoDate, years: number): IsoDate {
  const from = A.addYears(last, -years);
  return from < first ? first : from;
}

export function firstDate(s: A.SeriesData): IsoDate | undefined {
  return A.span(s)?.first;
}

/**
 * The series over the asked period, clipped to its data: a period that runs past the last observation ends there,
 * one that starts before the first observation starts there (the sentence states the dates actually used).
 */
function readFocus(data: A.SeriesData, rate: boolean, focus: Focus): FocusRead | undefined {
  const sp = A.span(data);
  if (!sp || sp.first > focus.to || sp.last < focus.from) return undefined;
  const from = sp.first > focus.from ? sp.first : focus.from;
  const to = sp.last < focus.to ? sp.last : focus.to;
  if (from >= to) return undefined;
  const start = safe(() => A.valueOn(data, from, { policy: 'on_or_before', maxGapDays: 120 }));
  const end = safe(() => A.valueOn(data, to, { policy: 'on_or_before', maxGapDays: 120 }));
  const change = safe(() => (rate ? A.change(data, from, to, { fromPolicy: 'on_or_before', maxGapDays: 120 }) : A.percentChange(data, from, to, { fromPolicy: 'on_or_before', maxGapDays: 120 })));
  const high = safe(() => A.max(data, from, to));
  const low = safe(() => A.min(data, from, to));
  if (!start || !end || !change || !high || !low || start.asOf === end.asOf) return undefined;
  return { start, end, change, high, low };
}

/** The story of one series. `years`: the chart window. */
export function seriesStory(series: LoadedSeries, role: SeriesStory['role'], read: SeriesStory['read'], years: number, focus: Focus | undefined, periods: NamedPeriod[]): SeriesStory | null {
  const data: A.SeriesData = read === 'yoy' ? A.yoySeries(series) : series;
  const latest = safe(() => A.latest(data));
  if (!latest) return null;
  const rate = isRateLike(series, read);
  const yearBefore = A.addYears(latest.asOf, -1);
  const yearAgo = safe(() => A.valueOn(data, yearBefore, { policy: 'on_or_before', maxGapDays: 120 }));
  const change1y = yearAgo ? safe(() => (rate ? A.change(data, yearBefore, latest.asOf, { fromPolicy: 'on_or_before', maxGapDays: 120 }) : A.percentChange(data, yearBefore, latest.asOf, { fromPolicy: 'on_or_before', maxGapDays: 120 }))) : undefined;
  const first = firstDate(data)!;
  const wFrom = windowStart(first, latest.asOf, years);
  const high = safe(() => A.max(data, wFrom));
  const low = safe(() => A.min(data, wFrom));
  const average = safe(() => A.average(data, wFrom));
  if (!high || !low || !average) return null;
  const history = first < wFrom ? { from: first, high: safe(() => A.max(data))!, low: safe(() => A.min(data))! } : undefined;
  const f = focus ? readFocus(data, rate, focus) : undefined;
  const reads: PeriodRead[] = [];
  for (const p of periods) {
    if (first > p.from) continue;
    const change = safe(() => (rate ? A.change(data, p.from, p.to) : A.percentChange(data, p.from, p.to)));
    const avg = safe(() => A.average(data, p.from, p.to));
    if (change && avg) reads.push({ period: p, change, average: avg });
  }
  return {
    id: series.meta.id,
    role,
    read,
    series,
    data,
    latest,
    ...(yearAgo ? { yearAgo } : {}),
    ...(change1y ? { change1y } : {}),
    window: { from: wFrom, high, low, average },
    ...(history && history.high && history.low ? { history } : {}),
    ...(f ? { focus: f } : {}),
    periods: reads,
  };
}

/** A ratio (a share) as a percent: the same fact ×100, in percent. */
function asPercent(f: Fact): Fact {
  return { ...f, id: `${f.id}:pct`, value: f.value * 100, unit: A.PERCENT, label: { zh: `${f.label.zh}(%)`, en: `${f.label.en} (%)` } };
}

/** The story of a relation (a spread in basis points or percentage points, or a ratio). */
export function relationStory(rel: TopicRelation, a: LoadedSeries, b: LoadedSeries, years: number, focus: Focus | undefined): RelationStory | null {
  const data = safe(() => (rel.kind === 'spread' ? A.spreadSeries(a, b) : A.ratioSeries(a, b)));
  if (!data) return null;
  const latest0 = safe(() => A.latest(data));
  if (!latest0) return null;
  const from = windowStart(firstDate(data) ?? latest0.asOf, latest0.asOf, years);
  const inBp = rel.kind === 'spread' && rel.bp && a.meta.unit.kind === 'percent' && b.meta.unit.kind === 'percent';
  const conv = (f: Fact | undefined) => (f && inBp ? A.toBasisPoints(f) : f && rel.kind === 'ratio' && rel.percent ? asPercent(f) : f);
  const latest = conv(latest0);
  const average = conv(safe(() => A.average(data, from)));
  const high = conv(safe(() => A.max(data, from)));
  const low = conv(safe(() => A.min(data, from)));
  if (!latest || !average || !high || !low) return null;
  const f0 = focus ? readFocus(data, true, focus) : undefined;
  const f = f0 ? { start: conv(f0.start)!, end: conv(f0.end)!, change: conv(f0.change)!, high: conv(f0.high)!, low: conv(f0.low)! } : undefined;
  const frequency = FREQ_ORDER[Math.max(FREQ_ORDER.indexOf(a.meta.frequency), FREQ_ORDER.indexOf(b.meta.frequency))] ?? 'daily';
  return { relation: rel, data, latest, average, high, low, from, frequency, ...(f ? { focus: f } : {}) };
}

/** Load series that exist in the database; the ids that do not are returned as missing. */
export async function loadHeld(data: DataAccess, ids: string[]): Promise<{ loaded: Map<string, LoadedSeries>; missing: string[] }> {
  const loaded = new Map<string, LoadedSeries>();
  const missing: string[] = [];
  const metas = await data.seriesMap();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      if (!metas.has(id) || !(metas.get(id)!.observationCount > 0)) return void missing.push(id);
      loaded.set(id, await data.series(id));
    }),
  );
  return { loaded, missing };
}
