// The QT report as a desk note (issue 11, item 4): the corrected figures recomputed from the raw snapshot files —
// runoff per cap regime on windows aligned to the redemption dates, 10-year volatility against several
// baselines, standing-repo take-up above a materiality threshold, size relative to GDP, the Fed's share of
// marketable Treasuries, the March 2023 jump, reserve-management purchases — each cap cited to the sentence that
// sets it, and both languages complete with every number verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/answer.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES } from '../../src/knowledge/periods.ts';
import { buildReport, toMarkdown, type Report } from '../../src/report/index.ts';
import { BANK_STRESS, monthsInRegime, SRF_MATERIAL_BILLIONS, VOLATILITY_BASELINES } from '../../src/report/plans/qt.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { diffs, extreme, fred, stdevSample, table, values, type Obs } from '../engine/questions/raw.ts';

const TODAY = '2026-11-24';
const QT1 = NAMED_PERIODS.find((p) => p.id === 'qt1')!;
const QT2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
const HIKES = NAMED_PERIODS.find((p) => p.id === 'hikes_2022')!;

let db: Database;
let zh: Report;
let en: Report;

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  zh = await buildReport(db, '缩表', { lang: 'zh', today: TODAY });
  en = await buildReport(db, 'QT', { lang: 'en', today: TODAY });
}, 300_000);

