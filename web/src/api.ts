// The HTTP API as the web app sees it: response shapes, a JSON fetch helper that turns error bodies into
// ApiError, and the /api/ask event stream read with fetch (EventSource cannot POST).
import type { Answer } from '../../src/core/answer.ts';
import type { Bilingual, Frequency, IsoDate, Unit } from '../../src/core/types.ts';
import type { Lang } from './i18n.ts';

export interface Me {
  user: { id: string; name: string; email: string } | null;
  quota: { limit: number; remaining: number } | null;
}

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
  messages: number;
}

export interface Conversation {
  id: string;
  title: string;
  messages: Array<{ id: string; question: string; answer: Answer; createdAt: string }>;
}

export interface SeriesSummary {
  id: string;
  title: Bilingual;
  units: string;
  frequency: Frequency;
  category: string;
  source: string;
  url: string;
  lastDate: IsoDate | null;
}

export interface SeriesObservation {
  date: IsoDate;
  value: number | null;
  open?: number | null;
  high?: number | null;
  low?: number | null;
  close?: number | null;
  volume?: number | null;
}

export interface SeriesDetail {
  series: Omit<SeriesSummary, 'lastDate'> & { unit: Unit; notes: string | null; firstDate: IsoDate | null; lastDate: IsoDate | null };
  observations: SeriesObservation[];
}

export interface ReportTopic {
  id: string;
  name: Bilingual;
  example: string;
  /** The example in both languages (the page follows its UI language). */
  examples?: Bilingual;
}

export type ReportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReportSummary {
  id: string;
  topic: string;
  lang: Lang;
  title: string | null;
  status: ReportStatus;
  createdAt: string;
  finishedAt: string | null;
}

/** A stage of a report job as it ran (ISO times; endedAt once the next stage began). */
export interface ReportStageTiming {
  stage: string;
  startedAt: string;
  endedAt?: string;
}

export interface Report extends ReportSummary {
  progress: {
    stage: string;
    message: string;
    done: number;
    total: number;
    /** Since the job started running: its start, the stages it passes through and each stage's timing. */
    startedAt?: string;
    plan?: string[];
    stages?: ReportStageTiming[];
  };
  /** Queued or running: the expected duration and the time left (from recent reports of the topic, or a default). */
  estimate?: { totalMs: number; remainingMs: number; basis: 'topic' | 'recent' | 'default'; samples: number } | null;
  error: { code: string; message: string } | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A 429's Retry-After, in seconds. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The error of a failed response: the API's {error:{code,message}} or better-auth's {code,message}. */
async function errorOf(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = '';
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string }; code?: string; message?: string };
    code = body.error?.code ?? body.code ?? code;
    message = body.error?.message ?? body.message ?? '';
  } catch {
    // not JSON (a proxy's HTML error page): the caller shows its generic message
  }
  const retryAfter = Number(res.headers.get('Retry-After'));
  return new ApiError(res.status, code, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

let currentLang: Lang = 'zh';

/** The language error messages should come back in; set by the app when the user switches. */
export function setApiLang(lang: Lang): void {
  currentLang = lang;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': currentLang, ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : null,
    signal: init.signal ?? null,
  });
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export type AskStage = 'understanding' | 'computing' | 'verifying' | 'verified';

/** One `progress` event of /api/ask. LLM mode adds model, tool and repair steps between understanding and verified. */
export type AskEvent =
  | { stage: 'understanding'; engine?: string }
  | { stage: 'computing' }
  | { stage: 'model'; model: string }
  | { stage: 'tool'; tool: string; input?: unknown }
  | { stage: 'verifying' }
  | { stage: 'repair'; unsupported: number }
  | { stage: 'verified'; numbers?: number };

/** The steps worth listing while (and after) an answer is built. */
export type AskStep = Extract<AskEvent, { stage: 'model' | 'tool' | 'verifying' | 'repair' }>;

/** A progress event's data as a known event, or null for a stage this app does not know (a newer server). */
export function toAskEvent(data: unknown): AskEvent | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  switch (d.stage) {
    case 'understanding': {
      const engine = str(d.engine);
      return engine ? { stage: 'understanding', engine } : { stage: 'understanding' };
    }
    case 'computing':
    case 'verifying':
      return { stage: d.stage };
    case 'model': {
      const model = str(d.model);
      return model ? { stage: 'model', model } : null;
    }
    case 'tool': {
      const tool = str(d.tool);
      return tool ? { stage: 'tool', tool, input: d.input } : null;
    }
    case 'repair':
      return { stage: 'repair', unsupported: num(d.unsupported) ?? 0 };
    case 'verified': {
      const numbers = num(d.numbers);
      return numbers !== undefined ? { stage: 'verified', numbers } : { stage: 'verified' };
    }
    default:
      return null;
  }
}

export interface AskHandlers {
  onProgress: (p: AskEvent) => void;
  onAnswer: (a: Answer) => void;
  onSaved: (s: { conversationId: string; messageId: string }) => void;
}

/** One server-sent event: its name and its data lines joined. */
function parseEvent(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/**
 * The body of POST /api/ask. `lang` only when the user chose the answer's language: without it the answer follows
 * the question's language. `history`: the thread's earlier answered questions, oldest first (a follow-up inherits
 * what it omits).
 */
export interface AskBody {
  question: string;
  lang?: Lang;
  conversationId?: string;
  history?: string[];
}

/** At most this many earlier questions go with a follow-up (the server's limit). */
export const MAX_HISTORY = 10;

/**
 * POST /api/ask and dispatch its events; rejects with ApiError on an error status or an `error` event. Error
 * messages come back in the UI language (Accept-Language), whatever language the answer is in.
 */
export async function askStream(body: AskBody, handlers: AskHandlers, signal: AbortSignal): Promise<void> {
  const res = await fetch('/api/ask', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json', 'Accept-Language': currentLang },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok) throw await errorOf(res);
  // a server or proxy that ignores Accept answers with plain JSON
  if (!(res.headers.get('content-type') ?? '').includes('text/event-stream') || !res.body) {
    handlers.onAnswer((await res.json()) as Answer);
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let answered = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += value;
      const blocks = buffer.split(/\r?\n\r?\n/);
      buffer = done ? '' : (blocks.pop() ?? '');
      for (const block of blocks) {
        const ev = parseEvent(block);
        if (!ev) continue;
        const data = JSON.parse(ev.data) as unknown;
        if (ev.event === 'progress') {
          const p = toAskEvent(data);
          if (p) handlers.onProgress(p);
        }
        else if (ev.event === 'answer') {
          answered = true;
          handlers.onAnswer(data as Answer);
        } else if (ev.event === 'saved') handlers.onSaved(data as { conversationId: string; messageId: string });
        else if (ev.event === 'error') {
          const err = data as { code?: string; message?: string };
          throw new ApiError(200, err.code ?? 'internal', err.message ?? '');
        }
      }
      if (done) break;
    }
  } finally {
    // after an `error` event (or a parse failure) the server may keep the connection open
    reader.cancel().catch(() => {});
  }
  if (!answered) throw new ApiError(0, 'stream_ended', '');
}
