// Reports on the topic graph's nodes beyond the hand-written notes (QT, inflation, labour, curve, one company):
// each topic built once per language on ONE loaded snapshot database, then checked for staying on topic (the
// resolved id, the lead series it is about, no series of another place), for every number verified, for Chinese
// typography and Markdown without raw HTML, and for its lead series' latest value and window high (with its date)
// against values computed here from the raw snapshot files. Topics that name a place or a subject the data do not
// hold are declined by name; an unknown topic lists the nearest topics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/answer.ts';
import { catalog } from '../../src/data/catalog/index.ts';
import { topicNode } from '../../src/engine/research/index.ts';
import { buildReport, NotHeldTopicError, toMarkdown, TOPICS, UnknownTopicError, type Report } from '../../src/report/index.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { addMonths, extreme, maxDrawdown, RawSeries, stock, table, type Obs } from '../engine/questions/raw.ts';

const TODAY = '2026-12-02';
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];

// Series about a place other than the United States, listed by what they measure (not read from the product).
const CHINA = ['CGB10Y', 'CGB30Y', 'SSE', 'SZSE', 'USDCNY', 'USDCNH', 'DEXCHUS', 'CSI300_PE_TTM', 'FXI', 'KWEB'];
const JAPAN = ['IRLTLT01JPM156N', 'USDJPY', 'N225', 'EURJPY'];
const ELSEWHERE = ['KOSPI', 'NIFTY', 'USDKRW', 'USDINR', 'USDMXN', 'USDBRL', 'USDZAR', 'EWT', 'EFA', 'EURUSD', 'GBPUSD', 'AUDUSD', 'SAMSUNG', 'SKHYNIX'];

interface Case {
  /** The topic as typed, per language. */
  text: Record<Lang, string>;
  /** The expected report topic id. */
  topic: string;
  /** Series the topic is about: its facts must cite each. */
  lead: string[];
  /** Series whose latest value and window high are recomputed from the raw file. */
  figures: string[];
  /** The place the topic is about: 'US' topics cite no other place's series; CN/JP topics cite their own. */
  place: 'US' | 'CN' | 'JP' | 'GLOBAL';
  /** Companies whose prices the report must cite. */
  companies?: string[];
}

