// Claims bind a number to what its sentence says about it: the entity its clause names, its dates, an
// explicit sign, a direction word and a comparison. Every fact below is made up for the test; the expected
// verdicts follow from the values written here (hand arithmetic in the comments).
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/answer.ts';
import type { Unit } from '../../../src/core/types.ts';
import { stripUnsupported, verifyText, type EntityNames } from '../../../src/engine/verify/index.ts';

const USD_M: Unit = { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' };
const PCT: Unit = { kind: 'percent', scale: 1, label: 'Percent' };
const RATIO: Unit = { kind: 'ratio', scale: 1, label: 'Ratio' };

const input = (seriesId: string, from: string, to = from) => ({ seriesId, from, to });

// WALCL level 6,745,699 million dollars on 2026-08-19 = 6.75万亿美元 / $6.75 trillion
const walcl: Fact = { id: 'WALCL:latest', value: 6_745_699, unit: USD_M, label: { zh: '美联储总资产', en: 'Fed total assets' }, asOf: '2026-08-19', method: 'level', seriesId: 'WALCL', inputs: [input('WALCL', '2026-08-19')], sourceIds: [1] };
// a +1.54% change from 2025-08-20 to 2026-08-19
const walclPc: Fact = { id: 'WALCL:pc', value: 1.54, unit: PCT, label: { zh: '美联储总资产变化率', en: 'Fed total assets percent change' }, asOf: '2026-08-19', period: { from: '2025-08-20', to: '2026-08-19' }, method: 'percent_change', seriesId: 'WALCL', inputs: [input('WALCL', '2025-08-20'), input('WALCL', '2026-08-19')], sourceIds: [1] };
// a −2,219,788 million change (= −2.22万亿美元) from the 2022-04-13 peak to 2026-08-19
const walclChg: Fact = { id: 'WALCL:chg', value: -2_219_788, unit: USD_M, label: { zh: '美联储总资产变化', en: 'Fed total assets change' }, asOf: '2026-08-19', period: { from: '2022-04-13', to: '2026-08-19' }, method: 'change', seriesId: 'WALCL', inputs: [input('WALCL', '2022-04-13'), input('WALCL', '2026-08-19')], sourceIds: [1], extra: { startValue: 8_965_487, endValue: 6_745_699 } };
const unrate: Fact = { id: 'UNRATE:avg', value: 6.73, unit: PCT, label: { zh: '失业率平均值', en: 'unemployment rate average' }, asOf: '2022-03-01', period: { from: '2020-04-01', to: '2022-03-01' }, method: 'average', seriesId: 'UNRATE', inputs: [input('UNRATE', '2020-04-01', '2022-03-01')], sourceIds: [2] };
const unrateNow: Fact = { id: 'UNRATE:latest', value: 4.1, unit: PCT, label: { zh: '失业率', en: 'unemployment rate' }, asOf: '2026-07-01', method: 'level', seriesId: 'UNRATE', inputs: [input('UNRATE', '2026-07-01')], sourceIds: [2] };
// the average against itself: inputs are one stretch twice, value 1
const selfRatio: Fact = { id: 'UNRATE:avg/UNRATE:avg', value: 1, unit: RATIO, label: { zh: '失业率平均值之比', en: 'ratio of unemployment averages' }, asOf: '2022-03-01', method: 'ratio', inputs: [input('UNRATE', '2020-04-01', '2022-03-01'), input('UNRATE', '2020-04-01', '2022-03-01')], sourceIds: [2] };
// a fundamentals fact: its series id names the company before the first colon
const aaplRev: Fact = { id: 'AAPL:rev', value: 416_161, unit: USD_M, label: { zh: '营业收入', en: 'revenue' }, asOf: '2025-09-30', method: 'level', seriesId: 'AAPL:Total Revenue:annual', inputs: [input('AAPL:Total Revenue:annual', '2025-09-30')], sourceIds: [3] };

const facts = [walcl, walclPc, walclChg, unrate, unrateNow, selfRatio, aaplRev];
const entities: EntityNames[] = [
  { id: 'WALCL', names: ['WALCL', '美联储总资产', 'Fed total assets', '资产负债表'] },
  { id: 'GDP', names: ['GDP', '美国GDP', 'nominal GDP', '国内生产总值'] },
  { id: 'UNRATE', names: ['UNRATE', '失业率', 'unemployment rate'] },
  { id: 'AAPL', names: ['AAPL', '苹果公司', '苹果', 'Apple'] },
  { id: 'MSFT', names: ['MSFT', '微软', 'Microsoft'] },
];

const check = (text: string, opts: { checkDates?: boolean; question?: string; noLexicon?: boolean } = {}) =>
  verifyText(text, { facts }, { ...(opts.noLexicon ? {} : { entities }), checkDates: opts.checkDates ?? true, ...(opts.question ? { question: opts.question } : {}) });
const verdicts = (text: string, opts: Parameters<typeof check>[1] = {}) => check(text, opts).claims.map((c) => [c.text, c.supported]);

describe('subject: the entity a clause names must be the fact\'s', () => {
  it('rejects a true number under another entity\'s name (GDP written with the Fed\'s total assets)', () => {
    const r = check('美国GDP为6.75万亿美元[1]。');
    expect(r.claims[0]!.supported).toBe(false);
    expect(r.claims[0]!.reason).toContain('美国GDP');
    expect(r.claims[0]!.reason).toContain('WALCL');
    expect(verdicts('Nominal GDP was $6.75 trillion.')).toEqual([['$6.75 trillion', false]]);
  });

  it('accepts it under the fact\'s own name or alias, and when the clause names no entity', () => {
    expect(verdicts('美联储总资产为6.75万亿美元[1]。')).toEqual([['6.75万亿美元', true]]);
    expect(verdicts('美联储资产负债表规模为6.75万亿美元[1]。')).toEqual([['6.75万亿美元', true]]);
    expect(verdicts('Fed total assets were $6.75 trillion.')).toEqual([['$6.75 trillion', true]]);
    expect(verdicts('规模为6.75万亿美元[1]。')).toEqual([['6.75万亿美元', true]]);
  });

  it('binds a company fundamentals fact to its company (AAPL:Total Revenue:annual is about AAPL)', () => {
    // 416,161 million dollars = 4162亿美元 (rounded to 4 significant digits)
    expect(verdicts('苹果公司营业收入为4162亿美元[3]。')).toEqual([['4162亿美元', true]]);
    expect(verdicts('微软营业收入为4162亿美元[3]。')).toEqual([['4162亿美元', false]]);
  });

  it('keeps the plain API without a lexicon: the GDP sentence is judged by words and value only', () => {
    // no lexicon: "GDP" is no catalog name, the clause names no entity and the value matches a fact
    expect(verdicts('美国GDP为6.75万亿美元[1]。', { noLexicon: true, checkDates: false })).toEqual([['6.75万亿美元', true]]);
  });
});

describe('dates: a date in the claim\'s clause must be the fact\'s, and every date of the text must be carried', () => {
  it('rejects the true level dated 2001-01-01, both as a claim and as a date', () => {
    const r = check('2001年1月1日,美联储总资产为6.75万亿美元[1]。');
    expect(r.claims[0]!.supported).toBe(false);
    expect(r.claims[0]!.reason).toContain('2001年1月1日');
    expect(r.statements).toEqual([expect.objectContaining({ kind: 'date', text: '2001年1月1日', supported: false })]);
    expect(r.numbers).toBe(2);
    expect(r.supported).toBe(0);
  });

  it('accepts the fact\'s own day, month and year in both languages', () => {
    for (const t of ['2026年8月19日,美联储总资产为6.75万亿美元[1]。', '美联储总资产2026年8月为6.75万亿美元[1]。', 'On 2026-08-19, Fed total assets were $6.75 trillion.', 'In August 2026 Fed total assets were $6.75 trillion.', 'Fed total assets were $6.75 trillion in 2026.']) {
      const r = check(t);
      expect([t, r.supported, r.numbers]).toEqual([t, 2, 2]);
    }
  });

  it('accepts a change dated by the start of its period, rejects it dated by another year', () => {
    expect(check('美联储总资产较2022年4月13日的峰值减少2.22万亿美元[1]。').unsupported).toEqual([]);
    const r = check('美联储总资产较2019年的峰值减少2.22万亿美元[1]。');
    expect(r.claims.find((c) => c.text === '2.22万亿美元')!.supported).toBe(false);
    expect(r.statements.map((s) => [s.text, s.supported])).toEqual([['2019年', false]]);
  });

  it('a date the question gave, or one vouched for, is supported', () => {
    expect(check('美联储总资产在2001年1月1日没有数据。').unsupported.length).toBe(1);
    expect(check('美联储总资产在2001年1月1日没有数据。', { question: '2001年1月1日美联储总资产是多少？' }).unsupported).toEqual([]);
    const r = verifyText('缩表于2022年6月1日开始。', { facts, dates: ['2022-06-01'] }, { checkDates: true });
    expect([r.numbers, r.supported]).toEqual([1, 1]);
    // a month is consistent when an evidence date falls in it: 2022-04-13 is in April 2022
    expect(check('美联储总资产峰值出现在2022年4月。').unsupported).toEqual([]);
    expect(check('美联储总资产峰值出现在2022年5月。').unsupported.map((u) => u.text)).toEqual(['2022年5月']);
  });

  it('does not count dates without checkDates', () => {
    const r = check('2001年1月1日,美联储总资产为6.75万亿美元[1]。', { checkDates: false });
    expect([r.numbers, r.statements.length]).toEqual([1, 0]);
  });

  it('strips an unsupported date like a number', () => {
    const t = '2001年1月1日,美联储总资产为6.75万亿美元[1]。';
    expect(stripUnsupported(t, check(t))).toBe('[未经核实],美联储总资产为[未经核实][1]。');
  });
});

describe('dates that single a fact out, and clauses that move away from the leading date', () => {
  // two decisions' sizes: +25 bp on 2022-03-16 and +50 bp on 2022-05-04 (a made-up record), and their sum 75 bp
  const BP: Unit = { kind: 'percentage_points', scale: 0.01, label: 'basis points' };
  const size = (d: string, v: number): Fact => ({ id: `FOMC:${d}:size`, value: v, unit: BP, label: { zh: `FOMC ${d} 调整幅度`, en: `FOMC ${d} move` }, asOf: d, method: 'change', inputs: [], sourceIds: [1] });
  const sum: Fact = { id: 'FOMC:cumulative', value: 75, unit: BP, label: { zh: 'FOMC 加息累计幅度', en: 'FOMC cumulative hikes' }, asOf: '2022-05-04', period: { from: '2022-01-01', to: '2022-12-31' }, method: 'sum', inputs: [], sourceIds: [1] };
  const ev = { facts: [sum, size('2022-03-16', 25), size('2022-05-04', 50)] };

  it('a list item\'s own day picks the fact of that day, whatever the sentence before it says', () => {
    const t = '2022年累计加息75个基点[1]。\n- 2022年3月16日：+25个基点[1]\n- 2022年5月4日：+50个基点[1]';
    expect(verifyText(t, ev, { checkDates: true }).unsupported).toEqual([]);
    // the days swapped: each size is dated by the other decision
    const swapped = '2022年累计加息75个基点[1]。\n- 2022年3月16日：+50个基点[1]\n- 2022年5月4日：+25个基点[1]';
    expect(verifyText(swapped, ev, { checkDates: true }).claims.map((c) => [c.text, c.supported])).toEqual([['75个基点', true], ['+50个基点', false], ['+25个基点', false]]);
  });

  it('"from A to B" after a leading date: the earlier level is not bound to that date', () => {
    // the unemployment rate 6.73 is the 2020–2022 average, 4.1 the July 2026 level
    expect(verdicts('In July 2026, the unemployment rate was 4.1%.')).toEqual([['4.1%', true]]);
    expect(verdicts('In July 2026, the unemployment rate was 6.73%.')).toEqual([['6.73%', false]]);
    expect(verdicts('In July 2026, the unemployment rate stood at 4.1%, against 6.73% before.')).toEqual([['4.1%', true], ['6.73%', true]]);
  });
});

describe('sign and direction', () => {
  it('an explicit sign must agree with the fact (+1.54% vs −1.54%)', () => {
    expect(verdicts('美联储总资产过去一年变化+1.54%[1]。')).toEqual([['+1.54%', true]]);
    expect(verdicts('美联储总资产过去一年变化-1.54%[1]。')).toEqual([['-1.54%', false]]);
    expect(verdicts('Fed total assets changed by −2.22 trillion dollars.')).toEqual([['−2.22 trillion dollars', true]]);
    expect(verdicts('Fed total assets changed by +2.22 trillion dollars.')).toEqual([['+2.22 trillion dollars', false]]);
  });

  it('a direction word in the "by" form must agree with the change', () => {
    expect(verdicts('美联储总资产过去一年上升1.54%[1]。')).toEqual([['1.54%', true]]);
    expect(verdicts('美联储总资产过去一年大幅下降了1.54%[1]。')).toEqual([['1.54%', false]]);
    expect(verdicts('Fed total assets rose 1.54% over the year.')).toEqual([['1.54%', true]]);
    expect(verdicts('Fed total assets fell by 1.54% over the year.')).toEqual([['1.54%', false]]);
    expect(verdicts('美联储总资产较峰值减少2.22万亿美元[1]。')).toEqual([['2.22万亿美元', true]]);
    expect(verdicts('美联储总资产较峰值增加2.22万亿美元[1]。')).toEqual([['2.22万亿美元', false]]);
    expect(verdicts('Fed total assets are down $2.22 trillion from the peak.')).toEqual([['$2.22 trillion', true]]);
    expect(verdicts('Fed total assets are up $2.22 trillion from the peak.')).toEqual([['$2.22 trillion', false]]);
  });

  it('a direction elsewhere in the sentence binds a change-type fact ("大幅下降，过去一年变化1.54%")', () => {
    expect(verdicts('美联储总资产大幅下降，过去一年变化为1.54%[1]。')).toEqual([['1.54%', false]]);
    expect(verdicts('美联储总资产有所上升，过去一年变化为1.54%[1]。')).toEqual([['1.54%', true]]);
    // a contrast word cuts the binding: the fall is about something else
    expect(verdicts('失业率有所下降，但美联储总资产过去一年变化为1.54%[1]。')).toEqual([['1.54%', true]]);
  });

  it('"fell to / 降至" binds the number as a level; a level under "by" must still have the sign', () => {
    expect(verdicts('美联储总资产降至6.75万亿美元[1]。')).toEqual([['6.75万亿美元', true]]);
    expect(verdicts('Fed total assets fell to $6.75 trillion.')).toEqual([['$6.75 trillion', true]]);
    // "fell by 6.75 trillion": the level 6.75 trillion is positive, no fall
    expect(verdicts('Fed total assets fell by $6.75 trillion.')).toEqual([['$6.75 trillion', false]]);
    // the start level of the change (8.97万亿) is no fall either
    expect(verdicts('美联储总资产减少8.97万亿美元[1]。')).toEqual([['8.97万亿美元', false]]);
  });
});

describe('comparisons', () => {
  it('"A 高于/低于 B" must agree with the two numbers', () => {
    expect(verdicts('失业率为4.1%[2]，低于疫情期间平均的6.73%[2]。')).toEqual([['4.1%', true], ['6.73%', true]]);
    expect(verdicts('失业率为4.1%[2]，高于疫情期间平均的6.73%[2]。')).toEqual([['4.1%', false], ['6.73%', false]]);
    expect(verdicts('The unemployment rate is 4.1%, higher than the pandemic average of 6.73%.')).toEqual([['4.1%', false], ['6.73%', false]]);
    expect(verdicts('The unemployment rate is 4.1%, lower than the pandemic average of 6.73%.')).toEqual([['4.1%', true], ['6.73%', true]]);
  });

  it('a comparison of one fact with itself is rejected', () => {
    const r = check('疫情期间平均失业率为6.73%[2]，低于疫情期间的6.73%[2]。');
    expect(r.claims.map((c) => c.supported)).toEqual([false, false]);
  });

  it('a comparison of a period with itself in words is an unsupported statement', () => {
    const r = check('疫情期间(2020年3月–2022年3月)低于疫情期间(2020年3月–2022年3月)。', { checkDates: false });
    expect(r.statements.map((s) => [s.kind, s.supported])).toEqual([['comparison', false]]);
    expect(r.numbers - r.supported).toBe(1);
    const en = check('Average unemployment during covid is lower than during covid.', { checkDates: false });
    expect(en.statements.map((s) => s.kind)).toEqual(['comparison']);
    expect(check('Average unemployment during covid is lower than during QE.', { checkDates: false }).statements).toEqual([]);
  });

  it('a ratio of a fact to itself supports nothing', () => {
    const r = check('疫情期间的平均失业率约为疫情期间的1倍[2]。', { checkDates: false });
    expect(r.claims.map((c) => [c.text, c.supported])).toEqual([['1倍', false]]);
    expect(r.claims[0]!.reason).toContain('with itself');
  });

  it('"超过5%" is a bound on the number, not a comparison', () => {
    expect(verdicts('失业率为4.1%[2]，此前曾超过6.7%[2]。')).toEqual([['4.1%', true], ['6.7%', true]]);
  });
});

describe('unparseable quantities', () => {
  it('a claim whose value is NaN is reported unsupported with a reason', async () => {
    const { checkClaim } = await import('../../../src/engine/verify/verify.ts');
    const { prepareEvidence } = await import('../../../src/engine/verify/index.ts');
    const v = prepareEvidence({ facts });
    const c = { text: '九万八千七百亿', start: 0, end: 7, value: NaN, unitKind: 'plain' as const, numeral: NaN, scale: 1, decimals: 0, sigDigits: 0, tolerance: 0, unparseable: true };
    const r = checkClaim(c, { tokens: new Set(), years: new Set(), ops: undefined, text: '', answers: false }, v);
    expect(r.supported).toBe(false);
    expect(r.reason).toContain('could not be read');
  });
});

describe('datesIn: the dates a text writes, as intervals of days', () => {
  it('reads days, months, quarters and years in both languages, and leaves decades and numbers alone', async () => {
    const { datesIn } = await import('../../../src/engine/verify/text.ts');
    const got = (t: string) => datesIn(t).map((d) => [d.text, d.from, d.to]);
    expect(got('2023年10月19日，2024年3月，2024年第3季度，2022年')).toEqual([
      ['2023年10月19日', '2023-10-19', '2023-10-19'],
      ['2024年3月', '2024-03-01', '2024-03-31'],
      ['2024年第3季度', '2024-07-01', '2024-09-30'],
      ['2022年', '2022-01-01', '2022-12-31'],
    ]);
    // February 2024 has 29 days (a leap year), February 2023 has 28
    expect(got('Feb 2024, February 2023')).toEqual([['Feb 2024', '2024-02-01', '2024-02-29'], ['February 2023', '2023-02-01', '2023-02-28']]);
    expect(got('March 25, 2023; 1 June 2022; Q3 2024; 2026-07; 2024-04-25')).toEqual([
      ['March 25, 2023', '2023-03-25', '2023-03-25'],
      ['1 June 2022', '2022-06-01', '2022-06-01'],
      ['Q3 2024', '2024-07-01', '2024-09-30'],
      ['2026-07', '2026-07-01', '2026-07-31'],
      ['2024-04-25', '2024-04-25', '2024-04-25'],
    ]);
    expect(got('1990年代以来，the 2020s，10年期，2,024，$2024')).toEqual([]);
    // a span that is a numeric claim is not a date
    expect(datesIn('2024点', [[0, 5]])).toEqual([]);
  });
});

describe('subject carried over from earlier in the sentence', () => {
  it('a clause naming nothing is about the entity named just before it, when no number stands between', () => {
    expect(verdicts('美国GDP：6.75万亿美元[1]。')).toEqual([['6.75万亿美元', false]]);
    expect(verdicts('美联储总资产：6.75万亿美元[1]。')).toEqual([['6.75万亿美元', true]]);
    // the change after the level is bound by its own words, not by the name before the level
    expect(verdicts('美联储总资产为6.75万亿美元[1]，较峰值减少2.22万亿美元[1]。')).toEqual([['6.75万亿美元', true], ['2.22万亿美元', true]]);
  });
});
