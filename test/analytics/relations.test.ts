import { describe, expect, it } from 'vitest';
import {
  BASIS_POINTS,
  CORRELATION,
  InsufficientDataError,
  PERCENT,
  PERCENTAGE_POINTS,
  RATIO,
  UndefinedResultError,
  UnitMismatchError,
  alignSeries,
  correlation,
  ratio,
  spread,
  spreadSeries,
  toMonthly,
  valueOn,
} from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

const dates5 = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
const series = (id: string, vals: number[], dates = dates5) => hand(id, vals.map((v, i) => [dates[i]!, v] as [string, number]));

describe('correlation', () => {
  it('perfect +1 and −1', () => {
    const x = series('X', [1, 2, 3, 4, 5]);
    expect(correlation(x, series('Y', [3, 5, 7, 9, 11])).value).toBeCloseTo(1, 14); // y = 2x + 1
    expect(correlation(x, series('Z', [4, 1, -2, -5, -8])).value).toBeCloseTo(-1, 14); // y = −3x + 7
  });

  it('a hand-computed value', () => {
    // x = 1..5, y = 2,4,5,4,5: dx = −2,−1,0,1,2; dy = −2,0,1,0,1
    // Σdxdy = 4 + 0 + 0 + 0 + 2 = 6; Σdx² = 10; Σdy² = 6 → r = 6 / √60 = 0.7745966692…
    const f = correlation(series('X', [1, 2, 3, 4, 5]), series('Y', [2, 4, 5, 4, 5]));
    expect(f.value).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(f.value).toBeCloseTo(0.7745966692414834, 14);
    expect(f.unit).toEqual(CORRELATION);
    expect(f.extra).toMatchObject({ n: 5, on: 'levels', alignment: 'exact' });
    expect(f.methodDetail).toContain('n=5');
    expect(f.id).toBe('X~Y:correlation:levels:2024-01-01:2024-01-05');
    expect(f.inputs).toEqual([
      { seriesId: 'X', from: '2024-01-01', to: '2024-01-05', observations: 5 },
      { seriesId: 'Y', from: '2024-01-01', to: '2024-01-05', observations: 5 },
    ]);
  });

  it('on changes, on common dates only (missing values and non-shared dates dropped)', () => {
    // levels 1,2,4,7,11 and 0,1,3,6,10 have identical changes 1,2,3,4 → r = 1
    expect(correlation(series('A', [1, 2, 4, 7, 11]), series('B', [0, 1, 3, 6, 10]), undefined, undefined, { on: 'changes' }).value).toBeCloseTo(1, 14);
    const a = hand('A', [
      ['2024-01-01', 1],
      ['2024-01-02', 2],
      ['2024-01-03', null],
      ['2024-01-04', 4],
      ['2024-01-05', 5],
    ]);
    const b = series('B', [10, 20, 30, 41, 50]);
    const f = correlation(a, b);
    expect(f.extra?.n).toBe(4);
  });

  it('different frequencies: the daily series is sampled at the monthly dates (last observation on or before)', () => {
    const monthly = hand('M', [
      ['2024-02-01', 1],
      ['2024-03-01', 2],
      ['2024-04-01', 3],
      ['2024-05-01', 5],
    ], { frequency: 'monthly' });
    const daily = hand('D', [
      ['2024-01-31', 10],
      ['2024-02-01', 11],
      ['2024-02-29', 19],
      ['2024-03-28', 31],
      ['2024-04-30', 52],
    ], { frequency: 'daily' });
    const al = alignSeries(monthly, daily);
    expect(al.mode).toBe('asof');
    expect(al.pairs.map((p) => [p.date, p.a, p.b, p.bDate])).toEqual([
      ['2024-02-01', 1, 11, '2024-02-01'],
      ['2024-03-01', 2, 19, '2024-02-29'],
      ['2024-04-01', 3, 31, '2024-03-28'],
      ['2024-05-01', 5, 52, '2024-04-30'],
    ]);
    const f = correlation(monthly, daily);
    const xs = [1, 2, 3, 5];
    const ys = [11, 19, 31, 52];
    const mx = 11 / 4;
    const my = 113 / 4;
    const sxy = xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i]! - my), 0);
    const sxx = xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
    const syy = ys.reduce((acc, y) => acc + (y - my) ** 2, 0);
    expect(f.value).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 14);
    expect(f.extra?.alignment).toBe('asof');
    expect(f.inputs[1]).toEqual({ seriesId: 'D', from: '2024-02-01', to: '2024-04-30', observations: 4 });
  });

  it('typed errors: too few pairs, zero variance', () => {
    expect(() => correlation(series('X', [1, 2], dates5.slice(0, 2)), series('Y', [1, 2], dates5.slice(0, 2)))).toThrow(InsufficientDataError);
    expect(() => correlation(series('X', [1, 2, 3]), series('Y', [5, 5, 5]))).toThrow(UndefinedResultError);
  });

  it('DGS10 vs DGS2 daily changes in 2023, recomputed from the raw files', () => {
    const a = new Map(present(rawFred('DGS10')).map((r) => [r.date, r.value]));
    const b = present(rawFred('DGS2')).filter((r) => r.date >= '2023-01-01' && r.date <= '2023-12-31' && a.has(r.date));
    const dx = b.slice(1).map((r, i) => a.get(r.date)! - a.get(b[i]!.date)!);
    const dy = b.slice(1).map((r, i) => r.value - b[i]!.value);
    const m = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const mx = m(dx);
    const my = m(dy);
    const r = dx.reduce((s, x, i) => s + (x - mx) * (dy[i]! - my), 0) / Math.sqrt(dx.reduce((s, x) => s + (x - mx) ** 2, 0) * dy.reduce((s, y) => s + (y - my) ** 2, 0));
    const f = correlation(fred('DGS10'), fred('DGS2'), '2023-01-01', '2023-12-31', { on: 'changes' });
    expect(f.value).toBeCloseTo(r, 9);
    expect(f.extra?.n).toBe(dx.length);
  });
});

