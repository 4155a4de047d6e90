// SEC EDGAR connector: any US filer on demand. Ticker → CIK from company_tickers.json, fundamentals from the
// XBRL companyfacts API (us-gaap concepts, or ifrs-full for IFRS filers), and the filings index from the
// submissions API for citations. SEC's rules for automated access are followed: a declared User-Agent with a
// contact (FINCITE_SEC_USER_AGENT), at most 10 requests per second per process, and backoff on 429/5xx with
// Retry-After (through http.ts). Not wired into the sync or the engine yet.
import { z } from 'zod';
import { FinciteError, MalformedResponseError, SourceUnavailableError } from '../core/errors.ts';
import type { Company, FundamentalRow, IsoDate, PeriodKind, StatementKind } from '../core/types.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { bodyExcerpt, defaultSleep, fetchWithRetry, parseJsonText, readBodyText, validateResponse, type HttpSettings, type Sleep } from './http.ts';
import { isIsoDate } from './quality.ts';

export const SEC_WWW_URL = 'https://www.sec.gov';
export const SEC_DATA_URL = 'https://data.sec.gov';
/** SEC's published ceiling for automated access. */
export const SEC_MAX_REQUESTS_PER_SECOND = 10;
/** How long the ticker table is reused before it is fetched again. */
export const SEC_TICKERS_TTL_MS = 24 * 60 * 60 * 1000;

const SOURCE = 'sec';

// ---------------------------------------------------------------------------------------------------------
// Errors

/** The live SEC connector needs a declared User-Agent with a contact (SEC's fair-access rule). */
export class SecUserAgentMissingError extends FinciteError {
  constructor(given?: string) {
    const what = given ? `"${given}" has no contact e-mail address` : 'FINCITE_SEC_USER_AGENT is not set';
    const whatZh = given ? `"${given}"中没有联系邮箱` : '未设置 FINCITE_SEC_USER_AGENT';
    super(
      'sec_user_agent_missing',
      {
        en: `SEC EDGAR requires a User-Agent that names you and a contact: ${what}. Set it, e.g. FINCITE_SEC_USER_AGENT="fincite admin@example.com".`,
        zh: `SEC EDGAR 要求请求头 User-Agent 注明使用者及联系方式：${whatZh}。请设置，例如 FINCITE_SEC_USER_AGENT="fincite admin@example.com"。`,
      },
      400,
    );
  }
}

/** A ticker that SEC's ticker table does not list. */
export class SecTickerNotFoundError extends FinciteError {
  readonly ticker: string;
  constructor(ticker: string) {
    super('unknown_ticker', { en: `SEC EDGAR lists no company with the ticker "${ticker}".`, zh: `SEC EDGAR 中没有股票代码为"${ticker}"的公司。` }, 404);
    this.ticker = ticker;
  }
}

/** SEC answers 403 to clients it does not accept: an undeclared User-Agent, or one that went over the limit. */
export class SecForbiddenError extends FinciteError {
  constructor(url: string, userAgent: string) {
    super(
      'sec_forbidden',
      {
        en: `SEC EDGAR refused ${url} (HTTP 403). SEC blocks requests whose User-Agent does not name a person or company with a contact, and clients above 10 requests per second; the User-Agent sent was "${userAgent}" (FINCITE_SEC_USER_AGENT).`,
        zh: `SEC EDGAR 拒绝了请求 ${url}（HTTP 403）。SEC 会拒绝 User-Agent 未注明使用者及联系方式、或每秒请求超过 10 次的客户端；本次发送的 User-Agent 为"${userAgent}"（FINCITE_SEC_USER_AGENT）。`,
      },
      502,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rate limit: a token bucket per process, shared by every client

export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  /**
   * `ratePerSecond` tokens are added per second up to `burst`. With burst 1 (the default), requests are spaced
   * 1/rate apart, so no window of one second ever holds more than `ratePerSecond` requests.
   */
  constructor(
    readonly ratePerSecond: number,
    readonly burst = 1,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: Sleep = defaultSleep,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Wait for a token (in arrival order) and take it. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeNow(signal));
    // a caller that gave up must not block the ones behind it
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.ratePerSecond) / 1000);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond), signal);
    }
  }
}

/** The one bucket of this process (SEC counts requests per client machine). */
export const secRateLimiter = new TokenBucket(SEC_MAX_REQUESTS_PER_SECOND);

