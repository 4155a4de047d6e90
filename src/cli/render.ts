// What the CLI prints for `series`, `docs search`, `sync` and errors, as plain functions of plain (JSON) results.
// One renderer for both paths of a command: in-process (the command computed the result itself) and through a
// running server (src/cli/remote.ts received the same result as JSON), so the output is the same either way. This
// module imports nothing heavy (no database, engine or dependency): the light remote path loads it.
import { formatValue, type Lang } from '../core/format.ts';
import type { DocumentKind, Unit } from '../core/types.ts';

/** Exit codes of the `fincite` command. */
export const EXIT = { ok: 0, userError: 1, usage: 2, unavailable: 3, internal: 70 } as const;

/** What a command prints and the exit code it ends with (undefined: success). */
export interface Rendered {
  stdout: string;
  /** Written before stdout (warnings). */
  stderr?: string;
  exitCode?: number;
}

export function defaultLang(): Lang {
  return (process.env.LANG ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The language of an error message: the one asked for, else the language of the text given (a Chinese question → Chinese). */
export function errorLang(argv: string[], explicit: Lang | undefined, fallback: Lang): Lang {
  if (explicit) return explicit;
  return argv.slice(2).some((a) => /[\u3400-\u9fff]/.test(a)) ? 'zh' : fallback;
}

// ---- sync ----

/** The sync report of src/data/sync.ts as far as the CLI prints it. */
export interface SyncReportView {
  runId: number;
  mode: string;
  status: string;
  seriesDone: number;
  seriesTotal: number;
  rowsAdded: number;
  rowsRevised: number;
  rowsUnchanged: number;
  documentsAdded: number;
  fundamentalsChanged: number;
  durationMs: number;
  failures: Array<{ seriesId: string; error: string; refused?: boolean }>;
  problems: Array<{ seriesId: string; date?: string | null; kind: string; detail: string; file?: string; line?: number; column?: string }>;
}

export function renderSyncReport(r: SyncReportView, lang: Lang): string {
  const secs = (r.durationMs / 1000).toFixed(1);
  let out = '';
  if (lang === 'zh') {
    out += `同步 #${r.runId}（${r.mode === 'live' ? '实时数据源' : '离线快照'}）：${r.status === 'completed' ? '完成' : r.status === 'partial' ? '部分完成' : r.status === 'interrupted' ? '已中断' : '失败'}，` +
      `${r.seriesDone}/${r.seriesTotal} 个序列，新增 ${r.rowsAdded} 行，修订 ${r.rowsRevised} 行，未变 ${r.rowsUnchanged} 行，文档新增/更新 ${r.documentsAdded} 篇，财务数据变更 ${r.fundamentalsChanged} 行，用时 ${secs} 秒\n`;
  } else {
    out += `sync #${r.runId} (${r.mode}): ${r.status}, ${r.seriesDone}/${r.seriesTotal} series, ${r.rowsAdded} rows added, ${r.rowsRevised} revised, ` +
      `${r.rowsUnchanged} unchanged, ${r.documentsAdded} documents added/updated, ${r.fundamentalsChanged} fundamentals rows changed, ${secs}s\n`;
  }
  for (const f of r.failures) {
    out += lang === 'zh'
      ? `  失败 ${f.seriesId}：${f.refused ? '输入数据损坏，已拒绝导入，原有数据保留——' : ''}${f.error}\n`
      : `  failed ${f.seriesId}: ${f.error}\n`;
  }
  // revised values (a source changed a stored value; the old one is kept) are listed apart from data problems
  const revisions = r.problems.filter((p) => p.kind === 'revision');
  const problems = r.problems.filter((p) => p.kind !== 'revision');
  const where = (p: SyncReportView['problems'][number]) =>
    lang === 'zh'
      ? [p.file, p.line !== undefined ? `第 ${p.line} 行` : '', p.column ? `列 ${p.column}` : ''].filter(Boolean).join('，')
      : [p.file, p.line !== undefined ? `line ${p.line}` : '', p.column ? `column ${p.column}` : ''].filter(Boolean).join(', ');
  const more = (n: number) => (lang === 'zh' ? `    …另有 ${n} 条（保存在 sync_problems 表，同步 #${r.runId}）\n` : `    … ${n} more (stored in table sync_problems, run ${r.runId})\n`);
  if (problems.length) {
    const byKind = new Map<string, number>();
    for (const p of problems) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
    if (lang === 'zh') {
      out += `  数据问题：${[...byKind].map(([k, n]) => `${problemName(k, lang)} ×${n}`).join('，')}\n`;
      // the kind and the place in Chinese; the specifics (values as read) as the sync recorded them
      for (const p of problems.slice(0, 10)) out += `    ${p.seriesId}${p.date ? ` ${p.date}` : ''}：${problemName(p.kind, lang)}——${where(p) ? `${where(p)}：` : ''}${p.detail}\n`;
    } else {
      out += `  data problems: ${[...byKind].map(([k, n]) => `${k} ×${n}`).join(', ')}\n`;
      for (const p of problems.slice(0, 10)) out += `    ${p.seriesId}${p.date ? ` ${p.date}` : ''}: ${p.kind} — ${where(p) ? `${where(p)}: ` : ''}${p.detail}\n`;
    }
    if (problems.length > 10) out += more(problems.length - 10);
  }
  if (revisions.length) {
    out += `  ${lang === 'zh' ? `修订的数值（旧值保留在 observation_revisions）：${revisions.length} 条` : `revised values (old values kept in observation_revisions): ${revisions.length}`}\n`;
    for (const p of revisions.slice(0, 10)) out += `    ${p.seriesId} ${p.detail}\n`;
    if (revisions.length > 10) out += more(revisions.length - 10);
  }
  return out;
}

/** `fincite sync`: the report as text or JSON; exit 3 when the sync did not complete or a series failed. */
export function renderSync(r: SyncReportView, json: boolean, lang: Lang): Rendered {
  const stdout = json ? JSON.stringify(r, null, 2) + '\n' : renderSyncReport(r, lang);
  return r.status !== 'completed' || r.failures.length ? { stdout, exitCode: EXIT.unavailable } : { stdout };
}

// ---- series ----

export interface SeriesSummaryView {
  id: string;
  title: { zh: string; en: string };
  units: string;
  frequency: string;
  category: string;
  source: string;
  url: string;
  lastDate: string | null;
}

export function renderSeriesSearch(result: { text: string; hits: SeriesSummaryView[] }, json: boolean, lang: Lang): Rendered {
  const { text, hits } = result;
  if (json) {
    const out = hits.map((s) => ({ id: s.id, title: s.title, units: s.units, frequency: s.frequency, category: s.category, source: s.source, url: s.url }));
    return { stdout: JSON.stringify(out, null, 2) + '\n' };
  }
  if (!hits.length) return { stdout: lang === 'zh' ? `没有找到与"${text}"匹配的序列。\n` : `No series match "${text}".\n`, exitCode: EXIT.userError };
  return { stdout: hits.map((s) => `${s.id.padEnd(18)} ${lang === 'zh' ? s.title.zh : s.title.en} [${s.units}; ${s.frequency}; ${s.lastDate ?? '—'}]\n`).join('') };
}

/** The series object of `series show --json` (key order is the printed order). */
export interface SeriesShowSeries {
  id: string;
  title: { zh: string; en: string };
  units: string;
  unit: Unit;
  frequency: string;
  category: string;
  source: string;
  url: string;
  notes: string | null;
  ticker: string | null;
  firstDate: string | null;
  lastDate: string | null;
  observationCount: number;
  lastSyncedAt: unknown;
  lastSyncMode: unknown;
}

export interface ObservationRow {
  date: string;
  value: number | null;
  open: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
}

export interface SeriesShowResult {
  series: SeriesShowSeries;
  rows: ObservationRow[];
  isBar: boolean;
  ranged: boolean;
}

export function renderSeriesShow(result: SeriesShowResult, json: boolean, l: Lang): Rendered {
  const { series: s, rows, isBar, ranged } = result;
  if (json) {
    const observations = rows.map((r) => (isBar ? { date: r.date, value: r.value, open: r.open, high: r.high, low: r.low, close: r.value, volume: r.volume } : { date: r.date, value: r.value }));
    return { stdout: JSON.stringify({ series: s, observations }) + '\n' };
  }
  const out: string[] = [];
  out.push(`${s.id} — ${l === 'zh' ? s.title.zh : s.title.en}`);
  out.push(`${l === 'zh' ? '单位' : 'units'}: ${s.unit.label}; ${l === 'zh' ? '频率' : 'frequency'}: ${s.frequency}; ${l === 'zh' ? '来源' : 'source'}: ${s.url}`);
  if (s.notes) out.push(`${l === 'zh' ? '说明' : 'note'}: ${s.notes}`);
  if (!rows.length) {
    out.push(l === 'zh' ? `该区间没有数据(可用区间 ${s.firstDate ?? '—'} 至 ${s.lastDate ?? '—'})。` : `No observations in that range (available ${s.firstDate ?? '—'} to ${s.lastDate ?? '—'}).`);
    return { stdout: out.join('\n') + '\n', exitCode: EXIT.userError };
  }
  const shown = ranged ? rows : rows.slice(-20);
  if (!ranged && rows.length > shown.length) out.push(l === 'zh' ? `(共 ${rows.length} 条,显示最后 ${shown.length} 条;用 --from/--to 或 --json 查看全部)` : `(${rows.length} observations; showing the last ${shown.length}; use --from/--to or --json for all)`);
  out.push(isBar ? 'date        open        high        low         close       volume' : 'date        value');
  for (const r of shown) {
    const v = r.value === null ? '' : String(r.value);
    out.push(isBar ? [r.date, r.open, r.high, r.low, v, r.volume].map((x) => String(x ?? '').padEnd(11)).join(' ') : `${r.date}  ${v}`);
  }
  const lastObs = [...rows].reverse().find((r) => r.value !== null);
  if (lastObs) out.push(`${l === 'zh' ? '最新' : 'latest'}: ${formatValue(lastObs.value!, s.unit, l)} (${lastObs.date}) [${s.url}]`);
  return { stdout: out.join('\n') + '\n' };
}

// ---- docs search ----

export const KIND_NAMES: Record<DocumentKind, { zh: string; en: string }> = {
  statement: { zh: '声明', en: 'statement' },
  minutes: { zh: '会议纪要', en: 'minutes' },
  implementation_note: { zh: '执行说明', en: 'implementation note' },
  sep: { zh: '经济预测摘要', en: 'economic projections' },
  speech: { zh: '讲话', en: 'speech' },
  press_release: { zh: '新闻稿', en: 'press release' },
  decision: { zh: '决议', en: 'decision' },
  other: { zh: '其他文件', en: 'other release' },
};

export interface PassageHitView {
  documentId: unknown;
  title: string;
  date: string;
  url: string;
  kind: DocumentKind;
  position: number;
  score: number;
  text: string;
  snippet: string;
}

export interface QueryAnalysisView {
  concepts: Array<{ text: string; source: string; alternatives: string[] }>;
  unknown: string[];
}

/** **bold** markers of a snippet as terminal bold on a TTY, as they are elsewhere. */
function terminalSnippet(snippet: string): string {
  return process.stdout.isTTY ? snippet.replace(/\*\*(.+?)\*\*/g, '\u001b[1m$1\u001b[22m') : snippet;
}

const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/** Exit code of a search that finds nothing (as `series search`). */
const NO_RESULTS = 1;

export function renderDocsSearch(result: { text: string; analysis: QueryAnalysisView; hits: PassageHitView[] }, json: boolean, l: Lang): Rendered {
  const { text, analysis, hits } = result;
  if (json) {
    const out = hits.map((h) => ({ documentId: h.documentId, title: h.title, date: h.date, url: h.url, kind: h.kind, position: h.position, score: h.score, text: h.text, snippet: h.snippet }));
    return { stdout: JSON.stringify(out, null, 2) + '\n' };
  }
  if (!hits.length) return { stdout: l === 'zh' ? `没有找到与"${text}"匹配的段落。\n` : `No passage matches "${text}".\n`, exitCode: NO_RESULTS };
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
  return { stdout: out.join('\n') + '\n' };
}

// ---- events ----

export const EVENT_KIND_NAMES: Record<string, { zh: string; en: string }> = {
  qt_plan: { zh: '缩表计划', en: 'QT plan' },
  qt_start: { zh: '缩表开始', en: 'QT start' },
  qt_cap_change: { zh: '缩表上限', en: 'QT cap' },
  qt_end: { zh: '缩表结束', en: 'QT end' },
  rate_decision: { zh: '利率决议', en: 'rate decision' },
  srf: { zh: '常备回购', en: 'standing repo' },
  reinvestment: { zh: '再投资', en: 'reinvestment' },
  balance_sheet_other: { zh: '资产负债表', en: 'balance sheet' },
};

export interface PolicyEventView {
  id: string;
  date: string;
  kind: string;
  title: { zh: string; en: string };
  detail: { zh: string; en: string };
  citation: { quote: string; title: string; date: string; url: string };
}

/** `fincite events`: the timeline as text or JSON; events that could not be cited are named on stderr. */
/** What each kind of data problem is called, for people (the sync records the kind code). */
const PROBLEM_NAMES: Record<string, { zh: string; en: string }> = {
  unsorted_dates: { zh: '日期顺序错乱', en: 'dates out of order' },
  duplicate_date: { zh: '同一日期数值不同', en: 'duplicate date' },
  non_numeric_value: { zh: '非数字数值', en: 'non-numeric value' },
  unit_change: { zh: '单位变化', en: 'unit change' },
  bad_date: { zh: '无效日期', en: 'invalid date' },
  empty_series: { zh: '序列为空', en: 'empty series' },
  document: { zh: '文档问题', en: 'document problem' },
  bad_row: { zh: '行格式错误', en: 'malformed row' },
  bad_header: { zh: '表头不符', en: 'wrong header' },
  truncated_file: { zh: '文件被截断', en: 'truncated file' },
  empty_file: { zh: '空文件', en: 'empty file' },
  missing_file: { zh: '文件缺失', en: 'missing file' },
  implausible_jump: { zh: '数值跳变不合理', en: 'implausible jump' },
  repeated_row: { zh: '重复行（保留一行）', en: 'repeated row (kept once)' },
  revision: { zh: '数值修订', en: 'revised value' },
};

export function problemName(kind: string, lang: Lang): string {
  return PROBLEM_NAMES[kind]?.[lang] ?? kind;
}

export function renderEvents(result: { events: PolicyEventView[]; problems: string[] }, json: boolean, l: Lang): Rendered {
  const { events, problems } = result;
  const stderr = problems.map((p) => `${l === 'zh' ? '无法引证的事件' : 'event without a citation'}: ${p}\n`).join('');
  const exit = events.length ? {} : { exitCode: NO_RESULTS };
  if (json) return { stdout: JSON.stringify(events, null, 2) + '\n', stderr, ...exit };
  if (!events.length) return { stdout: l === 'zh' ? '该条件下没有事件。\n' : 'No events match.\n', stderr, ...exit };
  const out: string[] = [];
  for (const e of events) {
    out.push(`${e.date}  [${EVENT_KIND_NAMES[e.kind]?.[l] ?? e.kind}] ${e.title[l]}${e.detail[l] ? ` — ${e.detail[l]}` : ''}`);
    const c = e.citation;
    out.push(`            ${l === 'zh' ? '原文' : 'quote'}: "${c.quote}" — ${c.title}, ${c.date}, ${c.url}`);
  }
  return { stdout: out.join('\n') + '\n', stderr };
}

// ---- report ----

/** The line `fincite report --out` writes on stderr after the file. */
export function reportWrittenLine(out: string, language: Lang, r: { sections: number; facts: number; sources: number; supported: number; numbers: number }): string {
  return language === 'zh'
    ? `已写入 ${out}(${r.sections} 节,${r.facts} 个事实,${r.sources} 个来源;${r.supported}/${r.numbers} 个数字已核实)\n`
    : `wrote ${out} (${r.sections} sections, ${r.facts} facts, ${r.sources} sources; ${r.supported}/${r.numbers} numbers verified)\n`;
}

// ---- errors ----

/** An error as the CLI shows it, whether thrown here or sent by a server: typed (both languages), plain, or internal. */
export interface ErrorView {
  kind: 'fincite' | 'plain' | 'internal';
  code?: string;
  messages?: { zh: string; en: string };
  status?: number;
  message: string;
}

/** The line on stderr and the exit code of a failed command (typed: 1, or 3 when unavailable; internal: 70). */
export function renderError(e: ErrorView, l: Lang): { stderr: string; exitCode: number } {
  if (e.kind === 'fincite' && e.messages) return { stderr: `${e.messages[l]}\n`, exitCode: (e.status ?? 400) >= 500 ? EXIT.unavailable : EXIT.userError };
  if (e.kind === 'plain') return { stderr: `${e.message}\n`, exitCode: EXIT.userError };
  return { stderr: `${l === 'zh' ? '内部错误' : 'internal error'}: ${e.message}\n`, exitCode: EXIT.internal };
}