afterAll(async () => {
  await db?.close();
});

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));
const text = (r: Report) => r.sections.map((s) => s.markdown).join('\n');
/** Headings compared with ASCII punctuation, whatever typography the composer applies. */
const ascii = (t: string) => t.replace(/：/g, ':').replace(/，/g, ',');
const section = (r: Report, heading: string) => {
  const s = r.sections.find((x) => ascii(x.heading) === heading);
  if (!s) throw new Error(`no section "${heading}"; sections: ${r.sections.map((x) => x.heading).join(' | ')}`);
  return s.markdown;
};
function fact(r: Report, id: string): Fact {
  const f = r.facts.find((x) => x.id === id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
}
function factStarting(r: Report, prefix: string): Fact {
  const f = r.facts.find((x) => x.id.startsWith(prefix));
  if (!f) throw new Error(`no fact starting ${prefix}`);
  return f;
}
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const pct = (v: number, decimals: number) => `${Number(v.toFixed(decimals))}%`;
/** Sample stdev, in bp, of daily changes of DGS10 inside each range (no change across a gap between ranges). */
function bpVol(ranges: Array<[string, string]>): number {
  const d = ranges.flatMap(([a, b]) => diffs(fred('DGS10').window(a, b)).map((o) => o.value * 100));
  return stdevSample(d);
}

describe('runoff per cap regime, on windows aligned to the redemption dates', () => {
  const rows = QT2_CAP_REGIMES.map((r) => {
    const t = fred('TREAST');
    const m = fred('WSHOMCB');
    // the first Wednesday on or after the last day of the month before the regime, and on or after its last day
    const start = (s: typeof t) => s.onOrAfter(dayBefore(r.from));
    const end = (s: typeof t) => s.onOrAfter(r.to);
    const months = monthsInRegime(r);
    const tPerMonth = (end(t).value - start(t).value) / months;
    const mPerMonth = (end(m).value - start(m).value) / months;
    return {
      r,
      months,
      tStart: start(t),
      tEnd: end(t),
      tPerMonth,
      mPerMonth,
      tShare: ((-tPerMonth * 1e6) / (r.treasuryCapBillions * 1e9)) * 100,
      mShare: ((-mPerMonth * 1e6) / (r.mbsCapBillions * 1e9)) * 100,
      mStart: start(m),
      mEnd: end(m),
    };
  });

  it('counts the calendar months of each regime (by hand: 3, 21 = 4 + 12 + 5, 10 = 7 + 3, 8)', () => {
    expect(rows.map((x) => x.months)).toEqual([3, 4 + 12 + 5, 7 + 3, 8]);
  });

  it('each window holds only its own regime’s redemptions (mid-month and month-end) and windows chain', () => {
    for (const x of rows) {
      // starts after the previous regime's last month-end, before this regime's first mid-month redemption
      expect(x.tStart.date >= dayBefore(x.r.from)).toBe(true);
      expect(x.tStart.date < `${x.r.from.slice(0, 8)}15`).toBe(true);
      // ends after the regime's last month-end, before the next month's mid-month redemption
      expect(x.tEnd.date >= x.r.to).toBe(true);
      expect(Date.parse(x.tEnd.date) - Date.parse(x.r.to)).toBeLessThan(14 * 86_400_000);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.tStart.date).toBe(rows[i - 1]!.tEnd.date);
  });

  it('the report’s facts equal the raw recomputation, for Treasuries and MBS, and the table shows the shares', () => {
    const md = section(zh, '缩减进度:国债与MBS对照上限');
    for (const x of rows) {
      const tf = fact(zh, `TREAST:change:${x.tStart.date}:${x.tEnd.date}:per_month:${x.months}`);
      const mf = fact(zh, `WSHOMCB:change:${x.mStart.date}:${x.mEnd.date}:per_month:${x.months}`);
      expect(rel(tf.value, x.tPerMonth)).toBeLessThan(1e-9);
      expect(rel(mf.value, x.mPerMonth)).toBeLessThan(1e-9);
      expect(rel(fact(zh, `${tf.id}/cap:${x.r.id}:treasury:share_of_cap`).value, x.tShare)).toBeLessThan(1e-9);
      expect(rel(fact(zh, `${mf.id}/cap:${x.r.id}:mbs:share_of_cap`).value, x.mShare)).toBeLessThan(1e-9);
      expect(md).toContain(`| ${x.tStart.date} – ${x.tEnd.date} | ${x.months} |`);
      expect(md).toContain(`| ${Math.round(x.tShare)}% |`);
      console.log(`[qt] ${x.r.id}: ${x.tStart.date}→${x.tEnd.date}, ${x.months} months; Treasuries ${(x.tPerMonth / 1e3).toFixed(2)} bn/month = ${x.tShare.toFixed(1)}% of $${x.r.treasuryCapBillions} bn; MBS ${(x.mPerMonth / 1e3).toFixed(2)} bn/month = ${x.mShare.toFixed(1)}% of $${x.r.mbsCapBillions} bn`);
    }
  });

  it('the explanation matches the figures: it names exactly the regimes below 95 % and those above 100 %', () => {
    const md = section(zh, '缩减进度:国债与MBS对照上限');
    const names: Record<string, string> = { qt2_initial: '起步期', qt2_full: '全速期', qt2_slowed_2024: '第一次放缓', qt2_slowed_2025: '第二次放缓' };
    for (const x of rows) {
      const named = md.includes(`${names[x.r.id]}国债占上限${Math.round(x.tShare)}%`);
      expect(named, x.r.id).toBe(x.tShare < 95);
    }
    const over = rows.filter((x) => x.tShare > 100);
    expect(md.includes('没有一个阶段的国债缩减超过上限')).toBe(over.length === 0);
    // the old explanation of over-cap runoff is gone when nothing is over the cap
    if (over.length === 0) expect(text(en)).not.toMatch(/fell slightly faster than the cap/);
  });
});

describe('every cap is cited to the sentence that sets it', () => {
  it.each(QT2_CAP_REGIMES.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    for (const [kind, cap, cite] of [['treasury', r.treasuryCapBillions, r.caps.treasury], ['mbs', r.mbsCapBillions, r.caps.mbs]] as const) {
      expect(cite.quote).toContain(`$${cap} billion`);
      const f = fact(zh, `cap:${r.id}:${kind}`);
      expect(f.value).toBe(cap);
      expect(f.methodDetail).toContain(cite.quote);
      // the fact's source is the document of that sentence
      const src = zh.sources.find((s) => f.sourceIds.includes(s.n) && s.kind === 'document');
      expect(src?.date, `${r.id} ${kind}`).toBe(cite.date);
      expect(src?.url).toBe(cite.url);
      expect(section(en, 'What QT is: mechanism and schedule')).toContain(`> “${cite.quote}”`);
    }
  });
});

