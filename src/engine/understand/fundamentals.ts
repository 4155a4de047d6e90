// Company questions: which statement items, margins or valuation figures are asked (营收和净利润, gross margin,
// 市盈率 …), in the order asked; which period (latest quarter, TTM, FY2024, Q2 2025, 去年); and which change
// (同比, 环比, over N years). The executor is src/engine/execute/fundamentals.ts.
//
// Everything here is a table of words → metric, scanned for every occurrence: the most specific entries come
// first and claim their span (毛利率 before 毛利, EV/EBITDA before EBITDA), so one word is never read twice.
import type { Bilingual } from '../../core/types.ts';
import type { FundamentalAsk, FundamentalMetric, FundamentalTarget, Measure, Plan, Subject } from '../plan.ts';
import { asksComparison, detectMeasure } from './measure.ts';

const item = (name: string, statement: 'income' | 'balance' | 'cashflow', zh: string, en: string): FundamentalMetric => ({ kind: 'item', item: name, statement, label: { zh, en } });
const margin = (numerator: string, zh: string, en: string): FundamentalMetric => ({ kind: 'margin', numerator, denominator: 'Total Revenue', label: { zh, en } });
const valuation = (name: string, unit: Extract<FundamentalMetric, { kind: 'valuation' }>['unit'], zh: string, en: string, estimate?: boolean): FundamentalMetric => ({
  kind: 'valuation',
  item: name,
  unit,
  label: { zh, en },
  ...(estimate ? { estimate } : {}),
});
const unheld = (zh: string, en: string): FundamentalMetric => ({ kind: 'unheld', label: { zh, en } });

const MARKET_CAP = valuation('marketCap', 'usd', '市值', 'market capitalization');
const TRAILING_PE = valuation('trailingPE', 'multiple', '市盈率(TTM)', 'trailing P/E');
const PRICE_TO_BOOK = valuation('priceToBook', 'multiple', '市净率', 'price-to-book ratio');
const EV_EBITDA = valuation('enterpriseToEbitda', 'multiple', '企业价值/EBITDA', 'EV/EBITDA');

