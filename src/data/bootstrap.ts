// Decides where data comes from (live publishers when reachable, else the offline snapshot) and loads an
// empty database on first start. Shared by `fincite start`, `fincite sync` and the server.
import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { catalog, companies } from './catalog/index.ts';
import { indexDocuments, indexStoredDocuments } from '../knowledge/indexer.ts';
import { indexCoverage } from '../store/passages.ts';
import { readFomcSnapshot, type FomcDecision } from './fomc.ts';
import { fredConnectorFromEnv } from './fred.ts';
import { runSync, type DocumentSource, type SyncMode, type SyncOptions, type SyncProgress, type SyncReport } from './sync.ts';
import { SOURCES } from './sources.ts';
import { yahooConnectorFromEnv } from './yahoo.ts';

/** True when the live probe URL answers within the timeout (any HTTP status counts as reachable). */
export async function liveReachable(config: Config, timeoutMs = 3000): Promise<boolean> {
  if (config.offline) return false;
  try {
    const res = await fetch(config.liveProbeUrl, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

export interface ChooseResult {
  mode: SyncMode;
  reason: string;
}

/** Pick live or snapshot for this run; an explicit offline directory always wins. */
export async function chooseMode(config: Config, offlineDir?: string): Promise<ChooseResult> {
  if (offlineDir) return { mode: 'snapshot', reason: `offline snapshot requested (${offlineDir})` };
  if (await liveReachable(config)) return { mode: 'live', reason: `live sources reachable (${new URL(config.liveProbeUrl).host})` };
  if (!config.snapshotDir) throw new Error('live sources are unreachable and no snapshot directory was found; set FINCITE_SNAPSHOT');
  return {
    mode: 'snapshot',
    reason: config.offline ? `FINCITE_OFFLINE is set; using snapshot ${config.snapshotDir}` : `live sources unreachable; using snapshot ${config.snapshotDir}`,
  };
}

export interface SyncRequest {
  offlineDir?: string;
  seriesIds?: string[];
  signal?: AbortSignal;
  onProgress?: (e: SyncProgress) => void;
  /** Called once the mode is known, before any data moves. */
  onMode?: (c: ChooseResult) => void;
}

/** The lock every sync of this database runs under: servers, the scheduled job and `fincite sync` never overlap. */
export const SYNC_LOCK = 'fincite:sync';

/** Sync from the live sources or the snapshot, as the configuration decides; waits for a sync already running. */
export function syncFromConfig(db: Database, config: Config, req: SyncRequest = {}): Promise<SyncReport> {
  return db.exclusive(SYNC_LOCK, () => syncUnlocked(db, config, req));
}

async function syncUnlocked(db: Database, config: Config, req: SyncRequest): Promise<SyncReport> {
  const choice = await chooseMode(config, req.offlineDir);
  req.onMode?.(choice);
  const snapshotDir = req.offlineDir ?? config.snapshotDir;
  const documents: DocumentSource[] = snapshotDir ? [snapshotDocuments(snapshotDir)] : [];
  const opts: SyncOptions = {
    mode: choice.mode,
    catalog,
    companies,
    ...(snapshotDir ? { snapshotDir } : {}),
    ...(choice.mode === 'live' ? { live: { fred: fredConnectorFromEnv(process.env), yahoo: yahooConnectorFromEnv(process.env) } } : {}),
    ...(req.seriesIds?.length ? { seriesIds: req.seriesIds } : {}),
    documents,
    afterDocuments: indexAfterDocuments,
    fundamentals: true,
    ...(req.signal ? { signal: req.signal } : {}),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  };
  return runSync(db, opts);
}

/** After a sync stores documents, the knowledge base splits and indexes the new or changed ones. */
export async function indexAfterDocuments(db: Database, documents: import('../core/types.ts').FinDocument[]): Promise<void> {
  await indexDocuments(db, documents);
}

/** FOMC documents and rate decisions from the snapshot's fomc/ folder. */
export function snapshotDocuments(snapshotDir: string): DocumentSource {
  return {
    label: 'snapshot',
    read: async () => {
      const snap = await readFomcSnapshot(snapshotDir);
      return { documents: snap.documents, decisions: snap.decisions.map(decisionRow), problems: snap.problems };
    },
  };
}

const catalogHash = createHash('sha256').update(JSON.stringify([catalog.map(({ snapshot: _s, live: _l, ...meta }) => meta), companies])).digest('hex').slice(0, 16);

/** Write the catalog's metadata (titles, aliases, units …) to the database when the code's catalog changed. */
export async function refreshCatalog(db: Database): Promise<boolean> {
  if ((await repo.getSetting(db, 'catalog_hash')) === catalogHash) return false;
  await repo.upsertSources(db, Object.values(SOURCES));
  await repo.upsertSeriesMeta(db, catalog);
  await repo.upsertCompanies(db, companies);
  await repo.setSetting(db, 'catalog_hash', catalogHash);
  return true;
}

/** On first start with an empty database, load everything; otherwise refresh the catalog metadata if needed. */
export function ensureLoaded(db: Database, config: Config, req: SyncRequest = {}): Promise<SyncReport | null> {
  // several servers starting on one empty PostgreSQL database: the first loads it, the others wait and find it loaded
  return db.exclusive(SYNC_LOCK, () => ensureLoadedUnlocked(db, config, req));
}

async function ensureLoadedUnlocked(db: Database, config: Config, req: SyncRequest): Promise<SyncReport | null> {
  const counts = await repo.tableCounts(db);
  if (counts.observations > 0) {
    await refreshCatalog(db);
    // A database synced before the passage index existed: build it once.
    const coverage = await indexCoverage(db);
    if (coverage.indexed < coverage.documents) await indexStoredDocuments(db);
    return null;
  }
  const report = await syncUnlocked(db, config, req);
  await repo.setSetting(db, 'catalog_hash', catalogHash);
  return report;
}

function decisionRow(d: FomcDecision): repo.DecisionRow {
  return d.type === 'decision'
    ? { date: d.date, action: d.action, lower: d.lower, upper: d.upper, votesFor: d.votesFor, votesAgainst: d.votesAgainst, url: d.url ?? null }
    : { date: d.date, action: 'operational', lower: null, upper: null, votesFor: null, votesAgainst: null, url: d.url ?? null };
}
