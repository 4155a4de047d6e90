import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/answer.ts';
import { extractClaims, parseCell, stripUnsupported, verifyText } from '../../../src/engine/verify/index.ts';

const texts = (s: string) => extractClaims(s).map((c) => c.text);
const one = (s: string) => {
  const cs = extractClaims(s);
  expect(cs, s).toHaveLength(1);
  return cs[0]!;
};

describe('extractClaims: what is a claim', () => {
  it('finds the claims of the spec, Chinese and English', () => {
    expect(texts('通胀为3.63%，收益率4.98，加息25个基点')).toEqual(['3.63%', '4.98', '25个基点']);
    expect(texts('cut by 25 bp, then 25bps')).toEqual(['25 bp', '25bps']);
    expect(texts('总资产6.75万亿美元，月减350亿美元，累计1.2万亿')).toEqual(['6.75万亿美元', '350亿美元', '1.2万亿']);
    expect(texts('assets of $6.75 trillion, runoff of $35 billion')).toEqual(['$6.75 trillion', '$35 billion']);
    expect(texts('the spread is −12.6 and then -12.6')).toEqual(['−12.6', '-12.6']);
    expect(texts('sales were 1,496.5')).toEqual(['1,496.5']);
    expect(texts('市盈率3.5倍，上升12个百分点, up 0.5 percentage points')).toEqual(['3.5倍', '12个百分点', '0.5 percentage points']);
    expect(texts('¥350亿元，另有12亿元')).toEqual(['¥350亿元', '12亿元']);
  });

  it('reads (12.6) in a table as an accounting negative', () => {
    const cs = extractClaims('| Item | 2019 | 2018 |\n|---|---|---|\n| Other | (12.6) | 1,496.5 |');
    expect(cs.map((c) => [c.text, c.value])).toEqual([
      ['(12.6)', -12.6],
      ['1,496.5', 1496.5],
    ]);
  });

  it('does not take years, dates, quarters or times for claims', () => {
    expect(texts('In 2024 and 2024年, FY2023, Q3 2024, on 2024-04-25, 2023年10月19日, 6月, March 2023, at 14:00')).toEqual([]);
    expect(texts('March 25, 2023 and 25 March 2023 and 2019-2020')).toEqual([]);
  });

  it('does not take citation markers, list numbers, ordinals, series ids or index names for claims', () => {
    expect(texts('资产负债表缩减[1][2]，见[3, 4]')).toEqual([]);
    expect(texts('1. First point\n2) Second point\n3、第三点')).toEqual([]);
    expect(texts('the 1st and 2nd rounds, 第3次')).toEqual([]);
    expect(texts('DGS10 and T10Y2Y and 2s10s; the S&P 500; COVID-19; T+1; 10Y; H1 2024')).toEqual([]);
    expect(texts('At its March 19-20, 2024 meeting')).toEqual([]);
  });

  it('does not take durations in a period phrase for claims', () => {
    expect(texts('过去一年，3个月，10-year Treasury，10年期，30年期，2s10s, 30 days')).toEqual([]);
    // exactly one claim: the yield
    expect(texts('10年期美债收益率为4.5%')).toEqual(['4.5%']);
    expect(texts('The 10-year Treasury yield was 4.5% over the past 12 months')).toEqual(['4.5%']);
  });
});

