// The work of the CLI commands that may run in this process or in a running server (`ask`, `series search|show`,
// `docs search`, `events`, `report`, `sync`): each checks its raw arguments (the same typed errors either way) and returns
// a plain JSON-able result that src/cli/render.ts prints. main.ts calls these on its own database; the server's
// local-owner routes (src/server/routes/local.ts) call them on the server's, for a second `fincite` process.
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Answer } from '../core/answer.ts';
import { FinciteError, InvalidDateError, UnknownSeriesError } from '../core/errors.ts';
import type { Lang } from '../core/format.ts';
import type { DocumentKind } from '../core/types.ts';
import { checkText } from '../core/text-input.ts';
import { syncFromConfig } from '../data/bootstrap.ts';
import { isIsoDate } from '../data/quality.ts';
import { searchSeries, suggestSeries } from '../data/search.ts';
import { SyncBusyError, UnknownSyncSeriesError, type SyncReport } from '../data/sync.ts';
import type { Engine } from '../engine/index.ts';
import { DOCUMENT_KINDS, EVENT_KINDS, MAX_LIMIT } from '../knowledge/kinds.ts';
import type { ReportFormat } from '../report/types.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import type { ErrorView, PassageHitView, PolicyEventView, QueryAnalysisView, SeriesShowResult, SeriesSummaryView } from './render.ts';

export function checkDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isIsoDate(text)) throw new InvalidDateError(text);
  return text;
}

export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new FinciteError('bad_range', { en: `--from ${from} is after --to ${to}`, zh: `--from ${from} 晚于 --to ${to}` });
}

/** `--kind a,b --kind c` → [a, b, c], each checked against the allowed kinds. */
export function checkKinds<K extends string>(values: string[] | undefined, allowed: readonly K[]): K[] | undefined {
  if (!values?.length) return undefined;
  const kinds = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !allowed.includes(k as K));
  if (bad.length) {
    throw new FinciteError('unknown_kind', { en: `Unknown kind "${bad[0]}"; use one of ${allowed.join(', ')}.`, zh: `未知的类型"${bad[0]}",可用:${allowed.join('、')}。` });
  }
  return kinds as K[];
}

// ---- ask ----

export interface AskArgs {
  question: string;
  /** Set only when --lang was given explicitly (else the question's language). */
  lang?: Lang;
}

export function checkAsk(args: AskArgs): AskArgs {
  // refused before the database is opened: control characters, lone surrogates, over-long text
  return { ...args, question: checkText(args.question, 'question') };
}

export function askCommand(engine: Engine, args: AskArgs): Promise<Answer> {
  const { question, lang } = checkAsk(args);
  return engine.ask(question, lang ? { lang } : {});
}

// ---- series ----

export interface SeriesSearchArgs {
  text: string;
  limit: string;
}

export function checkSeriesSearch(args: SeriesSearchArgs): { text: string; limit: number } {
  const limit = Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new FinciteError('bad_limit', { en: '--limit must be a whole number from 1 to 10000', zh: '--limit 必须是 1 到 10000 之间的整数' });
  if (args.text.length > 200) throw new FinciteError('input_too_large', { en: 'search text is too long (200 characters at most)', zh: '搜索文本过长(最多 200 个字符)' });
  return { text: args.text, limit };
}

export async function seriesSearchCommand(db: Database, args: SeriesSearchArgs): Promise<{ text: string; hits: SeriesSummaryView[] }> {
  const { text, limit } = checkSeriesSearch(args);
  const hits = searchSeries(await repo.listSeries(db), text, limit).map(({ series: s }) => ({
    id: s.id,
    title: s.title,
    units: s.unit.label,
    frequency: s.frequency,
    category: s.category,
    source: s.source,
    url: s.url,
    lastDate: s.lastDate ?? null,
  }));
  return { text, hits };
}

export interface SeriesShowArgs {
  id: string;
  from?: string;
  to?: string;
}

