// An OpenAI-compatible chat endpoint, so chat front ends and OpenAI client libraries can use fincite as a
// "model": GET /v1/models and POST /v1/chat/completions (JSON, or server-sent chunks with `stream: true`).
// The reply is the engine's cited Answer as Markdown followed by its numbered sources; the full lineage
// (facts, sources, verification) rides along in a non-standard `fincite` field. Machine clients authenticate
// with a bearer token (FINCITE_API_TOKEN); errors use OpenAI's `{ error: { message, type, param, code } }`
// shape because OpenAI clients parse that. The routes live on their own sub-app with its own error handler,
// so nothing here changes how the rest of the app answers errors.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Answer } from '../../core/answer.ts';
import { FinciteError, userMessage } from '../../core/errors.ts';
import type { Lang } from '../../core/format.ts';
import { checkText } from '../../core/text-input.ts';
import { MAX_HISTORY } from '../../engine/index.ts';
import type { AppDeps } from '../app.ts';
import { bearerMatches, machineLang, type AppEnv } from '../context.ts';
import { TooManyRequestsError } from '../errors.ts';
import { machineLimit } from '../limits.ts';
import { logFailure } from '../log.ts';

/** The one model this endpoint lists. */
export const MODEL_ID = 'fincite';
/** Total characters of all message contents a request may carry. */
export const MAX_CONTENT_CHARS = 20_000;
const MAX_MESSAGES = 100;
/** Raw body limit: generous next to MAX_CONTENT_CHARS (JSON escapes, unknown fields), small enough to refuse floods. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Streamed content pieces are about this long (characters). */
export const CHUNK_CHARS = 40;

// ---------------------------------------------------------------------------------------------- errors

type OpenAiErrorType = 'invalid_request_error' | 'authentication_error' | 'rate_limit_error' | 'server_error';

/** An error of the /v1 endpoints, carrying the OpenAI error type next to fincite's code and both languages. */
export class OpenAiCompatError extends FinciteError {
  readonly type: OpenAiErrorType;
  readonly param: string | null;
  constructor(code: string, messages: { zh: string; en: string }, status: number, type: OpenAiErrorType, param: string | null = null) {
    super(code, messages, status);
    this.type = type;
    this.param = param;
  }
}

export class ApiTokenNotConfiguredError extends OpenAiCompatError {
  constructor() {
    super(
      'api_token_not_configured',
      {
        zh: '此服务器未启用 OpenAI 兼容接口:请设置环境变量 FINCITE_API_TOKEN(至少 16 个字符)后重启,并以 "Authorization: Bearer <令牌>" 调用。',
        en: 'The OpenAI-compatible API is not enabled on this server: set FINCITE_API_TOKEN (at least 16 characters), restart, and call it with "Authorization: Bearer <token>".',
      },
      503,
      'server_error',
    );
  }
}

export class InvalidApiKeyError extends OpenAiCompatError {
  constructor() {
    super('invalid_api_key', { zh: 'API 令牌缺失或不正确(请使用 "Authorization: Bearer <FINCITE_API_TOKEN>")。', en: 'Missing or incorrect API key (send "Authorization: Bearer <FINCITE_API_TOKEN>").' }, 401, 'authentication_error');
  }
}

export class InvalidRequestError extends OpenAiCompatError {
  constructor(code: string, messages: { zh: string; en: string }, param: string | null = null, status = 400) {
    super(code, messages, status, 'invalid_request_error', param);
  }
}

