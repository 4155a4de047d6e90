// One series: level, value on a date, change, YoY/MoM, statistics, extremes, drawdown, inversion, growth.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import { QT2_CAP_REGIMES } from '../../knowledge/periods.ts';
import type { LoadedSeries } from '../data.ts';
import type { Measure, Subject } from '../plan.ts';
import { countryPairSpread } from '../understand/pairs.ts';
import { asksAnnualizedMonthly, statBasis, thresholdAsk } from '../understand/measure.ts';
import { twoSeries } from './compare.ts';
import { asBp, assertCovered, chartFor, load, DEFAULT_STAT_MONTHS, methodNote, NoAnswerError, percentToBp, periodNote, statWindow, subjectSeries, windowFor, type ExecContext, type Window } from './common.ts';

export async function single(ctx: ExecContext, subject: Subject, measure: Measure): Promise<void> {
  // "中美10年期国债利差": a pair of countries' yields at one tenor is a spread of two series
  const pair = countryPairSpread(ctx.plan.question);
  if (pair && !['correlation', 'ratio'].includes(measure)) {
    const subjects: Subject[] = [
      { type: 'series', seriesId: pair.a, matched: pair.countries[0] },
      { type: 'series', seriesId: pair.b, matched: pair.countries[1] },
    ];
    return twoSeries({ ...ctx, plan: { ...ctx.plan, subjects, measure: 'spread', inBasisPoints: true } });
  }
  const s = await subjectSeries(ctx, subject);
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  if (!s.meta.lastDate) throw new NoAnswerError({ zh: `${name} 没有数据。`, en: `${name} has no data.` });
  assertCovered(ctx, s);
  if (s.meta.frequency === 'monthly' && asksAnnualizedMonthly(plan.question) && ['yoy', 'mom', 'annualized_growth', 'percent_change', 'change', 'level'].includes(measure)) {
    return annualizedMonthly(ctx, plan.transform === 'yoy' ? await load(ctx, subject) : s);
  }
  switch (measure) {
    case 'count_days':
      return countDays(ctx, s);
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
      // what the dispersion is of, when the question says: the level, the changes or the returns; annualised or not
      const basis = measure === 'average' ? { on: null, annualize: null } : statBasis(plan.question);
      const rate = A.isRateUnit(s.meta.unit);
      let f: Fact;
      let what: string;
      if (measure === 'average') {
        f = A.average(s, win.from, win.to);
        what = w.t('平均值', 'average');
      } else if (basis.on === 'levels') {
        f = A.stdev(s, win.from, win.to, { kind: 'sample', on: 'levels' });
        what = w.t('水平值的标准差', 'standard deviation of the level');
      } else if (basis.on === 'changes' || (basis.on === 'returns' && rate)) {
        f = rate && basis.annualize ? A.volatility(s, win.from, win.to, { basis: 'bp_changes', annualize: true }) : A.stdev(s, win.from, win.to, { kind: 'sample', on: 'changes' });
        if (rate) f = asBp(f);
        what = w.t(`${FREQ_ZH[s.meta.frequency] ?? ''}变化的标准差${basis.annualize && rate ? '(年化)' : ''}`, `standard deviation of ${s.meta.frequency} changes${basis.annualize && rate ? ', annualised' : ''}`);
      } else if (basis.on === 'returns') {
        const annualize = basis.annualize ?? false;
        f = A.volatility(s, win.from, win.to, { basis: 'log_returns', annualize });
        what = annualize ? w.t('收益率的年化标准差(年化波动率)', 'annualised standard deviation of returns (volatility)') : w.t(`${FREQ_ZH[s.meta.frequency] ?? ''}收益率的标准差`, `standard deviation of ${s.meta.frequency} returns`);
      } else if (basis.annualize !== null && (measure === 'volatility' || rate)) {
        f = A.volatility(s, win.from, win.to, { annualize: basis.annualize });
        what = basis.annualize ? w.t('年化波动率', 'annualised volatility') : w.t(`${FREQ_ZH[s.meta.frequency] ?? ''}波动率(未年化)`, `${s.meta.frequency} volatility (not annualised)`);
      } else {
        f = measure === 'stdev' ? A.stdev(s, win.from, win.to, { kind: 'sample', on: rate ? 'changes' : 'levels' }) : A.volatility(s, win.from, win.to);
        if (plan.inBasisPoints && measure === 'stdev') f = asBp(f);
        what = measure === 'stdev' ? w.t('标准差', 'standard deviation') : w.t('波动率', 'volatility');
      }
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
  if (ep.recoveredOn) w.vouchDate(ep.recoveredOn); // the recovery date the sentence states, from the same episode computation
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
    w.vouchDate(last.start); // the other episode's start, stated below
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

const FREQ_ZH: Record<string, string> = { daily: '日', weekly: '周', monthly: '月', quarterly: '季', annual: '年' };

/** "10年期收益率超过5%的天数", "days the VIX was above 30 in 2020": observations past the threshold the question names. */
async function countDays(ctx: ExecContext, s: LoadedSeries): Promise<void> {
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  const th = thresholdAsk(plan.question);
  if (!th) throw new NoAnswerError({ zh: '请说明阈值(例如“超过5%”)。', en: 'Please give a threshold (e.g. "above 5%").' });
  // the series' own unit: a threshold in bp against a series in percent is divided by 100
  const value = th.unit === 'bp' && s.meta.unit.kind === 'percent' ? th.value / 100 : th.value;
  const win = statWindow(plan.time, s, 'all');
  const f = A.countWhere(s, { op: th.op, value }, win.from, win.to);
  w.params.push(th.value);
  w.fact(f);
  const n = Number(f.extra?.n ?? 0);
  const unitZh = th.unit === 'percent' ? '%' : th.unit === 'bp' ? '个基点' : '';
  const unitEn = th.unit === 'percent' ? '%' : th.unit === 'bp' ? ' bp' : '';
  const obsZh = s.meta.frequency === 'daily' ? '个交易日' : `个${FREQ_ZH[s.meta.frequency] ?? ''}观测值`;
  const obsEn = s.meta.frequency === 'daily' ? 'trading days' : `${s.meta.frequency} observations`;
  const dir = th.op === '>' ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
  const first = f.extra?.firstDate ? String(f.extra.firstDate) : null;
  const last = f.extra?.lastDate ? String(f.extra.lastDate) : null;
  w.say(
    `${w.date(f.period!.from)}至${w.date(f.period!.to)}的${n}个观测值中,${name}${dir.zh}${th.value}${unitZh}的有${f.value}${obsZh}${w.cite(f)}${first && last ? `,首次为${w.date(first)},最近一次为${w.date(last)}` : ''}。`,
    `Of the ${n} observations from ${f.period!.from} to ${f.period!.to}, ${name} was ${dir.en} ${th.value}${unitEn} on ${f.value} ${obsEn}${w.cite(f)}${first && last ? `, first on ${first} and last on ${last}` : ''}.`,
  );
  w.say('计算方法:统计期间内严格高于(或低于)阈值的观测值个数(收盘/日终值)。', 'Method: the number of observations in the period strictly above (or below) the threshold (closing / end-of-day values).');
  chartFor(ctx, [s], win.from, win.to, [f]);
}

/** "CPI环比折年率": the latest (or asked) month's change compounded over twelve months. */
async function annualizedMonthly(ctx: ExecContext, s: LoadedSeries): Promise<void> {
  const { w, plan } = ctx;
  const name = w.name(s.meta);
  const t = plan.time;
  const date = t.kind === 'point' && !(t.relative && t.from > (s.meta.lastDate ?? '')) ? t.to : undefined;
  const f = A.annualizedGrowth(s, date);
  w.fact(f);
  w.say(
    `${w.obsDate(f.asOf, s.meta.frequency)},${name}环比折年率为${w.v(f)}${w.cite(f)}(与上一期${w.obsDate(f.period!.from, s.meta.frequency)}相比)。`,
    `In ${w.obsDate(f.asOf, s.meta.frequency)}, ${name} changed at an annualised month-over-month rate of ${w.v(f)}${w.cite(f)} (against ${w.obsDate(f.period!.from, s.meta.frequency)}).`,
  );
  w.say('计算方法:当月与上月之比按全年复利折算后减一(环比折年率)。', 'Method: the month-on-month ratio compounded over a year, minus one (annualised).');
  chartFor(ctx, [s], A.addYears(f.asOf, -3), f.asOf, [f]);
}
