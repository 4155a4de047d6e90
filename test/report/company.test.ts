// Company reports on the loaded snapshot database: the single-company note (NVDA; Samsung, whose statements are in
// KRW and which has no valuation row) and the comparison of several companies (AAPL and MSFT; with Samsung, two
// currencies). Key figures are recomputed here from the raw snapshot files (daily closes, the vendor valuation CSV,
// the annual income statements), never from the store or src/analytics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/answer.ts';
import { DataAccess } from '../../src/engine/data.ts';
import { ReportComposer } from '../../src/report/compose.ts';
import { companiesReport, ComparisonSizeError } from '../../src/report/plans/companies.ts';
import { companyReport } from '../../src/report/plans/company.ts';
import type { Report, ReportLang } from '../../src/report/types.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { addMonths, annualisedVol, maxDrawdown, pctChange, statement, stock, table } from '../engine/questions/raw.ts';

const TODAY = '2026-11-24';
const LANGS: ReportLang[] = ['zh', 'en'];

let db: Database;
const reports = new Map<string, Report>();

async function build(lang: ReportLang, tickers: string[]): Promise<Report> {
  const c = await ReportComposer.create(new DataAccess(db), lang);
  const head = tickers.length === 1 ? await companyReport(c, tickers[0]!, TODAY) : await companiesReport(c, tickers, TODAY);
  return c.finish({ ...head, topic: `company:${tickers.join('+')}`, generatedAt: new Date().toISOString() });
}

const key = (lang: ReportLang, tickers: string[]) => `${lang}:${tickers.join('+')}`;
const get = (lang: ReportLang, tickers: string[]): Report => reports.get(key(lang, tickers))!;
const text = (r: Report) => r.sections.map((s) => s.markdown).join('\n\n');

function fact(r: Report, id: string): Fact {
  const f = r.facts.find((x) => x.id === id);
  if (!f) throw new Error(`no fact ${id}; facts: ${r.facts.map((x) => x.id).slice(0, 60).join(', ')} …`);
  return f;
}

/** How the report writes a percent: two decimals, trailing zeros dropped (as trimNumber). */
const pct = (v: number) => `${Number(Math.abs(v).toFixed(2))}%`;

// ---- expectations from the raw files ------------------------------------------------------------------------------

/** The past-year return to `end`: from the last close on or before the same day a year earlier. */
function rawYearReturn(ticker: string, end: string): { from: string; to: string; value: number } {
  const s = stock(ticker);
  const b = s.onOrBefore(end);
  const a = s.onOrBefore(addMonths(end, -12));
  return { from: a.date, to: b.date, value: pctChange(a, b) };
}

/** trailingPE of the vendor snapshot CSV (the last row of the ticker wins, as in the import). */
function rawTrailingPe(ticker: string): number {
  const t = table('equities/sp500_fundamentals_snapshot.csv');
  const ti = t.header.indexOf('ticker');
  const pi = t.header.indexOf('trailingPE');
  const row = t.rows.filter((r) => r[ti] === ticker).at(-1);
  if (!row) throw new Error(`${ticker}: not in the snapshot`);
  return Number(row[pi]);
}

/** Gross profit / total revenue × 100 of the latest fiscal year reporting both. */
function rawGrossMargin(ticker: string): { date: string; value: number } {
  const row = statement(ticker, 'income', 'annual').filter((r) => r.items['Gross Profit'] !== undefined && r.items['Total Revenue'] !== undefined).at(-1)!;
  return { date: row.periodEnd, value: (row.items['Gross Profit']! / row.items['Total Revenue']!) * 100 };
}

async function sectorOf(ticker: string): Promise<string[]> {
  const rows = await db.query<{ ticker: string }>('SELECT ticker FROM companies WHERE sector = (SELECT sector FROM companies WHERE ticker = $1)', [ticker]);
  return rows.map((r) => r.ticker);
}

