import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, averageMonthlyChange, comparePeriods, outsidePeriod, volatility } from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

function sampleSd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

const QT1 = { from: '2017-10-01', to: '2019-07-31', label: { zh: 'QT1', en: 'QT1' } };
const QT2 = { from: '2022-06-01', to: '2025-11-30', label: { zh: 'QT2', en: 'QT2' } };

describe('comparePeriods', () => {
  it('average monthly change of MBS holdings, QT1 vs QT2 (endpoints, recomputed from the raw file)', () => {
    const raw = present(rawFred('WSHOMCB'));
    const perMonth = (from: string, to: string) => {
      const w = raw.filter((r) => r.date >= from && r.date <= to);
      const a = w[0]!;
      const b = w[w.length - 1]!;
      return (b.value - a.value) / ((Date.parse(b.date) - Date.parse(a.date)) / 86_400_000 / (365.25 / 12));
    };
    const c = comparePeriods(fred('WSHOMCB'), QT1, QT2, 'average_monthly_change');
    expect(c.a.value).toBeCloseTo(perMonth(QT1.from, QT1.to), 6);
    expect(c.b.value).toBeCloseTo(perMonth(QT2.from, QT2.to), 6);
    expect(c.a.value).toBe(averageMonthlyChange(fred('WSHOMCB'), QT1.from, QT1.to).value);
    expect(c.difference.value).toBeCloseTo(c.a.value - c.b.value, 6);
    expect(c.difference.method).toBe('period_comparison');
    expect(c.difference.unit.scale).toBe(1e6);
    expect(c.difference.inputs).toEqual([...c.a.inputs, ...c.b.inputs]);
    expect(c.difference.label.zh).toBe('美联储持有的MBS 月均变化:QT1 与 QT2 之差');
    expect(c.a.label.zh).toContain('(QT1:');
    expect(c.difference.id).toBe('WSHOMCB:compare:average_monthly_change:2017-10-01..2019-07-31:vs:2022-06-01..2025-11-30');
  });

  it('DGS10 volatility during QT2 vs outside it: changes never span the gap between ranges', () => {
    const s = fred('DGS10');
    const outside = outsidePeriod(s, QT2);
    expect('ranges' in outside && outside.ranges.length).toBe(2);
    const raw = present(rawFred('DGS10'));
    const bp = (rows: typeof raw) => rows.slice(1).map((r, i) => (r.value - rows[i]!.value) * 100);
    const during = raw.filter((r) => r.date >= QT2.from && r.date <= QT2.to);
    const before = raw.filter((r) => r.date < QT2.from);
    const after = raw.filter((r) => r.date > QT2.to);
    const c = comparePeriods(s, QT2, outside, 'volatility');
    expect(c.a.value).toBeCloseTo(sampleSd(bp(during)), 8);
    expect(c.b.value).toBeCloseTo(sampleSd([...bp(before), ...bp(after)]), 8);
    expect(c.a.value).toBe(volatility(s, QT2.from, QT2.to).value);
    expect(c.difference.unit.label).toBe('Basis Points');
    expect(c.b.label.en).toContain('outside QT2');
  });

  it('average over two periods of a percent series: the difference is in percentage points', () => {
    const s = hand('R', [
      ['2024-01-01', 5],
      ['2024-01-02', 5.5],
      ['2024-02-01', 4],
      ['2024-02-02', 4.5],
    ], { unit: { kind: 'percent', scale: 1, label: 'Percent' } });
    const c = comparePeriods(s, { from: '2024-01-01', to: '2024-01-31' }, { from: '2024-02-01', to: '2024-02-29' }, 'average');
    expect(c.a.value).toBe(5.25);
    expect(c.b.value).toBe(4.25);
    expect(c.difference.value).toBe(1);
    expect(c.difference.unit.kind).toBe('percentage_points');
  });

  it('a change over a multi-range period is refused', () => {
    const s = fred('DGS10');
    expect(() => comparePeriods(s, QT2, outsidePeriod(s, QT2), 'change')).toThrow(InvalidArgumentError);
  });
});
