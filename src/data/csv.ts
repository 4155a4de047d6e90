// Reads the CSV files of the offline snapshot into columns. Numeric files have no quoted fields, so a
// plain split is both correct and fast; files with quotes go through papaparse.
import Papa from 'papaparse';

export interface CsvTable {
  header: string[];
  /** Row-major cells; rows shorter than the header are padded with ''. */
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('"')) {
    const res = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const [header = [], ...rows] = res.data;
    return { header: header.map((h) => h.trim()), rows };
  }
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').split(',').map((h) => h.trim());
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;
    rows.push(line.split(','));
  }
  return { header, rows };
}

export function columnIndex(table: CsvTable, name: string, file: string): number {
  let i = table.header.indexOf(name);
  if (i < 0) i = table.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  if (i < 0) throw new Error(`column "${name}" not found in ${file} (columns: ${table.header.slice(0, 12).join(', ')}…)`);
  return i;
}
