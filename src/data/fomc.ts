// Offline FOMC documents and decisions: reads the snapshot's fomc/ folder (statements, minutes, SEP releases,
// implementation notes, Board speeches, the rate-decision table) into whole FinDocuments for the knowledge base.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import type { DocumentKind, FinDocument, IsoDate } from '../core/types.ts';

/** Files of the snapshot's fomc/ folder, relative to the snapshot root. */
export const FOMC_SNAPSHOT_FILES = {
  communications: 'fomc/fomc_communications_2020_2026.csv',
  statementsDir: 'fomc/statements_2006_2025',
  meetings2026: 'fomc/fomc_meetings_2026_jun_jul.json',
  statement20260916: 'fomc/fomc_statement_2026-09-16_paragraphs.csv',
  speeches: 'fomc/fed_board_speeches_2025_2026.csv',
  decisions: 'fomc/fomc_decisions_2016_2026.csv',
} as const;

/** One row of the decision table: a scheduled rate decision, or an operational announcement without one. */
export type FomcDecision =
  | {
      type: 'decision';
      date: IsoDate;
      action: 'hike' | 'cut' | 'hold';
      /** Target range for the federal funds rate after the decision, percent. */
      lower: number;
      upper: number;
      votesFor: number;
      votesAgainst: number;
      /** The statement released with the decision, when the snapshot has it. */
      url?: string;
    }
  | {
      /** An announcement between meetings (e.g. 2019-10-11 reserve-management purchases): no range, no vote. */
      type: 'operational';
      date: IsoDate;
      url?: string;
    };

export interface FomcSnapshot {
  documents: FinDocument[];
  decisions: FomcDecision[];
  /** Problems noticed while reading; the readable rows are kept. */
  problems: string[];
}

const FED_URL = /^https:\/\/www\.federalreserve\.gov\//;
const FOMC = 'FOMC';
const BOARD = 'Federal Reserve Board';

/** Who issues a document of this kind, as shown in citations. */
export function publisherFor(kind: DocumentKind): string {
  return kind === 'speech' || kind === 'press_release' || kind === 'implementation_note' ? BOARD : FOMC;
}

/** Kinds the FOMC issues at most once per date, so kind + date names the document. */
const ONE_PER_DATE: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['statement', 'minutes', 'sep', 'implementation_note']);

/** A URL-safe slug of a title, cut at a word boundary. */
function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f'\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastBreak = cut.lastIndexOf('-');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, maxLength);
}

/**
 * The stable id of an FOMC/Board document, shared by the snapshot reader and the live press-release connector
 * so the same statement read both ways gets one id: `fomc-statement-2022-05-04`, `fomc-minutes-…`,
 * `fomc-sep-…`, `fomc-implementation-note-…`, `fomc-other-<date>-<title slug>`, `fed-press-<date>-<title slug>`.
 */
export function fomcDocumentId(kind: DocumentKind, date: IsoDate, title: string): string {
  if (ONE_PER_DATE.has(kind)) return `fomc-${kind.replace('_', '-')}-${date}`;
  if (kind === 'press_release') return `fed-press-${date}-${slugify(title)}`;
  return `fomc-${kind.replace('_', '-')}-${date}-${slugify(title)}`;
}

/** `20250106` → `2025-01-06`, or null when it is not a real calendar date. */
export function compactDateToIso(text: string): IsoDate | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  return m ? validIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

function validIsoDate(text: string): IsoDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : null;
}

const MEDIA_CONTACT_START = /^For media inquiries\b/i;
/** Pieces the scraper split off the contact sentence: the (obfuscated) address, "or call …", a lone period. */
const MEDIA_CONTACT_CONTINUATION = /^(\[email(?:\u00a0|\s)protected\]\.?|media@frb\.gov\.?|or (?:please )?(?:call|e-?mail)\b.{0,60}|\.)$/i;
/** Lines that may follow the contact block at the end of a release: link labels, not paragraphs. */
const MAX_TRAILING_LINK_LENGTH = 200;

/**
 * Remove the press-release media-contact block ("For media inquiries, please email … or call 202-452-2955.")
 * when it is clearly boilerplate: it stands on its own line(s) and only short link labels follow it.
 * Everything else — the policy text, the "Implementation Note issued …" label — is kept as published.
 */
