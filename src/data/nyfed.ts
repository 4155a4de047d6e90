// New York Fed Markets API connectors (markets.newyorkfed.org/api): the reference rates (SOFR, TGCR, BGCR
// secured; EFFR, OBFR unsecured) with their percentiles and volumes, the SOMA holdings summary, and repo /
// reverse-repo operation results. The New York Fed is the publisher of all of these (FRED republishes the
// rates); provenance names it. A response whose shape is not the documented one is refused whole
// (MalformedResponseError): nothing is returned, so nothing can be stored.
import { z } from 'zod';
import { InvalidDateError, MalformedResponseError, SourceUnavailableError, UnknownSeriesError } from '../core/errors.ts';
import type { Bilingual, DataProblem, IsoDate, Observation, SeriesBatch } from '../core/types.ts';
import type { SeriesConnector, SeriesRequest } from './connector.ts';
import { bodyExcerpt, excerpt, fetchWithRetry, parseJsonText, readBodyText, validateResponse, type HttpSettings } from './http.ts';
import { isIsoDate, orderByDate } from './quality.ts';

export const NYFED_BASE_URL = 'https://markets.newyorkfed.org';
const SOURCE = 'nyfed';

// ---------------------------------------------------------------------------------------------------------
// The series this connector serves

export type NyfedRate = 'sofr' | 'tgcr' | 'bgcr' | 'effr' | 'obfr';
export type NyfedRateField = 'percentRate' | 'percentPercentile1' | 'percentPercentile25' | 'percentPercentile75' | 'percentPercentile99' | 'volumeInBillions';
export const NYFED_RATE_FIELDS: readonly NyfedRateField[] = ['percentRate', 'percentPercentile1', 'percentPercentile25', 'percentPercentile75', 'percentPercentile99', 'volumeInBillions'];

export const NYFED_RATES: Record<NyfedRate, { group: 'secured' | 'unsecured'; name: Bilingual; /** First day the New York Fed publishes the rate. */ first: IsoDate; /** Our catalog id of the rate itself. */ id: string; /** Prefix of the companion ids (FRED's naming: SOFR1 … SOFRVOL). */ prefix: string }> = {
  sofr: { group: 'secured', first: '2018-04-02', id: 'SOFR', prefix: 'SOFR', name: { en: 'Secured Overnight Financing Rate (SOFR)', zh: '担保隔夜融资利率（SOFR）' } },
  tgcr: { group: 'secured', first: '2018-04-02', id: 'TGCRRATE', prefix: 'TGCR', name: { en: 'Tri-Party General Collateral Rate (TGCR)', zh: '三方一般抵押品回购利率（TGCR）' } },
  bgcr: { group: 'secured', first: '2018-04-02', id: 'BGCR', prefix: 'BGCR', name: { en: 'Broad General Collateral Rate (BGCR)', zh: '广义一般抵押品回购利率（BGCR）' } },
  effr: { group: 'unsecured', first: '2016-03-01', id: 'EFFR', prefix: 'EFFR', name: { en: 'Effective Federal Funds Rate (EFFR)', zh: '有效联邦基金利率（EFFR）' } },
  obfr: { group: 'unsecured', first: '2016-03-01', id: 'OBFR', prefix: 'OBFR', name: { en: 'Overnight Bank Funding Rate (OBFR)', zh: '隔夜银行融资利率（OBFR）' } },
};

export type NyfedUnit = 'percent' | 'billions_usd' | 'usd';
export const NYFED_UNIT_LABELS: Record<NyfedUnit, Bilingual> = {
  percent: { en: 'Percent', zh: '百分比' },
  billions_usd: { en: 'Billions of U.S. Dollars', zh: '十亿美元' },
  usd: { en: 'U.S. Dollars', zh: '美元' },
};

