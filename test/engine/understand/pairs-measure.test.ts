// Country-pair spreads, thresholds and the basis of a dispersion, read from the wording of a question.
import { describe, expect, it } from 'vitest';
import { getSeries } from '../../../src/data/catalog/index.ts';
import { asksAnnualizedMonthly, statBasis, thresholdAsk } from '../../../src/engine/understand/measure.ts';
import { COUNTRY_YIELDS, countryPairSpread } from '../../../src/engine/understand/pairs.ts';

describe('country-pair spreads', () => {
  it('every series of the table is in the catalog', () => {
    for (const c of Object.values(COUNTRY_YIELDS)) for (const id of Object.values(c.yields)) expect(getSeries(id), id).toBeDefined();
  });
  it('the first country named is the minuend; a tenor one country lacks gives nothing', () => {
    expect(countryPairSpread('中美10年期国债利差')).toMatchObject({ a: 'CGB10Y', b: 'DGS10', tenor: 10 });
    expect(countryPairSpread('US-China 10-year yield spread')).toMatchObject({ a: 'DGS10', b: 'CGB10Y' });
    expect(countryPairSpread('the 30-year US/China spread')).toMatchObject({ a: 'DGS30', b: 'CGB30Y' });
    expect(countryPairSpread('spread between US and China 10-year government bond yields')).toMatchObject({ a: 'DGS10', b: 'CGB10Y' });
    expect(countryPairSpread('美国和中国10年期国债利差')).toMatchObject({ a: 'DGS10', b: 'CGB10Y' });
    expect(countryPairSpread('美国10年期和2年期国债利差')).toBeNull();
    expect(countryPairSpread('中美2年期国债利差')).toBeNull();
    expect(countryPairSpread('中美10年期国债收益率')).toBeNull();
  });
});

describe('thresholds and dispersion wording', () => {
  it('reads the operator, number and unit of a threshold', () => {
    expect(thresholdAsk('10年期收益率超过5%的天数')).toMatchObject({ op: '>', value: 5, unit: 'percent' });
    expect(thresholdAsk('how many days was the VIX above 30 in 2020')).toMatchObject({ op: '>', value: 30, unit: 'plain' });
    expect(thresholdAsk('利差低于50个基点的天数')).toMatchObject({ op: '<', value: 50, unit: 'bp' });
  });
  it('says what a standard deviation is of, and whether it is annualised', () => {
    expect(statBasis('日收益率的标准差')).toEqual({ on: 'returns', annualize: null });
    expect(statBasis('日变化的标准差')).toEqual({ on: 'changes', annualize: null });
    expect(statBasis('standard deviation of the level')).toEqual({ on: 'levels', annualize: null });
    expect(statBasis('daily volatility, not annualized')).toEqual({ on: null, annualize: false });
    expect(statBasis('年化波动率')).toEqual({ on: null, annualize: true });
    expect(asksAnnualizedMonthly('CPI环比折年率')).toBe(true);
    expect(asksAnnualizedMonthly('CPI环比')).toBe(false);
  });
});
