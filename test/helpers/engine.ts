// The deterministic engine on a copy of the snapshot database, for suites that ask it questions.
import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../../src/engine/index.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from './db.ts';

/**
 * For the enclosing `describe`: open a copy of the snapshot database and a deterministic engine on it before the
 * tests (the engine sees `today`), close it after them. Returns a getter for the engine.
 */
export function useSnapshotEngine(today: string, after?: () => void): () => Engine {
  let db: Database | undefined;
  let engine: Engine | undefined;
  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    const { createEngine } = await import('../../src/engine/index.ts');
    engine = createEngine({ db, today });
  }, 400_000);
  afterAll(async () => {
    await db?.close();
    after?.();
  });
  return () => {
    if (!engine) throw new Error('the snapshot engine is not open');
    return engine;
  };
}