/** Words → metrics, most specific first. A metric list (估值) expands to several figures. */
const LEXICON: Array<[RegExp, FundamentalMetric[]]> = [
  // ---- figures the data does not hold (declined, naming what is held) ----
  [/市销率|p\/s\b|price[- ]to[- ]sales/i, [unheld('市销率', 'price-to-sales ratio')]],
  [/\bpeg\b/i, [unheld('PEG', 'PEG ratio')]],
  [/每股股息|每股分红|dividends? per share|\bdps\b/i, [unheld('每股股息', 'dividend per share')]],
  [/做空比例|空头头寸|short interest|short ratio/i, [unheld('做空比例', 'short interest')]],
  [/分析师评级|评级|analysts?'? (?:rating|recommendation)s?|consensus rating/i, [unheld('分析师评级', "analysts' rating")]],
  // ---- the share price, when asked with other figures (alone, it is a series question) ----
  [/股价|收盘价|share price|stock price|closing price/i, [{ kind: 'price', label: { zh: '股价(日收盘价)', en: 'share price (daily close)' } }]],
  // ---- the dated valuation snapshot ----
  [/预期市盈率|远期市盈率|动态市盈率|forward\s*p\/?e\b|forward (?:price[- ]to[- ]earnings|pe ratio)/i, [valuation('forwardPE', 'multiple', '远期市盈率', 'forward P/E', true)]],
  [/ev\s*\/\s*ebitda|企业价值倍数|企业价值\/ebitda|enterprise value to ebitda/i, [EV_EBITDA]],
  [/市盈率|\bp\/?e\b(?: ratio)?|pe ratio|price[- ]to[- ]earnings|earnings multiple/i, [TRAILING_PE]],
  [/市净率|\bp\/b\b|price[- ]to[- ]book/i, [PRICE_TO_BOOK]],
  [/总市值|市值|market\s*cap(?:itali[sz]ation)?|market value/i, [MARKET_CAP]],
  [/股息率|股息收益率|dividend yield/i, [valuation('dividendYield', 'percent', '股息率', 'dividend yield')]],
  [/净资产收益率|股本回报率|权益回报率|\broe\b|return on equity/i, [valuation('returnOnEquity', 'fraction', '净资产收益率(ROE)', 'return on equity (ROE)')]],
  [/负债权益比|债务股本比|产权比率|debt[- ]to[- ]equity|\bd\/e\b/i, [valuation('debtToEquity', 'percent', '债务/股东权益', 'debt-to-equity')]],
  [/贝塔|\bbeta\b/i, [valuation('beta', 'ratio', '贝塔系数', 'beta')]],
  [/估值|valuation/i, [MARKET_CAP, TRAILING_PE, PRICE_TO_BOOK, EV_EBITDA]],
  // ---- margins ----
  [/毛利率|gross margin/i, [margin('Gross Profit', '毛利率', 'gross margin')]],
  [/营业利润率|经营利润率|营业利益率|operating margin/i, [margin('Operating Income', '营业利润率', 'operating margin')]],
  [/净利率|净利润率|利润率|net (?:profit )?margin|profit margin/i, [margin('Net Income', '净利率', 'net margin')]],
  // ---- statement items ----
  // "how were the results": the two headline items of an earnings release
  [/财报|业绩|季报|年报|earnings (?:report|release|results)|financial results|quarterly results|annual results/i, [item('Total Revenue', 'income', '营业收入', 'revenue'), item('Net Income', 'income', '净利润', 'net income')]],
  [/自由现金流|free cash ?flow|\bfcf\b/i, [item('Free Cash Flow', 'cashflow', '自由现金流', 'free cash flow')]],
  [/经营现金流|经营活动现金流|operating cash ?flow|cash flow from operations|现金流|cash ?flow/i, [item('Operating Cash Flow', 'cashflow', '经营现金流', 'operating cash flow')]],
  [/资本开支|资本支出|capex|capital expenditures?/i, [item('Capital Expenditure', 'cashflow', '资本开支', 'capital expenditure')]],
  [/股票回购|回购|buybacks?|share repurchases?|repurchases? of (?:capital|common) stock/i, [item('Repurchase Of Capital Stock', 'cashflow', '股票回购', 'share repurchases')]],
  [/派息总额|支付股息|分红总额|股息支出|dividends? paid|分红|派息|\bdividends?\b/i, [item('Cash Dividends Paid', 'cashflow', '支付的现金股息', 'cash dividends paid')]],
  [/研发|r&d|research and development/i, [item('Research And Development', 'income', '研发费用', 'R&D expense')]],
  [/每股收益|每股盈利|\beps\b|earnings per share/i, [item('Diluted EPS', 'income', '稀释每股收益', 'diluted EPS')]],
  [/ebitda/i, [item('EBITDA', 'income', 'EBITDA', 'EBITDA')]],
  [/毛利润|毛利|gross profit/i, [item('Gross Profit', 'income', '毛利', 'gross profit')]],
  [/营业利润|经营利润|营业利益|operating (?:income|profit)/i, [item('Operating Income', 'income', '营业利润', 'operating income')]],
  [/营业亏损|经营亏损|operating loss(?:es)?/i, [{ ...item('Operating Income', 'income', '营业利润', 'operating income'), loss: true } as FundamentalMetric]],
  [/净利润|净利|净收入|利润|盈利|赚了?多少|net (?:income|profit|earnings)|\bearnings\b|\bprofits?\b/i, [item('Net Income', 'income', '净利润', 'net income')]],
  [/营收|营业收入|总收入|收入|销售额|revenues?|\bsales\b|turnover|top line/i, [item('Total Revenue', 'income', '营业收入', 'revenue')]],
  [/总负债|total liabilities/i, [item('Total Liabilities Net Minority Interest', 'balance', '总负债', 'total liabilities')]],
  [/总债务|有息负债|total debt|\bdebt\b/i, [item('Total Debt', 'balance', '总债务', 'total debt')]],
  [/股东权益|净资产|shareholders'? equity|stockholders'? equity|book value/i, [item('Stockholders Equity', 'balance', '股东权益', "stockholders' equity")]],
  [/总资产|total assets/i, [item('Total Assets', 'balance', '总资产', 'total assets')]],
  [/现金|\bcash\b/i, [item('Cash And Cash Equivalents', 'balance', '现金及现金等价物', 'cash and cash equivalents')]],
];

const LOSS = /亏损|亏了|亏多少|亏钱|赔了|net loss(?:es)?|\blos(?:s|ses|t|e|ing)\b/i;
/** Words that make a loss or gain about the share, not the company's books (我买的股票亏了多少, the stock lost). */
const SHARE_WORDS = /股价|股票|股份|持仓|收盘|\bstock\b|\bshares?\b|share price|\bprice\b|investors?/i;

const metricKey = (m: FundamentalMetric): string => (m.kind === 'item' ? `item:${m.item}` : m.kind === 'margin' ? `margin:${m.numerator}` : m.kind === 'valuation' ? `val:${m.item}` : `${m.kind}:${m.label.en}`);

/** Every metric the text names, in the order named (overlapping words are read once, the most specific way). */
export function detectFundamentals(text: string): FundamentalMetric[] {
  const taken: Array<[number, number]> = [];
  const found: Array<{ at: number; metrics: FundamentalMetric[] }> = [];
  for (const [re, metrics] of LEXICON) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) {
      const a = m.index;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      taken.push([a, b]);
      found.push({ at: a, metrics });
    }
  }
  found.sort((x, y) => x.at - y.at);
  let out: FundamentalMetric[] = [];
  for (const f of found) for (const m of f.metrics) if (!out.some((o) => metricKey(o) === metricKey(m))) out.push(m);
  // 亏了多少 / net loss: a loss is net income (or operating income) below zero, worded as a loss
  if (LOSS.test(text) && !SHARE_WORDS.test(text)) {
    const idx = out.findIndex((m) => m.kind === 'item' && (m.item === 'Net Income' || m.item === 'Operating Income'));
    if (idx >= 0) out[idx] = { ...(out[idx] as Extract<FundamentalMetric, { kind: 'item' }>), loss: true };
    else if (!out.some((m) => m.kind !== 'unheld' && m.kind !== 'price')) out = [{ ...item('Net Income', 'income', '净利润', 'net income'), loss: true } as FundamentalMetric, ...out];
  }
  return out;
}

