// Threshold questions: "when did the 2s10s curve invert, for how long, how deep" — runs of observations
// below a threshold (inversionEpisodes), the first observation meeting a condition (firstWhere /
// firstCrossing) and how many observations meet it (countWhere). Missing values are skipped: a null inside a
// run does not end it. Finding no episode or no crossing is an ordinary answer (empty list / null), not an error.
import type { Fact } from '../core/answer.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import { daysBetween } from './dates.ts';
import { countsText, factId, makeFact, periodLabel, rangeText } from './facts.ts';
import { factSeriesId, lastIndexOnOrBefore, lineage, missingCount, points, windowPoints, type Point, type SeriesData } from './series.ts';
import { DAYS, EPISODES, OBSERVATIONS } from './units.ts';

export type Comparison = '<' | '<=' | '>' | '>=';

export interface Condition {
  op: Comparison;
  value: number;
}

export function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
  }
}

function conditionText(c: Condition): Bilingual {
  const zh = { '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于' }[c.op];
  const en = { '<': 'below', '<=': 'at or below', '>': 'above', '>=': 'at or above' }[c.op];
  return { zh: `${zh} ${c.value}`, en: `${en} ${c.value}` };
}

function opKey(c: Condition): string {
  return { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' }[c.op] + String(c.value);
}

// ---- episodes -------------------------------------------------------------------------------------------------

export interface Episode {
  /** First observation below the threshold. */
  start: IsoDate;
  /** Last observation below the threshold (the last available one when `ongoing`). */
  end: IsoDate;
  /** Lowest value in the episode and its (earliest) date. */
  min: number;
  minDate: IsoDate;
  /** Calendar days from start to end, inclusive (a one-day episode is 1). */
  days: number;
  /** Non-null observations in the episode. */
  observations: number;
  /** First observation back at or above the threshold; undefined when ongoing. */
  recoveredOn?: IsoDate;
  /** Still below the threshold at the last observation of the period. */
  ongoing: boolean;
}

export interface EpisodesResult {
  threshold: number;
  from: IsoDate;
  to: IsoDate;
  /** All episodes, in date order. */
  episodes: Episode[];
  first: Episode | null;
  /** The longest by calendar days (earliest on a tie). */
  longest: Episode | null;
  /** The one with the lowest minimum (earliest on a tie). */
  deepest: Episode | null;
  /**
   * Facts: the number of episodes; and for the first, longest and deepest episode (each once) its minimum
   * (method 'min', asOf = minDate) and its length in days (method 'count').
   */
  facts: Fact[];
}

export interface EpisodeOptions {
  from?: IsoDate;
  to?: IsoDate;
  /** Drop episodes shorter than this many calendar days (DEFAULT 1: keep every episode, even one day). */
  minDays?: number;
}

/**
 * Runs of consecutive observations strictly below `threshold` (default 0: an inverted curve for 10y − 2y)
 * inside [from, to]. An episode under way at `from` starts at the first observation of the period.
 */
export function inversionEpisodes(s: SeriesData, threshold = 0, opts: EpisodeOptions = {}): EpisodesResult {
  const pts = windowPoints(s, opts.from, opts.to);
  const episodes: Episode[] = [];
  let run: Point[] = [];
  const close = (recoveredOn?: Point) => {
    if (!run.length) return;
    let lo = run[0]!;
    for (const p of run) if (p.value < lo.value) lo = p;
    const start = run[0]!.date;
    const end = run[run.length - 1]!.date;
    episodes.push({ start, end, min: lo.value, minDate: lo.date, days: daysBetween(start, end) + 1, observations: run.length, recoveredOn: recoveredOn?.date, ongoing: !recoveredOn });
    run = [];
  };
  for (const p of pts) {
    if (p.value < threshold) run.push(p);
    else close(p);
  }
  close();
  for (const e of episodes) if (e.recoveredOn === undefined) delete e.recoveredOn;
  if (opts.minDays !== undefined && opts.minDays > 1) {
    const kept = episodes.filter((e) => e.days >= opts.minDays!);
    episodes.length = 0;
    episodes.push(...kept);
  }
  const from = pts[0]!.date;
  const to = pts[pts.length - 1]!.date;
  const pick = (better: (x: Episode, y: Episode) => boolean): Episode | null => episodes.reduce<Episode | null>((b, e) => (b === null || better(e, b) ? e : b), null);
  const first = episodes[0] ?? null;
  const longest = pick((x, y) => x.days > y.days);
  const deepest = pick((x, y) => x.min < y.min);
  const cond: Condition = { op: '<', value: threshold };
  const ct = conditionText(cond);
  const facts: Fact[] = [
    makeFact({
      id: factId(s.meta.id, 'episodes', opKey(cond), ...(opts.minDays && opts.minDays > 1 ? [`min${opts.minDays}d`] : []), from, to),
      value: episodes.length,
      unit: EPISODES,
      label: periodLabel(s, { zh: `${ct.zh} 的区间数`, en: `episodes ${ct.en}` }, rangeText(from, to)),
      asOf: to,
      period: { from, to },
      method: 'count',
      methodDetail: `runs of consecutive observations strictly ${ct.en} (missing values skipped, they do not end a run)${opts.minDays && opts.minDays > 1 ? `, lasting at least ${opts.minDays} calendar days` : ''}; ${countsText(pts.length, missingCount(s, from, to))}`,
      seriesId: factSeriesId(s),
      inputs: lineage(s, pts.map((p) => p.date)),
      extra: { threshold, firstStart: first?.start, longestDays: longest?.days, deepestMin: deepest?.min },
    }),
  ];
  const seen = new Set<Episode>();
  for (const e of [first, longest, deepest]) {
    if (!e || seen.has(e)) continue;
    seen.add(e);
    facts.push(...episodeFacts(s, e, cond));
  }
  return { threshold, from, to, episodes, first, longest, deepest, facts };
}

function episodeFacts(s: SeriesData, e: Episode, cond: Condition): Fact[] {
  const ct = conditionText(cond);
  const dates = points(s)
    .filter((p) => p.date >= e.start && p.date <= e.end)
    .map((p) => p.date);
  const extra = { start: e.start, end: e.end, days: e.days, observations: e.observations, minDate: e.minDate, recoveredOn: e.recoveredOn, ongoing: e.ongoing ? 'yes' : 'no', threshold: cond.value };
  const span = rangeText(e.start, e.end);
  const ongoingText = e.ongoing ? ' (ongoing at the last observation)' : `; back at or above ${cond.value} on ${e.recoveredOn}`;
  return [
    makeFact({
      id: factId(s.meta.id, 'episode', opKey(cond), e.start, e.end, 'min'),
      value: e.min,
      unit: s.meta.unit,
      label: periodLabel(s, { zh: `${ct.zh} 区间的最低值`, en: `minimum during the episode ${ct.en}` }, { zh: `${span.zh},最低于 ${e.minDate}`, en: `${span.en}; low on ${e.minDate}` }),
      asOf: e.minDate,
      period: { from: e.start, to: e.end },
      method: 'min',
      methodDetail: `lowest observation of the run ${ct.en} from ${e.start} to ${e.end}${ongoingText}; ${e.observations} observations`,
      seriesId: factSeriesId(s),
      inputs: lineage(s, dates),
      extra,
    }),
    makeFact({
      id: factId(s.meta.id, 'episode', opKey(cond), e.start, e.end, 'days'),
      value: e.days,
      unit: DAYS,
      label: periodLabel(s, { zh: `${ct.zh} 持续天数`, en: `days ${ct.en}` }, span),
      asOf: e.end,
      period: { from: e.start, to: e.end },
      method: 'count',
      methodDetail: `calendar days from the first (${e.start}) to the last (${e.end}) observation ${ct.en}, inclusive${ongoingText}`,
      seriesId: factSeriesId(s),
      inputs: lineage(s, dates),
      extra,
    }),
  ];
}

// ---- first / count -------------------------------------------------------------------------------------------------

/** How many observations in [from, to] meet the condition (extra: n, share in percent). */
export function countWhere(s: SeriesData, cond: Condition, from?: IsoDate, to?: IsoDate): Fact {
  const pts = windowPoints(s, from, to);
  const hits = pts.filter((p) => holds(cond, p.value));
  const d0 = pts[0]!.date;
  const d1 = pts[pts.length - 1]!.date;
  const missing = missingCount(s, d0, d1);
  const ct = conditionText(cond);
  return makeFact({
    id: factId(s.meta.id, 'count', opKey(cond), d0, d1),
    value: hits.length,
    unit: OBSERVATIONS,
    label: periodLabel(s, { zh: `${ct.zh} 的观测数`, en: `observations ${ct.en}` }, rangeText(d0, d1)),
    asOf: d1,
    period: { from: d0, to: d1 },
    method: 'count',
    methodDetail: `${hits.length} of ${pts.length} observations ${ct.en}; ${countsText(pts.length, missing)}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, pts.map((p) => p.date)),
    extra: { n: pts.length, share: (hits.length / pts.length) * 100, firstDate: hits[0]?.date, lastDate: hits[hits.length - 1]?.date, missingSkipped: missing || undefined, requestedFrom: from, requestedTo: to },
  });
}

function pointHit(s: SeriesData, p: Point, cond: Condition, stat: Bilingual, detail: string, extra: Record<string, string | number | undefined>, key: string): Fact {
  return makeFact({
    id: factId(s.meta.id, key, opKey(cond), p.date),
    value: p.value,
    unit: s.meta.unit,
    label: { zh: `${s.meta.title.zh} ${stat.zh}(${p.date})`, en: `${s.meta.title.en}, ${stat.en} (${p.date})` },
    asOf: p.date,
    method: 'value_on_date',
    methodDetail: detail,
    seriesId: factSeriesId(s),
    inputs: lineage(s, [p.date]),
    extra,
  });
}

/** The first observation in [from, to] meeting the condition (its value, asOf = its date), or null if none. */
export function firstWhere(s: SeriesData, cond: Condition, from?: IsoDate, to?: IsoDate): Fact | null {
  const pts = windowPoints(s, from, to);
  const hit = pts.find((p) => holds(cond, p.value));
  if (!hit) return null;
  const ct = conditionText(cond);
  return pointHit(s, hit, cond, { zh: `首次${ct.zh}`, en: `first observation ${ct.en}` }, `first observation ${ct.en} on or after ${pts[0]!.date}${hit.date === pts[0]!.date ? ' (the condition already held at the start of the period)' : ''}`, {
    requestedFrom: from,
    requestedTo: to,
    alreadyAtStart: hit.date === pts[0]!.date ? 'yes' : 'no',
  }, 'first');
}

/**
 * The first observation in [from, to] that crosses the threshold in the given direction: below (< threshold)
 * after an observation at or above it, or above (> threshold) after one at or below. The observation before
 * may lie before `from`. Null when no crossing happens in the period.
 */
export function firstCrossing(s: SeriesData, threshold: number, direction: 'below' | 'above', from?: IsoDate, to?: IsoDate): Fact | null {
  const pts = windowPoints(s, from, to);
  const all = points(s);
  const cond: Condition = direction === 'below' ? { op: '<', value: threshold } : { op: '>', value: threshold };
  let prevIdx = lastIndexOnOrBefore(all, pts[0]!.date) - 1;
  for (const p of pts) {
    const prev = prevIdx >= 0 ? all[prevIdx] : undefined;
    prevIdx++;
    if (prev && holds(cond, p.value) && !holds(cond, prev.value)) {
      const ct = conditionText(cond);
      return pointHit(s, p, cond, { zh: `${direction === 'below' ? '首次跌破' : '首次升破'} ${threshold}`, en: `first crossing ${ct.en}` }, `first observation ${ct.en} whose previous observation (${prev.date}, ${prev.value}) was not; searched ${pts[0]!.date} to ${pts[pts.length - 1]!.date}`, {
        previousDate: prev.date,
        previousValue: prev.value,
        requestedFrom: from,
        requestedTo: to,
      }, 'crossing');
    }
  }
  return null;
}
