// The `fincite` command. A thin adapter: it parses arguments, calls the data/store/engine layers and
// prints; typed errors become a clear message and a non-zero exit code, never a stack trace.
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { FinciteError, userMessage } from '../core/errors.ts';
import { checkText } from '../core/text-input.ts';
import { formatValue, type Lang } from '../core/format.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import { openDatabase, type Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { registerDocsCommands } from './docs.ts';
import { registerReportCommand } from './report.ts';
import { syncProgressPrinter } from './progress.ts';
import { askCommand, checkSeriesSearch, checkSeriesShow, errorView, seriesSearchCommand, seriesShowCommand, syncCommand } from './commands.ts';
import { defaultLang, errorLang, EXIT, renderError, renderSeriesSearch, renderSeriesShow, renderSync, renderSyncReport, type Rendered } from './render.ts';

export { EXIT };

/** Print what a command rendered and set its exit code. */
function emit(r: Rendered): void {
  if (r.stderr) process.stderr.write(r.stderr);
  process.stdout.write(r.stdout);
  if (r.exitCode !== undefined) process.exitCode = r.exitCode;
}

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function printStatus(db: Database, lang: Lang): Promise<void> {
  const c = await repo.tableCounts(db);
  const [last] = await repo.listSyncRuns(db, 1);
  const walcl = await repo.getSeries(db, 'WALCL');
  const lines =
    lang === 'zh'
      ? [`数据库（${db.kind}）：${c.series} 个序列（${c.seriesWithData} 个有数据），${c.observations} 条观测值，${c.companies} 家公司，${c.fundamentals} 行财务数据，${c.documents} 篇文档，${c.revisions} 条修订记录`]
      : [`database (${db.kind}): ${c.series} series (${c.seriesWithData} with data), ${c.observations} observations, ${c.companies} companies, ${c.fundamentals} fundamentals rows, ${c.documents} documents, ${c.revisions} revisions`];
  if (last) lines.push(lang === 'zh' ? `最近一次同步 #${last.id}：${last.mode}，${last.status}，${last.startedAt.toISOString()}` : `last sync #${last.id}: ${last.mode}, ${last.status}, ${last.startedAt.toISOString()}`);
  if (walcl?.lastDate) {
    const [obs] = await repo.readObservations(db, 'WALCL', walcl.lastDate, walcl.lastDate);
    if (obs?.value != null) {
      lines.push(lang === 'zh'
        ? `数据截至：美联储总资产 ${formatValue(obs.value, walcl.unit, 'zh')}（${walcl.lastDate}，来源 ${walcl.url}）`
        : `data as of: Fed total assets ${formatValue(obs.value, walcl.unit, 'en')} (${walcl.lastDate}, source ${walcl.url})`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

export function buildProgram(): Command {
  const program = new Command('fincite')
    .description('有据 fincite — financial answers where every number is traceable to real data')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']).default(defaultLang()))
    .showHelpAfterError()
    .exitOverride();

  const lang = (): Lang => program.opts<{ lang: Lang }>().lang;

  const serveAction = async (opts: { port?: string; status?: boolean }) => {
    const config = loadConfig();
    const port = Number(opts.port ?? process.env.PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FinciteError('bad_port', { en: `invalid port "${opts.port ?? process.env.PORT}"`, zh: `端口无效:"${opts.port ?? process.env.PORT}"` });
    const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
    const progress = syncProgressPrinter();
    const report = await ensureLoaded(db, config, {
      onProgress: progress.onProgress,
      onMode: (c) => process.stderr.write(`${lang() === 'zh' ? '首次启动，加载数据：' : 'first start, loading data: '}${c.reason}\n`),
    });
    progress.stop();
    if (report) process.stdout.write(renderSyncReport(report, lang()));
    if (opts.status !== false) await printStatus(db, lang());
    const { startServer } = await import('../server/serve.ts');
    // embedded: the local-owner token goes next to the lock, for the user's other fincite processes
    const server = await startServer(db, port, undefined, config.databaseUrl ? {} : { localTokenDir: config.pgliteDir });
    // a second fincite process on this data directory is told where this one serves
    db.describeOwner?.({ url: server.url });
    process.stdout.write(`${lang() === 'zh' ? 'fincite 已启动:' : 'fincite is listening on'} ${server.url} (API: ${server.url}/api/openapi.json)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await db.close();
  };

  program
    .command('start')
    .description('load data on first start (live, else the offline snapshot), print the database status and serve the web app and API')
    .option('--port <port>', 'port (default PORT or 8080)')
    .action((opts: { port?: string }) => serveAction(opts));

  program
    .command('serve')
    .description('serve the web app and the HTTP API (PORT, default 8080)')
    .option('--port <port>', 'port (default PORT or 8080)')
    .action((opts: { port?: string }) => serveAction({ ...opts, status: false }));

  program
    .command('sync')
    .description('update the database from the live sources, or from an offline snapshot directory')
    .option('--offline <dir>', 'read the offline snapshot in <dir> instead of the live sources')
    .option('--series <ids...>', 'only these series ids or tickers')
    .option('--json', 'print the sync report as JSON')
    .action(async (opts: { offline?: string; series?: string[]; json?: boolean }) => {
      const config = loadConfig();
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await withDatabase(config, async (db) => {
          const progress = syncProgressPrinter();
          const report = await syncCommand(db, config, opts, {
            signal: controller.signal,
            onProgress: progress.onProgress,
            onMode: (reason) => process.stderr.write(`${reason}\n`),
          });
          progress.stop();
          emit(renderSync(report, Boolean(opts.json), lang()));
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  program
    .command('status')
    .description('print what the database holds and the last sync')
    .action(async () => {
      await withDatabase(loadConfig(), (db) => printStatus(db, lang()));
    });

  program
    .command('ask')
    .description('ask a financial question in Chinese or English; every number in the answer is cited')
    .argument('<question>', 'the question')
    .option('--json', 'print the Answer object as JSON')
    .action(async (raw: string, opts: { json?: boolean }) => {
      // refused before the database is opened: control characters, lone surrogates, over-long text
      const question = checkText(raw, 'question');
      const explicitLang = program.getOptionValueSource('lang') === 'cli' ? lang() : undefined;
      const config = loadConfig();
      await withDatabase(config, async (db) => {
        await ensureLoaded(db, config, { onMode: (c) => process.stderr.write(`${c.reason}\n`) });
        const { createEngine } = await import('../engine/index.ts');
        const { printAnswer } = await import('./answer.ts');
        const answer = await askCommand(createEngine({ db, llm: config.llm }), { question, ...(explicitLang ? { lang: explicitLang } : {}) });
        if (opts.json) process.stdout.write(JSON.stringify(answer, null, 2) + '\n');
        else printAnswer(answer);
        if (answer.unanswerable) process.exitCode = EXIT.userError;
      });
    });

  program
    .command('chat')
    .description('a conversation on the terminal: each line is a question; a follow-up ("那MBS呢?", "and last year?") inherits what it omits; /new starts over, /exit or Ctrl-D ends')
    .option('--json', 'print each Answer object as one JSON line')
    .action(async (opts: { json?: boolean }) => {
      const explicitLang = program.getOptionValueSource('lang') === 'cli' ? lang() : undefined;
      const config = loadConfig();
      await withDatabase(config, async (db) => {
        await ensureLoaded(db, config, { onMode: (c) => process.stderr.write(`${c.reason}\n`) });
        const { createEngine, MAX_HISTORY } = await import('../engine/index.ts');
        const { printAnswer } = await import('./answer.ts');
        const { createInterface } = await import('node:readline/promises');
        const engine = createEngine({ db, llm: config.llm });
        const tty = Boolean(process.stdin.isTTY);
        const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
        const history: string[] = [];
        if (tty) process.stdout.write(lang() === 'zh' ? '有据对话：输入问题，/new 重新开始，/exit 退出。\n' : 'fincite chat: type a question; /new starts over, /exit ends.\n');
        rl.setPrompt('> ');
        if (tty) rl.prompt();
        for await (const line of rl) {
          const text = line.trim();
          if (text === '/exit' || text === '/quit') break;
          if (text === '/new') history.length = 0;
          else if (text) {
            try {
              const question = checkText(text, 'question');
              const answer = await engine.ask(question, { ...(explicitLang ? { lang: explicitLang } : {}), history: history.slice(-MAX_HISTORY) });
              if (opts.json) process.stdout.write(JSON.stringify(answer) + '\n');
              else printAnswer(answer);
              history.push(question);
            } catch (err) {
              // a bad line is refused and the conversation goes on
              process.stderr.write(`${userMessage(err, explicitLang ?? lang())}\n`);
              process.exitCode = EXIT.userError;
            }
          }
          if (tty) rl.prompt();
        }
        rl.close();
      });
    });

  program
    .command('verify')
    .description('check every number in a text against evidence (facts, tables, passages)')
    .argument('[text]', 'the text to verify')
    .option('--evidence <file>', 'JSON evidence: {facts?, tables?, passages?, numbers?}')
    .option('--batch <file>', 'JSONL input, one {id, text, evidence} per line')
    .option('--json', 'print JSON')
    .action(async (text: string | undefined, opts: { evidence?: string; batch?: string; json?: boolean }) => {
      const { verifyCommand } = await import('./verify.ts');
      process.exitCode = await verifyCommand(text, opts, lang());
    });

  program
    .command('mcp')
    .description("serve fincite's tools over MCP on stdin/stdout, for Claude Desktop, IDEs and agents")
    .action(async () => {
      const { mcpCommand } = await import('./mcp.ts');
      await mcpCommand();
    });

  const seriesCmd = program.command('series').description('look at the series catalog and stored data');

  seriesCmd
    .command('search')
    .description('search series by id, ticker, Chinese or English name (an empty text lists the catalog)')
    .argument('[text]', 'search text', '')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'maximum results', '20')
    .action(async (text: string, opts: { json?: boolean; limit: string }) => {
      checkSeriesSearch({ text, limit: opts.limit }); // bad input is refused before the database is opened
      const l = lang();
      await withDatabase(loadConfig(), async (db) => emit(renderSeriesSearch(await seriesSearchCommand(db, { text, limit: opts.limit }), Boolean(opts.json), l)));
    });

  seriesCmd
    .command('show')
    .description('print the stored observations of a series or ticker, in its native units')
    .argument('<id>', 'series id or ticker')
    .option('--from <date>', 'first date, YYYY-MM-DD')
    .option('--to <date>', 'last date, YYYY-MM-DD')
    .option('--json', 'print JSON: {series, observations:[{date, value}]}')
    .action(async (id: string, opts: { from?: string; to?: string; json?: boolean }) => {
      checkSeriesShow({ id, ...opts }); // bad input is refused before the database is opened
      const l = lang();
      await withDatabase(loadConfig(), async (db) => emit(renderSeriesShow(await seriesShowCommand(db, { id, ...opts }), Boolean(opts.json), l)));
    });

  registerDocsCommands(program, lang);
  registerReportCommand(program, lang);
  return program;
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    // errors in the language asked for, else the language of the text given (a Chinese question → Chinese)
    const l = errorLang(argv, program.getOptionValueSource('lang') === 'cli' ? program.opts<{ lang: Lang }>().lang : undefined, program.opts<{ lang?: Lang }>().lang ?? defaultLang());
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const view = errorView(err);
    const { stderr, exitCode } = renderError(view, l);
    process.stderr.write(stderr);
    if (view.kind === 'internal' && process.env.FINCITE_DEBUG) console.error(err);
    return exitCode;
  }
}