describe('10-year volatility against several baselines', () => {
  const qt2 = bpVol([[QT2.from, QT2.to]]);
  const post = bpVol([[VOLATILITY_BASELINES.postCrisis.from, VOLATILITY_BASELINES.postCrisis.to]]);
  const volcker = bpVol([[VOLATILITY_BASELINES.volcker.from, VOLATILITY_BASELINES.volcker.to]]);
  const qt1 = bpVol([[QT1.from, QT1.to]]);
  const d = fred('DGS10');
  const outside = bpVol([[d.first().date, dayBefore(QT2.from)], [dayAfter(QT2.to), d.last().date]]);
  const hikes = bpVol([[QT2.from, HIKES.to]]);
  const afterHikes = bpVol([[dayAfter(HIKES.to), QT2.to]]);

  it('each baseline equals the raw recomputation (sample stdev of daily changes in bp)', () => {
    const id = (a: string, b: string) => `DGS10:volatility:bp_changes:${d.onOrAfter(a).date}:${d.onOrBefore(b).date}`;
    const pairs: Array<[string, number]> = [
      [id(QT2.from, QT2.to), qt2],
      [id(VOLATILITY_BASELINES.postCrisis.from, VOLATILITY_BASELINES.postCrisis.to), post],
      [id(VOLATILITY_BASELINES.volcker.from, VOLATILITY_BASELINES.volcker.to), volcker],
      [id(QT1.from, QT1.to), qt1],
      [id(QT2.from, HIKES.to), hikes],
      [id(dayAfter(HIKES.to), QT2.to), afterHikes],
    ];
    for (const [fid, v] of pairs) expect(rel(fact(zh, fid).value, v), fid).toBeLessThan(1e-9);
    // all days outside QT2: two ranges, no change taken across QT2
    expect(rel(factStarting(zh, `DGS10:volatility:bp_changes:${d.first().date}:${d.onOrBefore(dayBefore(QT2.from)).date}+`).value, outside)).toBeLessThan(1e-9);
    console.log(`[qt] 10y volatility (bp/day): QT2 ${qt2.toFixed(2)}; hikes ${hikes.toFixed(2)}; after hikes ${afterHikes.toFixed(2)}; QT1 ${qt1.toFixed(2)}; 2010–2021 ${post.toFixed(2)}; since 1962 outside QT2 ${outside.toFixed(2)}; Volcker ${volcker.toFixed(2)}`);
  });

  it('the conclusion says “higher than” and “lower than” as computed', () => {
    const thesis = section(zh, '核心观点');
    expect(thesis).toContain(`QT2的波动${qt2 > post ? '高于' : '低于'}前者、${qt2 < volcker ? '低于' : '高于'}后者`);
    const vol = section(en, 'Rates and volatility during QT and outside it');
    expect(vol).toContain(`rate volatility during QT2 was ${qt2 > post ? 'above' : 'not above'} the post-crisis norm`);
    for (const [b, words] of [[post, '2010–2021'], [qt1, 'QT1'], [volcker, 'Volcker years']] as const) {
      const clause = qt2 > b ? 'higher than' : 'lower than';
      const i = vol.indexOf(clause);
      expect(i, `${words}: ${clause}`).toBeGreaterThanOrEqual(0);
    }
    // not a single baseline: the whole history, which includes the Volcker years, is not the only comparison
    expect(vol).toContain('Volcker');
    expect(vol).toContain('2010');
  });
});

