// Encodes observations in PostgreSQL's binary COPY format. Loading this way is ~2x faster in PGlite than
// INSERT … unnest, because the server does no text parsing of dates and floats.
export interface ObservationColumns {
  seriesId: string;
  dates: string[];
  values: Array<number | null>;
  open?: Array<number | null>;
  high?: Array<number | null>;
  low?: Array<number | null>;
  volume?: Array<number | null>;
  retrievedAt: Date;
  syncRunId: number | null;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'binary');
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

/** Days since 2000-01-01 for an ISO date, the binary representation of a PostgreSQL `date`. */
function pgDays(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round((Date.UTC(y, m - 1, d) - PG_EPOCH_MS) / DAY_MS);
}

export function encodeObservationsCopy(rows: ObservationColumns): Uint8Array {
  const sid = Buffer.from(rows.seriesId, 'utf8');
  const n = rows.dates.length;
  // 9 fields: series_id, date, value, open, high, low, volume, retrieved_at, sync_run_id
  const maxRow = 2 + (4 + sid.length) + (4 + 4) + 5 * (4 + 8) + (4 + 8) + (4 + 4);
  const buf = Buffer.allocUnsafe(SIGNATURE.length + 8 + n * maxRow + 2);
  let o = SIGNATURE.copy(buf, 0);
  o = buf.writeInt32BE(0, o);
  o = buf.writeInt32BE(0, o);
  const retrievedMicros = BigInt(rows.retrievedAt.getTime() - PG_EPOCH_MS) * 1000n;
  const optional = [rows.open, rows.high, rows.low, rows.volume];
  for (let i = 0; i < n; i++) {
    o = buf.writeInt16BE(9, o);
    o = buf.writeInt32BE(sid.length, o);
    o += sid.copy(buf, o);
    o = buf.writeInt32BE(4, o);
    o = buf.writeInt32BE(pgDays(rows.dates[i]!), o);
    o = writeFloat(buf, o, rows.values[i] ?? null);
    for (const col of optional) o = writeFloat(buf, o, col ? (col[i] ?? null) : null);
    o = buf.writeInt32BE(8, o);
    o = buf.writeBigInt64BE(retrievedMicros, o);
    if (rows.syncRunId === null) o = buf.writeInt32BE(-1, o);
    else {
      o = buf.writeInt32BE(4, o);
      o = buf.writeInt32BE(rows.syncRunId, o);
    }
  }
  o = buf.writeInt16BE(-1, o);
  return buf.subarray(0, o);
}

function writeFloat(buf: Buffer, o: number, v: number | null): number {
  if (v === null || Number.isNaN(v)) return buf.writeInt32BE(-1, o);
  o = buf.writeInt32BE(8, o);
  return buf.writeDoubleBE(v, o);
}
