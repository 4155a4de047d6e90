// A live sync end to end: fincite decides the publishers are reachable (the probe answers), fetches FRED and
// Yahoo data through the real connectors from the loopback fixture server, stores it with live provenance,
// and a failing series is reported without losing the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { chooseMode } from '../../src/data/bootstrap.ts';
import { FredCsvConnector } from '../../src/data/fred.ts';
import { runSync } from '../../src/data/sync.ts';
import { YahooConnector } from '../../src/data/yahoo.ts';
import type { Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { startFixtureServer, type FixtureServer } from '../fixtures/live-server.ts';

let server: FixtureServer;
let db: Database;
const noSleep = async () => undefined;

beforeAll(async () => {
  server = await startFixtureServer({ snapshotDir: snapshotRoot });
  db = await freshPglite();
});
afterAll(async () => {
  await db?.close();
  await server?.close();
});

describe('live sync through the loopback fixture', () => {
  it('chooses live mode when the probe answers, snapshot when it does not or when offline', async () => {
    const base = { ...loadConfig(), offline: false };
    expect((await chooseMode({ ...base, liveProbeUrl: `${server.url}/graph/fredgraph.csv?id=DFF` })).mode).toBe('live');
    expect((await chooseMode({ ...base, liveProbeUrl: 'http://127.0.0.1:9/unreachable' })).mode).toBe('snapshot');
    expect((await chooseMode({ ...base, offline: true })).mode).toBe('snapshot');
  });

  it('stores FRED and Yahoo series with live provenance, and keeps going past a failing series', async () => {
    const entries = catalog.filter((e) => ['WALCL', 'DGS10', 'AAPL', 'ACMTP10'].includes(e.id));
    server.setFault('/graph/fredgraph.csv', { status: 503 }, 10); // DGS10 or WALCL: whichever comes first fails all retries
    const report = await runSync(db, {
      mode: 'live',
      catalog: entries,
      companies,
      snapshotDir: snapshotRoot,
      live: {
        fred: new FredCsvConnector({ baseUrl: server.url, http: { retries: 1, sleep: noSleep } }),
        yahoo: new YahooConnector({ baseUrl: server.url, http: { retries: 1, sleep: noSleep } }),
      },
    });
    expect(report.failures.length).toBeGreaterThanOrEqual(1);
    expect(report.failures[0]!.error).toMatch(/503|unavailable/i);
    expect(report.seriesDone + report.failures.length).toBe(4);
    const aapl = await repo.getSeries(db, 'AAPL');
    expect(aapl?.lastSyncMode).toBe('live');
    expect(aapl?.lastSyncUrl).toContain('/v8/finance/chart/AAPL');
    // ACMTP10 has no live source: it comes from the snapshot even in a live run
    expect((await repo.getSeries(db, 'ACMTP10'))?.lastSyncMode).toBe('snapshot');
    server.clearFaults();
    const again = await runSync(db, {
      mode: 'live',
      catalog: entries,
      companies,
      snapshotDir: snapshotRoot,
      live: { fred: new FredCsvConnector({ baseUrl: server.url, http: { retries: 1, sleep: noSleep } }), yahoo: new YahooConnector({ baseUrl: server.url, http: { retries: 1, sleep: noSleep } }) },
    });
    expect(again.failures).toEqual([]);
    for (const id of ['WALCL', 'DGS10']) expect((await repo.getSeries(db, id))?.lastSyncMode, id).toBe('live');
    expect(again.bySource['fred:live']?.series).toBe(2);
  });
});
