// Typed errors of the analytics layer. Convention: every analytics function either returns a finite Fact
// (or a typed result holding Facts) or throws a FinciteError subclass — never NaN, never a partial result.
//   - DateOutOfRangeError (core): the series has no usable observation where the request points.
//   - InsufficientDataError: there are observations, but fewer than the computation needs (stdev of 1 value).
//   - UndefinedResultError: the data are there but the number is undefined (division by zero, zero variance).
//   - UnitMismatchError / InvalidArgumentError: the request itself is wrong (percent minus dollars, window 0).
// `isNoDataError` tells the first two apart, for callers that turn "no data" into an unanswerable answer.
import { DateOutOfRangeError, FinciteError } from '../core/errors.ts';
import type { Bilingual, Unit } from '../core/types.ts';

export class InsufficientDataError extends FinciteError {
  readonly seriesId: string;
  readonly needed: number;
  readonly got: number;
  constructor(seriesId: string, what: Bilingual, needed: number, got: number) {
    super('insufficient_data', {
      en: `${seriesId}: ${what.en} needs at least ${needed} observation${needed === 1 ? '' : 's'}; ${got} available.`,
      zh: `${seriesId}:${what.zh}至少需要 ${needed} 个观测值,目前只有 ${got} 个。`,
    });
    this.seriesId = seriesId;
    this.needed = needed;
    this.got = got;
  }
}

export class UndefinedResultError extends FinciteError {
  constructor(seriesId: string, what: Bilingual, reason: Bilingual) {
    super('undefined_result', {
      en: `${seriesId}: ${what.en} is undefined (${reason.en}).`,
      zh: `${seriesId}:${what.zh}无法计算(${reason.zh})。`,
    });
  }
}

export class UnitMismatchError extends FinciteError {
  constructor(a: { id: string; unit: Unit }, b: { id: string; unit: Unit }, what: Bilingual) {
    super('unit_mismatch', {
      en: `Cannot compute ${what.en} of ${a.id} (${a.unit.label}) and ${b.id} (${b.unit.label}): the units are not comparable.`,
      zh: `无法计算 ${a.id}(${a.unit.label})与 ${b.id}(${b.unit.label})的${what.zh}:单位不可比。`,
    });
  }
}

export class InvalidArgumentError extends FinciteError {
  constructor(messages: Bilingual) {
    super('invalid_argument', messages);
  }
}

/** True for the errors that mean "the data needed for this are not there" (as opposed to a wrong request). */
export function isNoDataError(err: unknown): err is DateOutOfRangeError | InsufficientDataError {
  return err instanceof DateOutOfRangeError || err instanceof InsufficientDataError;
}
