// The inflation report: CPI, core CPI, PCE and core PCE year over year (latest, a year earlier, the peak of this
// cycle, the recent trend), the components that drive them, and market and survey inflation expectations.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { timeChart } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';
import { POLICY_TEXTS as T } from '../policy-texts.ts';
import { statementSentence } from '../statements.ts';
import { annualised, differenceOf, statedFact } from './derive.ts';

const CYCLE_FROM = '2021-01-01';
const CHART_FROM = '2019-01-01';

export async function inflationReport(c: ReportComposer): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const n = (f: Fact, ...words: string[]): Fact => c.describe(f, ...words);
  const load = (ids: string[]) => Promise.all(ids.map((id) => c.series(id)));
  const [cpi, core, pce, corePce] = await load(['CPIAUCSL', 'CPILFESL', 'PCEPI', 'PCEPILFE']) as [LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries];
  const [energy, food, goods, services, housing] = await load(['CPIENGSL', 'CPIUFDSL', 'CUSR0000SACL1E', 'CUSR0000SASLE', 'CPIHOSSL']) as [LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries];
  const [be5, be10, fwd, mich, cle1, cle10] = await load(['T5YIE', 'T10YIE', 'T5YIFR', 'MICH', 'EXPINF1YR', 'EXPINF10YR']) as [LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries];

  // ---- 1. headline and core -----------------------------------------------------------------------------
  c.section('通胀水平:CPI与PCE', 'Where inflation stands: CPI and PCE');
  const measures = [
    { s: cpi, name: 'CPI', zh: 'CPI' },
    { s: core, name: c.t('核心CPI', 'core CPI'), zh: '核心CPI' },
    { s: pce, name: 'PCE', zh: 'PCE' },
    { s: corePce, name: c.t('核心PCE', 'core PCE'), zh: '核心PCE' },
  ].map((m) => {
    const latest = A.yoy(m.s);
    const yearAgo = A.yoy(m.s, A.addYears(latest.asOf, -1));
    const ys = A.yoySeries(m.s, CYCLE_FROM);
    const peak = A.max(ys);
    const threeMonths = A.percentChange(m.s, A.addMonths(latest.asOf, -3), latest.asOf);
    const trend = annualised(threeMonths, 3, { zh: `${m.zh}近3个月折年率`, en: `${m.name}, 3-month annualised rate` });
    return { ...m, latest, yearAgo, peak, trend, ys };
  });
  const hLatest = c.t('最新同比', 'Latest, y/y');
  const hYearAgo = c.t('一年前同比', 'A year earlier, y/y');
  const hPeak = c.t('本轮峰值', 'Peak of this cycle');
  const hTrend = c.t('近3个月折年率', '3-month annualised');
  c.table(
    [c.t('指标', 'Measure'), hLatest, hYearAgo, hPeak, hTrend, c.t('来源', 'Source')],
    measures.map((m) => [
      m.name,
      c.dated(m.latest, 'monthly'),
      { f: m.yearAgo },
      c.dated(m.peak, 'monthly'),
      { f: m.trend },
      c.cite(m.latest, m.yearAgo, m.peak, m.trend),
    ]),
  );
  const [mCpi, mCore, mPce, mCorePce] = measures as [typeof measures[number], typeof measures[number], typeof measures[number], typeof measures[number]];
  const goal = await c.documentFact(statedFact('goal:inflation', 2, A.PERCENT, { zh: '美联储长期通胀目标(PCE同比)', en: 'the Fed’s longer-run inflation goal (PCE, y/y)' }, T.inflationGoal.date, T.inflationGoal.quote), T.inflationGoal);
  const gap = differenceOf(mCorePce.latest, goal, { zh: '核心PCE同比与2%目标之差', en: 'core PCE inflation minus the 2% goal' });
  for (const m of measures) {
    n(m.latest, m.name, c.t('同比', 'year over year'));
    n(m.peak, m.name, c.t('峰值', 'peak'));
    n(m.trend, m.name, c.t('折年率', 'annualised'));
    n(m.yearAgo, m.name, c.t('一年前', 'a year earlier'));
  }
  n(goal, c.t('目标', 'goal'));
  n(gap, c.t('核心PCE', 'core PCE'), c.t('目标', 'goal'), c.t('高出', 'above'));
  c.p(
    `最新数据(${c.mon(mCpi.latest.asOf)})显示,CPI同比为${w.v(mCpi.latest)}${c.cite(mCpi.latest)},核心CPI同比为${w.v(mCore.latest)}${c.cite(mCore.latest)};PCE同比为${w.v(mPce.latest)}${c.cite(mPce.latest)},核心PCE同比为${w.v(mCorePce.latest)}(${c.mon(mCorePce.latest.asOf)})${c.cite(mCorePce.latest)}。美联储以PCE同比衡量其长期通胀目标${c.cite(goal)}:`,
    `In the latest data, CPI inflation was ${w.v(mCpi.latest)} in ${c.mon(mCpi.latest.asOf)}${c.cite(mCpi.latest)} and core CPI inflation ${w.v(mCore.latest)} in ${c.mon(mCore.latest.asOf)}${c.cite(mCore.latest)}; headline PCE inflation was ${w.v(mPce.latest)} in ${c.mon(mPce.latest.asOf)}${c.cite(mPce.latest)} and core PCE inflation ${w.v(mCorePce.latest)} in ${c.mon(mCorePce.latest.asOf)}${c.cite(mCorePce.latest)}. The Fed states its longer-run goal in terms of PCE inflation${c.cite(goal)}:`,
  );
  c.md(await c.quote(T.inflationGoal));
  c.p(
    `核心PCE同比${gap.value >= 0 ? '高出' : '低于'}目标${w.abs(gap)}${c.cite(gap, goal)}。与本轮峰值相比,CPI同比峰值为${w.v(mCpi.peak)}(${c.mon(mCpi.peak.asOf)})${c.cite(mCpi.peak)},核心PCE同比峰值为${w.v(mCorePce.peak)}(${c.mon(mCorePce.peak.asOf)})${c.cite(mCorePce.peak)}。近3个月的折年率反映最新趋势:核心CPI折年率为${w.v(mCore.trend)}${c.cite(mCore.trend)},核心PCE折年率为${w.v(mCorePce.trend)}${c.cite(mCorePce.trend)}。`,
    `Core PCE inflation is ${w.abs(gap)} ${gap.value >= 0 ? 'above' : 'below'} the goal${c.cite(gap)}. Against the peak of this cycle: CPI inflation peaked at ${w.v(mCpi.peak)} (${c.mon(mCpi.peak.asOf)})${c.cite(mCpi.peak)}; core PCE inflation peaked at ${w.v(mCorePce.peak)} (${c.mon(mCorePce.peak.asOf)})${c.cite(mCorePce.peak)}. Three-month annualised rates show the latest trend: the core CPI annualised rate is ${w.v(mCore.trend)}${c.cite(mCore.trend)}; the core PCE annualised rate is ${w.v(mCorePce.trend)}${c.cite(mCorePce.trend)}.`,
  );
  const stance = await statementSentence(c.data.db, /^Inflation/);
  if (stance) {
    c.p(`FOMC最近一次声明(${c.day(stance.date)})对通胀的判断:`, `The latest FOMC statement (${c.day(stance.date)}) on inflation:`);
    c.md(await c.quote(stance));
  }
  c.chart(
    timeChart({
      title: c.t('图1 CPI与PCE同比(%)', 'Figure 1 CPI and PCE inflation, year over year (%)'),
      lang: c.lang,
      lines: measures.map((m) => ({ name: m.name, points: chartPoints(A.yoySeries(m.s, CHART_FROM) as LoadedSeries, CHART_FROM) })),
      axisNames: ['%'],
      refLine: { value: 2, label: c.t('2%目标', '2% goal') },
    }),
  );

  // ---- 2. components -----------------------------------------------------------------------------------
  c.section('结构:商品、服务、住房与能源', 'What drives it: goods, services, shelter and energy');
  const parts = [
    { s: services, name: c.t('核心服务', 'Core services') },
    { s: housing, name: c.t('住房', 'Housing') },
    { s: goods, name: c.t('核心商品', 'Core goods') },
    { s: food, name: c.t('食品', 'Food') },
    { s: energy, name: c.t('能源', 'Energy') },
  ].map((p) => {
    const latest = A.yoy(p.s);
    return { ...p, latest, yearAgo: A.yoy(p.s, A.addYears(latest.asOf, -1)) };
  });
  c.table(
    [c.t('CPI分项', 'CPI component'), hLatest, hYearAgo, c.t('来源', 'Source')],
    parts.map((p) => [p.name, { f: p.latest }, { f: p.yearAgo }, c.cite(p.latest, p.yearAgo)]),
  );
  const [pServ, pHouse, pGoods, , pEnergy] = parts as [typeof parts[number], typeof parts[number], typeof parts[number], typeof parts[number], typeof parts[number]];
  for (const p of parts) n(p.latest, p.name, c.t('同比', 'year over year'), c.t('通胀', 'inflation'));
  const servGoods = n(differenceOf(pServ.latest, pGoods.latest, { zh: '服务与商品通胀之差', en: 'services less goods inflation' }), c.t('服务', 'services'), c.t('商品', 'goods'), c.t('差距', 'gap'));
  c.p(
    `${c.mon(pServ.latest.asOf)},核心服务同比为${w.v(pServ.latest)}${c.cite(pServ.latest)},住房同比为${w.v(pHouse.latest)}${c.cite(pHouse.latest)},核心商品同比为${w.v(pGoods.latest)}${c.cite(pGoods.latest)};服务与商品的差距为${w.abs(servGoods)}${c.cite(servGoods)}。能源同比为${w.v(pEnergy.latest)}${c.cite(pEnergy.latest)}。`,
    `In ${c.mon(pServ.latest.asOf)}, core services inflation was ${w.v(pServ.latest)}${c.cite(pServ.latest)}, housing inflation ${w.v(pHouse.latest)}${c.cite(pHouse.latest)} and core goods inflation ${w.v(pGoods.latest)}${c.cite(pGoods.latest)}; the gap between services and goods is ${w.abs(servGoods)}${c.cite(servGoods)}. Energy inflation was ${w.v(pEnergy.latest)}${c.cite(pEnergy.latest)}.`,
  );
  const supply = await statementSentence(c.data.db, /supply shocks|energy/i);
  if (supply) {
    c.p('FOMC在声明中提到的供给冲击与能源因素:', 'What the FOMC said about supply shocks and energy:');
    c.md(await c.quote(supply));
  }
  c.chart(
    timeChart({
      title: c.t('图2 CPI分项同比(%)', 'Figure 2 CPI components, year over year (%)'),
      lang: c.lang,
      lines: [
        ...[pServ, pHouse, pGoods].map((p) => ({ name: p.name, points: chartPoints(A.yoySeries(p.s, CHART_FROM) as LoadedSeries, CHART_FROM) })),
        { name: c.t('能源(右轴)', 'Energy (right)'), points: chartPoints(A.yoySeries(energy, CHART_FROM) as LoadedSeries, CHART_FROM), axis: 1 as const },
      ],
      axisNames: ['%', c.t('能源 %', 'energy %')],
      refLine: { value: 0 },
    }),
  );

  // ---- 3. expectations --------------------------------------------------------------------------------------
  c.section('通胀预期:市场与调查', 'Inflation expectations: markets and surveys');
  const exp = [
    { s: be5, name: c.t('5年期盈亏平衡通胀率', '5-year breakeven') },
    { s: be10, name: c.t('10年期盈亏平衡通胀率', '10-year breakeven') },
    { s: fwd, name: c.t('5年后5年远期通胀预期', '5-year, 5-year forward') },
    { s: mich, name: c.t('密歇根大学1年通胀预期', 'Michigan 1-year expectations') },
    { s: cle1, name: c.t('克利夫兰联储1年期预期', 'Cleveland Fed 1-year expected') },
    { s: cle10, name: c.t('克利夫兰联储10年期预期', 'Cleveland Fed 10-year expected') },
  ].map((e) => {
    const latest = A.latest(e.s);
    return { ...e, latest, yearAgo: A.valueOn(e.s, A.addYears(latest.asOf, -1)), peak: A.max(e.s, CYCLE_FROM) };
  });
  c.table(
    [c.t('指标', 'Measure'), c.t('最新', 'Latest'), c.t('一年前', 'A year earlier'), hPeak, c.t('来源', 'Source')],
    exp.map((e) => [
      e.name,
      c.dated(e.latest, e.s.meta.frequency),
      { f: e.yearAgo },
      c.dated(e.peak, e.s.meta.frequency),
      c.cite(e.latest, e.yearAgo, e.peak),
    ]),
  );
  const [e5, e10, eFwd, eMich] = exp as [typeof exp[number], typeof exp[number], typeof exp[number], typeof exp[number]];
  n(e5.latest, c.t('5年期盈亏平衡', '5-year breakeven'));
  n(e10.latest, c.t('10年期盈亏平衡', '10-year breakeven'));
  n(eFwd.latest, c.t('远期', 'forward'));
  n(eMich.latest, c.t('密歇根', 'Michigan'), c.t('消费者', 'consumers'));
  const fwdGap = n(differenceOf(eFwd.latest, goal, { zh: '5年后5年远期通胀预期与2%目标之差', en: '5y5y forward inflation expectations minus the 2% goal' }), c.t('远期', 'forward'), c.t('目标', 'goal'));
  c.p(
    `市场定价的长期通胀预期仍然稳定:5年期盈亏平衡通胀率最新为${w.v(e5.latest)}${c.cite(e5.latest)},10年期盈亏平衡通胀率为${w.v(e10.latest)}${c.cite(e10.latest)},5年后5年远期通胀预期为${w.v(eFwd.latest)}${c.cite(eFwd.latest)},远期预期与2%目标相差${w.abs(fwdGap)}${c.cite(fwdGap, goal)}。消费者调查则更高:密歇根大学消费者1年通胀预期为${w.v(eMich.latest)}(${c.mon(eMich.latest.asOf)})${c.cite(eMich.latest)}。`,
    `Market-implied longer-run expectations remain steady: the 5-year breakeven is ${w.v(e5.latest)}${c.cite(e5.latest)}, the 10-year breakeven ${w.v(e10.latest)}${c.cite(e10.latest)} and the 5-year, 5-year forward rate ${w.v(eFwd.latest)}${c.cite(eFwd.latest)}; the forward rate is ${w.abs(fwdGap)} away from the 2% goal${c.cite(fwdGap, goal)}. Consumers expect more: Michigan consumers’ 1-year expectations are ${w.v(eMich.latest)} (${c.mon(eMich.latest.asOf)})${c.cite(eMich.latest)}.`,
  );
  c.p('FOMC对长期通胀补偿的判断:', 'How the FOMC has read longer-term inflation compensation:');
  c.md(await c.quote(T.longerTermCompensation));
  c.chart(
    timeChart({
      title: c.t('图3 市场隐含通胀预期(%)', 'Figure 3 Market-implied inflation expectations (%)'),
      lang: c.lang,
      lines: [e5, e10, eFwd].map((e) => ({ name: e.name, points: chartPoints(e.s, CHART_FROM) })),
      axisNames: ['%'],
      refLine: { value: 2, label: c.t('2%目标', '2% goal') },
    }),
  );

  // ---- 4. challenges and takeaways --------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  c.challenges([
    {
      challenge: c.t('核心通胀仍高于目标', 'Core inflation is still above the goal'),
      evidence: [
        { label: c.t('核心PCE同比', 'core PCE y/y'), f: mCorePce.latest },
        { label: c.t('与目标之差', 'gap to the goal'), f: gap, text: w.signed(gap) },
      ],
      cited: `${await c.doc(T.inflationGoal)}${stance ? await c.doc(stance) : ''}`,
    },
    {
      challenge: c.t('服务通胀粘性', 'Sticky services inflation'),
      evidence: [
        { label: c.t('核心服务同比', 'core services y/y'), f: pServ.latest },
        { label: c.t('核心商品同比', 'core goods y/y'), f: pGoods.latest },
      ],
      cited: c.cite(pServ.latest, pGoods.latest),
    },
    {
      challenge: c.t('能源与供给冲击', 'Energy and supply shocks'),
      evidence: [{ label: c.t('能源同比', 'energy y/y'), f: pEnergy.latest }],
      cited: supply ? await c.doc(supply) : c.cite(pEnergy.latest),
    },
    {
      challenge: c.t('消费者通胀预期偏高', 'High consumer inflation expectations'),
      evidence: [
        { label: c.t('密歇根1年预期', 'Michigan 1-year'), f: eMich.latest },
        { label: c.t('5年后5年远期', '5y5y forward'), f: eFwd.latest },
      ],
      cited: await c.doc(T.longerTermCompensation),
    },
  ]);
  c.section('核心结论', 'Key takeaways', 'takeaways');
  c.bullets([
    c.t(
      `核心PCE同比为${w.v(mCorePce.latest)}${c.cite(mCorePce.latest)},核心PCE比2%目标${gap.value >= 0 ? '高' : '低'}${w.abs(gap)}${c.cite(gap, goal)};本轮核心PCE峰值为${w.v(mCorePce.peak)}${c.cite(mCorePce.peak)}。`,
      `Core PCE inflation is ${w.v(mCorePce.latest)}${c.cite(mCorePce.latest)}, ${w.abs(gap)} ${gap.value >= 0 ? 'above' : 'below'} the 2% goal${c.cite(gap)}; core PCE inflation peaked at ${w.v(mCorePce.peak)} in this cycle${c.cite(mCorePce.peak)}.`,
    ),
    c.t(
      `近3个月核心CPI折年率为${w.v(mCore.trend)}${c.cite(mCore.trend)},核心CPI同比为${w.v(mCore.latest)}${c.cite(mCore.latest)}。`,
      `The 3-month annualised core CPI rate is ${w.v(mCore.trend)}${c.cite(mCore.trend)}; core CPI inflation is ${w.v(mCore.latest)}${c.cite(mCore.latest)}.`,
    ),
    c.t(
      `服务与商品的差距为${w.abs(servGoods)}${c.cite(servGoods)},能源同比为${w.v(pEnergy.latest)}${c.cite(pEnergy.latest)}。`,
      `The gap between services and goods inflation is ${w.abs(servGoods)}${c.cite(servGoods)}; energy inflation is ${w.v(pEnergy.latest)}${c.cite(pEnergy.latest)}.`,
    ),
    c.t(
      `5年后5年远期通胀预期为${w.v(eFwd.latest)}${c.cite(eFwd.latest)},长期预期仍接近目标;密歇根消费者1年预期为${w.v(eMich.latest)}${c.cite(eMich.latest)}。`,
      `The 5-year, 5-year forward rate is ${w.v(eFwd.latest)}${c.cite(eFwd.latest)}, so longer-run expectations remain near the goal; Michigan consumers’ 1-year expectations are ${w.v(eMich.latest)}${c.cite(eMich.latest)}.`,
    ),
  ]);
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t('同比:当月指数相对一年前同月指数的涨幅;近3个月折年率:最近三个月的累计涨幅按复利折算为年率。', 'Year over year: the rise of the index over the same month a year earlier; 3-month annualised: the rise over the last three months, compounded to an annual rate.'),
    c.t('CPI与分项来自美国劳工统计局(经FRED),PCE来自美国经济分析局(经FRED),均为季调数据;盈亏平衡通胀率与远期通胀预期来自FRED,为日度数据。', 'CPI and its components are from the BLS and PCE from the BEA (via FRED), seasonally adjusted; breakevens and the forward rate are daily FRED series.'),
  ]);
  return {
    title: c.t('美国通胀研究报告:CPI、PCE与通胀预期', 'U.S. Inflation: CPI, PCE and Inflation Expectations'),
    subtitle: c.t('基于FRED数据与FOMC文件的数据研究', 'A data study from FRED series and FOMC documents'),
  };
}
