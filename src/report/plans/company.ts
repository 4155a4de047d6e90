// The single-company report: price performance (1 year, 3 years, year to date) against the S&P 500 ETF,
// drawdown and volatility from the daily closes; the fundamentals trend (revenue, net income, gross margin, free
// cash flow) from the statement summaries, which are Yahoo Finance summaries of the company's filings.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { IsoDate } from '../../core/types.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { barChart, timeChart } from '../charts.ts';
import { chartPoints, type ReportComposer } from '../compose.ts';

const BENCHMARK = 'SPY';

interface Item {
  statement: string;
  item: string;
  name: { zh: string; en: string };
}

const ITEMS: Item[] = [
  { statement: 'income', item: 'Total Revenue', name: { zh: '营业收入', en: 'Revenue' } },
  { statement: 'income', item: 'Net Income', name: { zh: '净利润', en: 'Net income' } },
  { statement: 'cashflow', item: 'Free Cash Flow', name: { zh: '自由现金流', en: 'Free cash flow' } },
];

export async function companyReport(c: ReportComposer, ticker: string, today: IsoDate): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const n = (f: Fact, ...words: string[]): Fact => c.describe(f, ...words);
  const price = await c.series(ticker);
  const bench = ticker === BENCHMARK ? null : await c.series(BENCHMARK).catch(() => null);
  const companyName = c.name(price).replace(/[((].*$/, '').replace(/ daily close$|日收盘价$/, '').trim();
  const last = A.latest(price);
  const currency = price.meta.unit.currency ?? 'USD';
  const first = price.meta.firstDate ?? last.asOf;
  const since = (years: number): IsoDate => (A.addYears(last.asOf, -years) < first ? first : A.addYears(last.asOf, -years));

  // ---- 1. price performance ----------------------------------------------------------------------------------
  c.section('股价表现', 'Share price performance');
  // year to date: this year's, or the data's last year when the data do not reach this year yet
  const ytdStart = `${Math.min(Number(today.slice(0, 4)), Number(last.asOf.slice(0, 4))) - 1}-12-31`;
  const windows: Array<{ key: string; name: string; from: IsoDate }> = [
    { key: '1y', name: c.t('近1年', 'Past year'), from: A.addYears(last.asOf, -1) },
    { key: '3y', name: c.t('近3年', 'Past 3 years'), from: A.addYears(last.asOf, -3) },
    { key: 'ytd', name: c.t('年初至今', 'Year to date'), from: ytdStart },
  ];
  const perf = windows
    .filter((x) => (price.meta.firstDate ?? '') <= x.from)
    .map((x) => {
      const own = n(A.percentChange(price, x.from, last.asOf, { fromPolicy: 'on_or_before' }), companyName, x.name, c.t('涨跌幅', 'return'));
      const other = bench ? n(A.percentChange(bench, x.from, last.asOf, { fromPolicy: 'on_or_before' }), 'SPY', x.name) : null;
      return { ...x, own, other };
    });
  const hOwn = c.t(`${companyName}涨跌幅`, `${companyName} return`);
  const hBench = c.t('标普500ETF(SPY)涨跌幅', 'S&P 500 ETF (SPY) return');
  c.table(
    [c.t('区间', 'Period'), hOwn, ...(bench ? [hBench] : []), c.t('来源', 'Source')],
    perf.map((x) => [x.name, { f: x.own, text: w.signed(x.own) }, ...(x.other ? [{ f: x.other, text: w.signed(x.other) }] : []), c.cite(x.own, ...(x.other ? [x.other] : []))]),
  );
  n(last, companyName, c.t('收盘价', 'close'));
  const hi = n(A.max(price, since(1)), companyName, c.t('52周最高', '52-week high'));
  const lo = n(A.min(price, since(1)), companyName, c.t('52周最低', '52-week low'));
  const oneYear = perf.find((x) => x.key === '1y');
  c.p(
    `${companyName}最新收盘价为${w.v(last)}(${c.day(last.asOf)})${c.cite(last)};52周最高价为${w.v(hi)}(${c.day(hi.asOf)})${c.cite(hi)},52周最低价为${w.v(lo)}(${c.day(lo.asOf)})${c.cite(lo)}。${oneYear ? `近1年${companyName}涨跌幅为${w.signed(oneYear.own)}${c.cite(oneYear.own)}${oneYear.other ? `,同期标普500ETF(SPY)涨跌幅为${w.signed(oneYear.other)}${c.cite(oneYear.other)}` : ''}。` : ''}`,
    `${companyName} last closed at ${w.v(last)} (${c.day(last.asOf)})${c.cite(last)}; the 52-week high was ${w.v(hi)} (${c.day(hi.asOf)})${c.cite(hi)} and the 52-week low ${w.v(lo)} (${c.day(lo.asOf)})${c.cite(lo)}. ${oneYear ? `Over the past year ${companyName} returned ${w.signed(oneYear.own)}${c.cite(oneYear.own)}${oneYear.other ? `; over the past year SPY returned ${w.signed(oneYear.other)}${c.cite(oneYear.other)}` : ''}.` : ''}`,
  );
  c.p('涨跌幅按收盘价计算(已按拆股调整,未计入股息)。', 'Returns are computed from closing prices (split-adjusted, dividends not included).');
  const chartFrom = since(3);
  const base = (s: LoadedSeries) => A.valueOn(s, chartFrom, { policy: 'on_or_after' }).value;
  const rebased = (s: LoadedSeries) => {
    const b = base(s);
    return chartPoints(s, chartFrom).map(([d, v]) => [d, Math.round((v / b) * 10000) / 100] as [IsoDate, number]);
  };
  c.chart(
    timeChart({
      title: c.t(`图1 ${companyName}与标普500ETF(起点=100)`, `Figure 1 ${companyName} and the S&P 500 ETF (start = 100)`),
      lang: c.lang,
      lines: [{ name: companyName, points: rebased(price) }, ...(bench ? [{ name: 'SPY', points: rebased(bench) }] : [])],
      axisNames: [c.t('指数', 'index')],
      refLine: { value: 100 },
    }),
  );

  // ---- 2. risk: drawdown and volatility ------------------------------------------------------------------------
  c.section('风险:回撤与波动率', 'Risk: drawdown and volatility');
  const dd = A.drawdown(price, since(3));
  const ddSpan = since(3) === first ? c.t('上市以来', 'Since listing') : c.t('近3年', 'Over three years');
  const ddMax = n(dd.max, companyName, c.t('最大回撤', 'largest drawdown'));
  const ddNow = n(dd.current, companyName, c.t('当前', 'current'), c.t('高点', 'peak'));
  const vol = n(A.volatility(price, since(1)), companyName, c.t('波动率', 'volatility'));
  const volBench = bench ? n(A.volatility(bench, since(1)), 'SPY', c.t('波动率', 'volatility')) : null;
  c.p(
    `${ddSpan}${companyName}的最大回撤为${w.abs(ddMax)}${c.cite(ddMax)}${ddMax.extra?.peakDate ? `(从${c.day(String(ddMax.extra.peakDate))}的高点到${c.day(String(ddMax.extra.troughDate ?? ddMax.asOf))}的低点)` : ''};${companyName}当前较此前高点回撤${w.abs(ddNow)}${c.cite(ddNow)}。近1年${companyName}年化波动率为${w.v(vol)}${c.cite(vol)}${volBench ? `,SPY年化波动率为${w.v(volBench)}${c.cite(volBench)}` : ''}。`,
    `${ddSpan} the largest drawdown of ${companyName} was ${w.abs(ddMax)}${c.cite(ddMax)}${ddMax.extra?.peakDate ? ` (from the peak on ${c.day(String(ddMax.extra.peakDate))} to the trough on ${c.day(String(ddMax.extra.troughDate ?? ddMax.asOf))})` : ''}; ${companyName} is now ${w.abs(ddNow)} below its previous peak${c.cite(ddNow)}. Over the past year the annualised volatility of ${companyName} was ${w.v(vol)}${c.cite(vol)}${volBench ? `; SPY volatility was ${w.v(volBench)}${c.cite(volBench)}` : ''}.`,
  );
  c.p('波动率为日对数收益率的样本标准差,按每年交易日数年化。', 'Volatility is the sample standard deviation of daily log returns, annualised by the trading days in a year.');

  // ---- 3. fundamentals -----------------------------------------------------------------------------------------
  c.section('基本面趋势', 'Fundamentals trend');
  const src = { kind: 'series' as const, title: c.t(`${companyName} 财务报表(年度)`, `${companyName} financial statements (annual)`), publisher: c.t('雅虎财经(公司财报汇总数据)', 'Yahoo Finance (summary of company filings)'), url: `https://finance.yahoo.com/quote/${ticker.replace('.', '-')}/financials` };
  const reg = (f: Fact) => c.w.factWithSource(f, { ...src, date: f.asOf });
  const series = await Promise.all(ITEMS.map((it) => c.data.fundamentalSeries(ticker, it.statement, it.item, 'annual')));
  const gross = await c.data.fundamentalSeries(ticker, 'income', 'Gross Profit', 'annual');
  const revenue = series[0];
  const margin = gross && revenue ? A.ratioSeries(gross, revenue, { asPercent: true }) : null;
  const years = revenue ? A.points(revenue).map((p) => p.date) : [];
  if (!revenue || years.length === 0) {
    c.p(`数据库中没有${companyName}的年度财务数据。`, `The database holds no annual statements for ${companyName}.`);
  } else {
    const cell = (s: A.SeriesData | null | undefined, d: IsoDate, label: string) => {
      if (!s) return '—';
      const p = A.points(s).find((x) => x.date === d);
      if (!p) return '—';
      const f = reg(A.valueOn(s, d));
      c.describe(f, companyName, label);
      return { f, text: `${w.v(f)}${c.cite(f)}` };
    };
    const header = [c.t('财年截至', 'Fiscal year ended'), ...ITEMS.map((it) => c.t(it.name.zh, it.name.en)), c.t('毛利率', 'Gross margin')];
    c.table(
      header,
      years.map((d) => [c.lang === 'zh' ? c.mon(d) : d, ...series.map((s, i) => cell(s, d, header[i + 1]!)), cell(margin, d, header[header.length - 1]!)]),
    );
    const lastYear = years[years.length - 1]!;
    const growth = years.length >= 2 ? reg(A.percentChange(revenue, years[years.length - 2]!, lastYear)) : null;
    const revLast = reg(A.valueOn(revenue, lastYear));
    const REV = c.t('营业收入', 'revenue');
    n(revLast, companyName, REV);
    if (growth) n(growth, companyName, REV, c.t('增长', 'growth'));
    const ni = series[1] ? reg(A.valueOn(series[1], lastYear)) : null;
    if (ni) n(ni, companyName, c.t('净利润', 'net income'));
    const m = margin && A.points(margin).some((p) => p.date === lastYear) ? reg(A.valueOn(margin, lastYear)) : null;
    if (m) n(m, companyName, c.t('毛利率', 'gross margin'));
    c.p(
      `截至${c.mon(lastYear)}的财年,${companyName}营业收入为${w.v(revLast)}${growth ? `,营业收入同比${growth.value >= 0 ? '增长' : '下降'}${w.abs(growth)}` : ''}${c.cite(revLast, ...(growth ? [growth] : []))}${ni ? `;净利润为${w.v(ni)}${c.cite(ni)}` : ''}${m ? `;毛利率为${w.v(m)}${c.cite(m)}` : ''}。`,
      `In the fiscal year ended ${lastYear}, ${companyName}’s revenue was ${w.v(revLast)}${growth ? `, revenue ${growth.value >= 0 ? 'growth' : 'decline'} of ${w.abs(growth)} on the year` : ''}${c.cite(revLast, ...(growth ? [growth] : []))}${ni ? `; net income was ${w.v(ni)}${c.cite(ni)}` : ''}${m ? `; the gross margin was ${w.v(m)}${c.cite(m)}` : ''}.`,
    );
    const toBn = (v: number) => Math.round((c.lang === 'zh' ? v / 1e8 : v / 1e9) * 10) / 10;
    c.chart(
      barChart({
        title: c.t(`图2 ${companyName}年度营业收入与净利润(亿${currency === 'USD' ? '美元' : currency})`, `Figure 2 ${companyName} annual revenue and net income (${currency} billion)`),
        lang: c.lang,
        categories: years.map((d) => d.slice(0, 7)),
        axisName: c.t(`亿${currency === 'USD' ? '美元' : currency}`, `${currency} bn`),
        bars: [
          { name: c.t('营业收入', 'Revenue'), values: years.map((d) => toBn(A.points(revenue).find((p) => p.date === d)?.value ?? 0)) },
          ...(series[1] ? [{ name: c.t('净利润', 'Net income'), values: years.map((d) => toBn(A.points(series[1]!).find((p) => p.date === d)?.value ?? 0)) }] : []),
        ],
      }),
    );
  }
  c.p(
    '财务数据为雅虎财经对公司财报的汇总,以公司向美国证券交易委员会(SEC)提交的文件为准。',
    'Statement figures are Yahoo Finance summaries of the company’s filings; the filings with the SEC are authoritative.',
  );

  // ---- 4. challenges and takeaways ------------------------------------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  c.challenges([
    {
      challenge: c.t('股价波动大', 'Large price swings'),
      evidence: [
        { label: c.t('年化波动率', 'annualised volatility'), f: vol },
        ...(volBench ? [{ label: c.t('SPY年化波动率', 'SPY volatility'), f: volBench }] : []),
      ],
      cited: c.cite(vol),
    },
    {
      challenge: c.t('回撤风险', 'Drawdown risk'),
      evidence: [
        { label: c.t(`${ddSpan}最大回撤`, `largest drawdown (${ddSpan.toLowerCase()})`), f: ddMax, text: w.abs(ddMax) },
        { label: c.t('当前回撤', 'current drawdown'), f: ddNow, text: w.abs(ddNow) },
      ],
      cited: c.cite(ddMax),
    },
  ]);
  c.section('核心结论', 'Key takeaways', 'takeaways');
  c.bullets(
    [
      oneYear ? c.t(`近1年${companyName}涨跌幅为${w.signed(oneYear.own)}${c.cite(oneYear.own)}${oneYear.other ? `,SPY涨跌幅为${w.signed(oneYear.other)}${c.cite(oneYear.other)}` : ''}。`, `${companyName} returned ${w.signed(oneYear.own)} over the past year${c.cite(oneYear.own)}${oneYear.other ? `; SPY returned ${w.signed(oneYear.other)}${c.cite(oneYear.other)}` : ''}.`) : '',
      c.t(`${companyName}${ddSpan}最大回撤为${w.abs(ddMax)}${c.cite(ddMax)},近1年年化波动率为${w.v(vol)}${c.cite(vol)}。`, `${ddSpan}, ${companyName}’s largest drawdown was ${w.abs(ddMax)}${c.cite(ddMax)}; its annualised volatility over the past year was ${w.v(vol)}${c.cite(vol)}.`),
    ].filter(Boolean),
  );
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t(`日收盘价来自盈透证券(已按拆股调整,未计股息),数据截至${c.day(last.asOf)}。`, `Daily closes are from Interactive Brokers (split-adjusted, no dividends), through ${c.day(last.asOf)}.`),
    c.t('年初至今从上一年最后一个交易日的收盘价起算。', 'Year to date starts from the last close of the previous year.'),
  ]);
  const name = c.t(price.meta.title.zh.replace(/日收盘价$/, ''), price.meta.title.en.replace(/ daily close$/, ''));
  return {
    title: c.t(`${name}投资研究报告`, `${name}: Investment Research Report`),
    subtitle: c.t('股价表现、风险与基本面趋势', 'Price performance, risk and the fundamentals trend'),
  };
}
