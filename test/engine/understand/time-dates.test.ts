// Impossible dates are their own kind of time match, never a year, a month or the latest value; real dates next to
// them keep parsing as before. The calendar facts (leap years, month lengths) are checked against Date.UTC here,
// not taken from the code under test.
import { describe, expect, it } from 'vitest';
import { invalidTime, parseTime } from '../../../src/engine/understand/time.ts';

const TODAY = '2026-11-24';
/** Days in a month by the JS calendar: day 0 of the next month. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe('impossible dates', () => {
  it('29 February of a common year is invalid, with the reason in both languages', () => {
    expect(daysIn(2023, 2)).toBe(28);
    const p = parseTime('2023年2月29日10年期美债收益率', TODAY);
    expect(p.spec.kind).toBe('invalid');
    const why = invalidTime(p.matches)!;
    expect(why.zh).toBe('2023年2月29日不存在(2023年不是闰年)。');
    expect(why.en).toContain('2023 is not a leap year');
    // the match spans the whole date, so no bare year "2023" is left to become a year average
    const m = p.matches.find((x) => x.spec.kind === 'invalid')!;
    expect('2023年2月29日10年期美债收益率'.slice(m.start, m.end)).toBe('2023年2月29日');
    expect(p.matches.some((x) => x.spec.kind === 'point')).toBe(false);
  });

  it('29 February of a leap year is a real day', () => {
    expect(daysIn(2024, 2)).toBe(29);
    const p = parseTime('2024年2月29日10年期美债收益率', TODAY);
    expect(p.spec).toMatchObject({ kind: 'point', date: '2024-02-29', precision: 'day' });
    expect(invalidTime(p.matches)).toBeNull();
  });

  it.each([
    ['2024-04-31 10y yield', '2024-04-31', 30],
    ['what was the 10y yield on April 31, 2024', '2024-04-31', 30],
    ['10y yield on 31 June 2023', '2023-06-31', 30],
    ['2021/11/31 VIX', '2021-11-31', 30],
  ])('%s → invalid (%s; the month has %i days)', (q, date, days) => {
    expect(daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).toBe(days);
    const p = parseTime(q, TODAY);
    expect(p.spec.kind).toBe('invalid');
    const why = invalidTime(p.matches)!;
    expect(why.en).toContain(`${date} does not exist`);
    expect(why.en).toContain(`${days} days`);
    expect(why.zh).toContain(`只有${days}天`);
  });

  it('month 13, day 0 and quarter 5 are invalid', () => {
    expect(invalidTime(parseTime('2024年13月失业率', TODAY).matches)?.zh).toBe('2024年13月不存在(一年只有12个月)。');
    expect(parseTime('unemployment 2024-13', TODAY).spec.kind).toBe('invalid');
    expect(parseTime('2024-03-00 10y', TODAY).spec.kind).toBe('invalid');
    expect(invalidTime(parseTime('2024年第5季度GDP', TODAY).matches)?.zh).toContain('一年只有4个季度');
    expect(parseTime('GDP Q5 2024', TODAY).spec.kind).toBe('invalid');
  });

  it('an invalid date anywhere makes the combined time invalid, even in a range', () => {
    const p = parseTime('从2024年1月1日到2024年2月30日标普涨了多少', TODAY);
    expect(p.spec.kind).toBe('invalid');
    expect(invalidTime(p.matches)?.zh).toContain('2024年2月30日不存在');
  });

  it('real dates, months and quarters are unchanged', () => {
    expect(parseTime('2024-04-30 10y', TODAY).spec).toMatchObject({ kind: 'point', date: '2024-04-30' });
    expect(parseTime('2024年12月失业率', TODAY).spec).toMatchObject({ kind: 'point', precision: 'month', from: '2024-12-01', to: '2024-12-31' });
    expect(parseTime('GDP Q4 2024', TODAY).spec).toMatchObject({ kind: 'point', precision: 'quarter', from: '2024-10-01' });
    expect(parseTime('2023年10年期美债平均', TODAY).spec).toMatchObject({ kind: 'point', precision: 'year', from: '2023-01-01' });
    expect(invalidTime(parseTime('上个月失业率', TODAY).matches)).toBeNull();
  });
});
