// The offline snapshot connector: reads series, company fundamentals and documents from the snapshot
// directory (FINCITE_SNAPSHOT, default ../shared/data), in the same output shapes as the live connectors.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bar, DataProblem, FundamentalRow, IsoDate, Observation, PeriodKind, SeriesBatch, StatementKind } from '../core/types.ts';
import type { CatalogSeries, SnapshotLocation } from './catalog/types.ts';
import { columnIndex, cutOffLastLine, MissingColumnError, parseCsv, type CsvTable } from './csv.ts';
import { parseFredCsv } from './fred.ts';
import { excerpt } from './http.ts';
import { capProblems, isBlocking, isIsoDate, orderByDate, parseValue } from './quality.ts';

export class SnapshotReader {
  private readonly tables = new Map<string, Promise<CsvTable>>();

  constructor(readonly root: string) {}

  /** Read one file as a table, once per reader (wide files hold many series). */
  table(file: string): Promise<CsvTable> {
    let t = this.tables.get(file);
    if (!t) {
      t = readFile(path.join(this.root, file), 'utf8').then(parseCsv);
      this.tables.set(file, t);
    }
    return t;
  }

  fileUrl(file: string): string {
    return pathToFileURL(path.join(this.root, file)).href;
  }

  /**
   * One series as a batch. The file is validated as it is read (row shape, a cut-off last line, the header,
   * whole-field numbers, real dates, order and duplicates); what is wrong is in `problems`, each with its
   * file, line and column, and a batch with a blocking problem (quality.ts isBlocking) carries no rows.
   */
  async readSeries(entry: CatalogSeries, retrievedAt = new Date()): Promise<SeriesBatch> {
    const loc = entry.snapshot;
    const problems: DataProblem[] = [];
    let observations: Array<Observation | Bar> = [];
    try {
      observations = loc.dateColumn === 'observation_date' ? await this.readFredFile(entry.id, loc, problems) : await this.readTableFile(entry.id, loc, problems);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      problems.push({ kind: 'missing_file', seriesId: entry.id, file: loc.file, detail: `the file ${loc.file} is not in the snapshot directory ${this.root}` });
    }
    const blocked = problems.some(isBlocking);
    if (!blocked && observations.length === 0) problems.push({ kind: 'empty_series', seriesId: entry.id, file: loc.file, detail: `no rows for ${entry.id} (a header without data)` });
    for (const p of problems) p.file ??= loc.file;
    return {
      seriesId: entry.id,
      observations: blocked ? [] : observations,
      provenance: { source: entry.source, url: this.fileUrl(loc.file), retrievedAt, mode: 'snapshot' },
      reportedUnits: entry.unit.label,
      problems: capProblems(problems),
    };
  }

