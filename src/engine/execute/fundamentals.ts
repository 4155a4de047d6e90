// Company fundamentals: every asked statement item, margin or valuation figure, in the order asked, for the
// period asked (a fiscal year, a quarter, the latest of either, TTM = the last four quarters summed), with the
// change asked (year over year, quarter over quarter, over N fiscal years, since a date). What the data lacks
// is said per item; nothing is silently dropped or replaced by another period.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import { trimNumber } from '../../core/format.ts';
import type { Bilingual, IsoDate, Unit } from '../../core/types.ts';
import { lineChart } from '../charts.ts';
import type { LoadedSeries } from '../data.ts';
import type { FundamentalAsk, FundamentalMetric, Subject } from '../plan.ts';
import type { AnswerWriter } from '../writer.ts';
import { NoAnswerError, type ExecContext } from './common.ts';

export type Item = Extract<FundamentalMetric, { kind: 'item' }>;
export type Margin = Extract<FundamentalMetric, { kind: 'margin' }>;
export type Valuation = Extract<FundamentalMetric, { kind: 'valuation' }>;
export type Pt = { date: IsoDate; value: number };
export type Period = 'annual' | 'quarterly';

const QUARTER_DAYS = [80, 100] as const;
const near = (a: IsoDate, b: IsoDate, days: number) => Math.abs(A.daysBetween(a, b)) <= days;
const CN_Q = ['一', '二', '三', '四'];
const EN_Q = ['first', 'second', 'third', 'fourth'];

/** Flow items are summed over four quarters for TTM; balance-sheet items are levels at a date and are not. */
const isFlow = (m: FundamentalMetric) => m.kind === 'margin' || (m.kind === 'item' && m.statement !== 'balance');

/** A company's fiscal calendar, read from the end dates of its annual statements. */
export class FiscalCalendar {
  constructor(private readonly endMonth: number | null) {}
  static from(annual: readonly Pt[]): FiscalCalendar {
    const last = annual.at(-1);
    return new FiscalCalendar(last ? Number(last.date.slice(5, 7)) : null);
  }
  /** The fiscal year a period ending on `d` belongs to: the calendar year in which that fiscal year ends. */
  fiscalYear(d: IsoDate): number {
    const y = Number(d.slice(0, 4));
    if (this.endMonth === null) return y;
    return Number(d.slice(5, 7)) <= this.endMonth ? y : y + 1;
  }
  /** The fiscal quarter (1–4) of a quarter ending on `d`, or null when the months do not line up. */
  fiscalQuarter(d: IsoDate): number | null {
    if (this.endMonth === null) return null;
    const k = (Number(d.slice(5, 7)) - this.endMonth + 12) % 12;
    return k % 3 === 0 ? (k === 0 ? 4 : k / 3) : null;
  }
}

/** Names of periods, for sentences (with days) and for messages about what is missing (years only). */
class Periods {
  constructor(
    private readonly w: AnswerWriter,
    private readonly cal: FiscalCalendar,
  ) {}
  name(d: IsoDate, period: Period | 'ttm'): string {
    const { w } = this;
    if (period === 'annual') return w.t(`${this.cal.fiscalYear(d)}财年(截至${w.date(d)})`, `fiscal year ${this.cal.fiscalYear(d)} (ended ${d})`);
    if (period === 'ttm') return w.t(`截至${w.date(d)}的十二个月`, `the twelve months to ${d}`);
    return w.t(`截至${w.date(d)}的三个月`, `the quarter ended ${d}`);
  }
  /** Without day numbers: 2025财年 / FY2025; 2026年第二季度 / the second calendar quarter of 2026. */
  short(d: IsoDate, period: Period | 'ttm'): string {
    if (period === 'annual') return this.w.t(`${this.cal.fiscalYear(d)}财年`, `FY${this.cal.fiscalYear(d)}`);
    const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3);
    return this.w.t(`${d.slice(0, 4)}年第${CN_Q[q]}季度`, `the ${EN_Q[q]} calendar quarter of ${d.slice(0, 4)}`);
  }
}

/** What the statement and valuation helpers read: the data, the writer, the company (reports call them too). */
export interface CompanyRef {
  ctx: Pick<ExecContext, 'data' | 'w'>;
  ticker: string;
  name: string;
}

interface CompanyCtx extends CompanyRef {
  ctx: ExecContext;
  periods: Periods;
  cal: FiscalCalendar;
  /** Sentences about what is missing, said after the answers. */
  missing: string[];
  /** Several companies asked: no per-company lists of recent periods; a ranking follows instead. */
  several: boolean;
  /**
   * A citation resolved at the end: registers its facts and cites them when the answer says the sentence next
   * to other answers; dropped when nothing is answered (the decline then carries no facts).
   */
  citeLater: (facts: () => Fact[]) => string;
}

const LATER = /\u0001(\d+)\u0001/g;