export function stripMediaContact(body: string): string {
  const lines = body.split('\n');
  for (let start = lines.length - 1; start >= 0; start--) {
    if (!MEDIA_CONTACT_START.test(lines[start]!.trim())) continue;
    let end = start + 1;
    for (let next = end; next < lines.length; next++) {
      const line = lines[next]!.trim();
      if (line === '') continue;
      if (!MEDIA_CONTACT_CONTINUATION.test(line)) break;
      end = next + 1;
    }
    const after = lines.slice(end);
    if (after.some((line) => line.trim().length > MAX_TRAILING_LINK_LENGTH)) return body;
    const kept = [...lines.slice(0, start), ...after];
    return collapseBlankRuns(kept.join('\n')).trim();
  }
  return body;
}

/**
 * The scraper behind the communications CSV turned each punctuation character U+2000–U+203F into an em dash
 * followed by a C1 control or Latin-1 character (U+2011 "‑" → "—\u0091", U+2019 "’" → "—\u0099"). An em dash
 * is never followed by those characters in the Fed's text, so the pair maps back to the published character
 * exactly. Plain em dashes that the scraper substituted for hyphens cannot be told apart and are left alone.
 */
export function repairScrapedPunctuation(text: string): string {
  return text.replace(/\u2014([\u0080-\u00bf])/g, (_, c: string) => String.fromCharCode(0x2000 + c.charCodeAt(0) - 0x80));
}

function collapseBlankRuns(text: string): string {
  return text.replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n');
}

// ---------------------------------------------------------------------------------------------------------
// Raw-row schemas (zod at the file boundary)

const CommunicationRow = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string().min(1),
  url: z.string(),
  body: z.string().min(1),
  kind: z.string(),
});

const SpeechRow = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string().min(1),
  url: z.string(),
  body: z.string().min(1),
  speaker: z.string().optional().default(''),
});

const ParagraphRow = z.object({
  meeting_date: z.string(),
  para_index: z.coerce.number().int().nonnegative(),
  role: z.string(),
  text: z.string().min(1),
  url: z.string(),
});

const DecisionRow = z.object({
  meeting_date: z.string(),
  statement_type: z.enum(['decision', 'operational']),
  vote_for: z.string(),
  vote_against: z.string(),
  target_lower: z.string(),
  target_upper: z.string(),
  decision: z.string(),
});

const Meetings2026 = z.object({
  meetings: z.array(
    z.object({
      date: z.string(),
      sources: z.object({ statement: z.string(), implementation: z.string() }).partial(),
      statement: z.array(z.string().min(1)).min(1),
      implementation: z.array(z.string().min(1)).optional(),
    }),
  ),
});

const FrontMatter = z.object({
  date: z.string(),
  title: z.string().min(1),
  url: z.string().optional(),
  type: z.string().optional(),
});

const COMMUNICATION_KINDS: Record<string, DocumentKind> = {
  statement: 'statement',
  minutes: 'minutes',
  sep: 'sep',
  implementation_note: 'implementation_note',
  other: 'other',
};

/** Title the Fed gives the press release of every policy statement (the 2026 files carry no titles). */
const STATEMENT_TITLE = 'Federal Reserve issues FOMC statement';

// ---------------------------------------------------------------------------------------------------------

/**
 * Read the snapshot's fomc/ folder under `snapshotRoot` (the shared data directory). A statement present in
 * several files (same kind and date, or same URL) becomes one document: the one with the fuller body.
 */
export async function readFomcSnapshot(snapshotRoot: string): Promise<FomcSnapshot> {
  const problems: string[] = [];
  const file = (rel: string) => path.join(snapshotRoot, rel);
  const candidates: FinDocument[] = [
    ...(await readCommunications(file(FOMC_SNAPSHOT_FILES.communications), problems)),
    ...(await readStatementMarkdown(file(FOMC_SNAPSHOT_FILES.statementsDir), problems)),
    ...(await readMeetings2026(file(FOMC_SNAPSHOT_FILES.meetings2026), problems)),
    ...(await readParagraphStatement(file(FOMC_SNAPSHOT_FILES.statement20260916), problems)),
  ];
  const fomcDocuments = mergeDuplicates(candidates);
  const speeches = await readSpeeches(file(FOMC_SNAPSHOT_FILES.speeches), problems);
  const documents = ensureUniqueIds([...fomcDocuments, ...speeches], problems);
  const decisions = await readDecisions(file(FOMC_SNAPSHOT_FILES.decisions), documents, problems);
  return { documents, decisions, problems };
}

