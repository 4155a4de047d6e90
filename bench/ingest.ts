// Benchmark: import the whole offline snapshot into a fresh database, next to the time to merely read and
// parse the same files in the same run (the floor). Prints the figures and writes bench/results/ingest.json.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { catalog, companies } from '../src/data/catalog/index.ts';
import { snapshotDocuments } from '../src/data/bootstrap.ts';
import { readFomcSnapshot } from '../src/data/fomc.ts';
import { SnapshotReader } from '../src/data/snapshot.ts';
import { runSync } from '../src/data/sync.ts';
import { openDatabase } from '../src/store/db.ts';
import * as repo from '../src/store/repo.ts';

const config = loadConfig();
if (!config.snapshotDir) throw new Error('no snapshot directory: set FINCITE_SNAPSHOT');
const snapshotDir: string = config.snapshotDir;

async function parseFloor(): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const reader = new SnapshotReader(snapshotDir);
  let rows = 0;
  for (const entry of catalog) rows += (await reader.readSeries(entry)).observations.length;
  for (const t of reader.fundamentalTickers()) rows += (await reader.readFundamentals(t)).rows.length;
  rows += (await readFomcSnapshot(snapshotDir)).documents.length;
  return { ms: performance.now() - t0, rows };
}

async function importOnce(): Promise<{ ms: number; observations: number; series: number; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fincite-bench-'));
  const t0 = performance.now();
  const db = await openDatabase({ dataDir: dir });
  const report = await runSync(db, {
    mode: 'snapshot',
    catalog,
    companies,
    snapshotDir,
    documents: [snapshotDocuments(snapshotDir)],
    fundamentals: true,
  });
  const counts = await repo.tableCounts(db);
  await db.close();
  const ms = performance.now() - t0;
  if (report.status !== 'completed') throw new Error(`import ${report.status}`);
  rmSync(dir, { recursive: true, force: true });
  return { ms, observations: counts.observations, series: counts.seriesWithData, dir };
}

const runs = Number(process.env.BENCH_RUNS ?? 2);
const floors: number[] = [];
const imports: number[] = [];
let floorRows = 0;
let observations = 0;
let series = 0;
for (let i = 0; i < runs; i++) {
  const f = await parseFloor();
  floors.push(f.ms);
  floorRows = f.rows;
  const imp = await importOnce();
  imports.push(imp.ms);
  observations = imp.observations;
  series = imp.series;
}
const floorMs = Math.min(...floors);
const importMs = Math.min(...imports);
const result = {
  benchmark: 'ingest',
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  runs,
  series,
  observations,
  parsedRows: floorRows,
  parseFloorMs: Math.round(floorMs),
  importMs: Math.round(importMs),
  rowsPerSecond: Math.round(observations / (importMs / 1000)),
  ratioToFloor: Number((importMs / floorMs).toFixed(2)),
  allParseMs: floors.map(Math.round),
  allImportMs: imports.map(Math.round),
  targets: { ratioToFloor: 3, importSeconds: 15 },
};
console.log(`parse floor  ${result.parseFloorMs} ms  (${floorRows} rows)`);
console.log(`import       ${result.importMs} ms  (${observations} observations in ${series} series, ${result.rowsPerSecond} rows/s, fresh PGlite data dir)`);
console.log(`ratio        ${result.ratioToFloor}x the parse floor (target ≤ 3x, < 15 s)`);
mkdirSync(path.join(config.repoRoot, 'bench/results'), { recursive: true });
writeFileSync(path.join(config.repoRoot, 'bench/results/ingest.json'), JSON.stringify(result, null, 2) + '\n');
