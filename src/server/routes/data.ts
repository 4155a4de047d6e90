// Series search, series data (JSON and CSV) and document search: read-only views of the store.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { FinciteError, InvalidDateError, UnknownSeriesError } from '../../core/errors.ts';
import { chinesePunctuation } from '../../core/format.ts';
import { isIsoDate } from '../../data/quality.ts';
import { rankSeries } from '../../data/search-rank.ts';
import { suggestSeries } from '../../data/search.ts';
import { DOCUMENT_KINDS } from '../../knowledge/kinds.ts';
import { searchPassages } from '../../knowledge/search.ts';
import type { Database } from '../../store/db.ts';
import { cachedCatalog, cachedObservations, cachedSeries, StampedLru, syncStamp } from '../../store/cache.ts';
import type { StoredObservation, StoredSeries } from '../../store/repo.ts';
import type { AppEnv } from '../context.ts';
import { errors } from '../schemas.ts';

const SeriesSummary = z
  .object({
    id: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    units: z.string(),
    unit: z.object({ kind: z.string(), scale: z.number(), currency: z.string().optional(), label: z.string() }).openapi({ description: 'The structured unit (units is its published label)' }),
    frequency: z.string(),
    category: z.string(),
    source: z.string(),
    url: z.string(),
    lastDate: z.string().nullable(),
    match: z
      .object({ field: z.enum(['id', 'ticker', 'alias', 'title']), text: z.string() })
      .nullable()
      .optional()
      .openapi({ description: 'The name the query matched (an alias such as 缩表, a title, the id); null for a near-miss or a listing' }),
  })
  .openapi('SeriesSummary');

const DateRange = z.object({ from: z.string().optional(), to: z.string().optional() });

