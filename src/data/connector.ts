// The one shape every series connector has (after OpenBB's provider fetchers): turn a request into the
// source's parameters, fetch, and return our standard SeriesBatch with provenance attached.
import type { IsoDate, SeriesBatch, SourceId } from '../core/types.ts';

export interface SeriesRequest {
  /** The publisher's id of the series (FRED id, ticker symbol …). */
  remoteId: string;
  /** Our catalog id the batch is for (often the same as remoteId). */
  seriesId: string;
  /** Only observations on or after this date, when the source supports it. */
  from?: IsoDate;
  signal?: AbortSignal;
}

export interface SeriesConnector {
  source: SourceId;
  fetchSeries(req: SeriesRequest): Promise<SeriesBatch>;
}
