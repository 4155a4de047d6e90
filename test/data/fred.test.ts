// FRED connectors and parsers, against the real recorded files served by the loopback fixture.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidDateError, MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../../src/core/errors.ts';
import type { Observation, SeriesBatch } from '../../src/core/types.ts';
import {
  FRED_API_BASE_URL,
  FRED_CSV_BASE_URL,
  FredApiConnector,
  FredCsvConnector,
  fredConnectorFromEnv,
  parseFredCsv,
  parseFredObservations,
  parseFredSeriesInfo,
} from '../../src/data/fred.ts';
import type { HttpSettings } from '../../src/data/http.ts';
import { orderByDate } from '../../src/data/quality.ts';
import { snapshotRoot, startFixtureServer, type FixtureServer } from '../fixtures/live-server.ts';

const SNAPSHOT = snapshotRoot();

/** The file read the plain way, independently of the code under test. */
function rawFred(id: string): Observation[] {
  const lines = readFileSync(path.join(SNAPSHOT, 'fred-snapshot', `${id}.csv`), 'utf8').split('\n');
  return lines
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date, value] = l.split(',');
      return { date: date!, value: value === '' ? null : Number(value) };
    });
}

let server: FixtureServer;
const sleeps: number[] = [];
const http: HttpSettings = { baseDelayMs: 1, timeoutMs: 2000, sleep: async (ms) => void sleeps.push(ms) };
let csv: FredCsvConnector;
let api: FredApiConnector;
const WALCL = { remoteId: 'WALCL', seriesId: 'WALCL' };

beforeAll(async () => {
  server = await startFixtureServer();
  csv = new FredCsvConnector({ baseUrl: server.url, http });
  api = new FredApiConnector({ baseUrl: server.url, apiKey: server.apiKey, http });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  sleeps.length = 0;
});

