import { describe, expect, it } from 'vitest';
import { extractClaims, parseCell } from '../../../src/engine/verify/index.ts';

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
