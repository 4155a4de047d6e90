// Several servers starting at once on one empty PostgreSQL database: each runs the migrations on open, one after
// the other under an advisory lock, so all of them open and the schema is applied once. Needs PostgreSQL (required
// under CI; skipped with the reason elsewhere).
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { createPostgresDatabase, postgresUnavailable } from '../helpers/db.ts';

const reason = await postgresUnavailable();
if (reason && process.env.CI) throw new Error(`CI requires PostgreSQL: ${reason}`);
if (reason) console.warn(`[skip] migration race test skipped: ${reason}`);

describe.skipIf(reason)('concurrent migrations on PostgreSQL', () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it('four processes opening one empty database at once all succeed and apply each migration once', async () => {
    const created = await createPostgresDatabase();
    drops.push(created.drop);
    const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: created.url })));
    const failures = opened.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const dbs = opened.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>).value);
    try {
      const applied = await dbs[0]!.query<{ hash: string; n: number }>('SELECT hash, count(*)::int AS n FROM drizzle.__drizzle_migrations GROUP BY hash');
      expect(applied.length).toBeGreaterThan(0);
      expect(applied.every((r) => r.n === 1)).toBe(true);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
  });
});
