// The `fincite` command. A thin adapter: it parses arguments, calls the data/store/engine layers and
// prints; typed errors become a clear message and a non-zero exit code, never a stack trace.
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { FinciteError, InvalidDateError, UnknownSeriesError, userMessage } from '../core/errors.ts';
import { checkText } from '../core/text-input.ts';
import { formatValue, type Lang } from '../core/format.ts';
import { ensureLoaded, syncFromConfig } from '../data/bootstrap.ts';
import { isIsoDate } from '../data/quality.ts';
import { searchSeries, suggestSeries } from '../data/search.ts';
import { SyncBusyError, UnknownSyncSeriesError, type SyncReport } from '../data/sync.ts';
import { openDatabase, type Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { registerDocsCommands } from './docs.ts';
import { registerReportCommand } from './report.ts';
import { syncProgressPrinter } from './progress.ts';

export const EXIT = { ok: 0, userError: 1, usage: 2, unavailable: 3, internal: 70 } as const;

function defaultLang(): Lang {
  return (process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function printSyncReport(r: SyncReport, lang: Lang, out = process.stdout): void {
  const secs = (r.durationMs / 1000).toFixed(1);
  if (lang === 'zh') {
    out.write(`同步 #${r.runId}(${r.mode === 'live' ? '实时数据源' : '离线快照'}):${r.status === 'completed' ? '完成' : r.status === 'interrupted' ? '已中断' : '失败'},` +
      `${r.seriesDone}/${r.seriesTotal} 个序列,新增 ${r.rowsAdded} 行,修订 ${r.rowsRevised} 行,未变 ${r.rowsUnchanged} 行,文档新增/更新 ${r.documentsAdded} 篇,财务数据变更 ${r.fundamentalsChanged} 行,用时 ${secs} 秒\n`);
  } else {
    out.write(`sync #${r.runId} (${r.mode}): ${r.status}, ${r.seriesDone}/${r.seriesTotal} series, ${r.rowsAdded} rows added, ${r.rowsRevised} revised, ` +
      `${r.rowsUnchanged} unchanged, ${r.documentsAdded} documents added/updated, ${r.fundamentalsChanged} fundamentals rows changed, ${secs}s\n`);
  }
  for (const f of r.failures) out.write(`  ${lang === 'zh' ? '失败' : 'failed'} ${f.seriesId}: ${f.error}\n`);
  if (r.problems.length) {
    const byKind = new Map<string, number>();
    for (const p of r.problems) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
    out.write(`  ${lang === 'zh' ? '数据问题' : 'data problems'}: ${[...byKind].map(([k, n]) => `${k} ×${n}`).join(', ')}\n`);
    for (const p of r.problems.slice(0, 10)) out.write(`    ${p.seriesId}${p.date ? ` ${p.date}` : ''}: ${p.kind} — ${p.detail}\n`);
    if (r.problems.length > 10) out.write(`    … ${r.problems.length - 10} more (stored in table sync_problems, run ${r.runId})\n`);
  }
}

async function printStatus(db: Database, lang: Lang): Promise<void> {
  const c = await repo.tableCounts(db);
  const [last] = await repo.listSyncRuns(db, 1);
  const walcl = await repo.getSeries(db, 'WALCL');
  const lines =
    lang === 'zh'
      ? [`数据库(${db.kind}):${c.series} 个序列(${c.seriesWithData} 个有数据),${c.observations} 条观测值,${c.companies} 家公司,${c.fundamentals} 行财务数据,${c.documents} 篇文档,${c.revisions} 条修订记录`]
      : [`database (${db.kind}): ${c.series} series (${c.seriesWithData} with data), ${c.observations} observations, ${c.companies} companies, ${c.fundamentals} fundamentals rows, ${c.documents} documents, ${c.revisions} revisions`];
  if (last) lines.push(lang === 'zh' ? `最近一次同步 #${last.id}:${last.mode},${last.status},${last.startedAt.toISOString()}` : `last sync #${last.id}: ${last.mode}, ${last.status}, ${last.startedAt.toISOString()}`);
  if (walcl?.lastDate) {
    const [obs] = await repo.readObservations(db, 'WALCL', walcl.lastDate, walcl.lastDate);
    if (obs?.value != null) {
      lines.push(lang === 'zh'
        ? `数据截至:美联储总资产 ${formatValue(obs.value, walcl.unit, 'zh')}(${walcl.lastDate},来源 ${walcl.url})`
        : `data as of: Fed total assets ${formatValue(obs.value, walcl.unit, 'en')} (${walcl.lastDate}, source ${walcl.url})`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

function checkDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isIsoDate(text)) throw new InvalidDateError(text);
  return text;
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
      onMode: (c) => process.stderr.write(`${lang() === 'zh' ? '首次启动,加载数据:' : 'first start, loading data: '}${c.reason}\n`),
    });
    progress.stop();
    if (report) printSyncReport(report, lang());
    if (opts.status !== false) await printStatus(db, lang());
    const { startServer } = await import('../server/serve.ts');
    const server = await startServer(db, port);
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
          const report = await syncFromConfig(db, config, {
            ...(opts.offline ? { offlineDir: opts.offline } : {}),
            ...(opts.series ? { seriesIds: opts.series } : {}),
            signal: controller.signal,
            onProgress: progress.onProgress,
            onMode: (c) => process.stderr.write(`${c.reason}\n`),
          });
          progress.stop();
          if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
          else printSyncReport(report, lang());
          if (report.status !== 'completed' || report.failures.length) process.exitCode = EXIT.unavailable;
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
        const answer = await createEngine({ db, llm: config.llm }).ask(question, explicitLang ? { lang: explicitLang } : {});
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
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new FinciteError('bad_limit', { en: '--limit must be a whole number from 1 to 10000', zh: '--limit 必须是 1 到 10000 之间的整数' });
      if (text.length > 200) throw new FinciteError('input_too_large', { en: 'search text is too long (200 characters at most)', zh: '搜索文本过长(最多 200 个字符)' });
      await withDatabase(loadConfig(), async (db) => {
        const hits = searchSeries(await repo.listSeries(db), text, limit);
        if (opts.json) {
          const out = hits.map(({ series: s }) => ({ id: s.id, title: s.title, units: s.unit.label, frequency: s.frequency, category: s.category, source: s.source, url: s.url }));
          process.stdout.write(JSON.stringify(out, null, 2) + '\n');
          return;
        }
        if (!hits.length) {
          process.stdout.write(lang() === 'zh' ? `没有找到与"${text}"匹配的序列。\n` : `No series match "${text}".\n`);
          process.exitCode = EXIT.userError;
          return;
        }
        for (const { series: s } of hits) {
          process.stdout.write(`${s.id.padEnd(18)} ${lang() === 'zh' ? s.title.zh : s.title.en} [${s.unit.label}; ${s.frequency}; ${s.lastDate ?? '—'}]\n`);
        }
      });
    });

  seriesCmd
    .command('show')
    .description('print the stored observations of a series or ticker, in its native units')
    .argument('<id>', 'series id or ticker')
    .option('--from <date>', 'first date, YYYY-MM-DD')
    .option('--to <date>', 'last date, YYYY-MM-DD')
    .option('--json', 'print JSON: {series, observations:[{date, value}]}')
    .action(async (id: string, opts: { from?: string; to?: string; json?: boolean }) => {
      const from = checkDate(opts.from);
      const to = checkDate(opts.to);
      if (from && to && from > to) throw new FinciteError('bad_range', { en: `--from ${from} is after --to ${to}`, zh: `--from ${from} 晚于 --to ${to}` });
      if (id.length > 100) throw new FinciteError('input_too_large', { en: 'series id is too long', zh: '序列代码过长' });
      await withDatabase(loadConfig(), async (db) => {
        const s = await repo.getSeries(db, id);
        if (!s) throw new UnknownSeriesError(id, suggestSeries(await repo.listSeries(db), id).map((x) => x.id));
        const rows = await repo.readObservations(db, s.id, from, to);
        const isBar = Boolean(s.ticker) || rows.some((r) => r.open !== null);
        if (opts.json) {
          const observations = rows.map((r) => (isBar ? { date: r.date, value: r.value, open: r.open, high: r.high, low: r.low, close: r.value, volume: r.volume } : { date: r.date, value: r.value }));
          const series = { id: s.id, title: s.title, units: s.unit.label, unit: s.unit, frequency: s.frequency, category: s.category, source: s.source, url: s.url, notes: s.notes ?? null, ticker: s.ticker ?? null, firstDate: s.firstDate, lastDate: s.lastDate, observationCount: s.observationCount, lastSyncedAt: s.lastSyncedAt, lastSyncMode: s.lastSyncMode };
          process.stdout.write(JSON.stringify({ series, observations }) + '\n');
          return;
        }
        const l = lang();
        const out: string[] = [];
        out.push(`${s.id} — ${l === 'zh' ? s.title.zh : s.title.en}`);
        out.push(`${l === 'zh' ? '单位' : 'units'}: ${s.unit.label}; ${l === 'zh' ? '频率' : 'frequency'}: ${s.frequency}; ${l === 'zh' ? '来源' : 'source'}: ${s.url}`);
        if (s.notes) out.push(`${l === 'zh' ? '说明' : 'note'}: ${s.notes}`);
        if (!rows.length) {
          out.push(l === 'zh' ? `该区间没有数据(可用区间 ${s.firstDate ?? '—'} 至 ${s.lastDate ?? '—'})。` : `No observations in that range (available ${s.firstDate ?? '—'} to ${s.lastDate ?? '—'}).`);
          process.stdout.write(out.join('\n') + '\n');
          process.exitCode = EXIT.userError;
          return;
        }
        const ranged = Boolean(from || to);
        const shown = ranged ? rows : rows.slice(-20);
        if (!ranged && rows.length > shown.length) out.push(l === 'zh' ? `(共 ${rows.length} 条,显示最后 ${shown.length} 条;用 --from/--to 或 --json 查看全部)` : `(${rows.length} observations; showing the last ${shown.length}; use --from/--to or --json for all)`);
        out.push(isBar ? 'date        open        high        low         close       volume' : 'date        value');
        for (const r of shown) {
          const v = r.value === null ? '' : String(r.value);
          out.push(isBar ? [r.date, r.open, r.high, r.low, v, r.volume].map((x) => String(x ?? '').padEnd(11)).join(' ') : `${r.date}  ${v}`);
        }
        const lastObs = [...rows].reverse().find((r) => r.value !== null);
        if (lastObs) out.push(`${l === 'zh' ? '最新' : 'latest'}: ${formatValue(lastObs.value!, s.unit, l)} (${lastObs.date}) [${s.url}]`);
        process.stdout.write(out.join('\n') + '\n');
      });
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
    const l = (program.getOptionValueSource('lang') === 'cli' ? program.opts<{ lang: Lang }>().lang : argv.slice(2).some((a) => /[\u3400-\u9fff]/.test(a)) ? 'zh' : (program.opts<{ lang?: Lang }>().lang ?? defaultLang())) as Lang;
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof FinciteError) {
      process.stderr.write(`${err.messages[l]}\n`);
      return err.status >= 500 ? EXIT.unavailable : EXIT.userError;
    }
    if (err instanceof SyncBusyError || err instanceof UnknownSyncSeriesError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT.userError;
    }
    process.stderr.write(`${l === 'zh' ? '内部错误' : 'internal error'}: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.FINCITE_DEBUG) console.error(err);
    return EXIT.internal;
  }
}