  /** fred-snapshot/ files are byte-for-byte FRED's graph CSV: read them with the live connector's parser. */
  private async readFredFile(seriesId: string, loc: SnapshotLocation, problems: DataProblem[]): Promise<Observation[]> {
    const text = await readFile(path.join(this.root, loc.file), 'utf8');
    const file = loc.file;
    if (text.trim() === '' || text.trim() === '\ufeff') {
      problems.push({ kind: 'empty_file', seriesId, file, line: 1, detail: text.length ? 'the file holds only blank space' : 'the file is empty (0 bytes)' });
      return [];
    }
    const headerEnd = text.indexOf('\n');
    const header = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, headerEnd < 0 ? text.length : headerEnd).replace(/\r$/, '');
    const [first = '', second = '', ...extra] = header.split(',');
    if (!(first === 'observation_date' || first === 'DATE') || second.toUpperCase() !== loc.valueColumn.toUpperCase() || extra.length) {
      const looksLikeData = isIsoDate(first);
      problems.push({
        kind: 'bad_header',
        seriesId,
        file,
        line: 1,
        column: loc.valueColumn,
        detail: `expected the header "observation_date,${loc.valueColumn}", found "${excerpt(header, 60)}"${looksLikeData ? ' (the first line is data: the header is missing)' : ''}`,
      });
      return [];
    }
    const cut = cutOffLastLine(text, 2);
    if (cut) {
      problems.push({ kind: 'truncated_file', seriesId, file, line: cut.line, column: loc.valueColumn, detail: `the file ends without a line break and its last line "${excerpt(cut.text, 40)}" looks cut off: ${cut.detail}` });
      return [];
    }
    let parsed: ReturnType<typeof parseFredCsv>;
    try {
      parsed = parseFredCsv(text, seriesId, loc.valueColumn);
    } catch (err) {
      // a row with other than two fields (the header was checked above)
      const message = err instanceof Error ? err.message : String(err);
      const line = /line (\d+)/.exec(message)?.[1];
      problems.push({ kind: 'bad_row', seriesId, file, ...(line ? { line: Number(line) } : {}), detail: message.replace(/^.*?line \d+: /, '') });
      return [];
    }
    for (const p of parsed.problems) {
      p.column ??= p.kind === 'bad_date' ? 'observation_date' : loc.valueColumn;
      if (p.line !== undefined) continue;
      const fromDetail = /^line (\d+): /.exec(p.detail);
      if (fromDetail) {
        p.line = Number(fromDetail[1]);
        p.detail = p.detail.slice(fromDetail[0].length);
      } else if (p.date) {
        const line = lineOfDate(text, p.date);
        if (line) p.line = line;
      }
    }
    problems.push(...parsed.problems);
    return parsed.observations;
  }

  private async readTableFile(seriesId: string, loc: SnapshotLocation, problems: DataProblem[]): Promise<Array<Observation | Bar>> {
    const table = await this.table(loc.file);
    if (table.shape.length) {
      for (const s of table.shape) problems.push({ kind: s.kind, seriesId, file: loc.file, line: s.line, detail: s.detail });
      return [];
    }
    try {
      return extractSeries(seriesId, loc, table, problems);
    } catch (err) {
      if (!(err instanceof MissingColumnError)) throw err;
      problems.push({ kind: 'bad_header', seriesId, file: loc.file, line: 1, column: err.column, detail: err.message });
      return [];
    }
  }

  /** The 1-based line of the first row dated `date` in the series' file (to locate a problem found later). */
  async lineOf(loc: SnapshotLocation, date: IsoDate): Promise<number | undefined> {
    if (loc.dateColumn === 'observation_date') return lineOfDate(await readFile(path.join(this.root, loc.file), 'utf8'), date);
    const table = await this.table(loc.file);
    const di = table.header.findIndex((h) => h.toLowerCase() === loc.dateColumn.toLowerCase());
    const wi = loc.where ? table.header.findIndex((h) => h.toLowerCase() === loc.where!.column.toLowerCase()) : -1;
    const r = table.rows.findIndex((cells) => (!loc.where || (cells[wi] ?? '').trim() === loc.where.equals) && normaliseDate(cells[di] ?? '', loc.dateFormat) === date);
    return r >= 0 ? table.lines[r] : undefined;
  }

  /** Tickers with statement files under equities/financials/. */
  fundamentalTickers(): string[] {
    const dir = path.join(this.root, 'equities/financials');
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  }

  /**
   * Income, balance-sheet and cash-flow rows (annual and quarterly) of one company, one row per item. Empty cells
   * are items not reported; a file of the wrong shape, a row without a real date or a cell that is not a whole
   * number is a blocking problem (the sync then keeps the company's stored fundamentals).
   */
  async readFundamentals(ticker: string): Promise<{ rows: FundamentalRow[]; url: string; problems: DataProblem[] }> {
    const rows: FundamentalRow[] = [];
    const problems: DataProblem[] = [];
    const seriesId = `fundamentals:${ticker}`;
    const statements: StatementKind[] = ['income', 'balance', 'cashflow'];
    const periods: PeriodKind[] = ['annual', 'quarterly'];
    for (const statement of statements) {
      for (const period of periods) {
        const file = `equities/financials/${ticker}/${statement}_${period}.csv`;
        if (!existsSync(path.join(this.root, file))) continue;
        const table = await this.table(file);
        if (table.shape.length) {
          for (const s of table.shape) problems.push({ kind: s.kind, seriesId, file, line: s.line, detail: s.detail });
          continue;
        }
        let dateIdx: number;
        try {
          dateIdx = columnIndex(table, 'date', file);
        } catch (err) {
          problems.push({ kind: 'bad_header', seriesId, file, line: 1, column: 'date', detail: err instanceof Error ? err.message : String(err) });
          continue;
        }
        table.rows.forEach((cells, r) => {
          const line = table.lines[r] ?? r + 2;
          const periodEnd = cells[dateIdx]?.trim() ?? '';
          if (!isIsoDate(periodEnd)) {
            problems.push({ kind: 'bad_date', seriesId, file, line, column: 'date', detail: `"${excerpt(periodEnd, 30)}" is not a date` });
            return;
          }
          table.header.forEach((item, i) => {
            if (i === dateIdx) return;
            const raw = cells[i]?.trim();
            if (!raw) return;
            const before = problems.length;
            const value = parseValue(raw, periodEnd, seriesId, problems);
            if (problems.length > before) {
              problems[before]!.file = file;
              problems[before]!.line = line;
              problems[before]!.column = item;
            } else if (value !== null) rows.push({ ticker, statement, period, periodEnd, item, value });
          });
        });
      }
    }
    return { rows, url: this.fileUrl(`equities/financials/${ticker}`), problems: capProblems(problems) };
  }
}