describe('extractClaims: normalisation', () => {
  it('turns money into base units with its currency', () => {
    const a = one('350亿美元');
    expect([a.value, a.unitKind, a.currency, a.numeral, a.scale]).toEqual([3.5e10, 'money', 'USD', 350, 1e8]);
    const b = one('$6.75 trillion');
    expect([b.value, b.unitKind, b.currency, b.decimals]).toEqual([6.75e12, 'money', 'USD', 2]);
    expect(one('$35 billion').value).toBe(3.5e10);
    expect(one('12亿元').currency).toBe('CNY');
    expect(one('1.2万亿').unitKind).toBe('plain');
    expect(one('1.2万亿').value).toBeCloseTo(1.2e12, 0);
  });

  it('keeps basis points as percentage points for comparison', () => {
    const c = one('25个基点');
    expect([c.unitKind, c.value, c.numeral]).toEqual(['bp', 0.25, 25]);
    // half a basis point either way still rounds to 25
    expect(c.tolerance).toBeCloseTo(0.005, 12);
    expect(one('12个百分点').unitKind).toBe('pp');
    expect(one('3.63%').unitKind).toBe('percent');
  });

  it('records the precision written: tolerance is half a unit in the last place', () => {
    const a = one('6.7万亿美元');
    expect([a.decimals, a.sigDigits]).toEqual([1, 2]);
    expect(a.tolerance).toBeCloseTo(0.05e12, 0);
    const b = one('3.63%');
    expect(b.tolerance).toBeCloseTo(0.005, 12);
    expect(one('1,496.5').sigDigits).toBe(5);
    // "约1500亿": trailing zeros are not significant when the text says "about"
    const c = one('约1500亿美元');
    expect(c.qualifier).toBe('approx');
    expect(c.tolerance).toBeCloseTo(50e8, 0);
  });

  it('parses table cells', () => {
    expect(parseCell('$  1,452.4')?.value).toBe(1452.4);
    expect(parseCell('$(5,625)')?.value).toBe(-5625);
    expect(parseCell('(228)')?.value).toBe(-228);
    expect(parseCell('−136')?.value).toBe(-136);
    expect(parseCell('85.9%')).toMatchObject({ value: 85.9, percent: true });
    expect(parseCell('—')?.value).toBe(0);
    expect(parseCell('NM')).toBeUndefined();
    expect(parseCell("$'000")).toBeUndefined();
    expect(parseCell('July 27, 2019 (1)')).toBeUndefined();
  });
});

// ---- issue 10: every written form of a number is read, and what cannot be read is reported, not skipped ----

const claim = (s: string) => {
  const cs = extractClaims(s);
  expect(cs, s).toHaveLength(1);
  const c = cs[0]!;
  expect(c.text, s).toBe(s.slice(c.start, c.end));
  return c;
};

