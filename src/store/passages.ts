// Repository of the knowledge base: document passages with their search tokens, which document versions they
// were built from, and the reads the search index and the event timeline need. Raw parametrised SQL that runs
// unchanged on PGlite and PostgreSQL (no extensions: tokens are a plain text[]).
import type { DocumentKind, FinDocument, IsoDate } from '../core/types.ts';
import type { Executor } from './db.ts';
import { getSetting, isoDate, setSetting } from './repo.ts';

/** Changes whenever any passage is written, so a process can tell its in-memory search index is stale. */
const GENERATION_KEY = 'passages_generation';
/** Serialises passage rebuilds across processes (two servers indexing the same new documents at once). */
const PASSAGES_LOCK = 727275;

export interface PassageRow {
  documentId: string;
  position: number;
  startOffset: number;
  endOffset: number;
  text: string;
  tokens: string[];
}

export interface DocumentPassages {
  documentId: string;
  contentHash: string;
  passages: PassageRow[];
}

/** The content hash each of these documents was last indexed from. */
export async function indexedHashes(db: Executor, documentIds: string[]): Promise<Map<string, string>> {
  if (!documentIds.length) return new Map();
  const rows = await db.query<{ document_id: string; content_hash: string }>(
    'SELECT document_id, content_hash FROM indexed_documents WHERE document_id = ANY($1::text[])',
    [documentIds],
  );
  return new Map(rows.map((r) => [r.document_id, r.content_hash]));
}

/** Replace the passages of these documents (call inside a transaction) and mark the index as changed. */
export async function replacePassages(db: Executor, docs: DocumentPassages[], indexedAt: Date, generation: string): Promise<void> {
  if (!docs.length) return;
  await db.query('SELECT pg_advisory_xact_lock($1)', [PASSAGES_LOCK]);
  const ids = docs.map((d) => d.documentId);
  await db.query('DELETE FROM passages WHERE document_id = ANY($1::text[])', [ids]);
  const rows = docs.flatMap((d) => d.passages);
  // One statement per slice keeps each parameter array a few hundred kilobytes.
  for (let i = 0; i < rows.length; i += 1000) {
    const slice = rows.slice(i, i + 1000);
    await db.query(
      `INSERT INTO passages (document_id, position, start_offset, end_offset, text, tokens)
       SELECT t.id, t.pos, t.so, t.eo, t.tx, CASE WHEN t.tk = '' THEN '{}'::text[] ELSE string_to_array(t.tk, ' ') END
       FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[]) AS t(id, pos, so, eo, tx, tk)`,
      [
        slice.map((r) => r.documentId),
        slice.map((r) => r.position),
        slice.map((r) => r.startOffset),
        slice.map((r) => r.endOffset),
        slice.map((r) => r.text),
        slice.map((r) => r.tokens.join(' ')),
      ],
    );
  }
  await db.query(
    `INSERT INTO indexed_documents (document_id, content_hash, passage_count, indexed_at)
     SELECT t.id, t.h, t.n, $4::timestamptz FROM unnest($1::text[], $2::text[], $3::int[]) AS t(id, h, n)
     ON CONFLICT (document_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, passage_count = EXCLUDED.passage_count, indexed_at = EXCLUDED.indexed_at`,
    [ids, docs.map((d) => d.contentHash), docs.map((d) => d.passages.length), indexedAt],
  );
  await setSetting(db, GENERATION_KEY, generation);
}

/** The index generation: changes whenever passages are written (null when nothing was ever indexed). */
export function passagesGeneration(db: Executor): Promise<string | null> {
  return getSetting(db, GENERATION_KEY);
}

/** How many documents are stored and how many of them have passages built. */
export async function indexCoverage(db: Executor): Promise<{ documents: number; indexed: number }> {
  const [r] = await db.query<{ documents: number | string; indexed: number | string }>(
    'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM indexed_documents) AS indexed',
  );
  return { documents: Number(r?.documents ?? 0), indexed: Number(r?.indexed ?? 0) };
}

interface DocumentRowRaw {
  id: string;
  kind: string;
  title: string;
  date: string | Date;
  url: string;
  language: string;
  publisher: string;
  body: string;
}

function toDocument(r: DocumentRowRaw): FinDocument {
  return {
    id: r.id,
    kind: r.kind as DocumentKind,
    title: r.title,
    date: isoDate(r.date)!,
    url: r.url,
    language: r.language === 'zh' ? 'zh' : 'en',
    publisher: r.publisher,
    body: r.body,
  };
}

/** Every stored document (to index the whole store). */
export async function readAllDocuments(db: Executor): Promise<FinDocument[]> {
  const rows = await db.query<DocumentRowRaw>('SELECT id, kind, title, date, url, language, publisher, body FROM documents ORDER BY date, id');
  return rows.map(toDocument);
}

/** Stored documents published on any of these dates (the event timeline looks its quotes up in them). */
export async function documentsOnDates(db: Executor, dates: IsoDate[]): Promise<FinDocument[]> {
  if (!dates.length) return [];
  const rows = await db.query<DocumentRowRaw>(
    'SELECT id, kind, title, date, url, language, publisher, body FROM documents WHERE date = ANY($1::date[]) ORDER BY date, id',
    [dates],
  );
  return rows.map(toDocument);
}

/** A passage as the search index holds it: where it is in its document's body, and its tokens. */
export interface PassageTokensRow {
  documentId: string;
  position: number;
  startOffset: number;
  endOffset: number;
  tokens: string[];
}

/**
 * The tokens of every passage, in document and position order. One aggregated string rather than 10k rows:
 * on PGlite that is ~5x faster (tokens contain neither tabs nor line breaks).
 */
export async function readPassageTokens(db: Executor): Promise<PassageTokensRow[]> {
  const [row] = await db.query<{ s: string | null }>(
    `SELECT string_agg(concat_ws(chr(9), document_id, position, start_offset, end_offset, array_to_string(tokens, ' ')), chr(10) ORDER BY document_id, position) AS s
     FROM passages`,
  );
  if (!row?.s) return [];
  return row.s.split('\n').map((line) => {
    const [documentId, position, start, end, tokens] = line.split('\t');
    return { documentId: documentId!, position: Number(position), startOffset: Number(start), endOffset: Number(end), tokens: tokens ? tokens.split(' ') : [] };
  });
}

/** Offsets of the passages of these documents, to say which passage holds a quote. */
export async function passageSpans(db: Executor, documentIds: string[]): Promise<Array<{ documentId: string; position: number; startOffset: number; endOffset: number }>> {
  if (!documentIds.length) return [];
  const rows = await db.query<{ document_id: string; position: number; start_offset: number; end_offset: number }>(
    'SELECT document_id, position, start_offset, end_offset FROM passages WHERE document_id = ANY($1::text[]) ORDER BY document_id, position',
    [documentIds],
  );
  return rows.map((r) => ({ documentId: r.document_id, position: Number(r.position), startOffset: Number(r.start_offset), endOffset: Number(r.end_offset) }));
}
