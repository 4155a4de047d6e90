// The engine's evaluation questions: short, loose questions as people type them (mostly Chinese, often with no
// date or a relative one), each with its expectation COMPUTED FROM THE RAW FILES by visible code in raw.ts —
// never a hard-coded number. "Today" is 2026-11-24 (the dataset's fixed today; market data ends 2026-08).
//
// What is compared: `answer.facts[0]`, the headline fact. `unit` says how its value is read:
//   native  — the series' stored unit (WALCL millions of USD, RRPONTSYD billions, yields percent, prices …);
//             a fact in the same kind with another scale is converted (value × fact.scale / catalog scale).
//   percent — a percent change, YoY, return or volatility: fact.unit.kind 'percent'.
//   pp / bp — a spread, a change or dispersion of a rate: fact.unit.kind 'percentage_points'; value × scale
//             = percentage points (scale 1 = pp, 0.01 = bp), then ×100 for bp.
//   usd     — an amount of money in dollars: fact.unit.kind 'currency', value × scale.
//   ratio   — a correlation or plain ratio: fact.unit.kind 'ratio'.
//   count   — a count (meetings, hikes): fact.unit.kind 'count', value × scale.
//
// CONVENTIONS (the engine must follow the same; each ambiguous case also says it in `convention`):
//   - latest = the last non-empty observation of the series.
//   - value on a date = the observation on that date, else the last one before it (holidays, weekends); a
//     month/quarter/year END = the last observation on or before its last day; a month of a monthly series
//     = the observation dated the 1st of that month.
//   - changes are signed, end − start ("跌了多少" gives a negative number); % change = (end/start − 1)·100.
//   - "since <month/day>", "缩表以来": start = first observation on or after the date; end = latest.
//   - "今年 / this year / 今年以来 / since the start of Y / Y年以来": start = the last observation on or
//     before 31 Dec of the previous year (the previous year's close); end = latest. "去年 / last year" as a
//     change: last observation on or before 31 Dec of Y−1 → last on or before 31 Dec of Y.
//   - averages, extremes and stdev over a calendar year / "今年" use observations DATED in that year.
//   - trailing windows ("过去一年", "past 3 years"): the window ends at the series' last observation (for two
//     series: their last common date) and starts N months earlier (same day); observations on or after.
//   - a named period (QT1, QT2, 缩表期间, 疫情期间) = observations dated inside [from, to] of
//     src/knowledge/periods.ts (checked against PERIODS below).
//   - volatility of a yield = sample stdev of daily changes, in bp, not annualised; of a price = sample stdev of
//     daily log returns × √252, in percent.
//   - average monthly change = (end − start) / (calendar days / (365.25/12)), ends as for changes.
//   - spreads "A 和 B 差多少" = A − B on their last common date; correlations = Pearson of levels on common dates
//     (different frequencies: the sparser series' dates, the denser one's last observation on or before).
//   - extremes: ties go to the earliest date; asOf = the date of the extreme (the trough for a drawdown).
//   - comparisons of two periods / two entities: facts[0] is the FIRST-mentioned period or entity.
//   - fundamentals: the latest fiscal year in income_annual.csv that reports the item; growth = latest FY over
//     the previous FY; margin = item / Total Revenue × 100.
import {
  addMonths,
  annualItem,
  annualisedVol,
  asOfPairs,
  avgMonthlyChange,
  billionTexts,
  commonDates,
  crossAsset,
  dateTexts,
  decisions,
  diffs,
  extreme,
  findCommunication,
  fred,
  index,
  maxDrawdown,
  mean,
  pctChange,
  pearson,
  stdevSample,
  stock,
  values,
  type Obs,
  type RawSeries,
} from './raw.ts';

export type Lang = 'zh' | 'en';

export type Category =
  | 'level'
  | 'value_on_date'
  | 'change'
  | 'inflation'
  | 'statistics'
  | 'extremes'
  | 'comparison'
  | 'spread_correlation'
  | 'company'
  | 'policy'
  | 'refuse'
  /** Declined because the data does not hold what is named (an entity, a date), with what it does hold. */
  | 'decline'
  /** Several parts answered in one answer, or a misspelled name understood. */
  | 'understanding';

export type ExpectUnit = 'native' | 'percent' | 'pp' | 'bp' | 'usd' | 'ratio' | 'count';

export interface Tolerance {
  /** Relative: |actual − expected| ≤ rel · |expected|. */
  rel?: number;
  /** Absolute: |actual − expected| ≤ abs. Either bound passing is enough. */
  abs?: number;
}

export interface ValueExpect {
  kind: 'value';
  /** The series the headline fact is about (facts[0].seriesId or one of its inputs). Required for unit 'native'. */
  seriesId?: string;
  value: () => number;
  tolerance: Tolerance;
  unit: ExpectUnit;
  /** facts[0].asOf (not checked when it returns undefined). */
  asOf?: () => string | undefined;
}

export interface RefuseExpect {
  kind: 'refuse';
}

export interface ContainsExpect {
  kind: 'contains';
  /** Every element must appear in answer.text; an array element is a set of alternatives (any one). */
  texts: () => Array<string | string[]>;
}

export type Expect = ValueExpect | RefuseExpect | ContainsExpect;

export interface Case {
  id: string;
  q: string;
  lang: Lang;
  category: Category;
  expect: Expect;
  /** How an ambiguous question is read — the convention the engine must follow. */
  convention?: string;
}

// ---- fixed context ---------------------------------------------------------------------------------------------

export const TODAY = '2026-11-24';
export const YEAR = Number(TODAY.slice(0, 4));
/** The previous year's last day: the anchor of 今年 / YTD. */
export const PREV_YEAR_END = `${YEAR - 1}-12-31`;

/** Named periods, as src/knowledge/periods.ts defines them (the test checks they agree). */
export const PERIODS = {
  qt1: { from: '2017-10-01', to: '2019-07-31' },
  qt2: { from: '2022-06-01', to: '2025-11-30' },
  covid: { from: '2020-03-15', to: '2022-03-15' },
  hikes_2022: { from: '2022-03-16', to: '2023-07-26' },
} as const;
type PeriodId = keyof typeof PERIODS;

/** Stored values compared as stored. */
export const STORED: Tolerance = { rel: 1e-9, abs: 1e-12 };
/** Values computed from stored ones (changes, means, stdevs, correlations). */
export const COMPUTED: Tolerance = { rel: 1e-6, abs: 1e-9 };
export const EXACT_COUNT: Tolerance = { abs: 0 };

// ---- small builders (each case still shows its computation) -------------------------------------------------------