// ---------------------------------------------------------------------------------------------------------
// Response schemas (only the fields we read; SEC adds fields freely)

const tickersSchema = z.record(z.string(), z.object({ cik_str: z.number().int().positive(), ticker: z.string().min(1), title: z.string() }));

const factSchema = z.object({
  start: z.string().optional(),
  end: z.string(),
  val: z.number(),
  accn: z.string(),
  fy: z.number().int().nullable().optional(),
  fp: z.string().nullable().optional(),
  form: z.string(),
  filed: z.string(),
  frame: z.string().optional(),
});
export type SecRawFact = z.infer<typeof factSchema>;

const conceptSchema = z.object({ label: z.string().nullable().optional(), units: z.record(z.string(), z.array(factSchema)) });
const companyFactsSchema = z.object({
  cik: z.union([z.number().int(), z.string()]),
  entityName: z.string(),
  facts: z.record(z.string(), z.record(z.string(), conceptSchema)),
});
export type SecCompanyFacts = z.infer<typeof companyFactsSchema>;

const submissionsSchema = z.object({
  cik: z.union([z.number().int(), z.string()]),
  name: z.string(),
  tickers: z.array(z.string()).optional(),
  exchanges: z.array(z.string().nullable()).optional(),
  sicDescription: z.string().nullable().optional(),
  fiscalYearEnd: z.string().nullable().optional(),
  filings: z.object({
    recent: z
      .object({
        accessionNumber: z.array(z.string()),
        filingDate: z.array(z.string()),
        reportDate: z.array(z.string()),
        form: z.array(z.string()),
        primaryDocument: z.array(z.string()),
        primaryDocDescription: z.array(z.string()).optional(),
      })
      .refine((r) => [r.filingDate, r.reportDate, r.form, r.primaryDocument].every((a) => a.length === r.accessionNumber.length), 'the filing columns differ in length'),
  }),
});

// ---------------------------------------------------------------------------------------------------------
// Ticker table

export interface SecTicker {
  cik: number;
  ticker: string;
  title: string;
}

/** SEC writes class shares with a dash (BRK-B); people also type BRK.B, BRK/B, brk-b. */
export function normaliseTicker(ticker: string): string {
  return ticker.trim().toUpperCase().replace(/[./ ]/g, '-');
}

/** Validate company_tickers.json into a map keyed by normalised ticker. */
export function parseCompanyTickers(body: unknown): Map<string, SecTicker> {
  const rows = validateResponse(tickersSchema, body, SOURCE, 'company_tickers.json');
  const map = new Map<string, SecTicker>();
  for (const row of Object.values(rows)) {
    const key = normaliseTicker(row.ticker);
    if (!map.has(key)) map.set(key, { cik: row.cik_str, ticker: row.ticker, title: row.title });
  }
  if (map.size === 0) throw new MalformedResponseError(SOURCE, 'company_tickers.json lists no company');
  return map;
}

/** The ten-digit CIK of SEC's API paths. */
export function paddedCik(cik: number | string): string {
  return String(Number(cik)).padStart(10, '0');
}

// ---------------------------------------------------------------------------------------------------------
// Concept mapping

type Taxonomy = 'us-gaap' | 'ifrs-full' | 'dei';

interface FieldSpec {
  item: string;
  statement: StatementKind;
  /** duration: a flow over a period (income, cash flow); instant: a stock at a date (balance, shares). */
  kind: 'duration' | 'instant';
  /** Concepts in priority order, per taxonomy; the first with a fact for a period wins. */
  concepts: Partial<Record<Taxonomy, string[]>>;
  /** A flow that adds up over a fiscal year: a quarter no filing reports alone may be derived from year-to-date figures. */
  additive?: boolean;
}