export type NyfedSeriesSpec =
  | { id: string; kind: 'rate'; rate: NyfedRate; field: NyfedRateField; title: Bilingual; unit: NyfedUnit }
  | { id: string; kind: 'soma'; field: SomaField; title: Bilingual; unit: NyfedUnit }
  | { id: string; kind: 'repo'; measure: RepoMeasure; title: Bilingual; unit: NyfedUnit };

const FIELD_SUFFIX: Record<NyfedRateField, { suffix: string; en: string; zh: string }> = {
  percentRate: { suffix: '', en: '', zh: '' },
  percentPercentile1: { suffix: '1', en: ': 1st Percentile', zh: '第1百分位数' },
  percentPercentile25: { suffix: '25', en: ': 25th Percentile', zh: '第25百分位数' },
  percentPercentile75: { suffix: '75', en: ': 75th Percentile', zh: '第75百分位数' },
  percentPercentile99: { suffix: '99', en: ': 99th Percentile', zh: '第99百分位数' },
  volumeInBillions: { suffix: 'VOL', en: ': Volume', zh: '交易量' },
};

export type SomaField = 'total' | 'bills' | 'notesbonds' | 'frn' | 'tips' | 'tipsInflationCompensation' | 'mbs' | 'cmbs' | 'agencies';
const SOMA_FIELDS: Record<SomaField, Bilingual> = {
  total: { en: 'SOMA Holdings: Total', zh: 'SOMA持仓：合计' },
  bills: { en: 'SOMA Holdings: Treasury Bills', zh: 'SOMA持仓：短期国库券' },
  notesbonds: { en: 'SOMA Holdings: Treasury Notes and Bonds', zh: 'SOMA持仓：中长期国债' },
  frn: { en: 'SOMA Holdings: Treasury Floating Rate Notes', zh: 'SOMA持仓：浮动利率国债' },
  tips: { en: 'SOMA Holdings: TIPS', zh: 'SOMA持仓：通胀保值国债（TIPS）' },
  tipsInflationCompensation: { en: 'SOMA Holdings: TIPS Inflation Compensation', zh: 'SOMA持仓：TIPS通胀补偿' },
  mbs: { en: 'SOMA Holdings: Agency Mortgage-Backed Securities', zh: 'SOMA持仓：机构抵押支持证券（MBS）' },
  cmbs: { en: 'SOMA Holdings: Agency Commercial MBS', zh: 'SOMA持仓：机构商业抵押支持证券（CMBS）' },
  agencies: { en: 'SOMA Holdings: Agency Debt', zh: 'SOMA持仓：机构债' },
};

export type RepoMeasure = 'rrpAccepted' | 'rrpAwardRate' | 'repoAccepted';

function buildSpecs(): Map<string, NyfedSeriesSpec> {
  const specs = new Map<string, NyfedSeriesSpec>();
  for (const [rate, info] of Object.entries(NYFED_RATES) as Array<[NyfedRate, (typeof NYFED_RATES)[NyfedRate]]>) {
    for (const field of NYFED_RATE_FIELDS) {
      const f = FIELD_SUFFIX[field];
      const id = field === 'percentRate' ? info.id : `${info.prefix}${f.suffix}`;
      specs.set(id, {
        id,
        kind: 'rate',
        rate,
        field,
        title: { en: `${info.name.en}${f.en}`, zh: `${info.name.zh}${f.zh}` },
        unit: field === 'volumeInBillions' ? 'billions_usd' : 'percent',
      });
    }
  }
  for (const [field, title] of Object.entries(SOMA_FIELDS) as Array<[SomaField, Bilingual]>) {
    const id = `SOMA_${field === 'tipsInflationCompensation' ? 'TIPS_INFL_COMP' : field.toUpperCase()}`;
    specs.set(id, { id, kind: 'soma', field, title, unit: 'usd' });
  }
  specs.set('RRPONTSYD', { id: 'RRPONTSYD', kind: 'repo', measure: 'rrpAccepted', unit: 'billions_usd', title: { en: 'Overnight Reverse Repurchase Agreements: Total Amount Accepted', zh: '隔夜逆回购（ON RRP）使用量' } });
  specs.set('RRPONTSYAWARD', { id: 'RRPONTSYAWARD', kind: 'repo', measure: 'rrpAwardRate', unit: 'percent', title: { en: 'Overnight Reverse Repurchase Agreements: Award Rate (Treasury)', zh: '隔夜逆回购（ON RRP）利率' } });
  specs.set('SRFUSAGE', { id: 'SRFUSAGE', kind: 'repo', measure: 'repoAccepted', unit: 'billions_usd', title: { en: 'Repo Operations (Standing Repo Facility): Total Amount Accepted', zh: '回购操作（常备回购便利）使用量' } });
  return specs;
}

