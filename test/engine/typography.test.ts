// Chinese typography, names and chart labels of answers (issue 12, item 6 and the naming half of item 3): real
// questions asked in Chinese of the deterministic engine on the loaded snapshot — series, companies (AMD, Apple),
// inflation year over year, money series — and everything of each answer a reader sees (the text, the "understood
// as" line, source titles, chart titles, legends, series names, axis names, mark labels) checked for ASCII
// punctuation beside Chinese characters, for 十亿 (Chinese money is in 万/亿/万亿), for raw series ids or English
// words as chart names, and for a ticker written twice ("超威半导体(AMD)(AMD)"). The same questions in English get
// English chart names. The web app's Chinese strings (web/src/i18n.ts) are checked for ASCII punctuation too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.ts';
import { axisUnit, chinesePunctuation, moneyAxis } from '../../src/core/format.ts';
import * as A from '../../src/analytics/index.ts';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { oneTicker } from '../../src/engine/writer.ts';
import { useSnapshotEngine } from '../helpers/engine.ts';

import { ASCII_BESIDE_CJK, ASCII_BETWEEN_CJK, CJK, DOUBLED_TICKER, RAW_ID } from '../helpers/typography.ts';

const TODAY = '2026-12-02';

interface Case {
  q: string;
  /** What the answer must be about (a cited series), so a refusal does not pass the checks vacuously. */
  cites: string;
  /** The answer has a chart of money in 亿/万亿 (a currency series or statement item). */
  money?: boolean;
  /** A broad question answered by the research writer, which may have no chart. */
  broad?: boolean;
}

const CASES: Case[] = [
  { q: '美联储总资产现在多少？', cites: 'WALCL', money: true },
  { q: '逆回购余额是多少', cites: 'RRPONTSYD', money: true },
  { q: 'M2货币供应', cites: 'M2SL', money: true },
  { q: '联邦政府债务', cites: 'MSPD_TOTAL_DEBT', money: true },
  { q: '现在美国通胀怎么样？', cites: 'CPIAUCSL', broad: true },
  { q: 'CPI同比', cites: 'CPIAUCSL' },
  { q: '10年期美债收益率', cites: 'DGS10' },
  { q: '10年期和2年期美债收益率对比', cites: 'DGS2' },
  { q: '超威半导体股价', cites: 'AMD' },
  { q: 'AMD今年以来涨了多少', cites: 'AMD' },
  { q: 'AMD的净利润', cites: 'AMD', money: true },
  { q: '苹果公司的营收', cites: 'AAPL', money: true },
  { q: '苹果公司股价', cites: 'AAPL' },
  { q: 'AMD和英伟达的营收对比', cites: 'NVDA', money: true },
];

/** Every string of a chart a reader sees: title, legend, axis names, series names, mark labels. */
function chartStrings(o: unknown, key = ''): string[] {
  if (typeof o === 'string') return /^(fontFamily|color|fill|backgroundColor|type|trigger|xAxis|yAxis)$/.test(key) ? [] : [o];
  if (Array.isArray(o)) return key === 'data' && o.every((x) => Array.isArray(x)) ? [] : o.flatMap((x) => chartStrings(x, key));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => (k === 'coord' ? [] : chartStrings(v, k)));
  return [];
}

interface Chart {
  title: { text: string };
  legend: { data: string[] };
  yAxis: Array<{ name: string }>;
  series: Array<{ name: string; yAxisIndex: number }>;
}

/** Everything of an answer a reader sees, as lines (the text line by line, without its URLs). */
function visible(a: Answer): string[] {
  return [a.understood ?? '', ...a.text.split('\n'), ...a.sources.flatMap((s) => [s.title, s.publisher]), ...a.charts.flatMap((c) => chartStrings(c))].map((l) => l.replace(/https?:\/\/\S+/g, '')).filter(Boolean);
}