/** fincite's fundamentals items (the names the snapshot's statements use) and the XBRL concepts behind them. */
export const SEC_FIELDS: FieldSpec[] = [
  {
    item: 'Total Revenue',
    statement: 'income',
    kind: 'duration',
    concepts: {
      'us-gaap': ['Revenues', 'RevenueFromContractWithCustomerExcludingAssessedTax', 'RevenueFromContractWithCustomerIncludingAssessedTax', 'SalesRevenueNet', 'SalesRevenueGoodsNet', 'SalesRevenueServicesNet'],
      'ifrs-full': ['Revenue', 'RevenueFromContractsWithCustomers'],
    },
    additive: true,
  },
  { item: 'Net Income', statement: 'income', kind: 'duration', concepts: { 'us-gaap': ['NetIncomeLoss', 'ProfitLoss'], 'ifrs-full': ['ProfitLossAttributableToOwnersOfParent', 'ProfitLoss'] }, additive: true },
  { item: 'Basic EPS', statement: 'income', kind: 'duration', concepts: { 'us-gaap': ['EarningsPerShareBasic'], 'ifrs-full': ['BasicEarningsLossPerShare'] } },
  { item: 'Diluted EPS', statement: 'income', kind: 'duration', concepts: { 'us-gaap': ['EarningsPerShareDiluted'], 'ifrs-full': ['DilutedEarningsLossPerShare'] } },
  {
    item: 'Operating Cash Flow',
    statement: 'cashflow',
    kind: 'duration',
    concepts: { 'us-gaap': ['NetCashProvidedByUsedInOperatingActivities', 'NetCashProvidedByUsedInOperatingActivitiesContinuingOperations'], 'ifrs-full': ['CashFlowsFromUsedInOperatingActivities'] },
    additive: true,
  },
  { item: 'Total Assets', statement: 'balance', kind: 'instant', concepts: { 'us-gaap': ['Assets'], 'ifrs-full': ['Assets'] } },
  // The cover page's count of shares outstanding, as of the date printed there (not a balance-sheet date).
  { item: 'Shares Outstanding', statement: 'balance', kind: 'instant', concepts: { dei: ['EntityCommonStockSharesOutstanding'] } },
];

const ANNUAL_FORMS = new Set(['10-K', '10-K/A', '10-KT', '10-KT/A', '20-F', '20-F/A', '40-F', '40-F/A']);
const QUARTERLY_FORMS = new Set(['10-Q', '10-Q/A']);

/** An earlier value of the same period and item, superseded by a later filing (a restatement). */
export interface SecRevision {
  value: number;
  form: string;
  filed: IsoDate;
  accession: string;
}

/** One fundamentals row with where it comes from: the concept, the filing, and any earlier values. */
export interface SecFundamental extends FundamentalRow {
  taxonomy: Taxonomy;
  concept: string;
  unit: string;
  /** Start of a duration fact (absent for an instant). */
  start?: IsoDate;
  fiscalYear: number | null;
  fiscalPeriod: string | null;
  form: string;
  filed: IsoDate;
  frame?: string;
  accession: string;
  /** The filing on EDGAR that reported the value in force (its index page). */
  sourceUrl: string;
  /** Earlier different values for the same period, oldest first. */
  revisions: SecRevision[];
  /**
   * Set when no filing reports this quarter alone: the value is the difference of two year-to-date figures of
   * the same fiscal year (e.g. Q4 = full year − nine months; a 10-Q's cash flow is year-to-date).
   */
  derivedFrom?: Array<{ start: IsoDate; end: IsoDate; value: number; accession: string }>;
}

export interface SecUnsupported {
  item: string;
  reason: { en: string; zh: string };
}

