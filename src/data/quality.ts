// Data-quality checks shared by every connector: they report problems (unsorted or duplicate dates,
// non-numeric values, bad dates) instead of hiding them, and return the rows in date order.
import type { DataProblem, IsoDate, Observation } from '../core/types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parse a published value: empty or "." is missing (null); anything else non-numeric is a problem. */
export function parseValue(raw: string | undefined, seriesId: string, date: IsoDate, problems: DataProblem[]): number | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (text === '' || text === '.' || text === 'NaN' || text === 'null') return null;
  const v = Number(text);
  if (Number.isFinite(v)) return v;
  problems.push({ kind: 'non_numeric_value', seriesId, date, detail: `value "${text.slice(0, 40)}" is not a number` });
  return null;
}

/**
 * Put rows in date order and keep one row per date (the last one published), reporting what was wrong.
 * Rows arrive in the source's order; the check is O(n) when they are already sorted, as they nearly always are.
 */
export function orderAndDedupe<T extends Observation>(seriesId: string, rows: T[], problems: DataProblem[]): T[] {
  let sorted = true;
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.date < rows[i - 1]!.date) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    problems.push({ kind: 'unsorted_dates', seriesId, detail: 'dates were not in ascending order; sorted' });
    rows = rows.map((r, i) => [r, i] as const).sort((a, b) => (a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1])).map(([r]) => r);
  }
  let out: T[] | null = null;
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.date === rows[i - 1]!.date) {
      out ??= rows.slice(0, i - 1);
      problems.push({ kind: 'duplicate_date', seriesId, date: rows[i]!.date, detail: 'date appears more than once; the last row is kept' });
    } else if (out) out.push(rows[i - 1]!);
  }
  if (!out) return rows;
  out.push(rows[rows.length - 1]!);
  return out;
}
