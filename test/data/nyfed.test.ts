// New York Fed Markets connector on a loopback server. The SOFR responses are the real recording
// ../shared/data/recordings/nyfed/rates_secured_sofr_last15_2026-05-15_2026-06-05.json (read by path, served
// byte for byte); its values are checked against the raw file and against FRED's SOFR columns in
// fred/market-base/rates.csv. No recording of the EFFR, SOMA summary or repo-operation responses exists: the
// bodies marked DOCUMENTED-FORMAT FIXTURE below are written by hand from the New York Fed's API documentation,
// with made-up round numbers — they are not recorded responses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../../src/core/errors.ts';
import type { HttpSettings } from '../../src/data/http.ts';
import { NYFED_BASE_URL, NYFED_RATE_FIELDS, NYFED_SERIES, NyfedConnector, nyfedConnectorFromEnv, parseNyfedRates } from '../../src/data/nyfed.ts';
import { snapshotRoot } from '../fixtures/live-server.ts';
import { startReplayServer, type ReplayServer } from '../fixtures/json-replay-server.ts';

const SNAPSHOT = snapshotRoot();
const RECORDING_PATH = path.join(SNAPSHOT, 'recordings/nyfed/rates_secured_sofr_last15_2026-05-15_2026-06-05.json');
const RECORDING = readFileSync(RECORDING_PATH, 'utf8');
const RAW = JSON.parse(RECORDING) as { refRates: Array<Record<string, number | string>> };

