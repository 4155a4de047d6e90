// Comparing one statistic over two periods: "average monthly change of MBS holdings in QT1 vs QT2",
// "volatility of the 10-year yield during QT vs outside it". Returns both Facts and their difference (A − B).
import type { Fact } from '../core/answer.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import { averageMonthlyChange, change, percentChange, type AverageMonthlyChangeOptions } from './changes.ts';
import { addDays } from './dates.ts';
import { InvalidArgumentError } from './errors.ts';
import { extremeOver } from './extremes.ts';
import { exactDiff, factId, makeFact } from './facts.ts';
import { select, span, type DateRange, type SeriesData } from './series.ts';
import { averageOver, stdevOver, sumOver, volatilityOver, type StdevOptions, type VolatilityOptions } from './stats.ts';
import { changeUnit, isBasisPoints } from './units.ts';

/** One period, or several ranges taken together (e.g. "outside QT"). Dates inclusive. */
export type PeriodSpec = { from: IsoDate; to?: IsoDate; label?: Bilingual } | { ranges: DateRange[]; label?: Bilingual };

export type PeriodStat = 'average' | 'sum' | 'stdev' | 'volatility' | 'max' | 'min' | 'change' | 'percent_change' | 'average_monthly_change';

export interface ComparePeriodsOptions {
  stdev?: StdevOptions;
  volatility?: VolatilityOptions;
  averageMonthlyChange?: AverageMonthlyChangeOptions;
}

export interface PeriodComparison {
  a: Fact;
  b: Fact;
  /** a − b, in the unit of a change of the stat (percent → percentage points). */
  difference: Fact;
}

const STAT_TEXT: Record<PeriodStat, Bilingual> = {
  average: { zh: '平均值', en: 'average' },
  sum: { zh: '合计', en: 'sum' },
  stdev: { zh: '标准差', en: 'standard deviation' },
  volatility: { zh: '波动率', en: 'volatility' },
  max: { zh: '最高值', en: 'maximum' },
  min: { zh: '最低值', en: 'minimum' },
  change: { zh: '变化', en: 'change' },
  percent_change: { zh: '变化率', en: 'percent change' },
  average_monthly_change: { zh: '月均变化', en: 'average monthly change' },
};

function rangesOf(p: PeriodSpec): DateRange[] {
  return 'ranges' in p ? p.ranges : [{ from: p.from, to: p.to }];
}

function periodKey(p: PeriodSpec): string {
  return rangesOf(p)
    .map((r) => `${r.from ?? 'start'}..${r.to ?? 'end'}`)
    .join('+');
}

function periodName(p: PeriodSpec): Bilingual {
  if (p.label) return p.label;
  const rs = rangesOf(p);
  return { zh: rs.map((r) => `${r.from ?? '起始'} 至 ${r.to ?? '最新'}`).join('、'), en: rs.map((r) => `${r.from ?? 'start'} to ${r.to ?? 'latest'}`).join(', ') };
}

function statFact(s: SeriesData, p: PeriodSpec, stat: PeriodStat, opts: ComparePeriodsOptions): Fact {
  const tag = p.label;
  const ranges = rangesOf(p);
  const single = ranges.length === 1 ? ranges[0]! : undefined;
  switch (stat) {
    case 'average':
      return averageOver(s, select(s, ranges), tag);
    case 'sum':
      return sumOver(s, select(s, ranges), tag);
    case 'stdev':
      return stdevOver(s, select(s, ranges), opts.stdev, tag);
    case 'volatility':
      return volatilityOver(s, select(s, ranges), opts.volatility, tag);
    case 'max':
    case 'min':
      return extremeOver(s, select(s, ranges), stat, tag);
    case 'change':
    case 'percent_change':
    case 'average_monthly_change': {
      if (!single || single.from === undefined) {
        throw new InvalidArgumentError({
          en: `${STAT_TEXT[stat].en} needs a single period with a start date.`,
          zh: `${STAT_TEXT[stat].zh}需要一个有起始日期的单一区间。`,
        });
      }
      if (stat === 'change') return change(s, single.from, single.to, {}, tag);
      if (stat === 'percent_change') return percentChange(s, single.from, single.to, {}, tag);
      return averageMonthlyChange(s, single.from, single.to, opts.averageMonthlyChange, tag);
    }
  }
}

/** The same statistic over two periods, and a − b. */
export function comparePeriods(s: SeriesData, periodA: PeriodSpec, periodB: PeriodSpec, stat: PeriodStat, opts: ComparePeriodsOptions = {}): PeriodComparison {
  const a = statFact(s, periodA, stat, opts);
  const b = statFact(s, periodB, stat, opts);
  const na = periodName(periodA);
  const nb = periodName(periodB);
  const unit = isBasisPoints(a.unit) ? a.unit : changeUnit(a.unit);
  const st = STAT_TEXT[stat];
  const difference = makeFact({
    id: factId(s.meta.id, 'compare', stat, periodKey(periodA), 'vs', periodKey(periodB)),
    value: exactDiff(a.value, b.value),
    unit: a.unit.label.endsWith(' per Month') && !unit.label.endsWith(' per Month') ? { ...unit, label: `${unit.label} per Month` } : unit,
    label: {
      zh: `${s.meta.title.zh} ${st.zh}:${na.zh} 与 ${nb.zh} 之差`,
      en: `${s.meta.title.en} ${st.en}: ${na.en} minus ${nb.en}`,
    },
    asOf: a.asOf > b.asOf ? a.asOf : b.asOf,
    period: { from: a.period?.from ?? a.asOf, to: b.period?.to ?? b.asOf },
    method: 'period_comparison',
    methodDetail: `${st.en} over ${na.en} (${a.value}) minus ${st.en} over ${nb.en} (${b.value}); ${a.methodDetail ?? a.method}`,
    seriesId: a.seriesId,
    inputs: [...a.inputs, ...b.inputs],
    extra: { aFactId: a.id, bFactId: b.id, aValue: a.value, bValue: b.value, ratio: b.value !== 0 ? a.value / b.value : undefined, stat },
  });
  return { a, b, difference };
}

/**
 * The rest of the series' span outside `period` (before its start and after its end), labelled
 * "<label>以外" / "outside <label>" — for "during QT vs outside it".
 */
export function outsidePeriod(s: SeriesData, period: { from: IsoDate; to?: IsoDate; label?: Bilingual }): PeriodSpec {
  const sp = span(s);
  const ranges: DateRange[] = [];
  if (sp && sp.first < period.from) ranges.push({ from: sp.first, to: addDays(period.from, -1) });
  if (sp && period.to !== undefined && sp.last > period.to) ranges.push({ from: addDays(period.to, 1), to: sp.last });
  if (ranges.length === 0) {
    throw new InvalidArgumentError({ en: `${s.meta.id} has no observations outside ${period.from} – ${period.to ?? 'latest'}.`, zh: `${s.meta.id} 在 ${period.from} 至 ${period.to ?? '最新'} 之外没有观测值。` });
  }
  const name = periodName(period);
  return { ranges, label: { zh: `${name.zh}以外`, en: `outside ${name.en}` } };
}
