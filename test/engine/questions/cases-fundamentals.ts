// Evaluation cases for company fundamentals and valuation (see the conventions at the top of cases.ts);
// expectations computed from the raw files: equities/financials/<T>/*.csv and equities/sp500_fundamentals_snapshot.csv.
//
// CONVENTIONS for these cases (the engine follows the same):
//   - a fiscal year is named by the calendar year in which it ends (Apple FY2024 ended 2024-09-30, NVIDIA
//     FY2026 ended 2026-01-31); "去年"/"last year" = the fiscal year ending in the previous calendar year.
//   - latest quarter / 最近一个季度 / 上季度 = the last quarterly row that reports the item; "Q2 2025" /
//     "2025年第二季度" = the quarter whose END falls in that calendar quarter.
//   - TTM = the sum of the last four quarterly values (four consecutive quarters); a TTM margin = sum of the
//     numerator over sum of the denominator × 100.
//   - YoY of a quarter = against the quarter ending twelve months earlier; QoQ = against the previous quarter;
//     growth over N years = the latest fiscal year against the one ending N years earlier, or, when the data
//     does not reach back that far, against the earliest fiscal year that reports the item.
//   - a margin's change is in percentage points (pp); a loss is net income below zero (the fact keeps the sign).
//   - valuation figures are the snapshot's fields as stored, dated by the as-of date SOURCES.md gives for the
//     file; dividendYield is already in percent (AAPL: 0.38, i.e. about $1.04 a year on a $283.78 price).
import type { Case, Category, Lang } from './cases.ts';
import { latestCaseIn, refuse, STORED, val } from './cases.ts';
import { addMonths, pctChange, statement, stock, table, type Obs } from './raw.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { snapshotRoot } from '../../helpers/db.ts';

// ---- readers of the raw statement and snapshot files ----------------------------------------------------------

type Kind = 'income' | 'balance' | 'cashflow';

/** Non-empty values of one item, oldest first. */
export function itemSeries(ticker: string, item: string, period: 'annual' | 'quarterly', kind: Kind = 'income'): Obs[] {
  return statement(ticker, kind, period)
    .filter((r) => r.items[item] !== undefined && Number.isFinite(r.items[item]))
    .map((r) => ({ date: r.periodEnd, value: r.items[item]! }));
}

/** The observation whose date falls in [from, to] (the last one when several). */
function endingIn(xs: Obs[], from: string, to: string): Obs {
  const hit = xs.filter((o) => o.date >= from && o.date <= to).at(-1);
  if (!hit) throw new Error(`no period ending in [${from}, ${to}]`);
  return hit;
}

/** The observation dated within `days` of `date`. */
function near(xs: Obs[], date: string, days: number): Obs {
  const t = Date.parse(date);
  const hit = xs.find((o) => Math.abs(Date.parse(o.date) - t) <= days * 86_400_000);
  if (!hit) throw new Error(`no observation within ${days} days of ${date}`);
  return hit;
}

/** Sum of the last four quarters, after checking they are consecutive (80–100 days apart). */
function ttm(xs: Obs[]): { value: number; asOf: string } {
  const four = xs.slice(-4);
  if (four.length < 4) throw new Error('fewer than four quarters');
  for (let i = 1; i < 4; i++) {
    const gap = (Date.parse(four[i]!.date) - Date.parse(four[i - 1]!.date)) / 86_400_000;
    if (gap < 80 || gap > 100) throw new Error(`quarters not consecutive at ${four[i]!.date}`);
  }
  return { value: four.reduce((a, o) => a + o.value, 0), asOf: four[3]!.date };
}

/** Margin (item / Total Revenue × 100) on each date both report. */
function marginSeries(ticker: string, item: string, period: 'annual' | 'quarterly'): Obs[] {
  const rev = new Map(itemSeries(ticker, 'Total Revenue', period).map((o) => [o.date, o.value]));
  return itemSeries(ticker, item, period)
    .filter((o) => rev.has(o.date))
    .map((o) => ({ date: o.date, value: (o.value / rev.get(o.date)!) * 100 }));
}

const SNAPSHOT = 'equities/sp500_fundamentals_snapshot.csv';

