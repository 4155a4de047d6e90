// Text normalisation shared by the passage index and the query parser, so a word is reduced the same way on
// both sides: English is lower-cased, stripped of stopwords and lightly stemmed (plurals, -ing, -ed, final e);
// runs of Chinese characters are segmented into words with the finance dictionary.
import { segmentChinese } from './segment.ts';

/** Bumped whenever tokenisation or chunking changes: every document is then indexed again. */
export const TEXT_PIPELINE_VERSION = 1;

const ENGLISH_STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing during each few for from further had has have having he her here hers herself him himself his how i if ' +
    'in into is it its itself just me more most my myself no nor not now of on once only or other our ours ourselves out own same she ' +
    'should so some such than that the their theirs them themselves then there these they this those through to too under until ' +
    'very was we were what when where which while who whom why will with would you your yours yourself yourselves'
  ).split(' '),
);

export function isEnglishStopword(word: string): boolean {
  return ENGLISH_STOPWORDS.has(word);
}

/** Words ending in -eed that are not a past tense (need, exceed, proceed …). */
const EED_STEMS = /(?:ceed|need|feed|speed|seed|heed|breed)$/;
const VOWEL = /[aeiouy]/;

/**
 * A light English stemmer: enough to meet "caps/cap", "holdings/hold", "reduced/reducing/reduce",
 * "securities/security", "capped/cap" — not a linguistic analysis. Words of three letters or fewer, and
 * anything with a digit, are kept as they are.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('eed')) {
    if (w.length >= 6 && !EED_STEMS.test(w)) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && w.length >= 5 && VOWEL.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && /([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** Stems of words already seen (the vocabulary is a few tens of thousands of words); halves indexing time. */
const stemCache = new Map<string, string>();
function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Runs of CJK ideographs, or runs of anything else. */
const SCRIPT_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
/** A word: letters and digits, with inner apostrophes or dots (U.S., 17.5, Committee's) and soft hyphens. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\u00ad]*(?:['’.][\p{L}\p{N}][\p{L}\p{N}\u00ad]*)*/gu;

export function hasChinese(text: string): boolean {
  return CJK.test(text);
}

/** The text cut into runs of Chinese characters and runs of anything else, with their offsets. */
export function scriptRuns(text: string): Array<{ text: string; start: number; chinese: boolean }> {
  return [...text.matchAll(SCRIPT_RUNS)].map((m) => ({ text: m[0], start: m.index!, chinese: CJK.test(m[0][0]!) }));
}

/** A word with its place in the original text (UTF-16 offsets, end exclusive). */
export interface TokenSpan {
  /** The normalised token (stemmed English, or a Chinese word). */
  token: string;
  /** The lower-cased surface word before stemming (English) or the Chinese word. */
  word: string;
  start: number;
  end: number;
}

/** Lower-case an English word and drop possessives and inner dots ("Reserve's" → "reserve", "U.S." → "us"). */
export function normaliseEnglishWord(raw: string): string {
  const w = raw.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  return /^\d+(?:\.\d+)?$/.test(w) ? w : w.replace(/\./g, '');
}

/**
 * Every word of a text with its offsets, stopwords excluded. Soft hyphens (U+00AD, left inside words by the
 * scraper: "al­though") are skipped; every other non-alphanumeric character separates words, including the
 * non-breaking hyphen of "mortgage‑backed".
 */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const run of scriptRuns(text)) {
    const runText = run.text;
    const base = run.start;
    if (run.chinese) {
      let at = 0;
      for (const word of segmentChinese(runText)) {
        const i = runText.indexOf(word, at);
        if (i < 0) continue;
        at = i + word.length;
        out.push({ token: word, word, start: base + i, end: base + at });
      }
      continue;
    }
    for (const m of runText.matchAll(WORD)) {
      const word = normaliseEnglishWord(m[0].replace(/\u00ad/g, ''));
      if (word === '' || ENGLISH_STOPWORDS.has(word)) continue;
      out.push({ token: cachedStem(word), word, start: base + m.index!, end: base + m.index! + m[0].length });
    }
  }
  return out;
}

/** The normalised tokens of a text, in order (what the passage index stores). */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((t) => t.token);
}

/** Number of whitespace-separated words (for passage sizes). */
export function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}
