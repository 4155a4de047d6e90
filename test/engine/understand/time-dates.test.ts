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
    const day = Number(date.slice(8, 10));
    expect(daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).toBe(days);
    const p = parseTime(q, TODAY);
    expect(p.spec.kind).toBe('invalid');
    const why = invalidTime(p.matches)!;
    expect(why.en).toContain(`${date} does not exist`);
    expect(day).toBeGreaterThan(days);
    expect(why.en).toContain(`has no day ${day}`);
    expect(why.zh).toContain(`没有${day}日`);
  });

  it('month 13, day 0 and quarter 5 are invalid', () => {
    expect(invalidTime(parseTime('2024年13月失业率', TODAY).matches)?.zh).toBe('2024年13月不存在(没有第13个月)。');
    expect(parseTime('unemployment 2024-13', TODAY).spec.kind).toBe('invalid');
    expect(parseTime('2024-03-00 10y', TODAY).spec.kind).toBe('invalid');
    expect(invalidTime(parseTime('2024年第5季度GDP', TODAY).matches)?.zh).toContain('没有第5季度');
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

describe('dates after today', () => {
  it('are marked future (a range in force then cannot be known); past dates are not', () => {
    expect(parseTime('2030年1月1日联邦基金利率目标区间', TODAY).spec).toMatchObject({ kind: 'point', future: true });
    expect(parseTime('2026-09-30 target range', TODAY).spec).not.toHaveProperty('future');
  });
});

describe('periods anchored on events', () => {
  it('need a since/from/to word around a point event; cycles and listing stand alone', () => {
    expect(parseTime('上次加息是什么时候', TODAY).matches.some((m) => m.spec.kind === 'event')).toBe(false);
    expect(parseTime('上次降息以来10年期美债', TODAY).spec).toMatchObject({ kind: 'event', start: 'last_cut' });
    expect(parseTime('缩表结束以来准备金', TODAY).spec).toMatchObject({ kind: 'event', start: 'qt_end' });
    expect(parseTime('本轮降息周期一共降息多少个基点', TODAY).spec).toMatchObject({ kind: 'event', start: 'cut_cycle' });
    expect(parseTime('特斯拉上市以来涨了多少', TODAY).spec).toMatchObject({ kind: 'event', start: 'first_obs' });
  });

  it('two events joined by 到 / to make one period from the first to the second', () => {
    expect(parseTime('从上次加息到上次降息标普500涨了多少', TODAY).spec).toMatchObject({ kind: 'event', start: 'last_hike', end: 'last_cut' });
    expect(parseTime('S&P 500 return from the last hike to the last cut', TODAY).spec).toMatchObject({ kind: 'event', start: 'last_hike', end: 'last_cut' });
  });

  it('52 weeks is a trailing window of 364 days', () => {
    expect(parseTime('英伟达52周最高价', TODAY).spec).toMatchObject({ kind: 'trailing', days: 364 });
  });
});

describe('a day and month without a year', () => {
  it('is invalid when no year has it; February 29 and real days are not', () => {
    expect(invalidTime(parseTime('2月30日10年期美债收益率', TODAY).matches)?.zh).toContain('2月没有30日');
    expect(invalidTime(parseTime('10y yield on June 31', TODAY).matches)?.en).toContain('June has no day 31');
    expect(invalidTime(parseTime('31st of April VIX', TODAY).matches)).not.toBeNull();
    expect(invalidTime(parseTime('2月29日10年期美债收益率', TODAY).matches)).toBeNull();
    expect(invalidTime(parseTime('June 30 10y yield', TODAY).matches)).toBeNull();
    // a full date is still read as one
    expect(parseTime('June 30, 2024 10y yield', TODAY).spec).toMatchObject({ kind: 'point', date: '2024-06-30' });
    expect(parseTime('2024年6月30日10年期', TODAY).spec).toMatchObject({ kind: 'point', date: '2024-06-30' });
  });
});

describe('since the end of a named period', () => {
  it('starts the day after the period ends and runs to the latest data', async () => {
    const { NAMED_PERIODS } = await import('../../../src/knowledge/periods.ts');
    const covid = NAMED_PERIODS.find((p) => p.id === 'covid')!;
    const dayAfter = new Date(Date.parse(`${covid.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(parseTime('疫情结束以来失业率变化', TODAY).spec).toMatchObject({ kind: 'range', from: dayAfter, since: true });
    expect(parseTime('S&P 500 since the end of the pandemic', TODAY).spec).toMatchObject({ kind: 'range', from: dayAfter });
    expect(parseTime('S&P 500 since the end of the pandemic', TODAY).spec).not.toHaveProperty('to');
    // the period itself is unchanged
    expect(parseTime('疫情期间失业率平均', TODAY).spec).toMatchObject({ kind: 'range', from: covid.from, to: covid.to });
  });
});
