// The shape of a deep research report: sections of Markdown whose every number is a Fact (listed with its
// lineage), the numbered sources they cite, the verifier's verdict and the disclaimer. `--format json` prints
// exactly this object; the Markdown, HTML and PDF exports render it.
import type { Fact, Source, Verification } from '../core/answer.ts';
import type { LanguageModel } from 'ai';
import type { Bilingual, IsoDate } from '../core/types.ts';
import type { LlmConfig } from '../engine/llm/config.ts';

export type ReportLang = 'zh' | 'en';

/** An ECharts option object (the same object renders in the browser or to SVG on the server). */
export type ChartOption = Record<string, unknown>;

export interface ReportSection {
  /** Set for the standard sections: 'challenges', 'takeaways', 'method'. */
  id?: string;
  heading: string;
  /** Markdown with numbered citations [n] into `Report.sources`. */
  markdown: string;
  /** Ids of the facts this section cites. */
  factIds: string[];
  charts: ChartOption[];
}

export interface Report {
  title: string;
  /** One line under the title: what the report covers and the data it rests on. */
  subtitle?: string;
  language: ReportLang;
  /** The resolved topic id ('qt', 'inflation', 'labour', 'curve', 'company:NVDA'). */
  topic: string;
  sections: ReportSection[];
  facts: Fact[];
  sources: Source[];
  verification: Verification;
  disclaimer: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** The latest observation date among the series the report cites. */
  dataAsOf?: IsoDate;
  /** Who wrote the prose: absent for the deterministic plans; a model that reworded paragraphs, with counts. */
  writer?: ReportWriterInfo;
}

export interface ReportWriterInfo {
  engine: string;
  /** Paragraphs the model reworded (each verified), and paragraphs left as computed. */
  rewritten: number;
  kept: number;
}

export interface ReportOptions {
  lang: ReportLang;
  /** "Today" for calendar periods (year to date); defaults to the clock. */
  today?: IsoDate;
  /** A language model to reword the prose (every number still verified); absent: the computed text. */
  llm?: LlmConfig | null;
  /** Tests: the model object to use instead of one built from `llm`. */
  model?: LanguageModel;
  /** Called as the plan starts each section and when verification starts (for progress displays). */
  onProgress?: (step: ReportStep) => void;
}

export type ReportStep = { stage: 'section'; index: number; heading: Bilingual } | { stage: 'prose' } | { stage: 'verify' };

export type ReportFormat = 'md' | 'html' | 'pdf' | 'json';
