// SEC EDGAR connector against a loopback server replaying the recorded SEC responses in
// ../shared/data/recordings/sec_edgar/ (read by path, never copied). Expectations are computed from the raw
// JSON here, independently of the code under test.
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError, SourceUnavailableError } from '../../src/core/errors.ts';
import type { HttpSettings } from '../../src/data/http.ts';
import {
  conceptHistory,
  importSecCompany,
  mapCompanyFacts,
  parseSubmissions,
  SEC_FIELDS,
  SecClient,
  SecForbiddenError,
  secClientFromEnv,
  secRateLimiter,
  SecTickerNotFoundError,
  SecUserAgentMissingError,
  TokenBucket,
  type SecCompanyFacts,
} from '../../src/data/sec.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';

const DIR = path.join(snapshotRoot, 'recordings/sec_edgar');
const FILES: Record<string, string> = {
  '/files/company_tickers.json': 'company_tickers.json',
  '/api/xbrl/companyfacts/CIK0001640147.json': 'companyfacts_CIK0001640147_SNOW.json',
  '/api/xbrl/companyfacts/CIK0001997711.json': 'companyfacts_CIK0001997711_LPA_ifrs.json',
  '/submissions/CIK0001318605.json': 'submissions_CIK0001318605_TSLA.json',
};
const raw = (file: string): string => readFileSync(path.join(DIR, file), 'utf8');
const rawJson = <T = any>(file: string): T => JSON.parse(raw(file)) as T; // eslint-disable-line @typescript-eslint/no-explicit-any

type Fault = { status: number; retryAfter?: string } | { malformed: 'html' | 'truncated' } | { hang: true };
interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  at: number;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
const faults = new Map<string, Fault[]>();
const sleeps: number[] = [];
const UA = 'fincite-test admin@example.com';
// retries wait no real time; the rate limit of each client is its own fast bucket unless a test says otherwise
const http: HttpSettings = { baseDelayMs: 1, timeoutMs: 5000, sleep: async (ms) => void sleeps.push(ms) };
const fastBucket = () => new TokenBucket(10_000, 10_000);
const client = (extra: Partial<ConstructorParameters<typeof SecClient>[0]> = {}) =>
  new SecClient({ userAgent: UA, wwwUrl: base, dataUrl: base, http, limiter: fastBucket(), ...extra });

beforeAll(async () => {
  server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ path: p, headers: req.headers, at: performance.now() });
    const fault = faults.get(p)?.shift();
    if (fault && 'hang' in fault) return; // accept and never answer
    if (fault && 'status' in fault) {
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}) });
      return res.end(`status ${fault.status}`);
    }
    const file = FILES[p];
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<html><body>Not Found</body></html>');
    }
    let body = raw(file);
    if (fault && 'malformed' in fault && fault.malformed === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<!DOCTYPE html><html><body>Your Request Originates from an Undeclared Automated Tool</body></html>');
    }
    if (fault && 'malformed' in fault && fault.malformed === 'truncated') body = body.slice(0, Math.floor(body.length / 2));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  seen.length = 0;
  sleeps.length = 0;
  faults.clear();
});

// ---- independent readings of the raw files ----