/**
 * Every series the connector can fetch, by our id. The rates use the catalog's ids where the catalog has the
 * series (SOFR, SOFR1 … SOFRVOL, EFFR, OBFR, TGCRRATE, BGCR, RRPONTSYD, RRPONTSYAWARD, SRFUSAGE); the other
 * percentiles and volumes take FRED's names for the same New York Fed data (EFFR1 … EFFRVOL, OBFR*, TGCR*,
 * BGCR*); the SOMA summary is SOMA_<FIELD>. Units as the New York Fed publishes them, except the repo totals:
 * published in dollars, given here in billions like the catalog's RRPONTSYD and SRFUSAGE.
 */
export const NYFED_SERIES: ReadonlyMap<string, NyfedSeriesSpec> = buildSpecs();

// ---------------------------------------------------------------------------------------------------------
// Parsing

const num = z.number().finite();
const refRateSchema = z.object({
  effectiveDate: z.string(),
  type: z.string(),
  percentRate: num,
  percentPercentile1: num,
  percentPercentile25: num,
  percentPercentile75: num,
  percentPercentile99: num,
  volumeInBillions: num,
  revisionIndicator: z.string().optional(),
});
const refRatesSchema = z.object({ refRates: z.array(refRateSchema) });

export interface NyfedRateRow {
  date: IsoDate;
  values: Record<NyfedRateField, number>;
  /** The New York Fed's revisionIndicator was set ("Y"): the value was revised after first publication. */
  revised: boolean;
}

function checkDate(date: string, what: string): IsoDate {
  if (!isIsoDate(date)) throw new MalformedResponseError(SOURCE, `${what}: "${excerpt(date, 40)}" is not a YYYY-MM-DD date`);
  return date;
}

/**
 * Validate a reference-rate body (`{refRates:[…]}`) for `rate`. Every row must carry the rate, the four
 * percentiles and the volume as numbers and be of the asked type; anything else is a changed format.
 */
export function parseNyfedRates(body: unknown, rate: NyfedRate): NyfedRateRow[] {
  const what = `${rate.toUpperCase()} reference rates`;
  const { refRates } = validateResponse(refRatesSchema, body, SOURCE, what);
  return refRates.map((row, i) => {
    if (row.type.toUpperCase() !== rate.toUpperCase()) {
      throw new MalformedResponseError(SOURCE, `${what}: refRates.${i}.type is "${excerpt(row.type, 20)}", expected "${rate.toUpperCase()}"`);
    }
    const values = {} as Record<NyfedRateField, number>;
    for (const field of NYFED_RATE_FIELDS) values[field] = row[field];
    return { date: checkDate(row.effectiveDate, `${what}: refRates.${i}.effectiveDate`), values, revised: (row.revisionIndicator ?? '').trim() !== '' };
  });
}

// SOMA summary: amounts in U.S. dollars; the New York Fed writes them as strings ("2345678900000").
const amount = z.union([z.string(), z.number()]);
const somaSchema = z.object({
  soma: z.object({
    summary: z.array(
      z.object({
        asOfDate: z.string(),
        total: amount,
        bills: amount,
        notesbonds: amount,
        frn: amount,
        tips: amount,
        tipsInflationCompensation: amount,
        mbs: amount,
        cmbs: amount,
        agencies: amount,
      }),
    ),
  }),
});