/** The tickers a fact's inputs come from (a price series id is the ticker; statement ids start with it). */
const tickersOf = (r: Report) => new Set(r.facts.flatMap((f) => f.inputs.map((i) => i.seriesId.split(':')[0]!)));

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  for (const lang of LANGS) for (const t of [['NVDA'], ['AAPL', 'MSFT'], ['SAMSUNG'], ['TSM'], ['AAPL', 'SAMSUNG']]) reports.set(key(lang, t), await build(lang, t));
}, 600_000);

afterAll(async () => {
  await db?.close();
});

describe.each(LANGS)('the NVDA report (%s)', (lang) => {
  it('has no unsupported number and its standard sections', () => {
    const r = get(lang, ['NVDA']);
    expect(r.verification.unsupported).toEqual([]);
    expect(r.verification.numbers).toBeGreaterThan(100);
    expect(r.verification.supported).toBe(r.verification.numbers);
    expect(r.sections.map((s) => s.id).filter(Boolean)).toEqual(['challenges', 'takeaways', 'method']);
    expect(r.sections.map((s) => s.heading)).toEqual(
      lang === 'zh'
        ? ['公司概况', '股价表现', '风险：回撤与波动率', '基本面趋势', '利润率', '估值（供应商快照）', '同行业公司比较', '挑战与风险', '数据无法告诉我们的', '核心结论', '数据与方法']
        : ['The company', 'Share price performance', 'Risk: drawdown and volatility', 'Fundamentals trend', 'Margins', 'Valuation (vendor snapshot)', 'Peers in the same sector', 'Challenges and risks', 'What the data cannot tell', 'Key takeaways', 'Data and method'],
    );
    expect(r.sections.reduce((n, s) => n + s.charts.length, 0)).toBe(2);
  });

  it('cites only NVDA, SPY and the companies of its GICS sector', async () => {
    const r = get(lang, ['NVDA']);
    const allowed = new Set([...(await sectorOf('NVDA')), 'SPY']);
    expect(allowed.has('AAPL')).toBe(true);
    for (const t of tickersOf(r)) expect(allowed.has(t), t).toBe(true);
    // the peers are there: Microsoft's P/E comes from its own snapshot row
    expect(r.facts.some((f) => f.id.startsWith('MSFT:trailingPE:snapshot:'))).toBe(true);
    expect(tickersOf(r).has('NVDA')).toBe(true);
  });

  it('the past-year return, the largest drawdown and volatility equal the raw daily closes', () => {
    const r = get(lang, ['NVDA']);
    const end = stock('NVDA').last().date;
    const y = rawYearReturn('NVDA', end);
    const f = fact(r, `NVDA:percent_change:${y.from}:${y.to}`);
    expect(f.value).toBeCloseTo(y.value, 8);
    expect(text(r)).toContain(`+${pct(y.value)}`);
    const dd = maxDrawdown(stock('NVDA').window(addMonths(end, -36), end));
    const ddFact = r.facts.find((x) => x.id.startsWith('NVDA:max_drawdown:'));
    expect(ddFact, 'drawdown fact').toBeDefined();
    expect(ddFact!.extra?.peakDate).toBe(dd.peak.date);
    expect(ddFact!.extra?.troughDate).toBe(dd.trough.date);
    expect(Math.abs(ddFact!.value)).toBeCloseTo(Math.abs(dd.value), 6);
    expect(text(r)).toContain(pct(dd.value));
    const vol = annualisedVol(stock('NVDA').window(addMonths(end, -12), end));
    expect(text(r)).toContain(pct(vol));
  });

  it('the trailing P/E equals the vendor snapshot CSV, labelled as the vendor’s and dated', () => {
    const r = get(lang, ['NVDA']);
    const pe = rawTrailingPe('NVDA');
    const f = r.facts.find((x) => x.id.startsWith('NVDA:trailingPE:snapshot:'))!;
    expect(f.value).toBe(pe);
    expect(f.asOf).toBe('2026-06-29');
    expect(text(r)).toContain(`${Number(pe.toFixed(2))}${lang === 'zh' ? '倍' : 'x'}`);
    const src = r.sources.find((s) => f.sourceIds.includes(s.n))!;
    expect(src.url).toBe('https://finance.yahoo.com/quote/NVDA/key-statistics');
    expect(src.publisher).toMatch(/Yahoo Finance|雅虎财经/);
    expect(text(r)).toMatch(lang === 'zh' ? /不是经审计的数据/ : /not audited data/);
  });

  it('the gross margin of the latest fiscal year equals income_annual.csv', () => {
    const r = get(lang, ['NVDA']);
    const g = rawGrossMargin('NVDA');
    const f = fact(r, `NVDA:Gross Profit/Total Revenue:annual:value:${g.date}`);
    expect(f.value).toBeCloseTo(g.value, 9);
    expect(text(r)).toContain(pct(g.value));
  });

  it('writes Chinese with full-width punctuation and money in 亿/万亿', () => {
    if (lang !== 'zh') return;
    const r = get(lang, ['NVDA']);
    const prose = r.sections.flatMap((s) => s.markdown.split('\n\n')).filter((b) => !b.startsWith('|'));
    for (const b of prose) expect(b, b).not.toMatch(/[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]/);
    expect(text(r)).toMatch(/\d+亿美元/);
    expect(text(r)).toMatch(/\d+(\.\d+)?万亿美元/);
  });
});

