// Yahoo chart connector, against the recorded equity files served in Yahoo's chart format by the fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../../src/core/errors.ts';
import type { Bar } from '../../src/core/types.ts';
import type { HttpSettings } from '../../src/data/http.ts';
import { exchangeDateFormatter, parseYahooChart, YAHOO_BASE_URL, YahooConnector, yahooConnectorFromEnv } from '../../src/data/yahoo.ts';
import { snapshotRoot, startFixtureServer, type FixtureServer } from '../fixtures/live-server.ts';

/** equities/daily/<file>.csv read the plain way, independently of the code under test. */
function rawBars(file: string): Bar[] {
  const [header, ...lines] = readFileSync(path.join(snapshotRoot(), 'equities/daily', `${file}.csv`), 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = header!.split(',');
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
  return lines.map((line) => {
    const f = line.split(',');
    const at = (name: string) => num(f[cols.indexOf(name)]);
    return { date: f[0]!, value: at('close'), open: at('open'), high: at('high'), low: at('low'), volume: at('volume') };
  });
}

let server: FixtureServer;
const sleeps: number[] = [];
const http: HttpSettings = { baseDelayMs: 1, timeoutMs: 2000, sleep: async (ms) => void sleeps.push(ms) };
let yahoo: YahooConnector;
const AAPL = { remoteId: 'AAPL', seriesId: 'AAPL' };
const NOW = new Date('2026-09-01T00:00:00Z');

beforeAll(async () => {
  server = await startFixtureServer();
  yahoo = new YahooConnector({ baseUrl: server.url, http, now: () => NOW });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  sleeps.length = 0;
});

describe('Yahoo connector (through the fixture)', () => {
  it('returns the bars of equities/daily/AAPL.csv, the last bar equal to its last row', async () => {
    const raw = rawBars('AAPL');
    const batch = await yahoo.fetchSeries(AAPL);
    expect(batch.observations.at(-1)).toEqual({ date: '2026-08-21', value: 309.35, open: 312.05, high: 312.38, low: 307.01, volume: 42216056 });
    expect(batch.observations.at(-1)).toEqual(raw.at(-1));
    expect(batch.observations).toEqual(raw);
    expect(batch.problems).toEqual([]);
    expect(batch.reportedUnits).toBe('USD');
    expect(batch.provenance).toMatchObject({
      source: 'yahoo',
      mode: 'live',
      url: `${server.url}/v8/finance/chart/AAPL?period1=-2208988800&period2=${NOW.getTime() / 1000}&interval=1d&events=history`,
    });
  });

  it('asks from a little before the start date and returns bars from it on', async () => {
    const mark = server.requests.length;
    const batch = await yahoo.fetchSeries({ ...AAPL, from: '2026-08-03' });
    expect(Number(server.requests[mark]!.query.get('period1'))).toBe(Date.parse('2026-08-03T00:00:00Z') / 1000 - 14 * 3600);
    expect(batch.observations).toEqual(rawBars('AAPL').filter((b) => b.date >= '2026-08-03'));
    expect(batch.observations[0]!.date).toBe('2026-08-03');
  });

  it('reads a class share (BRK-B) and a Seoul listing in its own time zone and currency', async () => {
    expect((await yahoo.fetchSeries({ remoteId: 'BRK-B', seriesId: 'BRK.B' })).observations).toEqual(rawBars('BRK.B'));
    const samsung = await yahoo.fetchSeries({ remoteId: '005930.KS', seriesId: 'SAMSUNG' });
    expect(samsung.reportedUnits).toBe('KRW');
    expect(samsung.observations).toEqual(rawBars('SAMSUNG'));
  });

  it('turns an unknown symbol into UnknownSeriesError', async () => {
    const err = await yahoo.fetchSeries({ remoteId: 'NOSUCHTICKER', seriesId: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownSeriesError);
    expect((err as Error).message).toBe('Unknown series or ticker "NOSUCHTICKER".');
  });

  it('retries a 429 and a 503', async () => {
    server.setFault('/v8/finance/chart/AAPL', { status: 429, retryAfter: 3 });
    server.setFault('/v8/finance/chart/AAPL', { status: 503 });
    const batch = await yahoo.fetchSeries(AAPL);
    expect(batch.observations).toHaveLength(rawBars('AAPL').length);
    expect(sleeps[0]).toBe(3000);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up with SourceUnavailableError', async () => {
    server.setFault('/v8/finance/chart/', { status: 500 }, 4);
    await expect(yahoo.fetchSeries(AAPL)).rejects.toThrow(/Source yahoo is unavailable: .* failed after 4 attempts: HTTP 500/);
  });

  it('rejects a truncated body and an HTML page with MalformedResponseError', async () => {
    for (const malformed of [true, 'html', 'shape'] as const) {
      server.setFault('/v8/finance/chart/AAPL', { malformed });
      await expect(yahoo.fetchSeries(AAPL), String(malformed)).rejects.toThrow(MalformedResponseError);
    }
  });

  it('keeps missing prices as null without a problem', async () => {
    server.setFault('/v8/finance/chart/AAPL', { missingValues: true });
    const batch = await yahoo.fetchSeries(AAPL);
    const raw = rawBars('AAPL');
    expect(batch.observations[2]).toEqual({ ...raw[2]!, value: null });
    expect(batch.observations[4]!.value).toBeNull();
    expect(batch.observations[3]).toEqual(raw[3]);
    expect(batch.problems).toEqual([]);
  });

  it('reports a non-numeric price and keeps it as null', async () => {
    server.setFault('/v8/finance/chart/AAPL', { nonNumeric: true });
    const batch = await yahoo.fetchSeries(AAPL);
    expect(batch.observations[2]!.value).toBeNull();
    expect(batch.problems).toEqual([expect.objectContaining({ kind: 'non_numeric_value', seriesId: 'AAPL', date: rawBars('AAPL')[2]!.date })]);
    expect(batch.problems[0]!.detail).toContain('close "n/a"');
  });

  it('reports unsorted bars and sorts them', async () => {
    server.setFault('/v8/finance/chart/AAPL', { unsorted: true });
    const batch = await yahoo.fetchSeries(AAPL);
    expect(batch.problems.map((p) => p.kind)).toEqual(['unsorted_dates']);
    expect(batch.observations).toEqual(rawBars('AAPL'));
  });

  it('returns an empty batch when the range holds no bars', async () => {
    const batch = await yahoo.fetchSeries({ ...AAPL, from: '2026-08-30' });
    expect(batch.observations).toEqual([]);
    expect(batch.problems).toEqual([]);
  });
});

describe('parseYahooChart', () => {
  const chart = (meta: object, timestamp: number[], close: Array<number | string | null>) => ({
    chart: {
      result: [{ meta: { symbol: 'X', currency: 'USD', ...meta }, timestamp, indicators: { quote: [{ open: close, high: close, low: close, close, volume: close }] } }],
      error: null,
    },
  });
  // 2024-03-10 03:30 UTC is still 2024-03-09 in New York.
  const lateEvening = Date.parse('2024-03-10T03:30:00Z') / 1000;

  it('dates bars in the exchange time zone, falling back to UTC', () => {
    expect(parseYahooChart(chart({ exchangeTimezoneName: 'America/New_York' }, [lateEvening], [1]), 'X').observations[0]!.date).toBe('2024-03-09');
    const unknownZone = parseYahooChart(chart({ exchangeTimezoneName: 'Mars/Olympus_Mons' }, [lateEvening], [1]), 'X');
    expect(unknownZone.timeZone).toBe('UTC');
    expect(unknownZone.observations[0]!.date).toBe('2024-03-10');
    expect(parseYahooChart(chart({}, [lateEvening], [1]), 'X').observations[0]!.date).toBe('2024-03-10');
    expect(exchangeDateFormatter('Asia/Seoul').format(Date.parse('2024-03-09T15:00:00Z') / 1000)).toBe('2024-03-10');
  });

  it("keeps the last of two bars on one day (Yahoo's live bar) and reports it", () => {
    const t = Date.parse('2024-03-08T14:30:00Z') / 1000;
    const parsed = parseYahooChart(chart({ exchangeTimezoneName: 'America/New_York' }, [t, t + 3600 * 5], [10, 11]), 'X');
    expect(parsed.observations.map((b) => b.value)).toEqual([11]);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['duplicate_date']);
  });

  it('maps chart errors to typed errors', () => {
    expect(() => parseYahooChart({ chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } }, 'X')).toThrow(UnknownSeriesError);
    expect(() => parseYahooChart({ chart: { result: null, error: { code: 'Bad Request', description: 'Invalid input' } } }, 'X')).toThrow(SourceUnavailableError);
    expect(() => parseYahooChart({ chart: { result: [], error: null } }, 'X')).toThrow(MalformedResponseError);
  });

  it('rejects arrays that do not line up with the timestamps, and wrong shapes', () => {
    const body = chart({}, [lateEvening, lateEvening + 86400], [1]);
    expect(() => parseYahooChart(body, 'X')).toThrow(/indicators\.quote\.0\.open has 1 values for 2 timestamps/);
    expect(() => parseYahooChart({ chart: { result: [{ meta: {} }], error: null } }, 'X')).toThrow(MalformedResponseError);
    expect(() => parseYahooChart('<html>', 'X')).toThrow(MalformedResponseError);
  });

  it('reads a result without timestamps as no bars', () => {
    const parsed = parseYahooChart({ chart: { result: [{ meta: { symbol: 'X', currency: 'USD' }, indicators: { quote: [{}] } }], error: null } }, 'X');
    expect(parsed.observations).toEqual([]);
  });
});

describe('yahooConnectorFromEnv', () => {
  it('uses the real URL unless FINCITE_YAHOO_URL is set', async () => {
    expect(yahooConnectorFromEnv({}).baseUrl).toBe(YAHOO_BASE_URL);
    const connector = yahooConnectorFromEnv({ FINCITE_YAHOO_URL: `${server.url}/` }, http);
    expect(connector.baseUrl).toBe(server.url);
    expect((await connector.fetchSeries(AAPL)).observations.at(-1)).toEqual(rawBars('AAPL').at(-1));
  });
});
