// The shapes an answer is made of: Facts (numbers with lineage), Sources (what [n] points to), Passages
// (cited text), the Verification of every number in a text, and the Answer itself — the same object is
// printed by `fincite ask --json`, returned by the API, rendered by the web app and embedded in reports.
import type { Bilingual, IsoDate, Unit } from './types.ts';

/** One stretch of one series that a fact was computed from. */
export interface FactInput {
  seriesId: string;
  from: IsoDate;
  to: IsoDate;
  /** How many observations of the stretch were used. */
  observations?: number;
}

export type FactMethod =
  | 'level'
  | 'value_on_date'
  | 'change'
  | 'percent_change'
  | 'yoy'
  | 'average'
  | 'sum'
  | 'stdev_sample'
  | 'stdev_population'
  | 'rolling_stdev'
  | 'max'
  | 'min'
  | 'average_monthly_change'
  | 'spread'
  | 'ratio'
  | 'correlation'
  | 'drawdown'
  | 'period_comparison'
  | 'count'
  | 'annualized_growth'
  | 'document';

/** A number that may reach a user: its value in `unit`, what it is, when, how it was computed and from what. */
export interface Fact {
  id: string;
  value: number;
  unit: Unit;
  label: Bilingual;
  /** The date the fact describes (the last observation used). */
  asOf: IsoDate;
  /** The period the fact covers, when it is a change, average, extreme … */
  period?: { from: IsoDate; to: IsoDate };
  method: FactMethod;
  /** Human-readable method detail, e.g. "sample standard deviation of daily changes, n=251". */
  methodDetail?: string;
  seriesId?: string;
  inputs: FactInput[];
  /** Numbers of the Sources ([n]) the fact rests on; filled when an answer is composed. */
  sourceIds: number[];
  /** Extra dated values that belong with the fact (e.g. the date of a peak). */
  extra?: Record<string, string | number>;
}

export interface Source {
  n: number;
  kind: 'series' | 'document';
  title: string;
  publisher: string;
  url: string;
  /** Observation date (series) or publication date (document). */
  date?: IsoDate;
  /** When a live connector fetched the series (absent for the offline snapshot: its load time is no retrieval). */
  retrievedAt?: string;
  /** Series read from the offline snapshot: the snapshot holds the series through this date. */
  snapshotAsOf?: IsoDate;
  seriesId?: string;
  documentId?: string;
  /** Document sources: the cited passage, verbatim. */
  quote?: string;
}

/** A cited stretch of a document. */
export interface Passage {
  documentId: string;
  title: string;
  date: IsoDate;
  url: string;
  text: string;
  /** Position of the passage within the document (0-based). */
  position: number;
}

export interface UnsupportedNumber {
  text: string;
  reason: string;
}

export interface Verification {
  /** How many numeric claims the text contains (years and dates are not claims). */
  numbers: number;
  supported: number;
  unsupported: UnsupportedNumber[];
}

export interface Unanswerable {
  reason: string;
  suggestions: string[];
}

export interface Answer {
  question: string;
  language: 'zh' | 'en';
  /** Markdown with [n] citations. */
  text: string;
  facts: Fact[];
  sources: Source[];
  /** ECharts option objects. */
  charts: unknown[];
  verification: Verification;
  unanswerable?: Unanswerable;
  /** How the question was understood, in one line ("理解为:…" / "Understood as: …"); also the answer's first line. */
  understood?: string;
  /** Which engine wrote the answer ('deterministic' or a model name). */
  engine?: string;
  dataAsOf?: IsoDate;
  /** Model calls, tokens and tool calls behind the answer (LLM mode). */
  usage?: AnswerUsage;
  /**
   * Every number of `text` the verifier bound to evidence, in reading order: the numeral as written (after the
   * Chinese punctuation pass) and what supports it. The web app makes each one a button that opens its fact.
   */
  numbers?: AnswerNumber[];
  /** A follow-up in a conversation: the standalone question it was read as and what it took from earlier turns. */
  context?: AnswerContext;
}

/** One number of an answer's text and its evidence. */
export interface AnswerNumber {
  /** The claim as written in `text`, e.g. "6.62万亿美元", "4.12%", "25个基点". */
  text: string;
  /** How it is supported: a fact, a table cell, a quoted passage, a number the caller vouched for, or a derivation. */
  kind: 'fact' | 'table' | 'passage' | 'number' | 'derivation';
  /** Ids of the Facts it rests on (one for kind 'fact'; the inputs of a derivation); empty for passages. */
  factIds: string[];
  /** How the number was obtained, e.g. "(44.1 − 56.7) / 56.7 × 100" (derivations and table cells). */
  expression?: string;
}

export interface AnswerContext {
  /** The question as the engine read it, with the inherited parts filled in. */
  standalone: string;
  /** What the follow-up took from the previous turn. */
  inherited: Array<'subject' | 'measure' | 'time'>;
  /** The previous turn's question (as read). */
  previous: string;
}

export interface AnswerUsage {
  modelCalls: number;
  inputTokens: number;
  outputTokens: number;
  toolCalls: Array<{ tool: string; ok: boolean }>;
  /** Numbers the model wrote that no fact supported, before the repair round. */
  repaired?: number;
  /** The model that was asked first, when a fallback answered. */
  fallbackFrom?: string;
}
