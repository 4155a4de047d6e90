// Turns a Plan into Facts computed by the analytics library and writes them, with citations, through the
// AnswerWriter. One handler per measure; each states the dates it actually used.
import * as A from '../analytics/index.ts';
import type { Fact } from '../core/answer.ts';
import { FinciteError } from '../core/errors.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES, type NamedPeriod } from '../knowledge/periods.ts';
import { lineChart } from './charts.ts';
import type { DataAccess, LoadedSeries } from './data.ts';
import type { Measure, Plan, Subject } from './plan.ts';
import type { TimeSpec } from './understand/time.ts';
import type { AnswerWriter } from './writer.ts';

/** The data cannot answer what the plan asks (no observations in the period, a missing statement …). */
export class NoAnswerError extends FinciteError {
  constructor(messages: Bilingual) {
    super('no_answer', messages, 422);
  }
}

interface Window {
  from?: IsoDate;
  to?: IsoDate;
  label: Bilingual;
  /** The start is an anchor at the end of the previous period (year-end): use the last value on or before it. */
  fromBefore?: boolean;
}

const DEFAULT_STAT_MONTHS = 12;

/** The concrete window of a time spec for a series; trailing windows end at the series' last observation. */
function windowFor(spec: TimeSpec, s: LoadedSeries, fallback: 'all' | number): Window {
  const last = s.meta.lastDate ?? undefined;
  switch (spec.kind) {
    case 'range':
      return { from: spec.from, ...(spec.to ? { to: spec.to } : {}), label: spec.label, fromBefore: spec.from.endsWith('-12-31') };
    case 'point':
      return spec.precision === 'day' ? { from: spec.date, to: spec.date, label: spec.label } : { from: spec.from, to: spec.to, label: spec.label };
    case 'trailing': {
      if (!last) return { label: spec.label };
      const from = spec.months >= 1 ? A.addMonths(last, -Math.round(spec.months)) : A.addDays(last, -Math.round(spec.months * 30.44));
      return { from, to: last, label: spec.label, fromBefore: true };
    }
    case 'ago': {
      if (!last) return { label: spec.label };
      return { from: A.addMonths(last, -spec.months), to: last, label: spec.label, fromBefore: true };
    }
    case 'latest':
      if (fallback === 'all' || !last) return { label: { zh: '有数据以来', en: 'the full history' } };
      return { from: A.addMonths(last, -fallback), to: last, label: fallback === 12 ? { zh: '过去一年', en: 'the past year' } : { zh: `过去${fallback}个月`, en: `the past ${fallback} months` }, fromBefore: true };
  }
}

/** A window for statistics over a period: a year-end anchor (今年 starts at last year's close) is not part of it. */
function statWindow(spec: TimeSpec, s: LoadedSeries, fallback: 'all' | number): Window {
  const win = windowFor(spec, s, fallback);
  return win.fromBefore && win.from && spec.kind !== 'trailing' && spec.kind !== 'latest' ? { ...win, from: A.addDays(win.from, 1), fromBefore: false } : win;
}

function periodText(w: AnswerWriter, f: Fact): string {
  if (!f.period) return w.date(f.asOf);
  return w.t(`${w.date(f.period.from)}至${w.date(f.period.to)}`, `${w.date(f.period.from)} to ${w.date(f.period.to)}`);
}

/** A level published in percent, expressed in basis points (2.75% → 275 bp) — for spreads asked in bp. */
function percentToBp(f: Fact): Fact {
  return { ...f, id: `${f.id}:bp`, value: Math.round(f.value * 100 * 1e6) / 1e6, unit: A.BASIS_POINTS, methodDetail: `${f.methodDetail ?? f.method}; × 100 to basis points` };
}

function asBp(f: Fact): Fact {
  return A.isBasisPoints(f.unit) || f.unit.kind !== 'percentage_points' ? f : A.toBasisPoints(f);
}

export interface ExecContext {
  data: DataAccess;
  w: AnswerWriter;
  plan: Plan;
}

export async function execute(ctx: ExecContext): Promise<void> {
  const { plan } = ctx;
  switch (plan.measure) {
    case 'policy':
      return policy(ctx);
    case 'documents': {
      const { documentsAnswer } = await import('./documents.ts');
      return documentsAnswer(ctx);
    }
    case 'fundamental':
      return fundamental(ctx);
    case 'compare_entities':
      return compareEntities(ctx);
    case 'compare_periods':
      return comparePeriods(ctx);
    case 'spread':
    case 'ratio':
      return twoSeries(ctx);
    case 'correlation':
      return correlation(ctx);
    default:
      return single(ctx, plan.subjects[0]!, plan.measure);
  }
}

async function load(ctx: ExecContext, subject: Subject): Promise<LoadedSeries> {
  return ctx.data.series(subject.seriesId);
}

function chartFor(ctx: ExecContext, series: LoadedSeries[], from?: IsoDate, to?: IsoDate, marks: Fact[] = []): void {
  ctx.w.charts.push(lineChart(series, ctx.w.lang, from, to, marks));
}

// ---- one series ---------------------------------------------------------------------------------------------

/** The series a plan computes on: the stored one, or its year-over-year rate for inflation questions. */
async function subjectSeries(ctx: ExecContext, subject: Subject): Promise<LoadedSeries> {
  const s = await load(ctx, subject);
  if (ctx.plan.transform !== 'yoy') return s;
  const y = A.yoySeries(s);
  const pts = A.points(y);
  return { ...y, meta: { ...s.meta, ...y.meta, firstDate: pts[0]!.date, lastDate: pts[pts.length - 1]!.date, observationCount: pts.length } } as LoadedSeries;
}

