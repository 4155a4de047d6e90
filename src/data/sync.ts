// `fincite sync`: bring the database up to date from the live publishers or the offline snapshot.
// Each series is written in its own transaction (an interrupted run leaves no half-written series and the
// next run completes it); a second run with the same data changes nothing; every run is recorded.
import type { Company, DataProblem, FinDocument, SeriesBatch, SourceId } from '../core/types.ts';
import type { Database } from '../store/db.ts';
import { invalidateReadCaches } from '../store/cache.ts';
import * as repo from '../store/repo.ts';
import type { CatalogSeries } from './catalog/types.ts';
import type { SeriesConnector } from './connector.ts';
import { checkAgainstStored, capProblems, isBlocking, refusalMessage } from './quality.ts';
import { SnapshotReader } from './snapshot.ts';
import { SOURCES } from './sources.ts';
import { readValuationSnapshot } from './valuation.ts';

export type SyncMode = 'live' | 'snapshot';

export interface LiveConnectors {
  fred?: SeriesConnector;
  yahoo?: SeriesConnector;
}

export interface DocumentSource {
  /** Where documents come from, for the report ('snapshot' or a feed URL). */
  label: string;
  read(): Promise<{ documents: FinDocument[]; decisions?: repo.DecisionRow[]; problems: string[] }>;
}

export interface SyncOptions {
  mode: SyncMode;
  catalog: CatalogSeries[];
  companies: Company[];
  snapshotDir?: string;
  /** Live connectors (mode 'live'); series without a live location fall back to the snapshot. */
  live?: LiveConnectors;
  /** Only these series (ids or tickers, case-insensitive); documents and fundamentals are skipped then. */
  seriesIds?: string[];
  documents?: DocumentSource[];
  /** Called with the documents of each source once they are stored (the knowledge base indexes them here). */
  afterDocuments?: (db: Database, documents: FinDocument[]) => Promise<void>;
  fundamentals?: boolean;
  /** Parallel live fetches. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (e: SyncProgress) => void;
}

export type SyncProgress =
  | { type: 'start'; total: number; mode: SyncMode; bulk: boolean }
  | { type: 'series'; done: number; total: number; seriesId: string; added: number; revised: number; error?: string }
  | { type: 'phase'; phase: 'documents' | 'fundamentals' | 'index' };

export interface SyncReport {
  runId: number;
  mode: SyncMode;
  /** 'partial': some series were stored and some failed or were refused (see failures). */
  status: 'completed' | 'partial' | 'failed' | 'interrupted';
  seriesTotal: number;
  seriesDone: number;
  /** Series not stored: the source failed, or its input was damaged and refused (`refused`; the stored values are kept). */
  failures: Array<{ seriesId: string; error: string; refused?: true }>;
  rowsAdded: number;
  rowsRevised: number;
  rowsUnchanged: number;
  documentsAdded: number;
  fundamentalsChanged: number;
  problems: DataProblem[];
  bySource: Record<string, { added: number; revised: number; series: number }>;
  durationMs: number;
}

/** Rows per transaction of a first bulk import (several whole series each; see repo.applyBulkSeriesBatches). */
const BULK_GROUP_ROWS = 100_000;

export class SyncBusyError extends Error {
  constructor() {
    super('another sync is running on this database');
  }
}

