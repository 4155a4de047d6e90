// The signed-out quota of an embedded server: counted in memory (one owner process), written back in the
// background and on close, read again after a restart; a write never lowers a stored count; parallel takes get
// distinct counts.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLimits } from '../../src/server/limits.ts';
import { embeddedQuota } from '../../src/server/quota-embedded.ts';
import * as state from '../../src/store/app-state.ts';
import { freshPglite } from '../helpers/db.ts';

const DAY = '2026-12-02';

describe('embedded quota (PGlite, no Redis)', () => {
  it('counts in memory, stores on flush, and a new process continues from the stored count', async () => {
    const db = await freshPglite();
    try {
      const q = embeddedQuota(db);
      const counts = await Promise.all(Array.from({ length: 5 }, () => q.take('ip:a', DAY)));
      // parallel takes are atomic: each gets its own count
      expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
      await q.flush();
      expect(await state.usedQuota(db, 'ip:a', DAY)).toBe(5);
      await q.close();

      const restarted = embeddedQuota(db);
      expect(await restarted.used('ip:a', DAY)).toBe(5);
      expect(await restarted.take('ip:a', DAY)).toBe(6);
      expect(await restarted.take('ip:b', DAY)).toBe(1);
      await restarted.close();
      expect(await state.usedQuota(db, 'ip:a', DAY)).toBe(6);
      expect(await state.usedQuota(db, 'ip:b', DAY)).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('a write never lowers a count stored meanwhile, and writes happen without an explicit flush', async () => {
    const db = await freshPglite();
    try {
      const q = embeddedQuota(db);
      expect(await q.take('ip:c', DAY)).toBe(1);
      // something else stored a larger count (an older process's last write)
      await db.query('INSERT INTO ask_quota (key, day, count) VALUES ($1, $2, 9) ON CONFLICT (key, day) DO UPDATE SET count = 9', ['ip:c', DAY]);
      await new Promise((r) => setTimeout(r, 1300));
      expect(await state.usedQuota(db, 'ip:c', DAY)).toBe(9);
      await q.close();
    } finally {
      await db.close();
    }
  });

  it('createLimits uses it for an embedded database without Redis, not for none', async () => {
    const db = await freshPglite();
    const settings = { ...loadConfig({}).server };
    delete (settings as { redisUrl?: string }).redisUrl;
    try {
      const withDb = createLimits(settings, { db });
      expect(await withDb.takeQuota('ip:d', DAY)).toBe(1);
      expect(await withDb.usedQuota('ip:d', DAY)).toBe(1);
      await withDb.close();
      expect(await state.usedQuota(db, 'ip:d', DAY)).toBe(1);
      const without = createLimits(settings);
      expect(without.takeQuota('ip:d', DAY)).toBeNull();
      await without.close();
    } finally {
      await db.close();
    }
  });
});