/** The first metric named (kept for callers that want one). */
export function detectFundamental(text: string): FundamentalMetric | null {
  return detectFundamentals(text)[0] ?? null;
}

export function wantsQuarterly(text: string): boolean {
  return /季度|单季|季报|财季|quarter|\bq[1-4]\b|\bqoq\b|环比/i.test(text);
}

const TTM = /\bttm\b|\bltm\b|trailing[- ](?:twelve|12)[- ]months?|last (?:twelve|12) months|past (?:twelve|12) months|(?:过去|最近|近)\s*(?:12|十二)\s*个?月|滚动\s*(?:12|十二)\s*个?月|(?:过去|最近|近)\s*(?:4|四)\s*个季度|(?:last|past|trailing) (?:four|4) quarters/i;
/** The latest quarter: 最近一个季度, 上季度, latest quarter — and the latest report (最新财报), which is a quarter's. */
const LATEST_QUARTER = /(?:最近|最新|上)\s*一?\s*个?\s*(?:季度|财季)|单季|(?:latest|most recent|last|previous|past|recent) (?:fiscal )?quarter|(?:最新|最近)\s*(?:一期|一份)?\s*(?:财报|业绩)|(?:latest|most recent) (?:earnings|results|report)/i;
const LATEST_YEAR = /(?:最近|最新|上)\s*一?\s*个?\s*财年|(?:latest|most recent|last|previous|past) fiscal year/i;
const ANNUAL = /财年|年度|全年|年报|fiscal year|\bfy\b|\bfy\s*'?\d{2,4}|annual|full[- ]year/i;
const QOQ = /环比|\bqoq\b|\bq\/q\b|quarter[- ]over[- ]quarter|quarter[- ]on[- ]quarter|sequential/i;
const YOY = /同比|\byoy\b|\by\/y\b|year[- ]over[- ]year|year[- ]on[- ]year|(?:较|比)(?:去年|上年)同期/i;
const GROWTH = /增长|增速|增幅|增加|减少|下降|下滑|变化|变动|涨了|跌了|多了|少了|growth|grew|grow|increase|decrease|decline|change|rise|rose|fell|drop/i;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_NUM: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const num = (s: string): number => CN_NUM[s] ?? EN_NUM[s.toLowerCase()] ?? Number(s);

