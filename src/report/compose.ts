// Writes a report section by section through ONE AnswerWriter, so facts, sources and citation numbers [n] are
// shared across the whole report; then runs every section through the numeric verifier (with the engine's
// masking of names) and removes any number it cannot support before the report is published.
import { sanitizeModelMarkdown } from '../core/sanitize.ts';
import type { Fact, Passage, Source } from '../core/answer.ts';
import { chinesePunctuation, chinesePunctuationWithTables, formatValue, moneyAxis } from '../core/format.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import { SOURCES } from '../data/sources.ts';
import type { DataAccess, LoadedSeries } from '../engine/data.ts';
import { maskNames } from '../engine/engine.ts';
import { prepareEvidence, stripUnsupported, verifyText } from '../engine/verify/index.ts';
import { AnswerWriter } from '../engine/writer.ts';
import type { PeriodCitation } from '../knowledge/periods.ts';
import type { StoredSeries } from '../store/repo.ts';
import { chartEvents, chartSource, withEvents, withSource, type ChartEvent } from './charts.ts';
import type { ChartOption, Report, ReportLang, ReportSection, ReportStep, ReportWriterInfo } from './types.ts';

export const REPORT_DISCLAIMER: Bilingual = {
  zh: '数据基于历史，不代表未来趋势；仅供投资者参考，不构成投资建议。',
  en: 'Based on historical data, which does not indicate future trends; for investors’ reference only, not investment advice.',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A table cell showing a fact (its formatted value unless `text` is given), and the date it describes. */
export interface FactCell {
  f: Fact;
  text?: string;
  /** The date the value describes, shown after it: "4.69%（2026-08-20）" (the HTML export puts it under the value). */
  when?: string;
}

/** A dated table cell as plain text: the value, then its date in parentheses (full-width in Chinese). */
export function datedCellText(value: string, when: string, lang: ReportLang): string {
  return lang === 'zh' ? `${value}（${when}）` : `${value} (${when})`;
}

interface SectionDraft {
  id?: string;
  heading: Bilingual;
  blocks: string[];
  /** Indexes of the blocks that are running prose (p()), the only ones a language model may reword. */
  prose: Set<number>;
  factIds: Set<string>;
  /** Numbers [n] of the documents the section cites (their dates are the events its charts mark). */
  docs: Set<number>;
  charts: ChartOption[];
}

export class ReportComposer {
  readonly w: AnswerWriter;
  private readonly drafts: SectionDraft[] = [];
  /** Words a fact is written about in the report (table rows and columns), for the verifier. */
  private readonly about = new Map<string, Set<string>>();
  private readonly quoted = new Set<string>();
  /** The series the plan read (to name what a chart plots). */
  private readonly loaded = new Map<string, LoadedSeries>();
  private readonly byDate = new Map<string, Map<string, number>>();

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
    return this.data.series(id).then((s) => {
      this.loaded.set(s.meta.id, s);
      return s;
    });
  }

  /** The series' name for running text (Chinese title, or a short English name). */
  name(s: LoadedSeries | StoredSeries): string {
    return this.w.name('meta' in s ? s.meta : s);
  }

  /** Start a section; `id` marks the standard ones ('challenges', 'takeaways', 'method') for the exports. */
  section(zh: string, en: string, id?: string): void {
    this.onProgress?.({ stage: 'section', index: this.drafts.length, heading: { zh, en } });
    this.drafts.push({ ...(id ? { id } : {}), heading: { zh, en }, blocks: [], prose: new Set(), factIds: new Set(), docs: new Set(), charts: [] });
  }

  private get current(): SectionDraft {
    const d = this.drafts[this.drafts.length - 1];
    if (!d) throw new Error('report: no section started');
    return d;
  }

  /** A paragraph. */
  p(zh: string, en: string): void {
    const text = boldBeforePunctuation(this.t(zh, en));
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
    // a cell written the old way, "value<br><span class="d">date</span>", is a dated cell (Markdown stays plain text)
    rows = rows.map((row) =>
      row.map((cell) => {
        const m = typeof cell !== 'string' && !cell.when ? /^(.*?)<br\s*\/?><span class="d">([^<]*)<\/span>$/.exec(cell.text ?? '') : null;
        return m && typeof cell !== 'string' ? { ...cell, text: m[1]!, when: m[2]! } : cell;
      }),
    );
    const values = this.columnValues(rows);
    const text = (row: Array<string | FactCell>, r: number, i: number): string => {
      const cell = row[i]!;
      if (typeof cell === 'string') return cell;
      const label = row[0];
      this.describe(cell.f, typeof label === 'string' ? label : '', header[i] ?? '');
      const value = values.get(`${r}:${i}`) ?? cell.text ?? this.w.v(cell.f);
      return cell.when ? datedCellText(value, cell.when, this.lang) : value;
    };
    // numbers align right: a column whose cells are all facts (or empty) or citation markers
    const numeric = header.map((_, i) => i > 0 && rows.every((r) => typeof r[i] !== 'string' || r[i] === '—' || /^(\[\d+\])*$/.test(r[i] as string)));
    this.md([`| ${header.map(esc).join(' | ')} |`, `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map((r, ri) => `| ${r.map((_, i) => esc(text(r, ri, i))).join(' | ')} |`)].join('\n'));
  }

  /**
   * One precision per column: the fact cells of a column that show the standard format of their value (or its
   * signed form) and share a magnitude word (亿美元, 万亿美元, %, bp …) are written with the same number of
   * decimals — the fewest the formatter uses for any of them, zeros kept (2.90万亿美元 beside 3.32万亿美元,
   * 57亿美元 beside 253亿美元). Values are rounded from the fact, never changed; keyed "row:column".
   */
  private columnValues(rows: Array<Array<string | FactCell>>): Map<string, string> {
    interface Parsed { key: string; sign: string; f: Fact; fixed: string; decimals: number }
    const NUM = /\d[\d,]*(?:\.\d+)?/;
    const parsed = new Map<string, Parsed>();
    const custom = new Map<string, { key: string; text: string; num: string; scaled: number }>();
    rows.forEach((row, r) =>
      row.forEach((cell, i) => {
        if (typeof cell === 'string' || !Number.isFinite(cell.f.value)) return;
        const abs = formatValue(Math.abs(cell.f.value), cell.f.unit, this.lang);
        const shown = cell.text ?? this.w.v(cell.f);
        const sign = shown.startsWith('+') ? '+' : shown.startsWith('-') ? '-' : '';
        if (shown.slice(sign.length) !== abs || (sign === '-') !== cell.f.value < 0 || (sign === '+' && cell.f.value <= 0)) {
          // a plan's own rounding ("30%" from one decimal, trimmed): the fact in the unit shown, if the text is it
          const m = /^([+-]?)([^\d]*)(\d+(?:\.\d+)?)([^\d]*)$/.exec(shown);
          const n = m ? Number(m[3]) : 0;
          if (!m || n === 0 || cell.f.value === 0) return;
          const power = Math.log10(n / Math.abs(cell.f.value));
          if (Math.abs(power - Math.round(power)) > 0.01) return;
          custom.set(`${r}:${i}`, { key: `${i}|${m[2]}#${m[4]}`, text: shown, num: m[3]!, scaled: Math.abs(cell.f.value) * 10 ** Math.round(power) });
          return;
        }
        const fixed = formatValue(Math.abs(cell.f.value), cell.f.unit, this.lang, 2, { keepZeros: true });
        const m = NUM.exec(fixed);
        if (!m) return;
        const key = `${i}|${fixed.slice(0, m.index)}#${fixed.slice(m.index + m[0].length)}`;
        parsed.set(`${r}:${i}`, { key, sign, f: cell.f, fixed, decimals: m[0].split('.')[1]?.length ?? 0 });
      }),
    );
    const target = new Map<string, number>();
    for (const p of parsed.values()) target.set(p.key, Math.min(target.get(p.key) ?? Infinity, p.decimals));
    const nums = new Map<string, string>();
    for (const [at, p] of parsed) {
      const d = target.get(p.key)!;
      let num = NUM.exec(p.fixed)![0];
      if (d < p.decimals) {
        // the value in the unit shown (亿, 万亿, %): the formatter's number is |value| times a power of ten
        const shownNum = Number(num.replace(/,/g, ''));
        if (shownNum === 0 || p.f.value === 0) continue;
        const scale = 10 ** Math.round(Math.log10(shownNum / Math.abs(p.f.value)));
        const v = (Math.abs(p.f.value) * scale).toFixed(d);
        num = num.includes(',') ? v.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : v;
      }
      nums.set(at, num);
    }
    // cells the plan rounded itself: trimmed zeros are put back up to the most decimals the column shows, only
    // where the fact rounds to the same digits ("30%" → "30.0%" beside "24.5%")
    const customDecimals = new Map<string, number>();
    for (const c of custom.values()) customDecimals.set(c.key, Math.max(customDecimals.get(c.key) ?? 0, c.num.split('.')[1]?.length ?? 0));
    for (const [at, c] of custom) {
      const d = customDecimals.get(c.key)!;
      const k = c.num.split('.')[1]?.length ?? 0;
      if (k < d && c.scaled.toFixed(k) === c.num && c.scaled.toFixed(d).startsWith(c.num)) nums.set(at, c.text.replace(c.num, c.scaled.toFixed(d)));
    }
    // a column of whole numbers is written without decimals ($30 billion, not $30.0 billion)
    const whole = new Set([...parsed.values()].map((p) => p.key));
    for (const [at, num] of nums) if (parsed.has(at) && /\.\d*[1-9]/.test(num)) whole.delete(parsed.get(at)!.key);
    const out = new Map<string, string>();
    for (const [at, num] of nums) {
      const p = parsed.get(at);
      if (!p) {
        out.set(at, num);
        continue;
      }
      const m = NUM.exec(p.fixed)!;
      out.set(at, p.sign + p.fixed.slice(0, m.index) + (whole.has(p.key) ? num.replace(/\.\d*$/, '') : num) + p.fixed.slice(m.index + m[0].length));
    }
    return out;
  }

  /** A table cell with a fact's value and the date it describes (compact: ISO days, named months). */
  dated(f: Fact, frequency = 'daily'): FactCell {
    const when = frequency === 'daily' || frequency === 'weekly' ? f.asOf : this.w.obsDate(f.asOf, frequency);
    return { f, when };
  }

  /**
   * Add a chart to the current section. With `seriesIds` (the series it plots) its source line names their
   * publishers and ids; a chart without a source line gets one from the series its section cites when the
   * report is finished. `events` (dates the text discusses) are drawn as vertical lines on a time chart; a time
   * chart without events marks the dates of the documents its section cites.
   */
  chart(option: ChartOption, seriesIds?: string[], events?: ChartEvent[]): void {
    let o = events?.length ? withEvents(option, events, this.lang) : option;
    if (seriesIds?.length && !chartSource(o)) o = withSource(o, this.sourceLine(seriesIds), this.lang);
    this.current.charts.push(o);
  }

  /** "来源：FRED（WALCL、TREAST）；纽约联储（SRFUSAGE）" / "Source: FRED (WALCL, TREAST); …", by publisher. */
  sourceLine(seriesIds: string[], documents = false): string {
    const byPublisher = new Map<string, string[]>();
    for (const id of seriesIds) {
      const m = this.metas.get(id);
      if (!m) continue;
      const name = m.source === 'fred' ? 'FRED' : (SOURCES[m.source]?.[this.lang === 'zh' ? 'nameZh' : 'nameEn'] ?? m.source);
      const ids = byPublisher.get(name) ?? [];
      if (!ids.includes(m.id)) ids.push(m.id);
      byPublisher.set(name, ids);
    }
    const parts = [...byPublisher].map(([name, ids]) => (this.lang === 'zh' ? `${name}（${ids.join('、')}）` : `${name} (${ids.join(', ')})`));
    if (documents) parts.push(this.t('FOMC文件', 'FOMC documents'));
    if (!parts.length) return '';
    return this.lang === 'zh' ? `来源：${parts.join('；')}` : `Source: ${parts.join('; ')}`;
  }

  /**
   * Chart points of a money series in the unit the text uses (亿美元/万亿美元, $ billion/trillion) and the axis
   * name for them, chosen from the largest value plotted.
   */
  moneyPoints(s: LoadedSeries, from: IsoDate, to?: IsoDate): { points: Array<[IsoDate, number]>; axisName: string } {
    const raw = chartPoints(s, from, 1, to);
    const axis = moneyAxis(s.meta.unit, Math.max(0, ...raw.map(([, v]) => Math.abs(v))), this.lang);
    if (!axis) return { points: raw, axisName: s.meta.unit.label };
    return { points: chartPoints(s, from, axis.divisor, to), axisName: axis.name };
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
    const src = this.w.document({ id, title: found?.title ?? c.title, url: found?.url ?? c.url, date: c.date, ...(quote ? { quote } : {}) });
    this.drafts.at(-1)?.docs.add(src.n);
    return src;
  }

  /** Cite the stored document that contains a verbatim quote (published on its date); returns "[n]". */
  async doc(c: PeriodCitation): Promise<string> {
    return this.w.citeDoc(await this.docSource(c));
  }

  /** A blockquote of the passage, with its document, date and citation. */
  async quote(c: PeriodCitation): Promise<string> {
    const src = await this.docSource(c);
    return `> “${c.quote}”\n> —— ${src.title}${this.t('，', ', ')}${this.w.date(c.date)}${this.w.citeDoc(src)}`;
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

  /**
   * Chinese typography for report text, in one place: ASCII , : ; ( ) next to Chinese become full-width (table
   * cells too). Applied after verification; it changes no digit, so the verified numbers are the ones shown.
   */
  typeset(text: string): string {
    return this.lang === 'zh' ? chinesePunctuationWithTables(text) : text;
  }

  /**
   * A chart as published: a source line (from the series its section cites when the plan gave none), the dates of
   * the section's documents as events on a time chart the plan gave no events, and Chinese punctuation in every
   * label.
   */
  private finishChart(option: ChartOption, d: SectionDraft): ChartOption {
    let o = option;
    const xAxis = o['xAxis'] as { type?: string } | undefined;
    const docEvents = xAxis?.type === 'time' && !chartEvents(o).length ? this.documentEvents(o, d) : [];
    o = withEvents(o, docEvents, this.lang);
    if (!chartSource(o)) {
      const plotted = this.plottedSeries(o);
      const cited = plotted.complete ? [] : this.w.facts.filter((f) => d.factIds.has(f.id)).flatMap((f) => f.inputs.map((i) => i.seriesId));
      // the section's documents are a source when their dates are drawn or a line is not a stored series (a cap)
      o = withSource(o, this.sourceLine([...new Set([...plotted.ids, ...cited])], d.docs.size > 0 && (docEvents.length > 0 || !plotted.complete)), this.lang);
    }
    return this.lang === 'zh' ? typesetStrings(chineseMoneyAxes(o)) : o;
  }

  /**
   * The stored series a chart's lines plot, found by their values: a line is a series when every sampled point
   * equals the series' observation on that date in some power-of-ten unit (chartPoints keeps 4 decimals).
   * `complete` is false when a line is derived (a YoY rate, a spread) or the chart has categories.
   */
  private plottedSeries(option: ChartOption): { ids: string[]; complete: boolean } {
    const lines = ((option['series'] as Array<{ data?: unknown[] }> | undefined) ?? []).map((x) => (x.data ?? []).filter((p): p is [string, number] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number'));
    const ids: string[] = [];
    let complete = lines.length > 0;
    for (const points of lines) {
      const sample = points.filter((p) => p[1] !== 0).filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 8)) === 0);
      const id = sample.length ? [...this.loaded.keys()].find((sid) => this.plots(sid, sample)) : undefined;
      if (id) ids.push(id);
      else complete = false;
    }
    return { ids, complete };
  }

  private plots(seriesId: string, sample: Array<[string, number]>): boolean {
    let values = this.byDate.get(seriesId);
    if (!values) {
      values = new Map(this.loaded.get(seriesId)!.observations.filter((o) => o.value !== null).map((o) => [o.date, o.value as number]));
      this.byDate.set(seriesId, values);
    }
    const first = values.get(sample[0]![0]);
    if (first === undefined || first === 0) return false;
    const divisor = 10 ** Math.round(Math.log10(first / sample[0]![1]));
    return sample.every(([date, v]) => {
      const x = values.get(date);
      return x !== undefined && Math.abs(x / divisor - v) <= 6e-5 + 1e-9 * Math.abs(v);
    });
  }

  /** The dates of the documents a section cites that fall inside a time chart's data, one per month. */
  private documentEvents(option: ChartOption, d: SectionDraft): ChartEvent[] {
    const dates = ((option['series'] as Array<{ data?: Array<[string, number]> }> | undefined) ?? []).flatMap((s) => (s.data ?? []).map((p) => p[0])).sort();
    const [from, to] = [dates[0], dates.at(-1)];
    if (!from || !to) return [];
    const seen = new Set<string>();
    const out: ChartEvent[] = [];
    for (const src of this.w.sources.filter((x) => d.docs.has(x.n) && x.date).sort((a, b) => a.date!.localeCompare(b.date!))) {
      const date = src.date!;
      if (date < from || date > to || seen.has(date.slice(0, 7))) continue;
      seen.add(date.slice(0, 7));
      const kind = /minutes/i.test(src.title) ? this.t('FOMC纪要', 'FOMC minutes') : /statement/i.test(src.title) ? this.t('FOMC声明', 'FOMC statement') : 'FOMC';
      out.push({ date, label: `${kind} ${this.lang === 'zh' ? this.mon(date) : date.slice(0, 7)}` });
    }
    return out;
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
    // verified as written; then the presentation: one citation per claim, Chinese punctuation (no digit changes)
    const present = (text: string): string => boldBeforePunctuation(this.typeset(oneCitationPerClaim(text)));
    const sections: ReportSection[] = this.drafts.map((d) => ({
      ...(d.id ? { id: d.id } : {}),
      heading: present(check(this.t(d.heading.zh, d.heading.en))),
      markdown: present(check(d.blocks.join('\n\n'))),
      factIds: [...d.factIds],
      charts: d.charts.map((c) => this.finishChart(c, d)),
    }));
    const dataAsOf = w.sources.filter((s) => s.kind === 'series' && s.seriesId && s.date).map((s) => s.date!).sort().at(-1);
    return {
      title: this.typeset(meta.title),
      ...(meta.subtitle ? { subtitle: this.typeset(meta.subtitle) } : {}),
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

/**
 * "**…上限。**全速期" is not bold in CommonMark (a closing ** after punctuation needs a space after it): the
 * punctuation goes after the closing marker, in paragraphs, lists and tables alike.
 */
export function boldBeforePunctuation(text: string): string {
  return text.replace(/\*\*([^*\n]+?)([。：，；！？:,;.!?])\*\*/g, '**$1**$2');
}

/**
 * A citation per claim, not per clause: within one sentence (up to 。！？ or ". ", a line or a table cell) a run of
 * markers repeated by the next run with no other marker between is written once, at the later place
 * ("减少169亿美元[6]，仅为上限的48%[6]。" → "减少169亿美元，仅为上限的48%[6]。").
 */
export function oneCitationPerClaim(text: string): string {
  const RUN = /(?:\[\d{1,3}\])+/g;
  const runs = [...text.matchAll(RUN)].map((m) => ({ at: m.index, text: m[0] }));
  const drop = new Set<number>();
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i]!;
    const b = runs[i + 1]!;
    if (a.text !== b.text) continue;
    const between = text.slice(a.at + a.text.length, b.at);
    if (/[。！？!?\n|]|\.(?:\s|$)/.test(between)) continue;
    drop.add(a.at);
  }
  if (!drop.size) return text;
  let out = '';
  let last = 0;
  for (const r of runs) {
    if (!drop.has(r.at)) continue;
    out += text.slice(last, r.at);
    last = r.at + r.text.length;
  }
  return out + text.slice(last);
}

