// `fincite docs search` and `fincite events` through their commander adapters, in process, on a home whose
// database holds the snapshot's documents: JSON shapes, bilingual text output, exit codes and typed errors.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerDocsCommands } from '../../src/cli/docs.ts';
import { FinciteError } from '../../src/core/errors.ts';
import { refreshCatalog } from '../../src/data/bootstrap.ts';
import { openDatabase } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { corpusDump } from './corpus.ts';

let home: string;
const saved = { ...process.env };

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'fincite-docs-cli-'));
  const db = await openDatabase({ dataDir: path.join(home, 'pgdata'), loadDataDir: await corpusDump(), migrate: false });
  // One stored observation, so the commands find a loaded database and do not start a first-run sync.
  await refreshCatalog(db);
  await repo.applySeriesBatch(db, { seriesId: 'WALCL', observations: [{ date: '2025-12-31', value: 6_500_000 }], provenance: { source: 'fred', url: 'file:///test', retrievedAt: new Date(), mode: 'snapshot' }, problems: [] }, null);
  await db.close();
  process.env.FINCITE_HOME = home;
  process.env.FINCITE_OFFLINE = '1';
  delete process.env.DATABASE_URL;
}, 300_000);

afterAll(() => {
  process.env = saved;
  rmSync(home, { recursive: true, force: true });
});

async function fincite(args: string[], lang: 'zh' | 'en' = 'en'): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const program = new Command('fincite').exitOverride();
  registerDocsCommands(program, () => lang);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'fincite', ...args]);
    return { stdout, stderr, exitCode: Number(process.exitCode ?? 0) };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

describe('fincite docs search', () => {
  it('--json prints the passages with the documented fields', async () => {
    const r = await fincite(['docs', 'search', '缩表 上限', '--json', '--limit', '3']);
    const hits = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(hits).toHaveLength(3);
    expect(Object.keys(hits[0]!)).toEqual(['documentId', 'title', 'date', 'url', 'kind', 'position', 'score', 'text', 'snippet']);
    expect(hits[0]).toMatchObject({ documentId: 'fomc-other-2022-05-04-plans-for-reducing-the-size-of-the-federal-reserves-balance', date: '2022-05-04', kind: 'other' });
    expect(hits[0]!.text).toContain('$30 billion');
  });

  it('prints numbered passages with how the Chinese words were searched, in the user\'s language', async () => {
    const zh = await fincite(['docs', 'search', '结束缩表', '--limit', '2'], 'zh');
    expect(zh.stdout).toContain('检索词:结束 → conclude');
    expect(zh.stdout).toMatch(/\[1\] \d{4}-\d{2}-\d{2} .*\(.*第 \d+ 段/);
    expect(zh.stdout).toContain('https://www.federalreserve.gov/');
    const en = await fincite(['docs', 'search', 'standing repo facility', '--kind', 'other', '--limit', '1']);
    expect(en.stdout).toContain('Statement Regarding Repurchase Agreement Arrangements (other release, passage 1');
  });

  it('says so, with exit code 1, when nothing matches', async () => {
    const r = await fincite(['docs', 'search', 'zyzzyva']);
    expect(r.stdout).toContain('No passage matches "zyzzyva"');
    expect(r.exitCode).toBe(1);
  });

  it('rejects bad arguments with typed errors before opening the database', async () => {
    const code = async (args: string[]) => fincite(args).then(() => 'accepted', (e: unknown) => (e instanceof FinciteError ? e.code : String(e)));
    expect(await code(['docs', 'search', ' '])).toBe('empty_query');
    expect(await code(['docs', 'search', 'x'.repeat(10_000)])).toBe('query_too_long');
    expect(await code(['docs', 'search', '缩表', '--limit', '0'])).toBe('bad_limit');
    expect(await code(['docs', 'search', '缩表', '--from', '2024-13-01'])).toBe('invalid_date');
    expect(await code(['docs', 'search', '缩表', '--kind', 'blog'])).toBe('unknown_kind');
  });
});

describe('fincite events', () => {
  it('--json prints cited events in date order', async () => {
    const r = await fincite(['events', '--json', '--kind', 'qt_start,qt_end']);
    const events = JSON.parse(r.stdout) as Array<{ id: string; date: string; kind: string; title: { zh: string; en: string }; detail: unknown; citation: { quote: string; url: string } }>;
    expect(events.map((e) => e.id)).toEqual(['qt1-start', 'qt1-end', 'qt2-start', 'qt2-end']);
    expect(Object.keys(events[0]!)).toEqual(['id', 'date', 'kind', 'title', 'detail', 'citation']);
    expect(events[3]!.citation.quote).toBe('The Committee decided to conclude the reduction of its aggregate securities holdings on December 1.');
    expect(r.stderr).toBe('');
  });

  it('prints a bilingual timeline with the quote and source of each event', async () => {
    const zh = await fincite(['events', '--from', '2025-01-01', '--to', '2025-12-31', '--kind', 'qt_cap_change', 'qt_end'], 'zh');
    expect(zh.stdout).toContain('2025-04-01  [缩表上限] 缩表再放缓');
    expect(zh.stdout).toContain('原文: "Beginning in April, the Committee will slow the pace of decline');
    const en = await fincite(['events', '--from', '2022-03-16', '--to', '2022-03-16']);
    expect(en.stdout).toContain('2022-03-16  [rate decision] Rate hike: target range raised to 0.25%–0.50% — +25 bp; vote 8–1');
  });

  it('rejects unknown kinds and reversed ranges', async () => {
    await expect(fincite(['events', '--kind', 'qe'])).rejects.toMatchObject({ code: 'unknown_kind' });
    await expect(fincite(['events', '--from', '2025-01-01', '--to', '2024-01-01'])).rejects.toMatchObject({ code: 'bad_range' });
  });
});
