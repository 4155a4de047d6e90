// `fincite docs search` and `fincite events`: thin adapters over the knowledge base. They parse and check the
// arguments, call knowledge/search and knowledge/events (loaded only when the command runs), and print text in
// the user's language or JSON; bad input becomes a typed error that main turns into a clear message and exit code.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { Lang } from '../core/format.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import { DOCUMENT_KINDS, EVENT_KINDS, MAX_LIMIT, MAX_QUERY_LENGTH } from '../knowledge/kinds.ts';
import { checkDocsSearch, checkEvents, docsSearchCommand, eventsCommand } from './commands.ts';
import { renderDocsSearch, renderEvents } from './render.ts';
import { openDatabase, type Database } from '../store/db.ts';

async function withStore<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
  try {
    await ensureLoaded(db, config, { onMode: (c) => process.stderr.write(`${c.reason}\n`) });
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Add `docs search` and `events` to the fincite program. */
export function registerDocsCommands(program: Command, lang: () => Lang): void {
  const docs = program.command('docs').description('the knowledge base: FOMC statements, minutes, implementation notes and speeches');

  docs
    .command('search')
    .description('search document passages in Chinese or English (缩表 上限 finds "the cap will initially be set at $30 billion …")')
    .argument('<text>', `search text (at most ${MAX_QUERY_LENGTH} characters)`)
    .option('--json', 'print JSON: [{documentId, title, date, url, kind, position, score, text, snippet}]')
    .option('--limit <n>', `maximum results (1–${MAX_LIMIT})`, '10')
    .option('--from <date>', 'only documents published on or after this date, YYYY-MM-DD')
    .option('--to <date>', 'only documents published on or before this date, YYYY-MM-DD')
    .option('--kind <kinds...>', `only these document kinds (${DOCUMENT_KINDS.join(', ')})`)
    .action(async (text: string, opts: { json?: boolean; limit: string; from?: string; to?: string; kind?: string[] }) => {
      // bad arguments and bad search text fail before the database is opened
      await checkDocsSearch({ text, ...opts });
      const l = lang();
      await withStore(async (db) => {
        const r = renderDocsSearch(await docsSearchCommand(db, { text, ...opts }), Boolean(opts.json), l);
        process.stdout.write(r.stdout);
        if (r.exitCode !== undefined) process.exitCode = r.exitCode;
      });
    });

  program
    .command('events')
    .description('the policy-event timeline (QT, caps, reinvestment, standing repo, rate decisions), each with its cited passage')
    .option('--json', 'print JSON: [{id, date, kind, title, detail, citation}]')
    .option('--from <date>', 'first date, YYYY-MM-DD')
    .option('--to <date>', 'last date, YYYY-MM-DD')
    .option('--kind <kinds...>', `only these event kinds (${EVENT_KINDS.join(', ')})`)
    .action(async (opts: { json?: boolean; from?: string; to?: string; kind?: string[] }) => {
      checkEvents(opts); // bad dates or kinds fail before the database is opened
      const l = lang();
      await withStore(async (db) => {
        const r = renderEvents(await eventsCommand(db, opts), Boolean(opts.json), l);
        if (r.stderr) process.stderr.write(r.stderr);
        process.stdout.write(r.stdout);
        if (r.exitCode !== undefined) process.exitCode = r.exitCode;
      });
    });
}