describe.each(LANGS)('a company whose statements are in KRW and which the valuation snapshot lacks: Samsung (%s)', (lang) => {
  it('says the valuation is not held, writes amounts in KRW, and has no unsupported number', () => {
    const r = get(lang, ['SAMSUNG']);
    expect(r.verification.unsupported).toEqual([]);
    const all = text(r);
    expect(all).toContain(lang === 'zh' ? '雅虎财经的估值快照中没有三星电子' : 'The Yahoo Finance valuation snapshot has no row for Samsung Electronics');
    const fundamentals = r.sections.find((s) => s.heading === (lang === 'zh' ? '基本面趋势' : 'Fundamentals trend'))!.markdown;
    expect(fundamentals).toMatch(lang === 'zh' ? /万亿韩元/ : /trillion KRW/);
    expect(fundamentals).not.toMatch(lang === 'zh' ? /美元/ : /\$/);
    // returns against SPY in another currency are said not to be comparable, and no excess-return column is made
    expect(all).toContain(lang === 'zh' ? '两者未作汇率换算' : 'with no currency conversion');
    expect(r.facts.some((f) => f.id.includes('SPY') && f.id.includes('SAMSUNG'))).toBe(false);
  });
});

describe.each(LANGS)('a company whose statements are not in its listing currency: TSM (%s)', (lang) => {
  it('writes statement amounts in New Taiwan dollars, as its 20-F says, and prices in U.S. dollars', () => {
    const r = get(lang, ['TSM']);
    expect(r.verification.unsupported).toEqual([]);
    const rev = statement('TSM', 'income', 'annual').filter((x) => x.items['Total Revenue'] !== undefined).at(-1)!;
    const f = fact(r, `TSM:Total Revenue:annual:value:${rev.periodEnd}`);
    expect(f.value).toBe(rev.items['Total Revenue']);
    expect(f.unit.currency).toBe('TWD');
    const fundamentals = r.sections.find((s) => s.heading === (lang === 'zh' ? '基本面趋势' : 'Fundamentals trend'))!.markdown;
    expect(fundamentals).toContain(lang === 'zh' ? '金额以新台币计（股价以美元计）' : 'amounts in New Taiwan dollars (the shares are priced in U.S. dollars)');
    // no amount in U.S. dollars: a bare $ (NT$ is the New Taiwan dollar)
    expect(fundamentals).not.toMatch(lang === 'zh' ? /美元\[/ : /(?<![A-Z])\$\d/);
  });
});

describe.each(LANGS)('the comparison of AAPL and MSFT (%s)', (lang) => {
  it('has no unsupported number, one rebased chart, and cites only the two companies', () => {
    const r = get(lang, ['AAPL', 'MSFT']);
    expect(r.verification.unsupported).toEqual([]);
    expect(r.verification.numbers).toBeGreaterThan(50);
    expect(r.sections.reduce((n, s) => n + s.charts.length, 0)).toBe(1);
    expect([...tickersOf(r)].sort()).toEqual(['AAPL', 'MSFT']);
    expect(r.title).toBe(lang === 'zh' ? '苹果公司与微软对比研究报告' : 'Apple Inc. vs Microsoft Corporation: Comparison Report');
  });

  it('past-year returns over the same window equal the raw closes, and the higher one is named first', () => {
    const r = get(lang, ['AAPL', 'MSFT']);
    const end = [stock('AAPL').last().date, stock('MSFT').last().date].sort()[0]!;
    const a = rawYearReturn('AAPL', end);
    const m = rawYearReturn('MSFT', end);
    expect(fact(r, `AAPL:percent_change:${a.from}:${a.to}`).value).toBeCloseTo(a.value, 8);
    expect(fact(r, `MSFT:percent_change:${m.from}:${m.to}`).value).toBeCloseTo(m.value, 8);
    const [hi, lo] = a.value > m.value ? [{ zh: '苹果公司', en: 'Apple Inc.', v: a.value }, { zh: '微软', en: 'Microsoft Corporation', v: m.value }] : [{ zh: '微软', en: 'Microsoft Corporation', v: m.value }, { zh: '苹果公司', en: 'Apple Inc.', v: a.value }];
    const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '-' : '');
    const sentence = lang === 'zh' ? `近1年涨跌幅：${hi.zh}为${sign(hi.v)}${pct(hi.v)}` : `Past year return: ${hi.en} at ${sign(hi.v)}${pct(hi.v)}`;
    expect(text(r)).toContain(sentence);
    expect(text(r)).toContain(lang === 'zh' ? `高于${lo.zh}的${sign(lo.v)}${pct(lo.v)}` : `higher than ${lo.en} at ${sign(lo.v)}${pct(lo.v)}`);
  });

  it('P/E from the snapshot CSV and gross margins from income_annual.csv', () => {
    const r = get(lang, ['AAPL', 'MSFT']);
    for (const t of ['AAPL', 'MSFT']) {
      expect(r.facts.find((x) => x.id.startsWith(`${t}:trailingPE:snapshot:`))!.value).toBe(rawTrailingPe(t));
      const g = rawGrossMargin(t);
      expect(fact(r, `${t}:Gross Profit/Total Revenue:annual:value:${g.date}`).value).toBeCloseTo(g.value, 9);
      expect(text(r)).toContain(pct(g.value));
    }
    const [pa, pm] = [rawTrailingPe('AAPL'), rawTrailingPe('MSFT')];
    const higher = pa > pm ? (lang === 'zh' ? '苹果公司' : 'Apple Inc.') : lang === 'zh' ? '微软' : 'Microsoft Corporation';
    expect(text(r)).toContain(lang === 'zh' ? `市盈率（TTM）：${higher}为` : `Trailing P/E: ${higher} at`);
  });
});

