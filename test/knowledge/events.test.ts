// The policy-event timeline over the snapshot's documents and decisions: every event cites a verbatim quote of a
// stored document, the named periods and cap regimes agree with the event dates, every rate decision is there,
// ids are stable, and an event whose quote cannot be found is dropped with a problem, never invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BALANCE_SHEET_EVENTS, decisionSentence, fomcRateText, listEvents, type PolicyEvent } from '../../src/knowledge/events.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES } from '../../src/knowledge/periods.ts';
import type { Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { corpusPglite, snapshotCorpus } from './corpus.ts';

let db: Database;
let events: PolicyEvent[];
let problems: string[];

beforeAll(async () => {
  db = await corpusPglite();
  ({ events, problems } = await listEvents(db));
}, 300_000);
afterAll(async () => db?.close());

const byId = (id: string) => events.find((e) => e.id === id);
const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe('policy events', () => {
  it('cites every balance-sheet event and rate decision without problems', async () => {
    expect(problems).toEqual([]);
    expect(events.filter((e) => e.kind !== 'rate_decision').map((e) => e.id).sort()).toEqual(BALANCE_SHEET_EVENTS.map((e) => e.id).sort());
  });

  it('quotes are verbatim substrings of the stored document they cite, in the cited passage', async () => {
    const stored = new Map((await snapshotCorpus()).documents.map((d) => [d.id, d]));
    for (const e of events) {
      const doc = stored.get(e.citation.documentId);
      expect(doc, e.id).toBeDefined();
      expect(doc!.body.includes(e.citation.quote), e.id).toBe(true);
      expect(e.citation).toMatchObject({ title: doc!.title, url: doc!.url, date: doc!.date });
      const [passage] = await db.query<{ text: string }>('SELECT text FROM passages WHERE document_id = $1 AND position = $2', [doc!.id, e.citation.position]);
      expect(passage?.text.includes(e.citation.quote), e.id).toBe(true);
      expect(e.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.title.en).toMatch(/[A-Za-z]/);
    }
  });

  it('states QT1, the 2022 plans, the 2024/2025 cap cuts, the end of runoff, bill reinvestment and the SRF', () => {
    expect(byId('qt1-start')).toMatchObject({ kind: 'qt_start', date: '2017-10-01', citation: { date: '2017-09-20' } });
    expect(byId('qt1-end')).toMatchObject({ kind: 'qt_end', date: '2019-08-01', citation: { date: '2019-07-31' } });
    expect(byId('qt2-plan-treasury-cap')!.citation.quote).toMatch(/\$30 billion per month .* \$60 billion per month/);
    expect(byId('qt2-plan-mbs-cap')!.citation.quote).toMatch(/\$17\.5 billion per month .* \$35 billion per month/);
    expect(byId('qt2-cap-2024-06')!.citation.quote).toContain('from $60 billion to $25 billion');
    expect(byId('qt2-cap-2025-04')!.citation.quote).toContain('from $25 billion to $5 billion');
    expect(byId('qt2-end')).toMatchObject({ kind: 'qt_end', date: '2025-12-01', citation: { documentId: 'fomc-statement-2025-10-29' } });
    expect(byId('reserve-management-purchases')!.citation.quote).toContain('initiate purchases of shorter-term Treasury securities as needed to maintain an ample supply of reserves');
    expect(byId('reinvest-agency-into-bills')!.citation.quote).toContain('into Treasury bills');
    expect(byId('srf-established')).toMatchObject({ kind: 'srf', date: '2021-07-28' });
    expect(byId('srf-established')!.citation.quote).toContain('standing repurchase agreement (repo) facilities');
  });

  it('agrees with the named periods and QT2 cap regimes', () => {
    const qt1 = NAMED_PERIODS.find((p) => p.id === 'qt1')!;
    const qt2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
    expect(qt1.from).toBe(byId('qt1-start')!.date);
    expect(qt1.to).toBe(dayBefore(byId('qt1-end')!.date));
    expect(qt2.from).toBe(byId('qt2-start')!.date);
    expect(qt2.to).toBe(dayBefore(byId('qt2-end')!.date));
    const capStarts = [byId('qt2-start')!, byId('qt2-cap-2022-09-treasury')!, byId('qt2-cap-2024-06')!, byId('qt2-cap-2025-04')!].map((e) => e.date);
    expect(QT2_CAP_REGIMES.map((r) => r.from)).toEqual(capStarts);
    expect(QT2_CAP_REGIMES.at(-1)!.to).toBe(dayBefore(byId('qt2-end')!.date));
    // Each regime's Treasury cap is the one its starting event states.
    expect(byId('qt2-plan-treasury-cap')!.citation.quote).toContain(`$${QT2_CAP_REGIMES[0]!.treasuryCapBillions} billion`);
    expect(byId('qt2-cap-2022-09-treasury')!.citation.quote).toContain(`$${QT2_CAP_REGIMES[1]!.treasuryCapBillions} billion`);
    expect(byId('qt2-cap-2022-09-mbs')!.citation.quote).toContain(`$${QT2_CAP_REGIMES[1]!.mbsCapBillions} billion`);
    expect(byId('qt2-cap-2024-06')!.citation.quote).toContain(`to $${QT2_CAP_REGIMES[2]!.treasuryCapBillions} billion`);
    expect(byId('qt2-cap-2025-04')!.citation.quote).toContain(`to $${QT2_CAP_REGIMES[3]!.treasuryCapBillions} billion`);
  });

  it('has one rate-decision event per decision, citing that day\'s statement and the range it sets', async () => {
    const decisions = (await repo.listDecisions(db)).filter((d) => d.action !== 'operational');
    const rate = events.filter((e) => e.kind === 'rate_decision');
    expect(rate.map((e) => e.date)).toEqual(decisions.map((d) => d.date));
    for (const [i, e] of rate.entries()) {
      const d = decisions[i]!;
      expect(e.id).toBe(`rate-${d.date}`);
      expect(e.citation.documentId).toBe(`fomc-statement-${d.date}`);
      expect(e.citation.quote).toContain('target range');
      expect(e.citation.quote.replace(/\u2011/g, '-')).toContain(`${fomcRateText(d.lower!)} to ${fomcRateText(d.upper!)} percent`);
      expect(e.title.en).toContain(`${d.lower!.toFixed(2)}%–${d.upper!.toFixed(2)}%`);
    }
    expect(byId('rate-2022-03-16')!.citation.quote).toContain('raise the target range for the federal funds rate to 1/4 to 1/2 percent');
    expect(byId('rate-2022-06-15')!.detail.en).toContain('+75 bp');
    expect(byId('rate-2020-03-15')!.detail.zh).toContain('下调100个基点');
  });

  it('is ordered by date and has stable, unique ids', async () => {
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const again = await listEvents(db);
    expect(again.events).toEqual(events);
  });

  it('filters by date and kind', async () => {
    const { events: some } = await listEvents(db, { from: '2022-01-01', to: '2025-12-31', kinds: ['qt_start', 'qt_end', 'qt_cap_change'] });
    expect(some.map((e) => e.id)).toEqual(['qt2-start', 'qt2-cap-2022-09-treasury', 'qt2-cap-2022-09-mbs', 'qt2-cap-2024-06', 'qt2-cap-2025-04', 'qt2-end']);
  });

  it('drops an event whose quote is not in the stored documents and reports it', async () => {
    const other = await corpusPglite();
    try {
      await other.query("UPDATE documents SET body = replace(body, 'conclude the reduction', 'finish the reduction') WHERE id = 'fomc-statement-2025-10-29'");
      const r = await listEvents(other);
      expect(r.events.find((e) => e.id === 'qt2-end')).toBeUndefined();
      expect(r.problems.some((p) => p.startsWith('qt2-end:'))).toBe(true);
      expect(r.events.find((e) => e.id === 'rate-2025-10-29')).toBeDefined();
    } finally {
      await other.close();
    }
  });
});

describe('decisionSentence', () => {
  it('writes rates the way statements do and finds the deciding sentence', () => {
    expect([0, 0.25, 0.5, 1, 1.75, 5.25, 5.5].map(fomcRateText)).toEqual(['0', '1/4', '1/2', '1', '1-3/4', '5-1/4', '5-1/2']);
    const body = 'Inflation remains elevated.\nIn support of its goals, the Committee decided to raise the target range for the federal funds rate to 5\u20111/4 to 5-1/2 percent. The Committee will continue reducing its holdings.';
    expect(decisionSentence(body, 5.25, 5.5)).toBe('In support of its goals, the Committee decided to raise the target range for the federal funds rate to 5\u20111/4 to 5-1/2 percent.');
    expect(decisionSentence(body, 5, 5.25)).toBeNull();
  });
});
