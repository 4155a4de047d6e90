// The analytics layer: pure, unit-aware functions over a series' observations that return Facts with
// lineage. No I/O. Conventions (see each module):
//  - Missing values (null) are skipped everywhere and counted (extra.missingSkipped, methodDetail).
//  - No data is an exception, never NaN: DateOutOfRangeError (core) when nothing is where the request
//    points, InsufficientDataError when there are too few observations, UndefinedResultError for division by
//    zero / zero variance; `isNoDataError` groups the first two. A valid "nothing happened" answer (no
//    inversion episode, no crossing) is an empty list / null.
//  - Fact ids: `<series>:<computation>:<dates actually used>[:params]`; requested dates live in extra.
export * from './errors.ts';
export * from './units.ts';
export { AVERAGE_MONTH_DAYS, addDays, addMonths, addYears, daysBetween, periodStart, periodEnd, type CalendarFrequency } from './dates.ts';
export {
  points,
  span,
  select,
  windowPoints,
  lineage,
  missingCount,
  derivedSeries,
  lastObservations,
  type SeriesData,
  type Derivation,
  type ObservationRef,
  type Point,
  type DateRange,
  type Selection,
} from './series.ts';
export { exactDiff, exactSum } from './facts.ts';
export { latest, valueOn, resolveDate, defaultMaxGapDays, type DatePolicy, type ValueOnOptions } from './levels.ts';
export {
  change,
  percentChange,
  yoy,
  yoySeries,
  yearEarlier,
  annualizedGrowth,
  averageMonthlyChange,
  type ChangeOptions,
  type MonthlyChangeMethod,
  type AverageMonthlyChangeOptions,
} from './changes.ts';
export {
  mean,
  variance,
  stdevOf,
  pearson,
  periodsPerYear,
  average,
  sum,
  stdev,
  rollingStdev,
  volatility,
  type StdevKind,
  type StdevOptions,
  type RollingStdevResult,
  type VolatilityBasis,
  type VolatilityOptions,
} from './stats.ts';
export { max, min, drawdown, type DrawdownResult } from './extremes.ts';
export { alignSeries, resample, toMonthly, type AlignMode, type AlignOptions, type AlignedPair, type Alignment, type ResampleHow } from './align.ts';
export { spread, spreadSeries, ratio, ratioSeries, correlation, type SpreadOptions, type RatioOptions, type CorrelationOptions } from './relations.ts';
export { inversionEpisodes, countWhere, firstWhere, firstCrossing, holds, type Comparison, type Condition, type Episode, type EpisodesResult, type EpisodeOptions } from './episodes.ts';
export { comparePeriods, outsidePeriod, type PeriodSpec, type PeriodStat, type PeriodComparison, type ComparePeriodsOptions } from './compare.ts';
export {
  rateDecisions,
  moves,
  cumulativeMove,
  moveSize,
  decisionInForce,
  rangeFacts,
  dissents,
  voteFacts,
  latestCycle,
  MEETINGS,
  VOTES,
  type PolicyDecision,
  type Move,
  type MoveAction,
  type Cycle,
} from './decisions.ts';