export function checkSeriesShow(args: SeriesShowArgs): SeriesShowArgs {
  const from = checkDate(args.from);
  const to = checkDate(args.to);
  if (from && to && from > to) throw new FinciteError('bad_range', { en: `--from ${from} is after --to ${to}`, zh: `--from ${from} 晚于 --to ${to}` });
  if (args.id.length > 100) throw new FinciteError('input_too_large', { en: 'series id is too long', zh: '序列代码过长' });
  return { id: args.id, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export async function seriesShowCommand(db: Database, args: SeriesShowArgs): Promise<SeriesShowResult> {
  const { id, from, to } = checkSeriesShow(args);
  const s = await repo.getSeries(db, id);
  if (!s) throw new UnknownSeriesError(id, suggestSeries(await repo.listSeries(db), id).map((x) => x.id));
  const stored = await repo.readObservations(db, s.id, from, to);
  const rows = stored.map((r) => ({ date: r.date, value: r.value, open: r.open, high: r.high, low: r.low, volume: r.volume }));
  const isBar = Boolean(s.ticker) || rows.some((r) => r.open !== null);
  const series = { id: s.id, title: s.title, units: s.unit.label, unit: s.unit, frequency: s.frequency, category: s.category, source: s.source, url: s.url, notes: s.notes ?? null, ticker: s.ticker ?? null, firstDate: s.firstDate, lastDate: s.lastDate, observationCount: s.observationCount, lastSyncedAt: s.lastSyncedAt, lastSyncMode: s.lastSyncMode };
  // through JSON here too, so the in-process result is exactly what a remote client receives (dates as ISO text)
  return JSON.parse(JSON.stringify({ series, rows, isBar, ranged: Boolean(from || to) })) as SeriesShowResult;
}

// ---- docs search ----

export interface DocsSearchArgs {
  text: string;
  limit: string;
  from?: string;
  to?: string;
  kind?: string[];
}

/** The checked options of `docs search`; the search text is analysed (and refused when bad) too. */
export async function checkDocsSearch(args: DocsSearchArgs): Promise<{ limit: number; from?: string; to?: string; kinds?: DocumentKind[] }> {
  const limit = Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new FinciteError('bad_limit', { en: `--limit must be a whole number from 1 to ${MAX_LIMIT}`, zh: `--limit 必须是 1 到 ${MAX_LIMIT} 之间的整数` });
  }
  const from = checkDate(args.from);
  const to = checkDate(args.to);
  checkRange(from, to);
  const kinds = checkKinds(args.kind, DOCUMENT_KINDS);
  const { analyzeQuery } = await import('../knowledge/search.ts');
  analyzeQuery(args.text); // bad search text fails here, before the database is read
  return { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kinds ? { kinds } : {}) };
}

export async function docsSearchCommand(db: Database, args: DocsSearchArgs): Promise<{ text: string; analysis: QueryAnalysisView; hits: PassageHitView[] }> {
  const { limit, from, to, kinds } = await checkDocsSearch(args);
  const { analyzeQuery, searchPassages } = await import('../knowledge/search.ts');
  const analysis = analyzeQuery(args.text);
  const found = await searchPassages(db, args.text, { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kinds ? { kinds } : {}) });
  const hits = found.map((h) => ({ documentId: h.documentId, title: h.title, date: h.date, url: h.url, kind: h.kind, position: h.position, score: h.score, text: h.text, snippet: h.snippet }));
  return JSON.parse(JSON.stringify({ text: args.text, analysis: { concepts: analysis.concepts, unknown: analysis.unknown }, hits })) as { text: string; analysis: QueryAnalysisView; hits: PassageHitView[] };
}

// ---- events ----

export interface EventsArgs {
  from?: string;
  to?: string;
  kind?: string[];
}

export function checkEvents(args: EventsArgs): { from?: string; to?: string; kinds?: Array<(typeof EVENT_KINDS)[number]> } {
  const from = checkDate(args.from);
  const to = checkDate(args.to);
  checkRange(from, to);
  const kinds = checkKinds(args.kind, EVENT_KINDS);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kinds ? { kinds } : {}) };
}

export async function eventsCommand(db: Database, args: EventsArgs): Promise<{ events: PolicyEventView[]; problems: string[] }> {
  const query = checkEvents(args);
  const { listEvents } = await import('../knowledge/events.ts');
  const { events, problems } = await listEvents(db, query);
  return JSON.parse(JSON.stringify({ events, problems })) as { events: PolicyEventView[]; problems: string[] };
}