function normaliseDate(raw: string, format: SnapshotLocation['dateFormat']): IsoDate | null {
  const text = raw.trim();
  let iso = text;
  if (format === 'slash') {
    const [y, m, d] = text.split('/');
    if (!y || !m || !d) return null;
    iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  } else if (format === 'compact') {
    iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  } else if (text.length > 10) {
    iso = text.slice(0, 10); // timestamps such as 2024-01-02 00:00:00
  }
  return isIsoDate(iso) ? iso : null;
}

/**
 * Pull one series out of a (possibly wide) table. Rows with an empty cell in a wide file are not observations.
 * Problems get the row's line and the column they were found in.
 */
export function extractSeries(seriesId: string, loc: SnapshotLocation, table: CsvTable, problems: DataProblem[]): Array<Observation | Bar> {
  const dateIdx = columnIndex(table, loc.dateColumn, loc.file);
  const valueIdx = columnIndex(table, loc.valueColumn, loc.file);
  const ohlcv = loc.ohlcv ? (['open', 'high', 'low', 'volume'] as const).map((c) => columnIndex(table, c, loc.file)) : null;
  const wide = table.header.length > 2 && !ohlcv;
  const whereIdx = loc.where ? columnIndex(table, loc.where.column, loc.file) : -1;
  const out: Array<Observation | Bar> = [];
  const locate = (from: number, line: number, column: number) => {
    for (let k = from; k < problems.length; k++) {
      problems[k]!.line ??= line;
      problems[k]!.column ??= table.header[column]!;
    }
  };
  for (let r = 0; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    if (loc.where && (cells[whereIdx] ?? '').trim() !== loc.where.equals) continue;
    const rawDate = cells[dateIdx] ?? '';
    const date = normaliseDate(rawDate, loc.dateFormat);
    const line = table.lines[r] ?? r + 2;
    if (!date) {
      if (rawDate.trim() !== '') problems.push({ kind: 'bad_date', seriesId, line, column: table.header[dateIdx]!, detail: `"${excerpt(rawDate, 30)}" is not a date` });
      continue;
    }
    const cell = cells[valueIdx];
    if (wide && (cell === undefined || cell.trim() === '')) continue;
    if (loc.missing?.includes(cell?.trim() ?? '')) continue;
    let before = problems.length;
    const value = parseValue(cell?.trim() ?? '', date, seriesId, problems);
    if (problems.length > before) locate(before, line, valueIdx);
    if (ohlcv) {
      const bar: Array<number | null> = [];
      for (const idx of ohlcv) {
        before = problems.length;
        bar.push(parseValue(cells[idx]?.trim() ?? '', date, seriesId, problems));
        if (problems.length > before) locate(before, line, idx);
      }
      out.push({ date, value, open: bar[0] ?? null, high: bar[1] ?? null, low: bar[2] ?? null, volume: bar[3] ?? null });
    } else out.push({ date, value });
  }
  const before = problems.length;
  const ordered = orderByDate(out, seriesId, problems);
  // order and duplicate problems: the line of the first row with that date (only on this error path)
  for (let k = before; k < problems.length; k++) {
    const p = problems[k]!;
    p.column ??= table.header[dateIdx]!;
    if (p.date === undefined) continue;
    const r = table.rows.findIndex((cells) => (!loc.where || (cells[whereIdx] ?? '').trim() === loc.where.equals) && normaliseDate(cells[dateIdx] ?? '', loc.dateFormat) === p.date);
    if (r >= 0) p.line ??= table.lines[r];
  }
  return ordered;
}

/** The 1-based line of the first row of `text` dated `date` (a problem's location; only on the error path). */
function lineOfDate(text: string, date: IsoDate): number | undefined {
  const at = text.indexOf(`\n${date},`);
  if (at < 0) return undefined;
  let line = 2;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
