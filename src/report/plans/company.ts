// The single-company report, to the standard of a research note: share price against the S&P 500 ETF (1 year,
// 3 years, year to date, the 52-week range), risk (the largest drawdown with its dates, volatility), the
// fundamentals trend (revenue, net income, diluted EPS, free cash flow; fiscal years and the latest quarters with
// year-over-year changes), margins, the dated vendor valuation snapshot, the companies of the same GICS sector in
// the database, and what the data cannot tell. Statement figures, margins and changes are computed by the chat
// engine's fundamentals code (execute/fundamentals.ts), so a report and an answer give the same number.
// The building blocks (one company's price, statement and valuation facts) are shared with the comparison plan.
import { companies as catalogCompanies } from '../../data/catalog/index.ts';
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import { moneyAxis } from '../../core/format.ts';
import type { IsoDate } from '../../core/types.ts';
import type { LoadedSeries } from '../../engine/data.ts';
import { oneTicker } from '../../engine/writer.ts';
import { changeFact, pointFact, source, valuationFact, view, type CompanyRef, type Item, type Margin, type Period, type Valuation, type View } from '../../engine/execute/fundamentals.ts';
import { barChart, timeChart } from '../charts.ts';
import { chartPoints, type FactCell, type ReportComposer } from '../compose.ts';
import { differenceOf } from './derive.ts';

export const BENCHMARK = 'SPY';

// ---- what is read for a company -------------------------------------------------------------------------------

export interface CompanyInfo {
  ticker: string;
  name: string;
  exchange: string | null;
  sector: string | null;
  /** The currency of the listing (prices). */
  currency: string;
  /** The currency the statements are reported in (the store labels them all U.S. dollars). */
  statementCurrency: string;
}

/** Statements reported in a currency other than the listing's (the catalog's statementCurrency: TSM in TWD). */
const STATEMENT_CURRENCY: Record<string, string> = Object.fromEntries(catalogCompanies.filter((x) => x.statementCurrency).map((x) => [x.ticker, x.statementCurrency!]));

/** A company's name without its legal form ("Advanced Micro Devices, Inc." → "Advanced Micro Devices"): its comma would end a clause. */
function bare(name: string): string {
  return name.replace(/,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|PLC|Ltd\.?|Limited|Co\.,? Ltd\.?)$/i, '');
}

/** A currency's name for running text. */
export const currencyName = (c: ReportComposer, code: string): string =>
  c.t(({ USD: '美元', KRW: '韩元', TWD: '新台币' } as Record<string, string>)[code] ?? code, ({ USD: 'U.S. dollars', KRW: 'Korean won', TWD: 'New Taiwan dollars' } as Record<string, string>)[code] ?? code);

/** GICS sector names in Chinese (the sector column holds the English GICS names). */
const GICS_ZH: Record<string, string> = {
  'Information Technology': '信息技术',
  'Health Care': '医疗保健',
  Financials: '金融',
  'Consumer Discretionary': '非必需消费品',
  'Consumer Staples': '日常消费品',
  'Communication Services': '通信服务',
  Industrials: '工业',
  Energy: '能源',
  Materials: '原材料',
  Utilities: '公用事业',
  'Real Estate': '房地产',
};

export const sectorName = (c: ReportComposer, sector: string): string => c.t(GICS_ZH[sector] ?? sector, sector);