async function readText(filePath: string, problems: string[]): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (err) {
    problems.push(`${filePath}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return null;
  }
}

function parseCsv(text: string, filePath: string, problems: string[]): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  for (const e of parsed.errors) problems.push(`${filePath}: CSV row ${e.row ?? '?'}: ${e.message}`);
  return parsed.data;
}

function checkedUrl(url: string | undefined, where: string, problems: string[]): string | null {
  const u = url?.trim() ?? '';
  if (FED_URL.test(u)) return u;
  problems.push(`${where}: ${u ? `URL "${u}" is not a federalreserve.gov address` : 'no source URL'}; document skipped`);
  return null;
}

function makeDocument(kind: DocumentKind, date: IsoDate, title: string, url: string, body: string): FinDocument {
  return { id: fomcDocumentId(kind, date, title), kind, title, date, url, language: 'en', body, publisher: publisherFor(kind) };
}

async function readCommunications(filePath: string, problems: string[]): Promise<FinDocument[]> {
  const text = await readText(filePath, problems);
  if (text === null) return [];
  const docs: FinDocument[] = [];
  parseCsv(text, filePath, problems).forEach((raw, i) => {
    const where = `${filePath} row ${i + 2}`;
    const row = CommunicationRow.safeParse(raw);
    if (!row.success) return void problems.push(`${where}: ${row.error.issues[0]?.message ?? 'invalid row'}`);
    const { id, date, title, url, body, kind } = row.data;
    const iso = compactDateToIso(date);
    if (!iso) return void problems.push(`${where} (${id}): bad date "${date}"`);
    const docKind = COMMUNICATION_KINDS[kind.trim()];
    if (!docKind) problems.push(`${where} (${id}): unknown kind "${kind}", read as "other"`);
    const link = checkedUrl(url, `${where} (${id})`, problems);
    if (link) docs.push(makeDocument(docKind ?? 'other', iso, title.trim(), link, stripMediaContact(repairScrapedPunctuation(body.trim()))));
  });
  return docs;
}

/** Minimal YAML front matter: `key: value` lines, values plain or quoted. */
function parseFrontMatter(text: string): { fields: Record<string, string>; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!m) return null;
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!kv) continue;
    let value = kv[2]!.trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        value = value.slice(1, -1);
      }
    } else if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1).replace(/''/g, "'");
    }
    fields[kv[1]!] = value;
  }
  return { fields, body: m[2]! };
}

const DATELINE = /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/;
const RELEASE_LINE = /^For (release at .+|immediate release)$/i;

/**
 * Drop a release header at the top of a text whose paragraphs are separated by blank lines ("May 04, 2022" /
 * "For release at 2:00 p.m. EDT"): the date is the document's date, and the other sources carry no header.
 */
export function stripReleaseHeader(body: string): string {
  const paragraphs = body.trim().split(/\n\s*\n/);
  let i = 0;
  if (paragraphs[i] !== undefined && DATELINE.test(paragraphs[i]!.trim())) i++;
  if (paragraphs[i] !== undefined && RELEASE_LINE.test(paragraphs[i]!.trim())) i++;
  return paragraphs.slice(i).join('\n\n');
}

/** A markdown file is a statement when its title names one ("FOMC statement", "… issues FOMC statement"). */
function markdownKind(title: string): DocumentKind {
  return /^(Federal Reserve issues )?FOMC statement\b/i.test(title) ? 'statement' : 'other';
}

async function readStatementMarkdown(dirPath: string, problems: string[]): Promise<FinDocument[]> {
  let names: string[];
  try {
    names = (await readdir(dirPath)).filter((n) => n.endsWith('.md')).sort();
  } catch (err) {
    problems.push(`${dirPath}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return [];
  }
  const docs: FinDocument[] = [];
  for (const name of names) {
    const where = path.join(dirPath, name);
    const text = await readText(where, problems);
    if (text === null) continue;
    const parsed = parseFrontMatter(text);
    const fm = parsed ? FrontMatter.safeParse(parsed.fields) : null;
    if (!parsed || !fm?.success) {
      problems.push(`${where}: no readable front matter (date, title)`);
      continue;
    }
    const date = validIsoDate(fm.data.date);
    if (!date) {
      problems.push(`${where}: bad date "${fm.data.date}"`);
      continue;
    }
    const body = stripMediaContact(stripReleaseHeader(parsed.body));
    if (!body) {
      problems.push(`${where}: empty body; skipped`);
      continue;
    }
    const link = checkedUrl(fm.data.url, where, problems);
    if (link) docs.push(makeDocument(markdownKind(fm.data.title), date, fm.data.title, link, body));
  }
  return docs;
}

