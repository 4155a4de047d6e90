import { describe, expect, it } from 'vitest';
import { DateOutOfRangeError, InvalidDateError } from '../../src/core/errors.ts';
import { formatValue } from '../../src/core/format.ts';
import { InsufficientDataError, InvalidArgumentError, isNoDataError, latest, valueOn } from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

describe('latest', () => {
  it('is the last non-null observation of the raw file (WALCL)', () => {
    const raw = present(rawFred('WALCL'));
    const last = raw[raw.length - 1]!;
    const f = latest(fred('WALCL'));
    expect(f.value).toBe(last.value);
    expect(f.asOf).toBe(last.date);
    expect(f.id).toBe(`WALCL:latest:${last.date}`);
    expect(f.method).toBe('level');
    expect(f.unit.scale).toBe(1e6);
    expect(f.inputs).toEqual([{ seriesId: 'WALCL', from: last.date, to: last.date, observations: 1 }]);
    expect(f.sourceIds).toEqual([]);
    expect(f.label.zh).toBe(`美联储总资产 最新值(${last.date})`);
    // Money stays in millions of USD so the formatter gives 万亿.
    expect(formatValue(f.value, f.unit, 'zh')).toMatch(/万亿美元$/);
  });

  it('skips trailing missing values and counts them', () => {
    const s = hand('X', [
      ['2024-01-01', 1],
      ['2024-01-02', 2],
      ['2024-01-03', null],
      ['2024-01-04', null],
    ]);
    const f = latest(s);
    expect(f.value).toBe(2);
    expect(f.asOf).toBe('2024-01-02');
    expect(f.extra?.missingAfter).toBe(2);
    expect(f.methodDetail).toContain('2 later missing values skipped');
  });

  it('throws a typed no-data error for an empty series', () => {
    const s = hand('E', [['2024-01-01', null]]);
    expect(() => latest(s)).toThrow(InsufficientDataError);
    try {
      latest(s);
    } catch (e) {
      expect(isNoDataError(e)).toBe(true);
    }
  });
});

describe('valueOn', () => {
  const dgs10 = fred('DGS10');
  const raw = present(rawFred('DGS10'));

  it('DGS10 on 2024-04-25 is the raw value of that row', () => {
    const row = raw.find((r) => r.date === '2024-04-25')!;
    const f = valueOn(dgs10, '2024-04-25');
    expect(f.value).toBe(row.value);
    expect(f.asOf).toBe('2024-04-25');
    expect(f.extra?.requestedDate).toBe('2024-04-25');
    expect(f.id).toBe('DGS10:value:2024-04-25');
    expect(f.method).toBe('value_on_date');
    expect(f.label).toEqual({ zh: '10年期美债收益率(2024-04-25)', en: '10-year Treasury yield on 2024-04-25' });
  });

  it('on a holiday (2024-07-04) returns the previous observation and records the requested date', () => {
    expect(raw.some((r) => r.date === '2024-07-04')).toBe(false);
    const prev = raw.filter((r) => r.date <= '2024-07-04').pop()!;
    const f = valueOn(dgs10, '2024-07-04');
    expect(f.asOf).toBe(prev.date);
    expect(f.value).toBe(prev.value);
    expect(f.extra?.requestedDate).toBe('2024-07-04');
    expect(f.extra?.daysFromRequested).toBe(-1);
    expect(f.label.zh).toContain('请求日期 2024-07-04');
    expect(f.label.en).toContain('requested 2024-07-04');
    expect(f.inputs).toEqual([{ seriesId: 'DGS10', from: prev.date, to: prev.date, observations: 1 }]);
  });

  it('policies: on_or_after and nearest', () => {
    const next = raw.find((r) => r.date >= '2024-07-04')!;
    expect(valueOn(dgs10, '2024-07-04', { policy: 'on_or_after' }).asOf).toBe(next.date);
    // A Saturday: Friday is one day away, Monday two.
    const s = hand('N', [
      ['2024-07-05', 1],
      ['2024-07-08', 2],
    ]);
    expect(valueOn(s, '2024-07-06', { policy: 'nearest' }).asOf).toBe('2024-07-05');
    expect(valueOn(s, '2024-07-07', { policy: 'nearest' }).asOf).toBe('2024-07-08');
    // Tie (2 days from 07-04, hypothetically) goes to the earlier date.
    const t = hand('T', [
      ['2024-07-02', 1],
      ['2024-07-06', 2],
    ]);
    expect(valueOn(t, '2024-07-04', { policy: 'nearest' }).asOf).toBe('2024-07-02');
  });

  it('skips missing values and says so', () => {
    const s = hand('M', [
      ['2024-01-01', 5],
      ['2024-01-02', null],
      ['2024-01-03', 7],
    ]);
    const f = valueOn(s, '2024-01-02');
    expect(f.value).toBe(5);
    expect(f.asOf).toBe('2024-01-01');
    expect(f.extra?.missingSkipped).toBe(1);
  });

  it('refuses dates too far from any observation, and before the start', () => {
    expect(() => valueOn(dgs10, '1950-01-01')).toThrow(DateOutOfRangeError);
    expect(() => valueOn(dgs10, '2040-01-01')).toThrow(DateOutOfRangeError);
    const lastDate = raw[raw.length - 1]!.date;
    expect(valueOn(dgs10, '2040-01-01', { maxGapDays: null }).asOf).toBe(lastDate);
    expect(() => valueOn(dgs10, '2024-13-01')).toThrow(InvalidDateError);
  });

  it('rejects unsorted observations', () => {
    const s = hand('U', [
      ['2024-01-02', 1],
      ['2024-01-01', 2],
    ]);
    expect(() => valueOn(s, '2024-01-02')).toThrow(InvalidArgumentError);
  });
});
