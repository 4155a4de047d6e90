// sync end to end on the real snapshot: counts equal the raw files, a second run changes nothing, revisions
// are kept, interrupted runs leave no half-written series and the next run completes them, problems are reported.
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import type { CatalogSeries } from '../../src/data/catalog/types.ts';
import { snapshotDocuments } from '../../src/data/bootstrap.ts';
import { runSync } from '../../src/data/sync.ts';
import type { Database } from '../../src/store/db.ts';
import { openDatabase } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { backends, freshPglite, repoRoot, snapshotRoot } from '../helpers/db.ts';

/** Observations a catalog entry should yield, counted straight from its raw file. */
function rawCount(entry: CatalogSeries, root = snapshotRoot): { n: number; last: { date: string; value: number } | null } {
  let text = readFileSync(path.join(root, entry.snapshot.file), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(',').map((h) => h.toLowerCase());
  const di = header.indexOf(entry.snapshot.dateColumn.toLowerCase());
  const vi = header.indexOf(entry.snapshot.valueColumn.toLowerCase());
  const narrow = header.length === 2 || entry.snapshot.ohlcv;
  // an event table read for one kind of row (RMP_PURCHASES: is_rmp = True)
  const where = entry.snapshot.where;
  const wi = where ? header.indexOf(where.column.toLowerCase()) : -1;
  const dates = new Set<string>();
  let last: { date: string; value: number } | null = null;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (where && (cells[wi] ?? '').trim() !== where.equals) continue;
    const raw = cells[di]!;
    // YYYY/M/D (CSI 300 export) and YYYYMMDD written as ISO, as the catalog's dateFormat says
    const date = entry.snapshot.dateFormat === 'slash' ? raw.split('/').map((p, i) => (i ? p.padStart(2, '0') : p)).join('-') : raw;
    const cell = (cells[vi] ?? '').trim();
    if (!narrow && cell === '') continue;
    if (entry.snapshot.missing?.includes(cell)) continue;
    dates.add(date);
    if (cell !== '' && (!last || date >= last.date)) last = { date, value: Number(cell) };
  }
  return { n: dates.size, last };
}

const subsetIds = ['WALCL', 'DGS10', 'RRPONTSYD', 'T10Y2Y', 'CPIAUCSL', 'AAPL', 'BRK.B', 'SPX', 'CSI300'];
const subset = () => catalog.filter((e) => subsetIds.includes(e.id));

describe('sync subset on each backend', async () => {
  for (const backend of await backends()) {
    describe.skipIf(backend.skip)(backend.name, () => {
      let db: Database;
      beforeAll(async () => {
        db = await backend.open();
      });
      afterAll(async () => {
        await db?.close();
        await backend.cleanup();
      });

      it('imports exactly the raw files, then a second run changes nothing', async () => {
        expect(subset().map((e) => e.id).sort()).toEqual([...subsetIds].sort());
        const first = await runSync(db, { mode: 'snapshot', catalog: subset(), companies, snapshotDir: snapshotRoot });
        expect(first.status).toBe('completed');
        expect(first.failures).toEqual([]);
        for (const e of subset()) {
          const expected = rawCount(e);
          const stored = await repo.getSeries(db, e.id);
          expect(stored?.observationCount, e.id).toBe(expected.n);
          const rows = await repo.readObservations(db, e.id);
          const lastWithValue = [...rows].reverse().find((r) => r.value !== null);
          expect(lastWithValue && { date: lastWithValue.date, value: lastWithValue.value }, e.id).toEqual(expected.last);
        }
        const second = await runSync(db, { mode: 'snapshot', catalog: subset(), companies, snapshotDir: snapshotRoot });
        expect(second).toMatchObject({ status: 'completed', rowsAdded: 0, rowsRevised: 0 });
        expect(second.rowsUnchanged).toBe(first.rowsAdded);
        const runs = await repo.listSyncRuns(db, 2);
        expect(runs.map((r) => r.status)).toEqual(['completed', 'completed']);
        expect(runs[1]!.rowsAdded).toBe(first.rowsAdded);
        expect(await repo.observationsPrimaryKeyExists(db)).toBe(true);
      });
    });
  }
});