describe('parseFredCsv', () => {
  it('reads the current header, LF or CRLF, with or without a BOM and final newline', () => {
    const expected = [
      { date: '2020-01-01', value: 1.5 },
      { date: '2020-01-02', value: -2 },
    ];
    for (const text of [
      'observation_date,X\n2020-01-01,1.5\n2020-01-02,-2\n',
      'observation_date,X\r\n2020-01-01,1.5\r\n2020-01-02,-2\r\n',
      '\uFEFFobservation_date,X\r\n2020-01-01,1.5\r\n2020-01-02,-2',
      'observation_date,X\n2020-01-01,1.5\n2020-01-02,-2\n\n\n',
    ]) {
      expect(parseFredCsv(text, 'X')).toEqual({ observations: expected, problems: [] });
    }
  });

  it('reads the older DATE header and matches the id without regard to case', () => {
    expect(parseFredCsv('DATE,walcl\n2020-01-01,3\n', 'ours', 'WALCL').observations).toEqual([{ date: '2020-01-01', value: 3 }]);
  });

  it('turns an empty cell or "." into null without a problem', () => {
    const parsed = parseFredCsv('observation_date,X\r\n2020-01-01,\r\n2020-01-02,.\r\n2020-01-03,0\n2020-01-04,', 'X');
    expect(parsed.observations.map((o) => o.value)).toEqual([null, null, 0, null]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps a non-numeric value as null and reports it', () => {
    const parsed = parseFredCsv('observation_date,X\n2020-01-01,1\n2020-01-02,n/a\n2020-01-03, \n2020-01-04,Infinity\n', 'X');
    expect(parsed.observations.map((o) => o.value)).toEqual([1, null, null, null]);
    expect(parsed.problems.map((p) => [p.kind, p.date])).toEqual([
      ['non_numeric_value', '2020-01-02'],
      ['non_numeric_value', '2020-01-03'],
      ['non_numeric_value', '2020-01-04'],
    ]);
    expect(parsed.problems[0]!.detail).toContain('"n/a"');
  });

  it('sorts unsorted dates and reports it once', () => {
    const parsed = parseFredCsv('observation_date,X\n2020-01-03,3\n2020-01-01,1\n2020-01-02,2\n', 'X');
    expect(parsed.observations.map((o) => o.date)).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ kind: 'unsorted_dates', seriesId: 'X', date: '2020-01-01' });
  });

  it('keeps the last row of a duplicated date and reports it', () => {
    const parsed = parseFredCsv('observation_date,X\n2020-01-01,1\n2020-01-02,2\n2020-01-02,22\n2020-01-02,222\n2020-01-03,3\n', 'X');
    expect(parsed.observations).toEqual([
      { date: '2020-01-01', value: 1 },
      { date: '2020-01-02', value: 222 },
      { date: '2020-01-03', value: 3 },
    ]);
    expect(parsed.problems).toEqual([expect.objectContaining({ kind: 'duplicate_date', date: '2020-01-02', detail: expect.stringContaining('3 times') })]);
  });

  it('reports and skips a row whose date is not YYYY-MM-DD', () => {
    const parsed = parseFredCsv('observation_date,X\n2020-01-01,1\n01/02/2020,2\n2020-13-01,3\n', 'X');
    expect(parsed.observations).toEqual([{ date: '2020-01-01', value: 1 }]);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['bad_date', 'bad_date']);
  });

  it('rejects what is not this format', () => {
    expect(() => parseFredCsv('<!DOCTYPE html><html><body>Error</body></html>', 'X')).toThrow(MalformedResponseError);
    expect(() => parseFredCsv('<!DOCTYPE html><html><body>Error</body></html>', 'X')).toThrow(/expected the CSV header "observation_date,X", got "<!DOCTYPE html>/);
    expect(() => parseFredCsv('observation_date,Y\n2020-01-01,1\n', 'X')).toThrow(MalformedResponseError);
    expect(() => parseFredCsv('', 'X')).toThrow(MalformedResponseError);
    expect(() => parseFredCsv('observation_date,X\n2020-01-01,1,2\n', 'X')).toThrow(/line 2: more than two fields/);
    expect(() => parseFredCsv('observation_date,X\n2020-01-01\n', 'X')).toThrow(/line 2: expected "date,value"/);
  });

  it('reads every file of the snapshot exactly as series.csv describes it', () => {
    const table = Papa.parse<Record<string, string>>(readFileSync(path.join(SNAPSHOT, 'fred-snapshot/series.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const files = readdirSync(path.join(SNAPSHOT, 'fred-snapshot')).filter((f) => f.endsWith('.csv') && f !== 'series.csv');
    expect(files.length).toBe(table.length);
    for (const row of table) {
      const id = row.id!;
      const { observations, problems } = parseFredCsv(readFileSync(path.join(SNAPSHOT, 'fred-snapshot', `${id}.csv`), 'utf8'), id);
      expect(problems, id).toEqual([]);
      expect(observations.filter((o) => o.value !== null).length, id).toBe(Number(row.n));
      expect(observations[0]!.date, id).toBe(row.first);
      expect(observations.at(-1)!.date, id).toBe(row.last);
    }
  });
});

describe('orderByDate', () => {
  it('returns the same array when rows are already in order', () => {
    const rows = [
      { date: '2020-01-01', value: 1 },
      { date: '2020-01-02', value: 2 },
    ];
    expect(orderByDate(rows, 'X', [])).toBe(rows);
  });

  it('dedupes after sorting, keeping the later row of the source', () => {
    const problems: never[] = [];
    const rows = [
      { date: '2020-01-02', value: 2 },
      { date: '2020-01-01', value: 1 },
      { date: '2020-01-02', value: 20 },
    ];
    expect(orderByDate(rows, 'X', problems)).toEqual([
      { date: '2020-01-01', value: 1 },
      { date: '2020-01-02', value: 20 },
    ]);
    expect(problems.map((p: { kind: string }) => p.kind)).toEqual(['unsorted_dates', 'duplicate_date']);
  });
});

describe('parseFredObservations / parseFredSeriesInfo', () => {
  it('reads FRED JSON observations, "." as null', () => {
    const body = { observations: [{ realtime_start: 'x', realtime_end: 'x', date: '2020-01-01', value: '4.5' }, { date: '2020-01-02', value: '.' }] };
    expect(parseFredObservations(body, 'X')).toEqual({
      observations: [
        { date: '2020-01-01', value: 4.5 },
        { date: '2020-01-02', value: null },
      ],
      problems: [],
    });
  });

  it('rejects JSON without observations or with numbers for values', () => {
    expect(() => parseFredObservations({ error: 'nope' }, 'X')).toThrow(/X observations: observations: /);
    expect(() => parseFredObservations({ observations: [{ date: '2020-01-01', value: 1 }] }, 'X')).toThrow(MalformedResponseError);
    expect(() => parseFredSeriesInfo({ seriess: [] }, 'X')).toThrow(MalformedResponseError);
  });
});

describe('FRED CSV connector (through the fixture)', () => {
  it('returns exactly the observations of fred-snapshot/WALCL.csv', async () => {
    const raw = rawFred('WALCL');
    const batch = await csv.fetchSeries(WALCL);
    expect(batch.observations).toHaveLength(raw.length);
    expect(batch.observations).toEqual(raw);
    expect(batch.observations.at(-1)).toEqual({ date: '2026-08-19', value: 6745699 });
    expect(batch.problems).toEqual([]);
    expect(batch.provenance).toMatchObject({ source: 'fred', mode: 'live', url: `${server.url}/graph/fredgraph.csv?id=WALCL` });
    expect(batch.provenance.retrievedAt).toBeInstanceOf(Date);
    expect(batch.reportedUnits).toBeUndefined();
  });

  it('asks for cosd when a start date is given', async () => {
    const mark = server.requests.length;
    const batch = await csv.fetchSeries({ ...WALCL, from: '2025-06-01' });
    expect(server.requests[mark]!.query.get('cosd')).toBe('2025-06-01');
    expect(batch.observations).toEqual(rawFred('WALCL').filter((o) => o.date >= '2025-06-01'));
  });

  it('retries a 429 after Retry-After, through the injected sleep', async () => {
    server.setFault('/graph/fredgraph.csv', { status: 429, retryAfter: 1 });
    const batch = await csv.fetchSeries(WALCL);
    expect(sleeps).toEqual([1000]);
    expect(batch.observations).toHaveLength(rawFred('WALCL').length);
  });

  it('throws SourceUnavailableError when 5xx answers outlast the retries', async () => {
    server.setFault('/graph/fredgraph.csv', { status: 502 }, 4);
    await expect(csv.fetchSeries(WALCL)).rejects.toThrow(SourceUnavailableError);
    expect(sleeps).toHaveLength(3);
  });

  it('retries after a request that hangs past the timeout', async () => {
    const quick = new FredCsvConnector({ baseUrl: server.url, http: { ...http, timeoutMs: 150 } });
    server.setFault('/graph/fredgraph.csv', { hang: true });
    const batch = await quick.fetchSeries(WALCL);
    expect(batch.observations).toHaveLength(rawFred('WALCL').length);
    expect(sleeps).toHaveLength(1);
  });

  it('rejects an HTML page with MalformedResponseError', async () => {
    server.setFault('/graph/fredgraph.csv', { malformed: true });
    await expect(csv.fetchSeries(WALCL)).rejects.toThrow(MalformedResponseError);
    server.setFault('/graph/fredgraph.csv', { malformed: true });
    await expect(csv.fetchSeries(WALCL)).rejects.toThrow(/unexpected format: expected the CSV header "observation_date,WALCL", got "<!DOCTYPE html>/);
  });

  it('keeps blank and "." values as null', async () => {
    server.setFault('/graph/fredgraph.csv', { missingValues: true });
    const batch = await csv.fetchSeries(WALCL);
    const raw = rawFred('WALCL');
    expect(batch.observations).toHaveLength(raw.length);
    expect(batch.observations.slice(0, 6).map((o) => o.value)).toEqual([raw[0]!.value, raw[1]!.value, null, raw[3]!.value, null, raw[5]!.value]);
    expect(batch.problems).toEqual([]);
  });

  it('reports a non-numeric value and keeps it as null', async () => {
    server.setFault('/graph/fredgraph.csv', { nonNumeric: true });
    const batch = await csv.fetchSeries(WALCL);
    expect(batch.observations[2]).toEqual({ date: rawFred('WALCL')[2]!.date, value: null });
    expect(batch.problems).toEqual([expect.objectContaining({ kind: 'non_numeric_value', seriesId: 'WALCL', date: '2003-01-01' })]);
  });

  it('reports unsorted rows and returns them sorted', async () => {
    server.setFault('/graph/fredgraph.csv', { unsorted: true });
    const batch = await csv.fetchSeries(WALCL);
    expect(batch.problems.map((p) => p.kind)).toEqual(['unsorted_dates']);
    expect(batch.observations).toEqual(rawFred('WALCL'));
  });

  it('turns a 404 for an unknown id into UnknownSeriesError', async () => {
    const err = await csv.fetchSeries({ remoteId: 'NOSUCHSERIES', seriesId: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownSeriesError);
    expect((err as Error).message).toBe('Unknown series or ticker "NOSUCHSERIES".');
  });

  it('rejects a start date that is not YYYY-MM-DD before any request', async () => {
    const mark = server.requests.length;
    await expect(csv.fetchSeries({ ...WALCL, from: '2020-01-01&id=X' })).rejects.toThrow(InvalidDateError);
    expect(server.requests.length).toBe(mark);
  });
});

describe('FRED JSON API connector (through the fixture)', () => {
  it('returns the same observations as the CSV, with the reported units', async () => {
    const batch = await api.fetchSeries(WALCL);
    expect(batch.observations).toEqual(rawFred('WALCL'));
    expect(batch.reportedUnits).toBe('USD millions, weekly (Wed level)');
    expect(batch.problems).toEqual([]);
    expect(batch.provenance).toMatchObject({
      source: 'fred',
      mode: 'live',
      url: `${server.url}/fred/series/observations?series_id=WALCL&api_key=REDACTED&file_type=json`,
    });
  });

  it('asks for observation_start when a start date is given', async () => {
    const mark = server.requests.length;
    const batch = await api.fetchSeries({ remoteId: 'DFF', seriesId: 'fed_funds', from: '2026-08-01' });
    const observationsRequest = server.requests.slice(mark).find((r) => r.path === '/fred/series/observations')!;
    expect(observationsRequest.query.get('observation_start')).toBe('2026-08-01');
    expect(batch.seriesId).toBe('fed_funds');
    expect(batch.observations).toEqual(rawFred('DFF').filter((o) => o.date >= '2026-08-01'));
    expect(batch.observations.at(-1)).toEqual({ date: '2026-08-20', value: 3.63 });
  });

  it('pages through long series', async () => {
    const paged = new FredApiConnector({ baseUrl: server.url, apiKey: server.apiKey, http, pageSize: 500 });
    const mark = server.requests.length;
    const batch = await paged.fetchSeries(WALCL);
    expect(batch.observations).toEqual(rawFred('WALCL'));
    const offsets = server.requests.slice(mark).filter((r) => r.path === '/fred/series/observations').map((r) => r.query.get('offset'));
    expect(offsets).toEqual([null, '500', '1000']);
  });

  it('reads series info', async () => {
    expect(await api.fetchSeriesInfo('WALCL')).toEqual({
      id: 'WALCL',
      title: 'WALCL',
      units: 'USD millions, weekly (Wed level)',
      frequency: 'Weekly',
      lastUpdated: '2026-08-13 15:32:11-05',
    });
  });

  it('turns "." into null and reports non-numeric values', async () => {
    server.setFault('/fred/series/observations', { missingValues: true });
    const missing = await api.fetchSeries(WALCL);
    expect(missing.observations.slice(0, 5).map((o) => o.value)).toEqual([719542, 732059, null, 723762, null]);
    expect(missing.problems).toEqual([]);
    server.setFault('/fred/series/observations', { nonNumeric: true });
    const bad = await api.fetchSeries(WALCL);
    expect(bad.observations[2]!.value).toBeNull();
    expect(bad.problems).toEqual([expect.objectContaining({ kind: 'non_numeric_value', date: '2003-01-01' })]);
  });

  it('reports unsorted observations and sorts them', async () => {
    server.setFault('/fred/series/observations', { unsorted: true });
    const batch = await api.fetchSeries(WALCL);
    expect(batch.problems.map((p) => p.kind)).toEqual(['unsorted_dates']);
    expect(batch.observations).toEqual(rawFred('WALCL'));
  });

  it('rejects truncated JSON, an HTML page and JSON without observations', async () => {
    for (const malformed of ['truncated', 'html', 'shape'] as const) {
      server.setFault('/fred/series/observations', { malformed });
      const err = await api.fetchSeries(WALCL).catch((e: unknown) => e);
      expect(err, malformed).toBeInstanceOf(MalformedResponseError);
      expect((err as Error).message, malformed).toMatch(malformed === 'shape' ? /WALCL observations: observations: / : /WALCL observations is not JSON/);
    }
  });

  it('turns "series does not exist" into UnknownSeriesError', async () => {
    await expect(api.fetchSeries({ remoteId: 'NOSUCHSERIES', seriesId: 'x' })).rejects.toThrow(UnknownSeriesError);
  });

  it('explains a rejected key without showing it', async () => {
    const wrongKey = 'ffffffffffffffffffffffffffffffff';
    const wrong = new FredApiConnector({ baseUrl: server.url, apiKey: wrongKey, http });
    const err = await wrong.fetchSeries(WALCL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).message).toMatch(/HTTP 400 from .*api_key=REDACTED.*: Bad Request\. +The value for variable api_key is not registered/);
    expect(JSON.stringify({ m: (err as SourceUnavailableError).messages, s: (err as Error).stack })).not.toContain(wrongKey);
  });

  it('never lets the API key into an error or the provenance', async () => {
    const key = server.apiKey;
    const shown: string[] = [];
    const collect = async (run: () => Promise<SeriesBatch>) => {
      try {
        const batch = await run();
        shown.push(JSON.stringify(batch.provenance), JSON.stringify(batch.problems));
      } catch (err) {
        shown.push((err as Error).message, JSON.stringify((err as SourceUnavailableError).messages), String((err as Error).stack));
      }
    };
    await collect(() => api.fetchSeries(WALCL));
    server.setFault('/fred/series/observations', { status: 503 }, 4);
    await collect(() => api.fetchSeries(WALCL));
    server.setFault('/fred/series/observations', { malformed: 'truncated' });
    await collect(() => api.fetchSeries(WALCL));
    await collect(() => api.fetchSeries({ remoteId: 'NOSUCHSERIES', seriesId: 'x' }));
    server.setFault('/fred/series', { hang: true }, 4);
    await collect(() => new FredApiConnector({ baseUrl: server.url, apiKey: key, http: { ...http, timeoutMs: 50 } }).fetchSeries(WALCL));
    expect(shown).toHaveLength(2 + 4 * 3); // one batch, four errors
    for (const text of shown) expect(text).not.toContain(key);
    expect(shown.some((t) => t.includes('api_key=REDACTED'))).toBe(true);
  });
});

describe('fredConnectorFromEnv', () => {
  it('uses the CSV without a key and the JSON API with one, honouring URL overrides', () => {
    const keyless = fredConnectorFromEnv({});
    expect(keyless).toBeInstanceOf(FredCsvConnector);
    expect(keyless.baseUrl).toBe(FRED_CSV_BASE_URL);
    const keyed = fredConnectorFromEnv({ FRED_API_KEY: 'k'.repeat(32) });
    expect(keyed).toBeInstanceOf(FredApiConnector);
    expect(keyed.baseUrl).toBe(FRED_API_BASE_URL);
    expect(fredConnectorFromEnv({ FRED_API_KEY: '', FINCITE_FRED_CSV_URL: 'http://127.0.0.1:1/' }).baseUrl).toBe('http://127.0.0.1:1');
    expect(fredConnectorFromEnv({ FRED_API_KEY: 'k', FINCITE_FRED_API_URL: 'http://127.0.0.1:2' }).baseUrl).toBe('http://127.0.0.1:2');
  });

  it('builds the real URLs', () => {
    expect(new FredCsvConnector().csvUrl('WALCL', '2020-01-01')).toBe('https://fred.stlouisfed.org/graph/fredgraph.csv?id=WALCL&cosd=2020-01-01');
    expect(new FredApiConnector({ apiKey: 'KEY' }).observationsUrl('WALCL', '2020-01-01')).toBe(
      'https://api.stlouisfed.org/fred/series/observations?series_id=WALCL&api_key=KEY&file_type=json&observation_start=2020-01-01',
    );
  });

  it('the env-built connector reads through the fixture', async () => {
    const connector = fredConnectorFromEnv({ FRED_API_KEY: server.apiKey, FINCITE_FRED_API_URL: server.url }, http);
    const batch = await connector.fetchSeries({ remoteId: 'CPIAUCSL', seriesId: 'CPIAUCSL', from: '2025-01-01' });
    expect(batch.observations).toEqual(rawFred('CPIAUCSL').filter((o) => o.date >= '2025-01-01'));
    // October 2025 was never published (2025 shutdown): the row is absent, not invented.
    expect(batch.observations.find((o) => o.date === '2025-10-01')).toBeUndefined();
  });
});
