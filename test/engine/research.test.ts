// Research answers (issue 11): open why / how / impact / "what does it mean" questions, in Chinese and English,
// asked of the deterministic engine over the whole offline snapshot. For every answered question the test checks
// which series the answer cites (the lead series of the subject the question names, chosen here from its
// meaning), that every number verifies, that every quoted passage is cut verbatim from the stored document and
// from the raw file it was imported from (minutes never put in the mouth of "the FOMC"), and the key numbers
// against the raw snapshot files: every fact about a series read from a raw file is recomputed from that file
// (level, value on a date, change, percent change, window extremes with their dates, average, year-over-year
// rates), and the latest value, the window high with its date, or the asked period's start, end and change are
// recomputed here from the question's period. A subject held only for the United States asked about another
// place is declined with no facts, and a forecast phrased as "why" stays refused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Fact, Source } from '../../src/core/answer.ts';
import type { Engine } from '../../src/engine/index.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';
import { crossAsset, extreme, fred, index, mean, RawSeries, table, type Obs } from './questions/raw.ts';

const TODAY = '2026-11-24';

// ---- raw files --------------------------------------------------------------------------------------------------

/** A column of a raw CSV with a `date` column, non-empty cells only, sorted by date. */
function dateColumn(rel: string, col: string): RawSeries {
  const t = table(rel);
  const di = t.header.indexOf('date');
  const vi = t.header.indexOf(col);
  if (di < 0 || vi < 0) throw new Error(`${rel}: no column ${col}`);
  const obs = t.rows.filter((r) => (r[vi] ?? '').trim() !== '').map((r) => ({ date: r[di]!.trim().slice(0, 10), value: Number(r[vi]) }));
  return new RawSeries(`${rel}:${col}`, obs.sort((a, b) => (a.date < b.date ? -1 : 1)));
}

/** The raw file each non-FRED series of these answers is read from (the catalog's snapshot file for it). */
const OTHER_RAW: Record<string, () => RawSeries> = {
  USDCNY: () => crossAsset('USDCNY'),
  SSE: () => crossAsset('SSE'),
  GOLD: () => crossAsset('Gold'),
  SPX: () => index('SPX'),
  CGB10Y: () => dateColumn('china/cgb_yields.csv', 'cgb_10y'),
};

/** The raw series behind a series id: the list above, else fred-snapshot/<ID>.csv when the snapshot has it. */
function rawOf(id: string): RawSeries | undefined {
  if (OTHER_RAW[id]) return OTHER_RAW[id]!();
  return existsSync(path.join(snapshotRoot, 'fred-snapshot', `${id}.csv`)) ? fred(id) : undefined;
}

