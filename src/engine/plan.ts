// What the engine understood a question to ask: the Plan that `execute` turns into Facts. The deterministic
// parser and (later) the LLM planner both produce this shape.
import type { Bilingual, IsoDate } from '../core/types.ts';
import type { TimeMatch, TimeSpec } from './understand/time.ts';

export type Measure =
  | 'level'
  | 'change'
  | 'percent_change'
  | 'yoy'
  | 'mom'
  | 'average'
  | 'stdev'
  | 'volatility'
  | 'max'
  | 'min'
  | 'avg_monthly_change'
  | 'spread'
  | 'ratio'
  | 'correlation'
  | 'drawdown'
  | 'inversion'
  /** Observations past a threshold named in the question (超过5%的天数, days the VIX was above 30). */
  | 'count_days'
  | 'annualized_growth'
  | 'compare_periods'
  | 'compare_entities'
  | 'from_peak'
  | 'from_trough'
  | 'fundamental'
  | 'policy'
  | 'documents';

export type Subject =
  | { type: 'series'; seriesId: string; matched: string }
  | { type: 'company'; ticker: string; seriesId: string; matched: string };

export type FundamentalMetric =
  /** A statement item; `loss` when the question asks about a loss (亏了多少, net loss). */
  | { kind: 'item'; item: string; statement: 'income' | 'balance' | 'cashflow'; label: Bilingual; loss?: boolean }
  | { kind: 'margin'; numerator: string; denominator: string; label: Bilingual }
  /**
   * A figure of the dated valuation snapshot, stored as the vendor gives it; `unit` says how to read it
   * (`fraction` = a share such as ROE 0.34, shown in percent). `estimate`: built on analysts' forecasts.
   */
  | { kind: 'valuation'; item: string; label: Bilingual; unit: 'usd' | 'multiple' | 'percent' | 'fraction' | 'ratio' | 'price'; estimate?: boolean }
  /** The share price (daily close), when asked next to statement or valuation figures (股价和市盈率). */
  | { kind: 'price'; label: Bilingual }
  /** A company figure the data does not hold (price/sales, PEG …): declined, naming what is held. */
  | { kind: 'unheld'; label: Bilingual };

/** Which statement period a company question asks for. */
export type FundamentalTarget =
  | { kind: 'latest' }
  /** The period (fiscal year or quarter) whose end falls in [from, to] (2025财年, Q2 2025, 去年). */
  | { kind: 'ending'; from: IsoDate; to: IsoDate; label: Bilingual }
  /** A fiscal quarter by the company's own numbering (FY2026 Q2, 2026财年第二财季). */
  | { kind: 'fiscal_quarter'; fiscalYear: number; quarter: number };

export interface FundamentalAsk {
  /** Every item asked, in the order asked (营收和净利润 → revenue, net income). */
  metrics: FundamentalMetric[];
  /** annual = fiscal years; quarterly = fiscal quarters; ttm = sum of the last four quarters (flow items). */
  period: 'annual' | 'quarterly' | 'ttm';
  target: FundamentalTarget;
  /**
   * yoy = against the same period a year earlier (a fiscal year: the previous one); qoq = the previous quarter;
   * years = over `years` fiscal years; since = from the first period ending on or after `since`.
   */
  change?: 'yoy' | 'qoq' | 'years' | 'since';
  /** How many fiscal years (过去三年): the span of a 'years' change, or how many years to list. */
  years?: number;
  since?: IsoDate;
  /** Sum the quarters ending inside the target range (上半年, 前三季度, H1 2025) instead of taking one period. */
  aggregate?: 'sum';
}

export type PolicyTopic =
  | 'qt_end'
  | 'qt_start'
  | 'qt_caps'
  | 'last_hike'
  | 'last_cut'
  | 'last_decision'
  | 'target_range'
  | 'count_decisions'
  /** Basis points moved by hikes/cuts in a period (cumulative), or the size of the move(s) of a month or day. */
  | 'decision_bp'
  /** Votes against: meetings with a dissent in a period, or at one meeting (with the dissenters' names when recorded). */
  | 'dissents';

export interface Plan {
  question: string;
  /** Misspelt names the parser read as catalog names ("Amazn" → Amazon); said in the answer's first line. */
  corrections?: Array<{ from: string; to: string; start: number; end: number }>;
  lang: 'zh' | 'en';
  measure: Measure;
  /** The statistic compared across periods or entities (compare_*), e.g. 'avg_monthly_change'. */
  compareStat?: Measure;
  subjects: Subject[];
  time: TimeSpec;
  /** Every time expression, in order (two named periods for compare_periods). */
  timeMatches: TimeMatch[];
  fundamental?: FundamentalAsk;
  policy?: PolicyTopic;
  /** Show the result in basis points (spreads of rates, volatility of yields). */
  inBasisPoints?: boolean;
  /** The question asks "outside" the period as well (缩表期间…是不是比平时大). */
  versusOutside?: boolean;
  /** Compute on the series' year-over-year rate (inflation questions about a price index). */
  transform?: 'yoy';
  /** Rolling-window statistic over this many observations. */
  rollingWindow?: number;
  /** The first occurrence is asked for (哪天开始倒挂). */
  first?: boolean;
  /** For documents: the words to search the FOMC texts with (time words removed). */
  documentQuery?: string;
  /** For count_decisions / last_hike: which decisions. */
  decisionAction?: 'hike' | 'cut' | 'hold';
}
