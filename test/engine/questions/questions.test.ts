// The engine's evaluation set, end to end: ONE PGlite database loaded with the full offline snapshot, the engine
// with today = 2026-11-24, and every question of cases.ts as its own test. Expectations are computed from the
// raw files (raw.ts) — see the conventions at the top of cases.ts. A summary by category is printed at the end.
//
// The first block checks the expectations themselves (no engine needed): the raw readers against independent
// copies of the same series, and the arithmetic by a second method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Fact } from '../../../src/core/answer.ts';
import { catalog, getSeries } from '../../../src/data/catalog/index.ts';
import type { Engine } from '../../../src/engine/index.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES } from '../../../src/knowledge/periods.ts';
import type { Database } from '../../../src/store/db.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../../helpers/db.ts';
import { PERIODS, TODAY, type Case, type Category, type ExpectUnit, type Tolerance } from './cases.ts';
import { cases } from './index.ts';
import {
  addMonths,
  annualItem,
  crossAsset,
  decisions,
  diffs,
  extreme,
  fred,
  index,
  maxDrawdown,
  mean,
  pearson,
  RawSeries,
  stdevSample,
  stdevWelford,
  statement,
  stock,
  table,
  values,
  type Obs,
} from './raw.ts';

// ---- the expectations themselves -------------------------------------------------------------------------------

/** A column of a wide file (e.g. fred/market-base/rates.csv), non-empty cells only. */
function wideColumn(rel: string, col: string): RawSeries {
  const t = table(rel);
  const di = t.header.indexOf('date');
  const vi = t.header.indexOf(col);
  if (di < 0 || vi < 0) throw new Error(`${rel}: no column ${col}`);
  return new RawSeries(`${rel}:${col}`, t.rows.filter((r) => (r[vi] ?? '').trim() !== '').map((r) => ({ date: r[di]!.slice(0, 10), value: Number(r[vi]) })));
}

