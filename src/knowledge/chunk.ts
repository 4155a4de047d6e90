// Splitting a document into passages: paragraph-based, about 40–200 words each, never across documents. A
// passage is an exact slice of the document body (start/end offsets), so any quote inside it is verbatim.
import type { FinDocument } from '../core/types.ts';
import { wordCount } from './text.ts';

export const MIN_PASSAGE_WORDS = 40;
export const MAX_PASSAGE_WORDS = 200;

/** A passage before it is stored: where it sits in its document's body. */
export interface PassageSpan {
  /** 0-based order within the document. */
  position: number;
  /** UTF-16 offsets into the body; `text === body.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

interface Unit {
  start: number;
  end: number;
  words: number;
}

/** Non-empty lines of the body, trimmed: the scraped bodies separate paragraphs by one or more line breaks. */
function paragraphs(body: string): Unit[] {
  const out: Unit[] = [];
  for (const m of body.matchAll(/[^\n]+/g)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const start = m.index! + lead;
    out.push({ start, end: start + trimmed.length, words: wordCount(trimmed) });
  }
  return out;
}

/** Sentence ends: . ! ? (optionally closed by a quote or bracket) followed by space and a capital, digit or quote. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\d])/gu;

/** Sentences of one paragraph as units (offsets into the body). */
function sentences(body: string, p: Unit): Unit[] {
  const text = body.slice(p.start, p.end);
  const out: Unit[] = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = m.index! + m[0].trimEnd().length;
    out.push({ start: p.start + from, end: p.start + to, words: wordCount(text.slice(from, to)) });
    from = m.index! + m[0].length;
  }
  if (from < text.length) out.push({ start: p.start + from, end: p.end, words: wordCount(text.slice(from)) });
  return out;
}

/** A run of words longer than the maximum with no sentence break (a list of names): cut at word boundaries. */
function wordPieces(body: string, u: Unit): Unit[] {
  const out: Unit[] = [];
  const words = [...body.slice(u.start, u.end).matchAll(/\S+/g)];
  const per = Math.ceil(words.length / Math.ceil(words.length / MAX_PASSAGE_WORDS));
  for (let i = 0; i < words.length; i += per) {
    const first = words[i]!;
    const last = words[Math.min(i + per, words.length) - 1]!;
    out.push({ start: u.start + first.index!, end: u.start + last.index! + last[0].length, words: Math.min(per, words.length - i) });
  }
  return out;
}

/** A paragraph over the maximum, packed from its sentences into pieces of about equal size. */
function splitLong(body: string, p: Unit): Unit[] {
  const parts = sentences(body, p).flatMap((s) => (s.words > MAX_PASSAGE_WORDS ? wordPieces(body, s) : [s]));
  const target = p.words / Math.ceil(p.words / MAX_PASSAGE_WORDS);
  const out: Unit[] = [];
  let cur: Unit | null = null;
  for (const s of parts) {
    if (cur && (cur.words >= target || cur.words + s.words > MAX_PASSAGE_WORDS)) {
      out.push(cur);
      cur = null;
    }
    cur = cur ? { start: cur.start, end: s.end, words: cur.words + s.words } : { ...s };
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * The passages of a document: paragraphs, long ones split at sentence ends, short ones (headings, one-line
 * paragraphs) joined to the next until the passage reaches the minimum; a short run that cannot join the next
 * (it would pass the maximum) joins the passage before it if that one has room.
 */
export function splitIntoPassages(doc: Pick<FinDocument, 'body'>): PassageSpan[] {
  const body = doc.body;
  const units = paragraphs(body).flatMap((p) => (p.words > MAX_PASSAGE_WORDS ? splitLong(body, p) : [p]));
  const merged: Unit[] = [];
  // A short run that cannot take the next unit joins the passage before it when that one has room.
  const flush = (u: Unit) => {
    const prev = merged.at(-1);
    if (prev && u.words < MIN_PASSAGE_WORDS && prev.words + u.words <= MAX_PASSAGE_WORDS) merged[merged.length - 1] = { start: prev.start, end: u.end, words: prev.words + u.words };
    else merged.push(u);
  };
  let cur: Unit | null = null;
  for (const u of units) {
    if (cur && (cur.words >= MIN_PASSAGE_WORDS || cur.words + u.words > MAX_PASSAGE_WORDS)) {
      flush(cur);
      cur = null;
    }
    cur = cur ? { start: cur.start, end: u.end, words: cur.words + u.words } : { ...u };
  }
  if (cur) flush(cur);
  return merged.map((u, position) => ({ position, start: u.start, end: u.end, text: body.slice(u.start, u.end) }));
}
