// The yield-curve report: Treasury yields by maturity now and a year ago, the 2s10s and 3m10y spreads and their
// inversion episodes, the policy rate, and the term premium.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { categoryLineChart, timeChart } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';
import { POLICY_TEXTS as T } from '../policy-texts.ts';
import { statementSentence } from '../statements.ts';

const TENORS: Array<{ id: string; zh: string; en: string }> = [
  { id: 'DGS1MO', zh: '1个月', en: '1M' },
  { id: 'DGS3MO', zh: '3个月', en: '3M' },
  { id: 'DGS6MO', zh: '6个月', en: '6M' },
  { id: 'DGS1', zh: '1年', en: '1Y' },
  { id: 'DGS2', zh: '2年', en: '2Y' },
  { id: 'DGS3', zh: '3年', en: '3Y' },
  { id: 'DGS5', zh: '5年', en: '5Y' },
  { id: 'DGS7', zh: '7年', en: '7Y' },
  { id: 'DGS10', zh: '10年', en: '10Y' },
  { id: 'DGS20', zh: '20年', en: '20Y' },
  { id: 'DGS30', zh: '30年', en: '30Y' },
];

export async function curveReport(c: ReportComposer): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const n = (f: Fact, ...words: string[]): Fact => c.describe(f, ...words);
  const yields = await Promise.all(TENORS.map((t) => c.series(t.id)));
  const [t10y2y, t10y3m, upper, lower, acm] = (await Promise.all(['T10Y2Y', 'T10Y3M', 'DFEDTARU', 'DFEDTARL', 'ACMTP10'].map((id) => c.series(id)))) as [LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries];

  // ---- 1. the curve today ------------------------------------------------------------------------------------
  c.section('收益率曲线现状', 'The curve today');
  const asOf = A.latest(yields[8]!).asOf;
  const yearAgo = A.addYears(asOf, -1);
  const curve = TENORS.map((t, i) => {
    const s = yields[i]!;
    const now = A.valueOn(s, asOf);
    const before = A.valueOn(s, yearAgo);
    const ch = A.toBasisPoints(A.change(s, before.asOf, now.asOf));
    return { t, s, now, before, ch, name: c.t(`${t.zh}期`, `${t.en}`) };
  });
  c.table(
    [c.t('期限', 'Maturity'), c.t(`最新(${w.date(asOf)})`, `Latest (${asOf})`), c.t('一年前', 'A year earlier'), c.t('一年变化', 'Change over the year'), c.t('来源', 'Source')],
    curve.map((x) => [x.name, { f: x.now }, { f: x.before }, { f: x.ch, text: w.signed(x.ch) }, c.cite(x.now, x.before, x.ch)]),
  );
  const y2 = curve[4]!;
  const y10 = curve[8]!;
  const y3m = curve[1]!;
  const y30 = curve[10]!;
  for (const x of [y2, y10, y3m, y30]) {
    n(x.now, x.name, c.t('收益率', 'yield'));
    n(x.ch, x.name, c.t('一年', 'over the year'));
  }
  c.p(
    `截至${c.day(asOf)},3个月期美债收益率为${w.v(y3m.now)}${c.cite(y3m.now)},2年期美债收益率为${w.v(y2.now)}${c.cite(y2.now)},10年期美债收益率为${w.v(y10.now)}${c.cite(y10.now)},30年期美债收益率为${w.v(y30.now)}${c.cite(y30.now)}。过去一年,2年期收益率${y2.ch.value >= 0 ? '上升' : '下降'}${w.abs(y2.ch)}${c.cite(y2.ch)},10年期收益率${y10.ch.value >= 0 ? '上升' : '下降'}${w.abs(y10.ch)}${c.cite(y10.ch)}。`,
    `On ${c.day(asOf)} the 3-month yield was ${w.v(y3m.now)}${c.cite(y3m.now)}, the 2-year yield ${w.v(y2.now)}${c.cite(y2.now)}, the 10-year yield ${w.v(y10.now)}${c.cite(y10.now)} and the 30-year yield ${w.v(y30.now)}${c.cite(y30.now)}. Over the year the 2-year yield ${y2.ch.value >= 0 ? 'rose' : 'fell'} by ${w.abs(y2.ch)}${c.cite(y2.ch)}; the 10-year yield ${y10.ch.value >= 0 ? 'rose' : 'fell'} by ${w.abs(y10.ch)}${c.cite(y10.ch)}.`,
  );
  c.chart(
    categoryLineChart({
      title: c.t('图1 美债收益率曲线(%)', 'Figure 1 The Treasury yield curve (%)'),
      lang: c.lang,
      categories: curve.map((x) => c.t(x.t.zh, x.t.en)),
      axisName: '%',
      lines: [
        { name: c.t(`最新(${w.date(asOf)})`, `Latest (${asOf})`), values: curve.map((x) => x.now.value) },
        { name: c.t(`一年前(${w.date(curve[8]!.before.asOf)})`, `A year earlier (${curve[8]!.before.asOf})`), values: curve.map((x) => x.before.value) },
      ],
    }),
  );

  // ---- 2. spreads and inversions ------------------------------------------------------------------------------
  c.section('期限利差与倒挂', 'Term spreads and inversions');
  const S2 = c.t('10年期与2年期利差', 'yield-curve slope (2s10s)');
  const S3 = c.t('10年期与3个月期利差', 'bill–bond slope (3m10y)');
  const s2 = n(A.toBasisPoints(A.latest(t10y2y)), S2, c.t('最新', 'latest'));
  const s3 = n(A.toBasisPoints(A.latest(t10y3m)), S3, c.t('最新', 'latest'));
  const ep = A.inversionEpisodes(t10y2y, 0, { minDays: 20 });
  const count = ep.facts.find((f) => f.id.includes(':episodes:'));
  const recent = ep.episodes.slice(-4);
  const episodeFacts = recent.map((e) => {
    const min = n(A.toBasisPoints(A.min(t10y2y, e.start, e.end)), S2, c.t('倒挂', 'inversion'), c.t('最深', 'deepest'));
    const days: Fact = {
      id: `T10Y2Y:episode:below0:${e.start}:${e.end}:days`,
      value: e.days,
      unit: A.DAYS,
      label: { zh: `10年期与2年期美债利差倒挂持续天数(${e.start} 至 ${e.end})`, en: `2s10s inversion, days (${e.start} to ${e.end})` },
      asOf: e.end,
      period: { from: e.start, to: e.end },
      method: 'count',
      methodDetail: `calendar days from ${e.start} to ${e.end}, inclusive; episodes of at least 20 days below 0`,
      seriesId: 'T10Y2Y',
      inputs: [{ seriesId: 'T10Y2Y', from: e.start, to: e.end }],
      sourceIds: [],
    };
    return { e, min, days };
  });
  c.table(
    [c.t('倒挂开始', 'Inversion began'), c.t('结束', 'Ended'), c.t('持续天数', 'Days'), c.t('最深', 'Deepest'), c.t('来源', 'Source')],
    episodeFacts.map((x) => [c.day(x.e.start), x.e.ongoing ? c.t('仍在倒挂', 'ongoing') : c.day(x.e.recoveredOn ?? x.e.end), { f: x.days, text: String(x.e.days) }, { f: x.min }, c.cite(x.days, x.min)]),
  );
  const longest = episodeFacts.reduce((a, b) => (b.e.days > a.e.days ? b : a), episodeFacts[0]!);
  n(longest.days, c.t('倒挂', 'inversion'), c.t('天', 'days'));
  c.p(
    `10年期与2年期美债利差最新为${w.v(s2)}${c.cite(s2)},10年期与3个月期美债利差最新为${w.v(s3)}${c.cite(s3)}。${count ? `${c.day(ep.from)}以来,持续至少20天的倒挂共有${count.value}次${c.cite(count)}。` : ''}最近一次较长的倒挂始于${c.day(longest.e.start)},倒挂持续${longest.e.days}天${c.cite(longest.days)},最深达${w.v(longest.min)}${c.cite(longest.min)}。`,
    `The yield-curve slope (2s10s) is ${w.v(s2)}${c.cite(s2)}; the bill–bond slope (3m10y) is ${w.v(s3)}${c.cite(s3)}. ${count ? `Since ${c.day(ep.from)} there have been ${count.value} inversions of at least 20 days${c.cite(count)}. ` : ''}The most recent long inversion began on ${c.day(longest.e.start)}; the inversion lasted ${longest.e.days} days${c.cite(longest.days)} and was deepest at ${w.v(longest.min)}${c.cite(longest.min)}.`,
  );
  if (count) n(count, c.t('持续至少', 'at least'), c.t('倒挂', 'inversions'), c.t('共有', 'there have been'));
  c.chart(
    timeChart({
      title: c.t('图2 期限利差(百分点)', 'Figure 2 Term spreads (percentage points)'),
      lang: c.lang,
      lines: [
        { name: c.t('10年期−2年期', '10y − 2y'), points: chartPoints(t10y2y, '2000-01-01') },
        { name: c.t('10年期−3个月期', '10y − 3m'), points: chartPoints(t10y3m, '2000-01-01') },
      ],
      axisNames: [c.t('百分点', 'pp')],
      refLine: { value: 0 },
    }),
  );

  // ---- 3. policy rate and term premium -------------------------------------------------------------------------
  c.section('政策利率与期限溢价', 'The policy rate and the term premium');
  const up = n(A.latest(upper), c.t('目标区间上限', 'upper bound'), c.t('联邦基金目标区间', 'federal funds target range'));
  const lo = n(A.latest(lower), c.t('目标区间下限', 'lower bound'), c.t('联邦基金目标区间', 'federal funds target range'));
  const y2MinusUpper = n(A.toBasisPoints(A.spread(yields[4]!, upper)), c.t('2年期', '2-year'), c.t('上限', 'upper bound'), c.t('之差', 'minus'));
  c.p(
    `FRED数据显示,截至${c.day(up.asOf)},联邦基金目标区间为${w.v(lo)}–${w.v(up)}${c.cite(lo, up)};2年期美债收益率与目标区间上限之差为${w.v(y2MinusUpper)}${c.cite(y2MinusUpper)},反映市场对未来政策利率的预期。`,
    `In the FRED data, on ${c.day(up.asOf)}, the federal funds target range was ${w.v(lo)}–${w.v(up)}${c.cite(lo, up)}; the 2-year yield minus the upper bound is ${w.v(y2MinusUpper)}${c.cite(y2MinusUpper)}, a reading of where markets expect the policy rate to go.`,
  );
  const decision = await statementSentence(c.data.db, /target range for the federal funds rate/);
  if (decision) {
    c.p(`FOMC最近一次声明(${c.day(decision.date)})的利率决定:`, `The rate decision in the latest FOMC statement (${c.day(decision.date)}):`);
    c.md(await c.quote(decision));
  }
  const TP = c.t('期限溢价', 'term premium');
  const tp = n(A.latest(acm), TP, c.t('最新', 'latest'));
  const tpYear = n(A.toBasisPoints(A.change(acm, A.addYears(tp.asOf, -1), tp.asOf, { fromPolicy: 'on_or_before' })), TP, c.t('一年', 'over the year'));
  const tpMin = n(A.min(acm, '2020-01-01'), TP, c.t('低点', 'low'));
  c.p(
    `10年期期限溢价(ACM模型)最新为${w.v(tp)}${c.cite(tp)},过去一年期限溢价${tpYear.value >= 0 ? '上升' : '下降'}${w.abs(tpYear)}${c.cite(tpYear)};2020年以来期限溢价低点为${w.v(tpMin)}(${c.day(tpMin.asOf)})${c.cite(tpMin)}。FOMC会议纪要曾将长端收益率上升部分归因于期限溢价:`,
    `The 10-year term premium (ACM model) is ${w.v(tp)}${c.cite(tp)}; over the year the term premium ${tpYear.value >= 0 ? 'rose' : 'fell'} by ${w.abs(tpYear)}${c.cite(tpYear)}; the term premium low since 2020 was ${w.v(tpMin)} (${c.day(tpMin.asOf)})${c.cite(tpMin)}. FOMC minutes have attributed part of the rise in long yields to term premiums:`,
  );
  c.md(await c.quote(T.termPremiums));
  c.chart(
    timeChart({
      title: c.t('图3 政策利率、2年期与10年期收益率、期限溢价(%)', 'Figure 3 Policy rate, 2- and 10-year yields, term premium (%)'),
      lang: c.lang,
      lines: [
        { name: c.t('目标区间上限', 'Target range, upper bound'), points: chartPoints(upper, '2019-01-01') },
        { name: c.t('2年期', '2-year'), points: chartPoints(yields[4]!, '2019-01-01') },
        { name: c.t('10年期', '10-year'), points: chartPoints(yields[8]!, '2019-01-01') },
        { name: c.t('期限溢价', 'Term premium'), points: chartPoints(acm, '2019-01-01') },
      ],
      axisNames: ['%'],
      refLine: { value: 0 },
    }),
  );

  // ---- 4. challenges and takeaways -----------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  c.challenges([
    {
      challenge: c.t('长端利率与期限溢价上行', 'Long yields and the term premium rise'),
      evidence: [
        { label: c.t('10年期收益率一年变化', '10-year yield over the year'), f: y10.ch, text: w.signed(y10.ch) },
        { label: c.t('期限溢价一年变化', 'term premium over the year'), f: tpYear, text: w.signed(tpYear) },
      ],
      cited: await c.doc(T.termPremiums),
    },
    {
      challenge: c.t('曲线形态与政策路径', 'Curve shape and the policy path'),
      evidence: [
        { label: c.t('10年期与2年期利差', '2s10s'), f: s2 },
        { label: c.t('2年期减上限', '2-year minus upper bound'), f: y2MinusUpper },
      ],
      cited: decision ? await c.doc(decision) : c.cite(s2),
    },
  ]);
  c.section('核心结论', 'Key takeaways', 'takeaways');
  c.bullets([
    c.t(`10年期美债收益率为${w.v(y10.now)}${c.cite(y10.now)},过去一年10年期收益率${y10.ch.value >= 0 ? '上升' : '下降'}${w.abs(y10.ch)}${c.cite(y10.ch)}。`, `The 10-year yield is ${w.v(y10.now)}${c.cite(y10.now)}; over the year the 10-year yield ${y10.ch.value >= 0 ? 'rose' : 'fell'} by ${w.abs(y10.ch)}${c.cite(y10.ch)}.`),
    c.t(`10年期与2年期利差为${w.v(s2)}${c.cite(s2)},最近一次长期倒挂持续${longest.e.days}天${c.cite(longest.days)}。`, `The yield-curve slope (2s10s) is ${w.v(s2)}${c.cite(s2)}; the last long inversion lasted ${longest.e.days} days${c.cite(longest.days)}.`),
    c.t(`期限溢价为${w.v(tp)}${c.cite(tp)},过去一年期限溢价变化${w.signed(tpYear)}${c.cite(tpYear)}。`, `The term premium is ${w.v(tp)}${c.cite(tp)}; over the year the term premium changed by ${w.signed(tpYear)}${c.cite(tpYear)}.`),
  ]);
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t('收益率为美国财政部公布的固定期限国债收益率(经FRED);期限利差由FRED计算;期限溢价为纽约联储ACM模型估计值。', 'Yields are Treasury constant-maturity yields (via FRED); term spreads are FRED series; the term premium is the New York Fed’s ACM estimate.'),
    c.t('倒挂:10年期与2年期利差连续低于零的时期,只计持续至少20天的时期。', 'An inversion is a run of days with the 2s10s spread below zero; only runs of at least 20 days are counted.'),
  ]);
  return {
    title: c.t('美债收益率曲线研究报告', 'The U.S. Treasury Yield Curve'),
    subtitle: c.t('收益率、期限利差、倒挂与期限溢价', 'Yields, term spreads, inversions and the term premium'),
  };
}