describe('standing repo facility: take-up above a materiality threshold', () => {
  const srf = fred('SRFUSAGE');
  const all = srf.obs;
  const inQt2 = srf.window(QT2.from, QT2.to);
  const material = (xs: readonly Obs[]) => xs.filter((o) => o.value >= SRF_MATERIAL_BILLIONS).length;

  it('counts days at or above $1 billion, days above zero, and the largest take-up with its date', () => {
    expect(SRF_MATERIAL_BILLIONS).toBe(1);
    expect(fact(zh, `SRFUSAGE:count:ge1:${all[0]!.date}:${srf.last().date}`).value).toBe(material(all));
    expect(fact(zh, `SRFUSAGE:count:ge1:${inQt2[0]!.date}:${inQt2.at(-1)!.date}`).value).toBe(material(inQt2));
    expect(fact(zh, `SRFUSAGE:count:gt0:${all[0]!.date}:${srf.last().date}`).value).toBe(all.filter((o) => o.value > 0).length);
    const hi = extreme(all, 'max');
    const f = fact(zh, `SRFUSAGE:max:${all[0]!.date}:${srf.last().date}`);
    expect(f.value).toBe(hi.value);
    expect(f.asOf).toBe(hi.date);
    const md = section(zh, '货币市场:SOFR与IORB、常备回购便利');
    expect(md).toContain('不低于10亿美元');
    expect(md).toContain(`达到门槛的交易日只有${material(all)}个`);
    expect(section(en, 'Money markets: SOFR against IORB and the standing repo facility')).toContain(`from $${SRF_MATERIAL_BILLIONS} billion a day`);
    console.log(`[qt] SRF: ${all.filter((o) => o.value > 0).length} days > 0, ${material(all)} days ≥ $1 bn (${material(inQt2)} in QT2), largest ${hi.value} bn on ${hi.date}`);
  });
});

