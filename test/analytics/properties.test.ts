// Deterministic property tests (seeded mulberry32; fast-check is not installed): many random series, the
// same ones on every run.
import { describe, expect, it } from 'vitest';
import {
  change,
  correlation,
  drawdown,
  exactDiff,
  inversionEpisodes,
  countWhere,
  max,
  min,
  average,
  spreadSeries,
  stdev,
  toMonthly,
  type SeriesData,
} from '../../src/analytics/index.ts';
import { dailyDates, hand, rng } from './helpers.ts';

const RUNS = 60;

function randomSeries(id: string, r: () => number, n: number, opts: { nulls?: boolean; decimals?: number; start?: number } = {}): SeriesData {
  const dates = dailyDates('2023-01-01', n);
  let v = opts.start ?? 100;
  const d = opts.decimals ?? 2;
  return hand(
    id,
    dates.map((date) => {
      v = Number((v + (r() - 0.5) * 4).toFixed(d));
      return [date, opts.nulls && r() < 0.1 ? null : v] as [string, number | null];
    }),
  );
}

describe('properties (seeded)', () => {
  it('changes add up: change(a→b) + change(b→c) = change(a→c)', () => {
    const r = rng(1);
    for (let k = 0; k < RUNS; k++) {
      const s = randomSeries('A', r, 40, { nulls: true });
      const f1 = change(s, '2023-01-01', '2023-01-20', { toPolicy: 'on_or_before' });
      const f2 = change(s, f1.period!.to, '2023-02-09');
      const f3 = change(s, '2023-01-01', '2023-02-09');
      expect(f1.period!.to).toBe(f2.period!.from);
      expect(exactDiff(f3.value, f1.value)).toBe(f2.value);
    }
  });

  it('exactDiff has no float noise for 2-decimal inputs', () => {
    const r = rng(2);
    for (let k = 0; k < 500; k++) {
      const a = Math.round(r() * 100000) / 100;
      const b = Math.round(r() * 100000) / 100;
      const d = exactDiff(a, b);
      expect(d).toBe(Number((a - b).toFixed(2)));
      expect(String(d)).not.toMatch(/\.\d{3,}/);
    }
  });

  it('stdev: population ≤ sample, both ≥ 0, shift-invariant; min ≤ average ≤ max', () => {
    const r = rng(3);
    for (let k = 0; k < RUNS; k++) {
      const s = randomSeries('S', r, 30, { nulls: true, decimals: 4 });
      const shifted: SeriesData = { ...s, observations: s.observations.map((o) => ({ date: o.date, value: o.value === null ? null : o.value + 1000 })) };
      const smp = stdev(s).value;
      const pop = stdev(s, undefined, undefined, { kind: 'population' }).value;
      expect(pop).toBeGreaterThanOrEqual(0);
      expect(pop).toBeLessThanOrEqual(smp);
      expect(stdev(shifted).value).toBeCloseTo(smp, 8);
      const avg = average(s).value;
      expect(min(s).value).toBeLessThanOrEqual(avg);
      expect(max(s).value).toBeGreaterThanOrEqual(avg);
    }
  });

  it('correlation is symmetric, within [−1, 1], invariant to positive affine maps and flips sign under negation', () => {
    const r = rng(4);
    for (let k = 0; k < RUNS; k++) {
      const a = randomSeries('A', r, 25);
      const b = randomSeries('B', r, 25);
      const c = correlation(a, b).value;
      expect(Math.abs(c)).toBeLessThanOrEqual(1);
      expect(correlation(b, a).value).toBeCloseTo(c, 12);
      const affine: SeriesData = { ...b, observations: b.observations.map((o) => ({ date: o.date, value: 3 * o.value! + 7 })) };
      expect(correlation(a, affine).value).toBeCloseTo(c, 10);
      const neg: SeriesData = { ...b, observations: b.observations.map((o) => ({ date: o.date, value: -o.value! })) };
      expect(correlation(a, neg).value).toBeCloseTo(-c, 12);
    }
  });

  it('drawdown: max ≤ current ≤ 0', () => {
    const r = rng(5);
    for (let k = 0; k < RUNS; k++) {
      const d = drawdown(randomSeries('P', r, 50, { nulls: true }));
      expect(d.max.value).toBeLessThanOrEqual(d.current.value + 1e-12);
      expect(d.current.value).toBeLessThanOrEqual(0);
    }
  });

  it('episodes cover exactly the observations below the threshold', () => {
    const r = rng(6);
    for (let k = 0; k < RUNS; k++) {
      const s = randomSeries('E', r, 60, { nulls: true, start: 0 });
      const e = inversionEpisodes(s);
      expect(e.episodes.reduce((acc, x) => acc + x.observations, 0)).toBe(countWhere(s, { op: '<', value: 0 }).value);
      for (const x of e.episodes) expect(x.min).toBeLessThan(0);
    }
  });

  it('a series minus itself is zero everywhere; monthly last equals the last observation of each month', () => {
    const r = rng(7);
    for (let k = 0; k < 20; k++) {
      const s = randomSeries('Z', r, 70, { nulls: true });
      expect(spreadSeries(s, s).observations.every((o) => o.value === 0)).toBe(true);
      const m = toMonthly(s);
      for (const o of m.observations) {
        const inMonth = s.observations.filter((x) => x.date.startsWith(o.date.slice(0, 7)) && x.value !== null);
        expect(o.value).toBe(inMonth[inMonth.length - 1]!.value);
      }
    }
  });
});