/** FRED's SOFR family in rates.csv, by date. */
function fredSofr(): Map<string, Record<string, string>> {
  const text = readFileSync(path.join(SNAPSHOT, 'fred/market-base/rates.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return new Map(rows.map((r) => [r.date!, r]));
}

// DOCUMENTED-FORMAT FIXTURE (not recorded): an EFFR search answer, two days, invented values.
const EFFR_FIXTURE = JSON.stringify({
  refRates: [
    { effectiveDate: '2026-06-02', type: 'EFFR', percentRate: 3.33, percentPercentile1: 3.3, percentPercentile25: 3.31, percentPercentile75: 3.35, percentPercentile99: 3.4, volumeInBillions: 100, targetRateFrom: 3.25, targetRateTo: 3.5, revisionIndicator: '' },
    { effectiveDate: '2026-06-01', type: 'EFFR', percentRate: 3.32, percentPercentile1: 3.29, percentPercentile25: 3.3, percentPercentile75: 3.34, percentPercentile99: 3.39, volumeInBillions: 101, targetRateFrom: 3.25, targetRateTo: 3.5, revisionIndicator: 'Y' },
  ],
});

// DOCUMENTED-FORMAT FIXTURE (not recorded): SOMA summary, amounts in dollars as strings, invented values.
const SOMA_FIXTURE = JSON.stringify({
  soma: {
    summary: [
      { asOfDate: '2026-05-27', mbs: '2000000000000', cmbs: '8000000000', tips: '300000000000', frn: '20000000000', tipsInflationCompensation: '100000000000', notesbonds: '3000000000000', bills: '200000000000', agencies: '2000000000', total: '5530000000000' },
      { asOfDate: '2026-06-03', mbs: '1990000000000', cmbs: '8000000000', tips: '300000000000', frn: '20000000000', tipsInflationCompensation: '100000000000', notesbonds: '3000000000000', bills: '210000000000', agencies: '2000000000', total: '5530000000000' },
    ],
  },
});

// DOCUMENTED-FORMAT FIXTURE (not recorded): repo results, amounts in dollars, invented values. Two SRF
// operations (morning and afternoon) on one day add up; an announced operation has no amounts and is skipped.
const REPO_FIXTURE = JSON.stringify({
  repo: {
    operations: [
      { operationId: 'RP 060226 1', auctionStatus: 'Results', operationDate: '2026-06-02', settlementDate: '2026-06-02', operationType: 'Repo', operationMethod: 'Full Allotment', term: 'Overnight', totalAmtSubmitted: 1500000000, totalAmtAccepted: 1500000000, details: [{ securityType: 'Treasury', amtSubmitted: 1000000000, amtAccepted: 1000000000, minimumBidRate: 3.75 }] },
      { operationId: 'RP 060226 2', auctionStatus: 'Results', operationDate: '2026-06-02', settlementDate: '2026-06-02', operationType: 'Repo', operationMethod: 'Full Allotment', term: 'Overnight', totalAmtSubmitted: 250000000, totalAmtAccepted: 250000000, details: [] },
      { operationId: 'RRP 060226', auctionStatus: 'Results', operationDate: '2026-06-02', settlementDate: '2026-06-02', operationType: 'Reverse Repo', operationMethod: 'Fixed Rate', term: 'Overnight', totalAmtSubmitted: 5255000000, totalAmtAccepted: 5255000000, details: [{ securityType: 'Treasury', amtSubmitted: 5255000000, amtAccepted: 5255000000, percentOfferingRate: 3.5, percentAwardRate: 3.5 }] },
      { operationId: 'RRP 060326', auctionStatus: 'Announcement', operationDate: '2026-06-03', operationType: 'Reverse Repo', term: 'Overnight' },
    ],
  },
});

let server: ReplayServer;
const sleeps: number[] = [];
const http: HttpSettings = { retries: 2, baseDelayMs: 1, timeoutMs: 1500, sleep: async (ms) => void sleeps.push(ms) };
let nyfed: NyfedConnector;
const NOW = new Date('2026-06-06T12:00:00Z');

beforeAll(async () => {
  server = await startReplayServer({
    // The real recording, byte for byte.
    '/api/rates/secured/sofr/last/15.json': () => RECORDING,
    // The recording's rows in the asked date range, re-serialised (the search answer has the same row format).
    '/api/rates/secured/sofr/search.json': (req) => {
      const start = req.query.get('startDate') ?? '';
      const end = req.query.get('endDate') ?? '9999';
      return JSON.stringify({ refRates: RAW.refRates.filter((r) => String(r.effectiveDate) >= start && String(r.effectiveDate) <= end) });
    },
    '/api/rates/unsecured/effr/search.json': () => EFFR_FIXTURE,
    '/api/soma/summary.json': () => SOMA_FIXTURE,
    '/api/rp/results/search.json': () => REPO_FIXTURE,
  });
  nyfed = new NyfedConnector({ baseUrl: server.url, http, now: () => NOW });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  sleeps.length = 0;
});

describe('the SOFR recording', () => {
  it('is the odd-spaced body the New York Fed serves', () => {
    expect(RECORDING).toContain('"type": "SOFR" ,"percentRate": 3.63 ,"percentPercentile1"');
    expect(RAW.refRates).toHaveLength(15);
  });

  it('parses to the raw file\'s values, every field', () => {
    const rows = parseNyfedRates(JSON.parse(RECORDING), 'sofr');
    expect(rows).toHaveLength(15);
    rows.forEach((row, i) => {
      expect(row.date).toBe(RAW.refRates[i]!.effectiveDate);
      for (const field of NYFED_RATE_FIELDS) expect(row.values[field], `${row.date} ${field}`).toBe(RAW.refRates[i]![field]);
      expect(row.revised).toBe(false);
    });
    expect(rows[0]).toEqual({
      date: '2026-06-05',
      values: { percentRate: 3.63, percentPercentile1: 3.58, percentPercentile25: 3.61, percentPercentile75: 3.68, percentPercentile99: 3.71, volumeInBillions: 3131 },
      revised: false,
    });
  });
});

describe('NyfedConnector on the recording', () => {
  it('fetches last/15 and returns six series equal to FRED SOFR, SOFR1, SOFR25, SOFR75, SOFR99 and SOFRVOL on all 15 days', async () => {
    const batches = await nyfed.fetchRateBatches('sofr', { last: 15 });
    expect(server.requests.at(-1)!.path).toBe('/api/rates/secured/sofr/last/15.json');
    expect(batches.map((b) => b.seriesId)).toEqual(['SOFR', 'SOFR1', 'SOFR25', 'SOFR75', 'SOFR99', 'SOFRVOL']);
    const fred = fredSofr();
    for (const batch of batches) {
      expect(batch.observations).toHaveLength(15);
      expect(batch.problems).toEqual([]);
      expect(batch.provenance).toEqual({ source: 'nyfed', url: `${server.url}/api/rates/secured/sofr/last/15.json`, retrievedAt: NOW, mode: 'live' });
      expect(batch.reportedUnits).toBe(batch.seriesId === 'SOFRVOL' ? 'Billions of U.S. Dollars' : 'Percent');
      // Ascending by date, whereas the New York Fed lists the newest first.
      expect(batch.observations[0]!.date).toBe('2026-05-15');
      for (const obs of batch.observations) {
        const row = fred.get(obs.date);
        expect(row, obs.date).toBeDefined();
        expect(obs.value, `${batch.seriesId} ${obs.date}`).toBe(Number(row![batch.seriesId]));
      }
    }
    expect(batches[0]!.observations.at(-1)).toEqual({ date: '2026-06-05', value: 3.63 });
    expect(batches[5]!.observations.at(-1)).toEqual({ date: '2026-06-05', value: 3131 });
  });

  it('searches from a start date to today for one series and says who published it', async () => {
    const batch = await nyfed.fetchSeries({ remoteId: 'SOFR99', seriesId: 'SOFR99', from: '2026-05-28' });
    const req = server.requests.at(-1)!;
    expect(req.path).toBe('/api/rates/secured/sofr/search.json');
    expect([req.query.get('startDate'), req.query.get('endDate')]).toEqual(['2026-05-28', '2026-06-06']);
    expect(req.userAgent).toMatch(/^fincite\//);
    expect(batch.observations).toEqual([
      { date: '2026-05-28', value: 3.72 },
      { date: '2026-05-29', value: 3.72 },
      { date: '2026-06-01', value: 3.74 },
      { date: '2026-06-02', value: 3.71 },
      { date: '2026-06-03', value: 3.7 },
      { date: '2026-06-04', value: 3.7 },
      { date: '2026-06-05', value: 3.71 },
    ]);
    expect(batch.provenance.source).toBe('nyfed');
  });

  it('asks for the whole history from the rate\'s first day when no start date is given', async () => {
    await nyfed.fetchSeries({ remoteId: 'SOFR', seriesId: 'SOFR' });
    expect(server.requests.at(-1)!.query.get('startDate')).toBe('2018-04-02');
  });
});

describe('NyfedConnector on documented-format fixtures (not recordings)', () => {
  it('EFFR: the unsecured path, new ids for the percentiles and volume, the revision flag', async () => {
    const batches = await nyfed.fetchRateBatches('effr', { from: '2026-06-01' });
    expect(server.requests.at(-1)!.path).toBe('/api/rates/unsecured/effr/search.json');
    expect(batches.map((b) => b.seriesId)).toEqual(['EFFR', 'EFFR1', 'EFFR25', 'EFFR75', 'EFFR99', 'EFFRVOL']);
    expect(batches[0]!.observations).toEqual([
      { date: '2026-06-01', value: 3.32 },
      { date: '2026-06-02', value: 3.33 },
    ]);
    expect(parseNyfedRates(JSON.parse(EFFR_FIXTURE), 'effr').map((r) => r.revised)).toEqual([false, true]);
    expect(NYFED_SERIES.get('EFFR99')!.title).toEqual({ en: 'Effective Federal Funds Rate (EFFR): 99th Percentile', zh: '有效联邦基金利率（EFFR）第99百分位数' });
    expect(NYFED_SERIES.get('TGCRVOL')).toMatchObject({ unit: 'billions_usd', rate: 'tgcr' });
  });

  it('SOMA summary: amounts in dollars per as-of date', async () => {
    const batch = await nyfed.fetchSeries({ remoteId: 'SOMA_BILLS', seriesId: 'SOMA_BILLS' });
    expect(server.requests.at(-1)!.path).toBe('/api/soma/summary.json');
    expect(batch.observations).toEqual([
      { date: '2026-05-27', value: 200_000_000_000 },
      { date: '2026-06-03', value: 210_000_000_000 },
    ]);
    expect(batch.reportedUnits).toBe('U.S. Dollars');
  });

  it('repo operations: ON RRP and SRF totals in billions per day, the award rate, announced operations skipped', async () => {
    const rrp = await nyfed.fetchSeries({ remoteId: 'RRPONTSYD', seriesId: 'RRPONTSYD', from: '2026-06-01' });
    expect(server.requests.at(-1)!.path).toBe('/api/rp/results/search.json');
    expect(server.requests.at(-1)!.query.get('startDate')).toBe('2026-06-01');
    expect(rrp.observations).toEqual([{ date: '2026-06-02', value: 5.255 }]);
    const award = await nyfed.fetchSeries({ remoteId: 'RRPONTSYAWARD', seriesId: 'RRPONTSYAWARD', from: '2026-06-01' });
    expect(award.observations).toEqual([{ date: '2026-06-02', value: 3.5 }]);
    const srf = await nyfed.fetchSeries({ remoteId: 'SRFUSAGE', seriesId: 'SRFUSAGE', from: '2026-06-01' });
    expect(srf.observations).toEqual([{ date: '2026-06-02', value: 1.75 }]);
  });

  it('an unknown id is refused before any request', async () => {
    const before = server.requests.length;
    await expect(nyfed.fetchSeries({ remoteId: 'NOPE', seriesId: 'NOPE' })).rejects.toBeInstanceOf(UnknownSeriesError);
    expect(server.requests.length).toBe(before);
  });
});

describe('faults', () => {
  const SOFR_LAST = '/api/rates/secured/sofr/last/15.json';

  it('429 with Retry-After: waits what the server asks, then succeeds', async () => {
    server.setFault(SOFR_LAST, { status: 429, retryAfter: 2 });
    const before = server.requests.length;
    const batches = await nyfed.fetchRateBatches('sofr', { last: 15 });
    expect(batches[0]!.observations).toHaveLength(15);
    expect(sleeps).toEqual([2000]);
    expect(server.requests.length - before).toBe(2);
  });

  it('5xx on every attempt: SourceUnavailableError after the retries, nothing returned', async () => {
    server.setFault(SOFR_LAST, { status: 503 }, 3);
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(SourceUnavailableError);
    expect(sleeps).toHaveLength(2);
  });

  it('no answer: a timeout per attempt, then SourceUnavailableError', async () => {
    const quick = new NyfedConnector({ baseUrl: server.url, http: { ...http, retries: 1, timeoutMs: 150 } });
    server.setFault(SOFR_LAST, { hang: true }, 2);
    await expect(quick.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/no response within 150 ms/);
  });

  it('an HTML page or a truncated body is malformed', async () => {
    server.setFault(SOFR_LAST, { body: '<html><body>Maintenance</body></html>', contentType: 'text/html' });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/is not JSON/);
    server.setFault(SOFR_LAST, { body: RECORDING.slice(0, Math.floor(RECORDING.length / 2)) });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('a changed format is refused whole with the field named: a missing percentile, a string value, another type, a bad date', async () => {
    const changed = (edit: (row: Record<string, unknown>) => void) => {
      const body = JSON.parse(RECORDING) as { refRates: Array<Record<string, unknown>> };
      edit(body.refRates[3]!);
      return JSON.stringify(body);
    };
    server.setFault(SOFR_LAST, { body: changed((r) => delete r.percentPercentile99) });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/refRates\.3\.percentPercentile99/);
    server.setFault(SOFR_LAST, { body: changed((r) => (r.percentRate = '3.63')) });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/refRates\.3\.percentRate/);
    server.setFault(SOFR_LAST, { body: changed((r) => (r.type = 'TGCR')) });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/refRates\.3\.type is "TGCR", expected "SOFR"/);
    server.setFault(SOFR_LAST, { body: changed((r) => (r.effectiveDate = '06/02/2026')) });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/"06\/02\/2026" is not a YYYY-MM-DD date/);
    server.setFault(SOFR_LAST, { body: JSON.stringify({ refRate: [] }) });
    await expect(nyfed.fetchRateBatches('sofr', { last: 15 })).rejects.toThrow(/refRates: /);
  });

  it('changed SOMA and repo formats are refused too', async () => {
    server.setFault('/api/soma/summary.json', { body: SOMA_FIXTURE.replace('"bills":"200000000000"', '"bills":"2.0e11 USD"') });
    await expect(nyfed.fetchSeries({ remoteId: 'SOMA_TOTAL', seriesId: 'SOMA_TOTAL' })).rejects.toThrow(/soma\.summary\.0\.bills is "2\.0e11 USD", not a number/);
    server.setFault('/api/rp/results/search.json', { body: REPO_FIXTURE.replace('"totalAmtAccepted":5255000000,', '') });
    await expect(nyfed.fetchSeries({ remoteId: 'RRPONTSYD', seriesId: 'RRPONTSYD', from: '2026-06-01' })).rejects.toThrow(/operations\.2\.totalAmtAccepted is missing/);
  });
});

describe('nyfedConnectorFromEnv', () => {
  it('uses FINCITE_NYFED_URL when set, else the New York Fed', () => {
    expect(nyfedConnectorFromEnv({}).baseUrl).toBe(NYFED_BASE_URL);
    expect(nyfedConnectorFromEnv({ FINCITE_NYFED_URL: 'http://127.0.0.1:9/' }).baseUrl).toBe('http://127.0.0.1:9');
  });
});
