// The series catalog against the snapshot directory: one entry per FRED file, unique ids and aliases, files and
// columns that exist, bilingual titles, canonical URLs, a price series per company, and units that make the
// raw numbers plausible (value × scale in base units).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  companies,
  companySeries,
  findCompanies,
  findCompany,
  fredSeries,
  getSeries,
  marketSeries,
  type CatalogSeries,
} from '../../src/data/catalog/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const root = process.env.FINCITE_SNAPSHOT ? path.resolve(process.env.FINCITE_SNAPSHOT) : path.resolve(repoRoot, '../shared/data');
const haveSnapshot = existsSync(path.join(root, 'fred-snapshot'));

/** Aliases deliberately shared by several series, with the reason. Keep this list short. */
const SHARED_ALIASES: Record<string, { ids: string[]; reason: string }> = {
  联邦基金利率目标区间: { ids: ['DFEDTARL', 'DFEDTARU'], reason: 'a target range is two series, its lower and upper limit' },
  目标区间: { ids: ['DFEDTARL', 'DFEDTARU'], reason: 'a target range is two series, its lower and upper limit' },
  'fed funds target range': { ids: ['DFEDTARL', 'DFEDTARU'], reason: 'a target range is two series, its lower and upper limit' },
  'target range': { ids: ['DFEDTARL', 'DFEDTARU'], reason: 'a target range is two series, its lower and upper limit' },
};

const CJK = /[\u3400-\u9fff]/;

// ---- reading snapshot files (cached) ----

