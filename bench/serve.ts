// Benchmark: HTTP throughput of `fincite serve` (50 connections), next to the trivial GET /livez of the same servers
// in the same run (the baseline). The timed runs use wrk (bench/wrk.ts: C, its own process, 1 thread, leaving the
// servers the cores) when /usr/bin/wrk exists, else autocannon (in this process: on 2 cores it takes one, and it is
// then the limit for large bodies); BENCH_CLIENT=wrk|autocannon chooses. The cold pass (a fixed number of requests,
// each question once) always uses autocannon: at a few hundred req/s the client is not the bound.
//   - POST /api/ask over ~1,000 distinct questions generated from the catalog (bench/serve-questions.ts): the cold
//     pass asks each once (nothing cached for it: the engine computes every answer), then a timed warm run rotates
//     over the same questions (the engine's answer cache serves repeats; see ARCHITECTURE "Read caches");
//   - GET /api/series/DGS10, the full history of a daily series (~16k observations), plain and gzip as browsers
//     ask, and a one-year range;
// for one process on the embedded PGlite database, and for one and two processes on PostgreSQL + Redis behind a
// balancer: nginx with deploy/nginx.conf's proxy settings when /usr/sbin/nginx exists (BENCH_BALANCER=nginx|node),
// else bench/lb.ts's round-robin TCP proxy in its own process (its cost: /livez through it next to /livez direct).
// Reports req/s, p50/p99 latency, errors and non-2xx (any makes the exit code non-zero), the declined share of
// the questions, 2-vs-1 ratios and the servers' memory. Writes bench/results/serve.json.
// BENCH_DURATION (s per timed run, default 10); BENCH_SKIP_PG=1 runs the PGlite part only.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { nginxAvailable, startNginx } from './lb.ts';
import { benchQuestions } from './serve-questions.ts';
import { benchPostgresUrl, loadBenchPostgres } from './snapshot-pg.ts';
import { runWrk, WRK, wrkAvailable, type WrkOptions } from './wrk.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const QUESTIONS = benchQuestions();
const SERIES = '/api/series/DGS10';
/** What browsers send: the server picks br, else gzip. */
const BROWSER_ENCODING = { 'accept-encoding': 'gzip, deflate, br' };
const CLIENT: 'wrk' | 'autocannon' = (process.env.BENCH_CLIENT as 'wrk' | 'autocannon' | undefined) ?? (wrkAvailable() ? 'wrk' : 'autocannon');
if (CLIENT !== 'wrk' && CLIENT !== 'autocannon') throw new Error(`BENCH_CLIENT must be wrk or autocannon, not ${String(CLIENT)}`);
if (CLIENT === 'wrk' && !wrkAvailable()) throw new Error(`BENCH_CLIENT=wrk but ${WRK} does not exist`);
const BALANCER: 'nginx' | 'node' = (process.env.BENCH_BALANCER as 'nginx' | 'node' | undefined) ?? (nginxAvailable() ? 'nginx' : 'node');
if (BALANCER !== 'nginx' && BALANCER !== 'node') throw new Error(`BENCH_BALANCER must be nginx or node, not ${String(BALANCER)}`);
console.log(`bench:serve: load generator ${CLIENT === 'wrk' ? `wrk (${WRK}, 1 thread)` : 'autocannon (in-process)'} for the timed runs, autocannon for the cold pass; balancer ${BALANCER === 'nginx' ? 'nginx' : 'bench/lb.ts (Node TCP proxy)'}`);

type Mem = { rssMB: number; heapUsedMB: number };