export async function runSync(db: Database, opts: SyncOptions): Promise<SyncReport> {
  const t0 = performance.now();
  if (!(await repo.tryLockSync(db))) throw new SyncBusyError();
  try {
    await repo.markStaleRunsInterrupted(db);
    // A first import interrupted before its constraints were rebuilt: rebuild them before anything else.
    await repo.ensureObservationsConstraints(db);
    const entries = selectEntries(opts.catalog, opts.seriesIds);
    await repo.upsertSources(db, Object.values(SOURCES));
    // The whole catalog's metadata is written even when only some series are synced, so it can be searched.
    await repo.upsertSeriesMeta(db, opts.catalog);
    await repo.upsertCompanies(db, opts.companies);
    const bulk = (await repo.countObservations(db)) === 0;
    const runId = await repo.startSyncRun(db, opts.mode, entries.length);
    opts.onProgress?.({ type: 'start', total: entries.length, mode: opts.mode, bulk });

    const report: SyncReport = {
      runId,
      mode: opts.mode,
      status: 'completed',
      seriesTotal: entries.length,
      seriesDone: 0,
      failures: [],
      rowsAdded: 0,
      rowsRevised: 0,
      rowsUnchanged: 0,
      documentsAdded: 0,
      fundamentalsChanged: 0,
      problems: [],
      bySource: {},
      durationMs: 0,
    };
    const snapshot = opts.snapshotDir ? new SnapshotReader(opts.snapshotDir) : undefined;
    if (bulk) await repo.dropObservationsConstraints(db);
    try {
      const stored = async (entry: CatalogSeries, batch: SeriesBatch, res: repo.ApplyResult, announced = false) => {
        const problems = [...batch.problems];
        if (res.unitChanged) problems.push({ kind: 'unit_change', seriesId: entry.id, detail: `units reported as "${batch.reportedUnits}" differ from the stored units` });
        await repo.recordProblems(db, runId, problems);
        report.problems.push(...problems);
        report.rowsAdded += res.added;
        report.rowsRevised += res.revised;
        report.rowsUnchanged += res.unchanged;
        const key = `${batch.provenance.source}:${batch.provenance.mode}`;
        const s = (report.bySource[key] ??= { added: 0, revised: 0, series: 0 });
        s.added += res.added;
        s.revised += res.revised;
        s.series += 1;
        report.seriesDone++;
        if (!announced) opts.onProgress?.({ type: 'series', done: report.seriesDone + report.failures.length, total: entries.length, seriesId: entry.id, added: res.added, revised: res.revised });
        if (report.seriesDone % 25 === 0) await repo.updateSyncProgress(db, runId, report.seriesDone);
      };
      // a first import writes whole series in groups of about BULK_GROUP_ROWS rows, one transaction per group
      let group: Array<{ entry: CatalogSeries; batch: SeriesBatch }> = [];
      let groupRows = 0;
      const flush = async () => {
        const done = group;
        group = [];
        groupRows = 0;
        if (!done.length || opts.signal?.aborted) return; // read but not written: the next run writes them
        // progress is shown as each series is written, and an abort stops the group after the series being written
        const results = await repo.applyBulkSeriesBatches(
          db,
          done.map((g) => g.batch),
          runId,
          (i) => {
            const { entry, batch } = done[i]!;
            const n = batch.observations.length;
            opts.onProgress?.({ type: 'series', done: report.seriesDone + report.failures.length + i + 1, total: entries.length, seriesId: entry.id, added: n, revised: 0 });
            return !opts.signal?.aborted;
          },
        );
        for (let i = 0; i < results.length; i++) await stored(done[i]!.entry, done[i]!.batch, results[i]!, true);
      };
      /**
       * Damaged input is refused, not stored: a batch with a blocking problem (quality.ts), or whose values
       * jump implausibly against the stored series, is not written — its stored values stay — and is reported
       * as a failure with where and what was wrong. Changed values are reported as revisions. Returns false
       * when the batch was refused.
       */
      const accept = async (entry: CatalogSeries, batch: SeriesBatch): Promise<boolean> => {
        const blocking = batch.problems.some(isBlocking);
        let problems = batch.problems;
        if (!blocking && !bulk) {
          const snap = batch.provenance.mode === 'snapshot';
          const where = { file: snap ? entry.snapshot.file : batch.provenance.url, ...(snap ? { column: entry.snapshot.valueColumn } : {}) };
          const check = checkAgainstStored(entry.id, await repo.readValues(db, entry.id), batch.observations, where);
          if (check.problems.length) {
            problems = capProblems([...batch.problems, ...check.problems]);
            if (snap && snapshot) for (const p of problems) if (p.date && p.line === undefined) p.line = await snapshot.lineOf(entry.snapshot, p.date);
          }
          else if (check.revisions.length) batch.problems.push(...(await describeRevisions(db, batch, capProblems(check.revisions, 20))));
        }
        if (!problems.some(isBlocking)) return true;
        await repo.recordProblems(db, runId, problems);
        report.problems.push(...problems);
        const error = refusalMessage(problems);
        report.failures.push({ seriesId: entry.id, error, refused: true });
        opts.onProgress?.({ type: 'series', done: report.seriesDone + report.failures.length, total: entries.length, seriesId: entry.id, added: 0, revised: 0, error });
        return false;
      };
      await forEachBatch(entries, opts, snapshot, async (entry, batch, error) => {
        if (batch && !(await accept(entry, batch))) return;
        if (batch && bulk) {
          group.push({ entry, batch });
          groupRows += batch.observations.length;
          if (groupRows >= BULK_GROUP_ROWS) await flush();
          return;
        }
        if (batch) {
          await stored(entry, batch, await repo.applySeriesBatch(db, batch, runId));
        } else {
          report.failures.push({ seriesId: entry.id, error: error ?? 'unknown error' });
          opts.onProgress?.({ type: 'series', done: report.seriesDone + report.failures.length, total: entries.length, seriesId: entry.id, added: 0, revised: 0, error });
        }
      });
      await flush();
      if (!opts.seriesIds?.length && !opts.signal?.aborted) {
        if (opts.documents?.length) {
          opts.onProgress?.({ type: 'phase', phase: 'documents' });
          const now = new Date();
          for (const source of opts.documents) {
            const { documents, decisions, problems } = await source.read();
            report.documentsAdded += await repo.upsertDocuments(db, documents, now);
            if (decisions) await repo.upsertDecisions(db, decisions);
            await opts.afterDocuments?.(db, documents);
            const docProblems = problems.map((detail) => ({ kind: 'document' as const, seriesId: `documents:${source.label}`, detail }));
            await repo.recordProblems(db, runId, docProblems);
            report.problems.push(...docProblems);
          }
        }
        if (opts.fundamentals && snapshot) {
          opts.onProgress?.({ type: 'phase', phase: 'fundamentals' });
          const known = new Set(opts.companies.map((c) => c.ticker));
          const now = new Date();
          for (const ticker of snapshot.fundamentalTickers()) {
            if (!known.has(ticker)) continue;
            const { rows, url, problems } = await snapshot.readFundamentals(ticker);
            if (problems.length) {
              await repo.recordProblems(db, runId, problems);
              report.problems.push(...problems);
            }
            if (problems.some(isBlocking)) {
              // damaged statements: the company's stored fundamentals stay as they were
              report.failures.push({ seriesId: `fundamentals:${ticker}`, error: refusalMessage(problems), refused: true });
              continue;
            }
            report.fundamentalsChanged += await repo.upsertFundamentals(db, ticker, rows, url, now);
          }
          // the dated valuation snapshot (market cap, P/E, dividend yield …) of the catalog's companies
          const valuation = await readValuationSnapshot(snapshot.root, known);
          if (valuation) report.fundamentalsChanged += await repo.upsertValuationSnapshot(db, valuation.rows, valuation.asOf, valuation.url, now);
        }
      }
      if (opts.signal?.aborted) report.status = 'interrupted';
      else if (report.failures.length) report.status = report.seriesDone === 0 ? 'failed' : 'partial';
    } catch (err) {
      report.status = opts.signal?.aborted ? 'interrupted' : 'failed';
      report.durationMs = performance.now() - t0;
      await finish(db, report, err);
      throw err;
    } finally {
      if (bulk) {
        opts.onProgress?.({ type: 'phase', phase: 'index' });
        await repo.ensureObservationsConstraints(db);
      }
    }
    report.durationMs = performance.now() - t0;
    await finish(db, report);
    return report;
  } finally {
    await repo.unlockSync(db);
    // this process's read caches (catalog, series payloads, the engine's context) see the new data at once
    invalidateReadCaches(db);
  }
}