describe('normalisation, crisis capacity and reserve-management purchases', () => {
  it('total assets ÷ nominal GDP of the quarter containing the date, in dollars', () => {
    const w = fred('WALCL');
    const gdp = fred('GDP');
    for (const d of ['2019-12-31', QT2.to]) {
      const a = w.onOrBefore(d);
      const q = `${a.date.slice(0, 5)}${String(Math.floor((Number(a.date.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
      const g = gdp.at(q);
      const ratio = ((a.value * 1e6) / (g.value * 1e9)) * 100;
      expect(rel(fact(zh, `WALCL:value:${a.date}/GDP:value:${q}:of_gdp`).value, ratio)).toBeLessThan(1e-9);
      expect(section(zh, '缩表的收益:资产负债表正常化')).toContain(pct(ratio, 1));
    }
  });

  it('the Fed’s share of marketable Treasury debt (MSPD month-end)', () => {
    const mspd = table('treasury/mspd.csv');
    const di = mspd.header.indexOf('record_date');
    const vi = mspd.header.indexOf('MARKETABLE_TOTAL');
    for (const monthEnd of ['2022-05-31', '2025-11-30']) {
      const debt = Number(mspd.rows.find((r) => r[di] === monthEnd)![vi]);
      const held = fred('TREAST').onOrBefore(monthEnd);
      const share = (held.value / debt) * 100;
      expect(rel(fact(zh, `TREAST:value:${held.date}/MSPD_MARKETABLE:value:${monthEnd}:fed_share`).value, share)).toBeLessThan(1e-9);
      expect(section(zh, '缩表的收益:资产负债表正常化')).toContain(pct(share, 1));
    }
  });

  it('the March 2023 jump in total assets while Treasuries kept running off', () => {
    const w = fred('WALCL');
    const before = w.at(BANK_STRESS.before);
    const peak = extreme(w.window(dayAfter(BANK_STRESS.before), BANK_STRESS.searchTo), 'max');
    const jump = fact(zh, `WALCL:change:${before.date}:${peak.date}`);
    expect(jump.value).toBeCloseTo(peak.value - before.value, 6);
    expect(jump.value).toBeGreaterThan(0);
    const t = fact(zh, `TREAST:change:${before.date}:${peak.date}`);
    expect(t.value).toBeCloseTo(fred('TREAST').at(peak.date).value - fred('TREAST').at(before.date).value, 6);
    expect(t.value).toBeLessThan(0);
    console.log(`[qt] bank stress: total assets +${((peak.value - before.value) / 1e3).toFixed(1)} bn from ${before.date} to ${peak.date}; Treasuries ${(t.value / 1e3).toFixed(1)} bn`);
  });

  it('reserve-management purchases from the NY Fed operations file (is_rmp rows)', () => {
    const ops = table('nyfed/tsy_outright_operations.csv');
    const [di, fi, ai] = ['date', 'is_rmp', 'accepted_b'].map((c) => ops.header.indexOf(c)) as [number, number, number];
    const rmp = ops.rows.filter((r) => r[fi] === 'True').map((r) => ({ date: r[di]!, value: Number(r[ai]) }));
    const sum = values(rmp).reduce((a, b) => a + b, 0);
    const dates = rmp.map((o) => o.date).sort();
    expect(fact(zh, `RMP_PURCHASES:count:gt0:${dates[0]}:${dates.at(-1)}`).value).toBe(rmp.length);
    expect(rel(fact(zh, `RMP_PURCHASES:sum:${dates[0]}:${dates.at(-1)}`).value, sum)).toBeLessThan(1e-9);
    expect(section(zh, '缩表结束与储备管理购买')).toContain(`共有${rmp.length}次储备管理购买操作`);
    console.log(`[qt] RMP: ${rmp.length} operations ${dates[0]}→${dates.at(-1)}, $${sum.toFixed(1)} bn`);
  });
});

describe('the note in both languages', () => {
  it('has a thesis first, implications and what to watch at the end, the policy debate with attributed speeches', () => {
    expect(ascii(zh.sections[0]!.heading)).toBe('核心观点');
    expect(en.sections[0]!.heading).toBe('Thesis');
    for (const r of [zh, en]) {
      const hs = r.sections.map((s) => ascii(s.heading));
      expect(hs.length).toBeGreaterThanOrEqual(16);
      expect(hs.indexOf(r.language === 'zh' ? '含义:数据说明了什么' : 'Implications: what the data show')).toBeGreaterThan(hs.indexOf(r.language === 'zh' ? '挑战与风险' : 'Challenges and risks'));
    }
    const debate = section(en, 'The policy debate: Board members on the balance sheet');
    expect(debate).toContain('smallest balance sheet possible');
    // attributed as the quotes module attributes a speech: the speaker and role its title names, and its date
    expect(debate).toMatch(/Vice Chair for Supervision Bowman said on \d+ Sep 2025: “Over the longer run/);
    expect(debate).toMatch(/Governor Miran said on \d+ Nov 2025: “But before further reductions/);
    expect(section(zh, '政策辩论:理事们怎么看资产负债表')).toMatch(/鲍曼（Michelle Bowman）在2025年9月\d+日的讲话中说/);
    const speeches = en.sources.filter((s) => s.kind === 'document' && s.url.includes('/newsevents/speech/'));
    expect(speeches.length).toBeGreaterThanOrEqual(4);
  });

  it('every number is verified in both languages and the Chinese text uses full-width punctuation', () => {
    for (const r of [zh, en]) {
      expect(r.verification.unsupported, `${r.language}: ${JSON.stringify(r.verification.unsupported)}`).toEqual([]);
      expect(r.verification.numbers).toBeGreaterThan(200);
    }
    expect(zh.sections.length).toBe(en.sections.length);
    const md = toMarkdown(zh);
    expect(md).not.toMatch(/[\u4e00-\u9fff][,;:][\u4e00-\u9fff]/);
    expect(md).not.toMatch(/[\u4e00-\u9fff]\([\u4e00-\u9fff]/);
    expect(md).toMatch(/万亿美元/);
  });
});
