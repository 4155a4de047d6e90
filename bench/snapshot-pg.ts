// The PostgreSQL database of bench:serve's two-process run: `fincite_bench_serve` on the local server (the
// admin URL of the tests, FINCITE_TEST_DATABASE_URL), created and loaded with the whole offline snapshot the
// first time, reused afterwards (BENCH_PG_FRESH=1 drops and reloads it).
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { syncFromConfig } from '../src/data/bootstrap.ts';
import { openDatabase } from '../src/store/db.ts';
import * as repo from '../src/store/repo.ts';

const NAME = 'fincite_bench_serve';

/** Why PostgreSQL cannot be used here, or null. */
export async function benchPostgresUrl(): Promise<{ url: string } | { unavailable: string }> {
  const admin = process.env.FINCITE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    if (process.env.BENCH_PG_FRESH === '1') await client.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [NAME]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${NAME}`);
  } catch (err) {
    return { unavailable: `PostgreSQL not reachable at ${admin}: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(admin);
  url.pathname = `/${NAME}`;
  return { url: url.toString() };
}

/** Load the snapshot into the bench database unless it holds it already. */
export async function loadBenchPostgres(url: string): Promise<void> {
  const db = await openDatabase({ databaseUrl: url });
  try {
    if ((await repo.tableCounts(db)).observations === 0) {
      console.log(`loading the snapshot into PostgreSQL ${NAME} …`);
      const t = performance.now();
      await syncFromConfig(db, { ...loadConfig(), offline: true });
      console.log(`loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await db.close();
  }
}
