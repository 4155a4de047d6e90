// The signed-out daily quota of an embedded server (PGlite, no Redis), kept off the answer's critical path: the
// data directory has one owner process (fincite.lock), so this process's count is the count. Each key's count is
// read from the database once (a restart continues where the last process stopped), counted in memory (atomic:
// the increment follows the read in one turn of the event loop), and written back in the background — within
// FLUSH_MS, and on close — as the larger of the stored and the counted value, so a write never lowers a count.
import * as state from '../store/app-state.ts';
import type { Database } from '../store/db.ts';

/** How soon a counted question reaches the database. */
const FLUSH_MS = 1000;
/** Keys kept in memory; beyond it, written and forgotten (they are read again from the database when next used). */
const MAX_KEYS = 50_000;

interface Entry {
  key: string;
  day: string;
  count: number;
  ready: Promise<void>;
}

export interface EmbeddedQuota {
  take(key: string, day: string): Promise<number>;
  used(key: string, day: string): Promise<number>;
  /** Write every count not yet stored. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function embeddedQuota(db: Database): EmbeddedQuota {
  const entries = new Map<string, Entry>();
  const dirty = new Set<Entry>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const entry = (key: string, day: string): Entry => {
    const id = `${day}\u0000${key}`;
    let e = entries.get(id);
    if (!e) {
      const created: Entry = { key, day, count: 0, ready: Promise.resolve() };
      created.ready = state.usedQuota(db, key, day).then((n) => {
        created.count += n;
      });
      // a failed read is not cached: the next request reads again
      created.ready.catch(() => entries.delete(id));
      entries.set(id, created);
      e = created;
    }
    return e;
  };

  const write = async (): Promise<void> => {
    const batch = [...dirty];
    dirty.clear();
    for (const e of batch) {
      try {
        await db.query(
          `INSERT INTO ask_quota (key, day, count) VALUES ($1, $2, $3)
             ON CONFLICT (key, day) DO UPDATE SET count = GREATEST(ask_quota.count, EXCLUDED.count)`,
          [e.key, e.day, e.count],
        );
      } catch {
        dirty.add(e); // kept for the next write
      }
    }
    // forget other days, and clean entries beyond the bound
    const today = new Date().toISOString().slice(0, 10);
    for (const [id, e] of entries) {
      if (!dirty.has(e) && (e.day !== today || entries.size > MAX_KEYS)) entries.delete(id);
    }
  };

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    writing = writing.then(write, write);
    return writing;
  };

  return {
    async take(key, day) {
      const e = entry(key, day);
      await e.ready;
      e.count += 1;
      dirty.add(e);
      if (!timer) {
        timer = setTimeout(() => void flush(), FLUSH_MS);
        timer.unref();
      }
      return e.count;
    },
    async used(key, day) {
      const e = entry(key, day);
      await e.ready;
      return e.count;
    },
    flush,
    close: flush,
  };
}
