// Small, independent readers for the RAW snapshot files (never the store, the catalog or src/analytics), and
// the arithmetic the question set uses to compute its expectations. Everything here is deliberately plain:
// split a CSV, skip empty cells, loop. If an expectation disagrees with the engine, this file is the
// reference a human can check line by line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { snapshotRoot } from '../../helpers/db.ts';

export interface Obs {
  date: string;
  value: number;
}

// ---- CSV ------------------------------------------------------------------------------------------------

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

const tables = new Map<string, { header: string[]; rows: string[][] }>();

/** A CSV file of the snapshot, relative to its root (e.g. 'fred-snapshot/WALCL.csv'). */
export function table(rel: string): { header: string[]; rows: string[][] } {
  let t = tables.get(rel);
  if (!t) {
    const all = parseCsv(readFileSync(path.join(snapshotRoot, rel), 'utf8'));
    t = { header: all[0]!, rows: all.slice(1) };
    tables.set(rel, t);
  }
  return t;
}

// ---- series -----------------------------------------------------------------------------------------------

/** Observations of one column, non-empty cells only, sorted by date. */
export class RawSeries {
  constructor(
    readonly name: string,
    readonly obs: readonly Obs[],
  ) {
    if (obs.length === 0) throw new Error(`${name}: no observations`);
    for (let i = 1; i < obs.length; i++) {
      if (obs[i]!.date <= obs[i - 1]!.date) throw new Error(`${name}: dates not strictly increasing at ${obs[i]!.date}`);
    }
  }

  first(): Obs {
    return this.obs[0]!;
  }

  last(): Obs {
    return this.obs[this.obs.length - 1]!;
  }

  /** The observation dated exactly `date` (throws when there is none). */
  at(date: string): Obs {
    const o = this.obs.find((x) => x.date === date);
    if (!o) throw new Error(`${this.name}: no observation on ${date}`);
    return o;
  }

  has(date: string): boolean {
    return this.obs.some((x) => x.date === date);
  }

  /** Last observation dated on or before `date`. */
  onOrBefore(date: string): Obs {
    let best: Obs | undefined;
    for (const o of this.obs) if (o.date <= date) best = o;
    if (!best) throw new Error(`${this.name}: nothing on or before ${date}`);
    return best;
  }

  /** First observation dated on or after `date`. */
  onOrAfter(date: string): Obs {
    const o = this.obs.find((x) => x.date >= date);
    if (!o) throw new Error(`${this.name}: nothing on or after ${date}`);
    return o;
  }

  /** Observations with from ≤ date ≤ to (either end open when undefined). */
  window(from?: string, to?: string): Obs[] {
    const w = this.obs.filter((o) => (from === undefined || o.date >= from) && (to === undefined || o.date <= to));
    if (w.length === 0) throw new Error(`${this.name}: no observations in [${from}, ${to}]`);
    return w;
  }

  /** Observations dated in calendar year `y`. */
  year(y: number): Obs[] {
    return this.window(`${y}-01-01`, `${y}-12-31`);
  }

  /** Monthly series: percent change over the same month one year earlier, at month `date` (YYYY-MM-01). */
  yoy(date: string = this.last().date): number {
    const t = this.at(date);
    const base = this.at(`${Number(date.slice(0, 4)) - 1}${date.slice(4)}`);
    return (t.value / base.value - 1) * 100;
  }
}

const seriesCache = new Map<string, RawSeries>();

function column(rel: string, dateCol: string, valueCol: string, name: string): RawSeries {
  const key = `${rel}#${valueCol}`;
  let s = seriesCache.get(key);
  if (!s) {
    const t = table(rel);
    const lower = t.header.map((h) => h.trim().toLowerCase());
    const di = lower.indexOf(dateCol.toLowerCase());
    const vi = lower.indexOf(valueCol.toLowerCase());
    if (di < 0 || vi < 0) throw new Error(`${rel}: no column ${dateCol} / ${valueCol}`);
    const obs: Obs[] = [];
    for (const r of t.rows) {
      const cell = (r[vi] ?? '').trim();
      if (cell === '') continue;
      const v = Number(cell);
      if (!Number.isFinite(v)) throw new Error(`${rel}: bad number "${cell}" on ${r[di]}`);
      obs.push({ date: r[di]!.trim().slice(0, 10), value: v });
    }
    obs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    s = new RawSeries(name, obs);
    seriesCache.set(key, s);
  }
  return s;
}

