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

  it('exclusive(name) holds across handles: the second waits until the first is done; other names do not wait', async () => {
    const created = await createPostgresDatabase();
    drops.push(created.drop);
    const [a, b] = await Promise.all([openDatabase({ databaseUrl: created.url }), openDatabase({ databaseUrl: created.url })]);
    try {
      const events: string[] = [];
      let releaseA!: () => void;
      const aHolds = new Promise<void>((r) => (releaseA = r));
      let aEntered!: () => void;
      const entered = new Promise<void>((r) => (aEntered = r));
      const first = a.exclusive('sync', async () => {
        events.push('a:start');
        aEntered();
        await aHolds;
        events.push('a:end');
      });
      await entered;
      const second = b.exclusive('sync', async () => {
        events.push('b:start');
      });
      // a different name is not blocked by the held one
      await b.exclusive('other', async () => {
        events.push('other');
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(events).toEqual(['a:start', 'other']);
      releaseA();
      await Promise.all([first, second]);
      expect(events).toEqual(['a:start', 'other', 'a:end', 'b:start']);
      // a failing holder releases the lock
      await expect(a.exclusive('sync', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await expect(b.exclusive('sync', async () => 'ok')).resolves.toBe('ok');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
