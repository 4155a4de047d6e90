// The headline report: the Fed's balance sheet and quantitative tightening (《美联储缩表策略:风险、收益与全球市场
// 影响》). Every number is a Fact computed from the stored series (H.4.1, NY Fed, FRED) or a cap stated in an FOMC
// text; every statement of policy or opinion quotes the document it comes from.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES, type CapRegime } from '../../knowledge/periods.ts';
import { barChart, timeChart, type Band } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';
import { POLICY_TEXTS as T } from '../policy-texts.ts';
import { BILLIONS_PER_MONTH, multipleOf, runoffShare, shareOf, statedFact, sumOf } from './derive.ts';

const QT1 = NAMED_PERIODS.find((p) => p.id === 'qt1')!;
const QT2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;

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

interface RegimeRow {
  regime: CapRegime;
  name: string;
  treasury: Fact;
  mbs: Fact;
  treasuryCap: Fact;
  mbsCap: Fact;
  treasuryShare: Fact;
  mbsShare: Fact;
}

export async function qtReport(c: ReportComposer): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const [walcl, treast, mbs, reserves, rrp, tga, dgs10, acm, sofr, iorb, srf, dollar, hy, ig] = await Promise.all(
    ['WALCL', 'TREAST', 'WSHOMCB', 'WRESBAL', 'RRPONTSYD', 'WTREGEN', 'DGS10', 'ACMTP10', 'SOFR', 'IORB', 'SRFUSAGE', 'DTWEXBGS', 'BAMLH0A0HYM2', 'BAMLC0A0CM'].map((id) => c.series(id)),
  ) as [LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries, LoadedSeries];
  const bands: Band[] = [
    { from: QT1.from, to: QT1.to, label: 'QT1' },
    { from: QT2.from, to: QT2.to, label: 'QT2' },
  ];
  const qt2Band = [bands[1]!];
  const tn = c.t('万亿美元', 'US$ trillion');
  const pct0 = (f: Fact) => `${w.num(f.value, 0)}%`;
  const start = (s: LoadedSeries) => A.valueOn(s, QT2.from, { policy: 'on_or_after' });
  const end = (s: LoadedSeries) => A.valueOn(s, QT2.to);

  /** Name a fact with the words the text uses for it (the verifier reads a number's clause for what it is). */
  const n = (f: Fact, ...words: string[]): Fact => c.describe(f, ...words);
  const T_ = c.t('国债', 'Treasury');
  const M_ = 'MBS';
  const ASSETS = c.t('总资产', 'total assets');

  // ---- 1. what QT is and its schedule ----------------------------------------------------------------------
  c.section('缩表是什么:机制与时间表', 'What QT is: mechanism and schedule');
  c.p(
    '缩表(量化紧缩,QT)是指美联储让所持美国国债和机构抵押贷款支持证券(MBS)到期后不再全额再投资,从而被动缩小资产负债表。FOMC在2022年1月的《缩表原则》中写明了这一方式:',
    'Quantitative tightening (QT) means that the Fed lets the Treasuries and agency mortgage-backed securities (MBS) it holds mature without reinvesting all of the principal, so that its balance sheet shrinks passively. The FOMC set out the approach in its January 2022 Principles:',
  );
  c.md(await c.quote(T.principlesHowRunoff));
  const qt1Assets = n(A.change(walcl, QT1.from, QT1.to), 'QT1', ASSETS);
  const qt1AssetsPct = n(A.percentChange(walcl, QT1.from, QT1.to), 'QT1', ASSETS);
  const qt1T = n(A.change(treast, QT1.from, QT1.to), 'QT1', T_);
  const qt1M = n(A.change(mbs, QT1.from, QT1.to), 'QT1', M_);
  c.p(
    `第一轮缩表(QT1)于2017年10月启动${await c.doc(QT1.citations[0]!)},于2019年8月结束${await c.doc(QT1.citations[1]!)}。按H.4.1周度数据,${c.day(qt1Assets.period!.from)}至${c.day(qt1Assets.period!.to)},美联储总资产减少${w.abs(qt1Assets)}(${w.signed(qt1AssetsPct)})${c.cite(qt1Assets, qt1AssetsPct)};其中所持国债减少${w.abs(qt1T)}${c.cite(qt1T)},所持MBS减少${w.abs(qt1M)}${c.cite(qt1M)}。`,
    `The first round (QT1) began in October 2017${await c.doc(QT1.citations[0]!)} and ended in August 2019${await c.doc(QT1.citations[1]!)}. In the weekly H.4.1 data, total assets fell by ${w.abs(qt1Assets)} (${w.signed(qt1AssetsPct)}) from ${c.day(qt1Assets.period!.from)} to ${c.day(qt1Assets.period!.to)}${c.cite(qt1Assets, qt1AssetsPct)}; Treasury holdings fell by ${w.abs(qt1T)}${c.cite(qt1T)}; MBS holdings fell by ${w.abs(qt1M)}${c.cite(qt1M)}.`,
  );
  const [slow24, slow25] = [QT2_CAP_REGIMES.find((r) => r.id === 'qt2_slowed_2024')!, QT2_CAP_REGIMES.find((r) => r.id === 'qt2_slowed_2025')!];
  c.p(
    `本轮缩表(QT2)于2022年6月1日开始,月度赎回上限在三个月后提高到全速水平${await c.doc(QT2.citations[0]!)};2024年5月和2025年3月,FOMC先后下调国债上限、放慢缩表${await c.doc(slow24.citation)}${await c.doc(slow25.citation)};2025年10月29日,FOMC决定于12月1日结束缩表${await c.doc(QT2.citations[1]!)}。各阶段上限如下:`,
    `The second round (QT2) began on 1 Jun 2022, with the monthly redemption caps raised to full pace after three months${await c.doc(QT2.citations[0]!)}; in May 2024 and March 2025 the FOMC lowered the Treasury cap to slow the runoff${await c.doc(slow24.citation)}${await c.doc(slow25.citation)}; on 29 Oct 2025 it decided to conclude the reduction on 1 December${await c.doc(QT2.citations[1]!)}. The caps of each phase:`,
  );
  const rows: RegimeRow[] = [];
  for (const r of QT2_CAP_REGIMES) {
    const name = c.t(REGIME_NAMES[r.id]!.zh, REGIME_NAMES[r.id]!.en);
    const mbsCitation = r.id === 'qt2_slowed_2024' ? T.mbsCapKept2024 : r.id === 'qt2_slowed_2025' ? T.mbsCapKept2025 : r.citation;
    const treasuryCapCitation = r.id === 'qt2_full' ? QT2_CAP_REGIMES[0]!.citation : r.citation;
    const treasuryCap = await c.documentFact(
      statedFact(`cap:${r.id}:treasury`, r.treasuryCapBillions, BILLIONS_PER_MONTH, { zh: `国债每月赎回上限(${name})`, en: `monthly redemption cap on Treasuries (${name})` }, treasuryCapCitation.date, treasuryCapCitation.quote, { from: r.from, to: r.to }),
      treasuryCapCitation,
    );
    const mbsCap = await c.documentFact(
      statedFact(`cap:${r.id}:mbs`, r.mbsCapBillions, BILLIONS_PER_MONTH, { zh: `MBS每月赎回上限(${name})`, en: `monthly redemption cap on MBS (${name})` }, mbsCitation.date, mbsCitation.quote, { from: r.from, to: r.to }),
      mbsCitation,
    );
    // Each regime starts at the last weekly level before it, so consecutive regimes chain without gaps.
    const treasury = A.averageMonthlyChange(treast, r.from, r.to, { fromPolicy: 'on_or_before' }, { zh: name, en: name });
    const mb = A.averageMonthlyChange(mbs, r.from, r.to, { fromPolicy: 'on_or_before' }, { zh: name, en: name });
    const treasuryShare = runoffShare(treasury, treasuryCap, { zh: `国债月均缩减占上限比例(${name})`, en: `Treasury runoff as a share of the cap (${name})` });
    const mbsShare = runoffShare(mb, mbsCap, { zh: `MBS月均缩减占上限比例(${name})`, en: `MBS runoff as a share of the cap (${name})` });
    rows.push({ regime: r, name, treasury, mbs: mb, treasuryCap, mbsCap, treasuryShare, mbsShare });
  }
  c.table(
    [c.t('阶段', 'Phase'), c.t('起止', 'Dates'), c.t('国债每月上限', 'Treasury cap per month'), c.t('MBS每月上限', 'MBS cap per month'), c.t('依据', 'Source')],
    rows.map((x) => [x.name, `${c.mon(x.regime.from)}–${c.mon(x.regime.to)}`, { f: x.treasuryCap }, { f: x.mbsCap }, c.cite(x.treasuryCap, x.mbsCap)]),
  );
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
    '下表按上限阶段计算持有量的月均变化(阶段末的周度值减去阶段开始前最后一个周度值,除以经过的月数),并与该阶段的月度上限对比。负值表示持有量减少;“占上限”为月均缩减额除以上限。',
    'The table computes the average monthly change in holdings for each cap regime (the last weekly level of the regime minus the last weekly level before it, divided by the months elapsed) and sets it against the regime’s monthly cap. Negative values are declines; “share of cap” is the average monthly runoff divided by the cap.',
  );
  c.table(
    [c.t('阶段', 'Phase'), c.t('国债月均变化', 'Treasuries, avg. monthly change'), c.t('国债上限', 'Treasury cap'), c.t('国债占上限', 'Treasuries, share of cap'), c.t('MBS月均变化', 'MBS, avg. monthly change'), c.t('MBS上限', 'MBS cap'), c.t('MBS占上限', 'MBS, share of cap'), c.t('来源', 'Sources')],
    rows.map((x) => [
      x.name,
      { f: x.treasury, text: w.signed(x.treasury) },
      { f: x.treasuryCap },
      { f: x.treasuryShare, text: pct0(x.treasuryShare) },
      { f: x.mbs, text: w.signed(x.mbs) },
      { f: x.mbsCap },
      { f: x.mbsShare, text: pct0(x.mbsShare) },
      c.cite(x.treasury, x.mbs, x.treasuryShare, x.mbsShare, x.treasuryCap, x.mbsCap),
    ]),
  );
  const [initial, full, s24, s25] = rows as [RegimeRow, RegimeRow, RegimeRow, RegimeRow];
  const FULL = c.t('全速期', 'full pace');
  n(full.mbs, FULL, M_);
  n(full.mbsShare, FULL, M_);
  n(full.mbsCap, FULL, M_);
  n(s24.mbs, c.t('2024年', '2024'), M_);
  n(s25.mbs, c.t('2025年', '2025'), M_);
  n(initial.mbs, c.t('起步期', 'phase-in'), M_);
  c.p(
    `**数据显示,MBS的缩减始终明显低于上限。**全速期的MBS上限为${w.v(full.mbsCap)}${c.cite(full.mbsCap)};全速期MBS持有量月均减少${w.abs(full.mbs)}${c.cite(full.mbs)},仅为上限的${pct0(full.mbsShare)}${c.cite(full.mbsShare)}。2024年6月以后国债上限先后下调,而MBS上限维持不变${await c.doc(T.mbsCapKept2024)}${await c.doc(T.mbsCapKept2025)}:第一次放缓期MBS月均减少${w.abs(s24.mbs)}(上限的${pct0(s24.mbsShare)})${c.cite(s24.mbs, s24.mbsShare)};第二次放缓期MBS月均减少${w.abs(s25.mbs)}(上限的${pct0(s25.mbsShare)})${c.cite(s25.mbs, s25.mbsShare)}。起步期MBS持有量${initial.mbs.value > 0 ? '不降反升' : '仅小幅下降'},起步期MBS月均变化为${w.signed(initial.mbs)}${c.cite(initial.mbs)}。`,
    `**The data show MBS running off well below its cap throughout.** At full pace the MBS cap was ${w.v(full.mbsCap)}${c.cite(full.mbsCap)}; at full pace MBS holdings fell by an average of ${w.abs(full.mbs)} a month${c.cite(full.mbs)}, only ${pct0(full.mbsShare)} of the MBS cap${c.cite(full.mbsShare)}. After June 2024 the Treasury cap was lowered step by step while the MBS cap stayed unchanged${await c.doc(T.mbsCapKept2024)}${await c.doc(T.mbsCapKept2025)}: in the first slowdown MBS runoff averaged ${w.abs(s24.mbs)} a month (${pct0(s24.mbsShare)} of the cap)${c.cite(s24.mbs, s24.mbsShare)}; in the second slowdown MBS runoff averaged ${w.abs(s25.mbs)} a month (${pct0(s25.mbsShare)} of the cap)${c.cite(s25.mbs, s25.mbsShare)}. In the phase-in months MBS holdings ${initial.mbs.value > 0 ? 'did not fall at all' : 'barely fell'}: the phase-in average monthly change of MBS was ${w.signed(initial.mbs)}${c.cite(initial.mbs)}.`,
  );
  n(s24.mbsShare, c.t('第一次放缓', 'first slowdown'));
  n(s25.mbsShare, c.t('第二次放缓', 'second slowdown'));
  n(s24.mbs, c.t('第一次放缓', 'first slowdown'));
  n(s25.mbs, c.t('第二次放缓', 'second slowdown'));
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
    `**A common claim against the data:** the Fed is often said to have shrunk its balance sheet by “${w.v(combinedCap)} a month” at full pace, the sum of the Treasury cap of ${w.v(full.treasuryCap)} and the MBS cap of ${w.v(full.mbsCap)}${c.cite(combinedCap, full.treasuryCap, full.mbsCap)}. In the data, the combined runoff of Treasuries and MBS at full pace averaged ${w.v(fullCombined)} a month${c.cite(fullCombined)}, ${pct0(combinedShare)} of the combined cap${c.cite(combinedShare)}. Nearly all of the shortfall is MBS: at full pace Treasury holdings fell by ${w.abs(full.treasury)} a month${c.cite(full.treasury)}, ${pct0(full.treasuryShare)} of the Treasury cap${c.cite(full.treasuryShare)}.`,
  );
  const overCap = rows.filter((x) => x.treasuryShare.value > 100);
  if (overCap.length) {
    const names = overCap.map((x) => x.name).join(c.t('和', ' and '));
    c.p(
      `${names}国债的月均降幅略高于上限,是因为H.4.1的国债持有量按面值计并包含通胀保值国债(TIPS)的通胀补偿,持有量的变化并不完全等于到期赎回额${c.cite(full.treasury)}。`,
      `In the ${names.toLowerCase()} phase${overCap.length > 1 ? 's' : ''} Treasury holdings fell slightly faster than the cap because the H.4.1 figure is face value including the inflation compensation on TIPS, so changes in holdings are not exactly redemptions${c.cite(full.treasury)}.`,
    );
  }
  const qt2T = n(A.change(treast, QT2.from, QT2.to), 'QT2', T_);
  const qt2Tp = n(A.percentChange(treast, QT2.from, QT2.to), 'QT2', T_);
  const qt2M = n(A.change(mbs, QT2.from, QT2.to), 'QT2', M_);
  const qt2Mp = n(A.percentChange(mbs, QT2.from, QT2.to), 'QT2', M_);
  c.p(
    `整个QT2期间(${c.day(qt2T.period!.from)}至${c.day(qt2T.period!.to)}),所持国债减少${w.abs(qt2T)}(${w.signed(qt2Tp)})${c.cite(qt2T, qt2Tp)};所持MBS减少${w.abs(qt2M)}(${w.signed(qt2Mp)})${c.cite(qt2M, qt2Mp)}。FOMC的长期目标是主要持有国债${await c.doc(T.principlesTreasuryOnly)},2024年6月起超出MBS上限的本金转投国债${await c.doc(T.mbsExcessToTreasuries)}。`,
    `Over the whole of QT2 (${c.day(qt2T.period!.from)} to ${c.day(qt2T.period!.to)}), Treasury holdings fell by ${w.abs(qt2T)} (${w.signed(qt2Tp)})${c.cite(qt2T, qt2Tp)}; MBS holdings fell by ${w.abs(qt2M)} (${w.signed(qt2Mp)})${c.cite(qt2M, qt2Mp)}. The FOMC’s longer-run aim is a portfolio of mainly Treasuries${await c.doc(T.principlesTreasuryOnly)}; from June 2024 MBS principal above the cap was reinvested in Treasuries${await c.doc(T.mbsExcessToTreasuries)}.`,
  );
  // bars in 亿美元 (zh) or US$ billion (en) a month; the series are in millions
  const perMonth = (v: number) => Math.round((c.lang === 'zh' ? v / 100 : v / 1000) * 10) / 10;
  const capUnit = (billions: number) => (c.lang === 'zh' ? billions * 10 : billions);
  c.chart(
    barChart({
      title: c.t('图2 各阶段月均缩减额与上限(亿美元/月)', 'Figure 2 Average monthly runoff and caps by phase (US$ billion a month)'),
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
  const peak = n(A.max(walcl, '2020-01-01', QT2.from), ASSETS, c.t('峰值', 'peak'));
  const a0 = n(start(walcl), ASSETS, 'QT2', c.t('开始', 'began'));
  const a1 = n(end(walcl), ASSETS, 'QT2', c.t('结束', 'ended'));
  const qt2Assets = n(A.change(walcl, QT2.from, QT2.to), ASSETS, 'QT2');
  const qt2AssetsPct = n(A.percentChange(walcl, QT2.from, QT2.to), ASSETS, 'QT2');
  const times = n(multipleOf(qt2Assets, qt1Assets, { zh: 'QT2总资产降幅 ÷ QT1总资产降幅', en: 'QT2 decline in total assets ÷ QT1 decline in total assets' }), 'QT1', 'QT2', c.t('降幅', 'decline'), c.t('倍', 'times'));
  c.p(
    `美联储总资产在${c.day(peak.asOf)}达到${w.v(peak)}的峰值${c.cite(peak)}。QT2开始时(${c.day(a0.asOf)})总资产为${w.v(a0)}${c.cite(a0)};QT2结束时(${c.day(a1.asOf)})总资产为${w.v(a1)}${c.cite(a1)}。QT2期间总资产减少${w.abs(qt2Assets)}(${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)},QT2降幅约为QT1降幅的${w.num(times.value, 1)}倍${c.cite(times)}。`,
    `The Fed’s total assets peaked at ${w.v(peak)} on ${c.day(peak.asOf)}${c.cite(peak)}. When QT2 began (${c.day(a0.asOf)}) total assets were ${w.v(a0)}${c.cite(a0)}; when QT2 ended (${c.day(a1.asOf)}) total assets were ${w.v(a1)}${c.cite(a1)}. Over QT2 total assets fell by ${w.abs(qt2Assets)} (${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)}; the QT2 decline was about ${w.num(times.value, 1)} times the QT1 decline${c.cite(times)}.`,
  );
  const aLast = n(A.latest(walcl), ASSETS, c.t('最新', 'latest'));
  const sinceEnd = n(A.change(walcl, A.addDays(QT2.to, 1)), ASSETS, c.t('缩表结束以来', 'since QT ended'));
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

  // ---- 4. reserves, ON RRP and TGA --------------------------------------------------------------------------
  c.section('准备金、隔夜逆回购与财政部账户', 'Reserves, ON RRP and the Treasury General Account');
  const RES = c.t('准备金', 'reserves');
  const RRP = c.t('逆回购', 'ON RRP');
  const liq = [
    { s: reserves, name: c.t('银行准备金', 'Reserve balances') },
    { s: rrp, name: c.t('隔夜逆回购(ON RRP)', 'ON RRP') },
    { s: tga, name: c.t('财政部一般账户(TGA)', 'Treasury General Account (TGA)') },
  ].map((x) => ({ ...x, start: start(x.s), max: A.max(x.s, QT2.from, QT2.to), min: A.min(x.s, QT2.from, QT2.to), end: end(x.s), last: A.latest(x.s) }));
  const dated = (f: Fact) => c.dated(f);
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
      title: c.t('图4 准备金、逆回购与TGA(万亿美元)', 'Figure 4 Reserves, ON RRP and the TGA (US$ trillion)'),
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

  // ---- 5. rates and volatility ------------------------------------------------------------------------------
  c.section('利率与波动率:缩表期间与其他时期', 'Rates and volatility during QT and outside it');
  const qt2Spec = { from: QT2.from, to: QT2.to, label: { zh: 'QT2', en: 'QT2' } };
  const outside = A.outsidePeriod(dgs10, qt2Spec);
  const vol = A.comparePeriods(dgs10, qt2Spec, outside, 'volatility');
  const volQt1 = A.volatility(dgs10, QT1.from, QT1.to);
  const OUT = c.t('QT2以外', 'outside QT2');
  const VOL = c.t('波动', 'volatility');
  n(vol.a, 'QT2', VOL);
  n(vol.b, OUT, VOL);
  n(volQt1, 'QT1', VOL);
  const volRatio = n(multipleOf(vol.a, vol.b, { zh: '10年期美债波动率:QT2 ÷ QT2以外', en: '10-year yield volatility: QT2 ÷ outside QT2' }), c.t('倍', 'times'));
  const outsideRanges = 'ranges' in outside ? outside.ranges : [];
  c.table(
    [c.t('时期', 'Period'), c.t('区间', 'Dates'), c.t('10年期美债日变化标准差', '10-year yield, st. dev. of daily changes'), c.t('来源', 'Source')],
    [
      ['QT2', `${c.mon(QT2.from)}–${c.mon(QT2.to)}`, { f: vol.a }, c.cite(vol.a)],
      ['QT1', `${c.mon(QT1.from)}–${c.mon(QT1.to)}`, { f: volQt1 }, c.cite(volQt1)],
      [OUT, outsideRanges.map((r) => `${c.mon(r.from!)}–${c.mon(r.to!)}`).join(c.t('、', '; ')), { f: vol.b }, c.cite(vol.b)],
    ],
  );
  c.p(
    `按日变化(基点)的样本标准差计算:QT2期间10年期美债收益率的日波动为${w.v(vol.a)}${c.cite(vol.a)};QT2以外的全部历史日波动为${w.v(vol.b)}${c.cite(vol.b)};QT2波动约为QT2以外的${w.num(volRatio.value, 2)}倍${c.cite(volRatio)};QT1期间日波动为${w.v(volQt1)}${c.cite(volQt1)}。**数据并不支持“缩表显著推高利率波动”的说法:**QT2期间的波动与历史水平相近,高于QT1的部分与同期的加息周期重合。`,
    `Measured as the sample standard deviation of daily changes in basis points, QT2 volatility of the 10-year yield was ${w.v(vol.a)} a day${c.cite(vol.a)}; volatility outside QT2, over the rest of its history, was ${w.v(vol.b)}${c.cite(vol.b)}; QT2 volatility was ${w.num(volRatio.value, 2)} times that outside QT2${c.cite(volRatio)}; QT1 volatility was ${w.v(volQt1)}${c.cite(volQt1)}. **The data do not support the claim that QT by itself made rates far more volatile:** QT2 volatility was close to the historical norm, and its excess over QT1 coincides with the hiking cycle.`,
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
      title: c.t('图5 10年期美债收益率与期限溢价(%)', 'Figure 5 10-year Treasury yield and term premium (%)'),
      lang: c.lang,
      lines: [
        { name: c.t('10年期收益率', '10-year yield'), points: chartPoints(dgs10, '2015-01-01') },
        { name: c.t('期限溢价(ACM)', 'Term premium (ACM)'), points: chartPoints(acm, '2015-01-01') },
      ],
      axisNames: ['%'],
      bands,
    }),
  );

  // ---- 6. money markets: SOFR vs IORB, the standing repo facility --------------------------------------------
  c.section('货币市场:SOFR与IORB、常备回购便利', 'Money markets: SOFR against IORB and the standing repo facility');
  const SP = c.t('SOFR与IORB利差', 'SOFR−IORB spread');
  const spread = A.spreadSeries(sofr, iorb, { bp: true });
  const spAvg = n(A.average(spread, QT2.from, QT2.to), SP, 'SOFR', 'IORB', c.t('平均', 'average'));
  const spMax = n(A.max(spread, QT2.from, QT2.to), SP, 'SOFR', 'IORB', c.t('最高', 'widest'));
  const spAbove = n(A.countWhere(spread, { op: '>', value: 0 }, QT2.from, QT2.to), SP, 'SOFR', 'IORB', c.t('高于', 'above'), c.t('交易日', 'days'));
  const spLast = n(A.latest(spread), SP, 'SOFR', 'IORB', c.t('最新', 'latest'));
  c.p(
    `担保隔夜融资利率(SOFR)与准备金利率(IORB)之差是准备金是否仍然充足的直接信号。QT2期间,SOFR与IORB利差平均为${w.v(spAvg)}${c.cite(spAvg)};SOFR高于IORB的交易日共${spAbove.value}个${c.cite(spAbove)};SOFR与IORB利差最高达${w.v(spMax)}(${c.day(spMax.asOf)})${c.cite(spMax)};SOFR与IORB利差最新为${w.v(spLast)}(${c.day(spLast.asOf)})${c.cite(spLast)}。`,
    `The spread of SOFR over the interest rate on reserve balances (IORB) is the most direct signal of whether reserves are still ample. During QT2 the SOFR−IORB spread averaged ${w.v(spAvg)}${c.cite(spAvg)}; SOFR was above IORB on ${spAbove.value} days${c.cite(spAbove)}; the SOFR−IORB spread was widest at ${w.v(spMax)} on ${c.day(spMax.asOf)}${c.cite(spMax)}; the latest SOFR−IORB spread is ${w.v(spLast)} (${c.day(spLast.asOf)})${c.cite(spLast)}.`,
  );
  const SRF = c.t('SRF使用量', 'SRF take-up');
  const srfMax = n(A.max(srf), SRF, c.t('有记录以来', 'on record'));
  const srfMaxQt = n(A.max(srf, QT2.from, QT2.to), SRF, 'QT2', c.t('期间', 'during'));
  const srfDays = n(A.countWhere(srf, { op: '>', value: 0 }), SRF, c.t('大于零', 'used'), c.t('交易日', 'days'));
  c.p(
    `常备回购便利(SRF)是缩表后期的“天花板”工具${await c.doc(T.srfBackstop)}。QT2期间SRF使用量最高为${w.v(srfMaxQt)}(${c.day(srfMaxQt.asOf)})${c.cite(srfMaxQt)};有记录以来SRF使用量最高为${w.v(srfMax)}(${c.day(srfMax.asOf)})${c.cite(srfMax)};自${c.day(srfDays.period!.from)}以来SRF使用量大于零的交易日共${srfDays.value}个${c.cite(srfDays)}。`,
    `The standing repo facility (SRF) is the ceiling tool for the late phase of runoff${await c.doc(T.srfBackstop)}. During QT2 SRF take-up peaked at ${w.v(srfMaxQt)} (${c.day(srfMaxQt.asOf)})${c.cite(srfMaxQt)}; SRF take-up on record peaked at ${w.v(srfMax)} (${c.day(srfMax.asOf)})${c.cite(srfMax)}; since ${c.day(srfDays.period!.from)} the SRF was used on ${srfDays.value} days${c.cite(srfDays)}.`,
  );
  c.p('货币市场收紧正是FOMC决定结束缩表的理由:', 'Tighter money markets are why the FOMC ended the runoff:');
  c.md(await c.quote(T.moneyMarketTightening));
  c.chart(
    timeChart({
      title: c.t('图6 SOFR减IORB(基点)与SRF使用量(十亿美元)', 'Figure 6 SOFR minus IORB (bp) and SRF take-up (US$ billion)'),
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

  // ---- 7. the dollar and credit spreads -------------------------------------------------------------------
  c.section('全球影响:美元与信用利差', 'Global impact: the dollar and credit spreads');
  const USD = c.t('美元指数', 'dollar index');
  const HY = c.t('高收益债利差', 'high-yield spread');
  const IG = c.t('投资级债利差', 'investment-grade spread');
  const mkt = [
    { s: dollar, name: c.t('广义美元指数', 'Broad dollar index') },
    { s: hy, name: c.t('高收益债利差(OAS)', 'High-yield spread (OAS)') },
    { s: ig, name: c.t('投资级债利差(OAS)', 'Investment-grade spread (OAS)') },
  ].map((x) => ({ ...x, start: start(x.s), max: A.max(x.s, QT2.from, QT2.to), min: A.min(x.s, QT2.from, QT2.to), end: end(x.s), last: A.latest(x.s) }));
  c.table(
    [c.t('指标', 'Measure'), hStart, hMax, hMin, hEnd, hLast, c.t('来源', 'Source')],
    mkt.map((x) => [x.name, dated(x.start), dated(x.max), dated(x.min), dated(x.end), dated(x.last), c.cite(x.start, x.max, x.min, x.end, x.last)]),
  );
  const [usd, hyRow] = mkt as [typeof mkt[number], typeof mkt[number], typeof mkt[number]];
  const usdChange = n(A.percentChange(dollar, QT2.from, QT2.to), USD, 'QT2');
  const hyChange = n(A.toBasisPoints(A.change(hy, QT2.from, QT2.to)), HY, 'QT2');
  const igChange = n(A.toBasisPoints(A.change(ig, QT2.from, QT2.to)), IG, 'QT2');
  n(usd.max, USD, c.t('最高', 'peak'));
  n(hyRow.max, HY, c.t('最高', 'peak'));
  c.p(
    `美元走强会收紧全球的美元融资条件。QT2期间广义美元指数最高为${w.v(usd.max)}(${c.day(usd.max.asOf)})${c.cite(usd.max)},整个QT2期间美元指数变化${w.signed(usdChange)}${c.cite(usdChange)}。信用市场方面,QT2期间高收益债利差最高为${w.v(hyRow.max)}(${c.day(hyRow.max.asOf)})${c.cite(hyRow.max)};QT2全期高收益债利差${hyChange.value >= 0 ? '扩大' : '收窄'}${w.abs(hyChange)}${c.cite(hyChange)};投资级债利差${igChange.value >= 0 ? '扩大' : '收窄'}${w.abs(igChange)}${c.cite(igChange)}。**数据显示,缩表期间信用利差没有持续走阔:**两类利差在缩表结束时均${hyChange.value < 0 && igChange.value < 0 ? '低于' : '不低于'}开始时的水平。`,
    `A stronger dollar tightens dollar funding worldwide. During QT2 the broad dollar index peaked at ${w.v(usd.max)} (${c.day(usd.max.asOf)})${c.cite(usd.max)}; over QT2 as a whole the dollar index changed by ${w.signed(usdChange)}${c.cite(usdChange)}. In credit, the high-yield spread peaked at ${w.v(hyRow.max)} during QT2 (${c.day(hyRow.max.asOf)})${c.cite(hyRow.max)}; over QT2 the high-yield spread ${hyChange.value >= 0 ? 'widened' : 'narrowed'} by ${w.abs(hyChange)}${c.cite(hyChange)}; the investment-grade spread ${igChange.value >= 0 ? 'widened' : 'narrowed'} by ${w.abs(igChange)}${c.cite(igChange)}. **The data show no sustained widening of credit spreads during QT:** both ended ${hyChange.value < 0 && igChange.value < 0 ? 'below' : 'at or above'} where they began.`,
  );
  c.chart(
    timeChart({
      title: c.t('图7 广义美元指数与信用利差', 'Figure 7 Broad dollar index and credit spreads'),
      lang: c.lang,
      lines: [
        { name: c.t('广义美元指数(左轴)', 'Broad dollar index (left)'), points: chartPoints(dollar, '2021-01-01') },
        { name: c.t('高收益债OAS(%,右轴)', 'High-yield OAS (%, right)'), points: chartPoints(hy, '2021-01-01'), axis: 1 },
        { name: c.t('投资级OAS(%,右轴)', 'Investment-grade OAS (%, right)'), points: chartPoints(ig, '2021-01-01'), axis: 1 },
      ],
      axisNames: [c.t('指数', 'index'), '%'],
      bands: qt2Band,
    }),
  );

  // ---- 8. the end of QT and bill purchases --------------------------------------------------------------------
  c.section('缩表结束与短期国债购买', 'The end of QT and Treasury bill purchases');
  c.p('2025年10月29日的FOMC声明宣布结束缩表:', 'The FOMC statement of 29 Oct 2025 ended the runoff:');
  c.md(await c.quote(QT2.citations[1]!));
  c.p('同次会议通过的政策指令规定,此后MBS到期本金全部转投短期国债:', 'The directive adopted at the same meeting sent all MBS principal into Treasury bills from then on:');
  c.md(await c.quote(T.billReinvestment));
  c.p('2025年12月,FOMC判断准备金已降至充足水平,开始购买短期国债以维持充足准备金:', 'In December 2025 the FOMC judged reserves to have reached ample levels and began buying shorter-term Treasuries to keep them there:');
  c.md(await c.quote(T.reserveManagementPurchases));
  const after = A.addDays(QT2.to, 1);
  const SINCE = c.t('缩表结束以来', 'since QT ended');
  const tAfter = n(A.change(treast, after), SINCE, T_);
  const mAfter = n(A.change(mbs, after), SINCE, M_);
  const rAfter = n(A.change(reserves, after), SINCE, RES);
  c.p(
    `数据显示了这一转变。自${c.day(tAfter.period!.from)}至${c.day(tAfter.period!.to)},所持国债${tAfter.value >= 0 ? '增加' : '减少'}${w.abs(tAfter)}${c.cite(tAfter)};所持MBS继续${mAfter.value <= 0 ? '减少' : '增加'}${w.abs(mAfter)}${c.cite(mAfter)};准备金${rAfter.value >= 0 ? '增加' : '减少'}${w.abs(rAfter)}${c.cite(rAfter)}。`,
    `The data show the shift. From ${c.day(tAfter.period!.from)} to ${c.day(tAfter.period!.to)}, Treasury holdings ${tAfter.value >= 0 ? 'rose' : 'fell'} by ${w.abs(tAfter)}${c.cite(tAfter)}; MBS holdings ${mAfter.value <= 0 ? 'kept falling' : 'rose'} by ${w.abs(mAfter)}${c.cite(mAfter)}; reserves ${rAfter.value >= 0 ? 'rose' : 'fell'} by ${w.abs(rAfter)}${c.cite(rAfter)}.`,
  );
  c.chart(
    timeChart({
      title: c.t('图8 缩表结束前后的国债与MBS持有量(万亿美元)', 'Figure 8 Treasury and MBS holdings around the end of QT (US$ trillion)'),
      lang: c.lang,
      lines: [
        { name: c.t('美国国债(左轴)', 'Treasuries (left)'), points: chartPoints(treast, '2024-06-01', TRILLION_FROM_MILLIONS) },
        { name: c.t('MBS(右轴)', 'MBS (right)'), points: chartPoints(mbs, '2024-06-01', TRILLION_FROM_MILLIONS), axis: 1 },
      ],
      axisNames: [tn, tn],
      bands: qt2Band,
    }),
  );

  // ---- 9. challenges ----------------------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  c.challenges([
    {
      challenge: c.t('MBS缩减低于上限,资产结构调整缓慢', 'MBS runs off below its cap; the portfolio shifts to Treasuries slowly'),
      evidence: [
        { label: c.t('全速期MBS月均减少', 'MBS runoff a month at full pace'), f: full.mbs, text: w.abs(full.mbs) },
        { label: c.t('全速期MBS占上限', 'MBS share of cap at full pace'), f: full.mbsShare, text: pct0(full.mbsShare) },
      ],
      cited: `${await c.doc(T.prepaymentsUnderCap)}${await c.doc(T.principlesTreasuryOnly)}`,
    },
    {
      challenge: c.t('准备金逼近“充足”下限,货币市场利率上行', 'Reserves near the “ample” floor; money-market rates rise'),
      evidence: [
        { label: c.t('SOFR与IORB利差最高', 'widest SOFR−IORB spread'), f: spMax },
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
        { label: c.t('QT2以外日波动', 'daily volatility outside QT2'), f: vol.b },
        { label: c.t('QT2期间期限溢价变化', 'term premium change over QT2'), f: tpChange, text: w.signed(tpChange) },
      ],
      cited: await c.doc(T.runoffRisks),
    },
  ]);
  c.p('缩表结束后仍可使用的工具包括常备回购便利、隔夜逆回购和短期国债购买;FOMC成员强调了“天花板”工具的作用:', 'The tools that remain after runoff include the standing repo facility, the ON RRP and purchases of Treasury bills; FOMC participants stressed the ceiling tools:');
  c.md(await c.quote(T.ceilingTools));

  // ---- 10. key takeaways --------------------------------------------------------------------------------------
  c.section('核心结论', 'Key takeaways', 'takeaways');
  n(combinedShare, c.t('合计上限', 'combined cap'));
  c.bullets([
    c.t(
      `QT2期间总资产减少${w.abs(qt2Assets)}(${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)},QT2降幅约为QT1降幅的${w.num(times.value, 1)}倍${c.cite(times)}。`,
      `QT2 cut total assets by ${w.abs(qt2Assets)} (${w.signed(qt2AssetsPct)})${c.cite(qt2Assets, qt2AssetsPct)}; the QT2 decline was about ${w.num(times.value, 1)} times the QT1 decline${c.cite(times)}.`,
    ),
    c.t(
      `全速期国债缩减为国债上限的${pct0(full.treasuryShare)}${c.cite(full.treasuryShare)},全速期MBS缩减只有MBS上限的${pct0(full.mbsShare)}${c.cite(full.mbsShare)};“每月${w.v(combinedCap)}”的合计上限实际只用了${pct0(combinedShare)}${c.cite(combinedCap, combinedShare)}。`,
      `At full pace Treasury runoff was ${pct0(full.treasuryShare)} of the Treasury cap${c.cite(full.treasuryShare)}, while MBS runoff at full pace was only ${pct0(full.mbsShare)} of the MBS cap${c.cite(full.mbsShare)}; of the “${w.v(combinedCap)} a month” combined cap only ${pct0(combinedShare)} was used${c.cite(combinedCap, combinedShare)}.`,
    ),
    c.t(
      `缩表主要抽走了逆回购:逆回购降幅相当于总资产降幅的${pct0(rrpShare)}${c.cite(rrpShare)};QT2期间准备金只减少${w.abs(resChange)}${c.cite(resChange)}。`,
      `Runoff drained mainly the ON RRP: the ON RRP decline equalled ${pct0(rrpShare)} of the decline in total assets${c.cite(rrpShare)}; over QT2 reserves fell by only ${w.abs(resChange)}${c.cite(resChange)}.`,
    ),
    c.t(
      `压力在末期才出现:SOFR与IORB利差最高${w.v(spMax)}(${c.day(spMax.asOf)})${c.cite(spMax)};QT2期间SRF使用量最高${w.v(srfMaxQt)}${c.cite(srfMaxQt)};FOMC随即结束缩表${await c.doc(QT2.citations[1]!)}。`,
      `Strains appeared only at the end: the SOFR−IORB spread was widest at ${w.v(spMax)} (${c.day(spMax.asOf)})${c.cite(spMax)}; SRF take-up during QT2 peaked at ${w.v(srfMaxQt)}${c.cite(srfMaxQt)}; the FOMC then ended runoff${await c.doc(QT2.citations[1]!)}.`,
    ),
    c.t(
      `QT2期间10年期美债日波动为${w.v(vol.a)}${c.cite(vol.a)},QT2以外日波动为${w.v(vol.b)}${c.cite(vol.b)},两者相近;QT2全期高收益债利差${hyChange.value < 0 ? '收窄' : '扩大'}${w.abs(hyChange)}${c.cite(hyChange)}。`,
      `QT2 volatility of the 10-year yield was ${w.v(vol.a)} a day${c.cite(vol.a)}, close to volatility outside QT2 of ${w.v(vol.b)}${c.cite(vol.b)}; over QT2 the high-yield spread ${hyChange.value < 0 ? 'narrowed' : 'widened'} by ${w.abs(hyChange)}${c.cite(hyChange)}.`,
    ),
    c.t(
      `缩表结束以来,美联储通过购买短期国债使所持国债增加${w.abs(tAfter)}${c.cite(tAfter)},所持MBS仍在减少${c.cite(mAfter)}。`,
      `Since QT ended, bill purchases have raised Treasury holdings by ${w.abs(tAfter)}${c.cite(tAfter)}, while MBS holdings keep running off${c.cite(mAfter)}.`,
    ),
  ]);

  // ---- 11. data and method ---------------------------------------------------------------------------------
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t('资产负债表数据来自美联储H.4.1(经FRED):总资产、所持国债与MBS为周三值,准备金与TGA为周均值;逆回购、SOFR与IORB为日度数据;SRF使用量来自纽约联储。', 'Balance-sheet data are the Fed’s H.4.1 via FRED: total assets, Treasury and MBS holdings are Wednesday levels, reserves and the TGA week averages; ON RRP, SOFR and IORB are daily; SRF take-up is from the New York Fed.'),
    c.t('缩表阶段与上限的日期和数额均逐字引自FOMC文件(见参考文献);“QT2期间”指2022年6月1日至2025年11月30日。', 'Phase dates and caps are quoted verbatim from FOMC texts (see references); “during QT2” means 1 Jun 2022 to 30 Nov 2025.'),
    c.t('月均变化 =(期末值 − 期初值)÷ 经过的月数(日历天数按每月平均天数折算);波动率为日变化(基点)的样本标准差,未年化。', 'Average monthly change = (end − start) ÷ months elapsed (calendar days over the average length of a month); volatility is the sample standard deviation of daily changes in basis points, not annualised.'),
    c.t('报告中的每个数字都是带有数据来源和计算方法的事实(JSON导出中的facts),并经过数字核验。', 'Every number in this report is a fact with its source and method (facts in the JSON export), checked by the numeric verifier.'),
  ]);

  return {
    title: c.t('美联储缩表策略:风险、收益与全球市场影响', 'The Fed’s Balance-Sheet Runoff: Risks, Benefits and Global Market Impact'),
    subtitle: c.t('基于美联储H.4.1、纽约联储数据与FOMC文件的数据研究', 'A data study from the Fed’s H.4.1, New York Fed data and FOMC documents'),
  };
}
