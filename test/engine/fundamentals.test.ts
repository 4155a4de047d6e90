// Company fundamentals beyond the headline fact: every item asked is answered in order, what is missing is said,
// valuation answers cite the dated snapshot with a page a reader can open, the parser reads periods and items
// as tables (not examples), and the snapshot load is idempotent with provenance. Expectations come from the raw
// files (test/engine/questions/raw.ts, cases-fundamentals.ts readers).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Fact } from '../../src/core/answer.ts';
import { companies } from '../../src/data/catalog/index.ts';
import { readValuationSnapshot, VALUATION_FILE } from '../../src/data/valuation.ts';
import { createEngine, type Engine } from '../../src/engine/index.ts';
import { detectFundamentals, fundamentalPeriod } from '../../src/engine/understand/fundamentals.ts';
import type { Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { freshPglite, loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';
import { itemSeries, snapshotAsOf, snapshotField } from './questions/cases-fundamentals.ts';
import { stock, table } from './questions/raw.ts';

const TODAY = '2026-11-24';
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const factFor = (a: Answer, re: RegExp): Fact | undefined => a.facts.find((f) => re.test(f.id));

describe('parser: items in order, periods and changes from tables of words', () => {
  const time = { time: { kind: 'latest' as const } };
  it('reads several items in the order asked, each once, the most specific word first', () => {
    const names = (q: string) => detectFundamentals(q).map((m) => ('item' in m ? m.item : m.kind === 'margin' ? `${m.numerator} margin` : m.label.en));
    expect(names('营收和净利润')).toEqual(['Total Revenue', 'Net Income']);
    expect(names('net income and revenue')).toEqual(['Net Income', 'Total Revenue']);
    expect(names('毛利率和净利率')).toEqual(['Gross Profit margin', 'Net Income margin']);
    expect(names('营业利润和毛利')).toEqual(['Operating Income', 'Gross Profit']);
    expect(names('EV/EBITDA')).toEqual(['enterpriseToEbitda']);
    expect(names('free cash flow')).toEqual(['Free Cash Flow']);
    expect(names('最新财报怎么样')).toEqual(['Total Revenue', 'Net Income']);
  });
  it('a loss is net income worded as a loss, unless the words are about the share', () => {
    const [m] = detectFundamentals('亏了多少');
    expect(m).toMatchObject({ kind: 'item', item: 'Net Income', loss: true });
    expect(detectFundamentals('how much did the stock lose')).toEqual([]);
  });
  it('periods: latest quarter, TTM, fiscal year, fiscal quarter, N years, YoY/QoQ', () => {
    expect(fundamentalPeriod('最近一个季度的营收', time)).toMatchObject({ period: 'quarterly', target: { kind: 'latest' } });
    expect(fundamentalPeriod('latest quarter revenue', time)).toMatchObject({ period: 'quarterly', target: { kind: 'latest' } });
    expect(fundamentalPeriod('过去12个月营收', time)).toMatchObject({ period: 'ttm' });
    expect(fundamentalPeriod('TTM net income', time)).toMatchObject({ period: 'ttm' });
    expect(fundamentalPeriod('最新财报', time)).toMatchObject({ period: 'quarterly', target: { kind: 'latest' } });
    expect(fundamentalPeriod('2025年上半年营收', time)).toMatchObject({ period: 'quarterly', aggregate: 'sum', target: { kind: 'ending', from: '2025-01-01', to: '2025-06-30' } });
    expect(fundamentalPeriod('2025年前三季度营收', time)).toMatchObject({ aggregate: 'sum', target: { kind: 'ending', from: '2025-01-01', to: '2025-09-30' } });
    expect(fundamentalPeriod('revenue H2 2024', time)).toMatchObject({ aggregate: 'sum', target: { kind: 'ending', from: '2024-07-01', to: '2024-12-31' } });
    expect(fundamentalPeriod('今年营收', { time: { kind: 'range', from: '2025-12-31', label: { zh: '今年', en: 'this year' } } })).toMatchObject({ period: 'annual', target: { kind: 'ending', from: '2026-01-01' } });
    expect(fundamentalPeriod('FY2024 revenue', time)).toMatchObject({ period: 'annual', target: { kind: 'ending', from: '2024-01-01', to: '2024-12-31' } });
    expect(fundamentalPeriod('2025财年营收', time)).toMatchObject({ period: 'annual', target: { kind: 'ending', from: '2025-01-01', to: '2025-12-31' } });
    expect(fundamentalPeriod('2026财年第一财季营收', time)).toMatchObject({ period: 'quarterly', target: { kind: 'fiscal_quarter', fiscalYear: 2026, quarter: 1 } });
    expect(fundamentalPeriod('Q3 FY2025 revenue', time)).toMatchObject({ period: 'quarterly', target: { kind: 'fiscal_quarter', fiscalYear: 2025, quarter: 3 } });
    expect(fundamentalPeriod('营收同比增长', time)).toMatchObject({ change: 'yoy' });
    expect(fundamentalPeriod('营收环比', time)).toMatchObject({ period: 'quarterly', change: 'qoq' });
    expect(fundamentalPeriod('过去三年营收增长了多少', { time: { kind: 'trailing', months: 36, label: { zh: '', en: '' } } })).toMatchObject({ period: 'annual', change: 'years', years: 3 });
    expect(fundamentalPeriod('revenue growth over the past four years', time)).toMatchObject({ period: 'annual', change: 'years', years: 4 });
  });
});

describe('valuation snapshot load', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshPglite();
  }, 120_000);
  afterAll(async () => db?.close());

  it('stores the catalog companies’ snapshot rows verbatim, dated and with the file as provenance; a second load changes nothing', async () => {
    await repo.upsertCompanies(db, companies);
    const snap = await readValuationSnapshot(snapshotRoot, companies.map((c) => c.ticker));
    expect(snap).not.toBeNull();
    expect(snap!.asOf).toBe(snapshotAsOf());
    expect(snap!.url).toContain(VALUATION_FILE);
    // BRK.B is BRK-B in the vendor file; companies the snapshot lacks (TSM) have no rows
    expect(snap!.rows.find((r) => r.ticker === 'BRK.B' && r.item === 'marketCap')?.value).toBe(snapshotField('BRK-B', 'marketCap'));
    expect(snap!.rows.some((r) => r.ticker === 'TSM')).toBe(false);
    const first = await repo.upsertValuationSnapshot(db, snap!.rows, snap!.asOf, snap!.url, new Date());
    expect(first).toBe(snap!.rows.length);
    expect(await repo.upsertValuationSnapshot(db, snap!.rows, snap!.asOf, snap!.url, new Date())).toBe(0);
    const rows = await db.query<{ value: number; period_end: string | Date; source_url: string }>(
      `SELECT value, period_end, source_url FROM fundamentals WHERE ticker = 'AAPL' AND statement = 'valuation' AND period = 'snapshot' AND item = 'trailingPE'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBe(snapshotField('AAPL', 'trailingPE'));
    expect(repo.isoDate(rows[0]!.period_end)).toBe(snapshotAsOf());
    expect(rows[0]!.source_url).toContain(VALUATION_FILE);
  });
});

describe('engine: every item asked, what is missing said', () => {
  let db: Database;
  let engine: Engine;
  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    engine = createEngine({ db, today: TODAY });
  }, 400_000);
  afterAll(async () => db?.close());

  it('苹果最近一个季度的营收和净利润: revenue first, then net income, both of the latest quarter', async () => {
    const a = await engine.ask('苹果最近一个季度的营收和净利润', { lang: 'zh' });
    const rev = itemSeries('AAPL', 'Total Revenue', 'quarterly').at(-1)!;
    const ni = itemSeries('AAPL', 'Net Income', 'quarterly').find((o) => o.date === rev.date)!;
    expect(a.facts[0]!.id).toMatch(/^AAPL:Total Revenue:quarterly:/);
    expect(a.facts[0]!.value).toBe(rev.value);
    const n = factFor(a, /^AAPL:Net Income:quarterly:value:/)!;
    expect(n.value).toBe(ni.value);
    expect(n.asOf).toBe(rev.date);
    expect(a.text.indexOf('营业收入')).toBeLessThan(a.text.indexOf('净利润'));
    expect(a.verification.unsupported).toEqual([]);
  });

  it('statements keep their reporting currency: TSM in New Taiwan dollars (its 20-F says so), Samsung in won', async () => {
    // the 20-F in the data states the reporting currency; the catalog records it, the answer's unit follows
    const filing = readdirSync(path.join(snapshotRoot, 'equities/sec_filings/TSM')).find((f) => f.startsWith('20-F'))!;
    expect(gunzipSync(readFileSync(path.join(snapshotRoot, 'equities/sec_filings/TSM', filing))).toString('utf8')).toMatch(/financial statements in New Taiwan dollars/);
    const tsm = await engine.ask('台积电最新年度营收', { lang: 'zh' });
    const rev = itemSeries('TSM', 'Total Revenue', 'annual').at(-1)!;
    expect(tsm.facts[0]!.value).toBe(rev.value);
    expect(tsm.facts[0]!.unit.currency).toBe('TWD');
    expect(tsm.text).toContain('新台币');
    expect(tsm.text).not.toMatch(/营业收入为[\d.]+万亿美元/);
    const sam = await engine.ask('Samsung latest annual net income', { lang: 'en' });
    expect(sam.facts[0]!.unit.currency).toBe('KRW');
    expect(sam.verification.unsupported).toEqual([]);
  });

  it('net income and revenue in English, in that order, for FY2024', async () => {
    const a = await engine.ask('Apple net income and revenue FY2024', { lang: 'en' });
    const ni = itemSeries('AAPL', 'Net Income', 'annual').find((o) => o.date.startsWith('2024'))!;
    const rev = itemSeries('AAPL', 'Total Revenue', 'annual').find((o) => o.date.startsWith('2024'))!;
    expect(a.facts[0]!.value).toBe(ni.value);
    expect(factFor(a, /^AAPL:Total Revenue:annual:value:2024/)!.value).toBe(rev.value);
    expect(a.text.indexOf('net income')).toBeLessThan(a.text.indexOf('revenue'));
  });

  it('a missing figure is named while the others are answered (特斯拉股息率和市盈率)', async () => {
    // the raw file: Tesla's dividend-yield cell is empty, its trailing P/E is not
    const t = table('equities/sp500_fundamentals_snapshot.csv');
    const row = t.rows.find((r) => r[t.header.indexOf('ticker')] === 'TSLA')!;
    expect(row[t.header.indexOf('dividendYield')]!.trim()).toBe('');
    const a = await engine.ask('特斯拉股息率和市盈率', { lang: 'zh' });
    expect(a.unanswerable).toBeUndefined();
    expect(a.facts[0]!.value).toBe(snapshotField('TSLA', 'trailingPE'));
    expect(a.text).toMatch(/股息率[^。]*为空/);
    expect(a.verification.unsupported).toEqual([]);
  });

  it('a comparison the data cannot make is said, with the range it has cited, while the period asked is answered', async () => {
    const a = await engine.ask('苹果2025年第二季度营收同比增长多少', { lang: 'zh' });
    const q = itemSeries('AAPL', 'Total Revenue', 'quarterly').find((o) => o.date >= '2025-04-01' && o.date <= '2025-06-30')!;
    expect(a.facts[0]!.value).toBe(q.value);
    expect(a.text).toContain('无法计算同比');
    expect(a.verification.unsupported).toEqual([]);
  });

  it('a period the data lacks is declined with the range it has, not another period', async () => {
    const a = await engine.ask('Apple revenue FY2030', { lang: 'en' });
    expect(a.unanswerable).toBeDefined();
    expect(a.facts).toHaveLength(0);
    const years = itemSeries('AAPL', 'Total Revenue', 'annual').map((o) => o.date.slice(0, 4));
    expect(a.text).toContain(`FY${years[0]}`);
    expect(a.text).toContain(`FY${years.at(-1)}`);
  });

  it('valuation answers state the snapshot date and cite the Yahoo quote page of the ticker', async () => {
    const a = await engine.ask('NVDA market cap', { lang: 'en' });
    expect(a.facts[0]!.value).toBe(snapshotField('NVDA', 'marketCap'));
    expect(a.facts[0]!.asOf).toBe(snapshotAsOf());
    expect(a.text).toContain(snapshotAsOf());
    const src = a.sources.find((s) => a.facts[0]!.sourceIds.includes(s.n))!;
    expect(src.url).toBe('https://finance.yahoo.com/quote/NVDA/key-statistics');
    expect(src.date).toBe(snapshotAsOf());
  });

  it('several companies: each answered, then ranked from high to low (market cap of Apple, Microsoft and Nvidia)', async () => {
    const a = await engine.ask('Compare the market cap of Apple, Microsoft and Nvidia', { lang: 'en' });
    const caps = [['Apple', 'AAPL'], ['Microsoft', 'MSFT'], ['NVIDIA', 'NVDA']].map(([name, t]) => ({ name: name!, v: snapshotField(t!, 'marketCap') }));
    expect(a.facts[0]!.value).toBe(caps[0]!.v); // the first company named
    const ranking = a.text.split('\n').find((l) => l.includes('from high to low'))!;
    const order = [...caps].sort((x, y) => y.v - x.v).map((c) => ranking.indexOf(c.name));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(a.verification.unsupported).toEqual([]);
  });

  it('the share price asked with a valuation figure: both, in order (Apple share price and market cap)', async () => {
    const a = await engine.ask('Apple share price and market cap', { lang: 'en' });
    expect(a.facts[0]!.value).toBe(stock('AAPL').last().value);
    expect(a.facts[0]!.asOf).toBe(stock('AAPL').last().date);
    expect(factFor(a, /^AAPL:marketCap:snapshot:/)!.value).toBe(snapshotField('AAPL', 'marketCap'));
    expect(a.verification.unsupported).toEqual([]);
  });

  it('forward P/E is labelled as the vendor’s estimate', async () => {
    const a = await engine.ask('英伟达的远期市盈率', { lang: 'zh' });
    expect(a.facts[0]!.value).toBe(snapshotField('NVDA', 'forwardPE'));
    expect(a.text).toContain('估计值');
    expect(a.facts[0]!.label.zh).toContain('估计值');
  });

  it('TTM of a balance-sheet item is not summed: the latest quarter-end level, said so', async () => {
    const a = await engine.ask('苹果股东权益TTM', { lang: 'zh' });
    const last = itemSeries('AAPL', 'Stockholders Equity', 'quarterly', 'balance').at(-1)!;
    expect(a.facts[0]!.value).toBe(last.value);
    expect(a.facts[0]!.asOf).toBe(last.date);
    expect(a.text).toContain('不按四个季度加总');
  });
});