export interface MappedFacts {
  taxonomy: 'us-gaap' | 'ifrs-full';
  rows: SecFundamental[];
  /** Items with no supported concept in this filer's facts, said plainly. */
  unsupported: SecUnsupported[];
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** annual / quarterly for a fact, or null for what is neither (a year-to-date 6- or 9-month flow). */
function periodOf(fact: SecRawFact, kind: FieldSpec['kind']): PeriodKind | null {
  if (kind === 'duration') {
    if (!fact.start || !isIsoDate(fact.start)) return null;
    const days = daysBetween(fact.start, fact.end);
    if (days >= 350 && days <= 380) return 'annual';
    if (days >= 80 && days <= 100) return 'quarterly';
    return null;
  }
  if (ANNUAL_FORMS.has(fact.form)) return 'annual';
  if (QUARTERLY_FORMS.has(fact.form)) return 'quarterly';
  return null;
}

/** EDGAR's index page of one filing, from the accession number alone. */
export function filingIndexUrl(cik: number | string, accession: string, wwwUrl = SEC_WWW_URL): string {
  return `${trimSlash(wwwUrl)}/Archives/edgar/data/${Number(cik)}/${accession.replace(/-/g, '')}/${accession}-index.htm`;
}

/** Prefer the currency (or currency per share) unit; facts in another unit of the same concept are ignored. */
function pickUnit(units: Record<string, SecRawFact[]>): string | undefined {
  const keys = Object.keys(units);
  return keys.find((k) => k === 'USD' || k === 'USD/shares' || k === 'shares') ?? keys[0];
}

/**
 * Every fact of one concept grouped by period: the value in force is the one of the latest filing; earlier
 * different values of the same period are kept as revisions. Exported for tests and for other concepts.
 */
export function conceptHistory(
  facts: SecCompanyFacts,
  taxonomy: string,
  concept: string,
  kind: FieldSpec['kind'],
): Array<{ period: PeriodKind; unit: string; current: SecRawFact; revisions: SecRevision[] }> {
  const entry = facts.facts[taxonomy]?.[concept];
  if (!entry) return [];
  const unit = pickUnit(entry.units);
  if (!unit) return [];
  const groups = new Map<string, { period: PeriodKind; facts: SecRawFact[] }>();
  for (const fact of entry.units[unit] ?? []) {
    if (!isIsoDate(fact.end) || !isIsoDate(fact.filed) || !Number.isFinite(fact.val)) continue;
    const period = periodOf(fact, kind);
    if (!period) continue;
    const key = `${period}|${fact.end}`;
    const group = groups.get(key) ?? groups.set(key, { period, facts: [] }).get(key)!;
    group.facts.push(fact);
  }
  const out: Array<{ period: PeriodKind; unit: string; current: SecRawFact; revisions: SecRevision[] }> = [];
  for (const { period, facts: list } of groups.values()) {
    // by filing date, then accession (the same day's amendment comes after the original)
    list.sort((a, b) => (a.filed < b.filed ? -1 : a.filed > b.filed ? 1 : a.accn < b.accn ? -1 : a.accn > b.accn ? 1 : 0));
    const current = list.at(-1)!;
    const revisions: SecRevision[] = [];
    let prev: number | undefined;
    for (const f of list) {
      if (f.val !== prev && f.val !== current.val) revisions.push({ value: f.val, form: f.form, filed: f.filed, accession: f.accn });
      prev = f.val;
    }
    out.push({ period, unit, current, revisions });
  }
  return out.sort((a, b) => (a.current.end < b.current.end ? -1 : a.current.end > b.current.end ? 1 : a.period < b.period ? -1 : 1));
}

/**
 * Quarters that no filing reports alone, from consecutive year-to-date figures of one fiscal year (same start,
 * latest filing of each): the quarter ending at a figure's end = that figure − the previous one, when the two
 * ends are about three months apart. Exported for tests.
 */
export function derivedQuarters(
  facts: SecCompanyFacts,
  taxonomy: string,
  concept: string,
): Array<{ start: IsoDate; end: IsoDate; value: number; unit: string; from: [SecRawFact, SecRawFact] }> {
  const entry = facts.facts[taxonomy]?.[concept];
  const unit = entry ? pickUnit(entry.units) : undefined;
  if (!entry || !unit) return [];
  const byStart = new Map<string, Map<string, SecRawFact>>();
  for (const f of entry.units[unit] ?? []) {
    if (!f.start || !isIsoDate(f.start) || !isIsoDate(f.end) || !Number.isFinite(f.val)) continue;
    const d = daysBetween(f.start, f.end);
    if (d < 80 || d > 380) continue;
    const ends = byStart.get(f.start) ?? byStart.set(f.start, new Map()).get(f.start)!;
    const prev = ends.get(f.end);
    if (!prev || f.filed > prev.filed || (f.filed === prev.filed && f.accn > prev.accn)) ends.set(f.end, f);
  }
  const out: Array<{ start: IsoDate; end: IsoDate; value: number; unit: string; from: [SecRawFact, SecRawFact] }> = [];
  for (const ends of byStart.values()) {
    const chain = [...ends.values()].sort((a, b) => (a.end < b.end ? -1 : 1));
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1]!;
      const b = chain[i]!;
      const gap = daysBetween(a.end, b.end);
      if (gap < 80 || gap > 100) continue;
      const start = new Date(Date.parse(`${a.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      // subtraction in integers of the reported unit's smallest step avoids 0.1 + 0.2 noise
      out.push({ start, end: b.end, value: Math.round((b.val - a.val) * 1e6) / 1e6, unit, from: [a, b] });
    }
  }
  return out.sort((x, y) => (x.end < y.end ? -1 : 1));
}

/** Map a companyfacts body to fincite's fundamentals rows. */
export function mapCompanyFacts(facts: SecCompanyFacts, ticker: string, wwwUrl = SEC_WWW_URL): MappedFacts {
  const hasGaap = Object.keys(facts.facts['us-gaap'] ?? {}).length > 0;
  const hasIfrs = Object.keys(facts.facts['ifrs-full'] ?? {}).length > 0;
  if (!hasGaap && !hasIfrs) {
    const taxonomies = Object.keys(facts.facts).join(', ') || 'none';
    throw new FinciteError(
      'sec_unsupported_taxonomy',
      {
        en: `${facts.entityName} reports its financial statements in no taxonomy fincite reads (found: ${taxonomies}; supported: us-gaap, ifrs-full).`,
        zh: `${facts.entityName} 的财务报表未使用 fincite 支持的分类标准（实际：${taxonomies}；支持：us-gaap、ifrs-full）。`,
      },
      422,
    );
  }
  const taxonomy = hasGaap ? 'us-gaap' : 'ifrs-full';
  const rows: SecFundamental[] = [];
  const unsupported: SecUnsupported[] = [];
  for (const field of SEC_FIELDS) {
    const taxonomies = (Object.keys(field.concepts) as Taxonomy[]).filter((t) => t === taxonomy || t === 'dei');
    const taken = new Set<string>();
    let found = false;
    for (const t of taxonomies) {
      for (const concept of field.concepts[t] ?? []) {
        for (const h of conceptHistory(facts, t, concept, field.kind)) {
          const key = `${h.period}|${h.current.end}`;
          if (taken.has(key)) continue;
          taken.add(key);
          found = true;
          const f = h.current;
          rows.push({
            ticker,
            statement: field.statement,
            period: h.period,
            periodEnd: f.end,
            item: field.item,
            value: f.val,
            taxonomy: t,
            concept,
            unit: h.unit,
            ...(f.start ? { start: f.start } : {}),
            fiscalYear: f.fy ?? null,
            fiscalPeriod: f.fp ?? null,
            form: f.form,
            filed: f.filed,
            ...(f.frame ? { frame: f.frame } : {}),
            accession: f.accn,
            sourceUrl: filingIndexUrl(facts.cik, f.accn, wwwUrl),
            revisions: h.revisions,
          });
        }
      }
    }
    if (field.additive) {
      for (const t of taxonomies) {
        for (const concept of field.concepts[t] ?? []) {
          for (const q of derivedQuarters(facts, t, concept)) {
            const key = `quarterly|${q.end}`;
            if (taken.has(key)) continue;
            taken.add(key);
            found = true;
            const later = q.from[1];
            rows.push({
              ticker,
              statement: field.statement,
              period: 'quarterly',
              periodEnd: q.end,
              item: field.item,
              value: q.value,
              taxonomy: t,
              concept,
              unit: q.unit,
              start: q.start,
              fiscalYear: later.fy ?? null,
              fiscalPeriod: later.fp ?? null,
              form: later.form,
              filed: later.filed,
              accession: later.accn,
              sourceUrl: filingIndexUrl(facts.cik, later.accn, wwwUrl),
              revisions: [],
              derivedFrom: q.from.map((f) => ({ start: f.start!, end: f.end, value: f.val, accession: f.accn })),
            });
          }
        }
      }
    }
    if (!found) {
      const names = taxonomies.flatMap((t) => (field.concepts[t] ?? []).map((c) => `${t}:${c}`));
      unsupported.push({
        item: field.item,
        reason: names.length
          ? { en: `${field.item}: none of ${names.join(', ')} is reported by this filer.`, zh: `${field.item}:该申报人未报告 ${names.join('、')} 中的任何一项。` }
          : { en: `${field.item}: fincite maps no ${taxonomy} concept to this item yet.`, zh: `${field.item}:fincite 尚未将任何 ${taxonomy} 概念对应到此项目。` },
      });
    }
  }
  return { taxonomy, rows, unsupported };
}

// ---------------------------------------------------------------------------------------------------------
// Filings index

export interface SecFiling {
  accession: string;
  form: string;
  filed: IsoDate;
  /** The period the filing reports on (may be absent for some forms). */
  reportDate?: IsoDate;
  /** The primary document on EDGAR, the URL a citation links to. */
  documentUrl: string;
  description?: string;
}

export interface SecSubmissions {
  cik: number;
  name: string;
  tickers: string[];
  exchanges: string[];
  sicDescription?: string;
  fiscalYearEnd?: string;
  filings: SecFiling[];
}

/** Validate a submissions body into the list of recent filings with their document URLs. */
export function parseSubmissions(body: unknown, wwwUrl = SEC_WWW_URL): SecSubmissions {
  const s = validateResponse(submissionsSchema, body, SOURCE, 'submissions');
  const r = s.filings.recent;
  const cik = Number(s.cik);
  const filings: SecFiling[] = [];
  for (let i = 0; i < r.accessionNumber.length; i++) {
    const accession = r.accessionNumber[i]!;
    const filed = r.filingDate[i]!;
    if (!isIsoDate(filed)) throw new MalformedResponseError(SOURCE, `submissions: filing ${accession} has the date "${filed}"`);
    const doc = r.primaryDocument[i]!;
    const folder = `${trimSlash(wwwUrl)}/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}`;
    const reportDate = r.reportDate[i]!;
    const description = r.primaryDocDescription?.[i];
    filings.push({
      accession,
      form: r.form[i]!,
      filed,
      ...(isIsoDate(reportDate) ? { reportDate } : {}),
      documentUrl: doc ? `${folder}/${doc}` : `${folder}/${accession}-index.htm`,
      ...(description ? { description } : {}),
    });
  }
  return {
    cik,
    name: s.name,
    tickers: s.tickers ?? [],
    exchanges: (s.exchanges ?? []).filter((e): e is string => !!e),
    ...(s.sicDescription ? { sicDescription: s.sicDescription } : {}),
    ...(s.fiscalYearEnd ? { fiscalYearEnd: s.fiscalYearEnd } : {}),
    filings,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The client

export interface SecClientOptions {
  /** "Name contact@domain": required by SEC; without a contact address the client refuses to start. */
  userAgent?: string;
  /** www.sec.gov (company_tickers.json, filing archives); tests point it at loopback. */
  wwwUrl?: string;
  /** data.sec.gov (companyfacts, submissions). */
  dataUrl?: string;
  http?: HttpSettings;
  /** The per-process bucket by default. */
  limiter?: TokenBucket;
  now?: () => Date;
  tickersTtlMs?: number;
}

export interface SecProvenance {
  source: 'sec';
  url: string;
  retrievedAt: Date;
}

export interface SecCompanyResult {
  company: Company;
  cik: number;
  fundamentals: SecFundamental[];
  taxonomy?: 'us-gaap' | 'ifrs-full';
  unsupported: SecUnsupported[];
  filings: SecFiling[];
  /** What was fetched, from where, when. */
  provenance: SecProvenance[];
  /** What could not be had (no XBRL facts, no filings index), said plainly. */
  notes: Array<{ en: string; zh: string }>;
}

/** SEC's contact requirement: some text and an e-mail address. */
export function checkUserAgent(userAgent: string | undefined): string {
  const ua = userAgent?.trim();
  if (!ua) throw new SecUserAgentMissingError();
  if (!/[^\s@]+@[^\s@]+\.[^\s@]+/.test(ua)) throw new SecUserAgentMissingError(ua);
  return ua;
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

export class SecClient {
  readonly userAgent: string;
  readonly wwwUrl: string;
  readonly dataUrl: string;
  private readonly http: HttpSettings;
  private readonly limiter: TokenBucket;
  private readonly now: () => Date;
  private readonly tickersTtlMs: number;
  private tickers?: { at: number; map: Promise<Map<string, SecTicker>> };

  constructor(opts: SecClientOptions) {
    this.userAgent = checkUserAgent(opts.userAgent);
    this.wwwUrl = trimSlash(opts.wwwUrl ?? SEC_WWW_URL);
    this.dataUrl = trimSlash(opts.dataUrl ?? SEC_DATA_URL);
    this.http = opts.http ?? {};
    this.limiter = opts.limiter ?? secRateLimiter;
    this.now = opts.now ?? (() => new Date());
    this.tickersTtlMs = opts.tickersTtlMs ?? SEC_TICKERS_TTL_MS;
  }

  tickersUrl(): string {
    return `${this.wwwUrl}/files/company_tickers.json`;
  }
  companyFactsUrl(cik: number | string): string {
    return `${this.dataUrl}/api/xbrl/companyfacts/CIK${paddedCik(cik)}.json`;
  }
  submissionsUrl(cik: number | string): string {
    return `${this.dataUrl}/submissions/CIK${paddedCik(cik)}.json`;
  }

  /** GET and parse JSON; null on 404. Every attempt (retries too) waits for a token of the rate limit. */
  private async getJson(url: string, what: string, signal?: AbortSignal): Promise<unknown | null> {
    const baseSleep = this.http.sleep ?? defaultSleep;
    const sleep: Sleep = async (ms, s) => {
      await baseSleep(ms, s);
      await this.limiter.take(s);
    };
    await this.limiter.take(signal);
    const res = await fetchWithRetry(url, { ...this.http, sleep, signal, source: SOURCE, headers: { 'User-Agent': this.userAgent, Accept: 'application/json' } });
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return null;
    }
    if (res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new SecForbiddenError(url, this.userAgent);
    }
    if (!res.ok) throw new SourceUnavailableError(SOURCE, `HTTP ${res.status} from ${url}: ${await bodyExcerpt(res)}`);
    const text = await readBodyText(res, SOURCE, url);
    return parseJsonText(text, SOURCE, what);
  }

  /** The ticker table, fetched once and reused for a day (a failed fetch is not cached). */
  private tickerTable(signal?: AbortSignal): Promise<Map<string, SecTicker>> {
    const t = this.now().getTime();
    if (this.tickers && t - this.tickers.at < this.tickersTtlMs) return this.tickers.map;
    const map = (async () => {
      const body = await this.getJson(this.tickersUrl(), 'company_tickers.json', signal);
      if (body === null) throw new SourceUnavailableError(SOURCE, `${this.tickersUrl()} answered 404`);
      return parseCompanyTickers(body);
    })();
    this.tickers = { at: t, map };
    map.catch(() => {
      if (this.tickers?.map === map) this.tickers = undefined;
    });
    return map;
  }

  /** Ticker → CIK and SEC's name, case-insensitively; SecTickerNotFoundError when SEC does not list it. */
  async lookupTicker(ticker: string, signal?: AbortSignal): Promise<SecTicker> {
    const key = normaliseTicker(ticker);
    if (!key) throw new SecTickerNotFoundError(ticker);
    const found = (await this.tickerTable(signal)).get(key);
    if (!found) throw new SecTickerNotFoundError(ticker.trim());
    return found;
  }

  /** The XBRL company facts of a CIK, validated; null when SEC has none for it (404). */
  async companyFacts(cik: number | string, signal?: AbortSignal): Promise<SecCompanyFacts | null> {
    const body = await this.getJson(this.companyFactsUrl(cik), `companyfacts CIK${paddedCik(cik)}`, signal);
    if (body === null) return null;
    const facts = validateResponse(companyFactsSchema, body, SOURCE, `companyfacts CIK${paddedCik(cik)}`);
    if (Number(facts.cik) !== Number(cik)) throw new MalformedResponseError(SOURCE, `companyfacts for CIK ${Number(cik)} names CIK ${Number(facts.cik)}`);
    return facts;
  }

  /** The filings index of a CIK (recent filings); null when SEC has none for it (404). */
  async submissions(cik: number | string, signal?: AbortSignal): Promise<SecSubmissions | null> {
    const body = await this.getJson(this.submissionsUrl(cik), `submissions CIK${paddedCik(cik)}`, signal);
    if (body === null) return null;
    const subs = parseSubmissions(body, this.wwwUrl);
    if (subs.cik !== Number(cik)) throw new MalformedResponseError(SOURCE, `submissions for CIK ${Number(cik)} names CIK ${subs.cik}`);
    return subs;
  }

  /**
   * Resolve a ticker, fetch its facts and filings, and return the company, its fundamentals rows and its
   * filings with provenance. Everything is fetched and validated before anything may be stored.
   */
  async fetchCompany(ticker: string, signal?: AbortSignal): Promise<SecCompanyResult> {
    const entry = await this.lookupTicker(ticker, signal);
    const provenance: SecProvenance[] = [{ source: 'sec', url: this.tickersUrl(), retrievedAt: this.now() }];
    const notes: SecCompanyResult['notes'] = [];
    const facts = await this.companyFacts(entry.cik, signal);
    provenance.push({ source: 'sec', url: this.companyFactsUrl(entry.cik), retrievedAt: this.now() });
    const subs = await this.submissions(entry.cik, signal);
    provenance.push({ source: 'sec', url: this.submissionsUrl(entry.cik), retrievedAt: this.now() });
    const tickerKey = normaliseTicker(entry.ticker);
    let mapped: MappedFacts | undefined;
    if (facts) mapped = mapCompanyFacts(facts, tickerKey, this.wwwUrl);
    else notes.push({ en: `SEC has no XBRL financial data for ${entry.ticker} (CIK ${entry.cik}).`, zh: `SEC 没有 ${entry.ticker}（CIK ${entry.cik}）的 XBRL 财务数据。` });
    if (!subs) notes.push({ en: `SEC has no filings index for ${entry.ticker} (CIK ${entry.cik}).`, zh: `SEC 没有 ${entry.ticker}（CIK ${entry.cik}）的申报文件索引。` });
    const name = subs?.name ?? facts?.entityName ?? entry.title;
    const company: Company = {
      ticker: tickerKey,
      // SEC gives no Chinese name: the English one stands until the catalog has a reviewed translation.
      name: { zh: entry.title, en: entry.title },
      aliases: [...new Set([entry.title, name].filter((n) => n && n !== tickerKey))],
      ...(subs?.exchanges[0] ? { exchange: subs.exchanges[0].toUpperCase() } : {}),
      cik: String(entry.cik),
      currency: 'USD',
    };
    const money = mapped?.rows.find((r) => r.item === 'Total Revenue' || r.item === 'Total Assets');
    if (money && money.unit !== 'USD') company.statementCurrency = money.unit;
    return {
      company,
      cik: entry.cik,
      fundamentals: mapped?.rows ?? [],
      ...(mapped ? { taxonomy: mapped.taxonomy } : {}),
      unsupported: mapped?.unsupported ?? [],
      filings: subs?.filings ?? [],
      provenance,
      notes,
    };
  }
}

/**
 * The SEC client the environment asks for: FINCITE_SEC_USER_AGENT (required), FINCITE_SEC_URL and
 * FINCITE_SEC_DATA_URL (base URLs, for tests and mirrors).
 */
export function secClientFromEnv(env: Record<string, string | undefined> = process.env, http?: HttpSettings): SecClient {
  return new SecClient({ userAgent: env.FINCITE_SEC_USER_AGENT, wwwUrl: env.FINCITE_SEC_URL || undefined, dataUrl: env.FINCITE_SEC_DATA_URL || undefined, http });
}

/**
 * Store a fetched company through the repository: the company row, then its fundamentals, each row with the
 * filing it came from as source URL and the retrieval time of the facts. Returns rows new or changed.
 * (Earlier values of restated periods are in the result's `revisions`; the table keeps the value in force.)
 */
export async function storeSecCompany(db: Database, result: SecCompanyResult): Promise<number> {
  await repo.upsertCompanies(db, [result.company]);
  const retrievedAt = result.provenance.find((p) => p.url.includes('/companyfacts/'))?.retrievedAt ?? new Date();
  const bySource = new Map<string, FundamentalRow[]>();
  for (const r of result.fundamentals) {
    const list = bySource.get(r.sourceUrl) ?? bySource.set(r.sourceUrl, []).get(r.sourceUrl)!;
    list.push({ ticker: r.ticker, statement: r.statement, period: r.period, periodEnd: r.periodEnd, item: r.item, value: r.value });
  }
  let changed = 0;
  for (const [url, rows] of bySource) changed += await repo.upsertFundamentals(db, result.company.ticker, rows, url, retrievedAt);
  return changed;
}

/** Fetch a company and store it; a failure while fetching or validating leaves the database untouched. */
export async function importSecCompany(db: Database, client: SecClient, ticker: string, signal?: AbortSignal): Promise<{ result: SecCompanyResult; changed: number }> {
  const result = await client.fetchCompany(ticker, signal);
  const changed = await storeSecCompany(db, result);
  return { result, changed };
}
