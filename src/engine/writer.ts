// Builds an answer's text while keeping its promise: every number written goes through a registered Fact,
// and every Fact gets numbered citations [n] pointing to the series pages or documents it came from.
import type { Fact, Passage, Source } from '../core/answer.ts';
import { chinesePunctuation, formatValue, trimNumber, type Lang } from '../core/format.ts';
import type { IsoDate, SeriesMeta } from '../core/types.ts';
import { SOURCES } from '../data/sources.ts';

export interface SeriesInfo extends SeriesMeta {
  lastSyncedAt?: Date | null;
  /** 'live' or 'snapshot': how the series' rows were last written. */
  lastSyncMode?: string | null;
  lastDate?: IsoDate | null;
}

export interface CitedDocument {
  id: string;
  title: string;
  url: string;
  date: IsoDate;
  quote?: string;
  publisher?: string;
}

/**
 * A name with its ticker in brackets once: a company whose display name already ends in its ticker ("超威半导体(AMD)")
 * got it twice in its price series' title ("超威半导体(AMD)(AMD)日收盘价") in databases loaded before the catalog
 * was fixed; every name the writer shows passes through here.
 */
export function oneTicker(name: string): string {
  return name.replace(/([(（])([A-Z][A-Z0-9.\-]*)([)）])\s*[(（]\2[)）]/g, '$1$2$3');
}

/**
 * A series' name for running text: the Chinese title, or in English the official title when it is short, else the
 * first multi-word English alias (the catalog lists the most natural name first).
 */
