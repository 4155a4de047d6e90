// Numbers are rendered, not written. A model refers to the facts of its tool results by handle and the system
// writes the value, date or period in the answer's language, followed by the fact's [n] citation. This module is
// the one place the handle grammar lives: the instructions teach it (HANDLE_GRAMMAR_HELP), tool outputs show each
// fact's own placeholders (placeholdersFor), and renderHandles turns them into text.
//
//   {{F1}}               the value, formatted (6.75万亿美元 / $6.75 trillion; 1.5%), then its citation [n]
//   {{F1.abs}}           the magnitude (for "fell by …"), then its citation
//   {{F1.asOf}}          the date the fact is as of (2026年11月18日 / 2026-11-18)
//   {{F1.from}} {{F1.to}} the ends of the fact's period (a change, an average …)
//   {{F1.extra.<key>}}   a dated extra of the fact (peakDate, extremeDate, startDate …)
//   [D1]                 a document passage's citation (as before); [F1] alone cites a fact without its value
//   {{D1.quote}}         a quote of the research plan: the system writes who said it, when, the verbatim words and
//                        the citation (quoteLine), so the model never states an attribution itself
//
// An unknown handle or field is removed with the [未经核实]/[unverified] marker and counted as unsupported. A
// bracketed number the model typed ("[3]") is removed first: only the system's handle → [n] mapping cites.
// Who said a quote is checked too: a sentence that refers to a quote's handle and attributes words to someone
// ("the FOMC said", "据美联储") other than the quote's own speaker loses that attribution to the marker, and
// quoted words that are not verbatim in the cited passage are removed the same way.
import type { Fact } from '../../core/answer.ts';
import { formatValue, type Lang } from '../../core/format.ts';
import { quoteLine, type Quote } from '../../knowledge/quotes.ts';
import type { Ledger } from '../tools.ts';
import type { AnswerWriter } from '../writer.ts';

export const HANDLE_FIELDS = ['abs', 'asOf', 'from', 'to'] as const;

