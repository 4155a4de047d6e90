// The server process of bench:serve: the snapshot database, the real app on a free loopback port; reports its
// URL and, when asked over IPC, its memory — so the load generator does not share a process with the server.
import { startServer } from '../src/server/serve.ts';
import { loadConfig } from '../src/config.ts';
import { openBenchDatabase } from './snapshot-db.ts';

const { db } = await openBenchDatabase('fincite-bench-serve');
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