function typeForStatus(status: number): OpenAiErrorType {
  if (status === 401 || status === 403) return 'authentication_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * The language of /v1 messages: ?lang=, else Chinese only when Accept-Language asks for it first. (Unlike the
 * web API's langOf, the default is English: OpenAI clients send no Accept-Language.)
 */
export const v1Lang = machineLang;

function errorResponse(c: Context, err: unknown): Response {
  const lang = v1Lang(c);
  if (err instanceof FinciteError) {
    const type = err instanceof OpenAiCompatError ? err.type : typeForStatus(err.status);
    const param = err instanceof OpenAiCompatError ? err.param : null;
    if (err.status === 401) c.header('WWW-Authenticate', 'Bearer');
    if (err instanceof TooManyRequestsError) c.header('Retry-After', String(err.retryAfter));
    return c.json({ error: { message: err.messages[lang], type, param, code: err.code } }, err.status as ContentfulStatusCode);
  }
  logFailure('/v1', err);
  return c.json({ error: { message: userMessage(err, lang), type: 'server_error', param: null, code: 'internal' } }, 500);
}

// ---------------------------------------------------------------------------------------------- request

const Role = z.enum(['system', 'user', 'assistant', 'tool', 'developer']);
const TextPart = z.object({ type: z.literal('text'), text: z.string() });
// `null` is accepted because OpenAI allows it on assistant turns that only carry tool calls; such turns are ignored.
const Content = z.union([z.string(), z.array(TextPart)]).nullable();
const Message = z.object({ role: Role, content: Content });

const contentText = (content: z.infer<typeof Content>): string => (content === null ? '' : typeof content === 'string' ? content : content.map((p) => p.text).join('\n'));

/** The OpenAI request body; unknown fields (n, tools, top_p, …) are ignored (zod strips them). */
export const ChatCompletionRequest = z.object({
  model: z.string(),
  messages: z
    .array(Message)
    .min(1)
    .max(MAX_MESSAGES)
    .refine((ms) => ms.reduce((n, m) => n + contentText(m.content).length, 0) <= MAX_CONTENT_CHARS, { message: `total content exceeds ${MAX_CONTENT_CHARS} characters` }),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  // Accepted for compatibility and ignored: the engine computes its answer deterministically from data, and
  // cutting a cited answer short at max_tokens would cut citations off their sources.
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  user: z.string().nullish(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

async function readRequest(c: Context): Promise<ChatCompletionRequest> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new InvalidRequestError('invalid_json', { zh: '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' });
  }
  const parsed = ChatCompletionRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new InvalidRequestError('invalid_input', { zh: `参数无效:${field}(${issue?.message})`, en: `Invalid ${field}: ${issue?.message}` }, field);
  }
  return parsed.data;
}

/**
 * The earlier user messages, oldest first (at most the engine's history length): a follow-up such as "and in
 * 2023?" is read against them. System, developer and assistant turns are not questions and are left out.
 */
export function historyOf(req: ChatCompletionRequest): string[] {
  const users = req.messages.filter((m) => m.role === 'user').map((m) => contentText(m.content).trim());
  return users
    .slice(0, -1)
    .filter(Boolean)
    .slice(-MAX_HISTORY)
    .map((t) => checkText(t, 'question'));
}

/** The question: the last user message's text. */
export function questionOf(req: ChatCompletionRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === 'user');
  if (!last) throw new InvalidRequestError('no_user_message', { zh: 'messages 中没有用户消息(role: "user")。', en: 'messages contains no user message (role: "user").' }, 'messages');
  const text = contentText(last.content).trim();
  // the same text check as every interface (control characters, lone surrogates, the question's length limit)
  if (text) return checkText(text, 'question');
  throw new InvalidRequestError('empty_question', { zh: '最后一条用户消息是空的。', en: 'The last user message is empty.' }, 'messages');
}

// ---------------------------------------------------------------------------------------------- response

/** The assistant message: the answer's Markdown, then its numbered sources (and, for a refusal, what to ask instead). */
export function answerContent(a: Answer): string {
  const zh = a.language === 'zh';
  const parts = [a.text.trimEnd()];
  if (a.sources.length) {
    const lines = a.sources.map((s) => `[${s.n}] ${s.title} — ${[s.publisher, s.date, s.url].filter(Boolean).join(', ')}`);
    parts.push([zh ? '参考来源:' : 'Sources:', ...lines].join('\n'));
  }
  // The deterministic engine's refusal already lists its suggestions; add them only when the text does not.
  const suggestions = a.unanswerable?.suggestions ?? [];
  if (suggestions.length && !suggestions.every((s) => a.text.includes(s))) {
    parts.push([zh ? '你可以这样问:' : 'You could ask:', ...suggestions.map((s) => `- ${s}`)].join('\n'));
  }
  return parts.join('\n\n');
}

/**
 * The content in pieces of about CHUNK_CHARS characters for streaming; a [n] citation marker and a surrogate
 * pair are never split. Concatenating the pieces gives the content back exactly.
 */