/** {{F1}}, {{F1.asOf}}, {{F1.extra.peakDate}}, {{ D2 }} … (any handle-looking placeholder, valid or not). */
const PLACEHOLDER = /\{\{\s*([A-Za-z]+\d*)((?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;
/** Citation lists of handles: [F1], [F1, D2], [F1][D2]. */
const HANDLE_CITES = /\s?\[((?:[FD]\d+)(?:\s*[,,、]\s*[FD]\d+)*)\]/g;
/** A citation the model typed itself: [3], [1, 2], [1–3], 【2】, [^1]. */
const TYPED_CITES = /\s?(?:\[\^?\s*\d+(?:\s*(?:[,,、]|[-–—~])\s*\d+)*\s*\]|【\s*\d+(?:\s*[,,、]\s*\d+)*\s*】)/g;

export const MARKER: Record<Lang, string> = { zh: '[未经核实]', en: '[unverified]' };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The placeholders a fact offers, for its tool result (so the model sees exactly what it may write). */
export function placeholdersFor(handle: string, f: Pick<Fact, 'period' | 'extra'>): Record<string, string> {
  const out: Record<string, string> = { value: `{{${handle}}}`, magnitude: `{{${handle}.abs}}`, as_of: `{{${handle}.asOf}}` };
  if (f.period) {
    out.from = `{{${handle}.from}}`;
    out.to = `{{${handle}.to}}`;
  }
  for (const [k, v] of Object.entries(f.extra ?? {})) if (typeof v === 'string' && ISO.test(v)) out[k] = `{{${handle}.extra.${k}}}`;
  return out;
}

/** The placeholder that renders a quote with its attribution. */
export function quotePlaceholder(handle: string): string {
  return `{{${handle}.quote}}`;
}

/** The rules of the grammar, for the model's instructions. */
export function handleGrammarHelp(lang: Lang): string {
  const ex = lang === 'zh' ? '"截至{{F1.asOf}}，美联储总资产为{{F1}}。" 或 "自{{F2.from}}以来减少了{{F2.abs}}。"' : '"As of {{F1.asOf}}, the Fed\'s total assets were {{F1}}." or "They fell by {{F2.abs}} since {{F2.from}}."';
  return [
    'Numbers are rendered, not written: never type a number that came from a tool. Write the fact\'s placeholder and the system writes the value with its citation:',
    '{{F1}} = the value with its unit and citation; {{F1.abs}} = its magnitude (for "fell by …"); {{F1.asOf}} = its date; {{F1.from}} / {{F1.to}} = the ends of its period; {{F1.extra.<key>}} = a dated extra such as peakDate.',
    `Each fact's tool result lists its own placeholders under "placeholders". Example: ${ex}`,
    'Do not write citation numbers like [1] yourself (they are removed); cite documents with their handle, like [D1]. An unknown handle or field is removed and shown as unverified.',
    'A quote from research_topic is written as its placeholder {{D1.quote}}: the system writes who said it, when, the verbatim words and the citation. Never name the speaker of a quote yourself and never retype or translate its words: an attribution that is not the quote\'s own speaker, or quoted words that are not verbatim, are removed and shown as unverified.',
  ].join('\n');
}

export interface RenderResult {
  text: string;
  /** Placeholders that named no fact or no field of it: removed with the marker. */
  unknown: string[];
  /** Citation numbers the model typed itself: removed. */
  typedCitations: number;
  /** Attributions of a quote to someone else and quoted words not in the passage: removed with the marker. */
  misquoted: Array<{ text: string; reason: string }>;
}

function citation(w: AnswerWriter, ledger: Ledger, handle: string): number[] {
  const f = ledger.facts.get(handle);
  if (f) return (f.source ? w.factWithSource(f.fact, { ...f.source, date: f.fact.asOf }) : w.fact(f.fact)).sourceIds;
  const d = ledger.docs.get(handle);
  if (d) return [w.document(d.doc).n];
  return [];
}

const cites = (ns: Iterable<number>) => [...new Set(ns)].sort((a, b) => a - b).map((n) => `[${n}]`).join('');

/**
 * The model's text with every placeholder rendered and every handle citation turned into [n] by the writer
 * (which registers the facts and documents cited); typed [n] citations and unknown placeholders removed.
 */
export function renderHandles(text: string, ledger: Ledger, w: AnswerWriter): RenderResult {
  const lang = w.lang;
  const unknown: string[] = [];
  let typedCitations = 0;
  const typed = text.replace(TYPED_CITES, () => {
    typedCitations++;
    return '';
  });
  const checked = checkQuotes(typed, ledger, lang);
  let out = checked.text.replace(PLACEHOLDER, (m, handle: string, path: string) => {
    const f = ledger.facts.get(handle);
    const fields = path ? path.slice(1).split('.') : [];
    const rendered = f ? renderField(f.fact, fields, lang, w) : undefined;
    if (rendered === undefined) {
      // a document handle in braces is still a citation of it
      if (!fields.length && ledger.docs.has(handle)) return cites(citation(w, ledger, handle));
      const q = ledger.docs.get(handle)?.quote;
      if (q && fields.length === 1 && fields[0] === 'quote') {
        // the quote's dates (its document's, its meeting's) are the system's words, not the model's claims
        w.vouchDate(q.date);
        if (q.meeting) w.vouchDate(q.meeting.start, q.meeting.end);
        return quoteLine(q, lang, cites(citation(w, ledger, handle)));
      }
      unknown.push(m);
      return MARKER[lang];
    }
    return rendered.cite ? `${rendered.text}${cites(citation(w, ledger, handle))}` : rendered.text;
  });
  out = out.replace(HANDLE_CITES, (_m, list: string) => cites(list.split(/\s*[,,、]\s*/).flatMap((h) => citation(w, ledger, h))));
  return { text: out, unknown, typedCitations, misquoted: checked.issues };
}

// ---- who said a quote

type SpeakerKind = 'body' | 'fed' | 'board' | 'role' | 'group';

/** Who may be said to speak: bodies, the institution, roles and groups (a name alone is not caught). */
const SPEAKER_EN = /\b(?:(?:the\s+)?(?:Federal\s+Open\s+Market\s+Committee|FOMC|Committee|Federal\s+Reserve\s+Board|Federal\s+Reserve|Fed|Board)|(?:Vice\s+Chair(?:\s+for\s+Supervision)?|Chair(?:man|woman)?|Governor|President)s?|(?:(?:Fed|Federal\s+Reserve|FOMC)\s+)?(?:officials?|policymakers?|participants?|members?|staff))\b/gi;
const SPEAKER_ZH = /联邦公开市场委员会|委员会|美联储|联储|理事会|副主席|主席|理事|官员|决策者|与会者|委员|工作人员/g;
/** Names of documents, not speakers ("the FOMC minutes", "美联储会议纪要", "minutes of the March meeting"). */
const DOCUMENT_NAMES = [
  /\b(?:the\s+)?(?:FOMC|Fed|Federal\s+Reserve|Committee)(?:['’]s)?\s+(?:minutes|(?:post-meeting\s+|policy\s+)?statement|meeting|implementation\s+note|press\s+release|Summary\s+of\s+Economic\s+Projections)\b/gi,
  /\b(?:the\s+)?minutes\s+of\s+the\s+(?:[\w,–-]+\s+){0,5}?(?:FOMC\s+)?meeting\b/gi,
  /(?:FOMC|美联储|联储|联邦公开市场委员会)(?:的)?(?:议息)?(?:会议纪要|纪要|会议|政策声明|声明|政策执行说明|新闻稿|经济预测摘要)/g,
];
const SAYS_EN = /^(?:['’]s)?\s*:|^(?:\s+[\w'’.-]+){0,4}?\s+(?:said|says|say|stated|states|noted|notes|note|warned|warns|judged|judge|argued|argues|believed|believe|expected|expect|indicated|indicates|emphasi[sz]ed|observed|remarked|saw|see|sees|agreed|agree|pointed\s+out|signal(?:l)?ed|wrote|writes|added|explained|acknowledged|stressed|cautioned|reported|concluded|suggested|commented|announced|declared|decided|told|thought|felt|viewed)\b/i;
const ACCORDING_EN = /\b(?:according\s+to|per|in\s+the\s+words\s+of)\s+$/i;
const SAYS_ZH = /^\s*[：:]|^[^，。；：！？,;:!?“”"\n]{0,10}?(?:表示|指出|认为|称|说|强调|警告|提到|提及|判断|预计|坦言|重申|写道|宣布|决定|注意到|提醒|看到|发现|一致|同意)/;
const ACCORDING_ZH = /(?:据|根据|按照|援引)\s*$/;
/** Quoted words in the model's text. */
const QUOTED = /“[^”]*”|"[^"\n]*"|「[^」]*」/g;

function speakerKind(m: string): SpeakerKind {
  const s = m.toLowerCase();
  if (/officials?|policymakers?|participants?|members?|staff|官员|决策者|与会者|委员(?!会)|工作人员/.test(s)) return 'group';
  if (/committee|fomc|委员会/.test(s)) return 'body';
  if (/board|理事会/.test(s)) return 'board';
  if (/chair|governor|president|主席|理事/.test(s)) return 'role';
  return 'fed';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Blank (with spaces, so offsets stay) every match of `re` in `text`. */
function blank(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

function speakersIn(text: string): Array<{ start: number; end: number; text: string; kind: SpeakerKind }> {
  const out: Array<{ start: number; end: number; text: string; kind: SpeakerKind }> = [];
  for (const re of [SPEAKER_EN, SPEAKER_ZH]) for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: speakerKind(m[0]) });
  return out;
}

/** What a quote's own attribution allows a sentence to call its speaker besides its exact words. */
function allowedKinds(q: Quote, namesSpeaker: boolean): Set<SpeakerKind> {
  if (q.kind === 'speech') return new Set<SpeakerKind>(namesSpeaker ? ['fed', 'role'] : ['fed']);
  let who = `${q.who.en} ${q.who.zh}`;
  for (const re of DOCUMENT_NAMES) who = blank(who, re);
  // a group of the minutes ("several participants") is named exactly or not at all
  const kinds = new Set(speakersIn(who).map((m) => m.kind).filter((k) => k !== 'group'));
  // a statement, implementation note or press release is issued by the Federal Reserve
  if (q.kind !== 'minutes' && q.kind !== 'sep') kinds.add('fed');
  return kinds;
}

function normaliseQuote(s: string): string {
  return s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Sentences that refer to a quote handle ([D1], {{D1}}, {{D1.quote}}): an attribution of words to a speaker other
 * than the quote's own (its exact words, or what its kind allows) and quoted words not found verbatim in the cited
 * passage are replaced by the marker. A sentence ending in a colon is read with the line after it ("The FOMC
 * said:\n- {{D1.quote}}").
 */
function checkQuotes(text: string, ledger: Ledger, lang: Lang): { text: string; issues: Array<{ text: string; reason: string }> } {
  const issues: Array<{ text: string; reason: string }> = [];
  if (![...ledger.docs.values()].some((d) => d.quote)) return { text, issues };
  // placeholders and quoted words are not the model's attributions
  const masked = blank(blank(text, PLACEHOLDER), QUOTED);
  const cuts: Array<{ start: number; end: number; text: string; reason: string }> = [];
  let start = 0;
  const sentences: Array<[number, number]> = [];
  for (const m of masked.matchAll(/[。！？!?]|\.(?=\s|$)|\n/g)) {
    const end = m.index + m[0].length;
    if (m[0] === '\n' && /[:：]\s*$/.test(text.slice(start, m.index))) continue;
    sentences.push([start, end]);
    start = end;
  }
  if (start < text.length) sentences.push([start, text.length]);
  for (const [s, e] of sentences) {
    const raw = text.slice(s, e);
    const quotes = [...raw.matchAll(/\[\s*(D\d+)\s*\]|\{\{\s*(D\d+)(?:\.quote)?\s*\}\}|\[((?:[FD]\d+)(?:\s*[,,、]\s*[FD]\d+)+)\]/g)]
      .flatMap((m) => (m[1] ?? m[2] ?? m[3]!).split(/\s*[,,、]\s*/))
      .map((h) => ledger.docs.get(h))
      .filter((d): d is NonNullable<typeof d> & { quote: Quote } => Boolean(d?.quote));
    if (!quotes.length) continue;
    let sentence = masked.slice(s, e);
    // a speech's speaker named by surname (Waller, 沃勒) may be given a role word ("Governor Waller", "沃勒理事")
    const speakerNames = quotes.flatMap(({ quote: q }) => (q.kind === 'speech' && q.speaker ? [q.speaker, q.who.zh.replace(/[（(].*$/, '').replace(/^(?:负责监管的副主席|副主席|主席|理事)/, '')] : [])).filter((x) => x.length >= 2);
    const namesSpeaker = speakerNames.some((n) => sentence.toLowerCase().includes(n.toLowerCase()));
    for (const name of [...quotes.flatMap(({ quote: q }) => [q.who.en.replace(/^the\s+/i, ''), q.who.zh]), ...speakerNames].filter((x) => x.length >= 2)) sentence = blank(sentence, new RegExp(escapeRe(name), 'gi'));
    for (const re of DOCUMENT_NAMES) sentence = blank(sentence, re);
    const allowed = new Set(quotes.flatMap(({ quote: q }) => [...allowedKinds(q, namesSpeaker)]));
    for (const m of speakersIn(sentence)) {
      if (allowed.has(m.kind)) continue;
      const after = sentence.slice(m.end);
      const before = sentence.slice(0, m.start);
      if (!(SAYS_EN.test(after) || ACCORDING_EN.test(before) || SAYS_ZH.test(after) || ACCORDING_ZH.test(before))) continue;
      const whom = quotes.map(({ handle, quote: q }) => `${handle} quotes ${q.who.en} (${q.kind}, ${q.date})`).join('; ');
      cuts.push({ start: s + m.start, end: s + m.end, text: m.text, reason: `attributed to "${m.text}", but ${whom}: write the quote's placeholder ({{${quotes[0]!.handle}.quote}}) and let the system say who said it` });
    }
    // quoted words must be the passage's own
    for (const m of raw.matchAll(QUOTED)) {
      const words = normaliseQuote(m[0].slice(1, -1));
      if (words.length < 12 || m[0].includes('{{')) continue;
      if (quotes.some(({ doc, quote: q }) => normaliseQuote(doc.quote ?? q.passage).includes(words))) continue;
      cuts.push({ start: s + m.index, end: s + m.index + m[0].length, text: m[0].slice(0, 80), reason: `quoted words not found verbatim in ${quotes.map((x) => x.handle).join(', ')}: write the quote's placeholder ({{${quotes[0]!.handle}.quote}}) instead of retyping or translating it` });
    }
  }
  let out = text;
  for (const c of cuts.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, c.start) + MARKER[lang] + out.slice(c.end);
    issues.push({ text: c.text, reason: c.reason });
  }
  return { text: out, issues: issues.reverse() };
}

function renderField(f: Fact, fields: string[], lang: Lang, w: AnswerWriter): { text: string; cite: boolean } | undefined {
  const [first, second, ...rest] = fields;
  if (rest.length) return undefined;
  if (first === undefined) return { text: formatValue(f.value, f.unit, lang), cite: true };
  if (second !== undefined && first !== 'extra') return undefined;
  switch (first) {
    case 'abs':
      return { text: formatValue(Math.abs(f.value), f.unit, lang), cite: true };
    case 'asOf':
      return { text: w.date(f.asOf), cite: false };
    case 'from':
      return f.period ? { text: w.date(f.period.from), cite: false } : undefined;
    case 'to':
      return f.period ? { text: w.date(f.period.to), cite: false } : undefined;
    case 'extra': {
      const v = second !== undefined ? f.extra?.[second] : undefined;
      return typeof v === 'string' && ISO.test(v) ? { text: w.date(v), cite: false } : undefined;
    }
    default:
      return undefined;
  }
}
