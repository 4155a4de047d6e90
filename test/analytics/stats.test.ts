import { describe, expect, it } from 'vitest';
import { DateOutOfRangeError } from '../../src/core/errors.ts';
import {
  BASIS_POINTS,
  InsufficientDataError,
  InvalidArgumentError,
  PERCENT,
  PERCENTAGE_POINTS,
  average,
  rollingStdev,
  stdev,
  sum,
  volatility,
} from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

function sampleSd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

describe('stdev: sample vs population on a hand-made series', () => {
  // Values 2, 4, 4, 4, 5, 5, 7, 9 (plus one missing value).
  //   mean = 40 / 8 = 5
  //   squared deviations: 9, 1, 1, 1, 0, 0, 4, 16 → sum 32
  //   population variance = 32 / 8 = 4       → population stdev = 2
  //   sample variance     = 32 / 7 = 4.5714… → sample stdev = √(32/7) = 2.1380899…
  const s = hand('S', [
    ['2024-01-01', 2],
    ['2024-01-02', 4],
    ['2024-01-03', 4],
    ['2024-01-04', null],
    ['2024-01-05', 4],
    ['2024-01-06', 5],
    ['2024-01-07', 5],
    ['2024-01-08', 7],
    ['2024-01-09', 9],
  ], { unit: PERCENT });

  it('population = 2, sample = √(32/7), in percentage points, and says which', () => {
    const pop = stdev(s, undefined, undefined, { kind: 'population' });
    const smp = stdev(s);
    expect(pop.value).toBeCloseTo(2, 14);
    expect(smp.value).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(smp.value).toBeCloseTo(2.1380899352993950, 14);
    expect(pop.method).toBe('stdev_population');
    expect(smp.method).toBe('stdev_sample');
    expect(pop.methodDetail).toContain('population standard deviation (divisor n)');
    expect(smp.methodDetail).toContain('sample standard deviation (divisor n − 1)');
    expect(smp.methodDetail).toContain('n=8 observations; 1 missing value skipped');
    expect(smp.unit).toEqual(PERCENTAGE_POINTS);
    expect(smp.extra).toMatchObject({ n: 8, missingSkipped: 1, kind: 'sample' });
    expect(smp.inputs).toEqual([{ seriesId: 'S', from: '2024-01-01', to: '2024-01-09', observations: 8 }]);
    expect(smp.id).toBe('S:stdev_sample:2024-01-01:2024-01-09');
  });

  it('average and sum keep the series unit and skip the missing value', () => {
    const a = average(s);
    expect(a.value).toBe(5);
    expect(a.unit).toEqual(PERCENT);
    expect(a.extra?.missingSkipped).toBe(1);
    expect(sum(s).value).toBe(40);
    expect(average(s, '2024-01-02', '2024-01-05').value).toBe(4);
  });

  it('stdev of changes: changes 2,0,0,1,0,2,2 (the missing value does not break consecutive observations)', () => {
    const ch = [2, 0, 0, 1, 0, 2, 2];
    expect(stdev(s, undefined, undefined, { on: 'changes' }).value).toBeCloseTo(sampleSd(ch), 14);
  });

  it('typed errors', () => {
    expect(() => stdev(s, '2024-01-09', '2024-01-09')).toThrow(InsufficientDataError);
    expect(stdev(s, '2024-01-09', '2024-01-09', { kind: 'population' }).value).toBe(0);
    expect(() => average(s, '2025-01-01', '2025-02-01')).toThrow(DateOutOfRangeError);
    expect(() => average(s, '2024-02-01', '2024-01-01')).toThrow(InvalidArgumentError);
  });
});

describe('rollingStdev', () => {
  it('window 3 on a hand-made series: last and max with their dates', () => {
    const s = hand('R', [
      ['2024-01-01', 1],
      ['2024-01-02', 2],
      ['2024-01-03', 3],
      ['2024-01-04', 10],
      ['2024-01-05', 10],
      ['2024-01-06', 10],
    ]);
    // windows: [1,2,3] sd 1; [2,3,10] sd √(19) ≈ 4.3589; [3,10,10] sd √(16.333…); [10,10,10] sd 0
    const r = rollingStdev(s, 3);
    expect(r.values.map((v) => v.date)).toEqual(['2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06']);
    expect(r.values[0]!.value).toBeCloseTo(1, 14);
    expect(r.values[1]!.value).toBeCloseTo(sampleSd([2, 3, 10]), 14);
    expect(r.last.value).toBe(0);
    expect(r.last.asOf).toBe('2024-01-06');
    expect(r.last.period).toEqual({ from: '2024-01-04', to: '2024-01-06' });
    expect(r.max.value).toBeCloseTo(sampleSd([2, 3, 10]), 14);
    expect(r.max.asOf).toBe('2024-01-04');
    expect(r.max.method).toBe('rolling_stdev');
    expect(r.max.inputs).toEqual([{ seriesId: 'R', from: '2024-01-02', to: '2024-01-04', observations: 3 }]);
    expect(() => rollingStdev(s, 1)).toThrow(InvalidArgumentError);
    expect(() => rollingStdev(s, 7)).toThrow(InsufficientDataError);
  });
});

describe('volatility', () => {
  it('DGS10 in 2024: sample stdev of daily changes in bp, from the raw file', () => {
    const raw = present(rawFred('DGS10')).filter((r) => r.date >= '2024-01-01' && r.date <= '2024-12-31');
    const ch = raw.slice(1).map((r, i) => (r.value - raw[i]!.value) * 100);
    const f = volatility(fred('DGS10'), '2024-01-01', '2024-12-31');
    expect(f.value).toBeCloseTo(sampleSd(ch), 8);
    expect(f.unit).toEqual(BASIS_POINTS);
    expect(f.methodDetail).toContain('daily changes in basis points');
    expect(f.methodDetail).toContain('not annualized');
    expect(f.extra?.n).toBe(ch.length);
  });

  it('SP500 in 2024: sample stdev of log returns × √252, in percent', () => {
    const raw = present(rawFred('SP500')).filter((r) => r.date >= '2024-01-01' && r.date <= '2024-12-31');
    const lr = raw.slice(1).map((r, i) => Math.log(r.value / raw[i]!.value));
    const f = volatility(fred('SP500'), '2024-01-01', '2024-12-31');
    expect(f.value).toBeCloseTo(sampleSd(lr) * Math.sqrt(252) * 100, 8);
    expect(f.unit).toEqual(PERCENT);
    expect(f.methodDetail).toContain('log returns');
    expect(f.methodDetail).toContain('√252');
  });

  it('bp volatility of a non-rate series is a wrong request', () => {
    expect(() => volatility(fred('SP500'), '2024-01-01', '2024-12-31', { basis: 'bp_changes' })).toThrow(InvalidArgumentError);
  });
});