async function single(ctx: ExecContext, subject: Subject, measure: Measure): Promise<void> {
  const s = await subjectSeries(ctx, subject);
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  if (!s.meta.lastDate) throw new NoAnswerError({ zh: `${name} 没有数据。`, en: `${name} has no data.` });
  switch (measure) {
    case 'level':
      return level(ctx, s);
    case 'change':
    case 'percent_change':
      return changeAnswer(ctx, s, measure);
    case 'yoy':
      return yoyAnswer(ctx, s);
    case 'mom': {
      // Month over month (period over period): the latest observation (or the one asked for) against the one before.
      const t = plan.time;
      const pts = A.points(s);
      const target = t.kind === 'point' && !(t.relative && t.from > s.meta.lastDate!) ? A.valueOn(s, t.to).asOf : pts[pts.length - 1]!.date;
      const idx = pts.findIndex((p) => p.date === target);
      if (idx < 1) throw new NoAnswerError({ zh: `${name}在该日期之前没有上一期数据。`, en: `${name} has no earlier observation to compare with.` });
      const f = A.percentChange(s, pts[idx - 1]!.date, target);
      w.fact(f);
      w.say(
        `${w.obsDate(target, s.meta.frequency)},${name}环比${f.value >= 0 ? '上涨' : '下降'}${w.abs(f)}${w.cite(f)}(上一期为${w.obsDate(pts[idx - 1]!.date, s.meta.frequency)})。`,
        `In ${w.obsDate(target, s.meta.frequency)}, ${name} was ${f.value >= 0 ? 'up' : 'down'} ${w.abs(f)} from the previous period (${w.obsDate(pts[idx - 1]!.date, s.meta.frequency)})${w.cite(f)}.`,
      );
      try {
        const y = A.yoy(s, target);
        w.say(`同比为${w.v(y)}${w.cite(y)}。`, `Year over year it was ${w.v(y)}${w.cite(y)}.`);
      } catch (err) {
        if (!A.isNoDataError(err)) throw err;
      }
      chartFor(ctx, [s], A.addYears(target, -3), target, [f]);
      return;
    }
    case 'average':
    case 'stdev':
    case 'volatility': {
      const win = statWindow(plan.time, s, DEFAULT_STAT_MONTHS);
      if (plan.rollingWindow) return rolling(ctx, s, plan.rollingWindow, win);
      let f = measure === 'average' ? A.average(s, win.from, win.to) : measure === 'stdev' ? A.stdev(s, win.from, win.to, { kind: 'sample', on: A.isRateUnit(s.meta.unit) ? 'changes' : 'levels' }) : A.volatility(s, win.from, win.to);
      if (plan.inBasisPoints && measure === 'stdev') f = asBp(f);
      const what = measure === 'average' ? w.t('平均值', 'average') : measure === 'stdev' ? w.t('标准差', 'standard deviation') : w.t('波动率', 'volatility');
      w.say(
        `${w.date(f.period!.from)}至${w.date(f.period!.to)},${name}的${what}为${w.v(f)}${w.cite(f)}。`,
        `From ${f.period!.from} to ${f.period!.to}, the ${what} of ${name} was ${w.v(f)}${w.cite(f)}.`,
      );
      methodNote(w, f);
      const latest = A.latest(s);
      w.say(`作为参照,最新值为${w.v(latest)}(${w.obsDate(latest.asOf, s.meta.frequency)})${w.cite(latest)}。`, `For reference, the latest value is ${w.v(latest)} (${w.obsDate(latest.asOf, s.meta.frequency)})${w.cite(latest)}.`);
      chartFor(ctx, [s], f.period!.from, f.period!.to, [f]);
      return;
    }
    case 'max':
    case 'min': {
      const win = statWindow(plan.time, s, 'all');
      const f = measure === 'max' ? A.max(s, win.from, win.to) : A.min(s, win.from, win.to);
      const range = f.period ? w.t(`${w.date(f.period.from)}至${w.date(f.period.to)}期间`, `between ${f.period.from} and ${f.period.to}`) : '';
      const what = measure === 'max' ? w.t('最高', 'highest') : w.t('最低', 'lowest');
      w.say(
        `${range},${name}${what}为${w.v(f)},出现在${w.obsDate(f.asOf, s.meta.frequency)}${w.cite(f)}。`,
        `${range ? `${range[0]!.toUpperCase()}${range.slice(1)}, the` : 'The'} ${what} ${name} was ${w.v(f)}, on ${w.obsDate(f.asOf, s.meta.frequency)}${w.cite(f)}.`,
      );
      const latest = A.latest(s);
      w.say(`最新值为${w.v(latest)}(${w.obsDate(latest.asOf, s.meta.frequency)})${w.cite(latest)}。`, `The latest value is ${w.v(latest)} (${w.obsDate(latest.asOf, s.meta.frequency)})${w.cite(latest)}.`);
      chartFor(ctx, [s], win.from, win.to, [f]);
      return;
    }
    case 'avg_monthly_change': {
      const win = windowFor(plan.time, s, DEFAULT_STAT_MONTHS);
      if (!win.from) throw new NoAnswerError({ zh: '请指明时间段。', en: 'Please name a period.' });
      const f = A.averageMonthlyChange(s, win.from, win.to, win.fromBefore ? { fromPolicy: 'on_or_before' } : {});
      const total = A.change(s, win.from, win.to, win.fromBefore ? { fromPolicy: 'on_or_before' } : {});
      const dir = f.value < 0 ? w.t('平均每月减少', 'fell by an average of') : w.t('平均每月增加', 'rose by an average of');
      w.say(
        `${w.date(total.period!.from)}至${w.date(total.period!.to)},${name}${dir}${w.abs(f)}${w.cite(f)},累计${total.value < 0 ? '减少' : '增加'}${w.abs(total)}${w.cite(total)}。`,
        `From ${total.period!.from} to ${total.period!.to}, ${name} ${dir} ${w.abs(f)} a month${w.cite(f)}, ${total.value < 0 ? 'a total decline of' : 'a total increase of'} ${w.abs(total)}${w.cite(total)}.`,
      );
      capComparison(ctx, s, f);
      chartFor(ctx, [s], total.period!.from, total.period!.to, [f]);
      return;
    }
    case 'drawdown': {
      const win = windowFor(plan.time, s, 'all');
      const dd = A.drawdown(s, win.from, win.to);
      const f = dd.max;
      w.say(
        `${win.from ? `${w.date(win.from)}以来,` : ''}${name}最大回撤为${w.abs(f)}${w.cite(f)}${f.extra?.peakDate ? `(从${w.date(String(f.extra.peakDate))}的高点到${w.date(String(f.extra.troughDate ?? f.asOf))}的低点)` : ''}。`,
        `${win.from ? `Since ${win.from}, the` : 'The'} largest drawdown of ${name} was ${w.abs(f)}${w.cite(f)}${f.extra?.peakDate ? ` (from the peak on ${f.extra.peakDate} to the trough on ${f.extra.troughDate ?? f.asOf})` : ''}.`,
      );
      w.say(`截至${w.date(dd.current.asOf)},${name}较此前高点回撤${w.abs(dd.current)}${w.cite(dd.current)}。`, `As of ${dd.current.asOf}, ${name} is ${w.abs(dd.current)} below its previous peak${w.cite(dd.current)}.`);
      chartFor(ctx, [s], win.from, win.to, [f]);
      return;
    }
    case 'inversion':
      return inversion(ctx, s);
    case 'from_peak':
    case 'from_trough': {
      const win = windowFor(plan.time, s, 'all');
      const ext = measure === 'from_peak' ? A.max(s, win.from, win.to) : A.min(s, win.from, win.to);
      const last = A.latest(s);
      const abs = A.change(s, ext.asOf, last.asOf);
      const pct = s.meta.unit.kind === 'percent' || s.meta.unit.kind === 'percentage_points' ? null : A.percentChange(s, ext.asOf, last.asOf);
      w.fact(abs);
      const peakWord = measure === 'from_peak' ? w.t('峰值', 'peak') : w.t('低点', 'low');
      w.say(
        `${name}的${peakWord}为${w.v(ext)}(${w.obsDate(ext.asOf, s.meta.frequency)})${w.cite(ext)};截至${w.obsDate(last.asOf, s.meta.frequency)}为${w.v(last)}${w.cite(last)},较${peakWord}${abs.value < 0 ? (s.meta.unit.kind === 'currency' ? '减少' : '下降') : abs.value > 0 ? (s.meta.unit.kind === 'currency' ? '增加' : '上升') : '持平'}${w.abs(abs)}${w.cite(abs)}${pct ? `(${w.signed(pct)})${w.cite(pct)}` : ''}。`,
        `${name} ${measure === 'from_peak' ? 'peaked' : 'bottomed'} at ${w.v(ext)} on ${w.obsDate(ext.asOf, s.meta.frequency)}${w.cite(ext)}; as of ${w.obsDate(last.asOf, s.meta.frequency)} it is ${w.v(last)}${w.cite(last)}, ${abs.value < 0 ? 'down' : 'up'} ${w.abs(abs)}${w.cite(abs)}${pct ? ` (${w.signed(pct)})${w.cite(pct)}` : ''} from the ${peakWord}.`,
      );
      chartFor(ctx, [s], win.from ?? A.addYears(ext.asOf, -2), last.asOf, [ext, last]);
      return;
    }
    case 'annualized_growth': {
      const date = plan.time.kind === 'point' ? plan.time.to : undefined;
      const f = A.annualizedGrowth(s, date);
      w.say(
        `${w.obsDate(f.asOf, s.meta.frequency)},${name}环比折年率为${w.v(f)}${w.cite(f)}。`,
        `In ${w.obsDate(f.asOf, s.meta.frequency)}, ${name} grew at an annualised rate of ${w.v(f)}${w.cite(f)}.`,
      );
      w.say('计算方法:当季与上季之比的四次方减一(环比折年率)。', 'Method: the quarter-on-quarter ratio raised to the fourth power, minus one (annualised).');
      try {
        const y = A.yoy(s, f.asOf);
        w.say(`同比增长${w.v(y)}${w.cite(y)}。`, `Year over year it grew ${w.v(y)}${w.cite(y)}.`);
      } catch (err) {
        if (!A.isNoDataError(err)) throw err;
      }
      chartFor(ctx, [s], A.addYears(f.asOf, -5), f.asOf, [f]);
      return;
    }
    default:
      return level(ctx, s);
  }
}

async function rolling(ctx: ExecContext, s: LoadedSeries, window: number, win: Window): Promise<void> {
  const { w } = ctx;
  const name = w.name(s.meta);
  const rate = A.isRateUnit(s.meta.unit);
  const res = A.rollingStdev(s, window, win.from, win.to, rate ? { kind: 'sample', on: 'changes' } : { kind: 'sample', on: 'levels' });
  w.params.push(window);
  const last = rate ? asBp(res.last) : res.last;
  const mx = rate ? asBp(res.max) : res.max;
  w.fact(last);
  w.say(
    `${name}滚动${window}期${rate ? '日变化' : ''}标准差最新为${w.v(last)}(截至${w.date(last.asOf)})${w.cite(last)};区间内最高为${w.v(mx)}(${w.date(mx.asOf)})${w.cite(mx)}。`,
    `The latest rolling ${window}-observation standard deviation of ${rate ? 'daily changes in ' : ''}${name} is ${w.v(last)} (as of ${last.asOf})${w.cite(last)}; its highest in the window was ${w.v(mx)} on ${mx.asOf}${w.cite(mx)}.`,
  );
  chartFor(ctx, [s], win.from, win.to, [last]);
}

