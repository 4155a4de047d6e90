// Bilingual passage search. A query becomes a list of concepts: an English word, an abbreviation (QT, ON RRP),
// or a Chinese finance word, which stands for any of its English phrases (缩表 → balance sheet runoff / reduce
// holdings / …). Passages are ranked by BM25 — phrases scored as units, in order within a small window —
// weighted by the share of concepts a passage covers, the authority of its document kind and the closeness of
// neighbouring concepts. The index lives in memory, loaded once per process and database handle from the
// passages table, and is reloaded when the stored index generation changes.
import { InvalidDateError, FinciteError } from '../core/errors.ts';
import type { Passage } from '../core/answer.ts';
import type { DocumentKind, FinDocument, IsoDate } from '../core/types.ts';
import { isIsoDate } from '../data/quality.ts';
import type { Database } from '../store/db.ts';
import { passagesGeneration, readAllDocuments, readPassageTokens, type PassageTokensRow } from '../store/passages.ts';
import { indexDocuments } from './indexer.ts';
import { DOCUMENT_KINDS, MAX_LIMIT, MAX_QUERY_LENGTH } from './kinds.ts';
import { segmentChinese } from './segment.ts';
import { dictionaryWordsIn, isChineseStopword, LONGEST_ABBREVIATION_WORDS, termForAbbreviation, termForChinese, type FinanceTerm } from './terms.ts';
import { hasChinese, isEnglishStopword, normaliseEnglishWord, scriptRuns, tokenize, tokenSpans } from './text.ts';


export class InvalidQueryError extends FinciteError {
  constructor(code: 'empty_query' | 'query_too_long' | 'no_search_terms' | 'bad_limit' | 'unknown_kind' | 'bad_range', messages: { zh: string; en: string }) {
    super(code, messages, code === 'query_too_long' ? 413 : 400);
  }
}

/** One thing the query asks for; a passage matches it through any of its alternatives. */
export interface QueryConcept {
  /** What the user typed for it. */
  text: string;
  source: 'english' | 'abbreviation' | 'chinese';
  /** Phrases searched for (as written in the dictionary or the query). */
  alternatives: string[];
}

export interface QueryAnalysis {
  concepts: QueryConcept[];
  /** Chinese words the dictionary does not know (searched as they are; they only match Chinese text). */
  unknown: string[];
}

export interface SearchOptions {
  /** Most hits returned (1–100, default 10). */
  limit?: number;
  /** Only documents published on or after / before this date. */
  from?: IsoDate;
  to?: IsoDate;
  kinds?: DocumentKind[];
}

/** A ranked passage: the cited text itself plus its score and a snippet with the matched words in **bold**. */
export interface SearchHit extends Passage {
  kind: DocumentKind;
  publisher: string;
  score: number;
  snippet: string;
}

// ---- query analysis ----

function conceptFromTerm(text: string, source: QueryConcept['source'], term: FinanceTerm, extra: string[] = []): QueryConcept {
  return { text, source, alternatives: [...new Set([...extra, ...term.en, ...term.zh])] };
}