interface RawFact {
  start?: string;
  end: string;
  val: number;
  accn: string;
  fy?: number;
  fp?: string;
  form: string;
  filed: string;
  frame?: string;
}
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** What the mapping must give for one item: per (period, end), the value of the latest filing. */
function expectedRows(facts: any, item: string, taxonomy: string): Map<string, RawFact> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const spec = SEC_FIELDS.find((f) => f.item === item)!;
  const out = new Map<string, RawFact>();
  for (const t of [taxonomy, 'dei'] as const) {
    for (const concept of (spec.concepts as Record<string, string[]>)[t] ?? []) {
      const units = facts.facts[t]?.[concept]?.units as Record<string, RawFact[]> | undefined;
      if (!units) continue;
      const list = units.USD ?? units['USD/shares'] ?? units.shares ?? Object.values(units)[0]!;
      const byKey = new Map<string, RawFact>();
      for (const f of list) {
        let period: string | null = null;
        if (spec.kind === 'duration') {
          const d = f.start ? days(f.start, f.end) : -1;
          period = d >= 350 && d <= 380 ? 'annual' : d >= 80 && d <= 100 ? 'quarterly' : null;
        } else {
          period = /^(10-K|20-F|40-F)/.test(f.form) ? 'annual' : /^10-Q/.test(f.form) ? 'quarterly' : null;
        }
        if (!period) continue;
        const key = `${period}|${f.end}`;
        const prev = byKey.get(key);
        if (!prev || f.filed > prev.filed || (f.filed === prev.filed && f.accn > prev.accn)) byKey.set(key, f);
      }
      for (const [k, f] of byKey) if (!out.has(k)) out.set(k, f);
    }
  }
  return out;
}

describe('SEC User-Agent', () => {
  it('refuses without a declared contact, in both languages, saying how to set it', () => {
    for (const ua of [undefined, '', '   ']) {
      expect(() => new SecClient({ userAgent: ua })).toThrow(SecUserAgentMissingError);
    }
    expect(() => secClientFromEnv({})).toThrow(SecUserAgentMissingError);
    try {
      new SecClient({ userAgent: 'fincite' });
      expect.unreachable();
    } catch (err) {
      const e = err as SecUserAgentMissingError;
      expect(e).toBeInstanceOf(SecUserAgentMissingError);
      expect(e.messages.en).toContain('FINCITE_SEC_USER_AGENT=');
      expect(e.messages.zh).toContain('FINCITE_SEC_USER_AGENT=');
      expect(e.messages.zh).toMatch(/联系/);
    }
  });

  it('sends the configured User-Agent on every request', async () => {
    const c = secClientFromEnv({ FINCITE_SEC_USER_AGENT: UA, FINCITE_SEC_URL: base, FINCITE_SEC_DATA_URL: base }, http);
    await c.lookupTicker('SNOW');
    await c.companyFacts(1997711);
    expect(seen.length).toBe(2);
    for (const s of seen) expect(s.headers['user-agent']).toBe(UA);
  });

  it('reads its settings from the environment through loadConfig', () => {
    const cfg = loadConfig({ FINCITE_SEC_USER_AGENT: UA, FINCITE_SEC_URL: base, FINCITE_SEC_DATA_URL: base } as NodeJS.ProcessEnv);
    expect(cfg.sec).toEqual({ userAgent: UA, wwwUrl: base, dataUrl: base });
    expect(loadConfig({} as NodeJS.ProcessEnv).sec.userAgent).toBeUndefined();
  });
});

describe('ticker lookup', () => {
  const tickers = Object.values(rawJson<Record<string, { cik_str: number; ticker: string; title: string }>>('company_tickers.json'));

  it('resolves a ticker to its CIK case-insensitively, fetching the table once', async () => {
    const c = client();
    const snow = tickers.find((t) => t.ticker === 'SNOW')!;
    expect(snow.cik_str).toBe(1640147);
    for (const t of ['SNOW', 'snow', ' Snow ']) {
      expect(await c.lookupTicker(t)).toEqual({ cik: snow.cik_str, ticker: 'SNOW', title: snow.title });
    }
    expect(seen.filter((s) => s.path === '/files/company_tickers.json')).toHaveLength(1);
  });

  it('accepts a class share as people type it (BRK.B → BRK-B)', async () => {
    const brk = tickers.find((t) => t.ticker === 'BRK-B');
    if (!brk) return expect(tickers.some((t) => t.ticker.includes('-'))).toBe(true);
    expect((await client().lookupTicker('brk.b')).cik).toBe(brk.cik_str);
  });

  it('throws a typed not-found error for an unknown ticker', async () => {
    const c = client();
    await expect(c.lookupTicker('NOSUCHTICKERX')).rejects.toThrow(SecTickerNotFoundError);
    await expect(c.lookupTicker('NOSUCHTICKERX')).rejects.toMatchObject({ code: 'unknown_ticker', status: 404, messages: { zh: expect.stringContaining('NOSUCHTICKERX') } });
  });
});

