// Relations between two series: spread (a − b; percentage points or basis points for rates, the common unit
// for money), ratio, and Pearson correlation of levels or changes. Series are paired by `alignSeries`
// (exact common dates, or as-of onto the sparser series' dates for different frequencies).
import type { Fact } from '../core/answer.ts';
import type { Bilingual, IsoDate, SeriesMeta, Unit } from '../core/types.ts';
import { alignSeries, pairRefs, type AlignedPair, type AlignMode, type Alignment } from './align.ts';
import { InsufficientDataError, InvalidArgumentError, UndefinedResultError, UnitMismatchError } from './errors.ts';
import { exactDiff, factId, makeFact } from './facts.ts';
import { resolveDate } from './levels.ts';
import { basesOf, derivedSeries, lineage, type SeriesData } from './series.ts';
import { pearson } from './stats.ts';
import { BASIS_POINTS, CORRELATION, isBasisPoints, isRateUnit, PERCENT, PERCENTAGE_POINTS, ppToBp, RATIO } from './units.ts';

export interface SpreadOptions {
  from?: IsoDate;
  to?: IsoDate;
  /** How to pair dates (DEFAULT 'auto', see align.ts). */
  align?: AlignMode;
  /** Express a spread of two percent series in basis points (1 pp = 100 bp). */
  bp?: boolean;
}

const SPREAD: Bilingual = { zh: '利差', en: 'spread' };

/** Unit of a − b and the factor that converts b's stored values into a's (1 when the scales match). */
function spreadUnit(a: SeriesData, b: SeriesData, bp: boolean): { unit: Unit; factor: number } {
  const ua = a.meta.unit;
  const ub = b.meta.unit;
  if (isRateUnit(ua) && isRateUnit(ub)) {
    if (bp) return { unit: BASIS_POINTS, factor: ub.scale / ua.scale };
    return { unit: isBasisPoints(ua) ? BASIS_POINTS : PERCENTAGE_POINTS, factor: ub.scale / ua.scale };
  }
  if (bp) {
    throw new InvalidArgumentError({ en: `Basis points need two percent series (${a.meta.id} is ${ua.label}, ${b.meta.id} is ${ub.label}).`, zh: `基点只适用于两个百分比序列(${a.meta.id} 为 ${ua.label},${b.meta.id} 为 ${ub.label})。` });
  }
  if (ua.kind === ub.kind && (ua.currency ?? '') === (ub.currency ?? '')) return { unit: ua, factor: ub.scale / ua.scale };
  throw new UnitMismatchError({ id: a.meta.id, unit: ua }, { id: b.meta.id, unit: ub }, { en: 'a spread', zh: '差值' });
}

function pairMeta(a: SeriesData, b: SeriesData, al: Alignment, id: string, title: Bilingual, unit: Unit, notes: string): SeriesMeta {
  const freqFrom = al.datesFrom === 'b' ? b : a;
  return { ...a.meta, id, title, aliases: [], unit, frequency: freqFrom.meta.frequency, notes };
}

interface SpreadBuild {
  series: SeriesData;
  pairs: Map<IsoDate, AlignedPair>;
  alignment: Alignment;
}

function buildSpread(a: SeriesData, b: SeriesData, opts: SpreadOptions): SpreadBuild {
  const bp = opts.bp ?? false;
  const { unit, factor } = spreadUnit(a, b, bp);
  const al = alignSeries(a, b, { mode: opts.align, from: opts.from, to: opts.to });
  const pairs = new Map<IsoDate, AlignedPair>();
  const rows = al.pairs.map((p) => {
    pairs.set(p.date, p);
    const pp = factor === 1 ? exactDiff(p.a, p.b) : p.a - p.b * factor;
    return { date: p.date, value: bp && !isBasisPoints(a.meta.unit) ? ppToBp(pp) : pp, uses: pairRefs(a, b, p) };
  });
  const id = `${a.meta.id}-${b.meta.id}${bp ? ':bp' : ''}`;
  const title = { zh: `${a.meta.title.zh} 减 ${b.meta.title.zh}`, en: `${a.meta.title.en} minus ${b.meta.title.en}` };
  const notes = `${a.meta.id} − ${b.meta.id}${bp ? ' in basis points' : ''}, paired by ${al.mode === 'exact' ? 'common dates' : `last observation on or before each date of ${al.datesFrom === 'a' ? a.meta.id : b.meta.id}`}${factor !== 1 ? `; ${b.meta.id} converted to ${a.meta.unit.label}` : ''}.`;
  return { series: derivedSeries(pairMeta(a, b, al, id, title, unit, notes), 'spread', basesOf(a, b), rows), pairs, alignment: al };
}

