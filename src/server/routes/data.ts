// Series search, series data (JSON and CSV) and document search: read-only views of the store.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { InvalidDateError, UnknownSeriesError } from '../../core/errors.ts';
import { isIsoDate } from '../../data/quality.ts';
import { searchSeries, suggestSeries } from '../../data/search.ts';
import { DOCUMENT_KINDS } from '../../knowledge/kinds.ts';
import { searchPassages } from '../../knowledge/search.ts';
import type { Database } from '../../store/db.ts';
import * as repo from '../../store/repo.ts';
import type { AppEnv } from '../context.ts';
import { errors } from '../schemas.ts';

const SeriesSummary = z
  .object({ id: z.string(), title: z.object({ zh: z.string(), en: z.string() }), units: z.string(), frequency: z.string(), category: z.string(), source: z.string(), url: z.string(), lastDate: z.string().nullable() })
  .openapi('SeriesSummary');

const DateRange = z.object({ from: z.string().optional(), to: z.string().optional() });

const searchRoute = createRoute({
  method: 'get',
  path: '/api/series',
  summary: 'Search the series catalog (Chinese or English); an empty q lists it',
  request: { query: z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
  responses: { 200: { description: 'Matching series', content: { 'application/json': { schema: z.array(SeriesSummary) } } }, ...errors([400]) },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/series/{id}',
  summary: 'A series and its observations in native units (tickers include open/high/low/close/volume)',
  request: { params: z.object({ id: z.string().min(1).max(100) }), query: DateRange },
  responses: { 200: { description: 'The series', content: { 'application/json': { schema: z.object({ series: z.any(), observations: z.array(z.any()) }) } } }, ...errors([400, 404]) },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/series/{id}/csv',
  summary: 'The observations of a series as a CSV download',
  request: { params: z.object({ id: z.string().min(1).max(100) }), query: DateRange },
  responses: { 200: { description: 'CSV: date,value (tickers: date,open,high,low,close,volume)', content: { 'text/csv': { schema: z.string() } } }, ...errors([400, 404]) },
});

const documentsRoute = createRoute({
  method: 'get',
  path: '/api/documents',
  summary: 'Search the Federal Reserve documents (statements, minutes, notes) in Chinese or English; cited passages',
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(500),
      limit: z.coerce.number().int().min(1).max(50).optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      kind: z.enum(DOCUMENT_KINDS as [string, ...string[]]).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Passages, best first',
      content: { 'application/json': { schema: z.array(z.object({ documentId: z.string(), title: z.string(), date: z.string(), url: z.string(), kind: z.string(), publisher: z.string(), score: z.number(), snippet: z.string(), text: z.string() })) } },
    },
    ...errors([400]),
  },
});

function checkRange(from?: string, to?: string): void {
  for (const d of [from, to]) if (d !== undefined && !isIsoDate(d)) throw new InvalidDateError(d);
}

async function loadSeries(db: Database, id: string, from?: string, to?: string) {
  checkRange(from, to);
  const s = await repo.getSeries(db, id);
  if (!s) throw new UnknownSeriesError(id, suggestSeries(await repo.listSeries(db), id).map((x) => x.id));
  return { s, rows: await repo.readObservations(db, s.id, from, to) };
}

export function registerData(app: OpenAPIHono<AppEnv>, db: Database): void {
  app.openapi(searchRoute, async (c) => {
    const { q = '', limit = 20 } = c.req.valid('query');
    const hits = searchSeries(await repo.listSeries(db), q, limit);
    return c.json(
      hits.map(({ series: s }) => ({ id: s.id, title: s.title, units: s.unit.label, frequency: s.frequency, category: s.category, source: s.source, url: s.url, lastDate: s.lastDate })),
      200,
    );
  });

  app.openapi(seriesRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const { s, rows } = await loadSeries(db, c.req.valid('param').id, from, to);
    const bars = Boolean(s.ticker);
    return c.json(
      {
        series: { id: s.id, title: s.title, units: s.unit.label, unit: s.unit, frequency: s.frequency, category: s.category, source: s.source, url: s.url, notes: s.notes ?? null, firstDate: s.firstDate, lastDate: s.lastDate },
        observations: rows.map((r) => (bars ? { date: r.date, value: r.value, open: r.open, high: r.high, low: r.low, close: r.value, volume: r.volume } : { date: r.date, value: r.value })),
      },
      200,
    );
  });

  app.openapi(csvRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const { s, rows } = await loadSeries(db, c.req.valid('param').id, from, to);
    const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
    const lines = s.ticker
      ? ['date,open,high,low,close,volume', ...rows.map((r) => `${r.date},${num(r.open)},${num(r.high)},${num(r.low)},${num(r.value)},${num(r.volume)}`)]
      : [`date,${s.id}`, ...rows.map((r) => `${r.date},${num(r.value)}`)];
    c.header('Content-Disposition', `attachment; filename="${s.id.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`);
    return c.body(lines.join('\n') + '\n', 200, { 'Content-Type': 'text/csv; charset=utf-8' }) as never;
  });

  app.openapi(documentsRoute, async (c) => {
    const { q, limit = 10, from, to, kind } = c.req.valid('query');
    checkRange(from, to);
    const hits = await searchPassages(db, q, { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kind ? { kinds: [kind as never] } : {}) });
    return c.json(hits.map((h) => ({ documentId: h.documentId, title: h.title, date: h.date, url: h.url, kind: h.kind, publisher: h.publisher, score: h.score, snippet: h.snippet, text: h.text })), 200);
  });
}
