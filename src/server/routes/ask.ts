// POST /api/ask: the engine's Answer as JSON, or as server-sent events (progress, answer, saved). Signed-out
// visitors spend a daily quota; everyone is rate-limited per minute; a signed-in user's questions and answers
// are kept in their conversations. Both limits live in the server's limits store (src/server/limits.ts): Redis
// when REDIS_URL is set (shared by every server process), else this process's memory — the quota then stays in
// the database (ask_quota), which several processes on one PostgreSQL share as well.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { ServerSettings } from '../../config.ts';
import type { Answer } from '../../core/answer.ts';
import { FinciteError, userMessage } from '../../core/errors.ts';
import { checkText, TEXT_LIMITS } from '../../core/text-input.ts';
import { MAX_HISTORY, type AskProgress, type Engine } from '../../engine/index.ts';
import * as state from '../../store/app-state.ts';
import type { Database } from '../../store/db.ts';
import { langOf, type AppContext, type AppEnv } from '../context.ts';
import { NotFoundError, QuotaExceededError, RateLimitedError } from '../errors.ts';
import { isLocalOwner, type Limits } from '../limits.ts';
import { AnswerSchema, ErrorBody } from '../schemas.ts';
import { logFailure } from '../log.ts';

const AskBody = z
  .object({
    // checked by checkText (control characters, lone surrogates, the length limit) before anything is written
    question: z.string().openapi({ maxLength: TEXT_LIMITS.question, example: '2022年6月以来美联储总资产减少了多少?' }),
    lang: z.enum(['zh', 'en']).optional(),
    conversationId: z.string().uuid().optional().openapi({ description: 'Signed in: append to this conversation (a new one when absent); its earlier questions are the context of a follow-up' }),
    history: z
      .array(z.string())
      .max(MAX_HISTORY)
      .optional()
      .openapi({ description: `Earlier questions of this thread, oldest first (at most ${MAX_HISTORY}): a follow-up ("那MBS呢?", "and last year?") inherits what it omits from the previous one. Ignored when conversationId is given (the stored conversation is used).` }),
  })
  .openapi('AskRequest');

