// Two or more series or periods: spreads, ratios, correlations and comparisons of periods or entities.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import type { LoadedSeries } from '../data.ts';
import type { Measure } from '../plan.ts';
import type { TimeSpec } from '../understand/time.ts';
import { asBp, assertCovered, chartFor, load, methodNote, NoAnswerError, periodNote, periodText, ratioFact, statWindow, subjectSeries, windowFor, type ExecContext } from './common.ts';

// ---- two series -----------------------------------------------------------------------------------------

export async function twoSeries(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  const [a, b] = await Promise.all([load(ctx, plan.subjects[0]!), load(ctx, plan.subjects[1]!)]);
  assertCovered(ctx, a);
  assertCovered(ctx, b);
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

export async function correlation(ctx: ExecContext): Promise<void> {
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

export async function comparePeriods(ctx: ExecContext): Promise<void> {
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

export async function compareEntities(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  const series = await Promise.all(plan.subjects.slice(0, 4).map((s) => load(ctx, s)));
  for (const s of series) assertCovered(ctx, s);
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
