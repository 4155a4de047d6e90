// Report presentation (issue 11, item 5) on the loaded snapshot: Chinese punctuation everywhere in a Chinese report
// (text, headings, table cells, chart labels), Markdown without raw HTML, one precision per table column, a title,
// a source line and the text's events on the charts, references that say where a value was read from (the
// offline snapshot and its date, or a live fetch and its time), citations glued to their words in HTML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/core/answer.ts';
import { chinesePunctuationWithTables } from '../../src/core/format.ts';
import { DataAccess } from '../../src/engine/data.ts';
import { AnswerWriter, type SeriesInfo } from '../../src/engine/writer.ts';
import { chartEvents, chartSource, timeChart } from '../../src/report/charts.ts';
import { boldBeforePunctuation, oneCitationPerClaim } from '../../src/report/compose.ts';
import { buildReport, toHtml, toMarkdown, type Report } from '../../src/report/index.ts';
import { chartTitle, referenceText } from '../../src/report/markdown.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';

const TODAY = '2026-11-24';
const CJK = '\\u3400-\\u9fff';
/** An ASCII , ; : ( ) touching a Chinese character on either side. */
const ASCII_BESIDE_CJK = new RegExp(`[${CJK}][,;:()]|[,;:()][${CJK}]`);

let db: Database;
let zh: Report;
let en: Report;

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  zh = await buildReport(db, '缩表', { lang: 'zh', today: TODAY });
  en = await buildReport(db, 'quantitative tightening', { lang: 'en', today: TODAY });
}, 300_000);

afterAll(async () => {
  await db?.close();
});

/** Every string of a chart option a reader sees (title, legend, axis names, series names, labels, source line). */
function chartStrings(o: unknown, key = ''): string[] {
  if (typeof o === 'string') return /^(fontFamily|color|fill|backgroundColor|type|xAxis|yAxis)$/.test(key) ? [] : [o];
  if (Array.isArray(o)) return key === 'data' && o.every((x) => Array.isArray(x)) ? [] : o.flatMap((x) => chartStrings(x, key));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => chartStrings(v, k));
  return [];
}

const offending = (texts: string[]) => texts.flatMap((t) => t.split('\n')).filter((l) => ASCII_BESIDE_CJK.test(l));

describe('Chinese punctuation in a Chinese report', () => {
  it('no ASCII , ; : ( ) beside a Chinese character in the title, headings, text, table cells or chart labels', () => {
    expect(offending([zh.title, zh.subtitle ?? ''])).toEqual([]);
    expect(offending(zh.sections.map((s) => s.heading))).toEqual([]);
    expect(offending(zh.sections.map((s) => s.markdown))).toEqual([]);
    expect(offending(zh.sections.flatMap((s) => s.charts.flatMap((c) => chartStrings(c))))).toEqual([]);
    expect(offending([toMarkdown(zh)])).toEqual([]);
    // the tables are converted too (the engine's answers leave table rows alone)
    expect(zh.sections.some((s) => /^\|.*（.*\|/m.test(s.markdown))).toBe(true);
  });

  it('the verifier saw the numbers that are shown: nothing unsupported, every number supported', () => {
    expect(zh.verification.unsupported).toEqual([]);
    expect(zh.verification.supported).toBe(zh.verification.numbers);
    expect(en.verification.unsupported).toEqual([]);
  });

  it('an English report keeps ASCII punctuation', () => {
    expect(en.sections.map((s) => s.markdown).join('\n')).not.toMatch(/[，；：（）]/);
  });

  it('table cells keep their pipes and alignment rows; digits and thousands separators are untouched', () => {
    const table = '| 项目 | 值 |\n| --- | ---: |\n| 逆回购(ON RRP) | 1,234亿美元(2022-06-01) |';
    expect(chinesePunctuationWithTables(table)).toBe('| 项目 | 值 |\n| --- | ---: |\n| 逆回购（ON RRP） | 1,234亿美元（2022-06-01） |');
  });
});

describe('Markdown without raw HTML; HTML shows the date under the value', () => {
  it('the Markdown export has no tags (no <br>, no <span>)', () => {
    for (const r of [zh, en]) {
      const md = toMarkdown(r);
      expect(md).not.toMatch(/<br|<span/i);
      // autolinks <https://…> are Markdown, not HTML
      expect(md.replace(/<https?:\/\/[^>\s]+>/g, '')).not.toMatch(/<\/?[a-z][^>]*>/i);
    }
  });

  it('a dated cell is "value（date）" in Markdown and the date sits under the value in HTML', () => {
    const md = zh.sections.map((s) => s.markdown).join('\n');
    const cells = [...md.matchAll(/\| ([^|]+?)（(\d{4}-\d{2}-\d{2})） /g)];
    expect(cells.length).toBeGreaterThan(10);
    const html = toHtml(zh);
    const [, value, date] = cells[0]!;
    expect(html).toContain(`${value}<br><span class="d">${date}</span>`);
  });

  it('citation markers are glued to the characters before them, so no line or page starts with one', () => {
    const html = toHtml(zh);
    const links = html.match(/<a class="cite"/g)?.length ?? 0;
    expect(links).toBeGreaterThan(50);
    // every run of markers is inside a no-wrap span that also holds at least one preceding character
    const glued = [...html.matchAll(/<span class="nw">([^<]*)((?:<a class="cite"[^>]*>\[\d+\]<\/a>)+)<\/span>/g)];
    expect(glued.reduce((n, m) => n + (m[2]!.match(/<a /g)?.length ?? 0), 0)).toBe(links);
    expect(glued.filter((m) => m[1] === '').length).toBeLessThan(glued.length / 4);
  });
});