function englishConcepts(run: string): QueryConcept[] {
  const words = [...run.matchAll(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu)].map((m) => m[0]);
  const out: QueryConcept[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(LONGEST_ABBREVIATION_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const text = words.slice(i, i + n).join(' ');
      const term = termForAbbreviation(text);
      if (term) {
        out.push(conceptFromTerm(text, 'abbreviation', term, [text]));
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    // Hyphenated words ("mortgage-backed") are phrases of their parts, as the index splits them.
    const word = words[i]!;
    const parts = word.split('-').map(normaliseEnglishWord).filter((w) => w && !isEnglishStopword(w));
    if (parts.length) out.push({ text: word, source: 'english', alternatives: [word] });
    i++;
  }
  return out;
}

function chineseConcepts(run: string, unknown: string[]): QueryConcept[] {
  const out: QueryConcept[] = [];
  for (const word of segmentChinese(run)) {
    if (isChineseStopword(word)) continue;
    const term = termForChinese(word);
    if (term) {
      out.push(conceptFromTerm(word, 'chinese', term));
      continue;
    }
    const inner = dictionaryWordsIn(word);
    if (inner.length) {
      for (const w of inner) out.push(conceptFromTerm(w, 'chinese', termForChinese(w)!));
      continue;
    }
    // A single unknown character carries too little meaning to search for on its own.
    if ([...word].length > 1) {
      unknown.push(word);
      out.push({ text: word, source: 'chinese', alternatives: [word] });
    }
  }
  return out;
}

/** Validate a query and turn it into concepts. Throws InvalidQueryError for empty, oversized or wordless text. */
export function analyzeQuery(query: string): QueryAnalysis {
  const text = String(query ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim();
  if (!text) throw new InvalidQueryError('empty_query', { en: 'The search text is empty.', zh: '搜索内容为空。' });
  if (text.length > MAX_QUERY_LENGTH) {
    throw new InvalidQueryError('query_too_long', {
      en: `The search text is too long (${text.length} characters; at most ${MAX_QUERY_LENGTH}).`,
      zh: `搜索内容过长(${text.length} 个字符,最多 ${MAX_QUERY_LENGTH} 个)。`,
    });
  }
  const unknown: string[] = [];
  const concepts: QueryConcept[] = [];
  for (const run of scriptRuns(text)) concepts.push(...(run.chinese ? chineseConcepts(run.text, unknown) : englishConcepts(run.text)));
  const seen = new Set<string>();
  const unique = concepts.filter((c) => {
    const key = c.alternatives.join('|');
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (!unique.length) {
    throw new InvalidQueryError('no_search_terms', {
      en: `"${text.slice(0, 80)}" has no words to search for (only stopwords or punctuation).`,
      zh: `"${text.slice(0, 80)}"中没有可搜索的词(只有停用词或标点)。`,
    });
  }
  return { concepts: unique, unknown };
}

// ---- the in-memory index ----

/** A passage as the index knows it: its place in its document (its text is `document.body.slice(start, end)`). */
export interface IndexedPassage {
  documentId: string;
  position: number;
  startOffset: number;
  endOffset: number;
  document: FinDocument;
}

const K1 = 1.2;
const B = 0.75;
/** Tokens of a phrase must follow each other in order with at most this many tokens between neighbours. */
export const PHRASE_GAP = 3;
/** Two concepts count as near when a match of one is at most this many tokens from a match of the other. */
const NEAR_WINDOW = 6;
/** Score multiplier when every pair of neighbouring concepts is near (1 + NEAR_BONUS). */
const NEAR_BONUS = 0.6;
/** How many of the best passages the proximity bonus is computed for. */
const PROXIMITY_CANDIDATES = 300;
/**
 * How much a document kind speaks for the Committee: a statement or a policy release states policy, minutes
 * report a discussion, a speech is one official's view. Scores are weighted by it, so for equally good matches
 * the citable policy text comes first.
 */
const AUTHORITY: Record<DocumentKind, number> = { statement: 1.25, implementation_note: 1.2, decision: 1.2, press_release: 1.15, other: 1.15, minutes: 1, sep: 1, speech: 0.85 };
/** When scores tie, the primary publication comes before a copy in minutes or a speech. */
const KIND_ORDER: Record<DocumentKind, number> = { statement: 0, implementation_note: 1, press_release: 2, other: 3, decision: 4, minutes: 5, sep: 6, speech: 7 };

/** The best score per passage for one concept, reused across concepts (typed arrays: no per-hit allocation). */
class Scratch {
  readonly best: Float64Array;
  readonly touched: number[] = [];
  constructor(n: number) {
    this.best = new Float64Array(n);
  }
  offer(p: number, score: number): void {
    const cur = this.best[p]!;
    if (cur === 0) this.touched.push(p);
    if (score > cur) this.best[p] = score;
  }
  reset(): void {
    for (const p of this.touched) this.best[p] = 0;
    this.touched.length = 0;
  }
}

/**
 * BM25 over all passages, in memory. Postings are stored per term in flat typed arrays (CSR layout): for term
 * t, entries postStart[t] … postStart[t+1]-1 give a passage number, the term frequency and where the term's
 * positions start in `positions`.
 */
export class PassageIndex {
  readonly passages: IndexedPassage[];
  private readonly lengths: Int32Array;
  private readonly avgLength: number;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly postStart: Int32Array;
  private readonly postPassage: Int32Array;
  private readonly postTf: Int32Array;
  private readonly postPos: Int32Array;
  private readonly positions: Int32Array;
  private readonly termScoreCache = new Map<number, Float64Array>();

  constructor(rows: PassageTokensRow[], documents: FinDocument[]) {
    const byId = new Map(documents.map((d) => [d.id, d]));
    const kept = rows.filter((r) => byId.has(r.documentId));
    this.passages = kept.map((r) => ({ documentId: r.documentId, position: r.position, startOffset: r.startOffset, endOffset: r.endOffset, document: byId.get(r.documentId)! }));
    const n = kept.length;
    this.lengths = new Int32Array(n);
    // Pass 1: term ids, document frequencies and occurrence counts.
    const ids: Int32Array[] = [];
    const df: number[] = [];
    const occurrences: number[] = [];
    const lastSeen: number[] = [];
    let total = 0;
    kept.forEach((r, p) => {
      const tokenIds = new Int32Array(r.tokens.length);
      r.tokens.forEach((tok, i) => {
        let t = this.termIds.get(tok);
        if (t === undefined) {
          t = this.termIds.size;
          this.termIds.set(tok, t);
          this.termNames.push(tok);
          df.push(0);
          occurrences.push(0);
          lastSeen.push(-1);
        }
        tokenIds[i] = t;
        occurrences[t]!++;
        if (lastSeen[t] !== p) {
          lastSeen[t] = p;
          df[t]!++;
        }
      });
      ids.push(tokenIds);
      this.lengths[p] = tokenIds.length;
      total += tokenIds.length;
    });
    this.avgLength = n ? total / n : 1;
    const terms = df.length;
    this.postStart = new Int32Array(terms + 1);
    const posBase = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      this.postStart[t + 1] = this.postStart[t]! + df[t]!;
      posBase[t + 1] = posBase[t]! + occurrences[t]!;
    }
    const entries = this.postStart[terms]!;
    this.postPassage = new Int32Array(entries);
    this.postTf = new Int32Array(entries);
    this.postPos = new Int32Array(entries);
    this.positions = new Int32Array(total);
    // Pass 2: fill the postings in passage order (so each term's passages are ascending).
    const nextEntry = Int32Array.from(this.postStart.subarray(0, terms));
    const nextPos = Int32Array.from(posBase.subarray(0, terms));
    const current = new Int32Array(terms).fill(-1);
    ids.forEach((tokenIds, p) => {
      for (let i = 0; i < tokenIds.length; i++) {
        const t = tokenIds[i]!;
        let e = current[t]!;
        if (e < 0 || this.postPassage[e] !== p) {
          e = nextEntry[t]!++;
          current[t] = e;
          this.postPassage[e] = p;
          this.postPos[e] = nextPos[t]!;
        }
        this.postTf[e]!++;
        this.positions[nextPos[t]!++] = i;
      }
    });
  }

  get size(): number {
    return this.passages.length;
  }

  private idf(df: number): number {
    const n = this.passages.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private bm25(idf: number, tf: number, p: number): number {
    return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[p]!) / this.avgLength));
  }

  /** BM25 of a single term for each of its postings (computed once per term and kept). */
  private termScores(t: number): Float64Array {
    let scores = this.termScoreCache.get(t);
    if (!scores) {
      const from = this.postStart[t]!;
      const to = this.postStart[t + 1]!;
      const idf = this.idf(to - from);
      scores = new Float64Array(to - from);
      for (let e = from; e < to; e++) scores[e - from] = this.bm25(idf, this.postTf[e]!, this.postPassage[e]!);
      this.termScoreCache.set(t, scores);
    }
    return scores;
  }

  /** The posting entry of term t for passage p, or -1. */
  private entryOf(t: number, p: number): number {
    let lo = this.postStart[t]!;
    let hi = this.postStart[t + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.postPassage[mid]!;
      if (v === p) return mid;
      if (v < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Where the phrase starts in passage p: the terms in order, neighbours at most PHRASE_GAP tokens apart. */
  private phraseStarts(terms: number[], p: number, knownEntry?: { term: number; entry: number }): number[] {
    const entries: number[] = [];
    for (const t of terms) {
      const e = knownEntry?.term === t ? knownEntry.entry : this.entryOf(t, p);
      if (e < 0) return [];
      entries.push(e);
    }
    const starts: number[] = [];
    const e0 = entries[0]!;
    for (let i = this.postPos[e0]!; i < this.postPos[e0]! + this.postTf[e0]!; i++) {
      let at = this.positions[i]!;
      let ok = true;
      for (let k = 1; k < entries.length && ok; k++) {
        const e = entries[k]!;
        ok = false;
        for (let j = this.postPos[e]!; j < this.postPos[e]! + this.postTf[e]!; j++) {
          const x = this.positions[j]!;
          if (x > at && x <= at + PHRASE_GAP + 1) {
            at = x;
            ok = true;
            break;
          }
        }
      }
      if (ok) starts.push(this.positions[i]!);
    }
    return starts;
  }

  /** Per passage, how often the phrase occurs (walking the rarest term's passages). */
  private phraseCounts(terms: number[]): Map<number, number> {
    const out = new Map<number, number>();
    let rarest = terms[0]!;
    for (const t of terms) if (this.postStart[t + 1]! - this.postStart[t]! < this.postStart[rarest + 1]! - this.postStart[rarest]!) rarest = t;
    for (let r = this.postStart[rarest]!; r < this.postStart[rarest + 1]!; r++) {
      const p = this.postPassage[r]!;
      const count = this.phraseStarts(terms, p, { term: rarest, entry: r }).length;
      if (count) out.set(p, count);
    }
    return out;
  }

  /** Token positions in passage p where any alternative of a concept matches (sorted). */
  private conceptPositions(alternatives: number[][], p: number): number[] {
    const out: number[] = [];
    for (const alt of alternatives) {
      if (alt.length > 1) {
        out.push(...this.phraseStarts(alt, p));
        continue;
      }
      const e = this.entryOf(alt[0]!, p);
      if (e >= 0) for (let i = this.postPos[e]!; i < this.postPos[e]! + this.postTf[e]!; i++) out.push(this.positions[i]!);
    }
    return out.sort((x, y) => x - y);
  }

  /** BM25 of a phrase taken as one term (its document frequency: the passages that contain it). */
  private phraseScores(terms: number[]): Map<number, number> {
    const counts = this.phraseCounts(terms);
    const idf = this.idf(counts.size);
    const out = new Map<number, number>();
    for (const [p, tf] of counts) out.set(p, this.bm25(idf, tf, p));
    return out;
  }

  /** Score every passage for one concept into `scratch`: the best of its alternatives (words or phrases). */
  private scoreConcept(alternatives: number[][], scratch: Scratch): void {
    for (const terms of alternatives) {
      if (terms.length > 1) {
        for (const [p, s] of this.phraseScores(terms)) scratch.offer(p, s);
        continue;
      }
      const t = terms[0]!;
      const from = this.postStart[t]!;
      const scores = this.termScores(t);
      for (let e = from; e < this.postStart[t + 1]!; e++) scratch.offer(this.postPassage[e]!, scores[e - from]!);
    }
  }

  /** The concepts' alternatives as term ids; alternatives with a word the corpus never uses cannot match. */
  private conceptTerms(analysis: QueryAnalysis): number[][][] {
    return analysis.concepts.map((c) => {
      const seen = new Set<string>();
      const out: number[][] = [];
      for (const alt of c.alternatives) {
        // A Chinese alternative is one dictionary word, which the segmenter keeps whole.
        const ids = (hasChinese(alt) ? [alt] : tokenize(alt)).map((tok) => this.termIds.get(tok));
        const key = ids.join(' ');
        if (!ids.length || ids.some((t) => t === undefined) || seen.has(key)) continue;
        seen.add(key);
        out.push(ids as number[]);
      }
      return out;
    });
  }

  /**
   * Rank passages for an analysed query: BM25 summed over concepts, times the share of concepts the passage
   * covers, times the authority of its document kind, times a bonus when concepts next to each other in the query are close in the passage (结束缩表:
   * "conclude" right before "the reduction of its securities holdings").
   */
  search(analysis: QueryAnalysis, opts: SearchOptions = {}): Array<{ passage: IndexedPassage; score: number; terms: Set<string> }> {
    const concepts = this.conceptTerms(analysis);
    const n = this.passages.length;
    const total = new Float64Array(n);
    const coverage = new Uint16Array(n);
    const candidates: number[] = [];
    const scratch = new Scratch(n);
    for (const alts of concepts) {
      this.scoreConcept(alts, scratch);
      for (const p of scratch.touched) {
        if (coverage[p] === 0) candidates.push(p);
        total[p] = total[p]! + scratch.best[p]!;
        coverage[p] = coverage[p]! + 1;
      }
      scratch.reset();
    }
    const keep = (p: number) => {
      const d = this.passages[p]!.document;
      return (!opts.from || d.date >= opts.from) && (!opts.to || d.date <= opts.to) && (!opts.kinds?.length || opts.kinds.includes(d.kind));
    };
    const byScore = (a: { p: number; s: number }, b: { p: number; s: number }) => {
      const da = this.passages[a.p]!.document;
      const db = this.passages[b.p]!.document;
      return b.s - a.s || KIND_ORDER[da.kind] - KIND_ORDER[db.kind] || (db.date < da.date ? -1 : db.date > da.date ? 1 : 0);
    };
    const limit = opts.limit ?? 10;
    let ranked = candidates
      .filter(keep)
      .map((p) => ({ p, s: (total[p]! * coverage[p]! * AUTHORITY[this.passages[p]!.document.kind]) / concepts.length }))
      .sort(byScore);
    const pairs = concepts.length - 1;
    if (pairs > 0) {
      // Proximity can lift a passage by at most NEAR_BONUS; only passages near the top can reach the top.
      ranked = ranked.slice(0, Math.max(limit, PROXIMITY_CANDIDATES));
      for (const r of ranked) {
        let near = 0;
        for (let i = 0; i < pairs; i++) {
          const a = this.conceptPositions(concepts[i]!, r.p);
          const b = this.conceptPositions(concepts[i + 1]!, r.p);
          if (a.length && b.length && minDistance(a, b) <= NEAR_WINDOW) near++;
        }
        r.s *= 1 + (NEAR_BONUS * near) / pairs;
      }
      ranked.sort(byScore);
    }
    return ranked.slice(0, limit).map(({ p, s }) => ({ passage: this.passages[p]!, score: s, terms: this.matchedTerms(concepts, p) }));
  }

  /** The tokens of the alternatives that match passage p (what its snippet highlights). */
  private matchedTerms(concepts: number[][][], p: number): Set<string> {
    const out = new Set<string>();
    for (const alt of concepts.flat()) {
      const hit = alt.length > 1 ? this.phraseStarts(alt, p).length > 0 : this.entryOf(alt[0]!, p) >= 0;
      if (hit) for (const t of alt) out.add(this.termNames[t]!);
    }
    return out;
  }
}

/** The smallest gap between a position of one sorted list and one of the other. */
function minDistance(a: number[], b: number[]): number {
  let best = Infinity;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    best = Math.min(best, Math.abs(a[i]! - b[j]!));
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return best;
}

// ---- snippets ----

const SNIPPET_CHARS = 320;

/** The part of a passage with the most matched words, those words in **bold**; whole when it is short. */
export function highlightSnippet(text: string, terms: ReadonlySet<string>): string {
  const hits = tokenSpans(text).filter((s) => terms.has(s.token));
  let from = 0;
  let to = text.length;
  if (text.length > SNIPPET_CHARS) {
    let best = 0;
    let bestStart = hits[0]?.start ?? 0;
    for (let i = 0, j = 0; i < hits.length; i++) {
      while (j < hits.length && hits[j]!.end - hits[i]!.start <= SNIPPET_CHARS) j++;
      if (j - i > best) {
        best = j - i;
        bestStart = hits[i]!.start;
      }
    }
    // Start a little before the first match, at a word boundary, and end at a word boundary.
    from = Math.max(0, bestStart - 60);
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    to = Math.min(text.length, from + SNIPPET_CHARS);
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  }
  let out = '';
  let at = from;
  const inside = hits.filter((h) => h.start >= from && h.end <= to);
  for (let i = 0; i < inside.length; i++) {
    // Neighbouring matches separated only by spaces or hyphens are bolded together ("**balance sheet**").
    let j = i;
    while (j + 1 < inside.length && /^[\s\-‑]*$/.test(text.slice(inside[j]!.end, inside[j + 1]!.start))) j++;
    out += `${text.slice(at, inside[i]!.start)}**${text.slice(inside[i]!.start, inside[j]!.end)}**`;
    at = inside[j]!.end;
    i = j;
  }
  out += text.slice(at, to);
  return `${from > 0 ? '…' : ''}${out.replace(/\s*\n\s*/g, ' ')}${to < text.length ? '…' : ''}`;
}

// ---- loading and the public entry point ----

const cache = new WeakMap<object, { generation: string | null; index: Promise<PassageIndex> }>();

/**
 * The search index of this database handle, built on first use and rebuilt when the stored index generation
 * changes (a sync in this or another process); checking the generation is one primary-key lookup per search.
 * Building reads every document (bodies included: a passage's text is a slice of its body) and the tokens of
 * every passage; documents stored or changed without their passages being rebuilt are indexed first.
 */
export async function loadPassageIndex(db: Database): Promise<PassageIndex> {
  const generation = await passagesGeneration(db);
  const cached = cache.get(db);
  if (cached && cached.generation === generation) return cached.index;
  const index = (async () => {
    const documents = await readAllDocuments(db);
    const repaired = await indexDocuments(db, documents);
    const rows = await readPassageTokens(db);
    return { index: new PassageIndex(rows, documents), generation: repaired.reindexed ? await passagesGeneration(db) : generation };
  })();
  const entry = { generation, index: index.then((r) => r.index) };
  cache.set(db, entry);
  try {
    const built = await index;
    entry.generation = built.generation;
    return built.index;
  } catch (err) {
    cache.delete(db);
    throw err;
  }
}

/** Validated search options with the default limit; throws InvalidQueryError / InvalidDateError. */
export function checkOptions(opts: SearchOptions): Required<Pick<SearchOptions, 'limit'>> & SearchOptions {
  const limit = opts.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidQueryError('bad_limit', { en: `The limit must be a whole number from 1 to ${MAX_LIMIT}.`, zh: `结果数量必须是 1 到 ${MAX_LIMIT} 之间的整数。` });
  }
  for (const d of [opts.from, opts.to]) if (d !== undefined && !isIsoDate(d)) throw new InvalidDateError(d);
  if (opts.from && opts.to && opts.from > opts.to) {
    throw new InvalidQueryError('bad_range', { en: `The start date ${opts.from} is after the end date ${opts.to}.`, zh: `开始日期 ${opts.from} 晚于结束日期 ${opts.to}。` });
  }
  for (const k of opts.kinds ?? []) {
    if (!DOCUMENT_KINDS.includes(k)) {
      throw new InvalidQueryError('unknown_kind', { en: `Unknown document kind "${k}"; use one of ${DOCUMENT_KINDS.join(', ')}.`, zh: `未知的文档类型"${k}",可用:${DOCUMENT_KINDS.join('、')}。` });
    }
  }
  return { ...opts, limit };
}

/**
 * Search the stored document passages in Chinese or English. Returns the best passages first, each with its
 * document, position, score and a highlighted snippet. Throws InvalidQueryError / InvalidDateError for bad input.
 */
export async function searchPassages(db: Database, query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
  const checked = checkOptions(opts);
  const analysis = analyzeQuery(query);
  const index = await loadPassageIndex(db);
  return index.search(analysis, checked).map(({ passage: p, score, terms }) => {
    const text = p.document.body.slice(p.startOffset, p.endOffset);
    return {
      documentId: p.documentId,
      title: p.document.title,
      date: p.document.date,
      url: p.document.url,
      kind: p.document.kind,
      publisher: p.document.publisher,
      position: p.position,
      score: Math.round(score * 1000) / 1000,
      text,
      snippet: highlightSnippet(text, terms),
    };
  });
}