/** Values of `a` and `b` on every common date since `from` must be equal (within `tol`); returns the count. */
function agreeSince(a: RawSeries, b: RawSeries, from: string, tol = 1e-9): number {
  const bm = new Map(b.obs.map((o) => [o.date, o.value]));
  let n = 0;
  for (const o of a.obs) {
    if (o.date < from || !bm.has(o.date)) continue;
    expect(Math.abs(o.value - bm.get(o.date)!), `${a.name} vs ${b.name} on ${o.date}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(o.value)));
    n++;
  }
  return n;
}

describe('expectations: raw readers and arithmetic checked by a second method', () => {
  it('has well-formed, unique, bilingual cases (≥110, ≥ half Chinese, every category)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(110);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.filter((c) => c.lang === 'zh').length * 2).toBeGreaterThanOrEqual(cases.length);
    for (const c of cases) {
      expect(/[\u3400-\u9fff]/.test(c.q), `${c.id}: language tag`).toBe(c.lang === 'zh');
      if (c.expect.kind === 'value' && c.expect.unit === 'native') expect(getSeries(c.expect.seriesId ?? ''), `${c.id}: native needs a catalogued seriesId`).toBeDefined();
    }
    // every category of the Category type has cases
    const cats = new Set(cases.map((c) => c.category));
    expect([...cats].sort()).toEqual(['change', 'company', 'comparison', 'decline', 'extremes', 'inflation', 'level', 'policy', 'refuse', 'spread_correlation', 'statistics', 'understanding', 'value_on_date']);
  });

  it('every expectation computes to a finite number (or non-empty texts)', () => {
    for (const c of cases) {
      if (c.expect.kind === 'value') {
        expect(Number.isFinite(c.expect.value()), c.id).toBe(true);
        const asOf = c.expect.asOf?.();
        if (asOf !== undefined) expect(asOf, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else if (c.expect.kind === 'contains') {
        const texts = c.expect.texts();
        expect(texts.length, c.id).toBeGreaterThan(0);
        for (const t of texts) expect(Array.isArray(t) ? t.length > 0 && t.every((x) => x.length > 0) : t.length > 0, c.id).toBe(true);
      }
    }
  });

  it('named periods agree with src/knowledge/periods.ts', () => {
    for (const [id, p] of Object.entries(PERIODS)) {
      const np = NAMED_PERIODS.find((x) => x.id === id);
      expect(np, id).toBeDefined();
      expect({ from: np!.from, to: np!.to }).toEqual(p);
    }
    // the QT end date the policy case reads from the 2025-10-29 statement is the day after QT2's last day
    const end = cases.find((c) => c.id === 'pol-qt-end-zh')!.expect;
    expect(end.kind === 'contains' && (end.texts()[0] as string[])[0]).toBe('2025-12-01');
    expect(PERIODS.qt2.to).toBe('2025-11-30');
  });

  it('fred-snapshot files agree with the independent fred/market-base copies', () => {
    const pairs: Array<[string, string, string]> = [
      ['WALCL', 'fred/market-base/liquidity.csv', 'WALCL'],
      ['TREAST', 'fred/market-base/liquidity.csv', 'TREAST'],
      ['WSHOMCB', 'fred/market-base/liquidity.csv', 'WSHOMCB'],
      ['WRESBAL', 'fred/market-base/liquidity.csv', 'WRESBAL'],
      ['WTREGEN', 'fred/market-base/liquidity.csv', 'WTREGEN'],
      ['RRPONTSYD', 'fred/market-base/liquidity.csv', 'RRPONTSYD'],
      ['DGS10', 'fred/market-base/rates.csv', 'DGS10'],
      ['DGS2', 'fred/market-base/rates.csv', 'DGS2'],
      ['DGS30', 'fred/market-base/rates.csv', 'DGS30'],
      ['SOFR', 'fred/market-base/rates.csv', 'SOFR'],
      ['IORB', 'fred/market-base/rates.csv', 'IORB'],
      ['DFF', 'fred/market-base/rates.csv', 'DFF'],
      ['DFEDTARU', 'fred/market-base/rates.csv', 'DFEDTARU'],
      ['CPIAUCSL', 'fred/market-base/inflation.csv', 'CPI'],
      ['CPILFESL', 'fred/market-base/inflation.csv', 'CORE_CPI'],
      ['PCEPILFE', 'fred/market-base/inflation.csv', 'CORE_PCE'],
      ['UNRATE', 'fred/market-base/labor.csv', 'UNRATE'],
      ['PAYEMS', 'fred/market-base/labor.csv', 'PAYEMS'],
      ['VIXCLS', 'fred/market-base/volatility.csv', 'VIX'],
      ['BAMLH0A0HYM2', 'fred/market-base/volatility.csv', 'HY_OAS'],
    ];
    for (const [id, file, col] of pairs) {
      const a = fred(id);
      const b = wideColumn(file, col);
      expect(agreeSince(a, b, '2015-01-01'), `${id}: common dates`).toBeGreaterThan(10);
      expect(a.last(), `${id}: last observation`).toEqual(b.last());
    }
    // The 2020 high-yield peak comes from the long history file.
    expect(agreeSince(fred('BAMLH0A0HYM2'), wideColumn('fred/codex-macro-monitor/BAMLH0A0HYM2.csv', 'value'), '2019-01-01')).toBeGreaterThan(200);
  });

  it('index closes (IBKR) agree with the Yahoo copy within a cent; 2s10s equals DGS10 − DGS2', () => {
    expect(agreeSince(index('SPX'), crossAsset('SPX'), '2025-01-01', 0.01 / 1000)).toBeGreaterThan(100);
    const d10 = new Map(fred('DGS10').obs.map((o) => [o.date, o.value]));
    const d2 = new Map(fred('DGS2').obs.map((o) => [o.date, o.value]));
    let n = 0;
    for (const o of fred('T10Y2Y').window('2022-01-01')) {
      if (!d10.has(o.date) || !d2.has(o.date)) continue;
      expect(Math.abs(d10.get(o.date)! - d2.get(o.date)! - o.value), o.date).toBeLessThan(1e-9);
      n++;
    }
    expect(n).toBeGreaterThan(500);
    // … and T10Y3M equals DGS10 − DGS3MO, so the fresher computed spread is the same measure
    const d3m = new Map(fred('DGS3MO').obs.map((o) => [o.date, o.value]));
    let m = 0;
    for (const o of fred('T10Y3M').window('2022-01-01')) {
      if (!d10.has(o.date) || !d3m.has(o.date)) continue;
      expect(Math.abs(d10.get(o.date)! - d3m.get(o.date)! - o.value), o.date).toBeLessThan(1e-9);
      m++;
    }
    expect(m).toBeGreaterThan(500);
  });

  it('statistics by a second method: Welford stdev, covariance-form correlation, brute-force drawdown, Math.max extremes', () => {
    const d10 = fred('DGS10');
    const ch = values(diffs(d10.window(addMonths(d10.last().date, -12))));
    expect(stdevWelford(ch)).toBeCloseTo(stdevSample(ch), 12);
    // correlation as cov / (sd · sd), sample divisors
    const a = values(fred('DGS10').window('2023-01-01', '2023-12-31'));
    const b = values(fred('DGS2').window('2023-01-01', '2023-12-31'));
    const n = Math.min(a.length, b.length);
    const xs = a.slice(0, n);
    const ys = b.slice(0, n);
    const mx = mean(xs);
    const my = mean(ys);
    const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / (n - 1);
    expect(cov / (stdevWelford(xs) * stdevWelford(ys))).toBeCloseTo(pearson(xs, ys), 10);
    // drawdown: the worst ratio of a later close to an earlier one
    const tsla = stock('TSLA').window('2021-01-01');
    let worst = 0;
    for (let j = 0; j < tsla.length; j++) {
      let peak = -Infinity;
      for (let i = 0; i <= j; i++) peak = Math.max(peak, tsla[i]!.value);
      worst = Math.min(worst, (tsla[j]!.value / peak - 1) * 100);
    }
    expect(maxDrawdown(tsla).value).toBeCloseTo(worst, 10);
    const hy2020 = fred('BAMLH0A0HYM2').year(2020);
    expect(extreme(hy2020, 'max').value).toBe(Math.max(...values(hy2020)));
    expect(extreme(fred('MORTGAGE30US').obs, 'min').value).toBe(Math.min(...values(fred('MORTGAGE30US').obs)));
  });

  it('YoY by a second lookup (month index map) agrees', () => {
    for (const id of ['CPIAUCSL', 'CPILFESL', 'PCEPI', 'PCEPILFE']) {
      const s = fred(id);
      const byMonth = new Map(s.obs.map((o) => [Number(o.date.slice(0, 4)) * 12 + Number(o.date.slice(5, 7)), o.value]));
      const t = s.last();
      const k = Number(t.date.slice(0, 4)) * 12 + Number(t.date.slice(5, 7));
      expect(s.yoy(), id).toBeCloseTo((byMonth.get(k)! / byMonth.get(k - 12)! - 1) * 100, 12);
    }
  });

  it('fiscal-year revenue equals the sum of its four quarters (NVDA, MSFT)', () => {
    for (const t of ['NVDA', 'MSFT']) {
      const fy = annualItem(t, 'Total Revenue').at(-1)!;
      const q = statement(t, 'income', 'quarterly').filter((r) => r.periodEnd <= fy.date && r.periodEnd > addMonths(fy.date, -12));
      expect(q.length, t).toBe(4);
      expect(q.reduce((a, r) => a + r.items['Total Revenue']!, 0), t).toBe(fy.value);
    }
  });

  it('FOMC decisions agree with DFEDTARL/U the day after each meeting, and with the QT cap regimes', () => {
    const lo = fred('DFEDTARL');
    const hi = fred('DFEDTARU');
    let checked = 0;
    for (const d of decisions()) {
      if (d.date >= hi.last().date) continue;
      const next = hi.obs.find((o) => o.date > d.date)!;
      expect(hi.at(next.date).value, d.date).toBe(d.upper);
      expect(lo.at(next.date).value, d.date).toBe(d.lower);
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
    // hikes in 2022 = upward moves of the upper limit in 2022
    const ups = diffs(hi.year(2022)).filter((o: Obs) => o.value > 0).length;
    expect(decisions().filter((d) => d.date.startsWith('2022') && d.decision === 'hike').length).toBe(ups);
    // the QT caps quoted by the knowledge module are those the policy cases expect
    expect(Math.max(...QT2_CAP_REGIMES.map((r) => r.treasuryCapBillions))).toBe(60);
    expect(Math.max(...QT2_CAP_REGIMES.map((r) => r.mbsCapBillions))).toBe(35);
  });
});

// ---- the engine ------------------------------------------------------------------------------------------------------

/** The headline value in the unit the case expects, or why it cannot be read so. */
function readValue(c: Case, f: Fact, unit: ExpectUnit, seriesId: string | undefined): { value: number } | { error: string } {
  const u = f.unit;
  const want = (kind: string) => ({ error: `facts[0].unit.kind is '${u.kind}' (${u.label}), expected '${kind}' for unit '${unit}'` });
  switch (unit) {
    case 'native': {
      const meta = getSeries(seriesId ?? '');
      if (!meta) return { error: `case ${c.id}: no catalog entry for ${seriesId}` };
      if (u.kind !== meta.unit.kind) return want(meta.unit.kind);
      return { value: (f.value * u.scale) / meta.unit.scale };
    }
    case 'percent':
      return u.kind === 'percent' ? { value: f.value } : want('percent');
    case 'pp':
      return u.kind === 'percentage_points' ? { value: f.value * u.scale } : want('percentage_points');
    case 'bp':
      return u.kind === 'percentage_points' ? { value: f.value * u.scale * 100 } : want('percentage_points');
    case 'usd':
      return u.kind === 'currency' ? { value: f.value * u.scale } : want('currency');
    case 'ratio':
      return u.kind === 'ratio' ? { value: f.value } : want('ratio');
    case 'count':
      return u.kind === 'count' ? { value: f.value * u.scale } : want('count');
  }
}

function within(actual: number, expected: number, t: Tolerance): boolean {
  const d = Math.abs(actual - expected);
  return (t.abs !== undefined && d <= t.abs) || (t.rel !== undefined && d <= t.rel * Math.abs(expected));
}

const sameId = (a: string | undefined, b: string) => !!a && (a.toUpperCase() === b.toUpperCase() || a.toUpperCase().startsWith(`${b.toUpperCase()}:`));

/** Everything wrong with an answer to a case (empty = pass). */
function problems(c: Case, a: Answer): string[] {
  const out: string[] = [];
  if (a.language !== c.lang) out.push(`language is ${a.language}, expected ${c.lang}`);
  if (a.verification.unsupported.length) out.push(`unsupported numbers: ${JSON.stringify(a.verification.unsupported)}`);
  const e = c.expect;

  if (e.kind === 'refuse') {
    if (!a.unanswerable) out.push('answer.unanswerable is not set');
    else {
      if (!a.unanswerable.reason?.trim()) out.push('unanswerable.reason is empty');
      if (!(a.unanswerable.suggestions?.length >= 2)) out.push(`unanswerable.suggestions has ${a.unanswerable.suggestions?.length ?? 0} (< 2)`);
    }
    if (a.facts.length) out.push(`a refusal carries ${a.facts.length} fact(s)`);
    // No number in the text: drop the suggestions, the numbers the question itself contains, and years.
    let t = a.text;
    for (const s of a.unanswerable?.suggestions ?? []) t = t.split(s).join(' ');
    // dates are not quantities (a decline may give the data's range: 1962-01-02 至 2026-08-20); longer numbers first,
    // so removing "2" does not leave the "9" of "29"
    t = t.replace(/(?<!\d)(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)|(?<!\d)(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?/g, ' ');
    for (const n of [...(c.q.match(/\d+(?:\.\d+)?/g) ?? [])].sort((x, y) => y.length - x.length)) t = t.split(n).join(' ');
    t = t.replace(/\[\d+\]/g, ' ').replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, ' ');
    const digits = t.match(/\d[\d.,]*/g);
    if (digits) out.push(`the refusal text contains number(s): ${digits.join(', ')}`);
    return out;
  }

  if (a.unanswerable) out.push(`answered as unanswerable: ${a.unanswerable.reason}`);
  if (!a.text.includes('[1]')) out.push('text has no [1] citation');
  if (a.sources.length < 1) out.push('no sources');
  else if (!a.sources.some((s) => typeof s.url === 'string' && s.url.startsWith('https://'))) out.push(`no source url starts with https:// (${a.sources.map((s) => s.url).join(', ')})`);

  if (e.kind === 'contains') {
    for (const t of e.texts()) {
      const alts = Array.isArray(t) ? t : [t];
      if (!alts.some((x) => a.text.includes(x))) out.push(`text lacks ${alts.length > 1 ? `any of ${JSON.stringify(alts)}` : JSON.stringify(alts[0])}`);
    }
    return out;
  }

  const f = a.facts[0];
  if (!f) {
    out.push('no facts');
    return out;
  }
  if (f.sourceIds.length === 0 || !f.sourceIds.every((n) => a.sources.some((s) => s.n === n))) out.push(`facts[0].sourceIds ${JSON.stringify(f.sourceIds)} do not all point at sources`);
  if (e.seriesId && !sameId(f.seriesId, e.seriesId) && !f.inputs.some((i) => sameId(i.seriesId, e.seriesId!))) {
    out.push(`facts[0] is about ${f.seriesId ?? f.inputs.map((i) => i.seriesId).join('+')}, expected ${e.seriesId}`);
  }
  const got = readValue(c, f, e.unit, e.seriesId);
  const expected = e.value();
  if ('error' in got) out.push(got.error);
  else if (!within(got.value, expected, e.tolerance)) out.push(`facts[0] value ${got.value} (${f.unit.label}; method ${f.method}) ≠ expected ${expected} [${e.unit}] (tolerance ${JSON.stringify(e.tolerance)})`);
  const asOf = e.asOf?.();
  if (asOf !== undefined && f.asOf !== asOf) out.push(`facts[0].asOf ${f.asOf}, expected ${asOf}`);
  return out;
}

interface Result {
  c: Case;
  ok: boolean;
  detail: string;
}
const results: Result[] = [];

describe('engine answers the evaluation questions', () => {
  let db: Database | undefined;
  let engine: Engine | undefined;
  let setupError: unknown;

  beforeAll(async () => {
    try {
      db = await loadedSnapshotDatabase();
      // Imported here so the expectation checks above still run while the engine is being written.
      const { createEngine } = await import('../../../src/engine/index.ts');
      engine = createEngine({ db, today: TODAY });
    } catch (err) {
      setupError = err;
    }
  }, 400_000); // the full snapshot loads in ~90 s on an idle 2-core machine; allow for a loaded one

  afterAll(async () => {
    await db?.close();
    printSummary();
  });

  it.each(cases)('[$category] $id: $q', async (c) => {
    let detail = '';
    let ok = false;
    try {
      if (!engine) throw new Error(`engine unavailable: ${setupError instanceof Error ? setupError.message : String(setupError)}`);
      const answer = await engine.ask(c.q, { lang: c.lang });
      const p = problems(c, answer);
      ok = p.length === 0;
      detail = p.join('; ');
      expect(p, `${c.q}\n--- answer text ---\n${answer.text.slice(0, 800)}\n--- facts[0] ---\n${JSON.stringify(answer.facts[0] ?? null).slice(0, 600)}${c.convention ? `\n--- convention ---\n${c.convention}` : ''}`).toEqual([]);
    } catch (err) {
      if (!detail) detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      throw err;
    } finally {
      results.push({ c, ok, detail });
    }
  }, 60_000);
});

function printSummary(): void {
  if (results.length === 0) return;
  const cats = [...new Set(cases.map((c) => c.category))] as Category[];
  const row = (name: string, rs: Result[]) => {
    const pass = rs.filter((r) => r.ok).length;
    return `${name.padEnd(20)} ${String(pass).padStart(4)} / ${String(rs.length).padEnd(4)} ${rs.length ? ((100 * pass) / rs.length).toFixed(0).padStart(4) : '   -'}%`;
  };
  const lines = ['', 'fincite evaluation questions — pass rate by category', '-'.repeat(44)];
  for (const cat of cats) lines.push(row(cat, results.filter((r) => r.c.category === cat)));
  lines.push('-'.repeat(44), row('zh', results.filter((r) => r.c.lang === 'zh')), row('en', results.filter((r) => r.c.lang === 'en')), row('TOTAL', results));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    lines.push('', `failures (${failed.length}):`);
    for (const r of failed) lines.push(`  ${r.c.id} — ${r.c.q} — ${r.detail.slice(0, 240)}`);
  }
  console.log(lines.join('\n'));
}