describe('companyfacts mapping', () => {
  const snowRaw = rawJson('companyfacts_CIK0001640147_SNOW.json');
  const lpaRaw = rawJson('companyfacts_CIK0001997711_LPA_ifrs.json');

  it('maps SNOW (us-gaap) to each fundamentals item with its period, form, filing and provenance', async () => {
    const facts = (await client().companyFacts(1640147))!;
    const mapped = mapCompanyFacts(facts, 'SNOW', 'https://www.sec.gov');
    expect(mapped.taxonomy).toBe('us-gaap');
    let checked = 0;
    for (const field of SEC_FIELDS) {
      const expected = expectedRows(snowRaw, field.item, 'us-gaap');
      const rows = mapped.rows.filter((r) => r.item === field.item && !r.derivedFrom);
      expect(rows.length, field.item).toBe(expected.size);
      for (const row of rows) {
        const e = expected.get(`${row.period}|${row.periodEnd}`)!;
        expect(e, `${field.item} ${row.period} ${row.periodEnd}`).toBeDefined();
        expect(row).toMatchObject({ value: e.val, form: e.form, filed: e.filed, accession: e.accn, statement: field.statement });
        if (e.frame) expect(row.frame).toBe(e.frame);
        if (e.fy !== undefined) expect(row.fiscalYear).toBe(e.fy);
        expect(row.start).toBe(e.start);
        expect(row.sourceUrl).toBe(`https://www.sec.gov/Archives/edgar/data/1640147/${e.accn.replace(/-/g, '')}/${e.accn}-index.htm`);
        checked++;
      }
    }
    // every item is there, annual and quarterly, and nothing is marked unsupported
    expect(mapped.unsupported).toEqual([]);
    for (const item of ['Total Revenue', 'Net Income', 'Basic EPS', 'Diluted EPS', 'Total Assets']) {
      expect(mapped.rows.some((r) => r.item === item && r.period === 'annual')).toBe(true);
      expect(mapped.rows.some((r) => r.item === item && r.period === 'quarterly')).toBe(true);
    }
    expect(mapped.rows.some((r) => r.item === 'Operating Cash Flow' && r.period === 'annual')).toBe(true);
    expect(mapped.rows.filter((r) => r.item === 'Shares Outstanding').every((r) => r.taxonomy === 'dei' && r.start === undefined)).toBe(true);
    expect(checked).toBe(mapped.rows.filter((r) => !r.derivedFrom).length);
    // revenue comes from the first concept in priority order that SNOW reports
    const reported = SEC_FIELDS[0]!.concepts['us-gaap']!.filter((c) => snowRaw.facts['us-gaap'][c]);
    expect(new Set(mapped.rows.filter((r) => r.item === 'Total Revenue').map((r) => r.concept))).toEqual(new Set([reported[0]]));
    // no year-to-date 6- or 9-month flow is taken for a quarter
    for (const r of mapped.rows.filter((x) => x.start)) {
      const d = days(r.start!, r.periodEnd);
      expect(r.period === 'annual' ? d >= 350 && d <= 380 : d >= 80 && d <= 100).toBe(true);
    }
  });

  it('derives a quarter no filing reports alone from year-to-date figures (Q4 = year − nine months), and only then', () => {
    const mapped = mapCompanyFacts(snowRaw as SecCompanyFacts, 'SNOW');
    const derived = mapped.rows.filter((r) => r.derivedFrom);
    expect(derived.length).toBeGreaterThan(0);
    expect(new Set(derived.map((r) => r.item))).toEqual(new Set(['Total Revenue', 'Net Income', 'Operating Cash Flow']));
    for (const r of derived) {
      const list = snowRaw.facts[r.taxonomy][r.concept].units[r.unit] as RawFact[];
      const [a, b] = r.derivedFrom!;
      // both figures are in the raw file, with the same fiscal-year start, b the later filing's value for its span
      const latest = (start: string, end: string) => list.filter((f) => f.start === start && f.end === end).sort((x, y) => (x.filed < y.filed ? -1 : 1)).at(-1)!;
      expect(a!.start).toBe(b!.start);
      expect(latest(a!.start, a!.end).val).toBe(a!.value);
      expect(latest(b!.start, b!.end).val).toBe(b!.value);
      expect(b!.end).toBe(r.periodEnd);
      expect(r.value).toBeCloseTo(b!.value - a!.value, 6);
      const span = days(a!.end, b!.end);
      expect(span >= 80 && span <= 100).toBe(true);
      // no filing reports this quarter alone
      expect(list.some((f) => f.end === r.periodEnd && f.start && days(f.start, f.end) >= 80 && days(f.start, f.end) <= 100)).toBe(false);
    }
    // where a fiscal year has four quarters, they add up to the year
    let years = 0;
    for (const annual of mapped.rows.filter((r) => r.period === 'annual' && r.item === 'Total Revenue')) {
      const quarters = mapped.rows.filter((r) => r.item === 'Total Revenue' && r.period === 'quarterly' && r.start! >= annual.start! && r.periodEnd <= annual.periodEnd);
      if (quarters.length !== 4) continue;
      years++;
      expect(quarters.reduce((n, q) => n + q.value, 0)).toBeCloseTo(annual.value, 0);
    }
    expect(years).toBeGreaterThan(0);
  });

  it('keeps a restated value as a revision: the later filing is in force, the earlier value kept', () => {
    // find in the raw file a duration period that a later filing reported with a different value
    let found: { taxonomy: string; concept: string; start: string; end: string; facts: RawFact[] } | undefined;
    outer: for (const [taxonomy, concepts] of Object.entries(snowRaw.facts as Record<string, Record<string, { units: Record<string, RawFact[]> }>>)) {
      for (const [concept, { units }] of Object.entries(concepts)) {
        const list = units.USD;
        if (!list) continue;
        const groups = new Map<string, RawFact[]>();
        for (const f of list) if (f.start && days(f.start, f.end) >= 350 && days(f.start, f.end) <= 380) (groups.get(f.end) ?? groups.set(f.end, []).get(f.end)!).push(f);
        for (const [end, fs] of groups) {
          if (new Set(fs.map((f) => f.val)).size > 1) {
            found = { taxonomy, concept, start: fs[0]!.start!, end, facts: fs };
            break outer;
          }
        }
      }
    }
    expect(found, 'the SNOW recording holds a restated annual value').toBeDefined();
    const latest = [...found!.facts].sort((a, b) => (a.filed < b.filed ? -1 : a.filed > b.filed ? 1 : a.accn < b.accn ? -1 : 1)).at(-1)!;
    const earlier = found!.facts.filter((f) => f.val !== latest.val);
    const history = conceptHistory(snowRaw as SecCompanyFacts, found!.taxonomy, found!.concept, 'duration').find((h) => h.period === 'annual' && h.current.end === found!.end)!;
    expect(history.current.val).toBe(latest.val);
    expect(history.current.accn).toBe(latest.accn);
    expect(history.revisions.length).toBeGreaterThan(0);
    expect(new Set(history.revisions.map((r) => r.value))).toEqual(new Set(earlier.map((f) => f.val)));
    for (const r of history.revisions) expect(r.filed < latest.filed || (r.filed === latest.filed && r.accession !== latest.accn)).toBe(true);
  });

  it('carries revisions on mapped rows exactly as the raw file shows them (LPA restated its EPS)', () => {
    const withRevisions: Record<string, number> = {};
    for (const [name, file] of [['SNOW', snowRaw], ['LPA', lpaRaw]] as const) {
      const mapped = mapCompanyFacts(file as SecCompanyFacts, name);
      let expectedTotal = 0;
      for (const row of mapped.rows.filter((r) => !r.derivedFrom)) {
        const list = (file.facts[row.taxonomy][row.concept].units[row.unit] as RawFact[]).filter((f) => f.end === row.periodEnd && f.start === row.start);
        const same = row.start ? list : list.filter((f) => (row.period === 'annual' ? /^(10-K|20-F|40-F)/ : /^10-Q/).test(f.form));
        const earlier = new Set(same.filter((f) => f.val !== row.value).map((f) => f.val));
        expect(new Set(row.revisions.map((r) => r.value))).toEqual(earlier);
        for (const r of row.revisions) expect(r.filed <= row.filed).toBe(true);
        expectedTotal += earlier.size;
      }
      withRevisions[name] = mapped.rows.filter((r) => r.revisions.length > 0).length;
      expect(mapped.rows.reduce((n, r) => n + new Set(r.revisions.map((x) => x.value)).size, 0)).toBe(expectedTotal);
    }
    // the LPA recording holds restated annual EPS (a later 20-F reported the same years again, differently)
    expect(withRevisions.LPA).toBeGreaterThan(0);
    const eps = mapCompanyFacts(lpaRaw as SecCompanyFacts, 'LPA').rows.find((r) => r.item === 'Basic EPS' && r.revisions.length > 0)!;
    expect(eps.form).toMatch(/^20-F/);
    expect(eps.revisions[0]!.filed < eps.filed).toBe(true);
  });

  it('maps LPA (an IFRS filer) from ifrs-full and says which items it cannot supply', async () => {
    const c = client();
    const lpa = await c.lookupTicker('lpa');
    expect(lpa.cik).toBe(Number(lpaRaw.cik));
    const mapped = mapCompanyFacts((await c.companyFacts(lpa.cik))!, 'LPA');
    expect(mapped.taxonomy).toBe('ifrs-full');
    expect(mapped.rows.every((r) => r.taxonomy === 'ifrs-full' || r.taxonomy === 'dei')).toBe(true);
    const missing: string[] = [];
    for (const field of SEC_FIELDS) {
      const expected = expectedRows(lpaRaw, field.item, 'ifrs-full');
      const rows = mapped.rows.filter((r) => r.item === field.item && !r.derivedFrom);
      expect(rows.length, field.item).toBe(expected.size);
      for (const row of rows) expect(row.value).toBe(expected.get(`${row.period}|${row.periodEnd}`)!.val);
      if (expected.size === 0) missing.push(field.item);
    }
    expect(mapped.rows.some((r) => r.item === 'Total Revenue')).toBe(true);
    expect(mapped.unsupported.map((u) => u.item)).toEqual(missing);
    for (const u of mapped.unsupported) {
      expect(u.reason.en).toContain(u.item);
      expect(u.reason.zh).toContain(u.item);
    }
  });

  it('says plainly when a filer uses no taxonomy it reads', () => {
    const other = { cik: 1, entityName: 'Example Filer', facts: { dei: {}, 'xyz-gaap': {} } } as SecCompanyFacts;
    expect(() => mapCompanyFacts(other, 'X')).toThrow(/us-gaap, ifrs-full/);
  });
});

