// Finds what a question is about: series (by id, Chinese or English alias) and companies (ticker, names),
// as non-overlapping spans of the question — the longest name wins where two overlap ("10年期美债收益率"
// beats "美债收益率"), and Latin names must stand as whole words.
import type { Company, SeriesMeta } from '../../core/types.ts';
import type { Subject } from '../plan.ts';
import { isEnglishWord } from './lexicon.ts';

interface Key {
  key: string;
  raw: string;
  /** A stem key ("高收益债" of "高收益债利差") counts only when this head word follows later in the text. */
  head?: string;
  /** Tickers and short upper-case ids count only when written in capitals (COST, not "cost"). */
  exactCase: boolean;
  subject: Subject;
}

export interface SubjectMatch {
  subject: Subject;
  start: number;
  end: number;
}

const HAS_CJK = /[\u3400-\u9fff]/;
/** Lower case, full-width folded, hyphens read as spaces ("2-year" = "2 year"); keeps the length. */
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[-_]/g, ' ');
/** Head words whose stem also names the series when the head comes later ("高收益债和投资级债利差"). */
const EVERYDAY_WORD_TICKERS = new Set(['COST', 'HOOD', 'ALL', 'ARE', 'CAN', 'NOW', 'KEY', 'ON', 'IT', 'SO', 'PM', 'AN', 'BE', 'MO', 'LOW', 'HAS', 'SEE', 'DAY', 'WELL', 'HE', 'CAT', 'GE', 'GM', 'MU']);
const HEADS = ['利差', '收益率', '利率', '指数', '股价', '价格', '美债', '国债', ' spread', ' yield', ' rate'];

export class SubjectIndex {
  private readonly keys: Key[];

  constructor(series: SeriesMeta[], companies: Company[]) {
    const keys: Key[] = [];
    const priceSeries = new Map(series.filter((s) => s.ticker).map((s) => [s.ticker!, s.id]));
    for (const s of series) {
      if (s.ticker) continue;
      const subject: Subject = { type: 'series', seriesId: s.id, matched: s.id };
      keys.push({ key: norm(s.id), raw: s.id, exactCase: s.id.length <= 4, subject });
      for (const a of s.aliases) {
        // short upper-case aliases (CPI, PCE, TGA) also count in lower case unless they are English words (ON, ALL)
        keys.push({ key: norm(a), raw: a, exactCase: /^[A-Z0-9]{1,3}$/.test(a) && (a.length < 3 || isEnglishWord(a)), subject });
        const head = HEADS.find((h) => a.endsWith(h) && a.length - h.length >= 2);
        if (head) keys.push({ key: norm(a.slice(0, -head.length)), raw: a.slice(0, -head.length), exactCase: false, subject, head: norm(head).trim() });
      }
    }
    for (const c of companies) {
      const seriesId = priceSeries.get(c.ticker) ?? c.ticker;
      const subject: Subject = { type: 'company', ticker: c.ticker, seriesId, matched: c.ticker };
      const tickers = [c.ticker, c.ticker.replace('.', '-'), c.ticker.replace('.', ' ')];
      // Tickers of three or more letters also count in lower case ("nvidia vs amd"), except those that are
      // everyday words (cost, hood).
      for (const t of new Set(tickers)) keys.push({ key: norm(t), raw: t, exactCase: t.length <= 2 || EVERYDAY_WORD_TICKERS.has(t), subject });
      for (const n of [c.name.en, c.name.zh, ...c.aliases]) keys.push({ key: norm(n), raw: n, exactCase: n.length <= 2, subject });
    }
    // Longest keys first so that overlaps resolve to the most specific name; full names before stems.
    this.keys = keys.filter((k) => k.key.trim().length > 1).sort((a, b) => Number(Boolean(a.head)) - Number(Boolean(b.head)) || b.key.length - a.key.length);
  }

  /** Every subject mentioned, in text order, without overlaps; one match per subject (its first mention). */
  find(question: string, exclude: Array<[number, number]> = []): SubjectMatch[] {
    const text = question.normalize('NFKC').replace(/[-_]/g, ' ');
    const lower = norm(question);
    const taken: Array<[number, number]> = [...exclude];
    const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
    const out: SubjectMatch[] = [];
    for (const k of this.keys) {
      const hay = k.exactCase ? text : lower;
      const needle = k.exactCase ? k.raw.replace(/[-_]/g, ' ') : k.key;
      let from = 0;
      for (;;) {
        const at = hay.indexOf(needle, from);
        if (at < 0) break;
        from = at + 1;
        const end = at + needle.length;
        // a name that starts or ends with a digit does not take part of a longer number ("5年期" in "15年期")
        if ((/^\d/.test(needle) && /\d/.test(hay[at - 1] ?? '')) || (/\d$/.test(needle) && /\d/.test(hay[end] ?? ''))) continue;
        if (!HAS_CJK.test(needle)) {
          const before = hay[at - 1] ?? ' ';
          const after = hay[end] ?? ' ';
          // Latin names stand as whole words; digits glued to them belong to something else (10y vs 210y).
          if (/[A-Za-z0-9]/.test(before) || /[A-Za-z0-9]/.test(after)) continue;
        }
        if (!free(at, end)) continue;
        if (k.head && !(lower.slice(0, at) + ' ' + lower.slice(end)).includes(k.head)) continue;
        taken.push([at, end]);
        out.push({ subject: { ...k.subject, matched: text.slice(at, end) }, start: at, end });
      }
    }
    out.sort((a, b) => a.start - b.start);
    const seen = new Set<string>();
    return out.filter((m) => {
      const id = m.subject.seriesId;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
}
