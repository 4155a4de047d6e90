// Attributed quotes on the loaded snapshot: minutes sentences belong to their group subject ("several
// participants") or to the minutes, never to "the FOMC"; every speech names its speaker as the raw speeches file
// does; quotes are verbatim slices of the stored bodies; English and Chinese queries find quotes with the right
// attribution; one line per quote in the house style; bad input fails clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinciteError } from '../../src/core/errors.ts';
import type { FinDocument } from '../../src/core/types.ts';
import { attribution, bestSentences, findQuotes, minutesMeeting, quoteLine, sentencesOf, type Quote } from '../../src/knowledge/quotes.ts';
import type { Database } from '../../src/store/db.ts';
import { readAllDocuments } from '../../src/store/passages.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { communications, table } from '../engine/questions/raw.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The raw speeches file: url → speaker (the speaker column; empty in one row, whose page name says who). */
function rawSpeeches(): Array<{ date: string; title: string; url: string; speaker: string }> {
  const t = table('fomc/fed_board_speeches_2025_2026.csv');
  const col = (n: string) => t.header.indexOf(n);
  return t.rows
    .filter((r) => r.length > 1)
    .map((r) => {
      const d = r[col('date')]!;
      return { date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, title: r[col('title')]!.trim(), url: r[col('url')]!.trim(), speaker: r[col('speaker')]!.trim() };
    });
}

/** The page name of a Board speech URL (…/speech/waller20251016a.htm → "waller"). */
const pageSpeaker = (url: string) => /\/([a-z]+)\d{8}[a-z]\d*\.htm$/.exec(url)![1]!;