const CASES: Case[] = [
  { text: { zh: '货币市场', en: 'repo market' }, topic: 'topic:money_markets', lead: ['SOFR', 'IORB'], figures: ['SOFR'], place: 'US' },
  { text: { zh: '准备金', en: 'bank reserves' }, topic: 'topic:reserves_liquidity', lead: ['WRESBAL', 'RRPONTSYD'], figures: ['WRESBAL'], place: 'US' },
  { text: { zh: '财政与TGA', en: 'treasury supply' }, topic: 'topic:fiscal', lead: ['MSPD_MARKETABLE', 'TGA_DTS'], figures: ['MSPD_MARKETABLE', 'TGA_DTS'], place: 'US' },
  { text: { zh: '海外持有美债', en: 'foreign holdings of treasuries' }, topic: 'topic:foreign_holdings', lead: ['FORTREASPOS99996', 'FORTREASPOS41408', 'FORTREASPOS42609'], figures: ['FORTREASPOS99996'], place: 'GLOBAL' },
  { text: { zh: '信用利差', en: 'credit spreads' }, topic: 'topic:credit', lead: ['BAMLH0A0HYM2', 'BAMLC0A0CM'], figures: ['BAMLH0A0HYM2'], place: 'US' },
  { text: { zh: '银行信贷', en: 'bank lending' }, topic: 'topic:bank_lending', lead: ['TOTLL', 'DRTSCILM'], figures: ['DRTSCILM'], place: 'US' },
  { text: { zh: '银行业危机', en: 'banking stress' }, topic: 'topic:banking_stress', lead: ['KBWB', 'WALCL'], figures: ['WALCL'], place: 'US' },
  { text: { zh: '美国房地产', en: 'housing market' }, topic: 'topic:housing', lead: ['CSUSHPINSA', 'MORTGAGE30US'], figures: ['MORTGAGE30US'], place: 'US' },
  { text: { zh: '经济衰退', en: 'recession risk' }, topic: 'topic:growth', lead: ['GDPC1', 'INDPRO'], figures: ['TCU'], place: 'US' },
  { text: { zh: '消费者', en: 'consumer spending' }, topic: 'topic:consumer', lead: ['PCEC96', 'RSAFS'], figures: ['PSAVERT', 'UMCSENT'], place: 'US' },
  { text: { zh: '美元指数', en: 'dollar index' }, topic: 'topic:dollar', lead: ['DTWEXBGS'], figures: ['DTWEXBGS'], place: 'GLOBAL' },
  { text: { zh: '人民币汇率', en: 'renminbi' }, topic: 'topic:cny', lead: ['USDCNY', 'USDCNH'], figures: ['USDCNY'], place: 'CN' },
  { text: { zh: 'A股', en: 'chinese stocks' }, topic: 'topic:china_markets', lead: ['SSE', 'SZSE'], figures: ['SSE'], place: 'CN' },
  { text: { zh: '中国国债', en: 'china bond yields' }, topic: 'topic:china_yields', lead: ['CGB10Y'], figures: ['CGB10Y'], place: 'CN' },
  { text: { zh: '日本国债', en: 'japanese yields' }, topic: 'topic:japan', lead: ['IRLTLT01JPM156N', 'USDJPY'], figures: ['IRLTLT01JPM156N'], place: 'JP' },
  { text: { zh: '大宗商品', en: 'commodities' }, topic: 'topic:commodities', lead: ['WTI_FUT', 'GOLD', 'COPPER'], figures: ['WTI_FUT'], place: 'GLOBAL' },
  { text: { zh: '原油', en: 'oil prices' }, topic: 'topic:oil', lead: ['DCOILWTICO', 'DCOILBRENTEU'], figures: ['DCOILWTICO'], place: 'GLOBAL' },
  { text: { zh: '黄金', en: 'gold price' }, topic: 'topic:gold', lead: ['GOLD'], figures: ['GOLD'], place: 'GLOBAL' },
  { text: { zh: '美股', en: 'stock market' }, topic: 'topic:equities', lead: ['SPX', 'NDX'], figures: ['SPX'], place: 'US' },
  { text: { zh: '行业板块', en: 'sector rotation' }, topic: 'topic:sectors', lead: ['XLK', 'XLF', 'XLE'], figures: ['XLK'], place: 'US' },
  { text: { zh: '半导体行业', en: 'semiconductors' }, topic: 'topic:semiconductors', lead: ['SOX'], figures: ['SOX'], place: 'GLOBAL', companies: ['NVDA', 'TSM', 'AVGO', 'AMD'] },
  { text: { zh: '比特币', en: 'bitcoin' }, topic: 'topic:crypto', lead: ['BTC'], figures: ['BTC'], place: 'GLOBAL' },
  { text: { zh: '恐慌指数', en: 'market volatility' }, topic: 'topic:volatility', lead: ['VIXCLS'], figures: ['VIXCLS'], place: 'US' },
  { text: { zh: '新兴市场', en: 'emerging markets' }, topic: 'topic:emerging_markets', lead: ['EEM'], figures: ['EEM'], place: 'GLOBAL' },
  { text: { zh: '美股估值', en: 'equity valuation' }, topic: 'topic:equity_valuation', lead: ['SHILLER_CAPE'], figures: [], place: 'GLOBAL' },
  { text: { zh: '苹果和微软', en: 'Apple vs Microsoft' }, topic: 'companies:AAPL,MSFT', lead: [], figures: [], place: 'GLOBAL', companies: ['AAPL', 'MSFT'] },
];

/**
 * Reports whose text still holds numbers the verifier cannot bind — product bugs in code this test may not
 * change (the verifier and the shared sentence writers), reported to the lead; their other checks still run.
 * Fixed since this list was first written: the one-year change has a sentence of its own, ranges are in tables
 * whose rows name their series, and no sentence starts "Since 2024 Euro …".
 */
const KNOWN_UNVERIFIED: Record<string, string> = {
  'topic:growth/en': 'the 10y-3m spread\u2019s one-year change (+0.77 pp, T10Y3M) is read as naming another item (its alias "10y-3m" holds digits, which are masked)',
};

/** Topics left out for a product bug (none at present). */
const LEFT_OUT: Record<string, string> = {};

let db: Database;
const built = new Map<string, Report>();
const key = (c: Case, lang: Lang) => `${c.text.zh}/${lang}`;
const report = (c: Case, lang: Lang): Report => {
  const r = built.get(key(c, lang));
  if (!r) throw new Error(`${key(c, lang)} was not built`);
  return r;
};

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  for (const c of CASES) for (const lang of LANGS) built.set(key(c, lang), await buildReport(db, c.text[lang], { lang, today: TODAY }));
}, 300_000);