/** Start of a YTD change: the previous year's last observation. */
export const ytdStart = (s: RawSeries): Obs => s.onOrBefore(PREV_YEAR_END);
/** Observations of the trailing `months` window ending at the last observation. */
export const trailing = (s: RawSeries, months: number): Obs[] => s.window(addMonths(s.last().date, -months), s.last().date);
/** Observations dated inside a named period. */
export const inPeriod = (s: RawSeries, p: PeriodId): Obs[] => s.window(PERIODS[p].from, PERIODS[p].to);
/** Average monthly change over a named period: first obs on/after `from` → last on/before `to`. */
export const periodPace = (s: RawSeries, p: PeriodId): { value: number; end: Obs } => {
  const start = s.onOrAfter(PERIODS[p].from);
  const end = s.onOrBefore(PERIODS[p].to);
  return { value: avgMonthlyChange(start, end), end };
};
/** Sample stdev of consecutive changes, in bp (yields in percent). */
export const bpVol = (xs: Obs[]): number => stdevSample(values(diffs(xs))) * 100;

/** The latest observation of a series. */
export const latestCaseIn = (category: Category, id: string, q: string, lang: Lang, seriesId: string, s: () => RawSeries): Case => ({
  id,
  q,
  lang,
  category,
  expect: { kind: 'value', seriesId, unit: 'native', value: () => s().last().value, asOf: () => s().last().date, tolerance: STORED },
});
export const latestCase = (id: string, q: string, lang: Lang, seriesId: string, s: () => RawSeries = () => fred(seriesId)): Case => latestCaseIn('level', id, q, lang, seriesId, s);

/** Value on a date: the observation on `date`, else the last one before it. */
export const onDateCase = (id: string, q: string, lang: Lang, seriesId: string, date: string, s: () => RawSeries = () => fred(seriesId), convention?: string): Case => ({
  id,
  q,
  lang,
  category: 'value_on_date',
  expect: { kind: 'value', seriesId, unit: 'native', value: () => s().onOrBefore(date).value, asOf: () => s().onOrBefore(date).date, tolerance: STORED },
  ...(convention ? { convention } : {}),
});

interface Calc {
  value: number;
  asOf?: string;
}

/** A value case from one computation returning the value and (optionally) its as-of date; computed once. */
export function val(
  id: string,
  q: string,
  lang: Lang,
  category: Category,
  unit: ExpectUnit,
  seriesId: string | undefined,
  calc: () => Calc,
  opts: { tolerance?: Tolerance; convention?: string } = {},
): Case {
  let memo: Calc | undefined;
  const get = () => (memo ??= calc());
  const expect: ValueExpect = {
    kind: 'value',
    unit,
    value: () => get().value,
    asOf: () => get().asOf,
    tolerance: opts.tolerance ?? COMPUTED,
    ...(seriesId ? { seriesId } : {}),
  };
  return { id, q, lang, category, expect, ...(opts.convention ? { convention: opts.convention } : {}) };
}

export const refuse = (id: string, q: string, lang: Lang): Case => ({ id, q, lang, category: 'refuse', expect: { kind: 'refuse' } });

/** A monthly series' YoY at its latest month. */
export const latestYoy = (id: string, q: string, lang: Lang, seriesId: string): Case => ({
  id,
  q,
  lang,
  category: 'inflation',
  expect: { kind: 'value', seriesId, unit: 'percent', value: () => fred(seriesId).yoy(), asOf: () => fred(seriesId).last().date, tolerance: COMPUTED },
});

