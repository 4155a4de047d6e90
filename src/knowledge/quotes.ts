// Attributed quotes for answers and reports: the sentence(s) of a stored passage that best match a question,
// cut verbatim from the document body, with who said it stated exactly — a statement is the Committee's, a
// minutes sentence belongs to its subject ("several participants", "the staff") or else to the minutes, a
// speech is one official's view, named with the role the speech's title gives.
import type { Bilingual, DocumentKind, IsoDate } from '../core/types.ts';
import type { Lang } from '../core/format.ts';
import type { Database } from '../store/db.ts';
import { MAX_LIMIT } from './kinds.ts';
import { analyzeQuery, checkOptions, InvalidQueryError, loadPassageIndex, PHRASE_GAP, type PassageIndex, type QueryAnalysis, type QueryConcept } from './search.ts';
import { hasChinese, tokenize, tokenSpans } from './text.ts';

// ---- who said it ----

/** Who a quoted sentence speaks for, in both languages. */
export interface Attribution {
  /** The speaker, group or body the sentence is attributed to ("Governor Waller", "several participants"). */
  who: Bilingual;
  kind: DocumentKind;
  /** A speech's speaker, by surname as the Board's speech pages name them ("Waller"). */
  speaker?: string;
  /** The speaker's role as the speech's title (or its header) states it. */
  role?: Bilingual;
  /** The reporting verb that follows a group subject in minutes ("noted", "judged"), when the sentence has one. */
  verb?: Bilingual;
  /** Minutes: the meeting the minutes record, when the body or the page address states it. */
  meeting?: { start: IsoDate; end: IsoDate };
}

/** What `attribution` reads of a document; `body` and `url` are optional and only refine the answer. */
export interface AttributableDocument {
  kind: DocumentKind;
  title: string;
  date: IsoDate;
  body?: string;
  url?: string;
}

interface BoardMember {
  surname: string;
  name: string;
  zh: string;
}

/** Board members who speak in the stored speeches, and Kevin Warsh (Chair in the 2026 meeting records), with their Chinese names. */
const BOARD_MEMBERS: readonly BoardMember[] = [
  { surname: 'Powell', name: 'Jerome Powell', zh: '鲍威尔' },
  { surname: 'Jefferson', name: 'Philip Jefferson', zh: '杰斐逊' },
  { surname: 'Bowman', name: 'Michelle Bowman', zh: '鲍曼' },
  { surname: 'Barr', name: 'Michael Barr', zh: '巴尔' },
  { surname: 'Waller', name: 'Christopher Waller', zh: '沃勒' },
  { surname: 'Cook', name: 'Lisa Cook', zh: '库克' },
  { surname: 'Kugler', name: 'Adriana Kugler', zh: '库格勒' },
  { surname: 'Miran', name: 'Stephen Miran', zh: '米兰' },
  { surname: 'Warsh', name: 'Kevin Warsh', zh: '沃什' },
];
const MEMBER_BY_SURNAME = new Map(BOARD_MEMBERS.map((m) => [m.surname.toLowerCase(), m]));

const ROLES: Record<string, Bilingual> = {
  'vice chair for supervision': { en: 'Vice Chair for Supervision', zh: '负责监管的副主席' },
  'vice chair': { en: 'Vice Chair', zh: '副主席' },
  chair: { en: 'Chair', zh: '主席' },
  chairman: { en: 'Chair', zh: '主席' },
  governor: { en: 'Governor', zh: '理事' },
};

