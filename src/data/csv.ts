// Reads the CSV files of the offline snapshot into columns. Numeric files have no quoted fields, so a
// plain split is both correct and fast; files with quotes go through papaparse. The shape of the file is
// checked here (src/data/snapshot.ts turns the findings into blocking problems): every row must have as many
// fields as the header, and a file that does not end with a line break is checked for a cut-off last line.
import Papa from 'papaparse';
import { excerpt } from './http.ts';
import { cutLastLine } from './quality.ts';

export interface CsvTable {
  header: string[];
  /** Row-major cells, as many per row as the row has (shapeProblems reports rows that differ from the header). */
  rows: string[][];
  /** 1-based line of each row in the file (for quoted files, the record's position counted as one line each). */
  lines: number[];
  /** What is wrong with the file's shape: rows with the wrong number of fields, a cut-off last line, no content. */
  shape: CsvShapeProblem[];
}

export interface CsvShapeProblem {
  kind: 'bad_row' | 'truncated_file' | 'empty_file' | 'bad_header';
  line: number;
  detail: string;
}

/** At most this many rows with a wrong field count are listed (the first tells where the damage starts). */
const MAX_SHAPE_PROBLEMS = 5;

export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { header: [], rows: [], lines: [], shape: [{ kind: 'empty_file', line: 1, detail: text.length ? 'the file holds only blank space' : 'the file is empty (0 bytes)' }] };
  let header: string[];
  let rows: string[][];
  let lines: number[];
  if (text.includes('"')) {
    const res = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const [first = [], ...rest] = res.data;
    header = first.map((h) => h.trim());
    rows = rest;
    lines = rest.map((_, i) => i + 2);
  } else {
    const all = text.split('\n');
    header = (all[0] ?? '').replace(/\r$/, '').split(',').map((h) => h.trim());
    rows = [];
    lines = [];
    for (let i = 1; i < all.length; i++) {
      let line = all[i]!;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') continue;
      rows.push(line.split(','));
      lines.push(i + 1);
    }
  }
  return { header, rows, lines, shape: shapeProblems(text, header, rows, lines) };
}

function shapeProblems(text: string, header: string[], rows: string[][], lines: number[]): CsvShapeProblem[] {
  const out: CsvShapeProblem[] = [];
  const n = header.length;
  const blank = header.findIndex((h) => h === '');
  if (blank >= 0 && n > 1) out.push({ kind: 'bad_header', line: 1, detail: `header field ${blank + 1} is empty in "${excerpt(header.join(','), 60)}"` });
  const seen = new Set<string>();
  for (const h of header) {
    const k = h.toLowerCase();
    if (h !== '' && seen.has(k)) out.push({ kind: 'bad_header', line: 1, detail: `column "${h}" appears twice in the header` });
    seen.add(k);
  }
  let wrong = 0;
  const lastIdx = rows.length - 1;
  const cut = !endsWithLineBreak(text) && lastIdx >= 0 ? cutLastLine(rows[lastIdx - 1], rows[lastIdx]!, n) : null;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.length === n) continue;
    if (i === lastIdx && cut) continue; // reported below as a cut-off file
    if (++wrong <= MAX_SHAPE_PROBLEMS) {
      out.push({ kind: 'bad_row', line: lines[i]!, detail: `${rows[i]!.length} fields where the header has ${n}: "${excerpt(rows[i]!.join(','), 60)}"` });
    }
  }
  if (wrong > MAX_SHAPE_PROBLEMS) out.push({ kind: 'bad_row', line: lines[rows.length - 1] ?? 1, detail: `… ${wrong - MAX_SHAPE_PROBLEMS} more rows with a field count different from the header's` });
  if (cut) {
    out.push({ kind: 'truncated_file', line: lines[lastIdx]!, detail: `the file ends without a line break and its last line "${excerpt(rows[lastIdx]!.join(','), 60)}" looks cut off: ${cut}` });
  }
  return out;
}

/** Whether the text's last non-blank character is followed by a line break. */
export function endsWithLineBreak(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 13 && c !== 32 && c !== 9) return false;
  }
  return false;
}

/**
 * A cut-off last line of a plain (unquoted) CSV text with `fields` fields per line, or null: see cutLastLine.
 * Returns the 1-based line and what looks cut.
 */
export function cutOffLastLine(text: string, fields: number): { line: number; text: string; detail: string } | null {
  if (endsWithLineBreak(text)) return null;
  const end = text.trimEnd();
  const start = end.lastIndexOf('\n') + 1;
  if (start === 0) return null; // the header alone
  const last = end.slice(start).replace(/\r$/, '');
  const prevEnd = start - 1;
  const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  const prev = prevStart === 0 ? undefined : text.slice(prevStart, prevEnd).replace(/\r$/, '').split(',');
  const why = cutLastLine(prev, last.split(','), fields);
  if (!why) return null;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  return { line, text: last, detail: why };
}

export function columnIndex(table: CsvTable, name: string, file: string): number {
  let i = table.header.indexOf(name);
  if (i < 0) i = table.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  if (i < 0) throw new MissingColumnError(name, file, table.header);
  return i;
}

/** The header lacks a column the catalog reads (a renamed, changed or missing header). */
export class MissingColumnError extends Error {
  constructor(
    readonly column: string,
    readonly file: string,
    header: string[],
  ) {
    super(`column "${column}" not found in ${file} (header: ${excerpt(header.slice(0, 12).join(', '), 120)})`);
  }
}
