// `fincite docs search` and `fincite events`: thin adapters over the knowledge base. They parse and check the
// arguments, call knowledge/search and knowledge/events (loaded only when the command runs), and print text in
// the user's language or JSON; bad input becomes a typed error that main turns into a clear message and exit code.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { Lang } from '../core/format.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import type { PolicyEvent } from '../knowledge/events.ts';
import { DOCUMENT_KINDS, EVENT_KINDS, MAX_LIMIT, MAX_QUERY_LENGTH, type PolicyEventKind } from '../knowledge/kinds.ts';
import { checkDate, checkDocsSearch, checkKinds, checkRange, docsSearchCommand } from './commands.ts';
import { renderDocsSearch } from './render.ts';
import { openDatabase, type Database } from '../store/db.ts';

/** Exit code of a search that finds nothing (as `series search`). */
const NO_RESULTS = 1;

const EVENT_KIND_NAMES: Record<PolicyEventKind, { zh: string; en: string }> = {
  qt_plan: { zh: '缩表计划', en: 'QT plan' },
  qt_start: { zh: '缩表开始', en: 'QT start' },
  qt_cap_change: { zh: '缩表上限', en: 'QT cap' },
  qt_end: { zh: '缩表结束', en: 'QT end' },
  rate_decision: { zh: '利率决议', en: 'rate decision' },
  srf: { zh: '常备回购', en: 'standing repo' },
  reinvestment: { zh: '再投资', en: 'reinvestment' },
  balance_sheet_other: { zh: '资产负债表', en: 'balance sheet' },
};

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

function printEvents(events: PolicyEvent[], l: Lang): void {
  const out: string[] = [];
  for (const e of events) {
    out.push(`${e.date}  [${EVENT_KIND_NAMES[e.kind][l]}] ${e.title[l]}${e.detail[l] ? ` — ${e.detail[l]}` : ''}`);
    const c = e.citation;
    out.push(`            ${l === 'zh' ? '原文' : 'quote'}: "${c.quote}" — ${c.title}, ${c.date}, ${c.url}`);
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
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
      const from = checkDate(opts.from);
      const to = checkDate(opts.to);
      checkRange(from, to);
      const kinds = checkKinds(opts.kind, EVENT_KINDS);
      const { listEvents } = await import('../knowledge/events.ts');
      await withStore(async (db) => {
        const { events, problems } = await listEvents(db, { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kinds ? { kinds } : {}) });
        for (const p of problems) process.stderr.write(`${lang() === 'zh' ? '无法引证的事件' : 'event without a citation'}: ${p}\n`);
        if (opts.json) process.stdout.write(JSON.stringify(events, null, 2) + '\n');
        else if (!events.length) process.stdout.write(lang() === 'zh' ? '该条件下没有事件。\n' : 'No events match.\n');
        else printEvents(events, lang());
        if (!events.length) process.exitCode = NO_RESULTS;
      });
    });
}
