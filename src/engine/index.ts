// The answer engine's public face: ask a question, get an Answer whose every number is a Fact with lineage
// and a numbered citation — or an honest `unanswerable` with suggestions. CLI, HTTP API, MCP server, web app
// and report builder all call this; none of them computes anything of its own.
import type { Answer } from '../core/answer.ts';
import type { LanguageModel } from 'ai';
import type { Database } from '../store/db.ts';
import type { LlmConfig } from './llm/config.ts';

export interface AskOptions {
  /** Answer language; by default the question's main language (a mixed question: its Chinese characters against its English words). */
  lang?: 'zh' | 'en';
  /** Steps as they happen (LLM mode: the model asked, each tool call, verification, the repair round). */
  onProgress?: (p: AskProgress) => void;
  /**
   * The conversation so far: earlier questions, oldest first. A follow-up that omits the subject, the measure or
   * the period ("那MBS呢?", "去年呢?", "What about core CPI?") inherits it from the previous turn.
   */
  history?: string[];
}

export type AskProgress =
  | { stage: 'model'; model: string }
  /** A tool call: its name and 1-based step number only — never its arguments (nothing model-written is streamed). */
  | { stage: 'tool'; tool: string; step?: number }
  | { stage: 'verifying' }
  | { stage: 'repair'; unsupported: number };

export interface Engine {
  ask(question: string, opts?: AskOptions): Promise<Answer>;
  /** 'deterministic', or the configured model ('openai-compatible:deepseek-chat'). */
  readonly name: string;
}

export interface EngineOptions {
  db: Database;
  /** "Today" for calendar words (今年, last month); defaults to the clock. */
  today?: string;
  /** A language model plans and writes (behind the verifier); null/absent: the deterministic engine. */
  llm?: LlmConfig | null;
  /** Tests: the model object to use instead of one built from `llm`. */
  model?: LanguageModel;
  /**
   * Deterministic engine only: how many answers to keep, each for its exact question, language, history, "today"
   * and sync stamp (the same inputs give the same answer until the data changes); 0 turns the cache off. Default
   * ANSWER_CACHE_ENTRIES. Never used with a language model (its answers are not a function of the inputs).
   */
  answerCache?: number;
}

export { ANSWER_CACHE_ENTRIES, createEngine, MAX_HISTORY } from './engine.ts';