async function finish(db: Database, report: SyncReport, err?: unknown): Promise<void> {
  await repo.finishSyncRun(db, report.runId, {
    status: report.status,
    seriesDone: report.seriesDone,
    seriesFailed: report.failures.length,
    rowsAdded: report.rowsAdded,
    rowsRevised: report.rowsRevised,
    rowsUnchanged: report.rowsUnchanged,
    documentsAdded: report.documentsAdded,
    bySource: report.bySource,
    durationMs: report.durationMs,
    ...(err ? { error: err instanceof Error ? err.message : String(err) } : {}),
  });
}

/**
 * Revision problems with both retrieval times: when the stored value was retrieved, and this batch's. (The
 * store keeps the old value with both times in observation_revisions.)
 */
async function describeRevisions(db: Database, batch: SeriesBatch, revisions: DataProblem[]): Promise<DataProblem[]> {
  const dates = revisions.flatMap((r) => (r.date ? [r.date] : []));
  const rows = dates.length
    ? await db.query<{ date: string; retrieved_at: Date | string }>(`SELECT date::text AS date, retrieved_at FROM observations WHERE series_id = $1 AND date = ANY($2::date[])`, [batch.seriesId, dates])
    : [];
  const when = new Map(rows.map((r) => [r.date, new Date(r.retrieved_at).toISOString()]));
  const now = batch.provenance.retrievedAt.toISOString();
  return revisions.map((r) => {
    const old = r.date ? when.get(r.date) : undefined;
    return old ? { ...r, detail: `${r.detail} (stored value retrieved ${old}, new value retrieved ${now}; the old value is kept as a revision)` } : r;
  });
}