describe('sentencesOf', () => {
  it('keeps abbreviations, initials, decimals, fractions and dashes inside sentences and cuts at sentence ends', () => {
    const text =
      'Mr. Smith said the U.S. economy grew 4.5 percent. The Committee raised the range by 1/4 percentage point—to 5-1/4 to 5-1/2 percent. Chair Jerome H. Powell spoke. In the U.S. The labor market cooled.\nA new paragraph starts here.';
    const s = sentencesOf(text).map((x) => x.text);
    expect(s).toEqual([
      'Mr. Smith said the U.S. economy grew 4.5 percent.',
      'The Committee raised the range by 1/4 percentage point—to 5-1/4 to 5-1/2 percent.',
      'Chair Jerome H. Powell spoke.',
      'In the U.S.',
      'The labor market cooled.',
      'A new paragraph starts here.',
    ]);
    for (const x of sentencesOf(text)) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('leaves a footnote number after a full stop out of both sentences', () => {
    const text = 'I appreciate the invitation to meet with you all today. 1 As many of you know, I was a professor. 2';
    expect(sentencesOf(text).map((x) => x.text)).toEqual(['I appreciate the invitation to meet with you all today.', 'As many of you know, I was a professor.']);
  });

  it('cuts every stored minutes body into exact slices', async () => {
    const minutes = communications().filter((c) => c.kind === 'minutes');
    expect(minutes.length).toBeGreaterThan(40);
    for (const m of minutes) for (const s of sentencesOf(m.body)) expect(m.body.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('attribution', () => {
  const minutes = communications().filter((c) => c.kind === 'minutes');

  it('gives real minutes sentences opening with "Several participants <verb>" to several participants, not the FOMC', () => {
    // Sentences found in the raw file with a plain regex; those naming participants twice may contrast two groups.
    const found: Array<{ doc: (typeof minutes)[number]; sentence: string; verb: string }> = [];
    for (const doc of minutes) {
      for (const m of doc.body.matchAll(/(?<=^|[.!?]\s+)Several participants (noted|remarked|observed|commented|emphasized) [^\n]*?\.(?=\s+[A-Z]|\s*$)/gm)) {
        if (m[0].split('participants').length === 2) found.push({ doc, sentence: m[0], verb: m[1]! });
      }
    }
    expect(found.length).toBeGreaterThan(50);
    for (const { doc, sentence, verb } of found) {
      const a = attribution({ kind: 'minutes', title: doc.title, date: doc.date }, sentence);
      expect(a.who, sentence).toEqual({ zh: '几位与会者', en: 'several participants' });
      expect(a.verb?.en).toBe(verb);
      expect(a.kind).toBe('minutes');
    }
  });

  it('gives other groups their own names, and a sentence without a group subject to the minutes', () => {
    const doc = minutes.find((m) => m.date === '2025-03-19')!;
    const sentence = (re: RegExp) => {
      const m = re.exec(doc.body);
      expect(m, String(re)).not.toBeNull();
      return m![0];
    };
    const of = (s: string) => attribution({ kind: 'minutes', title: doc.title, date: doc.date }, s).who;
    expect(of(sentence(/Most participants noted [^\n]*?\.(?=\s+[A-Z])/))).toEqual({ zh: '多数与会者', en: 'most participants' });
    expect(of(sentence(/The staff [a-z]+ed [^\n]*?\.(?=\s+[A-Z])/))).toEqual({ zh: '工作人员', en: 'the staff' });
    expect(of(sentence(/The manager [a-z]+ed [^\n]*?\.(?=\s+[A-Z])/))).toEqual({ zh: 'SOMA经理', en: 'the manager of the SOMA' });
    expect(of(sentence(/Members agreed [^\n]*?\.(?=\s+[A-Z])/))).toEqual({ zh: '委员们', en: 'members' });
    // "market participants" are not FOMC participants; a sentence about the economy has no group at all.
    const market = minutes.map((m) => /(?<=[.!?]\s+)Market participants [^\n]*?\.(?=\s+[A-Z])/.exec(m.body)?.[0]).find(Boolean)!;
    expect(of(market)).toEqual({ zh: 'FOMC会议纪要', en: 'the FOMC minutes' });
    expect(of(sentence(/(?<=[.!?]\s+)Real GDP [^\n]*?\.(?=\s+[A-Z])/))).toEqual({ zh: 'FOMC会议纪要', en: 'the FOMC minutes' });
  });

  it('never attributes a minutes sentence to "the FOMC"', () => {
    let sentences = 0;
    for (const doc of minutes) {
      for (const s of sentencesOf(doc.body)) {
        sentences++;
        expect(attribution({ kind: 'minutes', title: doc.title, date: doc.date }, s.text).who.en).not.toBe('the FOMC');
      }
    }
    expect(sentences).toBeGreaterThan(10_000);
  });

  it('a quote of two minutes sentences with different groups belongs to the minutes', () => {
    const doc = minutes.find((m) => m.date === '2025-03-19')!;
    const pair = /Most participants noted [^\n]*?\.\s+Some participants noted [^\n]*?\.(?=\s+[A-Z])/.exec(doc.body)![0];
    expect(attribution({ kind: 'minutes', title: doc.title, date: doc.date }, pair).who.en).toBe('the FOMC minutes');
  });

  it('reads Chinese group subjects', () => {
    const of = (s: string) => attribution({ kind: 'minutes', title: 'Minutes of the Federal Open Market Committee', date: '2025-03-19' }, s).who;
    expect(of('几位与会者认为，通胀仍然偏高。')).toEqual({ zh: '几位与会者', en: 'several participants' });
    expect(of('多数与会者指出，放缓缩表有助于平稳过渡。')).toEqual({ zh: '多数与会者', en: 'most participants' });
    expect(of('工作人员预计通胀将回落。')).toEqual({ zh: '工作人员', en: 'the staff' });
    expect(of('委员会决定维持利率不变。')).toEqual({ zh: '委员会', en: 'the Committee' });
    expect(of('经济活动稳步扩张。')).toEqual({ zh: 'FOMC会议纪要', en: 'the FOMC minutes' });
  });

  it('gives statements to the FOMC and the Board’s votes in an implementation note to the Board', () => {
    expect(attribution({ kind: 'statement', title: 'FOMC statement', date: '2025-10-29' }, 'Inflation has moved up since earlier in the year.').who).toEqual({ zh: 'FOMC', en: 'the FOMC' });
    const note = { kind: 'implementation_note' as const, title: 'Implementation Note issued July 29, 2026', date: '2026-07-29' };
    expect(attribution(note, 'The Board of Governors of the Federal Reserve System voted unanimously to maintain the interest rate paid on reserve balances.').who.en).toBe('the Federal Reserve Board');
    expect(attribution(note, 'Roll over at auction all principal payments.').who.en).toBe('the Federal Reserve');
  });

  it('reads the meeting of minutes from the heading, including meetings over two months', () => {
    for (const doc of minutes) {
      const m = minutesMeeting(doc)!;
      expect(m, doc.url).toBeDefined();
      // The Fed names the minutes page after the meeting's last day.
      const page = /fomcminutes(\d{4})(\d{2})(\d{2})\.htm/.exec(doc.url)!;
      expect(m.end).toBe(`${page[1]}-${page[2]}-${page[3]}`);
    }
    const crossing = minutes.find((d) => /October 31\W+November 1, 2023/.test(d.body.slice(0, 300)))!;
    expect(minutesMeeting(crossing)).toEqual({ start: '2023-10-31', end: '2023-11-01' });
  });
});

describe('quotes on the loaded snapshot', () => {
  let db: Database;
  let documents: Map<string, FinDocument>;
  const speeches = rawSpeeches();
  const rawByUrl = new Map(speeches.map((s) => [s.url, s]));

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    documents = new Map((await readAllDocuments(db)).map((d) => [d.id, d]));
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it('names the speaker of every stored speech as the raw file does, with the role its title gives', () => {
    const stored = [...documents.values()].filter((d) => d.kind === 'speech');
    expect(stored.length).toBe(speeches.length);
    for (const doc of stored) {
      const raw = rawByUrl.get(doc.url)!;
      expect(raw, doc.url).toBeDefined();
      const expected = raw.speaker || pageSpeaker(raw.url).replace(/^./, (c) => c.toUpperCase());
      const a = attribution(doc, '');
      expect(a.speaker, doc.title).toBe(expected);
      const role = new RegExp(`(Vice Chair for Supervision|Vice Chair|Chair|Governor) (?:[A-Z][a-z]*\\.? )*${expected}\\b`).exec(raw.title);
      // A title without a role (one row) takes the role from the speech's header.
      const header = role ?? new RegExp(`(Vice Chair for Supervision|Vice Chair|Chair|Governor) (?:[A-Z][a-z]*\\.? )*${expected}\\b`).exec(doc.body.slice(0, 400));
      expect(a.role?.en, doc.title).toBe(header![1]);
      expect(a.who.en).toBe(`${header![1]} ${expected}`);
    }
  });

  it('writes a speech quote in the house style, in both languages', async () => {
    const raw = speeches.find((s) => s.speaker === 'Waller' && s.date === '2025-10-16')!;
    const quotes = await findQuotes(db, { queries: ['economic outlook inflation'], from: raw.date, to: raw.date, kinds: ['speech'], diverseSpeakers: true, limit: 5 });
    const q = quotes.find((x) => x.url === raw.url)!;
    expect(q, quotes.map((x) => x.title).join(' | ')).toBeDefined();
    expect(q.who).toEqual({ zh: '理事沃勒（Christopher Waller）', en: 'Governor Waller' });
    expect(quoteLine(q, 'zh', '[3]')).toBe(`美联储理事沃勒（Christopher Waller）在2025年10月16日的讲话中说：“${q.quote}”[3]`);
    expect(quoteLine(q, 'en', '[3]')).toBe(`Governor Waller said on 16 Oct 2025: “${q.quote}” [3]`);
  });

  it('writes a minutes quote with its meeting month and group subject', () => {
    const doc = [...documents.values()].find((d) => d.kind === 'minutes' && d.url.endsWith('fomcminutes20230322.htm'))!;
    const sentence = /(?<=[.!?]\s+)Several participants noted [^\n]*?\.(?=\s+[A-Z])/.exec(doc.body)![0];
    expect(doc.body).toContain(sentence);
    const q: Quote = { documentId: doc.id, title: doc.title, url: doc.url, date: doc.date, publisher: doc.publisher, position: 0, quote: sentence, passage: sentence, score: 1, ...attribution(doc, sentence) };
    expect(quoteLine(q, 'zh', '[2]')).toBe(`2023年3月FOMC会议纪要显示，几位与会者指出：“${sentence}”[2]`);
    expect(quoteLine(q, 'en', '[2]')).toBe(`According to the minutes of the March 2023 meeting, several participants noted: “${sentence}” [2]`);
    // Without a group subject, the minutes themselves are named — not the FOMC.
    const plain = /(?<=[.!?]\s+)Real GDP [^\n]*?\.(?=\s+[A-Z])/.exec(doc.body)![0];
    const p: Quote = { documentId: doc.id, title: doc.title, url: doc.url, date: doc.date, publisher: doc.publisher, position: 0, quote: plain, passage: plain, score: 1, ...attribution(doc, plain) };
    expect(p.verb).toBeUndefined();
    expect(quoteLine(p, 'zh', '[2]')).toBe(`2023年3月FOMC会议纪要显示：“${plain}”[2]`);
    expect(quoteLine(p, 'en', '')).toBe(`According to the minutes of the March 2023 meeting: “${plain}”`);
  });

  it('names a meeting over two months by its days, in both languages', () => {
    const doc = [...documents.values()].find((d) => d.kind === 'minutes' && /^October 31\W+November 1, 2023$/m.test(d.body.slice(0, 300)))!;
    expect(doc, 'the minutes of the October 31–November 1, 2023 meeting').toBeDefined();
    const sentence = /(?<=[.!?]\s+)Participants noted [^\n]*?\.(?=\s+[A-Z])/.exec(doc.body)![0];
    const q: Quote = { documentId: doc.id, title: doc.title, url: doc.url, date: doc.date, publisher: doc.publisher, position: 0, quote: sentence, passage: sentence, score: 1, ...attribution(doc, sentence) };
    expect(quoteLine(q, 'zh', '[1]')).toBe(`2023年10月31日至11月1日FOMC会议纪要显示，与会者指出：“${sentence}”[1]`);
    expect(quoteLine(q, 'en', '[1]')).toBe(`According to the minutes of the October 31–November 1, 2023 meeting, participants noted: “${sentence}” [1]`);
  });

  it('writes statement and implementation-note quotes as the Committee’s and the Federal Reserve’s', () => {
    const statement = documents.get('fomc-statement-2025-10-29')!;
    const sentence = /The Committee decided to conclude [^\n]*?\./.exec(statement.body)![0];
    const q: Quote = { documentId: statement.id, title: statement.title, url: statement.url, date: statement.date, publisher: statement.publisher, position: 0, quote: sentence, passage: sentence, score: 1, ...attribution(statement, sentence) };
    expect(quoteLine(q, 'zh', '[4]')).toBe(`FOMC在2025年10月29日的政策声明中说：“${sentence}”[4]`);
    expect(quoteLine(q, 'en', '[4]')).toBe(`The FOMC said in its statement of 29 Oct 2025: “${sentence}” [4]`);
    const note = [...documents.values()].find((d) => d.kind === 'implementation_note')!;
    const vote = /The Board of Governors of the Federal Reserve System voted [^\n]*?\.(?=\s|$)/.exec(note.body)![0];
    const n: Quote = { ...q, documentId: note.id, title: note.title, url: note.url, date: note.date, publisher: note.publisher, quote: vote, passage: vote, ...attribution(note, vote) };
    expect(n.kind).toBe('implementation_note');
    expect(quoteLine(n, 'zh', '[5]')).toMatch(/^美联储理事会在20\d\d年\d{1,2}月\d{1,2}日的政策执行说明中说：“The Board of Governors/);
  });

  const checkVerbatim = (quotes: Quote[]) => {
    for (const q of quotes) {
      const doc = documents.get(q.documentId)!;
      expect(doc.body).toContain(q.passage);
      expect(q.passage).toContain(q.quote);
      expect(doc.body).toContain(q.quote);
      expect(q).toMatchObject({ title: doc.title, url: doc.url, date: doc.date, kind: doc.kind, publisher: doc.publisher });
    }
  };

  it('finds speeches and minutes on balance sheet runoff and ample reserves in 2025, each attributed exactly', async () => {
    const quotes = await findQuotes(db, { queries: ['balance sheet runoff reserves ample'], from: '2025-01-01', to: '2025-12-31', limit: 10 });
    expect(quotes.length).toBe(10);
    checkVerbatim(quotes);
    const kinds = new Set(quotes.map((q) => q.kind));
    expect(kinds.has('speech')).toBe(true);
    expect(kinds.has('minutes')).toBe(true);
    for (const q of quotes) {
      expect(q.date >= '2025-01-01' && q.date <= '2025-12-31').toBe(true);
      expect(q.quote.toLowerCase()).toMatch(/runoff|reserve|ample|balance sheet/);
      if (q.kind === 'speech') {
        const raw = rawByUrl.get(q.url)!;
        expect(q.speaker).toBe(raw.speaker);
        expect(q.who.en.endsWith(raw.speaker)).toBe(true);
      }
      if (q.kind === 'minutes') {
        expect(q.who.en).not.toBe('the FOMC');
        const opening = /^(Several|Many|Some|Most|A few|A couple of) participants (noted|remarked|observed|commented)\b/.exec(q.quote);
        if (opening && q.quote.split('participants').length === 2) expect(q.who.en).toBe(`${opening[1]!.toLowerCase()} participants`);
        // The meeting month comes from the heading the raw body states.
        const heading = new RegExp(`(${MONTHS.join('|')}) \\d{1,2}\\W+(?:(${MONTHS.join('|')}) )?\\d{1,2}, (\\d{4})`).exec(documents.get(q.documentId)!.body.slice(0, 300))!;
        if (!heading[2]) expect(quoteLine(q, 'en', '[1]')).toMatch(new RegExp(`^According to the minutes of the ${heading[1]} ${heading[3]} meeting[,:]`));
      }
    }
  });

  it('a Chinese query (缩表 准备金) finds English passages and quotes them verbatim', async () => {
    const quotes = await findQuotes(db, { queries: ['缩表 准备金'], from: '2025-01-01', to: '2025-12-31', limit: 5 });
    expect(quotes.length).toBe(5);
    checkVerbatim(quotes);
    for (const q of quotes) {
      expect(q.quote).not.toMatch(/[\u4e00-\u9fff]/);
      expect(q.quote.toLowerCase()).toMatch(/runoff|reserve|reduc|holdings|balance sheet/);
      const zh = quoteLine(q, 'zh', '[1]');
      // Full-width punctuation around the verbatim English quote.
      expect(zh).toContain(`：“${q.quote}”[1]`);
      expect(zh.slice(0, zh.indexOf('“'))).not.toMatch(/[,:;()]/);
    }
    // bestSentences on its own maps the Chinese words to the English phrases too.
    const best = bestSentences(quotes[0]!.passage, '缩表 准备金');
    expect(best && quotes[0]!.passage.slice(best.start, best.end)).toBe(best?.text);
  });

  it('keeps one quote per speaker with diverseSpeakers, and at most perDocument per document', async () => {
    const queries = ['economic outlook inflation', 'labor market'];
    const diverse = await findQuotes(db, { queries, kinds: ['speech'], from: '2025-01-01', to: '2026-08-31', diverseSpeakers: true, limit: 8 });
    const speakers = diverse.map((q) => q.speaker);
    expect(diverse.length).toBeGreaterThan(3);
    expect(new Set(speakers).size).toBe(speakers.length);
    checkVerbatim(diverse);
    const many = await findQuotes(db, { queries, kinds: ['speech'], from: '2025-01-01', to: '2026-08-31', perDocument: 2, limit: 20 });
    const perDoc = new Map<string, number>();
    for (const q of many) perDoc.set(q.documentId, (perDoc.get(q.documentId) ?? 0) + 1);
    expect(Math.max(...perDoc.values())).toBeLessThanOrEqual(2);
    expect(new Set(many.map((q) => q.quote)).size).toBe(many.length);
  });

  it('prefers the statement for policy text when all kinds are allowed', async () => {
    const quotes = await findQuotes(db, { queries: ['conclude the reduction of its aggregate securities holdings on December 1'], limit: 3 });
    expect(quotes[0]!.kind).toBe('statement');
    expect(quotes[0]!.who).toEqual({ zh: 'FOMC', en: 'the FOMC' });
    expect(quotes[0]!.quote).toContain('December 1');
  });

  it('answers three queries quickly once the index is loaded', async () => {
    const opts = { queries: ['balance sheet runoff reserves ample', '缩表 准备金', 'reserve management purchases'], from: '2025-01-01' as const, to: '2026-08-31' as const };
    await findQuotes(db, opts);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await findQuotes(db, opts);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // The target is 50 ms warm; the bound leaves room for a loaded test machine.
    expect(times[3]).toBeLessThan(150);
  });

  it('rejects bad input with a bilingual error', async () => {
    const fails = async (opts: Parameters<typeof findQuotes>[1], code: string) => {
      const err = await findQuotes(db, opts).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FinciteError);
      expect((err as FinciteError).code).toBe(code);
      expect((err as FinciteError).messages.zh).toMatch(/[\u4e00-\u9fff]/);
    };
    await fails({ queries: [] }, 'empty_query');
    await fails({ queries: ['   '] }, 'empty_query');
    await fails({ queries: ['the of and'] }, 'no_search_terms');
    await fails({ queries: ['the of and', ''] }, 'no_search_terms');
    await fails({ queries: ['reserves', 'x'.repeat(501)] }, 'query_too_long');
    // A wordless query next to a real one is skipped, not an error.
    expect((await findQuotes(db, { queries: ['the of and', 'ample reserves'], limit: 1 })).length).toBe(1);
    await fails({ queries: ['reserves'], limit: 0 }, 'bad_limit');
    await fails({ queries: ['reserves'], perDocument: 1.5 }, 'bad_limit');
    await fails({ queries: ['reserves'], from: '2025-13-01' }, 'invalid_date');
    await fails({ queries: ['reserves'], kinds: ['tweet' as never] }, 'unknown_kind');
  });
});
