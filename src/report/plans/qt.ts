// The headline report: the Fed's balance sheet and quantitative tightening (《美联储缩表策略:风险、收益与全球市场
// 影响》). Every number is a Fact computed from the stored series (H.4.1, NY Fed, FRED, Treasury, TIC) or a cap stated
// in an FOMC text; every statement of policy or opinion quotes the document it comes from, attributed by its title.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES, type CapRegime, type PeriodCitation } from '../../knowledge/periods.ts';
import { attribution, quoteLine } from '../../knowledge/quotes.ts';
import { barChart, timeChart, type Band } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';
import { POLICY_TEXTS as T } from '../policy-texts.ts';
import { BILLIONS_PER_MONTH, multipleOf, perMonthOf, runoffShare, shareOf, statedFact, sumOf } from './derive.ts';

const QT1 = NAMED_PERIODS.find((p) => p.id === 'qt1')!;
const QT2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
const HIKES = NAMED_PERIODS.find((p) => p.id === 'hikes_2022')!;

const REGIME_NAMES: Record<string, { zh: string; en: string }> = {
  qt2_initial: { zh: '起步期', en: 'Phase-in' },
  qt2_full: { zh: '全速期', en: 'Full pace' },
  qt2_slowed_2024: { zh: '第一次放缓', en: 'First slowdown' },
  qt2_slowed_2025: { zh: '第二次放缓', en: 'Second slowdown' },
};

/** Millions of dollars → trillions (chart units). */
const TRILLION_FROM_MILLIONS = 1e6;
/** Billions of dollars → trillions. */
const TRILLION_FROM_BILLIONS = 1e3;

/** Standing-repo take-up counted as material from this amount (billions of dollars, the series' unit). */
export const SRF_MATERIAL_BILLIONS = 1;

/**
 * Volatility baselines for the 10-year yield (dates chosen by this report, stated in the text): the post-crisis
 * years before QT2 and its hikes, and the Volcker disinflation, which dominates the long history.
 */
export const VOLATILITY_BASELINES = {
  postCrisis: { from: '2010-01-01', to: '2021-12-31' },
  volcker: { from: '1979-10-01', to: '1982-12-31' },
} as const;

/** The last H.4.1 Wednesday before the March 2023 bank failures, and the window searched for the jump after it. */
export const BANK_STRESS = { before: '2023-03-08', searchTo: '2023-06-30' } as const;

/** Calendar months from the month of `from` to the month of `to`, both counted. */
export function monthsInRegime(r: { from: IsoDate; to: IsoDate }): number {
  return (Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4))) * 12 + Number(r.to.slice(5, 7)) - Number(r.from.slice(5, 7)) + 1;
}

/**
 * The holdings change that belongs to one cap regime. Treasuries are redeemed at mid-month and month-end
 * maturities, so the window runs from the first weekly level on or after the last day of the month before the
 * regime (after the previous regime's last redemption, before this regime's first) to the first weekly level on
 * or after the regime's last day (after its last month-end redemption). Consecutive windows chain exactly.
 */
export function regimeRunoff(s: LoadedSeries, r: CapRegime, tag: { zh: string; en: string }): { change: Fact; perMonth: Fact; months: number } {
  const change = A.change(s, A.addDays(r.from, -1), r.to, { fromPolicy: 'on_or_after', toPolicy: 'on_or_after' }, tag);
  const months = monthsInRegime(r);
  const perMonth = perMonthOf(change, months, { zh: `${s.meta.title.zh}月均变化(${tag.zh},${months}个月)`, en: `${s.meta.title.en}, average monthly change (${tag.en}, ${months} months)` });
  return { change, perMonth, months };
}

interface RegimeRow {
  regime: CapRegime;
  name: string;
  months: number;
  treasuryChange: Fact;
  treasury: Fact;
  mbs: Fact;
  treasuryCap: Fact;
  mbsCap: Fact;
  treasuryShare: Fact;
  mbsShare: Fact;
}