/** Bodies of the raw FOMC and Board texts by page address (host and path, lower case). */
function rawDocumentBodies(): Map<string, string[]> {
  const byUrl = new Map<string, string[]>();
  const add = (url: string, body: string) => {
    const key = url.trim().replace(/^https?:\/\//, '').toLowerCase();
    byUrl.set(key, [...(byUrl.get(key) ?? []), body]);
  };
  for (const rel of ['fomc/fomc_communications_2020_2026.csv', 'fomc/fed_board_speeches_2025_2026.csv']) {
    const t = table(rel);
    const ui = t.header.indexOf('url');
    const bi = t.header.indexOf('body');
    for (const r of t.rows) add(r[ui]!, r[bi]!);
  }
  const dir = path.join(snapshotRoot, 'fomc/statements_2006_2025');
  for (const f of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const url = /\nurl: *(\S+)/.exec(text)?.[1];
    if (url) add(url, text);
  }
  return byUrl;
}

const urlKey = (url: string) => url.replace(/^https?:\/\//, '').toLowerCase();

/**
 * Dashes read alike: the scraper of the FOMC file wrote some hyphens and en dashes as an em dash followed by a stray
 * C1 control character ("12—\u0091month" for "12‑month", SOURCES.md), which the import repairs; every other
 * character of a quote must be in the raw body as it is.
 */
const dashes = (text: string) => text.replace(/\u2014[\u0080-\u00bf]/g, '-').replace(/[\u2010-\u2015]/g, '-');

/** Year-over-year rate of a monthly raw series at month `date`, percent. */
function rawYoy(s: RawSeries, date: string): number {
  return s.yoy(date);
}

function addYears(date: string, n: number): string {
  return `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;
}

/** |a − b| within a relative 1e-9 (the store keeps float8 values; the arithmetic order may differ). */
function expectSame(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

// ---- the questions ------------------------------------------------------------------------------------------------

/** A period the question names: the value it starts from (last observation on or before `base`) and its end. */
interface Period {
  /** The lead series whose path over the period is checked. */
  series: string;
  base: string;
  end: string;
  /** Rates change in percentage points, levels in percent. */
  change: 'points' | 'percent';
  /** Check the period's high (a "spike" question) with its date. */
  high?: boolean;
}

type Case =
  | {
      q: string;
      kind: 'answered';
      /** The topic the "understood as" line names first. */
      topic: RegExp;
      /** Series the answer must cite (facts and sources): the question's subject, from its meaning. */
      cites: string[];
      /** "Where things stand": the lead series' latest value and window high against the raw file. */
      standing?: { series: string; yoy?: boolean };
      period?: Period;
    }
  | { q: string; kind: 'declined'; place: RegExp }
  | { q: string; kind: 'refused' };

const CASES: Case[] = [
  // ---- Chinese ----
  { q: '信用利差这么低说明什么？', kind: 'answered', topic: /信用市场与信用利差/, cites: ['BAMLH0A0HYM2', 'BAMLC0A0CM'], standing: { series: 'BAMLH0A0HYM2' } },
  // two topics: oil leads, inflation joins
  { q: '油价上涨对通胀有什么影响？', kind: 'answered', topic: /原油与能源价格、通胀/, cites: ['DCOILWTICO', 'CPIAUCSL'], standing: { series: 'DCOILWTICO' } },
  { q: '2022年美联储为什么加息？', kind: 'answered', topic: /美联储政策利率/, cites: ['DFEDTARU', 'EFFR'], period: { series: 'DFEDTARU', base: '2022-01-01', end: '2022-12-31', change: 'points' } },
  // China: the yuan, government bonds, A-shares
  { q: '人民币为什么贬值？', kind: 'answered', topic: /人民币汇率/, cites: ['USDCNY'], standing: { series: 'USDCNY' } },
  { q: '中债收益率为什么一直下行？', kind: 'answered', topic: /中国国债收益率/, cites: ['CGB10Y'], standing: { series: 'CGB10Y' } },
  { q: '上证指数为什么上涨？', kind: 'answered', topic: /中国金融市场/, cites: ['SSE'], standing: { series: 'SSE' } },
  { q: '收益率曲线倒挂意味着什么？', kind: 'answered', topic: /美债收益率曲线/, cites: ['DGS10', 'DGS2', 'T10Y2Y'], standing: { series: 'DGS10' } },
  // a month: the Fed's lending after the bank failures shows in its total assets
  { q: '2023年3月硅谷银行事件的影响是什么？', kind: 'answered', topic: /银行业压力/, cites: ['WALCL', 'VIXCLS'], period: { series: 'WALCL', base: '2023-03-01', end: '2023-03-31', change: 'percent', high: true } },
  // "since 2022": measured from the last observation of 2021 to the latest
  { q: '2022年以来美元为什么走强？', kind: 'answered', topic: /美元/, cites: ['DTWEXBGS'], period: { series: 'DTWEXBGS', base: '2021-12-31', end: TODAY, change: 'percent' } },
  { q: '通胀为什么居高不下？', kind: 'answered', topic: /通胀/, cites: ['CPIAUCSL', 'CPILFESL'], standing: { series: 'CPIAUCSL', yoy: true } },
  { q: '逆回购余额为什么下降？', kind: 'answered', topic: /准备金与美元流动性/, cites: ['RRPONTSYD'] },
  { q: '2025年4月美股为什么大跌？', kind: 'answered', topic: /美国股市/, cites: ['SPX', 'NDX'], period: { series: 'SPX', base: '2025-04-01', end: '2025-04-30', change: 'percent' } },
  // inflation is held for the U.S. only: asked about Japan or Korea it is declined, never answered with U.S. data
  { q: '日本通胀为什么这么高？', kind: 'declined', place: /日本/ },
  { q: '韩国通胀为什么上升？', kind: 'declined', place: /韩国/ },
  { q: '为什么明年会降息？', kind: 'refused' },
  // ---- English ----
  { q: 'Why are credit spreads so tight?', kind: 'answered', topic: /Credit markets and credit spreads/, cites: ['BAMLH0A0HYM2', 'BAMLC0A0CM'], standing: { series: 'BAMLH0A0HYM2' } },
  { q: 'Why did the Fed raise rates in 2022?', kind: 'answered', topic: /^Understood as: a research question on "Fed policy rates/, cites: ['DFEDTARU', 'EFFR'], period: { series: 'DFEDTARU', base: '2022-01-01', end: '2022-12-31', change: 'points' } },
  // QT2: holdings began to decline on 1 June 2022; the reduction concluded on 1 December 2025
  { q: 'How does quantitative tightening affect bank reserves?', kind: 'answered', topic: /quantitative tightening/, cites: ['WALCL', 'WRESBAL'], period: { series: 'WRESBAL', base: '2022-06-01', end: '2025-11-30', change: 'percent' } },
  { q: 'Why has gold rallied since 2025?', kind: 'answered', topic: /"Gold/, cites: ['GOLD'], period: { series: 'GOLD', base: '2024-12-31', end: TODAY, change: 'percent' } },
  // 'gold prices' names gold, not consumer prices
  { q: 'What explains the rise in gold prices since 2025?', kind: 'answered', topic: /^Understood as: a research question on "Gold/, cites: ['GOLD'], period: { series: 'GOLD', base: '2024-12-31', end: TODAY, change: 'percent' } },
  // a misspelling
  { q: 'Why is infaltion still above target?', kind: 'answered', topic: /"Inflation/, cites: ['CPIAUCSL', 'PCEPILFE'], standing: { series: 'CPIAUCSL', yoy: true } },
  { q: 'What are the risks in the repo market?', kind: 'answered', topic: /Money markets/, cites: ['SOFR'], standing: { series: 'SOFR' } },
  { q: 'What drove the dollar in 2025?', kind: 'answered', topic: /The U\.S\. dollar/, cites: ['DTWEXBGS'], period: { series: 'DTWEXBGS', base: '2025-01-01', end: '2025-12-31', change: 'percent' } },
  { q: 'Why did the VIX spike in April 2025?', kind: 'answered', topic: /Market volatility/, cites: ['VIXCLS'], period: { series: 'VIXCLS', base: '2025-04-01', end: '2025-04-30', change: 'percent', high: true } },
  { q: 'How do higher oil prices affect inflation?', kind: 'answered', topic: /Oil and energy prices; Inflation/, cites: ['DCOILWTICO', 'CPIAUCSL'], standing: { series: 'DCOILWTICO' } },
  { q: 'Why did mortgage rates rise in 2023?', kind: 'answered', topic: /U\.S\. housing/, cites: ['MORTGAGE30US', 'DGS10'], period: { series: 'MORTGAGE30US', base: '2023-01-01', end: '2023-12-31', change: 'points' } },
  { q: 'Why did Treasury yields rise in 2022?', kind: 'answered', topic: /Treasury yield curve/, cites: ['DGS10', 'DGS2'], period: { series: 'DGS10', base: '2022-01-01', end: '2022-12-31', change: 'points' } },
  { q: "Why is Germany's unemployment rising?", kind: 'declined', place: /Germany/ },
  { q: "Why is Japan's unemployment so low?", kind: 'declined', place: /Japan/ },
  { q: 'Why will the Fed cut rates next year?', kind: 'refused' },
];

const isZh = (q: string) => /[\u3400-\u9fff]/.test(q);

// ---- checks ---------------------------------------------------------------------------------------------------------

const seriesOfFacts = (a: Answer) => new Set(a.facts.flatMap((f) => f.inputs.map((i) => i.seriesId)));
const seriesOfSources = (a: Answer) => new Set(a.sources.filter((s) => s.kind === 'series').map((s) => s.seriesId));

/** Facts about one series alone (not a relation of two). */
function factsOf(a: Answer, id: string): Fact[] {
  return a.facts.filter((f) => f.inputs.length > 0 && f.inputs.every((i) => i.seriesId === id));
}

/** Recompute a single-series fact from the raw file; returns false when its method is not one checked here. */
function checkAgainstRaw(f: Fact, raw: RawSeries): boolean {
  const yoy = f.id.includes(':yoy:');
  const first = f.inputs[0]!;
  const last = f.inputs[f.inputs.length - 1]!;
  const at = (date: string) => (yoy ? rawYoy(raw, date) : raw.at(date).value);
  const windowObs = (from: string, to: string): Obs[] => (yoy ? raw.window(from, to).map((o) => ({ date: o.date, value: rawYoy(raw, o.date) })) : raw.window(from, to));
  switch (f.method) {
    case 'level':
    case 'value_on_date':
      expectSame(f.value, at(f.asOf), `${f.id}`);
      if (!yoy) expect(first.from, f.id).toBe(f.asOf);
      return true;
    case 'change':
    case 'percent_change': {
      const from = yoy ? f.period!.from : first.from;
      const to = yoy ? f.period!.to : last.to;
      const expected = f.method === 'change' ? at(to) - at(from) : (at(to) / at(from) - 1) * 100;
      expectSame(f.value, expected, f.id);
      return true;
    }
    case 'max':
    case 'min': {
      const from = yoy ? f.period!.from : first.from;
      const xs = windowObs(from, first.to);
      const best = extreme(xs, f.method);
      expectSame(f.value, best.value, f.id);
      // the date the fact names carries that value (ties: any date with it)
      expectSame(at(f.asOf), best.value, `${f.id} on ${f.asOf}`);
      expect(f.asOf >= from && f.asOf <= first.to, f.id).toBe(true);
      return true;
    }
    case 'average': {
      const from = yoy ? f.period!.from : first.from;
      expectSame(f.value, mean(windowObs(from, first.to).map((o) => o.value)), f.id);
      return true;
    }
    default:
      return false;
  }
}

// ---- the suite ------------------------------------------------------------------------------------------------------

describe('research answers to open questions', () => {
  let db: Database | undefined;
  let engine: Engine | undefined;
  const rawDocs = rawDocumentBodies();
  const answers = new Map<string, Answer>();

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    const { createEngine } = await import('../../src/engine/index.ts');
    engine = createEngine({ db, today: TODAY });
  }, 400_000);
  afterAll(async () => {
    await db?.close();
  });

  async function ask(q: string): Promise<Answer> {
    let a = answers.get(q);
    if (!a) {
      a = await engine!.ask(q, {});
      answers.set(q, a);
    }
    return a;
  }

  it('has at least 24 questions, half of them Chinese, with declines and a refusal in both languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(CASES.map((c) => c.q)).size).toBe(CASES.length);
    const zh = CASES.filter((c) => isZh(c.q)).length;
    expect(zh * 2).toBeGreaterThanOrEqual(CASES.length - 1);
    expect((CASES.length - zh) * 2).toBeGreaterThanOrEqual(CASES.length - 1);
    for (const kind of ['declined', 'refused'] as const) {
      expect(CASES.some((c) => c.kind === kind && isZh(c.q)), kind).toBe(true);
      expect(CASES.some((c) => c.kind === kind && !isZh(c.q)), kind).toBe(true);
    }
  });

  for (const c of CASES) {
    const lang = isZh(c.q) ? 'zh' : 'en';
    if (c.kind === 'declined') {
      it(`declines: ${c.q}`, async () => {
        const a = await ask(c.q);
        expect(a.unanswerable, a.text).toBeDefined();
        expect(a.facts).toEqual([]);
        expect(a.sources).toEqual([]);
        expect(a.unanswerable!.reason).toMatch(c.place);
        // it says the subject's data are for the United States, and does not answer with them
        expect(a.unanswerable!.reason).toMatch(lang === 'zh' ? /美国/ : /United States/);
      });
      continue;
    }
    if (c.kind === 'refused') {
      it(`refuses a forecast phrased as why: ${c.q}`, async () => {
        const a = await ask(c.q);
        expect(a.unanswerable, a.text).toBeDefined();
        expect(a.facts).toEqual([]);
        expect(a.unanswerable!.reason).toMatch(lang === 'zh' ? /预测/ : /forecast/);
      });
      continue;
    }

    it(`answers: ${c.q}`, async () => {
      const a = await ask(c.q);
      expect(a.unanswerable, a.unanswerable?.reason).toBeUndefined();
      expect(a.language).toBe(lang);
      // a research answer, on the topic the question names
      expect(a.understood).toMatch(lang === 'zh' ? /^理解为：研究问题/ : /^Understood as: a research question/);
      expect(a.understood).toMatch(c.topic);
      expect(a.text).toMatch(lang === 'zh' ? /\*\*(现状与历史位置|[^*]+发生了什么)\*\*/ : /\*\*(Where things stand|What happened\b[^*]*)\*\*/);
      expect(a.text).toMatch(lang === 'zh' ? /\*\*数据不能告诉我们的\*\*/ : /\*\*What the data cannot tell\*\*/);

      // the series the question is about are cited, in the facts and as sources
      const factSeries = seriesOfFacts(a);
      const sourceSeries = seriesOfSources(a);
      for (const id of c.cites) {
        expect(factSeries.has(id), `${id} in facts (${[...factSeries].join(', ')})`).toBe(true);
        expect(sourceSeries.has(id), `${id} in sources`).toBe(true);
      }
      // every cited source is used by a fact or a quote line, and every fact's sources exist
      const ns = new Set(a.sources.map((s) => s.n));
      for (const f of a.facts) for (const n of f.sourceIds) expect(ns.has(n), `${f.id} cites [${n}]`).toBe(true);

      // every number verifies
      expect(a.verification.numbers).toBeGreaterThan(0);
      expect(a.verification.unsupported).toEqual([]);
      expect(a.verification.supported).toBe(a.verification.numbers);

      // every fact about a series with a raw file is recomputed from that file
      let checked = 0;
      for (const id of factSeries) {
        const raw = rawOf(id);
        if (!raw) continue;
        for (const f of factsOf(a, id)) if (checkAgainstRaw(f, raw)) checked++;
      }
      for (const id of c.cites) if (rawOf(id)) expect(factsOf(a, id).length, id).toBeGreaterThan(0);
      expect(checked).toBeGreaterThan(0);

      if (c.standing) {
        const { series, yoy } = c.standing;
        const raw = rawOf(series)!;
        const last = raw.onOrBefore(TODAY);
        const lastValue = yoy ? rawYoy(raw, last.date) : last.value;
        const latest = factsOf(a, series).find((f) => f.method === 'level' && f.id.includes(':latest:'));
        expect(latest, `${series}: latest`).toBeDefined();
        expect(latest!.asOf).toBe(last.date);
        expectSame(latest!.value, lastValue, `${series} latest`);
        // the window high up to the latest value, computed here over the window the fact names
        const high = factsOf(a, series).find((f) => f.method === 'max' && f.period?.to === last.date);
        expect(high, `${series}: window high`).toBeDefined();
        const from = high!.period!.from;
        expect(from < last.date).toBe(true);
        const xs = raw.window(from, last.date).map((o) => ({ date: o.date, value: yoy ? rawYoy(raw, o.date) : o.value }));
        const top = extreme(xs, 'max');
        expectSame(high!.value, top.value, `${series} high`);
        expect(high!.asOf).toBe(top.date);
        // the answer states the window's start year ("2016年以来" / "since 2016")
        expect(a.text.toLowerCase()).toContain(lang === 'zh' ? `${from.slice(0, 4)}年以来` : `since ${from.slice(0, 4)}`);
      }

      if (c.period) {
        const p = c.period;
        const raw = rawOf(p.series)!;
        const start = raw.onOrBefore(p.base);
        const end = raw.onOrBefore(p.end < TODAY ? p.end : TODAY);
        const mine = factsOf(a, p.series);
        const startFact = mine.find((f) => f.method === 'value_on_date' && f.asOf === start.date);
        const endFact = mine.find((f) => f.method === 'value_on_date' && f.asOf === end.date);
        expect(startFact, `${p.series}: value on ${start.date} (${mine.map((f) => f.id).join(', ')})`).toBeDefined();
        expect(endFact, `${p.series}: value on ${end.date}`).toBeDefined();
        expectSame(startFact!.value, start.value, `${p.series} start`);
        expectSame(endFact!.value, end.value, `${p.series} end`);
        const change = mine.find((f) => f.method === (p.change === 'points' ? 'change' : 'percent_change') && f.period?.from === start.date && f.period?.to === end.date);
        expect(change, `${p.series}: change ${start.date} → ${end.date}`).toBeDefined();
        expectSame(change!.value, p.change === 'points' ? end.value - start.value : (end.value / start.value - 1) * 100, `${p.series} change`);
        if (p.high) {
          const top = extreme(raw.window(p.base, end.date), 'max');
          const high = mine.find((f) => f.method === 'max' && f.asOf === top.date);
          expect(high, `${p.series}: high of the period on ${top.date}`).toBeDefined();
          expectSame(high!.value, top.value, `${p.series} high`);
        }
      }

      // the quoted passages are real: verbatim in the stored document and in the raw file it came from
      const docs = a.sources.filter((s): s is Source & { documentId: string } => s.kind === 'document');
      // quote lines, and a paragraph that quotes a policy goal ("…FOMC声明写道“…2 percent over the longer run.”[4]")
      const lines = a.text.split('\n').filter((l) => l.startsWith('- ') || /“[^”]+”\s?\[\d+\]/.test(l) || /"[^"]+"\s?\[\d+\]/.test(l));
      for (const s of docs) {
        const [row] = await db!.query<{ body: string; kind: string; url: string; date: string }>("SELECT body, kind, url, to_char(date, 'YYYY-MM-DD') AS date FROM documents WHERE id = $1", [s.documentId]);
        expect(row, s.documentId).toBeDefined();
        expect(row!.url).toBe(s.url);
        expect(row!.date).toBe(s.date);
        expect(s.quote, s.documentId).toBeTruthy();
        expect(row!.body.includes(s.quote!), `${s.documentId}: quote in the stored body`).toBe(true);
        const rawBodies = rawDocs.get(urlKey(s.url)) ?? [];
        expect(rawBodies.length, `${s.url} in the raw FOMC files`).toBeGreaterThan(0);
        expect(rawBodies.some((b) => dashes(b).includes(dashes(s.quote!))), `${s.documentId}: quote in the raw file`).toBe(true);

        const cited = lines.filter((l) => l.includes(`[${s.n}]`));
        expect(cited.length, `a quote line cites [${s.n}]`).toBeGreaterThan(0);
        for (const line of cited) {
          const quoted = /“(.*)”/.exec(line)?.[1] ?? /"(.*)"/.exec(line)?.[1];
          expect(quoted, line).toBeTruthy();
          expect(s.quote!.includes(quoted!) && row!.body.includes(quoted!), `${s.documentId}: the line's words are the passage's`).toBe(true);
          const who = line.slice(0, line.indexOf('“'));
          if (row!.kind === 'minutes') {
            // minutes speak for their subject or for the minutes, never for the Committee as a whole
            expect(who).toMatch(lang === 'zh' ? /FOMC会议纪要显示/ : /^- According to the (?:FOMC )?minutes/);
            expect(who).not.toMatch(/FOMC在|委员会|美联储在|FOMC said|Committee said|The FOMC\b/);
          }
          if (row!.kind === 'speech') {
            // the speaker the line names is the one the speech's title names
            const speakers = ['Powell', 'Jefferson', 'Bowman', 'Barr', 'Waller', 'Cook', 'Kugler', 'Miran', 'Warsh'];
            const inTitle = speakers.filter((n) => s.title.includes(n));
            expect(inTitle.length, s.title).toBe(1);
            expect(who).toContain(inTitle[0]!);
            for (const other of speakers.filter((n) => n !== inTitle[0])) expect(who).not.toContain(other);
          }
          if (row!.kind === 'statement') expect(who).toMatch(lang === 'zh' ? /FOMC在.+的政策声明中说/ : /The FOMC said in its statement of/);
        }
      }
    }, 60_000);
  }
});
