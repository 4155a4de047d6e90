// FRED connectors: the keyless graph CSV download and, when an API key is set, the JSON API. Both turn FRED's
// native format into Observations with provenance; the CSV parser is shared with the offline snapshot reader,
// whose files are in the same format.
import { z } from 'zod';
import { InvalidDateError, MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../core/errors.ts';
import type { DataProblem, IsoDate, Observation, SeriesBatch } from '../core/types.ts';
import type { SeriesConnector, SeriesRequest } from './connector.ts';
import { isIsoDate, orderByDate, parseValue } from './quality.ts';
import { bodyExcerpt, excerpt, fetchWithRetry, parseJsonText, readBodyText, redactSecrets, validateResponse, type HttpSettings } from './http.ts';

export const FRED_CSV_BASE_URL = 'https://fred.stlouisfed.org';
export const FRED_API_BASE_URL = 'https://api.stlouisfed.org';
/** FRED's largest page of observations (its `limit` maximum and default). */
export const FRED_API_PAGE_SIZE = 100_000;

export interface ParsedObservations<T extends Observation = Observation> {
  observations: T[];
  problems: DataProblem[];
}

// ---------------------------------------------------------------------------------------------------------
// Graph CSV: `observation_date,<ID>` (older downloads: `DATE,<ID>`), ISO dates, empty or "." when missing

/**
 * Parse FRED's graph CSV for one series. `column` is the FRED id the header must name (defaults to `seriesId`).
 * Hand-rolled because a full import parses about a million rows: no per-row split, regex or trim.
 * Throws MalformedResponseError when the text is not this format (an HTML page, another header, a row
 * without exactly two fields).
 */
export function parseFredCsv(text: string, seriesId: string, column: string = seriesId): ParsedObservations {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let eol = text.indexOf('\n', pos);
  if (eol === -1) eol = len;
  const header = text.slice(pos, eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol);
  checkCsvHeader(header, column);
  pos = eol + 1;

  const observations: Observation[] = [];
  const problems: DataProblem[] = [];
  let line = 1;
  while (pos < len) {
    line++;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = len;
    const next = end + 1;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end === pos) {
      pos = next;
      continue;
    }
    const comma = text.indexOf(',', pos);
    if (comma === -1 || comma >= end) {
      throw new MalformedResponseError('fred', `${column} CSV line ${line}: expected "date,value", got "${excerpt(text.slice(pos, end))}"`);
    }
    const extra = text.indexOf(',', comma + 1);
    if (extra !== -1 && extra < end) {
      throw new MalformedResponseError('fred', `${column} CSV line ${line}: more than two fields in "${excerpt(text.slice(pos, end))}"`);
    }
    const date = text.slice(pos, comma);
    if (!isIsoDate(date)) {
      problems.push({ kind: 'bad_date', seriesId, detail: `line ${line}: "${excerpt(date, 40)}" is not a YYYY-MM-DD date; row skipped` });
      pos = next;
      continue;
    }
    let value: number | null;
    if (end === comma + 1 || (end === comma + 2 && text.charCodeAt(comma + 1) === 46)) {
      value = null;
    } else {
      value = parseValue(text.slice(comma + 1, end), date, seriesId, problems);
    }
    observations.push({ date, value });
    pos = next;
  }
  return { observations: orderByDate(observations, seriesId, problems), problems };
}

function checkCsvHeader(header: string, column: string): void {
  const comma = header.indexOf(',');
  const first = comma === -1 ? header : header.slice(0, comma);
  const second = comma === -1 ? '' : header.slice(comma + 1);
  const firstOk = first === 'observation_date' || first === 'DATE';
  if (!firstOk || second.toUpperCase() !== column.toUpperCase()) {
    throw new MalformedResponseError('fred', `expected the CSV header "observation_date,${column}", got "${excerpt(header)}"`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// JSON API

const observationsPageSchema = z.object({
  count: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().optional(),
  observations: z.array(z.object({ date: z.string(), value: z.string() })),
});
type FredObservationRow = z.infer<typeof observationsPageSchema>['observations'][number];

const seriesInfoSchema = z.object({
  seriess: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        units: z.string(),
        frequency: z.string(),
        last_updated: z.string(),
      }),
    )
    .min(1),
});

const apiErrorSchema = z.object({ error_code: z.number(), error_message: z.string() });

