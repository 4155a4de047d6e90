// The local-owner API: a second `fincite` process on the machine of an embedded (PGlite) server cannot open the
// database the server holds, so it sends its command here instead (src/cli/remote.ts). Only the local owner may
// call these routes — a request carrying the token the server wrote at start to a file only its user can read
// (see localOwner in context.ts). Each route runs the same function the CLI runs in-process (src/cli/commands.ts)
// and answers its plain result as JSON; errors come back with both languages so the CLI prints them as it would
// in-process. Not part of the public OpenAPI document.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { askCommand, docsSearchCommand, errorView, eventsCommand, reportCommand, seriesSearchCommand, seriesShowCommand, syncCommand } from '../../cli/commands.ts';
import { loadConfig } from '../../config.ts';
import { FinciteError } from '../../core/errors.ts';
import type { Engine } from '../../engine/index.ts';
import type { Database } from '../../store/db.ts';
import type { AppEnv } from '../context.ts';

/** The header every local-owner response carries, naming the serving process (the CLI and tests see who answered). */
export const SERVED_BY_HEADER = 'x-fincite-served-by';

export class LocalOwnerOnlyError extends FinciteError {
  constructor() {
    super('local_owner_only', { zh: '只有本机运行该服务的用户（通过 fincite 命令）可以调用此接口。', en: 'Only the local owner of this server (the fincite command on its machine) may call this endpoint.' }, 403);
  }
}

type Handler = (args: Record<string, unknown>) => Promise<unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
const lang = (v: unknown): 'zh' | 'en' | undefined => (v === 'zh' || v === 'en' ? v : undefined);
const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> => (v === undefined ? {} : ({ [key]: v } as Record<K, string>));

export function registerLocal(app: OpenAPIHono<AppEnv>, deps: { db: Database; engine: Engine }): void {
  const { db, engine } = deps;
  const commands: Record<string, Handler> = {
    ask: (a) => askCommand(engine, { question: str(a.question) ?? '', ...(lang(a.lang) ? { lang: lang(a.lang)! } : {}) }),
    'series-search': (a) => seriesSearchCommand(db, { text: str(a.text) ?? '', limit: str(a.limit) ?? '20' }),
    'series-show': (a) => seriesShowCommand(db, { id: str(a.id) ?? '', ...opt('from', str(a.from)), ...opt('to', str(a.to)) }),
    'docs-search': (a) => docsSearchCommand(db, { text: str(a.text) ?? '', limit: str(a.limit) ?? '10', ...opt('from', str(a.from)), ...opt('to', str(a.to)), ...(strs(a.kind) ? { kind: strs(a.kind)! } : {}) }),
    events: (a) => eventsCommand(db, { ...opt('from', str(a.from)), ...opt('to', str(a.to)), ...(strs(a.kind) ? { kind: strs(a.kind)! } : {}) }),
    report: (a) =>
      reportCommand(db, loadConfig(), {
        topic: str(a.topic) ?? '',
        format: (str(a.format) ?? 'md') as 'md',
        ...(lang(a.lang) ? { lang: lang(a.lang)! } : {}),
        ...opt('out', str(a.out)),
      }),
    sync: async (a) => {
      const modes: string[] = [];
      const report = await syncCommand(db, loadConfig(), { ...opt('offline', str(a.offline)), ...(strs(a.series) ? { series: strs(a.series)! } : {}) }, { onMode: (reason) => modes.push(reason) });
      return { report, modes };
    },
  };

  app.post('/api/local/:command', async (c: Context<AppEnv>) => {
    if (!c.get('localOwner')) throw new LocalOwnerOnlyError();
    const name = c.req.param('command') ?? '';
    const run = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!run) return c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404);
    let args: unknown;
    try {
      args = await c.req.json();
    } catch {
      args = null;
    }
    const started = performance.now();
    c.header(SERVED_BY_HEADER, `fincite pid ${process.pid}`);
    let status: 200 | 400 | 500 = 200;
    try {
      const result = await run(args && typeof args === 'object' ? (args as Record<string, unknown>) : {});
      return c.json({ result }, 200);
    } catch (err) {
      const error = errorView(err);
      status = error.kind === 'internal' ? 500 : 400;
      // the command's failure is the CLI's to show; an internal one is also the server's to log (no text, no stack)
      return c.json({ error }, status);
    } finally {
      // one line per local command: which, the outcome and the time — never the question or its answer
      process.stderr.write(`local owner: ${name} ${status} ${Math.round(performance.now() - started)} ms\n`);
    }
  });
}
