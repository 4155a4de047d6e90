// The storage layer against both backends: migrations, idempotent writes, revisions, transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesBatch, SeriesMeta } from '../../src/core/types.ts';
import type { Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { backends, type Backend } from '../helpers/db.ts';

const all = await backends();

const meta: SeriesMeta = {
  id: 'TESTSER',
  title: { zh: '测试序列', en: 'Test series' },
  aliases: ['测试'],
  unit: { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' },
  frequency: 'weekly',
  category: 'balance_sheet',
  source: 'fred',
  url: 'https://fred.stlouisfed.org/series/TESTSER',
};

function batch(rows: Array<[string, number | null]>, retrievedAt = new Date('2026-01-01T00:00:00Z'), reportedUnits = 'Millions of U.S. Dollars'): SeriesBatch {
  return {
    seriesId: 'TESTSER',
    observations: rows.map(([date, value]) => ({ date, value })),
    provenance: { source: 'fred', url: 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=TESTSER', retrievedAt, mode: 'live' },
    reportedUnits,
    problems: [],
  };
}

describe.each(all)('store on $name', (backend: Backend) => {
  let db: Database;
  beforeAll(async () => {
    if (backend.skip) return;
    db = await backend.open();
    await repo.upsertSources(db, [{ id: 'fred', nameEn: 'FRED', nameZh: 'FRED', url: 'https://fred.stlouisfed.org/' }]);
    await repo.upsertSeriesMeta(db, [meta]);
  });
  afterAll(async () => {
    if (backend.skip) return;
    await db.close();
    await backend.cleanup();
  });

  it.skipIf(backend.skip)('stores a batch, and a second identical batch changes nothing', async () => {
    const b = batch([
      ['2024-01-03', 100.5],
      ['2024-01-10', null],
      ['2024-01-17', 102],
    ]);
    expect(await repo.applySeriesBatch(db, b, null)).toMatchObject({ added: 3, revised: 0, unchanged: 0 });
    expect(await repo.applySeriesBatch(db, b, null)).toMatchObject({ added: 0, revised: 0, unchanged: 3 });
    const rows = await repo.readObservations(db, 'TESTSER');
    expect(rows.map((r) => [r.date, r.value])).toEqual([
      ['2024-01-03', 100.5],
      ['2024-01-10', null],
      ['2024-01-17', 102],
    ]);
    const s = await repo.getSeries(db, 'testser');
    expect(s).toMatchObject({ id: 'TESTSER', firstDate: '2024-01-03', lastDate: '2024-01-17', observationCount: 3 });
    expect(s?.title.zh).toBe('测试序列');
    expect(s?.unit).toEqual(meta.unit);
  });

  it.skipIf(backend.skip)('keeps the old value as a revision when a re-sync changes it, with both retrieval times', async () => {
    const later = new Date('2026-02-01T00:00:00Z');
    const res = await repo.applySeriesBatch(db, batch([['2024-01-03', 100.5], ['2024-01-10', 101], ['2024-01-17', 103], ['2024-01-24', 104]], later), null);
    expect(res).toMatchObject({ added: 1, revised: 2, unchanged: 1 });
    const revs = await db.query<{ date: unknown; old_value: number | null; new_value: number; old_retrieved_at: Date | string }>(
      'SELECT date, old_value, new_value, old_retrieved_at FROM observation_revisions WHERE series_id = $1 ORDER BY date',
      ['TESTSER'],
    );
    expect(revs.map((r) => [repo.isoDate(r.date as string), r.old_value, r.new_value])).toEqual([
      ['2024-01-10', null, 101],
      ['2024-01-17', 102, 103],
    ]);
    expect(new Date(revs[0]!.old_retrieved_at).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const rows = await repo.readObservations(db, 'TESTSER', '2024-01-10', '2024-01-17');
    expect(rows.map((r) => [r.date, r.value, r.retrievedAt.toISOString()])).toEqual([
      ['2024-01-10', 101, later.toISOString()],
      ['2024-01-17', 103, later.toISOString()],
    ]);
  });

  it.skipIf(backend.skip)('rolls back a failing series write completely', async () => {
    const before = await repo.readObservations(db, 'TESTSER');
    // An impossible date makes the insert fail inside the transaction, after other statements ran.
    await expect(repo.applySeriesBatch(db, batch([['2024-01-31', 1], ['2024-02-30', 2]]), null)).rejects.toThrow();
    expect(await repo.readObservations(db, 'TESTSER')).toEqual(before);
    expect((await repo.getSeries(db, 'TESTSER'))?.observationCount).toBe(before.length);
  });

  it.skipIf(backend.skip)('stores daily bars with open/high/low/volume', async () => {
    await repo.upsertSeriesMeta(db, [{ ...meta, id: 'TESTBAR', ticker: 'TESTBAR', unit: { kind: 'price', scale: 1, currency: 'USD', label: 'USD per share' } }]);
    const b: SeriesBatch = {
      ...batch([]),
      seriesId: 'TESTBAR',
      observations: [{ date: '2024-01-02', value: 10.5, open: 10, high: 11, low: 9.5, volume: 12345 }],
    };
    expect(await repo.applySeriesBatch(db, b, null)).toMatchObject({ added: 1 });
    const [r] = await repo.readObservations(db, 'TESTBAR');
    expect(r).toMatchObject({ date: '2024-01-02', value: 10.5, open: 10, high: 11, low: 9.5, volume: 12345 });
    expect(await repo.applySeriesBatch(db, { ...b, observations: [{ date: '2024-01-02', value: 10.5, open: 10, high: 11.5, low: 9.5, volume: 12345 }] }, null)).toMatchObject({ revised: 1 });
  });

  it.skipIf(backend.skip)('reports a unit change', async () => {
    const res = await repo.applySeriesBatch(db, batch([['2024-01-03', 100.5]], new Date(), 'Billions of U.S. Dollars'), null);
    expect(res.unitChanged).toBe(true);
  });

  it.skipIf(backend.skip)('drops and rebuilds the observations primary key for bulk loads', async () => {
    expect(await repo.observationsPrimaryKeyExists(db)).toBe(true);
    await repo.dropObservationsConstraints(db);
    expect(await repo.observationsPrimaryKeyExists(db)).toBe(false);
    await repo.ensureObservationsConstraints(db);
    expect(await repo.observationsPrimaryKeyExists(db)).toBe(true);
  });

  it.skipIf(backend.skip)('records sync runs and problems', async () => {
    const id = await repo.startSyncRun(db, 'snapshot', 2);
    await repo.recordProblems(db, id, [{ kind: 'duplicate_date', seriesId: 'TESTSER', date: '2024-01-03', detail: 'twice' }]);
    await repo.finishSyncRun(db, id, { status: 'completed', seriesDone: 2, seriesFailed: 0, rowsAdded: 5, rowsRevised: 1, rowsUnchanged: 0, documentsAdded: 0, bySource: { 'fred:live': { added: 5, revised: 1, series: 2 } }, durationMs: 12 });
    const [run] = await repo.listSyncRuns(db, 1);
    expect(run).toMatchObject({ id, status: 'completed', rowsAdded: 5, rowsRevised: 1, seriesDone: 2 });
    const problems = await db.query<{ kind: string }>('SELECT kind FROM sync_problems WHERE run_id = $1', [id]);
    expect(problems.map((p) => p.kind)).toEqual(['duplicate_date']);
  });
});
