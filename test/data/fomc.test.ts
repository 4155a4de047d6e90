// The offline FOMC reader against the real snapshot: counts checked against the raw files, no duplicates,
// and the passages the engine will cite (balance-sheet caps, end of runoff, the 2026-09-16 hike) present.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FinDocument } from '../../src/core/types.ts';
import { compactDateToIso, fomcDocumentId, readFomcSnapshot, repairScrapedPunctuation, stripMediaContact, type FomcSnapshot } from '../../src/data/fomc.ts';

const SNAPSHOT = process.env.FINCITE_SNAPSHOT ?? path.resolve(import.meta.dirname, '../../../shared/data');
const FOMC_DIR = path.join(SNAPSHOT, 'fomc');
const raw = (name: string) => readFileSync(path.join(FOMC_DIR, name), 'utf8');
const csvRows = (name: string) => Papa.parse<Record<string, string>>(raw(name), { header: true, skipEmptyLines: true }).data;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Kind per document counted straight from the raw files, with duplicates judged by meeting date / URL. */
function countFromRawFiles(): Record<string, number> {
  const statementDates = new Set<string>();
  const otherUrls = new Set<string>();
  const counts: Record<string, number> = { minutes: 0, sep: 0, implementation_note: 0, speech: 0 };
  for (const row of csvRows('fomc_communications_2020_2026.csv')) {
    const date = `${row.date!.slice(0, 4)}-${row.date!.slice(4, 6)}-${row.date!.slice(6, 8)}`;
    if (row.kind === 'statement') statementDates.add(date);
    else if (row.kind === 'other') otherUrls.add(row.url!);
    else counts[row.kind!] = (counts[row.kind!] ?? 0) + 1;
  }
  // Markdown files: the file name says what they are (…-fomc-statement….md vs longer-run goals and others).
  for (const name of readdirSync(path.join(FOMC_DIR, 'statements_2006_2025'))) {
    const text = readFileSync(path.join(FOMC_DIR, 'statements_2006_2025', name), 'utf8');
    if (/^\d{4}-\d{2}-\d{2}-fomc-statement/.test(name)) statementDates.add(name.slice(0, 10));
    else otherUrls.add(/^url: (.+)$/m.exec(text)![1]!.trim());
  }
  const meetings = JSON.parse(raw('fomc_meetings_2026_jun_jul.json')) as { meetings: { date: string; implementation?: string[] }[] };
  for (const m of meetings.meetings) {
    statementDates.add(m.date);
    if (m.implementation?.length) counts.implementation_note!++;
  }
  for (const row of csvRows('fomc_statement_2026-09-16_paragraphs.csv')) statementDates.add(row.meeting_date!);
  counts.speech = csvRows('fed_board_speeches_2025_2026.csv').length;
  return { ...counts, statement: statementDates.size, other: otherUrls.size };
}

