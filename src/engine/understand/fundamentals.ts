// Company questions: which statement item or ratio is asked (营收, gross margin …), annual or quarterly, and the
// plan for it. The executor is src/engine/execute/fundamentals.ts.
import type { FundamentalMetric, Measure, Plan, Subject } from '../plan.ts';
import { asksComparison, detectMeasure } from './measure.ts';


const item = (item: string, statement: 'income' | 'balance' | 'cashflow', zh: string, en: string): FundamentalMetric => ({ kind: 'item', item, statement, label: { zh, en } });

const FUNDAMENTALS: Array<[RegExp, FundamentalMetric]> = [
  [/毛利率|gross margin/i, { kind: 'margin', numerator: 'Gross Profit', denominator: 'Total Revenue', label: { zh: '毛利率', en: 'gross margin' } }],
  [/营业利润率|经营利润率|operating margin/i, { kind: 'margin', numerator: 'Operating Income', denominator: 'Total Revenue', label: { zh: '营业利润率', en: 'operating margin' } }],
  [/净利率|净利润率|net margin|profit margin/i, { kind: 'margin', numerator: 'Net Income', denominator: 'Total Revenue', label: { zh: '净利率', en: 'net margin' } }],
  [/自由现金流|free cash flow|fcf/i, item('Free Cash Flow', 'cashflow', '自由现金流', 'free cash flow')],
  [/经营现金流|operating cash flow/i, item('Operating Cash Flow', 'cashflow', '经营现金流', 'operating cash flow')],
  [/资本开支|资本支出|capex|capital expenditure/i, item('Capital Expenditure', 'cashflow', '资本开支', 'capital expenditure')],
  [/研发|r&d|research and development/i, item('Research And Development', 'income', '研发费用', 'R&D expense')],
  [/每股收益|eps|earnings per share/i, item('Diluted EPS', 'income', '稀释每股收益', 'diluted EPS')],
  [/毛利|gross profit/i, item('Gross Profit', 'income', '毛利', 'gross profit')],
  [/营业利润|经营利润|operating income|operating profit/i, item('Operating Income', 'income', '营业利润', 'operating income')],
  [/净利润|净利|利润|net income|earnings|profit/i, item('Net Income', 'income', '净利润', 'net income')],
  [/营收|营业收入|收入|销售额|revenue|sales|turnover/i, item('Total Revenue', 'income', '营业收入', 'revenue')],
  [/ebitda/i, item('EBITDA', 'income', 'EBITDA', 'EBITDA')],
  [/总负债|total liabilities/i, item('Total Liabilities Net Minority Interest', 'balance', '总负债', 'total liabilities')],
  [/总债务|有息负债|total debt|debt/i, item('Total Debt', 'balance', '总债务', 'total debt')],
  [/股东权益|净资产|shareholders'? equity|stockholders'? equity|book value/i, item('Stockholders Equity', 'balance', '股东权益', "stockholders' equity")],
  [/总资产|total assets/i, item('Total Assets', 'balance', '总资产', 'total assets')],
  [/现金|cash/i, item('Cash And Cash Equivalents', 'balance', '现金及现金等价物', 'cash and cash equivalents')],
];

export function detectFundamental(text: string): FundamentalMetric | null {
  for (const [re, metric] of FUNDAMENTALS) if (re.test(text)) return metric;
  return null;
}

export function wantsQuarterly(text: string): boolean {
  return /季度|单季|quarter|q[1-4]\b/i.test(text);
}


/**
 * The plan for a question about one or more companies, when it names a statement item or ratio; null when it
 * does not (then the question is about the share price). `rest` is the question with names and times blanked.
 */
export function fundamentalPlan(rest: string, base: Omit<Plan, 'measure'>, companies: Subject[]): Plan | null {
  const metric = detectFundamental(rest);
  if (!metric) return null;
  const plan: Plan = { ...base, measure: 'fundamental', fundamental: { metric, period: wantsQuarterly(rest) ? 'quarterly' : 'annual' } };
  const stat: Measure | null = detectMeasure(rest);
  if (stat && stat !== 'level') plan.compareStat = stat;
  if (companies.length >= 2 && asksComparison(rest)) plan.compareStat = plan.compareStat ?? 'level';
  return plan;
}

/** Company words the data has no figures for (market cap, valuation ratios, dividends). */
export function asksUnheldCompanyFigure(rest: string): boolean {
  return /市值|market cap|估值|市盈率|p\/e|pe ratio|股息率|dividend yield/i.test(rest);
}
