// Facts derived from other facts (a share of a cap, a ratio of two changes, a sum of two runoffs), so that every
// number a report writes has lineage: the inputs of both operands and a method that states the arithmetic.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { Bilingual, Unit } from '../../core/types.ts';

const base = (f: Fact) => f.value * f.unit.scale;

function span(a: Fact, b: Fact): Pick<Fact, 'asOf' | 'period'> {
  const asOf = a.asOf > b.asOf ? a.asOf : b.asOf;
  const from = [a.period?.from ?? a.asOf, b.period?.from ?? b.asOf].sort()[0]!;
  return { asOf, period: { from, to: asOf } };
}

/** |a| / |b| × 100 in percent, both in base units (a runoff as a share of its cap). */
export function shareOf(a: Fact, b: Fact, label: Bilingual, key = 'share'): Fact {
  if (base(b) === 0) throw new A.UndefinedResultError(b.id, { zh: '占比', en: 'share' }, { zh: '分母为0', en: 'the denominator is 0' });
  return {
    id: `${a.id}/${b.id}:${key}`,
    value: (Math.abs(base(a)) / Math.abs(base(b))) * 100,
    unit: A.PERCENT,
    label,
    ...span(a, b),
    method: 'ratio',
    methodDetail: `|${a.id}| / |${b.id}| × 100, in base units: |${a.value} × ${a.unit.scale}| / |${b.value} × ${b.unit.scale}| × 100`,
    inputs: [...a.inputs, ...b.inputs],
    sourceIds: [],
  };
}

/** How much of a monthly cap an average monthly change used: −change / cap × 100 (negative when holdings rose). */
export function runoffShare(change: Fact, cap: Fact, label: Bilingual): Fact {
  return {
    ...shareOf(change, cap, label, 'share_of_cap'),
    value: (-base(change) / base(cap)) * 100,
    methodDetail: `−(${change.id}) / ${cap.id} × 100, in base units: −(${change.value} × ${change.unit.scale}) / (${cap.value} × ${cap.unit.scale}) × 100; negative when holdings rose`,
  };
}

/** A change spread over the months it covers: change ÷ months, in the change's unit per month. */
export function perMonthOf(change: Fact, months: number, label: Bilingual): Fact {
  if (!(months > 0)) throw new A.UndefinedResultError(change.id, { zh: '月均', en: 'monthly average' }, { zh: '月数为0', en: 'no months' });
  return {
    ...change,
    id: `${change.id}:per_month:${months}`,
    value: change.value / months,
    unit: A.perMonthUnit(change.unit),
    label,
    method: 'average_monthly_change',
    methodDetail: `${change.id} (${change.value}) / ${months} months; ${change.methodDetail ?? change.method}`,
  };
}

/** |a| / |b| as a plain multiple ("3.5 times"). */
export function multipleOf(a: Fact, b: Fact, label: Bilingual): Fact {
  if (base(b) === 0) throw new A.UndefinedResultError(b.id, { zh: '倍数', en: 'multiple' }, { zh: '分母为0', en: 'the denominator is 0' });
  return {
    id: `${a.id}/${b.id}:multiple`,
    value: Math.abs(base(a)) / Math.abs(base(b)),
    unit: A.RATIO,
    label,
    ...span(a, b),
    method: 'ratio',
    methodDetail: `|${a.id}| / |${b.id}|, in base units`,
    inputs: [...a.inputs, ...b.inputs],
    sourceIds: [],
  };
}

/** a + b, in the unit of a (both must be in the same unit). */
export function sumOf(a: Fact, b: Fact, label: Bilingual): Fact {
  if (a.unit.label !== b.unit.label || a.unit.scale !== b.unit.scale) throw new A.UnitMismatchError(a, b, { zh: '合计', en: 'sum' });
  return {
    id: `${a.id}+${b.id}`,
    value: A.exactSum([a.value, b.value]),
    unit: a.unit,
    label,
    ...span(a, b),
    method: 'sum',
    methodDetail: `${a.id} (${a.value}) + ${b.id} (${b.value}), in ${a.unit.label}`,
    inputs: [...a.inputs, ...b.inputs],
    sourceIds: [],
  };
}

/** a − b in the unit of a change of a (percent → percentage points), e.g. inflation minus the 2% goal. */
export function differenceOf(a: Fact, b: Fact, label: Bilingual): Fact {
  if (a.unit.kind !== b.unit.kind || a.unit.scale !== b.unit.scale) throw new A.UnitMismatchError(a, b, { zh: '差', en: 'difference' });
  return {
    id: `${a.id}-${b.id}`,
    value: A.exactDiff(a.value, b.value),
    unit: A.changeUnit(a.unit),
    label,
    ...span(a, b),
    method: 'change',
    methodDetail: `${a.id} (${a.value}) − ${b.id} (${b.value})`,
    inputs: [...a.inputs, ...b.inputs],
    sourceIds: [],
  };
}

/** A percent change over part of a year, compounded to an annual rate: ((1 + p/100)^(12/months) − 1) × 100. */
export function annualised(pct: Fact, months: number, label: Bilingual): Fact {
  return {
    ...pct,
    id: `${pct.id}:annualised`,
    value: (Math.pow(1 + pct.value / 100, 12 / months) - 1) * 100,
    label,
    method: 'annualized_growth',
    methodDetail: `((1 + ${pct.value} / 100)^(12/${months}) − 1) × 100, from ${pct.methodDetail ?? pct.id}`,
  };
}

/** A number stated in a document (a redemption cap), with the quote that states it. */
export function statedFact(id: string, value: number, unit: Unit, label: Bilingual, date: string, quote: string, period?: { from: string; to: string }): Fact {
  return { id, value, unit, label, asOf: date, ...(period ? { period } : {}), method: 'document', methodDetail: `stated in the document of ${date}: "${quote}"`, inputs: [], sourceIds: [] };
}

export const BILLIONS_PER_MONTH: Unit = { kind: 'currency', scale: 1e9, currency: 'USD', label: 'Billions of U.S. Dollars per Month' };
