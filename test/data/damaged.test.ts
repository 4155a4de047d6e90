// Damaged input is refused, not stored: copies of a few snapshot files (in a temp dir, never the repo) are
// damaged one way at a time — a line cut mid-number, non-numeric values, a shuffled file, an empty file, a
// wrong header, duplicates, an implausible jump — and each sync must leave the stored rows exactly as they were,
// finish the other series and report status 'partial' with where and what was wrong. A plausible changed value
// is stored as a revision (both retrieval times kept) and reported. One CLI run exits non-zero with the list.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { cutLastLine, implausibleMove, parseValue, ScaleAccumulator } from '../../src/data/quality.ts';
import { SnapshotReader } from '../../src/data/snapshot.ts';
import { runSync, type SyncReport } from '../../src/data/sync.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, repoRoot, snapshotRoot } from '../helpers/db.ts';

const FILES = ['fred-snapshot/DGS10.csv', 'fred-snapshot/WALCL.csv', 'treasury/mspd.csv', 'equities/daily/CRCL.csv'];
const entries = catalog.filter((e) => FILES.includes(e.snapshot.file));
const pristine = new Map(FILES.map((f) => [f, readFileSync(path.join(snapshotRoot, f), 'utf8')]));

describe('damaged snapshot files', () => {
  let dir: string;
  let db: Database;
  let before: string;

  const dump = async () => JSON.stringify(await db.query('SELECT series_id, date::text, value, open, high, low, volume, retrieved_at FROM observations ORDER BY series_id, date'));
  const sync = () => runSync(db, { mode: 'snapshot', catalog: entries, companies: [], snapshotDir: dir });
  /** Write a damaged copy of `file`, sync, restore it; the stored rows must be unchanged. */
  const damaged = async (file: string, damage: (text: string) => string): Promise<SyncReport> => {
    writeFileSync(path.join(dir, file), damage(pristine.get(file)!));
    try {
      const r = await sync();
      expect(await dump()).toBe(before);
      return r;
    } finally {
      writeFileSync(path.join(dir, file), pristine.get(file)!);
    }
  };
  const failure = (r: SyncReport, id: string) => r.failures.find((f) => f.seriesId === id);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fincite-damaged-'));
    for (const f of FILES) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      cpSync(path.join(snapshotRoot, f), path.join(dir, f));
    }
    db = await freshPglite();
    const first = await sync();
    expect(first).toMatchObject({ status: 'completed', failures: [] });
    before = await dump();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a line cut mid-number at the end of the file (DGS10 1994-02-01 "5.77" → "5") is refused', async () => {
    const r = await damaged('fred-snapshot/DGS10.csv', (t) => t.slice(0, t.indexOf('1994-02-01,5.77') + '1994-02-01,5'.length));
    expect(r.status).toBe('partial');
    expect(r.seriesDone).toBe(entries.length - 1);
    expect(failure(r, 'DGS10')).toMatchObject({ refused: true });
    expect(failure(r, 'DGS10')!.error).toMatch(/fred-snapshot\/DGS10\.csv, line 8002, column DGS10: the file ends without a line break .*"1994-02-01,5".*cut off/);
    // a wide file cut mid-row: every series of the file is refused, the others are stored
    const wide = await damaged('treasury/mspd.csv', (t) => t.trimEnd().slice(0, -30));
    expect(wide.failures.map((f) => f.seriesId).sort()).toEqual(entries.filter((e) => e.snapshot.file === 'treasury/mspd.csv').map((e) => e.id).sort());
    expect(wide.problems.find((p) => p.kind === 'truncated_file')).toMatchObject({ file: 'treasury/mspd.csv', line: 308 });
  });

  it('non-numeric values are refused, never stored as null: a whole column, one cell, a number cut after its point', async () => {
    const bills = await damaged('treasury/mspd.csv', (t) =>
      t
        .split('\n')
        .map((l, i) => (i === 0 || l === '' ? l : l.replace(/^([^,]*),[^,]*,/, '$1,n/a,')))
        .join('\n'),
    );
    expect(bills.status).toBe('partial');
    expect(bills.failures.map((f) => f.seriesId)).toEqual(['MSPD_BILLS']);
    expect(bills.failures[0]!.error).toMatch(/treasury\/mspd\.csv, line 2, column BILLS: value "n\/a" on 2001-01-31 is not a number \(and \d+ more problems\)/);
    // capped: a column of bad values is a few findings and a count, not one line per row
    expect(bills.problems.filter((p) => p.seriesId === 'MSPD_BILLS').length).toBeLessThanOrEqual(6);
    for (const bad of ['5.77x', '5.', '0x1A']) {
      const r = await damaged('fred-snapshot/DGS10.csv', (t) => t.replace('1994-02-01,5.77', `1994-02-01,${bad}`));
      expect(failure(r, 'DGS10')!.error, bad).toContain(`line 8002, column DGS10: value "${bad}" on 1994-02-01 is not a number`);
    }
  });

  it('a shuffled file, a repeated date with another value and an impossible date are refused', async () => {
    const shuffled = await damaged('fred-snapshot/WALCL.csv', (t) => {
      const [head, ...rows] = t.trimEnd().split('\n');
      // a deterministic shuffle: interleave the two halves
      const half = Math.ceil(rows.length / 2);
      const mixed = rows.slice(half).flatMap((r, i) => [r, rows[i]!]);
      if (rows.length % 2) mixed.push(rows[half - 1]!);
      return [head, ...mixed].join('\n') + '\n';
    });
    expect(failure(shuffled, 'WALCL')!.error).toMatch(/WALCL\.csv, line 3, column WALCL: dates are not in ascending order/);
    const dup = await damaged('fred-snapshot/DGS10.csv', (t) => t.replace(/1994-02-01,5\.77(\r?\n)/, '1994-02-01,5.77$11994-02-01,5.78$1'));
    expect(failure(dup, 'DGS10')!.error).toMatch(/line 8002, column DGS10: date 1994-02-01 appears 2 times with different values/);
    const date = await damaged('equities/daily/CRCL.csv', (t) => t.replace('2025-06-06,', '2025-06-31,'));
    expect(failure(date, 'CRCL')!.error).toMatch(/CRCL\.csv, line 3, column date: "2025-06-31" is not a date/);
  });

  it('an empty file and a header without rows are refused', async () => {
    const empty = await damaged('equities/daily/CRCL.csv', () => '');
    expect(failure(empty, 'CRCL')!.error).toMatch(/CRCL\.csv, line 1: the file is empty \(0 bytes\)/);
    const headerOnly = await damaged('fred-snapshot/WALCL.csv', () => 'observation_date,WALCL\n');
    expect(failure(headerOnly, 'WALCL')!.error).toMatch(/no rows for WALCL/);
  });

  it('a wrong or changed header is refused: another series, a renamed column, a missing header, an extra field', async () => {
    const other = await damaged('fred-snapshot/DGS10.csv', (t) => t.replace('observation_date,DGS10', 'observation_date,DGS2'));
    expect(failure(other, 'DGS10')!.error).toMatch(/line 1, column DGS10: expected the header "observation_date,DGS10", found "observation_date,DGS2"/);
    const missing = await damaged('fred-snapshot/DGS10.csv', (t) => t.slice(t.indexOf('\n') + 1));
    expect(failure(missing, 'DGS10')!.error).toMatch(/the header is missing/);
    const renamed = await damaged('equities/daily/CRCL.csv', (t) => t.replace('date,open,high,low,close,', 'date,open,high,low,price,'));
    expect(failure(renamed, 'CRCL')!.error).toMatch(/CRCL\.csv, line 1, column close: column "close" not found/);
    const extra = await damaged('treasury/mspd.csv', (t) => t.replace('\n2001-02-28,', '\n2001-02-28,1,'));
    expect(extra.failures.length).toBe(8);
    expect(extra.failures[0]!.error).toMatch(/mspd\.csv, line 3: 10 fields where the header has 9/);
  });

  it('an implausible jump against the stored series is refused; a plausible change is a revision, kept with both retrieval times and reported', async () => {
    const lines = pristine.get('fred-snapshot/DGS10.csv')!.trimEnd().split(/\r?\n/);
    let last = lines.length - 1;
    while (lines[last]!.endsWith(',')) last--; // the last day with a value
    const [date, raw] = lines[last]!.split(',') as [string, string];
    const at = (value: string) => lines.map((l, i) => (i === last ? `${date},${value}` : l)).join('\n') + '\n';
    const jump = await damaged('fred-snapshot/DGS10.csv', () => at(String(Math.round(Number(raw) * 100))));
    expect(failure(jump, 'DGS10')!.error).toMatch(new RegExp(`DGS10\\.csv, line ${last + 1}, column DGS10: the stored value on ${date} would change from ${raw} to ${Math.round(Number(raw) * 100)}: a move of .* more than 10× the largest move in the stored history`));

    // a plausible revision is stored (not a failure) and reported
    const revised = (Number(raw) + 0.05).toFixed(2);
    writeFileSync(path.join(dir, 'fred-snapshot/DGS10.csv'), at(revised));
    const r = await sync();
    expect(r).toMatchObject({ status: 'completed', failures: [], rowsRevised: 1, rowsAdded: 0 });
    const rev = r.problems.find((p) => p.kind === 'revision');
    expect(rev?.detail).toMatch(new RegExp(`^${date}: ${raw} → ${revised} \\(stored value retrieved \\S+, new value retrieved \\S+; the old value is kept as a revision\\)$`));
    const [kept] = await db.query<{ old_value: number; new_value: number; old_retrieved_at: Date; revised_at: Date }>('SELECT old_value, new_value, old_retrieved_at, revised_at FROM observation_revisions');
    expect(kept).toMatchObject({ old_value: Number(raw), new_value: Number(revised) });
    expect(new Date(kept!.revised_at).getTime()).toBeGreaterThan(new Date(kept!.old_retrieved_at).getTime());
    writeFileSync(path.join(dir, 'fred-snapshot/DGS10.csv'), pristine.get('fred-snapshot/DGS10.csv')!);
  });

  it('`fincite sync --offline` exits non-zero and lists what it refused', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'fincite-home-'));
    writeFileSync(path.join(dir, 'fred-snapshot/DGS10.csv'), pristine.get('fred-snapshot/DGS10.csv')!.replace('1994-02-01,5.77', '1994-02-01,5.7.7'));
    try {
      const env: Record<string, string | undefined> = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1', FINCITE_SNAPSHOT: dir };
      delete env.DATABASE_URL;
      const run = promisify(execFile)(process.execPath, [path.join(repoRoot, 'bin/fincite.js'), '--lang', 'en', 'sync', '--offline', dir, '--series', 'DGS10', 'WALCL', 'CRCL'], { env, maxBuffer: 16 << 20 });
      const err = (await run.then(() => null, (e: unknown) => e)) as { code?: number; stdout?: string } | null;
      expect(err, 'the sync must exit non-zero').not.toBeNull();
      expect(err!.code).toBe(3);
      expect(err!.stdout).toMatch(/partial, 2\/3 series/);
      expect(err!.stdout).toMatch(/failed DGS10: damaged input refused, stored values kept — fred-snapshot\/DGS10\.csv, line 8002, column DGS10: value "5\.7\.7" on 1994-02-01 is not a number/);
    } finally {
      writeFileSync(path.join(dir, 'fred-snapshot/DGS10.csv'), pristine.get('fred-snapshot/DGS10.csv')!);
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('damaged company statements', () => {
  it('a non-numeric cell refuses the company\'s fundamentals and keeps the stored ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fincite-damaged-fund-'));
    const db = await freshPglite();
    try {
      cpSync(path.join(snapshotRoot, 'equities/financials/CRCL'), path.join(dir, 'equities/financials/CRCL'), { recursive: true });
      const crcl = companies.filter((c) => c.ticker === 'CRCL');
      const sync = () => runSync(db, { mode: 'snapshot', catalog: [], companies: crcl, snapshotDir: dir, fundamentals: true });
      expect(await sync()).toMatchObject({ status: 'completed', failures: [] });
      const stored = async () => JSON.stringify(await db.query("SELECT * FROM fundamentals WHERE ticker = 'CRCL' ORDER BY statement, period, period_end, item"));
      const before = await stored();
      expect(before.length).toBeGreaterThan(100);
      const file = path.join(dir, 'equities/financials/CRCL/income_annual.csv');
      writeFileSync(file, readFileSync(file, 'utf8').replace('6038000.0', '6038000.0abc'));
      const r = await sync();
      expect(r.failures).toEqual([{ seriesId: 'fundamentals:CRCL', refused: true, error: expect.stringMatching(/income_annual\.csv, line 2, column .+: value "6038000\.0abc" on 2021-12-31 is not a number/) }]);
      expect(await stored()).toBe(before);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the checks themselves', () => {
  it('numbers are parsed whole: no prefix parsing, no hex, no number cut after its point', () => {
    const problems: Parameters<typeof parseValue>[3] = [];
    const read = (raw: string) => parseValue(raw, '2024-01-02', 'X', problems);
    expect([read('5.77'), read('-0.5'), read('.5'), read('1e-3'), read(''), read('.')]).toEqual([5.77, -0.5, 0.5, 0.001, null, null]);
    expect([read('5.77x'), read('5.'), read('0x1A'), read(' 5'), read('Infinity'), read('1,5')]).toEqual([null, null, null, null, null, null]);
    expect(problems.map((p) => p.kind)).toEqual(Array(6).fill('non_numeric_value'));
  });

  it('a last line is cut when it is shorter in shape than the line before', () => {
    expect(cutLastLine(['1994-01-31', '5.68'], ['1994-02-01', '5'], 2)).toMatch(/0 decimals where the line before has 2/);
    expect(cutLastLine(['1994-01-31', '5.68'], ['1994-02-01', '5.7'], 2)).toMatch(/1 decimals/);
    expect(cutLastLine(['1994-01-31', '5.68'], ['1994-02-0'], 2)).toMatch(/1 of the header's 2 fields/);
    expect(cutLastLine(['1994-01-31', '5.68'], ['1994-02-01', '5.77'], 2)).toBeNull();
  });

  it('the jump rule, replayed over the whole snapshot value by value, flags only the 4 known points', async () => {
    const reader = new SnapshotReader(snapshotRoot);
    const flagged: string[] = [];
    let judged = 0;
    for (const e of catalog) {
      const batch = await reader.readSeries(e);
      expect(batch.problems, e.id).toEqual([]);
      const acc = new ScaleAccumulator();
      let prev: number | null = null;
      for (const o of batch.observations) {
        if (o.value === null) continue;
        if (prev !== null) {
          judged++;
          if (implausibleMove(prev, o.value, acc.scale())) flagged.push(`${e.id} ${o.date}`);
        }
        acc.add(o.value);
        prev = o.value;
      }
    }
    expect(judged).toBeGreaterThan(800_000);
    expect(flagged.sort()).toEqual(['CBOE_VXHY 2017-10-30', 'ICSA 2020-03-21', 'SRFUSAGE 2024-09-30', 'UNEMPLOY 2020-04-01']);
  }, 30_000);
});
