// Evaluation cases for policy (see the conventions at the top of cases.ts); expectations computed from the raw files.
// Areas: impossible and out-of-range dates (declined, no fact), FOMC decision arithmetic from
// fomc/fomc_decisions_2016_2026.csv (cumulative bp = change of the upper bound, size of a move, range in force on a
// date, dissents; names from fomc_meetings_2026_jun_jul.json), periods anchored on events (resolved from the same
// record and the FOMC texts), and measure semantics (threshold counts, stdev of level/changes/returns, annualised
// month-over-month rates, country-pair yield spreads, returns between two dates).
//
// CONVENTIONS of this file (the engine follows the same):
//   - cumulative bp of a period = Σ (upper bound after each move − upper bound after the decision before it); it
//     telescopes, so it is computed here as (upper after the period's last move − upper before its first move).
//   - the size of a move is signed (a cut is negative); the range on a date = DFEDTARL/U on or before that date while
//     FRED has it, afterwards the last decision dated on or before it.
//   - "since <event>": from the first observation on or after the event's date to the latest; "from event A to event
//     B": A is the latest such event on or before B; the end = last observation on or before B.
//   - the latest cutting cycle = from the first cut after the last hike before the latest cut, to the latest cut.
//   - "上市以来" = since the first observation in our data (TSLA's file starts 2016-06-28), not the real IPO.
//   - 52 weeks = observations dated on or after (last observation − 364 days).
//   - a count of days above X = observations with value strictly > X (daily series: trading days).
//   - stdev of daily returns = sample stdev of daily log returns × 100, not annualised; of daily changes of a yield
//     = in bp, not annualised; of the level = sample stdev of the levels.
//   - annualised month-over-month = ((v_t / v_{t−1})^12 − 1) × 100 for the latest month.
//   - 中美 spread = China minus US (the first named is the minuend, as Chinese markets quote 中美利差), in bp, on the
//     last date both series have.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { snapshotRoot } from '../../helpers/db.ts';
import { bpVol, EXACT_COUNT, isoFromMonthDay, rateTexts, refuse, STORED, trailing, val, type Case } from './cases.ts';
import { commonDates, decisions, extreme, findCommunication, fred, index, pctChange, RawSeries, stdevSample, stock, table, values, type Obs } from './raw.ts';

// ---- small helpers, computed from the raw files ----------------------------------------------------------------------

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Upper bound after the last decision dated on or before `date`. */
const upperOnOrBefore = (date: string) => decisions().filter((d) => d.date <= date).at(-1)!.upper;
/** Upper bound after the last decision dated strictly before `date`. */
const upperBefore = (date: string) => decisions().filter((d) => d.date < date).at(-1)!.upper;

/** Basis points moved by the decisions of a kind dated in [from, to], by telescoping (only valid when every move there is of that kind). */
function telescopedBp(kind: 'hike' | 'cut', from: string, to: string): number {
  const ds = decisions().filter((d) => d.date >= from && d.date <= to && (d.decision === 'hike' || d.decision === 'cut'));
  if (ds.some((d) => d.decision !== kind)) throw new Error(`mixed moves between ${from} and ${to}`);
  if (!ds.length) return 0;
  return (ds.at(-1)!.upper - upperBefore(ds[0]!.date)) * 100;
}

const lastOf = (kind: 'hike' | 'cut', before?: string) => decisions().filter((d) => d.decision === kind && (!before || d.date <= before)).at(-1)!;

/** The China 10-year yield (china/cgb_yields.csv, column cgb_10y). */
function cgb10(): RawSeries {
  const t = table('china/cgb_yields.csv');
  const di = t.header.indexOf('date');
  const vi = t.header.indexOf('cgb_10y');
  const obs = t.rows.filter((r) => (r[vi] ?? '').trim() !== '').map((r) => ({ date: r[di]!.slice(0, 10), value: Number(r[vi]) }));
  obs.sort((a, b) => (a.date < b.date ? -1 : 1));
  return new RawSeries('CGB10Y', obs);
}

