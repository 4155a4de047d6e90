// What verifyBody gives the verifier besides the facts: the catalog's names (entityNames) and the dates of the
// named periods a body mentions (namedPeriodDates, whose quotes test/engine/periods.test.ts checks).
import { describe, expect, it } from 'vitest';
import { entityNames, namedPeriodDates } from '../../../src/engine/compose.ts';
import { NAMED_PERIODS } from '../../../src/knowledge/periods.ts';
import type { StoredSeries } from '../../../src/store/repo.ts';

const meta = (id: string, zh: string, en: string, aliases: string[], ticker?: string): StoredSeries =>
  ({ id, title: { zh, en }, aliases, unit: { kind: 'index', scale: 1, label: '' }, frequency: 'daily', category: 'rates', source: 'fred', url: '', firstDate: null, lastDate: null, observationCount: 0, lastSyncUrl: null, lastSyncMode: null, lastSyncedAt: null, ...(ticker ? { ticker } : {}) }) as unknown as StoredSeries;

describe('entityNames', () => {
  const metas = new Map([
    ['GDP', meta('GDP', '美国名义国内生产总值(GDP)', 'Gross Domestic Product', ['名义GDP', '美国GDP', 'nominal GDP'])],
    ['WALCL', meta('WALCL', '美联储总资产', 'Assets: Total Assets (Wednesday level)', ['缩表', 'QT', 'balance sheet', 'total'])],
    ['AAPL', meta('AAPL', '苹果公司', 'Apple Inc.', ['苹果', 'Apple'], 'AAPL')],
  ]);
  const byId = new Map(entityNames(metas).map((e) => [e.id, e.names]));

  it('lists ids, tickers, titles with and without their bracketed part, and aliases', () => {
    expect(byId.get('GDP')).toEqual(expect.arrayContaining(['GDP', '美国名义国内生产总值(GDP)', '美国名义国内生产总值', '名义GDP', '美国GDP', 'nominal GDP']));
    expect(byId.get('AAPL')).toEqual(expect.arrayContaining(['AAPL', '苹果公司', 'Apple Inc.', '苹果', 'Apple']));
  });

  it('leaves out named-period names and ordinary lower-case English words', () => {
    const walcl = byId.get('WALCL')!;
    expect(walcl).toContain('美联储总资产');
    for (const vague of ['缩表', 'QT', 'total']) expect(walcl).not.toContain(vague);
    expect(walcl).toContain('balance sheet'); // two words: a name, not a word
  });
});

describe('namedPeriodDates', () => {
  it('gives the dates a mentioned period carries, and nothing for a body naming none', () => {
    const covid = NAMED_PERIODS.find((p) => p.id === 'covid')!;
    const dates = namedPeriodDates(`${covid.name.zh}的平均失业率`);
    const has = (d: string) => dates.some(([a, b]) => a <= d && d <= b);
    expect(has(covid.from)).toBe(true);
    expect(has(covid.to)).toBe(true);
    for (const c of covid.citations) expect(has(c.date)).toBe(true);
    expect(namedPeriodDates('美联储总资产为6.75万亿美元。')).toEqual([]);
  });
});
