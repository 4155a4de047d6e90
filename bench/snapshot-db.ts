// The database the benchmarks run on: a PGlite data directory under FINCITE_BENCH_HOME (default a temp folder
// named for the benchmark), loaded with the whole offline snapshot the first time.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/config.ts';
import { snapshotDocuments } from '../src/data/bootstrap.ts';
import { catalog, companies } from '../src/data/catalog/index.ts';
import { runSync } from '../src/data/sync.ts';
import { openDatabase, type Database } from '../src/store/db.ts';
import * as repo from '../src/store/repo.ts';

export async function openBenchDatabase(name: string): Promise<{ db: Database; config: Config; home: string }> {
  const config = loadConfig();
  if (!config.snapshotDir) throw new Error('no snapshot directory: set FINCITE_SNAPSHOT');
  const home = process.env.FINCITE_BENCH_HOME ?? path.join(tmpdir(), name);
  const dataDir = path.join(home, 'pgdata');
  const fresh = !existsSync(dataDir);
  const db = await openDatabase({ dataDir });
  if (fresh || (await repo.tableCounts(db)).observations === 0) {
    console.log(`loading the snapshot into ${dataDir} …`);
    await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: config.snapshotDir, documents: [snapshotDocuments(config.snapshotDir)], fundamentals: true });
  }
  return { db, config, home };
}
