// Data-quality checks shared by every connector: they report problems (unsorted or duplicate dates,
// non-numeric values) instead of hiding them, and return the rows in date order, one per date.
import type { DataProblem, IsoDate, Observation } from '../core/types.ts';
import { excerpt } from './http.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real `YYYY-MM-DD` calendar date; checked by char codes because it runs once per row. */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const month = digitAt(s, 5) * 10 + digitAt(s, 6);
  const day = digitAt(s, 8) * 10 + digitAt(s, 9);
  // A non-digit gives NaN, which fails every comparison.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!)) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/**
 * Rows in ascending date order, one per date. Out-of-order rows are reported once and sorted (stable, so the
 * source's order decides among equal dates); a repeated date is reported and its last row kept.
 */
export function orderByDate<T extends Observation>(rows: T[], seriesId: string, problems: DataProblem[]): T[] {
  let firstDisorder = -1;
  let hasDuplicates = false;
  for (let i = 1; i < rows.length; i++) {
    const previous = rows[i - 1]!.date;
    const date = rows[i]!.date;
    if (date < previous) {
      if (firstDisorder < 0) firstDisorder = i;
    } else if (date === previous) {
      hasDuplicates = true;
    }
  }
  let sorted = rows;
  if (firstDisorder >= 0) {
    const before = rows[firstDisorder - 1]!.date;
    const after = rows[firstDisorder]!.date;
    problems.push({
      kind: 'unsorted_dates',
      seriesId,
      date: after,
      detail: `dates are not in ascending order (${before} is followed by ${after}); rows were sorted by date`,
    });
    sorted = rows.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    hasDuplicates = true;
  }
  if (!hasDuplicates) return sorted;
  const unique: T[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let last = i;
    while (last + 1 < sorted.length && sorted[last + 1]!.date === sorted[i]!.date) last++;
    if (last > i) {
      problems.push({
        kind: 'duplicate_date',
        seriesId,
        date: sorted[i]!.date,
        detail: `date ${sorted[i]!.date} appears ${last - i + 1} times; the last value was kept`,
      });
    }
    unique.push(sorted[last]!);
    i = last;
  }
  return unique;
}

/** A published value: empty or "." is a missing value (null); anything else that is not a finite number is kept as null and reported. */
export function parseValue(raw: string, date: IsoDate, seriesId: string, problems: DataProblem[]): number | null {
  if (raw === '' || raw === '.') return null;
  const value = Number(raw);
  // Number() reads a blank string as 0, so a zero must show a digit to count.
  if (Number.isFinite(value) && (value !== 0 || /\d/.test(raw))) return value;
  problems.push({ kind: 'non_numeric_value', seriesId, date, detail: `value "${excerpt(raw, 40)}" on ${date} is not a number; kept as null` });
  return null;
}
