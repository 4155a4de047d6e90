// `fincite serve`: the HTTP API on PORT (default 8080), over the same engine as the CLI.
import { serve, type ServerType } from '@hono/node-server';
import type { Database } from '../store/db.ts';
import { createEngine } from '../engine/index.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(db: Database, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  const app = createApp({ db, engine: createEngine({ db }) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actualPort}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
