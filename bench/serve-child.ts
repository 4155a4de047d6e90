// A server process of bench:serve: the snapshot database (embedded PGlite, or PostgreSQL at BENCH_DATABASE_URL),
// the real server (as `fincite serve` starts it) on a free loopback port; reports its URL and, when asked over IPC,
// its memory — so the load generator does not share a process with the server.
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server/serve.ts';
import { openDatabase } from '../src/store/db.ts';
import { openBenchDatabase } from './snapshot-db.ts';

const pgUrl = process.env.BENCH_DATABASE_URL;
const db = pgUrl ? await openDatabase({ databaseUrl: pgUrl }) : (await openBenchDatabase('fincite-bench-serve')).db;
// the benchmark is one client address: the signed-out quota and the per-minute limit would stop it after 20 questions
const settings = { ...loadConfig().server, anonDailyQuota: 1e9, askPerMinute: 1e9 };
const server = await startServer(db, 0, '127.0.0.1', { settings });
const mem = () => {
  const m = process.memoryUsage();
  return { rssMB: Math.round(m.rss / 1e5) / 10, heapUsedMB: Math.round(m.heapUsed / 1e5) / 10 };
};
process.on('message', async (msg: string) => {
  if (msg === 'mem') process.send!({ mem: mem() });
  if (msg === 'gc-mem') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ mem: mem() });
  }
  if (msg === 'stop') {
    await server.close();
    await db.close();
    process.exit(0);
  }
});
process.send!({ url: server.url });
