// Bilingual passage search over the snapshot's FOMC documents, on PGlite and (when a server is reachable)
// PostgreSQL: Chinese queries find the English passages that state the policy, filters and limits apply, bad
// input fails clearly, SQL-looking text is only text, and rebuilding the index is idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinciteError } from '../../src/core/errors.ts';
import { indexDocuments, indexStoredDocuments } from '../../src/knowledge/indexer.ts';
import { loadPassageIndex, searchPassages, type SearchHit } from '../../src/knowledge/search.ts';
import type { Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { backends } from '../helpers/db.ts';
import { corpusPglite, loadCorpus, snapshotCorpus } from './corpus.ts';

const PLANS = 'fomc-other-2022-05-04-plans-for-reducing-the-size-of-the-federal-reserves-balance';

const top = (hits: SearchHit[], n: number) => hits.slice(0, n);

for (const backend of await backends()) {
  describe.skipIf(backend.skip !== null)(`search on ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`, () => {
    let db: Database;

    beforeAll(async () => {
      if (backend.name === 'pglite') db = await corpusPglite();
      else {
        db = await backend.open();
        await loadCorpus(db);
      }
    }, 300_000);
    afterAll(async () => {
      await db?.close();
      await backend.cleanup();
    });

    it('缩表 上限 finds the 2022 Plans passage with the $30/$60 billion Treasury caps first', async () => {
      const [first] = await searchPassages(db, '缩表 上限');
      expect(first!.documentId).toBe(PLANS);
      expect(first!.text).toContain('$30 billion');
      expect(first!.text).toContain('$60 billion');
      expect(first!.title).toBe("Plans for Reducing the Size of the Federal Reserve's Balance Sheet");
      expect(first!.url).toBe('https://www.federalreserve.gov/newsevents/pressreleases/monetary20220504b.htm');
      expect(first!.snippet).toContain('**cap**');
    });

    it('结束缩表 finds the October 2025 statement that concludes the reduction on December 1', async () => {
      const hits = await searchPassages(db, '结束缩表');
      const hit = top(hits, 3).find((h) => h.documentId === 'fomc-statement-2025-10-29');
      expect(hit, hits.map((h) => h.documentId).join(', ')).toBeDefined();
      expect(hit!.text).toContain('conclude the reduction of its aggregate securities holdings on December 1');
      // The end of QT1 is found as well.
      expect(hits.some((h) => h.documentId === 'fomc-statement-2019-07-31')).toBe(true);
    });

    it('常备回购 finds passages on the standing repo facility, its establishment among the first', async () => {
      const hits = await searchPassages(db, '常备回购');
      expect(hits.length).toBe(10);
      for (const h of hits) expect(h.text.toLowerCase()).toMatch(/standing (fima )?(repo|repurchase|overnight repurchase)|\bsrf\b/);
      expect(top(hits, 3).some((h) => h.documentId === 'fomc-other-2021-07-28-statement-regarding-repurchase-agreement-arrangements')).toBe(true);
    });

    it('准备金 充足 finds "ample reserves" passages', async () => {
      const hits = await searchPassages(db, '准备金 充足', { limit: 5 });
      expect(hits).toHaveLength(5);
      for (const h of hits) {
        expect(h.text.toLowerCase()).toContain('ample');
        expect(h.text.toLowerCase()).toContain('reserve');
      }
    });

    it('English queries use the same index (stems, stopwords, BM25)', async () => {
      const hits = await searchPassages(db, 'reducing the monthly redemption cap on Treasury securities', { limit: 3 });
      expect(hits[0]!.text).toMatch(/reducing the monthly redemption cap on Treasury securities from \$(60|25) billion/);
    });

    it('every hit is a verbatim slice of its stored document, with its position', async () => {
      const hits = await searchPassages(db, '逆回购 上限', { limit: 20 });
      const { documents } = await snapshotCorpus();
      const byId = new Map(documents.map((d) => [d.id, d]));
      for (const h of hits) {
        const doc = byId.get(h.documentId)!;
        expect(doc.body).toContain(h.text);
        expect(h).toMatchObject({ title: doc.title, date: doc.date, url: doc.url, kind: doc.kind });
        expect(Number.isInteger(h.position)).toBe(true);
      }
      const scores = hits.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('filters by date and document kind, and limits the number of hits', async () => {
      const hits = await searchPassages(db, '缩表', { from: '2024-01-01', to: '2024-12-31', kinds: ['statement'], limit: 4 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(4);
      for (const h of hits) {
        expect(h.kind).toBe('statement');
        expect(h.date >= '2024-01-01' && h.date <= '2024-12-31').toBe(true);
      }
    });

    it('rejects bad input with typed, bilingual errors', async () => {
      const code = async (q: string, opts = {}) => {
        try {
          await searchPassages(db, q, opts);
          return 'accepted';
        } catch (err) {
          expect(err).toBeInstanceOf(FinciteError);
          return (err as FinciteError).code;
        }
      };
      expect(await code('')).toBe('empty_query');
      expect(await code('缩表'.repeat(5_000))).toBe('query_too_long');
      expect(await code('the and of')).toBe('no_search_terms');
      expect(await code('缩表', { limit: 0 })).toBe('bad_limit');
      expect(await code('缩表', { limit: 1.5 })).toBe('bad_limit');
      expect(await code('缩表', { from: '2024-02-30' })).toBe('invalid_date');
      expect(await code('缩表', { from: '2025-01-01', to: '2024-01-01' })).toBe('bad_range');
      expect(await code('缩表', { kinds: ['tweet'] })).toBe('unknown_kind');
    });

    it('treats SQL-looking text as words and leaves the tables alone', async () => {
      for (const q of ["'; DROP TABLE passages; --", "缩表' OR '1'='1", 'reserves); DELETE FROM documents; --']) {
        const hits = await searchPassages(db, q);
        for (const h of hits) expect(h.documentId).toBeTruthy();
      }
      expect((await repo.tableCounts(db)).documents).toBe((await snapshotCorpus()).documents.length);
      expect((await searchPassages(db, '缩表 上限'))[0]!.documentId).toBe(PLANS);
    });

    it('rebuilding is idempotent: nothing is re-split when nothing changed', async () => {
      const before = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM passages');
      const again = await indexStoredDocuments(db);
      expect(again.reindexed).toBe(0);
      expect((await db.query<{ n: string | number }>('SELECT count(*) AS n FROM passages'))[0]!.n).toEqual(before[0]!.n);
    });
  });
}

describe('index maintenance (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await corpusPglite();
  }, 300_000);
  afterAll(async () => db?.close());

  it('re-splits only a changed document, and searches see the change', async () => {
    const { documents } = await snapshotCorpus();
    const doc = documents.find((d) => d.id === 'fomc-statement-2025-12-10')!;
    const changed = { ...doc, body: `${doc.body}\n\nThe Committee notes a zyzzyva in the Treasury bill market.` };
    const warm = await loadPassageIndex(db);
    await repo.upsertDocuments(db, [changed], new Date());
    const report = await indexDocuments(db, documents.map((d) => (d.id === doc.id ? changed : d)));
    expect(report).toMatchObject({ documents: documents.length, reindexed: 1 });
    expect(await loadPassageIndex(db)).not.toBe(warm);
    const [hit] = await searchPassages(db, 'zyzzyva');
    expect(hit!.documentId).toBe(doc.id);
    expect(hit!.text).toContain('zyzzyva');
    // Back to the original: the index follows again.
    await repo.upsertDocuments(db, [doc], new Date());
    expect((await indexDocuments(db, [doc])).reindexed).toBe(1);
    await expect(searchPassages(db, 'zyzzyva')).resolves.toEqual([]);
  });

  it('indexes stored documents that have no passages yet when the index is first loaded', async () => {
    await db.query("DELETE FROM passages WHERE document_id = 'fomc-statement-2022-05-04'");
    await db.query("DELETE FROM indexed_documents WHERE document_id = 'fomc-statement-2022-05-04'");
    await repo.setSetting(db, 'passages_generation', 'changed elsewhere');
    const hits = await searchPassages(db, 'begin reducing its holdings on June 1', { kinds: ['statement'], limit: 1 });
    expect(hits[0]!.documentId).toBe('fomc-statement-2022-05-04');
  });

  it('answers a query in well under 20 ms once the index is loaded', async () => {
    await loadPassageIndex(db);
    const queries = ['缩表 上限', '结束缩表', '常备回购', '准备金 充足', 'ample reserves', '加息 通胀', 'balance sheet runoff cap', '逆回购 利率'];
    for (const q of queries) await searchPassages(db, q);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const t0 = performance.now();
        await searchPassages(db, q);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.info(`[search latency] median ${median.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms over ${times.length} queries`);
    expect(median).toBeLessThan(20);
  });
});