export interface SomaRow {
  date: IsoDate;
  values: Record<SomaField, number | null>;
}

/** A published amount: a number, or a string that is wholly a number; "" is missing (null); anything else is malformed. */
function strictNumber(raw: string | number, what: string): number | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new MalformedResponseError(SOURCE, `${what} is not a finite number`);
    return raw;
  }
  const text = raw.trim();
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new MalformedResponseError(SOURCE, `${what} is "${excerpt(raw, 40)}", not a number`);
  return Number(text);
}

/** Validate `/api/soma/summary.json`: one row per Wednesday (and month-ends), each field an amount in dollars. */
export function parseSomaSummary(body: unknown): SomaRow[] {
  const { soma } = validateResponse(somaSchema, body, SOURCE, 'SOMA summary');
  return soma.summary.map((row, i) => {
    const values = {} as Record<SomaField, number | null>;
    for (const field of Object.keys(SOMA_FIELDS) as SomaField[]) values[field] = strictNumber(row[field], `SOMA summary: soma.summary.${i}.${field}`);
    return { date: checkDate(row.asOfDate, `SOMA summary: soma.summary.${i}.asOfDate`), values };
  });
}

// Repo and reverse-repo operation results: amounts in U.S. dollars, rates in percent.
const repoSchema = z.object({
  repo: z.object({
    operations: z.array(
      z.object({
        operationId: z.string(),
        auctionStatus: z.string(),
        operationDate: z.string(),
        operationType: z.string(),
        term: z.string().optional(),
        totalAmtAccepted: num.optional(),
        details: z
          .array(z.object({ securityType: z.string(), amtAccepted: num.optional(), percentAwardRate: num.optional() }))
          .optional(),
      }),
    ),
  }),
});

export interface RepoDay {
  date: IsoDate;
  /** Overnight reverse repo, total accepted, billions of USD (sum of the day's operations). */
  rrpAccepted: number | null;
  /** Overnight reverse repo award rate on Treasury collateral, percent. */
  rrpAwardRate: number | null;
  /** Repo operations (the Standing Repo Facility since 2021), total accepted, billions of USD. */
  repoAccepted: number | null;
}

/**
 * Validate a repo results body (`{repo:{operations:[…]}}`) and add it up per operation date. Only operations
 * whose auctionStatus is "Results" count (an announced operation has no amounts yet); a Results operation
 * without totalAmtAccepted is a changed format.
 */
export function parseRepoOperations(body: unknown): RepoDay[] {
  const { repo } = validateResponse(repoSchema, body, SOURCE, 'repo operations');
  const days = new Map<IsoDate, RepoDay>();
  repo.operations.forEach((op, i) => {
    if (op.auctionStatus !== 'Results') return;
    const date = checkDate(op.operationDate, `repo operations: operations.${i}.operationDate`);
    if (op.totalAmtAccepted === undefined) throw new MalformedResponseError(SOURCE, `repo operations: operations.${i}.totalAmtAccepted is missing from a Results operation`);
    const day = days.get(date) ?? { date, rrpAccepted: null, rrpAwardRate: null, repoAccepted: null };
    const billions = op.totalAmtAccepted / 1e9;
    const type = op.operationType.toLowerCase();
    if (type === 'reverse repo') {
      if ((op.term ?? 'Overnight').toLowerCase() !== 'overnight') return;
      day.rrpAccepted = (day.rrpAccepted ?? 0) + billions;
      const award = op.details?.find((d) => /treasury/i.test(d.securityType))?.percentAwardRate;
      if (award !== undefined) day.rrpAwardRate = award;
    } else if (type === 'repo') {
      day.repoAccepted = (day.repoAccepted ?? 0) + billions;
    } else {
      throw new MalformedResponseError(SOURCE, `repo operations: operations.${i}.operationType "${excerpt(op.operationType, 30)}" is neither "Repo" nor "Reverse Repo"`);
    }
    days.set(date, day);
  });
  // Dollar sums to billions: round away the binary noise of the division (amounts are whole dollars).
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
  return [...days.values()].map((d) => ({ ...d, rrpAccepted: round(d.rrpAccepted), repoAccepted: round(d.repoAccepted) }));
}