const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Ask a question; JSON, or server-sent events (progress, answer, saved) with Accept: text/event-stream',
  request: { body: { content: { 'application/json': { schema: AskBody } }, required: true } },
  responses: {
    200: { description: 'The answer (or an honest refusal with suggestions)', content: { 'application/json': { schema: AnswerSchema }, 'text/event-stream': { schema: z.string() } } },
    400: { description: 'Invalid input (empty, or a NUL, control character or lone surrogate in the question)', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'conversationId is not one of the user’s conversations', content: { 'application/json': { schema: ErrorBody } } },
    413: { description: `The question is longer than ${TEXT_LIMITS.question} characters`, content: { 'application/json': { schema: ErrorBody } } },
    429: { description: 'Daily quota (signed out) or per-minute rate limit reached', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const today = () => new Date().toISOString().slice(0, 10);
const quotaKey = (ip: string) => `ip:${ip}`;

/**
 * An answer's JSON, serialised once per answer object: the engine's answer cache hands the same object to every
 * asker of the same question, so repeats cost no serialisation. Answers are not changed after they are returned.
 */
const serialised = new WeakMap<Answer, string>();
function answerJson(answer: Answer): string {
  let json = serialised.get(answer);
  if (json === undefined) {
    json = JSON.stringify(answer);
    serialised.set(answer, json);
  }
  return json;
}

/** Signed-out visitors' quota for today: { limit, remaining }. */
export async function quotaStatus(db: Database, settings: ServerSettings, ip: string, limits?: Limits): Promise<{ limit: number; remaining: number }> {
  const used = (await limits?.usedQuota(quotaKey(ip), today())) ?? (await state.usedQuota(db, quotaKey(ip), today()));
  return { limit: settings.anonDailyQuota, remaining: Math.max(0, settings.anonDailyQuota - used) };
}

/**
 * What a progress event may show: the stage, the model's and tools' names, step counts — never a tool's
 * arguments or any text the model wrote (nothing unverified is streamed). Unknown stages are not sent.
 */
export function progressEvent(p: AskProgress): Record<string, string | number> | null {
  switch (p.stage) {
    case 'model':
      return { stage: 'model', model: String(p.model) };
    case 'tool':
      return { stage: 'tool', tool: String(p.tool), ...(typeof p.step === 'number' ? { step: p.step } : {}) };
    case 'verifying':
      return { stage: 'verifying' };
    case 'repair':
      return { stage: 'repair', unsupported: Number(p.unsupported) || 0 };
    default:
      return null;
  }
}

export function registerAsk(app: OpenAPIHono<AppEnv>, deps: { db: Database; engine: Engine; settings: ServerSettings; limits: Limits }): void {
  const { db, engine, settings, limits } = deps;

  // per minute, per user (signed in) or client address; this machine's own CLI is not limited
  app.use('/api/ask', async (c, next) => {
    if (!isLocalOwner(c)) {
      const user = c.get('user');
      const wait = await limits.ask.take(user ? `user:${user.id}` : `ip:${c.get('ip')}`);
      if (wait !== null) throw new RateLimitedError(wait);
    }
    await next();
  });

  app.openapi(askRoute, async (c) => {
    const raw = c.req.valid('json');
    // bad text is refused before the quota is spent or a conversation is written
    const body = { ...raw, question: checkText(raw.question, 'question') };
    const user = c.get('user');
    const lang = body.lang ?? langOf(c);
    // the thread's earlier questions: the stored conversation's when there is one, else what the client sent
    const stored = user && body.conversationId ? await state.getConversation<Answer>(db, user.id, body.conversationId) : null;
    if (user && body.conversationId && !stored) throw new NotFoundError({ zh: '对话', en: 'conversation' });
    if (!user && !isLocalOwner(c)) {
      // atomic and one round trip (Redis MULTI, or one upsert), taken before answering so parallel requests cannot
      // both spend the last question
      const key = quotaKey(c.get('ip'));
      const used = (await limits.takeQuota(key, today())) ?? (await state.takeQuota(db, key, today()));
      const remaining = settings.anonDailyQuota - used;
      if (remaining < 0) throw new QuotaExceededError(settings.anonDailyQuota);
      c.header('X-Quota-Limit', String(settings.anonDailyQuota));
      c.header('X-Quota-Remaining', String(remaining));
    }
    const history = stored ? stored.messages.map((m) => m.question).slice(-MAX_HISTORY) : (raw.history ?? []).map((h) => checkText(h, 'question'));
    const opts = { ...(body.lang ? { lang: body.lang } : {}), ...(history.length ? { history } : {}) };
    const save = async (answer: Answer) => (user ? state.appendMessage(db, user.id, body.conversationId, body.question, answer) : null);

    if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
      return streamSSE(c as AppContext, async (stream) => {
        await stream.writeSSE({ event: 'progress', data: JSON.stringify({ stage: 'understanding', engine: engine.name }) });
        // LLM mode reports each model call and tool step; they are written in order while the answer is built
        let steps = Promise.resolve();
        const onProgress = (p: AskProgress) => {
          const shown = progressEvent(p);
          if (shown) steps = steps.then(() => stream.writeSSE({ event: 'progress', data: JSON.stringify(shown) })).catch(() => undefined);
        };
        try {
          const answer = await engine.ask(body.question, { ...opts, onProgress });
          await steps;
          await stream.writeSSE({ event: 'progress', data: JSON.stringify({ stage: 'verified', numbers: answer.verification.numbers }) });
          await stream.writeSSE({ event: 'answer', data: JSON.stringify(answer) });
          const saved = await save(answer);
          if (saved) await stream.writeSSE({ event: 'saved', data: JSON.stringify(saved) });
        } catch (err) {
          if (!(err instanceof FinciteError)) logFailure('POST /api/ask (stream)', err);
          await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: err instanceof FinciteError ? err.code : 'internal', message: userMessage(err, lang) }) });
        }
      }) as never;
    }
    const answer = await engine.ask(body.question, opts);
    const saved = await save(answer);
    if (saved) c.header('X-Conversation-Id', saved.conversationId);
    return c.body(answerJson(answer), 200, { 'content-type': 'application/json' }) as never;
  });
}
