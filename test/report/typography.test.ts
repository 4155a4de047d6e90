// Chinese typography, names and chart labels of reports (issue 12, item 6 and the naming half of item 3): Chinese
// reports on a few topics — QT, inflation, the labour market, the yield curve, a company (AMD), a comparison (Apple and
// Microsoft) and two topics of the topic graph — built on the loaded snapshot, and everything a reader sees (title,
// subtitle, headings, text, table cells, chart titles, legends, series names, axis names, labels, source lines and
// the reference list) checked for ASCII punctuation beside Chinese characters, for 十亿 (Chinese money is in
// 万/亿/万亿), for raw series ids or English words as chart names, and for a ticker written twice. English reports'
// charts are named in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, toMarkdown, type Report } from '../../src/report/index.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';

import { ASCII_BESIDE_CJK, ASCII_BETWEEN_CJK, CJK, DOUBLED_TICKER, RAW_ID } from '../helpers/typography.ts';

const TODAY = '2026-12-02';

/** Topic as typed → the tickers or words its report must be about (so a refusal cannot pass). */
const TOPICS: Array<{ topic: string; about: RegExp }> = [
  { topic: '缩表', about: /缩表/ },
  { topic: '通胀', about: /通胀/ },
  { topic: '就业', about: /就业|劳动力/ },
  { topic: '收益率曲线', about: /收益率曲线/ },
  { topic: 'AMD', about: /超威半导体/ },
  { topic: '苹果和微软对比', about: /苹果.*微软|微软.*苹果/ },
  { topic: '信用利差', about: /信用/ },
  { topic: '美国房地产', about: /房/ },
];

/** English reports: their charts are named in English. */
const EN_TOPICS = ['quantitative tightening', 'AMD', 'inflation'];

interface Axis {
  name?: string;
}
interface ChartSeries {
  name?: string;
}

/** Every string of a chart option a reader sees (title, legend, axis names, series names, labels, source line). */
function chartStrings(o: unknown, key = ''): string[] {
  if (typeof o === 'string') return /^(fontFamily|color|fill|backgroundColor|type|trigger|position|align|id|xAxis|yAxis|year|month|day)$/.test(key) ? [] : [o];
  if (Array.isArray(o)) return key === 'data' && o.every((x) => Array.isArray(x)) ? [] : o.flatMap((x) => chartStrings(x, key));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => chartStrings(v, k));
  return [];
}

let db: Database;
const reports = new Map<string, Report>();

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  for (const { topic } of TOPICS) reports.set(topic, await buildReport(db, topic, { lang: 'zh', today: TODAY }));
  for (const topic of EN_TOPICS) reports.set(`en:${topic}`, await buildReport(db, topic, { lang: 'en', today: TODAY }));
}, 400_000);

afterAll(async () => {
  await db?.close();
});

describe('typography of Chinese reports', () => {
  it.each(TOPICS)('$topic: Chinese punctuation, no 十亿, named charts, one name per ticker', ({ topic, about }) => {
    const r = reports.get(topic)!;
    expect(r.language).toBe('zh');
    expect(r.title).toMatch(about);
    expect(r.sections.length).toBeGreaterThan(1);
    const charts = r.sections.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThan(0);
    const lines = [r.title, r.subtitle ?? '', ...r.sections.flatMap((s) => [s.heading, ...s.markdown.split('\n')]), ...r.sources.flatMap((s) => [s.title, s.publisher]), ...charts.flatMap((c) => chartStrings(c))]
      .map((l) => l.replace(/https?:\/\/\S+|\]\([^)]*\)/g, ''))
      .filter(Boolean);
    expect(lines.filter((l) => ASCII_BESIDE_CJK.test(l))).toEqual([]);
    expect(lines.filter((l) => ASCII_BETWEEN_CJK.test(l))).toEqual([]);
    expect(lines.filter((l) => l.includes('十亿'))).toEqual([]);
    expect(lines.filter((l) => DOUBLED_TICKER.test(l))).toEqual([]);
    // the exported Markdown (reference list included) is typeset alike
    const md = toMarkdown(r).split('\n').map((l) => l.replace(/https?:\/\/\S+|\]\([^)]*\)/g, ''));
    expect(md.filter((l) => ASCII_BETWEEN_CJK.test(l) || l.includes('十亿') || DOUBLED_TICKER.test(l))).toEqual([]);
    for (const c of charts) {
      const title = String((c['title'] as { text?: string } | undefined)?.text ?? '');
      const legend = ((c['legend'] as { data?: string[] } | undefined)?.data ?? []).map(String);
      const series = ((c['series'] as ChartSeries[] | undefined) ?? []).map((s) => String(s.name ?? ''));
      const axes = ((c['yAxis'] as Axis[] | undefined) ?? []).map((a) => String(a.name ?? ''));
      expect(title).not.toBe('');
      const names = [title, ...legend, ...series, ...axes];
      expect(names.filter((n) => RAW_ID.test(n))).toEqual([]);
      // no English word as a name or axis (Percent, Millions of Dollars, yoy); names like "SOFR" or "CPI" are words of the text
      expect(names.filter((n) => /[a-z]{3,}/.test(n))).toEqual([]);
      // money axes in the text's units: 亿/万亿, never 十亿/百万/千亿
      expect(axes.filter((n) => /十亿|百万|千亿/.test(n))).toEqual([]);
      // bar labels of one chart have one precision (236.0 beside 226.8, not 236.01 beside 226.8)
      const bars = ((c['series'] as Array<{ type?: string; data?: unknown[] }> | undefined) ?? []).filter((x) => x.type === 'bar' && c['xAxis'] && (c['xAxis'] as { type?: string }).type === 'category');
      const labels = bars.flatMap((x) => (x.data ?? []).map((d) => (d && typeof d === 'object' ? String((d as { label?: { formatter?: string }; value?: number }).label?.formatter ?? (d as { value?: number }).value) : String(d))));
      expect(new Set(labels.map((l) => (l.split('.')[1] ?? '').length)).size).toBeLessThanOrEqual(1);
    }
  });
});

describe('English reports', () => {
  it.each(EN_TOPICS)('%s: chart names in English, no raw ids, one name per ticker', (topic) => {
    const r = reports.get(`en:${topic}`)!;
    expect(r.language).toBe('en');
    const charts = r.sections.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      const strings = chartStrings(c);
      expect(strings.filter((x) => new RegExp(`[${CJK}]`).test(x))).toEqual([]);
      const title = String((c['title'] as { text?: string } | undefined)?.text ?? '');
      const legend = ((c['legend'] as { data?: string[] } | undefined)?.data ?? []).map(String);
      expect([title, ...legend].filter((n) => RAW_ID.test(n))).toEqual([]);
    }
    expect(toMarkdown(r).split('\n').filter((l) => DOUBLED_TICKER.test(l))).toEqual([]);
  });
});
