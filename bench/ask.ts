// Benchmark: answer latency over the evaluation question set — warm (in-process engine, after one pass)
// p50/p95, and cold (a new `fincite ask` process per question) — next to the time of only reading the series
// involved from the database in the same run. Prints the figures and writes bench/results/ask.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './snapshot-db.ts';
import { createEngine } from '../src/engine/index.ts';
import * as repo from '../src/store/repo.ts';
import { cases } from '../test/engine/questions/index.ts';

const { db, config, home } = await openBenchDatabase('fincite-bench-ask');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number) => Math.round(x * 100) / 100;

const questions = cases.map((c) => c.q);
const engine = createEngine({ db, today: '2026-11-24' });
// First pass warms the caches (series loaded once per process); it is also the "first ask in a process" figure.
const firstPass: number[] = [];
const involved = new Set<string>();
for (const q of questions) {
  const t = performance.now();
  const a = await engine.ask(q);
  firstPass.push(performance.now() - t);
  for (const s of a.sources) if (s.seriesId) involved.add(s.seriesId);
}
const warm: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of questions) {
    const t = performance.now();
    await engine.ask(q);
    warm.push(performance.now() - t);
  }
}
// Baseline: only reading the involved series from the database.
const readTimes: number[] = [];
for (const id of involved) {
  const t = performance.now();
  await repo.readValues(db, id);
  readTimes.push(performance.now() - t);
}
await db.close();

// Cold: a new process per question (module loading, database open, one answer).
const coldQs = questions.filter((_, i) => i % Math.ceil(questions.length / 8) === 0);
const cold: number[] = [];
const bin = path.join(config.repoRoot, 'bin/fincite.js');
const env = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1' };
for (const q of coldQs) {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [bin, 'ask', q, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch {
    // refusals exit 1; the time still counts
  }
  cold.push(performance.now() - t);
}
const coldBaseline: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  coldBaseline.push(performance.now() - t);
}

const result = {
  benchmark: 'ask',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  questions: questions.length,
  warm: { p50Ms: round(pct(warm, 50)), p95Ms: round(pct(warm, 95)), n: warm.length },
  firstAskInProcess: { p50Ms: round(pct(firstPass, 50)), p95Ms: round(pct(firstPass, 95)) },
  readInvolvedSeries: { series: involved.size, p50Ms: round(pct(readTimes, 50)), p95Ms: round(pct(readTimes, 95)), totalMs: round(readTimes.reduce((a, b) => a + b, 0)) },
  cold: { p50Ms: round(pct(cold, 50)), maxMs: round(Math.max(...cold)), n: cold.length },
  nodeStartupMs: round(Math.min(...coldBaseline)),
  ratios: { warmP50ToSeriesReadP50: round(pct(warm, 50) / pct(readTimes, 50)), coldP50ToNodeStartup: round(pct(cold, 50) / Math.min(...coldBaseline)) },
  targets: { warmP50Ms: 20, coldMs: 1500 },
};
console.log(`warm    p50 ${result.warm.p50Ms} ms, p95 ${result.warm.p95Ms} ms over ${warm.length} answers (target p50 < 20 ms)`);
console.log(`first   p50 ${result.firstAskInProcess.p50Ms} ms (first time each question's series is loaded in a process)`);
console.log(`read    p50 ${result.readInvolvedSeries.p50Ms} ms per involved series (${involved.size} series) — the in-run baseline`);
console.log(`cold    p50 ${result.cold.p50Ms} ms, max ${result.cold.maxMs} ms per new process (target < 1500 ms); bare node start ${result.nodeStartupMs} ms`);
mkdirSync(path.join(config.repoRoot, 'bench/results'), { recursive: true });
writeFileSync(path.join(config.repoRoot, 'bench/results/ask.json'), JSON.stringify(result, null, 2) + '\n');