afterAll(async () => {
  await db?.close();
});

const seriesOf = (r: Report): Set<string> => new Set(r.facts.flatMap((f) => f.inputs.map((i) => i.seriesId)));
const text = (r: Report): string => r.sections.map((s) => `${s.heading}\n${s.markdown}`).join('\n');
const cases = CASES.flatMap((c) => LANGS.map((lang) => ({ c, lang, name: `${c.text[lang]} (${lang})` })));

/** A catalog series' non-empty, numeric cells from its raw snapshot file (the catalog only says which file and column). */
function raw(id: string): RawSeries {
  const meta = catalog.find((s) => s.id === id);
  if (!meta) throw new Error(`${id} is not in the catalog`);
  const loc = meta.snapshot;
  if (loc.dateFormat && loc.dateFormat !== 'iso') throw new Error(`${id}: date format ${loc.dateFormat} not read here`);
  if (loc.where) throw new Error(`${id}: filtered files not read here`);
  const t = table(loc.file);
  const lower = t.header.map((h) => h.trim().toLowerCase());
  const di = lower.indexOf(loc.dateColumn.toLowerCase());
  const vi = lower.indexOf(loc.valueColumn.toLowerCase());
  if (di < 0 || vi < 0) throw new Error(`${loc.file}: no column ${loc.dateColumn} / ${loc.valueColumn}`);
  const obs: Obs[] = [];
  for (const row of t.rows) {
    const cell = (row[vi] ?? '').trim();
    if (cell === '' || cell === '.') continue;
    const value = Number(cell);
    if (!Number.isFinite(value)) throw new Error(`${loc.file}: bad number "${cell}"`);
    obs.push({ date: row[di]!.trim().slice(0, 10), value });
  }
  obs.sort((a, b) => (a.date < b.date ? -1 : 1));
  return new RawSeries(id, obs);
}

function factById(r: Report, id: string): Fact {
  const f = r.facts.find((x) => x.id === id);
  if (!f) throw new Error(`${r.topic} (${r.language}): no fact ${id}; facts of the series: ${r.facts.filter((x) => x.id.startsWith(id.split(':')[0]!)).map((x) => x.id).join(', ')}`);
  return f;
}

describe('each topic, in Chinese and English, stays on its topic', () => {
  it.each(cases)('$name: the resolved topic and its lead series', ({ c, lang }) => {
    const r = report(c, lang);
    expect(r.topic).toBe(c.topic);
    expect(r.language).toBe(lang);
    const series = seriesOf(r);
    for (const id of c.lead) expect(series.has(id), `${c.topic} cites ${id}`).toBe(true);
    for (const t of c.companies ?? []) expect([...series].some((s) => s === t || s.startsWith(`${t}:`)), `${c.topic} cites ${t}`).toBe(true);
  });

  it.each(cases)('$name: no series of another place', ({ c, lang }) => {
    const series = [...seriesOf(report(c, lang))];
    const of = (ids: string[]) => series.filter((s) => ids.includes(s));
    if (c.place === 'US') expect([...of(CHINA), ...of(JAPAN), ...of(ELSEWHERE)]).toEqual([]);
    if (c.place === 'CN') {
      expect(CHINA).toContain(c.lead[0]);
      expect(of(CHINA).length).toBeGreaterThanOrEqual(2);
      expect(of(JAPAN)).toEqual([]);
    }
    if (c.place === 'JP') {
      expect(series).toContain('IRLTLT01JPM156N');
      expect(of(JAPAN).length).toBeGreaterThanOrEqual(2);
      expect(of(CHINA)).toEqual([]);
    }
    if (c.topic.startsWith('companies:')) {
      const tickers = c.companies!;
      expect(series.filter((s) => !tickers.some((t) => s === t || s.startsWith(`${t}:`)))).toEqual([]);
    }
  });

  it.each(cases.filter(({ c }) => c.companies && c.topic.startsWith('topic:')))('$name: a section on the companies', ({ c, lang }) => {
    const r = report(c, lang);
    const section = r.sections.find((s) => s.heading === (lang === 'zh' ? '相关公司' : 'Companies'));
    expect(section).toBeDefined();
    for (const t of c.companies!) expect(section!.markdown).toContain(`(${t})`);
  });
});