interface Table {
  header: string[];
  rows: string[][];
}
const tables = new Map<string, Table>();
function table(file: string): Table {
  let t = tables.get(file);
  if (!t) {
    let text = readFileSync(path.join(root, file), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const [header = [], ...rows] = parsed.data;
    t = { header: header.map((h) => h.trim()), rows };
    tables.set(file, t);
  }
  return t;
}

function values(s: CatalogSeries): Array<{ date: string; value: number }> {
  const t = table(s.snapshot.file);
  const di = t.header.indexOf(s.snapshot.dateColumn);
  const vi = t.header.indexOf(s.snapshot.valueColumn);
  const out: Array<{ date: string; value: number }> = [];
  for (const r of t.rows) {
    const cell = r[vi]?.trim();
    if (!cell) continue;
    const v = Number(cell);
    if (Number.isFinite(v)) out.push({ date: r[di] ?? '', value: v });
  }
  return out;
}

function series(id: string): CatalogSeries {
  const s = getSeries(id);
  if (!s) throw new Error(`no catalog entry ${id}`);
  return s;
}
const last = (id: string) => values(series(id)).at(-1)!.value;
const max = (id: string) => Math.max(...values(series(id)).map((o) => o.value));
/** Last value in base units (value × scale). */
const lastBase = (id: string) => last(id) * series(id).unit.scale;

// ---- structure ----

describe('catalog structure', () => {
  it('ids are unique, case-insensitively', () => {
    const seen = new Map<string, string>();
    for (const s of catalog) {
      const k = s.id.toLowerCase();
      expect(seen.has(k), `duplicate id ${s.id} (also ${seen.get(k)})`).toBe(false);
      seen.set(k, s.id);
    }
  });

  it('titles are non-empty in both languages and the Chinese title has CJK characters', () => {
    for (const s of catalog) {
      expect(s.title.en.trim(), s.id).not.toBe('');
      expect(s.title.zh.trim(), s.id).not.toBe('');
      expect(CJK.test(s.title.zh), `${s.id} zh title "${s.title.zh}"`).toBe(true);
    }
  });

  it('every entry has aliases, a sane unit and an https URL', () => {
    for (const s of catalog) {
      expect(s.aliases.length, s.id).toBeGreaterThan(0);
      for (const a of s.aliases) expect(a.trim(), s.id).toBe(a);
      expect(s.unit.scale, s.id).toBeGreaterThan(0);
      expect(s.unit.label.trim(), s.id).not.toBe('');
      if (s.unit.kind === 'currency' || s.unit.kind === 'price') expect(s.unit.currency, s.id).toMatch(/^[A-Z]{3}$/);
      expect(s.url, s.id).toMatch(/^https?:\/\//);
    }
  });

  it('FRED entries link to their FRED page and live FRED id', () => {
    const fred = catalog.filter((s) => s.source === 'fred');
    expect(fred.length).toBeGreaterThan(150);
    for (const s of fred) {
      expect(s.url).toBe(`https://fred.stlouisfed.org/series/${s.id}`);
      expect(s.live).toEqual({ connector: 'fred', id: s.id });
    }
  });

  it('New York Fed series in the FRED folder are not labelled FRED and have no live FRED id', () => {
    for (const id of ['ACMTP10', 'BGCR', 'SRFUSAGE']) {
      const s = series(id);
      expect(s.source).toBe('nyfed');
      expect(s.url).toMatch(/^https:\/\/www\.newyorkfed\.org\//);
      expect(s.live).toBeUndefined();
    }
  });

  it('no alias points to more than one series unless allow-listed', () => {
    const owners = new Map<string, Set<string>>();
    for (const s of catalog) {
      for (const a of s.aliases) {
        const k = a.toLowerCase();
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k)!.add(s.id);
      }
    }
    const allowed = new Map(Object.entries(SHARED_ALIASES).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [alias, ids] of owners) {
      if (ids.size < 2) continue;
      const allow = allowed.get(alias);
      expect(allow, `alias "${alias}" is shared by ${[...ids].join(', ')}`).toBeDefined();
      expect([...ids].sort()).toEqual([...allow!.ids].sort());
    }
    for (const [alias, { ids }] of allowed) expect([...(owners.get(alias) ?? [])].sort(), alias).toEqual([...ids].sort());
  });

  it("no alias is another series' id", () => {
    for (const s of catalog) {
      for (const a of s.aliases) {
        const other = getSeries(a);
        if (other) expect(other.id, `alias "${a}" of ${s.id} is the id of ${other.id}`).toBe(s.id);
      }
    }
  });

  it('getSeries is case-insensitive', () => {
    expect(getSeries('dgs10')?.id).toBe('DGS10');
    expect(getSeries(' walcl ')?.id).toBe('WALCL');
    expect(getSeries('brk.b')?.id).toBe('BRK.B');
    expect(getSeries('nope')).toBeUndefined();
  });

  it('key aliases point where a reader expects', () => {
    const owner = (alias: string) => catalog.filter((s) => s.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())).map((s) => s.id);
    const expectations: Record<string, string> = {
      资产负债表: 'WALCL', 缩表: 'WALCL', 逆回购: 'RRPONTSYD', 'ON RRP': 'RRPONTSYD', 准备金: 'WRESBAL', MBS: 'WSHOMCB',
      国债持仓: 'TREAST', '10年期美债': 'DGS10', '10y': 'DGS10', '2s10s': 'T10Y2Y', 联邦基金利率: 'DFF', 失业率: 'UNRATE',
      CPI: 'CPIAUCSL', 核心CPI: 'CPILFESL', 核心PCE: 'PCEPILFE', VIX: 'VIXCLS', 恐慌指数: 'VIXCLS', 非农: 'PAYEMS',
      标普500: 'SPX', 纳斯达克: 'IXIC', 纳指: 'IXIC', 纳斯达克100: 'NDX', 上证: 'SSE', 沪深300: 'CSI300', 美元指数: 'ICE_DXY',
      黄金: 'GOLD', 比特币: 'BTC', 人民币汇率: 'USDCNY', 原油: 'WTI_FUT', 高收益债利差: 'BAMLH0A0HYM2', 房贷利率: 'MORTGAGE30US',
      常备回购便利: 'SRFUSAGE', 期限溢价: 'ACMTP10', 实际GDP: 'GDPC1', 名义GDP: 'GDP', 苹果: 'AAPL', 英伟达: 'NVDA', 台积电: 'TSM',
    };
    for (const [alias, id] of Object.entries(expectations)) expect(owner(alias), alias).toEqual([id]);
  });
});

// ---- companies ----

describe('companies', () => {
  it('every company has exactly one price series', () => {
    for (const c of companies) {
      const s = companySeries.filter((x) => x.ticker === c.ticker);
      expect(s.length, c.ticker).toBe(1);
      expect(s[0]!.id).toBe(c.ticker);
      expect(s[0]!.unit.kind).toBe('price');
      expect(s[0]!.unit.currency).toBe(c.currency);
      expect(s[0]!.snapshot).toMatchObject({ file: `equities/daily/${c.ticker}.csv`, valueColumn: 'close', ohlcv: true });
      expect(s[0]!.live?.connector).toBe('yahoo');
    }
    expect(companySeries.length).toBe(companies.length);
  });

  it('names and Korean listings are right', () => {
    const byTicker = new Map(companies.map((c) => [c.ticker, c]));
    expect(byTicker.get('SAMSUNG')?.currency).toBe('KRW');
    expect(byTicker.get('SKHYNIX')?.currency).toBe('KRW');
    expect(getSeries('SAMSUNG')?.live).toEqual({ connector: 'yahoo', symbol: '005930.KS' });
    expect(getSeries('BRK.B')?.live).toEqual({ connector: 'yahoo', symbol: 'BRK-B' });
    for (const c of companies) expect(CJK.test(c.name.zh), c.ticker).toBe(true);
  });

  it('findCompany resolves Chinese and English names and refuses unknown ones', () => {
    expect(findCompany('苹果最新股价')?.ticker).toBe('AAPL');
    expect(findCompany('英伟达过去三年营收增长了多少?')?.ticker).toBe('NVDA');
    expect(findCompany("Tesla's largest drawdown since 2021")?.ticker).toBe('TSLA');
    expect(findCompany('facebook')?.ticker).toBe('META');
    expect(findCompany('BRK-B')?.ticker).toBe('BRK.B');
    expect(findCompany('三星电子')?.ticker).toBe('SAMSUNG');
    expect(findCompany('what does it cost')).toBeUndefined();
    expect(findCompany('星际矿业的市值')).toBeUndefined();
    expect(findCompanies('台积电和英伟达今年谁涨得多?').map((c) => c.ticker)).toEqual(['TSM', 'NVDA']);
  });
});

// ---- against the snapshot files ----

describe.skipIf(!haveSnapshot)(`catalog vs snapshot (${root})`, () => {
  it('every fred-snapshot file has exactly one entry, and every FRED-folder entry has a file', () => {
    const files = readdirSync(path.join(root, 'fred-snapshot')).filter((f) => f.endsWith('.csv') && f !== 'series.csv');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const hits = catalog.filter((s) => s.snapshot.file === `fred-snapshot/${f}`);
      expect(hits.length, f).toBe(1);
      expect(hits[0]!.id).toBe(f.replace(/\.csv$/, ''));
      expect(hits[0]!.snapshot).toMatchObject({ dateColumn: 'observation_date', valueColumn: hits[0]!.id });
    }
    expect(fredSeries.length).toBe(files.length);
  });

  it('every company ticker has a file in equities/daily and vice versa', () => {
    const files = readdirSync(path.join(root, 'equities/daily')).filter((f) => f.endsWith('.csv')).map((f) => f.replace(/\.csv$/, ''));
    expect(companies.map((c) => c.ticker).sort()).toEqual(files.sort());
  });

  it('every entry reads from an existing file with its date and value columns, in its date format, with numbers', () => {
    for (const s of catalog) {
      const file = path.join(root, s.snapshot.file);
      expect(existsSync(file), `${s.id}: ${s.snapshot.file}`).toBe(true);
      const t = table(s.snapshot.file);
      expect(t.header, `${s.id}: date column`).toContain(s.snapshot.dateColumn);
      expect(t.header, `${s.id}: value column`).toContain(s.snapshot.valueColumn);
      if (s.snapshot.ohlcv) for (const c of ['open', 'high', 'low', 'volume']) expect(t.header.map((h) => h.toLowerCase()), `${s.id}: ${c}`).toContain(c);
      const obs = values(s);
      expect(obs.length, `${s.id}: numeric values`).toBeGreaterThan(0);
      const pattern = s.snapshot.dateFormat === 'slash' ? /^\d{4}\/\d{1,2}\/\d{1,2}$/ : s.snapshot.dateFormat === 'compact' ? /^\d{8}$/ : /^\d{4}-\d{2}-\d{2}/;
      expect(obs[0]!.date, `${s.id}: date format`).toMatch(pattern);
    }
  });

  it('units make key values plausible (value × scale in base units)', () => {
    const between = (id: string, v: number, lo: number, hi: number) => {
      expect(v, `${id} = ${v}`).toBeGreaterThanOrEqual(lo);
      expect(v, `${id} = ${v}`).toBeLessThanOrEqual(hi);
    };
    // Fed balance sheet in millions: $1–20 trillion.
    between('WALCL', lastBase('WALCL'), 1e12, 2e13);
    between('TREAST', lastBase('TREAST'), 1e12, 1.5e13);
    between('WSHOMCB', lastBase('WSHOMCB'), 5e11, 5e12);
    between('WRESBAL', lastBase('WRESBAL'), 5e11, 6e12);
    between('WTREGEN', lastBase('WTREGEN'), 1e10, 2e12);
    // ON RRP in billions: peak ≈ $2.5 trillion (Dec 2022).
    between('RRPONTSYD peak', max('RRPONTSYD') * series('RRPONTSYD').unit.scale, 1e12, 3e12);
    between('SOFRVOL', lastBase('SOFRVOL'), 5e11, 5e12);
    between('SRFUSAGE peak', max('SRFUSAGE') * series('SRFUSAGE').unit.scale, 1e10, 5e11);
    // GDP: nominal ≈ $30 trillion and above real (chained 2017 dollars) in 2026.
    between('GDP', lastBase('GDP'), 2e13, 6e13);
    between('GDPC1', lastBase('GDPC1'), 1.5e13, 4e13);
    expect(last('GDP')).toBeGreaterThan(last('GDPC1'));
    between('M2SL', lastBase('M2SL'), 1e13, 5e13);
    between('PAYEMS', lastBase('PAYEMS'), 1e8, 2.5e8);
    between('UNEMPLOY', lastBase('UNEMPLOY'), 1e6, 3e7);
    between('ICSA', lastBase('ICSA'), 1e5, 1e7);
    between('HOUST', lastBase('HOUST'), 3e5, 3e6);
    between('MSPD_TOTAL_DEBT', lastBase('MSPD_TOTAL_DEBT'), 2e13, 6e13);
    between('GFDEBTN', lastBase('GFDEBTN'), 2e13, 6e13);
    between('TGA_DTS', lastBase('TGA_DTS'), 1e10, 2e12);
    between('FORTREASPOS41408', lastBase('FORTREASPOS41408'), 1e11, 2e12);
    // Rates in percent, spreads in percentage points, OAS in percent (not basis points).
    between('DGS10', last('DGS10'), 0, 20);
    between('DFF', last('DFF'), 0, 20);
    between('T10Y2Y', last('T10Y2Y'), -5, 5);
    between('BAMLH0A0HYM2', last('BAMLH0A0HYM2'), 1, 25);
    between('MSPD_BILL_SHARE', last('MSPD_BILL_SHARE'), 5, 50);
    // Index levels and prices.
    between('CPIAUCSL', last('CPIAUCSL'), 200, 500);
    between('ICE_DXY', last('ICE_DXY'), 70, 130);
    between('DTWEXBGS', last('DTWEXBGS'), 90, 150);
    between('SPX', last('SPX'), 1000, 20000);
    between('CSI300', last('CSI300'), 1000, 8000);
    between('USDCNY', last('USDCNY'), 5, 9);
    between('GOLD', last('GOLD'), 1000, 10000);
    between('AAPL', last('AAPL'), 10, 2000);
    expect(last('SAMSUNG')).toBeGreaterThan(10000); // KRW
  });

  it('stale FRED copies point readers to the fresher series', () => {
    // FRED SP500 ends 2025-12-31 in the snapshot; SPX (IBKR) carries the 标普500 aliases and runs later.
    expect(values(series('SP500')).at(-1)!.date < values(series('SPX')).at(-1)!.date).toBe(true);
    expect(values(series('DCOILWTICO')).at(-1)!.date < values(series('WTI_FUT')).at(-1)!.date).toBe(true);
  });
});

describe('counts', () => {
  it('has the expected number of entries', () => {
    expect(fredSeries.length).toBe(158);
    expect(companies.length).toBe(34);
    expect(marketSeries.length).toBeGreaterThan(100);
  });
});
