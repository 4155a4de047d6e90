// Decision arithmetic against the raw decision file: cumulative basis points as the telescoped difference of the
// upper bound (end of period minus the last decision before it — a different computation from summing moves),
// move sizes, the range in force on a date checked against FRED's DFEDTARU/L, dissents counted from vote_against,
// and cycles read off the list of hikes and cuts by hand.
import { describe, expect, it } from 'vitest';
import * as A from '../../src/analytics/index.ts';
import { decisions, fred } from '../engine/questions/raw.ts';

const record = (): A.PolicyDecision[] => decisions().map((d) => ({ date: d.date, action: d.decision, lower: d.lower, upper: d.upper, votesFor: d.votesFor, votesAgainst: d.votesAgainst }));

describe('FOMC decision arithmetic', () => {
  it('2022 hikes sum to the change of the upper bound over the year (telescoping), in bp', () => {
    const ds = decisions();
    const endOf2021 = ds.filter((d) => d.date < '2022-01-01').at(-1)!;
    const endOf2022 = ds.filter((d) => d.date <= '2022-12-31').at(-1)!;
    // every 2022 decision was a hike or a hold, so the year's move is all hikes
    expect(ds.filter((d) => d.date.startsWith('2022') && d.decision === 'cut').length).toBe(0);
    const expected = (endOf2022.upper - endOf2021.upper) * 100;
    const { fact, used } = A.cumulativeMove(record(), 'hike', '2022-01-01', '2022-12-31');
    expect(fact.value).toBeCloseTo(expected, 9);
    expect(fact.unit).toEqual(A.BASIS_POINTS);
    expect(used.length).toBe(ds.filter((d) => d.date.startsWith('2022') && d.decision === 'hike').length);
  });

  it('a year without the asked move sums to 0 with no decisions used', () => {
    const ds = decisions();
    expect(ds.filter((d) => d.date.startsWith('2021') && d.decision === 'hike').length).toBe(0);
    const { fact, used } = A.cumulativeMove(record(), 'hike', '2021-01-01', '2021-12-31');
    expect(fact.value).toBe(0);
    expect(used).toEqual([]);
    expect(fact.methodDetail).toContain('no hike');
  });

  it('the size of one move is its upper bound minus the previous decision’s', () => {
    const ds = decisions();
    const i = ds.findIndex((d) => d.date.startsWith('2022-06'));
    const expected = (ds[i]!.upper - ds[i - 1]!.upper) * 100;
    const m = A.moves(record()).find((x) => x.decision.date === ds[i]!.date)!;
    expect(A.moveSize(m).value).toBeCloseTo(expected, 9);
    expect(A.moveSize(m).asOf).toBe(ds[i]!.date);
  });

  it('the decision in force on a date agrees with FRED’s target range the day after each meeting', () => {
    const hi = fred('DFEDTARU');
    const lo = fred('DFEDTARL');
    let n = 0;
    for (const d of decisions()) {
      const next = hi.obs.find((o) => o.date > d.date);
      if (!next || d.date >= hi.last().date) continue;
      const inForce = A.decisionInForce(record(), next.date)!;
      expect(inForce.upper, next.date).toBe(hi.at(next.date).value);
      expect(inForce.lower, next.date).toBe(lo.at(next.date).value);
      n++;
    }
    expect(n).toBeGreaterThan(50);
    expect(A.decisionInForce(record(), '2015-12-31')).toBeNull();
  });

  it('dissents count meetings with vote_against > 0 and their votes', () => {
    const y = decisions().filter((d) => d.date.startsWith('2025'));
    const res = A.dissents(record(), '2025-01-01', '2025-12-31');
    expect(res.meetings.value).toBe(y.filter((d) => d.votesAgainst > 0).length);
    expect(res.votes.value).toBe(y.reduce((s, d) => s + d.votesAgainst, 0));
    expect(res.considered.length).toBe(y.length);
  });

  it('the latest cutting cycle runs from the first cut after the last hike before it to its last cut', () => {
    const ds = decisions().filter((d) => d.decision === 'hike' || d.decision === 'cut');
    const lastCut = ds.filter((d) => d.decision === 'cut').at(-1)!;
    const hikeBefore = ds.filter((d) => d.decision === 'hike' && d.date < lastCut.date).at(-1)!;
    const firstCut = ds.find((d) => d.decision === 'cut' && d.date > hikeBefore.date)!;
    const cy = A.latestCycle(record(), 'cut')!;
    expect(cy.first.date).toBe(firstCut.date);
    expect(cy.last.date).toBe(lastCut.date);
    expect(cy.endedBy?.date ?? null).toBe(ds.find((d) => d.decision === 'hike' && d.date > lastCut.date)?.date ?? null);
    // the cycle's cumulative move is the change of the upper bound across it
    const before = decisions().filter((d) => d.date < firstCut.date).at(-1)!;
    expect(A.cumulativeMove(record(), 'cut', cy.first.date, cy.last.date).fact.value).toBeCloseTo((lastCut.upper - before.upper) * 100, 9);
  });
});
