// Treasury FiscalData connector on a loopback server. No recorded FiscalData response exists
// (../shared/data/recordings/README.md, "Not found"), so every body here is a DOCUMENTED-FORMAT FIXTURE: the
// `{data, meta, links}` envelope, string values, "null" for missing, page[number]/page[size] paging and
// `filter=field:op:value` as FiscalData documents them — served by the emulation below, not recorded.
// The DTS and auction rows are built from the snapshot's own rows (../shared/data/treasury/, read by path:
// heliar-k/market-base's copy of these FiscalData tables), so the connector's parse is checked against
// those values; the debt-to-the-penny rows are invented round numbers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../../src/core/errors.ts';
import type { HttpSettings } from '../../src/data/http.ts';
import { FISCALDATA_BASE_URL, TGA_CLOSING_ACCOUNT, TreasuryConnector, fiscalNumber, parseFiscalDataPage, treasuryConnectorFromEnv } from '../../src/data/treasury.ts';
import { snapshotRoot } from '../fixtures/live-server.ts';
import { startReplayServer, type ReplayRequest, type ReplayServer } from '../fixtures/json-replay-server.ts';

const SNAPSHOT = snapshotRoot();
const csv = (rel: string) => Papa.parse<Record<string, string>>(readFileSync(path.join(SNAPSHOT, rel), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The snapshot's last 25 TGA closing balances (USD millions). */
const TGA_ROWS = csv('treasury/dts_operating_cash.csv').slice(-25);
/** The snapshot's auctions from 2026-08-01 on. */
const AUCTION_ROWS = csv('treasury/auction_results.csv').filter((r) => r.auction_date! >= '2026-08-01');

type Row = Record<string, string>;
const nullish = (v: string | undefined) => (v === undefined || v === '' ? 'null' : v);

// DOCUMENTED-FORMAT FIXTURE built from snapshot rows: each day has the four TGA rows of DTS Table I; the
// closing balance is in open_today_bal and close_today_bal is "null", as FiscalData serves it.
const DTS_DATA: Row[] = TGA_ROWS.flatMap((r) => [
  { record_date: r.date!, account_type: 'Treasury General Account (TGA) Opening Balance', close_today_bal: 'null', open_today_bal: '1', open_month_bal: '1', open_fiscal_year_bal: '1', table_nbr: 'I' },
  { record_date: r.date!, account_type: TGA_CLOSING_ACCOUNT, close_today_bal: 'null', open_today_bal: r.TGA_CLOSE!, open_month_bal: 'null', open_fiscal_year_bal: 'null', table_nbr: 'I' },
]);

// DOCUMENTED-FORMAT FIXTURE built from snapshot rows (only the fields FiscalData's auctions_query has).
const AUCTION_DATA: Row[] = AUCTION_ROWS.map((r) => ({
  record_date: r.auction_date!,
  auction_date: r.auction_date!,
  issue_date: nullish(r.issue_date),
  maturity_date: nullish(r.maturity_date),
  cusip: r.cusip!,
  security_type: r.security_type!,
  security_term: r.security_term!,
  reopening: r.reopening!,
  offering_amt: nullish(r.offering_amt),
  total_accepted: nullish(r.total_accepted),
  indirect_bidder_accepted: nullish(r.indirect_bidder_accepted),
  bid_to_cover_ratio: nullish(r.bid_to_cover_ratio),
  high_yield: nullish(r.high_yield),
  high_discnt_rate: nullish(r.high_discnt_rate),
  avg_med_yield: nullish(r.avg_med_yield),
}));

// DOCUMENTED-FORMAT FIXTURE, invented values (dollars with cents, as strings).
const PENNY_DATA: Row[] = [
  { record_date: '2026-08-19', debt_held_public_amt: '30000000000000.01', intragov_hold_amt: '7000000000000.00', tot_pub_debt_out_amt: '37000000000000.01' },
  { record_date: '2026-08-20', debt_held_public_amt: '30001000000000.00', intragov_hold_amt: '7000000000000.00', tot_pub_debt_out_amt: '37001000000000.00' },
];

/** FiscalData's query handling as documented: filter (eq/gte/lte), sort, fields, paging, and the envelope. */
function emulate(data: Row[], hooks: { totalCountBump?: (page: number) => number } = {}) {
  return (req: ReplayRequest) => {
    let rows = data;
    for (const term of (req.query.get('filter') ?? '').split(',').filter(Boolean)) {
      const [field, op, ...rest] = term.split(':');
      const value = rest.join(':');
      rows = rows.filter((r) => (op === 'eq' ? r[field!] === value : op === 'gte' ? r[field!]! >= value : op === 'lte' ? r[field!]! <= value : true));
    }
    const sort = req.query.get('sort');
    if (sort) rows = [...rows].sort((a, b) => (a[sort]! < b[sort]! ? -1 : a[sort]! > b[sort]! ? 1 : 0));
    const fields = req.query.get('fields')?.split(',');
    if (fields) rows = rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? 'null'])));
    const size = Number(req.query.get('page[size]') ?? 100);
    const number = Number(req.query.get('page[number]') ?? 1);
    const pages = Math.ceil(rows.length / size);
    const page = rows.slice((number - 1) * size, number * size);
    const link = (n: number | null) => (n === null ? null : `&page%5Bnumber%5D=${n}&page%5Bsize%5D=${size}`);
    return JSON.stringify({
      data: page,
      meta: { count: page.length, labels: {}, dataTypes: {}, dataFormats: {}, 'total-count': rows.length + (hooks.totalCountBump?.(number) ?? 0), 'total-pages': pages },
      links: { self: link(number), first: link(1), prev: number > 1 ? link(number - 1) : null, next: number < pages ? link(number + 1) : null, last: link(pages) },
    });
  };
}

