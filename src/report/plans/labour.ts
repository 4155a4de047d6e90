// The labour-market report: unemployment, payrolls (monthly changes and their recent average), jobless claims,
// job openings and quits, openings per unemployed person, and wage growth.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { barChart, timeChart } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';
import { POLICY_TEXTS as T } from '../policy-texts.ts';
import { statementSentence } from '../statements.ts';

const CHART_FROM = '2019-01-01';

export async function labourReport(c: ReportComposer): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const n = (f: Fact, ...words: string[]): Fact => c.describe(f, ...words);
  const [unrate, payems, icsa, ccsa, openings, quits, unemployed, eci] = (await Promise.all(
    ['UNRATE', 'PAYEMS', 'ICSA', 'CCSA', 'JTSJOL', 'JTSQUL', 'UNEMPLOY', 'ECIWAG'].map((id) => c.series(id)),
  )) as [LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries];

  // ---- 1. unemployment ---------------------------------------------------------------------------------------
  const UR = c.t('失业率', 'unemployment rate');
  c.section('失业率', 'Unemployment');
  const u = n(A.latest(unrate), UR, c.t('最新', 'latest'));
  const uYear = n(A.valueOn(unrate, A.addYears(u.asOf, -1)), UR, c.t('一年前', 'a year earlier'));
  const uLow = n(A.min(unrate, '2022-01-01'), UR, c.t('低点', 'low'));
  const uFromLow = n(A.change(unrate, uLow.asOf, u.asOf), UR, c.t('低点以来', 'since the low'));
  const uPeak = n(A.max(unrate, '2020-01-01'), UR, c.t('疫情', 'pandemic'), c.t('高点', 'peak'));
  c.p(
    `${c.mon(u.asOf)}失业率为${w.v(u)}${c.cite(u)};一年前失业率为${w.v(uYear)}${c.cite(uYear)}。本轮失业率低点为${w.v(uLow)}(${c.mon(uLow.asOf)})${c.cite(uLow)},低点以来失业率${uFromLow.value >= 0 ? '上升' : '下降'}${w.abs(uFromLow)}${c.cite(uFromLow)};疫情期间失业率高点为${w.v(uPeak)}(${c.mon(uPeak.asOf)})${c.cite(uPeak)}。`,
    `The unemployment rate was ${w.v(u)} (${u.asOf.slice(0, 7)})${c.cite(u)}; a year earlier the unemployment rate was ${w.v(uYear)}${c.cite(uYear)}. The unemployment rate’s low of this cycle was ${w.v(uLow)} (${c.mon(uLow.asOf)})${c.cite(uLow)}; since the low the unemployment rate has ${uFromLow.value >= 0 ? 'risen' : 'fallen'} by ${w.abs(uFromLow)}${c.cite(uFromLow)}; the pandemic peak of the unemployment rate was ${w.v(uPeak)} (${c.mon(uPeak.asOf)})${c.cite(uPeak)}.`,
  );
  const stance = await statementSentence(c.data.db, /unemployment rate|job gains/i);
  if (stance) {
    c.p(`FOMC最近一次声明(${c.day(stance.date)})对劳动力市场的判断:`, `The latest FOMC statement (${c.day(stance.date)}) on the labour market:`);
    c.md(await c.quote(stance));
  }
  c.chart(
    timeChart({
      title: c.t('图1 美国失业率(%)', 'Figure 1 U.S. unemployment rate (%)'),
      lang: c.lang,
      lines: [{ name: c.t('失业率', 'Unemployment rate'), points: chartPoints(unrate, CHART_FROM) }],
      axisNames: ['%'],
    }),
  );

  // ---- 2. payrolls -------------------------------------------------------------------------------------------
  c.section('非农就业', 'Nonfarm payrolls');
  const NFP = c.t('非农就业', 'payrolls');
  const pts = A.points(payems);
  const last = pts[pts.length - 1]!;
  const months = pts.slice(-7);
  const monthly = months.slice(1).map((p, i) => n(A.change(payems, months[i]!.date, p.date), NFP, c.mon(p.date)));
  const avg3 = n(A.averageMonthlyChange(payems, A.addMonths(last.date, -3), last.date, { method: 'month_end' }), NFP, c.t('近3个月', 'three-month'), c.t('平均', 'average'));
  const avg12 = n(A.averageMonthlyChange(payems, A.addMonths(last.date, -12), last.date, { method: 'month_end' }), NFP, c.t('近12个月', 'twelve-month'), c.t('平均', 'average'));
  const level = n(A.latest(payems), NFP, c.t('总数', 'total'));
  c.table(
    [c.t('月份', 'Month'), c.t('非农就业月度变化', 'Monthly change in payrolls'), c.t('来源', 'Source')],
    monthly.map((f) => [c.mon(f.asOf), { f, text: w.signed(f) }, c.cite(f)]),
  );
  const lastChange = monthly[monthly.length - 1]!;
  c.p(
    `${c.mon(lastChange.asOf)}非农就业${lastChange.value >= 0 ? '增加' : '减少'}${w.abs(lastChange)}${c.cite(lastChange)};近3个月非农就业平均每月变化${w.signed(avg3)}${c.cite(avg3)};近12个月非农就业平均每月变化${w.signed(avg12)}${c.cite(avg12)}。非农就业总数为${w.v(level)}${c.cite(level)}。`,
    `Payrolls ${lastChange.value >= 0 ? 'rose' : 'fell'} by ${w.abs(lastChange)} in ${c.mon(lastChange.asOf)}${c.cite(lastChange)}; the three-month average change in payrolls is ${w.signed(avg3)} a month${c.cite(avg3)}; the twelve-month average change in payrolls is ${w.signed(avg12)} a month${c.cite(avg12)}. Total payrolls stand at ${w.v(level)}${c.cite(level)}.`,
  );
  c.p('FOMC对“最大就业”的界定说明了为什么没有单一的就业目标:', 'The FOMC’s definition of maximum employment explains why there is no single employment target:');
  c.md(await c.quote(T.maximumEmployment));
  const per = c.lang === 'zh' ? 1e4 : 1e3;
  c.chart(
    barChart({
      title: c.t('图2 非农就业月度变化(万人)', 'Figure 2 Monthly change in nonfarm payrolls (thousands)'),
      lang: c.lang,
      categories: monthly.map((f) => c.mon(f.asOf)),
      axisName: c.t('万人', 'thousands'),
      bars: [{ name: c.t('月度变化', 'Monthly change'), values: monthly.map((f) => Math.round(((f.value * f.unit.scale) / per) * 10) / 10) }],
    }),
  );

  // ---- 3. claims, openings, quits, wages ------------------------------------------------------------------------
  c.section('初请、职位空缺与工资', 'Claims, job openings and wages');
  const rows = [
    { s: icsa, name: c.t('首次申请失业救济人数', 'Initial jobless claims') },
    { s: ccsa, name: c.t('持续申请失业救济人数', 'Continuing claims') },
    { s: openings, name: c.t('职位空缺数', 'Job openings') },
    { s: quits, name: c.t('主动离职人数', 'Quits') },
  ].map((r) => {
    const latest = A.latest(r.s);
    return { ...r, latest, yearAgo: A.valueOn(r.s, A.addYears(latest.asOf, -1)), peak: A.max(r.s, '2021-01-01') };
  });
  const hLatest = c.t('最新', 'Latest');
  c.table(
    [c.t('指标', 'Measure'), hLatest, c.t('一年前', 'A year earlier'), c.t('2021年以来最高', 'High since 2021'), c.t('来源', 'Source')],
    rows.map((r) => [
      r.name,
      c.dated(r.latest, r.s.meta.frequency),
      { f: r.yearAgo },
      c.dated(r.peak, r.s.meta.frequency),
      c.cite(r.latest, r.yearAgo, r.peak),
    ]),
  );
  const [claims, , open] = rows as [typeof rows[number], typeof rows[number], typeof rows[number], typeof rows[number]];
  const CLAIMS = c.t('初请', 'initial claims');
  const OPEN = c.t('职位空缺', 'job openings');
  n(claims.latest, CLAIMS);
  n(claims.yearAgo, CLAIMS, c.t('一年前', 'a year earlier'));
  n(open.latest, OPEN);
  n(open.peak, OPEN, c.t('高点', 'peak'));
  const openDate = open.latest.asOf;
  const ratio = n(A.ratio(openings, unemployed, openDate), c.t('职位空缺与失业人数之比', 'openings per unemployed person'));
  const eciYoy = n(A.yoy(eci), c.t('工资', 'wages'), c.t('同比', 'year over year'));
  c.p(
    `首次申请失业救济人数(初请)最新为${w.v(claims.latest)}(${c.day(claims.latest.asOf)})${c.cite(claims.latest)},一年前初请为${w.v(claims.yearAgo)}${c.cite(claims.yearAgo)}。职位空缺最新为${w.v(open.latest)}(${c.mon(open.latest.asOf)})${c.cite(open.latest)},职位空缺高点为${w.v(open.peak)}(${c.mon(open.peak.asOf)})${c.cite(open.peak)};职位空缺与失业人数之比为${w.v(ratio)}${c.cite(ratio)}。私营部门工资(就业成本指数)同比上涨${w.v(eciYoy)}(${w.obsDate(eciYoy.asOf, 'quarterly')})${c.cite(eciYoy)}。`,
    `Initial jobless claims were ${w.v(claims.latest)} in the week of ${c.day(claims.latest.asOf)}${c.cite(claims.latest)}; a year earlier initial claims were ${w.v(claims.yearAgo)}${c.cite(claims.yearAgo)}. Job openings were ${w.v(open.latest)} in ${c.mon(open.latest.asOf)}${c.cite(open.latest)}; the peak of job openings was ${w.v(open.peak)} (${c.mon(open.peak.asOf)})${c.cite(open.peak)}; there are ${w.v(ratio)} openings per unemployed person${c.cite(ratio)}. Private-sector wages (employment cost index) rose ${w.v(eciYoy)} year over year (${w.obsDate(eciYoy.asOf, 'quarterly')})${c.cite(eciYoy)}.`,
  );
  c.chart(
    timeChart({
      title: c.t('图3 职位空缺与失业人数(百万)', 'Figure 3 Job openings and unemployed persons (millions)'),
      lang: c.lang,
      lines: [
        { name: c.t('职位空缺', 'Job openings'), points: chartPoints(openings, CHART_FROM, 1e3) },
        { name: c.t('失业人数', 'Unemployed'), points: chartPoints(unemployed, CHART_FROM, 1e3) },
      ],
      axisNames: [c.t('百万人', 'millions')],
    }),
  );

  // ---- 4. challenges and takeaways ---------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  c.challenges([
    {
      challenge: c.t('招聘放缓', 'Hiring slows'),
      evidence: [
        { label: c.t('近3个月非农月均', 'three-month payroll average'), f: avg3, text: w.signed(avg3) },
        { label: c.t('近12个月非农月均', 'twelve-month payroll average'), f: avg12, text: w.signed(avg12) },
      ],
      cited: stance ? await c.doc(stance) : c.cite(avg3),
    },
    {
      challenge: c.t('失业率从低点回升', 'Unemployment is up from its low'),
      evidence: [
        { label: c.t('失业率', 'unemployment rate'), f: u },
        { label: c.t('低点以来变化', 'change since the low'), f: uFromLow, text: w.signed(uFromLow) },
      ],
      cited: await c.doc(T.maximumEmployment),
    },
    {
      challenge: c.t('劳动力需求降温', 'Labour demand cools'),
      evidence: [
        { label: c.t('职位空缺', 'job openings'), f: open.latest },
        { label: c.t('空缺与失业之比', 'openings per unemployed'), f: ratio },
      ],
      cited: c.cite(open.latest, ratio),
    },
  ]);
  c.section('核心结论', 'Key takeaways', 'takeaways');
  c.bullets([
    c.t(`失业率为${w.v(u)}${c.cite(u)},比本轮低点${uFromLow.value >= 0 ? '高' : '低'}${w.abs(uFromLow)}${c.cite(uFromLow)}。`, `The unemployment rate is ${w.v(u)}${c.cite(u)}, ${w.abs(uFromLow)} ${uFromLow.value >= 0 ? 'above' : 'below'} its low of this cycle${c.cite(uFromLow)}.`),
    c.t(`近3个月非农就业月均变化${w.signed(avg3)}${c.cite(avg3)},近12个月非农月均变化${w.signed(avg12)}${c.cite(avg12)}。`, `The three-month average payroll change is ${w.signed(avg3)}${c.cite(avg3)}; the twelve-month average payroll change is ${w.signed(avg12)}${c.cite(avg12)}.`),
    c.t(`职位空缺与失业人数之比为${w.v(ratio)}${c.cite(ratio)};初请为${w.v(claims.latest)}${c.cite(claims.latest)}。`, `There are ${w.v(ratio)} openings per unemployed person${c.cite(ratio)}; initial claims are ${w.v(claims.latest)}${c.cite(claims.latest)}.`),
    c.t(`工资同比上涨${w.v(eciYoy)}${c.cite(eciYoy)}。`, `Wages are up ${w.v(eciYoy)} year over year${c.cite(eciYoy)}.`),
  ]);
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t('失业率、非农就业与失业人数来自美国劳工统计局就业报告,职位空缺与离职来自JOLTS,初请与续请来自美国劳工部,均经FRED获取。', 'Unemployment, payrolls and unemployed persons are from the BLS employment report, openings and quits from JOLTS, claims from the Department of Labor, all via FRED.'),
    c.t('非农就业的月度变化为相邻两个月的差;近几个月的平均变化为月末对月末变化的平均值。', 'Monthly payroll changes are differences between consecutive months; recent averages are the mean of month-to-month changes.'),
  ]);
  return {
    title: c.t('美国劳动力市场研究报告', 'The U.S. Labour Market'),
    subtitle: c.t('失业率、非农就业、初请、职位空缺与工资', 'Unemployment, payrolls, claims, job openings and wages'),
  };
}