/** YoY of a monthly series for each month in [from, to] that has a base a year earlier. */
export function yoyPath(s: RawSeries, from: string, to: string): Obs[] {
  return s.window(from, to).filter((o) => s.has(`${Number(o.date.slice(0, 4)) - 1}${o.date.slice(4)}`)).map((o) => ({ date: o.date, value: s.yoy(o.date) }));
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "December", "1" in a text of year 2025 → 2025-12-01. */
export function isoFromMonthDay(year: string, month: string, day: string): string {
  const m = MONTH_NAMES.indexOf(month.toLowerCase()) + 1;
  if (m === 0) throw new Error(`not a month: ${month}`);
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The last FOMC decision of a kind (optionally within a year). */
export const lastDecision = (kind: 'hike' | 'cut', year?: number) => {
  const ds = decisions().filter((d) => d.decision === kind && (year === undefined || d.date.startsWith(String(year))));
  return ds[ds.length - 1]!;
};
/** Ways to write a rate level: 3.5 → "3.5" or "3.50"; 4 → "4.00", "4%", "4.0", "4 percent". */
export const rateTexts = (r: number): string[] =>
  Number.isInteger(r) ? [`${r}.00`, `${r}%`, `${r}.0`, `${r} %`, `${r} percent`] : [r.toFixed(2).replace(/0$/, ''), r.toFixed(2)].filter((x, i, a) => a.indexOf(x) === i);

// ---- the cases ------------------------------------------------------------------------------------------------------

export const baseCases: Case[] = [
  // ======================= levels / latest =======================
  latestCase('level-walcl-zh', '美联储现在资产负债表规模多大', 'zh', 'WALCL'),
  latestCase('level-dgs10-zh', '十年期美债收益率最新多少', 'zh', 'DGS10'),
  latestCase('level-rrp-zh', '逆回购现在还有多少钱', 'zh', 'RRPONTSYD'),
  latestCase('level-sofr-en', 'current SOFR?', 'en', 'SOFR'),
  latestCase('level-reserves-zh', '银行准备金现在多少', 'zh', 'WRESBAL'),
  latestCase('level-vix-en', "where's the VIX at right now", 'en', 'VIXCLS'),
  latestCase('level-unrate-zh', '美国失业率最新', 'zh', 'UNRATE'),
  latestCase('level-mortgage-en', '30 year mortgage rate now', 'en', 'MORTGAGE30US'),
  latestCase('level-tga-zh', 'TGA余额最新是多少', 'zh', 'WTREGEN'),
  latestCase('level-m2-en', 'how big is M2 right now', 'en', 'M2SL'),
  latestCase('level-treast-zh', '美联储手里有多少美债', 'zh', 'TREAST'),
  latestCase('level-dgs2-en', 'latest 2 year treasury yield', 'en', 'DGS2'),
  latestCase('level-srf-zh', '常备回购便利SRF最近用了多少', 'zh', 'SRFUSAGE'),
  latestCase('level-dxy-zh', '美元指数现在多少', 'zh', 'ICE_DXY', () => crossAsset('DXY')),
  latestCase('level-usdcny-zh', '人民币汇率现在多少', 'zh', 'USDCNY', () => crossAsset('USDCNY')),

  // ======================= value on a date =======================
  onDateCase('date-dgs10-exact-en', 'what was the 10y yield on 2024-04-25', 'en', 'DGS10', '2024-04-25'),
  onDateCase('date-dgs10-holiday-zh', '2024年7月4日美债10年期收益率', 'zh', 'DGS10', '2024-07-04', undefined, 'Independence Day has no observation: the last one before it (2024-07-03).'),
  onDateCase('date-dgs2-yearend-zh', '两年期美债2023年底收益率多少', 'zh', 'DGS2', '2023-12-31', undefined, '年底 = last observation on or before 12-31 (2023-12-29, a Friday).'),
  onDateCase('date-unrate-month-en', 'jobless rate march 2023?', 'en', 'UNRATE', '2023-03-31', undefined, 'A month of a monthly series = the observation dated 2023-03-01.'),
  onDateCase('date-vix-zh', '2020年3月16日VIX收在多少', 'zh', 'VIXCLS', '2020-03-16'),
  onDateCase('date-walcl-yearend-en', 'fed balance sheet size at the end of 2021', 'en', 'WALCL', '2021-12-31', undefined, 'Weekly Wednesday level: the last one on or before 2021-12-31.'),
  onDateCase('date-walcl-monthend-zh', '2022年6月底美联储总资产是多少', 'zh', 'WALCL', '2022-06-30'),
  onDateCase('date-sofr-christmas-en', 'SOFR on Christmas day 2024', 'en', 'SOFR', '2024-12-25', undefined, 'No fixing on a holiday: the last one before it.'),
  onDateCase('date-rrp-quarterend-zh', '2023年三季度末逆回购余额', 'zh', 'RRPONTSYD', '2023-09-30', undefined, 'Quarter end = last observation on or before 2023-09-30 (a Saturday).'),
  onDateCase('date-dgs10-lehman-zh', '2008年9月15日十年期国债收益率', 'zh', 'DGS10', '2008-09-15'),
  onDateCase('date-mortgage-yearend-en', 'What was the 30-year mortgage rate at the end of 2023?', 'en', 'MORTGAGE30US', '2023-12-31'),
  onDateCase('date-hy-yearend-zh', '2022年底高收益债利差是多少', 'zh', 'BAMLH0A0HYM2', '2022-12-31'),
  onDateCase('date-spx-en', 'S&P 500 close on Dec 31 2024', 'en', 'SPX', '2024-12-31', () => index('SPX')),


  // ======================= changes =======================
  val('change-walcl-qt-zh', '缩表以来美联储总资产少了多少', 'zh', 'change', 'native', 'WALCL', () => {
    const s = fred('WALCL');
    const start = s.onOrAfter(PERIODS.qt2.from);
    return { value: s.last().value - start.value, asOf: s.last().date };
  }, { convention: '缩表以来 = since QT2 began (first observation on or after 2022-06-01) up to the LATEST observation (not to the end of QT); signed, so a decline is negative.' }),
  val('change-mbs-since-jun22-en', "How much have the Fed's MBS holdings fallen since June 2022?", 'en', 'change', 'native', 'WSHOMCB', () => {
    const s = fred('WSHOMCB');
    return { value: s.last().value - s.onOrAfter('2022-06-01').value, asOf: s.last().date };
  }),
  val('change-reserves-from-peak-zh', '银行准备金较历史最高点降了多少', 'zh', 'change', 'native', 'WRESBAL', () => {
    const s = fred('WRESBAL');
    const peak = extreme(s.obs, 'max');
    return { value: s.last().value - peak.value, asOf: s.last().date };
  }, { convention: 'Change from the all-time maximum of WRESBAL (week average) to the latest value, in millions of USD, signed (negative); the peak date is extra information, the headline is the change.' }),
  val('change-spx-ytd-zh', '标普今年涨幅多少', 'zh', 'change', 'percent', 'SPX', () => {
    const s = index('SPX');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }, { convention: '今年涨幅 = from the last close of the previous year (2025-12-31) to the latest close, percent.' }),
  val('change-ixic-1y-en', 'nasdaq return over the past year', 'en', 'change', 'percent', 'IXIC', () => {
    const s = index('IXIC');
    const w = trailing(s, 12);
    return { value: pctChange(w[0]!, w[w.length - 1]!), asOf: s.last().date };
  }, { convention: 'Past year = first close on or after (last date − 12 months) to the last close; price return, percent.' }),
  val('change-dgs10-since-2022-zh', '10年期美债收益率2022年以来上升了多少', 'zh', 'change', 'pp', 'DGS10', () => {
    const s = fred('DGS10');
    return { value: s.last().value - s.onOrBefore('2021-12-31').value, asOf: s.last().date };
  }, { convention: 'Y年以来 = from the last observation of the previous year (2021-12-31) to the latest; a change of a yield is in percentage points (bp accepted).' }),
  val('change-dgs2-last-year-en', 'how much did the 2 year yield move last year', 'en', 'change', 'pp', 'DGS2', () => {
    const s = fred('DGS2');
    const end = s.onOrBefore(`${YEAR - 1}-12-31`);
    return { value: end.value - s.onOrBefore(`${YEAR - 2}-12-31`).value, asOf: end.date };
  }, { convention: 'Last year (2025) as a change = last observation of 2024 → last observation of 2025, percentage points.' }),
  val('change-gold-1y-zh', '黄金过去一年涨了多少', 'zh', 'change', 'percent', 'GOLD', () => {
    const s = crossAsset('Gold');
    const w = trailing(s, 12);
    return { value: pctChange(w[0]!, w[w.length - 1]!), asOf: s.last().date };
  }, { convention: '黄金 = COMEX front-month futures (catalog GOLD); 涨了多少 for a price = percent change.' }),
  val('change-payems-last-month-zh', '上个月新增非农多少', 'zh', 'change', 'native', 'PAYEMS', () => {
    const s = fred('PAYEMS');
    const prev = s.obs[s.obs.length - 2]!;
    return { value: s.last().value - prev.value, asOf: s.last().date };
  }, { convention: '上个月 when the data has not reached the calendar month (today 2026-11-24): the latest month; 新增 = change over the previous month, thousands of persons.' }),
  val('change-tga-ytd-en', 'How much has the TGA grown this year?', 'en', 'change', 'native', 'WTREGEN', () => {
    const s = fred('WTREGEN');
    return { value: s.last().value - ytdStart(s).value, asOf: s.last().date };
  }),
  val('change-btc-ytd-zh', '比特币今年跌了多少', 'zh', 'change', 'percent', 'BTC', () => {
    const s = crossAsset('BTC');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }, { convention: 'Signed percent change (a fall is negative) from the 2025-12-31 price to the latest (BTC trades every day).' }),
  val('change-treast-qt-en', "How much has the Fed's Treasury portfolio shrunk since QT started?", 'en', 'change', 'native', 'TREAST', () => {
    const s = fred('TREAST');
    return { value: s.last().value - s.onOrAfter(PERIODS.qt2.from).value, asOf: s.last().date };
  }),
  val('change-walcl-last-year-zh', '美联储资产负债表去年缩了多少', 'zh', 'change', 'native', 'WALCL', () => {
    const s = fred('WALCL');
    const end = s.onOrBefore(`${YEAR - 1}-12-31`);
    return { value: end.value - s.onOrBefore(`${YEAR - 2}-12-31`).value, asOf: end.date };
  }, { convention: '去年 (2025) as a change = last Wednesday level of 2024 (2024-12-25) → last of 2025 (2025-12-31), NOT from the first observation of 2025 (2025-01-01).' }),

  val('change-gdp-saar-en', 'annualized real GDP growth, latest quarter', 'en', 'change', 'percent', 'GDPC1', () => {
    const s = fred('GDPC1');
    const [prev, last] = s.obs.slice(-2) as [Obs, Obs];
    return { value: ((last.value / prev.value) ** 4 - 1) * 100, asOf: last.date };
  }, { convention: 'Real GDP growth = annualised quarter-on-quarter change of GDPC1: ((v_t / v_{t−1})^4 − 1)·100.' }),
  val('change-gdp-saar-zh', '美国GDP最新一个季度环比年化增速', 'zh', 'change', 'percent', 'GDPC1', () => {
    const s = fred('GDPC1');
    const [prev, last] = s.obs.slice(-2) as [Obs, Obs];
    return { value: ((last.value / prev.value) ** 4 - 1) * 100, asOf: last.date };
  }, { convention: 'GDP增速 means REAL GDP (GDPC1), annualised q/q, even when the words "美国GDP" (nominal GDP alias) appear.' }),
  val('change-sse-ytd-zh', '上证指数今年涨了多少', 'zh', 'change', 'percent', 'SSE', () => {
    const s = crossAsset('SSE');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }),

  // ======================= inflation (YoY) =======================
  latestYoy('infl-cpi-zh', '现在通胀多少', 'zh', 'CPIAUCSL'),
  latestYoy('infl-core-cpi-en', 'core cpi yoy latest', 'en', 'CPILFESL'),
  latestYoy('infl-pce-zh', 'PCE同比最新是多少', 'zh', 'PCEPI'),
  latestYoy('infl-core-pce-en', "What's core PCE inflation running at?", 'en', 'PCEPILFE'),
  val('infl-cpi-2022-06-zh', '2022年6月CPI同比', 'zh', 'inflation', 'percent', 'CPIAUCSL', () => ({ value: fred('CPIAUCSL').yoy('2022-06-01'), asOf: '2022-06-01' })),
  val('infl-cpi-2024-12-en', 'What was headline CPI inflation in December 2024?', 'en', 'inflation', 'percent', 'CPIAUCSL', () => ({ value: fred('CPIAUCSL').yoy('2024-12-01'), asOf: '2024-12-01' })),
  val('infl-core-cpi-3m-change-zh', '核心通胀近三个月变化了多少', 'zh', 'inflation', 'pp', 'CPILFESL', () => {
    const s = fred('CPILFESL');
    const t = s.last().date;
    return { value: s.yoy(t) - s.yoy(addMonths(t, -3)), asOf: t };
  }, { convention: '核心通胀 = core CPI YoY; the change over the last three months = YoY(latest month) − YoY(3 months earlier), percentage points.' }),
  val('infl-core-pce-end-last-year-en', 'core PCE inflation at the end of last year', 'en', 'inflation', 'percent', 'PCEPILFE', () => ({ value: fred('PCEPILFE').yoy(`${YEAR - 1}-12-01`), asOf: `${YEAR - 1}-12-01` })),
  val('infl-cpi-2023-min-zh', '2023年CPI同比最低是多少', 'zh', 'inflation', 'percent', 'CPIAUCSL', () => {
    const low = extreme(yoyPath(fred('CPIAUCSL'), '2023-01-01', '2023-12-01'), 'min');
    return { value: low.value, asOf: low.date };
  }),
  latestYoy('infl-supercore-en', 'supercore PCE inflation yoy', 'en', 'IA001260M'),
  latestYoy('infl-ppi-zh', '美国PPI同比多少', 'zh', 'PPIFIS'),
  latestYoy('infl-food-zh', '食品价格同比涨了多少', 'zh', 'CPIUFDSL'),

  // ======================= statistics =======================
  val('stat-dgs10-vol-1y-zh', '10年期美债收益率过去一年的波动率', 'zh', 'statistics', 'bp', 'DGS10', () => {
    const s = fred('DGS10');
    return { value: bpVol(trailing(s, 12)), asOf: s.last().date };
  }, { convention: 'Volatility of a yield = sample stdev of daily changes over the trailing 12 months, in bp, not annualised.' }),
  val('stat-dgs10-avg-2023-en', 'average 10y yield in 2023', 'en', 'statistics', 'native', 'DGS10', () => {
    const xs = fred('DGS10').year(2023);
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }),
  val('stat-sofr-avg-2024-zh', '2024年SOFR平均是多少', 'zh', 'statistics', 'native', 'SOFR', () => {
    const xs = fred('SOFR').year(2024);
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }),
  val('stat-unrate-covid-en', 'what was the average unemployment rate during covid', 'en', 'statistics', 'native', 'UNRATE', () => {
    const xs = inPeriod(fred('UNRATE'), 'covid');
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }, { convention: 'During covid = monthly observations dated inside 2020-03-15..2022-03-15 (2020-04 … 2022-03).' }),
  val('stat-spx-vol-1y-zh', '标普500过去一年的年化波动率', 'zh', 'statistics', 'percent', 'SPX', () => {
    const s = index('SPX');
    return { value: annualisedVol(trailing(s, 12)), asOf: s.last().date };
  }, { convention: 'Annualised volatility of a price = sample stdev of daily log returns × √252, percent.' }),
  val('stat-vix-avg-last-year-en', 'VIX average last year', 'en', 'statistics', 'native', 'VIXCLS', () => {
    const xs = fred('VIXCLS').year(YEAR - 1);
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }),
  val('stat-dgs10-avg-qt-zh', '缩表期间10年期收益率的平均水平', 'zh', 'statistics', 'native', 'DGS10', () => {
    const xs = inPeriod(fred('DGS10'), 'qt2');
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }),
  val('stat-walcl-pace-qt2-en', 'Average monthly decline in Fed total assets during QT2', 'en', 'statistics', 'native', 'WALCL', () => {
    const r = periodPace(fred('WALCL'), 'qt2');
    return { value: r.value, asOf: r.end.date };
  }, { convention: 'Average monthly change = (end − start) / (days / (365.25/12)), start = first obs on/after 2022-06-01, end = last on/before 2025-11-30; signed, millions of USD per month.' }),
  val('stat-treast-pace-qt-zh', '缩表期间美联储平均每月减持多少美债', 'zh', 'statistics', 'native', 'TREAST', () => {
    const r = periodPace(fred('TREAST'), 'qt2');
    return { value: r.value, asOf: r.end.date };
  }),
  val('stat-nvda-vol-1y-zh', '英伟达过去一年的波动率', 'zh', 'statistics', 'percent', 'NVDA', () => {
    const s = stock('NVDA');
    return { value: annualisedVol(trailing(s, 12)), asOf: s.last().date };
  }),
  val('stat-dgs10-rolling20-en', "What's the latest 20-day rolling volatility of the 10-year yield?", 'en', 'statistics', 'bp', 'DGS10', () => {
    const s = fred('DGS10');
    const ch = diffs(s.obs).slice(-20);
    return { value: stdevSample(values(ch)) * 100, asOf: s.last().date };
  }, { convention: '20-day = the last 20 daily changes (21 observations); sample stdev, bp.' }),
  val('stat-dgs10-avg-ytd-zh', '今年以来10年期美债平均收益率', 'zh', 'statistics', 'native', 'DGS10', () => {
    const xs = fred('DGS10').year(YEAR);
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }, { convention: 'An AVERAGE over 今年以来 uses observations dated in 2026 only (not the 2025-12-31 anchor that a change uses).' }),

  // ======================= extremes =======================
  val('ext-hy-2020-max-zh', '2020年垃圾债利差最高到多少', 'zh', 'extremes', 'native', 'BAMLH0A0HYM2', () => {
    const m = extreme(fred('BAMLH0A0HYM2').year(2020), 'max');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-mortgage-alltime-min-en', 'all-time low of the 30-year mortgage rate', 'en', 'extremes', 'native', 'MORTGAGE30US', () => {
    const m = extreme(fred('MORTGAGE30US').obs, 'min');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-dgs10-alltime-min-zh', '10年期美债收益率历史最低是多少', 'zh', 'extremes', 'native', 'DGS10', () => {
    const m = extreme(fred('DGS10').obs, 'min');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-vix-2020-max-en', 'When did the VIX peak in 2020 and how high did it go?', 'en', 'extremes', 'native', 'VIXCLS', () => {
    const m = extreme(fred('VIXCLS').year(2020), 'max');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-walcl-max-zh', '美联储资产负债表最大的时候有多大', 'zh', 'extremes', 'native', 'WALCL', () => {
    const m = extreme(fred('WALCL').obs, 'max');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-rrp-max-zh', '逆回购用量峰值是多少', 'zh', 'extremes', 'native', 'RRPONTSYD', () => {
    const m = extreme(fred('RRPONTSYD').obs, 'max');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-dgs2-2023-max-en', 'highest 2-year yield in 2023', 'en', 'extremes', 'native', 'DGS2', () => {
    const m = extreme(fred('DGS2').year(2023), 'max');
    return { value: m.value, asOf: m.date };
  }),
  val('ext-spx-ytd-max-zh', '今年标普500最高收在多少', 'zh', 'extremes', 'native', 'SPX', () => {
    const m = extreme(index('SPX').year(YEAR), 'max');
    return { value: m.value, asOf: m.date };
  }, { convention: 'Highest daily CLOSE dated in 2026 (not the intraday high).' }),
  val('ext-unrate-min-since-2000-en', 'lowest unemployment rate since 2000', 'en', 'extremes', 'native', 'UNRATE', () => {
    const m = extreme(fred('UNRATE').window('2000-01-01'), 'min');
    return { value: m.value, asOf: m.date };
  }, { convention: 'Ties go to the earliest month.' }),
  val('ext-tsla-drawdown-zh', '特斯拉2021年以来最大回撤', 'zh', 'extremes', 'percent', 'TSLA', () => {
    const d = maxDrawdown(stock('TSLA').window('2021-01-01'));
    return { value: d.value, asOf: d.trough.date };
  }, { convention: 'Max drawdown = largest (close / running peak − 1)·100 over closes dated from 2021-01-01, negative percent; asOf = trough date. (Starting at the 2020 close instead cannot change it: the peak comes later.)' }),
  val('ext-spx-drawdown-5y-en', "What's the S&P 500's max drawdown over the last 5 years?", 'en', 'extremes', 'percent', 'SPX', () => {
    const d = maxDrawdown(trailing(index('SPX'), 60));
    return { value: d.value, asOf: d.trough.date };
  }),

  // ======================= comparisons =======================
  val('cmp-walcl-qt1-vs-qt2-zh', 'QT1和QT2相比,美联储总资产每月平均减少多少?', 'zh', 'comparison', 'native', 'WALCL', () => {
    const r = periodPace(fred('WALCL'), 'qt1');
    return { value: r.value, asOf: r.end.date };
  }, { convention: 'facts[0] = the first-mentioned period (QT1: 2017-10-01..2019-07-31), average monthly change, millions of USD per month.' }),
  val('cmp-treast-qt2-vs-qt1-en', 'Did the Fed run off Treasuries faster in QT2 than in QT1? monthly pace please', 'en', 'comparison', 'native', 'TREAST', () => {
    const r = periodPace(fred('TREAST'), 'qt2');
    return { value: r.value, asOf: r.end.date };
  }, { convention: 'facts[0] = QT2 (mentioned first).' }),
  val('cmp-tsm-nvda-ytd-zh', '台积电和英伟达今年谁涨得多', 'zh', 'comparison', 'percent', 'TSM', () => {
    const s = stock('TSM');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }, { convention: 'facts[0] = 台积电 (first mentioned), YTD price return from the 2025-12-31 close.' }),
  val('cmp-aapl-msft-1y-en', 'apple vs microsoft over the past year, which did better?', 'en', 'comparison', 'percent', 'AAPL', () => {
    const w = trailing(stock('AAPL'), 12);
    return { value: pctChange(w[0]!, w[w.length - 1]!), asOf: w[w.length - 1]!.date };
  }),
  val('cmp-dgs10-vol-qt-vs-usual-zh', '缩表期间10年期收益率的波动是不是比平时大', 'zh', 'comparison', 'bp', 'DGS10', () => {
    const xs = inPeriod(fred('DGS10'), 'qt2');
    return { value: bpVol(xs), asOf: xs[xs.length - 1]!.date };
  }, { convention: 'facts[0] = the volatility DURING QT2 (sample stdev of daily changes between observations inside 2022-06-01..2025-11-30, bp); "平时" (outside QT) is the second fact.' }),
  val('cmp-dgs10-covid-vs-qt-zh', '疫情期间和缩表期间10年期美债平均收益率分别多少', 'zh', 'comparison', 'native', 'DGS10', () => {
    const xs = inPeriod(fred('DGS10'), 'covid');
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }),
  val('cmp-vix-2022-vs-2024-en', 'Compare the average VIX in 2022 and 2024', 'en', 'comparison', 'native', 'VIXCLS', () => {
    const xs = fred('VIXCLS').year(2022);
    return { value: mean(values(xs)), asOf: xs[xs.length - 1]!.date };
  }),
  val('cmp-intc-amd-1y-zh', '英特尔和AMD过去一年谁表现好', 'zh', 'comparison', 'percent', 'INTC', () => {
    const w = trailing(stock('INTC'), 12);
    return { value: pctChange(w[0]!, w[w.length - 1]!), asOf: w[w.length - 1]!.date };
  }),
  val('cmp-core-cpi-2023-vs-2024-en', 'core CPI inflation: end of 2023 vs end of 2024', 'en', 'comparison', 'percent', 'CPILFESL', () => ({ value: fred('CPILFESL').yoy('2023-12-01'), asOf: '2023-12-01' })),
  val('cmp-spx-ixic-ytd-zh', '标普和纳指今年涨幅对比一下', 'zh', 'comparison', 'percent', 'SPX', () => {
    const s = index('SPX');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }),
  val('cmp-gold-btc-ytd-en', 'gold vs bitcoin this year', 'en', 'comparison', 'percent', 'GOLD', () => {
    const s = crossAsset('Gold');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }),

  // ======================= spreads and correlations =======================
  val('spr-sofr-iorb-zh', 'SOFR和IORB现在差多少', 'zh', 'spread_correlation', 'bp', undefined, () => {
    const p = commonDates(fred('SOFR'), fred('IORB')).at(-1)!;
    return { value: (p.a - p.b) * 100, asOf: p.date };
  }, { convention: 'SOFR − IORB on their last COMMON date (IORB runs to 2026-08-24, SOFR to 2026-08-20), bp, signed.' }),
  val('spr-2s10s-now-en', '2s10s spread now', 'en', 'spread_correlation', 'pp', 'T10Y2Y', () => {
    const s = fred('T10Y2Y');
    return { value: s.last().value, asOf: s.last().date };
  }),
  val('spr-2s10s-first-inversion-zh', '2022年收益率曲线是哪天开始倒挂的', 'zh', 'spread_correlation', 'pp', 'T10Y2Y', () => {
    const first = fred('T10Y2Y').window('2022-01-01').find((o) => o.value < 0)!;
    return { value: first.value, asOf: first.date };
  }, { convention: 'First observation in/after 2022 with T10Y2Y < 0 (however brief); facts[0] = T10Y2Y on that day, asOf = the day.' }),
  val('spr-2s10s-deepest-en', 'how deep did the 2s10s inversion get since 2022?', 'en', 'spread_correlation', 'pp', 'T10Y2Y', () => {
    const m = extreme(fred('T10Y2Y').window('2022-01-01'), 'min');
    return { value: m.value, asOf: m.date };
  }),
  val('spr-10y-minus-2y-en', 'What is the 10-year minus 2-year Treasury spread now?', 'en', 'spread_correlation', 'pp', undefined, () => {
    // bare "10-year" borrows "Treasury" from the 2-year; the freshest spread is DGS10 − DGS2 or the stored T10Y2Y
    const stored = fred('T10Y2Y').last();
    const p = commonDates(fred('DGS10'), fred('DGS2')).at(-1)!;
    return p.date > stored.date ? { value: p.a - p.b, asOf: p.date } : { value: stored.value, asOf: stored.date };
  }, { convention: 'DGS10 − DGS2 on their last common date, or the stored T10Y2Y when it is as fresh; percentage points (bp accepted).' }),
  val('spr-10y3m-zh', '10年期和3个月美债利差最新多少', 'zh', 'spread_correlation', 'pp', undefined, () => {
    // The stored T10Y3M ends 2026-07-23; the two yields run to 2026-08-20, so the freshest spread is computed.
    const stored = fred('T10Y3M').last();
    const p = commonDates(fred('DGS10'), fred('DGS3MO')).at(-1)!;
    return p.date > stored.date ? { value: p.a - p.b, asOf: p.date } : { value: stored.value, asOf: stored.date };
  }, { convention: '最新 = the freshest value: DGS10 − DGS3MO on their last common date (2026-08-20) because the stored spread T10Y3M ends earlier (2026-07-23); percentage points (bp accepted).' }),
  val('corr-dollar-10y-3y-en', 'correlation of the broad dollar index and the 10y yield over the last 3 years', 'en', 'spread_correlation', 'ratio', undefined, () => {
    const all = commonDates(fred('DTWEXBGS'), fred('DGS10'));
    const end = all.at(-1)!.date;
    const ps = all.filter((p) => p.date >= addMonths(end, -36));
    return { value: pearson(ps.map((p) => p.a), ps.map((p) => p.b)), asOf: end };
  }, { convention: 'Pearson correlation of daily LEVELS on common dates; window = 36 months ending at the last common date (DTWEXBGS ends 2026-08-14).' }),
  val('corr-10y-mortgage-5y-zh', '过去五年10年期国债收益率和房贷利率的相关系数', 'zh', 'spread_correlation', 'ratio', undefined, () => {
    const all = asOfPairs(fred('MORTGAGE30US'), fred('DGS10'));
    const end = all.at(-1)!.date;
    const ps = all.filter((p) => p.date >= addMonths(end, -60));
    return { value: pearson(ps.map((p) => p.d), ps.map((p) => p.s)), asOf: end };
  }, { convention: 'Weekly mortgage rate vs daily DGS10: pairs on the mortgage dates with DGS10 = last observation on or before each; levels; 60 months ending at the last pair (2026-06-25).' }),
  val('spr-hy-now-en', 'high yield spread right now', 'en', 'spread_correlation', 'native', 'BAMLH0A0HYM2', () => {
    const s = fred('BAMLH0A0HYM2');
    return { value: s.last().value, asOf: s.last().date };
  }),
  val('spr-hy-minus-ig-zh', '高收益债和投资级债利差差多少', 'zh', 'spread_correlation', 'pp', undefined, () => {
    const p = commonDates(fred('BAMLH0A0HYM2'), fred('BAMLC0A0CM')).at(-1)!;
    return { value: p.a - p.b, asOf: p.date };
  }, { convention: 'HY OAS − IG OAS on the last common date, percentage points (bp accepted).' }),
  val('spr-breakeven-en', "what's the 10-year breakeven inflation rate now", 'en', 'spread_correlation', 'native', 'T10YIE', () => {
    const s = fred('T10YIE');
    return { value: s.last().value, asOf: s.last().date };
  }),
  val('spr-dff-iorb-zh', '联邦基金有效利率比IORB低多少', 'zh', 'spread_correlation', 'bp', undefined, () => {
    const p = commonDates(fred('DFF'), fred('IORB')).at(-1)!;
    return { value: (p.a - p.b) * 100, asOf: p.date };
  }, { convention: '联邦基金有效利率 = DFF; spread = DFF − IORB on the last common date, bp, SIGNED (negative when the effective rate is below IORB), first-named minus second-named.' }),
  val('spr-30y-10y-zh', '30年和10年美债利差', 'zh', 'spread_correlation', 'pp', undefined, () => {
    const p = commonDates(fred('DGS30'), fred('DGS10')).at(-1)!;
    return { value: p.a - p.b, asOf: p.date };
  }),
  val('corr-btc-nasdaq-1y-en', 'correlation between bitcoin and the nasdaq over the past year', 'en', 'spread_correlation', 'ratio', undefined, () => {
    const all = commonDates(crossAsset('BTC'), index('IXIC'));
    const end = all.at(-1)!.date;
    const ps = all.filter((p) => p.date >= addMonths(end, -12));
    return { value: pearson(ps.map((p) => p.a), ps.map((p) => p.b)), asOf: end };
  }, { convention: 'Correlation of daily LEVELS (closes) on common trading dates, 12 months ending at the last common date — not of returns.' }),

  // ======================= companies =======================
  latestCaseIn('company', 'co-aapl-price-zh', '苹果股价多少', 'zh', 'AAPL', () => stock('AAPL')),
  latestCaseIn('company', 'co-nvda-close-en', 'NVDA latest close', 'en', 'NVDA', () => stock('NVDA')),
  val('co-nvda-rev-growth-zh', '英伟达最近一个财年营收增长了多少', 'zh', 'company', 'percent', undefined, () => {
    const rev = annualItem('NVDA', 'Total Revenue');
    const [prev, last] = rev.slice(-2) as [Obs, Obs];
    return { value: pctChange(prev, last), asOf: last.date };
  }, { convention: 'Latest fiscal year (FY ending 2026-01-31) Total Revenue over the previous FY, percent; asOf = fiscal year end.' }),
  val('co-msft-gross-margin-en', "Microsoft's gross margin in its latest fiscal year", 'en', 'company', 'percent', undefined, () => {
    const rows = annualItem('MSFT', 'Gross Profit');
    const gp = rows.at(-1)!;
    const rev = annualItem('MSFT', 'Total Revenue').find((o) => o.date === gp.date)!;
    return { value: (gp.value / rev.value) * 100, asOf: gp.date };
  }),
  val('co-tsla-net-income-zh', '特斯拉去年净利润多少', 'zh', 'company', 'usd', undefined, () => {
    const ni = annualItem('TSLA', 'Net Income').find((o) => o.date.startsWith(String(YEAR - 1)))!;
    return { value: ni.value, asOf: ni.date };
  }, { convention: '去年 for a calendar-year company = the fiscal year ending in 2025; amount in USD.' }),
  val('co-tsla-since-2024-en', 'How much has Tesla stock moved since the start of 2024?', 'en', 'company', 'percent', 'TSLA', () => {
    const s = stock('TSLA');
    return { value: pctChange(s.onOrBefore('2023-12-31'), s.last()), asOf: s.last().date };
  }, { convention: 'Since the start of 2024 = from the last close of 2023 (2023-12-29), not the first close of 2024.' }),
  val('co-meta-revenue-zh', 'Meta去年营收多少', 'zh', 'company', 'usd', undefined, () => {
    const r = annualItem('META', 'Total Revenue').find((o) => o.date.startsWith(String(YEAR - 1)))!;
    return { value: r.value, asOf: r.date };
  }),
  val('co-aapl-rev-growth-en', "Apple's revenue growth last fiscal year", 'en', 'company', 'percent', undefined, () => {
    const [prev, last] = annualItem('AAPL', 'Total Revenue').slice(-2) as [Obs, Obs];
    return { value: pctChange(prev, last), asOf: last.date };
  }, { convention: 'Last fiscal year = the latest reported (FY ending 2025-09-30) over the one before.' }),
  val('co-ko-gross-margin-zh', '可口可乐毛利率多少', 'zh', 'company', 'percent', undefined, () => {
    const gp = annualItem('KO', 'Gross Profit').at(-1)!;
    const rev = annualItem('KO', 'Total Revenue').find((o) => o.date === gp.date)!;
    return { value: (gp.value / rev.value) * 100, asOf: gp.date };
  }),
  val('co-cost-net-income-en', 'Costco net income in its latest fiscal year', 'en', 'company', 'usd', undefined, () => {
    const ni = annualItem('COST', 'Net Income').at(-1)!;
    return { value: ni.value, asOf: ni.date };
  }),
  val('co-brk-ytd-zh', '伯克希尔今年涨了多少', 'zh', 'company', 'percent', 'BRK.B', () => {
    const s = stock('BRK.B');
    return { value: pctChange(ytdStart(s), s.last()), asOf: s.last().date };
  }),
  latestCaseIn('company', 'co-goog-close-zh', '谷歌最新收盘价', 'zh', 'GOOG', () => stock('GOOG')),
  latestCaseIn('company', 'co-samsung-price-zh', '三星电子最新股价', 'zh', 'SAMSUNG', () => stock('SAMSUNG')),
  val('co-amd-since-june-en', 'AMD performance since June 2025', 'en', 'company', 'percent', 'AMD', () => {
    const s = stock('AMD');
    return { value: pctChange(s.onOrAfter('2025-06-01'), s.last()), asOf: s.last().date };
  }, { convention: 'Since a month = from the first close on or after its first day.' }),

  // ======================= policy and documents =======================
  {
    id: 'pol-qt-end-zh',
    q: '美联储哪天结束的缩表',
    lang: 'zh',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const { doc, match } = findCommunication(/conclude the reduction of its aggregate securities holdings on (\w+) (\d{1,2})/, 'statement');
        const iso = isoFromMonthDay(doc.date.slice(0, 4), match[1]!, match[2]!);
        return [[...dateTexts(iso, 'zh'), `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`], iso.slice(0, 4)];
      },
    },
    convention: 'The date QT ended = "December 1" of the 2025-10-29 statement (the reduction concluded on 2025-12-01).',
  },
  {
    id: 'pol-qt2-start-en',
    q: 'when did QT2 start?',
    lang: 'en',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const { doc, match } = findCommunication(/Beginning on (\w+) (\d{1,2}), principal payments/, 'other');
        const iso = isoFromMonthDay(doc.date.slice(0, 4), match[1]!, match[2]!);
        return [dateTexts(iso, 'en'), iso.slice(0, 4)];
      },
    },
  },
  {
    id: 'pol-qt-max-caps-zh',
    q: '缩表每个月最多缩多少',
    lang: 'zh',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const { match: t } = findCommunication(/For Treasury securities, the cap will initially be set at \$([\d.]+) billion per month and after three months will increase to \$([\d.]+) billion/, 'other');
        const { match: m } = findCommunication(/mortgage-backed securities, the cap will initially be set at \$([\d.]+) billion per month and after three months will increase to \$([\d.]+) billion/, 'other');
        return [billionTexts(Number(t[2]), 'zh'), billionTexts(Number(m[2]), 'zh')];
      },
    },
    convention: '最多 = the largest monthly caps of QT2: $60 billion Treasuries and $35 billion agency debt/MBS (2022-05-04 plan).',
  },
  {
    id: 'pol-last-hike-zh',
    q: '上次加息是什么时候',
    lang: 'zh',
    category: 'policy',
    expect: { kind: 'contains', texts: () => [dateTexts(lastDecision('hike').date, 'zh')] },
    convention: 'From fomc_decisions_2016_2026.csv (the last hike is 2026-09-16, later than any market file).',
  },
  {
    id: 'pol-last-cut-en',
    q: 'When was the last rate cut and to what range?',
    lang: 'en',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const d = lastDecision('cut');
        return [dateTexts(d.date, 'en'), rateTexts(d.lower), rateTexts(d.upper)];
      },
    },
  },
  {
    id: 'pol-target-range-zh',
    q: '联邦基金利率目标区间现在是多少',
    lang: 'zh',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const d = decisions().filter((x) => x.date <= TODAY).at(-1)!;
        return [rateTexts(d.lower), rateTexts(d.upper)];
      },
    },
    convention: 'The current range is the latest FOMC decision on or before today (2026-09-16: 3.75–4.00%), not the last DFEDTARL/U value (2026-08-21: 3.50–3.75%).',
  },
  val('pol-hikes-2022-count-en', 'How many times did the Fed hike in 2022?', 'en', 'policy', 'count', undefined, () => ({
    value: decisions().filter((d) => d.date.startsWith('2022') && d.decision === 'hike').length,
    asOf: undefined,
  }), { tolerance: EXACT_COUNT }),
  {
    id: 'pol-2024-slowdown-cap-zh',
    q: '2024年放缓缩表的时候美债上限从多少降到多少',
    lang: 'zh',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const { match } = findCommunication(/redemption cap on Treasury securities from \$([\d.]+) billion to \$([\d.]+) billion/, 'statement');
        return [billionTexts(Number(match[1]), 'zh'), billionTexts(Number(match[2]), 'zh')];
      },
    },
  },
  {
    id: 'pol-cap-to-5bn-en',
    q: 'When did the Fed cut the Treasury runoff cap to $5 billion?',
    lang: 'en',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => [dateTexts(findCommunication(/redemption cap on Treasury securities from \$[\d.]+ billion to \$5 billion/, 'statement').doc.date, 'en')],
    },
    convention: 'The decision date (the statement of 2025-03-19); the slower pace began in April.',
  },
  {
    id: 'pol-last-hike-2023-level-zh',
    q: '2023年最后一次加息加到了多少',
    lang: 'zh',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        const d = lastDecision('hike', 2023);
        return [rateTexts(d.lower), rateTexts(d.upper)];
      },
    },
  },
  val('pol-holds-2024-count-en', 'How many FOMC meetings in 2024 left rates unchanged?', 'en', 'policy', 'count', undefined, () => ({
    value: decisions().filter((d) => d.date.startsWith('2024') && d.decision === 'hold').length,
    asOf: undefined,
  }), { tolerance: EXACT_COUNT }),
  val('pol-cuts-2025-count-zh', '2025年美联储一共降息几次', 'zh', 'policy', 'count', undefined, () => ({
    value: decisions().filter((d) => d.date.startsWith('2025') && d.decision === 'cut').length,
    asOf: undefined,
  }), { tolerance: EXACT_COUNT }),

  // ======================= must refuse (no number) =======================
  refuse('ref-cut-next-month-zh', '下个月美联储会不会降息', 'zh'),
  refuse('ref-spx-next-year-zh', '明年标普能到多少点', 'zh'),
  refuse('ref-buy-nvda-zh', '现在该不该买英伟达', 'zh'),
  refuse('ref-unknown-company-zh', '星际矿业的市值是多少', 'zh'),
  refuse('ref-10y-above-5-en', 'Will the 10-year yield go above 5% next year?', 'en'),
  refuse('ref-sell-tsla-en', 'Should I sell my Tesla shares?', 'en'),
  refuse('ref-unknown-ticker-en', "What's the stock price of Zorblax Robotics?", 'en'),
  refuse('ref-recommend-ai-zh', '推荐几只AI股票', 'zh'),
  refuse('ref-gold-next-year-zh', '黄金明年会涨吗', 'zh'),
  refuse('ref-btc-predict-en', 'predict the bitcoin price for the end of 2027', 'en'),
  refuse('ref-unknown-revenue-zh', '蓝鲸星辰科技去年营收多少', 'zh'),
  refuse('ref-cpi-next-month-en', 'What will CPI inflation be next month?', 'en'),
];