/** One field of the valuation snapshot for a vendor symbol, as stored. */
export function snapshotField(symbol: string, field: string): number {
  const t = table(SNAPSHOT);
  const ti = t.header.indexOf('ticker');
  const fi = t.header.indexOf(field);
  const rows = t.rows.filter((r) => r[ti] === symbol);
  if (fi < 0 || rows.length !== 1) throw new Error(`${SNAPSHOT}: ${symbol}/${field}: ${rows.length} rows`);
  const cell = (rows[0]![fi] ?? '').trim();
  if (cell === '') throw new Error(`${SNAPSHOT}: ${symbol}/${field} is empty`);
  return Number(cell);
}

/** The snapshot's as-of date, as SOURCES.md states it on the line describing the file. */
export function snapshotAsOf(): string {
  const line = readFileSync(path.join(snapshotRoot, 'SOURCES.md'), 'utf8')
    .split('\n')
    .find((l) => l.includes('sp500_fundamentals_snapshot.csv') && /as of \d{4}-\d{2}-\d{2}/.test(l));
  if (!line) throw new Error('SOURCES.md does not date the valuation snapshot');
  return /as of (\d{4}-\d{2}-\d{2})/.exec(line)![1]!;
}

/** A company case; a calculation returning an observation (date, value) sets asOf to its date. */
const co = (id: string, q: string, lang: Lang, unit: 'usd' | 'percent' | 'pp' | 'ratio', calc: () => { value: number; asOf?: string } | Obs, convention?: string, category: Category = 'company'): Case =>
  val(
    id,
    q,
    lang,
    category,
    unit,
    undefined,
    () => {
      const r = calc();
      return 'date' in r ? { value: r.value, asOf: r.date } : r;
    },
    convention ? { convention } : {},
  );

const snap = (id: string, q: string, lang: Lang, symbol: string, field: string, unit: 'usd' | 'percent' | 'ratio', scale = 1, convention?: string): Case =>
  val(id, q, lang, 'company', unit, undefined, () => ({ value: snapshotField(symbol, field) * scale, asOf: snapshotAsOf() }), { tolerance: scale === 1 ? STORED : { rel: 1e-9 }, ...(convention ? { convention } : {}) });

const decline = (id: string, q: string, lang: Lang): Case => ({ ...refuse(id, q, lang), category: 'decline' });

