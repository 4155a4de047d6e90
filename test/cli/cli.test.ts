// The `fincite` command as a user runs it: a subset sync into a fresh home, then series show/search, ask and
// verify, checking JSON shapes, values against the raw files, exit codes and error messages (no stack traces).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, snapshotRoot } from '../helpers/db.ts';

const run = promisify(execFile);
let home: string;

async function fincite(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1', FINCITE_SNAPSHOT: snapshotRoot, LANG: 'en_US.UTF-8' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'bin/fincite.js'), ...args], { env, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function lastRawRow(id: string): [string, number] {
  const lines = readFileSync(path.join(snapshotRoot, 'fred-snapshot', `${id}.csv`), 'utf8').trim().split('\n');
  const [d, v] = lines.filter((l) => l.split(',')[1] !== '').at(-1)!.split(',');
  return [d!, Number(v)];
}

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'fincite-cli-'));
  const r = await fincite(['sync', '--offline', snapshotRoot, '--series', 'WALCL', 'DGS10', 'AAPL', 'TREAST', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('fincite series', () => {
  it('show WALCL prints the same last value as the raw file', async () => {
    const [date, value] = lastRawRow('WALCL');
    const text = await fincite(['series', 'show', 'WALCL']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${date}  ${value}`);
    const json = JSON.parse((await fincite(['series', 'show', 'WALCL', '--json'])).stdout) as { series: { id: string; url: string }; observations: Array<{ date: string; value: number }> };
    expect(json.series.url).toBe('https://fred.stlouisfed.org/series/WALCL');
    expect(json.observations.at(-1)).toEqual({ date, value });
  });

  it('show a ticker gives OHLCV with value = close', async () => {
    const lines = readFileSync(path.join(snapshotRoot, 'equities/daily/AAPL.csv'), 'utf8').trim().split('\n');
    const [d, o, h, l, c, v] = lines.at(-1)!.split(',');
    const json = JSON.parse((await fincite(['series', 'show', 'aapl', '--from', d!, '--json'])).stdout) as { observations: unknown[] };
    expect(json.observations).toEqual([{ date: d, value: Number(c), open: Number(o), high: Number(h), low: Number(l), close: Number(c), volume: Number(v) }]);
  });

  it('unknown ids and bad dates fail clearly with the closest matches and no stack trace', async () => {
    const r = await fincite(['series', 'show', 'WALCLL']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Did you mean: WALCL');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    const bad = await fincite(['series', 'show', 'WALCL', '--from', '2024-02-30']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a valid date');
    const inj = await fincite(['series', 'show', "WALCL'; DROP TABLE observations; --"]);
    expect(inj.code).toBe(1);
    const still = JSON.parse((await fincite(['series', 'show', 'WALCL', '--json'])).stdout) as { observations: unknown[] };
    expect(still.observations.length).toBeGreaterThan(1000);
  });

  it('search is bilingual and JSON has the documented shape', async () => {
    const zh = JSON.parse((await fincite(['series', 'search', '10年期美债', '--json'])).stdout) as Array<{ id: string }>;
    expect(zh[0]?.id).toBe('DGS10');
    const en = JSON.parse((await fincite(['series', 'search', 'balance sheet', '--json', '--limit', '3'])).stdout) as Array<Record<string, unknown>>;
    expect(en[0]).toMatchObject({ id: 'WALCL', units: 'Millions of U.S. Dollars', source: 'fred', url: 'https://fred.stlouisfed.org/series/WALCL' });
    expect(Object.keys(en[0]!).sort()).toEqual(['category', 'frequency', 'id', 'source', 'title', 'units', 'url']);
    const all = JSON.parse((await fincite(['series', 'search', '', '--json', '--limit', '10000'])).stdout) as unknown[];
    expect(all.length).toBeGreaterThan(300);
  });
});

describe('fincite ask and verify', () => {
  it('answers the issue example with a cited, verified change computed from the raw file', async () => {
    const r = await fincite(['ask', '2022年6月以来美联储总资产减少了多少?', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { language: string; text: string; facts: Array<{ value: number; seriesId: string }>; sources: Array<{ url: string }>; verification: { unsupported: unknown[] } };
    const rows = readFileSync(path.join(snapshotRoot, 'fred-snapshot/WALCL.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const start = rows.find((x) => x[0]! >= '2022-06-01')!;
    const end = rows.filter((x) => x[1] !== '').at(-1)!;
    expect(a.language).toBe('zh');
    expect(a.facts[0]).toMatchObject({ seriesId: 'WALCL', value: Number(end[1]) - Number(start[1]) });
    expect(a.text).toContain('[1]');
    expect(a.sources[0]?.url).toBe('https://fred.stlouisfed.org/series/WALCL');
    expect(a.verification.unsupported).toEqual([]);
  });

  it('refuses a forecast without any number and exits non-zero', async () => {
    const r = await fincite(['ask', 'Will the 10-year yield go above 5% next year?', '--json']);
    expect(r.code).toBe(1);
    const a = JSON.parse(r.stdout) as { unanswerable: { suggestions: string[] }; facts: unknown[] };
    expect(a.unanswerable.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(a.facts).toEqual([]);
  });

  it('rejects an oversized question cleanly', async () => {
    const r = await fincite(['ask', '美'.repeat(5000)]);
    expect(r.code).toBe(1);
    // in the question's language, naming the length and the limit
    expect(r.stderr).toMatch(/问题过长.*5000.*500/);
  });

  it('verify flags a number that is a few percent off and supports the right one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fincite-ev-'));
    const evidence = path.join(dir, 'e.json');
    // 6,745,699 million USD = $6.75 trillion after rounding to two decimals
    const fact = { id: 'walcl', value: 6745699, unit: { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' }, label: { zh: '美联储总资产', en: 'Fed total assets' }, asOf: '2026-08-19', method: 'level', inputs: [], sourceIds: [] };
    writeFileSync(evidence, JSON.stringify({ facts: [fact] }));
    const ok = JSON.parse((await fincite(['verify', '--evidence', evidence, '--json', '美联储总资产为6.75万亿美元'])).stdout) as { supported: number; unsupported: unknown[] };
    expect(ok).toMatchObject({ supported: 1, unsupported: [] });
    const off = await fincite(['verify', '--evidence', evidence, '--json', '美联储总资产为6.95万亿美元']);
    expect(off.code).toBe(1);
    expect((JSON.parse(off.stdout) as { unsupported: unknown[] }).unsupported).toHaveLength(1);
    const batch = path.join(dir, 'b.jsonl');
    writeFileSync(batch, [JSON.stringify({ id: 1, text: 'Fed total assets were $6.75 trillion', evidence: { facts: [fact] } }), 'not json'].join('\n'));
    const out = (await fincite(['verify', '--batch', batch, '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ id: 1, verification: { supported: 1 } });
    expect(out[1]).toMatchObject({ line: 2 });
    rmSync(dir, { recursive: true, force: true });
  });
});