describe('full snapshot import (PGlite)', () => {
  let db: Database;
  let report: Awaited<ReturnType<typeof runSync>>;
  beforeAll(async () => {
    db = await freshPglite();
    report = await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, documents: [snapshotDocuments(snapshotRoot)], fundamentals: true });
  }, 180_000);
  afterAll(async () => db?.close());

  it('loads every catalog series with the raw file counts', async () => {
    expect(report.status).toBe('completed');
    expect(report.failures).toEqual([]);
    const stored = new Map((await repo.listSeries(db)).map((s) => [s.id, s]));
    let total = 0;
    for (const e of catalog) {
      const n = rawCount(e).n;
      total += n;
      expect(stored.get(e.id)?.observationCount, e.id).toBe(n);
    }
    expect(report.rowsAdded).toBe(total);
    const counts = await repo.tableCounts(db);
    expect(counts.observations).toBe(total);
    expect(counts.companies).toBe(companies.length);
    expect(counts.documents).toBeGreaterThan(400);
    expect(counts.fundamentals).toBeGreaterThan(10_000);
  });

  it('stores fundamentals exactly as the statement files give them', async () => {
    const file = path.join(snapshotRoot, 'equities/financials/AAPL/income_annual.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = header!.indexOf('Total Revenue');
    const last = rows.filter((r) => r[col] !== '').at(-1)!;
    const got = await db.query<{ value: number }>(
      `SELECT value FROM fundamentals WHERE ticker = 'AAPL' AND statement = 'income' AND period = 'annual' AND item = 'Total Revenue' AND period_end = $1`,
      [last[0]],
    );
    expect(got[0]?.value).toBe(Number(last[col]));
  });

  it('a second full run adds and revises nothing', async () => {
    const again = await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, documents: [snapshotDocuments(snapshotRoot)], fundamentals: true });
    expect(again).toMatchObject({ status: 'completed', rowsAdded: 0, rowsRevised: 0, documentsAdded: 0, fundamentalsChanged: 0 });
  }, 120_000);
});

