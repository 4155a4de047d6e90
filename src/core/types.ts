// Domain types shared by every layer. No I/O lives here: these are the shapes that connectors produce,
// the store keeps, analytics turn into Facts and interfaces show.

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'annual' | 'irregular';

export type Category =
  | 'balance_sheet'
  | 'money_market'
  | 'policy_rate'
  | 'treasury_yield'
  | 'inflation'
  | 'labor'
  | 'growth'
  | 'credit'
  | 'financial_conditions'
  | 'money_credit'
  | 'housing'
  | 'fx'
  | 'equity_index'
  | 'equity'
  | 'volatility'
  | 'commodity'
  | 'fiscal'
  | 'consumer'
  | 'expectations'
  | 'china'
  | 'other';

/** What a number measures, so it can be formatted and compared correctly. */
export type UnitKind =
  | 'currency' // money: value × scale = amount in `currency`
  | 'percent' // a rate or share in percent (4.25 = 4.25%)
  | 'percentage_points' // a spread of two percents
  | 'index' // an index level
  | 'count' // persons, contracts, units: value × scale = count
  | 'ratio' // a plain ratio
  | 'price'; // a per-unit price in `currency` (a share price, an FX rate)

export interface Unit {
  kind: UnitKind;
  /** Multiplier from stored value to the base unit (1e6 for "millions of US dollars"). */
  scale: number;
  /** ISO currency for currency/price kinds. */
  currency?: string;
  /** The units exactly as the source publishes them, e.g. "Millions of U.S. Dollars". */
  label: string;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export type SourceId = 'fred' | 'nyfed' | 'treasury' | 'ibkr' | 'yahoo' | 'cboe' | 'shiller' | 'ofr' | 'lixinger' | 'fed' | 'sec' | 'wikipedia' | 'sf_fed' | 'chinamoney';

/** A time series as the catalog describes it. */
export interface SeriesMeta {
  id: string;
  title: Bilingual;
  /** Names people type, in both languages (缩表, 逆回购, fed funds, ON RRP …). */
  aliases: string[];
  unit: Unit;
  frequency: Frequency;
  category: Category;
  source: SourceId;
  /** Canonical page for a reader to check the series (FRED: https://fred.stlouisfed.org/series/<ID>). */
  url: string;
  /** A note on definitions a reader should know (e.g. "week average", "Wednesday level"). */
  notes?: string;
  /** Set for company price series: the ticker of the company. */
  ticker?: string;
}

export interface Observation {
  date: IsoDate;
  /** Native units of the series; null when the source published an empty value. */
  value: number | null;
}

/** A daily bar of a traded instrument; `value` of the matching Observation is `close`. */
export interface Bar extends Observation {
  open: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
}

/** Where a batch of values came from, attached at the connector boundary. */
export interface Provenance {
  source: SourceId;
  /** The URL actually read (a live URL, or a file:// URL of the snapshot file). */
  url: string;
  retrievedAt: Date;
  /** 'live' when read from the publisher, 'snapshot' when read from the offline directory. */
  mode: 'live' | 'snapshot';
}

export interface SeriesBatch {
  seriesId: string;
  observations: Array<Observation | Bar>;
  provenance: Provenance;
  /** Units as the source reported them in this batch, when it says (used to detect unit changes). */
  reportedUnits?: string;
  /** Problems noticed while reading (the rows are kept; the sync report shows them). */
  problems: DataProblem[];
}

export type DataProblemKind =
  | 'unsorted_dates'
  | 'duplicate_date'
  | 'non_numeric_value'
  | 'unit_change'
  | 'bad_date'
  | 'empty_series'
  | 'document'
  // damaged input (src/data/quality.ts BLOCKING_KINDS: the series is refused, its stored values kept)
  | 'bad_row'
  | 'bad_header'
  | 'truncated_file'
  | 'empty_file'
  | 'missing_file'
  | 'implausible_jump'
  // reported, not refused: a repeated identical row (kept once) and a stored value the source changed
  | 'repeated_row'
  | 'revision';

export interface DataProblem {
  kind: DataProblemKind;
  seriesId: string;
  detail: string;
  date?: IsoDate;
  /** Where it was read: the file (relative to the snapshot root) or URL, its 1-based line, the column. */
  file?: string;
  line?: number;
  column?: string;
}

export interface Company {
  ticker: string;
  name: Bilingual;
  aliases: string[];
  exchange?: string;
  sector?: string;
  cik?: string;
  /** Currency of the share price. */
  currency: string;
  /** Currency of the financial statements when it differs from the share price's (TSM: ADRs in USD, statements in TWD). */
  statementCurrency?: string;
}

export type StatementKind = 'income' | 'balance' | 'cashflow';
export type PeriodKind = 'annual' | 'quarterly';

export interface FundamentalRow {
  ticker: string;
  statement: StatementKind;
  period: PeriodKind;
  periodEnd: IsoDate;
  item: string;
  value: number;
}

export type DocumentKind = 'statement' | 'minutes' | 'implementation_note' | 'sep' | 'speech' | 'press_release' | 'decision' | 'other';

export interface FinDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  date: IsoDate;
  url: string;
  language: 'en' | 'zh';
  body: string;
  publisher: string;
}