export interface FredSeriesInfo {
  id: string;
  title: string;
  /** Units as FRED words them, e.g. "Millions of U.S. Dollars". */
  units: string;
  frequency: string;
  /** FRED's stamp, e.g. "2026-08-14 08:38:21-05". */
  lastUpdated: string;
}

/** Validate one body of `/fred/series/observations` and turn it into Observations. */
export function parseFredObservations(body: unknown, seriesId: string): ParsedObservations {
  const page = validateResponse(observationsPageSchema, body, 'fred', `${seriesId} observations`);
  return observationsFromRows(page.observations, seriesId);
}

function observationsFromRows(rows: FredObservationRow[], seriesId: string): ParsedObservations {
  const problems: DataProblem[] = [];
  const observations: Observation[] = [];
  for (const row of rows) {
    if (!isIsoDate(row.date)) {
      problems.push({ kind: 'bad_date', seriesId, detail: `"${excerpt(row.date, 40)}" is not a YYYY-MM-DD date; row skipped` });
      continue;
    }
    observations.push({ date: row.date, value: parseValue(row.value, row.date, seriesId, problems) });
  }
  return { observations: orderByDate(observations, seriesId, problems), problems };
}

/** Validate a body of `/fred/series`. */
export function parseFredSeriesInfo(body: unknown, seriesId: string): FredSeriesInfo {
  const info = validateResponse(seriesInfoSchema, body, 'fred', `${seriesId} series info`).seriess[0]!;
  return { id: info.id, title: info.title, units: info.units, frequency: info.frequency, lastUpdated: info.last_updated };
}

// ---------------------------------------------------------------------------------------------------------
// Connectors

export interface FredCsvOptions {
  /** Scheme and host (tests point it at loopback); `/graph/fredgraph.csv` is appended. */
  baseUrl?: string;
  http?: HttpSettings;
  now?: () => Date;
}

export interface FredApiOptions extends FredCsvOptions {
  apiKey: string;
  /** Observations per request; FRED's maximum unless a test wants paging. */
  pageSize?: number;
}

function checkRequest(req: SeriesRequest): void {
  if (req.from !== undefined && !isIsoDate(req.from)) throw new InvalidDateError(req.from);
  if (req.remoteId.trim() === '') throw new UnknownSeriesError(req.remoteId);
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function emptySeriesProblems(req: SeriesRequest, observations: Observation[], problems: DataProblem[]): DataProblem[] {
  // With a start date, an empty answer just means nothing new was published.
  if (observations.length === 0 && req.from === undefined) {
    problems.push({ kind: 'empty_series', seriesId: req.seriesId, detail: `FRED returned no observations for ${req.remoteId}` });
  }
  return problems;
}

export class FredCsvConnector implements SeriesConnector {
  readonly source = 'fred' as const;
  readonly baseUrl: string;
  private readonly http: HttpSettings;
  private readonly now: () => Date;

  constructor(opts: FredCsvOptions = {}) {
    this.baseUrl = trimSlash(opts.baseUrl ?? FRED_CSV_BASE_URL);
    this.http = opts.http ?? {};
    this.now = opts.now ?? (() => new Date());
  }

  csvUrl(remoteId: string, from?: IsoDate): string {
    const cosd = from ? `&cosd=${from}` : '';
    return `${this.baseUrl}/graph/fredgraph.csv?id=${encodeURIComponent(remoteId)}${cosd}`;
  }

  async fetchSeries(req: SeriesRequest): Promise<SeriesBatch> {
    checkRequest(req);
    const url = this.csvUrl(req.remoteId, req.from);
    const res = await fetchWithRetry(url, { ...this.http, signal: req.signal, source: 'fred' });
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      throw new UnknownSeriesError(req.remoteId);
    }
    if (!res.ok) throw new SourceUnavailableError('fred', `HTTP ${res.status} from ${url}: ${await bodyExcerpt(res)}`);
    const text = await readBodyText(res, 'fred', url);
    const retrievedAt = this.now();
    const { observations, problems } = parseFredCsv(text, req.seriesId, req.remoteId);
    return {
      seriesId: req.seriesId,
      observations,
      provenance: { source: 'fred', url, retrievedAt, mode: 'live' },
      problems: emptySeriesProblems(req, observations, problems),
    };
  }
}

export class FredApiConnector implements SeriesConnector {
  readonly source = 'fred' as const;
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly pageSize: number;
  private readonly http: HttpSettings;
  private readonly now: () => Date;