// ---------------------------------------------------------------------------------------------------------
// Connector

export interface NyfedOptions {
  /** Scheme and host (tests point it at loopback); `/api/…` is appended. */
  baseUrl?: string;
  http?: HttpSettings;
  now?: () => Date;
}

export class NyfedConnector implements SeriesConnector {
  readonly source = 'nyfed' as const;
  readonly baseUrl: string;
  private readonly http: HttpSettings;
  private readonly now: () => Date;

  constructor(opts: NyfedOptions = {}) {
    this.baseUrl = (opts.baseUrl ?? NYFED_BASE_URL).replace(/\/$/, '');
    this.http = opts.http ?? {};
    this.now = opts.now ?? (() => new Date());
  }

  private today(): IsoDate {
    return this.now().toISOString().slice(0, 10);
  }

  /** `/api/rates/{secured|unsecured}/{rate}/search.json?startDate=&endDate=` */
  rateSearchUrl(rate: NyfedRate, startDate: IsoDate, endDate: IsoDate): string {
    return `${this.baseUrl}/api/rates/${NYFED_RATES[rate].group}/${rate}/search.json?startDate=${startDate}&endDate=${endDate}`;
  }

  /** `/api/rates/{secured|unsecured}/{rate}/last/{n}.json`: the n most recent observations. */
  rateLastUrl(rate: NyfedRate, n: number): string {
    return `${this.baseUrl}/api/rates/${NYFED_RATES[rate].group}/${rate}/last/${n}.json`;
  }

  somaSummaryUrl(): string {
    return `${this.baseUrl}/api/soma/summary.json`;
  }

  /** `/api/rp/results/search.json?startDate=&endDate=`: repo and reverse-repo operations together. */
  repoSearchUrl(startDate: IsoDate, endDate: IsoDate): string {
    return `${this.baseUrl}/api/rp/results/search.json?startDate=${startDate}&endDate=${endDate}`;
  }

  /**
   * One request for a rate, all six of its series (rate, four percentiles, volume) as batches, in
   * NYFED_RATE_FIELDS order. `from` absent: the whole history (from the rate's first day); `last`: the n
   * most recent observations instead.
   */
  async fetchRateBatches(rate: NyfedRate, opts: { from?: IsoDate; last?: number; signal?: AbortSignal } = {}): Promise<SeriesBatch[]> {
    if (opts.from !== undefined && !isIsoDate(opts.from)) throw new InvalidDateError(opts.from);
    if (opts.last !== undefined && !(Number.isInteger(opts.last) && opts.last > 0)) throw new TypeError('last must be a positive integer');
    const url = opts.last !== undefined ? this.rateLastUrl(rate, opts.last) : this.rateSearchUrl(rate, opts.from ?? NYFED_RATES[rate].first, this.today());
    const { body, retrievedAt } = await this.getJson(url, `${rate.toUpperCase()} reference rates`, opts.signal);
    const rows = parseNyfedRates(body, rate);
    return NYFED_RATE_FIELDS.map((field) => {
      const spec = [...NYFED_SERIES.values()].find((s) => s.kind === 'rate' && s.rate === rate && s.field === field)!;
      return this.batch(spec.id, spec.unit, url, retrievedAt, rows.map((r) => ({ date: r.date, value: r.values[field] })), opts.from);
    });
  }