describe('revisions, problems and interruptions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fincite-snap-'));
    mkdirSync(path.join(dir, 'fred-snapshot'));
    for (const id of ['WALCL', 'DGS10', 'DGS2', 'DFF', 'SOFR', 'IORB']) cpSync(path.join(snapshotRoot, 'fred-snapshot', `${id}.csv`), path.join(dir, 'fred-snapshot', `${id}.csv`));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const entries = (ids: string[]) => catalog.filter((e) => ids.includes(e.id));

  it('keeps the old value when the publisher revises one', async () => {
    const db = await freshPglite();
    try {
      await runSync(db, { mode: 'snapshot', catalog: entries(['WALCL']), companies: [], snapshotDir: dir });
      const file = path.join(dir, 'fred-snapshot', 'WALCL.csv');
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const [date, old] = lines.at(-1)!.split(',');
      lines[lines.length - 1] = `${date},${Number(old) + 1}`;
      writeFileSync(file, lines.join('\n') + '\n');
      const r = await runSync(db, { mode: 'snapshot', catalog: entries(['WALCL']), companies: [], snapshotDir: dir });
      expect(r).toMatchObject({ rowsAdded: 0, rowsRevised: 1 });
      const revs = await db.query<{ old_value: number; new_value: number }>('SELECT old_value, new_value FROM observation_revisions');
      expect(revs).toEqual([{ old_value: Number(old), new_value: Number(old) + 1 }]);
      const [now] = await repo.readObservations(db, 'WALCL', date, date);
      expect(now?.value).toBe(Number(old) + 1);
    } finally {
      await db.close();
    }
  });

  it('reports unsorted and repeated dates and non-numeric values instead of hiding them, and refuses the damaged series', async () => {
    const file = path.join(dir, 'fred-snapshot', 'DGS2.csv');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const body = lines.slice(1);
    const [a, b] = [body.at(-1)!, body.at(-2)!];
    body[body.length - 2] = a; // swap the last two rows
    body[body.length - 1] = b;
    body.push(a); // and repeat one
    const [d3] = body[body.length - 5]!.split(',');
    body[body.length - 5] = `${d3},n/a`;
    writeFileSync(file, [lines[0], ...body].join('\n') + '\n');
    const db = await freshPglite();
    try {
      const r = await runSync(db, { mode: 'snapshot', catalog: entries(['DGS2']), companies: [], snapshotDir: dir });
      // an identical repeated row alone would be kept once; unsorted dates and a non-number refuse the series (test/data/damaged.test.ts)
      expect(r.problems.map((p) => p.kind).sort()).toEqual(['non_numeric_value', 'repeated_row', 'unsorted_dates']);
      const stored = await db.query<{ kind: string }>('SELECT kind FROM sync_problems ORDER BY kind');
      expect(stored.map((s) => s.kind)).toEqual(['non_numeric_value', 'repeated_row', 'unsorted_dates']);
      expect(r).toMatchObject({ status: 'failed', failures: [{ seriesId: 'DGS2', refused: true }] });
      expect(await repo.readObservations(db, 'DGS2', d3, d3)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('an aborted run leaves whole series only, and the next run completes it', async () => {
    const ids = ['WALCL', 'DGS10', 'DFF', 'SOFR', 'IORB'];
    const db = await freshPglite();
    try {
      const controller = new AbortController();
      const r = await runSync(db, {
        mode: 'snapshot',
        catalog: entries(ids),
        companies: [],
        snapshotDir: dir,
        signal: controller.signal,
        onProgress: (e) => {
          if (e.type === 'series' && e.done === 2) controller.abort();
        },
      });
      expect(r.status).toBe('interrupted');
      expect(r.seriesDone).toBe(2);
      const [run] = await repo.listSyncRuns(db, 1);
      expect(run?.status).toBe('interrupted');
      for (const e of entries(ids)) {
        const n = (await repo.getSeries(db, e.id))?.observationCount ?? 0;
        expect([0, rawCount(e, dir).n], e.id).toContain(n);
      }
      const again = await runSync(db, { mode: 'snapshot', catalog: entries(ids), companies: [], snapshotDir: dir });
      expect(again.status).toBe('completed');
      for (const e of entries(ids)) expect((await repo.getSeries(db, e.id))?.observationCount, e.id).toBe(rawCount(e, dir).n);
      expect(await repo.observationsPrimaryKeyExists(db)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('a sync process killed mid-run loses nothing: the next run completes every series', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'fincite-home-'));
    const env = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1', FINCITE_SNAPSHOT: snapshotRoot, DATABASE_URL: '' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    try {
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin/fincite.js'), 'sync', '--offline', snapshotRoot], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      // Kill it hard once it has stored some series (progress lines go to stderr when not a TTY).
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no progress seen: ${err}`)), 90_000);
        child.stderr.on('data', () => {
          if (/^\s+[1-9]\d*\/\d+ series$/m.test(err)) {
            clearTimeout(timer);
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      await new Promise((r) => child.once('exit', r));
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'bin/fincite.js'), 'sync', '--offline', snapshotRoot, '--json'], { env, maxBuffer: 64 << 20 });
      const report = JSON.parse(stdout) as { status: string; failures: unknown[] };
      expect(report.status).toBe('completed');
      expect(report.failures).toEqual([]);
      const db = await openDatabase({ dataDir: path.join(home, 'pgdata') });
      try {
        const stored = new Map((await repo.listSeries(db)).map((s) => [s.id, s.observationCount]));
        for (const e of catalog) expect(stored.get(e.id), e.id).toBe(rawCount(e).n);
        expect(await repo.observationsPrimaryKeyExists(db)).toBe(true);
        const runs = await repo.listSyncRuns(db, 5);
        expect(runs.at(-1)?.status).toBe('interrupted');
      } finally {
        await db.close();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 240_000);
});
