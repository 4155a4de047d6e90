// The comparison of two or more companies: side-by-side tables over the same windows (returns, volatility, the
// largest drawdown), the fundamentals (revenue growth, margins) and the vendor valuation multiples, one chart of the
// prices rebased to 100 at a common start, and sentences that say which company is higher on each measure with the
// facts cited. Prices in different currencies are compared only as returns in each listing's own currency, and
// that is said; no amount is compared across currencies.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import { FinciteError } from '../../core/errors.ts';
import type { IsoDate } from '../../core/types.ts';
import type { Margin, Valuation } from '../../engine/execute/fundamentals.ts';
import { timeChart } from '../charts.ts';
import type { FactCell, ReportComposer } from '../compose.ts';
import {
  companyInfo,
  currencyName,
  EV_EBITDA,
  figure,
  FORWARD_PE,
  GROSS_MARGIN,
  MARKET_CAP,
  metricOf,
  NET_MARGIN,
  OPERATING_MARGIN,
  PRICE_TO_BOOK,
  priceStats,
  priceWindows,
  rebased,
  REVENUE,
  sectorName,
  signedCell,
  snapshot,
  statements,
  TRAILING_PE,
  DIVIDEND_YIELD,
  valueCell,
  type CompanyInfo,
  type PriceStats,
  type Snapshot,
  type Statements,
  type WindowKey,
} from './company.ts';

/** At most this many companies side by side (table width, chart colours). */
export const MAX_COMPANIES = 6;

/** A comparison needs two to six distinct companies. */
export class ComparisonSizeError extends FinciteError {
  constructor(count: number) {
    super('comparison_size', {
      zh: `对比报告需要2到${MAX_COMPANIES}家不同的公司，收到${count}家。`,
      en: `A comparison report needs 2 to ${MAX_COMPANIES} different companies; got ${count}.`,
    });
  }
}

interface Entry {
  info: CompanyInfo;
  px: PriceStats;
  st: Statements;
  snap: Snapshot | null;
}

/** One company's value on a measure (null when the data does not hold it), for a comparison sentence. */
interface Side {
  name: string;
  f: Fact | null;
}

