// Chinese word segmentation for search: forward maximum matching against the finance term dictionary and the
// Chinese stopwords, so 缩表, 常备回购便利 or 准备金 come out as one word instead of single characters (what
// Intl.Segmenter does); a run of characters outside the dictionary comes out as one (unknown) word. The corpus is English and a
// Chinese query only needs its finance words found, so the dictionary is what matters; this keeps the package
// free of a native segmenter (@node-rs/jieba's per-platform binaries are not all on the registry here, which
// breaks `npm ci`).
import { FINANCE_TERMS, ZH_STOPWORDS } from './terms.ts';

let words: Set<string> | null = null;
let longest = 1;

function dictionary(): Set<string> {
  if (words) return words;
  words = new Set<string>([...FINANCE_TERMS.flatMap((t) => t.zh), ...ZH_STOPWORDS].filter((w) => w.length > 0));
  for (const w of words) longest = Math.max(longest, [...w].length);
  return words;
}

/** Words of a run of Chinese text (no whitespace or punctuation in the result). */
export function segmentChinese(text: string): string[] {
  const dict = dictionary();
  const chars = [...text];
  const out: string[] = [];
  let unknown = '';
  const push = (w: string) => {
    const t = w.trim();
    if (t !== '' && /[\p{L}\p{N}]/u.test(t)) out.push(t);
  };
  for (let i = 0; i < chars.length; ) {
    let taken = 0;
    for (let n = Math.min(longest, chars.length - i); n >= 1; n--) {
      if (dict.has(chars.slice(i, i + n).join(''))) {
        taken = n;
        break;
      }
    }
    // A one-character stopword inside an unknown run is part of that word (人工智能, not 人工智 + 能).
    if (taken === 0 || (taken === 1 && unknown !== '')) {
      unknown += chars[i];
      i += 1;
      continue;
    }
    push(unknown);
    unknown = '';
    push(chars.slice(i, i + taken).join(''));
    i += taken;
  }
  push(unknown);
  return out;
}
