// What the engine understood a question to ask: the Plan that `execute` turns into Facts. The deterministic
// parser and (later) the LLM planner both produce this shape.
import type { Bilingual } from '../core/types.ts';
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
  | { kind: 'item'; item: string; statement: 'income' | 'balance' | 'cashflow'; label: Bilingual }
  | { kind: 'margin'; numerator: string; denominator: string; label: Bilingual };

export type PolicyTopic = 'qt_end' | 'qt_start' | 'qt_caps' | 'last_hike' | 'last_cut' | 'last_decision' | 'target_range' | 'count_decisions';

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
  fundamental?: { metric: FundamentalMetric; period: 'annual' | 'quarterly' };
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