export async function companiesReport(c: ReportComposer, tickers: string[], _today: IsoDate): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const wanted = [...new Set(tickers.map((t) => t.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length < 2 || wanted.length > MAX_COMPANIES) throw new ComparisonSizeError(wanted.length);
  const loaded = await Promise.all(wanted.map(async (t) => ({ s: await c.series(t) })));
  // every company over the same windows: they end on the earliest of the latest closes
  const end = loaded.map(({ s }) => A.latest(s).asOf).sort()[0]!;
  const firsts = loaded.map(({ s }) => s.meta.firstDate ?? A.points(s)[0]!.date);
  const start3 = [A.addYears(end, -3), ...firsts].sort().at(-1)!;
  const entries: Entry[] = [];
  for (const { s } of loaded) {
    const info = await companyInfo(c, s.meta.id, s);
    entries.push({ info, px: priceStats(c, s, info.name, end, start3), st: await statements(c, info), snap: null });
  }
  for (const e of entries) e.snap = await snapshot(c, e.info);
  const names = entries.map((e) => e.info.name);
  const currencies = [...new Set(entries.map((e) => e.info.currency))];
  const mixed = currencies.length > 1;
  const cur = (code: string) => currencyName(c, code);
  const list = (xs: string[]) => (c.lang === 'zh' ? xs.join('、') : xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

  /**
   * Which company is higher on a measure: "A为x，高于B的y" for two, "从高到低：A（x）、B（y）…" for more; by size
   * for drawdowns (deeper = larger fall). Companies without the figure are named as not held.
   */
  const compare = (label: { zh: string; en: string }, sides: Side[], show: (f: Fact) => string, bySize = false, sayMissing = true): string => {
    const held = sides.filter((x): x is { name: string; f: Fact } => x.f !== null);
    // the measure's words in this sentence describe its facts for the verifier
    for (const x of held) c.describe(x.f, c.t(label.zh, label.en));
    const missing = sides.filter((x) => x.f === null).map((x) => x.name);
    const gap = missing.length && sayMissing ? c.t(`数据中没有${list(missing)}的${label.zh}。`, ` The data has no ${label.en.charAt(0).toLowerCase() + label.en.slice(1)} for ${list(missing)}.`) : '';
    if (held.length < 2) return gap ? c.t(gap, gap.trim()) : '';
    const size = (f: Fact) => (bySize ? Math.abs(f.value) : f.value);
    const ranked = [...held].sort((a, b) => size(b.f) - size(a.f));
    if (ranked.length === 2) {
      const [a, b] = ranked as [{ name: string; f: Fact }, { name: string; f: Fact }];
      if (size(a.f) === size(b.f)) {
        return c.t(`${label.zh}：${a.name}与${b.name}相同，均为${show(a.f)}${c.cite(a.f, b.f)}。${gap}`, `${label.en}: ${a.name} and ${b.name} are level at ${show(a.f)}${c.cite(a.f, b.f)}.${gap}`);
      }
      return c.t(
        `${label.zh}：${a.name}为${show(a.f)}${c.cite(a.f)}，${bySize ? '深于' : '高于'}${b.name}的${show(b.f)}${c.cite(b.f)}。${gap}`,
        `${label.en}: ${a.name} at ${show(a.f)}${c.cite(a.f)}, ${bySize ? 'deeper than' : 'higher than'} ${b.name} at ${show(b.f)}${c.cite(b.f)}.${gap}`,
      );
    }
    return c.t(
      `${label.zh}从${bySize ? '深到浅' : '高到低'}：${ranked.map((x) => `${x.name}（${show(x.f)}）`).join('、')}${c.cite(...ranked.map((x) => x.f))}。${gap}`,
      `${label.en}, ${bySize ? 'from deepest to shallowest' : 'in descending order'}: ${ranked.map((x) => `${x.name} (${show(x.f)})`).join('; ')}${c.cite(...ranked.map((x) => x.f))}.${gap}`,
    );
  };
  const signed = (f: Fact) => w.signed(f);
  const plain = (f: Fact) => w.v(f);
  const size = (f: Fact) => w.abs(f);

  // ---- 1. the companies -------------------------------------------------------------------------------------------
  c.section('公司概况', 'The companies');
  c.table(
    [c.t('公司', 'Company'), c.t('代码', 'Ticker'), c.t('交易所', 'Exchange'), c.t('GICS板块', 'GICS sector'), c.t('计价货币', 'Currency'), c.t('最新收盘价', 'Latest close')],
    entries.map((e) => [e.info.name, e.info.ticker, e.info.exchange ?? '—', e.info.sector ? sectorName(c, e.info.sector) : '—', e.info.currency, { f: e.px.last, text: c.t(`${w.v(e.px.last)}${c.cite(e.px.last)}（${e.px.last.asOf}）`, `${w.v(e.px.last)}${c.cite(e.px.last)} (${e.px.last.asOf})`) }]),
  );
  c.p(
    mixed
      ? `${currencies.map((k) => `${list(entries.filter((e) => e.info.currency === k).map((e) => e.info.name))}的股价以${cur(k)}计`).join('；')}。下文的涨跌幅、波动率和回撤都按各自上市货币的收盘价计算，未作汇率换算；财务报表金额各以本币计，因此只比较增长率和利润率等比率，不比较金额。`
      : `${list(names)}的股价都以${cur(currencies[0]!)}计。所有区间都截至${c.day(end)}（各公司共同的最新收盘日）。`,
    mixed
      ? `${currencies.map((k) => `${list(entries.filter((e) => e.info.currency === k).map((e) => e.info.name))} ${entries.filter((e) => e.info.currency === k).length > 1 ? 'are' : 'is'} priced in ${cur(k)}`).join('; ')}. Returns, volatility and drawdowns below are computed from each listing’s closes in its own currency, with no currency conversion; statement amounts are in each company’s own currency, so only ratios (growth, margins) are compared, never amounts.`
      : `${list(names)} are all priced in ${cur(currencies[0]!)}. Every window ends on ${c.day(end)}, the latest close all of them have.`,
  );

  // ---- 2. share prices ----------------------------------------------------------------------------------------------
  c.section('股价表现与风险', 'Share prices and risk');
  const windows = priceWindows(c, end).filter((x) => entries.some((e) => e.px.returns.has(x.key)));
  const ddLabel = start3 === A.addYears(end, -3) ? c.t('近3年最大回撤', 'Largest drawdown, 3 years') : c.t(`最大回撤（自${start3}起）`, `Largest drawdown (from ${start3})`);
  c.table(
    [c.t('公司', 'Company'), ...windows.map((x) => c.t(`${x.name}涨跌幅`, `${x.name} return`)), c.t('近1年年化波动率', 'Volatility, past year'), ddLabel, c.t('当前回撤', 'Current drawdown')],
    entries.map((e) => [
      e.info.name,
      ...windows.map((x) => signedCell(c, e.px.returns.get(x.key))),
      valueCell(c, e.px.vol),
      { f: e.px.ddMax, text: `${w.abs(e.px.ddMax)}${c.cite(e.px.ddMax)}` } as FactCell,
      { f: e.px.ddNow, text: `${w.abs(e.px.ddNow)}${c.cite(e.px.ddNow)}` } as FactCell,
    ]),
  );
  const ret = (k: WindowKey) => entries.map((e) => ({ name: e.info.name, f: e.px.returns.get(k) ?? null }));
  const sentences = [
    ...windows.map((x) => compare({ zh: `${x.name}涨跌幅`, en: `${x.name} return` }, ret(x.key), signed)),
    compare({ zh: '近1年年化波动率', en: 'Annualised volatility over the past year' }, entries.map((e) => ({ name: e.info.name, f: e.px.vol })), plain),
    compare({ zh: ddLabel, en: ddLabel }, entries.map((e) => ({ name: e.info.name, f: e.px.ddMax })), size, true),
  ];
  c.p(sentences.filter(Boolean).join(c.t('', ' ')), sentences.filter(Boolean).join(' '));
  c.p(
    `涨跌幅按收盘价计算（已按拆股调整，未计入股息）${mixed ? '，各以上市货币计' : ''}；波动率为日对数收益率的样本标准差，按每年交易日数年化；回撤为收盘价相对此前最高收盘价的跌幅。`,
    `Returns are computed from closing prices (split-adjusted, dividends not included)${mixed ? ', each in its listing currency' : ''}; volatility is the sample standard deviation of daily log returns, annualised; a drawdown is the fall of the close from the highest earlier close.`,
  );
  c.chart(
    timeChart({
      title: c.t(`图1 ${list(names)}股价（${start3}=100）`, `Figure 1 ${list(names)} share prices (${start3} = 100)`),
      lang: c.lang,
      lines: entries.map((e) => ({ name: e.info.name, points: rebased(e.px.series, start3, end) })),
      axisNames: [c.t(mixed ? '指数（各以本币计）' : '指数', mixed ? 'index (own currency)' : 'index')],
      refLine: { value: 100 },
    }),
  );

  // ---- 3. fundamentals ----------------------------------------------------------------------------------------------
  c.section('基本面：增长与利润率', 'Fundamentals: growth and margins');
  const lastFy = (e: Entry) => metricOf(e.st, REVENUE)?.dates.at(-1) ?? null;
  const revG = entries.map((e) => {
    const d = lastFy(e);
    return { name: e.info.name, f: d ? (metricOf(e.st, REVENUE)!.yoy(d) ?? null) : null };
  });
  const marginAt = (e: Entry, m: Margin) => {
    const d = lastFy(e);
    return { name: e.info.name, f: d ? (metricOf(e.st, m)?.at(d) ?? null) : null };
  };
  const qG = entries.map((e) => {
    const q = metricOf(e.st, REVENUE, 'quarterly');
    const d = q?.dates.at(-1);
    return { name: e.info.name, f: q && d ? q.yoy(d) : null, d };
  });
  const noStatements = entries.filter((e) => lastFy(e) === null).map((e) => e.info.name);
  const ms = [GROSS_MARGIN, OPERATING_MARGIN, NET_MARGIN];
  c.table(
    [c.t('公司', 'Company'), c.t('最近财年截至', 'Latest fiscal year ended'), c.t('营业收入同比', 'Revenue YoY'), ...ms.map((m) => c.t(m.label.zh, m.label.en.charAt(0).toUpperCase() + m.label.en.slice(1))), c.t('最近季度营业收入同比', 'Latest quarter revenue YoY')],
    entries.map((e, i) => [
      e.info.name,
      lastFy(e) ?? '—',
      signedCell(c, revG[i]!.f ?? undefined),
      ...ms.map((m) => valueCell(c, marginAt(e, m).f)),
      qG[i]!.f ? { f: qG[i]!.f!, text: c.t(`${w.signed(qG[i]!.f!)}${c.cite(qG[i]!.f!)}（截至${qG[i]!.d}）`, `${w.signed(qG[i]!.f!)}${c.cite(qG[i]!.f!)} (to ${qG[i]!.d})`) } : '—',
    ]),
  );
  const fsent = [
    compare({ zh: '最近财年营业收入同比增长率', en: 'Revenue growth in the latest fiscal year' }, revG, signed),
    ...ms.map((m) => compare({ zh: `最近财年${m.label.zh}`, en: `${m.label.en.charAt(0).toUpperCase() + m.label.en.slice(1)} in the latest fiscal year` }, entries.map((e) => marginAt(e, m)), plain)),
  ];
  c.p(fsent.filter(Boolean).join(c.t('', ' ')), fsent.filter(Boolean).join(' '));
  const fyEnds = new Set(entries.map(lastFy).filter(Boolean));
  c.p(
    `财务数据为雅虎财经对公司财报的汇总，同比为与上一财年相比${fyEnds.size > 1 ? '；各公司的财年截止日不同，比较的是各自最近一个财年' : ''}。${noStatements.length ? `数据中没有${list(noStatements)}的财务报表。` : ''}`,
    `Statement figures are Yahoo Finance summaries of the companies’ filings; growth is against the previous fiscal year${fyEnds.size > 1 ? '; the companies’ fiscal years end on different dates, and each is compared on its own latest fiscal year' : ''}.${noStatements.length ? ` The data holds no statements for ${list(noStatements)}.` : ''}`,
  );

  // ---- 4. valuation ---------------------------------------------------------------------------------------------------
  c.section('估值（供应商快照）', 'Valuation (vendor snapshot)');
  const items: Valuation[] = [MARKET_CAP, TRAILING_PE, FORWARD_PE, PRICE_TO_BOOK, EV_EBITDA, DIVIDEND_YIELD];
  const withSnap = entries.filter((e) => e.snap && e.snap.figures.size);
  const noSnap = entries.filter((e) => !e.snap || !e.snap.figures.size).map((e) => e.info.name);
  const asOf = withSnap[0]?.snap?.asOf;
  if (!withSnap.length) {
    c.p(`雅虎财经的估值快照中没有${list(names)}，本报告不比较估值倍数。`, `The Yahoo Finance valuation snapshot has no row for ${list(names)}, so this report compares no valuation multiples.`);
  } else {
    c.table(
      [c.t('公司', 'Company'), ...items.map((m) => c.t(m.label.zh, m.label.en.charAt(0).toUpperCase() + m.label.en.slice(1)) + (m.estimate ? c.t('（估计值）', ' (estimate)') : ''))],
      entries.map((e) => [e.info.name, ...items.map((m) => valueCell(c, e.snap?.figures.get(m.item), m.unit === 'multiple'))]),
    );
    const vsent = [TRAILING_PE, FORWARD_PE, PRICE_TO_BOOK, EV_EBITDA].map((m) =>
      compare({ zh: m.label.zh, en: m.label.en.charAt(0).toUpperCase() + m.label.en.slice(1) }, withSnap.map((e) => ({ name: e.info.name, f: e.snap!.figures.get(m.item) ?? null })), (f) => figure(c, m, f)),
    );
    c.p(vsent.filter(Boolean).join(c.t('', ' ')), vsent.filter(Boolean).join(' '));
    c.p(
      `以上是雅虎财经在${c.day(asOf!)}的快照数据，是数据供应商的数值，不是经审计的数据；其后股价变动，这些比率也随之变化。远期市盈率以分析师对未来盈利的预测为分母，是估计值。${noSnap.length ? `快照中没有${list(noSnap)}。` : ''}`,
      `These are Yahoo Finance snapshot figures of ${c.day(asOf!)}: the vendor’s figures, not audited data, and the ratios have moved with the share prices since. The forward P/E divides by analysts’ forecasts of earnings: it is an estimate.${noSnap.length ? ` The snapshot has no row for ${list(noSnap)}.` : ''}`,
    );
  }

  // ---- 5. challenges, limits, takeaways, method -------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  const pes = entries.filter((e) => e.snap?.figures.get(TRAILING_PE.item));
  c.challenges([
    {
      challenge: c.t('股价波动', 'Price swings'),
      evidence: entries.map((e) => ({ label: c.t(`${e.info.name}年化波动率`, `${e.info.name} volatility`), f: e.px.vol })),
      cited: c.cite(...entries.map((e) => e.px.vol)),
    },
    {
      challenge: c.t('回撤风险', 'Drawdown risk'),
      evidence: entries.map((e) => ({ label: c.t(`${e.info.name}${ddLabel}`, `${e.info.name} ${ddLabel.toLowerCase()}`), f: e.px.ddMax, text: w.abs(e.px.ddMax) })),
      cited: c.cite(...entries.map((e) => e.px.ddMax)),
    },
    ...(pes.length
      ? [
          {
            challenge: c.t('估值水平', 'Valuation'),
            evidence: pes.map((e) => ({ label: c.t(`${e.info.name}市盈率（TTM）`, `${e.info.name} trailing P/E`), f: e.snap!.figures.get(TRAILING_PE.item)!, text: figure(c, TRAILING_PE, e.snap!.figures.get(TRAILING_PE.item)!) })),
            cited: c.cite(...pes.map((e) => e.snap!.figures.get(TRAILING_PE.item)!)),
          },
        ]
      : []),
  ]);
  c.section('数据无法告诉我们的', 'What the data cannot tell');
  c.bullets([
    c.t('历史涨跌幅、回撤和波动率描述的是过去，不是对未来股价的预测。', 'Past returns, drawdowns and volatility describe the past; they do not forecast share prices.'),
    c.t('估值倍数是某一天的供应商快照；远期市盈率建立在分析师预测之上。', 'Valuation multiples are a vendor snapshot of one day; the forward P/E rests on analysts’ forecasts.'),
    c.t('财务数据只有最近几个财年和季度，不含分部收入、管理层指引或公司公告。', 'The statements cover only the latest few fiscal years and quarters and hold no segment revenue, guidance or announcements.'),
    ...(mixed ? [c.t('不同货币的股价没有换算；涨跌幅的差异部分来自汇率，数据无法拆分。', 'Prices in different currencies are not converted; part of a difference in returns may come from exchange rates, which these data cannot separate.')] : []),
  ]);
  c.section('核心结论', 'Key takeaways', 'takeaways');
  c.bullets(
    [
      compare({ zh: '近1年涨跌幅', en: 'Past-year return' }, ret('1y'), signed),
      compare({ zh: '最近财年营业收入同比增长率', en: 'Revenue growth in the latest fiscal year' }, revG, signed),
      compare({ zh: '最近财年净利率', en: 'Net margin in the latest fiscal year' }, entries.map((e) => marginAt(e, NET_MARGIN)), plain),
      withSnap.length >= 2 ? compare({ zh: `市盈率（TTM，${c.day(asOf!)}快照）`, en: `Trailing P/E (snapshot of ${c.day(asOf!)})` }, entries.map((e) => ({ name: e.info.name, f: e.snap?.figures.get(TRAILING_PE.item) ?? null })), (f) => figure(c, TRAILING_PE, f), false, false) : '',
    ].filter((x) => x && /\[\d+\]/.test(x)),
  );
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t(`日收盘价来自盈透证券（已按拆股调整，未计股息），所有区间截至${c.day(end)}；年初至今从上一年最后一个交易日的收盘价起算；图1把各股价按其在${start3}的收盘价指数化。`, `Daily closes are from Interactive Brokers (split-adjusted, no dividends); every window ends on ${c.day(end)}; year to date starts from the last close of the previous year; Figure 1 indexes each price to its close on ${start3}.`),
    c.t('财务报表为雅虎财经汇总的公司财报数据；利润率 = 毛利润、营业利润或净利润 ÷ 营业收入。', 'Statements are Yahoo Finance summaries of the companies’ filings; margin = gross profit, operating income or net income ÷ revenue.'),
    c.t('估值数据是雅虎财经的快照（经GitHub仓库JohnAprek/us-stock-monitor保存），不是经审计的数据。', 'Valuation figures are a Yahoo Finance snapshot (saved by the GitHub repository JohnAprek/us-stock-monitor), not audited data.'),
  ]);
  return {
    title: c.t(`${names.join(names.length === 2 ? '与' : '、')}对比研究报告`, `${names.join(' vs ')}: Comparison Report`),
    subtitle: c.t('股价表现、风险、增长、利润率与估值的并列比较', 'Share prices, risk, growth, margins and valuation side by side'),
  };
}