/** A role followed by the name it introduces: "Governor Cook", "Chair Jerome H. Powell", "Vice Chair for Supervision Bowman". */
const ROLE_AND_NAME = /\b(Vice Chair for Supervision|Vice Chair|Chairman|Chair|Governor) +((?:[A-Z]\. *|[A-Z][\p{L}'’-]+ +(?=[A-Z]))*)([A-Z][\p{L}'’-]+)/u;
/** The importer's prefix when a title did not name its speaker: "Cook: Outlook for the U.S. …". */
const SPEAKER_PREFIX = /^([A-Z][\p{L}'’-]+):\s/u;

interface Speaker {
  surname: string;
  role?: Bilingual;
}

function speakerOf(doc: AttributableDocument): Speaker | null {
  const titled = ROLE_AND_NAME.exec(doc.title);
  if (titled) return { surname: titled[3]!, role: ROLES[titled[1]!.toLowerCase()]! };
  const prefixed = SPEAKER_PREFIX.exec(doc.title);
  if (!prefixed) return null;
  // The title gives no role: the header of the speech page does ("Governor Lisa D. Cook"), when it names the same person.
  const header = doc.body ? ROLE_AND_NAME.exec(doc.body.slice(0, 400)) : null;
  const role = header && header[3]!.toLowerCase() === prefixed[1]!.toLowerCase() ? ROLES[header[1]!.toLowerCase()] : undefined;
  return { surname: prefixed[1]!, ...(role ? { role } : {}) };
}

function speakerWho(s: Speaker): Bilingual {
  const member = MEMBER_BY_SURNAME.get(s.surname.toLowerCase());
  const zhName = member ? `${member.zh}（${member.name}）` : s.surname;
  if (!s.role) return { zh: zhName, en: member ? member.name : s.surname };
  return { zh: `${s.role.zh}${zhName}`, en: `${s.role.en} ${s.surname}` };
}

const FOMC: Bilingual = { zh: 'FOMC', en: 'the FOMC' };
const BOARD: Bilingual = { zh: '美联储理事会', en: 'the Federal Reserve Board' };
const FEDERAL_RESERVE: Bilingual = { zh: '美联储', en: 'the Federal Reserve' };
const MINUTES: Bilingual = { zh: 'FOMC会议纪要', en: 'the FOMC minutes' };
const SEP: Bilingual = { zh: 'FOMC经济预测摘要', en: 'the Summary of Economic Projections' };
/** A speech whose title names no one is still one official's view, never the Board's. */
const UNNAMED_OFFICIAL: Bilingual = { zh: '美联储官员', en: 'a Federal Reserve official' };

/** Quantifiers of "participants"/"members" in the minutes (a phrase before any phrase it starts with), with their Chinese. */
const QUANTIFIERS: ReadonlyArray<[string, string]> = [
  ['almost all', '几乎所有'],
  ['nearly all', '几乎所有'],
  ['virtually all', '几乎所有'],
  ['all', '所有'],
  ['the vast majority of', '绝大多数'],
  ['a vast majority of', '绝大多数'],
  ['a substantial majority of', '大多数'],
  ['a large majority of', '大多数'],
  ['a majority of', '多数'],
  ['the majority of', '多数'],
  ['most', '多数'],
  ['many other', '另有许多'],
  ['many', '许多'],
  ['several other', '另有几位'],
  ['several', '几位'],
  ['some other', '另有一些'],
  ['some', '一些'],
  ['a number of', '若干'],
  ['various', '多位'],
  ['a few other', '另有少数'],
  ['a few', '少数'],
  ['a couple of', '两位'],
  ['a minority of', '少数'],
  ['other', '其他'],
  ['one', '一位'],
  ['two', '两位'],
  ['three', '三位'],
  ['four', '四位'],
  ['five', '五位'],
  ['six', '六位'],
  ['seven', '七位'],
  ['eight', '八位'],
  ['nine', '九位'],
  ['ten', '十位'],
  ['eleven', '十一位'],
  ['twelve', '十二位'],
];
const QUANTIFIER_ZH = new Map(QUANTIFIERS);
/** Back-references: the sentence alone does not say who "these participants" are, so the minutes are named instead. */
const ANAPHORIC = /^(?:these|those|such|the)$/i;

const GROUP = new RegExp(
  [
    `\\b(?<quant>(?:${QUANTIFIERS.map(([q]) => q.replace(/ /g, '\\s+')).join('|')}|these|those|such|the)\\s+)?(?<noun>participants|participant|members|member)\\b`,
    `\\b(?<committee>the\\s+Committee|the\\s+Federal\\s+Open\\s+Market\\s+Committee)\\b`,
    `\\b(?<staff>(?:the\\s+)?[Ss]taff)\\b`,
    `\\b(?<manager>the\\s+(?:deputy\\s+)?manager)\\b`,
    `\\b(?<desk>the\\s+Desk)\\b`,
    `\\b(?<board>the\\s+Board(?:\\s+of\\s+Governors(?:\\s+of\\s+the\\s+Federal\\s+Reserve\\s+System)?)?)\\b`,
  ].join('|'),
  'gi',
);

/** Words before a group that make it an object or another group ("market participants", "meeting of the Committee"). */
const NOT_SUBJECT_BEFORE = /\b(?:market|survey|of|by|with|to|for|from|among|at|in|on|between|than|and|or|other|FOMC|Committee|Reserve|Board)\s+$/i;
/** A verb that reports a clause ("suggested that", "saw whether"): a subject after it is not the sentence's. */
const REPORTED_CLAUSE = /\b(?:[a-z]{2,}ed|said|saw|thought|felt|agree|note|judge|expect|see|view)\s+(?:that|whether|if)\b/i;
/** Adverbs allowed between a subject and its verb. */
const ADVERB = /^(?:[a-z]+ly|also|then|next|further|again|still|too|however|therefore)$/;
/** Finite verbs that do not end in -ed. */
const IRREGULAR_VERB = new Set(
  'saw see will would could should might may can must were was are is had have did thought felt made took gave held found said met sought foresaw spoke led put set kept expect agree note view judge anticipate remain continue'.split(' '),
);
/** Present-tense verbs of a singular subject ("the Committee seeks"); a list, because "staff models" ends in -s too. */
const PRESENT_VERB = new Set('seeks judges expects directs intends remains authorizes decides notes views anticipates continues sees agrees recognizes reaffirms affirms believes considers assesses stands'.split(' '));
/** What a group subject does in the minutes that is a way of saying something, with its Chinese. */
const REPORTING_VERBS: Record<string, Bilingual> = {
  noted: { en: 'noted', zh: '指出' },
  observed: { en: 'observed', zh: '指出' },
  remarked: { en: 'remarked', zh: '表示' },
  commented: { en: 'commented', zh: '表示' },
  mentioned: { en: 'mentioned', zh: '提到' },
  pointed: { en: 'pointed out', zh: '指出' },
  stated: { en: 'stated', zh: '表示' },
  said: { en: 'said', zh: '表示' },
  indicated: { en: 'indicated', zh: '表示' },
  reported: { en: 'reported', zh: '报告' },
  emphasized: { en: 'emphasized', zh: '强调' },
  stressed: { en: 'stressed', zh: '强调' },
  underscored: { en: 'underscored', zh: '强调' },
  highlighted: { en: 'highlighted', zh: '强调' },
  judged: { en: 'judged', zh: '认为' },
  assessed: { en: 'assessed', zh: '认为' },
  expected: { en: 'expected', zh: '预计' },
  anticipated: { en: 'anticipated', zh: '预计' },
  agreed: { en: 'agreed', zh: '同意' },
  concurred: { en: 'concurred', zh: '同意' },
  reaffirmed: { en: 'reaffirmed', zh: '重申' },
  affirmed: { en: 'affirmed', zh: '确认' },
  suggested: { en: 'suggested', zh: '提出' },
  acknowledged: { en: 'acknowledged', zh: '承认' },
  recognized: { en: 'recognized', zh: '承认' },
  argued: { en: 'argued', zh: '主张' },
  cautioned: { en: 'cautioned', zh: '提醒' },
  warned: { en: 'warned', zh: '警告' },
};

interface Subject {
  who: Bilingual;
  verb?: Bilingual;
  /** What tells two subjects apart ("several participants" vs "a few participants"). */
  key: string;
  /** It opens the sentence or a clause of its own (after an introductory phrase and a comma, ", while", "; "). */
  main: boolean;
  /** It opens a clause of its own ("; ", ", while", ", and"), not a clause reported by the first subject. */
  coordinated: boolean;
  /** A back-reference whose antecedent is outside the sentence. */
  anaphoric: boolean;
}

const singularSubject = (g: Record<string, string | undefined>) => !!(g.committee || g.staff || g.manager || g.desk || g.board || /^(?:participant|member)$/i.test(g.noun ?? ''));

/** The finite verb right after a subject (adverbs skipped), or null when what follows is not a verb. */
function verbAfter(rest: string, singular: boolean): string | null {
  if (/^['’]s\b/.test(rest)) return null;
  const words = rest.match(/^[\s,]*([a-z]+)(?:[\s,]+([a-z]+))?(?:[\s,]+([a-z]+))?/);
  if (!words) return null;
  for (const w of words.slice(1)) {
    if (!w) return null;
    if (ADVERB.test(w)) continue;
    if (/[a-z]{2,}ed$/.test(w) || IRREGULAR_VERB.has(w) || (singular && PRESENT_VERB.has(w))) return w;
    return null;
  }
  return null;
}

function groupWho(g: Record<string, string | undefined>, text: string): Bilingual {
  const surface = text.replace(/\s+/g, ' ');
  if (g.committee) return { zh: '委员会', en: 'the Committee' };
  if (g.staff) return { zh: '工作人员', en: 'the staff' };
  if (g.manager) return /deputy/i.test(g.manager) ? { zh: 'SOMA副经理', en: 'the deputy manager of the SOMA' } : { zh: 'SOMA经理', en: 'the manager of the SOMA' };
  if (g.desk) return { zh: '公开市场交易台', en: 'the Open Market Desk' };
  if (g.board) return { zh: '美联储理事会', en: 'the Board of Governors' };
  const quant = g.quant?.trim().replace(/\s+/g, ' ').toLowerCase();
  const participants = /^participant/i.test(g.noun!);
  const noun = participants ? '与会者' : '委员';
  return { zh: quant ? `${QUANTIFIER_ZH.get(quant) ?? ''}${noun}` : participants ? '与会者' : '委员们', en: surface.charAt(0).toLowerCase() + surface.slice(1) };
}

/** Group subjects of an English sentence, in order. */
function englishSubjects(sentence: string): Subject[] {
  const out: Subject[] = [];
  for (const m of sentence.matchAll(GROUP)) {
    const g = m.groups as Record<string, string | undefined>;
    const before = sentence.slice(0, m.index);
    // "the staff" only as written in lower case mid-sentence or capitalised at the start; "the Board" is the Board only when capitalised.
    if (g.staff && /^[Ss]taff$/.test(g.staff) && before.trim() !== '') continue;
    if ((g.board || g.desk || g.committee) && !/[A-Z]/.test(m[0].slice(4))) continue;
    if (!g.quant && NOT_SUBJECT_BEFORE.test(before)) continue;
    const rest = sentence.slice(m.index! + m[0].length);
    const verb = verbAfter(rest, singularSubject(g));
    if (!verb) continue;
    const who = groupWho(g, m[0]);
    // "pointed to" is not a way of saying something; "pointed out" is.
    const reporting = verb === 'pointed' && !/^\W*(?:[a-z]+ly\W+|also\W+)?pointed out\b/.test(rest) ? undefined : REPORTING_VERBS[verb];
    out.push({
      who,
      key: who.en,
      ...(reporting ? { verb: reporting } : {}),
      // After an introductory phrase ("In their discussion of X, participants …"), not inside a reported clause ("… that, on balance, the Committee …").
      main: before.trim() === '' || (/[,;:]\s*$/.test(before) && !REPORTED_CLAUSE.test(before)),
      coordinated: /(?:;\s*(?:however,\s*)?|[,;]\s*(?:and|but|while|whereas|although|though)\s+|\b(?:while|whereas)\s+)$/i.test(before),
      anaphoric: !!g.quant && ANAPHORIC.test(g.quant.trim()) && !!g.noun,
    });
  }
  return out;
}

/** Chinese group subjects, longest first, with the English the minutes would use. */
const CHINESE_GROUPS: ReadonlyArray<[string, string]> = (
  [
    ['几乎所有与会者', 'almost all participants'],
    ['所有与会者', 'all participants'],
    ['绝大多数与会者', 'the vast majority of participants'],
    ['大多数与会者', 'most participants'],
    ['多数与会者', 'most participants'],
    ['许多与会者', 'many participants'],
    ['几位与会者', 'several participants'],
    ['一些与会者', 'some participants'],
    ['部分与会者', 'some participants'],
    ['若干与会者', 'a number of participants'],
    ['少数与会者', 'a few participants'],
    ['两位与会者', 'a couple of participants'],
    ['一位与会者', 'one participant'],
    ['其他与会者', 'other participants'],
    ['与会者', 'participants'],
    ['全体委员', 'all members'],
    ['所有委员', 'all members'],
    ['多数委员', 'most members'],
    ['委员会成员', 'members'],
    ['委员们', 'members'],
    ['联邦公开市场委员会', 'the Committee'],
    ['委员会', 'the Committee'],
    ['美联储工作人员', 'the staff'],
    ['工作人员', 'the staff'],
    ['公开市场交易台', 'the Open Market Desk'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

function chineseSubject(sentence: string): Subject | null {
  let best: { at: number; zh: string; en: string } | null = null;
  for (const [zh, en] of CHINESE_GROUPS) {
    const at = sentence.indexOf(zh);
    if (at >= 0 && (!best || at < best.at)) best = { at, zh, en };
  }
  return best ? { who: { zh: best.zh, en: best.en }, key: best.en, main: true, coordinated: true, anaphoric: false } : null;
}

/**
 * The one group a minutes sentence speaks for: the subject of its main clause, unless another group answers it
 * in a clause of its own ("many participants …, while a few participants …"). A subject inside a reported clause
 * ("… indicated that the Committee intended …") is not the sentence's.
 */
function sentenceSubject(sentence: string): Subject | null {
  if (hasChinese(sentence)) return chineseSubject(sentence);
  const subjects = englishSubjects(sentence);
  const first = subjects.find((s) => s.main);
  if (!first) return null;
  if (subjects.some((s) => s !== first && s.coordinated && !s.anaphoric && s.key !== first.key)) return null;
  return first;
}

/**
 * The group a quote of one or more minutes sentences speaks for: every sentence must have the same one ("these
 * participants" continues the group before it); otherwise — or when the first points back to a sentence not
 * quoted — the quote is the minutes' own account.
 */
function minutesSubject(quote: string): Subject | null {
  const sentences = hasChinese(quote) ? quote.split(/(?<=[。！？；])/).filter((x) => x.trim()) : sentencesOf(quote).map((s) => s.text);
  let subject: Subject | null = null;
  for (const [i, text] of sentences.entries()) {
    const s = sentenceSubject(text);
    if (!s || (s.anaphoric && i === 0)) return null;
    if (i === 0) subject = s;
    else if (!s.anaphoric && s.key !== subject!.key) return null;
  }
  return subject;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = MONTHS.join('|');
const MEETING_RANGE = new RegExp(`(${MONTH})\\s+(\\d{1,2})(?:\\s*[-–—]\\s*(?:(${MONTH})\\s+)?(\\d{1,2}))?,\\s*(\\d{4})`);
const CONTINUED_ON = new RegExp(`continued on (?:[A-Z][a-z]+day,\\s+)?(${MONTH})\\s+(\\d{1,2}),\\s*(\\d{4})`);
/** federalreserve.gov names a meeting's minutes page after the meeting's last day: fomcminutes20230322.htm. */
const MINUTES_PAGE = /fomcminutes(\d{4})(\d{2})(\d{2})\.htm/;

const iso = (y: string | number, monthName: string | number, d: string | number): IsoDate =>
  `${y}-${String(typeof monthName === 'number' ? monthName : MONTHS.indexOf(monthName) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The meeting a minutes document records, from its heading ("March 21—22, 2023"), its first lines or its page address. */
export function minutesMeeting(doc: Pick<AttributableDocument, 'title' | 'body' | 'url'>): { start: IsoDate; end: IsoDate } | undefined {
  const head = `${doc.title}\n${doc.body?.slice(0, 800) ?? ''}`;
  const page = doc.url ? MINUTES_PAGE.exec(doc.url) : null;
  const pageDate = page ? iso(page[1]!, Number(page[2]), page[3]!) : undefined;
  const m = MEETING_RANGE.exec(head);
  if (!m) return pageDate ? { start: pageDate, end: pageDate } : undefined;
  const start = iso(m[5]!, m[1]!, m[2]!);
  if (m[4]) return { start, end: iso(m[5]!, m[3] ?? m[1]!, m[4]) };
  // A heading naming one day: the meeting "continued on" the next, or the page is named after its last day.
  const continued = CONTINUED_ON.exec(head);
  if (continued) return { start, end: iso(continued[3]!, continued[1]!, continued[2]!) };
  const days = pageDate ? (Date.parse(pageDate) - Date.parse(start)) / 86_400_000 : 0;
  return { start, end: days > 0 && days <= 2 ? pageDate! : start };
}

/** Whether a sentence of a policy release names the Board or the Committee as the one acting. */
function releaseActor(sentence: string, fallback: Bilingual): Bilingual {
  const key = hasChinese(sentence) ? null : sentenceSubject(sentence)?.key;
  return key === 'the Committee' ? FOMC : key === 'the Board of Governors' ? BOARD : fallback;
}

/**
 * Who a sentence of a document speaks for. Statements and FOMC releases are the Committee's; implementation
 * notes and press releases the Federal Reserve's or the Board's (the Committee's when the sentence says so);
 * a minutes or SEP sentence belongs to its group subject ("several participants", "the staff", "the Committee"),
 * otherwise to the minutes themselves — never to "the FOMC"; a speech is its speaker's, named with the role
 * its title gives (or, when the title has none, its header).
 */
export function attribution(doc: AttributableDocument, sentence: string): Attribution {
  const kind = doc.kind;
  switch (kind) {
    case 'statement':
    case 'decision':
      return { who: FOMC, kind };
    case 'implementation_note':
      return { who: releaseActor(sentence, FEDERAL_RESERVE), kind };
    case 'press_release':
      return { who: releaseActor(sentence, BOARD), kind };
    case 'other':
      return { who: releaseActor(sentence, FOMC), kind };
    case 'minutes':
    case 'sep': {
      const subject = minutesSubject(sentence);
      const meeting = kind === 'minutes' ? minutesMeeting(doc) : undefined;
      return {
        who: subject?.who ?? (kind === 'minutes' ? MINUTES : SEP),
        kind,
        ...(subject?.verb ? { verb: subject.verb } : {}),
        ...(meeting ? { meeting } : {}),
      };
    }
    case 'speech': {
      const s = speakerOf(doc);
      if (!s) return { who: UNNAMED_OFFICIAL, kind };
      return { who: speakerWho(s), kind, speaker: s.surname, ...(s.role ? { role: s.role } : {}) };
    }
  }
}

// ---- sentences ----

/** A sentence of a text with its offsets (`text === source.slice(start, end)`). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Words after which a full stop never ends a sentence: titles before a name, "e.g.", "vs.". */
const ABBREVIATIONS = new Set('mr mrs ms dr st jr sr prof gen sen rep gov vs approx fig e.g i.e cf'.split(' '));
/** Abbreviations that end a sentence only when the next word starts one ("… in the U.S. The economy …"). */
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
const SENTENCE_STARTERS = new Set(
  'The This That These Those It Its We I In But And As Our My So Yet However For At On With While If When There They He She A An Over Since After Before Still Given Inflation'.split(' '),
);
/** Abbreviations that do not end a sentence before a number ("No. 5", "Sept. 17"). */
const BEFORE_NUMBER = new Set('no nos jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
/** A sentence end: . ! ? (closed by quotes or brackets), an optional footnote number, then space and a capital, digit or quote. */
const SENTENCE_END = /([.!?])(["'”’)\]]*)(\s+\d{1,2}(?=\s))?\s+(?=["'“‘(\[]?[\p{Lu}\d])/gu;

/** Whether the full stop closing `text` belongs to an abbreviation or initial rather than ending a sentence before `next`. */
function endsWithAbbreviation(text: string, next: string): boolean {
  const word = /(?:^|[\s(“"'])((?:\p{L}\.)*\p{L}+)\.$/u.exec(text)?.[1];
  if (!word) return false;
  const lower = word.toLowerCase();
  // Initials ("Jerome H. Powell") and titles ("Mr.") never end a sentence; "U.S." does before "The".
  if (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(lower)) return true;
  const nextWord = /^["'“‘(\[]?([\p{L}\d]+)/u.exec(next)?.[1] ?? '';
  if (DOTTED.test(word)) return !SENTENCE_STARTERS.has(nextWord);
  return BEFORE_NUMBER.has(lower) && /^\d/.test(nextWord);
}

/**
 * The sentences of an English text, each an exact slice of it: cut at . ! ? before a capital, digit or quote,
 * never after an abbreviation or initial ("U.S.", "Mr.", "H."), inside a number ("4.5 percent", "1/4") or at a
 * dash, and always at a line break. A footnote number after a full stop ("… today. 1 As …") belongs to neither
 * sentence; one closing a paragraph is left out.
 */
export function sentencesOf(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    const footnote = /[.!?]["'”’)\]]*(\s+\d{1,2})$/.exec(text.slice(s, e));
    if (footnote) e -= footnote[1]!.length;
    // A footnote number alone after the last sentence of a paragraph is no sentence.
    if (e > s && !/^\d{1,2}$/.test(text.slice(s, e))) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (const line of text.matchAll(/[^\n]+/g)) {
    const base = line.index!;
    const lineText = line[0];
    let from = 0;
    for (const m of lineText.matchAll(SENTENCE_END)) {
      const closeAt = m.index! + m[1]!.length + m[2]!.length;
      if (m[1] === '.' && !m[2] && !m[3] && endsWithAbbreviation(lineText.slice(from, m.index! + 1), lineText.slice(m.index! + m[0].length))) continue;
      push(base + from, base + closeAt);
      from = m.index! + m[0].length;
    }
    push(base + from, base + lineText.length);
  }
  return out;
}

// ---- the sentences that best match a query ----

/** A query's concepts, each as the token sequences of its alternatives. */
type ConceptTokens = string[][][];

function conceptTokens(concepts: readonly QueryConcept[]): ConceptTokens {
  return concepts
    .map((c) => {
      const seen = new Set<string>();
      return c.alternatives
        .map((alt) => (hasChinese(alt) ? [alt] : tokenize(alt)))
        .filter((toks) => toks.length > 0 && !seen.has(toks.join(' ')) && (seen.add(toks.join(' ')), true));
    })
    .filter((alts) => alts.length > 0);
}

/**
 * Several query texts analysed: an empty text or one with nothing to search for ("the of") is skipped while
 * another has words; any other bad input, or no words at all, throws InvalidQueryError.
 */
function analyzeQueries(queries: readonly string[]): QueryAnalysis[] {
  const out: QueryAnalysis[] = [];
  let wordless: unknown = null;
  for (const q of queries) {
    try {
      out.push(analyzeQuery(q));
    } catch (err) {
      if (!(err instanceof InvalidQueryError) || (err.code !== 'no_search_terms' && err.code !== 'empty_query')) throw err;
      wordless ??= err;
    }
  }
  if (!out.length) throw wordless;
  return out;
}

/** The concepts of all the analyses, each once, as token sequences. */
function conceptsOf(analyses: readonly QueryAnalysis[]): ConceptTokens {
  const seen = new Set<string>();
  return conceptTokens(analyses.flatMap((a) => a.concepts).filter((c) => !seen.has(c.alternatives.join('|')) && (seen.add(c.alternatives.join('|')), true)));
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== phrase[0]) continue;
    let at = i;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) {
      ok = false;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + PHRASE_GAP + 1); j++) {
        if (tokens[j] === phrase[k]) {
          at = j;
          ok = true;
          break;
        }
      }
    }
    if (ok) return true;
  }
  return false;
}

/** Per concept, the weight of its best alternative found in the tokens (longer phrases weigh more), or 0. */
function conceptHits(tokens: readonly string[], concepts: ConceptTokens): number[] {
  return concepts.map((alts) => {
    let best = 0;
    for (const phrase of alts) if (phrase.length > best && containsPhrase(tokens, phrase)) best = phrase.length;
    return best ? 1 + 0.5 * (best - 1) : 0;
  });
}

/** A quotable sentence starts and ends like one (not a line-wrapped fragment) and has a few words (not a heading, a date line or "Share"). */
const QUOTABLE = /^["'“‘(]?[\p{Lu}\d][\s\S]*[.!?]["'”’)\]]*$/u;
const MIN_QUOTE_WORDS = 6;
/** Two sentences are quoted together only while they stay this short. */
const MAX_PAIR_CHARS = 700;

export interface BestSentences extends SentenceSpan {
  /** Concepts of the query covered (phrases weigh more), a little less for long quotes. */
  score: number;
}

function pickSentences(passageText: string, concepts: ConceptTokens, max: number): BestSentences | null {
  if (!concepts.length) return null;
  const sentences = sentencesOf(passageText).filter((s) => QUOTABLE.test(s.text) && s.text.split(/\s+/).length >= MIN_QUOTE_WORDS);
  // The passage is tokenised once; each sentence takes the tokens inside it.
  const spans = tokenSpans(passageText);
  let at = 0;
  const hits = sentences.map((s) => {
    while (at < spans.length && spans[at]!.start < s.start) at++;
    const tokens: string[] = [];
    for (let k = at; k < spans.length && spans[k]!.end <= s.end; k++) tokens.push(spans[k]!.token);
    return conceptHits(tokens, concepts);
  });
  const scoreOf = (cover: number[], chars: number) => cover.reduce((a, b) => a + b, 0) - chars / 5000;
  let best: BestSentences | null = null;
  const offer = (start: number, end: number, cover: number[]) => {
    const score = scoreOf(cover, end - start);
    if (cover.some((c) => c > 0) && (!best || score > best.score)) best = { text: passageText.slice(start, end), start, end, score };
  };
  sentences.forEach((s, i) => {
    offer(s.start, s.end, hits[i]!);
    const next = sentences[i + 1];
    // Two sentences are quoted together only when nothing stands between them but space (no line break, no footnote number).
    if (max < 2 || !next || next.end - s.start > MAX_PAIR_CHARS || !/^[ \t]+$/.test(passageText.slice(s.end, next.start))) return;
    // A second sentence is worth quoting only when it adds a concept the first lacks.
    const pair = hits[i]!.map((c, k) => Math.max(c, hits[i + 1]![k]!));
    const added = pair.some((c, k) => c > 0 && hits[i]![k] === 0) && pair.some((c, k) => c > 0 && hits[i + 1]![k] === 0);
    if (added) offer(s.start, next.end, pair);
  });
  return best;
}

/**
 * The one sentence, or two consecutive sentences (`max` 2), of a passage that best match the query: the most
 * query concepts covered (Chinese words count through their English phrases), phrases weighing more than single
 * words, shorter quotes first among equals. The result is an exact slice of `passageText`; null when no
 * quotable sentence matches. `queryTerms` are query texts as a user types them ("缩表 准备金", "balance sheet").
 */
export function bestSentences(passageText: string, queryTerms: string | readonly string[], max = 2): BestSentences | null {
  return pickSentences(passageText, conceptsOf(analyzeQueries(typeof queryTerms === 'string' ? [queryTerms] : queryTerms)), max);
}

// ---- quotes for an answer ----

export interface Quote extends Attribution {
  documentId: string;
  title: string;
  url: string;
  date: IsoDate;
  publisher: string;
  /** Position of the passage within its document (0-based). */
  position: number;
  /** The quoted sentence(s), verbatim: a slice of `passage`, itself a slice of the document body. */
  quote: string;
  /** The whole passage the quote was cut from. */
  passage: string;
  score: number;
}

export interface QuoteOptions {
  /** Query texts, Chinese or English; a passage found by several of them ranks higher. */
  queries: string[];
  from?: IsoDate;
  to?: IsoDate;
  kinds?: DocumentKind[];
  /** Most quotes returned (default 5). */
  limit?: number;
  /** Most quotes from one document (default 1). */
  perDocument?: number;
  /** At most one quote per speaker. */
  diverseSpeakers?: boolean;
}

/** Passages searched per query for each quote asked for: enough to survive deduplication and the per-document limit. */
const CANDIDATES_PER_QUOTE = 6;
const MIN_CANDIDATES = 30;

function checkQuoteOptions(opts: QuoteOptions): void {
  if (!Array.isArray(opts.queries) || !opts.queries.length || opts.queries.every((q) => typeof q !== 'string' || !q.trim())) {
    throw new InvalidQueryError('empty_query', { en: 'No search text was given for quotes.', zh: '没有给出查找引文的搜索内容。' });
  }
  for (const [name, v] of [['limit', opts.limit], ['perDocument', opts.perDocument]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > MAX_LIMIT)) {
      throw new InvalidQueryError('bad_limit', { en: `${name} must be a whole number from 1 to ${MAX_LIMIT}.`, zh: `${name === 'limit' ? '引文数量' : '每份文件的引文数量'}必须是 1 到 ${MAX_LIMIT} 之间的整数。` });
    }
  }
}

/**
 * Quotes for a question: each query is searched (same index, filters and ranking as `searchPassages`), the
 * passages found are merged (a passage found by several queries adds up its scores, each relative to its query's
 * best), and each passage gives its best sentence(s) with their attribution. Document-kind authority is part of the
 * search score (statement > minutes > speech); `kinds` narrows the documents. Duplicate sentences (a statement
 * repeated in minutes) are quoted once, at most `perDocument` per document and, with `diverseSpeakers`, one per
 * speaker. Throws InvalidQueryError / InvalidDateError for bad input.
 */
export async function findQuotes(db: Database, opts: QuoteOptions): Promise<Quote[]> {
  checkQuoteOptions(opts);
  const limit = opts.limit ?? 5;
  const perDocument = opts.perDocument ?? 1;
  const searchOpts = checkOptions({
    limit: Math.min(MAX_LIMIT, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_QUOTE)),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
    ...(opts.kinds ? { kinds: opts.kinds } : {}),
  });
  const analyses = analyzeQueries(opts.queries);
  const concepts = conceptsOf(analyses);
  const index = await loadPassageIndex(db);
  const merged = new Map<string, { passage: PassageIndex['passages'][number]; score: number }>();
  for (const analysis of analyses) {
    const hits = index.search(analysis, searchOpts);
    const top = hits[0]?.score ?? 0;
    for (const h of hits) {
      const key = `${h.passage.documentId}#${h.passage.position}`;
      const cur = merged.get(key);
      const s = top > 0 ? h.score / top : 0;
      if (cur) cur.score += s;
      else merged.set(key, { passage: h.passage, score: s });
    }
  }
  const ranked = [...merged.values()].sort((a, b) => b.score - a.score);
  const out: Quote[] = [];
  const seenQuotes = new Set<string>();
  const perDoc = new Map<string, number>();
  const speakers = new Set<string>();
  for (const { passage: p, score } of ranked) {
    if (out.length >= limit) break;
    if ((perDoc.get(p.documentId) ?? 0) >= perDocument) continue;
    const doc = p.document;
    // A speech's speaker does not depend on the sentence: skip a speaker already quoted before cutting sentences.
    if (opts.diverseSpeakers && doc.kind === 'speech' && speakers.has(attribution(doc, '').speaker ?? '')) continue;
    const text = doc.body.slice(p.startOffset, p.endOffset);
    const best = pickSentences(text, concepts, 2);
    if (!best) continue;
    const normalised = best.text.replace(/\s+/g, ' ').toLowerCase();
    if (seenQuotes.has(normalised)) continue;
    const who = attribution(doc, best.text);
    seenQuotes.add(normalised);
    perDoc.set(p.documentId, (perDoc.get(p.documentId) ?? 0) + 1);
    if (who.speaker) speakers.add(who.speaker);
    out.push({
      documentId: doc.id,
      title: doc.title,
      url: doc.url,
      date: doc.date,
      publisher: doc.publisher,
      position: p.position,
      quote: best.text,
      passage: text,
      ...who,
      score: Math.round(score * 1000) / 1000,
    });
  }
  return out;
}

// ---- one line in the house style ----

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const zhDate = (d: IsoDate) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const enDate = (d: IsoDate) => `${Number(d.slice(8, 10))} ${MONTH_ABBR[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

function meetingLabel(m: { start: IsoDate; end: IsoDate }, lang: Lang): string {
  const [y1, m1, d1] = m.start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = m.end.split('-').map(Number) as [number, number, number];
  if (y1 === y2 && m1 === m2) return lang === 'zh' ? `${y1}年${m1}月` : `${MONTHS[m1 - 1]} ${y1}`;
  if (lang === 'zh') return y1 === y2 ? `${y1}年${m1}月${d1}日至${m2}月${d2}日` : `${zhDate(m.start)}至${zhDate(m.end)}`;
  return y1 === y2 ? `${MONTHS[m1 - 1]} ${d1}–${MONTHS[m2 - 1]} ${d2}, ${y1}` : `${MONTHS[m1 - 1]} ${d1}, ${y1}–${MONTHS[m2 - 1]} ${d2}, ${y2}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What kind of speech-page text it is: most are speeches; some are statements or testimony. */
function speechGenre(title: string): { zh: string; en: string } {
  if (/^Statement\b/i.test(title)) return { zh: '声明', en: ' in a statement' };
  if (/^Testimony\b/i.test(title)) return { zh: '证词', en: ' in testimony' };
  return { zh: '讲话', en: '' };
}

/**
 * One Markdown line quoting `q` with its attribution and citation marker, in Chinese (full-width punctuation) or
 * English. The quote itself stays as written (English, verbatim). Minutes are dated by the meeting they record
 * when known; a group subject with a reporting verb is named ("several participants noted: …").
 */
export function quoteLine(q: Quote, lang: Lang, citeMarker: string): string {
  const body = `“${q.quote}”`;
  const cite = citeMarker ? (lang === 'zh' ? citeMarker : ` ${citeMarker}`) : '';
  const zh = lang === 'zh';
  switch (q.kind) {
    case 'speech': {
      const genre = speechGenre(q.title);
      const who = q.speaker ? `美联储${q.who.zh}` : q.who.zh;
      return zh ? `${who}在${zhDate(q.date)}的${genre.zh}中说：${body}${cite}` : `${capitalise(q.who.en)} said${genre.en} on ${enDate(q.date)}: ${body}${cite}`;
    }
    case 'minutes':
    case 'sep': {
      const source =
        q.kind === 'sep'
          ? zh
            ? `${zhDate(q.date)}的FOMC经济预测摘要显示`
            : `According to the Summary of Economic Projections of ${enDate(q.date)}`
          : q.meeting
            ? zh
              ? `${meetingLabel(q.meeting, 'zh')}FOMC会议纪要显示`
              : `According to the minutes of the ${meetingLabel(q.meeting, 'en')} meeting`
            : zh
              ? `${zhDate(q.date)}的FOMC会议纪要显示`
              : `According to the FOMC minutes dated ${enDate(q.date)}`;
      const subject = q.verb ? (zh ? `，${q.who.zh}${q.verb.zh}` : `, ${q.who.en} ${q.verb.en}`) : '';
      return `${source}${subject}${zh ? '：' : ': '}${body}${cite}`;
    }
    case 'implementation_note':
      return zh ? `${q.who.zh}在${zhDate(q.date)}的政策执行说明中说：${body}${cite}` : `${capitalise(q.who.en)} said in the implementation note of ${enDate(q.date)}: ${body}${cite}`;
    case 'press_release':
      return zh ? `${q.who.zh}在${zhDate(q.date)}的新闻稿中说：${body}${cite}` : `${capitalise(q.who.en)} said in a press release on ${enDate(q.date)}: ${body}${cite}`;
    case 'other':
      return zh ? `${q.who.zh}在${zhDate(q.date)}发布的《${q.title}》中说：${body}${cite}` : `${capitalise(q.who.en)} said in “${q.title}” on ${enDate(q.date)}: ${body}${cite}`;
    default:
      return zh ? `${q.who.zh}在${zhDate(q.date)}的政策声明中说：${body}${cite}` : `${capitalise(q.who.en)} said in its statement of ${enDate(q.date)}: ${body}${cite}`;
  }
}
