// Units of computed numbers. A change or dispersion of a percent series is in percentage points; a percent
// change is in percent; a correlation or ratio is a plain ratio; averages, extremes and changes of other
// series keep the series' own unit (so money stays in "millions of USD" and formats as 亿/万亿).
import type { Fact } from '../core/answer.ts';
import type { Unit } from '../core/types.ts';
import { InvalidArgumentError } from './errors.ts';

export const PERCENT: Unit = { kind: 'percent', scale: 1, label: 'Percent' };
export const PERCENTAGE_POINTS: Unit = { kind: 'percentage_points', scale: 1, label: 'Percentage Points' };
/**
 * Basis points: percentage points with scale 0.01 (1 pp = 100 bp). NOTE: core/format.ts formats every
 * `percentage_points` value as "个百分点"/"pp" regardless of scale — use `formatBasisPoints` (or teach
 * format.ts to look at `label === 'Basis Points'`) when showing these.
 */
export const BASIS_POINTS: Unit = { kind: 'percentage_points', scale: 0.01, label: 'Basis Points' };
export const RATIO: Unit = { kind: 'ratio', scale: 1, label: 'Ratio' };
export const CORRELATION: Unit = { kind: 'ratio', scale: 1, label: 'Correlation Coefficient' };
export const DAYS: Unit = { kind: 'count', scale: 1, label: 'Days' };
export const OBSERVATIONS: Unit = { kind: 'count', scale: 1, label: 'Observations' };
export const EPISODES: Unit = { kind: 'count', scale: 1, label: 'Episodes' };

/** A percent level or a spread of percents: its changes are percentage points. */
export function isRateUnit(u: Unit): boolean {
  return u.kind === 'percent' || u.kind === 'percentage_points';
}

export function isBasisPoints(u: Unit): boolean {
  return u.kind === 'percentage_points' && u.scale === 0.01;
}

/** Unit of a difference of two values of unit `u` (also of a standard deviation, a range …). */
export function changeUnit(u: Unit): Unit {
  if (isBasisPoints(u)) return BASIS_POINTS;
  return isRateUnit(u) ? PERCENTAGE_POINTS : u;
}

/** Unit of a per-month rate of change of a series of unit `u`. */
export function perMonthUnit(u: Unit): Unit {
  const c = changeUnit(u);
  return { ...c, label: `${c.label} per Month` };
}

/** Percentage points → basis points, without float noise (0.07 pp → 7 bp, not 7.000000000000001). */
export function ppToBp(pp: number): number {
  return Math.round(pp * 100 * 1e8) / 1e8;
}

export function bpToPp(bp: number): number {
  return Math.round((bp / 100) * 1e10) / 1e10;
}

/** The same fact expressed in basis points (its unit must be percentage points). Id gets a `:bp` suffix. */
export function toBasisPoints(fact: Fact): Fact {
  if (isBasisPoints(fact.unit)) return fact;
  if (fact.unit.kind !== 'percentage_points' || fact.unit.scale !== 1) {
    throw new InvalidArgumentError({
      en: `Fact ${fact.id} is in ${fact.unit.label}, not percentage points; it cannot be expressed in basis points.`,
      zh: `数值 ${fact.id} 的单位是 ${fact.unit.label},不是百分点,不能换算为基点。`,
    });
  }
  return {
    ...fact,
    id: `${fact.id}:bp`,
    value: ppToBp(fact.value),
    unit: BASIS_POINTS,
    label: { zh: `${fact.label.zh}(基点)`, en: `${fact.label.en} (bp)` },
  };
}

/** "25个基点" / "25 bp" (at most `decimals` decimals, trailing zeros trimmed). */
export function formatBasisPoints(bp: number, lang: 'zh' | 'en', decimals = 1): string {
  const s = bp.toFixed(decimals);
  const t = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return lang === 'zh' ? `${t}个基点` : `${t} bp`;
}