describe('submissions', () => {
  const tsla = rawJson('submissions_CIK0001318605_TSLA.json');

  it('lists the filings with the primary document URL for citations', async () => {
    const subs = (await client().submissions(1318605))!;
    const r = tsla.filings.recent;
    expect(subs.cik).toBe(Number(tsla.cik));
    expect(subs.filings).toHaveLength(r.accessionNumber.length);
    const i = (r.form as string[]).indexOf('10-K');
    expect(i).toBeGreaterThanOrEqual(0);
    const tenK = subs.filings[i]!;
    expect(tenK).toMatchObject({ accession: r.accessionNumber[i], form: '10-K', filed: r.filingDate[i], reportDate: r.reportDate[i] });
    expect(tenK.documentUrl).toBe(`${base}/Archives/edgar/data/${Number(tsla.cik)}/${r.accessionNumber[i].replace(/-/g, '')}/${r.primaryDocument[i]}`);
    expect(parseSubmissions(tsla).filings[i]!.documentUrl).toMatch(/^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/1318605\/\d{18}\/.+/);
  });

  it('fetchCompany: a company without XBRL facts still comes with its filings, and says so', async () => {
    const result = await client().fetchCompany('tsla');
    expect(result.company).toMatchObject({ ticker: 'TSLA', cik: String(Number(tsla.cik)), exchange: String(tsla.exchanges[0]).toUpperCase() });
    expect(result.fundamentals).toEqual([]);
    expect(result.filings).toHaveLength(tsla.filings.recent.accessionNumber.length);
    expect(result.notes.map((n) => n.en).join(' ')).toMatch(/no XBRL financial data/);
    expect(result.provenance.map((p) => p.url)).toEqual([`${base}/files/company_tickers.json`, `${base}/api/xbrl/companyfacts/CIK0001318605.json`, `${base}/submissions/CIK0001318605.json`]);
    expect(result.provenance.every((p) => p.retrievedAt instanceof Date)).toBe(true);
  });
});

