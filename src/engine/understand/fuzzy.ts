// Names with typos and near-misses: a Latin word that is neither English nor a name the catalog knows is matched to
// the closest catalog word by edit distance (adjacent transpositions count once); a Chinese run is matched to a
// catalog name of the same length by toneless pinyin (IME homophones: 特斯垃 → 特斯拉, 英伟大 → 英伟达), with at
// least half of its characters the same. A match must be unique; a ticker that only adds a share-class letter or
// suffix (GOOGL against GOOG, BRK.A against BRK.B) is another share class, never a typo.
import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';

export interface NameLexicon {
  /** Lower-cased single words of catalog names, aliases, company names and tickers → the word as the catalog writes it. */
  latin: Map<string, string>;
  /** Which catalog entries (series ids, tickers) each lower-cased word belongs to: a tie between two spellings of one entry is no tie. */
  owners: Map<string, Set<string>>;
  /** Tickers as written (AAPL, BRK.B). */
  tickers: Set<string>;
  /** Chinese names (2–8 characters) by their toneless pinyin key. */
  zh: Map<string, string[]>;
  /** Every Chinese name of 4 or more characters, for names written with a word or two added (密歇根大学通胀预期). */
  zhLong: string[];
}

const HAN = /[\u3400-\u9fff]/;

/** Toneless pinyin, with the initials and finals IME users confuse folded together (zh/z, n/l, ang/an …). */
function pinyinKey(text: string): string {
  const syl = pinyin(text, { toneType: 'none', type: 'array' }) as string[];
  return syl
    .map((s) =>
      s
        .replace(/^zh/, 'z')
        .replace(/^ch/, 'c')
        .replace(/^sh/, 's')
        .replace(/^n/, 'l')
        .replace(/ang$/, 'an')
        .replace(/eng$/, 'en')
        .replace(/ing$/, 'in'),
    )
    .join(' ');
}

export function buildNameLexicon(entries: Array<{ owner: string; names: string[] }>, tickers: string[]): NameLexicon {
  const latin = new Map<string, string>();
  const owners = new Map<string, Set<string>>();
  const zh = new Map<string, string[]>();
  const own = (lw: string, owner: string) => (owners.get(lw) ?? owners.set(lw, new Set()).get(lw)!).add(owner);
  for (const { owner, names } of entries) for (const n of names) {
    for (const w of n.match(/[A-Za-z][A-Za-z&']*[A-Za-z]/g) ?? []) {
      const lw = w.toLowerCase().replace(/'s$/, '');
      if (lw.length < 3) continue;
      if (!latin.has(lw)) latin.set(lw, w);
      own(lw, owner);
    }
    for (const run of n.match(/[\u3400-\u9fff]+/g) ?? []) {
      if (run.length < 2 || run.length > 8) continue;
      const key = pinyinKey(run);
      const list = zh.get(key) ?? [];
      if (!list.includes(run)) list.push(run);
      zh.set(key, list);
    }
  }
  for (const t of tickers) {
    latin.set(t.toLowerCase(), t);
    own(t.toLowerCase(), t);
  }
  const zhLong = [...new Set(entries.flatMap((e) => e.names).filter((n) => /^[\u3400-\u9fff0-9A-Za-z]{4,}$/.test(n) && HAN.test(n)))];
  return { latin, owners, tickers: new Set(tickers), zh, zhLong };
}

/** Optimal-string-alignment distance: Levenshtein, with one adjacent transposition counted as one edit. */
function osa(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== b[i]) return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
  }
  return d;
}

export type LatinVerdict = { kind: 'correct'; to: string } | { kind: 'share_class'; held: string } | { kind: 'none' };

/** The catalog word a misspelt Latin word stands for, a share class the catalog lacks, or nothing. */
export function correctLatin(word: string, lex: NameLexicon): LatinVerdict {
  const upper = word.toUpperCase();
  // another share class of a held ticker: GOOGL / GOOG, BRK.A / BRK.B, BRK-A
  if (/^[A-Z]{2,5}(?:[.-][A-Z])?$/.test(word)) {
    for (const t of lex.tickers) {
      const base = (x: string) => x.replace(/[.-][A-Z]$/, '');
      if (t === upper) return { kind: 'none' };
      if ((base(t) === base(upper) && t !== upper) || (upper.length === t.length + 1 && upper.startsWith(t) && /^[A-Z]+$/.test(t))) return { kind: 'share_class', held: t };
    }
  }
  const w = word.toLowerCase();
  if (w.length < 4) return { kind: 'none' };
  const max = w.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestD = Infinity;
  let bestOwners = new Set<string>();
  let tie = false;
  for (const [cand, shown] of lex.latin) {
    if (Math.abs(cand.length - w.length) > max || cand.length < 4) continue;
    const d = osa(w, cand);
    if (d > max) continue;
    const owners = lex.owners.get(cand) ?? new Set<string>();
    if (d < bestD) {
      bestD = d;
      best = shown;
      bestOwners = owners;
      tie = false;
    } else if (d === bestD && ![...owners].some((o) => bestOwners.has(o))) tie = true;
    // two spellings of one entry: keep the name, not the ticker ("Amazn" → Amazon, not AMZN)
    else if (d === bestD && lex.tickers.has(best ?? '') && !lex.tickers.has(shown)) best = shown;
  }
  return best && !tie ? { kind: 'correct', to: best } : { kind: 'none' };
}

/** The catalog's Chinese name a run (or a window of it) stands for by sound: [start, end, name] within `run`. */
export function correctChinese(run: string, lex: NameLexicon): { start: number; end: number; to: string } | null {
  if (!HAN.test(run)) return null;
  for (let len = Math.min(8, run.length); len >= 2; len--) {
    for (let s = 0; s + len <= run.length; s++) {
      const win = run.slice(s, s + len);
      const cands = lex.zh.get(pinyinKey(win));
      if (!cands) continue;
      const hits = cands.filter((c) => c !== win && [...c].filter((ch, i) => ch === win[i]).length * 2 >= len);
      if (hits.length === 1) return { start: s, end: s + len, to: hits[0]! };
    }
  }
  return null;
}

/**
 * The catalog name a Chinese phrase spells with at most two characters added ("密歇根大学通胀预期" holds every
 * character of "密歇根通胀预期", in order): the longest such name, when it is unique.
 */
export function expandedChinese(phrase: string, lex: NameLexicon): string | null {
  const within = (name: string) => {
    if (phrase.length - name.length > 2 || phrase.length < name.length || phrase === name) return false;
    let i = 0;
    for (const ch of phrase) if (ch === name[i]) i++;
    return i === name.length && phrase[0] === name[0];
  };
  const hits = lex.zhLong.filter(within).sort((a, b) => b.length - a.length);
  if (!hits.length) return null;
  return hits.length === 1 || hits[0]!.length > hits[1]!.length ? hits[0]! : null;
}
