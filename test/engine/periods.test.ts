// Named periods and QT cap regimes: every quote that dates a period or states a cap must appear verbatim in
// the cited FOMC document of the snapshot, and every cap figure must be written in its quote.
import { describe, expect, it } from 'vitest';
import { readFomcSnapshot } from '../../src/data/fomc.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES, findPeriod } from '../../src/knowledge/periods.ts';
import { snapshotRoot } from '../helpers/db.ts';

const { documents } = await readFomcSnapshot(snapshotRoot);
const onDate = (date: string) => documents.filter((d) => d.date === date);

describe('named periods', () => {
  it.each(NAMED_PERIODS.flatMap((p) => p.citations.map((c) => [p.id, c] as const)))('%s: the quote is in a document of its date', (_id, c) => {
    const docs = onDate(c.date);
    expect(docs.length, `no document on ${c.date}`).toBeGreaterThan(0);
    expect(docs.some((d) => d.body.includes(c.quote)), `"${c.quote}" not found on ${c.date}`).toBe(true);
    expect(docs.some((d) => d.url === c.url), `${c.url} is not the URL of a document of ${c.date}`).toBe(true);
  });

  it('periods are ordered and named in both languages', () => {
    for (const p of NAMED_PERIODS) {
      expect(p.from < p.to, p.id).toBe(true);
      expect(p.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(findPeriod(p.aliases[0]!)?.id).toBe(p.id);
    }
  });
});

describe('QT2 cap regimes', () => {
  it.each(QT2_CAP_REGIMES.map((r) => [r.id, r] as const))('%s: caps are written in the cited sentence', (_id, r) => {
    const docs = onDate(r.citation.date);
    expect(docs.some((d) => d.body.includes(r.citation.quote))).toBe(true);
    // The regime's own cap appears as "$N billion" in the quote (the Treasury cap, or the MBS cap for the MBS sentence).
    const caps = [...r.citation.quote.matchAll(/\$([\d.]+) billion/g)].map((m) => Number(m[1]));
    expect(caps.includes(r.treasuryCapBillions) || caps.includes(r.mbsCapBillions), `${r.id}: ${caps.join(', ')}`).toBe(true);
  });

  it.each(QT2_CAP_REGIMES.map((r) => [r.id, r] as const))('%s: each cap is written in the sentence cited for it, found in its document', (_id, r) => {
    for (const [cap, c] of [[r.treasuryCapBillions, r.caps.treasury], [r.mbsCapBillions, r.caps.mbs]] as const) {
      expect(c.quote).toContain(`$${cap} billion`);
      expect(onDate(c.date).some((d) => d.body.includes(c.quote) && d.url === c.url), `"${c.quote}" on ${c.date}`).toBe(true);
    }
  });

  it('regimes are contiguous and inside QT2', () => {
    const qt2 = NAMED_PERIODS.find((p) => p.id === 'qt2')!;
    expect(QT2_CAP_REGIMES[0]!.from).toBe(qt2.from);
    expect(QT2_CAP_REGIMES.at(-1)!.to).toBe(qt2.to);
    for (let i = 1; i < QT2_CAP_REGIMES.length; i++) {
      const prevEnd = new Date(`${QT2_CAP_REGIMES[i - 1]!.to}T00:00:00Z`);
      prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
      expect(QT2_CAP_REGIMES[i]!.from).toBe(prevEnd.toISOString().slice(0, 10));
    }
  });
});
