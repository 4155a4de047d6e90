// Benchmark: answer latency, warm and cold, as ratios to a bare `node -e ""` start measured in the same run.
// - warm: the in-process engine, per answer over the evaluation question set (after one pass that loads the series)
// - cold, no server: a new `fincite ask` process per question that opens the embedded database itself
// - cold, server running: a new `fincite ask` process per question beside a running `fincite serve` on the same
//   home; bin/fincite.js reads the lock and sends the question through the server's local-owner API with the small
//   client bundle (dist/cli-remote.js) — the target is within 6× the bare node start.
// The CLI bundles are rebuilt first when a source file is newer (else bin/fincite.js would compile with tsx).
// Prints the figures and writes bench/results/ask.json.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './snapshot-db.ts';
import { createEngine } from '../src/engine/index.ts';
import { cases } from '../test/engine/questions/index.ts';

const TARGET_RATIO = 6;

const { db, config, home } = await openBenchDatabase('fincite-bench-ask');
const root = config.repoRoot;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number) => Math.round(x * 1000) / 1000;

// ---- the bundles bin/fincite.js runs (fresh, or it falls back to tsx and the cold figures mean nothing) ----
function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return n;
}
const bundles = ['dist/cli.js', 'dist/cli-remote.js'].map((f) => path.join(root, f));
const stale = bundles.some((b) => !existsSync(b) || statSync(b).mtimeMs < newest(path.join(root, 'src')));
if (stale) {
  console.log('rebuilding the CLI bundles (a source file is newer) …');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.js'), '--cli'], { cwd: root, stdio: 'inherit' });
}

// ---- warm: the in-process engine ----
const questions = cases.map((c) => c.q);
// the engine as a server runs it (its answer cache on: a repeated question is a cache hit) and without the cache
const engine = createEngine({ db, today: '2026-11-24' });
const uncachedEngine = createEngine({ db, today: '2026-11-24', answerCache: 0 });
const firstPass: number[] = [];
for (const q of questions) {
  const t = performance.now();
  await engine.ask(q);
  firstPass.push(performance.now() - t);
}
const warm: number[] = [];
for (let r = 0; r < 3; r++) {
  for (const q of questions) {
    const t = performance.now();
    await engine.ask(q);
    warm.push(performance.now() - t);
  }
}
const warmUncached: number[] = [];
for (const q of questions) await uncachedEngine.ask(q);
for (let r = 0; r < 3; r++) {
  for (const q of questions) {
    const t = performance.now();
    await uncachedEngine.ask(q);
    warmUncached.push(performance.now() - t);
  }
}
await db.close(); // the cold runs open the home themselves, or a server does

// ---- cold: a new process per question, without and with a running server; node -e "" interleaved ----
const bin = path.join(root, 'bin/fincite.js');
const env: NodeJS.ProcessEnv = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1' };
delete env.DATABASE_URL;
const coldQs = questions.filter((_, i) => i % Math.ceil(questions.length / 12) === 0);
const nodeStart: number[] = [];
const failures: string[] = [];
const timeNode = () => {
  const t = performance.now();
  execFileSync(process.execPath, ['-e', '']);
  nodeStart.push(performance.now() - t);
};
const timeAsk = (q: string): number => {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [bin, 'ask', q, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (err) {
    // a refusal exits 1 (the time still counts); anything else is a failure of the run
    const e = err as { status?: number; stderr?: Buffer };
    if (e.status !== 1) failures.push(`exit ${e.status}: ${String(e.stderr ?? '').slice(0, 300)}`);
  }
  return performance.now() - t;
};

timeNode();
const coldNoServer: number[] = [];
for (const q of coldQs) {
  coldNoServer.push(timeAsk(q));
  timeNode();
}

const server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stderr.on('data', (d: Buffer) => (serverLog += d.toString('utf8')));
await new Promise<void>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    if (/listening on http/.test(out)) resolve();
  });
  server.once('exit', (code) => reject(new Error(`fincite serve exited ${code}: ${serverLog}`)));
});
const served = () => serverLog.split('\n').filter((l) => l.startsWith('local owner: ask')).length;
// the server's log is read between runs (execFileSync blocks this process's event loop while a run lasts)
const settle = async (n: number) => {
  for (let i = 0; i < 100 && served() < n; i++) await new Promise((r) => setTimeout(r, 20));
};
timeAsk(coldQs[0]!); // the server's first answer loads its caches: not a cold-process figure
await settle(1);
const servedBefore = served();
const coldServer: number[] = [];
for (const q of coldQs) {
  coldServer.push(timeAsk(q));
  timeNode();
}
await settle(servedBefore + coldServer.length);
const viaServer = served() - servedBefore;
// the server's own time per answer (its log line: "local owner: ask 200 <ms> ms"), to tell it from process start
const serverMs = serverLog.split('\n').filter((l) => l.startsWith('local owner: ask')).slice(servedBefore).map((l) => Number(/ (\d+) ms$/.exec(l)?.[1] ?? NaN));
server.kill('SIGTERM');
await new Promise<void>((resolve) => server.once('exit', () => resolve()));