/** The series a − b on aligned dates (a derived series; lineage points at both stored series). */
export function spreadSeries(a: SeriesData, b: SeriesData, opts: SpreadOptions = {}): SeriesData {
  const built = buildSpread(a, b, opts);
  if (built.series.observations.length === 0) throw new InsufficientDataError(`${a.meta.id}-${b.meta.id}`, { en: 'a spread (no common dates)', zh: '利差(没有共同日期)' }, 1, 0);
  return built.series;
}

function pointFact(
  kind: 'spread' | 'ratio',
  built: SpreadBuild,
  a: SeriesData,
  b: SeriesData,
  date: IsoDate | undefined,
  detail: string,
): Fact {
  const s = built.series;
  const what = kind === 'spread' ? SPREAD : { zh: '比值', en: 'ratio' };
  if (s.observations.length === 0) throw new InsufficientDataError(s.meta.id, { en: `${what.en} (no common dates)`, zh: `${what.zh}(没有共同日期)` }, 1, 0);
  const last = s.observations[s.observations.length - 1]!;
  const p = date === undefined ? { date: last.date, value: last.value! } : resolveDate(s, date, { policy: 'on_or_before' });
  const pair = built.pairs.get(p.date)!;
  const differs = date !== undefined && date !== p.date;
  const al = built.alignment;
  return makeFact({
    id: factId(s.meta.id, kind, p.date),
    value: p.value,
    unit: s.meta.unit,
    label: differs
      ? { zh: `${s.meta.title.zh}(${p.date};请求日期 ${date} 无共同观测值,取此前最近一次)`, en: `${s.meta.title.en} on ${p.date} (requested ${date}, which has no common observation; last one before it)` }
      : { zh: `${s.meta.title.zh}(${p.date})`, en: `${s.meta.title.en} on ${p.date}` },
    asOf: p.date,
    method: kind,
    methodDetail: `${detail}: ${a.meta.id} on ${pair.aDate} (${pair.a}) and ${b.meta.id} on ${pair.bDate} (${pair.b}); ${al.mode === 'exact' ? 'common date' : `as-of alignment onto ${al.datesFrom === 'a' ? a.meta.id : b.meta.id}`}`,
    inputs: lineage(s, [p.date]),
    extra: { aSeries: a.meta.id, aDate: pair.aDate, aValue: pair.a, bSeries: b.meta.id, bDate: pair.bDate, bValue: pair.b, requestedDate: date, alignment: al.mode },
  });
}

/** a − b at `date` (the last common date on or before it; extra.requestedDate) or at the last common date. */
export function spread(a: SeriesData, b: SeriesData, date?: IsoDate, opts: Omit<SpreadOptions, 'from' | 'to'> = {}): Fact {
  const built = buildSpread(a, b, { ...opts, to: undefined, from: undefined });
  return pointFact('spread', built, a, b, date, `${a.meta.id} − ${b.meta.id}${opts.bp ? ', in basis points (× 100)' : ''}`);
}

// ---- ratio ----------------------------------------------------------------------------------------------------

export interface RatioOptions {
  from?: IsoDate;
  to?: IsoDate;
  align?: AlignMode;
  /** Express the ratio in percent (× 100), e.g. reserves as a share of total assets. */
  asPercent?: boolean;
}

function buildRatio(a: SeriesData, b: SeriesData, opts: RatioOptions): SpreadBuild {
  const al = alignSeries(a, b, { mode: opts.align, from: opts.from, to: opts.to });
  // Ratios are of base amounts (stored value × scale), so millions over billions comes out right.
  const factor = a.meta.unit.scale / b.meta.unit.scale;
  const pairs = new Map<IsoDate, AlignedPair>();
  const rows: Array<{ date: IsoDate; value: number; uses: ReturnType<typeof pairRefs> }> = [];
  for (const p of al.pairs) {
    if (p.b === 0) continue;
    pairs.set(p.date, p);
    rows.push({ date: p.date, value: (p.a / p.b) * factor * (opts.asPercent ? 100 : 1), uses: pairRefs(a, b, p) });
  }
  const unit = opts.asPercent ? PERCENT : RATIO;
  const id = `${a.meta.id}/${b.meta.id}${opts.asPercent ? ':pct' : ''}`;
  const title = { zh: `${a.meta.title.zh} 与 ${b.meta.title.zh} 之比`, en: `${a.meta.title.en} to ${b.meta.title.en} ratio` };
  const notes = `${a.meta.id} / ${b.meta.id} (base units)${opts.asPercent ? ' × 100' : ''}; dates where ${b.meta.id} is 0 are skipped.`;
  return { series: derivedSeries(pairMeta(a, b, al, id, title, unit, notes), 'ratio', basesOf(a, b), rows), pairs, alignment: al };
}

