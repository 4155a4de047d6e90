// U.S. Treasury FiscalData connector (api.fiscaldata.treasury.gov/services/api/fiscal_service): the Daily
// Treasury Statement operating cash balance (TGA closing balance), debt to the penny, and Treasury auction
// results. FiscalData answers `{data:[…], meta:{count, "total-count", "total-pages", …}, links:{…}}` with every
// value a string ("null" when missing) and pages of at most 10,000 rows (page[number], page[size]); filters are
// `filter=field:op:value,…`. A body that is not this envelope, or a row without a needed field or with a
// value that is not a number, is refused whole (MalformedResponseError): nothing is returned to store.
import { z } from 'zod';
import { InvalidDateError, MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../core/errors.ts';
import type { Bilingual, DataProblem, IsoDate, Observation, SeriesBatch } from '../core/types.ts';
import type { SeriesConnector, SeriesRequest } from './connector.ts';
import { bodyExcerpt, excerpt, fetchWithRetry, parseJsonText, readBodyText, validateResponse, type HttpSettings } from './http.ts';
import { isIsoDate, orderByDate } from './quality.ts';

export const FISCALDATA_BASE_URL = 'https://api.fiscaldata.treasury.gov';
const API_PATH = '/services/api/fiscal_service';
const SOURCE = 'treasury';
/** FiscalData's largest page. */
export const FISCALDATA_MAX_PAGE_SIZE = 10_000;
/** A bound on paging, so a server that keeps announcing pages cannot keep us looping. */
const MAX_PAGES = 1_000;

export const DTS_OPERATING_CASH = 'v1/accounting/dts/operating_cash_balance';
export const DEBT_TO_PENNY = 'v2/accounting/od/debt_to_penny';
export const AUCTIONS_QUERY = 'v1/accounting/od/auctions_query';

/**
 * The DTS row holding the TGA closing balance since the statement's 2022-04-18 format. FiscalData puts that
 * balance in `open_today_bal` (its `close_today_bal` is "null" on these rows): we read open_today_bal.
 */
export const TGA_CLOSING_ACCOUNT = 'Treasury General Account (TGA) Closing Balance';

export interface TreasurySeriesSpec {
  id: string;
  endpoint: string;
  /** The field holding the value. */
  field: string;
  /** Extra filter terms (`field:op:value`). */
  filter?: string[];
  title: Bilingual;
  unit: Bilingual;
}

const MILLIONS: Bilingual = { en: 'Millions of U.S. Dollars', zh: '百万美元' };
const DOLLARS: Bilingual = { en: 'U.S. Dollars', zh: '美元' };

/** The series the connector fetches, by our id (TGA_DTS is the catalog's id of the same DTS balance). */
export const TREASURY_SERIES: ReadonlyMap<string, TreasurySeriesSpec> = new Map(
  (
    [
      { id: 'TGA_DTS', endpoint: DTS_OPERATING_CASH, field: 'open_today_bal', filter: [`account_type:eq:${TGA_CLOSING_ACCOUNT}`], unit: MILLIONS, title: { en: 'Treasury General Account (TGA) Closing Balance, Daily Treasury Statement', zh: '财政部一般账户（TGA）日终余额（每日国库报表）' } },
      { id: 'DEBT_PENNY_TOTAL', endpoint: DEBT_TO_PENNY, field: 'tot_pub_debt_out_amt', unit: DOLLARS, title: { en: 'Total Public Debt Outstanding (Debt to the Penny)', zh: '美国联邦公共债务总额（每日，Debt to the Penny）' } },
      { id: 'DEBT_PENNY_PUBLIC', endpoint: DEBT_TO_PENNY, field: 'debt_held_public_amt', unit: DOLLARS, title: { en: 'Debt Held by the Public (Debt to the Penny)', zh: '公众持有的美国联邦债务（每日，Debt to the Penny）' } },
      { id: 'DEBT_PENNY_INTRAGOV', endpoint: DEBT_TO_PENNY, field: 'intragov_hold_amt', unit: DOLLARS, title: { en: 'Intragovernmental Holdings (Debt to the Penny)', zh: '政府内部持有的美国联邦债务（每日，Debt to the Penny）' } },
    ] satisfies TreasurySeriesSpec[]
  ).map((s) => [s.id, s]),
);

// ---------------------------------------------------------------------------------------------------------
// The envelope

const cell = z.union([z.string(), z.null()]);
/** A count FiscalData sends as a number (some clients' copies show it as a string of digits: both are read). */
const whole = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
const pageSchema = z.object({
  data: z.array(z.record(z.string(), cell)),
  meta: z
    .object({
      count: whole,
      'total-count': whole,
      'total-pages': whole,
    })
    .passthrough(),
  links: z.object({ next: z.string().nullable().optional() }).passthrough().optional(),
});
export type FiscalDataRow = Record<string, string | null>;

/** Validate one page body; `count` must match the rows actually sent (a cut body would not parse at all). */
export function parseFiscalDataPage(body: unknown, what: string): { rows: FiscalDataRow[]; totalCount: number; totalPages: number } {
  const page = validateResponse(pageSchema, body, SOURCE, what);
  if (page.meta.count !== page.data.length) {
    throw new MalformedResponseError(SOURCE, `${what}: meta.count is ${page.meta.count} but ${page.data.length} rows were sent`);
  }
  return { rows: page.data, totalCount: page.meta['total-count'], totalPages: page.meta['total-pages'] };
}

/** A FiscalData value: digits with an optional sign and decimals; "null", "" or null is missing; anything else is malformed. */
export function fiscalNumber(raw: string | null | undefined, what: string): number | null {
  if (raw === undefined) throw new MalformedResponseError(SOURCE, `${what} is missing`);
  if (raw === null) return null;
  const text = raw.trim();
  if (text === '' || text === 'null') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new MalformedResponseError(SOURCE, `${what} is "${excerpt(raw, 40)}", not a number`);
  return Number(text);
}

function fiscalDate(raw: string | null | undefined, what: string): IsoDate {
  if (raw === undefined || raw === null) throw new MalformedResponseError(SOURCE, `${what} is missing`);
  if (!isIsoDate(raw)) throw new MalformedResponseError(SOURCE, `${what}: "${excerpt(raw, 40)}" is not a YYYY-MM-DD date`);
  return raw;
}

/** Observations of `field` from rows that carry record_date. */
export function observationsFromRows(rows: FiscalDataRow[], field: string, what: string): Observation[] {
  return rows.map((row, i) => ({
    date: fiscalDate(row.record_date, `${what}: data.${i}.record_date`),
    value: fiscalNumber(row[field], `${what}: data.${i}.${field}`),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Auctions

export interface TreasuryAuction {
  auctionDate: IsoDate;
  issueDate: IsoDate | null;
  maturityDate: IsoDate | null;
  cusip: string;
  securityType: string;
  securityTerm: string;
  reopening: boolean | null;
  /** U.S. dollars. */
  offeringAmt: number | null;
  totalAccepted: number | null;
  indirectBidderAccepted: number | null;
  bidToCoverRatio: number | null;
  /** Percent; notes, bonds, TIPS, FRNs. */
  highYield: number | null;
  /** Percent; bills. */
  highDiscntRate: number | null;
  avgMedYield: number | null;
}

const AUCTION_FIELDS = ['auction_date', 'issue_date', 'maturity_date', 'cusip', 'security_type', 'security_term', 'reopening', 'offering_amt', 'total_accepted', 'indirect_bidder_accepted', 'bid_to_cover_ratio', 'high_yield', 'high_discnt_rate', 'avg_med_yield'] as const;

/** Turn auctions_query rows into typed auctions; an announced auction has "null" for its results. */
export function parseAuctions(rows: FiscalDataRow[]): TreasuryAuction[] {
  return rows.map((row, i) => {
    const at = (f: string) => `auctions: data.${i}.${f}`;
    for (const f of AUCTION_FIELDS) if (!(f in row)) throw new MalformedResponseError(SOURCE, `${at(f)} is missing`);
    const optDate = (f: string) => (row[f] === null || row[f] === 'null' || row[f] === '' ? null : fiscalDate(row[f], at(f)));
    const text = (f: string) => {
      const v = row[f];
      if (v === null || v === undefined || v === 'null' || v.trim() === '') throw new MalformedResponseError(SOURCE, `${at(f)} is empty`);
      return v;
    };
    const reopening = row.reopening === 'Yes' ? true : row.reopening === 'No' ? false : null;
    return {
      auctionDate: fiscalDate(row.auction_date, at('auction_date')),
      issueDate: optDate('issue_date'),
      maturityDate: optDate('maturity_date'),
      cusip: text('cusip'),
      securityType: text('security_type'),
      securityTerm: text('security_term'),
      reopening,
      offeringAmt: fiscalNumber(row.offering_amt, at('offering_amt')),
      totalAccepted: fiscalNumber(row.total_accepted, at('total_accepted')),
      indirectBidderAccepted: fiscalNumber(row.indirect_bidder_accepted, at('indirect_bidder_accepted')),
      bidToCoverRatio: fiscalNumber(row.bid_to_cover_ratio, at('bid_to_cover_ratio')),
      highYield: fiscalNumber(row.high_yield, at('high_yield')),
      highDiscntRate: fiscalNumber(row.high_discnt_rate, at('high_discnt_rate')),
      avgMedYield: fiscalNumber(row.avg_med_yield, at('avg_med_yield')),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Connector

export interface TreasuryOptions {
  /** Scheme and host (tests point it at loopback); `/services/api/fiscal_service/…` is appended. */
  baseUrl?: string;
  /** Rows per page (FiscalData's maximum unless a test wants paging). */
  pageSize?: number;
  http?: HttpSettings;
  now?: () => Date;
}

export interface FiscalDataQuery {
  fields?: readonly string[];
  /** Filter terms `field:op:value` (op: eq, lt, lte, gt, gte, in). */
  filter?: readonly string[];
  sort?: string;
}

export class TreasuryConnector implements SeriesConnector {
  readonly source = 'treasury' as const;
  readonly baseUrl: string;
  private readonly pageSize: number;
  private readonly http: HttpSettings;
  private readonly now: () => Date;

  constructor(opts: TreasuryOptions = {}) {
    this.baseUrl = (opts.baseUrl ?? FISCALDATA_BASE_URL).replace(/\/$/, '');
    this.pageSize = opts.pageSize ?? FISCALDATA_MAX_PAGE_SIZE;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > FISCALDATA_MAX_PAGE_SIZE) throw new TypeError(`pageSize must be 1…${FISCALDATA_MAX_PAGE_SIZE}`);
    this.http = opts.http ?? {};
    this.now = opts.now ?? (() => new Date());
  }

  /** The URL of one page of `endpoint` (e.g. "v1/accounting/dts/operating_cash_balance"). */
  pageUrl(endpoint: string, query: FiscalDataQuery, page: number): string {
    const params = new URLSearchParams();
    if (query.fields?.length) params.set('fields', query.fields.join(','));
    if (query.filter?.length) params.set('filter', query.filter.join(','));
    if (query.sort) params.set('sort', query.sort);
    params.set('format', 'json');
    params.set('page[number]', String(page));
    params.set('page[size]', String(this.pageSize));
    return `${this.baseUrl}${API_PATH}/${endpoint}?${params.toString()}`;
  }

  /**
   * Every row of a query, following the pages FiscalData announces in meta["total-pages"]. The total must
   * not change between pages and the rows must add up to meta["total-count"]; otherwise the data changed
   * under us or the answer is broken, and nothing is returned.
   */
  async fetchAll(endpoint: string, query: FiscalDataQuery, signal?: AbortSignal): Promise<{ rows: FiscalDataRow[]; url: string; retrievedAt: Date }> {
    const rows: FiscalDataRow[] = [];
    const firstUrl = this.pageUrl(endpoint, query, 1);
    let totalPages = 1;
    let totalCount = 0;
    for (let page = 1; page <= totalPages; page++) {
      if (page > MAX_PAGES) throw new MalformedResponseError(SOURCE, `${endpoint}: more than ${MAX_PAGES} pages announced`);
      const url = page === 1 ? firstUrl : this.pageUrl(endpoint, query, page);
      const parsed = parseFiscalDataPage(await this.getJson(url, `${endpoint} page ${page}`, signal), `${endpoint} page ${page}`);
      if (page === 1) {
        totalPages = parsed.totalPages;
        totalCount = parsed.totalCount;
      } else if (parsed.totalCount !== totalCount) {
        throw new MalformedResponseError(SOURCE, `${endpoint}: total-count changed from ${totalCount} to ${parsed.totalCount} between pages (the data set was updated while paging); try again`);
      }
      for (const row of parsed.rows) rows.push(row);
    }
    if (rows.length !== totalCount) throw new MalformedResponseError(SOURCE, `${endpoint}: ${rows.length} rows received, meta total-count ${totalCount}`);
    return { rows, url: firstUrl, retrievedAt: this.now() };
  }

  async fetchSeries(req: SeriesRequest): Promise<SeriesBatch> {
    if (req.from !== undefined && !isIsoDate(req.from)) throw new InvalidDateError(req.from);
    const spec = TREASURY_SERIES.get(req.remoteId.trim().toUpperCase());
    if (!spec) throw new UnknownSeriesError(req.remoteId);
    const filter = [...(spec.filter ?? []), ...(req.from ? [`record_date:gte:${req.from}`] : [])];
    const { rows, url, retrievedAt } = await this.fetchAll(spec.endpoint, { fields: ['record_date', spec.field], filter, sort: 'record_date' }, req.signal);
    const problems: DataProblem[] = [];
    const observations = orderByDate(observationsFromRows(rows, spec.field, `${spec.endpoint} ${spec.id}`), req.seriesId, problems);
    if (observations.length === 0 && req.from === undefined) problems.push({ kind: 'empty_series', seriesId: req.seriesId, detail: `FiscalData returned no rows for ${spec.id}` });
    return { seriesId: req.seriesId, observations, provenance: { source: 'treasury', url, retrievedAt, mode: 'live' }, reportedUnits: spec.unit.en, problems };
  }

  /** Auction results (and announced auctions) on or after `from`, by auction date. */
  async fetchAuctions(from: IsoDate, signal?: AbortSignal): Promise<{ auctions: TreasuryAuction[]; url: string; retrievedAt: Date }> {
    if (!isIsoDate(from)) throw new InvalidDateError(from);
    const { rows, url, retrievedAt } = await this.fetchAll(AUCTIONS_QUERY, { fields: AUCTION_FIELDS, filter: [`auction_date:gte:${from}`], sort: 'auction_date' }, signal);
    return { auctions: parseAuctions(rows), url, retrievedAt };
  }

  private async getJson(url: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const res = await fetchWithRetry(url, { ...this.http, signal, source: SOURCE });
    if (!res.ok) throw new SourceUnavailableError(SOURCE, `HTTP ${res.status} from ${url}: ${await bodyExcerpt(res)}`);
    return parseJsonText(await readBodyText(res, SOURCE, url), SOURCE, what);
  }
}

/** The FiscalData connector the environment asks for; FINCITE_FISCALDATA_URL replaces the base URL. */
export function treasuryConnectorFromEnv(env: Record<string, string | undefined> = process.env, http?: HttpSettings): TreasuryConnector {
  return new TreasuryConnector({ baseUrl: env.FINCITE_FISCALDATA_URL || undefined, http });
}
