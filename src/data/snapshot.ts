// The offline snapshot connector: reads series, company fundamentals and documents from the snapshot
// directory (FINCITE_SNAPSHOT, default ../shared/data), in the same output shapes as the live connectors.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bar, DataProblem, FundamentalRow, IsoDate, Observation, PeriodKind, SeriesBatch, StatementKind } from '../core/types.ts';
import type { CatalogSeries, SnapshotLocation } from './catalog/types.ts';
import { columnIndex, parseCsv, type CsvTable } from './csv.ts';
import { parseFredCsv } from './fred.ts';
import { isIsoDate, orderByDate, parseValue } from './quality.ts';

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

  async readSeries(entry: CatalogSeries, retrievedAt = new Date()): Promise<SeriesBatch> {
    const loc = entry.snapshot;
    let observations: Array<Observation | Bar>;
    let problems: DataProblem[] = [];
    if (loc.dateColumn === 'observation_date') {
      // fred-snapshot/ files are byte-for-byte FRED's graph CSV: read them with the live connector's parser.
      ({ observations, problems } = parseFredCsv(await readFile(path.join(this.root, loc.file), 'utf8'), entry.id, loc.valueColumn));
    } else {
      observations = extractSeries(entry.id, loc, await this.table(loc.file), problems);
    }
    if (observations.length === 0) problems.push({ kind: 'empty_series', seriesId: entry.id, detail: `no rows in ${loc.file}` });
    return {
      seriesId: entry.id,
      observations,
      provenance: { source: entry.source, url: this.fileUrl(loc.file), retrievedAt, mode: 'snapshot' },
      reportedUnits: entry.unit.label,
      problems,
    };
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

  /** Income, balance-sheet and cash-flow rows (annual and quarterly) of one company, one row per item. */
  async readFundamentals(ticker: string): Promise<{ rows: FundamentalRow[]; url: string }> {
    const rows: FundamentalRow[] = [];
    const statements: StatementKind[] = ['income', 'balance', 'cashflow'];
    const periods: PeriodKind[] = ['annual', 'quarterly'];
    for (const statement of statements) {
      for (const period of periods) {
        const file = `equities/financials/${ticker}/${statement}_${period}.csv`;
        if (!existsSync(path.join(this.root, file))) continue;
        const table = await this.table(file);
        const dateIdx = columnIndex(table, 'date', file);
        for (const cells of table.rows) {
          const periodEnd = cells[dateIdx]?.trim() ?? '';
          if (!isIsoDate(periodEnd)) continue;
          table.header.forEach((item, i) => {
            if (i === dateIdx) return;
            const raw = cells[i]?.trim();
            if (!raw) return;
            const value = Number(raw);
            if (Number.isFinite(value)) rows.push({ ticker, statement, period, periodEnd, item, value });
          });
        }
      }
    }
    return { rows, url: this.fileUrl(`equities/financials/${ticker}`) };
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

/** Pull one series out of a (possibly wide) table. Rows with an empty cell in a wide file are not observations. */
export function extractSeries(seriesId: string, loc: SnapshotLocation, table: CsvTable, problems: DataProblem[]): Array<Observation | Bar> {
  const dateIdx = columnIndex(table, loc.dateColumn, loc.file);
  const valueIdx = columnIndex(table, loc.valueColumn, loc.file);
  const ohlcv = loc.ohlcv
    ? (['open', 'high', 'low', 'volume'] as const).map((c) => columnIndex(table, c, loc.file))
    : null;
  const wide = table.header.length > 2 && !ohlcv;
  const whereIdx = loc.where ? columnIndex(table, loc.where.column, loc.file) : -1;
  const out: Array<Observation | Bar> = [];
  for (const cells of table.rows) {
    if (loc.where && (cells[whereIdx] ?? '').trim() !== loc.where.equals) continue;
    const rawDate = cells[dateIdx] ?? '';
    const date = normaliseDate(rawDate, loc.dateFormat);
    if (!date) {
      if (rawDate.trim() !== '') problems.push({ kind: 'bad_date', seriesId, detail: `unreadable date "${rawDate.slice(0, 30)}"` });
      continue;
    }
    const cell = cells[valueIdx];
    if (wide && (cell === undefined || cell.trim() === '')) continue;
    if (loc.missing?.includes(cell?.trim() ?? '')) continue;
    const value = parseValue(cell?.trim() ?? '', date, seriesId, problems);
    if (ohlcv) {
      const [o, h, l, v] = ohlcv.map((i) => parseValue(cells[i]?.trim() ?? '', date, seriesId, problems));
      out.push({ date, value, open: o ?? null, high: h ?? null, low: l ?? null, volume: v ?? null });
    } else out.push({ date, value });
  }
  return orderByDate(out, seriesId, problems);
}