describe('typography of Chinese answers', () => {
  const engine = useSnapshotEngine(TODAY);
  const answers = new Map<string, Answer>();
  const ask = async (q: string, lang?: 'zh' | 'en'): Promise<Answer> => {
    const key = `${lang ?? ''}:${q}`;
    if (!answers.has(key)) answers.set(key, await engine().ask(q, lang ? { lang } : {}));
    return answers.get(key)!;
  };

  it.each(CASES)('$q: answered, with Chinese punctuation, no 十亿, named charts and one name per ticker', async ({ q, cites, money, broad }) => {
    const a = await ask(q);
    expect(a.language).toBe('zh');
    expect(a.unanswerable).toBeUndefined();
    expect(a.facts.some((f) => f.inputs.some((i) => i.seriesId === cites) || f.seriesId === cites || f.id.startsWith(`${cites}:`))).toBe(true);
    if (!broad) expect(a.charts.length).toBeGreaterThan(0);
    const lines = visible(a);
    expect(lines.filter((l) => ASCII_BESIDE_CJK.test(l))).toEqual([]);
    expect(lines.filter((l) => ASCII_BETWEEN_CJK.test(l))).toEqual([]);
    expect(JSON.stringify({ ...a, charts: a.charts.map((c) => chartStrings(c)) })).not.toContain('十亿');
    expect(lines.filter((l) => DOUBLED_TICKER.test(l))).toEqual([]);
    for (const c of a.charts as Chart[]) {
      const names = [c.title.text, ...c.legend.data, ...c.series.map((s) => s.name), ...c.yAxis.map((y) => y.name)];
      // no raw id and no English word (Percent, Net Income, yoy, annual, per share) as a chart name
      expect(names.filter((n) => RAW_ID.test(n))).toEqual([]);
      expect(names.filter((n) => /[a-z]{3,}/.test(n))).toEqual([]);
      // the legend names the lines, and each line's name carries its axis unit (the tooltip shows the name)
      expect(c.legend.data).toEqual(c.series.map((s) => s.name));
      for (const s of c.series) expect(s.name.endsWith(`（${c.yAxis[s.yAxisIndex]!.name}）`)).toBe(true);
    }
    if (money) {
      // the chart's money axis is in the text's unit family: 亿美元 or 万亿美元, never 十亿/百万/千亿
      const axes = (a.charts as Chart[]).flatMap((c) => c.yAxis.map((y) => y.name));
      expect(axes.some((n) => /^(万亿|亿)美元/.test(n))).toBe(true);
      expect(axes.filter((n) => /十亿|百万|千亿|billion|million/i.test(n))).toEqual([]);
      // the text's amounts are in 亿/万亿 too
      expect(a.text).toMatch(/\d(?:万亿|亿)美元/);
    }
  });

  it('a company is named once with its ticker in the understood line and the price chart', async () => {
    const a = await ask('超威半导体股价');
    expect(a.understood).toContain('超威半导体（AMD）');
    expect(a.understood).not.toMatch(/AMD[)）][(（]AMD/);
    const c = a.charts[0] as Chart;
    expect(c.title.text).toContain('超威半导体');
    expect(c.title.text.match(/AMD/g) ?? []).toHaveLength(1);
    expect(c.yAxis[0]!.name).toBe('美元/股');
  });

  it('inflation year over year: the line is named 同比 and the axis is a percent, not "CPIAUCSL:yoy" or "Percent"', async () => {
    const c = (await ask('CPI同比')).charts[0] as Chart;
    expect(c.title.text).toMatch(/同比$/);
    expect(c.series[0]!.name).toMatch(/同比（%）$/);
    expect(c.yAxis[0]!.name).toBe('%');
  });

  it('a statement item is named in Chinese: 苹果公司营业收入 in 亿美元, not "AAPL:Total Revenue:annual"', async () => {
    const a = await ask('苹果公司的营收');
    const c = a.charts[0] as Chart;
    expect(c.title.text).toBe('苹果公司营业收入');
    expect(c.series[0]!.name).toBe('苹果公司营业收入（亿美元）');
    expect(c.yAxis[0]!.name).toBe('亿美元');
  });

  it('the same questions in English: English chart names, billions/trillions, no Chinese characters', async () => {
    for (const q of ['What are the Fed total assets?', 'CPI year over year', "Apple's revenue", 'AMD stock price']) {
      const a = await ask(q, 'en');
      expect(a.unanswerable).toBeUndefined();
      for (const c of a.charts as Chart[]) {
        const names = [c.title.text, ...c.legend.data, ...c.series.map((s) => s.name), ...c.yAxis.map((y) => y.name)];
        expect(names.filter((n) => new RegExp(`[${CJK}]`).test(n))).toEqual([]);
        expect(names.filter((n) => RAW_ID.test(n))).toEqual([]);
        expect(c.legend.data).toEqual(c.series.map((s) => s.name));
      }
      expect(visible(a).filter((l) => DOUBLED_TICKER.test(l))).toEqual([]);
    }
    const fed = (await ask('What are the Fed total assets?', 'en')).charts[0] as Chart;
    expect(fed.yAxis[0]!.name).toBe('trillions of USD');
    // a year-over-year line is named by the series' short name, not its 80-character official title or its id
    const cpi = (await ask('CPI year over year', 'en')).charts[0] as Chart;
    expect(cpi.title.text).toMatch(/^Consumer price index, year over year$/i);
    expect(cpi.series[0]!.name).toMatch(/, year over year \(percent\)$/);
  });
});