describe('extractClaims: numerals in any form', () => {
  it('reads the forms the issue lists, with values computed by hand', () => {
    const cases: Array<[string, string, number, string]> = [
      // [text, claim text, value (hand computation in the comment), unit kind]
      ['模型写道：`9.87万亿美元`。', '9.87万亿美元', 9.87e12, 'money'], // 9.87 × 10^12, inside a code span
      ['assets of 9e12', '9e12', 9e12, 'plain'],
      ['assets of 9.87E+12', '9.87E+12', 9.87e12, 'plain'],
      ['assets of 9.87×10^12', '9.87×10^12', 9.87e12, 'plain'],
      ['assets of 9.87×10¹²', '9.87×10¹²', 9.87e12, 'plain'],
      ['assets of 9.87 x 10^12', '9.87 x 10^12', 9.87e12, 'plain'],
      ['总资产𝟗.𝟖𝟕万亿美元', '𝟗.𝟖𝟕万亿美元', 9.87e12, 'money'], // mathematical bold digits
      ['增长⑨%', '⑨%', 9, 'percent'],
      ['增长⑳%', '⑳%', 20, 'percent'],
      ['增长㉑%', '㉑%', 21, 'percent'],
      ['增长❾%', '❾%', 9, 'percent'], // dingbat, left alone by NFKC
      ['增长➑%', '➑%', 8, 'percent'],
      ['增长⓵%', '⓵%', 1, 'percent'],
      ['rose ٣٫٥%', '٣٫٥%', 3.5, 'percent'], // Arabic-Indic 3, Arabic decimal separator, 5
      ['rose ٣٤%', '٣٤%', 34, 'percent'],
      ['rose 9\u200b.\u200d87%', '9\u200b.\u200d87%', 9.87, 'percent'], // zero-width inside
      ['rose 1\u2009234\u2009567 dollars', '1\u2009234\u2009567 dollars', 1234567, 'money'],
      ['rose 9**.**87%', '9**.**87%', 9.87, 'percent'],
      ['rose 9<b></b>.87%', '9<b></b>.87%', 9.87, 'percent'],
      ['rose &#57;.87%', '&#57;.87%', 9.87, 'percent'],
      ['rose &#x39;.8&#55;%', '&#x39;.8&#55;%', 9.87, 'percent'],
      ['sales 1.234.567,8 euros', '1.234.567,8 euros', 1234567.8, 'money'],
      ['sales 1 234 567 dollars', '1 234 567 dollars', 1234567, 'money'],
      ['总资产九万八千七百亿美元', '九万八千七百亿美元', 9.87e12, 'money'], // 9×10^4 + 8×10^3 + 7×10^2 = 98700 亿
      ['减持三千亿', '三千亿', 3e11, 'plain'],
      ['累计1.2万亿', '1.2万亿', 1.2e12, 'plain'],
      ['占两成', '两成', 20, 'percent'], // 成 = tenths
      ['占一成', '一成', 10, 'percent'],
      ['占三分之一', '三分之一', 100 / 3, 'percent'],
      ['上涨百分之五', '百分之五', 5, 'percent'],
      ['上涨千分之三', '千分之三', 0.3, 'percent'], // 3 / 1000 = 0.3 %
      ['收益率为零点五', '零点五', 0.5, 'plain'],
      ['变化为负三', '负三', -3, 'plain'],
      ['市盈率为三倍', '三倍', 3, 'plain'],
      ['资产翻倍', '翻倍', 100, 'percent'], // +100 %
      ['资产翻番', '翻番', 100, 'percent'],
      ['资产减半', '减半', -50, 'percent'],
      ['nine point eight seven trillion dollars', 'nine point eight seven trillion dollars', 9.87e12, 'money'],
      ['up seventy-five percent', 'seventy-five percent', 75, 'percent'],
      ['about two and a half billion', 'two and a half billion', 2.5e9, 'plain'],
      ['one third of banks', 'one third of', 100 / 3, 'percent'],
      ['two thirds of banks', 'two thirds of', 200 / 3, 'percent'],
      ['three quarters of banks', 'three quarters of', 75, 'percent'],
      ['half of the banks', 'half of', 50, 'percent'],
      ['a quarter of the banks', 'a quarter of', 25, 'percent'],
      ['the balance sheet doubled', 'doubled', 100, 'percent'],
      ['the balance sheet tripled', 'tripled', 200, 'percent'],
      ['the balance sheet halved', 'halved', -50, 'percent'],
      ['a dozen banks', 'a dozen', 12, 'count'],
      ['¾ of banks', '¾', 75, 'percent'], // 3/4 = 75 %
      ['up 2½%', '2½%', 2.5, 'percent'],
      ['three hikes in 2022', 'three hikes', 3, 'count'],
      ['3/4 of banks', '3/4 of', 75, 'percent'], // 3 / 4 = 75 %
      ['加息七次', '七次', 7, 'count'],
      ['三次加息', '三次', 3, 'count'],
      ['See [9.87 trillion](https://example.com/2024/123)', '9.87 trillion', 9.87e12, 'plain'],
      ['<td>9.87%</td>', '9.87%', 9.87, 'percent'],
    ];
    for (const [text, want, value, kind] of cases) {
      const c = claim(text);
      expect(c.text, text).toBe(want);
      expect(c.value, text).toBeCloseTo(value, 6);
      expect(c.unitKind, text).toBe(kind);
    }
    // 过半: more than 50 %
    expect(claim('过半').qualifier).toBe('over');
    expect(claim('过半').value).toBe(50);
  });

  it('states the precision of words: half a unit of the last place they express', () => {
    // 九万八千七百亿: the last digit 七 stands for 百亿 = 1e10, half of it is 5e9
    expect(claim('九万八千七百亿').tolerance).toBeCloseTo(5e9, 0);
    // 三千亿: 千亿 = 1e11
    expect(claim('三千亿').tolerance).toBeCloseTo(5e10, 0);
    // 零点五: tenths
    expect(claim('为零点五').tolerance).toBeCloseTo(0.05, 12);
    // 两成: one 成 is 10 %
    expect(claim('两成').tolerance).toBe(5);
    // 百分之五: whole percent; 千分之三: tenths of a percent
    expect(claim('百分之五').tolerance).toBeCloseTo(0.5, 12);
    expect(claim('千分之三').tolerance).toBeCloseTo(0.05, 12);
    // nine point eight seven trillion: hundredths of a trillion
    expect(claim('nine point eight seven trillion').tolerance).toBeCloseTo(0.005e12, 0);
    // seventy-five: units
    expect(claim('seventy-five percent').tolerance).toBeCloseTo(0.5, 12);
  });

  it('reads both ends of a range with the unit they share', () => {
    const vals = (s: string) => extractClaims(s).map((c) => [c.value, c.unitKind]);
    expect(vals('预计3-4%')).toEqual([
      [3, 'percent'],
      [4, 'percent'],
    ]);
    expect(vals('上升三到五个百分点')).toEqual([
      [3, 'pp'],
      [5, 'pp'],
    ]);
    expect(vals('between 3 and 4 percent')).toEqual([
      [3, 'percent'],
      [4, 'percent'],
    ]);
  });

  it('reports numerals it cannot read as unparseable claims (value NaN), never skips them', () => {
    for (const s of ['第Ⅻ条之外，增长Ⅻ%', '增长\u{10107}%', '大约三四十家', '几十亿美元', 'dozens of banks']) {
      const cs = extractClaims(s);
      expect(cs.some((c) => c.unparseable === true && Number.isNaN(c.value)), s).toBe(true);
    }
    // and a verification never counts such a text as fully supported
    const r = verifyText('美联储总资产为Ⅻ万亿美元。', { facts: [] });
    expect(r.numbers).toBeGreaterThan(r.supported);
  });

  it('does not take dates, durations, ordinals or words that merely contain numerals for claims', () => {
    expect(texts('一年前，过去3个月，10年期，30-year，一年来，第一，第3，first')).toEqual([]);
    expect(texts('上一次加息，最近一次，这一次，每一次，第一次')).toEqual([]);
    expect(texts('一些 一直 一样 统一 一般 万一 一旦 唯一 一起 一定 之一 十分 百货 千万别')).toEqual([]);
    expect(texts('one of the members; no one; someone; the one; once')).toEqual([]);
    expect(texts('二〇二四年三月五日，一季度，星期三，三年，两周，五天')).toEqual([]);
    expect(texts('当季与上季之比的四次方减一')).toEqual([]);
    // a citation followed by a parenthesis is not a link: the figure in the parenthesis is a claim
    expect(texts('减少2.3万[1](-0.01%)')).toEqual(['2.3万', '-0.01%']);
  });
});