interface Server {
  url: string;
  pid: number;
  request<T>(msg: string, key: string): Promise<T>;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = fork(path.join(here, 'serve-child.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const request = <T>(msg: string, key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const on = (m: Record<string, unknown>) => {
        if (key in m) {
          child.off('message', on);
          child.off('exit', onExit);
          resolve(m[key] as T);
        }
      };
      const onExit = (code: number | null) => reject(new Error(`bench server exited (${code}) before answering ${key}`));
      child.on('message', on);
      child.once('exit', onExit);
      if (msg) child.send(msg);
    });
  const url = await request<string>('', 'url');
  return {
    url,
    pid: child.pid!,
    request,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

interface Run {
  route: string;
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Mean response body size (bytes on the wire). */
  bytesPerResponse: number;
  /** CPU used during the run, in % of one core: each server, the balancer, the whole machine (of 100 × cores). */
  cpu?: { serversPct: number[]; balancerPct: number | null; machinePct: number };
}

/** Processes whose CPU time each timed run reports (set per scenario). */
const watched: { servers: number[]; balancer: () => number[] } = { servers: [], balancer: () => [] };
const CLK_TCK = 100; // Linux USER_HZ
const cpuTicks = (pid: number): number => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return 0;
  }
};
const machineTicks = (): { busy: number } => {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { busy: f.reduce((a, b) => a + b, 0) - f[3]! - f[4]! }; // all but idle and iowait
};
async function withCpu(run: () => Promise<Run>): Promise<Run> {
  if (!existsSync('/proc/stat')) return run();
  const lbPids = watched.balancer();
  const before = { servers: watched.servers.map(cpuTicks), lb: lbPids.map(cpuTicks), machine: machineTicks(), t: performance.now() };
  const r = await run();
  const secs = (performance.now() - before.t) / 1000;
  const pct = (ticks: number) => Math.round((ticks / CLK_TCK / secs) * 100);
  return {
    ...r,
    cpu: {
      serversPct: watched.servers.map((p, i) => pct(cpuTicks(p) - before.servers[i]!)),
      balancerPct: lbPids.length ? pct(lbPids.reduce((a, p, i) => a + cpuTicks(p) - before.lb[i]!, 0)) : null,
      machinePct: pct(machineTicks().busy - before.machine.busy),
    },
  };
}

/** `elapsedMs`: a pass of a fixed number of requests is timed from its start to its last response (autocannon's
 * per-second average and duration count whole seconds, which for a pass of a few seconds is off by up to a third). */
function summary(route: string, r: autocannon.Result, elapsedMs?: number): Run {
  // a revalidation's 304 is its success
  const ok304 = route.includes('304') ? (r.statusCodeStats?.['304']?.count ?? 0) : 0;
  return {
    route,
    reqPerSec: Math.round(elapsedMs ? r.requests.total / (elapsedMs / 1000) : r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx - ok304,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

/** A timed run with wrk. Unexpected statuses are counted per response in Lua, except for the full-history bodies
 * (~0.5 MB: handing each to Lua costs the client more than half its rate), where wrk's own count of >= 400 is used. */
async function timedWrk(label: string, o: Omit<WrkOptions, 'connections' | 'durationSeconds' | 'threads'>): Promise<Run> {
  const r = await runWrk({ ...o, connections: CONNECTIONS, durationSeconds: DURATION, threads: 1 });
  return {
    route: label,
    reqPerSec: r.reqPerSec,
    p50ms: r.p50ms,
    p99ms: r.p99ms,
    requests: r.requests,
    errors: r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout,
    non2xx: r.non2xx ?? r.errors.status,
    bytesPerResponse: r.requests ? Math.round(r.bytes / r.requests) : 0,
  };
}

async function timed(base: string, route: string, label: string, headers: Record<string, string> = {}): Promise<Run> {
  return withCpu(() => timedRun(base, route, label, headers));
}

async function timedRun(base: string, route: string, label: string, headers: Record<string, string>): Promise<Run> {
  if (CLIENT === 'wrk') {
    const large = route === SERIES && !label.includes('304');
    return timedWrk(label, { url: base + route, headers, okStatuses: label.includes('304') ? [304] : [], countNon2xx: !large && !label.startsWith('bare') });
  }
  const r = await autocannon({ url: base + route, connections: CONNECTIONS, duration: DURATION, headers });
  return summary(label, r);
}

const askBody = (q: string) => JSON.stringify({ question: q });

/** Each question once (none asked before on these servers): the engine computes every answer. */
async function coldPass(base: string): Promise<{ run: Run; declined: string[]; answered: Array<{ question: string; understood: string }> }> {
  let next = 0;
  const declined: string[] = [];
  const answered: Array<{ question: string; understood: string }> = [];
  const started = performance.now();
  let last = started;
  const r = await autocannon({
    url: base + '/api/ask',
    connections: CONNECTIONS,
    amount: QUESTIONS.length,
    requests: [
      {
        method: 'POST',
        path: '/api/ask',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: askBody(QUESTIONS[next++ % QUESTIONS.length]!) }),
        onResponse: (status, body) => {
          last = performance.now();
          if (status !== 200) return;
          const a = JSON.parse(body) as { question: string; unanswerable?: unknown; understood?: string };
          if (a.unanswerable) declined.push(a.question);
          else answered.push({ question: a.question, understood: a.understood ?? '' });
        },
      },
    ],
  });
  return { run: summary(`POST /api/ask cold (${QUESTIONS.length} distinct, each once)`, r, last - started), declined, answered };
}

/** The same questions again for DURATION seconds, rotating (repeats: the answer cache). */
async function warmAsk(base: string): Promise<Run> {
  return withCpu(() => warmAskRun(base));
}

async function warmAskRun(base: string): Promise<Run> {
  const label = `POST /api/ask warm (rotating ${QUESTIONS.length})`;
  if (CLIENT === 'wrk') {
    return timedWrk(label, { url: base + '/api/ask', method: 'POST', headers: { 'content-type': 'application/json' }, bodies: QUESTIONS.map(askBody), countNon2xx: true });
  }
  let next = 0;
  const r = await autocannon({
    url: base + '/api/ask',
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: askBody(QUESTIONS[next++ % QUESTIONS.length]!) }) }],
  });
  return summary(label, r);
}