/** fred-snapshot/<ID>.csv (header `observation_date,<ID>`). */
export const fred = (id: string): RawSeries => column(`fred-snapshot/${id}.csv`, 'observation_date', id, id);
/** equities/daily/<TICKER>.csv, the close. */
export const stock = (ticker: string): RawSeries => column(`equities/daily/${ticker}.csv`, 'date', 'close', ticker);
/** markets/indices/<ID>_daily.csv (SPX, IXIC, RUT, SOX), the close. */
export const index = (id: string): RawSeries => column(`markets/indices/${id}_daily.csv`, 'date', 'close', id);
/** A column of markets/cross_asset_prices_2y.csv (Gold, BTC, DXY …). */
export const crossAsset = (col: string): RawSeries => column('markets/cross_asset_prices_2y.csv', 'date', col, col);

// ---- company statements --------------------------------------------------------------------------------------

export interface StatementRow {
  periodEnd: string;
  items: Record<string, number | undefined>;
}

/** equities/financials/<T>/<statement>_<period>.csv, one row per fiscal period, oldest first. */
export function statement(ticker: string, kind: 'income' | 'balance' | 'cashflow', period: 'annual' | 'quarterly' = 'annual'): StatementRow[] {
  const t = table(`equities/financials/${ticker}/${kind}_${period}.csv`);
  const di = t.header.indexOf('date');
  return t.rows
    .map((r) => {
      const items: Record<string, number | undefined> = {};
      t.header.forEach((h, i) => {
        if (i === di) return;
        const cell = (r[i] ?? '').trim();
        items[h] = cell === '' ? undefined : Number(cell);
      });
      return { periodEnd: r[di]!.slice(0, 10), items };
    })
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
}

/** The value of `item` in the annual income statement for each fiscal year that reports it, oldest first. */
export function annualItem(ticker: string, item: string, kind: 'income' | 'balance' | 'cashflow' = 'income'): Obs[] {
  return statement(ticker, kind)
    .filter((r) => r.items[item] !== undefined)
    .map((r) => ({ date: r.periodEnd, value: r.items[item]! }));
}

// ---- FOMC ----------------------------------------------------------------------------------------------------

export interface Decision {
  date: string;
  votesFor: number;
  votesAgainst: number;
  lower: number;
  upper: number;
  decision: 'hike' | 'cut' | 'hold';
}

