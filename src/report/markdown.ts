// Markdown export: title block, numbered sections, figures (as links to SVG files when the caller writes them),
// the numbered reference list, the disclaimer and the verifier's summary.
import type { Source } from '../core/answer.ts';
import { chinesePunctuation, chinesePunctuationWithTables } from '../core/format.ts';
import { chartSource } from './charts.ts';
import type { Report, ReportLang } from './types.ts';

const L = {
  zh: { date: '报告日期', asOf: '数据截至', toc: '目录', refs: '参考文献', disclaimer: '免责声明', check: '数字核验', figure: '图', observed: '观测截至', published: '发布日期', live: '实时获取于', snapshot: '离线快照' },
  en: { date: 'Report date', asOf: 'Data as of', toc: 'Contents', refs: 'References', disclaimer: 'Disclaimer', check: 'Number check', figure: 'Figure', observed: 'observations through', published: 'published', live: 'retrieved live at', snapshot: 'offline snapshot as of' },
};

export function labels(lang: ReportLang): (typeof L)['zh'] {
  return L[lang];
}

/** The chart's title (the option's title.text), for captions and alt text. */
export function chartTitle(option: Record<string, unknown>): string {
  const t = option['title'] as { text?: unknown } | undefined;
  return typeof t?.text === 'string' ? t.text : '';
}

/**
 * Where a cited value was read from: the offline snapshot and the date it holds the series through, or a live
 * fetch and its time (a snapshot's load time is not a retrieval and is never shown).
 */
export function retrievalText(s: Source, lang: ReportLang): string {
  const l = L[lang];
  if (s.snapshotAsOf) return lang === 'zh' ? `${l.snapshot}（截至${s.snapshotAsOf}）` : `${l.snapshot} ${s.snapshotAsOf}`;
  if (s.retrievedAt) return `${l.live} ${s.retrievedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return '';
}

/** One reference-list entry: title, publisher, the date the citation rests on, where the value was read. */
export function referenceText(s: Source, lang: ReportLang): string {
  const l = L[lang];
  const when = s.date ? `${s.kind === 'series' ? l.observed : l.published} ${s.date}` : '';
  // "WALCL: 美联储总资产" reads as "WALCL：美联储总资产" in a Chinese list
  const title = lang === 'zh' ? s.title.replace(/^([A-Za-z0-9_.^=-]+): (?=\p{Script=Han})/u, '$1：') : s.title;
  return [title, s.publisher, when, retrievalText(s, lang)].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
}

/** The verifier's verdict in one sentence (its numbers describe the check, they are not claims of the report). */
export function verificationSummary(r: Report): string {
  const v = r.verification;
  const bad = v.unsupported.length;
  const wr = r.writer;
  if (r.language === 'zh') {
    const model = wr ? `文字由语言模型 ${wr.engine} 逐段润色:${wr.rewritten}段的改写通过核实后采用,${wr.kept}段保留计算所得的原文。` : '';
    return chinesePunctuation(`${model}本报告正文共含${v.numbers}个数字,其中${v.supported}个与计算所得的事实或所引文件逐一核对一致${bad ? `;${bad}个无法核实,已替换为“[未经核实]”` : ',没有未经核实的数字'}。每个事实的数据序列、日期区间与计算方法见JSON导出(facts)。`);
  }
  const model = wr ? `The prose was reworded paragraph by paragraph by the language model ${wr.engine}: ${wr.rewritten} rewrites passed verification and were used, ${wr.kept} paragraphs keep the computed text. ` : '';
  return `${model}The text of this report contains ${v.numbers} numbers; ${v.supported} were checked against the computed facts or the quoted documents${bad ? `; ${bad} could not be verified and were replaced by “[unverified]”` : ', and none is unverified'}. The series, dates and method of every fact are in the JSON export (facts).`;
}

export function reportDate(r: Report): string {
  return r.generatedAt.slice(0, 10);
}

export interface MarkdownOptions {
  /** Where figure i (0-based, in report order) is written, to link it; figures are listed by title otherwise. */
  figureLink?: (index: number) => string;
}

export function toMarkdown(r: Report, opts: MarkdownOptions = {}): string {
  const l = L[r.language];
  const out: string[] = [`# ${r.title}`];
  if (r.subtitle) out.push(`*${r.subtitle}*`);
  const colon = r.language === 'zh' ? '：' : ': ';
  out.push(`${l.date}${colon}${reportDate(r)}${r.dataAsOf ? ` · ${l.asOf}${colon}${r.dataAsOf}` : ''} · fincite`);
  out.push(`## ${l.toc}\n\n${r.sections.map((s, i) => `${i + 1}. ${s.heading}`).join('\n')}`);
  let fig = 0;
  r.sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${s.heading}`, s.markdown);
    for (const c of s.charts) {
      const title = chartTitle(c) || `${l.figure} ${fig + 1}`;
      const source = chartSource(c);
      out.push(`${opts.figureLink ? `![${title}](${opts.figureLink(fig)})` : `*${title}*`}${source ? `\n\n${source}` : ''}`);
      fig++;
    }
  });
  out.push(`## ${l.refs}\n\n${r.sources.map((s) => `${s.n}. ${referenceText(s, r.language)}${r.language === 'zh' ? '。' : '. '}<${s.url}>`).join('\n')}`);
  out.push(`## ${l.disclaimer}\n\n${r.disclaimer}`);
  out.push(`## ${l.check}\n\n${verificationSummary(r)}`);
  const md = out.join('\n\n') + '\n';
  return r.language === 'zh' ? chinesePunctuationWithTables(md) : md;
}
