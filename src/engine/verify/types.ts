// Shapes of the numeric-claim verifier: what a claim is (a number found in a text, normalised to base units
// with the precision it was written with), what evidence it may be checked against, and the result.
import type { Fact, Passage, Verification } from '../../core/answer.ts';

export type Lang = 'zh' | 'en';

/**
 * What a claimed number measures. `bp` and `pp` are compared in percentage points (25 bp = 0.25 pp);
 * `plain` is a bare number (an index level, a ratio, a multiple like 3.5倍 / 3.5x, a table figure).
 */
export type ClaimUnitKind = 'money' | 'percent' | 'bp' | 'pp' | 'count' | 'plain';

/** A number found in a text, normalised. */
export interface Claim {
  /** The claim as written, e.g. "6.75万亿美元", "$35 billion", "25个基点", "(12.6)". */
  text: string;
  /** UTF-16 offsets of `text` in the input. */
  start: number;
  end: number;
  /**
   * Value in base units: money in currency units (350亿美元 → 3.5e10), percent in percent (3.63% → 3.63),
   * bp and pp in percentage points (25个基点 → 0.25), count and plain in units (1.2万亿 → 1.2e12).
   */
  value: number;
  unitKind: ClaimUnitKind;
  /** ISO currency when the text names one ($, 美元, ¥, 亿元 …). */
  currency?: string;
  /** The numeral as written, signed, before any scale word: "$6.75 trillion" → 6.75, "25bp" → 25. */
  numeral: number;
  /** Multiplier from `numeral` to `value` (1e12 for 万亿 / trillion, 0.01 for bp, 1 otherwise). */
  scale: number;
  /** Digits written after the decimal point ("6.75" → 2, "350" → 0). */
  decimals: number;
  /** Significant digits written ("6.75" → 3, "0.25" → 2, "1,500" → 4, or 2 when marked approximate). */
  sigDigits: number;
  /**
   * Half a unit in the last written place, in base units: the widest difference from the true value
   * that still rounds to what was written ("6.7万亿" → 0.05e12).
   */
  tolerance: number;
  /** A word next to the number that loosens or bounds it: 约/about (approx), 超过/over, 不到/under. */
  qualifier?: 'approx' | 'over' | 'under';
  /**
   * The text looks like a quantity but cannot be read (a roman numeral Ⅻ, a numeric character with no mapping,
   * a malformed or vague numeral such as 三四十 / 几十亿): `value` is NaN, so no evidence ever supports it.
   */
  unparseable?: boolean;
}

/** A table of evidence: rows of cells; the first row(s) are column headers, the first column row labels. */
export interface EvidenceTableObject {
  id?: string;
  title?: string;
  rows: Array<Array<string | number | null>>;
  /** How many leading rows are headers; detected when omitted (rows without numbers other than years). */
  headerRows?: number;
  /** Multiplier from cell values to base units (1e6 for a table "in millions"); unknown when omitted. */
  scale?: number;
  /** Currency of money cells, when known. */
  currency?: string;
}

export type EvidenceTable = EvidenceTableObject | Array<Array<string | number | null>>;

export interface Evidence {
  facts?: Fact[];
  tables?: EvidenceTable[];
  passages?: Array<Passage | string>;
  /** Extra numbers a caller vouches for (matched directly; derived from only when there are at most 6). */
  numbers?: number[];
  /**
   * Dates a caller vouches for (YYYY, YYYY-MM or YYYY-MM-DD; a pair is an interval): e.g. the boundaries of a
   * named period the text defines, with the document that sets them. Used when dates are checked.
   */
  dates?: Array<string | [string, string]>;
}

/** A series or company and every name a text may call it by (title, short name, aliases, ticker, id). */
export interface EntityNames {
  id: string;
  names: string[];
}

export interface VerifyOptions {
  lang?: Lang;
  /**
   * Extra words that say what the numbers of `text` are about (e.g. the question an answer replies to),
   * added to the sentence around each claim, which is always used.
   */
  context?: string;
  /**
   * Every catalog series and company with its names. When given, a claim whose clause names one or more of
   * them is supported only by facts about one of those (a fact is about the series of its seriesId and inputs;
   * "AAPL:Total Revenue:annual" is about AAPL).
   */
  entities?: EntityNames[];
  /**
   * Check the dates and years written in the text too: each must be carried by the evidence (a fact's date,
   * period, inputs or dated extras; a passage's date or a date it writes; `Evidence.dates`) or by `question`.
   * Checked dates are counted in `numbers`.
   */
  checkDates?: boolean;
  /** The question the text answers: the dates it names were given, not claimed. */
  question?: string;
}

export interface ClaimSupport {
  kind: 'fact' | 'table' | 'passage' | 'number' | 'derivation';
  /** Fact id, table cell ("table 1 r3c2"), passage ref, or the refs of a derivation's inputs joined by ", ". */
  ref: string;
  /** How the number was obtained, e.g. "6.75万亿美元 = fact walcl-latest" or "(44.1 − 56.7) / 56.7 × 100". */
  expression: string;
}

export interface ClaimResult {
  text: string;
  start: number;
  end: number;
  value: number;
  unitKind: ClaimUnitKind;
  currency?: string;
  decimals: number;
  supported: boolean;
  by?: ClaimSupport;
  /** Why the claim is not supported (only when `supported` is false). */
  reason?: string;
}

/** A claim that is not a quantity: a date or year, or a comparison of two things. */
export interface StatementResult {
  kind: 'date' | 'comparison';
  text: string;
  start: number;
  end: number;
  supported: boolean;
  reason?: string;
}

export interface VerificationResult extends Verification {
  claims: ClaimResult[];
  /** Dates (when checked) and comparisons found unsupported; counted in `numbers`, `supported` and `unsupported`. */
  statements: StatementResult[];
}