describe('readFomcSnapshot', () => {
  let snap: FomcSnapshot;
  let byId: Map<string, FinDocument>;
  beforeAll(async () => {
    snap = await readFomcSnapshot(SNAPSHOT);
    byId = new Map(snap.documents.map((d) => [d.id, d]));
  });

  it('yields as many documents of each kind as the raw files hold, once each', () => {
    const counts: Record<string, number> = {};
    for (const d of snap.documents) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
    const expected = countFromRawFiles();
    expect(counts).toEqual(expected);
    // The figures SOURCES.md states, as a second opinion on the independent count.
    expect(expected).toMatchObject({ minutes: 45, sep: 25, speech: 172, implementation_note: 2 });
  });

  it('gives every document a unique id, an ISO date, a federalreserve.gov URL and a body', () => {
    const ids = snap.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of snap.documents) {
      expect(d.date, d.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.url, d.id).toMatch(/^https:\/\/www\.federalreserve\.gov\//);
      expect(d.language).toBe('en');
      expect(['FOMC', 'Federal Reserve Board']).toContain(d.publisher);
      expect(d.body.trim().length, d.id).toBeGreaterThan(100);
    }
  });

  it('reports only the one speech whose speaker field is empty', () => {
    expect(snap.problems).toHaveLength(1);
    expect(snap.problems[0]).toMatch(/cook20260805a.*speaker field empty/);
    const speech = snap.documents.find((d) => d.url.endsWith('/cook20260805a.htm'));
    expect(speech).toMatchObject({ id: 'fed-speech-20260805-cook-a', kind: 'speech', title: 'Cook: Outlook for the U.S. and Alaskan Economies' });
  });

  it('has the 2022-05-04 balance-sheet runoff plan with its caps', () => {
    const plan = snap.documents.find((d) => d.date === '2022-05-04' && d.title === "Plans for Reducing the Size of the Federal Reserve's Balance Sheet");
    expect(plan).toBeDefined();
    expect(plan!.kind).toBe('other');
    expect(plan!.url).toBe('https://www.federalreserve.gov/newsevents/pressreleases/monetary20220504b.htm');
    expect(plan!.body).toContain('$30 billion');
    expect(plan!.body).toContain('$60 billion');
    expect(plan!.body).not.toContain('For media inquiries');
    expect(plan!.body.trimEnd()).toMatch(/economic and financial developments\.$/);
  });

  it('has the 2025-10-29 statement ending runoff on December 1', () => {
    const statement = byId.get('fomc-statement-2025-10-29');
    expect(statement?.url).toBe('https://www.federalreserve.gov/newsevents/pressreleases/monetary20251029a.htm');
    expect(statement!.body).toContain('conclude the reduction of its aggregate securities holdings on December 1');
  });

  it('keeps one 2022-05-04 statement although both the CSV and the markdown files have it', () => {
    const statements = snap.documents.filter((d) => d.kind === 'statement' && d.date === '2022-05-04');
    expect(statements.map((d) => d.id)).toEqual(['fomc-statement-2022-05-04']);
    expect(statements[0]!.body).toContain('Plans for Reducing the Size of the Federal Reserve');
  });

  it('strips the media contact but keeps the policy text and the implementation-note label', () => {
    const june = byId.get('fomc-statement-2026-06-17')!;
    expect(june.body).not.toMatch(/media inquiries|protected\]|452-2955/);
    expect(june.body.trimEnd()).toMatch(/Implementation Note issued June 17, 2026$/);
    const meetings = JSON.parse(raw('fomc_meetings_2026_jun_jul.json')) as { meetings: { date: string; statement: string[] }[] };
    for (const paragraph of meetings.meetings.find((m) => m.date === '2026-06-17')!.statement.slice(1)) {
      expect(squash(june.body)).toContain(squash(paragraph));
    }
  });

  it('repairs the scraper\'s em-dash-plus-control-character punctuation', () => {
    expect(snap.documents.filter((d) => /\u2014[\u0080-\u009f]/.test(d.body)).map((d) => d.id)).toEqual([]);
    expect(byId.get('fomc-statement-2020-01-29')!.body).toContain('at 1\u20111/2 to 1-3/4 percent');
    expect(repairScrapedPunctuation('the Committee\u2014\u0099s goals')).toBe('the Committee\u2019s goals');
  });

  it('reads the 2026 implementation notes and the 2026-09-16 statement with their URLs', () => {
    const note = byId.get('fomc-implementation-note-2026-07-29')!;
    expect(note).toMatchObject({ kind: 'implementation_note', url: 'https://www.federalreserve.gov/newsevents/pressreleases/monetary20260729a1.htm' });
    expect(note.body).toContain('interest rate paid on reserve balances at 3.65 percent');
    expect(byId.get('fomc-implementation-note-2026-06-17')!.url).toBe('https://www.federalreserve.gov/newsevents/pressreleases/monetary20260617a1.htm');

    const paragraphs = csvRows('fomc_statement_2026-09-16_paragraphs.csv').sort((a, b) => Number(a.para_index) - Number(b.para_index));
    const september = byId.get('fomc-statement-2026-09-16')!;
    expect(september.url).toBe(paragraphs[0]!.url);
    expect(september.body).toBe(paragraphs.map((p) => p.text).join('\n\n'));
  });

  it('reads longer-run goals from the markdown files as "other", without the release header', () => {
    const goals = snap.documents.filter((d) => d.title === 'Statement on Longer-Run Goals and Monetary Policy Strategy');
    expect(goals).toHaveLength(14);
    expect(goals.every((d) => d.kind === 'other' && d.publisher === 'FOMC')).toBe(true);
    const first = byId.get('fomc-statement-2006-01-31')!;
    expect(first.body.startsWith('The Federal Open Market Committee decided today')).toBe(true);
  });

  it('reads every decision row; the 2026-09-16 decision is a hike to the range in the file', () => {
    const lines = raw('fomc_decisions_2016_2026.csv').trim().split('\n');
    expect(snap.decisions).toHaveLength(lines.length - 1);
    const header = lines[0]!.split(',');
    const row = lines.find((l) => l.startsWith('2026-09-16,'))!.split(',');
    const field = (name: string) => row[header.indexOf(name)]!;
    const decision = snap.decisions.find((d) => d.date === '2026-09-16');
    expect(decision).toEqual({
      type: 'decision',
      date: '2026-09-16',
      action: 'hike',
      lower: Number(field('target_lower')),
      upper: Number(field('target_upper')),
      votesFor: Number(field('vote_for')),
      votesAgainst: Number(field('vote_against')),
      url: 'https://www.federalreserve.gov/newsevents/pressreleases/monetary20260916a.htm',
    });
    expect(snap.decisions.filter((d) => d.type === 'operational').map((d) => d.date)).toEqual(['2019-10-11', '2020-03-23']);
  });
});

describe('stripMediaContact', () => {
  it('removes a contact block split over several lines, and the links after it stay', () => {
    const body = 'Policy text.\nFor media inquiries, call 202-452-2955 or e-mail\n[email\u00a0protected]\n.\nInvestment and Trading Policy (PDF)';
    expect(stripMediaContact(body)).toBe('Policy text.\nInvestment and Trading Policy (PDF)');
  });

  it('leaves a text alone when a paragraph follows the contact line', () => {
    const body = `For media inquiries, call 202-452-2955.\n${'The Committee decided to maintain the target range. '.repeat(5)}`;
    expect(stripMediaContact(body)).toBe(body);
  });
});

describe('ids and dates', () => {
  it('builds stable ids from kind, date and title', () => {
    expect(fomcDocumentId('statement', '2022-05-04', 'Federal Reserve issues FOMC statement')).toBe('fomc-statement-2022-05-04');
    expect(fomcDocumentId('implementation_note', '2026-06-17', 'x')).toBe('fomc-implementation-note-2026-06-17');
    expect(fomcDocumentId('other', '2022-01-26', "Principles for Reducing the Size of the Federal Reserve's Balance Sheet")).toBe(
      'fomc-other-2022-01-26-principles-for-reducing-the-size-of-the-federal-reserves',
    );
  });

  it('reads compact dates strictly', () => {
    expect(compactDateToIso('20250106')).toBe('2025-01-06');
    expect(compactDateToIso('20250230')).toBeNull();
    expect(compactDateToIso('2025-01-06')).toBeNull();
  });
});
