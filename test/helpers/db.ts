// Test databases for both backends. PGlite: one migrated template, cloned per test (initdb is slow).
// PostgreSQL: a fresh database per suite on the server at FINCITE_TEST_DATABASE_URL (default the local
// `test` database); when none is reachable the suite is skipped with the reason — except under CI, where
// PostgreSQL is required and its absence fails the run.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/db.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const snapshotRoot = process.env.FINCITE_SNAPSHOT ? path.resolve(process.env.FINCITE_SNAPSHOT) : path.resolve(repoRoot, '../shared/data');

let template: Promise<Blob> | null = null;

/** A migrated, empty in-memory PGlite database. */
export async function freshPglite(): Promise<Database> {
  template ??= (async () => {
    const db = await openDatabase();
    const blob = await db.dumpDataDir!();
    await db.close();
    return blob;
  })();
  return openDatabase({ loadDataDir: await template, migrate: false });
}

/**
 * A PGlite database holding the whole snapshot (series, companies, fundamentals, documents), cloned from the
 * dump made once per run by test/global-setup.ts.
 */
export async function loadedSnapshotDatabase(): Promise<Database> {
  const file = process.env.FINCITE_TEST_SNAPSHOT_DUMP;
  if (!file) throw new Error('FINCITE_TEST_SNAPSHOT_DUMP is not set: run the tests through vitest (test/global-setup.ts)');
  const { readFileSync } = await import('node:fs');
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]), migrate: false });
}

export const adminUrl = process.env.FINCITE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL tests cannot run here, or null when they can. */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL not reachable at ${adminUrl}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Create an empty database on the server; returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `fincite_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Why this backend is skipped here (null when it runs). */
  skip: string | null;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/** Both backends, with the skip reason resolved; use with describe.skipIf / describe.each. */
export async function backends(): Promise<Backend[]> {
  const reason = await postgresUnavailable();
  if (reason && process.env.CI) throw new Error(`CI requires PostgreSQL for the storage suite: ${reason}`);
  if (reason) console.warn(`[skip] PostgreSQL storage tests skipped: ${reason}`);
  const drops: Array<() => Promise<void>> = [];
  return [
    { name: 'pglite', skip: null, open: freshPglite, cleanup: async () => undefined },
    {
      name: 'postgres',
      skip: reason,
      open: async () => {
        const created = await createPostgresDatabase();
        drops.push(created.drop);
        return openDatabase({ databaseUrl: created.url });
      },
      cleanup: async () => {
        for (const d of drops.splice(0)) await d();
      },
    },
  ];
}