/** A company's name for running text: the price series' name without the ticker or "daily close". */
export function shortName(c: ReportComposer, price: LoadedSeries): string {
  return c.name(price).replace(/[((].*$/, '').replace(/ daily close$|日收盘价$/, '').replace(/^the /, '').trim();
}

export async function companyRows(c: ReportComposer): Promise<Array<Omit<CompanyInfo, 'name' | 'statementCurrency'> & { name: { zh: string; en: string } }>> {
  const rows = await c.data.db.query<{ ticker: string; name_zh: string; name_en: string; exchange: string | null; sector: string | null; currency: string }>('SELECT ticker, name_zh, name_en, exchange, sector, currency FROM companies ORDER BY ticker');
  return rows.map((r) => ({ ticker: r.ticker, name: { zh: r.name_zh, en: r.name_en }, exchange: r.exchange, sector: r.sector, currency: r.currency }));
}

export async function companyInfo(c: ReportComposer, ticker: string, price: LoadedSeries): Promise<CompanyInfo> {
  const row = (await companyRows(c)).find((r) => r.ticker === ticker);
  const currency = row?.currency ?? price.meta.unit.currency ?? 'USD';
  return { ticker, name: shortName(c, price), exchange: row?.exchange ?? null, sector: row?.sector ?? null, currency, statementCurrency: STATEMENT_CURRENCY[ticker] ?? currency };
}

// ---- price ------------------------------------------------------------------------------------------------------

export type WindowKey = '1y' | '3y' | 'ytd';

export interface PriceWindow {
  key: WindowKey;
  name: string;
  from: IsoDate;
}

/** The return windows ending on `end`: past year, past three years, year to date (from the previous year's last close). */
export function priceWindows(c: ReportComposer, end: IsoDate): PriceWindow[] {
  return [
    { key: '1y', name: c.t('近1年', 'Past year'), from: A.addYears(end, -1) },
    { key: '3y', name: c.t('近3年', 'Past 3 years'), from: A.addYears(end, -3) },
    { key: 'ytd', name: c.t('年初至今', 'Year to date'), from: `${Number(end.slice(0, 4)) - 1}-12-31` },
  ];
}

export interface PriceStats {
  series: LoadedSeries;
  last: Fact;
  /** A return per window the data covers, keyed by window. */
  returns: Map<WindowKey, Fact>;
  high: Fact;
  low: Fact;
  /** The largest drawdown over three years (or since listing when shorter) and the current one. */
  ddMax: Fact;
  ddNow: Fact;
  /** True when the drawdown span starts at the first observation (listed less than three years). */
  sinceListing: boolean;
  /** Annualised volatility of daily log returns over the past year. */
  vol: Fact;
}

/**
 * Price facts of one series over windows ending on `end`, each described by the company's name; the drawdown is
 * measured from `ddFrom` (default three years, or since listing), so that several companies share one window.
 */
export function priceStats(c: ReportComposer, s: LoadedSeries, name: string, end: IsoDate, ddFrom?: IsoDate): PriceStats {
  const first = s.meta.firstDate ?? A.points(s)[0]!.date;
  const last = c.describe(A.valueOn(s, end), name, c.t('收盘价', 'close'));
  const clip = (d: IsoDate) => (d < first ? first : d);
  const returns = new Map<WindowKey, Fact>();
  for (const x of priceWindows(c, end)) {
    if (x.from < first) continue;
    returns.set(x.key, c.describe(A.percentChange(s, x.from, end, { fromPolicy: 'on_or_before' }), name, x.name, c.t('涨跌幅', 'return')));
  }
  const from1 = clip(A.addYears(end, -1));
  const from3 = clip(ddFrom ?? A.addYears(end, -3));
  const dd = A.drawdown(s, from3, end);
  return {
    series: s,
    last,
    returns,
    high: c.describe(A.max(s, from1, end), name, c.t('52周最高', '52-week high')),
    low: c.describe(A.min(s, from1, end), name, c.t('52周最低', '52-week low')),
    ddMax: c.describe(dd.max, name, c.t('最大回撤', 'largest drawdown')),
    ddNow: c.describe(dd.current, name, c.t('当前回撤', 'current drawdown'), c.t('高点', 'peak')),
    sinceListing: from3 === first,
    vol: c.describe(A.volatility(s, from1, end), name, c.t('波动率', 'volatility')),
  };
}

/** Closes from `from` to `to`, rebased to 100 on the first close on or after `from` (for a chart). */
export function rebased(s: LoadedSeries, from: IsoDate, to: IsoDate): Array<[IsoDate, number]> {
  const b = A.valueOn(s, from, { policy: 'on_or_after' }).value;
  return chartPoints(s, from, 1, to).map(([d, v]) => [d, Math.round((v / b) * 10000) / 100]);
}

/** "+12.3%" with its citation, for a table cell. */
export const signedCell = (c: ReportComposer, f: Fact | undefined): FactCell | string => (f ? { f, text: `${c.w.signed(f)}${c.cite(f)}` } : '—');
/** A value with its citation, for a table cell; multiples get 倍 / x. */
export const valueCell = (c: ReportComposer, f: Fact | null | undefined, multiple = false): FactCell | string => (f ? { f, text: `${c.w.v(f)}${multiple ? c.t('倍', 'x') : ''}${c.cite(f)}` } : '—');

// ---- statements ------------------------------------------------------------------------------------------------

const item = (name: string, statement: Item['statement'], zh: string, en: string): Item => ({ kind: 'item', item: name, statement, label: { zh, en } });
const margin = (numerator: string, zh: string, en: string): Margin => ({ kind: 'margin', numerator, denominator: 'Total Revenue', label: { zh, en } });

export const REVENUE = item('Total Revenue', 'income', '营业收入', 'revenue');
export const NET_INCOME = item('Net Income', 'income', '净利润', 'net income');
export const EPS = item('Diluted EPS', 'income', '稀释每股收益', 'diluted EPS');
export const FCF = item('Free Cash Flow', 'cashflow', '自由现金流', 'free cash flow');
export const GROSS_MARGIN = margin('Gross Profit', '毛利率', 'gross margin');
export const OPERATING_MARGIN = margin('Operating Income', '营业利润率', 'operating margin');
export const NET_MARGIN = margin('Net Income', '净利率', 'net margin');

const AMOUNTS = [REVENUE, NET_INCOME, EPS, FCF] as const;
const MARGINS = [GROSS_MARGIN, OPERATING_MARGIN, NET_MARGIN] as const;

/** One statement item or margin over one kind of period, with its facts registered under the filings source. */
export class Metric {
  constructor(
    private readonly c: ReportComposer,
    private readonly ref: CompanyRef,
    readonly v: View,
    readonly period: Period,
  ) {}

  get dates(): IsoDate[] {
    return this.v.pts.map((p) => p.date);
  }

  private reg(f: Fact): Fact {
    const src = source(this.ref, this.period);
    return this.c.describe(this.c.w.factWithSource(f, { ...src, date: f.asOf }), this.ref.name, this.c.t(this.v.label.zh, this.v.label.en));
  }

  /** The value for the period ending on `d`, or null when the statement does not report it. */
  at(d: IsoDate): Fact | null {
    const p = this.v.pts.find((x) => x.date === d);
    return p ? this.reg(pointFact(this.ref, this.v, p, this.period)) : null;
  }

  latest(): Fact | null {
    const d = this.dates.at(-1);
    return d ? this.at(d) : null;
  }

  /** Year-over-year change to the period ending on `d` (percent for amounts, percentage points for margins). */
  yoy(d: IsoDate): Fact | null {
    const cur = this.v.pts.find((x) => x.date === d);
    const target = A.addMonths(d, -12);
    const prev = this.v.pts.find((x) => Math.abs(A.daysBetween(x.date, target)) <= (this.period === 'annual' ? 45 : 20));
    if (!cur || !prev) return null;
    const ch = changeFact(this.ref, this.v, pointFact(this.ref, this.v, prev, this.period), pointFact(this.ref, this.v, cur, this.period), { zh: '同比', en: 'year-over-year' });
    return ch ? this.c.describe(this.reg(ch), this.c.t('同比', 'year over year')) : null;
  }
}

/** A statement view with its amounts in the company's currency (the store labels every statement in U.S. dollars). */
function inCurrency(v: View, currency: string): View {
  if (currency === 'USD' || v.unit.kind === 'percent' || !v.unit.currency) return v;
  return { ...v, unit: { ...v.unit, currency, label: v.unit.kind === 'price' ? `${currency} per share` : currency } };
}

export interface Statements {
  annual: Map<string, Metric>;
  quarterly: Map<string, Metric>;
}

const key = (m: Item | Margin) => (m.kind === 'item' ? m.item : `${m.numerator}/${m.denominator}`);

/** The statement items and margins a report uses, annual and quarterly (absent when the data does not hold them). */
export async function statements(c: ReportComposer, info: CompanyInfo, metrics: ReadonlyArray<Item | Margin> = [...AMOUNTS, ...MARGINS], periods: readonly Period[] = ['annual', 'quarterly']): Promise<Statements> {
  const ref: CompanyRef = { ctx: { data: c.data, w: c.w }, ticker: info.ticker, name: info.name };
  const out: Statements = { annual: new Map(), quarterly: new Map() };
  for (const period of periods) {
    for (const m of metrics) {
      const v = await view(ref, m, period);
      if (v) (period === 'annual' ? out.annual : out.quarterly).set(key(m), new Metric(c, ref, inCurrency(v, info.statementCurrency), period));
    }
  }
  return out;
}

export const metricOf = (s: Statements, m: Item | Margin, period: Period = 'annual'): Metric | undefined => (period === 'annual' ? s.annual : s.quarterly).get(key(m));

// ---- valuation snapshot ----------------------------------------------------------------------------------------

const valuation = (name: string, unit: Valuation['unit'], zh: string, en: string, estimate?: boolean): Valuation => ({ kind: 'valuation', item: name, unit, label: { zh, en }, ...(estimate ? { estimate } : {}) });

export const MARKET_CAP = valuation('marketCap', 'usd', '市值', 'market capitalisation');
export const TRAILING_PE = valuation('trailingPE', 'multiple', '市盈率(TTM)', 'trailing P/E');
export const FORWARD_PE = valuation('forwardPE', 'multiple', '远期市盈率', 'forward P/E', true);
export const PRICE_TO_BOOK = valuation('priceToBook', 'multiple', '市净率', 'price-to-book');
export const EV_EBITDA = valuation('enterpriseToEbitda', 'multiple', '企业价值/EBITDA', 'EV/EBITDA');
export const DIVIDEND_YIELD = valuation('dividendYield', 'percent', '股息率', 'dividend yield');
export const VALUATION_ITEMS = [MARKET_CAP, TRAILING_PE, FORWARD_PE, PRICE_TO_BOOK, EV_EBITDA, DIVIDEND_YIELD] as const;

export interface Snapshot {
  asOf: IsoDate;
  /** Facts by vendor field (absent when the field is empty). */
  figures: Map<string, Fact>;
}

/** The dated vendor snapshot of a company as facts, or null when the snapshot has no row for it. */
export async function snapshot(c: ReportComposer, info: CompanyInfo, items: readonly Valuation[] = VALUATION_ITEMS): Promise<Snapshot | null> {
  const snap = await c.data.valuation(info.ticker);
  if (!snap) return null;
  const ref: CompanyRef = { ctx: { data: c.data, w: c.w }, ticker: info.ticker, name: info.name };
  const figures = new Map<string, Fact>();
  for (const m of items) {
    const raw = snap.values.get(m.item);
    if (raw !== undefined) figures.set(m.item, c.describe(valuationFact(ref, m, snap, raw), info.name, c.t(m.label.zh, m.label.en)));
  }
  return { asOf: snap.asOf, figures };
}

/** A snapshot figure for a sentence: multiples with 倍 / x. */
export function figure(c: ReportComposer, m: Valuation, f: Fact): string {
  return m.unit === 'multiple' ? `${c.w.v(f)}${c.t('倍', 'x')}` : c.w.v(f);
}

// ---- the report ------------------------------------------------------------------------------------------------

export async function companyReport(c: ReportComposer, ticker: string, _today: IsoDate): Promise<{ title: string; subtitle: string }> {
  const { w } = c;
  const price = await c.series(ticker);
  const info = await companyInfo(c, ticker, price);
  const name = info.name;
  const bench = ticker === BENCHMARK ? null : await c.series(BENCHMARK).catch(() => null);
  const end = A.latest(price).asOf;
  const px = priceStats(c, price, name, end);
  const sp = bench ? priceStats(c, bench, 'SPY', end) : null;
  const local = info.currency !== 'USD';
  const cur = (code: string) => currencyName(c, code);
  const foreignStatements = info.statementCurrency !== 'USD';
  const notHeld: string[] = [];

  // ---- 1. the company ------------------------------------------------------------------------------------------
  c.section('公司概况', 'The company');
  const snap = await snapshot(c, info);
  const cap = snap?.figures.get(MARKET_CAP.item);
  c.p(
    `${name}（${ticker}）${info.exchange ? `在${info.exchange}上市，` : ''}${info.sector ? `属于GICS行业分类的${sectorName(c, info.sector)}板块，` : ''}股价以${cur(info.currency)}计。最新收盘价为${w.v(px.last)}（${c.day(px.last.asOf)}）${c.cite(px.last)}${cap ? `；据雅虎财经${c.day(snap!.asOf)}的估值快照，市值为${w.v(cap)}${c.cite(cap)}` : ''}。`,
    `${name} (${ticker})${info.exchange ? ` is listed on the ${info.exchange}` : ''}${info.sector ? `${info.exchange ? ',' : ' is'} in the ${info.sector} sector of the GICS classification` : ''}; its shares are priced in ${cur(info.currency)}. It last closed at ${w.v(px.last)} (${c.day(px.last.asOf)})${c.cite(px.last)}${cap ? `; the Yahoo Finance valuation snapshot of ${c.day(snap!.asOf)} puts its market capitalisation at ${w.v(cap)}${c.cite(cap)}` : ''}.`,
  );

  // ---- 2. share price --------------------------------------------------------------------------------------------
  c.section('股价表现', 'Share price performance');
  const windows = priceWindows(c, end).filter((x) => px.returns.has(x.key));
  const excess = (k: WindowKey): Fact | null => {
    const own = px.returns.get(k);
    const other = sp?.returns.get(k);
    if (!own || !other || local) return null;
    return c.describe(differenceOf(own, other, { zh: `${name}相对SPY的超额涨跌幅`, en: `${name} return minus the SPY return` }), name, c.t('相对SPY', 'vs SPY'));
  };
  const hOwn = c.t(`${name}涨跌幅`, `${name} return`);
  const hBench = c.t('标普500ETF（SPY）涨跌幅', 'S&P 500 ETF (SPY) return');
  const hEx = c.t('相对SPY（百分点）', 'vs SPY (percentage points)');
  c.table(
    [c.t('区间', 'Period'), hOwn, ...(sp ? [hBench] : []), ...(sp && !local ? [hEx] : [])],
    windows.map((x) => {
      const ex = excess(x.key);
      return [x.name, signedCell(c, px.returns.get(x.key)), ...(sp ? [signedCell(c, sp.returns.get(x.key))] : []), ...(sp && !local ? [ex ? { f: ex, text: `${w.signed(ex)}${c.cite(ex)}` } : '—'] : [])];
    }),
  );
  const y1 = px.returns.get('1y');
  const b1 = sp?.returns.get('1y');
  const ex1 = excess('1y');
  c.p(
    `${name}的52周最高价为${w.v(px.high)}（${c.day(px.high.asOf)}）${c.cite(px.high)}，52周最低价为${w.v(px.low)}（${c.day(px.low.asOf)}）${c.cite(px.low)}。${y1 ? `近1年${name}涨跌幅为${w.signed(y1)}${c.cite(y1)}${b1 ? `，同期标普500ETF（SPY）涨跌幅为${w.signed(b1)}${c.cite(b1)}` : ''}${ex1 ? `，${ex1.value >= 0 ? '跑赢' : '跑输'}SPY ${w.abs(ex1)}${c.cite(ex1)}` : ''}。` : ''}`,
    `${name}’s 52-week high was ${w.v(px.high)} (${c.day(px.high.asOf)})${c.cite(px.high)} and its 52-week low ${w.v(px.low)} (${c.day(px.low.asOf)})${c.cite(px.low)}. ${y1 ? `Over the past year ${name} returned ${w.signed(y1)}${c.cite(y1)}${b1 ? ` and the S&P 500 ETF (SPY) ${w.signed(b1)}${c.cite(b1)}` : ''}${ex1 ? `, ${ex1.value >= 0 ? 'ahead of' : 'behind'} SPY by ${w.abs(ex1)}${c.cite(ex1)}` : ''}.` : ''}`,
  );
  c.p(
    `涨跌幅按收盘价计算（已按拆股调整，未计入股息）${local ? `；${name}以${cur(info.currency)}计，SPY以美元计，两者未作汇率换算，不能直接比较` : ''}。`,
    `Returns are computed from closing prices (split-adjusted, dividends not included)${local ? `; ${name} is priced in ${info.currency} and SPY in U.S. dollars, with no currency conversion, so the two are not directly comparable` : ''}.`,
  );
  const chartFrom = A.addYears(end, -3) < (price.meta.firstDate ?? end) ? price.meta.firstDate! : A.addYears(end, -3);
  c.chart(
    timeChart({
      title: c.t(`图1 ${name}与标普500ETF（起点=100）`, `Figure 1 ${name} and the S&P 500 ETF (start = 100)`),
      lang: c.lang,
      lines: [{ name, points: rebased(price, chartFrom, end) }, ...(bench ? [{ name: c.t('标普500ETF（SPY）', 'S&P 500 ETF (SPY)'), points: rebased(bench, chartFrom, end) }] : [])],
      axisNames: [c.t('指数', 'index')],
      refLine: { value: 100 },
    }),
  );

  // ---- 3. risk -----------------------------------------------------------------------------------------------------
  c.section('风险：回撤与波动率', 'Risk: drawdown and volatility');
  const ddSpan = px.sinceListing ? c.t('上市以来', 'Since listing') : c.t('近3年', 'Over three years');
  const peak = String(px.ddMax.extra?.peakDate ?? '');
  const trough = String(px.ddMax.extra?.troughDate ?? px.ddMax.asOf);
  c.p(
    `${ddSpan}${name}的最大回撤为${w.abs(px.ddMax)}${c.cite(px.ddMax)}${peak ? `（从${c.day(peak)}的高点到${c.day(trough)}的低点）` : ''}；${name}当前较此前高点回撤${w.abs(px.ddNow)}${c.cite(px.ddNow)}。近1年${name}的年化波动率为${w.v(px.vol)}${c.cite(px.vol)}${sp ? `，SPY的年化波动率为${w.v(sp.vol)}${c.cite(sp.vol)}` : ''}。`,
    `${ddSpan} the largest drawdown of ${name} was ${w.abs(px.ddMax)}${c.cite(px.ddMax)}${peak ? ` (from the peak on ${c.day(peak)} to the trough on ${c.day(trough)})` : ''}; ${name} is now ${w.abs(px.ddNow)} below its previous peak${c.cite(px.ddNow)}. Over the past year the annualised volatility of ${name} was ${w.v(px.vol)}${c.cite(px.vol)}${sp ? `; the volatility of SPY was ${w.v(sp.vol)}${c.cite(sp.vol)}` : ''}.`,
  );
  c.p('波动率为日对数收益率的样本标准差，按每年交易日数年化；回撤为收盘价相对此前最高收盘价的跌幅。', 'Volatility is the sample standard deviation of daily log returns, annualised by the trading days in a year; a drawdown is the fall of the close from the highest earlier close.');

  // ---- 4. fundamentals ---------------------------------------------------------------------------------------------
  c.section('基本面趋势', 'Fundamentals trend');
  const st = await statements(c, info);
  const rev = metricOf(st, REVENUE);
  const fy = (d: IsoDate) => (c.lang === 'zh' ? c.mon(d) : d);
  const amountCols = [REVENUE, NET_INCOME, EPS, FCF];
  const label = (m: Item | Margin | Valuation) => c.t(m.label.zh, m.label.en.charAt(0).toUpperCase() + m.label.en.slice(1));
  if (!rev || !rev.dates.length) {
    notHeld.push(c.t('财务报表', 'financial statements'));
    c.p(`数据库中没有${name}的财务报表数据，本节从略。`, `The database holds no financial statements for ${name}; this section is left out.`);
  } else {
    const trendTable = (period: Period, rows: IsoDate[], first: string) => {
      const header = [first];
      for (const m of amountCols) {
        if (!metricOf(st, m, period)) continue;
        header.push(label(m));
        if (m !== EPS) header.push(c.t(`${label(m)}同比`, `${label(m)} YoY`));
      }
      c.table(
        header,
        rows.map((d) => {
          const row: Array<string | FactCell> = [fy(d)];
          for (const m of amountCols) {
            const mm = metricOf(st, m, period);
            if (!mm) continue;
            row.push(valueCell(c, mm.at(d)));
            if (m !== EPS) {
              const g = mm.yoy(d);
              row.push(g ? signedCell(c, g) : '—');
            }
          }
          return row;
        }),
      );
    };
    c.md(c.t('**年度（财年）**', '**Fiscal years**'));
    trendTable('annual', rev.dates, c.t('财年截至', 'Fiscal year ended'));
    const qrev = metricOf(st, REVENUE, 'quarterly');
    if (qrev && qrev.dates.length) {
      c.md(c.t('**最近几个季度**', '**Latest quarters**'));
      trendTable('quarterly', qrev.dates.slice(-5), c.t('季度截至', 'Quarter ended'));
    }
    const lastFy = rev.dates.at(-1)!;
    const revLast = rev.at(lastFy)!;
    const g = rev.yoy(lastFy);
    const ni = metricOf(st, NET_INCOME)?.at(lastFy) ?? null;
    const niG = metricOf(st, NET_INCOME)?.yoy(lastFy) ?? null;
    const eps = metricOf(st, EPS)?.at(lastFy) ?? null;
    const fcf = metricOf(st, FCF)?.at(lastFy) ?? null;
    const grow = (f: Fact, zh: boolean) => (zh ? `同比${f.value >= 0 ? '增长' : '下降'}${w.abs(f)}` : `${f.value >= 0 ? 'up' : 'down'} ${w.abs(f)} year over year`);
    // one sentence per item: the verifier reads the items a sentence names
    c.p(
      `截至${c.mon(lastFy)}的财年，${name}营业收入为${w.v(revLast)}${g ? `，${grow(g, true)}` : ''}${c.cite(revLast, ...(g ? [g] : []))}。${ni ? `${name}净利润为${w.v(ni)}${niG ? `，${grow(niG, true)}` : ''}${c.cite(ni, ...(niG ? [niG] : []))}。` : ''}${eps ? `${name}稀释每股收益为${w.v(eps)}${c.cite(eps)}。` : ''}${fcf ? `${name}自由现金流为${w.v(fcf)}${c.cite(fcf)}。` : ''}`,
      `In the fiscal year ended ${lastFy}, ${name}’s revenue was ${w.v(revLast)}${g ? `, ${grow(g, false)}` : ''}${c.cite(revLast, ...(g ? [g] : []))}.${ni ? ` ${name}’s net income was ${w.v(ni)}${niG ? `, ${grow(niG, false)}` : ''}${c.cite(ni, ...(niG ? [niG] : []))}.` : ''}${eps ? ` ${name}’s diluted EPS was ${w.v(eps)}${c.cite(eps)}.` : ''}${fcf ? ` ${name}’s free cash flow was ${w.v(fcf)}${c.cite(fcf)}.` : ''}`,
    );
    const qLast = qrev?.dates.at(-1);
    const qv = qLast ? qrev!.at(qLast) : null;
    const qg = qLast ? qrev!.yoy(qLast) : null;
    if (qv && qLast) {
      c.p(
        `最近一个季度（截至${c.day(qLast)}）营业收入为${w.v(qv)}${qg ? `，${grow(qg, true)}` : ''}${c.cite(qv, ...(qg ? [qg] : []))}。`,
        `In the latest quarter (ended ${c.day(qLast)}) revenue was ${w.v(qv)}${qg ? `, ${grow(qg, false)}` : ''}${c.cite(qv, ...(qg ? [qg] : []))}.`,
      );
    }
    const ni0 = metricOf(st, NET_INCOME);
    // the axis unit of the text's money words (亿美元, 万亿韩元 / billions of USD)
    const axis = moneyAxis(rev.v.unit, Math.max(...rev.v.pts.map((p) => Math.abs(p.value))), c.lang) ?? { divisor: 1, name: info.currency };
    const toBn = (v: number) => Math.round((v / axis.divisor) * 100) / 100;
    const unitName = axis.name;
    c.chart(
      barChart({
        title: c.t(`图2 ${name}年度营业收入与净利润（${unitName}）`, `Figure 2 ${name} annual revenue and net income (${unitName})`),
        lang: c.lang,
        categories: rev.dates.map((d) => d.slice(0, 7)),
        axisName: unitName,
        bars: [
          { name: c.t('营业收入', 'Revenue'), values: rev.v.pts.map((p) => toBn(p.value)) },
          ...(ni0 ? [{ name: c.t('净利润', 'Net income'), values: rev.dates.map((d) => toBn(ni0.v.pts.find((p) => p.date === d)?.value ?? 0)) }] : []),
        ],
      }),
    );
    c.p(
      `财务数据为雅虎财经对公司财报的汇总${foreignStatements ? `，金额以${cur(info.statementCurrency)}计${info.statementCurrency !== info.currency ? `（股价以${cur(info.currency)}计）` : ''}` : ''}，以公司提交的正式文件为准。`,
      `Statement figures are Yahoo Finance summaries of the company’s filings${foreignStatements ? `, amounts in ${cur(info.statementCurrency)}${info.statementCurrency !== info.currency ? ` (the shares are priced in ${cur(info.currency)})` : ''}` : ''}; the filings are authoritative.`,
    );
  }

  // ---- 5. margins ---------------------------------------------------------------------------------------------------
  const gm = metricOf(st, GROSS_MARGIN);
  const om = metricOf(st, OPERATING_MARGIN);
  const nm = metricOf(st, NET_MARGIN);
  if (rev && (gm || om || nm)) {
    c.section('利润率', 'Margins');
    const ms = [GROSS_MARGIN, OPERATING_MARGIN, NET_MARGIN].filter((m) => metricOf(st, m));
    c.table(
      [c.t('财年截至', 'Fiscal year ended'), ...ms.map(label)],
      rev.dates.map((d) => [fy(d), ...ms.map((m) => valueCell(c, metricOf(st, m)!.at(d)))]),
    );
    const lastFy = rev.dates.at(-1)!;
    const parts = ms
      .map((m) => ({ m, f: metricOf(st, m)!.at(lastFy), ch: metricOf(st, m)!.yoy(lastFy) }))
      .filter((x): x is { m: Margin; f: Fact; ch: Fact | null } => x.f !== null);
    const pp = (f: Fact, zh: boolean) => (zh ? `较上一财年${f.value >= 0 ? '上升' : '下降'}${w.abs(f)}` : `${f.value >= 0 ? 'up' : 'down'} ${w.abs(f)} on the previous fiscal year`);
    c.p(
      `截至${c.mon(lastFy)}的财年，${parts.map((x) => `${name}${x.m.label.zh}为${w.v(x.f)}${x.ch ? `，${pp(x.ch, true)}` : ''}${c.cite(x.f, ...(x.ch ? [x.ch] : []))}`).join('；')}。`,
      `In the fiscal year ended ${lastFy}, ${parts.map((x) => `${name}’s ${x.m.label.en} was ${w.v(x.f)}${x.ch ? `, ${pp(x.ch, false)}` : ''}${c.cite(x.f, ...(x.ch ? [x.ch] : []))}`).join('; ')}.`,
    );
    const qm = metricOf(st, GROSS_MARGIN, 'quarterly');
    if (qm && qm.dates.length) {
      const qms = ms.filter((m) => metricOf(st, m, 'quarterly'));
      c.table(
        [c.t('季度截至', 'Quarter ended'), ...qms.map(label)],
        qm.dates.slice(-5).map((d) => [fy(d), ...qms.map((m) => valueCell(c, metricOf(st, m, 'quarterly')!.at(d)))]),
      );
    }
    c.p('利润率 = 毛利润、营业利润或净利润 ÷ 营业收入；变化以百分点计。', 'Margin = gross profit, operating income or net income ÷ revenue; changes are in percentage points.');
  }

  // ---- 6. valuation ---------------------------------------------------------------------------------------------------
  c.section('估值（供应商快照）', 'Valuation (vendor snapshot)');
  const pe = snap?.figures.get(TRAILING_PE.item) ?? null;
  const fpe = snap?.figures.get(FORWARD_PE.item) ?? null;
  if (!snap || !snap.figures.size) {
    notHeld.push(c.t('估值快照', 'the valuation snapshot'));
    c.p(
      `雅虎财经的估值快照中没有${name}，因此本报告没有它的市盈率、市净率等估值倍数。`,
      `The Yahoo Finance valuation snapshot has no row for ${name}, so this report has no P/E, price-to-book or other multiples for it.`,
    );
  } else {
    const held = VALUATION_ITEMS.filter((m) => snap.figures.has(m.item));
    c.table(
      [c.t('指标', 'Measure'), c.t(`数值（${snap.asOf}）`, `Value (${snap.asOf})`)],
      held.map((m) => [label(m) + (m.estimate ? c.t('（估计值）', ' (estimate)') : ''), valueCell(c, snap.figures.get(m.item)!, m.unit === 'multiple')]),
    );
    c.p(
      `以上是雅虎财经在${c.day(snap.asOf)}的快照数据${pe ? `：${name}的市盈率（TTM）为${figure(c, TRAILING_PE, pe)}${c.cite(pe)}` : ''}${fpe ? `，远期市盈率为${figure(c, FORWARD_PE, fpe)}${c.cite(fpe)}` : ''}。快照是数据供应商的数值，不是经审计的数据；其后股价变动，这些比率也随之变化。远期市盈率以分析师对未来盈利的预测为分母，是估计值。`,
      `These are Yahoo Finance snapshot figures of ${c.day(snap.asOf)}${pe ? `: ${name}’s trailing P/E was ${figure(c, TRAILING_PE, pe)}${c.cite(pe)}` : ''}${fpe ? ` and its forward P/E ${figure(c, FORWARD_PE, fpe)}${c.cite(fpe)}` : ''}. They are the vendor’s figures, not audited data, and the ratios have moved with the share price since. The forward P/E divides by analysts’ forecasts of earnings: it is an estimate.`,
    );
  }

  // ---- 7. peers -------------------------------------------------------------------------------------------------------
  const peerRows = info.sector ? (await companyRows(c)).filter((r) => r.sector === info.sector && r.ticker !== ticker) : [];
  interface PeerLine {
    name: string;
    ticker: string;
    currency: string;
    ret: Fact | null;
    pe: Fact | null;
    nm: Fact | null;
  }
  const peers: PeerLine[] = [];
  for (const r of peerRows) {
    const s = await c.series(r.ticker).catch(() => null);
    if (!s) continue;
    const pn = shortName(c, s);
    const pInfo: CompanyInfo = { ticker: r.ticker, name: pn, exchange: r.exchange, sector: r.sector, currency: r.currency, statementCurrency: STATEMENT_CURRENCY[r.ticker] ?? r.currency };
    const first = s.meta.firstDate ?? A.points(s)[0]!.date;
    const from = A.addYears(end, -1);
    const ret = from >= first ? c.describe(A.percentChange(s, from, end, { fromPolicy: 'on_or_before' }), pn, c.t('近1年', 'Past year'), c.t('涨跌幅', 'return')) : null;
    const ps = await snapshot(c, pInfo, [TRAILING_PE]);
    const pst = await statements(c, pInfo, [NET_MARGIN], ['annual']);
    peers.push({ name: pn, ticker: r.ticker, currency: r.currency, ret, pe: ps?.figures.get(TRAILING_PE.item) ?? null, nm: metricOf(pst, NET_MARGIN)?.latest() ?? null });
  }
  const own: PeerLine = { name, ticker, currency: info.currency, ret: y1 ?? null, pe, nm: nm?.latest() ?? null };
  if (info.sector) {
    c.section('同行业公司比较', 'Peers in the same sector');
    if (!peers.length) {
      c.p(`数据库中没有与${name}同属${sectorName(c, info.sector)}板块的其他公司。`, `The database holds no other company of the ${info.sector} sector.`);
    } else {
      c.p(
        `数据库中与${name}同属GICS ${sectorName(c, info.sector)}板块的公司如下（只含本数据库收录的公司，不是该板块的全部公司）。涨跌幅以各自上市货币计；市盈率来自${snap ? c.day(snap.asOf) : ''}雅虎财经快照（快照中没有的公司记为“—”）；净利率为各公司最近一个财年，财年截止日各不相同。`,
        `The companies of the database in the same GICS sector (${info.sector}) as ${name} — the database’s companies only, not the whole sector. Returns are in each listing’s currency; P/E is from the Yahoo Finance snapshot${snap ? ` of ${c.day(snap.asOf)}` : ''} (“—” where the snapshot has no row); net margin is each company’s latest fiscal year, whose end dates differ.`,
      );
      const lines = [own, ...peers];
      c.table(
        [c.t('公司', 'Company'), c.t('近1年涨跌幅', 'Past-year return'), c.t('市盈率（TTM）', 'Trailing P/E'), c.t('净利率（最近财年）', 'Net margin (latest FY)')],
        lines.map((l) => [`${l === own ? '**' : ''}${l.name}${c.t(`（${l.ticker}）`, ` (${l.ticker})`)}${l === own ? '**' : ''}${l.currency !== 'USD' ? c.t(`，${l.currency}`, `, ${l.currency}`) : ''}`, signedCell(c, l.ret ?? undefined), valueCell(c, l.pe, true), valueCell(c, l.nm)]),
      );
      const withPe = lines.filter((l) => l.pe).sort((a, b) => b.pe!.value - a.pe!.value);
      if (pe && withPe.length >= 2) {
        const hiPe = withPe[0]!;
        const loPe = withPe.at(-1)!;
        c.p(
          `上表公司中市盈率（TTM）最高的是${hiPe.name}（${figure(c, TRAILING_PE, hiPe.pe!)}）${c.cite(hiPe.pe!)}，最低的是${loPe.name}（${figure(c, TRAILING_PE, loPe.pe!)}）${c.cite(loPe.pe!)}；${name}为${figure(c, TRAILING_PE, pe)}${c.cite(pe)}。`,
          `Among the companies above, the highest trailing P/E is ${bare(hiPe.name)}’s ${figure(c, TRAILING_PE, hiPe.pe!)}${c.cite(hiPe.pe!)}. The lowest is ${bare(loPe.name)}’s ${figure(c, TRAILING_PE, loPe.pe!)}${c.cite(loPe.pe!)}. ${bare(name)}’s trailing P/E is ${figure(c, TRAILING_PE, pe)}${c.cite(pe)}.`,
        );
      }
    }
  }

  // ---- 8. challenges, what the data cannot tell, takeaways, method ------------------------------------------------
  c.section('挑战与风险', 'Challenges and risks', 'challenges');
  const peRange = [own, ...peers].filter((l) => l.pe).sort((a, b) => b.pe!.value - a.pe!.value);
  c.challenges([
    {
      challenge: c.t('股价波动大', 'Large price swings'),
      evidence: [{ label: c.t('近1年年化波动率', 'annualised volatility, past year'), f: px.vol }, ...(sp ? [{ label: c.t('SPY年化波动率', 'SPY volatility'), f: sp.vol }] : [])],
      cited: c.cite(px.vol, ...(sp ? [sp.vol] : [])),
    },
    {
      challenge: c.t('回撤风险', 'Drawdown risk'),
      evidence: [
        { label: c.t(`${ddSpan}最大回撤`, `largest drawdown (${ddSpan.toLowerCase()})`), f: px.ddMax, text: w.abs(px.ddMax) },
        { label: c.t('当前回撤', 'current drawdown'), f: px.ddNow, text: w.abs(px.ddNow) },
      ],
      cited: c.cite(px.ddMax),
    },
    ...(pe && peRange.length >= 2
      ? [
          {
            challenge: c.t('估值与同行业比较', 'Valuation against the sector peers'),
            evidence: [
              { label: c.t(`${name}市盈率（TTM）`, `${name} trailing P/E`), f: pe, text: figure(c, TRAILING_PE, pe) },
              ...(fpe ? [{ label: c.t('远期市盈率（估计值）', 'forward P/E (estimate)'), f: fpe, text: figure(c, FORWARD_PE, fpe) }] : []),
            ],
            cited: c.cite(pe),
          },
        ]
      : []),
  ]);
  c.section('数据无法告诉我们的', 'What the data cannot tell');
  c.bullets([
    c.t('历史涨跌幅、回撤和波动率描述的是过去，不是对未来股价的预测。', 'Past returns, drawdowns and volatility describe the past; they do not forecast the share price.'),
    c.t('估值倍数是某一天的供应商快照；远期市盈率建立在分析师预测之上，不是已发生的数据。', 'Valuation multiples are a vendor snapshot of one day; the forward P/E rests on analysts’ forecasts, not reported data.'),
    c.t('财务数据只有最近几个财年和季度，看不出更长的周期；也不含分部收入、客户集中度、管理层指引或公司公告。', 'The statements cover only the latest few fiscal years and quarters, too short for a longer cycle, and hold no segment revenue, customer concentration, guidance or company announcements.'),
    c.t('同行比较只包括本数据库收录的公司。', 'The peer comparison covers only the companies in this database.'),
    ...(notHeld.length ? [c.t(`数据中没有${name}的${notHeld.join('和')}，相关部分从略。`, `The data holds no ${notHeld.join(' and ')} for ${name}; those parts are left out.`)] : []),
  ]);
  c.section('核心结论', 'Key takeaways', 'takeaways');
  const lastFy = rev?.dates.at(-1);
  const revG = lastFy ? rev!.yoy(lastFy) : null;
  const gmLast = gm?.latest() ?? null;
  c.bullets(
    [
      y1 ? c.t(`近1年${name}涨跌幅为${w.signed(y1)}${c.cite(y1)}${b1 ? `，SPY为${w.signed(b1)}${c.cite(b1)}` : ''}。`, `${name} returned ${w.signed(y1)} over the past year${c.cite(y1)}${b1 ? `; SPY returned ${w.signed(b1)}${c.cite(b1)}` : ''}.`) : '',
      c.t(`${ddSpan}${name}最大回撤为${w.abs(px.ddMax)}${c.cite(px.ddMax)}，近1年年化波动率为${w.v(px.vol)}${c.cite(px.vol)}。`, `${ddSpan}, ${name}’s largest drawdown was ${w.abs(px.ddMax)}${c.cite(px.ddMax)}; its annualised volatility over the past year was ${w.v(px.vol)}${c.cite(px.vol)}.`),
      revG && lastFy ? c.t(`截至${c.mon(lastFy)}的财年营业收入同比${revG.value >= 0 ? '增长' : '下降'}${w.abs(revG)}${c.cite(revG)}${gmLast ? `，毛利率为${w.v(gmLast)}${c.cite(gmLast)}` : ''}。`, `Revenue in the fiscal year ended ${lastFy} was ${revG.value >= 0 ? 'up' : 'down'} ${w.abs(revG)} year over year${c.cite(revG)}${gmLast ? `; the gross margin was ${w.v(gmLast)}${c.cite(gmLast)}` : ''}.`) : '',
      pe ? c.t(`雅虎财经快照（${c.day(snap!.asOf)}）中${name}的市盈率（TTM）为${figure(c, TRAILING_PE, pe)}${c.cite(pe)}。`, `In the Yahoo Finance snapshot (${c.day(snap!.asOf)}) ${name}’s trailing P/E was ${figure(c, TRAILING_PE, pe)}${c.cite(pe)}.`) : '',
    ].filter(Boolean),
  );
  c.section('数据与方法', 'Data and method', 'method');
  c.bullets([
    c.t(`日收盘价来自盈透证券（已按拆股调整，未计股息），数据截至${c.day(end)}；年初至今从上一年最后一个交易日的收盘价起算。`, `Daily closes are from Interactive Brokers (split-adjusted, no dividends), through ${c.day(end)}; year to date starts from the last close of the previous year.`),
    c.t('财务报表为雅虎财经汇总的公司财报数据（年度与季度），同比为与上一年同期相比。', 'Statements are Yahoo Finance summaries of the company’s filings (fiscal years and quarters); year over year compares with the same period a year earlier.'),
    c.t('估值数据是雅虎财经的快照（经GitHub仓库JohnAprek/us-stock-monitor保存），不是经审计的数据。', 'Valuation figures are a Yahoo Finance snapshot (saved by the GitHub repository JohnAprek/us-stock-monitor), not audited data.'),
  ]);
  const title = c.t(oneTicker(price.meta.title.zh).replace(/日收盘价$/, '').replace(/\(/g, '（').replace(/\)/g, '）'), oneTicker(price.meta.title.en).replace(/ daily close$/, ''));
  return {
    title: c.t(`${title}投资研究报告`, `${title}: Investment Research Report`),
    subtitle: c.t('股价表现、风险、基本面、估值与同行业比较', 'Share price, risk, fundamentals, valuation and sector peers'),
  };
}
