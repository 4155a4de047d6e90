// `fincite docs search` and `fincite events`: thin adapters over the knowledge base. They parse and check the
// arguments, call knowledge/search and knowledge/events (loaded only when the command runs), and print text in
// the user's language or JSON; bad input becomes a typed error that main turns into a clear message and exit code.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { FinciteError, InvalidDateError } from '../core/errors.ts';
import type { Lang } from '../core/format.ts';
import type { DocumentKind } from '../core/types.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import { isIsoDate } from '../data/quality.ts';
import type { PolicyEvent } from '../knowledge/events.ts';
import { DOCUMENT_KINDS, EVENT_KINDS, MAX_LIMIT, MAX_QUERY_LENGTH, type PolicyEventKind } from '../knowledge/kinds.ts';
import type { QueryAnalysis, SearchHit } from '../knowledge/search.ts';
import { openDatabase, type Database } from '../store/db.ts';

/** Exit code of a search that finds nothing (as `series search`). */
const NO_RESULTS = 1;

const KIND_NAMES: Record<DocumentKind, { zh: string; en: string }> = {
  statement: { zh: '声明', en: 'statement' },
  minutes: { zh: '会议纪要', en: 'minutes' },
  implementation_note: { zh: '执行说明', en: 'implementation note' },
  sep: { zh: '经济预测摘要', en: 'economic projections' },
  speech: { zh: '讲话', en: 'speech' },
  press_release: { zh: '新闻稿', en: 'press release' },
  decision: { zh: '决议', en: 'decision' },
  other: { zh: '其他文件', en: 'other release' },
};

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

function checkDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isIsoDate(text)) throw new InvalidDateError(text);
  return text;
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new FinciteError('bad_range', { en: `--from ${from} is after --to ${to}`, zh: `--from ${from} 晚于 --to ${to}` });
}

/** `--kind a,b --kind c` → [a, b, c], each checked against the allowed kinds. */
function checkKinds<K extends string>(values: string[] | undefined, allowed: readonly K[]): K[] | undefined {
  if (!values?.length) return undefined;
  const kinds = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !allowed.includes(k as K));
  if (bad.length) {
    throw new FinciteError('unknown_kind', { en: `Unknown kind "${bad[0]}"; use one of ${allowed.join(', ')}.`, zh: `未知的类型"${bad[0]}",可用:${allowed.join('、')}。` });
  }
  return kinds as K[];
}

/** **bold** markers of a snippet as terminal bold on a TTY, as they are elsewhere. */
function terminalSnippet(snippet: string): string {
  return process.stdout.isTTY ? snippet.replace(/\*\*(.+?)\*\*/g, '\u001b[1m$1\u001b[22m') : snippet;
}

const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;

function printHits(analysis: QueryAnalysis, hits: SearchHit[], l: Lang): void {
  const out: string[] = [];
  const translated = analysis.concepts.filter((c) => c.source !== 'english');
  if (translated.length) {
    const shown = translated.map((c) => `${c.text} → ${c.alternatives.filter((a) => !CHINESE.test(a)).slice(0, 4).join(' / ') || c.text}`);
    out.push(`${l === 'zh' ? '检索词:' : 'searching for: '}${shown.join('; ')}`);
  }
  if (analysis.unknown.length) out.push(l === 'zh' ? `词典中没有的词(按原文检索):${analysis.unknown.join('、')}` : `not in the finance dictionary (searched as typed): ${analysis.unknown.join(', ')}`);
  hits.forEach((h, i) => {
    const kind = KIND_NAMES[h.kind][l];
    out.push(
      l === 'zh'
        ? `[${i + 1}] ${h.date} ${h.title}(${kind},第 ${h.position + 1} 段,得分 ${h.score.toFixed(2)})`
        : `[${i + 1}] ${h.date} ${h.title} (${kind}, passage ${h.position + 1}, score ${h.score.toFixed(2)})`,
    );
    out.push(`    ${terminalSnippet(h.snippet)}`);
    out.push(`    ${h.url}`);
  });
  process.stdout.write(out.join('\n') + '\n');
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
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        throw new FinciteError('bad_limit', { en: `--limit must be a whole number from 1 to ${MAX_LIMIT}`, zh: `--limit 必须是 1 到 ${MAX_LIMIT} 之间的整数` });
      }
      const from = checkDate(opts.from);
      const to = checkDate(opts.to);
      checkRange(from, to);
      const kinds = checkKinds(opts.kind, DOCUMENT_KINDS);
      const { analyzeQuery, searchPassages } = await import('../knowledge/search.ts');
      const analysis = analyzeQuery(text); // bad search text fails here, before the database is opened
      await withStore(async (db) => {
        const hits = await searchPassages(db, text, { limit, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kinds ? { kinds } : {}) });
        if (opts.json) {
          const out = hits.map((h) => ({ documentId: h.documentId, title: h.title, date: h.date, url: h.url, kind: h.kind, position: h.position, score: h.score, text: h.text, snippet: h.snippet }));
          process.stdout.write(JSON.stringify(out, null, 2) + '\n');
          return;
        }
        if (!hits.length) {
          process.stdout.write(lang() === 'zh' ? `没有找到与"${text}"匹配的段落。\n` : `No passage matches "${text}".\n`);
          process.exitCode = NO_RESULTS;
          return;
        }
        printHits(analysis, hits, lang());
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
