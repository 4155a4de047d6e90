// The handle grammar of LLM answers (src/engine/llm/handles.ts), unit by unit: every field rendered in both
// languages with the system's citations, typed citations removed, unknown handles and fields marked, and the
// placeholders a tool result offers. Values are hand-made facts (a drawdown of a series in millions of USD).
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/answer.ts';
import type { Lang } from '../../src/core/format.ts';
import { placeholdersFor, renderHandles } from '../../src/engine/llm/handles.ts';
import { Ledger } from '../../src/engine/tools.ts';
import { AnswerWriter } from '../../src/engine/writer.ts';

// −1,234,567 (millions of USD) = −1.234567 trillion → "-1.23万亿美元" / "-$1.23 trillion"; magnitude without the sign
const drawdown: Fact = {
  id: 'X:drawdown:2020-01-01:2026-08-19',
  value: -1234567,
  unit: { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' },
  label: { zh: '最大回撤', en: 'largest drawdown' },
  asOf: '2026-08-19',
  period: { from: '2022-04-13', to: '2026-08-19' },
  method: 'drawdown',
  seriesId: 'X',
  inputs: [{ seriesId: 'X', from: '2020-01-01', to: '2026-08-19' }],
  sourceIds: [],
  extra: { peakDate: '2022-04-13', peakValue: 8965000, label: 'not a date' },
};

function setup(lang: Lang) {
  const ledger = new Ledger();
  const h = ledger.addFact(drawdown, { kind: 'series', title: 'X: a series', publisher: 'Test', url: 'https://example.org/x' });
  const d = ledger.addDoc({ id: 'doc1', title: 'FOMC statement', url: 'https://example.org/fomc', date: '2022-05-04', quote: 'The Committee decided to begin reducing its holdings.' });
  const w = new AnswerWriter(lang, () => undefined);
  return { ledger, w, h, d };
}

describe('renderHandles', () => {
  it('renders value, magnitude, dates, period ends and dated extras in Chinese, citing the fact once per value', () => {
    const { ledger, w, h, d } = setup('zh');
    expect([h, d]).toEqual(['F1', 'D1']);
    const r = renderHandles('自{{F1.from}}至{{F1.to}}，最大回撤为{{F1}}，即下降{{F1.abs}}（峰值日{{F1.extra.peakDate}}，截至{{F1.asOf}}）[D1]。', ledger, w);
    expect(r.text).toBe('自2022年4月13日至2026年8月19日，最大回撤为-1.23万亿美元[1]，即下降1.23万亿美元[1]（峰值日2022年4月13日，截至2026年8月19日）[2]。');
    expect(r.unknown).toEqual([]);
    expect(w.sources.map((s) => s.url)).toEqual(['https://example.org/x', 'https://example.org/fomc']);
  });

  it('renders in English', () => {
    const { ledger, w } = setup('en');
    expect(renderHandles('The drawdown was {{F1}} (a fall of {{ F1.abs }}) from the {{F1.extra.peakDate}} peak.', ledger, w).text).toBe('The drawdown was -$1.23 trillion[1] (a fall of $1.23 trillion[1]) from the 2022-04-13 peak.');
  });

  it('removes citations the model typed, in any bracket style, before the system cites', () => {
    const { ledger, w } = setup('en');
    const r = renderHandles('Down {{F1.abs}} [3]; see [1, 2] and [1–4], note [^1] and 【2】, per the statement [D1].', ledger, w);
    expect(r.text).toBe('Down $1.23 trillion[1]; see and, note and, per the statement[2].');
    expect(r.typedCitations).toBe(5);
  });

  it('marks unknown handles, unknown fields, numeric extras and a document handle with a field', () => {
    const { ledger, w } = setup('en');
    const r = renderHandles('{{F2}} {{F1.value}} {{F1.extra.peakValue}} {{F1.extra.label}} {{F1.extra}} {{F1.abs.x}} {{D1.asOf}} {{Z}} {{D1}}', ledger, w);
    expect(r.text).toBe('[unverified] [unverified] [unverified] [unverified] [unverified] [unverified] [unverified] [unverified] [1]');
    expect(r.unknown).toEqual(['{{F2}}', '{{F1.value}}', '{{F1.extra.peakValue}}', '{{F1.extra.label}}', '{{F1.extra}}', '{{F1.abs.x}}', '{{D1.asOf}}', '{{Z}}']);
  });

  it('a fact without a period has no from/to', () => {
    const ledger = new Ledger();
    ledger.addFact({ ...drawdown, id: 'Y', period: undefined as never, extra: {} });
    const w = new AnswerWriter('zh', () => undefined);
    expect(renderHandles('{{F1.from}}', ledger, w).text).toBe('[未经核实]');
  });
});

describe('placeholdersFor', () => {
  it('lists value, magnitude, as-of, period ends and the dated extras only', () => {
    expect(placeholdersFor('F3', drawdown)).toEqual({ value: '{{F3}}', magnitude: '{{F3.abs}}', as_of: '{{F3.asOf}}', from: '{{F3.from}}', to: '{{F3.to}}', peakDate: '{{F3.extra.peakDate}}' });
    expect(placeholdersFor('F1', { extra: { n: 5 } })).toEqual({ value: '{{F1}}', magnitude: '{{F1.abs}}', as_of: '{{F1.asOf}}' });
  });
});