export async function qtReport(c: ReportComposer): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const ids = ['WALCL', 'TREAST', 'WSHOMCB', 'WRESBAL', 'RRPONTSYD', 'WTREGEN', 'DGS10', 'ACMTP10', 'SOFR', 'IORB', 'SRFUSAGE', 'DTWEXBGS', 'BAMLH0A0HYM2', 'BAMLC0A0CM', 'GDP', 'MSPD_MARKETABLE', 'FORTREASPOS99996', 'FORTREASPOS99990', 'EEM', 'DEXCHUS', 'USDCNY', 'ICE_DXY', 'RMP_PURCHASES'] as const;
  const loaded = await Promise.all(ids.map((id) => c.series(id)));
  const S = Object.fromEntries(ids.map((id, i) => [id, loaded[i]!])) as Record<(typeof ids)[number], LoadedSeries>;
  const { WALCL: walcl, TREAST: treast, WSHOMCB: mbs, WRESBAL: reserves, RRPONTSYD: rrp, WTREGEN: tga, DGS10: dgs10, ACMTP10: acm, SOFR: sofr, IORB: iorb, SRFUSAGE: srf, DTWEXBGS: dollar, BAMLH0A0HYM2: hy, BAMLC0A0CM: ig } = S;
  const bands: Band[] = [
    { from: QT1.from, to: QT1.to, label: 'QT1' },
    { from: QT2.from, to: QT2.to, label: 'QT2' },
  ];
  const qt2Band = [bands[1]!];
  const tn = c.t('万亿美元', 'US$ trillion');
  const pct0 = (f: Fact) => `${w.num(f.value, 0)}%`;
  const pct1 = (f: Fact) => `${w.num(f.value, 1)}%`;
  const start = (s: LoadedSeries) => A.valueOn(s, QT2.from, { policy: 'on_or_after' });
  const end = (s: LoadedSeries) => A.valueOn(s, QT2.to);
  const dated = (f: Fact) => c.dated(f);

  /** Name a fact with the words the text uses for it (the verifier reads a number's clause for what it is). */
  const n = (f: Fact, ...words: string[]): Fact => c.describe(f, ...words);
  /** A Board member's sentence, attributed as the quotes module attributes a speech (speaker and role from its title). */
  const said = async (q: PeriodCitation): Promise<string> => {
    const marker = await c.doc(q);
    const who = attribution({ kind: 'speech', title: q.title, date: q.date, url: q.url }, q.quote);
    return `> ${quoteLine({ ...who, documentId: q.url, title: q.title, url: q.url, date: q.date, publisher: 'Board of Governors of the Federal Reserve System', position: 0, quote: q.quote, passage: q.quote, score: 0 }, c.lang, marker)}`;
  };
  const T_ = c.t('国债', 'Treasury');
  const M_ = 'MBS';
  const ASSETS = c.t('总资产', 'total assets');
  const RES = c.t('准备金', 'reserves');
  const RRP = c.t('逆回购', 'ON RRP');
  const SINCE = c.t('缩表结束以来', 'since QT ended');
  const after = A.addDays(QT2.to, 1);

  // ---- the facts the thesis rests on (computed first; each is cited where the text states it) ----------------
  const qt1Assets = n(A.change(walcl, QT1.from, QT1.to), 'QT1', ASSETS);
  const qt1AssetsPct = n(A.percentChange(walcl, QT1.from, QT1.to), 'QT1', ASSETS);
  const qt2Assets = n(A.change(walcl, QT2.from, QT2.to), ASSETS, 'QT2');
  const qt2AssetsPct = n(A.percentChange(walcl, QT2.from, QT2.to), ASSETS, 'QT2');

  // size relative to GDP: total assets on a Wednesday ÷ nominal GDP (SAAR) of the quarter containing that Wednesday
  const GDP_RATIO = c.t('总资产占名义GDP比例', 'total assets as a share of nominal GDP');
  const ofGdp = (assets: Fact, tag: string): { assets: Fact; gdp: Fact; ratio: Fact } => {
    const gdp = A.valueOn(S.GDP, A.periodStart(assets.asOf, 'quarterly'), { maxGapDays: 0 });
    const ratio = shareOf(assets, gdp, { zh: `总资产占名义GDP比例(${tag})`, en: `total assets as a share of nominal GDP (${tag})` }, `of_gdp`);
    return { assets: n(assets, ASSETS, tag), gdp: n(gdp, 'GDP', tag), ratio: n(ratio, GDP_RATIO, tag) };
  };
  const lastGdpQuarterEnd = A.periodEnd(A.latest(S.GDP).asOf, 'quarterly');
  const peak = n(A.max(walcl, '2020-01-01', QT2.from), ASSETS, c.t('峰值', 'peak'));
  const gdpRows = [
    { name: c.t('疫情前(2019年末)', 'Before the pandemic (end-2019)'), ...ofGdp(A.valueOn(walcl, '2019-12-31'), c.t('2019年末', 'end-2019')) },
    { name: c.t('总资产峰值', 'Peak of total assets'), ...ofGdp(peak, c.t('峰值', 'peak')) },
    { name: c.t('缩表结束', 'End of QT2'), ...ofGdp(end(walcl), c.t('缩表结束', 'end of QT2')) },
    { name: c.t('有GDP数据的最近一季', 'Latest quarter with GDP data'), ...ofGdp(A.valueOn(walcl, lastGdpQuarterEnd), c.t('最近一季', 'latest quarter')) },
  ];
  const [gdp2019, gdpPeak, gdpEnd, gdpLast] = gdpRows as [typeof gdpRows[number], typeof gdpRows[number], typeof gdpRows[number], typeof gdpRows[number]];
  // "close to" the end-2019 share: within a tenth of it (the wording only; both shares are stated)
  const nearPrePandemic = gdpEnd.ratio.value <= gdp2019.ratio.value * 1.1;

  // the Fed's share of marketable Treasury debt: Treasury holdings (last Wednesday on or before the month-end) ÷
  // marketable debt outstanding at that month-end (MSPD), both in millions of dollars
  const FED_SHARE = c.t('美联储持有可流通国债比例', 'Fed share of marketable Treasury debt');
  const fedShare = (monthEnd: IsoDate, tag: string): { held: Fact; debt: Fact; share: Fact } => {
    const debt = A.valueOn(S.MSPD_MARKETABLE, monthEnd, { maxGapDays: 0 });
    const held = A.valueOn(treast, debt.asOf);
    return { held: n(held, T_, tag), debt: n(debt, c.t('可流通国债', 'marketable debt'), tag), share: n(shareOf(held, debt, { zh: `美联储持有国债占可流通国债比例(${tag})`, en: `Fed Treasury holdings as a share of marketable Treasury debt (${tag})` }, 'fed_share'), FED_SHARE, tag) };
  };
  const FED_SHARE_SHORT = c.t('美联储占比', 'Fed share');
  const shareRows = [
    { name: c.t('缩表开始前(2022年5月末)', 'Before QT2 (end-May 2022)'), ...fedShare('2022-05-31', c.t('缩表开始前', 'before QT2')) },
    { name: c.t('缩表结束(2025年11月末)', 'End of QT2 (end-Nov 2025)'), ...fedShare('2025-11-30', c.t('缩表结束', 'end of QT2')) },
    { name: c.t('最新', 'Latest'), ...fedShare(A.latest(S.MSPD_MARKETABLE).asOf, c.t('最新', 'latest')) },
  ];
  for (const x of shareRows) n(x.share, FED_SHARE_SHORT);
  const [share0, share1, shareLast] = shareRows as [typeof shareRows[number], typeof shareRows[number], typeof shareRows[number]];

  // money markets and the standing repo facility
  const SP = c.t('SOFR与IORB利差', 'SOFR−IORB spread');
  const spread = A.spreadSeries(sofr, iorb, { bp: true });
  const spMax = n(A.max(spread, QT2.from, QT2.to), SP, 'SOFR', 'IORB', c.t('最高', 'widest'));
  const SRF = c.t('SRF使用量', 'SRF take-up');
  const material = { op: '>=' as const, value: SRF_MATERIAL_BILLIONS };
  w.params.push(SRF_MATERIAL_BILLIONS, SRF_MATERIAL_BILLIONS * 1e9);
  const srfMaterial = n(A.countWhere(srf, material), SRF, c.t('达到门槛', 'at or above the threshold'), c.t('交易日', 'days'));
  const srfMaterialQt = n(A.countWhere(srf, material, QT2.from, QT2.to), SRF, 'QT2', c.t('达到门槛', 'at or above the threshold'), c.t('交易日', 'days'));
  const srfAny = n(A.countWhere(srf, { op: '>', value: 0 }), SRF, c.t('大于零', 'any take-up'), c.t('交易日', 'days'));
  const srfMax = n(A.max(srf), SRF, c.t('有记录以来', 'on record'), c.t('最高', 'largest'));
  const srfMaxQt = n(A.max(srf, QT2.from, QT2.to), SRF, 'QT2', c.t('期间', 'during'), c.t('最高', 'largest'));

  // the March 2023 bank stress, during QT
  const STRESS = c.t('银行业压力', 'bank stress');
  const preStress = n(A.valueOn(walcl, BANK_STRESS.before, { maxGapDays: 0 }), ASSETS, STRESS, c.t('之前', 'before'));
  const stressPeak = n(A.max(walcl, A.addDays(BANK_STRESS.before, 1), BANK_STRESS.searchTo), ASSETS, STRESS, c.t('高点', 'high'));
  const stressJump = n(A.change(walcl, preStress.asOf, stressPeak.asOf), ASSETS, STRESS, c.t('增加', 'rose'));
  const stressT = n(A.change(treast, preStress.asOf, stressPeak.asOf), T_, STRESS);
  const stressM = n(A.change(mbs, preStress.asOf, stressPeak.asOf), M_, STRESS);
  const backBelow = A.firstWhere(walcl, { op: '<=', value: preStress.value }, stressPeak.asOf);

  // 10-year yield volatility against several baselines
  const VOL = c.t('波动', 'volatility');
  const qt2Spec = { from: QT2.from, to: QT2.to, label: { zh: 'QT2', en: 'QT2' } };
  const outside = A.outsidePeriod(dgs10, qt2Spec);
  const vol = A.comparePeriods(dgs10, qt2Spec, outside, 'volatility');
  const OUT = c.t('1962年以来QT2以外', 'since 1962 outside QT2');
  const POST = c.t('2010–2021年', '2010–2021');
  const VOLCKER = c.t('沃尔克时期', 'Volcker years');
  n(vol.a, 'QT2', VOL);
  n(vol.b, OUT, VOL);
  const volQt1 = n(A.volatility(dgs10, QT1.from, QT1.to), 'QT1', VOL);
  const volPost = n(A.volatility(dgs10, VOLATILITY_BASELINES.postCrisis.from, VOLATILITY_BASELINES.postCrisis.to), POST, VOL);
  const volVolcker = n(A.volatility(dgs10, VOLATILITY_BASELINES.volcker.from, VOLATILITY_BASELINES.volcker.to), VOLCKER, VOL);
  const volHikes = n(A.volatility(dgs10, QT2.from, HIKES.to), c.t('加息期间', 'while hiking'), VOL);
  const volAfterHikes = n(A.volatility(dgs10, A.addDays(HIKES.to, 1), QT2.to), c.t('最后一次加息之后', 'after the last hike'), VOL);

  // ---- 0. thesis ---------------------------------------------------------------------------------------------
  c.section('核心观点', 'Thesis');
  c.bullets([
    c.t(
      `**${nearPrePandemic ? '按占GDP比例,缩表后的资产负债表已接近疫情前水平。' : '按占GDP比例,缩表后的资产负债表仍高于疫情前水平。'}**QT2期间总资产减少${w.abs(qt2Assets)}(${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)};缩表结束时总资产占名义GDP比例为${pct1(gdpEnd.ratio)}${c.cite(gdpEnd.ratio)}。总资产峰值时占名义GDP比例为${pct1(gdpPeak.ratio)}${c.cite(gdpPeak.ratio)}。2019年末总资产占名义GDP比例为${pct1(gdp2019.ratio)}${c.cite(gdp2019.ratio)}。`,
      `**${nearPrePandemic ? 'Relative to GDP, the balance sheet after QT is close to its pre-pandemic size.' : 'Relative to GDP, the balance sheet after QT is still above its pre-pandemic size.'}** Over QT2 total assets fell by ${w.abs(qt2Assets)} (${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)}; at the end of QT2 total assets as a share of nominal GDP were ${pct1(gdpEnd.ratio)}${c.cite(gdpEnd.ratio)}. At the peak total assets as a share of nominal GDP were ${pct1(gdpPeak.ratio)}${c.cite(gdpPeak.ratio)}. At end-2019 total assets as a share of nominal GDP were ${pct1(gdp2019.ratio)}${c.cite(gdp2019.ratio)}.`,
    ),
    c.t(
      `**终点由货币市场决定,而不是规模目标。**缩表主要抽走了逆回购;压力到末期才出现:QT2期间SOFR与IORB利差最高${w.v(spMax)}(${c.day(spMax.asOf)})${c.cite(spMax)},QT2期间SRF使用量达到${SRF_MATERIAL_BILLIONS * 10}亿美元门槛的交易日有${srfMaterialQt.value}个${c.cite(srfMaterialQt)};FOMC随即结束缩表${await c.doc(QT2.citations[1]!)},并开始储备管理购买${await c.doc(T.reserveManagementPurchases)}。`,
      `**The end point was set by money markets, not by a size target.** Runoff drained mainly the ON RRP; strains appeared only late: during QT2 the SOFR−IORB spread was widest at ${w.v(spMax)} on ${c.day(spMax.asOf)}${c.cite(spMax)}, and SRF take-up during QT2 reached the $${SRF_MATERIAL_BILLIONS} billion threshold on ${srfMaterialQt.value} days${c.cite(srfMaterialQt)}; the FOMC then ended runoff${await c.doc(QT2.citations[1]!)} and began reserve-management purchases${await c.doc(T.reserveManagementPurchases)}.`,
    ),
    c.t(
      `**缩表没有削弱危机应对能力。**2023年3月银行业压力期间,总资产在缩表进行中增加${w.abs(stressJump)}(${c.day(stressJump.period!.from)}至${c.day(stressJump.period!.to)})${c.cite(stressJump)},同期所持国债仍减少${w.abs(stressT)}${c.cite(stressT)}。`,
      `**QT did not take away crisis capacity.** In the March 2023 bank stress total assets rose by ${w.abs(stressJump)} while runoff continued (${c.day(stressJump.period!.from)} to ${c.day(stressJump.period!.to)})${c.cite(stressJump)}, as Treasury holdings still fell by ${w.abs(stressT)}${c.cite(stressT)}.`,
    ),
    c.t(
      `**利率波动:${vol.a.value > volPost.value ? '高于' : '不高于'}危机后常态,${vol.a.value < volVolcker.value ? '低于' : '高于'}沃尔克时期。**QT2期间10年期美债日波动为${w.v(vol.a)}${c.cite(vol.a)}。2010–2021年的日波动为${w.v(volPost)}${c.cite(volPost)};沃尔克时期的日波动为${w.v(volVolcker)}${c.cite(volVolcker)};QT2的波动${vol.a.value > volPost.value ? '高于' : '低于'}前者、${vol.a.value < volVolcker.value ? '低于' : '高于'}后者。QT2中加息期间的日波动为${w.v(volHikes)}${c.cite(volHikes)},最后一次加息之后的日波动为${w.v(volAfterHikes)}${c.cite(volAfterHikes)}。`,
      `**Rate volatility: ${vol.a.value > volPost.value ? 'above' : 'not above'} the post-crisis norm, ${vol.a.value < volVolcker.value ? 'below' : 'above'} the Volcker years.** QT2 volatility of the 10-year yield was ${w.v(vol.a)} a day${c.cite(vol.a)}. Volatility in 2010–2021 was ${w.v(volPost)}${c.cite(volPost)}; volatility in the Volcker years was ${w.v(volVolcker)}${c.cite(volVolcker)}; QT2 volatility was ${vol.a.value > volPost.value ? 'higher' : 'lower'} than the former and ${vol.a.value < volVolcker.value ? 'lower' : 'higher'} than the latter. Within QT2, volatility while hiking was ${w.v(volHikes)}${c.cite(volHikes)} and volatility after the last hike ${w.v(volAfterHikes)}${c.cite(volAfterHikes)}.`,
    ),
  ]);

  // ---- 1. what QT is and its schedule ----------------------------------------------------------------------
  c.section('缩表是什么:机制与时间表', 'What QT is: mechanism and schedule');
  c.p(
    '缩表(量化紧缩,QT)是指美联储让所持美国国债和机构抵押贷款支持证券(MBS)到期后不再全额再投资,从而被动缩小资产负债表。FOMC在2022年1月的《缩表原则》中写明了这一方式:',
    'Quantitative tightening (QT) means that the Fed lets the Treasuries and agency mortgage-backed securities (MBS) it holds mature without reinvesting all of the principal, so that its balance sheet shrinks passively. The FOMC set out the approach in its January 2022 Principles:',
  );
  c.md(await c.quote(T.principlesHowRunoff));
  const QT1_WORDS = c.t('第一轮缩表期间', 'in QT1');
  const qt1T = n(A.change(treast, QT1.from, QT1.to), 'QT1', QT1_WORDS, T_);
  const qt1M = n(A.change(mbs, QT1.from, QT1.to), 'QT1', QT1_WORDS, M_);
  c.p(
    `第一轮缩表(QT1)于2017年10月启动${await c.doc(QT1.citations[0]!)},于2019年8月结束${await c.doc(QT1.citations[1]!)}。按H.4.1周度数据,${c.day(qt1Assets.period!.from)}至${c.day(qt1Assets.period!.to)},美联储总资产减少${w.abs(qt1Assets)}(${w.signed(qt1AssetsPct)})${c.cite(qt1Assets, qt1AssetsPct)};第一轮缩表期间所持国债减少${w.abs(qt1T)}${c.cite(qt1T)},第一轮缩表期间所持MBS减少${w.abs(qt1M)}${c.cite(qt1M)}。`,
    `The first round (QT1) began in October 2017${await c.doc(QT1.citations[0]!)} and ended in August 2019${await c.doc(QT1.citations[1]!)}. In the weekly H.4.1 data, total assets fell by ${w.abs(qt1Assets)} (${w.signed(qt1AssetsPct)}) from ${c.day(qt1Assets.period!.from)} to ${c.day(qt1Assets.period!.to)}${c.cite(qt1Assets, qt1AssetsPct)}; Treasury holdings fell by ${w.abs(qt1T)}${c.cite(qt1T)}; MBS holdings fell by ${w.abs(qt1M)}${c.cite(qt1M)}.`,
  );
  const [slow24, slow25] = [QT2_CAP_REGIMES.find((r) => r.id === 'qt2_slowed_2024')!, QT2_CAP_REGIMES.find((r) => r.id === 'qt2_slowed_2025')!];
  c.p(
    `本轮缩表(QT2)于2022年6月1日开始,月度赎回上限在三个月后提高到全速水平${await c.doc(QT2.citations[0]!)};2024年5月和2025年3月,FOMC先后下调国债上限、放慢缩表${await c.doc(slow24.citation)}${await c.doc(slow25.citation)};2025年10月29日,FOMC决定于12月1日结束缩表${await c.doc(QT2.citations[1]!)}。各阶段上限如下,每个上限都引自设定它的那句话:`,
    `The second round (QT2) began on 1 Jun 2022, with the monthly redemption caps raised to full pace after three months${await c.doc(QT2.citations[0]!)}; in May 2024 and March 2025 the FOMC lowered the Treasury cap to slow the runoff${await c.doc(slow24.citation)}${await c.doc(slow25.citation)}; on 29 Oct 2025 it decided to conclude the reduction on 1 December${await c.doc(QT2.citations[1]!)}. The caps of each phase, each cited to the sentence that sets it:`,
  );
  const rows: RegimeRow[] = [];
  for (const r of QT2_CAP_REGIMES) {
    const name = c.t(REGIME_NAMES[r.id]!.zh, REGIME_NAMES[r.id]!.en);
    const treasuryCap = await c.documentFact(
      statedFact(`cap:${r.id}:treasury`, r.treasuryCapBillions, BILLIONS_PER_MONTH, { zh: `国债每月赎回上限(${name})`, en: `monthly redemption cap on Treasuries (${name})` }, r.caps.treasury.date, r.caps.treasury.quote, { from: r.from, to: r.to }),
      r.caps.treasury,
    );
    const mbsCap = await c.documentFact(
      statedFact(`cap:${r.id}:mbs`, r.mbsCapBillions, BILLIONS_PER_MONTH, { zh: `MBS每月赎回上限(${name})`, en: `monthly redemption cap on MBS (${name})` }, r.caps.mbs.date, r.caps.mbs.quote, { from: r.from, to: r.to }),
      r.caps.mbs,
    );
    const tag = { zh: name, en: name };
    const t = regimeRunoff(treast, r, tag);
    const m = regimeRunoff(mbs, r, tag);
    for (const f of [t.perMonth, m.perMonth]) n(f, name, c.t('月均', 'a month'), c.t('月均减少', 'averaged'), c.t('月均变化', 'runoff'));
    n(t.perMonth, T_);
    n(m.perMonth, M_);
    const treasuryShare = runoffShare(t.perMonth, treasuryCap, { zh: `国债月均缩减占上限比例(${name})`, en: `Treasury runoff as a share of the cap (${name})` });
    const mbsShare = runoffShare(m.perMonth, mbsCap, { zh: `MBS月均缩减占上限比例(${name})`, en: `MBS runoff as a share of the cap (${name})` });
    w.params.push(t.months);
    rows.push({ regime: r, name, months: t.months, treasuryChange: t.change, treasury: t.perMonth, mbs: m.perMonth, treasuryCap, mbsCap, treasuryShare, mbsShare });
  }
  c.table(
    [c.t('阶段', 'Phase'), c.t('起止', 'Dates'), c.t('国债每月上限', 'Treasury cap per month'), c.t('国债上限依据', 'Treasury cap set by'), c.t('MBS每月上限', 'MBS cap per month'), c.t('MBS上限依据', 'MBS cap set by')],
    rows.map((x) => [x.name, `${c.mon(x.regime.from)}–${c.mon(x.regime.to)}`, { f: x.treasuryCap }, c.cite(x.treasuryCap), { f: x.mbsCap }, c.cite(x.mbsCap)]),
  );
  c.p('设定(或维持)各上限的原文:', 'The sentences that set (or keep) each cap:');
  const capSentences = [...new Map(QT2_CAP_REGIMES.flatMap((r) => [r.caps.treasury, r.caps.mbs]).map((q) => [`${q.date}|${q.quote}`, q])).values()];
  const capQuotes: string[] = [];
  for (const q of capSentences) capQuotes.push(await c.quote(q));
  c.md(capQuotes.join('\n\n'));
  c.chart(
    timeChart({
      title: c.t('图1 美联储持有的美国国债与MBS(万亿美元)', 'Figure 1 Fed holdings of Treasuries and MBS (US$ trillion)'),
      lang: c.lang,
      lines: [
        { name: c.t('美国国债', 'Treasuries'), points: chartPoints(treast, '2015-01-01', TRILLION_FROM_MILLIONS) },
        { name: 'MBS', points: chartPoints(mbs, '2015-01-01', TRILLION_FROM_MILLIONS) },
      ],
      axisNames: [tn],
      bands,
    }),
  );

  // ---- 2. runoff against the caps ---------------------------------------------------------------------------
  c.section('缩减进度:国债与MBS对照上限', 'Runoff of Treasuries and MBS against the caps');
  c.p(
    '附息国债在每月15日和月末到期,赎回集中在这两个时点,因此每个上限阶段的测算窗口从该阶段开始前一个月最后一天当天或之后的第一个周三,到该阶段最后一天当天或之后的第一个周三:窗口包含本阶段每个月的月中和月末赎回,而不包含上一阶段最后一个月末的赎回。月均变化 = 窗口内持有量变化 ÷ 该阶段的日历月数;“占上限”为月均缩减额除以该阶段的月度上限。负值表示持有量减少。',
    'Treasury coupon securities mature on the 15th and at month-end, where the redemptions concentrate, so each cap regime is measured from the first Wednesday on or after the last day of the month before it to the first Wednesday on or after its own last day: the window holds every mid-month and month-end redemption of the regime and none of the previous regime’s last month-end. Average monthly change = change in holdings over the window ÷ calendar months of the regime; “share of cap” is the average monthly runoff divided by the regime’s monthly cap. Negative values are declines.',
  );
  c.table(
    [c.t('阶段', 'Phase'), c.t('测算窗口(周三)', 'Window (Wednesdays)'), c.t('月数', 'Months'), c.t('国债月均变化', 'Treasuries, avg. monthly change'), c.t('国债占上限', 'Treasuries, share of cap'), c.t('MBS月均变化', 'MBS, avg. monthly change'), c.t('MBS占上限', 'MBS, share of cap'), c.t('来源', 'Sources')],
    rows.map((x) => [
      x.name,
      `${x.treasuryChange.period!.from} – ${x.treasuryChange.period!.to}`,
      String(x.months),
      { f: x.treasury, text: w.signed(x.treasury) },
      { f: x.treasuryShare, text: pct0(x.treasuryShare) },
      { f: x.mbs, text: w.signed(x.mbs) },
      { f: x.mbsShare, text: pct0(x.mbsShare) },
      c.cite(x.treasury, x.mbs, x.treasuryShare, x.mbsShare, x.treasuryCap, x.mbsCap),
    ]),
  );
  const [initial, full, s24, s25] = rows as [RegimeRow, RegimeRow, RegimeRow, RegimeRow];
  const FULL = c.t('全速期', 'full pace');
  n(full.mbs, FULL, M_);
  n(full.mbsShare, FULL, M_);
  n(full.mbsCap, FULL, M_);
  n(s24.mbs, c.t('第一次放缓', 'first slowdown'), M_);
  n(s25.mbs, c.t('第二次放缓', 'second slowdown'), M_);
  n(s24.mbsShare, c.t('第一次放缓', 'first slowdown'), M_);
  n(s25.mbsShare, c.t('第二次放缓', 'second slowdown'), M_);
  n(initial.mbs, c.t('起步期', 'phase-in'), M_);
  c.p(
    `**数据显示,MBS的缩减始终明显低于上限。**全速期的MBS上限为${w.v(full.mbsCap)}${c.cite(full.mbsCap)};全速期MBS持有量月均减少${w.abs(full.mbs)}${c.cite(full.mbs)},仅为上限的${pct0(full.mbsShare)}${c.cite(full.mbsShare)}。2024年6月以后国债上限先后下调,而MBS上限维持不变${await c.doc(s24.regime.caps.mbs)}${await c.doc(s25.regime.caps.mbs)}:第一次放缓期MBS月均减少${w.abs(s24.mbs)}(上限的${pct0(s24.mbsShare)})${c.cite(s24.mbs, s24.mbsShare)};第二次放缓期MBS月均减少${w.abs(s25.mbs)}(上限的${pct0(s25.mbsShare)})${c.cite(s25.mbs, s25.mbsShare)}。起步期MBS持有量${initial.mbs.value > 0 ? '不降反升' : '仅小幅下降'},起步期MBS月均变化为${w.signed(initial.mbs)}${c.cite(initial.mbs)}。`,
    `**The data show MBS running off well below its cap throughout.** At full pace the MBS cap was ${w.v(full.mbsCap)}${c.cite(full.mbsCap)}; at full pace MBS holdings fell by an average of ${w.abs(full.mbs)} a month${c.cite(full.mbs)}, only ${pct0(full.mbsShare)} of the MBS cap${c.cite(full.mbsShare)}. After June 2024 the Treasury cap was lowered step by step while the MBS cap stayed unchanged${await c.doc(s24.regime.caps.mbs)}${await c.doc(s25.regime.caps.mbs)}: in the first slowdown MBS runoff averaged ${w.abs(s24.mbs)} a month (${pct0(s24.mbsShare)} of the cap)${c.cite(s24.mbs, s24.mbsShare)}; in the second slowdown MBS runoff averaged ${w.abs(s25.mbs)} a month (${pct0(s25.mbsShare)} of the cap)${c.cite(s25.mbs, s25.mbsShare)}. In the phase-in months MBS holdings ${initial.mbs.value > 0 ? 'did not fall at all' : 'barely fell'}: the phase-in average monthly change of MBS was ${w.signed(initial.mbs)}${c.cite(initial.mbs)}.`,
  );
  c.p('这与FOMC启动缩表前的预期一致——MBS的本金偿还主要来自提前还款,而在高利率下提前还款很慢:', 'This is what the FOMC expected before QT began — MBS principal comes mostly from prepayments, which are slow when mortgage rates are high:');
  c.md(await c.quote(T.prepaymentsUnderCap));
  const fullCombined = sumOf({ ...full.treasury, value: -full.treasury.value }, { ...full.mbs, value: -full.mbs.value }, { zh: '国债与MBS合计月均缩减(全速期)', en: 'combined average monthly runoff of Treasuries and MBS (full pace)' });
  const combinedCap = sumOf(full.treasuryCap, full.mbsCap, { zh: '国债与MBS合计每月上限(全速期)', en: 'combined monthly cap of Treasuries and MBS (full pace)' });
  const combinedShare = shareOf(fullCombined, combinedCap, { zh: '合计月均缩减占合计上限比例(全速期)', en: 'combined runoff as a share of the combined cap (full pace)' }, 'combined_share');
  n(combinedCap, c.t('每月缩表', 'a month'));
  n(full.treasuryCap, FULL, T_);
  n(full.treasury, FULL, T_, c.t('国债持有量', 'Treasury holdings'));
  n(full.treasuryShare, FULL, T_);
  c.p(
    `**常见说法与数据的差异:**市场常说美联储在全速期“每月缩表${w.v(combinedCap)}”,即国债上限${w.v(full.treasuryCap)}与MBS上限${w.v(full.mbsCap)}之和${c.cite(combinedCap, full.treasuryCap, full.mbsCap)}。数据显示,全速期国债与MBS合计月均缩减${w.v(fullCombined)}${c.cite(fullCombined)},为合计上限的${pct0(combinedShare)}${c.cite(combinedShare)}。缺口几乎全部来自MBS;全速期国债持有量月均减少${w.abs(full.treasury)}${c.cite(full.treasury)},为国债上限的${pct0(full.treasuryShare)}${c.cite(full.treasuryShare)}。`,
    `**A common claim against the data:** the Fed is often said to have shrunk its balance sheet by “${w.v(combinedCap)} a month” at full pace, the sum of the Treasury cap of ${w.v(full.treasuryCap)} and the MBS cap of ${w.v(full.mbsCap)}${c.cite(combinedCap, full.treasuryCap, full.mbsCap)}. In the data, the combined runoff of Treasuries and MBS at full pace averaged ${w.v(fullCombined)} a month${c.cite(fullCombined)}, ${pct0(combinedShare)} of the combined cap${c.cite(combinedShare)}. Nearly all of the shortfall is MBS. At full pace Treasury holdings fell by ${w.abs(full.treasury)} a month${c.cite(full.treasury)}, ${pct0(full.treasuryShare)} of the Treasury cap${c.cite(full.treasuryShare)}.`,
  );
  // below the cap: the H.4.1 figure includes TIPS inflation compensation, which accrues while face value is redeemed
  const underCap = rows.filter((x) => x.treasuryShare.value < 95);
  const overCap = rows.filter((x) => x.treasuryShare.value > 100);
  for (const x of underCap) n(x.treasuryShare, x.name, T_);
  if (underCap.length) {
    const list = underCap.map((x) => c.t(`${x.name}国债占上限${pct0(x.treasuryShare)}(上限${w.v(x.treasuryCap)})${c.cite(x.treasuryShare, x.treasuryCap)}`, `${x.name.toLowerCase()} Treasury runoff ${pct0(x.treasuryShare)} of the cap (cap ${w.v(x.treasuryCap)})${c.cite(x.treasuryShare, x.treasuryCap)}`)).join(c.t(';', '; '));
    c.p(
      `按与赎回日对齐的窗口计算,${overCap.length ? `${overCap.map((x) => x.name).join('、')}的国债缩减超过上限` : '没有一个阶段的国债缩减超过上限'};上限较小的阶段国债缩减明显低于上限:${list}。原因之一是H.4.1的国债持有量包含通胀保值国债(TIPS)的通胀补偿,它随通胀累积、抵消一部分赎回,上限越小,这一抵消占上限的比例越大;持有量的变化因此并不完全等于赎回额。`,
      `Measured on windows aligned to the redemption dates, ${overCap.length ? `Treasury runoff exceeded the cap in the ${overCap.map((x) => x.name.toLowerCase()).join(' and ')} regime` : 'no regime ran Treasuries off faster than its cap'}; the regimes with small caps ran well below it: ${list}. One reason is that H.4.1 Treasury holdings include the inflation compensation on TIPS, which accrues with inflation and offsets part of the redemptions — the smaller the cap, the larger that offset relative to it; changes in holdings are therefore not exactly redemptions.`,
    );
  }
  const WHOLE = c.t('整个QT2期间', 'over the whole of QT2');
  const qt2T = n(A.change(treast, QT2.from, QT2.to), 'QT2', WHOLE, T_);
  const qt2Tp = n(A.percentChange(treast, QT2.from, QT2.to), 'QT2', WHOLE, T_);
  const qt2M = n(A.change(mbs, QT2.from, QT2.to), 'QT2', WHOLE, M_);
  const qt2Mp = n(A.percentChange(mbs, QT2.from, QT2.to), 'QT2', WHOLE, M_);
  c.p(
    `按${c.day(qt2T.period!.from)}至${c.day(qt2T.period!.to)}的周度数据,整个QT2期间所持国债减少${w.abs(qt2T)}(${w.signed(qt2Tp)})${c.cite(qt2T, qt2Tp)};整个QT2期间所持MBS减少${w.abs(qt2M)}(${w.signed(qt2Mp)})${c.cite(qt2M, qt2Mp)}。FOMC的长期目标是主要持有国债${await c.doc(T.principlesTreasuryOnly)},2024年6月起超出MBS上限的本金转投国债${await c.doc(T.mbsExcessToTreasuries)}。`,
    `Over the whole of QT2 (${c.day(qt2T.period!.from)} to ${c.day(qt2T.period!.to)}), Treasury holdings fell by ${w.abs(qt2T)} (${w.signed(qt2Tp)})${c.cite(qt2T, qt2Tp)}; MBS holdings fell by ${w.abs(qt2M)} (${w.signed(qt2Mp)})${c.cite(qt2M, qt2Mp)}. The FOMC’s longer-run aim is a portfolio of mainly Treasuries${await c.doc(T.principlesTreasuryOnly)}; from June 2024 MBS principal above the cap was reinvested in Treasuries${await c.doc(T.mbsExcessToTreasuries)}.`,
  );
  // bars in 亿美元 (zh) or US$ billion (en) a month; the series are in millions
  const perMonth = (v: number) => Math.round((c.lang === 'zh' ? v / 100 : v / 1000) * 10) / 10;
  const capUnit = (billions: number) => (c.lang === 'zh' ? billions * 10 : billions);
  c.chart(
    barChart({
      title: c.t('图2 各阶段月均缩减额与上限(亿美元/月,窗口与赎回日对齐)', 'Figure 2 Average monthly runoff and caps by phase (US$ billion a month, windows aligned to redemptions)'),
      lang: c.lang,
      categories: rows.map((x) => x.name),
      axisName: c.t('亿美元/月', 'US$ bn / month'),
      bars: [
        { name: c.t('国债实际缩减', 'Treasuries, actual'), values: rows.map((x) => perMonth(-x.treasury.value)) },
        { name: c.t('国债上限', 'Treasury cap'), values: rows.map((x) => capUnit(x.treasuryCap.value)), hatched: true },
        { name: c.t('MBS实际缩减', 'MBS, actual'), values: rows.map((x) => perMonth(-x.mbs.value)) },
        { name: c.t('MBS上限', 'MBS cap'), values: rows.map((x) => capUnit(x.mbsCap.value)), hatched: true },
      ],
    }),
  );

  // ---- 3. total assets ------------------------------------------------------------------------------------
  c.section('总资产:QT1与QT2', 'Total assets over QT1 and QT2');
  const a0 = n(start(walcl), ASSETS, 'QT2', c.t('开始', 'began'));
  const a1 = n(end(walcl), ASSETS, 'QT2', c.t('结束', 'ended'));
  const times = n(multipleOf(qt2Assets, qt1Assets, { zh: 'QT2总资产降幅 ÷ QT1总资产降幅', en: 'QT2 decline in total assets ÷ QT1 decline in total assets' }), 'QT1', 'QT2', c.t('降幅', 'decline'), c.t('倍', 'times'));
  c.p(
    `美联储总资产在${c.day(peak.asOf)}达到${w.v(peak)}的峰值${c.cite(peak)}。QT2开始时(${c.day(a0.asOf)})总资产为${w.v(a0)}${c.cite(a0)};QT2结束时(${c.day(a1.asOf)})总资产为${w.v(a1)}${c.cite(a1)}。QT2期间总资产减少${w.abs(qt2Assets)}(${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)},QT2降幅约为QT1降幅的${w.num(times.value, 1)}倍${c.cite(times)}。`,
    `The Fed’s total assets peaked at ${w.v(peak)} on ${c.day(peak.asOf)}${c.cite(peak)}. When QT2 began (${c.day(a0.asOf)}) total assets were ${w.v(a0)}${c.cite(a0)}; when QT2 ended (${c.day(a1.asOf)}) total assets were ${w.v(a1)}${c.cite(a1)}. Over QT2 total assets fell by ${w.abs(qt2Assets)} (${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)}; the QT2 decline was about ${w.num(times.value, 1)} times the QT1 decline${c.cite(times)}.`,
  );
  const aLast = n(A.latest(walcl), ASSETS, c.t('最新', 'latest'));
  const sinceEnd = n(A.change(walcl, after), ASSETS, SINCE);
  c.p(
    `缩表结束后总资产转为${sinceEnd.value >= 0 ? '回升' : '继续下降'}:截至${c.day(aLast.asOf)},总资产为${w.v(aLast)}${c.cite(aLast)};缩表结束以来总资产${sinceEnd.value >= 0 ? '增加' : '减少'}${w.abs(sinceEnd)}(自${c.day(sinceEnd.period!.from)}起)${c.cite(sinceEnd)}。`,
    `Since QT ended total assets have ${sinceEnd.value >= 0 ? 'risen' : 'kept falling'}: on ${c.day(aLast.asOf)} total assets were ${w.v(aLast)}${c.cite(aLast)}; since QT ended total assets are ${sinceEnd.value >= 0 ? 'up' : 'down'} ${w.abs(sinceEnd)} (from ${c.day(sinceEnd.period!.from)})${c.cite(sinceEnd)}.`,
  );
  c.chart(
    timeChart({
      title: c.t('图3 美联储总资产(万亿美元)', 'Figure 3 Federal Reserve total assets (US$ trillion)'),
      lang: c.lang,
      lines: [{ name: c.t('总资产', 'Total assets'), points: chartPoints(walcl, '2008-01-01', TRILLION_FROM_MILLIONS) }],
      axisNames: [tn],
      bands,
    }),
  );

  // ---- 4. benefits: normalisation ----------------------------------------------------------------------------
  c.section('缩表的收益:资产负债表正常化', 'The benefits: normalising the balance sheet');
  c.p(
    '衡量“正常化”有两把尺子:资产负债表相对经济规模的大小,以及美联储在国债市场中的份额。下表的比例 = 某个周三的总资产 ÷ 该周三所在季度的名义GDP(季调年化),两者均折算为美元。',
    'Two yardsticks measure normalisation: the size of the balance sheet relative to the economy, and the Fed’s share of the Treasury market. In the table, the ratio = total assets on a Wednesday ÷ nominal GDP (seasonally adjusted annual rate) of the quarter containing that Wednesday, both in dollars.',
  );
  c.table(
    [c.t('时点', 'Point'), c.t('总资产', 'Total assets'), c.t('名义GDP(季调年化)', 'Nominal GDP (SAAR)'), c.t('总资产占GDP', 'Total assets / GDP'), c.t('来源', 'Sources')],
    gdpRows.map((x) => [x.name, dated(x.assets), { f: x.gdp, text: `${w.v(x.gdp)}<br><span class="d">${w.obsDate(x.gdp.asOf, 'quarterly')}</span>` }, { f: x.ratio, text: pct1(x.ratio) }, c.cite(x.assets, x.gdp, x.ratio)]),
  );
  c.p(
    `总资产峰值时占名义GDP比例为${pct1(gdpPeak.ratio)}${c.cite(gdpPeak.ratio)};缩表结束时降至${pct1(gdpEnd.ratio)}${c.cite(gdpEnd.ratio)};有GDP数据的最近一季为${pct1(gdpLast.ratio)}${c.cite(gdpLast.ratio)};疫情前的2019年末为${pct1(gdp2019.ratio)}${c.cite(gdp2019.ratio)}。米兰理事给出的参照与此相近:`,
    `Total assets as a share of nominal GDP were ${pct1(gdpPeak.ratio)} at the peak${c.cite(gdpPeak.ratio)}; the share fell to ${pct1(gdpEnd.ratio)} at the end of QT2${c.cite(gdpEnd.ratio)}; in the latest quarter with GDP data the share was ${pct1(gdpLast.ratio)}${c.cite(gdpLast.ratio)}; before the pandemic, at end-2019, the share was ${pct1(gdp2019.ratio)}${c.cite(gdp2019.ratio)}. Governor Miran offered a similar benchmark:`,
  );
  c.md(await said(T.miranShareOfGdp));
  c.p(
    `第二把尺子是美联储持有的国债占全部可流通国债的比例(H.4.1国债持有量 ÷ 月末可流通国债余额,美国财政部《公债月报》):缩表开始前为${pct1(share0.share)}${c.cite(share0.share)},缩表结束时为${pct1(share1.share)}${c.cite(share1.share)},最新的美联储占比为${pct1(shareLast.share)}(${w.month(shareLast.debt.asOf)})${c.cite(shareLast.share)}。美联储在国债市场的“足迹”缩小,意味着更多国债由私人部门和海外投资者持有(见全球影响一节)。`,
    `The second yardstick is the Fed’s share of all marketable Treasury debt (H.4.1 Treasury holdings ÷ marketable debt outstanding at the month-end, Treasury’s Monthly Statement of the Public Debt): the share was ${pct1(share0.share)} before QT2${c.cite(share0.share)}, ${pct1(share1.share)} at the end of QT2${c.cite(share1.share)} and ${pct1(shareLast.share)} in the latest month (${w.month(shareLast.debt.asOf)})${c.cite(shareLast.share)}. A smaller Fed footprint in the Treasury market means more Treasuries held by private and foreign investors (see the global section).`,
  );
  c.table(
    [c.t('时点', 'Point'), c.t('美联储持有国债', 'Fed Treasury holdings'), c.t('可流通国债余额', 'Marketable debt outstanding'), c.t('美联储占比', 'Fed share'), c.t('来源', 'Sources')],
    shareRows.map((x) => [x.name, dated(x.held), { f: x.debt, text: `${w.v(x.debt)}<br><span class="d">${x.debt.asOf}</span>` }, { f: x.share, text: pct1(x.share) }, c.cite(x.held, x.debt, x.share)]),
  );
  c.p(
    '利率风险与上缴利润是理事们在讲话中提到的另一项收益:资产负债表越大,美联储承担的期限错配越大。米兰理事指出,较小的资产负债表可降低按市值计价亏损的可能和向财政部上缴利润的波动;沃勒理事则指出美联储目前的利息支出已超过利息收入,并认为问题出在持有资产的期限:',
    'Interest-rate risk and remittances are another benefit Board members discuss: the larger the balance sheet, the larger the maturity mismatch the Fed carries. Governor Miran said a smaller balance sheet lowers the chance of mark-to-market losses and the volatility of remittances to the Treasury; Governor Waller noted that the Fed’s interest expense now exceeds its interest income and located the problem in the maturity of its assets:',
  );
  c.md([await said(T.miranRemittances), await said(T.wallerNetInterest), await said(T.wallerDuration)].join('\n\n'));
  const mbsLast = n(A.latest(mbs), M_, c.t('最新', 'latest'));
  const tLast = n(A.latest(treast), T_, c.t('最新', 'latest'));
  const securitiesLast = sumOf(mbsLast, tLast, { zh: '证券合计(最新)', en: 'securities combined (latest)' });
  const mbsShareLast = n(shareOf(mbsLast, securitiesLast, { zh: 'MBS占证券比例(最新)', en: 'MBS share of securities (latest)' }, 'mbs_share'), M_, c.t('占比', 'share'), c.t('证券持有量', 'securities holdings'), c.t('占', 'making up'));
  c.p(
    `资产结构的调整更慢:截至${c.day(mbsLast.asOf)},美联储仍持有MBS${w.v(mbsLast)}${c.cite(mbsLast)},MBS占证券持有量(国债与MBS合计)的${pct1(mbsShareLast)}${c.cite(mbsShareLast, tLast)}。`,
    `The shift in composition is slower: on ${c.day(mbsLast.asOf)} the Fed still held MBS of ${w.v(mbsLast)}${c.cite(mbsLast)}, MBS making up ${pct1(mbsShareLast)} of its securities holdings (Treasuries and MBS)${c.cite(mbsShareLast, tLast)}.`,
  );
  c.chart(
    timeChart({
      title: c.t('图4 美联储总资产占名义GDP比例(%,季末周三)', 'Figure 4 Fed total assets as a share of nominal GDP (%, last Wednesday of each quarter)'),
      lang: c.lang,
      lines: [{ name: c.t('总资产 ÷ 名义GDP', 'Total assets ÷ nominal GDP'), points: assetsToGdpPoints(walcl, S.GDP, '2006-01-01') }],
      axisNames: ['%'],
      bands,
    }),
  );
  // ---- 5. reserves, ON RRP and TGA --------------------------------------------------------------------------
  c.section('准备金、隔夜逆回购与财政部账户', 'Reserves, ON RRP and the Treasury General Account');
  const liq = [
    { s: reserves, name: c.t('银行准备金', 'Reserve balances') },
    { s: rrp, name: c.t('隔夜逆回购(ON RRP)', 'ON RRP') },
    { s: tga, name: c.t('财政部一般账户(TGA)', 'Treasury General Account (TGA)') },
  ].map((x) => ({ ...x, start: start(x.s), max: A.max(x.s, QT2.from, QT2.to), min: A.min(x.s, QT2.from, QT2.to), end: end(x.s), last: A.latest(x.s) }));
  const hStart = c.t('缩表开始', 'QT2 start');
  const hMax = c.t('QT2最高', 'QT2 high');
  const hMin = c.t('QT2最低', 'QT2 low');
  const hEnd = c.t('缩表结束', 'QT2 end');
  const hLast = c.t('最新', 'Latest');
  c.table(
    [c.t('项目', 'Item'), hStart, hMax, hMin, hEnd, hLast, c.t('来源', 'Source')],
    liq.map((x) => [x.name, dated(x.start), dated(x.max), dated(x.min), dated(x.end), dated(x.last), c.cite(x.start, x.max, x.min, x.end, x.last)]),
  );
  const [res, onrrp, tgaRow] = liq as [typeof liq[number], typeof liq[number], typeof liq[number]];
  const resChange = n(A.change(reserves, QT2.from, QT2.to), 'QT2', RES, c.t('期间', 'over'));
  const rrpChange = n(A.change(rrp, QT2.from, QT2.to), 'QT2', RRP);
  const rrpShare = n(shareOf(rrpChange, qt2Assets, { zh: '逆回购降幅占总资产降幅比例(QT2)', en: 'ON RRP decline as a share of the decline in total assets (QT2)' }, 'rrp_share'), RRP, c.t('总资产降幅', 'decline in total assets'));
  const resShare = n(shareOf(resChange, qt2Assets, { zh: '准备金降幅占总资产降幅比例(QT2)', en: 'reserve decline as a share of the decline in total assets (QT2)' }, 'reserve_share'), RES, c.t('总资产降幅', 'decline in total assets'));
  n(res.max, RES, c.t('最高', 'high'));
  n(onrrp.max, RRP, c.t('高点', 'high'));
  n(onrrp.min, RRP, c.t('低点', 'low'));
  c.p(
    `**数据显示,缩表抽走的主要是逆回购,而不是银行准备金。**QT2期间总资产减少${w.abs(qt2Assets)}${c.cite(qt2Assets)};同期逆回购减少${w.abs(rrpChange)}${c.cite(rrpChange)},逆回购降幅相当于总资产降幅的${pct0(rrpShare)}${c.cite(rrpShare)};准备金只减少${w.abs(resChange)}${c.cite(resChange)},准备金降幅为总资产降幅的${pct0(resShare)}${c.cite(resShare)}。QT2期间准备金一度升至最高${w.v(res.max)}(${c.day(res.max.asOf)})${c.cite(res.max)}。逆回购则从${c.day(onrrp.max.asOf)}的高点${w.v(onrrp.max)}${c.cite(onrrp.max)}降至${c.day(onrrp.min.asOf)}的低点${w.v(onrrp.min)}${c.cite(onrrp.min)}——这一缓冲用尽后,缩表才开始直接压低准备金。`,
    `**The data show that QT drained mainly the ON RRP, not bank reserves.** Over QT2 total assets fell by ${w.abs(qt2Assets)}${c.cite(qt2Assets)}; the ON RRP fell by ${w.abs(rrpChange)}${c.cite(rrpChange)}, an ON RRP decline equal to ${pct0(rrpShare)} of the decline in total assets${c.cite(rrpShare)}; reserves fell by only ${w.abs(resChange)}${c.cite(resChange)}, a reserve decline of ${pct0(resShare)} of the decline in total assets${c.cite(resShare)}. During QT2 reserves even rose to a high of ${w.v(res.max)} on ${c.day(res.max.asOf)}${c.cite(res.max)}. The ON RRP went from its high of ${w.v(onrrp.max)} on ${c.day(onrrp.max.asOf)}${c.cite(onrrp.max)} to an ON RRP low of ${w.v(onrrp.min)} on ${c.day(onrrp.min.asOf)}${c.cite(onrrp.min)} — only once that buffer was used up did runoff bear directly on reserves.`,
  );
  c.p('FOMC事先承诺在准备金仍“略高于充足水平”时放慢并停止缩表:', 'The FOMC committed in advance to slow and stop the runoff while reserves were still somewhat above “ample”:');
  c.md(await c.quote(T.ampleCalibration));
  n(tgaRow.min, 'TGA', c.t('最低', 'low'));
  n(tgaRow.max, 'TGA', c.t('最高', 'high'));
  c.p(
    `财政部一般账户(TGA)的大幅波动同样影响准备金:QT2期间TGA最低为${w.v(tgaRow.min)}(${c.day(tgaRow.min.asOf)})${c.cite(tgaRow.min)},TGA最高为${w.v(tgaRow.max)}(${c.day(tgaRow.max.asOf)})${c.cite(tgaRow.max)}。纽约联储交易台曾提示,债务上限解除后重建TGA会减少准备金${await c.doc(T.tgaRebuild)}。`,
    `Swings in the Treasury General Account (TGA) also move reserves: during QT2 the TGA low was ${w.v(tgaRow.min)} (${c.day(tgaRow.min.asOf)})${c.cite(tgaRow.min)} and the TGA high ${w.v(tgaRow.max)} (${c.day(tgaRow.max.asOf)})${c.cite(tgaRow.max)}. The Desk warned that rebuilding the TGA after the debt limit was lifted would reduce reserves${await c.doc(T.tgaRebuild)}.`,
  );
  c.chart(
    timeChart({
      title: c.t('图5 准备金、逆回购与TGA(万亿美元)', 'Figure 5 Reserves, ON RRP and the TGA (US$ trillion)'),
      lang: c.lang,
      lines: [
        { name: c.t('准备金', 'Reserves'), points: chartPoints(reserves, '2020-01-01', TRILLION_FROM_MILLIONS) },
        { name: c.t('逆回购', 'ON RRP'), points: chartPoints(rrp, '2020-01-01', TRILLION_FROM_BILLIONS) },
        { name: 'TGA', points: chartPoints(tga, '2020-01-01', TRILLION_FROM_MILLIONS) },
      ],
      axisNames: [tn],
      bands: qt2Band,
    }),
  );


  // ---- 6. crisis capacity: the March 2023 bank stress ---------------------------------------------------------
  c.section('危机应对能力:2023年3月银行业压力', 'Crisis capacity: the March 2023 bank stress');
  c.p(
    `缩表并没有让美联储失去在危机中扩表的能力。${c.day(preStress.asOf)}是银行业压力爆发前的最后一个H.4.1周三,当日总资产为${w.v(preStress)}${c.cite(preStress)};此后总资产在${c.day(stressPeak.asOf)}升至银行业压力期间的高点${w.v(stressPeak)}${c.cite(stressPeak)},银行业压力期间总资产增加${w.abs(stressJump)}${c.cite(stressJump)}。缩表照常进行:银行业压力期间所持国债仍减少${w.abs(stressT)}${c.cite(stressT)};银行业压力期间所持MBS减少${w.abs(stressM)}${c.cite(stressM)}。扩表来自对银行的贷款,FOMC会议纪要记录了当时的借款规模:`,
    `Runoff did not take away the Fed’s capacity to expand in a crisis. ${c.day(preStress.asOf)} was the last H.4.1 Wednesday before the bank stress, with total assets of ${w.v(preStress)}${c.cite(preStress)}; total assets then rose to a bank-stress high of ${w.v(stressPeak)} on ${c.day(stressPeak.asOf)}${c.cite(stressPeak)}, so in the bank stress total assets rose by ${w.abs(stressJump)}${c.cite(stressJump)}. Runoff went on: in the bank stress Treasury holdings still fell by ${w.abs(stressT)}${c.cite(stressT)}; in the bank stress MBS holdings fell by ${w.abs(stressM)}${c.cite(stressM)}. The expansion was lending to banks; the FOMC minutes recorded the borrowing:`,
  );
  c.md(await c.quote(T.bankStressBorrowing));
  c.p(
    `${backBelow ? c.t(`总资产在${c.day(backBelow.asOf)}回落到银行业压力前的水平以下${c.cite(n(backBelow, ASSETS, STRESS, c.t('回落', 'back below')))}。`, `Total assets were back below their pre-stress level on ${c.day(backBelow.asOf)}${c.cite(n(backBelow, ASSETS, STRESS, c.t('回落', 'back below')))}.`) : c.t('此后总资产没有回落到银行业压力前的水平以下。', 'Total assets have not fallen back below their pre-stress level since.')}FOMC随后判断缩表继续平稳进行:`,
    `${backBelow ? `Total assets were back below their pre-stress level on ${c.day(backBelow.asOf)}${c.cite(n(backBelow, ASSETS, STRESS, 'back below'))}. ` : 'Total assets have not fallen back below their pre-stress level since. '}The FOMC then judged that runoff was proceeding smoothly:`,
  );
  c.md(await c.quote(T.runoffSmoothAfterStress));
  c.p('理事们也把这种能力列为较小资产负债表的收益——资产负债表越小,应对下一次冲击时扩表的空间越大:', 'Board members count this capacity among the benefits of a smaller balance sheet — the smaller it is, the more room to expand in the next shock:');
  c.md([await said(T.bowmanOptionality), await said(T.miranDryPowder)].join('\n\n'));
  c.chart(
    timeChart({
      title: c.t('图6 2023年银行业压力前后的总资产与所持国债(万亿美元)', 'Figure 6 Total assets and Treasury holdings around the 2023 bank stress (US$ trillion)'),
      lang: c.lang,
      lines: [
        { name: c.t('总资产(左轴)', 'Total assets (left)'), points: chartPoints(walcl, '2022-10-01', TRILLION_FROM_MILLIONS, '2023-12-31') },
        { name: c.t('美国国债(右轴)', 'Treasuries (right)'), points: chartPoints(treast, '2022-10-01', TRILLION_FROM_MILLIONS, '2023-12-31'), axis: 1 },
      ],
      axisNames: [tn, tn],
      bands: qt2Band,
    }),
  );

  // ---- 7. rates and volatility ------------------------------------------------------------------------------
  c.section('利率与波动率:缩表期间与其他时期', 'Rates and volatility during QT and outside it');
  const outsideRanges = 'ranges' in outside ? outside.ranges : [];
  const volRows: Array<{ name: string; dates: string; f: Fact }> = [
    { name: 'QT2', dates: `${c.mon(QT2.from)}–${c.mon(QT2.to)}`, f: vol.a },
    { name: c.t('其中:加息期间', 'of which: while hiking'), dates: `${c.mon(QT2.from)}–${c.mon(HIKES.to)}`, f: volHikes },
    { name: c.t('其中:最后一次加息之后', 'of which: after the last hike'), dates: `${c.mon(A.addDays(HIKES.to, 1))}–${c.mon(QT2.to)}`, f: volAfterHikes },
    { name: 'QT1', dates: `${c.mon(QT1.from)}–${c.mon(QT1.to)}`, f: volQt1 },
    { name: POST, dates: `${c.mon(VOLATILITY_BASELINES.postCrisis.from)}–${c.mon(VOLATILITY_BASELINES.postCrisis.to)}`, f: volPost },
    { name: OUT, dates: outsideRanges.map((r) => `${c.mon(r.from!)}–${c.mon(r.to!)}`).join(c.t('、', '; ')), f: vol.b },
    { name: c.t('沃尔克时期', 'Volcker years'), dates: `${c.mon(VOLATILITY_BASELINES.volcker.from)}–${c.mon(VOLATILITY_BASELINES.volcker.to)}`, f: volVolcker },
  ];
  c.table(
    [c.t('时期', 'Period'), c.t('区间', 'Dates'), c.t('10年期美债日变化标准差', '10-year yield, st. dev. of daily changes'), c.t('来源', 'Source')],
    volRows.map((x) => [x.name, x.dates, { f: x.f }, c.cite(x.f)]),
  );
  const baselines = [
    { f: volPost, zh: '2010–2021年', en: 'in 2010–2021' },
    { f: volQt1, zh: 'QT1', en: 'in QT1' },
    { f: vol.b, zh: '1962年以来QT2以外的全部交易日', en: 'on all days since 1962 outside QT2' },
    { f: volVolcker, zh: '沃尔克时期', en: 'in the Volcker years' },
  ];
  const higher = baselines.filter((b) => vol.a.value > b.f.value);
  const lower = baselines.filter((b) => vol.a.value < b.f.value);
  const listZh = (xs: typeof baselines) => xs.map((b) => `${b.zh}(${w.v(b.f)})${c.cite(b.f)}`).join('、');
  const listEn = (xs: typeof baselines) => xs.map((b) => `${b.en} (${w.v(b.f)})${c.cite(b.f)}`).join(', ');
  c.p(
    `按日变化(基点)的样本标准差计算,QT2期间10年期美债收益率的日波动为${w.v(vol.a)}${c.cite(vol.a)}${higher.length ? `,高于${listZh(higher)}` : ''}${lower.length ? `,低于${listZh(lower)}` : ''}。1962年以来的全部历史包含沃尔克时期的剧烈波动,单独用它作基准会低估QT2的波动偏高程度。QT2中加息期间的日波动为${w.v(volHikes)}${c.cite(volHikes)},最后一次加息之后的日波动为${w.v(volAfterHikes)}${c.cite(volAfterHikes)}。**结论:**QT2期间的利率波动${vol.a.value > volPost.value ? '高于危机后的常态' : '并不高于危机后的常态'}${vol.a.value < volVolcker.value ? ',但低于沃尔克时期' : ''};${volHikes.value > volAfterHikes.value ? '偏高的部分主要出现在与缩表重叠的加息期间,数据无法把缩表本身的影响与加息分开' : '加息结束后波动并未回落,偏高不能只归因于加息'}。`,
    `Measured as the sample standard deviation of daily changes in basis points, QT2 volatility of the 10-year yield was ${w.v(vol.a)} a day${c.cite(vol.a)}${higher.length ? `, higher than ${listEn(higher)}` : ''}${lower.length ? `, and lower than ${listEn(lower)}` : ''}. The whole history since 1962 includes the violent swings of the Volcker years, so on its own it understates how unusual QT2 volatility was. Within QT2, volatility while hiking was ${w.v(volHikes)}${c.cite(volHikes)} and volatility after the last hike ${w.v(volAfterHikes)}${c.cite(volAfterHikes)}. **Conclusion:** rate volatility during QT2 was ${vol.a.value > volPost.value ? 'above' : 'not above'} the post-crisis norm${vol.a.value < volVolcker.value ? ', yet below the Volcker years' : ''}; ${volHikes.value > volAfterHikes.value ? 'the excess came mostly in the hiking months that overlapped QT, and the data cannot separate the effect of runoff from that of the hikes' : 'volatility did not fall after the hikes ended, so the excess is not just the hikes'}.`,
  );
  const Y10 = c.t('10年期美债收益率', '10-year yield');
  const y0 = n(start(dgs10), Y10, 'QT2', c.t('开始', 'began'));
  const yMax = n(A.max(dgs10, QT2.from, QT2.to), Y10, c.t('最高', 'peak'));
  const y1 = n(end(dgs10), Y10, 'QT2', c.t('结束', 'ended'));
  const yLast = n(A.latest(dgs10), Y10, c.t('最新', 'latest'));
  c.p(
    `QT2开始时10年期美债收益率为${w.v(y0)}(${c.day(y0.asOf)})${c.cite(y0)};QT2期间10年期美债收益率最高为${w.v(yMax)}(${c.day(yMax.asOf)})${c.cite(yMax)};QT2结束时10年期美债收益率为${w.v(y1)}${c.cite(y1)};最新10年期美债收益率为${w.v(yLast)}(${c.day(yLast.asOf)})${c.cite(yLast)}。`,
    `The 10-year yield began QT2 at ${w.v(y0)} (${c.day(y0.asOf)})${c.cite(y0)}; the 10-year yield peaked at ${w.v(yMax)} on ${c.day(yMax.asOf)}${c.cite(yMax)}; the 10-year yield ended QT2 at ${w.v(y1)}${c.cite(y1)}; the latest 10-year yield is ${w.v(yLast)} (${c.day(yLast.asOf)})${c.cite(yLast)}.`,
  );
  const TP = c.t('期限溢价', 'term premium');
  const tp0 = n(start(acm), TP, c.t('开始', 'began'));
  const tp1 = n(end(acm), TP, c.t('结束', 'ended'));
  const tpChange = n(A.toBasisPoints(A.change(acm, QT2.from, QT2.to)), TP, 'QT2', c.t('期间', 'over'));
  c.p(
    `期限溢价(ACM模型,10年期)是缩表影响长端利率的主要渠道:QT2开始时期限溢价为${w.v(tp0)}${c.cite(tp0)},QT2结束时期限溢价为${w.v(tp1)}${c.cite(tp1)},QT2期间期限溢价${tpChange.value >= 0 ? '上升' : '下降'}${w.abs(tpChange)}${c.cite(tpChange)}。FOMC在启动缩表时已指出其可能对金融市场产生意料之外的影响:`,
    `The term premium (ACM model, 10-year) is the main channel through which runoff reaches long rates: the term premium began QT2 at ${w.v(tp0)}${c.cite(tp0)} and ended it at ${w.v(tp1)}${c.cite(tp1)}, a term premium ${tpChange.value >= 0 ? 'rise' : 'fall'} of ${w.abs(tpChange)} over QT2${c.cite(tpChange)}. When QT began, the FOMC noted that it might affect markets in unexpected ways:`,
  );
  c.md(await c.quote(T.runoffRisks));
  c.chart(
    timeChart({
      title: c.t('图7 10年期美债收益率与期限溢价(%)', 'Figure 7 10-year Treasury yield and term premium (%)'),
      lang: c.lang,
      lines: [
        { name: c.t('10年期收益率', '10-year yield'), points: chartPoints(dgs10, '2015-01-01') },
        { name: c.t('期限溢价(ACM)', 'Term premium (ACM)'), points: chartPoints(acm, '2015-01-01') },
      ],
      axisNames: ['%'],
      bands,
    }),
  );


  // ---- 8. money markets: SOFR vs IORB, the standing repo facility --------------------------------------------
  c.section('货币市场:SOFR与IORB、常备回购便利', 'Money markets: SOFR against IORB and the standing repo facility');
  const spAvg = n(A.average(spread, QT2.from, QT2.to), SP, 'SOFR', 'IORB', c.t('平均', 'average'));
  const spAbove = n(A.countWhere(spread, { op: '>', value: 0 }, QT2.from, QT2.to), SP, 'SOFR', 'IORB', c.t('高于', 'above'), c.t('交易日', 'days'));
  const spLast = n(A.latest(spread), SP, 'SOFR', 'IORB', c.t('最新', 'latest'));
  c.p(
    `担保隔夜融资利率(SOFR)与准备金利率(IORB)之差是准备金是否仍然充足的直接信号。QT2期间,SOFR与IORB利差平均为${w.v(spAvg)}${c.cite(spAvg)};SOFR高于IORB的交易日共${spAbove.value}个${c.cite(spAbove)};SOFR与IORB利差最高达${w.v(spMax)}(${c.day(spMax.asOf)})${c.cite(spMax)};SOFR与IORB利差最新为${w.v(spLast)}(${c.day(spLast.asOf)})${c.cite(spLast)}。`,
    `The spread of SOFR over the interest rate on reserve balances (IORB) is the most direct signal of whether reserves are still ample. During QT2 the SOFR−IORB spread averaged ${w.v(spAvg)}${c.cite(spAvg)}; SOFR was above IORB on ${spAbove.value} days${c.cite(spAbove)}; the SOFR−IORB spread was widest at ${w.v(spMax)} on ${c.day(spMax.asOf)}${c.cite(spMax)}; the latest SOFR−IORB spread is ${w.v(spLast)} (${c.day(spLast.asOf)})${c.cite(spLast)}.`,
  );
  const firstMaterialQt = srfMaterialQt.extra?.firstDate ? String(srfMaterialQt.extra.firstDate) : null;
  c.p(
    `常备回购便利(SRF)是缩表后期的“天花板”工具${await c.doc(T.srfBackstop)}。SRF的大多数操作日只有小额成交,因此本报告以单日使用量不低于${SRF_MATERIAL_BILLIONS * 10}亿美元作为“实质使用”的门槛:自${c.day(srfAny.period!.from)}以来,SRF使用量大于零的交易日共${srfAny.value}个${c.cite(srfAny)},其中达到门槛的交易日只有${srfMaterial.value}个${c.cite(srfMaterial)};QT2期间SRF使用量达到门槛的交易日为${srfMaterialQt.value}个${c.cite(srfMaterialQt)}${firstMaterialQt ? `,QT2期间第一次出现在${c.day(firstMaterialQt)}` : ''}。QT2期间SRF使用量最高为${w.v(srfMaxQt)}(${c.day(srfMaxQt.asOf)})${c.cite(srfMaxQt)};有记录以来SRF使用量最高为${w.v(srfMax)}(${c.day(srfMax.asOf)})${c.cite(srfMax)}。`,
    `The standing repo facility (SRF) is the ceiling tool for the late phase of runoff${await c.doc(T.srfBackstop)}. Most days with SRF operations saw only small amounts, so this report counts take-up as material from $${SRF_MATERIAL_BILLIONS} billion a day: since ${c.day(srfAny.period!.from)} the SRF had take-up above zero on ${srfAny.value} days${c.cite(srfAny)}, of which only ${srfMaterial.value} days reached the threshold${c.cite(srfMaterial)}; during QT2 SRF take-up reached the threshold on ${srfMaterialQt.value} days${c.cite(srfMaterialQt)}${firstMaterialQt ? `, the first of them in QT2 on ${c.day(firstMaterialQt)}` : ''}. During QT2 SRF take-up peaked at ${w.v(srfMaxQt)} (${c.day(srfMaxQt.asOf)})${c.cite(srfMaxQt)}; SRF take-up on record peaked at ${w.v(srfMax)} (${c.day(srfMax.asOf)})${c.cite(srfMax)}.`,
  );
  c.p('货币市场收紧正是FOMC决定结束缩表的理由:', 'Tighter money markets are why the FOMC ended the runoff:');
  c.md(await c.quote(T.moneyMarketTightening));
  c.chart(
    timeChart({
      title: c.t('图8 SOFR减IORB(基点)与SRF使用量(十亿美元)', 'Figure 8 SOFR minus IORB (bp) and SRF take-up (US$ billion)'),
      lang: c.lang,
      lines: [
        { name: c.t('SOFR−IORB(基点)', 'SOFR − IORB (bp)'), points: chartPoints(spread as LoadedSeries, '2021-07-29') },
        { name: c.t('SRF使用量', 'SRF take-up'), points: chartPoints(srf, '2021-07-29'), axis: 1, bars: true },
      ],
      axisNames: [c.t('基点', 'bp'), c.t('十亿美元', 'US$ bn')],
      bands: qt2Band,
      refLine: { value: 0 },
    }),
  );

  // ---- 9. global: the dollar, EM equities, the yuan, foreign holders, credit ----------------------------------
  c.section('全球影响:美元、新兴市场、人民币与海外持有者', 'Global impact: the dollar, emerging markets, the yuan and foreign holders');
  const USD = c.t('美元指数', 'dollar index');
  const EM = c.t('新兴市场ETF', 'EM ETF');
  const CNY = c.t('美元兑人民币', 'USD/CNY');
  const HY = c.t('高收益债利差', 'high-yield spread');
  const IG = c.t('投资级债利差', 'investment-grade spread');
  // DEXCHUS (FRED H.10) ends before QT2 did: its QT2 figures run to its last observation; USDCNY (Yahoo) covers the end
  const cnyTo = A.latest(S.DEXCHUS).asOf < QT2.to ? A.latest(S.DEXCHUS).asOf : QT2.to;
  const mkt = [
    { s: dollar, name: c.t('广义美元指数', 'Broad dollar index'), to: QT2.to },
    { s: S.EEM, name: c.t('新兴市场ETF（EEM）', 'Emerging-markets ETF (EEM)'), to: QT2.to },
    { s: S.DEXCHUS, name: c.t(`美元兑人民币(H.10,至${c.mon(cnyTo)})`, `USD/CNY (H.10, to ${c.mon(cnyTo)})`), to: cnyTo },
    { s: hy, name: c.t('高收益债利差(OAS)', 'High-yield spread (OAS)'), to: QT2.to },
    { s: ig, name: c.t('投资级债利差(OAS)', 'Investment-grade spread (OAS)'), to: QT2.to },
  ].map((x) => ({ ...x, start: start(x.s), max: A.max(x.s, QT2.from, x.to), min: A.min(x.s, QT2.from, x.to), end: A.valueOn(x.s, x.to), last: A.latest(x.s) }));
  c.table(
    [c.t('指标', 'Measure'), hStart, hMax, hMin, hEnd, hLast, c.t('来源', 'Source')],
    mkt.map((x) => [x.name, dated(x.start), dated(x.max), dated(x.min), dated(x.end), dated(x.last), c.cite(x.start, x.max, x.min, x.end, x.last)]),
  );
  const [usd, emRow, cnyRow, hyRow] = mkt as [typeof mkt[number], typeof mkt[number], typeof mkt[number], typeof mkt[number], typeof mkt[number]];
  const usdChange = n(A.percentChange(dollar, QT2.from, QT2.to), USD, 'QT2');
  const emChange = n(A.percentChange(S.EEM, QT2.from, QT2.to), EM, 'QT2');
  const cnyChange = n(A.percentChange(S.DEXCHUS, QT2.from, cnyTo), CNY, 'QT2');
  const hyChange = n(A.toBasisPoints(A.change(hy, QT2.from, QT2.to)), HY, 'QT2');
  const igChange = n(A.toBasisPoints(A.change(ig, QT2.from, QT2.to)), IG, 'QT2');
  const dxySince = n(A.percentChange(S.ICE_DXY, after), c.t('ICE美元指数', 'ICE dollar index'), SINCE);
  const cnySince = n(A.percentChange(S.USDCNY, after), CNY, SINCE);
  n(usd.max, USD, c.t('最高', 'peak'));
  n(emRow.min, EM, c.t('最低', 'low'));
  n(cnyRow.max, CNY, c.t('最高', 'high'));
  n(hyRow.max, HY, c.t('最高', 'peak'));
  c.p(
    `美元走强会收紧全球的美元融资条件。QT2期间广义美元指数最高为${w.v(usd.max)}(${c.day(usd.max.asOf)})${c.cite(usd.max)},整个QT2期间美元指数变化${w.signed(usdChange)}${c.cite(usdChange)};缩表结束以来,ICE美元指数变化${w.signed(dxySince)}${c.cite(dxySince)}。新兴市场股票ETF（EEM，复权价）在QT2期间最低为${w.v(emRow.min)}(${c.day(emRow.min.asOf)})${c.cite(emRow.min)},整个QT2期间新兴市场ETF变化${w.signed(emChange)}${c.cite(emChange)}。人民币方面,QT2期间美元兑人民币最高为${w.v(cnyRow.max)}(${c.day(cnyRow.max.asOf)})${c.cite(cnyRow.max)},${c.day(cnyChange.period!.from)}至${c.day(cnyChange.period!.to)}美元兑人民币变化${w.signed(cnyChange)}${c.cite(cnyChange)}(正值为人民币贬值);缩表结束以来美元兑人民币变化${w.signed(cnySince)}${c.cite(cnySince)}。`,
    `A stronger dollar tightens dollar funding worldwide. During QT2 the broad dollar index peaked at ${w.v(usd.max)} (${c.day(usd.max.asOf)})${c.cite(usd.max)}; over QT2 as a whole the dollar index changed by ${w.signed(usdChange)}${c.cite(usdChange)}; since QT ended the ICE dollar index has changed by ${w.signed(dxySince)}${c.cite(dxySince)}. The emerging-markets equity ETF (EEM, dividend-adjusted) hit its QT2 low of ${w.v(emRow.min)} on ${c.day(emRow.min.asOf)}${c.cite(emRow.min)}; over QT2 the EM ETF changed by ${w.signed(emChange)}${c.cite(emChange)}. For the yuan, USD/CNY peaked during QT2 at ${w.v(cnyRow.max)} (${c.day(cnyRow.max.asOf)})${c.cite(cnyRow.max)}; from ${c.day(cnyChange.period!.from)} to ${c.day(cnyChange.period!.to)} USD/CNY changed by ${w.signed(cnyChange)}${c.cite(cnyChange)} (positive is a weaker yuan); since QT ended USD/CNY has changed by ${w.signed(cnySince)}${c.cite(cnySince)}.`,
  );
  // who held the Treasuries the Fed ran off: TIC foreign holdings, month-end May 2022 and November 2025
  const FOREIGN = c.t('外国投资者持有美国国债', 'foreign holdings of Treasuries');
  const OFFICIAL = c.t('外国官方持有美国国债', 'foreign official holdings');
  const ticFrom = '2022-05-01';
  const ticTo = '2025-11-01';
  const forChange = n(A.change(S.FORTREASPOS99996, ticFrom, ticTo), FOREIGN, 'QT2');
  const offChange = n(A.change(S.FORTREASPOS99990, ticFrom, ticTo), OFFICIAL, 'QT2');
  const debtChange = n(A.change(S.MSPD_MARKETABLE, share0.debt.asOf, share1.debt.asOf), c.t('可流通国债', 'marketable debt'), 'QT2');
  const foreignShare = (f: Fact, d: Fact, tag: string) => n(shareOf(f, d, { zh: `外国投资者持有国债占可流通国债比例(${tag})`, en: `foreign holdings as a share of marketable Treasury debt (${tag})` }, 'foreign_share'), c.t('外国投资者占比', 'foreign share'), tag);
  const forShare0 = foreignShare(A.valueOn(S.FORTREASPOS99996, ticFrom, { maxGapDays: 0 }), share0.debt, c.t('缩表开始前', 'before QT2'));
  const forShare1 = foreignShare(A.valueOn(S.FORTREASPOS99996, ticTo, { maxGapDays: 0 }), share1.debt, c.t('缩表结束', 'end of QT2'));
  // all three are millions of dollars: the increase in debt plus the Fed's runoff, less what foreigners added
  const absorbedElsewhere = debtChange.value - qt2T.value - forChange.value > Math.max(forChange.value, 0);
  c.p(
    `**美联储缩减的国债由谁接手?**按TIC月末数据,${w.month(forChange.period!.from)}至${w.month(forChange.period!.to)},外国投资者持有美国国债${forChange.value >= 0 ? '增加' : '减少'}${w.abs(forChange)}${c.cite(forChange)},其中外国官方持有${offChange.value >= 0 ? '增加' : '减少'}${w.abs(offChange)}${c.cite(offChange)};同期可流通国债余额增加${w.abs(debtChange)}${c.cite(debtChange)},而QT2期间美联储所持国债减少${w.abs(qt2T)}${c.cite(qt2T)}。外国投资者持有国债占可流通国债的比例从${pct1(forShare0)}${c.cite(forShare0)}变为${pct1(forShare1)}${c.cite(forShare1)};美联储的比例从${pct1(share0.share)}降至${pct1(share1.share)}${c.cite(share0.share, share1.share)}${absorbedElsewhere ? '——新增国债与美联储缩减的部分,主要由美联储和外国投资者以外的持有者吸收' : ''}。`,
    `**Who took the Treasuries the Fed ran off?** In the TIC month-end data, from ${w.month(forChange.period!.from)} to ${w.month(forChange.period!.to)} foreign holdings of Treasuries ${forChange.value >= 0 ? 'rose' : 'fell'} by ${w.abs(forChange)}${c.cite(forChange)}, of which foreign official holdings ${offChange.value >= 0 ? 'rose' : 'fell'} by ${w.abs(offChange)}${c.cite(offChange)}; marketable debt outstanding rose by ${w.abs(debtChange)}${c.cite(debtChange)} over the same months, while over QT2 Fed Treasury holdings fell by ${w.abs(qt2T)}${c.cite(qt2T)}. The foreign share of marketable debt went from ${pct1(forShare0)}${c.cite(forShare0)} to ${pct1(forShare1)}${c.cite(forShare1)}; the Fed’s share fell from ${pct1(share0.share)} to ${pct1(share1.share)}${c.cite(share0.share, share1.share)}${absorbedElsewhere ? ' — the new debt and the Fed’s runoff were taken up mainly by holders other than the Fed and foreigners' : ''}.`,
  );
  const spreadsDown = hyChange.value < 0 && igChange.value < 0;
  c.p(
    `信用市场方面,QT2期间高收益债利差最高为${w.v(hyRow.max)}(${c.day(hyRow.max.asOf)})${c.cite(hyRow.max)};QT2全期高收益债利差${hyChange.value >= 0 ? '扩大' : '收窄'}${w.abs(hyChange)}${c.cite(hyChange)};投资级债利差${igChange.value >= 0 ? '扩大' : '收窄'}${w.abs(igChange)}${c.cite(igChange)}。**数据显示,缩表期间信用利差${spreadsDown ? '没有持续走阔' : '有所走阔'}:**两类利差在缩表结束时${spreadsDown ? '均低于' : '并非都低于'}开始时的水平。`,
    `In credit, the high-yield spread peaked at ${w.v(hyRow.max)} during QT2 (${c.day(hyRow.max.asOf)})${c.cite(hyRow.max)}; over QT2 the high-yield spread ${hyChange.value >= 0 ? 'widened' : 'narrowed'} by ${w.abs(hyChange)}${c.cite(hyChange)}; the investment-grade spread ${igChange.value >= 0 ? 'widened' : 'narrowed'} by ${w.abs(igChange)}${c.cite(igChange)}. **The data show ${spreadsDown ? 'no sustained widening of credit spreads' : 'some widening of credit spreads'} during QT:** ${spreadsDown ? 'both ended below' : 'not both ended below'} where they began.`,
  );
  c.chart(
    timeChart({
      title: c.t('图9 广义美元指数与新兴市场ETF', 'Figure 9 Broad dollar index and the emerging-markets ETF'),
      lang: c.lang,
      lines: [
        { name: c.t('广义美元指数(左轴)', 'Broad dollar index (left)'), points: chartPoints(dollar, '2021-01-01') },
        { name: c.t('新兴市场ETF EEM(美元,右轴)', 'EM ETF EEM (US$, right)'), points: chartPoints(S.EEM, '2021-01-01'), axis: 1 },
      ],
      axisNames: [c.t('指数', 'index'), c.t('美元', 'US$')],
      bands: qt2Band,
    }),
  );
  c.chart(
    timeChart({
      title: c.t('图10 外国投资者持有美国国债与美联储持有国债(万亿美元)', 'Figure 10 Foreign and Fed holdings of Treasuries (US$ trillion)'),
      lang: c.lang,
      lines: [
        { name: c.t('外国投资者合计', 'Foreign, total'), points: chartPoints(S.FORTREASPOS99996, '2015-01-01', TRILLION_FROM_MILLIONS) },
        { name: c.t('外国官方', 'Foreign official'), points: chartPoints(S.FORTREASPOS99990, '2015-01-01', TRILLION_FROM_MILLIONS) },
        { name: c.t('美联储', 'Federal Reserve'), points: chartPoints(treast, '2015-01-01', TRILLION_FROM_MILLIONS) },
      ],
      axisNames: [tn],
      bands,
    }),
  );

  // ---- 10. the end of QT and reserve-management purchases ----------------------------------------------------
  c.section('缩表结束与储备管理购买', 'The end of QT and reserve-management purchases');
  c.p('2025年10月29日的FOMC声明宣布结束缩表:', 'The FOMC statement of 29 Oct 2025 ended the runoff:');
  c.md(await c.quote(QT2.citations[1]!));
  c.p('同次会议通过的政策指令规定,此后MBS到期本金全部转投短期国债:', 'The directive adopted at the same meeting sent all MBS principal into Treasury bills from then on:');
  c.md(await c.quote(T.billReinvestment));
  c.p('2025年12月,FOMC判断准备金已降至充足水平,开始购买短期国债以维持充足准备金(储备管理购买):', 'In December 2025 the FOMC judged reserves to have reached ample levels and began buying shorter-term Treasuries to keep them there (reserve-management purchases):');
  c.md([await c.quote(T.reserveManagementPurchases), await said(T.jeffersonRmp)].join('\n\n'));
  const rmp = S.RMP_PURCHASES;
  const RMP = c.t('储备管理购买', 'reserve-management purchases');
  const rmpOps = n(A.countWhere(rmp, { op: '>', value: 0 }), RMP, c.t('操作', 'operations'));
  const rmpTotal = n(A.sum(rmp), RMP, c.t('合计', 'in total'));
  const rmpMonth = (d: IsoDate) => n(A.sum(rmp, A.periodStart(d, 'monthly'), A.periodEnd(d, 'monthly')), RMP, c.mon(d));
  const rmpFirstMonth = rmpMonth(rmpOps.period!.from);
  // the latest calendar month the data cover in full
  const lastFullMonth = A.periodEnd(rmpOps.period!.to, 'monthly') === rmpOps.period!.to ? rmpOps.period!.to : A.addDays(A.periodStart(rmpOps.period!.to, 'monthly'), -1);
  const rmpLastMonth = rmpMonth(lastFullMonth);
  const tAfter = n(A.change(treast, after), SINCE, T_);
  const mAfter = n(A.change(mbs, after), SINCE, M_);
  const rAfter = n(A.change(reserves, after), SINCE, RES);
  c.p(
    `纽约联储的公开市场操作记录显示,${c.day(rmpOps.period!.from)}至${c.day(rmpOps.period!.to)}共有${rmpOps.value}次储备管理购买操作${c.cite(rmpOps)},储备管理购买合计${w.v(rmpTotal)}${c.cite(rmpTotal)}。第一个月(${c.mon(rmpFirstMonth.asOf)})储备管理购买${w.v(rmpFirstMonth)}${c.cite(rmpFirstMonth)};数据完整覆盖的最近一个月(${c.mon(lastFullMonth)})储备管理购买${w.v(rmpLastMonth)}${c.cite(rmpLastMonth)}。资产负债表上(${c.day(tAfter.period!.from)}至${c.day(tAfter.period!.to)}),缩表结束以来所持国债${tAfter.value >= 0 ? '增加' : '减少'}${w.abs(tAfter)}${c.cite(tAfter)};缩表结束以来所持MBS继续${mAfter.value <= 0 ? '减少' : '增加'}${w.abs(mAfter)}${c.cite(mAfter)};准备金${rAfter.value >= 0 ? '增加' : '减少'}${w.abs(rAfter)}${c.cite(rAfter)}。`,
    `The New York Fed’s open market operations record ${rmpOps.value} reserve-management purchase operations from ${c.day(rmpOps.period!.from)} to ${c.day(rmpOps.period!.to)}${c.cite(rmpOps)}, reserve-management purchases of ${w.v(rmpTotal)} in total${c.cite(rmpTotal)}. In the first month (${c.mon(rmpFirstMonth.asOf)}) reserve-management purchases were ${w.v(rmpFirstMonth)}${c.cite(rmpFirstMonth)}; in the latest month the data cover in full (${c.mon(lastFullMonth)}) reserve-management purchases were ${w.v(rmpLastMonth)}${c.cite(rmpLastMonth)}. On the balance sheet, from ${c.day(tAfter.period!.from)} to ${c.day(tAfter.period!.to)}, Treasury holdings ${tAfter.value >= 0 ? 'rose' : 'fell'} by ${w.abs(tAfter)}${c.cite(tAfter)}; MBS holdings ${mAfter.value <= 0 ? 'kept falling' : 'rose'} by ${w.abs(mAfter)}${c.cite(mAfter)}; reserves ${rAfter.value >= 0 ? 'rose' : 'fell'} by ${w.abs(rAfter)}${c.cite(rAfter)}.`,
  );
  c.chart(
    timeChart({
      title: c.t('图11 储备管理购买(十亿美元/次)与所持国债(万亿美元)', 'Figure 11 Reserve-management purchases (US$ billion per operation) and Treasury holdings (US$ trillion)'),
      lang: c.lang,
      lines: [
        { name: c.t('所持国债(左轴)', 'Treasury holdings (left)'), points: chartPoints(treast, '2025-06-01', TRILLION_FROM_MILLIONS) },
        { name: c.t('储备管理购买(右轴)', 'Reserve-management purchases (right)'), points: chartPoints(rmp, '2025-06-01'), axis: 1, bars: true },
      ],
      axisNames: [tn, c.t('十亿美元', 'US$ bn')],
      bands: qt2Band,
    }),
  );

  // ---- 11. the policy debate ------------------------------------------------------------------------------------
  c.section('政策辩论:理事们怎么看资产负债表', 'The policy debate: Board members on the balance sheet');
  c.p(
    '从缩表后期起,资产负债表应该多大、由什么决定,成为理事们公开讨论的分歧。鲍曼副主席(负责监管)主张长期维持尽可能小的资产负债表,准备金更接近“稀缺”而非“充足”:',
    'Since late in the runoff, how large the balance sheet should be, and what sets it, has been debated in the open by Board members. Vice Chair for Supervision Bowman prefers the smallest balance sheet possible over the longer run, with reserves closer to scarce than ample:',
  );
  c.md(await said(T.bowmanSmallest));
  c.p('米兰理事认为资产负债表的规模由监管决定,进一步缩表之前要先调整银行监管:', 'Governor Miran argues that regulation sets the size of the balance sheet, and that regulation must change before it shrinks further:');
  c.md(await said(T.miranRegulationFirst));
  c.p('巴尔理事则认为,以“最低充足”准备金运行需要更频繁的操作,并带来更大的市场波动:', 'Governor Barr holds that running with minimally ample reserves would need more frequent operations and bring more market volatility:');
  c.md(await said(T.barrTradeoffs));
  c.p(
    '分歧的焦点是准备金需求:它取决于银行监管和银行的流动性管理,而不是一个固定的资产负债表规模。FOMC也是按货币市场信号、而不是按规模目标决定何时结束缩表的(见货币市场一节)。',
    'The debate turns on the demand for reserves: it depends on bank regulation and on how banks manage liquidity, not on a fixed balance-sheet size. The FOMC, too, timed the end of runoff by money-market signals rather than by a size target (see the money-market section).',
  );

  // ---- 12. challenges ----------------------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  c.challenges([
    {
      challenge: c.t('MBS缩减低于上限,资产结构调整缓慢', 'MBS runs off below its cap; the portfolio shifts to Treasuries slowly'),
      evidence: [
        { label: c.t('全速期MBS月均减少', 'MBS runoff a month at full pace'), f: full.mbs, text: w.abs(full.mbs) },
        { label: c.t('全速期MBS占上限', 'MBS share of cap at full pace'), f: full.mbsShare, text: pct0(full.mbsShare) },
        { label: c.t('MBS占所持证券(最新)', 'MBS share of holdings (latest)'), f: mbsShareLast, text: pct1(mbsShareLast) },
      ],
      cited: `${await c.doc(T.prepaymentsUnderCap)}${await c.doc(T.principlesTreasuryOnly)}${await c.doc(T.wallerDuration)}`,
    },
    {
      challenge: c.t('准备金逼近“充足”下限,货币市场利率上行', 'Reserves near the “ample” floor; money-market rates rise'),
      evidence: [
        { label: c.t('SOFR与IORB利差最高', 'widest SOFR−IORB spread'), f: spMax },
        { label: c.t('QT2期间SRF使用量达到门槛的交易日', 'QT2 days of SRF take-up at or above the threshold'), f: srfMaterialQt, text: String(srfMaterialQt.value) },
        { label: c.t('QT2期间SRF使用量最高', 'largest SRF take-up during QT2'), f: srfMaxQt },
      ],
      cited: `${await c.doc(T.moneyMarketTightening)}${await c.doc(T.ampleCalibration)}`,
    },
    {
      challenge: c.t('逆回购缓冲耗尽', 'The ON RRP buffer is used up'),
      evidence: [
        { label: c.t('逆回购高点', 'ON RRP high'), f: onrrp.max },
        { label: c.t('逆回购低点', 'ON RRP low'), f: onrrp.min },
      ],
      cited: await c.doc(T.reservesKeepFalling),
    },
    {
      challenge: c.t('TGA波动抽走准备金', 'TGA swings drain reserves'),
      evidence: [
        { label: c.t('TGA最低', 'TGA low'), f: tgaRow.min },
        { label: c.t('TGA最高', 'TGA high'), f: tgaRow.max },
      ],
      cited: await c.doc(T.tgaRebuild),
    },
    {
      challenge: c.t('长端利率与金融条件', 'Long rates and financial conditions'),
      evidence: [
        { label: c.t('QT2期间10年期美债日波动', 'QT2 daily volatility of the 10-year yield'), f: vol.a },
        { label: c.t('2010–2021年日波动', 'daily volatility in 2010–2021'), f: volPost },
        { label: c.t('QT2期间期限溢价变化', 'term premium change over QT2'), f: tpChange, text: w.signed(tpChange) },
      ],
      cited: await c.doc(T.runoffRisks),
    },
  ]);
  c.p('缩表结束后仍可使用的工具包括常备回购便利、隔夜逆回购和短期国债购买;FOMC成员强调了“天花板”工具的作用:', 'The tools that remain after runoff include the standing repo facility, the ON RRP and purchases of Treasury bills; FOMC participants stressed the ceiling tools:');
  c.md(await c.quote(T.ceilingTools));

  // ---- 13. implications: what the data show ------------------------------------------------------------------
  c.section('含义:数据说明了什么', 'Implications: what the data show');
  const res2019 = n(A.valueOn(reserves, '2019-12-31'), RES, c.t('2019年末', 'end-2019'));
  n(res.end, RES, c.t('缩表结束时', 'when QT2 ended'));
  c.bullets([
    c.t(
      `**缩表的终点由准备金需求决定。**缩表结束时准备金为${w.v(res.end)}${c.cite(res.end)}。2019年末准备金为${w.v(res2019)}${c.cite(res2019)}。在缩表结束时的准备金水平上,SOFR已开始高于IORB、SRF出现实质使用(见货币市场一节)。${res.end.value > res2019.value ? '数据显示,货币市场开始收紧时的准备金水平高于2019年末。' : ''}资产负债表能否进一步缩小,取决于准备金需求能否下降——这正是理事们争论的焦点${await c.doc(T.miranRegulationFirst)}。`,
      `**Reserve demand set the end point of runoff.** When QT2 ended reserves were ${w.v(res.end)}${c.cite(res.end)}. At end-2019 reserves were ${w.v(res2019)}${c.cite(res2019)}. At the level of reserves when QT2 ended, SOFR had begun to trade above IORB and the SRF saw material take-up (see the money-market section). ${res.end.value > res2019.value ? 'The data show money markets tightening at a higher level of reserves than at end-2019. ' : ''}Whether the balance sheet can shrink further depends on whether the demand for reserves falls — the point Board members debate${await c.doc(T.miranRegulationFirst)}.`,
    ),
    c.t(
      `**规模停止缩小,结构调整仍在继续。**缩表结束以来所持MBS继续减少${w.abs(mAfter)}${c.cite(mAfter)},而储备管理购买合计${w.v(rmpTotal)}${c.cite(rmpTotal)}——资产从MBS和长期国债逐步转向短期国债${await c.doc(T.billReinvestment)}。`,
      `**Size stopped shrinking; the mix keeps changing.** Since QT ended MBS holdings have fallen by a further ${w.abs(mAfter)}${c.cite(mAfter)}, while reserve-management purchases came to ${w.v(rmpTotal)}${c.cite(rmpTotal)} — assets are moving from MBS and longer Treasuries towards bills${await c.doc(T.billReinvestment)}.`,
    ),
    c.t(
      `**缩表与危机贷款可以同时进行。**2023年3月银行业压力期间,总资产增加${w.abs(stressJump)}${c.cite(stressJump)},同期所持国债减少${w.abs(stressT)}${c.cite(stressT)}:流动性支持通过贷款工具提供,没有中断缩表${await c.doc(T.runoffSmoothAfterStress)}。`,
      `**Runoff and crisis lending can run side by side.** In the March 2023 bank stress total assets rose by ${w.abs(stressJump)}${c.cite(stressJump)} while Treasury holdings fell by ${w.abs(stressT)}${c.cite(stressT)}: liquidity came through lending facilities without interrupting runoff${await c.doc(T.runoffSmoothAfterStress)}.`,
    ),
    c.t(
      `**国债市场的买家结构改变了。**美联储持有可流通国债的比例从${pct1(share0.share)}降至${pct1(share1.share)}${c.cite(share0.share, share1.share)},外国投资者的比例从${pct1(forShare0)}变为${pct1(forShare1)}${c.cite(forShare0, forShare1)}。`,
      `**The buyers of Treasuries changed.** The Fed’s share of marketable debt fell from ${pct1(share0.share)} to ${pct1(share1.share)}${c.cite(share0.share, share1.share)}, while the foreign share went from ${pct1(forShare0)} to ${pct1(forShare1)}${c.cite(forShare0, forShare1)}.`,
    ),
  ]);

  // ---- 14. what to watch: the latest readings ---------------------------------------------------------------
  c.section('值得关注的数据', 'What to watch');
  c.p('以下是与资产负债表相关的指标在数据中的最新读数;它们是观察准备金是否仍然充足的信号,不是预测。', 'The latest readings of the indicators that bear on the balance sheet; they are signals of whether reserves are still ample, not forecasts.');
  const spAboveSince = n(A.countWhere(spread, { op: '>', value: 0 }, after), SP, SINCE, c.t('高于', 'above'), c.t('交易日', 'days'));
  const srfMaterialSince = n(A.countWhere(srf, material, after), SRF, SINCE, c.t('达到门槛', 'at or above the threshold'), c.t('交易日', 'days'));
  n(res.last, RES, c.t('最新', 'latest'));
  n(onrrp.last, RRP, c.t('最新', 'latest'));
  n(tgaRow.last, 'TGA', c.t('最新', 'latest'));
  c.bullets([
    c.t(
      `**SOFR与IORB利差:**最新为${w.v(spLast)}(${c.day(spLast.asOf)})${c.cite(spLast)};缩表结束以来SOFR高于IORB的交易日有${spAboveSince.value}个${c.cite(spAboveSince)}。SOFR持续高于IORB说明准备金偏紧。`,
      `**SOFR−IORB spread:** the latest is ${w.v(spLast)} (${c.day(spLast.asOf)})${c.cite(spLast)}; since QT ended SOFR has been above IORB on ${spAboveSince.value} days${c.cite(spAboveSince)}. SOFR persistently above IORB says reserves are tight.`,
    ),
    c.t(
      `**SRF使用量:**缩表结束以来SRF使用量达到${SRF_MATERIAL_BILLIONS * 10}亿美元门槛的交易日有${srfMaterialSince.value}个${c.cite(srfMaterialSince)}。实质使用是准备金边际紧张的信号。`,
      `**SRF take-up:** since QT ended SRF take-up has reached the $${SRF_MATERIAL_BILLIONS} billion threshold on ${srfMaterialSince.value} days${c.cite(srfMaterialSince)}; material take-up marks the days when reserves are tight at the margin.`,
    ),
    c.t(
      `**准备金、逆回购与TGA:**准备金最新为${w.v(res.last)}(${c.day(res.last.asOf)})${c.cite(res.last)};逆回购最新为${w.v(onrrp.last)}${c.cite(onrrp.last)},已没有缓冲;TGA最新为${w.v(tgaRow.last)}${c.cite(tgaRow.last)},TGA上升会直接抽走准备金${await c.doc(T.tgaRebuild)}。`,
      `**Reserves, ON RRP and TGA:** reserves are at ${w.v(res.last)} (${c.day(res.last.asOf)})${c.cite(res.last)}; the ON RRP is at ${w.v(onrrp.last)}${c.cite(onrrp.last)}, no longer a buffer; the TGA is at ${w.v(tgaRow.last)}${c.cite(tgaRow.last)}, and a rising TGA drains reserves one for one${await c.doc(T.tgaRebuild)}.`,
    ),
    c.t(
      `**储备管理购买的节奏:**第一个月储备管理购买${w.v(rmpFirstMonth)}${c.cite(rmpFirstMonth)},最近一个完整月份储备管理购买${w.v(rmpLastMonth)}${c.cite(rmpLastMonth)}。购买规模的变化反映FOMC对准备金需求的判断。`,
      `**The pace of reserve-management purchases:** reserve-management purchases were ${w.v(rmpFirstMonth)} in the first month${c.cite(rmpFirstMonth)} and reserve-management purchases were ${w.v(rmpLastMonth)} in the latest full month${c.cite(rmpLastMonth)}. Changes in the pace reflect the FOMC’s reading of reserve demand.`,
    ),
    c.t(
      `**美联储在国债市场的份额:**最新为${pct1(shareLast.share)}(${w.month(shareLast.debt.asOf)})${c.cite(shareLast.share)};总资产占名义GDP比例在有GDP数据的最近一季为${pct1(gdpLast.ratio)}${c.cite(gdpLast.ratio)}。`,
      `**The Fed’s share of the Treasury market:** the latest is ${pct1(shareLast.share)} (${w.month(shareLast.debt.asOf)})${c.cite(shareLast.share)}; total assets as a share of nominal GDP were ${pct1(gdpLast.ratio)} in the latest quarter with GDP data${c.cite(gdpLast.ratio)}.`,
    ),
  ]);

  // ---- 15. key takeaways --------------------------------------------------------------------------------------
  c.section('核心结论', 'Key takeaways', 'takeaways');
  n(combinedShare, c.t('合计上限', 'combined cap'));
  c.bullets([
    c.t(
      `QT2期间总资产减少${w.abs(qt2Assets)}(${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)},QT2降幅约为QT1降幅的${w.num(times.value, 1)}倍${c.cite(times)};总资产占名义GDP比例从峰值时的${pct1(gdpPeak.ratio)}降至缩表结束时的${pct1(gdpEnd.ratio)}${c.cite(gdpPeak.ratio, gdpEnd.ratio)}。`,
      `QT2 cut total assets by ${w.abs(qt2Assets)} (${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)}; the QT2 decline was about ${w.num(times.value, 1)} times the QT1 decline${c.cite(times)}; total assets as a share of nominal GDP fell from ${pct1(gdpPeak.ratio)} at the peak to ${pct1(gdpEnd.ratio)} at the end of QT2${c.cite(gdpPeak.ratio, gdpEnd.ratio)}.`,
    ),
    c.t(
      `按与赎回日对齐的窗口,全速期国债缩减为国债上限的${pct0(full.treasuryShare)}${c.cite(full.treasuryShare)},全速期MBS缩减只有MBS上限的${pct0(full.mbsShare)}${c.cite(full.mbsShare)};“每月${w.v(combinedCap)}”的合计上限实际只用了${pct0(combinedShare)}${c.cite(combinedCap, combinedShare)}。`,
      `On windows aligned to the redemption dates, Treasury runoff at full pace was ${pct0(full.treasuryShare)} of the Treasury cap${c.cite(full.treasuryShare)}, while MBS runoff at full pace was only ${pct0(full.mbsShare)} of the MBS cap${c.cite(full.mbsShare)}; of the “${w.v(combinedCap)} a month” combined cap only ${pct0(combinedShare)} was used${c.cite(combinedCap, combinedShare)}.`,
    ),
    c.t(
      `缩表主要抽走了逆回购:逆回购降幅相当于总资产降幅的${pct0(rrpShare)}${c.cite(rrpShare)};QT2期间准备金只减少${w.abs(resChange)}${c.cite(resChange)}。`,
      `Runoff drained mainly the ON RRP: the ON RRP decline equalled ${pct0(rrpShare)} of the decline in total assets${c.cite(rrpShare)}; over QT2 reserves fell by only ${w.abs(resChange)}${c.cite(resChange)}.`,
    ),
    c.t(
      `压力在末期才出现:SOFR与IORB利差最高${w.v(spMax)}(${c.day(spMax.asOf)})${c.cite(spMax)};QT2期间SRF使用量达到${SRF_MATERIAL_BILLIONS * 10}亿美元门槛的交易日有${srfMaterialQt.value}个${c.cite(srfMaterialQt)};FOMC随即结束缩表${await c.doc(QT2.citations[1]!)}。`,
      `Strains appeared only at the end: the SOFR−IORB spread was widest at ${w.v(spMax)} (${c.day(spMax.asOf)})${c.cite(spMax)}; during QT2 SRF take-up reached the $${SRF_MATERIAL_BILLIONS} billion threshold on ${srfMaterialQt.value} days${c.cite(srfMaterialQt)}; the FOMC then ended runoff${await c.doc(QT2.citations[1]!)}.`,
    ),
    c.t(
      `QT2期间10年期美债日波动为${w.v(vol.a)}${c.cite(vol.a)}。2010–2021年的日波动为${w.v(volPost)}${c.cite(volPost)};沃尔克时期的日波动为${w.v(volVolcker)}${c.cite(volVolcker)};QT2的波动${vol.a.value > volPost.value ? '高于' : '低于'}前者、${vol.a.value < volVolcker.value ? '低于' : '高于'}后者。QT2全期高收益债利差${hyChange.value < 0 ? '收窄' : '扩大'}${w.abs(hyChange)}${c.cite(hyChange)}。`,
      `QT2 volatility of the 10-year yield was ${w.v(vol.a)} a day${c.cite(vol.a)}. Volatility in 2010–2021 was ${w.v(volPost)}${c.cite(volPost)}; volatility in the Volcker years was ${w.v(volVolcker)}${c.cite(volVolcker)}; QT2 volatility was ${vol.a.value > volPost.value ? 'higher' : 'lower'} than the former and ${vol.a.value < volVolcker.value ? 'lower' : 'higher'} than the latter. Over QT2 the high-yield spread ${hyChange.value < 0 ? 'narrowed' : 'widened'} by ${w.abs(hyChange)}${c.cite(hyChange)}.`,
    ),
    c.t(
      `储备管理购买合计${w.v(rmpTotal)}${c.cite(rmpTotal)}。缩表结束以来所持国债${tAfter.value >= 0 ? '增加' : '减少'}${w.abs(tAfter)}${c.cite(tAfter)};缩表结束以来所持MBS${mAfter.value <= 0 ? '仍在减少' : '有所增加'}${c.cite(mAfter)}。`,
      `Reserve-management purchases have come to ${w.v(rmpTotal)} in total${c.cite(rmpTotal)}. Since QT ended Treasury holdings have ${tAfter.value >= 0 ? 'risen' : 'fallen'} by ${w.abs(tAfter)}${c.cite(tAfter)}; since QT ended MBS holdings ${mAfter.value <= 0 ? 'keep running off' : 'have risen'}${c.cite(mAfter)}.`,
    ),
  ]);

  // ---- 16. data and method ---------------------------------------------------------------------------------
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t('资产负债表数据来自美联储H.4.1(经FRED):总资产、所持国债与MBS为周三值,准备金与TGA为周均值;逆回购、SOFR与IORB为日度数据;SRF使用量与储备管理购买来自纽约联储;可流通国债余额来自美国财政部《公债月报》;外国投资者持有国债来自TIC(经FRED);名义GDP为季调年化值(经FRED)。', 'Balance-sheet data are the Fed’s H.4.1 via FRED: total assets, Treasury and MBS holdings are Wednesday levels, reserves and the TGA week averages; ON RRP, SOFR and IORB are daily; SRF take-up and reserve-management purchases are from the New York Fed; marketable debt is from Treasury’s Monthly Statement of the Public Debt; foreign holdings are TIC data via FRED; nominal GDP is the seasonally adjusted annual rate via FRED.'),
    c.t('缩表阶段与上限的日期和数额均逐字引自FOMC文件,每个上限引自设定它的那句话(见参考文献);“QT2期间”指2022年6月1日至2025年11月30日。', 'Phase dates and caps are quoted verbatim from FOMC texts, each cap from the sentence that sets it (see references); “during QT2” means 1 Jun 2022 to 30 Nov 2025.'),
    c.t('各上限阶段的缩减:从阶段开始前一个月最后一天当天或之后的第一个周三,到阶段最后一天当天或之后的第一个周三,持有量变化 ÷ 阶段的日历月数;占上限 = 月均缩减 ÷ 月度上限。', 'Runoff per cap regime: the change in holdings from the first Wednesday on or after the last day of the month before the regime to the first Wednesday on or after the regime’s last day, ÷ the calendar months of the regime; share of cap = average monthly runoff ÷ monthly cap.'),
    c.t('总资产占GDP = 周三总资产 ÷ 该周三所在季度的名义GDP(季调年化);美联储占比 = 月末或之前最后一个周三的所持国债 ÷ 月末可流通国债余额;外国投资者占比 = TIC月末持有量 ÷ 同月末可流通国债余额;所有比例均按美元计算。', 'Total assets / GDP = Wednesday total assets ÷ nominal GDP (SAAR) of the quarter containing that Wednesday; Fed share = Treasury holdings on the last Wednesday on or before the month-end ÷ marketable debt at that month-end; foreign share = TIC month-end holdings ÷ marketable debt at the same month-end; all ratios in dollars.'),
    c.t('波动率为日变化(基点)的样本标准差,未年化;基准期由本报告选定:2010年1月至2021年12月(危机后、QT2与加息之前,含QT1),1962年以来QT2以外的全部交易日,以及1979年10月至1982年12月(沃尔克时期)。', 'Volatility is the sample standard deviation of daily changes in basis points, not annualised; the baselines are chosen by this report: Jan 2010 to Dec 2021 (after the crisis, before QT2 and the hikes, including QT1), all days since 1962 outside QT2, and Oct 1979 to Dec 1982 (the Volcker years).'),
    c.t(`SRF的“实质使用”指单日使用量不低于${SRF_MATERIAL_BILLIONS * 10}亿美元;储备管理购买为纽约联储公开市场操作记录中标记为储备管理购买的短期国债购买成交额。`, `“Material” SRF take-up means at least $${SRF_MATERIAL_BILLIONS} billion in a day; reserve-management purchases are the amounts accepted in the bill purchases the New York Fed’s operations record flags as reserve-management purchases.`),
    c.t('报告中的每个数字都是带有数据来源和计算方法的事实(JSON导出中的facts),并经过数字核验。', 'Every number in this report is a fact with its source and method (facts in the JSON export), checked by the numeric verifier.'),
  ]);

  return {
    title: c.t('美联储缩表策略:风险、收益与全球市场影响', 'The Fed’s Balance-Sheet Runoff: Risks, Benefits and Global Market Impact'),
    subtitle: c.t('基于美联储H.4.1、纽约联储、美国财政部数据与FOMC文件及理事讲话的数据研究', 'A data study from the Fed’s H.4.1, New York Fed and Treasury data, FOMC documents and Board members’ speeches'),
  };
}

/** Total assets on the last Wednesday of each quarter ÷ nominal GDP (SAAR) of that quarter, in percent (chart points). */
function assetsToGdpPoints(assets: LoadedSeries, gdp: LoadedSeries, from: IsoDate): Array<[IsoDate, number]> {
  const out: Array<[IsoDate, number]> = [];
  const a = assets.observations.filter((o) => o.value !== null);
  for (const q of gdp.observations) {
    if (q.value === null || q.date < from) continue;
    const qEnd = A.periodEnd(q.date, 'quarterly');
    const last = a.filter((o) => o.date >= q.date && o.date <= qEnd).at(-1);
    if (last) out.push([last.date, Math.round(((last.value! * assets.meta.unit.scale) / (q.value * gdp.meta.unit.scale)) * 1000) / 10]);
  }
  return out;
}
