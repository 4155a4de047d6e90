// Shared pieces of the executors: the error for questions the data cannot answer, the concrete window of a
// time spec, basis-point conversions, loading, charts and the method/period notes every handler may add.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import { FinciteError } from '../../core/errors.ts';
import type { Bilingual, IsoDate } from '../../core/types.ts';
import { type NamedPeriod } from '../../knowledge/periods.ts';
import { lineChart } from '../charts.ts';
import type { DataAccess, LoadedSeries } from '../data.ts';
import type { Plan, Subject } from '../plan.ts';
import type { TimeSpec } from '../understand/time.ts';
import type { AnswerWriter } from '../writer.ts';

/** The data cannot answer what the plan asks (no observations in the period, a missing statement …). */
export class NoAnswerError extends FinciteError {
  constructor(messages: Bilingual) {
    super('no_answer', messages, 422);
  }
}

export interface Window {
  from?: IsoDate;
  to?: IsoDate;
  label: Bilingual;
  /** The start is an anchor at the end of the previous period (year-end): use the last value on or before it. */
  fromBefore?: boolean;
}

export const DEFAULT_STAT_MONTHS = 12;

/** The concrete window of a time spec for a series; trailing windows end at the series' last observation. */
export function windowFor(spec: TimeSpec, s: LoadedSeries, fallback: 'all' | number): Window {
  const last = s.meta.lastDate ?? undefined;
  switch (spec.kind) {
    case 'range':
      return { from: spec.from, ...(spec.to ? { to: spec.to } : {}), label: spec.label, fromBefore: spec.from.endsWith('-12-31') };
    case 'point':
      return spec.precision === 'day' ? { from: spec.date, to: spec.date, label: spec.label } : { from: spec.from, to: spec.to, label: spec.label };
    case 'trailing': {
      if (!last) return { label: spec.label };
      const from = spec.days ? A.addDays(last, -spec.days) : spec.months >= 1 ? A.addMonths(last, -Math.round(spec.months)) : A.addDays(last, -Math.round(spec.months * 30.44));
      return { from, to: last, label: spec.label, fromBefore: true };
    }
    case 'ago': {
      if (!last) return { label: spec.label };
      return { from: A.addMonths(last, -spec.months), to: last, label: spec.label, fromBefore: true };
    }
    case 'invalid':
      throw new NoAnswerError(spec.reason);
    case 'event':
      // resolved into a range before execution (execute/anchors.ts); reaching here means it could not be
      throw new NoAnswerError({ zh: `无法在数据中确定“${spec.label.zh}”的日期。`, en: `The dates of "${spec.label.en}" cannot be found in the data.` });
    case 'latest':
      if (fallback === 'all' || !last) return { label: { zh: '有数据以来', en: 'the full history' } };
      return { from: A.addMonths(last, -fallback), to: last, label: fallback === 12 ? { zh: '过去一年', en: 'the past year' } : { zh: `过去${fallback}个月`, en: `the past ${fallback} months` }, fromBefore: true };
  }
}

/** The last day a series' last observation stands for: a month's, quarter's or year's end; a week's last day. */
export function coverageEnd(s: LoadedSeries): IsoDate | null {
  const last = s.meta.lastDate;
  if (!last) return null;
  switch (s.meta.frequency) {
    case 'monthly':
      return A.addDays(A.addMonths(last.slice(0, 8) + '01', 1), -1);
    case 'quarterly':
      return A.addDays(A.addMonths(last.slice(0, 8) + '01', 3), -1);
    case 'annual':
      return `${last.slice(0, 4)}-12-31`;
    case 'weekly':
      return A.addDays(last, 6);
    default:
      return last;
  }
}

/** "1962-01-02 至 2026-08-21" / "1962-01-02 to 2026-08-21": a series' data range, said when a date falls outside it. */
export function dataRange(w: AnswerWriter, s: LoadedSeries): Bilingual {
  const name = w.name(s.meta);
  const first = s.meta.firstDate ?? '';
  const last = s.meta.lastDate ?? '';
  return { zh: `${name}的数据范围为${first}至${last}`, en: `the data for ${name} cover ${first} to ${last}` };
}

/**
 * A valid date (or period) outside a series' data is declined with the data's range, never answered with the
 * nearest value: before the first observation, or after the last one (and the period it stands for). Gaps inside
 * the range (weekends, holidays) are not this check's business. Relative words (上个月, last month) that the data
 * has not reached keep meaning "the latest period".
 */
export function assertCovered(ctx: ExecContext, s: LoadedSeries, spec: TimeSpec = ctx.plan.time): void {
  if (spec.kind === 'invalid') throw new NoAnswerError(spec.reason);
  if (spec.kind !== 'point' && spec.kind !== 'range') return;
  if (spec.kind === 'point' && spec.relative) return;
  const first = s.meta.firstDate;
  const end = coverageEnd(s);
  if (!first || !end) return;
  const from = spec.kind === 'point' && spec.precision === 'day' ? spec.date : spec.from;
  const to = spec.kind === 'point' ? (spec.precision === 'day' ? spec.date : spec.to) : spec.to;
  // a "since" range starts at the previous period's close: the anchor may sit before the data if the period does not
  const fromEff = spec.kind === 'range' && spec.since ? A.addDays(from, 1) : from;
  const r = dataRange(ctx.w, s);
  // the label, with the dates it stands for when it does not say them (上次加息以来 → 2026-09-16起)
  const dates = { zh: `${from}${to ? (to === from ? '' : `至${to}`) : '起'}`, en: `${from}${to ? (to === from ? '' : ` to ${to}`) : ' onwards'}` };
  const said = /\d{4}/.test(spec.label.en);
  const label = said ? spec.label : { zh: `${spec.label.zh}(${dates.zh})`, en: `${spec.label.en} (${dates.en})` };
  if (fromEff > end) {
    throw new NoAnswerError({ zh: `${label.zh}在数据范围之外:${r.zh},之后尚无数据。`, en: `${label.en} is outside the data: ${r.en}, with no data after that.` });
  }
  if ((to ?? end) < first) {
    throw new NoAnswerError({ zh: `${label.zh}在数据范围之外:${r.zh},没有更早的数据。`, en: `${label.en} is outside the data: ${r.en}, with no earlier data.` });
  }
}

