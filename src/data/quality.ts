// Data-quality checks shared by every connector: they report problems (unsorted or duplicate dates,
// non-numeric values, damaged files, implausible jumps) instead of hiding them, and return the rows in date
// order, one per date. A problem of a BLOCKING kind means the input is damaged: the sync refuses that series
// (src/data/sync.ts), keeps what is stored and reports where and what was wrong.
import type { DataProblem, DataProblemKind, IsoDate, Observation } from '../core/types.ts';
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
 * source's order decides among equal dates); a date repeated with different values is reported
 * ('duplicate_date') and its last row kept; a row repeated identically is reported as 'repeated_row' and kept once.
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
      detail: `dates are not in ascending order (${before} is followed by ${after})`,
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
      const same = sorted.slice(i + 1, last + 1).every((r) => sameRow(r, sorted[i]!));
      const date = sorted[i]!.date;
      problems.push(
        same
          ? { kind: 'repeated_row', seriesId, date, detail: `date ${date} appears ${last - i + 1} times with the same values; kept once` }
          : { kind: 'duplicate_date', seriesId, date, detail: `date ${date} appears ${last - i + 1} times with different values (${sorted.slice(i, last + 1).map((r) => String(r.value)).slice(0, 4).join(', ')})` },
      );
    }
    unique.push(sorted[last]!);
    i = last;
  }
  return unique;
}

function sameRow(a: Observation, b: Observation): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of ['value', 'open', 'high', 'low', 'volume']) if (ra[k] !== rb[k]) return false;
  return true;
}

/**
 * A decimal number written out in full: optional sign, digits with an optional fraction, optional exponent.
 * Number() alone would also take "0x1A", "5." (a number cut after its point), " 5" and "Infinity".
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A published value: empty or "." is a missing value (null). Anything else must be a whole decimal number —
 * no prefix parsing: "5.77x", "5." or "n/a" are reported as non_numeric_value (a blocking problem) and read as null.
 */
