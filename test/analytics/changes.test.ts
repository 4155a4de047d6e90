import { describe, expect, it } from 'vitest';
import { DateOutOfRangeError } from '../../src/core/errors.ts';
import { formatValue } from '../../src/core/format.ts';
import {
  AVERAGE_MONTH_DAYS,
  InsufficientDataError,
  InvalidArgumentError,
  PERCENT,
  PERCENTAGE_POINTS,
  UndefinedResultError,
  annualizedGrowth,
  averageMonthlyChange,
  change,
  lastObservations,
  percentChange,
  toBasisPoints,
  yoy,
  yoySeries,
} from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const yearBefore = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;

describe('change / percentChange', () => {
  const walcl = fred('WALCL');
  const raw = present(rawFred('WALCL'));
  const start = raw.find((r) => r.date >= '2022-06-01')!;
  const end = raw[raw.length - 1]!;

  it('WALCL from the first observation on/after 2022-06-01 to the last, in millions of USD', () => {
    const f = change(walcl, '2022-06-01');
    expect(f.value).toBe(end.value - start.value);
    expect(f.id).toBe(`WALCL:change:${start.date}:${end.date}`);
    expect(f.label.zh).toBe(`美联储总资产 变化(${start.date} 至 ${end.date})`);
    expect(f.label.en).toBe(`Fed total assets change (${start.date} to ${end.date})`);
    expect(f.unit).toEqual(walcl.meta.unit);
    expect(f.asOf).toBe(end.date);
    expect(f.period).toEqual({ from: start.date, to: end.date });
    expect(f.inputs).toEqual([
      { seriesId: 'WALCL', from: start.date, to: start.date, observations: 1 },
      { seriesId: 'WALCL', from: end.date, to: end.date, observations: 1 },
    ]);
    expect(f.extra).toMatchObject({ startDate: start.date, startValue: start.value, endDate: end.date, endValue: end.value, requestedFrom: '2022-06-01' });
    expect(f.sourceIds).toEqual([]);
    // e.g. "-2.17万亿美元": the change formats in 万亿 because the unit stayed millions of USD.
    expect(formatValue(f.value, f.unit, 'zh')).toMatch(/^-?[\d.]+(万亿|亿)美元$/);
    // Same change with an explicit end date equal to the last date.
    expect(change(walcl, '2022-06-01', end.date).value).toBe(f.value);
  });

  it('WALCL percent change', () => {
    const f = percentChange(walcl, '2022-06-01');
    expect(f.value).toBeCloseTo(((end.value - start.value) / start.value) * 100, 10);
    expect(f.unit).toEqual(PERCENT);
    expect(f.method).toBe('percent_change');
  });

  it('change of a percent series is in percentage points, exact in decimal, and converts to bp', () => {
    const s = hand('Y', [
      ['2024-04-24', 4.62],
      ['2024-04-25', 4.7],
    ], { unit: PERCENT });
    const f = change(s, '2024-04-24', '2024-04-25');
    expect(f.value).toBe(0.08); // not 0.08000000000000007
    expect(f.unit).toEqual(PERCENTAGE_POINTS);
    const bp = toBasisPoints(f);
    expect(bp.value).toBe(8);
    expect(bp.id).toBe(`${f.id}:bp`);
    expect(bp.unit.label).toBe('Basis Points');
  });

  it('the default period ends lie inside the period; other policies can be asked for', () => {
    const s = hand('P', [
      ['2024-01-01', 10],
      ['2024-01-05', 20],
      ['2024-01-10', 30],
      ['2024-01-15', 40],
    ]);
    const f = change(s, '2024-01-03', '2024-01-12');
    expect(f.period).toEqual({ from: '2024-01-05', to: '2024-01-10' });
    expect(f.value).toBe(10);
    const g = change(s, '2024-01-03', '2024-01-12', { fromPolicy: 'on_or_before', toPolicy: 'on_or_after' });
    expect(g.period).toEqual({ from: '2024-01-01', to: '2024-01-15' });
    expect(g.value).toBe(30);
  });

  it('no data errors are typed', () => {
    const s = hand('Q', [
      ['2024-01-01', 0],
      ['2024-01-05', 2],
    ]);
    expect(() => change(s, '2024-01-02', '2024-01-04')).toThrow(DateOutOfRangeError);
    expect(() => change(s, '2024-01-05')).toThrow(InsufficientDataError);
    expect(() => percentChange(s, '2024-01-01')).toThrow(UndefinedResultError);
  });
});