/** bench/lb.ts in its own process: piping the responses must not take the load generator's event loop. */
async function balancerProcess(backends: string[]): Promise<{ url: string; close(): Promise<void>; pids?(): number[] }> {
  if (BALANCER === 'nginx') return startNginx(backends);
  const child = fork(path.join(here, 'lb.ts'), ['--child', ...backends], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
  return {
    url,
    pids: () => [child.pid!],
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

interface Scenario {
  name: string;
  processes: number;
  database: 'pglite' | 'postgres';
  /** The in-run baseline: GET /livez of one server, direct. */
  baseline: Run;
  runs: Run[];
  questions?: { distinct: number; declined: number; declinedShare: number; sampleAnswered: Array<{ question: string; understood: string }>; sampleDeclined: string[] };
  memory?: Record<string, Mem[]>;
}

async function scenario(name: string, database: 'pglite' | 'postgres', servers: Server[], viaBalancer: boolean): Promise<Scenario> {
  const direct = servers[0]!.url;
  const lb = viaBalancer ? await balancerProcess(servers.map((s) => s.url)) : null;
  const base = lb?.url ?? direct;
  watched.servers = servers.map((s) => s.pid);
  watched.balancer = () => lb?.pids?.() ?? [];
  try {
    for (const s of servers) await fetch(s.url + SERIES).then((r) => r.arrayBuffer()); // each builds its payload once
    const memBefore = await Promise.all(servers.map((s) => s.request<Mem>('gc-mem', 'mem')));
    const baseline = await timed(direct, '/livez', 'GET /livez (direct)');
    const runs: Run[] = [];
    if (lb) runs.push(await timed(base, '/livez', 'GET /livez (through the balancer)'));
    let cold!: Awaited<ReturnType<typeof coldPass>>;
    runs.push(await withCpu(async () => (cold = await coldPass(base)).run));
    runs.push(await warmAsk(base));
    runs.push(await timed(base, SERIES, `GET ${SERIES} (full history)`));
    runs.push(await timed(base, SERIES, `GET ${SERIES} (full history, compressed)`, BROWSER_ENCODING));
    const etag = (await fetch(direct + SERIES, { headers: BROWSER_ENCODING })).headers.get('etag') ?? '';
    runs.push(await timed(base, SERIES, `GET ${SERIES} (revalidation → 304)`, { ...BROWSER_ENCODING, 'if-none-match': etag }));
    runs.push(await timed(base, `${SERIES}?from=2025-01-01`, `GET ${SERIES}?from=2025-01-01`));
    const memAfter = await Promise.all(servers.map((s) => s.request<Mem>('gc-mem', 'mem')));
    const pick = <T>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
    return {
      name,
      processes: servers.length,
      database,
      baseline,
      runs,
      questions: {
        distinct: QUESTIONS.length,
        declined: cold.declined.length,
        declinedShare: Math.round((cold.declined.length / QUESTIONS.length) * 1000) / 1000,
        sampleAnswered: pick(cold.answered, 5),
        sampleDeclined: pick(cold.declined, 5),
      },
      memory: { beforeLoadAfterGc: memBefore, afterLoadAfterGc: memAfter },
    };
  } finally {
    await lb?.close();
  }
}

/** The same bytes from a bare node:http server (bench/static-child.ts): the load generator's ceiling for that body. */
async function ceiling(label: string, body: Buffer, headers: Record<string, string>): Promise<Run> {
  const child = fork(path.join(here, 'static-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (key: string) => new Promise<Record<string, unknown>>((resolve) => child.once('message', (m: Record<string, unknown>) => key in m && resolve(m)));
  const { url } = (await next('url')) as { url: string };
  watched.servers = [child.pid!];
  watched.balancer = () => [];
  child.send({ body: body.toString('base64'), headers });
  await next('ready');
  try {
    return await timed(url, '/', label);
  } finally {
    child.send({ stop: true });
  }
}

const scenarios: Scenario[] = [];
let ceilings: Run[] = [];
{
  const s = await startServer();
  try {
    scenarios.push(await scenario('one process, embedded PGlite', 'pglite', [s], false));
    const bytesOf = async (headers: Record<string, string>) => {
      const r = await fetch(s.url + SERIES, { headers }); // decoded by fetch whatever the coding
      return Buffer.from(await r.arrayBuffer());
    };
    const raw = await new Promise<{ plain: Buffer; compressed: Buffer; coding: string }>((resolve, reject) => {
      // node:http, not fetch: fetch would decompress the body
      import('node:http').then(({ get }) => {
        get(s.url + SERIES, { headers: BROWSER_ENCODING }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', async () => resolve({ plain: await bytesOf({}), compressed: Buffer.concat(parts), coding: String(res.headers['content-encoding']) }));
        }).on('error', reject);
      }, reject);
    });
    ceilings = [
      await ceiling(`bare node:http, the same ${raw.plain.length} bytes`, raw.plain, { 'content-type': 'application/json' }),
      await ceiling(`bare node:http, the same ${raw.compressed.length} bytes (${raw.coding})`, raw.compressed, { 'content-type': 'application/json', 'content-encoding': raw.coding }),
    ];
  } finally {
    await s.stop();
  }
}
let pgSkipped: string | null = null;
if (process.env.BENCH_SKIP_PG === '1') pgSkipped = 'BENCH_SKIP_PG=1';
else {
  const pg = await benchPostgresUrl();
  if ('unavailable' in pg) pgSkipped = pg.unavailable;
  else {
    await loadBenchPostgres(pg.url);
    const env = {
      BENCH_DATABASE_URL: pg.url,
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      FINCITE_REDIS_PREFIX: `fincite-bench-${process.pid}:`,
      FINCITE_ASK_RATE_LIMIT: '1000000000',
      FINCITE_ANON_DAILY_QUOTA: '1000000000',
    };
    for (const n of [1, 2]) {
      const servers = await Promise.all(Array.from({ length: n }, () => startServer(env)));
      try {
        scenarios.push(await scenario(`${n === 1 ? 'one process' : 'two processes'}, PostgreSQL + Redis, behind the balancer`, 'postgres', servers, true));
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
  }
}

const cpuText = (r: Run) => (r.cpu ? `${r.cpu.serversPct.join('+')} | ${r.cpu.balancerPct ?? '-'} | ${r.cpu.machinePct}` : '');
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
const runOf = (s: Scenario | undefined, prefix: string) => s?.runs.find((r) => r.route.startsWith(prefix));
console.log(`\nbench:serve — ${CONNECTIONS} connections, ${DURATION} s per timed run, servers in their own processes (${cpus().length} cores); client ${CLIENT}${CLIENT === 'wrk' ? ' (1 thread)' : ''}, cold pass autocannon; balancer ${BALANCER}`);
for (const s of scenarios) {
  console.log(`\n${s.name}`);
  console.log(`  questions: ${s.questions!.distinct} distinct, ${s.questions!.declined} declined (${(s.questions!.declinedShare * 100).toFixed(1)}%)`);
  console.log('  route                                              req/s   vs /livez   p50 ms   p99 ms  errors  non-2xx  bytes/resp  CPU % of a core: servers | balancer | machine');
  for (const r of [s.baseline, ...s.runs]) {
    console.log(
      `  ${r.route.padEnd(48)} ${String(r.reqPerSec).padStart(7)}   ${ratio(r.reqPerSec, s.baseline.reqPerSec).toFixed(3).padStart(8)}x  ${String(r.p50ms).padStart(7)}  ${String(r.p99ms).padStart(7)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${String(r.bytesPerResponse).padStart(10)}  ${cpuText(r)}`,
    );
  }
}
console.log(`\nceiling (the series bodies from a bare node:http server, no work; ${CLIENT}, 50 connections, ${DURATION} s):`);
for (const r of ceilings) console.log(`  ${r.route.padEnd(48)} ${String(r.reqPerSec).padStart(7)} req/s  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  CPU: server | - | machine ${cpuText(r)}`);
const one = scenarios.find((s) => s.database === 'postgres' && s.processes === 1);
const two = scenarios.find((s) => s.database === 'postgres' && s.processes === 2);
const twoVsOne = one && two
  ? {
      askCold: ratio(runOf(two, 'POST /api/ask cold')!.reqPerSec, runOf(one, 'POST /api/ask cold')!.reqPerSec),
      askWarm: ratio(runOf(two, 'POST /api/ask warm')!.reqPerSec, runOf(one, 'POST /api/ask warm')!.reqPerSec),
      seriesFull: ratio(runOf(two, `GET ${SERIES} (full history)`)!.reqPerSec, runOf(one, `GET ${SERIES} (full history)`)!.reqPerSec),
      livezThroughBalancer: ratio(runOf(two, 'GET /livez (through')!.reqPerSec, runOf(one, 'GET /livez (through')!.reqPerSec),
    }
  : null;
if (twoVsOne) console.log(`\ntwo processes vs one (PostgreSQL + Redis, same balancer): ask cold ${twoVsOne.askCold}x, ask warm ${twoVsOne.askWarm}x, full-history series ${twoVsOne.seriesFull}x, /livez ${twoVsOne.livezThroughBalancer}x`);
if (pgSkipped) console.log(`\nPostgreSQL part skipped: ${pgSkipped}`);
const sample = scenarios[0]!.questions!;
console.log(`\nsample answers (question → what the engine understood):\n${sample.sampleAnswered.map((a) => `  ${a.question} → ${a.understood}`).join('\n')}`);
if (sample.sampleDeclined.length) console.log(`sample declined:\n${sample.sampleDeclined.map((q) => `  ${q}`).join('\n')}`);

mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(here, 'results', 'serve.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      cores: cpus().length,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      client: CLIENT === 'wrk' ? 'wrk (1 thread) for the timed runs, autocannon for the cold pass' : 'autocannon',
      balancer: BALANCER === 'nginx' ? 'nginx (worker_processes 1, deploy/nginx.conf proxy settings)' : 'bench/lb.ts (Node TCP proxy)',
      targets: { askVsLivez: 0.05, seriesFullVsLivez: 0.1, p99ms: 250, errors: 0, askTwoVsOne: 1.5 },
      scenarios: scenarios.map((s) => ({ ...s, runs: [s.baseline, ...s.runs].map((r) => ({ ...r, vsBaseline: ratio(r.reqPerSec, s.baseline.reqPerSec) })) })),
      twoVsOne,
      loadGeneratorCeiling: ceilings,
      ...(pgSkipped ? { postgresSkipped: pgSkipped } : {}),
    },
    null,
    2,
  ) + '\n',
);
const failed = scenarios.flatMap((s) => [s.baseline, ...s.runs].filter((r) => r.errors > 0 || r.non2xx > 0).map((r) => `${s.name}: ${r.route}`));
if (failed.length) {
  console.error(`errors under load: ${failed.join('; ')}`);
  process.exit(1);
}