describe('extractClaims: more written forms', () => {
  it('reads superscript exponents in HTML, grouped full-width digits and half a point', () => {
    expect(claim('9.87×10<sup>12</sup>美元').value).toBeCloseTo(9.87e12, 0); // 9.87 × 10^12
    expect(claim('１，２３４亿').value).toBeCloseTo(1234e8, 0); // 1234 × 1e8
    expect(texts('３，４')).toEqual(['３', '４']); // a Chinese comma between single digits separates them
    const h = claim('上升半个百分点');
    expect([h.value, h.unitKind]).toEqual([0.5, 'pp']);
  });
});

describe('extractClaims through verifyText: invented figures in any form are unsupported', () => {
  // WALCL 6,745,000 million dollars = $6.745 trillion (the fixture of verify.test.ts)
  const walcl = {
    id: 'walcl-latest',
    value: 6_745_000,
    unit: { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' },
    label: { zh: '美联储总资产', en: 'Fed total assets' },
    asOf: '2024-04-24',
    method: 'level',
    inputs: [],
    sourceIds: [1],
    seriesId: 'WALCL',
  } as unknown as Fact;
  const evidence = { facts: [walcl] };

  it('never reports every number supported when a form of 9.87 trillion is written', () => {
    for (const text of [
      '美联储总资产为`9.87万亿`美元[1]。',
      '美联储总资产为𝟗.𝟖𝟕万亿美元[1]。',
      '美联储总资产为九万八千七百亿美元[1]。',
      'Fed total assets were nine point eight seven trillion dollars [1].',
      'Fed total assets were 9.87e12 dollars [1].',
      'Fed total assets were 9&#x2e;87 trillion dollars [1].',
      'Fed total assets were 9\u200b.87 trillion dollars [1].',
      'Fed total assets were Ⅻ trillion dollars [1].',
    ]) {
      const r = verifyText(text, evidence);
      expect(r.numbers, text).toBeGreaterThan(0);
      expect(r.supported, text).toBeLessThan(r.numbers);
      const stripped = stripUnsupported(text, r);
      expect(stripped, text).toMatch(/\[未经核实\]|\[unverified\]/);
      expect(/9|九|nine|Ⅻ|𝟗/.test(stripped.replace(/\[1\]/g, '')), stripped).toBe(false);
    }
  });

  it('supports the true figure written in words (6,745,000 million = 六万七千四百五十亿 = 6.745 × 10^12)', () => {
    for (const text of ['美联储总资产为六万七千四百五十亿美元[1]。', '美联储总资产为六点七五万亿美元[1]。', 'Fed total assets were six point seven five trillion dollars [1].']) {
      const r = verifyText(text, evidence);
      expect([r.numbers, r.supported], text).toEqual([1, 1]);
    }
  });
});
