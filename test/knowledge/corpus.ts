// The knowledge-base fixture: a database holding the snapshot's FOMC documents and rate decisions only (no
// series), with passages built — what the knowledge tests search and cite.
import { snapshotDocuments } from '../../src/data/bootstrap.ts';
import type { FinDocument } from '../../src/core/types.ts';
import { indexDocuments, type IndexReport } from '../../src/knowledge/indexer.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';

let snapshot: Promise<{ documents: FinDocument[]; decisions: repo.DecisionRow[] }> | null = null;

/** The snapshot's documents and decisions, read once per test file. */
export function snapshotCorpus(): Promise<{ documents: FinDocument[]; decisions: repo.DecisionRow[] }> {
  snapshot ??= snapshotDocuments(snapshotRoot)
    .read()
    .then(({ documents, decisions }) => ({ documents, decisions: decisions ?? [] }));
  return snapshot;
}

/** Store the snapshot's documents and decisions in `db` and build their passages. */
export async function loadCorpus(db: Database): Promise<IndexReport> {
  const { documents, decisions } = await snapshotCorpus();
  await repo.upsertDocuments(db, documents, new Date());
  await repo.upsertDecisions(db, decisions);
  return indexDocuments(db, documents);
}

let dump: Promise<Blob> | null = null;

/** The data directory of a PGlite database with the corpus loaded and indexed, built once per test file. */
export function corpusDump(): Promise<Blob> {
  dump ??= (async () => {
    const db = await freshPglite();
    try {
      await loadCorpus(db);
      return await db.dumpDataDir!();
    } finally {
      await db.close();
    }
  })();
  return dump;
}

/** A copy of the corpus database. */
export async function corpusPglite(): Promise<Database> {
  return openDatabase({ loadDataDir: await corpusDump(), migrate: false });
}
