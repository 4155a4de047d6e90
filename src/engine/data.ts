// What the engine reads from the store: series (metadata + observations, cached per sync), company
// fundamentals as series, and FOMC decisions. Read-only.
import type { SeriesData } from '../analytics/index.ts';
import { UnknownSeriesError } from '../core/errors.ts';
import type { IsoDate, SeriesMeta } from '../core/types.ts';
import type { Database } from '../store/db.ts';
import { cachedCatalog, cachedSeries } from '../store/cache.ts';
import * as repo from '../store/repo.ts';
import { companies } from '../data/catalog/index.ts';

export interface LoadedSeries extends SeriesData {
  meta: repo.StoredSeries;
}

export class DataAccess {
  private readonly cache = new Map<string, { stamp: string; data: LoadedSeries }>();
  private metasStamp = '';

  constructor(readonly db: Database) {}

  /** Series metadata as of the current sync stamp (src/store/cache.ts: one read per sync, shared by the process). */
  async seriesList(): Promise<repo.StoredSeries[]> {
    return (await this.catalog()).list;
  }

  /** The catalog by id: the same Map until the next sync, so what is built from it (the verifier's name lexicon) is built once. */
  async seriesMap(): Promise<Map<string, repo.StoredSeries>> {
    return (await this.catalog()).byId;
  }

  async meta(id: string): Promise<repo.StoredSeries> {
    const m = await cachedSeries(this.db, id);
    if (!m) throw new UnknownSeriesError(id);
    return m;
  }

  private async catalog() {
    const c = await cachedCatalog(this.db);
    if (c.stamp !== this.metasStamp) {
      this.metasStamp = c.stamp;
      this.cache.clear();
    }
    return c;
  }

  async series(id: string): Promise<LoadedSeries> {
    const meta = await this.meta(id);
    const stamp = `${meta.lastSyncedAt?.getTime() ?? ''}:${meta.observationCount}`;
    const hit = this.cache.get(meta.id);
    if (hit && hit.stamp === stamp) return hit.data;
    const data: LoadedSeries = { meta, observations: await repo.readValues(this.db, meta.id) };
    this.cache.set(meta.id, { stamp, data });
    return data;
  }

  /** One statement item of a company over its periods, as a series in U.S. dollars (or per share for EPS). */
  async fundamentalSeries(ticker: string, statement: string, item: string, period: 'annual' | 'quarterly'): Promise<SeriesData | null> {
    const rows = await this.db.query<{ period_end: string | Date; value: number; source_url: string; retrieved_at: Date | string }>(
      `SELECT period_end, value, source_url, retrieved_at FROM fundamentals WHERE ticker = $1 AND statement = $2 AND item = $3 AND period = $4 ORDER BY period_end`,
      [ticker, statement, item, period],
    );
    if (!rows.length) return null;
    const company = (await this.db.query<{ name_zh: string; name_en: string; currency: string | null }>('SELECT name_zh, name_en, currency FROM companies WHERE ticker = $1', [ticker]))[0];
    const perShare = /EPS/.test(item);
    // statements are in the company's reporting currency (Samsung: KRW; TSM: TWD although its ADRs trade in USD)
    const currency = companies.find((c) => c.ticker === ticker)?.statementCurrency ?? company?.currency ?? 'USD';
    const meta: SeriesMeta = {
      id: `${ticker}:${item}:${period}`,
      title: { zh: `${company?.name_zh ?? ticker} ${item}`, en: `${company?.name_en ?? ticker} ${item}` },
      aliases: [],
      unit: perShare ? { kind: 'price', scale: 1, currency, label: `${currency} per share` } : { kind: 'currency', scale: 1, currency, label: currency === 'USD' ? 'U.S. Dollars' : currency },
      frequency: period === 'annual' ? 'annual' : 'quarterly',
      category: 'equity',
      source: 'yahoo',
      url: `https://finance.yahoo.com/quote/${ticker.replace('.', '-')}/financials`,
      ticker,
    };
    return { meta, observations: rows.map((r) => ({ date: repo.isoDate(r.period_end)!, value: r.value })) };
  }

  /**
   * The latest dated valuation snapshot of a company (market cap, P/E …, stored verbatim as the vendor gives
   * them), or null when the snapshot has no row for it.
   */
  async valuation(ticker: string): Promise<{ asOf: IsoDate; sourceUrl: string; values: Map<string, number> } | null> {
    const rows = await this.db.query<{ period_end: string | Date; item: string; value: number; source_url: string }>(
      `SELECT period_end, item, value, source_url FROM fundamentals WHERE ticker = $1 AND statement = 'valuation' AND period = 'snapshot'
         AND period_end = (SELECT max(period_end) FROM fundamentals WHERE ticker = $1 AND statement = 'valuation' AND period = 'snapshot')`,
      [ticker],
    );
    if (!rows.length) return null;
    return { asOf: repo.isoDate(rows[0]!.period_end)!, sourceUrl: rows[0]!.source_url, values: new Map(rows.map((r) => [r.item, r.value])) };
  }

  async decisions(): Promise<repo.DecisionRow[]> {
    return repo.listDecisions(this.db);
  }

  /** The document that contains a quote, published on a date (for citing the text behind a policy fact). */
  async documentWithQuote(date: IsoDate, quote: string): Promise<{ id: string; title: string; url: string; date: IsoDate } | null> {
    const rows = await this.db.query<{ id: string; title: string; url: string; date: string | Date }>(
      `SELECT id, title, url, date FROM documents WHERE date = $1 AND position($2 in body) > 0 ORDER BY kind = 'statement' DESC, length(body) LIMIT 1`,
      [date, quote],
    );
    const r = rows[0];
    return r ? { id: r.id, title: r.title, url: r.url, date: repo.isoDate(r.date)! } : null;
  }
}