// ---- report ----

export const MAX_TOPIC_LENGTH = 200;
export const REPORT_FORMATS: ReportFormat[] = ['md', 'html', 'pdf', 'json'];

export interface ReportArgs {
  topic: string;
  format: ReportFormat;
  /** The --lang option when given explicitly; else the topic's language. */
  lang?: Lang;
  /** The --out path as typed (relative to the caller's directory). */
  out?: string;
}

export interface ReportResult {
  language: Lang;
  /** Where to write (the --out path, or the default PDF file name); absent: stdout. */
  out?: string;
  /** The exported body; PDF as base64. */
  body: string;
  encoding: 'utf8' | 'base64';
  /** Markdown written to a file: its figures, as files next to it. */
  figures: Array<{ file: string; svg: string }>;
  summary: { sections: number; facts: number; sources: number; supported: number; numbers: number };
}

export async function reportCommand(db: Database, config: Pick<Config, 'llm'>, args: ReportArgs): Promise<ReportResult> {
  // the one text check of every interface: control characters, lone surrogates, the length limit
  const topic = checkText(args.topic, 'reportTopic', { max: MAX_TOPIC_LENGTH });
  if (!REPORT_FORMATS.includes(args.format)) throw new FinciteError('bad_format', { en: `unknown format "${args.format}"; use one of ${REPORT_FORMATS.join(', ')}`, zh: `未知的格式"${args.format}",可用:${REPORT_FORMATS.join('、')}` });
  const { detectLanguage } = await import('../engine/understand/lang.ts');
  const language = args.lang ?? detectLanguage(topic);
  // loaded on use: the report builder brings ECharts, marked and playwright-core
  const { buildReport, exportReport, renderChartSvg } = await import('../report/index.ts');
  const report = await buildReport(db, topic, { lang: language, llm: config.llm });
  const out = args.out ?? (args.format === 'pdf' ? `fincite-report-${report.topic.replace(/[^A-Za-z0-9.-]+/g, '-')}-${language}.pdf` : undefined);
  let figureLink: ((i: number) => string) | undefined;
  const figures: ReportResult['figures'] = [];
  if (out && args.format === 'md') {
    const charts = report.sections.flatMap((s) => s.charts);
    const base = out.replace(/\.(md|markdown)$/i, '');
    charts.forEach((c, i) => figures.push({ file: `${base}-fig${i + 1}.svg`, svg: renderChartSvg(c) }));
    figureLink = (i) => `${path.basename(base)}-fig${i + 1}.svg`;
  }
  const body = await exportReport(report, args.format, figureLink ? { figureLink } : {});
  const v = report.verification;
  return {
    language,
    ...(out ? { out } : {}),
    body: typeof body === 'string' ? body : Buffer.from(body).toString('base64'),
    encoding: typeof body === 'string' ? 'utf8' : 'base64',
    figures,
    summary: { sections: report.sections.length, facts: report.facts.length, sources: report.sources.length, supported: v.supported, numbers: v.numbers },
  };
}

// ---- sync ----

export interface SyncArgs {
  /** An offline snapshot directory, absolute (the caller resolves it against its own working directory). */
  offline?: string;
  series?: string[];
}

export async function syncCommand(db: Database, config: Config, args: SyncArgs, opts: { signal?: AbortSignal; onProgress?: Parameters<typeof syncFromConfig>[2] extends infer R ? R extends { onProgress?: infer P } ? P : never : never; onMode?: (reason: string) => void } = {}): Promise<SyncReport> {
  return syncFromConfig(db, config, {
    ...(args.offline ? { offlineDir: path.resolve(args.offline) } : {}),
    ...(args.series?.length ? { seriesIds: args.series } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    onMode: (c) => opts.onMode?.(c.reason),
  });
}

/** An error as the CLI shows it (render.ts renderError): typed errors keep both languages and their status. */
export function errorView(err: unknown): ErrorView {
  if (err instanceof FinciteError) return { kind: 'fincite', code: err.code, messages: err.messages, status: err.status, message: err.messages.en };
  if (err instanceof SyncBusyError || err instanceof UnknownSyncSeriesError) return { kind: 'plain', message: err.message };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
