// unitName: every unit the catalog uses has a name in both languages, the Chinese one without English words,
// built from kind/scale/currency (the publisher's label only says what a price is per or an index's base).
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/data/catalog/index.ts';
import type { Unit } from '../../src/core/types.ts';
import { unitName } from '../../src/core/unit-names.ts';

const u = (kind: Unit['kind'], scale: number, label: string, currency?: string): Unit => ({ kind, scale, label, ...(currency ? { currency } : {}) });

describe('unitName', () => {
  it('names money by scale and currency', () => {
    expect(unitName(u('currency', 1e6, 'Millions of U.S. Dollars', 'USD'), 'zh')).toBe('百万美元');
    expect(unitName(u('currency', 1e6, 'Millions of U.S. Dollars', 'USD'), 'en')).toBe('millions of US dollars');
    expect(unitName(u('currency', 1e9, 'Billions of Dollars', 'USD'), 'zh')).toBe('10亿美元');
    expect(unitName(u('currency', 1, 'U.S. Dollars', 'USD'), 'en')).toBe('US dollars');
    expect(unitName(u('currency', 1, 'Yuan (CNY)', 'CNY'), 'zh')).toBe('人民币元');
    expect(unitName(u('currency', 1e9, 'Billions of Chained 2017 Dollars', 'USD'), 'zh')).toBe('10亿美元（2017年不变价）');
    expect(unitName(u('currency', 1e9, 'Billions of Chained 2017 Dollars', 'USD'), 'en')).toBe('billions of chained 2017 US dollars');
  });

  it('names prices by what they are per', () => {
    expect(unitName(u('price', 1, 'USD per share', 'USD'), 'zh')).toBe('美元/股');
    expect(unitName(u('price', 1, 'USD per share', 'USD'), 'en')).toBe('US dollars per share');
    expect(unitName(u('price', 1, 'KRW per share (split-adjusted, not dividend-adjusted)', 'KRW'), 'zh')).toBe('韩元/股');
    expect(unitName(u('price', 1, 'Dollars per Barrel', 'USD'), 'zh')).toBe('美元/桶');
    expect(unitName(u('price', 1, 'Japanese yen per U.S. dollar', 'JPY'), 'zh')).toBe('日元/美元');
    expect(unitName(u('price', 1, 'U.S. dollars per euro', 'USD'), 'en')).toBe('US dollars per euro');
    expect(unitName(u('price', 1, 'Chinese Yuan Renminbi to One U.S. Dollar', 'CNY'), 'zh')).toBe('人民币元/美元');
  });

  it('names rates, spreads, counts and indexes', () => {
    expect(unitName(u('percent', 1, 'Percent'), 'zh')).toBe('百分比');
    expect(unitName(u('percent', 1, 'Percent'), 'en')).toBe('percent');
    expect(unitName(u('percentage_points', 1, 'Percent'), 'zh')).toBe('百分点');
    expect(unitName(u('percentage_points', 0.01, 'Basis Points'), 'en')).toBe('basis points');
    expect(unitName(u('count', 1000, 'Thousands of Persons'), 'zh')).toBe('千人');
    expect(unitName(u('count', 1000, 'Thousands of Persons'), 'en')).toBe('thousands of persons');
    expect(unitName(u('index', 1, 'Index 1982-1984=100'), 'zh')).toBe('指数（1982-1984年=100）');
    expect(unitName(u('index', 1, 'Index Nov 2009=100'), 'zh')).toBe('指数（2009年11月=100）');
    expect(unitName(u('index', 1, 'Index 1966:Q1=100'), 'en')).toBe('index (1966:Q1 = 100)');
    expect(unitName(u('ratio', 1, 'Times (price ÷ trailing-twelve-month earnings)'), 'zh')).toBe('倍');
  });

  it('gives every catalog unit a Chinese name without English words and an English name without Chinese', () => {
    const units = new Map(catalog.map((s) => [JSON.stringify(s.unit), s.unit]));
    expect(units.size).toBeGreaterThan(20);
    for (const unit of units.values()) {
      const zh = unitName(unit, 'zh');
      const en = unitName(unit, 'en');
      expect(zh, unit.label).not.toMatch(/[A-Za-z]{2,}/);
      expect(zh, unit.label).toMatch(/[\u4e00-\u9fff]/);
      expect(en, unit.label).not.toMatch(/[\u4e00-\u9fff]/);
      expect(en, unit.label).toMatch(/^[A-Za-z]/);
    }
  });
});