async function level(ctx: ExecContext, s: LoadedSeries): Promise<void> {
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  const t = plan.time;
  const freq = s.meta.frequency;
  let f: Fact;
  if (t.kind === 'point' && t.precision === 'year' && freq !== 'annual') {
    const avg = A.average(s, t.from, t.to);
    const end = A.valueOn(s, t.to);
    w.say(
      `${t.label.zh},${name}的平均值为${w.v(avg)}${w.cite(avg)};年末(${w.obsDate(end.asOf, freq)})为${w.v(end)}${w.cite(end)}。`,
      `In ${t.label.en}, ${name} averaged ${w.v(avg)}${w.cite(avg)}; at the end of the year (${w.obsDate(end.asOf, freq)}) it was ${w.v(end)}${w.cite(end)}.`,
    );
    chartFor(ctx, [s], t.from, t.to, [avg]);
    return;
  }
  if (t.kind === 'ago') {
    const asked = A.addMonths(s.meta.lastDate!, -t.months);
    f = A.valueOn(s, asked);
    const now = A.latest(s);
    const ch = A.change(s, f.asOf, now.asOf);
    w.say(
      `${t.label.zh}(${w.obsDate(f.asOf, freq)}),${name}为${w.v(f)}${w.cite(f)};截至${w.obsDate(now.asOf, freq)}为${w.v(now)}${w.cite(now)},其间变化${w.signed(ch)}${w.cite(ch)}。`,
      `${t.label.en} (${w.obsDate(f.asOf, freq)}), ${name} was ${w.v(f)}${w.cite(f)}; as of ${w.obsDate(now.asOf, freq)} it is ${w.v(now)}${w.cite(now)}, a change of ${w.signed(ch)}${w.cite(ch)}.`,
    );
    chartFor(ctx, [s], A.addMonths(f.asOf, -6), now.asOf, [f, now]);
    return;
  }
  if (t.kind === 'point') {
    const lastDate = s.meta.lastDate!;
    if (t.relative && t.from > lastDate) {
      f = A.latest(s);
      w.say(
        `数据尚未更新到${t.label.zh}。最新一期(${w.obsDate(f.asOf, freq)})${name}为${w.v(f)}${w.cite(f)}。`,
        `The data does not reach ${t.label.en} yet. The latest reading (${w.obsDate(f.asOf, freq)}) of ${name} is ${w.v(f)}${w.cite(f)}.`,
      );
    } else {
      f = A.valueOn(s, t.precision === 'day' ? t.date : t.to);
      const usedDiffers = t.precision === 'day' && f.asOf !== t.date;
      w.say(
        `${w.obsDate(f.asOf, freq)},${name}为${w.v(f)}${w.cite(f)}。${usedDiffers ? `(${w.date(t.date)}没有观测值,使用此前最近的${w.date(f.asOf)}的数据。)` : ''}`,
        `${name} was ${w.v(f)} on ${w.obsDate(f.asOf, freq)}${w.cite(f)}.${usedDiffers ? ` (There is no observation on ${t.date}; the latest one before it, ${f.asOf}, is used.)` : ''}`,
      );
    }
  } else if (t.kind === 'range' || t.kind === 'trailing') {
    return changeAnswer(ctx, s, 'change');
  } else {
    f = A.latest(s);
    // "高收益债利差现在多少个基点": a spread published in percent, asked in basis points
    if (ctx.plan.inBasisPoints && s.meta.unit.kind === 'percent') f = percentToBp(f);
    w.say(`截至${w.obsDate(f.asOf, freq)},${name}为${w.v(f)}${w.cite(f)}。`, `As of ${w.obsDate(f.asOf, freq)}, ${name} is ${w.v(f)}${w.cite(f)}.`);
  }
  // Context: a year earlier.
  try {
    const before = A.valueOn(s, A.addYears(f.asOf, -1));
    const ch = A.change(s, before.asOf, f.asOf, { fromPolicy: 'on_or_before' });
    const pct = s.meta.unit.kind === 'percent' || s.meta.unit.kind === 'percentage_points' ? null : A.percentChange(s, before.asOf, f.asOf, { fromPolicy: 'on_or_before' });
    w.say(
      `一年前(${w.obsDate(before.asOf, freq)})${name}为${w.v(before)}${w.cite(before)},一年来变化${w.signed(ch)}${pct ? `(${w.signed(pct)})` : ''}${w.cite(ch)}。`,
      `A year earlier (${w.obsDate(before.asOf, freq)}), ${name} was ${w.v(before)}${w.cite(before)}; the change over the year is ${w.signed(ch)}${pct ? ` (${w.signed(pct)})` : ''}${w.cite(ch)}.`,
    );
  } catch (err) {
    if (!A.isNoDataError(err) && !(err instanceof A.UndefinedResultError)) throw err;
  }
  chartFor(ctx, [s], A.addYears(f.asOf, -3), f.asOf, [f]);
}

async function changeAnswer(ctx: ExecContext, s: LoadedSeries, measure: 'change' | 'percent_change'): Promise<void> {
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  const freq = s.meta.frequency;
  const t = plan.time;
  let from: IsoDate;
  let to: IsoDate | undefined;
  let fromBefore = false;
  if (t.kind === 'latest' || (t.kind === 'point' && t.relative)) {
    if (freq === 'monthly' || freq === 'quarterly' || freq === 'annual') {
      // "上个月增加了多少": the latest period's change
      const pts = A.points(s);
      const last = pts[pts.length - 1]!;
      const prev = pts[pts.length - 2];
      if (!prev) throw new NoAnswerError({ zh: `${name} 只有一个观测值。`, en: `${name} has only one observation.` });
      from = prev.date;
      to = last.date;
    } else {
      const win = windowFor({ kind: 'trailing', months: 12, label: { zh: '过去一年', en: 'the past year' } }, s, 12);
      from = win.from!;
      to = win.to;
      fromBefore = true;
    }
  } else if (t.kind === 'point' && t.precision !== 'day') {
    // "2023年的变化": from the end of the previous period to the end of this one
    from = A.addDays(t.from, -1);
    to = t.to;
    fromBefore = true;
  } else if (t.kind === 'point') {
    // a single day: the change from that day to the latest
    from = t.date;
    fromBefore = true;
  } else {
    const win = windowFor(t, s, 12);
    from = win.from!;
    to = win.to;
    fromBefore = Boolean(win.fromBefore);
  }
  const opts = fromBefore ? { fromPolicy: 'on_or_before' as const } : {};
  const abs = A.change(s, from, to, opts);
  let pct: Fact | null = null;
  try {
    pct = s.meta.unit.kind === 'percent' || s.meta.unit.kind === 'percentage_points' ? null : A.percentChange(s, from, to, opts);
  } catch (err) {
    if (!(err instanceof A.UndefinedResultError)) throw err;
  }
  const head = measure === 'percent_change' && pct ? pct : abs;
  w.fact(head);
  const start = String(abs.extra?.startDate ?? abs.period!.from);
  const end = abs.asOf;
  const rising = abs.value > 0;
  const kind = s.meta.unit.kind;
  const [upZh, downZh] = kind === 'price' || kind === 'index' ? ['上涨', '下跌'] : kind === 'currency' || kind === 'count' ? ['增加', '减少'] : ['上升', '下降'];
  const verbZh = abs.value === 0 ? '持平' : rising ? upZh : downZh;
  const verbEn = abs.value === 0 ? 'was unchanged' : rising ? 'rose' : 'fell';
  const startFact = A.valueOn(s, start);
  const endFact = A.valueOn(s, end);
  const [startText, endText] = w.pair(startFact, endFact);
  if (head === pct) {
    w.say(
      `${w.obsDate(start, freq)}至${w.obsDate(end, freq)},${name}${verbZh}${w.abs(pct)}${w.cite(pct)},从${startText}到${endText}${w.cite(startFact, endFact)}。`,
      `From ${w.obsDate(start, freq)} to ${w.obsDate(end, freq)}, ${name} ${verbEn} ${w.abs(pct)}${w.cite(pct)}, from ${startText} to ${endText}${w.cite(startFact, endFact)}.`,
    );
  } else {
    w.say(
      `${w.obsDate(start, freq)}至${w.obsDate(end, freq)},${name}${verbZh}${w.abs(abs)}${w.cite(abs)}${pct ? `(${w.signed(pct)})${w.cite(pct)}` : ''},从${startText}到${endText}${w.cite(startFact, endFact)}。`,
      `From ${w.obsDate(start, freq)} to ${w.obsDate(end, freq)}, ${name} ${verbEn} by ${w.abs(abs)}${w.cite(abs)}${pct ? ` (${w.signed(pct)})${w.cite(pct)}` : ''}, from ${startText} to ${endText}${w.cite(startFact, endFact)}.`,
    );
  }
  if (t.kind === 'range' && t.period) periodNote(ctx, t.period);
  chartFor(ctx, [s], start, end, [startFact, endFact]);
}

