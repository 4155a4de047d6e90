// Builds the passage index of stored documents: each document is split into passages and tokenised, and its
// passages are replaced only when the document's content (or the text pipeline) changed since the last build,
// so indexing after every sync is cheap and running it twice changes nothing.
import { createHash, randomUUID } from 'node:crypto';
import type { FinDocument } from '../core/types.ts';
import type { Database } from '../store/db.ts';
import { indexedHashes, readAllDocuments, replacePassages, type DocumentPassages } from '../store/passages.ts';
import { splitIntoPassages } from './chunk.ts';
import { TEXT_PIPELINE_VERSION, tokenize } from './text.ts';

export interface IndexReport {
  /** Documents looked at. */
  documents: number;
  /** Documents whose passages were (re)built. */
  reindexed: number;
  /** Passages written. */
  passages: number;
  durationMs: number;
}

/**
 * What the indexed passages of a document depend on: its text and the pipeline version, and its metadata too
 * (title, date, URL …), which in-memory search indexes hold and must reload when it changes.
 */
export function documentContentHash(doc: FinDocument): string {
  const fields = [TEXT_PIPELINE_VERSION, doc.kind, doc.title, doc.date, doc.url, doc.language, doc.publisher, doc.body];
  return createHash('sha256').update(fields.join('\u0000')).digest('hex').slice(0, 32);
}

/** The passages of one document with their search tokens. */
export function documentPassages(doc: FinDocument): DocumentPassages {
  return {
    documentId: doc.id,
    contentHash: documentContentHash(doc),
    passages: splitIntoPassages(doc).map((p) => ({ documentId: doc.id, position: p.position, startOffset: p.start, endOffset: p.end, text: p.text, tokens: tokenize(p.text) })),
  };
}

/**
 * (Re)build the passages of these stored documents where their content changed; one transaction. Call it with
 * the documents a sync has just upserted (they must already be in the documents table).
 */
export async function indexDocuments(db: Database, documents: FinDocument[]): Promise<IndexReport> {
  const t0 = performance.now();
  const unique = [...new Map(documents.map((d) => [d.id, d])).values()];
  const known = await indexedHashes(db, unique.map((d) => d.id));
  const changed = unique.filter((d) => known.get(d.id) !== documentContentHash(d));
  const built = changed.map(documentPassages);
  if (built.length) await db.transaction((tx) => replacePassages(tx, built, new Date(), randomUUID()));
  return { documents: unique.length, reindexed: built.length, passages: built.reduce((n, d) => n + d.passages.length, 0), durationMs: performance.now() - t0 };
}

/** Index every stored document that is new or changed (a database synced before passages existed, a repair). */
export async function indexStoredDocuments(db: Database): Promise<IndexReport> {
  return indexDocuments(db, await readAllDocuments(db));
}
