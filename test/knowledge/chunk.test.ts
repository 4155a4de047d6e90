// Passages of the snapshot documents: exact slices of their document, in order, about 40–200 words, and every
// quote the named periods rely on sits inside one passage.
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_WORDS, MIN_PASSAGE_WORDS, splitIntoPassages } from '../../src/knowledge/chunk.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES } from '../../src/knowledge/periods.ts';
import { wordCount } from '../../src/knowledge/text.ts';
import { snapshotCorpus } from './corpus.ts';

const { documents } = await snapshotCorpus();
const split = documents.map((doc) => ({ doc, passages: splitIntoPassages(doc) }));

describe('splitIntoPassages on the snapshot', () => {
  it('gives every document passages that are exact, ordered, non-overlapping slices of its body', () => {
    for (const { doc, passages } of split) {
      expect(passages.length, doc.id).toBeGreaterThan(0);
      let last = 0;
      passages.forEach((p, i) => {
        expect(p.position).toBe(i);
        expect(p.text).toBe(doc.body.slice(p.start, p.end));
        expect(p.start).toBeGreaterThanOrEqual(last);
        last = p.end;
      });
      // Nothing but whitespace is left out between passages.
      const covered = passages.map((p) => p.text).join('');
      expect(covered.replace(/\s+/g, '')).toBe(doc.body.replace(/\s+/g, ''));
    }
  });

  it('keeps passages within 40–200 words; shorter only when no neighbour has room or the document is short', () => {
    let total = 0;
    let short = 0;
    for (const { doc, passages } of split) {
      const words = passages.map((p) => wordCount(p.text));
      total += words.length;
      words.forEach((w, i) => {
        expect(w, `${doc.id} #${i}`).toBeLessThanOrEqual(MAX_PASSAGE_WORDS);
        if (w >= MIN_PASSAGE_WORDS) return;
        short++;
        const prev = words[i - 1];
        const next = words[i + 1];
        expect(prev === undefined || prev + w > MAX_PASSAGE_WORDS, `${doc.id} #${i} could join the passage before`).toBe(true);
        expect(next === undefined || next + w > MAX_PASSAGE_WORDS, `${doc.id} #${i} could join the passage after`).toBe(true);
      });
    }
    expect(total).toBeGreaterThan(5000);
    expect(short / total).toBeLessThan(0.01);
  });

  it('is deterministic', () => {
    const doc = documents.find((d) => d.id === 'fomc-minutes-2025-12-10')!;
    expect(splitIntoPassages(doc)).toEqual(splitIntoPassages(doc));
  });

  it('puts every quote of the named periods and cap regimes inside one passage', () => {
    const quotes = [...NAMED_PERIODS.flatMap((p) => p.citations), ...QT2_CAP_REGIMES.map((r) => r.citation)];
    for (const c of quotes) {
      const inside = split.filter(({ doc }) => doc.date === c.date && doc.url === c.url).flatMap(({ passages }) => passages.filter((p) => p.text.includes(c.quote)));
      expect(inside.length, c.quote).toBeGreaterThan(0);
    }
  });
});