describe('SEC rules and faults', () => {
  it('the per-process limit is 10 requests per second, without bursts', () => {
    expect(secRateLimiter.ratePerSecond).toBe(10);
    expect(secRateLimiter.burst).toBe(1);
  });

  it('spaces 11 quick requests so that they take at least ~1 s', async () => {
    const c = client({ limiter: new TokenBucket(10) });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 11 }, () => c.submissions(1318605)));
    const span = seen.at(-1)!.at - seen[0]!.at;
    expect(seen).toHaveLength(11);
    expect(span).toBeGreaterThanOrEqual(950);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.at - seen[i - 1]!.at).toBeGreaterThanOrEqual(85);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    faults.set('/files/company_tickers.json', [{ status: 429, retryAfter: '2' }]);
    expect((await client().lookupTicker('SNOW')).cik).toBe(1640147);
    expect(seen.map((s) => s.path)).toEqual(['/files/company_tickers.json', '/files/company_tickers.json']);
    expect(sleeps).toEqual([2000]);
  });

  it('retries a 5xx and gives a clear error when the attempts run out', async () => {
    faults.set('/submissions/CIK0001318605.json', [{ status: 503 }, { status: 502 }]);
    expect((await client().submissions(1318605))!.filings.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(3);
    seen.length = 0;
    faults.set('/submissions/CIK0001318605.json', Array.from({ length: 4 }, () => ({ status: 500 })));
    await expect(client().submissions(1318605)).rejects.toThrow(SourceUnavailableError);
    expect(seen).toHaveLength(4);
  });

  it('a source that does not answer is retried, then a clear error within the timeout', async () => {
    faults.set('/submissions/CIK0001318605.json', [{ hang: true }]);
    const quick = client({ http: { ...http, timeoutMs: 200 } });
    expect((await quick.submissions(1318605))!.filings.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(2);
    faults.set('/submissions/CIK0001318605.json', Array.from({ length: 2 }, () => ({ hang: true }) as Fault));
    await expect(client({ http: { ...http, timeoutMs: 200, retries: 1 } }).submissions(1318605)).rejects.toThrow(/no response within 200 ms/);
  });

  it('a 403 (SEC refusing the client) is not retried and says why, in both languages', async () => {
    faults.set('/api/xbrl/companyfacts/CIK0001640147.json', [{ status: 403 }]);
    const err = await client().companyFacts(1640147).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecForbiddenError);
    expect((err as SecForbiddenError).messages.en).toContain(UA);
    expect((err as SecForbiddenError).messages.zh).toContain('FINCITE_SEC_USER_AGENT');
    expect(seen).toHaveLength(1);
    // other 4xx are a plain unavailable source with the status
    faults.set('/api/xbrl/companyfacts/CIK0001640147.json', [{ status: 400 }]);
    await expect(client().companyFacts(1640147)).rejects.toThrow(/HTTP 400 from .*CIK0001640147/);
  });

  it('a malformed or truncated body is a clear error', async () => {
    faults.set('/api/xbrl/companyfacts/CIK0001640147.json', [{ malformed: 'html' }]);
    await expect(client().companyFacts(1640147)).rejects.toThrow(/companyfacts CIK0001640147 is not JSON .*Undeclared Automated/);
    faults.set('/api/xbrl/companyfacts/CIK0001640147.json', [{ malformed: 'truncated' }]);
    await expect(client().companyFacts(1640147)).rejects.toThrow(MalformedResponseError);
    faults.set('/files/company_tickers.json', [{ malformed: 'truncated' }]);
    const c = client();
    await expect(c.lookupTicker('SNOW')).rejects.toThrow(MalformedResponseError);
    // the failed table is not cached: the next lookup fetches it again and succeeds
    expect((await c.lookupTicker('SNOW')).cik).toBe(1640147);
  });
});