const fy = (y: number): Bilingual => ({ zh: `${y}财年`, en: `FY${y}` });
const endingIn = (y: number, label: Bilingual = fy(y)): FundamentalTarget => ({ kind: 'ending', from: `${y}-01-01`, to: `${y}-12-31`, label });

/** A four-digit fiscal year from "FY24", "FY 2024", "2024财年". */
const fullYear = (s: string): number => (s.length === 2 ? 2000 + Number(s) : Number(s));

/** The period a company question asks about, from its words and the time the parser found. */
export function fundamentalPeriod(question: string, base: Pick<Plan, 'time'>): Pick<FundamentalAsk, 'period' | 'target' | 'change' | 'years' | 'since' | 'aggregate'> {
  const q = question.normalize('NFKC');
  const growth = GROWTH.test(q) || YOY.test(q) || QOQ.test(q);
  const change: FundamentalAsk['change'] | undefined = QOQ.test(q) ? 'qoq' : YOY.test(q) ? 'yoy' : undefined;
  let period: FundamentalAsk['period'] = wantsQuarterly(q) ? 'quarterly' : 'annual';
  if (TTM.test(q)) period = 'ttm';
  const out = (target: FundamentalTarget, extra: Partial<Pick<FundamentalAsk, 'change' | 'years' | 'since'>> = {}) => {
    const ch = extra.change ?? change ?? (growth ? 'yoy' : undefined);
    return { period, target, ...(ch ? { change: ch } : {}), ...(extra.years ? { years: extra.years } : {}), ...(extra.since ? { since: extra.since } : {}) };
  };
  // a fiscal quarter by the company's numbering: FY2026 Q2, Q2 FY2026, 2026财年第二财季, fiscal Q2 2026
  const fq =
    /\bfy\s*'?(\d{4}|\d{2})\s*q([1-4])\b/i.exec(q) ??
    /\bq([1-4])\s*fy\s*'?(\d{4}|\d{2})\b/i.exec(q) ??
    /(\d{4})\s*财年\s*第?\s*([一二三四1-4])\s*(?:财季|季度)/.exec(q) ??
    /fiscal\s+q([1-4])\s*(?:of\s*)?(?:fy\s*)?(\d{4})/i.exec(q);
  if (fq) {
    const [a, b] = [fq[1]!, fq[2]!];
    const yearFirst = /^\d{2,4}$/.test(a) && (a.length === 4 || /^fy/i.test(fq[0]));
    const fiscalYear = fullYear(yearFirst ? a : b);
    const quarter = num(yearFirst ? b : a);
    period = 'quarterly';
    return out({ kind: 'fiscal_quarter', fiscalYear, quarter });
  }
  // several calendar quarters summed: 2025年上半年, 2025年前三季度, H1 2025, first half of 2025
  const part =
    /(\d{4})\s*年?\s*(上|下)半年/.exec(q) ??
    /(\d{4})\s*年?\s*前\s*([二两三2-3])\s*(?:个)?季度/.exec(q) ??
    /\bH([12])\s*'?(\d{4})\b|\b(\d{4})\s*H([12])\b/i.exec(q) ??
    /(first|second) half of (?:fiscal )?(\d{4})/i.exec(q) ??
    /first (two|three|2|3) quarters of (\d{4})/i.exec(q);
  if (part) {
    const s = part[0];
    const year = Number(/\d{4}/.exec(s)![0]);
    const second = /下半年|H2|second half/i.test(s);
    const quarters = /半年|half|H[12]/i.test(s) ? 2 : num((/前\s*([二两三2-3])/.exec(s) ?? /first (two|three|2|3)/i.exec(s))![1]!);
    const from = second ? `${year}-07-01` : `${year}-01-01`;
    const endMonth = second ? 12 : quarters * 3;
    const to = `${year}-${String(endMonth).padStart(2, '0')}-${endMonth === 6 || endMonth === 9 ? '30' : '31'}`;
    const label = { zh: s.replace(/\s+/g, ''), en: s };
    period = 'quarterly';
    return { ...out({ kind: 'ending', from, to, label }), aggregate: 'sum' as const };
  }
  // a named fiscal year: 2025财年, 财年2025, FY2024, fiscal 2024, fiscal year 2024
  const fyear = /(\d{4})\s*财年|财年\s*(\d{4})|\bfy\s*'?(\d{4}|\d{2})\b|fiscal (?:year )?(\d{4})/i.exec(q);
  if (fyear && period !== 'quarterly') {
    period = 'annual';
    return out(endingIn(fullYear(fyear[1] ?? fyear[2] ?? fyear[3] ?? fyear[4]!)));
  }
  if (LATEST_QUARTER.test(q) && period !== 'ttm') return out({ kind: 'latest' }, period === 'quarterly' ? {} : (period = 'quarterly', {}));
  if (LATEST_YEAR.test(q)) {
    period = 'annual';
    return out({ kind: 'latest' });
  }
  const t = base.time;
  switch (t.kind) {
    case 'point':
      // 上季度 / last quarter before the data reaches it: the latest reported period
      if (t.relative && t.precision === 'quarter') {
        period = period === 'ttm' ? 'ttm' : 'quarterly';
        return out({ kind: 'latest' });
      }
      if (t.precision === 'quarter' && period !== 'ttm') period = 'quarterly';
      if (t.precision === 'year' && !wantsQuarterly(q) && period !== 'ttm') return out(endingIn(Number(t.from.slice(0, 4)), t.label));
      return out({ kind: 'ending', from: t.from, to: t.to, label: t.label });
    case 'trailing': {
      if (period === 'ttm') return out({ kind: 'latest' });
      if (t.months <= 3) {
        period = 'quarterly';
        return out({ kind: 'latest' });
      }
      if (t.months >= 24 && t.months % 12 === 0) {
        if (period === 'quarterly') return out({ kind: 'latest' }, growth ? { change: 'yoy' } : {});
        period = 'annual';
        return out({ kind: 'latest' }, { years: t.months / 12, ...(growth ? { change: 'years' as const } : {}) });
      }
      return out({ kind: 'latest' });
    }
    case 'range': {
      if (growth && !change) return out({ kind: 'latest' }, { change: 'since', since: t.from });
      // 今年 / since 2023: the latest period ending inside the range (a year-end anchor is not inside it)
      const from = t.from.endsWith('-12-31') ? `${Number(t.from.slice(0, 4)) + 1}-01-01` : t.from;
      return out({ kind: 'ending', from, to: t.to ?? '9999-12-31', label: t.label });
    }
    default:
      break;
  }
  // "过去三年" without a parsed time (英文 "over three years", "3年来")
  const ny = /(?:过去|最近|近)\s*([0-9一二两三四五六七八九十]{1,2})\s*(?:个)?(?:财年|年)|([0-9一二两三四五六七八九十]{1,2})\s*年(?:来|间)|(?:over|in|during|past|last) (?:the )?(?:past |last )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:fiscal )?years/i.exec(q);
  if (ny) {
    const years = num(ny[1] ?? ny[2] ?? ny[3]!);
    if (years >= 2) {
      period = 'annual';
      return out({ kind: 'latest' }, { years, ...(growth ? { change: 'years' as const } : {}) });
    }
  }
  return out({ kind: 'latest' });
}