const searchRoute = createRoute({
  method: 'get',
  path: '/api/series',
  summary: 'Search the series catalog (Chinese or English), most relevant first: exact id/ticker, exact alias or title, title/alias/id prefix or whole words, title contains, alias contains, id contains, then near-misses; an empty q lists it flagship-first',
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
  summary: 'The observations of a series as a CSV download: the full history, or from/to (YYYY-MM-DD) for a range',
  request: { params: z.object({ id: z.string().min(1).max(100) }), query: DateRange },
  responses: {
    200: {
      description:
        'CSV: date,<ID> (tickers: date,open,high,low,close,volume), one row per observation, oldest first. No comment line (it would become a data row in spreadsheets and pandas); the file name says what the file holds: <ID>_full_<first>_<last>.csv for the full history, <ID>_<from>_<to>.csv for a range.',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...errors([400, 404]),
  },
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
  if (from && to && from > to)
    throw new FinciteError('invalid_range', { en: `The start date ${from} is after the end date ${to}.`, zh: `起始日期 ${from} 晚于结束日期 ${to}。` });
}

/** Rows per chunk of a streamed CSV (a 16k-row daily series is ~17 chunks, never one giant string). */
const CSV_CHUNK = 1000;

/** The download's file name: what it holds and the dates it covers, e.g. DGS10_full_1962-01-02_2026-08-20.csv. */
export function csvFileName(id: string, rows: Array<{ date: string }>, from?: string, to?: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_');
  const first = rows[0]?.date;
  const last = rows.at(-1)?.date;
  if (!from && !to) return first && last ? `${safe}_full_${first}_${last}.csv` : `${safe}_full.csv`;
  return `${safe}_${from ?? first ?? 'start'}_${to ?? last ?? 'end'}.csv`;
}

async function loadSeries(db: Database, id: string, from?: string, to?: string) {
  checkRange(from, to);
  const s = await cachedSeries(db, id);
  if (!s) throw new UnknownSeriesError(id, suggestSeries((await cachedCatalog(db)).list, id).map((x) => x.id));
  return { s, rows: await cachedObservations(db, s.id, from, to) };
}

/** A series response serialised once per sync stamp: the JSON bytes, their ETag, and each compressed form once asked for. */
interface SeriesPayload {
  json: Buffer;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
}

/** Bytes of serialised series responses kept per server process (a full 16k-row daily history is ~0.6 MB). */
const PAYLOAD_CAPACITY = 64 * 1024 * 1024;

/** Below this size a response is sent as is: compressing it would cost more than it saves. */
const COMPRESS_MIN_BYTES = 1024;

function payloadBytes(p: SeriesPayload): number {
  return p.json.length + (p.gzip?.length ?? 0) + (p.br?.length ?? 0);
}

/** The content coding to send: br, else gzip, when the client accepts it (q=0 refuses), else none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((x) => /^\s*q=([0-9.]+)\s*$/.exec(x)?.[1]).find((x) => x !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/** Whether If-None-Match names this payload (any coding of it: the representations differ only in their encoding). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.slice(1, -1);
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag.replace(/^"|"$/g, '').replace(/-(gz|br)$/, '') === bare;
  });
}

export function registerData(app: OpenAPIHono<AppEnv>, db: Database): void {
  app.openapi(searchRoute, async (c) => {
    const { q = '', limit = 20 } = c.req.valid('query');
    const hits = rankSeries((await cachedCatalog(db)).list, q, limit);
    return c.json(
      hits.map(({ series: s, match }) => ({ id: s.id, title: shownTitle(s.title), units: s.unit.label, unit: s.unit, frequency: s.frequency, category: s.category, source: s.source, url: s.url, lastDate: s.lastDate, match })),
      200,
    );
  });

  // The JSON of a series is built once per sync stamp, id and range, and sent as stored bytes (compressed once per
  // coding); a client holding the current ETag gets 304. Unknown ids and bad ranges are checked on every request.
  const payloads = new StampedLru<SeriesPayload>(PAYLOAD_CAPACITY, payloadBytes);
  app.openapi(seriesRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const id = c.req.valid('param').id;
    checkRange(from, to);
    const stamp = await syncStamp(db);
    const s = await cachedSeries(db, id);
    if (!s) throw new UnknownSeriesError(id, suggestSeries((await cachedCatalog(db)).list, id).map((x) => x.id));
    const key = `${s.id}|${from ?? ''}|${to ?? ''}`;
    let p = payloads.get(key, stamp);
    if (!p) {
      const rows = await cachedObservations(db, s.id, from, to);
      const json = Buffer.from(JSON.stringify(seriesBody(s, rows)));
      p = { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
      payloads.set(key, stamp, p);
    }
    const encoding = p.json.length >= COMPRESS_MIN_BYTES ? pickEncoding(c.req.header('accept-encoding')) : null;
    const etag = encoding ? `${p.etag.slice(0, -1)}-${encoding === 'gzip' ? 'gz' : 'br'}"` : p.etag;
    const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (notModified(c.req.header('if-none-match'), p.etag)) return c.body(null, 304, headers) as never;
    let body = p.json;
    if (encoding === 'gzip') body = p.gzip ??= gzipSync(p.json, { level: 6 });
    if (encoding === 'br') body = p.br ??= brotliCompressSync(p.json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: p.json.length } });
    if (encoding) {
      headers['Content-Encoding'] = encoding;
      payloads.set(key, stamp, p); // its weight now counts the compressed form
    }
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), 200, { ...headers, 'Content-Type': 'application/json' }) as never;
  });

  app.openapi(csvRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const { s, rows } = await loadSeries(db, c.req.valid('param').id, from, to);
    const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
    const header = s.ticker ? 'date,open,high,low,close,volume' : `date,${s.id}`;
    const line = s.ticker
      ? (r: (typeof rows)[number]) => `${r.date},${num(r.open)},${num(r.high)},${num(r.low)},${num(r.value)},${num(r.volume)}\n`
      : (r: (typeof rows)[number]) => `${r.date},${num(r.value)}\n`;
    const encoder = new TextEncoder();
    let at = -1;
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (at < 0) {
          ctrl.enqueue(encoder.encode(header + '\n'));
          at = 0;
          return;
        }
        if (at >= rows.length) return ctrl.close();
        let chunk = '';
        for (const end = Math.min(rows.length, at + CSV_CHUNK); at < end; at++) chunk += line(rows[at]!);
        ctrl.enqueue(encoder.encode(chunk));
      },
    });
    const full = !from && !to;
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(s.id, rows, from, to)}"`,
      // for scripts: what the file holds without parsing the name
      'X-Fincite-Range': full ? 'full' : `${from ?? ''}..${to ?? ''}`,
      'X-Fincite-Rows': String(rows.length),
    }) as never;
  });

  app.openapi(documentsRoute, async (c) => {
    const { q, limit = 10, from, to, kind } = c.req.valid('query');
    checkRange(from, to);
    const hits = await searchPassages(db, q, { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kind ? { kinds: [kind as never] } : {}) });
    return c.json(hits.map((h) => ({ documentId: h.documentId, title: h.title, date: h.date, url: h.url, kind: h.kind, publisher: h.publisher, score: h.score, snippet: h.snippet, text: h.text })), 200);
  });
}

/** The JSON body of GET /api/series/{id}: the series and its observations (tickers with open/high/low/close/volume). */
export function seriesBody(s: StoredSeries, rows: StoredObservation[]) {
  const bars = Boolean(s.ticker);
  return {
    series: { id: s.id, title: shownTitle(s.title), units: s.unit.label, unit: s.unit, frequency: s.frequency, category: s.category, source: s.source, url: s.url, notes: s.notes ?? null, firstDate: s.firstDate, lastDate: s.lastDate },
    observations: rows.map((r) => (bars ? { date: r.date, value: r.value, open: r.open, high: r.high, low: r.low, close: r.value, volume: r.volume } : { date: r.date, value: r.value })),
  };
}

/** A catalog title as people read it: Chinese with full-width punctuation (the catalog keeps ASCII brackets). */
function shownTitle(t: { zh: string; en: string }): { zh: string; en: string } {
  return { zh: chinesePunctuation(t.zh), en: t.en };
}
