// Benchmark: HTTP throughput of `fincite serve` under autocannon (50 connections): POST /api/ask on the
// deterministic engine and GET /api/series/{id}, next to the trivial GET /livez on the same server in the same
// run (the baseline). Reports req/s, p50/p99 latency, errors and non-2xx (must be 0), and the server's memory
// before and after. The server runs in its own process. Writes bench/results/serve.json.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;

const child: ChildProcess = fork(path.join(here, 'serve-child.ts'), [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = <T>(msg: string, key: string): Promise<T> =>
  new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off('message', on);
        resolve(m[key] as T);
      }
    };
    child.on('message', on);
    if (msg) child.send(msg);
  });
const url = await ask<string>('', 'url');
type Mem = { rssMB: number; heapUsedMB: number };

// Questions the deterministic engine answers from the data (rotated so no single answer is the only path hit).
const QUESTIONS = ['10年期美债收益率最新是多少?', 'What is the latest Fed balance sheet size?', '2022年6月以来美联储持有的MBS减少了多少?', 'How much did CPI rise over the last year?'];

interface Run {
  route: string;
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function load(route: string, opts: Partial<autocannon.Options>): Promise<Run> {
  const r = await autocannon({ url: url + route, connections: CONNECTIONS, duration: DURATION, ...opts });
  return { route: `${opts.method ?? 'GET'} ${route}`, reqPerSec: Math.round(r.requests.average), p50ms: r.latency.p50, p99ms: r.latency.p99, requests: r.requests.total, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

// warm-up: the first answers load the series into the engine's cache
for (const q of QUESTIONS) await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) });
await fetch(`${url}/api/series/DGS10?from=2025-01-01`);
const memBefore = await ask<Mem>('gc-mem', 'mem');

const runs: Run[] = [];
runs.push(await load('/livez', {}));
runs.push(
  await load('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: QUESTIONS.map((q) => ({ method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) })),
  }),
);
runs.push(await load('/api/series/DGS10?from=2025-01-01', {}));
const memAfterLoad = await ask<Mem>('mem', 'mem');
const memAfterGc = await ask<Mem>('gc-mem', 'mem');
child.send('stop');

const base = runs[0]!.reqPerSec;
console.log(`\nbench:serve — ${CONNECTIONS} connections, ${DURATION} s per route, server in its own process (${cpus().length} cores)`);
console.log('route                                  req/s    vs /livez   p50 ms   p99 ms   errors  non-2xx');
for (const r of runs) {
  console.log(`${r.route.padEnd(38)} ${String(r.reqPerSec).padStart(7)}   ${(r.reqPerSec / base).toFixed(3).padStart(8)}x  ${String(r.p50ms).padStart(7)}  ${String(r.p99ms).padStart(7)}  ${String(r.errors).padStart(7)}  ${String(r.non2xx).padStart(7)}`);
}
console.log(`server memory: before ${memBefore.rssMB} MB RSS (heap ${memBefore.heapUsedMB} MB); after load ${memAfterLoad.rssMB} MB (heap ${memAfterLoad.heapUsedMB} MB); after GC ${memAfterGc.rssMB} MB (heap ${memAfterGc.heapUsedMB} MB)`);

const failed = runs.filter((r) => r.errors > 0 || r.non2xx > 0);
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(here, 'results', 'serve.json'),
  JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, connections: CONNECTIONS, durationSeconds: DURATION, runs: runs.map((r) => ({ ...r, vsBaseline: Math.round((r.reqPerSec / base) * 1000) / 1000 })), memory: { before: memBefore, afterLoad: memAfterLoad, afterGc: memAfterGc } }, null, 2) + '\n',
);
if (failed.length) {
  console.error(`errors under load: ${failed.map((r) => r.route).join(', ')}`);
  process.exit(1);
}