describe('one citation per claim', () => {
  it('a marker repeated by the next one in the same sentence is written once, at the later place', () => {
    expect(oneCitationPerClaim('减少169亿美元[6]，仅为上限的48%[6]。另一句[6]。')).toBe('减少169亿美元，仅为上限的48%[6]。另一句[6]。');
    expect(oneCitationPerClaim('A fell by 5[4]; B rose by 3[4]. C was 2[4].')).toBe('A fell by 5; B rose by 3[4]. C was 2[4].');
    // different sources, table cells and lines keep their own markers
    expect(oneCitationPerClaim('甲为1[4]，乙为2[13]，丙为3[4]。')).toBe('甲为1[4]，乙为2[13]，丙为3[4]。');
    expect(oneCitationPerClaim('| a[5] | b[5] |\n- c[5]\n- d[5]')).toBe('| a[5] | b[5] |\n- c[5]\n- d[5]');
  });

  it('the report has no sentence with the same marker run twice in a row', () => {
    for (const s of zh.sections) expect(oneCitationPerClaim(s.markdown)).toBe(s.markdown);
  });
});

describe('one precision per table column', () => {
  it('cells of a column with the same magnitude word show the same number of decimals', () => {
    const NUM = /^[+-]?\d[\d,]*(?:\.(\d+))?(万亿美元|亿美元|%|个基点|万人|)(?:（|$)/;
    let columns = 0;
    for (const r of [zh]) {
      for (const s of r.sections) {
        const rows = s.markdown.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l) && !/^\|\s*:?-+/.test(l)).slice(1);
        const cells = rows.map((l) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
        for (let i = 1; i < (cells[0]?.length ?? 0); i++) {
          const bySuffix = new Map<string, Set<number>>();
          for (const row of cells) {
            const m = NUM.exec(row[i] ?? '');
            if (!m) continue;
            const set = bySuffix.get(m[2]!) ?? new Set<number>();
            set.add(m[1]?.length ?? 0);
            bySuffix.set(m[2]!, set);
          }
          for (const [suffix, decimals] of bySuffix) {
            columns++;
            expect([...decimals], `${s.heading}, column ${i}, ${suffix}`).toHaveLength(1);
          }
        }
      }
    }
    expect(columns).toBeGreaterThan(10);
  });

  it('a column value is the fact rounded, never another number', () => {
    // every fact cell still names its fact's value within half a unit of its last decimal
    const md = zh.sections.map((s) => s.markdown).join('\n');
    const reserves = zh.facts.filter((f) => f.inputs[0]?.seriesId === 'WRESBAL' && f.unit.kind === 'currency' && f.method !== 'change');
    expect(reserves.length).toBeGreaterThan(3);
    for (const f of reserves) {
      const trillions = (f.value * f.unit.scale) / 1e12;
      if (trillions < 1) continue;
      expect(md, f.id).toContain(`${trillions.toFixed(2)}万亿美元`);
    }
  });
});