/**
 * The plan for a question about one or more companies, when it names a statement item, margin or valuation
 * figure; null when it does not (then the question is about the share price). `rest` is the question with
 * names and times blanked.
 */
export function fundamentalPlan(rest: string, base: Omit<Plan, 'measure'>, companies: Subject[]): Plan | null {
  const metrics = detectFundamentals(rest);
  // the share price alone is a series question, not a company-figures one
  if (!metrics.some((m) => m.kind !== 'price')) return null;
  const ask: FundamentalAsk = { metrics, ...fundamentalPeriod(base.question, base) };
  const plan: Plan = { ...base, measure: 'fundamental', fundamental: ask };
  // the period is the ask's target: a relative quarter (上季度) read as the latest reported one is "latest"
  if (ask.target.kind === 'latest' && ask.change !== 'since' && ask.change !== 'years') plan.time = { kind: 'latest' };
  const stat: Measure | null = detectMeasure(rest);
  if (!ask.change && stat && ['change', 'percent_change', 'annualized_growth', 'yoy'].includes(stat)) ask.change = 'yoy';
  if (stat && stat !== 'level') plan.compareStat = stat;
  if (companies.length >= 2 && asksComparison(rest)) plan.compareStat = plan.compareStat ?? 'level';
  return plan;
}
