import { describe, expect, it } from 'vitest';
import { DAYS, countWhere, firstCrossing, firstWhere, inversionEpisodes } from '../../src/analytics/index.ts';
import { fred, hand, present, rawFred } from './helpers.ts';

const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('inversionEpisodes on T10Y2Y (2s10s) since 2022-01-01', () => {
  const raw = present(rawFred('T10Y2Y')).filter((r) => r.date >= '2022-01-01');
  // Independent scan of the raw file: runs of consecutive values below 0.
  const runs: Array<Array<{ date: string; value: number }>> = [];
  let cur: Array<{ date: string; value: number }> = [];
  for (const r of raw) {
    if (r.value < 0) cur.push(r);
    else if (cur.length) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  const longestRun = runs.reduce((b, r) => (days(r[0]!.date, r[r.length - 1]!.date) > days(b[0]!.date, b[b.length - 1]!.date) ? r : b));
  const res = inversionEpisodes(fred('T10Y2Y'), 0, { from: '2022-01-01' });

  it('the first date below zero matches a scan of the raw file', () => {
    const firstBelow = raw.find((r) => r.value < 0)!;
    expect(res.first?.start).toBe(firstBelow.date);
    expect(res.episodes.length).toBe(runs.length);
  });

  it('the longest episode: start, end, minimum and its date, days', () => {
    const lo = longestRun.reduce((b, r) => (r.value < b.value ? r : b));
    const start = longestRun[0]!.date;
    const end = longestRun[longestRun.length - 1]!.date;
    expect(res.longest).toMatchObject({ start, end, min: lo.value, minDate: lo.date, days: days(start, end) + 1, observations: longestRun.length, ongoing: false });
    expect(res.longest?.recoveredOn).toBe(raw.find((r) => r.date > end)!.date);
    const minFact = res.facts.find((f) => f.id === `T10Y2Y:episode:lt0:${start}:${end}:min`)!;
    expect(minFact.value).toBe(lo.value);
    expect(minFact.asOf).toBe(lo.date);
    expect(minFact.method).toBe('min');
    const daysFact = res.facts.find((f) => f.id === `T10Y2Y:episode:lt0:${start}:${end}:days`)!;
    expect(daysFact.value).toBe(days(start, end) + 1);
    expect(daysFact.unit).toEqual(DAYS);
    expect(res.facts[0]!.value).toBe(runs.length);
    expect(res.deepest?.min).toBe(Math.min(...raw.map((r) => r.value)));
  });

  it('minDays drops brief dips; the first long inversion then starts the list', () => {
    const long = inversionEpisodes(fred('T10Y2Y'), 0, { from: '2022-01-01', minDays: 30 });
    expect(long.first?.start).toBe(longestRun[0]!.date);
  });

  it('firstCrossing / firstWhere / countWhere agree with the raw file', () => {
    const firstBelow = raw.find((r) => r.value < 0)!;
    const fw = firstWhere(fred('T10Y2Y'), { op: '<', value: 0 }, '2022-01-01')!;
    expect(fw.asOf).toBe(firstBelow.date);
    expect(fw.value).toBe(firstBelow.value);
    const fc = firstCrossing(fred('T10Y2Y'), 0, 'below', '2022-01-01')!;
    expect(fc.asOf).toBe(firstBelow.date);
    // Back above zero after the long inversion.
    const up = firstCrossing(fred('T10Y2Y'), 0, 'above', longestRun[0]!.date)!;
    expect(up.asOf).toBe(raw.find((r) => r.date > longestRun[longestRun.length - 1]!.date && r.value > 0)!.date);
    const c = countWhere(fred('T10Y2Y'), { op: '<', value: 0 }, '2022-01-01');
    expect(c.value).toBe(raw.filter((r) => r.value < 0).length);
    expect(c.extra?.n).toBe(raw.length);
    expect(c.value).toBe(res.episodes.reduce((s, e) => s + e.observations, 0));
  });
});

describe('inversionEpisodes on a hand-made series', () => {
  const s = hand('C', [
    ['2024-01-01', 0.5],
    ['2024-01-02', -0.1],
    ['2024-01-03', null], // missing: does not end the run
    ['2024-01-04', -0.3],
    ['2024-01-05', 0], // at the threshold: not below
    ['2024-01-06', 0.2],
    ['2024-01-07', -0.2],
    ['2024-01-08', -0.2],
  ]);

  it('finds the runs, their minima (earliest on ties), days and whether they are ongoing', () => {
    const r = inversionEpisodes(s);
    expect(r.episodes).toEqual([
      { start: '2024-01-02', end: '2024-01-04', min: -0.3, minDate: '2024-01-04', days: 3, observations: 2, recoveredOn: '2024-01-05', ongoing: false },
      { start: '2024-01-07', end: '2024-01-08', min: -0.2, minDate: '2024-01-07', days: 2, observations: 2, ongoing: true },
    ]);
    expect(r.longest?.start).toBe('2024-01-02');
    expect(r.deepest?.start).toBe('2024-01-02');
  });

  it('no episode is an ordinary answer, not an error', () => {
    const r = inversionEpisodes(s, -1);
    expect(r.episodes).toEqual([]);
    expect(r.first).toBeNull();
    expect(r.facts).toHaveLength(1);
    expect(r.facts[0]!.value).toBe(0);
    expect(firstCrossing(s, -1, 'below')).toBeNull();
  });

  it('a crossing needs the previous observation on the other side (even before the period)', () => {
    expect(firstCrossing(s, 0, 'below', '2024-01-04')?.asOf).toBe('2024-01-07');
    expect(firstWhere(s, { op: '<', value: 0 }, '2024-01-04')?.asOf).toBe('2024-01-04');
  });
});
