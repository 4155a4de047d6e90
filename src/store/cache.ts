// Read caches of what only a sync changes (the catalog, series payloads, the engine's context), keyed by the sync
// stamp: the latest sync run's id, status and finish time. A process checks the stamp at most once per
// `STAMP_TTL_MS` (one cheap query shared by every request in that window) and at once after a sync it ran itself
// (`invalidateReadCaches`). Several processes on one PostgreSQL each keep their own caches; each sees another
// process's sync within the TTL.
import type { Executor } from './db.ts';
import * as repo from './repo.ts';

/** How long a read stamp is trusted before the database is asked again (ms). */
export const STAMP_TTL_MS = 1000;

interface StampState {
  value: string | null;
  readAt: number;
  pending: Promise<string> | null;
  /** Bumped by invalidate(): a read started before it may not store its (older) result. */
  generation: number;
}

const stamps = new WeakMap<object, StampState>();

function state(db: object): StampState {
  let s = stamps.get(db);
  if (!s) stamps.set(db, (s = { value: null, readAt: 0, pending: null, generation: 0 }));
  return s;
}

/**
 * The sync stamp of a database: changes whenever a sync starts or finishes (a new run, or a run's status or
 * finish time). Everything cached from the store is valid for one stamp.
 */
export async function syncStamp(db: Executor, now = Date.now()): Promise<string> {
  const s = state(db);
  if (s.value !== null && now - s.readAt < STAMP_TTL_MS) return s.value;
  if (!s.pending) {
    const generation = s.generation;
    s.pending = (async () => {
      try {
        const [r] = await db.query<{ id: number; status: string; finished_at: Date | string | null }>('SELECT id, status, finished_at FROM sync_runs ORDER BY id DESC LIMIT 1');
        const value = r ? `${r.id}:${r.status}:${r.finished_at === null ? '' : new Date(r.finished_at).getTime()}` : 'none';
        if (generation === s.generation) {
          s.value = value;
          s.readAt = Date.now();
        }
        return value;
      } finally {
        s.pending = null;
      }
    })();
  }
  return s.pending;
}

/** After this process wrote the store (a sync): the next read asks the database for the stamp again. */
export function invalidateReadCaches(db: object): void {
  const s = state(db);
  s.value = null;
  s.pending = null;
  s.generation++;
}

/**
 * A bounded least-recently-used map whose entries belong to one stamp: a `get` under another stamp misses (and
 * drops the entry). `weigh` gives an entry's cost (bytes, or 1); the total stays under `capacity`.
 */
export class StampedLru<V> {
  private readonly entries = new Map<string, { stamp: string; value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (v: V) => number = () => 1,
  ) {}

  get(key: string, stamp: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.stamp !== stamp) {
      this.total -= e.weight;
      return undefined;
    }
    this.entries.set(key, e); // most recently used last
    return e.value;
  }

  set(key: string, stamp: string, value: V): void {
    const weight = this.weigh(value);
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.weight;
      this.entries.delete(key);
    }
    if (weight > this.capacity) return;
    this.entries.set(key, { stamp, value, weight });
    this.total += weight;
    for (const [k, e] of this.entries) {
      if (this.total <= this.capacity) break;
      this.entries.delete(k);
      this.total -= e.weight;
    }
  }

  /** Drop `key` (only while it still holds `value`, when given). */
  delete(key: string, value?: V): void {
    const e = this.entries.get(key);
    if (!e || (value !== undefined && e.value !== value)) return;
    this.entries.delete(key);
    this.total -= e.weight;
  }

  get size(): number {
    return this.entries.size;
  }
}

interface CatalogState {
  stamp: string;
  list: repo.StoredSeries[];
  byId: Map<string, repo.StoredSeries>;
}

const catalogs = new WeakMap<object, { current: CatalogState | null; pending: Promise<CatalogState> | null; pendingStamp: string }>();

/** The series catalog (metadata, first/last dates) as of the current sync stamp: one read per sync. */
export async function cachedCatalog(db: Executor): Promise<CatalogState> {
  const stamp = await syncStamp(db);
  let c = catalogs.get(db);
  if (!c) catalogs.set(db, (c = { current: null, pending: null, pendingStamp: '' }));
  if (c.current?.stamp === stamp) return c.current;
  if (!c.pending || c.pendingStamp !== stamp) {
    const entry = c;
    entry.pendingStamp = stamp;
    entry.pending = repo.listSeries(db).then(
      (list) => {
        // frozen: every caller shares this array until the next sync
        const state = { stamp, list: Object.freeze(list) as repo.StoredSeries[], byId: new Map(list.map((s) => [s.id, s])) };
        if (entry.pendingStamp === stamp) {
          entry.current = state;
          entry.pending = null;
        }
        return state;
      },
      (err: unknown) => {
        if (entry.pendingStamp === stamp) entry.pending = null;
        throw err;
      },
    );
  }
  return c.pending!;
}

/** A series' stored metadata by id (exact, then case-insensitive), from the cached catalog; null when unknown. */
export async function cachedSeries(db: Executor, id: string): Promise<repo.StoredSeries | null> {
  const { byId, list } = await cachedCatalog(db);
  return byId.get(id) ?? list.find((s) => s.id.toUpperCase() === id.toUpperCase()) ?? null;
}

/**
 * Observations of full histories kept per process: ~250 bytes each as objects (a 16k-row daily series ~4 MB), so
 * at most ~60 MB — the series most recently asked for, not the whole 868k-row snapshot.
 */
const OBSERVATION_CAPACITY = 250_000;
const histories = new WeakMap<object, StampedLru<repo.StoredObservation[]>>();

/**
 * The observations of a series in date order, optionally within [from, to], from the series' full history
 * cached for the current sync stamp (a range is a slice of it). The arrays are shared: callers must not mutate.
 */
export async function cachedObservations(db: Executor, seriesId: string, from?: string, to?: string): Promise<repo.StoredObservation[]> {
  const stamp = await syncStamp(db);
  let lru = histories.get(db);
  if (!lru) histories.set(db, (lru = new StampedLru<repo.StoredObservation[]>(OBSERVATION_CAPACITY, (rows) => rows.length + 1)));
  let rows = lru.get(seriesId, stamp);
  if (!rows) {
    rows = Object.freeze(await repo.readObservations(db, seriesId)) as repo.StoredObservation[];
    lru.set(seriesId, stamp, rows);
  }
  if (from === undefined && to === undefined) return rows;
  const start = from === undefined ? 0 : firstIndexAtOrAfter(rows, from);
  const end = to === undefined ? rows.length : firstIndexAfter(rows, to);
  return rows.slice(start, Math.max(start, end));
}

function firstIndexAtOrAfter(rows: Array<{ date: string }>, date: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstIndexAfter(rows: Array<{ date: string }>, date: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