/** The series a / b on aligned dates. */
export function ratioSeries(a: SeriesData, b: SeriesData, opts: RatioOptions = {}): SeriesData {
  const built = buildRatio(a, b, opts);
  if (built.series.observations.length === 0) throw new InsufficientDataError(`${a.meta.id}/${b.meta.id}`, { en: 'a ratio (no common dates)', zh: '比值(没有共同日期)' }, 1, 0);
  return built.series;
}

/** a / b at `date` (last common date on or before it) or at the last common date; of base amounts. */
export function ratio(a: SeriesData, b: SeriesData, date?: IsoDate, opts: Omit<RatioOptions, 'from' | 'to'> = {}): Fact {
  const built = buildRatio(a, b, opts);
  if (date === undefined && built.series.observations.length === 0 && built.alignment.pairs.length > 0) {
    throw new UndefinedResultError(`${a.meta.id}/${b.meta.id}`, { en: 'ratio', zh: '比值' }, { en: `${b.meta.id} is 0 on every common date`, zh: `${b.meta.id} 在所有共同日期均为 0` });
  }
  return pointFact('ratio', built, a, b, date, `${a.meta.id} / ${b.meta.id} of base amounts${opts.asPercent ? ' × 100' : ''}`);
}

// ---- correlation ------------------------------------------------------------------------------------------------

export interface CorrelationOptions {
  /** Correlate the levels (DEFAULT) or the changes between consecutive aligned dates. */
  on?: 'levels' | 'changes';
  align?: AlignMode;
}

/**
 * Pearson correlation of a and b over [from, to] after alignment (exact common dates for the same frequency;
 * for different frequencies the denser series is sampled at the sparser one's dates using its last observation
 * on or before each date). n ≥ 3 pairs needed; zero variance is UndefinedResultError.
 */
export function correlation(a: SeriesData, b: SeriesData, from?: IsoDate, to?: IsoDate, opts: CorrelationOptions = {}): Fact {
  const on = opts.on ?? 'levels';
  const al = alignSeries(a, b, { mode: opts.align, from, to });
  const pairs = al.pairs;
  const id = `${a.meta.id}~${b.meta.id}`;
  const what = { zh: `${a.meta.title.zh}与${b.meta.title.zh}的相关系数`, en: `correlation of ${a.meta.title.en} and ${b.meta.title.en}` };
  let xs: number[];
  let ys: number[];
  if (on === 'levels') {
    xs = pairs.map((p) => p.a);
    ys = pairs.map((p) => p.b);
  } else {
    xs = pairs.slice(1).map((p, i) => exactDiff(p.a, pairs[i]!.a));
    ys = pairs.slice(1).map((p, i) => exactDiff(p.b, pairs[i]!.b));
  }
  if (xs.length < 3) throw new InsufficientDataError(id, what, on === 'levels' ? 3 : 4, pairs.length);
  const r = pearson(xs, ys);
  if (Number.isNaN(r)) throw new UndefinedResultError(id, what, { en: 'one of the series does not vary over the period', zh: '其中一个序列在该区间内没有变化' });
  const d0 = pairs[0]!.date;
  const d1 = pairs[pairs.length - 1]!.date;
  const onText = on === 'levels' ? { zh: '水平值', en: 'levels' } : { zh: '变化值', en: 'changes' };
  const alignText =
    al.mode === 'exact' ? 'common dates' : `${al.datesFrom === 'a' ? b.meta.id : a.meta.id} sampled at the dates of ${al.datesFrom === 'a' ? a.meta.id : b.meta.id} (last observation on or before each date)`;
  return makeFact({
    id: factId(id, 'correlation', on, d0, d1),
    value: r,
    unit: CORRELATION,
    label: { zh: `${what.zh}(${onText.zh},${d0} 至 ${d1})`, en: `Correlation of ${a.meta.title.en} and ${b.meta.title.en} (${onText.en}, ${d0} to ${d1})` },
    asOf: d1,
    period: { from: d0, to: d1 },
    method: 'correlation',
    methodDetail: `Pearson correlation of ${on === 'levels' ? 'levels' : 'changes between consecutive aligned dates'}, n=${xs.length}; aligned on ${alignText}`,
    inputs: [...lineage(a, pairs.map((p) => p.aDate)), ...lineage(b, pairs.map((p) => p.bDate))],
    extra: { n: xs.length, on, alignment: al.mode, datesFrom: al.datesFrom === 'both' ? 'both' : al.datesFrom === 'a' ? a.meta.id : b.meta.id, requestedFrom: from, requestedTo: to },
  });
}