describe('yoy', () => {
  it('CPIAUCSL for the latest month, recomputed from the two raw values', () => {
    const raw = present(rawFred('CPIAUCSL'));
    const last = raw[raw.length - 1]!;
    const base = raw.find((r) => r.date === yearBefore(last.date))!;
    const f = yoy(fred('CPIAUCSL'));
    expect(f.value).toBeCloseTo((last.value / base.value - 1) * 100, 10);
    expect(f.asOf).toBe(last.date);
    expect(f.unit).toEqual(PERCENT);
    expect(f.id).toBe(`CPIAUCSL:yoy:${last.date}`);
    expect(f.extra).toMatchObject({ baseDate: base.date, baseValue: base.value, value: last.value });
    expect(f.inputs.map((i) => i.from)).toEqual([base.date, last.date]);
  });

  it('a chosen month, and a missing base month is DateOutOfRangeError', () => {
    const raw = present(rawFred('CPIAUCSL'));
    const t = raw.find((r) => r.date === '2022-06-01')!;
    const b = raw.find((r) => r.date === '2021-06-01')!;
    expect(yoy(fred('CPIAUCSL'), '2022-06-15').value).toBeCloseTo((t.value / b.value - 1) * 100, 10);
    expect(() => yoy(fred('CPIAUCSL'), '1947-06-01')).toThrow(DateOutOfRangeError);
  });

  it('weekly: the observation nearest to the same date a year earlier (WALCL)', () => {
    const raw = present(rawFred('WALCL'));
    const last = raw[raw.length - 1]!;
    const target = yearBefore(last.date);
    const base = raw.filter((r) => Math.abs(days(r.date, target)) <= 3).sort((x, y) => Math.abs(days(x.date, target)) - Math.abs(days(y.date, target)))[0]!;
    const f = yoy(fred('WALCL'));
    expect(f.extra?.baseDate).toBe(base.date);
    expect(f.value).toBeCloseTo((last.value / base.value - 1) * 100, 10);
  });

  it('daily: the last observation on or before the same date a year earlier', () => {
    const s = hand('D', [
      ['2023-03-10', 100], // Friday
      ['2023-03-13', 101],
      ['2024-03-11', 110], // a year later the 11th is a Monday; 2023-03-11 was a Saturday
    ]);
    const f = yoy(s);
    expect(f.extra?.baseDate).toBe('2023-03-10');
    expect(f.value).toBeCloseTo(10, 12);
  });

  it('yoy series: core CPI YoY change over the last three months, with lineage to the stored series', () => {
    const raw = present(rawFred('CPILFESL'));
    const byDate = new Map(raw.map((r) => [r.date, r.value]));
    const y = (d: string) => (byDate.get(d)! / byDate.get(yearBefore(d))! - 1) * 100;
    const ys = yoySeries(fred('CPILFESL'), '2020-01-01');
    expect(ys.meta.id).toBe('CPILFESL:yoy');
    expect(ys.meta.unit).toEqual(PERCENT);
    const r = lastObservations(ys, 4);
    const f = change(ys, r.from);
    const last = raw[raw.length - 1]!.date;
    const threeBefore = raw[raw.length - 4]!.date;
    expect(r).toEqual({ from: threeBefore, to: last });
    expect(f.value).toBeCloseTo(y(last) - y(threeBefore), 10);
    expect(f.unit).toEqual(PERCENTAGE_POINTS);
    expect(f.seriesId).toBe('CPILFESL');
    expect(f.id).toBe(`CPILFESL:yoy:change:${threeBefore}:${last}`);
    expect(f.label.zh).toBe(`核心CPI同比 变化(${threeBefore} 至 ${last})`);
    expect(f.inputs).toEqual([
      { seriesId: 'CPILFESL', from: yearBefore(threeBefore), to: threeBefore, observations: 2 },
      { seriesId: 'CPILFESL', from: yearBefore(last), to: last, observations: 2 },
    ]);
  });
});