describe('axis units', () => {
  // hand-computed: WALCL is stored in millions of dollars; 6,750,000 million = 6.75e12 dollars → 万亿美元, divisor 1e6
  it('money: 亿美元 / 万亿美元 chosen from the range, divisor in stored units', () => {
    const millions = { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' } as const;
    expect(axisUnit(millions, 6_750_000, 'zh')).toEqual({ divisor: 1e6, name: '万亿美元' });
    expect(axisUnit(millions, 254_000, 'zh')).toEqual({ divisor: 100, name: '亿美元' });
    expect(axisUnit(millions, 6_750_000, 'en')).toEqual({ divisor: 1e6, name: 'trillions of USD' });
    expect(axisUnit(millions, 6_750_000, 'zh')).toEqual(moneyAxis(millions, 6_750_000, 'zh'));
    const chained = { kind: 'currency', scale: 1e9, currency: 'USD', label: 'Billions of Chained 2017 Dollars' } as const;
    expect(axisUnit(chained, 23_000, 'zh').name).toBe('万亿美元（2017年不变价）');
  });
  it('other units: %, 基点, 百分点, 美元/股, 指数 and counts in 万/亿 in Chinese; their names in English', () => {
    expect(axisUnit(A.PERCENT, 5, 'zh').name).toBe('%');
    expect(axisUnit(A.BASIS_POINTS, 50, 'zh').name).toBe('基点');
    expect(axisUnit({ kind: 'percentage_points', scale: 1, label: 'Percent' }, 1, 'zh').name).toBe('百分点');
    expect(axisUnit({ kind: 'price', scale: 1, currency: 'USD', label: 'USD per share (split-adjusted, not dividend-adjusted)' }, 200, 'zh').name).toBe('美元/股');
    expect(axisUnit({ kind: 'price', scale: 1, currency: 'USD', label: 'Dollars per Barrel' }, 80, 'zh').name).toBe('美元/桶');
    expect(axisUnit({ kind: 'price', scale: 1, currency: 'CNY', label: 'Chinese yuan per U.S. dollar' }, 7, 'zh').name).toBe('人民币元/美元');
    expect(axisUnit({ kind: 'index', scale: 1, label: 'Index 1982-1984=100' }, 320, 'zh').name).toBe('指数（1982-1984年=100）');
    expect(axisUnit({ kind: 'index', scale: 1, label: 'Index Jan 2006=100' }, 120, 'zh').name).toBe('指数（2006年1月=100）');
    // PAYEMS: 159,000 thousand persons = 1.59亿人 → 亿人, divisor 1e8 / 1e3 = 1e5
    expect(axisUnit({ kind: 'count', scale: 1000, label: 'Thousands of Persons' }, 159_000, 'zh')).toEqual({ divisor: 1e5, name: '亿人' });
    expect(axisUnit({ kind: 'count', scale: 1000, label: 'Thousands of Persons' }, 7_000, 'zh')).toEqual({ divisor: 10, name: '万人' });
    // English: the unit's English name, not the catalog's label with its notes
    expect(axisUnit(A.PERCENT, 5, 'en')).toEqual({ divisor: 1, name: 'percent' });
    expect(axisUnit({ kind: 'price', scale: 1, currency: 'USD', label: 'USD per share (split-adjusted, not dividend-adjusted)' }, 200, 'en').name).toBe('US dollars per share');
  });
});

describe('company names in the catalog', () => {
  it('a company’s display name does not carry its ticker (the price series adds it once)', () => {
    const doubled = companies.filter((c) => /[(（][A-Z][A-Z0-9.]*[)）]/.test(c.name.zh) && c.name.zh.includes(c.ticker));
    expect(doubled.map((c) => c.name.zh)).toEqual([]);
    expect(catalog.filter((s) => s.ticker && DOUBLED_TICKER.test(s.title.zh)).map((s) => s.title.zh)).toEqual([]);
    expect(oneTicker('超威半导体(AMD)(AMD)日收盘价')).toBe('超威半导体(AMD)日收盘价');
    expect(oneTicker('超威半导体（AMD）（AMD）')).toBe('超威半导体（AMD）');
    expect(oneTicker('苹果公司(AAPL)、微软(MSFT)')).toBe('苹果公司(AAPL)、微软(MSFT)');
  });
});

describe('chinesePunctuation', () => {
  it('converts ASCII , : ; ( ) ? between Chinese text, keeps numbers, dates, times, URLs, code, links and English', () => {
    expect(chinesePunctuation('美国消费者物价指数(CPI-U,季调)同比')).toBe('美国消费者物价指数（CPI-U，季调）同比');
    expect(chinesePunctuation('还没有账号?注册')).toBe('还没有账号？注册');
    expect(chinesePunctuation('删除对话:{title}')).toBe('删除对话：{title}');
    expect(chinesePunctuation('总额为1,234.5亿美元;时间14:00,日期2026-08-19')).toBe('总额为1,234.5亿美元；时间14:00，日期2026-08-19');
    expect(chinesePunctuation('见[WALCL](https://fred.stlouisfed.org/series/WALCL?a=1,2)和`a,b`')).toBe('见[WALCL](https://fred.stlouisfed.org/series/WALCL?a=1,2)和`a,b`');
    expect(chinesePunctuation('原文:“The Committee decided, on balance, to wait.”')).toBe('原文：“The Committee decided, on balance, to wait.”');
    expect(chinesePunctuation('Enter 发送,Shift+Enter 换行')).toBe('Enter 发送，Shift+Enter 换行');
    expect(chinesePunctuation('美联储总资产现在多少?')).toBe('美联储总资产现在多少？');
    expect(chinesePunctuation('SPDR标普500ETF(SPY)日收盘价')).toBe('SPDR标普500ETF（SPY）日收盘价');
    expect(chinesePunctuation('称为“缩表”(QT)。')).toBe('称为“缩表”（QT）。');
    // Markdown syntax stays: emphasis, list markers, headings, link targets
    expect(chinesePunctuation('- **总资产**:6.75万亿美元')).toBe('- **总资产**：6.75万亿美元');
    expect(chinesePunctuation('## 一、现状(截至8月)')).toBe('## 一、现状（截至8月）');
    expect(chinesePunctuation('见[美联储(Fed)](https://www.federalreserve.gov/a_(b),c)。')).toBe('见[美联储（Fed）](https://www.federalreserve.gov/a_(b),c)。');
    // an English passage quoted verbatim keeps its own punctuation, up to its closing quote
    expect(chinesePunctuation('纪要写道:“Is inflation returning to 2 percent (PCE)?”[3]')).toBe('纪要写道：“Is inflation returning to 2 percent (PCE)?”[3]');
    expect(chinesePunctuation('声明称“(a) the Committee decided: to wait;”,随后')).toBe('声明称“(a) the Committee decided: to wait;”，随后');
  });
});

describe('the web app’s Chinese strings', () => {
  /** The zh table of web/src/i18n.ts and its Chinese examples, as [key, text]. */
  function zhStrings(): Array<[string, string]> {
    const src = readFileSync(new URL('../../web/src/i18n.ts', import.meta.url), 'utf8');
    const table = src.slice(src.indexOf('const zh = {'), src.indexOf('\n};', src.indexOf('const zh = {')));
    const entries = [...table.matchAll(/^\s*'?([\w.]+)'?:\s*\n?\s*(['"`])((?:\\.|(?!\2).)*)\2/gms)].map((m) => [m[1]!, m[3]!] as [string, string]);
    const examples = /zh: \[(.*?)\],/s.exec(src.slice(src.indexOf('export const EXAMPLES')))![1]!;
    return [...entries, ...[...examples.matchAll(/'([^']*)'/g)].map((m, i) => [`EXAMPLES.zh[${i}]`, m[1]!] as [string, string])];
  }

  it('has no ASCII , : ? ( ) ; beside a Chinese character', () => {
    const all = zhStrings();
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(([, t]) => ASCII_BESIDE_CJK.test(t.replace(/\{\w+\}/g, 'X')))).toEqual([]);
    expect(all.filter(([, t]) => ASCII_BETWEEN_CJK.test(t))).toEqual([]);
  });
});