export function seriesName(meta: SeriesMeta, lang: Lang): string {
  if (lang === 'zh' || meta.title.en.length <= 48) return oneTicker(lang === 'zh' ? meta.title.zh : meta.title.en);
  return meta.aliases.find((a) => /^[A-Za-z0-9][A-Za-z0-9 ,.'’&()/-]+$/.test(a) && a.includes(' ')) ?? meta.title.en;
}

export class AnswerWriter {
  readonly facts: Fact[] = [];
  readonly sources: Source[] = [];
  readonly passages: Passage[] = [];
  readonly paragraphs: string[] = [];
  readonly charts: unknown[] = [];
  /** Numbers the question itself set (a 20-day window): shown back to the user, not computed. */
  readonly params: number[] = [];
  /**
   * Dates the text may state that no fact carries (an interval [from, to] of ISO days): e.g. the dates of a
   * document's event the answer names. The verifier checks every date of the text against the facts, passages,
   * these and the question.
   */
  readonly dates: Array<[string, string]> = [];
  /** The question the answer replies to (its dates are given, not claimed). */
  question?: string;
  private readonly seriesSource = new Map<string, Source>();
  private readonly docSource = new Map<string, Source>();

  constructor(
    readonly lang: Lang,
    private readonly info: (seriesId: string) => SeriesInfo | undefined,
  ) {}

  /** Register a fact (once) and attach the sources of the series it was computed from. */
  fact(f: Fact): Fact {
    const existing = this.facts.find((x) => x.id === f.id);
    if (existing) return existing;
    const ids = new Set<number>();
    for (const input of f.inputs) {
      const meta = this.info(input.seriesId) ?? (f.seriesId === input.seriesId ? undefined : undefined);
      const src = this.sourceForSeries(input.seriesId, meta, input.to);
      if (src) ids.add(src.n);
    }
    const registered: Fact = { ...f, label: { zh: oneTicker(f.label.zh), en: oneTicker(f.label.en) }, sourceIds: [...ids] };
    this.facts.push(registered);
    return registered;
  }

  /** A fact computed from something that is not a stored catalog series (fundamentals): cite its own page. */
  factWithSource(f: Fact, source: Omit<Source, 'n'>): Fact {
    const existing = this.facts.find((x) => x.id === f.id);
    if (existing) return existing;
    const title = this.typeset(source.title);
    let src = this.sources.find((s) => s.url === source.url && s.title === title);
    if (!src) {
      src = { ...source, title, publisher: this.typeset(source.publisher), n: this.sources.length + 1 };
      this.sources.push(src);
    } else if (source.date && (!src.date || source.date > src.date)) src.date = source.date;
    const registered: Fact = { ...f, sourceIds: [src.n] };
    this.facts.push(registered);
    return registered;
  }

  private sourceForSeries(seriesId: string, meta: SeriesInfo | undefined, date: IsoDate): Source | undefined {
    if (!meta) return undefined;
    let src = this.seriesSource.get(seriesId);
    if (!src) {
      src = {
        n: this.sources.length + 1,
        kind: 'series',
        title: `${meta.id}: ${this.lang === 'zh' ? this.typeset(oneTicker(meta.title.zh)) : oneTicker(meta.title.en)}`,
        publisher: this.typeset((SOURCES[meta.source]?.[this.lang === 'zh' ? 'nameZh' : 'nameEn']) ?? meta.source),
        url: meta.url,
        date,
        seriesId,
        // a snapshot import's time is when this machine loaded the files, not when the data were retrieved
        ...(meta.lastSyncMode === 'snapshot' ? (meta.lastDate ? { snapshotAsOf: meta.lastDate } : {}) : meta.lastSyncedAt ? { retrievedAt: meta.lastSyncedAt.toISOString() } : {}),
      };
      this.sources.push(src);
      this.seriesSource.set(seriesId, src);
    } else if (!src.date || date > src.date) src.date = date;
    return src;
  }

  /** Cite a document (and keep its quote as evidence for the verifier). */
  document(doc: CitedDocument): Source {
    let src = this.docSource.get(doc.id);
    if (!src) {
      src = { n: this.sources.length + 1, kind: 'document', title: doc.title, publisher: doc.publisher ?? (this.lang === 'zh' ? '美联储' : 'Federal Reserve Board'), url: doc.url, date: doc.date, documentId: doc.id };
      this.sources.push(src);
      this.docSource.set(doc.id, src);
    }
    if (doc.quote && !src.quote) src.quote = doc.quote;
    if (doc.quote) this.passages.push({ documentId: doc.id, title: doc.title, date: doc.date, url: doc.url, text: doc.quote, position: 0 });
    return src;
  }

  cite(...facts: Fact[]): string {
    const ns = new Set<number>();
    for (const f of facts) for (const n of this.fact(f).sourceIds) ns.add(n);
    return [...ns].sort((a, b) => a - b).map((n) => `[${n}]`).join('');
  }

  /** Vouch for a date the text states (a document's or an event's date), as a day or an interval. */
  vouchDate(from: IsoDate, to: IsoDate = from): void {
    this.dates.push([from, to]);
  }

  citeDoc(src: Source): string {
    return `[${src.n}]`;
  }

  /** The fact's value formatted for people. */
  v(f: Fact): string {
    return formatValue(f.value, f.unit, this.lang);
  }

  /** Two values formatted with just enough precision to tell them apart (1.5886亿 → 1.5884亿, not 1.59亿 → 1.59亿). */
  pair(a: Fact, b: Fact): [string, string] {
    for (let d = 2; d <= 6; d++) {
      const x = formatValue(a.value, a.unit, this.lang, d);
      const y = formatValue(b.value, b.unit, this.lang, d);
      if (x !== y || a.value === b.value) return [x, y];
    }
    return [this.v(a), this.v(b)];
  }

  /** The magnitude of the fact's value (for "fell by …" sentences). */
  abs(f: Fact): string {
    return formatValue(Math.abs(f.value), f.unit, this.lang);
  }

  /** A signed percent or amount with an explicit sign: +3.2% / -1.5万亿美元. */
  signed(f: Fact): string {
    const s = formatValue(Math.abs(f.value), f.unit, this.lang);
    return f.value > 0 ? `+${s}` : f.value < 0 ? `-${s}` : s;
  }

  num(v: number, decimals = 2): string {
    return trimNumber(v, decimals);
  }

  date(d: IsoDate): string {
    if (this.lang === 'en') return d;
    return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  }

  month(d: IsoDate): string {
    return this.lang === 'zh' ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月` : d.slice(0, 7);
  }

  /** The period label of an observation date for its frequency (月度数据 2026-07-01 → 2026年7月). */
  obsDate(d: IsoDate, freq: string): string {
    if (freq === 'monthly') return this.month(d);
    if (freq === 'quarterly') {
      const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1;
      return this.lang === 'zh' ? `${d.slice(0, 4)}年第${q}季度` : `Q${q} ${d.slice(0, 4)}`;
    }
    if (freq === 'annual') return this.lang === 'zh' ? `${d.slice(0, 4)}年` : d.slice(0, 4);
    return this.date(d);
  }

  t(zh: string, en: string): string {
    return this.lang === 'zh' ? zh : en;
  }

  /** A label the writer shows as it is (a source title): in Chinese with full-width punctuation. */
  typeset(text: string): string {
    return this.lang === 'zh' ? chinesePunctuation(text) : text;
  }

  say(zh: string, en: string): void {
    const text = this.t(zh, en);
    this.paragraphs.push(this.lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text);
  }

  /**
   * A series' name for running text (`seriesName`), with "the" before an English alias.
   */
  name(meta: SeriesMeta): string {
    const name = seriesName(meta, this.lang);
    return this.lang === 'en' && name !== meta.title.en ? `the ${name}`.replace(/^the the /i, 'the ') : name;
  }
}