describe('annualizedGrowth', () => {
  it('GDPC1 latest quarter: ((v_t / v_t−1)^4 − 1) × 100 from the raw file', () => {
    const raw = present(rawFred('GDPC1'));
    const [p, t] = raw.slice(-2) as [{ date: string; value: number }, { date: string; value: number }];
    const f = annualizedGrowth(fred('GDPC1'));
    expect(f.value).toBeCloseTo((Math.pow(t.value / p.value, 4) - 1) * 100, 10);
    expect(f.period).toEqual({ from: p.date, to: t.date });
    expect(f.unit).toEqual(PERCENT);
    expect(f.method).toBe('annualized_growth');
  });

  it('needs the immediately preceding quarter and a quarterly/monthly series', () => {
    const s = hand('G', [
      ['2024-01-01', 100],
      ['2024-07-01', 102],
    ], { frequency: 'quarterly' });
    expect(() => annualizedGrowth(s)).toThrow(DateOutOfRangeError);
    expect(() => annualizedGrowth(fred('DGS10'))).toThrow(InvalidArgumentError);
  });
});

describe('averageMonthlyChange', () => {
  const raw = present(rawFred('WSHOMCB'));
  const inPeriod = raw.filter((r) => r.date >= '2022-06-01' && r.date <= '2024-12-31');

  it('endpoints (default): total change / (calendar days / (365.25/12)) — MBS runoff in QT', () => {
    const a = inPeriod[0]!;
    const b = inPeriod[inPeriod.length - 1]!;
    const months = days(a.date, b.date) / (365.25 / 12);
    const f = averageMonthlyChange(fred('WSHOMCB'), '2022-06-01', '2024-12-31');
    expect(AVERAGE_MONTH_DAYS).toBe(365.25 / 12);
    expect(f.value).toBeCloseTo((b.value - a.value) / months, 6);
    expect(f.extra?.variant).toBe('endpoints');
    expect(f.unit.scale).toBe(1e6);
    expect(f.unit.label).toBe('Millions of U.S. Dollars per Month');
    expect(f.method).toBe('average_monthly_change');
    expect(f.id).toBe(`WSHOMCB:avg_monthly_change:endpoints:${a.date}:${b.date}`);
  });

  it('month_end: mean of month-end-to-month-end changes', () => {
    const monthEnd = new Map<string, number>();
    for (const r of inPeriod) monthEnd.set(r.date.slice(0, 7), r.value);
    const vals = [...monthEnd.values()];
    const diffs = vals.slice(1).map((v, i) => v - vals[i]!);
    const f = averageMonthlyChange(fred('WSHOMCB'), '2022-06-01', '2024-12-31', { method: 'month_end' });
    expect(f.value).toBeCloseTo(diffs.reduce((x, y) => x + y, 0) / diffs.length, 6);
    expect(f.extra?.months).toBe(diffs.length);
    expect(f.extra?.variant).toBe('month_end');
  });

  it('hand-made: 1,000 → 700 over 2024-01-31..2024-04-30', () => {
    const s = hand('B', [
      ['2024-01-31', 1000],
      ['2024-02-29', 900],
      ['2024-03-31', 850],
      ['2024-04-30', 700],
    ]);
    // endpoints: −300 / (90 days / 30.4375) = −101.458…
    expect(averageMonthlyChange(s, '2024-01-31', '2024-04-30').value).toBeCloseTo(-300 / (90 / 30.4375), 12);
    // month-end: (−100 − 50 − 150) / 3 = −100
    expect(averageMonthlyChange(s, '2024-01-31', '2024-04-30', { method: 'month_end' }).value).toBe(-100);
  });
});
