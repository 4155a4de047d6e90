// Property suite for claim binding: a generated true fact (value, unit, series, date, sign) and zh/en sentences
// stating it are accepted; the same sentence with the date, the subject or the direction changed is rejected.
// The numbers are written by the product's own formatter (formatValue), so the sentence states the fact exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/answer.ts';
import { formatValue } from '../../../src/core/format.ts';
import type { Unit } from '../../../src/core/types.ts';
import { verifyText, type EntityNames } from '../../../src/engine/verify/index.ts';

const USD_M: Unit = { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' };
const PCT: Unit = { kind: 'percent', scale: 1, label: 'Percent' };

// names without digits (a digit in a name would be a numeral of its own)
const SERIES = [
  { id: 'WALCL', zh: '美联储总资产', en: 'Fed total assets' },
  { id: 'GDP', zh: '美国名义GDP', en: 'nominal GDP' },
  { id: 'UNRATE', zh: '美国失业率', en: 'the unemployment rate' },
  { id: 'PAYEMS', zh: '非农就业人数', en: 'nonfarm payrolls' },
  { id: 'CPIAUCSL', zh: '消费者价格指数', en: 'the consumer price index' },
];
const entities: EntityNames[] = SERIES.map((s) => ({ id: s.id, names: [s.id, s.zh, s.en] }));

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;
const T0 = Date.UTC(2000, 0, 1);
const T1 = Date.UTC(2026, 7, 31);
const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

interface Case {
  lang: 'zh' | 'en';
  series: number;
  other: number;
  change: boolean;
  unit: Unit;
  /** money in millions (integers) or a percent with 2 decimals */
  value: number;
  asOf: string;
  /** a date at least two years away from the fact's period */
  wrongDate: string;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    lang: fc.constantFrom<'zh' | 'en'>('zh', 'en'),
    series: fc.nat({ max: SERIES.length - 1 }),
    shift: fc.integer({ min: 1, max: SERIES.length - 1 }),
    change: fc.boolean(),
    money: fc.boolean(),
    magnitude: fc.integer({ min: 100, max: 9_999_999 }),
    cents: fc.integer({ min: 1, max: 9_999 }),
    negative: fc.boolean(),
    t: fc.integer({ min: T0 + 3 * 366 * DAY, max: T1 }),
    away: fc.integer({ min: 2 * 366, max: 3 * 366 }),
  })
  .map((r) => {
    const asOf = iso(Math.floor(r.t / DAY) * DAY);
    const mag = r.money ? r.magnitude : r.cents / 100;
    return {
      lang: r.lang,
      series: r.series,
      other: (r.series + r.shift) % SERIES.length,
      change: r.change,
      unit: r.money ? USD_M : PCT,
      value: r.change && r.negative ? -mag : mag,
      asOf,
      wrongDate: iso(Date.parse(asOf) - r.away * DAY),
    };
  });

function factOf(c: Case): Fact {
  const s = SERIES[c.series]!;
  const from = iso(Date.parse(c.asOf) - 365 * DAY);
  return c.change
    ? { id: `${s.id}:change`, value: c.value, unit: c.unit, label: { zh: `${s.zh}变化`, en: `${s.en} change` }, asOf: c.asOf, period: { from, to: c.asOf }, method: 'change', seriesId: s.id, inputs: [{ seriesId: s.id, from, to: from }, { seriesId: s.id, from: c.asOf, to: c.asOf }], sourceIds: [1] }
    : { id: `${s.id}:level`, value: c.value, unit: c.unit, label: { zh: s.zh, en: s.en }, asOf: c.asOf, method: 'level', seriesId: s.id, inputs: [{ seriesId: s.id, from: c.asOf, to: c.asOf }], sourceIds: [1] };
}

/** The sentence stating the case, with optional mutations. */
function sentence(c: Case, m: { date?: string; series?: number; flip?: boolean } = {}): string {
  const s = SERIES[m.series ?? c.series]!;
  const date = m.date ?? c.asOf;
  const up = (c.value > 0) !== Boolean(m.flip);
  if (c.lang === 'zh') {
    if (!c.change) return `${zhDate(date)}，${s.zh}为${m.flip ? '-' : ''}${formatValue(c.value, c.unit, 'zh')}[1]。`;
    return `截至${zhDate(date)}，${s.zh}较一年前${up ? '上升' : '下降'}${formatValue(Math.abs(c.value), c.unit, 'zh')}[1]。`;
  }
  if (!c.change) return `On ${date}, ${s.en} was ${m.flip ? '-' : ''}${formatValue(c.value, c.unit, 'en')}[1].`;
  return `As of ${date}, ${s.en} ${up ? 'rose' : 'fell'} by ${formatValue(Math.abs(c.value), c.unit, 'en')} from a year earlier[1].`;
}

const run = (c: Case, text: string) => verifyText(text, { facts: [factOf(c)] }, { lang: c.lang, entities, checkDates: true });
/** The numeric claim of the sentence (there is exactly one). */
const numeric = (c: Case, text: string) => {
  const r = run(c, text);
  expect(r.claims.length, text).toBe(1);
  return { r, claim: r.claims[0]! };
};

describe('claim binding, generated', () => {
  it('a true sentence is accepted whole: its number and its date', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const text = sentence(c);
        const { r } = numeric(c, text);
        expect([text, r.unsupported]).toEqual([text, []]);
        expect(r.numbers).toBe(2); // the number and the date
      }),
      { numRuns: 300 },
    );
  });

  it('the same sentence with another date is rejected (its number and its date)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const text = sentence(c, { date: c.wrongDate });
        const { r, claim } = numeric(c, text);
        expect([text, claim.supported]).toEqual([text, false]);
        expect(r.statements.filter((s) => s.kind === 'date' && !s.supported).length).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('the same sentence naming another series is rejected', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const text = sentence(c, { series: c.other });
        const { claim } = numeric(c, text);
        expect([text, claim.supported]).toEqual([text, false]);
        expect(claim.reason).toContain(SERIES[c.series]!.id);
      }),
      { numRuns: 300 },
    );
  });

  it('the same sentence with the direction (or the sign) reversed is rejected', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const text = sentence(c, { flip: true });
        const { claim } = numeric(c, text);
        expect([text, claim.supported]).toEqual([text, false]);
      }),
      { numRuns: 300 },
    );
  });
});