function selectEntries(catalog: CatalogSeries[], ids?: string[]): CatalogSeries[] {
  if (!ids?.length) return catalog;
  const byId = new Map(catalog.map((e) => [e.id.toUpperCase(), e]));
  const out: CatalogSeries[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const e = byId.get(id.toUpperCase());
    if (e) out.push(e);
    else unknown.push(id);
  }
  if (unknown.length) throw new UnknownSyncSeriesError(unknown, catalog);
  return out;
}

export class UnknownSyncSeriesError extends Error {
  constructor(
    readonly ids: string[],
    catalog: CatalogSeries[],
  ) {
    super(`unknown series: ${ids.join(', ')} (${catalog.length} series in the catalog; try \`fincite series search\`)`);
  }
}

/**
 * Produce each entry's batch (live fetches run `concurrency` at a time; snapshot reads in order) and hand it
 * to `apply` one at a time, in catalog order, so database writes stay sequential.
 */
async function forEachBatch(
  entries: CatalogSeries[],
  opts: SyncOptions,
  snapshot: SnapshotReader | undefined,
  apply: (entry: CatalogSeries, batch: SeriesBatch | null, error?: string) => Promise<void>,
): Promise<void> {
  const fetchOne = async (entry: CatalogSeries): Promise<SeriesBatch> => {
    const connector = opts.mode === 'live' && entry.live ? opts.live?.[entry.live.connector] : undefined;
    if (connector && entry.live) {
      const remoteId = entry.live.connector === 'fred' ? entry.live.id : entry.live.symbol;
      return connector.fetchSeries({ remoteId, seriesId: entry.id, ...(opts.signal ? { signal: opts.signal } : {}) });
    }
    if (!snapshot) throw new Error(`no live source reachable and no snapshot directory for ${entry.id}`);
    return snapshot.readSeries(entry);
  };
  const concurrency = opts.mode === 'live' ? Math.max(1, opts.concurrency ?? 4) : 1;
  const pending: Array<Promise<SeriesBatch>> = [];
  let next = 0;
  const launch = () => {
    while (pending.length < concurrency && next < entries.length) {
      const p = fetchOne(entries[next++]!);
      p.catch(() => undefined); // handled when awaited below
      pending.push(p);
    }
  };
  for (let i = 0; i < entries.length; i++) {
    if (opts.signal?.aborted) return;
    launch();
    const entry = entries[i]!;
    try {
      const batch = await pending.shift()!;
      await apply(entry, batch);
    } catch (err) {
      if (opts.signal?.aborted) return;
      await apply(entry, null, err instanceof Error ? err.message : String(err));
    }
  }
}

export type { SourceId };