describe('storing', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshPglite();
  });
  afterAll(async () => {
    await db?.close();
  });
  const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('stores nothing when a response is damaged', async () => {
    for (const fault of [{ malformed: 'truncated' }, { malformed: 'html' }] as Fault[]) {
      faults.set('/api/xbrl/companyfacts/CIK0001640147.json', [fault]);
      await expect(importSecCompany(db, client(), 'SNOW')).rejects.toThrow(MalformedResponseError);
      expect(await count('companies')).toBe(0);
      expect(await count('fundamentals')).toBe(0);
    }
  });

  it('stores the company and its fundamentals with the filing as source and the retrieval time', async () => {
    const before = new Date();
    const { result, changed } = await importSecCompany(db, client(), 'snow');
    expect(result.notes.map((n) => n.en).join(' ')).toMatch(/no filings index/); // SNOW's submissions are not recorded
    expect(changed).toBe(result.fundamentals.length);
    const company = await db.query<{ ticker: string; cik: string; name_en: string }>('SELECT ticker, cik, name_en FROM companies');
    expect(company).toEqual([{ ticker: 'SNOW', cik: '1640147', name_en: result.company.name.en }]);
    const rows = await db.query<{ item: string; period: string; period_end: string; value: number; source_url: string; retrieved_at: Date }>(
      "SELECT item, period, to_char(period_end, 'YYYY-MM-DD') AS period_end, value, source_url, retrieved_at FROM fundamentals WHERE ticker = 'SNOW'",
    );
    expect(rows).toHaveLength(result.fundamentals.length);
    const byKey = new Map(result.fundamentals.map((r) => [`${r.item}|${r.period}|${r.periodEnd}`, r]));
    for (const row of rows) {
      const r = byKey.get(`${row.item}|${row.period}|${row.period_end}`)!;
      expect(row.value).toBe(r.value);
      expect(row.source_url).toBe(r.sourceUrl);
      expect(row.source_url).toContain(r.accession);
      expect(new Date(row.retrieved_at).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }
    // the same fetch again changes nothing
    expect((await importSecCompany(db, client(), 'SNOW')).changed).toBe(0);
  });

  it('stores the value in force of a restated period (LPA, IFRS), from the later filing', async () => {
    const { result } = await importSecCompany(db, client(), 'LPA');
    const revised = result.fundamentals.filter((r) => r.revisions.length > 0);
    expect(revised.length).toBeGreaterThan(0);
    for (const r of revised) {
      const [stored] = await db.query<{ value: number; source_url: string }>(
        "SELECT value, source_url FROM fundamentals WHERE ticker = 'LPA' AND item = $1 AND period = $2 AND period_end = $3::date",
        [r.item, r.period, r.periodEnd],
      );
      expect(stored).toEqual({ value: r.value, source_url: r.sourceUrl });
      expect(r.revisions.map((x) => x.value)).not.toContain(r.value);
    }
  });
});
