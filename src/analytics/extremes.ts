// Extremes: the maximum / minimum over a period with the date it happened (asOf = that date; ties go to the
// earliest date and are counted), and drawdowns: the largest peak-to-trough decline and the current
// decline from the running peak.
import type { Fact } from '../core/answer.ts';
import type { Bilingual, IsoDate } from '../core/types.ts';
import { UndefinedResultError } from './errors.ts';
import { allPoints, countsText, exactDiff, factId, makeFact, periodLabel, requestedExtra, selectionSpan } from './facts.ts';
import { factSeriesId, lineage, select, type Point, type SeriesData, type Selection } from './series.ts';
import { isRateUnit, PERCENT, PERCENTAGE_POINTS } from './units.ts';

const MAX: Bilingual = { zh: '最高值', en: 'maximum' };
const MIN: Bilingual = { zh: '最低值', en: 'minimum' };

export function extremeOver(s: SeriesData, sel: Selection, which: 'max' | 'min', tag?: Bilingual): Fact {
  const pts = allPoints(sel);
  let best = pts[0]!;
  let ties = 1;
  for (const p of pts.slice(1)) {
    if (which === 'max' ? p.value > best.value : p.value < best.value) {
      best = p;
      ties = 1;
    } else if (p.value === best.value) ties++;
  }
  const sp = selectionSpan(sel);
  const stat = which === 'max' ? MAX : MIN;
  return makeFact({
    id: factId(s.meta.id, which, sp.key),
    value: best.value,
    unit: s.meta.unit,
    label: periodLabel(s, stat, { zh: `${sp.text.zh},出现于 ${best.date}`, en: `${sp.text.en}; on ${best.date}` }, tag),
    asOf: best.date,
    period: { from: sp.from, to: sp.to },
    method: which,
    methodDetail: `${stat.en} of observations from ${sp.text.en}, reached on ${best.date}${ties > 1 ? ` (also reached on ${ties - 1} later date(s); the earliest is reported)` : ''}; ${countsText(pts.length, sel.missing)}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, pts.map((p) => p.date)),
    extra: { extremeDate: best.date, occurrences: ties, n: pts.length, missingSkipped: sel.missing || undefined, ...requestedExtra(sel) },
  });
}

/** Highest observation over [from, to]; asOf = its date. */
export function max(s: SeriesData, from?: IsoDate, to?: IsoDate): Fact {
  return extremeOver(s, select(s, [{ from, to }]), 'max');
}

/** Lowest observation over [from, to]; asOf = its date. */
export function min(s: SeriesData, from?: IsoDate, to?: IsoDate): Fact {
  return extremeOver(s, select(s, [{ from, to }]), 'min');
}

// ---- drawdown ---------------------------------------------------------------------------------------------

export interface DrawdownResult {
  /** Largest peak-to-trough decline (≤ 0); asOf = trough date; extra.peakDate / troughDate / recoveryDate. */
  max: Fact;
  /** Decline of the last observation from the highest value before it (≤ 0); asOf = last date; extra.peakDate. */
  current: Fact;
}

/**
 * Drawdowns over [from, to]. For prices, indexes, money and counts: percent decline from the running peak,
 * (v / peak − 1) × 100, in percent. For percent series (yields, rates): the decline in percentage points,
 * v − peak. A series that never falls has a maximum drawdown of 0 (peak = trough = the first observation).
 */
export function drawdown(s: SeriesData, from?: IsoDate, to?: IsoDate): DrawdownResult {
  const sel = select(s, [{ from, to }]);
  const pts = allPoints(sel);
  const inPoints = isRateUnit(s.meta.unit);
  const dd = (v: number, peak: number): number => (inPoints ? exactDiff(v, peak) : (v / peak - 1) * 100);
  const what = { zh: '回撤', en: 'drawdown' };
  let peak: Point = pts[0]!;
  let best = { peak: pts[0]!, trough: pts[0]!, value: 0 };
  for (const p of pts) {
    if (p.value > peak.value) peak = p;
    if (!inPoints && !(peak.value > 0)) {
      throw new UndefinedResultError(s.meta.id, what, { en: `percent decline from a non-positive peak (${peak.value} on ${peak.date})`, zh: `峰值非正(${peak.date} 为 ${peak.value}),无法计算百分比回撤` });
    }
    const d = dd(p.value, peak.value);
    if (d < best.value) best = { peak, trough: p, value: d };
  }
  const recovery = best.value < 0 ? pts.find((p) => p.date > best.trough.date && p.value >= best.peak.value) : undefined;
  const last = pts[pts.length - 1]!;
  const unit = inPoints ? PERCENTAGE_POINTS : PERCENT;
  const formula = inPoints ? 'value − running peak, in percentage points' : '(value / running peak − 1) × 100, in percent';
  const sp = selectionSpan(sel);
  const allDates = pts.map((p) => p.date);
  const maxFact = makeFact({
    id: factId(s.meta.id, 'max_drawdown', sp.key),
    value: best.value,
    unit,
    label: periodLabel(
      s,
      { zh: '最大回撤', en: 'maximum drawdown' },
      { zh: `${sp.text.zh};峰值 ${best.peak.date},谷底 ${best.trough.date}`, en: `${sp.text.en}; peak ${best.peak.date}, trough ${best.trough.date}` },
    ),
    asOf: best.trough.date,
    period: { from: best.peak.date, to: best.trough.date },
    method: 'drawdown',
    methodDetail: `largest decline from a running peak, ${formula}, over ${sp.text.en}; peak ${best.peak.date}, trough ${best.trough.date}${recovery ? `, back at the peak level on ${recovery.date}` : best.value < 0 ? ', not recovered by the end of the period' : ''}; ${countsText(pts.length, sel.missing)}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, allDates.filter((d) => d <= best.trough.date)),
    extra: {
      peakDate: best.peak.date,
      peakValue: best.peak.value,
      troughDate: best.trough.date,
      troughValue: best.trough.value,
      recoveryDate: recovery?.date,
      recovered: best.value < 0 ? (recovery ? 'yes' : 'no') : undefined,
      n: pts.length,
      missingSkipped: sel.missing || undefined,
      ...requestedExtra(sel),
    },
  });
  let runPeak = pts[0]!;
  for (const p of pts) if (p.value > runPeak.value) runPeak = p;
  const current = makeFact({
    id: factId(s.meta.id, 'current_drawdown', sp.key),
    value: dd(last.value, runPeak.value),
    unit,
    label: periodLabel(s, { zh: '当前回撤', en: 'current drawdown' }, { zh: `${last.date} 相对 ${runPeak.date} 的峰值`, en: `${last.date} vs the peak on ${runPeak.date}` }),
    asOf: last.date,
    period: { from: runPeak.date, to: last.date },
    method: 'drawdown',
    methodDetail: `decline of the last observation (${last.date}) from the highest observation since ${sp.from} (${runPeak.date}), ${formula}`,
    seriesId: factSeriesId(s),
    inputs: lineage(s, allDates),
    extra: { peakDate: runPeak.date, peakValue: runPeak.value, lastDate: last.date, lastValue: last.value, ...requestedExtra(sel) },
  });
  return { max: maxFact, current };
}
