// Benchmark: import the whole offline snapshot into a fresh database, next to the time to merely read and
// parse the same files in the same run (the floor). Creating the database (PGlite's initdb and the migrations,
// once per installation) is timed separately; the import is everything the sync does after it. Prints the figures and writes bench/results/ingest.json.
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

async function parseFloor(): Promise<{ ms: number; rows: number; parts: Record<string, number> }> {
  const t0 = performance.now();
  const reader = new SnapshotReader(snapshotDir);
  let rows = 0;
  for (const entry of catalog) rows += (await reader.readSeries(entry)).observations.length;
  const t1 = performance.now();
  for (const t of reader.fundamentalTickers()) rows += (await reader.readFundamentals(t)).rows.length;
  const t2 = performance.now();
  rows += (await readFomcSnapshot(snapshotDir)).documents.length;
  const t3 = performance.now();
  return { ms: t3 - t0, rows, parts: { series: t1 - t0, fundamentals: t2 - t1, documents: t3 - t2 } };
}

async function importOnce(): Promise<{ ms: number; createMs: number; observations: number; series: number; dir: string; phases: Record<string, number> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fincite-bench-'));
  const tc = performance.now();
  const db = await openDatabase({ dataDir: dir });
  const createMs = performance.now() - tc;
  const t0 = performance.now();
  // where the import's time goes: the series (read, parse, COPY), documents, fundamentals, the key rebuild
  const phases: Record<string, number> = {};
  let phase = 'setup';
  let since = t0;
  const enter = (next: string) => {
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + now - since;
    phase = next;
    since = now;
  };
  const report = await runSync(db, {
    mode: 'snapshot',
    catalog,
    companies,
    snapshotDir,
    documents: [snapshotDocuments(snapshotDir)],
    fundamentals: true,
    onProgress: (e) => {
      if (e.type === 'start') enter('series');
      if (e.type === 'phase') enter(e.phase);
    },
  });
  enter('end');
  const counts = await repo.tableCounts(db);
  await db.close();
  const ms = performance.now() - t0;
  if (report.status !== 'completed') throw new Error(`import ${report.status}`);
  rmSync(dir, { recursive: true, force: true });
  return { ms, createMs, observations: counts.observations, series: counts.seriesWithData, dir, phases };
}

const runs = Number(process.env.BENCH_RUNS ?? 2);
const floors: number[] = [];
const imports: number[] = [];
const creates: number[] = [];
let floorRows = 0;
let observations = 0;
let series = 0;
let floorParts: Record<string, number> = {};
let importPhases: Record<string, number> = {};
for (let i = 0; i < runs; i++) {
  const f = await parseFloor();
  if (f.ms <= Math.min(...floors)) floorParts = f.parts;
  floors.push(f.ms);
  floorRows = f.rows;
  const imp = await importOnce();
  if (imp.ms <= Math.min(...imports)) importPhases = imp.phases;
  imports.push(imp.ms);
  creates.push(imp.createMs);
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
  createDatabaseMs: Math.round(Math.min(...creates)),
  totalFreshMs: Math.round(importMs + Math.min(...creates)),
  rowsPerSecond: Math.round(observations / (importMs / 1000)),
  ratioToFloor: Number((importMs / floorMs).toFixed(2)),
  parseFloorPartsMs: Object.fromEntries(Object.entries(floorParts).map(([k, v]) => [k, Math.round(v)])),
  importPhasesMs: Object.fromEntries(Object.entries(importPhases).map(([k, v]) => [k, Math.round(v)])),
  allParseMs: floors.map(Math.round),
  allImportMs: imports.map(Math.round),
  targets: { ratioToFloor: 3, importSeconds: 15 },
};
console.log(`parse floor  ${result.parseFloorMs} ms  (${floorRows} rows)`);
console.log(`import       ${result.importMs} ms  (${observations} observations in ${series} series, ${result.rowsPerSecond} rows/s, fresh PGlite data dir)`);
console.log(`  phases     ${Object.entries(result.importPhasesMs).map(([k, v]) => `${k} ${v} ms`).join(', ')} (series = read + parse + COPY; index = the primary-key rebuild)`);
console.log(`  floor      ${Object.entries(result.parseFloorPartsMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
console.log(`create db    ${result.createDatabaseMs} ms  (PGlite initdb + migrations in a new data directory, once per installation)`);
console.log(`ratio        ${result.ratioToFloor}x the parse floor; fresh total ${(result.totalFreshMs / 1000).toFixed(1)} s (targets ≤ 3x, < 15 s)`);
mkdirSync(path.join(config.repoRoot, 'bench/results'), { recursive: true });
writeFileSync(path.join(config.repoRoot, 'bench/results/ingest.json'), JSON.stringify(result, null, 2) + '\n');