describe.each(LANGS)('a comparison across currencies: AAPL and Samsung (%s)', (lang) => {
  it('states the currencies, compares only returns and ratios, and has no unsupported number', () => {
    const r = get(lang, ['AAPL', 'SAMSUNG']);
    expect(r.verification.unsupported).toEqual([]);
    const all = text(r);
    expect(all).toContain(lang === 'zh' ? '三星电子的股价以韩元计' : 'Samsung Electronics is priced in Korean won');
    expect(all).toContain(lang === 'zh' ? '未作汇率换算' : 'no currency conversion');
    // no statement amount (revenue, net income …) is put side by side: only growth and margins
    for (const f of r.facts.filter((x) => x.id.includes(':annual:value:') || x.id.includes(':quarterly:value:'))) expect(f.unit.kind, f.id).toBe('percent');
  });
});

describe('bad input', () => {
  it('a comparison of fewer than two distinct companies is a clear error', async () => {
    const c = await ReportComposer.create(new DataAccess(db), 'zh');
    await expect(companiesReport(c, ['AAPL', 'aapl'], TODAY)).rejects.toBeInstanceOf(ComparisonSizeError);
    await expect(companiesReport(c, ['AAPL', 'aapl'], TODAY)).rejects.toThrow(/2 to 6/);
  });
});
