// `fincite serve`: the web app and the API on PORT (default 8080), over the same engine as the CLI. Report jobs
// left unfinished by a previous process are resumed.
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig, type ServerSettings } from '../config.ts';
import { createEngine } from '../engine/index.ts';
import type { LlmConfig } from '../engine/llm/config.ts';
import type { Database } from '../store/db.ts';
import { createApp } from './app.ts';
import { createAuth } from './auth.ts';
import { createLimits, type Limits } from './limits.ts';
import { ReportJobs } from './jobs.ts';
import { writeLocalToken } from '../store/lock.ts';
import { closePdfPool } from '../report/pdf.ts';

export interface ServerParts {
  app: ReturnType<typeof createApp>;
  jobs: ReportJobs;
  /** Rate limits, sign-in throttles, the signed-out quota: Redis when settings.redisUrl is set, else memory. */
  limits: Limits;
}

/** Everything a server process needs, wired once (tests build the same thing without a socket). */
export async function createServerApp(db: Database, opts: { settings?: ServerSettings; webDir?: string; today?: string; llm?: LlmConfig | null; localToken?: string } = {}): Promise<ServerParts> {
  const config = loadConfig();
  const settings = opts.settings ?? config.server;
  const llm = opts.llm === undefined ? config.llm : opts.llm;
  const jobs = new ReportJobs(db, { llm, queue: config.queue, ...(opts.today ? { today: opts.today } : {}) });
  const limits = createLimits(settings, { db });
  // a new server waits (up to 3 s) for Redis, so its first sign-ins are not refused while it connects
  await limits.ready();
  const app = createApp({
    db,
    engine: createEngine({ db, llm, ...(opts.today ? { today: opts.today } : {}) }),
    auth: await createAuth(db, settings),
    jobs,
    settings,
    limits,
    webDir: opts.webDir ?? path.join(config.repoRoot, 'web', 'dist'),
    ...(opts.localToken ? { localToken: opts.localToken } : {}),
  });
  await jobs.resume();
  return { app, jobs, limits };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(db: Database, port: number, hostname = '0.0.0.0', opts: { settings?: ServerSettings; webDir?: string; localTokenDir?: string } = {}): Promise<RunningServer> {
  // embedded mode: a random local-owner token in a file only this user can read, so the user's other fincite
  // processes use this server instead of the database it holds (removed on close)
  const token = opts.localTokenDir ? writeLocalToken(opts.localTokenDir) : null;
  const { app, jobs, limits } = await createServerApp(db, { ...opts, ...(token ? { localToken: token.token } : {}) });
  // one line on stderr: whether the limits hold across server processes (Redis) or only in this one
  process.stderr.write(`${limits.startLine()}\n`);
  // a server works the queue from the start: jobs created by other servers, the scheduled sync
  await jobs.start();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actualPort}`,
    close: async () => {
      await jobs.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await limits.close();
      token?.remove();
      // the shared PDF browser, if a download started it
      await closePdfPool();
    },
  };
}