  async fetchSomaSummary(signal?: AbortSignal): Promise<{ rows: SomaRow[]; url: string; retrievedAt: Date }> {
    const url = this.somaSummaryUrl();
    const { body, retrievedAt } = await this.getJson(url, 'SOMA summary', signal);
    return { rows: parseSomaSummary(body), url, retrievedAt };
  }

  async fetchRepoDays(from: IsoDate, signal?: AbortSignal): Promise<{ days: RepoDay[]; url: string; retrievedAt: Date }> {
    if (!isIsoDate(from)) throw new InvalidDateError(from);
    const url = this.repoSearchUrl(from, this.today());
    const { body, retrievedAt } = await this.getJson(url, 'repo operations', signal);
    return { days: parseRepoOperations(body), url, retrievedAt };
  }

  /** One series by our id (see NYFED_SERIES); `remoteId` is that id. */
  async fetchSeries(req: SeriesRequest): Promise<SeriesBatch> {
    if (req.from !== undefined && !isIsoDate(req.from)) throw new InvalidDateError(req.from);
    const spec = NYFED_SERIES.get(req.remoteId.trim().toUpperCase());
    if (!spec) throw new UnknownSeriesError(req.remoteId);
    if (spec.kind === 'rate') {
      const batches = await this.fetchRateBatches(spec.rate, { from: req.from, signal: req.signal });
      return { ...batches[NYFED_RATE_FIELDS.indexOf(spec.field)]!, seriesId: req.seriesId };
    }
    if (spec.kind === 'soma') {
      const { rows, url, retrievedAt } = await this.fetchSomaSummary(req.signal);
      const obs = rows.map((r) => ({ date: r.date, value: r.values[spec.field] }));
      return this.batch(req.seriesId, spec.unit, url, retrievedAt, req.from ? obs.filter((o) => o.date >= req.from!) : obs, req.from);
    }
    // The repo operations go back decades; without a start date take the years the catalog's series cover.
    const { days, url, retrievedAt } = await this.fetchRepoDays(req.from ?? '2013-09-23', req.signal);
    const obs = days.filter((d) => d[spec.measure] !== null).map((d) => ({ date: d.date, value: d[spec.measure] }));
    return this.batch(req.seriesId, spec.unit, url, retrievedAt, obs, req.from);
  }

  private batch(seriesId: string, unit: NyfedUnit, url: string, retrievedAt: Date, rows: Observation[], from: IsoDate | undefined): SeriesBatch {
    const problems: DataProblem[] = [];
    // The New York Fed lists the newest first: that order is the format, not a problem; any other disorder is.
    const ordered = rows.length > 1 && rows[0]!.date > rows.at(-1)!.date ? [...rows].reverse() : rows;
    const observations = orderByDate(ordered, seriesId, problems);
    if (observations.length === 0 && from === undefined) problems.push({ kind: 'empty_series', seriesId, detail: `the New York Fed returned no observations for ${seriesId}` });
    return { seriesId, observations, provenance: { source: 'nyfed', url, retrievedAt, mode: 'live' }, reportedUnits: NYFED_UNIT_LABELS[unit].en, problems };
  }

  private async getJson(url: string, what: string, signal?: AbortSignal): Promise<{ body: unknown; retrievedAt: Date }> {
    const res = await fetchWithRetry(url, { ...this.http, signal, source: SOURCE });
    if (!res.ok) throw new SourceUnavailableError(SOURCE, `HTTP ${res.status} from ${url}: ${await bodyExcerpt(res)}`);
    const text = await readBodyText(res, SOURCE, url);
    return { body: parseJsonText(text, SOURCE, what), retrievedAt: this.now() };
  }
}

/** The New York Fed connector the environment asks for; FINCITE_NYFED_URL replaces the base URL. */
export function nyfedConnectorFromEnv(env: Record<string, string | undefined> = process.env, http?: HttpSettings): NyfedConnector {
  return new NyfedConnector({ baseUrl: env.FINCITE_NYFED_URL || undefined, http });
}
