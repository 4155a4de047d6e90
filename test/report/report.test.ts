// Deep research reports on ONE PGlite database holding the whole snapshot (cloned from the dump made by
// test/global-setup.ts): the Chinese QT report's structure, its facts against values recomputed from the raw
// snapshot files, every topic built without an unsupported number, HTML with SVG charts in Chinese, and the PDF
// (run when /usr/bin/chromium exists; required under CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/answer.ts';
import { DataAccess } from '../../src/engine/data.ts';
import { QT2_CAP_REGIMES } from '../../src/knowledge/periods.ts';
import { buildReport, exportReport, pdfUnavailable, REPORT_DISCLAIMER, toHtml, toMarkdown, type Report } from '../../src/report/index.ts';
import { POLICY_TEXTS } from '../../src/report/policy-texts.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { monthsInRegime } from '../../src/report/plans/qt.ts';
import { asOfPairs, daysBetween, diffs, extreme, fred, stdevSample, values } from '../engine/questions/raw.ts';

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const TODAY = '2026-11-24';
const QT2 = { from: '2022-06-01', to: '2025-11-30' };

let db: Database;
let qt: Report;

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  qt = await buildReport(db, '缩表', { lang: 'zh', today: TODAY });
}, 300_000);

afterAll(async () => {
  await db?.close();
});