describe('every number verified', () => {
  const checked = cases.filter(({ c, lang }) => !KNOWN_UNVERIFIED[`${c.topic}/${lang}`]);
  it.each(checked)('$name', ({ c, lang }) => {
    const r = report(c, lang);
    expect(r.verification.unsupported, JSON.stringify(r.verification.unsupported)).toEqual([]);
    expect(r.verification.numbers).toBeGreaterThan(10);
    expect(r.verification.supported).toBe(r.verification.numbers);
    expect(text(r)).not.toMatch(lang === 'zh' ? /未经核实/ : /\[unverified\]/);
  });
  for (const [k, why] of Object.entries(KNOWN_UNVERIFIED)) it.todo(`${k}: ${why}`);
});

describe('presentation', () => {
  it.each(cases)('$name: Chinese punctuation in Chinese text; Markdown without raw HTML', ({ c, lang }) => {
    const r = report(c, lang);
    const md = toMarkdown(r);
    if (lang === 'zh') {
      const cjk = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]';
      const ascii = md.match(new RegExp(`${cjk}[,;:]${cjk}`, 'g')) ?? [];
      expect(ascii).toEqual([]);
      expect(md).toMatch(/[\u4e00-\u9fff]，[\u4e00-\u9fff]/);
    }
    // autolinks (<https://…>) are Markdown; any other tag is raw HTML
    expect(md.match(/<(?!https?:\/\/)[A-Za-z!/][^>]*>/g) ?? []).toEqual([]);
    expect(r.sections.length).toBeGreaterThanOrEqual(4);
  });
});

describe('lead series against the raw snapshot files', () => {
  const withFigures = cases.filter(({ c }) => c.figures.length);
  it.each(withFigures)('$name: latest value and the window high with its date', ({ c, lang }) => {
    const r = report(c, lang);
    const years = topicNode(c.topic.slice('topic:'.length))!.chartYears ?? 10;
    for (const id of c.figures) {
      const s = raw(id);
      const last = s.last();
      expect(factById(r, `${id}:latest:${last.date}`).value).toBe(last.value);
      // the window: the observations of the `years` years up to the latest one (the whole history when shorter),
      // named by its first and last observation
      const window = s.window(addMonths(last.date, -12 * years), last.date);
      const high = extreme(window, 'max');
      const f = factById(r, `${id}:max:${window[0]!.date}:${last.date}`);
      expect(f.value).toBe(high.value);
      expect(f.asOf).toBe(high.date);
      expect(f.inputs[0]!.seriesId).toBe(id);
    }
  });

  it.each(LANGS)('Apple vs Microsoft (%s): each company\'s largest drawdown over three years, from its daily closes', (lang) => {
    const r = report(CASES.find((c) => c.topic === 'companies:AAPL,MSFT')!, lang);
    for (const t of ['AAPL', 'MSFT']) {
      const closes = stock(t);
      const to = closes.last().date;
      const from = addMonths(to, -36);
      const dd = maxDrawdown(closes.window(from, to));
      const f = factById(r, `${t}:max_drawdown:${from}:${to}`);
      expect(f.value).toBeCloseTo(dd.value, 9);
      expect(f.asOf).toBe(dd.trough.date);
    }
  });
});

describe('topics left out', () => {
  for (const [k, why] of Object.entries(LEFT_OUT)) it.todo(`${k}: ${why}`);
  it('the equity valuation report reads no Shiller placeholder as a value (its CAPE is never 0)', () => {
    for (const lang of LANGS) {
      const r = report(CASES.find((c) => c.topic === 'topic:equity_valuation')!, lang);
      const cape = r.facts.filter((f) => f.seriesId === 'SHILLER_CAPE');
      expect(cape.length).toBeGreaterThan(0);
      for (const f of cape) expect(f.value).toBeGreaterThan(0);
    }
  });
});

describe('declined and unknown topics', () => {
  it.each(['欧洲央行资产负债表', '日本通胀', 'UK housing market', '德国国债收益率'])('%s is about a place the data do not cover', async (topic) => {
    await expect(buildReport(db, topic, { lang: 'zh', today: TODAY })).rejects.toBeInstanceOf(NotHeldTopicError);
  });

  it('zzqx is unknown', async () => {
    await expect(buildReport(db, 'zzqx', { lang: 'en', today: TODAY })).rejects.toBeInstanceOf(UnknownTopicError);
  });

  it('房地厂 is unknown, and the housing topic is the nearest', async () => {
    const err = await buildReport(db, '房地厂', { lang: 'zh', today: TODAY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownTopicError);
    const housing = TOPICS.find((t) => t.id === 'housing')!;
    expect((err as UnknownTopicError).available[0]).toBe(housing.name.en);
  });
});