async function readMeetings2026(filePath: string, problems: string[]): Promise<FinDocument[]> {
  const text = await readText(filePath, problems);
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    problems.push(`${filePath}: not valid JSON (${(err as Error).message})`);
    return [];
  }
  const parsed = Meetings2026.safeParse(json);
  if (!parsed.success) {
    problems.push(`${filePath}: unexpected shape (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    return [];
  }
  const docs: FinDocument[] = [];
  for (const meeting of parsed.data.meetings) {
    const date = validIsoDate(meeting.date);
    if (!date) {
      problems.push(`${filePath}: meeting with bad date "${meeting.date}"`);
      continue;
    }
    const statementUrl = checkedUrl(meeting.sources.statement, `${filePath} ${date} statement`, problems);
    if (statementUrl) docs.push(makeDocument('statement', date, STATEMENT_TITLE, statementUrl, meeting.statement.join('\n\n')));
    if (meeting.implementation?.length) {
      const noteUrl = checkedUrl(meeting.sources.implementation, `${filePath} ${date} implementation note`, problems);
      const title = `Implementation Note issued ${longDate(date)}`;
      if (noteUrl) docs.push(makeDocument('implementation_note', date, title, noteUrl, meeting.implementation.join('\n\n')));
    }
  }
  return docs;
}

/** `2026-06-17` → `June 17, 2026`, the way the Fed labels implementation notes. */
function longDate(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}

async function readParagraphStatement(filePath: string, problems: string[]): Promise<FinDocument[]> {
  const text = await readText(filePath, problems);
  if (text === null) return [];
  const byMeeting = new Map<string, { urls: Set<string>; paragraphs: { index: number; text: string }[] }>();
  parseCsv(text, filePath, problems).forEach((raw, i) => {
    const row = ParagraphRow.safeParse(raw);
    if (!row.success) return void problems.push(`${filePath} row ${i + 2}: ${row.error.issues[0]?.message ?? 'invalid row'}`);
    const entry = byMeeting.get(row.data.meeting_date) ?? { urls: new Set<string>(), paragraphs: [] };
    entry.urls.add(row.data.url.trim());
    entry.paragraphs.push({ index: row.data.para_index, text: row.data.text.trim() });
    byMeeting.set(row.data.meeting_date, entry);
  });
  const docs: FinDocument[] = [];
  for (const [meetingDate, { urls, paragraphs }] of byMeeting) {
    const date = validIsoDate(meetingDate);
    if (!date) {
      problems.push(`${filePath}: bad meeting_date "${meetingDate}"`);
      continue;
    }
    if (urls.size !== 1) problems.push(`${filePath} ${date}: paragraphs name ${urls.size} different URLs; the first is used`);
    const indexes = paragraphs.map((p) => p.index).sort((a, b) => a - b);
    if (indexes.some((n, i) => n !== i)) problems.push(`${filePath} ${date}: paragraph indexes are not 0…${indexes.length - 1}`);
    const link = checkedUrl([...urls][0], `${filePath} ${date}`, problems);
    const body = [...paragraphs].sort((a, b) => a.index - b.index).map((p) => p.text).join('\n\n');
    if (link) docs.push(makeDocument('statement', date, STATEMENT_TITLE, link, body));
  }
  return docs;
}

/** federalreserve.gov speech pages are named `<speaker><yyyymmdd><letter>.htm`. */
const SPEECH_PAGE = /\/([a-z]+)(\d{8})([a-z]\d*)\.htm$/;

async function readSpeeches(filePath: string, problems: string[]): Promise<FinDocument[]> {
  const text = await readText(filePath, problems);
  if (text === null) return [];
  const docs: FinDocument[] = [];
  parseCsv(text, filePath, problems).forEach((raw, i) => {
    const where = `${filePath} row ${i + 2}`;
    const row = SpeechRow.safeParse(raw);
    if (!row.success) return void problems.push(`${where}: ${row.error.issues[0]?.message ?? 'invalid row'}`);
    const { id, date, url, body } = row.data;
    const iso = compactDateToIso(date);
    if (!iso) return void problems.push(`${where} (${id}): bad date "${date}"`);
    const link = checkedUrl(url, `${where} (${id})`, problems);
    if (!link) return;
    const page = SPEECH_PAGE.exec(link);
    let speaker = row.data.speaker.trim();
    if (!speaker && page) {
      speaker = page[1]!.charAt(0).toUpperCase() + page[1]!.slice(1);
      problems.push(`${where} (${id}): speaker field empty; "${speaker}" taken from the page name of ${link}`);
    }
    const title = row.data.title.trim();
    // A citation must say who spoke; most titles do ("Governor Cook on …"), the rest get the speaker's name.
    const shownTitle = speaker && !title.toLowerCase().includes(speaker.toLowerCase()) ? `${speaker}: ${title}` : title;
    const slug = page ? `${page[1]}-${page[3]}` : slugify(title);
    const compact = iso.replaceAll('-', '');
    docs.push({ id: `fed-speech-${compact}-${slug}`, kind: 'speech', title: shownTitle, date: iso, url: link, language: 'en', body: body.trim(), publisher: BOARD });
  });
  return docs;
}

function sameDocumentKey(doc: FinDocument): string[] {
  const keys = [`url|${doc.url.replace(/^https?:\/\//, '').toLowerCase()}`];
  if (ONE_PER_DATE.has(doc.kind)) keys.push(`${doc.kind}|${doc.date}`);
  return keys;
}

function fullness(body: string): number {
  return body.replace(/\s+/g, ' ').trim().length;
}

/** One document per key; the fuller body wins, the earlier source on a tie. Order of first appearance is kept. */
function mergeDuplicates(candidates: FinDocument[]): FinDocument[] {
  const kept: FinDocument[] = [];
  const slotByKey = new Map<string, number>();
  for (const doc of candidates) {
    const keys = sameDocumentKey(doc);
    const slot = keys.map((k) => slotByKey.get(k)).find((s) => s !== undefined);
    if (slot === undefined) {
      kept.push(doc);
      for (const k of keys) slotByKey.set(k, kept.length - 1);
      continue;
    }
    if (fullness(doc.body) > fullness(kept[slot]!.body)) kept[slot] = doc;
    for (const k of keys) slotByKey.set(k, slot);
  }
  return kept;
}

function ensureUniqueIds(docs: FinDocument[], problems: string[]): FinDocument[] {
  const seen = new Map<string, number>();
  return docs.map((doc) => {
    const n = seen.get(doc.id) ?? 0;
    seen.set(doc.id, n + 1);
    if (n === 0) return doc;
    problems.push(`document id ${doc.id} is used by ${doc.url} and an earlier document; this one becomes ${doc.id}-${n + 1}`);
    return { ...doc, id: `${doc.id}-${n + 1}` };
  });
}

function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

async function readDecisions(filePath: string, documents: FinDocument[], problems: string[]): Promise<FomcDecision[]> {
  const text = await readText(filePath, problems);
  if (text === null) return [];
  const statementUrl = new Map(documents.filter((d) => d.kind === 'statement').map((d) => [d.date, d.url]));
  const decisions: FomcDecision[] = [];
  let previous: { lower: number; upper: number } | null = null;
  parseCsv(text, filePath, problems).forEach((raw, i) => {
    const where = `${filePath} row ${i + 2}`;
    const row = DecisionRow.safeParse(raw);
    if (!row.success) return void problems.push(`${where}: ${row.error.issues[0]?.path.join('.')}: ${row.error.issues[0]?.message}`);
    const r = row.data;
    const date = validIsoDate(r.meeting_date);
    if (!date) return void problems.push(`${where}: bad date "${r.meeting_date}"`);
    const url = statementUrl.get(date);
    if (r.statement_type === 'operational') {
      decisions.push({ type: 'operational', date, ...(url ? { url } : {}) });
      return;
    }
    const [votesFor, votesAgainst, lower, upper] = [r.vote_for, r.vote_against, r.target_lower, r.target_upper].map(parseNumber);
    const action = r.decision.trim();
    if (votesFor == null || votesAgainst == null || lower == null || upper == null || !(action === 'hike' || action === 'cut' || action === 'hold')) {
      return void problems.push(`${where} (${date}): incomplete decision row; skipped`);
    }
    if (previous) {
      const implied = upper > previous.upper ? 'hike' : upper < previous.upper ? 'cut' : 'hold';
      if (implied !== action) problems.push(`${where} (${date}): action "${action}" but the range moved like a ${implied}`);
    }
    previous = { lower, upper };
    decisions.push({ type: 'decision', date, action, lower, upper, votesFor, votesAgainst, ...(url ? { url } : {}) });
  });
  return decisions;
}