export const fundamentalsCases: Case[] = [
  // ---- quarterly: the latest quarter, several items in one question ----
  co('fu-aapl-lastq-rev-ni-zh', '苹果最近一个季度的营收和净利润', 'zh', 'usd', () => itemSeries('AAPL', 'Total Revenue', 'quarterly').at(-1)!, 'Headline = the FIRST item asked (revenue) for the latest quarter; net income follows (test/engine/fundamentals.test.ts checks it).'),
  co('fu-intc-lastq-loss-en', 'How much did Intel lose last quarter?', 'en', 'usd', () => itemSeries('INTC', 'Net Income', 'quarterly').at(-1)!, 'A loss = net income of the latest quarter, negative; the fact keeps the sign.'),
  co('fu-msft-q2-2025-rev-en', 'Microsoft revenue Q2 2025', 'en', 'usd', () => endingIn(itemSeries('MSFT', 'Total Revenue', 'quarterly'), '2025-04-01', '2025-06-30'), 'Q2 2025 = the quarter ending in April–June 2025 (calendar), here 2025-06-30.'),
  co('fu-aapl-q2-2025-margins-zh', '苹果2025年第二季度毛利率和净利率', 'zh', 'percent', () => endingIn(marginSeries('AAPL', 'Gross Profit', 'quarterly'), '2025-04-01', '2025-06-30'), 'Gross Profit / Total Revenue × 100 of the quarter ended in 2025 Q2; net margin follows.'),
  // ---- TTM ----
  co('fu-aapl-ttm-rev-zh', '苹果TTM营收是多少', 'zh', 'usd', () => ttm(itemSeries('AAPL', 'Total Revenue', 'quarterly'))),
  co('fu-cost-ttm-ni-en', 'Costco trailing twelve months net income', 'en', 'usd', () => ttm(itemSeries('COST', 'Net Income', 'quarterly'))),
  co('fu-aapl-ttm-gm-en', 'Apple TTM gross margin', 'en', 'percent', () => {
    const gp = ttm(itemSeries('AAPL', 'Gross Profit', 'quarterly'));
    const rev = ttm(itemSeries('AAPL', 'Total Revenue', 'quarterly'));
    return { value: (gp.value / rev.value) * 100, asOf: gp.asOf };
  }, 'TTM margin = (sum of four quarters of gross profit) / (sum of four quarters of revenue) × 100.'),
  co('fu-aapl-h2-2025-rev-zh', '苹果2025年下半年营收', 'zh', 'usd', () => {
    const xs = itemSeries('AAPL', 'Total Revenue', 'quarterly').filter((o) => o.date >= '2025-07-01' && o.date <= '2025-12-31');
    if (xs.length !== 2) throw new Error('expected two quarters ending in the second half of 2025');
    return { value: xs[0]!.value + xs[1]!.value, asOf: xs[1]!.date };
  }, '下半年 = the quarters ending July–December of that calendar year, summed.'),
  co('fu-nvda-h1-2026-ni-en', 'NVIDIA net income H1 2026', 'en', 'usd', () => {
    const xs = itemSeries('NVDA', 'Net Income', 'quarterly').filter((o) => o.date >= '2026-01-01' && o.date <= '2026-06-30');
    if (xs.length !== 2) throw new Error('expected two quarters ending in the first half of 2026');
    return { value: xs[0]!.value + xs[1]!.value, asOf: xs[1]!.date };
  }, 'H1 2026 = the quarters ending January–June 2026 (NVIDIA: 2026-01-31 and 2026-04-30), summed.'),
  // ---- YoY, QoQ ----
  co('fu-tsla-lastq-ni-yoy-zh', '特斯拉上季度净利润同比增长多少', 'zh', 'percent', () => {
    const xs = itemSeries('TSLA', 'Net Income', 'quarterly');
    const last = xs.at(-1)!;
    return { value: pctChange(near(xs, addMonths(last.date, -12), 20), last), asOf: last.date };
  }, '上季度 = the latest reported quarter; YoY = against the quarter ending twelve months earlier.'),
  co('fu-nvda-rev-qoq-zh', '英伟达营收环比增长多少', 'zh', 'percent', () => {
    const xs = itemSeries('NVDA', 'Total Revenue', 'quarterly');
    const [prev, last] = xs.slice(-2) as [Obs, Obs];
    return { value: pctChange(prev, last), asOf: last.date };
  }),
  co('fu-amd-opm-q1-2026-yoy-en', 'AMD operating margin Q1 2026 year over year', 'en', 'pp', () => {
    const m = marginSeries('AMD', 'Operating Income', 'quarterly');
    const cur = endingIn(m, '2026-01-01', '2026-03-31');
    return { value: cur.value - near(m, addMonths(cur.date, -12), 20).value, asOf: cur.date };
  }, 'A margin change is a difference in percentage points.'),
  co('fu-aapl-rev-rd-yoy-zh', '苹果营收和研发费用同比增长多少', 'zh', 'percent', () => {
    const [prev, last] = itemSeries('AAPL', 'Total Revenue', 'annual').slice(-2) as [Obs, Obs];
    return { value: pctChange(prev, last), asOf: last.date };
  }, 'No quarter named: fiscal years; revenue (asked first) is the headline, R&D follows.'),
  co('fu-msft-capex-yoy-zh', '微软资本开支同比增长多少', 'zh', 'percent', () => {
    const [prev, last] = itemSeries('MSFT', 'Capital Expenditure', 'annual', 'cashflow').slice(-2) as [Obs, Obs];
    // capital expenditure is stored negative (cash paid out): the growth of spending compares the sizes
    return { value: (Math.abs(last.value) / Math.abs(prev.value) - 1) * 100, asOf: last.date };
  }, 'Outflows (capex, buybacks, dividends paid) are negative in the cash-flow statement; their growth is that of their size.'),
  co('fu-aapl-q2-2025-yoy-missing-zh', '苹果2025年第二季度营收同比增长多少', 'zh', 'usd', () => {
    const xs = itemSeries('AAPL', 'Total Revenue', 'quarterly');
    const q = endingIn(xs, '2025-04-01', '2025-06-30');
    if (xs.some((o) => o.date < q.date)) throw new Error('the file has an earlier quarter: this case expects none');
    return q;
  }, 'The file has no quarter a year before 2025-06-30: the quarter itself is the headline and the answer says the YoY cannot be computed.'),
  // ---- fiscal years, N-year growth, losses ----
  co('fu-aapl-fy2024-rev-ni-en', 'Apple revenue and net income FY2024', 'en', 'usd', () => endingIn(itemSeries('AAPL', 'Total Revenue', 'annual'), '2024-01-01', '2024-12-31'), 'FY2024 = the fiscal year ending in 2024 (2024-09-30 for Apple).'),
  co('fu-nvda-3y-rev-growth-zh', '英伟达过去三年营收增长了多少', 'zh', 'percent', () => {
    const xs = itemSeries('NVDA', 'Total Revenue', 'annual');
    const last = xs.at(-1)!;
    return { value: pctChange(near(xs, addMonths(last.date, -36), 45), last), asOf: last.date };
  }, 'Three years = the latest fiscal year (ended 2026-01-31) against the one ended three years earlier (2023-01-31).'),
  co('fu-nvda-5y-rev-growth-en', "How much has Nvidia's revenue grown over the past five years?", 'en', 'percent', () => {
    const xs = itemSeries('NVDA', 'Total Revenue', 'annual');
    // the file's fiscal years with revenue do not reach five years back: the earliest one it has is the start
    if (xs.some((o) => Math.abs(Date.parse(o.date) - Date.parse(addMonths(xs.at(-1)!.date, -60))) <= 45 * 86_400_000)) throw new Error('five years are in the data: this case expects them not to be');
    return { value: pctChange(xs[0]!, xs.at(-1)!), asOf: xs.at(-1)!.date };
  }, 'The data reaches back fewer than five fiscal years: the answer says so and gives the longest span it has.'),
  co('fu-intc-fy2025-loss-zh', '英特尔2025财年亏了多少', 'zh', 'usd', () => endingIn(itemSeries('INTC', 'Net Income', 'annual'), '2025-01-01', '2025-12-31')),
  co('fu-meta-margins-en', 'Meta gross margin and net margin', 'en', 'percent', () => marginSeries('META', 'Gross Profit', 'annual').at(-1)!),
  co('fu-aapl-msft-gm-compare-zh', '苹果和微软谁的毛利率高', 'zh', 'percent', () => marginSeries('AAPL', 'Gross Profit', 'annual').at(-1)!, 'Two companies: facts[0] is the first named (Apple, its latest fiscal year); a ranking follows.'),
  // ---- valuation snapshot ----
  snap('fu-aapl-pe-zh', '苹果市盈率', 'zh', 'AAPL', 'trailingPE', 'ratio'),
  snap('fu-nvda-mcap-en', 'NVDA market cap', 'en', 'NVDA', 'marketCap', 'usd'),
  snap('fu-msft-divyield-zh', '微软股息率', 'zh', 'MSFT', 'dividendYield', 'percent', 1, 'dividendYield is stored in percent by the vendor (0.98 = 0.98%).'),
  snap('fu-ko-roe-en', "What is Coca-Cola's return on equity?", 'en', 'KO', 'returnOnEquity', 'percent', 100, 'returnOnEquity is a fraction in the file (× 100 = percent).'),
  snap('fu-aapl-valuation-zh', '苹果估值怎么样', 'zh', 'AAPL', 'marketCap', 'usd', 1, '估值 = market cap, trailing P/E, P/B and EV/EBITDA, market cap first.'),
  snap('fu-nvda-fwd-pe-en', 'NVIDIA forward P/E', 'en', 'NVDA', 'forwardPE', 'ratio', 1, "Forward P/E is given labelled as the vendor's estimate."),
  // the share price asked next to a valuation figure: both answered, the price (asked first) is the headline
  latestCaseIn('company', 'fu-aapl-price-pe-zh', '苹果股价和市盈率', 'zh', 'AAPL', () => stock('AAPL')),
  // ---- declined: what the data does not hold ----
  decline('fu-aapl-ps-decline-zh', '苹果市销率是多少', 'zh'),
  decline('fu-tsm-pe-decline-zh', '台积电的市盈率是多少', 'zh'),
  decline('fu-aapl-ps-decline-en', 'Apple price to sales ratio', 'en'),
  decline('fu-aapl-fy2027-decline-zh', '苹果2027财年营收', 'zh'),
  // 今年 = the fiscal year ending this year (2026), which Apple has not reported: declined, not last year's figure
  decline('fu-aapl-this-year-annual-decline-zh', '苹果今年营收', 'zh'),
];
