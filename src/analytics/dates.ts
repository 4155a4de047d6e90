// Calendar arithmetic on ISO dates (`YYYY-MM-DD`, UTC, no time zones). ISO dates compare correctly as strings.
import { InvalidDateError } from '../core/errors.ts';
import type { Frequency, IsoDate } from '../core/types.ts';

const DAY_MS = 86_400_000;
/** The average month used to turn calendar days into months: 365.25 / 12 = 30.4375 days. */
export const AVERAGE_MONTH_DAYS = 365.25 / 12;

/** Throw InvalidDateError unless `d` is a real calendar date `YYYY-MM-DD`. */
export function assertIsoDate(d: string): IsoDate {
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || fromDayNumber(dayNumber(d)) !== d) throw new InvalidDateError(String(d));
  return d;
}

/** Days since 1970-01-01. */
export function dayNumber(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(d) + n);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Same day `n` months later (earlier when negative); the day is clamped to the month's length (03-31 − 1m = 02-28). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month1 = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Same day `n` years later; 02-29 becomes 02-28 in a common year. */
export function addYears(d: IsoDate, n: number): IsoDate {
  return addMonths(d, 12 * n);
}

export type CalendarFrequency = 'monthly' | 'quarterly' | 'annual';

/** How many periods of a calendar frequency make a year. */
export const PERIODS_PER_YEAR: Record<CalendarFrequency, number> = { monthly: 12, quarterly: 4, annual: 1 };

/** A running index of the calendar period holding `d`: months, quarters or years since year 0. */
export function periodIndex(d: IsoDate, freq: CalendarFrequency): number {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1;
  if (freq === 'monthly') return y * 12 + m;
  if (freq === 'quarterly') return y * 4 + Math.floor(m / 3);
  return y;
}

/** The first day of the calendar period holding `d` (FRED labels aggregated periods this way). */
export function periodStart(d: IsoDate, freq: CalendarFrequency): IsoDate {
  const y = d.slice(0, 4);
  const m = Number(d.slice(5, 7)) - 1;
  if (freq === 'monthly') return `${y}-${d.slice(5, 7)}-01`;
  if (freq === 'quarterly') return `${y}-${String(Math.floor(m / 3) * 3 + 1).padStart(2, '0')}-01`;
  return `${y}-01-01`;
}

/** The last day of the calendar period holding `d`. */
export function periodEnd(d: IsoDate, freq: CalendarFrequency): IsoDate {
  const months = freq === 'monthly' ? 1 : freq === 'quarterly' ? 3 : 12;
  return addDays(addMonths(periodStart(d, freq), months), -1);
}

/** Nominal length of one period of a frequency, in days (irregular: undefined — measure the data instead). */
export function nominalPeriodDays(freq: Frequency): number | undefined {
  switch (freq) {
    case 'daily':
      return 1;
    case 'weekly':
      return 7;
    case 'monthly':
      return AVERAGE_MONTH_DAYS;
    case 'quarterly':
      return 3 * AVERAGE_MONTH_DAYS;
    case 'annual':
      return 365.25;
    case 'irregular':
      return undefined;
  }
}