  constructor(opts: FredApiOptions) {
    if (!opts.apiKey) throw new TypeError('FredApiConnector needs an API key');
    this.baseUrl = trimSlash(opts.baseUrl ?? FRED_API_BASE_URL);
    this.apiKey = opts.apiKey;
    this.pageSize = opts.pageSize ?? FRED_API_PAGE_SIZE;
    this.http = opts.http ?? {};
    this.now = opts.now ?? (() => new Date());
  }

  /** The URL of one page of observations (it contains the API key: redact before showing it). */
  observationsUrl(remoteId: string, from?: IsoDate, offset = 0): string {
    let url = `${this.baseUrl}/fred/series/observations?series_id=${encodeURIComponent(remoteId)}&api_key=${encodeURIComponent(this.apiKey)}&file_type=json`;
    if (from) url += `&observation_start=${from}`;
    if (this.pageSize !== FRED_API_PAGE_SIZE) url += `&limit=${this.pageSize}`;
    if (offset > 0) url += `&offset=${offset}`;
    return url;
  }

  async fetchSeriesInfo(remoteId: string, signal?: AbortSignal): Promise<FredSeriesInfo> {
    const url = `${this.baseUrl}/fred/series?series_id=${encodeURIComponent(remoteId)}&api_key=${encodeURIComponent(this.apiKey)}&file_type=json`;
    const body = await this.getJson(url, remoteId, 'series info', signal);
    return parseFredSeriesInfo(body, remoteId);
  }

  async fetchSeries(req: SeriesRequest): Promise<SeriesBatch> {
    checkRequest(req);
    const info = await this.fetchSeriesInfo(req.remoteId, req.signal);
    const rows: FredObservationRow[] = [];
    const firstUrl = this.observationsUrl(req.remoteId, req.from);
    for (;;) {
      const url = rows.length === 0 ? firstUrl : this.observationsUrl(req.remoteId, req.from, rows.length);
      const body = await this.getJson(url, req.remoteId, 'observations', req.signal);
      const page = validateResponse(observationsPageSchema, body, 'fred', `${req.remoteId} observations`);
      for (const row of page.observations) rows.push(row);
      if (page.observations.length === 0 || page.count === undefined || rows.length >= page.count) break;
    }
    const retrievedAt = this.now();
    const { observations, problems } = observationsFromRows(rows, req.seriesId);
    return {
      seriesId: req.seriesId,
      observations,
      provenance: { source: 'fred', url: redactSecrets(firstUrl), retrievedAt, mode: 'live' },
      reportedUnits: info.units || undefined,
      problems: emptySeriesProblems(req, observations, problems),
    };
  }

  private async getJson(url: string, remoteId: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const res = await fetchWithRetry(url, { ...this.http, signal, source: 'fred' });
    const text = await readBodyText(res, 'fred', redactSecrets(url));
    if (!res.ok) throw this.apiError(res.status, text, remoteId, url);
    return parseJsonText(text, 'fred', `${remoteId} ${what}`);
  }

  /** FRED answers a bad request with `{error_code, error_message}`; an unknown series is a 400 (or 404). */
  private apiError(status: number, text: string, remoteId: string, url: string): Error {
    let message = excerpt(text, 200);
    try {
      const parsed = apiErrorSchema.safeParse(JSON.parse(text));
      if (parsed.success) message = parsed.data.error_message;
    } catch {
      // not JSON: keep the excerpt
    }
    if (status === 404 || /series does not exist/i.test(message)) return new UnknownSeriesError(remoteId);
    const redacted = redactSecrets(message);
    const shown = this.apiKey.length >= 8 ? redacted.split(this.apiKey).join('REDACTED') : redacted;
    return new SourceUnavailableError('fred', `HTTP ${status} from ${redactSecrets(url)}: ${shown}`);
  }
}

export type FredConnector = FredCsvConnector | FredApiConnector;

/**
 * The FRED connector the environment asks for: the JSON API when FRED_API_KEY is set, else the keyless CSV;
 * FINCITE_FRED_API_URL / FINCITE_FRED_CSV_URL replace the base URLs.
 */
export function fredConnectorFromEnv(env: Record<string, string | undefined> = process.env, http?: HttpSettings): FredConnector {
  const apiKey = env.FRED_API_KEY?.trim();
  if (apiKey) return new FredApiConnector({ apiKey, baseUrl: env.FINCITE_FRED_API_URL || undefined, http });
  return new FredCsvConnector({ baseUrl: env.FINCITE_FRED_CSV_URL || undefined, http });
}
