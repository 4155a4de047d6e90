// Loads the whole offline snapshot into a PGlite database ONCE per test run and saves its data directory as a
// tarball; suites that only read the data (questions, reports, server) open copies of it with
// `loadedSnapshotDatabase()` instead of each importing 0.9M rows again. The import itself is tested on its own
// in test/data/sync.test.ts.
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexAfterDocuments, snapshotDocuments } from '../src/data/bootstrap.ts';
import { catalog, companies } from '../src/data/catalog/index.ts';
import { runSync } from '../src/data/sync.ts';
import { openDatabase } from '../src/store/db.ts';
import * as repo from '../src/store/repo.ts';
import { snapshotRoot } from './helpers/db.ts';

export default async function setup(): Promise<() => void> {
  // Development speed-up: FINCITE_TEST_SNAPSHOT_REUSE names a dump an earlier run kept (see
  // FINCITE_TEST_SNAPSHOT_KEEP); suites open copies of it and the 0.9M-row import is skipped. Never set under CI.
  const reuse = process.env.FINCITE_TEST_SNAPSHOT_REUSE;
  if (reuse && !process.env.CI && existsSync(reuse)) {
    process.env.FINCITE_TEST_SNAPSHOT_DUMP = reuse;
    return () => undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'fincite-test-snapshot-'));
  const db = await openDatabase();
  const report = await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, documents: [snapshotDocuments(snapshotRoot)], afterDocuments: indexAfterDocuments, fundamentals: true });
  if (report.status !== 'completed' || report.failures.length) throw new Error(`snapshot load failed: ${JSON.stringify(report.failures.slice(0, 3))}`);
  await repo.setSetting(db, 'loaded_by', 'test/global-setup');
  const dump = await db.dumpDataDir!();
  await db.close();
  const file = path.join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.FINCITE_TEST_SNAPSHOT_DUMP = file;
  if (process.env.FINCITE_TEST_SNAPSHOT_KEEP) copyFileSync(file, process.env.FINCITE_TEST_SNAPSHOT_KEEP);
  return () => rmSync(dir, { recursive: true, force: true });
}
