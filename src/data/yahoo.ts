// Daily equity bars from Yahoo Finance's chart API, turned into Bars dated in the exchange's own time zone,
// with provenance. No adjustment or cleaning: a null Yahoo sent stays null.
import { z } from 'zod';
import { InvalidDateError, MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../core/errors.ts';
import type { Bar, DataProblem, IsoDate, SeriesBatch } from '../core/types.ts';
import type { SeriesConnector, SeriesRequest } from './connector.ts';
import type { ParsedObservations } from './fred.ts';
import { isIsoDate, orderByDate } from './quality.ts';
import { excerpt, fetchWithRetry, parseJsonText, readBodyText, validateResponse, type HttpSettings } from './http.ts';

export const YAHOO_BASE_URL = 'https://query1.finance.yahoo.com';
/** period1 when no start date is asked for: 1900-01-01, before any listing. */
const EARLIEST_PERIOD = Date.UTC(1900, 0, 1) / 1000;
/** Exchanges sit at most 14 hours ahead of UTC, so a bar of day D is never stamped before D − 14 h UTC. */
const MAX_UTC_LEAD_SECONDS = 14 * 3600;

const priceArray = z.array(z.union([z.number(), z.string(), z.null()]));

const chartSchema = z.object({
  chart: z.object({
    result: z
      .array(
        z.object({
          meta: z.object({
            symbol: z.string(),
            currency: z.string().nullable().optional(),
            exchangeTimezoneName: z.string().optional(),
          }),
          timestamp: z.array(z.number().int()).optional(),
          indicators: z.object({
            quote: z.array(
              z.object({
                open: priceArray.optional(),
                high: priceArray.optional(),
                low: priceArray.optional(),
                close: priceArray.optional(),
                volume: priceArray.optional(),
              }),
            ),
            adjclose: z.array(z.object({ adjclose: priceArray.optional() })).optional(),
          }),
        }),
      )
      .nullable(),
    error: z.object({ code: z.string(), description: z.string().nullable().optional() }).nullable(),
  }),
});

export interface ParsedChart extends ParsedObservations<Bar> {
  symbol: string;
  currency?: string;
  /** The time zone the dates are in: the exchange's, or UTC when Yahoo gave none we can use. */
  timeZone: string;
}

/** A formatter from a unix timestamp to the calendar date in `timeZone`; UTC when the zone is unknown. */
export function exchangeDateFormatter(timeZone: string | undefined): { timeZone: string; format: (unixSeconds: number) => IsoDate } {
  if (timeZone) {
    try {
      const fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      return {
        timeZone,
        format: (unixSeconds) => {
          let y = '';
          let m = '';
          let d = '';
          for (const part of fmt.formatToParts(unixSeconds * 1000)) {
            if (part.type === 'year') y = part.value;
            else if (part.type === 'month') m = part.value;
            else if (part.type === 'day') d = part.value;
          }
          return `${y.padStart(4, '0')}-${m}-${d}`;
        },
      };
    } catch {
      // An unknown zone name: fall back to UTC below.
    }
  }
  return { timeZone: 'UTC', format: (unixSeconds) => new Date(unixSeconds * 1000).toISOString().slice(0, 10) };
}

/** Throw the typed error for a chart error object (`{code, description}`), e.g. "Not Found" for an unknown symbol. */
function chartError(error: { code: string; description?: string | null }, symbol: string): Error {
  if (error.code === 'Not Found') return new UnknownSeriesError(symbol);
  return new SourceUnavailableError('yahoo', `${symbol}: ${error.code}${error.description ? ` — ${error.description}` : ''}`);
}

/** Validate a chart body and turn it into Bars (value = close). `symbol` names the request in errors. */
export function parseYahooChart(body: unknown, seriesId: string, symbol: string = seriesId): ParsedChart {
  const { chart } = validateResponse(chartSchema, body, 'yahoo', `${symbol} chart`);
  if (chart.error) throw chartError(chart.error, symbol);
  const result = chart.result?.[0];
  if (!result) throw new MalformedResponseError('yahoo', `${symbol} chart: neither a result nor an error`);

  const timestamps = result.timestamp ?? [];
  const quote = result.indicators.quote[0];
  const columns = { open: quote?.open, high: quote?.high, low: quote?.low, close: quote?.close, volume: quote?.volume };
  for (const [name, values] of Object.entries(columns)) {
    if (timestamps.length > 0 && values?.length !== timestamps.length) {
      throw lengthMismatch(symbol, name, values?.length ?? 0, timestamps.length);
    }
  }

  const { timeZone, format } = exchangeDateFormatter(result.meta.exchangeTimezoneName);
  const problems: DataProblem[] = [];
  const bars: Bar[] = [];
  for (let i = 0; i < timestamps.length; i++) {
    const date = format(timestamps[i]!);
    const field = (name: keyof typeof columns): number | null => {
      const v = columns[name]![i];
      if (typeof v === 'number') return Number.isFinite(v) ? v : null;
      if (v === null || v === undefined) return null;
      problems.push({ kind: 'non_numeric_value', seriesId, date, detail: `${name} "${excerpt(v, 40)}" on ${date} is not a number; kept as null` });
      return null;
    };
    bars.push({ date, value: field('close'), open: field('open'), high: field('high'), low: field('low'), volume: field('volume') });
  }
  return {
    symbol: result.meta.symbol,
    currency: result.meta.currency ?? undefined,
    timeZone,
    observations: orderByDate(bars, seriesId, problems),
    problems,
  };
}

function lengthMismatch(symbol: string, column: string, got: number, want: number): MalformedResponseError {
  return new MalformedResponseError('yahoo', `${symbol} chart: indicators.quote.0.${column} has ${got} values for ${want} timestamps`);
}

export interface YahooOptions {
  /** Scheme and host (tests point it at loopback); `/v8/finance/chart/<SYMBOL>` is appended. */
  baseUrl?: string;
  http?: HttpSettings;
  now?: () => Date;
}

export class YahooConnector implements SeriesConnector {
  readonly source = 'yahoo' as const;
  readonly baseUrl: string;
  private readonly http: HttpSettings;
  private readonly now: () => Date;

  constructor(opts: YahooOptions = {}) {
    this.baseUrl = (opts.baseUrl ?? YAHOO_BASE_URL).replace(/\/$/, '');
    this.http = opts.http ?? {};
    this.now = opts.now ?? (() => new Date());
  }

  chartUrl(symbol: string, period1: number, period2: number): string {
    return `${this.baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?period1=${period1}&period2=${period2}&interval=1d&events=history`;
  }

  async fetchSeries(req: SeriesRequest): Promise<SeriesBatch> {
    if (req.from !== undefined && !isIsoDate(req.from)) throw new InvalidDateError(req.from);
    if (req.remoteId.trim() === '') throw new UnknownSeriesError(req.remoteId);
    const symbol = req.remoteId;
    const period1 = req.from ? Date.parse(`${req.from}T00:00:00Z`) / 1000 - MAX_UTC_LEAD_SECONDS : EARLIEST_PERIOD;
    const period2 = Math.floor(this.now().getTime() / 1000);
    const url = this.chartUrl(symbol, period1, period2);

    const res = await fetchWithRetry(url, { ...this.http, signal: req.signal, source: 'yahoo' });
    if (!res.ok) throw await this.httpError(res, symbol, url);
    const text = await readBodyText(res, 'yahoo', url);
    const retrievedAt = this.now();
    const chart = parseYahooChart(parseJsonText(text, 'yahoo', `${symbol} chart`), req.seriesId, symbol);
    // period1 reaches back 14 h so a far-east exchange's first day is included; drop what lies before it.
    const observations = req.from ? chart.observations.filter((bar) => bar.date >= req.from!) : chart.observations;
    const problems = chart.problems;
    if (observations.length === 0 && req.from === undefined) {
      problems.push({ kind: 'empty_series', seriesId: req.seriesId, detail: `Yahoo returned no bars for ${symbol}` });
    }
    return {
      seriesId: req.seriesId,
      observations,
      provenance: { source: 'yahoo', url, retrievedAt, mode: 'live' },
      reportedUnits: chart.currency,
      problems,
    };
  }

  /** Yahoo answers an unknown symbol with 404 and `{chart:{result:null,error:{code:"Not Found",…}}}`. */
  private async httpError(res: Response, symbol: string, url: string): Promise<Error> {
    const text = await res.text().catch(() => '');
    try {
      const parsed = chartSchema.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.chart.error) return chartError(parsed.data.chart.error, symbol);
    } catch {
      // not Yahoo's JSON: report the status below
    }
    if (res.status === 404) return new UnknownSeriesError(symbol);
    return new SourceUnavailableError('yahoo', `HTTP ${res.status} from ${url}: ${excerpt(text, 200)}`);
  }
}

/** The Yahoo connector the environment asks for; FINCITE_YAHOO_URL replaces the base URL. */
export function yahooConnectorFromEnv(env: Record<string, string | undefined> = process.env, http?: HttpSettings): YahooConnector {
  return new YahooConnector({ baseUrl: env.FINCITE_YAHOO_URL || undefined, http });
}