describe('spread', () => {
  it('SOFR − IORB in basis points on a date, from the raw files', () => {
    const sofr = new Map(present(rawFred('SOFR')).map((r) => [r.date, r.value]));
    const iorb = new Map(present(rawFred('IORB')).map((r) => [r.date, r.value]));
    const common = [...sofr.keys()].filter((d) => iorb.has(d) && d <= '2025-12-31').sort();
    const d = common[common.length - 1]!;
    const f = spread(fred('SOFR'), fred('IORB'), '2025-12-31', { bp: true });
    expect(f.asOf).toBe(d);
    expect(f.value).toBeCloseTo((sofr.get(d)! - iorb.get(d)!) * 100, 9);
    expect(Number.isInteger(Math.round(f.value * 1e6) / 1e6)).toBe(true);
    expect(f.unit).toEqual(BASIS_POINTS);
    expect(f.id).toBe(`SOFR-IORB:bp:spread:${d}`);
    expect(f.method).toBe('spread');
    expect(f.extra?.requestedDate).toBe('2025-12-31');
    expect(f.inputs).toEqual([
      { seriesId: 'SOFR', from: d, to: d, observations: 1 },
      { seriesId: 'IORB', from: d, to: d, observations: 1 },
    ]);
    expect(f.label.zh).toBe(`SOFR 减 准备金利率(${d}${d === '2025-12-31' ? '' : ';请求日期 2025-12-31 无共同观测值,取此前最近一次'})`);
  });

  it('DGS10 − DGS2 equals FRED’s own T10Y2Y on every common date since 2020 (percentage points)', () => {
    const s = spreadSeries(fred('DGS10'), fred('DGS2'), { from: '2020-01-01' });
    expect(s.meta.unit).toEqual(PERCENTAGE_POINTS);
    const t = new Map(present(rawFred('T10Y2Y')).map((r) => [r.date, r.value]));
    let compared = 0;
    for (const o of s.observations) {
      const v = t.get(o.date);
      if (v === undefined) continue;
      expect(o.value).toBe(v); // exact in decimal, no float noise
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    // A fact computed from the spread series has lineage to both stored series.
    const f = valueOn(s, '2024-04-25');
    expect(f.inputs.map((i) => i.seriesId)).toEqual(['DGS10', 'DGS2']);
    expect(f.seriesId).toBeUndefined();
  });

  it('money in different scales is converted; units that do not match are refused', () => {
    const a = hand('A', [['2024-01-01', 5000]], { unit: { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' } });
    const b = hand('B', [['2024-01-01', 2]], { unit: { kind: 'currency', scale: 1e9, currency: 'USD', label: 'Billions of U.S. Dollars' } });
    expect(spread(a, b).value).toBe(3000);
    expect(spread(a, b).unit.scale).toBe(1e6);
    expect(() => spread(fred('WALCL'), fred('DGS10'))).toThrow(UnitMismatchError);
  });
});

describe('ratio', () => {
  it('WSHOMCB / WALCL on the last common date, as a ratio and in percent', () => {
    const a = present(rawFred('WSHOMCB'));
    const b = new Map(present(rawFred('WALCL')).map((r) => [r.date, r.value]));
    const last = a.filter((r) => b.has(r.date)).pop()!;
    const f = ratio(fred('WSHOMCB'), fred('WALCL'));
    expect(f.asOf).toBe(last.date);
    expect(f.value).toBeCloseTo(last.value / b.get(last.date)!, 14);
    expect(f.unit).toEqual(RATIO);
    const p = ratio(fred('WSHOMCB'), fred('WALCL'), undefined, { asPercent: true });
    expect(p.value).toBeCloseTo((last.value / b.get(last.date)!) * 100, 12);
    expect(p.unit).toEqual(PERCENT);
  });
});

describe('resampling', () => {
  it('toMonthly: last and mean of each month, dated the first of the month, with lineage', () => {
    const s = hand('D', [
      ['2024-01-30', 1],
      ['2024-01-31', 3],
      ['2024-02-01', 10],
      ['2024-02-15', null],
      ['2024-02-28', 20],
    ]);
    const last = toMonthly(s);
    expect(last.observations).toEqual([
      { date: '2024-01-01', value: 3 },
      { date: '2024-02-01', value: 20 },
    ]);
    expect(last.meta.frequency).toBe('monthly');
    const mean = toMonthly(s, 'mean');
    expect(mean.observations.map((o) => o.value)).toEqual([2, 15]);
    expect(valueOn(mean, '2024-02-01').inputs).toEqual([{ seriesId: 'D', from: '2024-02-01', to: '2024-02-28', observations: 2 }]);
    expect(valueOn(last, '2024-01-01').inputs).toEqual([{ seriesId: 'D', from: '2024-01-31', to: '2024-01-31', observations: 1 }]);
  });
});