function fact(id: string): Fact {
  const f = qt.facts.find((x) => x.id === id);
  if (!f) throw new Error(`no fact ${id}; facts: ${qt.facts.map((x) => x.id).slice(0, 40).join(', ')} …`);
  return f;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

describe('the Chinese QT report: structure', () => {
  it('has the title, the planned sections and the standard closing sections', () => {
    expect(qt.title).toBe('美联储缩表策略：风险、收益与全球市场影响');
    expect(qt.language).toBe('zh');
    expect(qt.topic).toBe('qt');
    const headings = qt.sections.map((s) => s.heading);
    // headings compared with ASCII punctuation, whatever typography the composer applies
    const ascii = (t: string) => t.replace(/：/g, ':').replace(/，/g, ',');
    for (const h of ['核心观点', '缩表是什么:机制与时间表', '缩减进度:国债与MBS对照上限', '总资产:QT1与QT2', '缩表的收益:资产负债表正常化', '准备金、隔夜逆回购与财政部账户', '危机应对能力:2023年3月银行业压力', '利率与波动率:缩表期间与其他时期', '货币市场:SOFR与IORB、常备回购便利', '全球影响:美元、新兴市场、人民币与海外持有者', '缩表结束与储备管理购买', '政策辩论:理事们怎么看资产负债表', '挑战与风险', '含义:数据说明了什么', '值得关注的数据', '核心结论']) {
      expect(headings.map(ascii)).toContain(h);
    }
    expect(qt.sections.find((s) => s.id === 'challenges')?.markdown).toMatch(/^\| 挑战 \| 数据证据 \| 依据 \|/m);
    expect(qt.sections.find((s) => s.id === 'takeaways')?.markdown.split('\n').filter((l) => l.startsWith('- ')).length).toBeGreaterThanOrEqual(4);
    expect(qt.sections.reduce((n, s) => n + s.charts.length, 0)).toBeGreaterThanOrEqual(6);
  });

  it('has the JSON shape, the disclaimer and no unsupported number', () => {
    expect(Object.keys(qt)).toEqual(expect.arrayContaining(['title', 'language', 'sections', 'facts', 'sources', 'verification', 'disclaimer', 'generatedAt', 'dataAsOf']));
    for (const s of qt.sections) expect(Object.keys(s)).toEqual(expect.arrayContaining(['heading', 'markdown', 'factIds', 'charts']));
    expect(qt.disclaimer).toBe(REPORT_DISCLAIMER.zh);
    expect(qt.disclaimer).toContain('数据基于历史，不代表未来趋势；仅供投资者参考，不构成投资建议');
    expect(qt.verification.unsupported).toEqual([]);
    expect(qt.verification.numbers).toBeGreaterThan(100);
    expect(qt.verification.supported).toBe(qt.verification.numbers);
    expect(qt.sections.map((s) => s.markdown).join('\n')).not.toContain('[未经核实]');
  });

  it('cites only sources it lists; every fact of a section exists; sources resolve to real URLs', () => {
    const ids = new Set(qt.facts.map((f) => f.id));
    for (const s of qt.sections) for (const id of s.factIds) expect(ids.has(id), id).toBe(true);
    for (const s of qt.sections) for (const m of s.markdown.matchAll(/\[(\d+)\]/g)) expect(Number(m[1])).toBeLessThanOrEqual(qt.sources.length);
    qt.sources.forEach((s, i) => expect(s.n).toBe(i + 1));
    for (const s of qt.sources) {
      expect(s.url).toMatch(/^https:\/\/(fred\.stlouisfed\.org\/series\/[A-Z0-9]+|www\.federalreserve\.gov\/|www\.newyorkfed\.org\/|fiscaldata\.treasury\.gov\/|finance\.yahoo\.com\/quote\/)/);
      expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (s.kind === 'series' && s.url.includes('fred.stlouisfed.org')) expect(s.url).toBe(`https://fred.stlouisfed.org/series/${s.seriesId}`);
    }
    // the FOMC texts behind the schedule and the end of QT
    const docs = qt.sources.filter((s) => s.kind === 'document').map((s) => `${s.date} ${s.url}`);
    expect(docs).toEqual(expect.arrayContaining(['2022-05-04 https://www.federalreserve.gov/newsevents/pressreleases/monetary20220504b.htm', '2025-10-29 https://www.federalreserve.gov/newsevents/pressreleases/monetary20251029a.htm']));
  });

  it('renders Markdown with the reference list, the disclaimer and the verification summary', () => {
    const md = toMarkdown(qt);
    expect(md.startsWith('# 美联储缩表策略')).toBe(true);
    expect(md).toContain('## 参考文献');
    for (const s of qt.sources) expect(md).toContain(`${s.n}. `);
    for (const s of qt.sources) expect(md).toContain(`<${s.url}>`);
    expect(md).toContain('## 免责声明');
    expect(md).toContain(REPORT_DISCLAIMER.zh);
    expect(md).toMatch(/## 数字核验\n\n本报告正文共含\d+个数字/);
  });
});

describe('the Chinese QT report: facts equal values recomputed from the raw snapshot files', () => {
  it('total assets (WALCL) over QT2', () => {
    const w = fred('WALCL');
    const a = w.onOrAfter(QT2.from);
    const b = w.onOrBefore(QT2.to);
    const f = fact(`WALCL:change:${a.date}:${b.date}`);
    expect(f.value).toBeCloseTo(b.value - a.value, 6);
    expect(qt.sections.map((s) => s.markdown).join('\n')).toContain(`${(Math.abs(b.value - a.value) / 1e6).toFixed(2)}万亿美元`);
  });

  it('MBS (WSHOMCB) runoff per cap regime and its share of the cap; MBS runs well below its cap', () => {
    const mbs = fred('WSHOMCB');
    const text = qt.sections.map((s) => s.markdown).join('\n');
    for (const r of QT2_CAP_REGIMES.filter((x) => x.id !== 'qt2_initial')) {
      // windows aligned to the redemption dates: the first Wednesday on or after the last day before the regime
      // and on or after its last day; the change spread over the regime's calendar months (test/report/qt.test.ts)
      const a = mbs.onOrAfter(dayBefore(r.from));
      const b = mbs.onOrAfter(r.to);
      const months = monthsInRegime(r);
      const expected = (b.value - a.value) / months;
      const f = fact(`WSHOMCB:change:${a.date}:${b.date}:per_month:${months}`);
      expect(rel(f.value, expected)).toBeLessThan(1e-9);
      const share = (-expected * 1e6) / (r.mbsCapBillions * 1e9) * 100;
      const s = qt.facts.find((x) => x.id.startsWith(`${f.id}/cap:${r.id}:mbs`))!;
      expect(rel(s.value, share)).toBeLessThan(1e-9);
      expect(share).toBeLessThan(60); // well below the cap, in every regime of the full MBS cap
      expect(text).toContain(`${Math.round(share)}%`);
    }
  });

  it('Treasury (TREAST) runoff at full pace is close to its cap', () => {
    const t = fred('TREAST');
    const r = QT2_CAP_REGIMES.find((x) => x.id === 'qt2_full')!;
    const a = t.onOrAfter(dayBefore(r.from));
    const b = t.onOrAfter(r.to);
    const f = fact(`TREAST:change:${a.date}:${b.date}:per_month:${monthsInRegime(r)}`);
    expect(rel(f.value, (b.value - a.value) / monthsInRegime(r))).toBeLessThan(1e-9);
    expect((-f.value * 1e6) / (r.treasuryCapBillions * 1e9)).toBeGreaterThan(0.9);
    expect(daysBetween(a.date, b.date)).toBeGreaterThan(600);
  });

  it('ON RRP (RRPONTSYD) peak during QT2', () => {
    const hi = extreme(fred('RRPONTSYD').window(QT2.from, QT2.to), 'max');
    const f = qt.facts.find((x) => x.id.startsWith('RRPONTSYD:max:'))!;
    expect(f.value).toBe(hi.value);
    expect(f.asOf).toBe(hi.date);
  });

  it('SOFR minus IORB: widest spread during QT2, in basis points', () => {
    const pairs = asOfPairs(fred('SOFR'), fred('IORB'), QT2.from, QT2.to).map((p) => ({ date: p.date, value: Math.round((p.s - p.d) * 100 * 1e6) / 1e6 }));
    const hi = extreme(pairs, 'max');
    const f = qt.facts.find((x) => x.id.startsWith('SOFR-IORB:bp:max:2022'))!;
    expect(f.value).toBeCloseTo(hi.value, 6);
    expect(f.asOf).toBe(hi.date);
  });

  it('10-year yield (DGS10) volatility during QT2: sample stdev of daily changes in bp', () => {
    const d = diffs(fred('DGS10').window(QT2.from, QT2.to)).map((o) => ({ ...o, value: o.value * 100 }));
    const f = qt.facts.find((x) => x.id.startsWith('DGS10:volatility:bp_changes:2022-06') && x.id.endsWith(fred('DGS10').onOrBefore(QT2.to).date))!;
    expect(rel(f.value, stdevSample(values(d)))).toBeLessThan(1e-9);
  });

  it('reserves (WRESBAL) over QT2', () => {
    const w = fred('WRESBAL');
    const a = w.onOrAfter(QT2.from);
    const b = w.onOrBefore(QT2.to);
    expect(fact(`WRESBAL:change:${a.date}:${b.date}`).value).toBeCloseTo(b.value - a.value, 6);
  });
});

describe('exports', () => {
  it('HTML is self-contained with SVG charts whose labels are Chinese, in a CJK font', () => {
    const html = toHtml(qt);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(qt.sections.reduce((n, s) => n + s.charts.length, 0));
    expect(svgs.some((s) => /<text[^>]*>[^<]*[\u4e00-\u9fff]/.test(s))).toBe(true);
    expect(svgs[0]).toContain('Noto Sans CJK SC');
    expect(html).not.toMatch(/<(script|link)\b|src="http/);
    expect(html).toContain('id="ref-1"');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain(REPORT_DISCLAIMER.zh);
  });

  const noChromium = pdfUnavailable();
  if (noChromium && process.env.CI) {
    it('PDF export (required under CI)', () => {
      throw new Error(`CI requires Chromium for the PDF test: ${noChromium}`);
    });
  } else if (noChromium) {
    console.warn(`[skip] PDF export test skipped: ${noChromium}`);
  }
  it.skipIf(Boolean(noChromium))('PDF: A4, several pages', async () => {
    const pdf = (await exportReport(qt, 'pdf')) as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
  }, 120_000);
});

describe('every topic builds with every number verified', () => {
  it.each([
    ['QT', 'en'],
    ['通胀', 'zh'],
    ['inflation', 'en'],
    ['劳动力市场', 'zh'],
    ['yield curve', 'en'],
    ['收益率曲线', 'zh'],
    ['英伟达投资研究报告', 'zh'],
    ['Apple report', 'en'],
  ] as const)('%s (%s)', async (topic, lang) => {
    const r = await buildReport(db, topic, { lang, today: TODAY });
    expect(r.verification.unsupported, JSON.stringify(r.verification.unsupported)).toEqual([]);
    expect(r.verification.numbers).toBeGreaterThan(10);
    expect(r.sections.length).toBeGreaterThanOrEqual(4);
    expect(r.disclaimer).toBe(REPORT_DISCLAIMER[lang]);
  }, 60_000);
});

describe('policy texts', () => {
  it('every quote is found verbatim in a stored document of its date', async () => {
    const data = new DataAccess(db);
    for (const [id, c] of Object.entries(POLICY_TEXTS)) {
      const doc = await data.documentWithQuote(c.date, c.quote);
      expect(doc, `${id}: "${c.quote}" on ${c.date}`).not.toBeNull();
      expect(doc!.url).toBe(c.url);
    }
  });
});