const BASE = '/services/api/fiscal_service';
let server: ReplayServer;
const sleeps: number[] = [];
const http: HttpSettings = { retries: 2, baseDelayMs: 1, timeoutMs: 1500, sleep: async (ms) => void sleeps.push(ms) };
let treasury: TreasuryConnector;
let paged: TreasuryConnector;
let bumpOnPage2 = false;
let failPage2 = false;

beforeAll(async () => {
  server = await startReplayServer({
    [`${BASE}/v1/accounting/dts/operating_cash_balance`]: (req) =>
      failPage2 && req.query.get('page[number]') === '2'
        ? { status: 503, body: 'Service Unavailable' }
        : emulate(DTS_DATA, { totalCountBump: (page) => (bumpOnPage2 && page === 2 ? 1 : 0) })(req),
    [`${BASE}/v2/accounting/od/debt_to_penny`]: emulate(PENNY_DATA),
    [`${BASE}/v1/accounting/od/auctions_query`]: emulate(AUCTION_DATA),
  });
  treasury = new TreasuryConnector({ baseUrl: server.url, http, now: () => new Date('2026-08-21T12:00:00Z') });
  paged = new TreasuryConnector({ baseUrl: server.url, http, pageSize: 10 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearFaults();
  sleeps.length = 0;
  bumpOnPage2 = false;
  failPage2 = false;
});

describe('DTS operating cash balance (rows from treasury/dts_operating_cash.csv)', () => {
  it('reads the TGA closing balance from open_today_bal and matches the snapshot on every day', async () => {
    expect(TGA_ROWS).toHaveLength(25);
    const batch = await treasury.fetchSeries({ remoteId: 'TGA_DTS', seriesId: 'TGA_DTS' });
    const req = server.requests.at(-1)!;
    expect(req.path).toBe(`${BASE}/v1/accounting/dts/operating_cash_balance`);
    expect(req.query.get('filter')).toBe(`account_type:eq:${TGA_CLOSING_ACCOUNT}`);
    expect(req.query.get('page[size]')).toBe('10000');
    expect(batch.observations).toEqual(TGA_ROWS.map((r) => ({ date: r.date, value: Number(r.TGA_CLOSE) })));
    expect(batch.observations.at(-1)).toEqual({ date: '2026-08-20', value: 935077 });
    expect(batch.problems).toEqual([]);
    expect(batch.reportedUnits).toBe('Millions of U.S. Dollars');
    expect(batch.provenance).toMatchObject({ source: 'treasury', mode: 'live' });
    expect(batch.provenance.url).toContain('/v1/accounting/dts/operating_cash_balance?fields=record_date%2Copen_today_bal&filter=');
  });

  it('follows the pages (page[size]=10: 3 pages) and filters from a start date', async () => {
    const before = server.requests.length;
    const all = await paged.fetchSeries({ remoteId: 'TGA_DTS', seriesId: 'TGA_DTS' });
    const pages = server.requests.slice(before).map((r) => r.query.get('page[number]'));
    expect(pages).toEqual(['1', '2', '3']);
    expect(all.observations).toHaveLength(25);
    const from = TGA_ROWS[20]!.date!;
    const recent = await paged.fetchSeries({ remoteId: 'TGA_DTS', seriesId: 'TGA_DTS', from });
    expect(server.requests.at(-1)!.query.get('filter')).toBe(`account_type:eq:${TGA_CLOSING_ACCOUNT},record_date:gte:${from}`);
    expect(recent.observations.map((o) => o.value)).toEqual(TGA_ROWS.slice(20).map((r) => Number(r.TGA_CLOSE)));
  });

  it('refuses an answer whose total changes between pages', async () => {
    bumpOnPage2 = true;
    await expect(paged.fetchSeries({ remoteId: 'TGA_DTS', seriesId: 'TGA_DTS' })).rejects.toThrow(/total-count changed from 25 to 26 between pages/);
  });
});

describe('debt to the penny (invented values)', () => {
  it('reads the three amounts in dollars', async () => {
    const total = await treasury.fetchSeries({ remoteId: 'DEBT_PENNY_TOTAL', seriesId: 'DEBT_PENNY_TOTAL', from: '2026-08-01' });
    expect(server.requests.at(-1)!.path).toBe(`${BASE}/v2/accounting/od/debt_to_penny`);
    expect(total.observations).toEqual([
      { date: '2026-08-19', value: 37000000000000.01 },
      { date: '2026-08-20', value: 37001000000000 },
    ]);
    expect(total.reportedUnits).toBe('U.S. Dollars');
    const intragov = await treasury.fetchSeries({ remoteId: 'DEBT_PENNY_INTRAGOV', seriesId: 'DEBT_PENNY_INTRAGOV' });
    expect(intragov.observations.map((o) => o.value)).toEqual([7e12, 7e12]);
  });
});

describe('auctions (rows from treasury/auction_results.csv)', () => {
  it('parses every auction to the snapshot\'s values, announced ones with null results', async () => {
    expect(AUCTION_ROWS.length).toBeGreaterThan(10);
    const { auctions, url } = await treasury.fetchAuctions('2026-08-01');
    expect(url).toContain('filter=auction_date%3Agte%3A2026-08-01');
    expect(auctions).toHaveLength(AUCTION_ROWS.length);
    const n = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
    auctions.forEach((a, i) => {
      const r = AUCTION_ROWS[i]!;
      expect(a, r.cusip).toEqual({
        auctionDate: r.auction_date,
        issueDate: r.issue_date || null,
        maturityDate: r.maturity_date || null,
        cusip: r.cusip,
        securityType: r.security_type,
        securityTerm: r.security_term,
        reopening: r.reopening === 'Yes',
        offeringAmt: n(r.offering_amt),
        totalAccepted: n(r.total_accepted),
        indirectBidderAccepted: n(r.indirect_bidder_accepted),
        bidToCoverRatio: n(r.bid_to_cover_ratio),
        highYield: n(r.high_yield),
        highDiscntRate: n(r.high_discnt_rate),
        avgMedYield: n(r.avg_med_yield),
      });
    });
    // The last rows of the snapshot are announced, not yet held: no results.
    expect(auctions.at(-1)).toMatchObject({ cusip: '91282CRJ2', offeringAmt: 44e9, totalAccepted: null, highYield: null });
    expect(auctions.some((a) => a.highYield !== null && a.bidToCoverRatio !== null)).toBe(true);
  });
});

describe('parsing', () => {
  it('fiscalNumber: numbers, "null" as missing, anything else refused', () => {
    expect(fiscalNumber('935077', 'x')).toBe(935077);
    expect(fiscalNumber('-12.50', 'x')).toBe(-12.5);
    expect(fiscalNumber('null', 'x')).toBeNull();
    expect(fiscalNumber(null, 'x')).toBeNull();
    expect(() => fiscalNumber('1,234', 'x')).toThrow(/"1,234", not a number/);
    expect(() => fiscalNumber('', 'x')).not.toThrow();
    expect(() => fiscalNumber(undefined, 'x')).toThrow(/x is missing/);
  });

  it('the envelope: meta.count must match the rows; counts may come as strings of digits', () => {
    expect(parseFiscalDataPage({ data: [{ a: '1' }], meta: { count: '1', 'total-count': '1', 'total-pages': '1' } }, 'x').totalPages).toBe(1);
    expect(() => parseFiscalDataPage({ data: [{ a: '1' }], meta: { count: 2, 'total-count': 2, 'total-pages': 1 } }, 'x')).toThrow(/meta.count is 2 but 1 rows/);
    expect(() => parseFiscalDataPage({ data: [] }, 'x')).toThrow(/meta/);
  });
});

describe('faults', () => {
  const DTS = `${BASE}/v1/accounting/dts/operating_cash_balance`;
  const TGA = { remoteId: 'TGA_DTS', seriesId: 'TGA_DTS' };

  it('429 with Retry-After: waits what the server asks, then succeeds', async () => {
    server.setFault(DTS, { status: 429, retryAfter: 3 });
    const batch = await treasury.fetchSeries(TGA);
    expect(batch.observations).toHaveLength(25);
    expect(sleeps).toEqual([3000]);
  });

  it('5xx on every attempt, or on page 2 of 3: SourceUnavailableError, nothing returned', async () => {
    server.setFault(DTS, { status: 500 }, 3);
    await expect(treasury.fetchSeries(TGA)).rejects.toBeInstanceOf(SourceUnavailableError);
    expect(sleeps).toHaveLength(2);
    failPage2 = true;
    const before = server.requests.length;
    await expect(paged.fetchSeries(TGA)).rejects.toThrow(/HTTP 503/);
    expect(server.requests.slice(before).map((r) => r.query.get('page[number]'))).toEqual(['1', '2', '2', '2']);
  });

  it('no answer: a timeout per attempt, then SourceUnavailableError', async () => {
    const quick = new TreasuryConnector({ baseUrl: server.url, http: { ...http, retries: 1, timeoutMs: 150 } });
    server.setFault(DTS, { hang: true }, 2);
    await expect(quick.fetchSeries(TGA)).rejects.toThrow(/no response within 150 ms/);
  });

  it('an HTML page or a truncated body is malformed', async () => {
    server.setFault(DTS, { body: '<!DOCTYPE html><html><body>Down for maintenance</body></html>', contentType: 'text/html' });
    await expect(treasury.fetchSeries(TGA)).rejects.toThrow(/is not JSON/);
    const whole = emulate(DTS_DATA)({ path: DTS, query: new URLSearchParams('filter=account_type:eq:' + TGA_CLOSING_ACCOUNT) });
    server.setFault(DTS, { body: whole.slice(0, whole.length - 40) });
    await expect(treasury.fetchSeries(TGA)).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('a changed format is refused with the field named: a missing field, a non-numeric value, a bad date, no envelope', async () => {
    const page = (rows: Row[]) => JSON.stringify({ data: rows, meta: { count: rows.length, 'total-count': rows.length, 'total-pages': 1 }, links: {} });
    server.setFault(DTS, { body: page([{ record_date: '2026-08-20', close_today_bal: '935077' }]) });
    await expect(treasury.fetchSeries(TGA)).rejects.toThrow(/data\.0\.open_today_bal is missing/);
    server.setFault(DTS, { body: page([{ record_date: '2026-08-20', open_today_bal: '935,077' }]) });
    await expect(treasury.fetchSeries(TGA)).rejects.toThrow(/data\.0\.open_today_bal is "935,077", not a number/);
    server.setFault(DTS, { body: page([{ record_date: '08/20/2026', open_today_bal: '935077' }]) });
    await expect(treasury.fetchSeries(TGA)).rejects.toThrow(/"08\/20\/2026" is not a YYYY-MM-DD date/);
    server.setFault(DTS, { body: JSON.stringify({ records: [] }) });
    await expect(treasury.fetchSeries(TGA)).rejects.toThrow(MalformedResponseError);
    server.setFault(`${BASE}/v1/accounting/od/auctions_query`, { body: page([{ auction_date: '2026-08-20', cusip: 'X' }]) });
    await expect(treasury.fetchAuctions('2026-08-01')).rejects.toThrow(/auctions: data\.0\.issue_date is missing/);
  });

  it('an unknown id is refused before any request', async () => {
    const before = server.requests.length;
    await expect(treasury.fetchSeries({ remoteId: 'NOPE', seriesId: 'NOPE' })).rejects.toBeInstanceOf(UnknownSeriesError);
    expect(server.requests.length).toBe(before);
  });
});

describe('treasuryConnectorFromEnv', () => {
  it('uses FINCITE_FISCALDATA_URL when set, else FiscalData', () => {
    expect(treasuryConnectorFromEnv({}).baseUrl).toBe(FISCALDATA_BASE_URL);
    expect(treasuryConnectorFromEnv({ FINCITE_FISCALDATA_URL: 'http://127.0.0.1:9/' }).baseUrl).toBe('http://127.0.0.1:9');
  });
});
