// `fincite mcp`: fincite's tools over MCP on stdin/stdout (Claude Desktop, IDEs, agents). stdout is the protocol
// channel, so everything for people (first-start loading, progress, errors) goes to stderr. The client is
// answered at once; on a first start the database loads meanwhile and tool calls wait for it. The database is
// closed when the client goes away (stdin ends) or on SIGINT/SIGTERM.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadConfig } from '../config.ts';
import { FinciteError } from '../core/errors.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import { openDatabase } from '../store/db.ts';
import { syncProgressPrinter } from './progress.ts';

export async function mcpCommand(): Promise<void> {
  // Whatever a library logs must not corrupt the protocol stream.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;

  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
  try {
    const progress = syncProgressPrinter(process.stderr);
    const loading = new AbortController();
    const ready = ensureLoaded(db, config, {
      signal: loading.signal,
      onProgress: progress.onProgress,
      onMode: (c) => process.stderr.write(`fincite mcp: first start, loading data: ${c.reason}\n`),
    })
      .then((report) => {
        progress.stop();
        if (report) process.stderr.write(`fincite mcp: loaded ${report.seriesDone}/${report.seriesTotal} series (${report.status}) in ${(report.durationMs / 1000).toFixed(1)}s\n`);
      })
      .catch((err: unknown) => {
        progress.stop();
        const detail = err instanceof FinciteError ? err.messages.en : err instanceof Error ? err.message : String(err);
        process.stderr.write(`fincite mcp: loading data failed: ${detail}\n`);
        throw new FinciteError('data_unavailable', { en: `The database could not be loaded: ${detail}`, zh: `无法加载数据库:${detail}` }, 503);
      });
    ready.catch(() => undefined); // reported above; each tool call gets it as a tool error

    const { createEngine } = await import('../engine/index.ts');
    const { createMcpServer } = await import('../server/mcp.ts');
    const server = createMcpServer({ db, engine: createEngine({ db, llm: config.llm }), ready });
    const closed = new Promise<void>((resolve) => {
      server.server.onclose = () => resolve();
    });
    const stop = () => {
      loading.abort();
      void server.close().catch(() => undefined);
    };
    process.stdin.once('end', stop);
    process.stdin.once('close', stop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await server.connect(new StdioServerTransport());
    process.stderr.write(`fincite mcp: serving tools on stdio (${db.kind} database)\n`);
    await closed;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // a first-start load still running when the client left is interrupted; let it stop before the database closes
    await ready.catch(() => undefined);
  } finally {
    await db.close();
    process.stdin.destroy();
  }
}
