// The HTTP API (Hono): a thin adapter over the engine and the store. Every input is validated with zod; typed
// errors become 4xx/5xx JSON in the caller's language; no stack trace ever leaves the server.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import { FinciteError, InvalidDateError, UnknownSeriesError, userMessage } from '../core/errors.ts';
import type { Lang } from '../core/format.ts';
import { isIsoDate } from '../data/quality.ts';
import { searchSeries, suggestSeries } from '../data/search.ts';
import type { Engine } from '../engine/index.ts';
import { MAX_QUESTION_LENGTH } from '../engine/engine.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';

export interface AppDeps {
  db: Database;
  engine: Engine;
}

function langOf(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'zh' || q === 'en') return q;
  return (c.req.header('accept-language') ?? 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');

const AskBody = z
  .object({
    question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH).openapi({ example: '2022年6月以来美联储总资产减少了多少?' }),
    lang: z.enum(['zh', 'en']).optional(),
  })
  .openapi('AskRequest');

const AnswerSchema = z
  .object({
    question: z.string(),
    language: z.enum(['zh', 'en']),
    text: z.string(),
    facts: z.array(z.any()),
    sources: z.array(z.any()),
    charts: z.array(z.any()),
    verification: z.object({ numbers: z.number(), supported: z.number(), unsupported: z.array(z.object({ text: z.string(), reason: z.string() })) }),
    unanswerable: z.object({ reason: z.string(), suggestions: z.array(z.string()) }).optional(),
    engine: z.string().optional(),
    dataAsOf: z.string().optional(),
  })
  .openapi('Answer');

const SeriesSummary = z
  .object({ id: z.string(), title: z.object({ zh: z.string(), en: z.string() }), units: z.string(), frequency: z.string(), category: z.string(), source: z.string(), url: z.string(), lastDate: z.string().nullable() })
  .openapi('SeriesSummary');

const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Ask a question; JSON, or server-sent events (progress, then the answer) with Accept: text/event-stream',
  request: { body: { content: { 'application/json': { schema: AskBody } }, required: true } },
  responses: {
    200: { description: 'The answer (or an honest refusal with suggestions)', content: { 'application/json': { schema: AnswerSchema }, 'text/event-stream': { schema: z.string() } } },
    400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/series',
  summary: 'Search the series catalog (Chinese or English); an empty q lists it',
  request: { query: z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
  responses: { 200: { description: 'Matching series', content: { 'application/json': { schema: z.array(SeriesSummary) } } }, 400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorBody } } } },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/series/{id}',
  summary: 'A series and its observations in native units (tickers include open/high/low/close/volume)',
  request: { params: z.object({ id: z.string().min(1).max(100) }), query: z.object({ from: z.string().optional(), to: z.string().optional() }) },
  responses: {
    200: { description: 'The series', content: { 'application/json': { schema: z.object({ series: z.any(), observations: z.array(z.any()) }) } } },
    400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'Unknown series', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    // zod failures: a 400 in the caller's language naming the field, never the raw issue dump
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'request';
      const lang = langOf(c);
      return c.json({ error: { code: 'invalid_input', message: lang === 'zh' ? `参数无效:${field}(${issue?.message})` : `Invalid ${field}: ${issue?.message}` } }, 400);
    },
  });

  app.onError((err, c) => {
    const lang = langOf(c);
    if (err instanceof FinciteError) return c.json({ error: { code: err.code, message: err.messages[lang] } }, err.status as 400);
    if (err instanceof SyntaxError || (err instanceof HTTPException && err.status === 400)) {
      return c.json({ error: { code: 'invalid_json', message: lang === 'zh' ? '请求体不是有效的 JSON。' : 'The request body is not valid JSON.' } }, 400);
    }
    if (err instanceof HTTPException) return c.json({ error: { code: 'http_error', message: err.message } }, err.status);
    console.error(err);
    return c.json({ error: { code: 'internal', message: userMessage(err, lang) } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: langOf(c) === 'zh' ? '没有这个地址。' : 'Not found.' } }, 404));

  app.get('/healthz', async (c) => {
    const counts = await repo.tableCounts(deps.db);
    return c.json({ ok: true, database: deps.db.kind, series: counts.seriesWithData, observations: counts.observations, documents: counts.documents });
  });

  app.openapi(askRoute, async (c) => {
    const body = c.req.valid('json');
    const opts = body.lang ? { lang: body.lang } : {};
    if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
      return streamSSE(c, async (stream) => {
        await stream.writeSSE({ event: 'progress', data: JSON.stringify({ stage: 'understanding' }) });
        try {
          const answer = await deps.engine.ask(body.question, opts);
          await stream.writeSSE({ event: 'progress', data: JSON.stringify({ stage: 'verified', numbers: answer.verification.numbers }) });
          await stream.writeSSE({ event: 'answer', data: JSON.stringify(answer) });
        } catch (err) {
          const lang = body.lang ?? langOf(c);
          await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: err instanceof FinciteError ? err.code : 'internal', message: userMessage(err, lang) }) });
        }
      }) as never;
    }
    return c.json(await deps.engine.ask(body.question, opts), 200);
  });

  app.openapi(searchRoute, async (c) => {
    const { q = '', limit = 20 } = c.req.valid('query');
    const hits = searchSeries(await repo.listSeries(deps.db), q, limit);
    return c.json(
      hits.map(({ series: s }) => ({ id: s.id, title: s.title, units: s.unit.label, frequency: s.frequency, category: s.category, source: s.source, url: s.url, lastDate: s.lastDate })),
      200,
    );
  });

  app.openapi(seriesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    for (const d of [from, to]) if (d !== undefined && !isIsoDate(d)) throw new InvalidDateError(d);
    const s = await repo.getSeries(deps.db, id);
    if (!s) throw new UnknownSeriesError(id, suggestSeries(await repo.listSeries(deps.db), id).map((x) => x.id));
    const rows = await repo.readObservations(deps.db, s.id, from, to);
    const bars = Boolean(s.ticker);
    return c.json(
      {
        series: { id: s.id, title: s.title, units: s.unit.label, unit: s.unit, frequency: s.frequency, category: s.category, source: s.source, url: s.url, notes: s.notes ?? null, firstDate: s.firstDate, lastDate: s.lastDate },
        observations: rows.map((r) => (bars ? { date: r.date, value: r.value, open: r.open, high: r.high, low: r.low, close: r.value, volume: r.volume } : { date: r.date, value: r.value })),
      },
      200,
    );
  });

  app.doc('/api/openapi.json', { openapi: '3.0.0', info: { title: 'fincite API', version: '0.1.0', description: '有据 fincite — financial answers where every number is traceable to real data' } });
  return app;
}
