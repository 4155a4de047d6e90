// Shapes of catalog entries: what a series is (SeriesMeta) plus where its values live in the offline
// snapshot directory and at the live publisher.
import type { SeriesMeta } from '../../core/types.ts';

/** How to read one series from a file of the snapshot directory (paths relative to the snapshot root). */
export interface SnapshotLocation {
  file: string;
  dateColumn: string;
  valueColumn: string;
  /** 'iso' = YYYY-MM-DD (default), 'slash' = YYYY/M/D, 'compact' = YYYYMMDD. */
  dateFormat?: 'iso' | 'slash' | 'compact';
  /** The file has open/high/low/close/volume columns; valueColumn is the close. */
  ohlcv?: boolean;
  /** Only rows whose `column` holds exactly `equals` (an event table holding several kinds of rows). */
  where?: { column: string; equals: string };
  /** Cells that mean "no observation" in this file (Shiller's 0.0 for months not yet published). */
  missing?: string[];
}

/** Where the live publisher serves the series; absent when there is only the snapshot. */
export type LiveLocation =
  | { connector: 'fred'; id: string }
  | { connector: 'yahoo'; symbol: string };

export interface CatalogSeries extends SeriesMeta {
  snapshot: SnapshotLocation;
  live?: LiveLocation;
}
