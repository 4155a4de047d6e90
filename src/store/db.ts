// The database handle: embedded PGlite in a data directory by default, PostgreSQL when a URL is given.
// Both run the same schema and migrations; the rest of the code sees one `Database` interface.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { acquireLock } from './lock.ts';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { encodeObservationsCopy, type ObservationColumns } from './copy.ts';
import * as schema from './schema.ts';

export type { ObservationColumns } from './copy.ts';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** src/store/migrations, found from this module whether it runs from src/ or bundled into dist/. */
function findMigrations(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [path.join(dir, 'migrations'), path.join(dir, 'src', 'store', 'migrations')]) {
      if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    }
    dir = path.dirname(dir);
  }
  throw new Error('database migrations folder not found');
}

const migrationsFolder = findMigrations();

/** Runs SQL inside or outside a transaction. `$1`-style parameters; arrays are passed as PostgreSQL arrays. */
export interface Executor {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Bulk-insert the observations of one series: binary COPY on PGlite, one INSERT … unnest on PostgreSQL. */
  insertObservations(rows: ObservationColumns): Promise<void>;
}

export interface Database extends Executor {
  kind: 'pglite' | 'postgres';
  orm: Orm;
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * Run `fn` while holding the named lock across every process on this database (PostgreSQL: a session advisory
   * lock on a connection of its own, for work that spans many transactions, such as a sync; PGlite has one owner
   * process, so an in-process queue). Waits for a holder to finish.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** PGlite only: the whole data directory as a tarball, to clone databases quickly (tests, benchmarks). */
  dumpDataDir?(): Promise<Blob>;
  /** PGlite in a directory: say what the owning process serves (its URL), for the message a second process shows. */
  describeOwner?(extra: { url?: string }): void;
  /** What the job queue (pg-boss) connects with: PostgreSQL, the URL (its own small pool); PGlite, the instance. */
  queueTarget: { url: string } | { pglite: PGlite };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; when absent (and no URL), an in-memory database. */
  dataDir?: string;
  /** A PGlite data-directory dump to start from (fast test fixtures). */
  loadDataDir?: Blob | File;
  /** Apply migrations (default true). */
  migrate?: boolean;
}

/** A stable 32-bit advisory-lock key for a lock name. */
function lockKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** In-process named locks (PGlite: one owner process, so this is every holder there is). */
function localExclusive(): Database['exclusive'] {
  const tails = new Map<string, Promise<unknown>>();
  return (name, fn) => {
    const prev = tails.get(name) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
}

const OBSERVATION_COLUMNS = 'series_id, date, value, open, high, low, volume, retrieved_at, sync_run_id';

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts);
  if (opts.migrate !== false) {
    try {
      await migrateDatabase(db);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}

async function migrateDatabase(db: Database): Promise<void> {
  if (db.kind === 'pglite') await migratePglite(db.orm as never, { migrationsFolder });
  else {
    // Several servers may start at once on one PostgreSQL: a session advisory lock makes them migrate one after the
    // other (the later ones find every migration applied). Held on its own connection, released on every path.
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await migrate(db.orm as never, { migrationsFolder });
    });
  }
}

/** The advisory-lock key PostgreSQL migrations run under (an arbitrary constant: "fincite" in ASCII, truncated). */
const MIGRATION_LOCK_KEY = 0x66696e63;

async function openPglite(opts: OpenOptions): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // one process per data directory: a second one stops here with the holder's PID (see lock.ts)
  const lock = opts.dataDir ? acquireLock(opts.dataDir) : null;
  let client: PGlite;
  try {
    client = await PGlite.create(opts.dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  } catch (err) {
    lock?.release();
    throw err;
  }
  const executor = (q: Pick<PGlite, 'query'>): Executor => ({
    async query<T>(text: string, params: unknown[] = []) {
      const res = await q.query<T>(text, params);
      return res.rows;
    },
    async insertObservations(rows) {
      if (rows.dates.length === 0) return;
      const data = encodeObservationsCopy(rows);
      await q.query(`COPY observations (${OBSERVATION_COLUMNS}) FROM '/dev/blob' WITH (FORMAT binary)`, [], {
        blob: new Blob([data as Uint8Array<ArrayBuffer>]),
      });
    },
  });
  const base = executor(client);
  return {
    kind: 'pglite',
    orm: drizzlePglite(client, { schema }) as unknown as Orm,
    ...base,
    transaction: (fn) => client.transaction((tx) => fn(executor(tx))),
    exclusive: localExclusive(),
    dumpDataDir: () => client.dumpDataDir('none'),
    queueTarget: { pglite: client },
    ...(lock ? { describeOwner: (extra: { url?: string }) => lock.describe(extra) } : {}),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  // Loaded only for PostgreSQL, so the embedded default starts without them.
  const { default: pgModule } = await import('pg');
  const { drizzle: drizzlePg } = await import('drizzle-orm/node-postgres');
  const pool = new pgModule.Pool({ connectionString: url, max: 10 });
  // Fail fast with a clear message when the server is not reachable.
  const probe = await pool.connect();
  probe.release();
  const executor = (q: pg.Pool | pg.PoolClient): Executor => ({
    async query<T>(text: string, params: unknown[] = []) {
      const res = await q.query(text, params);
      return res.rows as T[];
    },
    async insertObservations(rows) {
      if (rows.dates.length === 0) return;
      const n = rows.dates.length;
      const orNulls = (a: Array<number | null> | undefined) => a ?? new Array<null>(n).fill(null);
      await q.query(
        `INSERT INTO observations (${OBSERVATION_COLUMNS})
         SELECT $1, d, v, o, h, l, vol, $7::timestamptz, $8::int
         FROM unnest($2::date[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $9::float8[]) AS t(d, v, o, h, l, vol)`,
        [rows.seriesId, rows.dates, rows.values, orNulls(rows.open), orNulls(rows.high), orNulls(rows.low), rows.retrievedAt, rows.syncRunId, orNulls(rows.volume)],
      );
    },
  });
  return {
    kind: 'postgres',
    orm: drizzlePg(pool, { schema }) as unknown as Orm,
    ...executor(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exclusive(name, fn) {
      const client = await pool.connect();
      const key = lockKey(name);
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
        }
      } finally {
        client.release();
      }
    },
    queueTarget: { url },
    close: () => pool.end(),
  };
}
