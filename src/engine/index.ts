// The answer engine's public face: ask a question, get an Answer whose every number is a Fact with lineage
// and a numbered citation — or an honest `unanswerable` with suggestions. CLI, HTTP API, MCP server, web app
// and report builder all call this; none of them computes anything of its own.
import type { Answer } from '../core/answer.ts';
import type { Database } from '../store/db.ts';

export interface AskOptions {
  /** Answer language; by default the question's language (any CJK character → zh). */
  lang?: 'zh' | 'en';
}

export interface Engine {
  ask(question: string, opts?: AskOptions): Promise<Answer>;
}

export interface EngineOptions {
  db: Database;
  /** "Today" for calendar words (今年, last month); defaults to the clock. */
  today?: string;
}

export { createEngine } from './engine.ts';
