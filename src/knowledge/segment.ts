// Chinese word segmentation for search: jieba (@node-rs/jieba, prebuilt native binary) with jieba's own
// dictionary plus every Chinese word of the finance term dictionary, so 缩表, 常备回购便利 or 准备金 come out as
// one word instead of single characters (what Intl.Segmenter does). Loaded lazily, once per process: the
// dictionaries take ~0.2 s to load and English-only work never pays for them.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { FINANCE_TERMS, ZH_STOPWORDS } from './terms.ts';

const require = createRequire(import.meta.url);

/** A frequency high enough that a dictionary word wins over jieba's own splits of the same characters. */
const FINANCE_WORD_FREQUENCY = 200_000;

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  if (jieba) return jieba;
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const instance = JiebaClass.withDict(dict);
  const words = new Set<string>([...FINANCE_TERMS.flatMap((t) => t.zh), ...ZH_STOPWORDS]);
  instance.loadDict(Buffer.from([...words].map((w) => `${w} ${FINANCE_WORD_FREQUENCY} n`).join('\n')));
  jieba = instance;
  return jieba;
}

/** Words of a run of Chinese text (no whitespace or punctuation in the result). */
export function segmentChinese(text: string): string[] {
  return segmenter()
    .cut(text, false)
    .map((w) => w.trim())
    .filter((w) => w !== '' && /[\p{L}\p{N}]/u.test(w));
}