/** Chinese units that are not the text's (亿/万亿, 万人): the axis unit to use instead and the factor to it. */
const CHINESE_MONEY_UNITS: Record<string, [string, number]> = { 十亿美元: ['亿美元', 10], 百万美元: ['亿美元', 0.01], 千亿美元: ['亿美元', 1000], 百万人: ['万人', 100] };

/**
 * A Chinese chart whose axis is in 十亿美元, 百万美元 or 百万人 is redrawn in 亿美元 or 万人, the units of the text and
 * tables (the values of that axis times 10, 0.01 or 100; the title says the new unit).
 */
function chineseMoneyAxes(o: ChartOption): ChartOption {
  const axes = (o['yAxis'] as Array<Record<string, unknown>> | undefined) ?? [];
  const change = axes.map((a) => CHINESE_MONEY_UNITS[String(a['name'] ?? '').replace(/\/月$/, '')]);
  if (!change.some(Boolean)) return o;
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const series = ((o['series'] as Array<Record<string, unknown>> | undefined) ?? []).map((x) => {
    const c = change[Number(x['yAxisIndex'] ?? 0)];
    if (!c) return x;
    // a bar's { value, label } is scaled and its label left to the series' '{c}' (its precision was the old unit's)
    const data = ((x['data'] as unknown[] | undefined) ?? []).map((p) =>
      Array.isArray(p) && typeof p[1] === 'number'
        ? [p[0], round(p[1] * c[1])]
        : typeof p === 'number'
          ? round(p * c[1])
          : p && typeof p === 'object' && typeof (p as { value?: unknown }).value === 'number'
            ? { value: round((p as { value: number }).value * c[1]) }
            : p,
    );
    const mark = x['markLine'] as { data?: Array<Record<string, unknown>> } | undefined;
    const markLine = mark?.data ? { markLine: { ...mark, data: mark.data.map((m) => (typeof m['yAxis'] === 'number' ? { ...m, yAxis: round(m['yAxis'] * c[1]) } : m)) } } : {};
    return { ...x, data, ...markLine };
  });
  let title = o['title'] as Record<string, unknown> | undefined;
  for (const c of change) {
    if (!c || !title) continue;
    const [from] = Object.entries(CHINESE_MONEY_UNITS).find(([, v]) => v === c)!;
    // "（百万）" in a title names the axis unit 百万人 without its noun
    title = { ...title, text: String(title['text']).replaceAll(from, c[0]).replace(new RegExp(`([(（])${from.replace(/人$/, '')}([)）])`), `$1${c[0]}$2`) };
  }
  // the accessible description repeats the title: it says the new unit too
  const aria = o['aria'] as { label?: Record<string, unknown> } | undefined;
  const described = aria?.label && title ? { aria: { ...aria, label: { ...aria.label, description: title['text'] } } } : {};
  return { ...o, ...(title ? { title } : {}), ...described, series, yAxis: axes.map((a, i) => (change[i] ? { ...a, name: String(a['name']).replace(/^[^/]+/, change[i]![0]) } : a)) };
}

/** Every label of a chart option in Chinese punctuation (font names, colours and data left as they are). */
function typesetStrings<T>(o: T, key = ''): T {
  if (typeof o === 'string') return (/^(fontFamily|color|fill|backgroundColor|type|xAxis|yAxis)$/.test(key) ? o : chinesePunctuation(o)) as T;
  if (Array.isArray(o)) return (key === 'data' && o.every((x) => Array.isArray(x)) ? o : o.map((x: unknown) => typesetStrings(x, key))) as T;
  if (o && typeof o === 'object') return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typesetStrings(v, k)])) as T;
  return o;
}

/** Values of a series from a date on, in display units (e.g. millions of dollars → trillions), for a chart. */
export function chartPoints(s: LoadedSeries, from: IsoDate, divideBy = 1, to?: IsoDate): Array<[IsoDate, number]> {
  const out: Array<[IsoDate, number]> = [];
  for (const o of s.observations) if (o.value !== null && o.date >= from && (!to || o.date <= to)) out.push([o.date, Math.round((o.value / divideBy) * 10000) / 10000]);
  return out;
}