/** fomc/fomc_decisions_2016_2026.csv, oldest first. */
export function decisions(): Decision[] {
  const t = table('fomc/fomc_decisions_2016_2026.csv');
  const i = (n: string) => t.header.indexOf(n);
  return t.rows
    .filter((r) => r[i('statement_type')] === 'decision')
    .map((r) => ({
      date: r[i('meeting_date')]!,
      votesFor: Number(r[i('vote_for')]),
      votesAgainst: Number(r[i('vote_against')]),
      lower: Number(r[i('target_lower')]),
      upper: Number(r[i('target_upper')]),
      decision: r[i('decision')] as Decision['decision'],
    }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

export interface Communication {
  date: string; // ISO
  title: string;
  url: string;
  body: string;
  kind: string;
}

/** fomc/fomc_communications_2020_2026.csv (date YYYYMMDD → ISO), oldest first. */
export function communications(): Communication[] {
  const t = table('fomc/fomc_communications_2020_2026.csv');
  const i = (n: string) => t.header.indexOf(n);
  return t.rows
    .map((r) => {
      const d = r[i('date')]!;
      return { date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, title: r[i('title')]!, url: r[i('url')]!, body: r[i('body')]!, kind: r[i('kind')]! };
    })
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The first communication (of `kind`, oldest first) whose body matches `re`, with the match. */
export function findCommunication(re: RegExp, kind?: string): { doc: Communication; match: RegExpExecArray } {
  for (const doc of communications()) {
    if (kind && doc.kind !== kind) continue;
    const m = re.exec(doc.body);
    if (m) return { doc, match: m };
  }
  throw new Error(`no FOMC communication matches ${re}`);
}

// ---- calendar --------------------------------------------------------------------------------------------------

export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** Same day n months later (earlier when negative), clamped to the month's length. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m0 / 12);
  const month = ((m0 % 12) + 12) % 12;
  const dim = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), dim);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Ways an answer may write a date: 2025-12-01, 2025年12月1日, December 1, 2025, Dec 1, 2025 … (for 'contains'). */
export function dateTexts(iso: string, lang: 'zh' | 'en'): string[] {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const zh = [`${y}年${m}月${d}日`, `${y}年${m}月${d}号`];
  const en = [`${MONTHS[m - 1]} ${d}, ${y}`, `${d} ${MONTHS[m - 1]} ${y}`, `${MONTHS[m - 1]!.slice(0, 3)} ${d}, ${y}`, `${MONTHS[m - 1]} ${d}`];
  return [iso, ...(lang === 'zh' ? zh : en)];
}

/** Ways to write an amount of `n` billion USD: "$60 billion", "600亿" … (for 'contains'). */
export function billionTexts(n: number, lang: 'zh' | 'en'): string[] {
  const yi = Number((n * 10).toFixed(6)); // 1 billion = 10亿
  return lang === 'zh' ? [`${yi}亿`, `${n} billion`] : [`$${n} billion`, `${n} billion`, `$${n}bn`, `$${n}B`];
}

// ---- arithmetic ---------------------------------------------------------------------------------------------------

export const values = (xs: readonly Obs[]): number[] => xs.map((o) => o.value);

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean of nothing');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (divisor n − 1), two-pass. */
export function stdevSample(xs: readonly number[]): number {
  if (xs.length < 2) throw new Error('stdev needs 2 values');
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
}

/** Sample standard deviation by Welford's one-pass method (a second method for cross-checks). */
export function stdevWelford(xs: readonly number[]): number {
  let n = 0;
  let m = 0;
  let m2 = 0;
  for (const x of xs) {
    n++;
    const d = x - m;
    m += d / n;
    m2 += d * (x - m);
  }
  return Math.sqrt(m2 / (n - 1));
}

/** Changes between consecutive observations; `date` is the later one. */
export function diffs(xs: readonly Obs[]): Obs[] {
  return xs.slice(1).map((o, i) => ({ date: o.date, value: o.value - xs[i]!.value }));
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length || xs.length < 3) throw new Error('pearson needs ≥3 pairs of equal length');
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Pairs of observations on the dates both series have, inside [from, to]. */
export function commonDates(a: RawSeries, b: RawSeries, from?: string, to?: string): Array<{ date: string; a: number; b: number }> {
  const bm = new Map(b.obs.map((o) => [o.date, o.value]));
  return a.obs
    .filter((o) => bm.has(o.date) && (from === undefined || o.date >= from) && (to === undefined || o.date <= to))
    .map((o) => ({ date: o.date, a: o.value, b: bm.get(o.date)! }));
}

/**
 * Pairs of a sparse series `s` (its dates) with the last observation of a dense series `d` on or before each
 * date, inside [from, to] — how two series of different frequencies are paired.
 */
export function asOfPairs(s: RawSeries, d: RawSeries, from?: string, to?: string): Array<{ date: string; s: number; d: number }> {
  const out: Array<{ date: string; s: number; d: number }> = [];
  let j = -1;
  for (const o of s.obs) {
    while (j + 1 < d.obs.length && d.obs[j + 1]!.date <= o.date) j++;
    if (j < 0) continue;
    if ((from !== undefined && o.date < from) || (to !== undefined && o.date > to)) continue;
    out.push({ date: o.date, s: o.value, d: d.obs[j]!.value });
  }
  return out;
}

/** Highest (or lowest) observation; ties go to the earliest date. */
export function extreme(xs: readonly Obs[], which: 'max' | 'min'): Obs {
  let best = xs[0]!;
  for (const o of xs) if (which === 'max' ? o.value > best.value : o.value < best.value) best = o;
  return best;
}

/** Largest peak-to-trough decline in percent ((trough / running peak − 1) × 100, ≤ 0), with its dates. */
export function maxDrawdown(xs: readonly Obs[]): { value: number; peak: Obs; trough: Obs } {
  let peak = xs[0]!;
  let best = { value: 0, peak: xs[0]!, trough: xs[0]! };
  for (const o of xs) {
    if (o.value > peak.value) peak = o;
    const dd = (o.value / peak.value - 1) * 100;
    if (dd < best.value) best = { value: dd, peak, trough: o };
  }
  return best;
}

/** (end / start − 1) × 100. */
export const pctChange = (start: Obs, end: Obs): number => (end.value / start.value - 1) * 100;

/** Average change per month: (end − start) / (calendar days / (365.25 / 12)). */
export function avgMonthlyChange(start: Obs, end: Obs): number {
  return (end.value - start.value) / (daysBetween(start.date, end.date) / (365.25 / 12));
}

/** Annualised volatility of daily log returns, percent: stdev(ln(p_t / p_{t−1})) × √252 × 100. */
export function annualisedVol(xs: readonly Obs[]): number {
  const r = xs.slice(1).map((o, i) => Math.log(o.value / xs[i]!.value));
  return stdevSample(r) * Math.sqrt(252) * 100;
}