export async function fundamental(ctx: ExecContext): Promise<void> {
  const { w, plan, data } = ctx;
  const ask = plan.fundamental!;
  const companies = plan.subjects.filter((s): s is Extract<Subject, { type: 'company' }> => s.type === 'company');
  const missing: string[] = [];
  /** Each metric's headline fact per company, for a ranking when several companies are asked. */
  const heads: Array<Array<{ name: string; fact: Fact }>> = [];
  const later: Array<() => Fact[]> = [];
  const citeLater = (facts: () => Fact[]) => `\u0001${later.push(facts) - 1}\u0001`;
  let statements = false;
  let valuations = false;
  let estimates = false;
  for (const c of companies.slice(0, 3)) {
    const priceMeta = await data.meta(c.seriesId).catch(() => undefined);
    const name = priceMeta ? w.name(priceMeta).replace(/[((].*$/, '').replace(/ daily close$|日收盘价$/, '').trim() : c.ticker;
    const annualRevenue = await data.fundamentalSeries(c.ticker, 'income', 'Total Revenue', 'annual');
    const cal = FiscalCalendar.from(annualRevenue ? A.points(annualRevenue) : []);
    const cc: CompanyCtx = { ctx, ticker: c.ticker, name, periods: new Periods(w, cal), cal, missing, several: companies.length > 1, citeLater };
    let charted = false;
    for (const [mi, m] of ask.metrics.entries()) {
      const before = w.facts.length;
      const note = () => {
        if (w.facts.length > before) (heads[mi] ??= []).push({ name, fact: w.facts[before]! });
      };
      if (m.kind === 'price') {
        await price(cc, c.seriesId, m.label, ask);
        note();
        continue;
      }
      if (m.kind === 'unheld') {
        missing.push(w.t(`数据中没有${name}的${m.label.zh}。${HELD_ZH}`, `The data has no ${m.label.en} for ${name.replace(/\.$/, '')}. ${HELD_EN}`));
        continue;
      }
      if (m.kind === 'valuation') {
        if (await valuation(cc, m)) {
          valuations = true;
          if (m.estimate) estimates = true;
        }
        note();
        continue;
      }
      const s = await statementAnswer(cc, m, ask);
      note();
      if (s) {
        statements = true;
        if (!charted) {
          w.charts.push(lineChart([s as LoadedSeries], w.lang, undefined, undefined, []));
          charted = true;
        }
      }
    }
  }
  if (!w.facts.length) {
    const text = missing.map((m) => m.replace(LATER, ''));
    throw new NoAnswerError({ zh: text.join(''), en: text.join(' ') } as Bilingual);
  }
  // several companies: each metric ranked, from high to low, on each company's latest (or asked) period
  for (const [mi, hs] of heads.entries()) {
    if (!hs || hs.length < 2 || new Set(hs.map((h) => `${h.fact.unit.kind}:${h.fact.unit.currency ?? ''}`)).size > 1) continue;
    const m = ask.metrics[mi]!;
    const ranked = [...hs].sort((a, b) => b.fact.value - a.fact.value);
    const label = m.label;
    w.say(
      `${label.zh}从高到低：${ranked.map((h) => `${h.name}(${w.v(h.fact)})`).join('、')}${w.cite(...ranked.map((h) => h.fact))}。${new Set(hs.map((h) => h.fact.asOf)).size > 1 ? '各公司的财年或报告期截止日不同，比较的是各自对应的一期。' : ''}`,
      `${label.en}, from high to low: ${ranked.map((h) => `${h.name} (${w.v(h.fact)})`).join('; ')}${w.cite(...ranked.map((h) => h.fact))}.${new Set(hs.map((h) => h.fact.asOf)).size > 1 ? ' The companies’ fiscal periods end on different dates; each is compared on its own period.' : ''}`,
    );
  }
  for (const m of missing) {
    const text = m.replace(LATER, (_, i: string) => w.cite(...later[Number(i)]!()));
    w.say(text, text);
  }
  if (estimates) w.say('远期市盈率以分析师对未来盈利的预测为分母，是数据供应商汇总的估计值，不是已发生的数据，也不是对未来的判断。', "Forward P/E divides the price by analysts' forecasts of future earnings: it is the vendor's estimate, not reported data and not a statement about the future.");
  if (valuations) w.say('估值数据是 Yahoo Finance 的快照(经 GitHub 仓库 JohnAprek/us-stock-monitor 保存)，不是经审计的数据；股价变化后这些比率也会变化。', 'Valuation figures are a Yahoo Finance snapshot (saved by the GitHub repository JohnAprek/us-stock-monitor), not audited data; the ratios move with the share price.');
  if (statements) w.say('财务数据来自公司报表的汇总数据(雅虎财经)，以公司向SEC提交的文件为准。', 'Statement figures are Yahoo Finance summaries of company filings; the SEC filings are authoritative.');
}

const HELD_ZH = '估值快照中有：市值、市盈率(TTM)、远期市盈率(估计值)、市净率、企业价值/EBITDA、股息率、净资产收益率、债务/股东权益、贝塔；财务报表中有营收、利润、现金流和资产负债表项目。';
const HELD_EN = 'The valuation snapshot holds market cap, trailing P/E, forward P/E (an estimate), price-to-book, EV/EBITDA, dividend yield, ROE, debt-to-equity and beta; the statements hold revenue, profits, cash flows and balance-sheet items.';

// ---- share price -----------------------------------------------------------------------------------------------------

/** The daily close: the latest, or the last one on or before the end of the period asked. */
async function price(cc: CompanyCtx, seriesId: string, label: Bilingual, ask: FundamentalAsk): Promise<void> {
  const { w, data } = cc.ctx;
  const s = await data.series(seriesId).catch(() => null);
  const pts = s ? A.points(s) : [];
  if (!s || !pts.length) {
    cc.missing.push(w.t(`数据中没有${cc.name}的股价。`, `The data has no share price for ${cc.name}.`));
    return;
  }
  const t = ask.target;
  const end = t.kind === 'ending' && t.to < pts.at(-1)!.date ? t.to : null;
  if (end && end < pts[0]!.date) {
    cc.missing.push(w.t(`数据中${cc.name}的股价从${w.date(pts[0]!.date)}开始，没有所问时期的收盘价。`, `The data's share prices for ${cc.name} start on ${pts[0]!.date}, after the period asked.`));
    return;
  }
  const f = w.fact(end ? A.valueOn(s, end) : A.latest(s));
  w.say(`${cc.name}${label.zh}：${w.date(f.asOf)}为${w.v(f)}${w.cite(f)}。`, `${cc.name}'s ${label.en} was ${w.v(f)} on ${f.asOf}${w.cite(f)}.`);
}

// ---- valuation snapshot ------------------------------------------------------------------------------------------

/** A figure of the valuation snapshot as a fact (fractions in percent), registered with the ticker's quote page. */
export function valuationFact(cc: CompanyRef, m: Valuation, snap: { asOf: IsoDate; sourceUrl: string }, raw: number): Fact {
  const unit: Unit = m.unit === 'usd' ? { kind: 'currency', scale: 1, currency: 'USD', label: 'U.S. Dollars' } : m.unit === 'price' ? { kind: 'price', scale: 1, currency: 'USD', label: 'USD per share' } : m.unit === 'percent' || m.unit === 'fraction' ? A.PERCENT : A.RATIO;
  const value = m.unit === 'fraction' ? raw * 100 : raw;
  const id = `${cc.ticker}:${m.item}:snapshot`;
  const fact: Fact = {
    id: `${id}:${snap.asOf}`,
    value,
    unit,
    label: { zh: `${cc.name}${m.label.zh}(Yahoo Finance 快照，${snap.asOf}${m.estimate ? ',估计值' : ''})`, en: `${cc.name} ${m.label.en} (Yahoo Finance snapshot, ${snap.asOf}${m.estimate ? ', estimate' : ''})` },
    asOf: snap.asOf,
    method: 'level',
    methodDetail: `Yahoo Finance info field ${m.item} = ${raw}${m.unit === 'fraction' ? ' (a fraction; × 100 to percent)' : ''} in ${snap.sourceUrl} (snapshot as of ${snap.asOf})`,
    seriesId: id,
    inputs: [{ seriesId: id, from: snap.asOf, to: snap.asOf, observations: 1 }],
    sourceIds: [],
  };
  return cc.ctx.w.factWithSource(fact, {
    kind: 'series',
    title: cc.ctx.w.t(`${cc.name}估值快照(Yahoo Finance,${cc.ctx.w.date(snap.asOf)})`, `${cc.name} valuation snapshot (Yahoo Finance, ${snap.asOf})`),
    publisher: cc.ctx.w.t('雅虎财经(yfinance 数据，经 GitHub 仓库 JohnAprek/us-stock-monitor 保存)', 'Yahoo Finance (yfinance data saved by the GitHub repository JohnAprek/us-stock-monitor)'),
    url: `https://finance.yahoo.com/quote/${cc.ticker.replace(/\./g, '-')}/key-statistics`,
    date: snap.asOf,
  });
}

async function valuation(cc: CompanyCtx, m: Valuation): Promise<boolean> {
  const { w, data } = cc.ctx;
  const snap = await data.valuation(cc.ticker);
  if (!snap) {
    cc.missing.push(
      w.t(
        `估值快照(Yahoo Finance 数据)中没有${cc.name}的数据，因此无法给出其${m.label.zh}；可以问${cc.name}的财务报表数据或股价。`,
        `The valuation snapshot (Yahoo Finance data) has no row for ${cc.name}, so its ${m.label.en} is not available; its statements and share price are.`,
      ),
    );
    return false;
  }
  const raw = snap.values.get(m.item);
  if (raw === undefined) {
    cc.missing.push(w.t(`估值快照中${cc.name}的${m.label.zh}一栏为空，数据中没有这一数值。`, `The valuation snapshot's ${m.label.en} field is empty for ${cc.name}; the data has no such figure.`));
    return false;
  }
  const f = valuationFact(cc, m, snap, raw);
  const v = m.unit === 'multiple' ? w.t(`${w.v(f)}倍`, `${w.v(f)}x`) : w.v(f);
  w.say(
    `据 Yahoo Finance 在${w.date(snap.asOf)}的快照，${cc.name}的${m.label.zh}为${v}${m.estimate ? '(基于分析师预测的估计值)' : ''}${w.cite(f)}。`,
    `According to the Yahoo Finance snapshot of ${snap.asOf}, ${cc.name}'s ${m.label.en} was ${v}${m.estimate ? " (an estimate based on analysts' forecasts)" : ''}${w.cite(f)}.`,
  );
  return true;
}

// ---- statements ----------------------------------------------------------------------------------------------------

/** Cash-flow items the statement records as negative numbers (money paid out): written and compared by size. */
const OUTFLOWS = new Set(['Capital Expenditure', 'Repurchase Of Capital Stock', 'Cash Dividends Paid', 'Common Stock Dividend Paid']);

/** An amount for a sentence: an outflow by its size (the sentence says it is an outflow), anything else as is. */
const amt = (w: AnswerWriter, v: View, f: Fact) => (v.outflow && f.unit.kind === 'currency' ? w.abs(f) : w.v(f));

/** One metric's values per period: a statement item, or a margin computed on the dates both items report. */
export interface View {
  /** A cash outflow stored as a negative number (capital expenditure, buybacks, dividends paid). */
  outflow?: boolean;
  label: Bilingual;
  unit: Unit;
  seriesId: string;
  pts: Pt[];
  /** Numerator and denominator points by date (margins), for TTM and lineage. */
  parts?: { num: Map<IsoDate, number>; den: Map<IsoDate, number>; numId: string; denId: string };
  series: A.SeriesData;
}

export async function view(cc: CompanyRef, m: Item | Margin, period: Period): Promise<View | null> {
  const { data } = cc.ctx;
  const label = m.label;
  if (m.kind === 'item') {
    const s = await data.fundamentalSeries(cc.ticker, m.statement, m.item, period);
    if (!s || !A.points(s).length) return null;
    const titled = { ...s, meta: { ...s.meta, title: { zh: `${cc.name}${label.zh}`, en: `${cc.name} ${label.en}` } } };
    const outflow = m.statement === 'cashflow' && OUTFLOWS.has(m.item);
    return { label, unit: s.meta.unit, seriesId: s.meta.id, pts: A.points(s).map((p) => ({ date: p.date, value: p.value })), series: titled, ...(outflow ? { outflow } : {}) };
  }
  const [num, den] = await Promise.all([data.fundamentalSeries(cc.ticker, 'income', m.numerator, period), data.fundamentalSeries(cc.ticker, 'income', m.denominator, period)]);
  if (!num || !den) return null;
  const n = new Map(A.points(num).map((p) => [p.date, p.value]));
  const d = new Map(A.points(den).map((p) => [p.date, p.value]));
  const pts = [...n.keys()].filter((k) => d.has(k) && d.get(k) !== 0).sort().map((k) => ({ date: k, value: (n.get(k)! / d.get(k)!) * 100 }));
  if (!pts.length) return null;
  const seriesId = `${cc.ticker}:${m.numerator}/${m.denominator}:${period}`;
  const series: A.SeriesData = {
    meta: { ...num.meta, id: seriesId, title: { zh: `${cc.name}${label.zh}`, en: `${cc.name} ${label.en}` }, unit: A.PERCENT },
    observations: pts,
  };
  return { label, unit: A.PERCENT, seriesId, pts, parts: { num: n, den: d, numId: num.meta.id, denId: den.meta.id }, series };
}

function inputsOf(v: View, dates: IsoDate[]): Fact['inputs'] {
  const from = dates.reduce((a, b) => (a < b ? a : b));
  const to = dates.reduce((a, b) => (a > b ? a : b));
  if (v.parts) return [v.parts.numId, v.parts.denId].map((seriesId) => ({ seriesId, from, to, observations: dates.length }));
  return [{ seriesId: v.seriesId, from, to, observations: dates.length }];
}

export function pointFact(cc: Pick<CompanyRef, 'name'>, v: View, p: Pt, period: Period): Fact {
  return {
    id: `${v.seriesId}:value:${p.date}`,
    value: p.value,
    unit: v.unit,
    label: { zh: `${cc.name}${v.label.zh}(截至${p.date}的${period === 'annual' ? '财年' : '季度'})`, en: `${cc.name} ${v.label.en}, ${period === 'annual' ? 'fiscal year' : 'quarter'} ended ${p.date}` },
    asOf: p.date,
    method: v.parts ? 'ratio' : 'value_on_date',
    methodDetail: v.parts ? `${v.parts.numId} / ${v.parts.denId} × 100 for the period ended ${p.date}` : `reported value for the ${period === 'annual' ? 'fiscal year' : 'quarter'} ended ${p.date}`,
    seriesId: v.seriesId,
    inputs: inputsOf(v, [p.date]),
    sourceIds: [],
  };
}

/** The last four quarters up to `end`, one quarter apart; null when the data does not have four such quarters. */
function lastFour(pts: Pt[], end: IsoDate): Pt[] | null {
  const upTo = pts.filter((p) => p.date <= end);
  const four = upTo.slice(-4);
  if (four.length < 4) return null;
  for (let i = 1; i < 4; i++) {
    const gap = A.daysBetween(four[i - 1]!.date, four[i]!.date);
    if (gap < QUARTER_DAYS[0] || gap > QUARTER_DAYS[1]) return null;
  }
  return four;
}

/** The sum of several quarters (上半年, 前三季度): a flow item summed, a margin as sum over sum. */
function sumFact(cc: CompanyCtx, v: View, xs: Pt[], what: string): Fact {
  const dates = xs.map((p) => p.date);
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const value = v.parts ? (A.exactSum(dates.map((d) => v.parts!.num.get(d)!)) / A.exactSum(dates.map((d) => v.parts!.den.get(d)!))) * 100 : A.exactSum(xs.map((p) => p.value));
  return {
    id: `${v.seriesId}:sum:${from}:${to}`,
    value,
    unit: v.unit,
    label: { zh: `${cc.name}${v.label.zh}(${what}，${from}至${to}的${xs.length}个季度)`, en: `${cc.name} ${v.label.en}, ${what} (${xs.length} quarters ${from} to ${to})` },
    asOf: to,
    period: { from, to },
    method: v.parts ? 'ratio' : 'sum',
    methodDetail: v.parts ? `sum of ${v.parts.numId} / sum of ${v.parts.denId} × 100 over the quarters ended ${dates.join(', ')}` : `sum of the quarters ended ${dates.join(', ')}`,
    seriesId: v.seriesId,
    inputs: inputsOf(v, dates),
    sourceIds: [],
  };
}

function ttmFact(cc: CompanyCtx, v: View, four: Pt[]): Fact {
  const dates = four.map((p) => p.date);
  const from = dates[0]!;
  const to = dates[3]!;
  let value: number;
  let detail: string;
  if (v.parts) {
    const num = A.exactSum(dates.map((d) => v.parts!.num.get(d)!));
    const den = A.exactSum(dates.map((d) => v.parts!.den.get(d)!));
    value = (num / den) * 100;
    detail = `sum of ${v.parts.numId} over the quarters ended ${dates.join(', ')} / sum of ${v.parts.denId} over the same quarters × 100`;
  } else {
    value = A.exactSum(four.map((p) => p.value));
    detail = `sum of the four quarters ended ${dates.join(', ')} (trailing twelve months)`;
  }
  return {
    id: `${v.seriesId}:ttm:${to}`,
    value,
    unit: v.unit,
    label: { zh: `${cc.name}${v.label.zh}(TTM,截至${to}的四个季度)`, en: `${cc.name} ${v.label.en}, TTM (four quarters to ${to})` },
    asOf: to,
    period: { from, to },
    method: v.parts ? 'ratio' : 'sum',
    methodDetail: detail,
    seriesId: v.seriesId,
    inputs: inputsOf(v, dates),
    sourceIds: [],
  };
}

/** A change from `a` to `b`: a percent change for amounts, a difference in percentage points for margins. */
export function changeFact(cc: Pick<CompanyRef, 'name'>, v: View, a: Fact, b: Fact, what: Bilingual): Fact | null {
  const base = { asOf: b.asOf, period: { from: a.asOf, to: b.asOf }, seriesId: v.seriesId, inputs: [...a.inputs, ...b.inputs], sourceIds: [] };
  if (v.parts) {
    return {
      ...base,
      id: `${v.seriesId}:change:${a.asOf}:${b.asOf}`,
      value: A.exactDiff(b.value, a.value),
      unit: A.PERCENTAGE_POINTS,
      label: { zh: `${cc.name}${v.label.zh}${what.zh}变化(百分点)`, en: `${cc.name} ${v.label.en}, ${what.en} change (percentage points)` },
      method: 'change',
      methodDetail: `${b.id} − ${a.id}`,
    };
  }
  // outflows (negative by convention) change by their size; otherwise a percent change from zero or a negative base means nothing
  const [x, y] = v.outflow && a.value < 0 && b.value <= 0 ? [-a.value, -b.value] : [a.value, b.value];
  if (!(x > 0)) return null;
  return {
    ...base,
    id: `${v.seriesId}:pct:${a.asOf}:${b.asOf}`,
    value: (y / x - 1) * 100,
    unit: A.PERCENT,
    label: { zh: `${cc.name}${v.label.zh}${what.zh}变化率`, en: `${cc.name} ${v.label.en}, ${what.en} percent change` },
    method: 'percent_change',
    methodDetail: v.outflow ? `(|${b.id}| / |${a.id}| − 1) × 100 (cash outflows compared by size)` : `(${b.id} / ${a.id} − 1) × 100`,
  };
}

export function source(cc: CompanyRef, period: Period) {
  const { w } = cc.ctx;
  return {
    kind: 'series' as const,
    title: w.t(`${cc.name}财务报表(${period === 'annual' ? '年度' : '季度'})`, `${cc.name} financial statements (${period})`),
    publisher: w.t('雅虎财经(公司财报数据)', 'Yahoo Finance (company filings data)'),
    url: `https://finance.yahoo.com/quote/${cc.ticker.replace(/\./g, '-')}/financials`,
  };
}

/** Answer one statement item or margin; returns the series charted, or null when it was missing (said). */
async function statementAnswer(cc: CompanyCtx, m: Item | Margin, ask: FundamentalAsk): Promise<A.SeriesData | null> {
  const { w } = cc.ctx;
  const ttm = ask.period === 'ttm';
  const flow = isFlow(m);
  // TTM of a balance-sheet item: the latest quarter-end level (not summed)
  const period: Period = ask.period === 'annual' ? 'annual' : 'quarterly';
  const v = await view(cc, m, period);
  const kindWord = w.t(period === 'annual' ? '年度' : '季度', period === 'annual' ? 'annual' : 'quarterly');
  if (!v) {
    cc.missing.push(w.t(`数据中没有${cc.name}的${kindWord}${m.label.zh}数据。`, `The data has no ${kindWord} ${m.label.en} for ${cc.name}.`));
    return null;
  }
  const src = source(cc, period);
  const reg = (f: Fact) => w.factWithSource(f, { ...src, date: f.asOf });
  const P = cc.periods;
  const first = v.pts[0]!;
  const last = v.pts.at(-1)!;
  const ends = cc.citeLater(() => [reg(pointFact(cc, v, first, period)), reg(pointFact(cc, v, last, period))]);
  const range = w.t(`(数据中${cc.name}的${kindWord}${v.label.zh}从${P.short(first.date, period)}到${P.short(last.date, period)}${ends})`, ` (the data has ${cc.name}'s ${kindWord} ${v.label.en} from ${P.short(first.date, period)} to ${P.short(last.date, period)}${ends})`);

  // the period asked
  let target: Pt | undefined;
  const t = ask.target;
  if (t.kind === 'latest') target = last;
  else if (t.kind === 'ending') target = v.pts.filter((p) => p.date >= t.from && p.date <= t.to).at(-1);
  else target = v.pts.find((p) => cc.cal.fiscalYear(p.date) === t.fiscalYear && cc.cal.fiscalQuarter(p.date) === t.quarter);
  if (!target) {
    const asked = t.kind === 'ending' ? w.t(t.label.zh, t.label.en) : t.kind === 'fiscal_quarter' ? w.t(`${t.fiscalYear}财年第${CN_Q[t.quarter - 1]}财季`, `fiscal Q${t.quarter} ${t.fiscalYear}`) : '';
    const hint = period === 'annual' ? w.t('可以问最近一个季度或TTM(最近四个季度)的数据。', 'The latest quarter or the trailing twelve months can be asked instead.') : '';
    cc.missing.push(w.t(`数据中没有${cc.name}${asked}的${kindWord}${v.label.zh}${range}。${hint}`, `The data has no ${kindWord} ${v.label.en} of ${cc.name} for ${asked}${range}.${hint ? ` ${hint}` : ''}`));
    return null;
  }
  const lossWord = m.kind === 'item' && m.item === 'Operating Income' ? { zh: '营业亏损', en: 'an operating loss' } : { zh: '净亏损', en: 'a net loss' };
  const asksLoss = m.kind === 'item' && m.loss === true;

  // several quarters summed (上半年, 前三季度, H1): every quarter ending in the range must be there
  if (ask.aggregate === 'sum' && t.kind === 'ending' && flow) {
    const quarters = Math.round((Number(t.to.slice(5, 7)) - Number(t.from.slice(5, 7)) + 1) / 3) + 12 * (Number(t.to.slice(0, 4)) - Number(t.from.slice(0, 4))) / 3;
    const pick = (from: IsoDate, to: IsoDate) => {
      const xs = v.pts.filter((p) => p.date >= from && p.date <= to);
      const ok = xs.length === quarters && xs.every((p, i) => i === 0 || near(A.addMonths(xs[i - 1]!.date, 3), p.date, 20));
      return ok ? xs : null;
    };
    const xs = pick(t.from, t.to);
    const label = w.t(t.label.zh, t.label.en);
    if (!xs) {
      cc.missing.push(w.t(`数据中没有${cc.name}${label}全部${quarters}个季度的${v.label.zh}，无法合计${range}。`, `The data does not have all ${quarters} quarters of ${cc.name}'s ${v.label.en} for ${label}, so they cannot be summed${range}.`));
      return null;
    }
    w.params.push(quarters);
    const total = reg(sumFact(cc, v, xs, label));
    let said = false;
    if (ask.change === 'yoy') {
      const prev = pick(A.addMonths(t.from, -12), A.addMonths(t.to, -12));
      if (prev) {
        const before = sumFact(cc, v, prev, w.t(`上一年同期`, 'the same quarters a year earlier'));
        const g = changeFact(cc, v, before, total, { zh: '同比', en: 'year-over-year' });
        if (g) {
          const gr = reg(g);
          const b = reg(before);
          w.say(
            `${cc.name}${v.label.zh}：截至${w.date(xs.at(-1)!.date)}的${quarters}个季度合计${amt(w, v, total)}，截至${w.date(prev.at(-1)!.date)}的${quarters}个季度合计${amt(w, v, b)}，同比${verbZh(gr)}${w.cite(gr, total, b)}。`,
            `${cc.name}'s ${v.label.en}: ${amt(w, v, total)} over the ${quarters} quarters to ${xs.at(-1)!.date}, ${amt(w, v, b)} over the ${quarters} quarters to ${prev.at(-1)!.date}, ${verbEn(gr)} year over year${w.cite(gr, total, b)}.`,
          );
          said = true;
        }
      } else cc.missing.push(w.t(`数据中没有上一年同期的${quarters}个季度，无法计算${cc.name}${v.label.zh}的同比${range}。`, `The data does not have the same ${quarters} quarters a year earlier, so the year-over-year change of ${cc.name}'s ${v.label.en} cannot be computed${range}.`));
    }
    if (!said) {
      w.say(
        `${cc.name}${label}(截至${w.date(xs.at(-1)!.date)}的${quarters}个季度合计)${v.label.zh}为${amt(w, v, total)}${w.cite(total)}。`,
        `${cc.name}'s ${v.label.en} for ${label} (the ${quarters} quarters to ${xs.at(-1)!.date} summed) was ${amt(w, v, total)}${w.cite(total)}.`,
      );
    }
    const listed = xs.map((p) => reg(pointFact(cc, v, p, 'quarterly')));
    w.say(`各季：${listed.map((f) => `${w.date(f.asOf)} ${amt(w, v, f)}`).join('，')}${w.cite(...listed)}。`, `By quarter: ${listed.map((f) => `${f.asOf} ${amt(w, v, f)}`).join(', ')}${w.cite(...listed)}.`);
    return v.series;
  }

  // TTM: the four quarters to the target, summed (flow items); a balance-sheet item is the level at the quarter end
  if (ttm && flow) {
    const four = lastFour(v.pts, target.date);
    if (!four) {
      cc.missing.push(w.t(`数据中没有截至${P.short(target.date, 'quarterly')}的连续四个季度${v.label.zh}，无法计算${cc.name}的TTM(最近十二个月)数值${range}。`, `The data does not have four consecutive quarters of ${v.label.en} to ${P.short(target.date, 'quarterly')}, so ${cc.name}'s TTM figure cannot be computed${range}.`));
      return null;
    }
    w.params.push(4, 12);
    const sum = reg(ttmFact(cc, v, four));
    let growth: Fact | null = null;
    let prevSum: Fact | null = null;
    if (ask.change === 'yoy') {
      const prevEnd = v.pts.find((p) => near(p.date, A.addMonths(target!.date, -12), 20));
      const prevFour = prevEnd ? lastFour(v.pts, prevEnd.date) : null;
      if (prevFour) {
        prevSum = ttmFact(cc, v, prevFour);
        growth = changeFact(cc, v, prevSum, sum, { zh: '同比', en: 'year-over-year' });
      } else cc.missing.push(w.t(`数据中没有再早一年的四个季度，无法计算${cc.name}TTM${v.label.zh}的同比变化${range}。`, `The data does not reach back far enough for the TTM ${v.label.en} a year earlier, so its year-over-year change cannot be computed${range}.`));
    }
    const parts = four.map((p) => pointFact(cc, v, p, 'quarterly'));
    const how = v.parts ? w.t('，按四个季度分子之和除以分母之和计算', ' (numerators summed over denominators summed)') : '';
    const ttmNote = w.t(`TTM即最近四个季度${v.parts ? '' : '之和'}${how}。`, `TTM = the last four quarters${v.parts ? '' : ' summed'}${how}.`);
    if (growth && prevSum) {
      const g = reg(growth);
      const ps = reg(prevSum);
      w.say(
        `${cc.name}${v.label.zh}(TTM)：${P.name(target.date, 'ttm')}为${amt(w, v, sum)}，${P.name(ps.asOf, 'ttm')}为${amt(w, v, ps)}，同比${verbZh(g)}${w.cite(g, sum, ps)}。${ttmNote}`,
        `${cc.name}'s ${v.label.en} (TTM): ${amt(w, v, sum)} for ${P.name(target.date, 'ttm')}, ${amt(w, v, ps)} for ${P.name(ps.asOf, 'ttm')}, ${verbEn(g)} year over year${w.cite(g, sum, ps)}. ${ttmNote}`,
      );
    } else if (asksLoss && sum.value < 0 && !v.parts) {
      w.say(`${cc.name}${P.name(target.date, 'ttm')}(TTM)合计${lossWord.zh}${w.abs(sum)}${w.cite(sum)}。${ttmNote}`, `${cc.name} posted ${lossWord.en} of ${w.abs(sum)} over ${P.name(target.date, 'ttm')} (TTM)${w.cite(sum)}. ${ttmNote}`);
    } else {
      w.say(`${cc.name}${P.name(target.date, 'ttm')}(TTM)的${v.label.zh}为${amt(w, v, sum)}${w.cite(sum)}。${ttmNote}`, `${cc.name}'s ${v.label.en} over ${P.name(target.date, 'ttm')} (TTM) was ${amt(w, v, sum)}${w.cite(sum)}. ${ttmNote}`);
    }
    const listed = parts.map(reg);
    w.say(`各季：${listed.map((f) => `${w.date(f.asOf)} ${amt(w, v, f)}`).join('，')}${w.cite(...listed)}。`, `By quarter: ${listed.map((f) => `${f.asOf} ${amt(w, v, f)}`).join(', ')}${w.cite(...listed)}.`);
    return v.series;
  }
  if (ttm && !flow) {
    w.say(`${v.label.zh}是资产负债表上的时点数，不按四个季度加总；以下为最近一个季度末的数值。`, `${v.label.en} is a balance-sheet level at a date, so it is not summed over four quarters; here is the latest quarter-end value.`);
  }

  const cur = pointFact(cc, v, target, period);
  // the comparison period
  let prev: Pt | undefined;
  let what: Bilingual = { zh: '同比', en: 'year-over-year' };
  let note = '';
  if (ask.change === 'yoy') {
    prev = v.pts.find((p) => near(p.date, A.addMonths(target!.date, -12), period === 'annual' ? 45 : 20));
    if (!prev) cc.missing.push(w.t(`数据中没有${cc.name}${P.short(target.date, period)}之前一年的${kindWord}${v.label.zh}，无法计算同比${range}。`, `The data has no ${kindWord} ${v.label.en} of ${cc.name} a year before ${P.short(target.date, period)}, so the year-over-year change cannot be computed${range}.`));
  } else if (ask.change === 'qoq') {
    what = { zh: '环比', en: 'quarter-over-quarter' };
    prev = period === 'quarterly' ? v.pts.find((p) => near(p.date, A.addMonths(target!.date, -3), 20)) : undefined;
    if (!prev) cc.missing.push(w.t(`数据中没有${cc.name}上一个季度的${v.label.zh}，无法计算环比${range}。`, `The data has no ${v.label.en} of ${cc.name} for the previous quarter, so the quarter-over-quarter change cannot be computed${range}.`));
  } else if (ask.change === 'years' && ask.years) {
    const n = ask.years;
    w.params.push(n);
    what = { zh: `${n}年`, en: `${n}-year` };
    prev = v.pts.find((p) => near(p.date, A.addMonths(target!.date, -12 * n), 45));
    if (!prev) {
      prev = v.pts[0]!.date < target.date ? v.pts[0] : undefined;
      note = w.t(
        `数据中${cc.name}的年度${v.label.zh}只回溯到${P.short(v.pts[0]!.date, period)}，不够${n}年；以下给出现有的最长区间${prev ? `(${P.short(prev.date, period)}至${P.short(target.date, period)})` : ''}。`,
        `The data's annual ${v.label.en} for ${cc.name} only reaches back to ${P.short(v.pts[0]!.date, period)}, not ${n} years; below is the longest span it has${prev ? ` (${P.short(prev.date, period)} to ${P.short(target.date, period)})` : ''}.`,
      );
      what = { zh: '区间', en: 'period' };
    }
  } else if (ask.change === 'since' && ask.since) {
    what = { zh: '区间', en: 'period' };
    prev = v.pts.find((p) => p.date >= A.addDays(ask.since!, -45) && p.date < target!.date);
    if (!prev) cc.missing.push(w.t(`数据中没有${cc.name}在该起点之后、${P.short(target.date, period)}之前的${v.label.zh}${range}。`, `The data has no ${v.label.en} of ${cc.name} between the start asked and ${P.short(target.date, period)}${range}.`));
  }

  if (prev) {
    const before = pointFact(cc, v, prev, period);
    const ch = changeFact(cc, v, before, cur, what);
    if (note) w.say(note, note);
    if (!ch) {
      // a percent change from a loss or zero is not meaningful: give the amounts and the change in amount
      const c = reg(cur);
      const b = reg(before);
      w.say(
        `${cc.name}${v.label.zh}：${P.name(prev.date, period)}为${amt(w, v, b)}，${P.name(target.date, period)}为${amt(w, v, c)}${w.cite(c, b)}；基期不是正数，百分比变化没有意义。`,
        `${cc.name}'s ${v.label.en} was ${amt(w, v, b)} in ${P.name(prev.date, period)} and ${amt(w, v, c)} in ${P.name(target.date, period)}${w.cite(c, b)}; the base is not positive, so a percent change is not meaningful.`,
      );
      return v.series;
    }
    const g = reg(ch);
    const c = reg(cur);
    const b = reg(before);
    w.say(
      `${cc.name}${v.label.zh}：${P.name(prev.date, period)}为${amt(w, v, b)}，${P.name(target.date, period)}为${amt(w, v, c)}，${what.zh === '区间' ? '' : what.zh}${verbZh(g)}${w.cite(g, c, b)}。`,
      `${cc.name}'s ${v.label.en}: ${amt(w, v, b)} in ${P.name(prev.date, period)}, ${amt(w, v, c)} in ${P.name(target.date, period)}, ${verbEn(g)}${what.en === 'period' ? '' : ` (${what.en})`}${w.cite(g, c, b)}.`,
    );
    if (ask.change === 'years' && !v.parts) {
      const yrs = Math.round(A.daysBetween(prev.date, target.date) / 365.25);
      if (yrs >= 2) {
        const cagr: Fact = {
          ...g,
          id: `${v.seriesId}:cagr:${prev.date}:${target.date}`,
          value: (Math.pow(c.value / b.value, 1 / yrs) - 1) * 100,
          label: { zh: `${cc.name}${v.label.zh}年均复合增长率`, en: `${cc.name} ${v.label.en}, compound annual growth rate` },
          method: 'annualized_growth',
          methodDetail: `((${c.id} / ${b.id})^(1/${yrs}) − 1) × 100 over ${yrs} fiscal years`,
          sourceIds: [],
        };
        const cf = reg(cagr);
        w.say(`折合年均复合增长${amt(w, v, cf)}${w.cite(cf)}。`, `That is a compound annual growth rate of ${amt(w, v, cf)}${w.cite(cf)}.`);
      }
    }
    return v.series;
  }

  const c = reg(cur);
  const isLoss = !v.parts && c.value < 0 && m.kind === 'item' && (m.item === 'Net Income' || m.item === 'Operating Income');
  if (isLoss) {
    w.say(`${cc.name}${P.name(target.date, period)}${lossWord.zh}${w.abs(c)}(${v.label.zh}为负)${w.cite(c)}。`, `${cc.name} posted ${lossWord.en} of ${w.abs(c)} in ${P.name(target.date, period)} (${v.label.en} was negative)${w.cite(c)}.`);
  } else if (asksLoss) {
    w.say(`${cc.name}${P.name(target.date, period)}没有亏损：${v.label.zh}为${amt(w, v, c)}${w.cite(c)}。`, `${cc.name} did not post a loss in ${P.name(target.date, period)}: its ${v.label.en} was ${amt(w, v, c)}${w.cite(c)}.`);
  } else {
    const out = v.outflow && c.value < 0;
    w.say(
      `${cc.name}${P.name(target.date, period)}${v.label.zh}${out ? '(现金流出)' : ''}为${amt(w, v, c)}${w.cite(c)}。`,
      `${cc.name}'s ${v.label.en} for ${P.name(target.date, period)} was ${amt(w, v, c)}${out ? ' (a cash outflow)' : ''}${w.cite(c)}.`,
    );
  }
  // recent periods, for context, when one item was asked about its latest period
  if (t.kind === 'latest' && ask.metrics.length === 1 && !cc.several) {
    const listed = v.pts.slice(-(ask.years && ask.years > 1 ? ask.years + 1 : 5)).map((p) => reg(pointFact(cc, v, p, period)));
    if (listed.length > 1) {
      w.say(
        `${cc.name}${v.label.zh}最近几期：${listed.map((f) => `${period === 'annual' ? P.short(f.asOf, period) : w.date(f.asOf)} ${amt(w, v, f)}`).join('，')}${w.cite(...listed)}。`,
        `${cc.name}'s ${v.label.en} in recent periods: ${listed.map((f) => `${f.asOf} ${amt(w, v, f)}`).join(', ')}${w.cite(...listed)}.`,
      );
    }
  }
  return v.series;
}

const pct = (g: Fact) => trimNumber(Math.abs(g.value), 2);
const verbZh = (g: Fact) => (g.unit.kind === 'percentage_points' ? `${g.value >= 0 ? '上升' : '下降'}${pct(g)}个百分点` : `${g.value >= 0 ? '增长' : '下降'}${pct(g)}%`);
const verbEn = (g: Fact) => (g.unit.kind === 'percentage_points' ? `${g.value >= 0 ? 'up' : 'down'} ${pct(g)} percentage points` : `${g.value >= 0 ? 'up' : 'down'} ${pct(g)}%`);