/** |a| / |b| as a Fact of its own, so "x times" in the text has lineage like every other number. */
function ratioFact(a: Fact, b: Fact): Fact {
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
function methodNote(w: AnswerWriter, f: Fact): void {
  const d = f.methodDetail ?? '';
  if (/log returns/.test(d)) w.say('计算方法:对数收益率的样本标准差,并年化。', 'Method: sample standard deviation of log returns, annualised.');
  else if (/basis points/.test(d)) w.say('计算方法:日变化(基点)的样本标准差,未年化。', 'Method: sample standard deviation of daily changes in basis points, not annualised.');
  else if (/months elapsed/.test(d)) w.say('计算方法:期末值减期初值,除以经过的月数。', 'Method: end value minus start value, divided by the months elapsed.');
  else if (/standard deviation/.test(d)) w.say('计算方法:样本标准差。', 'Method: sample standard deviation.');
}

function periodNote(ctx: ExecContext, p: NamedPeriod): void {
  ctx.w.say(`“${p.name.zh}”按${p.basis.zh}界定。`, `"${p.name.en}" is dated by the FOMC texts: ${p.basis.en}.`);
}

async function yoyAnswer(ctx: ExecContext, s: LoadedSeries): Promise<void> {
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  const freq = s.meta.frequency;
  const t = plan.time;
  if (t.kind === 'trailing' || t.kind === 'range') {
    const win = windowFor(t, s, 12);
    const ys = A.yoySeries(s, win.from, win.to);
    const pts = A.points(ys);
    if (!pts.length) throw new NoAnswerError({ zh: `${win.label.zh}没有可计算同比的数据。`, en: `No year-over-year values can be computed for ${win.label.en}.` });
    const facts = pts.slice(-Math.min(pts.length, 13)).map((p) => A.yoy(s, p.date));
    const lastF = facts[facts.length - 1]!;
    const firstF = facts[0]!;
    w.fact(lastF);
    w.say(
      `${name}同比:${w.obsDate(lastF.asOf, freq)}为${w.v(lastF)}${w.cite(lastF)}。`,
      `${name}, year over year: ${w.v(lastF)} in ${w.obsDate(lastF.asOf, freq)}${w.cite(lastF)}.`,
    );
    if (facts.length > 1) {
      const listed = facts.length <= 6 ? facts : [firstF, ...facts.slice(-4)];
      w.say(
        `${listed.map((f) => `${w.obsDate(f.asOf, freq)} ${w.v(f)}`).join(',')}${w.cite(...listed)}。`,
        `${listed.map((f) => `${w.obsDate(f.asOf, freq)}: ${w.v(f)}`).join('; ')}${w.cite(...listed)}.`,
      );
      const diff = lastF.value - firstF.value;
      w.say(
        `期间同比${diff > 0 ? '上升' : diff < 0 ? '下降' : '持平'}${w.num(Math.abs(lastF.value - firstF.value))}个百分点(${w.v(firstF)}→${w.v(lastF)})。`,
        `Over the period the year-over-year rate ${diff > 0 ? 'rose' : diff < 0 ? 'fell' : 'was unchanged'} by ${w.num(Math.abs(diff))} percentage points (${w.v(firstF)} → ${w.v(lastF)}).`,
      );
    }
    chartFor(ctx, [ys as LoadedSeries], ys.observations[0]?.date, lastF.asOf, [lastF]);
    return;
  }
  const date = t.kind === 'point' ? t.to : undefined;
  const f = A.yoy(s, date && !(t.kind === 'point' && t.relative && t.from > (s.meta.lastDate ?? '')) ? date : undefined);
  w.say(`${w.obsDate(f.asOf, freq)},${name}同比${f.value >= 0 ? '上涨' : '下降'}${w.abs(f)}${w.cite(f)}。`, `In ${w.obsDate(f.asOf, freq)}, ${name} was ${f.value >= 0 ? 'up' : 'down'} ${w.abs(f)} year over year${w.cite(f)}.`);
  try {
    const prevPoint = A.points(s).filter((p) => p.date < f.asOf).at(-1);
    if (prevPoint) {
      const prev = A.yoy(s, prevPoint.date);
      w.say(`前一期(${w.obsDate(prev.asOf, freq)})为${w.v(prev)}${w.cite(prev)}。`, `The previous reading (${w.obsDate(prev.asOf, freq)}) was ${w.v(prev)}${w.cite(prev)}.`);
    }
    const yearAgo = A.yoy(s, A.addYears(f.asOf, -1));
    w.say(`一年前(${w.obsDate(yearAgo.asOf, freq)})为${w.v(yearAgo)}${w.cite(yearAgo)}。`, `A year earlier (${w.obsDate(yearAgo.asOf, freq)}) it was ${w.v(yearAgo)}${w.cite(yearAgo)}.`);
  } catch (err) {
    if (!A.isNoDataError(err)) throw err;
  }
  const ys = A.yoySeries(s, A.addYears(f.asOf, -5), f.asOf);
  chartFor(ctx, [ys as LoadedSeries], ys.observations[0]?.date, f.asOf, [f]);
}

async function inversion(ctx: ExecContext, s: LoadedSeries): Promise<void> {
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  const win = windowFor(plan.time, s, 'all');
  const res = A.inversionEpisodes(s, 0, { ...(win.from ? { from: win.from } : {}), ...(win.to ? { to: win.to } : {}), minDays: 1 });
  if (!res.episodes.length) {
    w.say(`${win.label.zh}${name}没有出现倒挂(低于0)。`, `${name} did not invert (fall below 0) in ${win.label.en}.`);
    chartFor(ctx, [s], win.from, win.to);
    return;
  }
  // Without a period people mean the last major inversion: the longest episode of the past ten years.
  const recent = res.episodes.filter((e) => e.end >= A.addYears(s.meta.lastDate!, -10));
  const ep = plan.first ? res.first! : win.from || !recent.length ? res.longest! : recent.reduce((a, b) => (b.days > a.days ? b : a));
  const minFact = A.min(s, ep.start, ep.end);
  const startFact = A.valueOn(s, ep.start);
  w.fact(plan.first ? startFact : minFact);
  w.say(
    `${name}于${w.date(ep.start)}转为倒挂(${w.v(startFact)})${w.cite(startFact)},最深在${w.date(minFact.asOf)}达到${w.v(minFact)}${w.cite(minFact)}${ep.ongoing ? ',目前仍处于倒挂' : `,至${w.date(ep.recoveredOn ?? ep.end)}结束倒挂`}。`,
    `${name} inverted on ${ep.start} (${w.v(startFact)})${w.cite(startFact)}; it was deepest on ${minFact.asOf} at ${w.v(minFact)}${w.cite(minFact)}${ep.ongoing ? ' and is still inverted' : `, and the inversion ended on ${ep.recoveredOn ?? ep.end}`}.`,
  );
  const daysFact: Fact = {
    id: `${s.meta.id}:episode:below0:${ep.start}:${ep.end}:days`,
    value: ep.days,
    unit: A.DAYS,
    label: { zh: `${name} 倒挂持续天数(${ep.start} 至 ${ep.end})`, en: `${name} days inverted (${ep.start} to ${ep.end})` },
    asOf: ep.end,
    period: { from: ep.start, to: ep.end },
    method: 'count',
    methodDetail: `calendar days from ${ep.start} to ${ep.end}, inclusive`,
    seriesId: s.meta.id,
    inputs: [{ seriesId: s.meta.id, from: ep.start, to: ep.end }],
    sourceIds: [],
  };
  w.say(`该次倒挂持续${ep.days}天${w.cite(daysFact)}。`, `That inversion lasted ${ep.days} day${ep.days === 1 ? '' : 's'}${w.cite(daysFact)}.`);
  const countFact = res.facts.find((f) => f.id.includes(':episodes:'));
  const others = res.episodes.filter((e) => e !== ep);
  if (others.length && countFact) {
    const last = others[others.length - 1]!;
    w.say(
      `(区间内共出现${countFact.value}次倒挂${w.cite(countFact)};另一次最近的倒挂始于${w.date(last.start)}。)`,
      `(${countFact.value} inversions in all in the period${w.cite(countFact)}; the most recent other one began on ${last.start}.)`,
    );
  }
  chartFor(ctx, [s], A.addMonths(ep.start, -6), ep.recoveredOn ?? ep.end, [minFact]);
}

/** Runoff against the cap: only for the Fed's Treasury and MBS holdings during a QT2 cap regime. */
function capComparison(ctx: ExecContext, s: LoadedSeries, monthly: Fact): void {
  const kind = s.meta.id === 'TREAST' ? 'treasury' : s.meta.id === 'WSHOMCB' ? 'mbs' : null;
  if (!kind || !monthly.period) return;
  const regimes = QT2_CAP_REGIMES.filter((r) => r.from <= monthly.period!.to && r.to >= monthly.period!.from);
  if (regimes.length !== 1) return;
  const r = regimes[0]!;
  const cap = kind === 'treasury' ? r.treasuryCapBillions : r.mbsCapBillions;
  const src = ctx.w.document({ id: `cap:${r.id}`, title: r.citation.title, url: r.citation.url, date: r.citation.date, quote: r.citation.quote });
  const runoffBillions = Math.abs(monthly.value * s.meta.unit.scale) / 1e9;
  ctx.w.say(
    `同期月度上限为${cap * 10}亿美元${ctx.w.citeDoc(src)},实际缩减约为上限的${ctx.w.num((runoffBillions / cap) * 100, 0)}%。`,
    `The monthly cap in that period was $${cap} billion${ctx.w.citeDoc(src)}; the actual runoff was about ${ctx.w.num((runoffBillions / cap) * 100, 0)}% of the cap.`,
  );
}

// ---- two series -----------------------------------------------------------------------------------------

async function twoSeries(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  const [a, b] = await Promise.all([load(ctx, plan.subjects[0]!), load(ctx, plan.subjects[1]!)]);
  const date = plan.time.kind === 'point' ? (plan.time.precision === 'day' ? plan.time.date : plan.time.to) : undefined;
  const na = w.name(a.meta);
  const nb = w.name(b.meta);
  if (plan.measure === 'ratio') {
    const f = A.ratio(a, b, date);
    w.say(`${w.date(f.asOf)},${na}与${nb}之比为${w.v(f)}${w.cite(f)}。`, `On ${f.asOf}, the ratio of ${na} to ${nb} was ${w.v(f)}${w.cite(f)}.`);
    chartFor(ctx, [a, b], A.addYears(f.asOf, -3), f.asOf);
    return;
  }
  const bp = Boolean(plan.inBasisPoints);
  if (plan.time.kind === 'range' || plan.time.kind === 'trailing') {
    const win = windowFor(plan.time, a, 12);
    const ss = A.spreadSeries(a, b, { ...(win.from ? { from: win.from } : {}), ...(win.to ? { to: win.to } : {}), bp });
    const last = w.fact(A.latest(ss));
    const avg = A.average(ss, win.from, win.to);
    w.say(
      `${na}减${nb}的利差:${w.date(last.asOf)}为${w.v(last)}${w.cite(last)};${w.date(avg.period!.from)}至${w.date(avg.period!.to)}平均为${w.v(avg)}${w.cite(avg)}。`,
      `The spread of ${na} over ${nb} was ${w.v(last)} on ${last.asOf}${w.cite(last)}; from ${avg.period!.from} to ${avg.period!.to} it averaged ${w.v(avg)}${w.cite(avg)}.`,
    );
    chartFor(ctx, [ss as LoadedSeries], win.from, win.to, [last]);
    return;
  }
  const f = w.fact(A.spread(a, b, date, { bp }));
  const va = A.valueOn(a, f.asOf);
  const vb = A.valueOn(b, f.asOf);
  w.say(
    `${w.date(f.asOf)},${na}减${nb}的利差为${w.v(f)}${w.cite(f)}。其中${na}为${w.v(va)}${w.cite(va)};${nb}为${w.v(vb)}${w.cite(vb)}。`,
    `On ${f.asOf}, ${na} minus ${nb} was ${w.v(f)}${w.cite(f)}. ${na[0]!.toUpperCase()}${na.slice(1)} was ${w.v(va)}${w.cite(va)}; ${nb} was ${w.v(vb)}${w.cite(vb)}.`,
  );
  try {
    const ss = A.spreadSeries(a, b, { from: A.addYears(f.asOf, -1), to: f.asOf, bp });
    const avg = A.average(ss);
    w.say(`过去一年平均为${w.v(avg)}${w.cite(avg)}。`, `Over the past year it averaged ${w.v(avg)}${w.cite(avg)}.`);
    chartFor(ctx, [ss as LoadedSeries], ss.observations[0]?.date, f.asOf, [f]);
  } catch (err) {
    if (!A.isNoDataError(err)) throw err;
  }
}

async function correlation(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  if (plan.subjects.length < 2) throw new NoAnswerError({ zh: '相关性需要两个序列。', en: 'A correlation needs two series.' });
  const [a, b] = await Promise.all([load(ctx, plan.subjects[0]!), load(ctx, plan.subjects[1]!)]);
  // Trailing windows end at the last date both series have.
  const common = [a.meta.lastDate ?? '', b.meta.lastDate ?? ''].sort()[0]!;
  const win = windowFor(plan.time, { ...a, meta: { ...a.meta, lastDate: common } }, 36);
  const levels = A.correlation(a, b, win.from, win.to, { on: 'levels' });
  const changes = A.correlation(a, b, win.from, win.to, { on: 'changes' });
  const na = w.name(a.meta);
  const nb = w.name(b.meta);
  w.fact(levels);
  w.say(
    `${w.date(levels.period!.from)}至${w.date(levels.period!.to)},${na}与${nb}水平值的相关系数为${w.v(levels)}${w.cite(levels)};按变化计算的相关系数为${w.v(changes)}${w.cite(changes)}。`,
    `From ${levels.period!.from} to ${levels.period!.to}, the correlation between the levels of ${na} and ${nb} was ${w.v(levels)}${w.cite(levels)}; on changes it was ${w.v(changes)}${w.cite(changes)}.`,
  );
  w.say('计算方法:皮尔逊相关系数,按共同日期对齐(频率不同时取较低频率日期上的最近值)。', 'Method: Pearson correlation on dates common to both series (for different frequencies, the last value on or before each lower-frequency date).');
  chartFor(ctx, [a, b], levels.period!.from, levels.period!.to);
}

// ---- comparisons ------------------------------------------------------------------------------------------

function periodStat(m: Measure | undefined): A.PeriodStat {
  switch (m) {
    case 'avg_monthly_change':
      return 'average_monthly_change';
    case 'volatility':
      return 'volatility';
    case 'stdev':
      return 'stdev';
    case 'max':
      return 'max';
    case 'min':
      return 'min';
    case 'change':
      return 'change';
    case 'percent_change':
      return 'percent_change';
    default:
      return 'average';
  }
}

async function comparePeriods(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  const s = await subjectSeries(ctx, plan.subjects[0]!);
  const name = w.name(s.meta);
  // Two named periods (QT1 vs QT2), a named period against the rest, or any two windows (2022年和2024年).
  const named = plan.timeMatches.map((m) => m.spec).filter((t): t is Extract<TimeSpec, { kind: 'range' }> => t.kind === 'range' && Boolean(t.period));
  const all = plan.timeMatches.map((m) => m.spec).filter((t) => t.kind === 'range' || t.kind === 'point');
  const use = named.length >= 2 || (plan.versusOutside && named.length) ? named : all;
  const toSpec = (t: TimeSpec): A.PeriodSpec => {
    const win = statWindow(t, s, 'all');
    return { from: win.from!, ...(win.to ? { to: win.to } : {}), label: win.label };
  };
  if (use.length >= 2 && use.every((t) => t.kind === 'point' && t.precision === 'day')) {
    // Two dates: compare the values on them (the last observation on or before each).
    const [x, y] = use.slice(0, 2).map((t) => A.valueOn(s, (t as Extract<TimeSpec, { kind: 'point' }>).date));
    const ch = A.change(s, x!.asOf, y!.asOf);
    w.fact(x!);
    w.say(
      `${name}:${w.obsDate(x!.asOf, s.meta.frequency)}为${w.v(x!)}${w.cite(x!)},${w.obsDate(y!.asOf, s.meta.frequency)}为${w.v(y!)}${w.cite(y!)},变化${w.signed(ch)}${w.cite(ch)}。`,
      `${name}: ${w.v(x!)} in ${w.obsDate(x!.asOf, s.meta.frequency)}${w.cite(x!)} versus ${w.v(y!)} in ${w.obsDate(y!.asOf, s.meta.frequency)}${w.cite(y!)}, a change of ${w.signed(ch)}${w.cite(ch)}.`,
    );
    chartFor(ctx, [s], A.addYears(x!.asOf, -1), y!.asOf, [x!, y!]);
    return;
  }
  const stat = periodStat(plan.compareStat);
  const tA = use[0]!;
  const pA = toSpec(tA);
  const pB: A.PeriodSpec = plan.versusOutside ? A.outsidePeriod(s, { from: (pA as { from: IsoDate }).from, ...((pA as { to?: IsoDate }).to ? { to: (pA as { to: IsoDate }).to } : {}) }) : toSpec(use[1]!);
  const res = A.comparePeriods(s, pA, pB, stat);
  const a = plan.inBasisPoints && stat === 'stdev' ? asBp(res.a) : res.a;
  const b = plan.inBasisPoints && stat === 'stdev' ? asBp(res.b) : res.b;
  w.fact(a);
  const label = (t: TimeSpec) => ('label' in t ? w.t(t.label.zh, t.label.en) : '');
  const labelA = label(tA);
  const labelB = plan.versusOutside ? w.t('其余时期', 'the rest of the history') : label(use[1]!);
  const statName = w.t(
    { average_monthly_change: '平均每月变化', volatility: '波动率', stdev: '标准差', average: '平均值', max: '最高值', min: '最低值', change: '变化', percent_change: '变化率', sum: '合计' }[stat],
    { average_monthly_change: 'average monthly change', volatility: 'volatility', stdev: 'standard deviation', average: 'average', max: 'maximum', min: 'minimum', change: 'change', percent_change: 'percent change', sum: 'sum' }[stat],
  );
  w.say(
    `${name}的${statName}:${labelA}为${w.v(a)}${w.cite(a)},${labelB}为${w.v(b)}${w.cite(b)}。`,
    `${name}, ${statName}: ${w.v(a)} in ${labelA}${w.cite(a)} versus ${w.v(b)} in ${labelB}${w.cite(b)}.`,
  );
  const bigger = Math.abs(a.value) > Math.abs(b.value);
  const times = b.value !== 0 ? ratioFact(a, b) : null;
  w.say(
    `${labelA}${bigger ? '高于' : '低于'}${labelB}${times ? `,约为后者的${w.num(times.value, 2)}倍${w.cite(times)}` : ''}。`,
    `${labelA} is ${bigger ? 'higher' : 'lower'} than ${labelB}${times ? `, about ${w.num(times.value, 2)} times as large${w.cite(times)}` : ''}.`,
  );
  methodNote(w, a);
  for (const t of use.slice(0, plan.versusOutside ? 1 : 2)) if (t.kind === 'range' && t.period) periodNote(ctx, t.period);
  const starts = [pA, pB].map((p) => ('from' in p ? p.from : undefined)).filter((x): x is IsoDate => Boolean(x)).sort();
  chartFor(ctx, [s], starts[0], undefined, [a, b]);
}

async function compareEntities(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  const series = await Promise.all(plan.subjects.slice(0, 4).map((s) => load(ctx, s)));
  const stat = plan.compareStat ?? 'percent_change';
  const facts: Array<{ s: LoadedSeries; f: Fact }> = [];
  for (const s of series) {
    const win = windowFor(plan.time, s, 12);
    let f: Fact;
    if (stat === 'percent_change' || stat === 'change') {
      f = stat === 'change' ? A.change(s, win.from!, win.to, win.fromBefore ? { fromPolicy: 'on_or_before' } : {}) : A.percentChange(s, win.from!, win.to, win.fromBefore ? { fromPolicy: 'on_or_before' } : {});
    } else if (stat === 'volatility') f = A.volatility(s, win.from, win.to);
    else if (stat === 'drawdown') f = A.drawdown(s, win.from, win.to).max;
    else if (stat === 'max') f = A.max(s, win.from, win.to);
    else if (stat === 'min') f = A.min(s, win.from, win.to);
    else if (stat === 'yoy') f = A.yoy(s);
    else if (stat === 'average') f = A.average(s, win.from, win.to);
    else f = A.percentChange(s, win.from!, win.to, win.fromBefore ? { fromPolicy: 'on_or_before' } : {});
    facts.push({ s, f });
  }
  // facts[0] is the first-mentioned subject; the text says which did better.
  for (const { f } of facts) w.fact(f);
  for (const { s, f } of facts) {
    w.say(`${w.name(s.meta)}:${periodText(w, f)},${w.signed(f)}${w.cite(f)}。`, `${w.name(s.meta)}: ${w.signed(f)} (${periodText(w, f)})${w.cite(f)}.`);
  }
  if (facts.length >= 2) {
    const sorted = [...facts].sort((x, y) => y.f.value - x.f.value);
    const top = sorted[0]!;
    const higherWord = stat === 'volatility' || stat === 'drawdown' ? w.t('数值更高', 'higher') : w.t('表现更强', 'did better');
    w.say(`${w.name(top.s.meta)}${higherWord}。`, `${w.name(top.s.meta)} ${higherWord}.`);
  }
  const win = windowFor(plan.time, series[0]!, 12);
  chartFor(ctx, series, win.from, win.to);
}

// ---- companies ---------------------------------------------------------------------------------------------

async function fundamental(ctx: ExecContext): Promise<void> {
  const { w, plan, data } = ctx;
  const fm = plan.fundamental!;
  const companies = plan.subjects.filter((s) => s.type === 'company');
  for (const c of companies.slice(0, 3)) {
    const ticker = (c as Extract<Subject, { type: 'company' }>).ticker;
    const priceMeta = await data.meta(c.seriesId).catch(() => undefined);
    const companyName = priceMeta ? w.name(priceMeta).replace(/[((].*$/, '').replace(/ daily close$|日收盘价$/, '').trim() : ticker;
    let s: A.SeriesData | null;
    if (fm.metric.kind === 'item') {
      s = await data.fundamentalSeries(ticker, fm.metric.statement, fm.metric.item, fm.period);
    } else {
      const [num, den] = await Promise.all([data.fundamentalSeries(ticker, 'income', fm.metric.numerator, fm.period), data.fundamentalSeries(ticker, 'income', fm.metric.denominator, fm.period)]);
      s = num && den ? (A.ratioSeries(num, den, { asPercent: true }) as A.SeriesData) : null;
      if (s) s = { ...s, meta: { ...s.meta, title: { zh: `${companyName} ${fm.metric.label.zh}`, en: `${companyName} ${fm.metric.label.en}` } } };
    }
    if (!s || !A.points(s).length) {
      throw new NoAnswerError({ zh: `数据库中没有${companyName}的${fm.metric.label.zh}数据。`, en: `The database has no ${fm.metric.label.en} data for ${companyName}.` });
    }
    const src = { kind: 'series' as const, title: w.t(`${companyName} 财务报表(${fm.period === 'annual' ? '年度' : '季度'})`, `${companyName} financial statements (${fm.period})`), publisher: w.t('雅虎财经(公司财报数据)', 'Yahoo Finance (company filings data)'), url: `https://finance.yahoo.com/quote/${ticker.replace('.', '-')}/financials` };
    const reg = (f: Fact) => w.factWithSource(f, { ...src, date: f.asOf });
    const pts = A.points(s);
    const last = reg(A.latest(s));
    const label = w.t(fm.metric.label.zh, fm.metric.label.en);
    const periodName = (d: IsoDate) => (fm.period === 'annual' ? w.t(`截至${w.month(d)}的财年`, `fiscal year ended ${d}`) : w.t(`截至${w.month(d)}的季度`, `quarter ended ${d}`));
    const win = windowFor(plan.time, s as LoadedSeries, 'all');
    const growthAsked = plan.compareStat === 'change' || plan.compareStat === 'percent_change' || plan.compareStat === 'annualized_growth' || plan.compareStat === 'yoy';
    if (growthAsked && pts.length >= 2) {
      const fromDate = win.from && plan.time.kind !== 'latest' ? win.from : pts[pts.length - 2]!.date;
      const startPt = pts.find((p) => p.date >= A.addDays(fromDate, -45)) ?? pts[0]!;
      const pct = reg(A.percentChange(s, startPt.date, last.asOf));
      const first = reg(A.valueOn(s, startPt.date));
      w.say(
        `${companyName}${label}从${periodName(first.asOf)}的${w.v(first)}增至${periodName(last.asOf)}的${w.v(last)},${pct.value >= 0 ? '增长' : '下降'}${w.abs(pct)}${w.cite(first, last, pct)}。`.replace('增至', pct.value >= 0 ? '增至' : '降至'),
        `${companyName}'s ${label} went from ${w.v(first)} (${periodName(first.asOf)}) to ${w.v(last)} (${periodName(last.asOf)}), ${pct.value >= 0 ? 'up' : 'down'} ${w.abs(pct)}${w.cite(first, last, pct)}.`,
      );
      w.facts.unshift(w.facts.splice(w.facts.indexOf(pct), 1)[0]!);
    } else {
      const listed = pts.slice(-5).map((p) => reg(A.valueOn(s!, p.date)));
      w.say(
        `${companyName}${label}:${periodName(last.asOf)}为${w.v(last)}${w.cite(last)}。`,
        `${companyName}'s ${label} was ${w.v(last)} in the ${periodName(last.asOf)}${w.cite(last)}.`,
      );
      if (listed.length > 1) {
        w.say(
          `${companyName}${label}最近几期:${listed.map((f) => `${w.month(f.asOf)} ${w.v(f)}`).join(',')}${w.cite(...listed)}。`,
          `${companyName}'s ${label} in recent periods: ${listed.map((f) => `${f.asOf} ${w.v(f)}`).join(', ')}${w.cite(...listed)}.`,
        );
      }
    }
    w.charts.push(lineChart([s as LoadedSeries], w.lang, undefined, undefined, [last]));
  }
  w.say('财务数据来自公司报表的汇总数据(雅虎财经),以公司向SEC提交的文件为准。', 'Statement figures are Yahoo Finance summaries of company filings; the SEC filings are authoritative.');
}

// ---- policy (FOMC documents and decisions) ------------------------------------------------------------------

async function policy(ctx: ExecContext): Promise<void> {
  const { w, plan, data } = ctx;
  const topic = plan.policy!;
  const qt2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
  const qt1 = NAMED_PERIODS.find((p) => p.id === 'qt1')!;
  const cite = async (c: { date: IsoDate; title: string; url: string; quote: string }) => {
    const doc = await data.documentWithQuote(c.date, c.quote);
    return w.document({ id: doc?.id ?? `${c.date}:${c.url}`, title: doc?.title ?? c.title, url: doc?.url ?? c.url, date: c.date, quote: c.quote });
  };
  if (topic === 'qt_end' || topic === 'qt_start') {
    const [start, end] = qt2.citations;
    const sStart = await cite(start!);
    const sEnd = await cite(end!);
    const walcl = await data.series('WALCL');
    const ch = A.change(walcl, qt2.from, qt2.to);
    const pct = A.percentChange(walcl, qt2.from, qt2.to);
    if (topic === 'qt_end') {
      w.say(
        `美联储在${w.date(end!.date)}的FOMC声明中宣布于12月1日结束缩表(“${end!.quote}”)${w.citeDoc(sEnd)}。本轮缩表自2022年6月1日开始${w.citeDoc(sStart)}。`,
        `The FOMC announced on ${end!.date} that it would end the runoff on December 1, 2025 ("${end!.quote}")${w.citeDoc(sEnd)}. This round of QT had begun on June 1, 2022${w.citeDoc(sStart)}.`,
      );
    } else {
      w.say(
        `本轮缩表于2022年6月1日开始,依据是${w.date(start!.date)}发布的缩表计划(“${start!.quote}”)${w.citeDoc(sStart)};上一轮(QT1)于2017年10月启动${w.citeDoc(await cite(qt1.citations[0]!))}。`,
        `This round of QT began on June 1, 2022 under the plan published on ${start!.date} ("${start!.quote}")${w.citeDoc(sStart)}; the previous round (QT1) began in October 2017${w.citeDoc(await cite(qt1.citations[0]!))}.`,
      );
    }
    w.fact(ch);
    w.say(
      `按H.4.1数据,缩表期间(${w.date(ch.period!.from)}至${w.date(ch.period!.to)})美联储总资产减少${w.abs(ch)}(${w.signed(pct)})${w.cite(ch, pct)}。`,
      `Per the H.4.1 data, total assets fell by ${w.abs(ch)} (${w.signed(pct)}) between ${ch.period!.from} and ${ch.period!.to}${w.cite(ch, pct)}.`,
    );
    chartFor(ctx, [walcl], '2021-01-01', undefined, [ch]);
    return;
  }
  if (topic === 'qt_caps') {
    const rows: string[] = [];
    for (const r of QT2_CAP_REGIMES) {
      const src = await cite(r.citation);
      rows.push(
        w.t(
          `- ${w.month(r.from)}–${w.month(r.to)}:国债每月上限${r.treasuryCapBillions * 10}亿美元,MBS每月上限${r.mbsCapBillions * 10}亿美元(${w.date(r.citation.date)}宣布)${w.citeDoc(src)}`,
          `- ${r.from.slice(0, 7)} to ${r.to.slice(0, 7)}: Treasuries $${r.treasuryCapBillions} billion a month, MBS $${r.mbsCapBillions} billion a month (announced ${r.citation.date})${w.citeDoc(src)}`,
        ),
      );
    }
    w.say('本轮缩表(QT2)的每月赎回上限及调整:', 'Monthly redemption caps of QT2 and how they changed:');
    w.paragraphs.push(rows.join('\n'));
    // How much MBS actually ran off under the full cap, computed from the data.
    const mbs = await data.series('WSHOMCB');
    const full = QT2_CAP_REGIMES.find((r) => r.id === 'qt2_full')!;
    const m = A.averageMonthlyChange(mbs, full.from, full.to);
    w.fact(m);
    w.say(
      `实际数据:${w.date(m.period!.from)}至${w.date(m.period!.to)},美联储MBS持有量平均每月减少${w.abs(m)}${w.cite(m)},低于350亿美元的上限${w.citeDoc(await cite(full.citation))}——提前还款慢使MBS缩减长期低于上限。`,
      `In the data: from ${m.period!.from} to ${m.period!.to}, the Fed's MBS holdings fell by an average of ${w.abs(m)} a month${w.cite(m)}, below the $35 billion cap${w.citeDoc(await cite(full.citation))} — slow prepayments kept MBS runoff under its cap.`,
    );
    w.say(`${w.date(qt2.citations[1]!.date)}的声明宣布于12月1日结束缩表${w.citeDoc(await cite(qt2.citations[1]!))}。`, `The ${qt2.citations[1]!.date} statement ended the runoff on December 1${w.citeDoc(await cite(qt2.citations[1]!))}.`);
    chartFor(ctx, [mbs], '2022-01-01', undefined, [m]);
    return;
  }
  // Rate decisions: dates from the decision record, sizes computed from FRED's target-range series.
  const allDecisions = await data.decisions();
  const upper = await data.series('DFEDTARU');
  const lower = await data.series('DFEDTARL');
  const t = plan.time;
  const inWindow = (date: IsoDate) => (t.kind === 'point' || t.kind === 'range' ? date >= t.from && (!('to' in t) || !t.to || date <= t.to) : true);
  const decisions = allDecisions.filter((d) => inWindow(d.date));
  if (topic === 'count_decisions') return countDecisions(ctx, decisions, allDecisions);
  const action = plan.decisionAction ?? (topic === 'last_cut' ? 'cut' : topic === 'last_hike' ? 'hike' : undefined);
  const pick = action ? decisions.filter((d) => d.action === action) : decisions.filter((d) => d.action !== 'operational');
  const d = pick[pick.length - 1];
  const lastUpper = A.latest(upper);
  if (!d && topic !== 'target_range') {
    throw new NoAnswerError({ zh: `所问时期内没有${action === 'cut' ? '降息' : action === 'hike' ? '加息' : '利率决议'}。`, en: `There was no ${action ?? 'rate decision'} in that period.` });
  }
  if (d && d.date > (upper.meta.lastDate ?? '') && d.upper !== null && d.lower !== null && topic !== 'target_range') {
    // The decision is newer than the FRED data: its range comes from the decision record (the statement).
    const prev = decisions.filter((x) => x.date < d.date && x.upper !== null).at(-1);
    const doc = { kind: 'document' as const, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: d.url ?? 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm', date: d.date };
    const mk = (id: string, value: number, unit: Fact['unit'], zh: string, en: string, method: Fact['method']): Fact => ({ id, value, unit, label: { zh, en }, asOf: d.date, method, inputs: [], sourceIds: [] });
    const up = w.factWithSource(mk(`FOMC:${d.date}:upper`, d.upper, A.PERCENT, '目标区间上限', 'target range, upper bound', 'document'), doc);
    const lo = w.factWithSource(mk(`FOMC:${d.date}:lower`, d.lower, A.PERCENT, '目标区间下限', 'target range, lower bound', 'document'), doc);
    const size = prev ? w.factWithSource({ ...mk(`FOMC:${d.date}:size`, Math.round((d.upper - prev.upper!) * 10000) / 100, A.BASIS_POINTS, '调整幅度', 'size of the move', 'change'), methodDetail: `upper bound after the ${d.date} decision minus upper bound after the ${prev.date} decision` }, doc) : null;
    if (size) w.facts.unshift(w.facts.splice(w.facts.indexOf(size), 1)[0]!);
    const verbZh = d.action === 'hike' ? '加息' : '降息';
    w.say(
      `最近一次${verbZh}是在${w.date(d.date)}的FOMC会议${size ? `,幅度${w.abs(size)}` : ''},目标区间调整为${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}。`,
      `The last ${d.action === 'hike' ? 'hike' : 'cut'} was at the FOMC meeting on ${d.date}${size ? `: ${w.abs(size)}` : ''}, taking the target range to ${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}.`,
    );
    w.say(
      `FRED的目标区间序列截至${w.date(lastUpper.asOf)},尚未包含这次决定;此前区间上限为${w.v(lastUpper)}${w.cite(lastUpper)}。`,
      `FRED's target-range series ends on ${lastUpper.asOf} and does not include this decision yet; before it the upper bound was ${w.v(lastUpper)}${w.cite(lastUpper)}.`,
    );
    chartFor(ctx, [upper, lower], A.addYears(d.date, -3));
    return;
  }
  if (topic === 'target_range' || !d || d.date > (upper.meta.lastDate ?? '')) {
    const latestDecision = allDecisions.filter((x) => x.action !== 'operational' && x.upper !== null).at(-1);
    const lastLower = A.latest(lower);
    w.fact(lastUpper);
    w.say(
      `截至${w.date(lastUpper.asOf)},联邦基金利率目标区间为${w.v(lastLower)}–${w.v(lastUpper)}${w.cite(lastLower, lastUpper)}。`,
      `As of ${lastUpper.asOf}, the federal funds target range is ${w.v(lastLower)} to ${w.v(lastUpper)}${w.cite(lastLower, lastUpper)}.`,
    );
    for (const x of allDecisions.filter((y) => y.date > lastUpper.asOf && y.action !== 'operational' && y.upper !== null && y.lower !== null)) {
      const doc = { kind: 'document' as const, title: w.t(`FOMC声明 ${x.date}`, `FOMC statement ${x.date}`), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: x.url ?? 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm', date: x.date };
      const mk = (id: string, value: number, zh: string, en: string): Fact => ({ id, value, unit: A.PERCENT, label: { zh, en }, asOf: x.date, method: 'document', inputs: [], sourceIds: [] });
      const up = w.factWithSource(mk(`FOMC:${x.date}:upper`, x.upper!, '目标区间上限', 'target range, upper bound'), doc);
      const lo = w.factWithSource(mk(`FOMC:${x.date}:lower`, x.lower!, '目标区间下限', 'target range, lower bound'), doc);
      const act = x.action === 'hike' ? w.t('加息', 'raised the range') : x.action === 'cut' ? w.t('降息', 'cut the range') : w.t('维持不变', 'kept the range');
      w.say(
        `FRED数据截至${w.date(lastUpper.asOf)};此后${w.date(x.date)}的FOMC会议${act},目标区间为${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}。`,
        `FRED's data ends on ${lastUpper.asOf}; at its meeting on ${x.date} the FOMC ${act} to ${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}.`,
      );
      if (x === latestDecision) w.facts.unshift(w.facts.splice(w.facts.indexOf(up), 1)[0]!);
    }
    chartFor(ctx, [upper, lower], '2021-01-01');
    return;
  }
  const before = A.valueOn(upper, A.addDays(d.date, -1));
  const after = A.valueOn(upper, A.addDays(d.date, 1), { policy: 'on_or_after' });
  const size = A.toBasisPoints(A.change(upper, before.asOf, after.asOf));
  const afterLower = A.valueOn(lower, after.asOf);
  const src = d.url ? w.document({ id: `decision:${d.date}`, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), url: d.url, date: d.date }) : null;
  w.fact(size);
  const verbZh = d.action === 'hike' ? '加息' : d.action === 'cut' ? '降息' : '调整';
  w.say(
    `最近一次${verbZh}是在${w.date(d.date)}的FOMC会议${src ? w.citeDoc(src) : ''},幅度${w.abs(size)}${w.cite(size)},目标区间调整为${w.v(afterLower)}–${w.v(after)}${w.cite(afterLower, after)}。`,
    `The last ${d.action === 'hike' ? 'hike' : 'cut'} was at the FOMC meeting on ${d.date}${src ? w.citeDoc(src) : ''}: ${w.abs(size)}${w.cite(size)}, taking the target range to ${w.v(afterLower)}–${w.v(after)}${w.cite(afterLower, after)}.`,
  );
  chartFor(ctx, [upper, lower], A.addYears(d.date, -3));
}

/** "2022年加息了几次": count decisions of one kind in the period, from the decision record. */
function countDecisions(ctx: ExecContext, decisions: Array<{ date: IsoDate; action: string; lower: number | null; upper: number | null; url: string | null }>, all: typeof decisions): void {
  const { w, plan } = ctx;
  const action = plan.decisionAction ?? 'hike';
  const hits = decisions.filter((d) => d.action === action);
  const t = plan.time;
  const label = 'label' in t ? w.t(t.label.zh, t.label.en) : w.t('有记录以来', 'in the record');
  const from = decisions[0]?.date ?? all[0]!.date;
  const to = decisions.at(-1)?.date ?? all.at(-1)!.date;
  const f: Fact = {
    id: `FOMC:count:${action}:${from}:${to}`,
    value: hits.length,
    unit: { kind: 'count', scale: 1, label: 'Meetings' },
    label: { zh: `FOMC ${action === 'hike' ? '加息' : action === 'cut' ? '降息' : '维持利率'}次数(${from} 至 ${to})`, en: `FOMC ${action === 'hike' ? 'hikes' : action === 'cut' ? 'cuts' : 'holds'} (${from} to ${to})` },
    asOf: to,
    period: { from, to },
    method: 'count',
    methodDetail: `number of scheduled and unscheduled FOMC decisions with action "${action}" between ${from} and ${to} in the decision record`,
    inputs: [],
    sourceIds: [],
  };
  const src = { kind: 'document' as const, title: w.t('FOMC利率决议记录(各次会议声明)', 'FOMC rate decisions (meeting statements)'), publisher: w.t('美联储FOMC', 'Federal Reserve FOMC'), url: 'https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm', date: to };
  const fact = w.factWithSource(f, src);
  const verb = w.t(action === 'hike' ? '加息' : action === 'cut' ? '降息' : '维持利率不变', action === 'hike' ? 'raised rates' : action === 'cut' ? 'cut rates' : 'left rates unchanged');
  w.say(`${label},FOMC共${verb}${hits.length}次${w.cite(fact)}。`, `In ${label}, the FOMC ${verb} ${hits.length} time${hits.length === 1 ? '' : 's'}${w.cite(fact)}.`);
  if (hits.length && hits.length <= 12) {
    const lines = hits.map((d) => {
      const src2 = d.url ? w.document({ id: `decision:${d.date}`, title: w.t(`FOMC声明 ${d.date}`, `FOMC statement ${d.date}`), url: d.url, date: d.date }) : null;
      const lo = d.lower !== null ? w.factWithSource({ id: `FOMC:${d.date}:lower`, value: d.lower, unit: A.PERCENT, label: { zh: '目标区间下限', en: 'target range, lower bound' }, asOf: d.date, method: 'document', inputs: [], sourceIds: [] }, { ...src, date: d.date, ...(d.url ? { url: d.url } : {}) }) : null;
      const up = d.upper !== null ? w.factWithSource({ id: `FOMC:${d.date}:upper`, value: d.upper, unit: A.PERCENT, label: { zh: '目标区间上限', en: 'target range, upper bound' }, asOf: d.date, method: 'document', inputs: [], sourceIds: [] }, { ...src, date: d.date, ...(d.url ? { url: d.url } : {}) }) : null;
      const range = lo && up ? `${w.v(lo)}–${w.v(up)}${w.cite(lo, up)}` : '';
      return `- ${w.date(d.date)}${range ? w.t(`:目标区间 ${range}`, `: target range ${range}`) : ''}${src2 ? w.citeDoc(src2) : ''}`;
    });
    w.paragraphs.push(lines.join('\n'));
  }
}