/** Dissenters' names at a meeting of fomc/fomc_meetings_2026_jun_jul.json. */
function dissenters(date: string): string[] {
  const json = JSON.parse(readFileSync(path.join(snapshotRoot, 'fomc/fomc_meetings_2026_jun_jul.json'), 'utf8')) as { meetings: Array<{ date: string; dissenters?: Array<{ name: string }> }> };
  return (json.meetings.find((m) => m.date === date)?.dissenters ?? []).map((d) => d.name);
}

const logReturns = (xs: readonly Obs[]) => xs.slice(1).map((o, i) => Math.log(o.value / xs[i]!.value));

export const policyCases: Case[] = [
  // ======================= impossible and out-of-range dates: declined with the reason, no fact =======================
  refuse('pol-date-feb29-common-year-zh', '2023年2月29日10年期美债收益率', 'zh'),
  refuse('pol-date-april31-en', 'What was the 10-year Treasury yield on April 31, 2024?', 'en'),
  refuse('pol-date-month13-zh', '2024年13月失业率是多少', 'zh'),
  refuse('pol-date-before-data-en', 'What was the 10-year yield on 1950-01-03?', 'en'),
  refuse('pol-date-future-year-zh', '2030年美国CPI同比是多少', 'zh'),
  refuse('pol-date-after-data-zh', '2026年10月15日标普500收盘价', 'zh'),

  // ======================= FOMC decision arithmetic =======================
  val('pol-bp-2022-hikes-zh', '2022年一共加息多少个基点', 'zh', 'policy', 'bp', undefined, () => ({ value: telescopedBp('hike', '2022-01-01', '2022-12-31') }), {
    convention: 'Cumulative = upper bound after the last 2022 hike minus the upper bound before the first one.',
  }),
  val('pol-bp-2024-cuts-en', 'How many basis points did the Fed cut in 2024?', 'en', 'policy', 'bp', undefined, () => ({ value: telescopedBp('cut', '2024-01-01', '2024-12-31') }), {
    convention: 'Signed: cuts are negative.',
  }),
  val('pol-move-size-2022-06-zh', '2022年6月加息了多少', 'zh', 'policy', 'bp', undefined, () => {
    const d = decisions().find((x) => x.date.startsWith('2022-06') && x.decision === 'hike')!;
    return { value: (d.upper - upperBefore(d.date)) * 100, asOf: d.date };
  }),
  val('pol-move-size-2024-09-en', "How big was the Fed's rate cut in September 2024?", 'en', 'policy', 'bp', undefined, () => {
    const d = decisions().find((x) => x.date.startsWith('2024-09') && x.decision === 'cut')!;
    return { value: (d.upper - upperBefore(d.date)) * 100, asOf: d.date };
  }),
  val('pol-range-on-date-2019-zh', '2019年8月1日联邦基金利率目标区间是多少', 'zh', 'policy', 'native', 'DFEDTARU', () => {
    const o = fred('DFEDTARU').onOrBefore('2019-08-01');
    // the same as the decision record: the 2019-07-31 cut took effect on 2019-08-01
    if (o.value !== upperOnOrBefore('2019-08-01')) throw new Error('FRED and the record disagree');
    return { value: o.value, asOf: o.date };
  }, { tolerance: STORED }),
  {
    id: 'pol-range-after-fred-en',
    q: 'What was the fed funds target range on 2026-09-30?',
    lang: 'en',
    category: 'policy',
    expect: {
      kind: 'contains',
      texts: () => {
        // FRED's target range ends before this date; the decision in force comes from the record
        if (fred('DFEDTARU').last().date >= '2026-09-30') throw new Error('FRED reaches the date: the case no longer tests the record');
        const d = decisions().filter((x) => x.date <= '2026-09-30').at(-1)!;
        return [rateTexts(d.lower), rateTexts(d.upper)];
      },
    },
  },
  val('pol-dissent-meetings-2025-zh', '2025年有几次会议有反对票', 'zh', 'policy', 'count', undefined, () => ({
    value: decisions().filter((d) => d.date.startsWith('2025') && d.votesAgainst > 0).length,
  }), { tolerance: EXACT_COUNT }),
  val('pol-dissent-votes-2026-07-zh', '2026年7月29日FOMC会议有几票反对', 'zh', 'policy', 'count', undefined, () => ({
    value: decisions().find((d) => d.date === '2026-07-29')!.votesAgainst,
    asOf: '2026-07-29',
  }), { tolerance: EXACT_COUNT }),
  val('pol-dissent-last-meeting-en', 'How many members dissented at the last FOMC meeting?', 'en', 'policy', 'count', undefined, () => {
    const d = decisions().at(-1)!;
    return { value: d.votesAgainst, asOf: d.date };
  }, { tolerance: EXACT_COUNT }),
  {
    id: 'pol-dissenter-names-en',
    q: 'Who dissented at the July 29, 2026 FOMC meeting?',
    lang: 'en',
    category: 'policy',
    expect: { kind: 'contains', texts: () => dissenters('2026-07-29').map((n) => n.split(' ').at(-1)!) },
    convention: 'Names as the meeting statement gives them ("Voting against the monetary policy action were …").',
  },
  val('pol-hikes-2021-none-zh', '2021年美联储加息了几次', 'zh', 'policy', 'count', undefined, () => ({
    value: decisions().filter((d) => d.date.startsWith('2021') && d.decision === 'hike').length,
  }), { tolerance: EXACT_COUNT, convention: 'A year with no hike: 0, not a refusal.' }),

  // ======================= periods anchored on events =======================
  val('pol-since-last-cut-dgs10-zh', '上次降息以来10年期美债收益率变化了多少', 'zh', 'policy', 'pp', 'DGS10', () => {
    const s = fred('DGS10');
    const start = s.onOrAfter(lastOf('cut').date);
    return { value: s.last().value - start.value, asOf: s.last().date };
  }),
  val('pol-since-qt-end-walcl-en', 'How much has the Fed balance sheet changed since QT ended?', 'en', 'policy', 'native', 'WALCL', () => {
    const { doc, match } = findCommunication(/conclude the reduction of its aggregate securities holdings on (\w+) (\d{1,2})/, 'statement');
    const end = isoFromMonthDay(doc.date.slice(0, 4), match[1]!, match[2]!);
    const s = fred('WALCL');
    return { value: s.last().value - s.onOrAfter(end).value, asOf: s.last().date };
  }, { convention: 'QT ended on the date the 2025-10-29 statement gives ("December 1"); from the first weekly level on or after it.' }),
  val('pol-since-listing-tsla-zh', '特斯拉上市以来涨了多少', 'zh', 'policy', 'percent', 'TSLA', () => {
    const s = stock('TSLA');
    return { value: pctChange(s.first(), s.last()), asOf: s.last().date };
  }),
  val('pol-between-hike-and-cut-spx-en', 'S&P 500 return from the last hike to the last cut', 'en', 'policy', 'percent', 'SPX', () => {
    const cut = lastOf('cut');
    const hike = lastOf('hike', cut.date);
    const s = index('SPX');
    return { value: pctChange(s.onOrAfter(hike.date), s.onOrBefore(cut.date)), asOf: s.onOrBefore(cut.date).date };
  }, { convention: 'The last hike before the last cut (the latest hike is after it).' }),
  val('pol-cutting-cycle-bp-zh', '本轮降息周期一共降息多少个基点', 'zh', 'policy', 'bp', undefined, () => {
    const moves = decisions().filter((d) => d.decision === 'hike' || d.decision === 'cut');
    const lastCut = moves.filter((d) => d.decision === 'cut').at(-1)!;
    const hikeBefore = moves.filter((d) => d.decision === 'hike' && d.date < lastCut.date).at(-1)!;
    const firstCut = moves.find((d) => d.decision === 'cut' && d.date > hikeBefore.date)!;
    return { value: telescopedBp('cut', firstCut.date, lastCut.date) };
  }),
  val('pol-52w-high-nvda-zh', '英伟达52周最高价', 'zh', 'policy', 'native', 'NVDA', () => {
    const s = stock('NVDA');
    const hi = extreme(s.window(addDays(s.last().date, -364)), 'max');
    return { value: hi.value, asOf: hi.date };
  }, { tolerance: STORED }),
  val('pol-52w-low-spx-en', "What's the 52-week low of the S&P 500?", 'en', 'policy', 'native', 'SPX', () => {
    const s = index('SPX');
    const lo = extreme(s.window(addDays(s.last().date, -364)), 'min');
    return { value: lo.value, asOf: lo.date };
  }, { tolerance: STORED }),

  // ======================= measure semantics =======================
  val('pol-days-above-5-dgs10-zh', '10年期美债收益率超过5%的天数', 'zh', 'policy', 'count', 'DGS10', () => ({
    value: fred('DGS10').obs.filter((o) => o.value > 5).length,
  }), { tolerance: EXACT_COUNT, convention: 'Whole history; observations strictly above 5.' }),
  val('pol-days-vix-above-30-2020-en', 'How many days was the VIX above 30 in 2020?', 'en', 'policy', 'count', 'VIXCLS', () => ({
    value: fred('VIXCLS').year(2020).filter((o) => o.value > 30).length,
  }), { tolerance: EXACT_COUNT }),
  val('pol-stdev-daily-changes-dgs10-zh', '10年期美债收益率过去一年日变化的标准差', 'zh', 'policy', 'bp', 'DGS10', () => ({ value: bpVol(trailing(fred('DGS10'), 12)) })),
  val('pol-stdev-level-dgs10-en', 'standard deviation of the level of the 10-year yield over the past year', 'en', 'policy', 'pp', 'DGS10', () => ({
    value: stdevSample(values(trailing(fred('DGS10'), 12))),
  })),
  val('pol-stdev-daily-returns-spx-zh', '标普500过去一年日收益率的标准差', 'zh', 'policy', 'percent', 'SPX', () => ({
    value: stdevSample(logReturns(trailing(index('SPX'), 12))) * 100,
  }), { convention: 'Daily log returns, not annualised (the question says 日).' }),
  val('pol-daily-vol-spx-en', 'S&P 500 daily volatility over the past year, not annualized', 'en', 'policy', 'percent', 'SPX', () => ({
    value: stdevSample(logReturns(trailing(index('SPX'), 12))) * 100,
  })),
  val('pol-cpi-annualized-mom-zh', 'CPI环比折年率是多少', 'zh', 'policy', 'percent', 'CPIAUCSL', () => {
    const s = fred('CPIAUCSL');
    const [prev, last] = s.obs.slice(-2) as [Obs, Obs];
    return { value: (Math.pow(last.value / prev.value, 12) - 1) * 100, asOf: last.date };
  }),
  val('pol-us-china-10y-spread-zh', '中美10年期国债利差是多少', 'zh', 'policy', 'bp', undefined, () => {
    const last = commonDates(cgb10(), fred('DGS10')).at(-1)!;
    return { value: (last.a - last.b) * 100, asOf: last.date };
  }, { convention: '中美 = China minus US, on the last date both have.' }),
  val('pol-return-between-dates-nvda-en', 'NVIDIA return from 2024-01-02 to 2024-06-28', 'en', 'policy', 'percent', 'NVDA', () => {
    const s = stock('NVDA');
    return { value: pctChange(s.onOrAfter('2024-01-02'), s.onOrBefore('2024-06-28')), asOf: s.onOrBefore('2024-06-28').date };
  }),
  val('pol-return-between-dates-spx-zh', '标普500从2020年3月23日到2021年3月23日涨了多少', 'zh', 'policy', 'percent', 'SPX', () => {
    const s = index('SPX');
    return { value: pctChange(s.onOrAfter('2020-03-23'), s.onOrBefore('2021-03-23')), asOf: s.onOrBefore('2021-03-23').date };
  }),
];
