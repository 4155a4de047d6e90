// Questions about what the FOMC said are answered with cited passages of the stored texts, in the asked period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/index.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';

let db: Database;
let engine: Engine;
beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  engine = createEngine({ db, today: '2026-11-24' });
}, 120_000);
afterAll(async () => db?.close());

describe('document questions', () => {
  it('quotes 2024 passages about reserves and slowing the runoff, with links to the documents', async () => {
    const a = await engine.ask('What did the FOMC say about reserves when it slowed runoff in 2024?');
    expect(a.unanswerable).toBeUndefined();
    expect(a.sources.length).toBeGreaterThan(0);
    for (const s of a.sources) {
      expect(s.kind).toBe('document');
      expect(s.date! >= '2024-01-01' && s.date! <= '2024-12-31', s.date).toBe(true);
      expect(s.url).toMatch(/^https:\/\/www\.federalreserve\.gov\//);
    }
    expect(a.text.toLowerCase()).toContain('reserve');
    expect(a.verification.unsupported).toEqual([]);
  });

  it('a Chinese question finds the English passages on the standing repo facility', async () => {
    const a = await engine.ask('美联储怎么说常备回购便利的?');
    expect(a.language).toBe('zh');
    expect(a.text.toLowerCase()).toContain('standing repo');
    expect(a.text).toMatch(/\[1\]/);
  });

  it('asking about statements only quotes statements', async () => {
    const a = await engine.ask('2025年美联储声明里对缩表是怎么说的?');
    expect(a.sources.every((s) => s.date!.startsWith('2025'))).toBe(true);
    expect(a.text).toContain('conclude the **reduction** of its **aggregate securities holdings**');
  });
});