if (failures.length) throw new Error(`${failures.length} cold runs failed; first: ${failures[0]}`);

// ---- results ----
const node50 = pct(nodeStart, 50);
const ratio = (ms: number) => round(ms / node50);
const result = {
  benchmark: 'ask',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  bundles: stale ? 'rebuilt for this run' : 'fresh',
  baseline: { nodeStartP50Ms: round(node50), nodeStartMinMs: round(Math.min(...nodeStart)), n: nodeStart.length },
  warm: { questions: questions.length, p50Ms: round(pct(warm, 50)), p95Ms: round(pct(warm, 95)), n: warm.length, firstAskP50Ms: round(pct(firstPass, 50)), note: 'repeated questions: answer-cache hits, as in a running server' },
  warmUncached: { p50Ms: round(pct(warmUncached, 50)), p95Ms: round(pct(warmUncached, 95)), n: warmUncached.length, note: 'answer cache off: each answer computed' },
  coldWithServer: { p50Ms: round(pct(coldServer, 50)), maxMs: round(Math.max(...coldServer)), n: coldServer.length, answeredByServer: viaServer, serverTimeP50Ms: pct(serverMs, 50) },
  coldWithoutServer: { p50Ms: round(pct(coldNoServer, 50)), maxMs: round(Math.max(...coldNoServer)), n: coldNoServer.length },
  ratios: {
    warmP50ToNodeStart: ratio(pct(warm, 50)),
    warmUncachedP50ToNodeStart: ratio(pct(warmUncached, 50)),
    coldWithServerP50ToNodeStart: ratio(pct(coldServer, 50)),
    coldWithoutServerP50ToNodeStart: ratio(pct(coldNoServer, 50)),
  },
  target: { coldToNodeStart: TARGET_RATIO },
  meetsTarget: {
    coldWithServer: ratio(pct(coldServer, 50)) <= TARGET_RATIO && viaServer === coldServer.length,
    coldWithoutServer: ratio(pct(coldNoServer, 50)) <= TARGET_RATIO,
  },
};
const yes = (b: boolean) => (b ? 'meets' : 'misses');
console.log(`node -e ""          p50 ${result.baseline.nodeStartP50Ms} ms (n ${nodeStart.length}) — the in-run baseline`);
console.log(`warm (cache hits)   p50 ${result.warm.p50Ms} ms, p95 ${result.warm.p95Ms} ms per answer (${warm.length} answers) = ${result.ratios.warmP50ToNodeStart}× node start; first ask of each question p50 ${result.warm.firstAskP50Ms} ms`);
console.log(`warm (no cache)     p50 ${result.warmUncached.p50Ms} ms, p95 ${result.warmUncached.p95Ms} ms per answer = ${result.ratios.warmUncachedP50ToNodeStart}× node start`);
console.log(`cold, server runs   p50 ${result.coldWithServer.p50Ms} ms, max ${result.coldWithServer.maxMs} ms (${viaServer}/${coldServer.length} answered by the server, its own time p50 ${result.coldWithServer.serverTimeP50Ms} ms) = ${result.ratios.coldWithServerP50ToNodeStart}× node start — ${yes(result.meetsTarget.coldWithServer)} the ${TARGET_RATIO}× target`);
console.log(`cold, no server     p50 ${result.coldWithoutServer.p50Ms} ms, max ${result.coldWithoutServer.maxMs} ms = ${result.ratios.coldWithoutServerP50ToNodeStart}× node start — ${yes(result.meetsTarget.coldWithoutServer)} the ${TARGET_RATIO}× target`);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/ask.json'), JSON.stringify(result, null, 2) + '\n');