export function parseValue(raw: string, date: IsoDate, seriesId: string, problems: DataProblem[]): number | null {
  if (raw === '' || raw === '.') return null;
  if (DECIMAL.test(raw)) {
    const value = Number(raw);
    if (Number.isFinite(value)) return value;
  }
  problems.push({ kind: 'non_numeric_value', seriesId, date, detail: `value "${excerpt(raw, 40)}" on ${date} is not a number` });
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Damaged input: which problems refuse a series, and how the refusal reads

/** Problems that mean the input is damaged: the series is not imported and its stored values stay as they were. */
export const BLOCKING_KINDS: ReadonlySet<DataProblemKind> = new Set<DataProblemKind>([
  'bad_row',
  'bad_header',
  'truncated_file',
  'empty_file',
  'missing_file',
  'empty_series',
  'non_numeric_value',
  'bad_date',
  'duplicate_date',
  'unsorted_dates',
  'implausible_jump',
]);

export function isBlocking(p: DataProblem): boolean {
  return BLOCKING_KINDS.has(p.kind);
}

/** "file line 12, column DGS10: detail" — where a problem was found, as far as it is known. */
export function describeProblem(p: DataProblem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : '', p.column ? `column ${p.column}` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${p.detail}` : p.detail;
}

/** The one-line reason a series was refused: its first blocking problem, and how many more there are. */
export function refusalMessage(problems: DataProblem[]): string {
  const blocking = problems.filter(isBlocking);
  const first = blocking[0];
  if (!first) return '';
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more problem${blocking.length > 2 ? 's' : ''})` : '';
  return `damaged input refused, stored values kept — ${describeProblem(first)}${more}`;
}

/**
 * At most `perKind` problems of each kind and series, plus one line saying how many more there were: a column
 * of 8,000 unreadable values is one finding, not 8,000 report lines.
 */
export function capProblems(problems: DataProblem[], perKind = 5): DataProblem[] {
  const seen = new Map<string, number>();
  const out: DataProblem[] = [];
  for (const p of problems) {
    const key = `${p.seriesId}\u0000${p.kind}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= perKind) out.push(p);
  }
  for (const [key, n] of seen) {
    if (n <= perKind) continue;
    const [seriesId, kind] = key.split('\u0000') as [string, DataProblemKind];
    const sample = problems.find((p) => p.seriesId === seriesId && p.kind === kind)!;
    out.push({ kind, seriesId, detail: `… and ${n - perKind} more of the same kind (${kind})`, ...(sample.file ? { file: sample.file } : {}) });
  }
  return out;
}

/**
 * When a file does not end with a line break, its last line may have been cut off while it was written or
 * copied. It is taken as cut when it is shorter than the line before it in shape: fewer fields, an empty
 * field where the line before had one, a date shorter than the line before's, or a number with fewer decimals
 * than the same column's number on the line before (5.77 cut to 5 or 5.7). Returns what looks cut, or null.
 */
export function cutLastLine(previous: string[] | undefined, last: string[], fields: number): string | null {
  if (last.length < fields) return `it has ${last.length} of the header's ${fields} fields`;
  if (!previous) return null;
  for (let i = 0; i < last.length; i++) {
    const a = (previous[i] ?? '').trim();
    const b = last[i]!.trim();
    if (a === '') continue;
    if (b === '') return `field ${i + 1} is empty where the line before has "${excerpt(a, 20)}"`;
    if (b.length < a.length && (isIsoDate(a) || /^\d{8}$/.test(a))) return `field ${i + 1} "${excerpt(b, 20)}" is shorter than the date before it`;
    const da = decimals(a);
    const db = decimals(b);
    if (da > 0 && db < da && DECIMAL.test(a)) return `field ${i + 1} "${excerpt(b, 20)}" has ${db} decimals where the line before has ${da}`;
  }
  return null;
}

function decimals(s: string): number {
  const dot = s.indexOf('.');
  if (dot < 0) return 0;
  let end = s.length;
  const e = s.search(/[eE]/);
  if (e > dot) end = e;
  return end - dot - 1;
}

// ---------------------------------------------------------------------------------------------------------
// New values against the stored series: revisions and implausible jumps

/**
 * How far a value may move, judged from the stored series' own history of changes (see checkAgainstStored).
 * JUMP_K: a move is implausible beyond JUMP_K times the largest move the stored series ever made between two
 * consecutive observations — with a floor of LEVEL_FLOOR times its largest absolute level, so a series that
 * barely moved (a policy rate held for years) may still move by a normal step. For a series that has always
 * been positive, also a move in log terms beyond LOG_K times its largest log move (floor: a doubling), which
 * catches a value divided by 1,000 that is small in absolute terms.
 * Calibrated on the snapshot (352 series, 0.87M rows): replaying every series value by value, each judged
 * against the history before it, flags 4 of 867,722 real values (March/April 2020 jobless claims and
 * unemployment, the standing repo facility's 2024-09-30 use after years near zero, and CBOE_VXHY's
 * -19,738,470 on 2017-10-30, an error in the published file); with every 50th value replaced by a damaged one
 * it catches about 99% of values multiplied by 1,000, 97% by 100, 79% by 10 and 73% divided by 1,000 (29% of
 * those divided by 10). It does not catch small damage — 5.77 read as 5 is an ordinary move for a yield: that
 * is what the row-shape and cut-off-line checks are for. test/data/damaged.test.ts replays the snapshot.
 */
export const JUMP_K = 10;
export const LEVEL_FLOOR = 0.05;
export const LOG_K = 5;
/** Fewer changes than this in the stored history and it says too little to judge a jump by. */
export const MIN_HISTORY_MOVES = 30;

export interface StoredValue {
  date: IsoDate;
  value: number | null;
}

export interface HistoryScale {
  /** Largest absolute change between consecutive stored values. */
  maxMove: number;
  /** Largest |ln(b/a)| between consecutive stored values, when all are positive (else null). */
  maxLogMove: number | null;
  /** Largest absolute stored value. */
  maxLevel: number;
  /** Number of consecutive pairs whose values differ. */
  moves: number;
}

export function historyScale(stored: StoredValue[]): HistoryScale {
  const acc = new ScaleAccumulator();
  for (const o of stored) if (o.value !== null) acc.add(o.value);
  return acc.scale();
}

/** The history scale built one value at a time (historyScale; the calibration replay in the tests). */
export class ScaleAccumulator {
  private maxMove = 0;
  private maxLog = 0;
  private maxLevel = 0;
  private moves = 0;
  private positive = true;
  private prev: number | null = null;

  add(v: number): void {
    if (v <= 0) this.positive = false;
    const abs = Math.abs(v);
    if (abs > this.maxLevel) this.maxLevel = abs;
    const prev = this.prev;
    if (prev !== null) {
      const d = Math.abs(v - prev);
      if (d > this.maxMove) this.maxMove = d;
      if (d !== 0) this.moves++;
      if (this.positive && prev > 0) {
        const l = Math.abs(Math.log(v / prev));
        if (l > this.maxLog) this.maxLog = l;
      }
    }
    this.prev = v;
  }

  scale(): HistoryScale {
    return { maxMove: this.maxMove, maxLogMove: this.positive ? this.maxLog : null, maxLevel: this.maxLevel, moves: this.moves };
  }
}

/** Why a move from `a` to `b` is implausible for a series of this scale, or null when it is plausible. */
export function implausibleMove(a: number, b: number, scale: HistoryScale): string | null {
  if (scale.moves < MIN_HISTORY_MOVES) return null;
  const d = Math.abs(b - a);
  const limit = JUMP_K * Math.max(scale.maxMove, LEVEL_FLOOR * scale.maxLevel);
  if (d > limit) {
    return `a move of ${fmt(d)}, more than ${JUMP_K}× the largest move in the stored history (${fmt(scale.maxMove)}; limit ${fmt(limit)})`;
  }
  if (scale.maxLogMove !== null && a > 0 && b > 0) {
    const l = Math.abs(Math.log(b / a));
    const logLimit = LOG_K * Math.max(scale.maxLogMove, Math.LN2);
    if (l > logLimit) {
      return `a ${fmt(b / a)}× change, more than ${LOG_K}× the largest relative move in the stored history (×${fmt(Math.exp(scale.maxLogMove))})`;
    }
  }
  return null;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

export interface StoredCheck {
  /** implausible_jump problems (blocking). */
  problems: DataProblem[];
  /** One 'revision' problem per stored value the batch changes (reported, not blocking). */
  revisions: DataProblem[];
}

/**
 * Judge a batch against what is stored for its series (both in ascending date order). A changed value is a
 * revision (reported); it is implausible when the change itself is an implausible move, or when a stored
 * number would become missing. A new date is implausible when its move from the value before it (stored or
 * new) is. `sameNumber` tolerance as the store uses it.
 */
export function checkAgainstStored(seriesId: string, stored: StoredValue[], batch: Observation[], where: { file?: string; column?: string } = {}): StoredCheck {
  const problems: DataProblem[] = [];
  const revisions: DataProblem[] = [];
  if (!stored.length) return { problems, revisions };
  const scale = historyScale(stored);
  let i = 0;
  let prev: number | null = null;
  for (const o of batch) {
    while (i < stored.length && stored[i]!.date < o.date) {
      if (stored[i]!.value !== null) prev = stored[i]!.value;
      i++;
    }
    const old = i < stored.length && stored[i]!.date === o.date ? stored[i]! : null;
    const v = o.value;
    if (old) {
      i++;
      if (!sameNumber(old.value, v)) {
        revisions.push({ kind: 'revision', seriesId, date: o.date, detail: `${o.date}: ${old.value ?? 'missing'} → ${v ?? 'missing'}`, ...where });
        if (old.value !== null && v === null) {
          problems.push({ kind: 'implausible_jump', seriesId, date: o.date, detail: `the stored value ${old.value} on ${o.date} would become missing`, ...where });
        } else if (old.value !== null && v !== null) {
          const why = implausibleMove(old.value, v, scale);
          if (why) problems.push({ kind: 'implausible_jump', seriesId, date: o.date, detail: `the stored value on ${o.date} would change from ${old.value} to ${v}: ${why}`, ...where });
        }
      }
    } else if (v !== null && prev !== null) {
      const why = implausibleMove(prev, v, scale);
      if (why) problems.push({ kind: 'implausible_jump', seriesId, date: o.date, detail: `new value ${v} on ${o.date} after ${prev}: ${why}`, ...where });
    }
    if (v !== null) prev = v;
  }
  return { problems, revisions };
}

function sameNumber(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)));
}
