// Writes a report section by section through ONE AnswerWriter, so facts, sources and citation numbers [n] are
// shared across the whole report; then runs every section through the numeric verifier (with the engine's
// masking of names) and removes any number it cannot support before the report is published.
import { sanitizeModelMarkdown } from '../core/sanitize.ts';
import type { Fact, Passage, Source } from '../core/answer.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import type { DataAccess, LoadedSeries } from '../engine/data.ts';
import { maskNames } from '../engine/engine.ts';
import { prepareEvidence, stripUnsupported, verifyText } from '../engine/verify/index.ts';
import { AnswerWriter } from '../engine/writer.ts';
import type { PeriodCitation } from '../knowledge/periods.ts';
import type { StoredSeries } from '../store/repo.ts';
import type { ChartOption, Report, ReportLang, ReportSection, ReportStep, ReportWriterInfo } from './types.ts';

export const REPORT_DISCLAIMER: Bilingual = {
  zh: '数据基于历史,不代表未来趋势;仅供投资者参考,不构成投资建议。',
  en: 'Based on historical data, which does not indicate future trends; for investors’ reference only, not investment advice.',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A table cell showing a fact (its formatted value unless `text` is given). */
export interface FactCell {
  f: Fact;
  text?: string;
}

interface SectionDraft {
  id?: string;
  heading: Bilingual;
  blocks: string[];
  /** Indexes of the blocks that are running prose (p()), the only ones a language model may reword. */
  prose: Set<number>;
  factIds: Set<string>;
  charts: ChartOption[];
}

export class ReportComposer {
  readonly w: AnswerWriter;
  private readonly drafts: SectionDraft[] = [];
  /** Words a fact is written about in the report (table rows and columns), for the verifier. */
  private readonly about = new Map<string, Set<string>>();
  private readonly quoted = new Set<string>();

  private constructor(
    readonly lang: ReportLang,
    readonly data: DataAccess,
    private readonly metas: Map<string, StoredSeries>,
    private readonly onProgress?: (step: ReportStep) => void,
  ) {
    this.w = new AnswerWriter(lang, (id) => metas.get(id));
  }

  static async create(data: DataAccess, lang: ReportLang, onProgress?: (step: ReportStep) => void): Promise<ReportComposer> {
    const list = await data.seriesList();
    return new ReportComposer(lang, data, new Map(list.map((s) => [s.id, s])), onProgress);
  }

  t(zh: string, en: string): string {
    return this.lang === 'zh' ? zh : en;
  }

  /** A month for running text: 2022年6月 / Jun 2022. */
  mon(d: IsoDate): string {
    const m = Number(d.slice(5, 7));
    return this.lang === 'zh' ? `${Number(d.slice(0, 4))}年${m}月` : `${MONTHS[m - 1]} ${d.slice(0, 4)}`;
  }

  /** A day for running text: 2022年6月1日 / 1 Jun 2022 (never read as a number by the verifier). */
  day(d: IsoDate): string {
    return this.lang === 'zh' ? this.w.date(d) : `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
  }

  series(id: string): Promise<LoadedSeries> {
    return this.data.series(id);
  }

  /** The series' name for running text (Chinese title, or a short English name). */
  name(s: LoadedSeries | StoredSeries): string {
    return this.w.name('meta' in s ? s.meta : s);
  }

  /** Start a section; `id` marks the standard ones ('challenges', 'takeaways', 'method') for the exports. */
  section(zh: string, en: string, id?: string): void {
    this.onProgress?.({ stage: 'section', index: this.drafts.length, heading: { zh, en } });
    this.drafts.push({ ...(id ? { id } : {}), heading: { zh, en }, blocks: [], prose: new Set(), factIds: new Set(), charts: [] });
  }

  private get current(): SectionDraft {
    const d = this.drafts[this.drafts.length - 1];
    if (!d) throw new Error('report: no section started');
    return d;
  }

  /** A paragraph. */
  p(zh: string, en: string): void {
    // "**…上限。**全速期" is not bold in CommonMark (a closing ** after punctuation needs a space after it):
    // the punctuation goes after the closing marker
    const text = this.t(zh, en).replace(/\*\*([^*]+?)([。:,;.!?])\*\*/g, '**$1**$2');
    this.current.prose.add(this.current.blocks.length);
    this.current.blocks.push(this.lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text);
  }

  /** A block of Markdown as written (a list, a table, a quote). */
  md(text: string): void {
    this.current.blocks.push(text);
  }

  bullets(items: string[]): void {
    this.md(items.map((i) => `- ${i}`).join('\n'));
  }

  /**
   * A Markdown table. A cell may be a fact ({f, text?}: its value, or `text` showing it): the fact is then
   * described by the cell's row label and column header, the words the verifier reads for a table cell.
   */
  table(header: string[], rows: Array<Array<string | FactCell>>): void {
    const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const text = (row: Array<string | FactCell>, i: number): string => {
      const cell = row[i]!;
      if (typeof cell === 'string') return cell;
      const label = row[0];
      this.describe(cell.f, typeof label === 'string' ? label : '', header[i] ?? '');
      return cell.text ?? this.w.v(cell.f);
    };
    // numbers align right: a column whose cells are all facts (or empty) or citation markers
    const numeric = header.map((_, i) => i > 0 && rows.every((r) => typeof r[i] !== 'string' || r[i] === '—' || /^(\[\d+\])*$/.test(r[i] as string)));
    this.md([`| ${header.map(esc).join(' | ')} |`, `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map((r) => `| ${r.map((_, i) => esc(text(r, i))).join(' | ')} |`)].join('\n'));
  }

  /** A table cell with a fact's value and, under it, the date it describes (compact: ISO days, named months). */
  dated(f: Fact, frequency = 'daily'): FactCell {
    const when = frequency === 'daily' || frequency === 'weekly' ? f.asOf : this.w.obsDate(f.asOf, frequency);
    return { f, text: `${this.w.v(f)}<br><span class="d">${when}</span>` };
  }

  chart(option: ChartOption): void {
    this.current.charts.push(option);
  }

  /** Register facts (once), record them as used by the current section and return their citation markers. */
  cite(...facts: Fact[]): string {
    for (const f of facts) this.current.factIds.add(this.w.fact(f).id);
    return this.w.cite(...facts);
  }

  /** A fact stated in a document rather than computed from a series (a redemption cap): cited to that document. */
  async documentFact(f: Fact, c: PeriodCitation): Promise<Fact> {
    const src = await this.docSource(c);
    const registered = this.w.factWithSource(f, { kind: 'document', title: src.title, publisher: src.publisher, url: src.url, ...(src.date ? { date: src.date } : {}) });
    this.current.factIds.add(registered.id);
    return registered;
  }

  /** Say what a fact is about in the words the report uses for it (a table's row and column). */
  describe(f: Fact, ...words: string[]): Fact {
    const set = this.about.get(f.id) ?? new Set<string>();
    for (const w of words) if (w) set.add(w);
    this.about.set(f.id, set);
    return f;
  }

  private async docSource(c: PeriodCitation): Promise<Source> {
    const found = await this.data.documentWithQuote(c.date, c.quote);
    const id = found?.id ?? `${c.date}:${c.url}`;
    // each quote enters the verifier's evidence once
    const quote = this.quoted.has(`${id}|${c.quote}`) ? undefined : c.quote;
    this.quoted.add(`${id}|${c.quote}`);
    return this.w.document({ id, title: found?.title ?? c.title, url: found?.url ?? c.url, date: c.date, ...(quote ? { quote } : {}) });
  }

  /** Cite the stored document that contains a verbatim quote (published on its date); returns "[n]". */
  async doc(c: PeriodCitation): Promise<string> {
    return this.w.citeDoc(await this.docSource(c));
  }

  /** A blockquote of the passage, with its document, date and citation. */
  async quote(c: PeriodCitation): Promise<string> {
    const src = await this.docSource(c);
    return `> “${c.quote}”\n> —— ${src.title}, ${this.w.date(c.date)} ${this.w.citeDoc(src)}`;
  }

  /**
   * What the verifier checks the report against: the facts, their labels joined by the names the report uses
   * for them (series names and aliases, table rows and columns), the quoted passages, and the names whose digits
   * are not claims.
   */
  evidence(): { facts: Fact[]; passages: Passage[]; numbers: number[]; names: string[] } {
    const w = this.w;
    const seriesNames = (id: string): string[] => {
      const m = this.metas.get(id);
      return m ? [m.title.zh, m.title.en, w.name(m), ...m.aliases] : [];
    };
    const names = [...new Set(w.sources.filter((s) => s.seriesId).flatMap((s) => seriesNames(s.seriesId!)))];
    // A fact computed on one stored series is also named by that series' names; a derived fact (a share, a sum)
    // only by its own label and the words the report uses for it.
    const facts = w.facts.map((f) => {
      const m = f.seriesId ? this.metas.get(f.seriesId) : undefined;
      const extra = [...(m ? [w.name(m), m.title.zh, ...m.aliases] : []), ...(this.about.get(f.id) ?? [])].join(' ');
      return extra ? { ...f, label: { zh: `${f.label.zh} ${extra}`, en: `${f.label.en} ${extra}` } } : f;
    });
    return { facts, passages: w.passages, numbers: w.params, names };
  }

  /**
   * The challenges table: each challenge, the data that bear on it (facts, each read with the challenge as its
   * row label) and the cited texts.
   */
  challenges(rows: Array<{ challenge: string; evidence: Array<{ label: string; f: Fact; text?: string }>; cited: string }>): void {
    const header = [this.t('挑战', 'Challenge'), this.t('数据证据', 'Evidence in the data'), this.t('依据', 'Sources')];
    this.table(
      header,
      rows.map((r) => {
        for (const x of r.evidence) this.describe(x.f, r.challenge, header[1]!);
        return [r.challenge, r.evidence.map((x) => `${x.label}${this.lang === 'zh' ? '' : ' '}${x.text ?? this.w.v(x.f)}${this.cite(x.f)}`).join(this.t(';', '; ')), r.cited];
      }),
    );
  }

  /** The verifier's prepared evidence and the names whose digits are not claims (built once per use). */
  private verifier(): { verifier: ReturnType<typeof prepareEvidence>; names: string[] } {
    const ev = this.evidence();
    return { verifier: prepareEvidence({ facts: ev.facts, passages: ev.passages, numbers: ev.numbers }, this.lang), names: ev.names };
  }

  /**
   * Let a writer (a language model) reword the running prose, paragraph by paragraph. A rewrite replaces its
   * paragraph only when the verifier supports every number in it and it carries exactly the paragraph's citation
   * markers; otherwise the computed paragraph stays. Tables, lists and quotes are never reworded.
   */
  async rewriteProse(rewrite: (p: { heading: string; text: string }) => Promise<string | null>, concurrency = 4): Promise<{ rewritten: number; kept: number }> {
    const { verifier, names } = this.verifier();
    const markers = (t: string) => [...new Set(t.match(/\[\d+\]/g) ?? [])].sort().join('');
    const jobs = this.drafts.flatMap((d) => [...d.prose].map((i) => ({ d, i })));
    let rewritten = 0;
    let next = 0;
    const worker = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const original = job.d.blocks[job.i]!;
        const candidate = (await rewrite({ heading: this.t(job.d.heading.zh, job.d.heading.en), text: original }).catch(() => null))?.trim();
        if (!candidate || markers(candidate) !== markers(original) || candidate.includes('\n\n')) continue;
        // markup, images or links the model added make the rewrite unusable: the computed paragraph stays
        if (sanitizeModelMarkdown(candidate).removed.length) continue;
        if (verifyText(maskNames(candidate, names), verifier, { lang: this.lang }).unsupported.length) continue;
        job.d.blocks[job.i] = candidate;
        rewritten++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return { rewritten, kept: jobs.length - rewritten };
  }

  /** Verify every section, strip what the verifier cannot support, and assemble the report. */
  finish(meta: { title: string; subtitle?: string; topic: string; generatedAt: string; writer?: ReportWriterInfo }): Report {
    this.onProgress?.({ stage: 'verify' });
    const w = this.w;
    const { verifier, names } = this.verifier();
    let numbers = 0;
    let supported = 0;
    const unsupported: Array<{ text: string; reason: string }> = [];
    const check = (text: string): string => {
      const r = verifyText(maskNames(text, names), verifier, { lang: this.lang });
      numbers += r.numbers;
      supported += r.supported;
      unsupported.push(...r.unsupported);
      return r.unsupported.length ? stripUnsupported(text, r, { lang: this.lang }) : text;
    };
    const sections: ReportSection[] = this.drafts.map((d) => ({
      ...(d.id ? { id: d.id } : {}),
      heading: check(this.t(d.heading.zh, d.heading.en)),
      markdown: check(d.blocks.join('\n\n')),
      factIds: [...d.factIds],
      charts: d.charts,
    }));
    const dataAsOf = w.sources.filter((s) => s.kind === 'series' && s.seriesId && s.date).map((s) => s.date!).sort().at(-1);
    return {
      title: meta.title,
      ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
      language: this.lang,
      topic: meta.topic,
      sections,
      facts: w.facts,
      sources: w.sources,
      verification: { numbers, supported, unsupported },
      disclaimer: REPORT_DISCLAIMER[this.lang],
      generatedAt: meta.generatedAt,
      ...(dataAsOf ? { dataAsOf } : {}),
      ...(meta.writer ? { writer: meta.writer } : {}),
    };
  }
}

/** Values of a series from a date on, in display units (e.g. millions of dollars → trillions), for a chart. */
export function chartPoints(s: LoadedSeries, from: IsoDate, divideBy = 1, to?: IsoDate): Array<[IsoDate, number]> {
  const out: Array<[IsoDate, number]> = [];
  for (const o of s.observations) if (o.value !== null && o.date >= from && (!to || o.date <= to)) out.push([o.date, Math.round((o.value / divideBy) * 10000) / 10000]);
  return out;
}