/** A window for statistics over a period: a year-end anchor (今年 starts at last year's close) is not part of it. */
export function statWindow(spec: TimeSpec, s: LoadedSeries, fallback: 'all' | number): Window {
  const win = windowFor(spec, s, fallback);
  return win.fromBefore && win.from && spec.kind !== 'trailing' && spec.kind !== 'latest' ? { ...win, from: A.addDays(win.from, 1), fromBefore: false } : win;
}

export function periodText(w: AnswerWriter, f: Fact): string {
  if (!f.period) return w.date(f.asOf);
  return w.t(`${w.date(f.period.from)}至${w.date(f.period.to)}`, `${w.date(f.period.from)} to ${w.date(f.period.to)}`);
}

/** A level published in percent, expressed in basis points (2.75% → 275 bp) — for spreads asked in bp. */
export function percentToBp(f: Fact): Fact {
  return { ...f, id: `${f.id}:bp`, value: Math.round(f.value * 100 * 1e6) / 1e6, unit: A.BASIS_POINTS, methodDetail: `${f.methodDetail ?? f.method}; × 100 to basis points` };
}

export function asBp(f: Fact): Fact {
  return A.isBasisPoints(f.unit) || f.unit.kind !== 'percentage_points' ? f : A.toBasisPoints(f);
}

export interface ExecContext {
  data: DataAccess;
  w: AnswerWriter;
  plan: Plan;
}


export async function load(ctx: ExecContext, subject: Subject): Promise<LoadedSeries> {
  return ctx.data.series(subject.seriesId);
}

export function chartFor(ctx: ExecContext, series: LoadedSeries[], from?: IsoDate, to?: IsoDate, marks: Fact[] = []): void {
  ctx.w.charts.push(lineChart(series, ctx.w.lang, from, to, marks));
}

// ---- one series ---------------------------------------------------------------------------------------------

/** The series a plan computes on: the stored one, or its year-over-year rate for inflation questions. */
export async function subjectSeries(ctx: ExecContext, subject: Subject): Promise<LoadedSeries> {
  const s = await load(ctx, subject);
  if (ctx.plan.transform !== 'yoy') return s;
  const y = A.yoySeries(s);
  const pts = A.points(y);
  return { ...y, meta: { ...s.meta, ...y.meta, firstDate: pts[0]!.date, lastDate: pts[pts.length - 1]!.date, observationCount: pts.length } } as LoadedSeries;
}

/** |a| / |b| as a Fact of its own, so "x times" in the text has lineage like every other number. */
export function ratioFact(a: Fact, b: Fact): Fact {
  return {
    id: `${a.id}/${b.id}`,
    value: Math.abs(a.value) / Math.abs(b.value),
    unit: A.RATIO,
    label: { zh: `${a.label.zh} ÷ ${b.label.zh}`, en: `${a.label.en} ÷ ${b.label.en}` },
    asOf: a.asOf > b.asOf ? a.asOf : b.asOf,
    method: 'ratio',
    methodDetail: `|${a.id}| / |${b.id}|`,
    inputs: [...a.inputs, ...b.inputs],
    sourceIds: [],
  };
}

/** How a statistic was computed, in words (the numbers themselves are in the fact's methodDetail). */
export function methodNote(w: AnswerWriter, f: Fact): void {
  const d = f.methodDetail ?? '';
  const annualised = /×\s*√/.test(d);
  if (/log returns/.test(d)) w.say(`计算方法:对数收益率的样本标准差,${annualised ? '并年化' : '未年化'}。`, `Method: sample standard deviation of log returns, ${annualised ? 'annualised' : 'not annualised'}.`);
  else if (/basis points/.test(d)) w.say(`计算方法:日变化(基点)的样本标准差,${annualised ? '并年化' : '未年化'}。`, `Method: sample standard deviation of daily changes in basis points, ${annualised ? 'annualised' : 'not annualised'}.`);
  else if (/changes/.test(d)) w.say('计算方法:相邻观测值之差(变化)的样本标准差。', 'Method: sample standard deviation of the changes between consecutive observations.');
  else if (/months elapsed/.test(d)) w.say('计算方法:期末值减期初值,除以经过的月数。', 'Method: end value minus start value, divided by the months elapsed.');
  else if (/standard deviation/.test(d)) w.say('计算方法:样本标准差。', 'Method: sample standard deviation.');
}

export function periodNote(ctx: ExecContext, p: NamedPeriod): void {
  ctx.w.say(`“${p.name.zh}”按${p.basis.zh}界定。`, `"${p.name.en}" is dated by the FOMC texts: ${p.basis.en}.`);
}
