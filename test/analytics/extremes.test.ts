import { describe, expect, it } from 'vitest';
import { PERCENT, PERCENTAGE_POINTS, drawdown, max, min } from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

describe('max / min', () => {
  it('DGS10 in 2023: extreme values and their (earliest) dates from the raw file', () => {
    const raw = present(rawFred('DGS10')).filter((r) => r.date >= '2023-01-01' && r.date <= '2023-12-31');
    const hi = raw.reduce((b, r) => (r.value > b.value ? r : b));
    const lo = raw.reduce((b, r) => (r.value < b.value ? r : b));
    const fMax = max(fred('DGS10'), '2023-01-01', '2023-12-31');
    const fMin = min(fred('DGS10'), '2023-01-01', '2023-12-31');
    expect(fMax.value).toBe(hi.value);
    expect(fMax.asOf).toBe(hi.date);
    expect(fMax.extra?.extremeDate).toBe(hi.date);
    expect(fMin.value).toBe(lo.value);
    expect(fMin.asOf).toBe(lo.date);
    expect(fMax.period).toEqual({ from: raw[0]!.date, to: raw[raw.length - 1]!.date });
    expect(fMax.unit).toEqual(PERCENT);
    expect(fMax.inputs[0]!.observations).toBe(raw.length);
    expect(fMax.label.zh).toContain(`出现于 ${hi.date}`);
  });

  it('ties go to the earliest date and are counted', () => {
    const s = hand('T', [
      ['2024-01-01', 1],
      ['2024-01-02', 3],
      ['2024-01-03', null],
      ['2024-01-04', 3],
    ]);
    const f = max(s);
    expect(f.asOf).toBe('2024-01-02');
    expect(f.extra?.occurrences).toBe(2);
    expect(f.extra?.missingSkipped).toBe(1);
  });
});

describe('drawdown', () => {
  // 100 → 120 (peak) → 90 → 110 → 60 (trough: 60/120 − 1 = −50%) → 80 → 130 (recovered, new peak) → 117 (−10%)
  const s = hand('P', [
    ['2024-01-01', 100],
    ['2024-01-02', 120],
    ['2024-01-03', 90],
    ['2024-01-04', 110],
    ['2024-01-05', 60],
    ['2024-01-06', 80],
    ['2024-01-07', 130],
    ['2024-01-08', 117],
  ]);

  it('largest peak-to-trough decline with dates, and the current drawdown', () => {
    const d = drawdown(s);
    expect(d.max.value).toBeCloseTo(-50, 12);
    expect(d.max.unit).toEqual(PERCENT);
    expect(d.max.asOf).toBe('2024-01-05');
    expect(d.max.extra).toMatchObject({ peakDate: '2024-01-02', peakValue: 120, troughDate: '2024-01-05', troughValue: 60, recoveryDate: '2024-01-07', recovered: 'yes' });
    expect(d.max.period).toEqual({ from: '2024-01-02', to: '2024-01-05' });
    expect(d.current.value).toBeCloseTo(-10, 12);
    expect(d.current.extra).toMatchObject({ peakDate: '2024-01-07', peakValue: 130, lastDate: '2024-01-08' });
    expect(d.max.method).toBe('drawdown');
  });

  it('a window: before the recovery the drawdown is not recovered', () => {
    const d = drawdown(s, '2024-01-01', '2024-01-06');
    expect(d.max.extra?.recovered).toBe('no');
    expect(d.current.value).toBeCloseTo((80 / 120 - 1) * 100, 12);
  });

  it('a rising series has a zero drawdown; a percent series is measured in percentage points', () => {
    const up = hand('U', [
      ['2024-01-01', 1],
      ['2024-01-02', 2],
    ]);
    expect(drawdown(up).max.value).toBe(0);
    const y = hand('Y', [
      ['2024-01-01', 4.5],
      ['2024-01-02', 5.02],
      ['2024-01-03', 4.61],
    ], { unit: PERCENT });
    const d = drawdown(y);
    expect(d.max.value).toBe(-0.41);
    expect(d.max.unit).toEqual(PERCENTAGE_POINTS);
  });
});