describe('charts: a title, a source line and the events the text discusses', () => {
  it('every chart of every report has a title and a source line naming the series it plots', async () => {
    const reports = [zh, en, await buildReport(db, '通胀', { lang: 'zh', today: TODAY }), await buildReport(db, 'labour market', { lang: 'en', today: TODAY })];
    const data = new DataAccess(db);
    const ids = new Set((await data.seriesList()).map((s) => s.id));
    let charts = 0;
    for (const r of reports) {
      for (const c of r.sections.flatMap((s) => s.charts)) {
        charts++;
        expect(chartTitle(c)).not.toBe('');
        const source = chartSource(c);
        expect(source).toMatch(r.language === 'zh' ? /^来源：/ : /^Source: /);
        const named = [...source.matchAll(/[A-Z][A-Z0-9_]{2,}/g)].map((m) => m[0]).filter((x) => x !== 'FRED' && x !== 'FOMC');
        expect(named.length).toBeGreaterThan(0);
        for (const id of named) expect(ids.has(id), id).toBe(true);
      }
    }
    expect(charts).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it('a chart of stored series names exactly those series (found by their values)', () => {
    const fig3 = zh.sections.flatMap((s) => s.charts).find((c) => chartTitle(c).includes('总资产'))!;
    expect(chartSource(fig3)).toBe('来源：FRED（WALCL）');
  });

  it('time charts mark the dates of the documents their section cites', () => {
    const cited = new Set(zh.sources.filter((s) => s.kind === 'document').map((s) => s.date));
    const marked = zh.sections.flatMap((s) => s.charts.map((c) => chartEvents(c)).filter((e) => e.length));
    expect(marked.length).toBeGreaterThan(0);
    expect(Math.max(...marked.map((e) => e.length))).toBeGreaterThanOrEqual(3);
    for (const e of marked.flat().filter((x) => x.label.startsWith('FOMC'))) expect(cited.has(e.date), e.date).toBe(true);
    // the decision to end QT (cited in the schedule) is on the holdings chart
    expect(marked.flat().some((e) => e.date === '2025-10-29')).toBe(true);
  });

  it('timeChart draws events as vertical lines and a given source as the bottom line', () => {
    const o = timeChart({ title: 'T', lang: 'en', lines: [{ name: 'a', points: [['2024-01-01', 1], ['2024-06-01', 2]] }], axisNames: ['%'], refLine: { value: 0 }, events: [{ date: '2024-03-20', label: 'FOMC' }], source: 'Source: FRED (DGS10)' });
    expect(chartEvents(o)).toEqual([{ date: '2024-03-20', label: 'FOMC' }]);
    expect(chartSource(o)).toBe('Source: FRED (DGS10)');
    const mark = (o['series'] as Array<{ markLine: { data: unknown[] } }>)[0]!.markLine.data;
    expect(mark).toHaveLength(2); // the reference line is kept beside the event
  });

  it('money axes of a Chinese report are in 亿美元/万亿美元, as in the text', () => {
    for (const c of zh.sections.flatMap((s) => s.charts)) {
      for (const a of (c['yAxis'] as Array<{ name?: string }>) ?? []) expect(a.name ?? '').not.toMatch(/十亿|百万/);
      expect(chartTitle(c)).not.toMatch(/十亿|百万/);
    }
  });
});

describe('references say where a value was read from', () => {
  it('series from the snapshot import: "离线快照（截至<the date the snapshot holds the series through>）", no retrieval time', async () => {
    const data = new DataAccess(db);
    const series = zh.sources.filter((s) => s.kind === 'series');
    expect(series.length).toBeGreaterThan(10);
    const md = toMarkdown(zh);
    for (const s of series) {
      const meta = await data.meta(s.seriesId!);
      expect(meta.lastSyncMode).toBe('snapshot');
      expect(s.retrievedAt).toBeUndefined();
      expect(s.snapshotAsOf).toBe(meta.lastDate);
      expect(md).toContain(`离线快照（截至${meta.lastDate}）`);
    }
    expect(md).not.toContain('获取时间');
    expect(toMarkdown(en)).toMatch(/offline snapshot as of \d{4}-\d{2}-\d{2}/);
  });

  it('a live fetch is cited with its retrieval time; a snapshot load time never is', () => {
    const base = { id: 'DGS10', title: { zh: '10年期美国国债收益率', en: '10-Year Treasury yield' }, aliases: [], unit: { kind: 'percent' as const, scale: 1, label: 'Percent' }, frequency: 'daily' as const, category: 'treasury_yield' as const, source: 'fred' as const, url: 'https://fred.stlouisfed.org/series/DGS10' };
    const cite = (info: SeriesInfo): Source => {
      const w = new AnswerWriter('zh', () => info);
      w.fact({ id: 'f', value: 4.69, unit: base.unit, label: { zh: 'x', en: 'x' }, asOf: '2026-08-20', method: 'level', inputs: [{ seriesId: 'DGS10', from: '2026-08-20', to: '2026-08-20' }], sourceIds: [] });
      return w.sources[0]!;
    };
    const live = cite({ ...base, lastSyncMode: 'live', lastSyncedAt: new Date('2026-11-30T08:15:00Z'), lastDate: '2026-08-20' });
    expect(live.retrievedAt).toBe('2026-11-30T08:15:00.000Z');
    expect(referenceText(live, 'zh')).toContain('实时获取于 2026-11-30 08:15 UTC');
    expect(referenceText(live, 'en')).toContain('retrieved live at 2026-11-30 08:15 UTC');
    const snap = cite({ ...base, lastSyncMode: 'snapshot', lastSyncedAt: new Date('2026-12-02T07:00:00Z'), lastDate: '2026-08-20' });
    expect(snap.retrievedAt).toBeUndefined();
    expect(referenceText(snap, 'zh')).toContain('离线快照（截至2026-08-20）');
    expect(referenceText(snap, 'zh')).not.toContain('2026-12-02');
  });
});

describe('emphasis', () => {
  it('no bold run closes right after punctuation (CommonMark would print the asterisks)', () => {
    expect(boldBeforePunctuation('- **缩表已接近疫情前水平。**QT2期间')).toBe('- **缩表已接近疫情前水平**。QT2期间');
    // rendered, no asterisks are left over
    expect(toHtml(zh)).not.toContain('**');
  });
});
