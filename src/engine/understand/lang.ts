// The language of a question. A question in one script is in that language; a mixed one ("What is 沪深300 now?",
// "苹果 revenue 是多少") follows its main language: the Chinese characters against the English words that carry the
// sentence (lower-case dictionary words and a leading question word — not names, tickers or acronyms such as Apple,
// nvidia, CPI, MBS).
import { isEnglishWord } from './lexicon.ts';

const QUESTION_WORD = /^(?:what|how|why|when|which|who|is|are|was|were|did|does|do|show|compare|tell|give|list|has|have|can|could|will|should)$/i;

export function detectLanguage(text: string): 'zh' | 'en' {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  if (!cjk) return 'en';
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  let english = 0;
  words.forEach((w, i) => {
    if (/^[a-z]/.test(w) && w.length >= 2 && isEnglishWord(w)) english++;
    else if (i === 0 && QUESTION_WORD.test(w)) english++;
  });
  // an English word carries about as much of a sentence as two Chinese characters
  return english * 2 > cjk ? 'en' : 'zh';
}