export function contentChunks(content: string, size = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let piece = '';
  for (const [unit] of content.matchAll(/\[\d+\]|[\s\S]/gu)) {
    piece += unit;
    if (piece.length >= size) {
      chunks.push(piece);
      piece = '';
    }
  }
  if (piece) chunks.push(piece);
  return chunks;
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Real model token counts (answer.usage, when the engine reports them) — a field not every engine version has. */
type ModelUsage = { modelCalls: number; inputTokens: number; outputTokens: number };

/**
 * Token usage. When the answer carries the model's own counts they are reported as they are; otherwise (the
 * deterministic engine calls no model) this is an ESTIMATE — characters / 4, rounded up — of the question the
 * engine saw and of the content returned. Only a rough guide: it undercounts Chinese text.
 */
export function usageOf(question: string, content: string, a: Answer): Usage {
  const real = (a as { usage?: ModelUsage }).usage;
  if (real && real.modelCalls > 0 && Number.isFinite(real.inputTokens) && Number.isFinite(real.outputTokens)) {
    return { prompt_tokens: real.inputTokens, completion_tokens: real.outputTokens, total_tokens: real.inputTokens + real.outputTokens };
  }
  const estimate = (s: string) => Math.ceil([...s].length / 4);
  const prompt = estimate(question);
  const completion = estimate(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * The `model` reported in responses: the engine that actually wrote the answer (fincite-deterministic,
 * fincite-<model name>) rather than an echo of the requested name, so a client can tell which answered.
 */
export const modelOf = (a: Answer): string => (a.engine ? `${MODEL_ID}-${a.engine}` : MODEL_ID);

/** fincite's lineage, for clients that know to look for it (non-standard field). */
const lineage = (a: Answer) => ({
  facts: a.facts,
  sources: a.sources,
  verification: a.verification,
  dataAsOf: a.dataAsOf ?? null,
  engine: a.engine ?? null,
  ...(a.unanswerable ? { unanswerable: a.unanswerable } : {}),
  ...(a.understood ? { understood: a.understood } : {}),
  ...(a.context ? { context: a.context } : {}),
});

const completionId = () => `chatcmpl-${randomUUID().replaceAll('-', '')}`;
const unixNow = () => Math.floor(Date.now() / 1000);

// ---------------------------------------------------------------------------------------------- auth

// ---------------------------------------------------------------------------------------------- routes

export function registerOpenAiCompat(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { engine, settings } = deps;
  const v1 = new Hono<AppEnv>();
  v1.onError((err, c) => errorResponse(c, err));

  // per token and per address, shared by every server on one Redis (src/server/limits.ts)
  if (deps.limits) v1.use('*', machineLimit(deps.limits, settings));
  v1.use('*', async (c, next) => {
    const token = settings.apiToken;
    if (!token) throw new ApiTokenNotConfiguredError();
    if (!bearerMatches(c, token)) throw new InvalidApiKeyError();
    await next();
  });

  v1.get('/models', (c) =>
    c.json({ object: 'list', data: [{ id: MODEL_ID, object: 'model', created: unixNow(), owned_by: 'fincite' }] }),
  );

  v1.post(
    '/chat/completions',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new InvalidRequestError('request_too_large', { zh: `请求体过大(上限 ${MAX_BODY_BYTES} 字节)。`, en: `The request body is too large (limit ${MAX_BODY_BYTES} bytes).` }, null, 413);
      },
    }),
    async (c) => {
      const req = await readRequest(c);
      const question = questionOf(req);
      // Answer language: the engine's default, i.e. the question's own language; earlier user turns are the context
      const answer = await engine.ask(question, { history: historyOf(req) });
      const content = answerContent(answer);
      const usage = usageOf(question, content, answer);
      const id = completionId();
      const created = unixNow();
      const model = modelOf(answer);

      if (!req.stream) {
        return c.json({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage,
          fincite: lineage(answer),
        });
      }

      // The engine does not stream tokens: the answer is complete before the first byte (so a failure is still a
      // proper HTTP error above) and is then sent in pieces. OpenAI's SSE has only `data:` lines, no `event:`.
      const chunk = (delta: Record<string, string>, finish: 'stop' | null, extra: Record<string, unknown> = {}) =>
        JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra });
      return streamSSE(c, async (stream) => {
        await stream.writeSSE({ data: chunk({ role: 'assistant' }, null) });
        for (const piece of contentChunks(content)) await stream.writeSSE({ data: chunk({ content: piece }, null) });
        await stream.writeSSE({ data: chunk({}, 'stop', { fincite: lineage(answer) }) });
        if (req.stream_options?.include_usage) {
          await stream.writeSSE({ data: JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage }) });
        }
        await stream.writeSSE({ data: '[DONE]' });
      });
    },
  );

  // Anything else under /v1: an OpenAI-shaped 404 (after the token check, so it reveals nothing).
  v1.all('*', (c) => {
    throw new InvalidRequestError('unknown_url', { zh: `没有这个接口:${c.req.method} ${c.req.path}`, en: `Unknown request URL: ${c.req.method} ${c.req.path}` }, null, 404);
  });

  app.route('/v1', v1);
}
