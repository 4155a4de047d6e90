// Words around numbers: tokens for relevance (English stems, CJK bigrams, years), the sentence around a
// claim, and the operation a sentence asks for ("change", "percentage change", "average", "total", "ratio");
// dates written in a text, direction and comparison words, and the names of entities.
import type { EntityNames } from './types.ts';

const STOP = new Set(
  `a an the of in on at to from for by with and or as is are was were be been being what which who whom whose how
  much many did does do that this these those its it their there than then into over under per year years yr fy
  between during ended ending end as_of value amount amounts number numbers respectively also company company's
  group total's compared vs versus ie eg i e g s t d there here has have had will would should could may might
  our we us you your they them his her he she not no yes all any each both such same than only
  approximately about around nearly almost`.split(/\s+/),
);

/** Words that name an operation (they pick derivations, they do not pick cells). */
const OP_WORDS = new Set(
  `change changes changed difference differences increase increases increased decrease decreases decreased growth grow
  grew decline declined rise rose fall fell drop dropped gap spread percentage percent percentages rate average avg mean
  sum combined together altogether aggregate ratio proportion share portion fraction times multiple what`.split(/\s+/),
);

const CJK = /[\u3400-\u9fff]/;

function stem(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 4 && s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  return s.length > 7 ? s.slice(0, 7) : s;
}

/** Years named in a text: 2019, FY19 / FY2019 → 2019, 2018/2019 → both. */
export function yearsIn(text: string, expandRanges = false): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\d.$]|\d,)((?:19|20)\d{2})(?!\d|%|\.\d|,\d{3}(?!\d))/g)) out.add(m[1]!);
  // ranges "2017-2019", "2017–2019" (and "2017 to 2019" when asked): the years between too
  const range = expandRanges
    ? /(?<![\d.$])((?:19|20)\d{2})\s*(?:[-–~]|to|through|until|至|到)\s*((?:19|20)\d{2})(?!\d)/g
    : /(?<![\d.$])((?:19|20)\d{2})\s*[-–~]\s*((?:19|20)\d{2})(?!\d)/g;
  for (const m of text.matchAll(range)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    for (let y = a + 1; y < b && b - a <= 10; y++) out.add(String(y));
  }
  for (const m of text.matchAll(/\b(?:FY|fy|Fiscal|fiscal|F)\s?'?(\d{2})(?!\d)/g)) out.add(`20${m[1]}`);
  for (const m of text.matchAll(/(?<![\d.,$])((?:19|20)\d{2})\s*[\/-]\s*(\d{2})(?![\d%])/g)) {
    const a = Number(m[1]);
    const b = Number(m[1]!.slice(0, 2) + m[2]);
    if (b === a + 1) out.add(String(b));
  }
  return out;
}

/**
 * Content tokens of a text for relevance: lower-cased English stems without stop words, and CJK bigrams
 * (Chinese has no spaces; bigrams match 收益率 with 收益, 资产负债表 with 负债).
 */
export function contentTokens(text: string, keepOps = false): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  // tenors tell series apart where words do not: 10年期 / 10-year / 10Y → "10y", 3个月 / 3-month → "3m"
  if (/\d/.test(lower)) {
    for (const m of lower.matchAll(/(?<![\d.])(\d{1,2})\s*(?:-\s*)?(?:年期|年|years?\b|yrs?\b|y\b)/g)) out.add(`${m[1]}y`);
    for (const m of lower.matchAll(/(?<![\d.])(\d{1,2})\s*(?:-\s*)?(?:个月|月期|months?\b|mos?\b|m\b)/g)) out.add(`${m[1]}m`);
  }
  for (const m of lower.matchAll(/[a-z][a-z0-9&'-]*/g)) {
    for (const part of m[0].split(/[-']/)) {
      if (part.length < 2 || STOP.has(part)) continue;
      if (!keepOps && OP_WORDS.has(part)) continue;
      out.add(stem(part));
    }
  }
  for (const m of text.matchAll(/[\u3400-\u9fff]+/g)) {
    const run = m[0];
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Offsets of the sentence holding position `at` (sentences end at . ! ? 。！？; or a line break). */
export function sentenceAround(text: string, at: number): [number, number] {
  const isEnd = (i: number): boolean => {
    const c = text[i];
    if (c === '\n' || c === '。' || c === '！' || c === '？' || c === '!' || c === '?' || c === '；') return true;
    if (c === '.') {
      // not a decimal point, not an abbreviation like "U.S." / "e.g."
      const nextc = text[i + 1];
      return (nextc === undefined || /\s/.test(nextc)) && !/(?:\b[A-Za-z]|\bNo|\bvs|\bInc|\bCo|\bSt)$/.test(text.slice(Math.max(0, i - 4), i));
    }
    return false;
  };
  let s = at;
  while (s > 0 && !isEnd(s - 1)) s--;
  let e = at;
  while (e < text.length && !isEnd(e)) e++;
  return [s, Math.min(text.length, e + 1)];
}

export type Op = 'diff' | 'pct_change' | 'ratio' | 'sum' | 'average';

/**
 * The operations a context asks for, from its words; undefined when it names none (then every simple
 * derivation may explain a number).
 */
export function opsAsked(context: string): Set<Op> | undefined {
  const t = context.toLowerCase();
  const ops = new Set<Op>();
  const change =
    /\b(?:chang\w*|differ\w*|increas\w*|decreas\w*|grow\w*|grew|declin\w*|ris(?:e|es|ing)|rose|fall\w*|fell|drop\w*|gap|spread|higher|lower|more|less|variance|movement|delta|up|down|gain\w*|loss(?:es)?\b)/.test(
      t,
    ) || /变化|变动|增加|减少|上升|下降|增长|下跌|上涨|回落|回升|差|高出|低于|高于|升|降|涨|跌|增|减|收窄|扩大|缩/.test(context);
  const pct =
    /percent(?:age)?\s+(?:chang|increas|decreas|growth|declin|rise|drop|fall)|%\s*chang|growth\s+rate|rate\s+of\s+(?:chang|growth|increas|decreas)|percent(?:age)?\s+(?:of\s+)?(?:chang|growth)/.test(t) ||
    /增速|增幅|降幅|涨幅|跌幅|同比|环比|增长率|变化率|百分比变化/.test(context);
  const ratio =
    /\bratio\b|proportion|as a percent|percentage of|percent of|share of|\bportion\b|fraction|\btimes\b|multiple|\bof (?:the )?total\b|what percent|how many percent|\bper\b|margin|\bcover/.test(t) ||
    /占|比例|比率|倍|比重|之比/.test(context);
  const average = /\baverage|\bmean\b|\bavg\b/.test(t) || /平均|均值|均/.test(context);
  const sum = /\btotal|\bsum\b|combined|together|altogether|aggregate|\bin all\b|both/.test(t) || /合计|总计|共计|总和|累计|总额|一共|合共/.test(context);
  if (pct) ops.add('pct_change');
  if (change) {
    ops.add('diff');
    ops.add('pct_change');
  }
  if (ratio) ops.add('ratio');
  if (average) ops.add('average');
  if (sum) ops.add('sum');
  return ops.size > 0 ? ops : undefined;
}

/**
 * The noun phrases of a context, split at the words that join two items ("X as a percentage of Y",
 * "difference between X and Y", "X over Y"), each as content tokens: every item named may be an operand.
 */
export function phrases(context: string): Array<Set<string>> {
  const parts = context
    .toLowerCase()
    .split(
      /\b(?:as a (?:percentage|proportion|ratio|share|fraction) of|percentage of|proportion of|ratio of|out of|among|over|to|and|between|versus|vs\.?|compared (?:to|with)|relative to|divided by|against|from|for|in|of|by|with|than)\b|[,;:?()]|与|和|及|对|比|占|相对于|较/,
    );
  const out: Array<Set<string>> = [];
  for (const p of parts) {
    const t = contentTokens(p);
    if (t.size > 0) out.push(t);
  }
  return out;
}

/** The clause holding position `at` within its sentence (clauses end at ， , ； ; ： and 、). */
export function clauseAround(text: string, at: number): [number, number] {
  const [ss, se] = sentenceAround(text, at);
  const isSep = (i: number) => {
    const c = text[i];
    return c === '，' || c === '；' || c === ';' || c === '：' || (c === ',' && !/\d/.test(text[i + 1] ?? '')) || c === '、';
  };
  let s = at;
  while (s > ss && !isSep(s - 1)) s--;
  let e = at;
  while (e < se && !isSep(e)) e++;
  return [s, e];
}

// ---- dates written in a text -------------------------------------------------------------------------

/** A date, month, quarter or year written in a text, as the interval of days it names. */
export interface WrittenDate {
  text: string;
  start: number;
  end: number;
  from: string;
  to: string;
  /** How much it names: a day, a month, a quarter or a year. */
  grain: 'day' | 'month' | 'quarter' | 'year';
}

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const QUARTER_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number) => String(n).padStart(2, '0');
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function dayIso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Every date, month, quarter and year written in `text` (2023年10月19日, 2024年3月, 2024年第3季度, 2024年,
 * 2024-04-25, 2026-07, March 25, 2023, 25 March 2023, March 2023, Q3 2024, FY2023 and bare years). A day that
 * does not exist (2月30日) keeps its interval empty-looking (from > to never happens: it names that day anyway
 * and matches nothing). Spans in `skip` (numeric claims) are not dates.
 */
export function datesIn(text: string, skip: Array<[number, number]> = []): WrittenDate[] {
  const out: WrittenDate[] = [];
  const taken: Array<[number, number]> = [...skip];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (m: RegExpMatchArray, grain: WrittenDate['grain'], y: number, mo?: number, d?: number) => {
    const s = m.index!;
    const e = s + m[0].length;
    if (!free(s, e) || y < 1800 || y > 2199) return;
    let from: string;
    let to: string;
    if (grain === 'day') {
      if (!mo || mo < 1 || mo > 12 || !d || d < 1 || d > 31) return;
      from = to = dayIso(y, mo, d);
    } else if (grain === 'month') {
      if (!mo || mo < 1 || mo > 12) return;
      from = dayIso(y, mo, 1);
      to = dayIso(y, mo, lastDay(y, mo));
    } else if (grain === 'quarter') {
      const q = mo!;
      from = dayIso(y, q * 3 - 2, 1);
      to = dayIso(y, q * 3, lastDay(y, q * 3));
    } else {
      from = `${y}-01-01`;
      to = `${y}-12-31`;
    }
    taken.push([s, e]);
    out.push({ text: m[0], start: s, end: e, from, to, grain });
  };
  const month = (w: string) => MONTHS_EN.indexOf(w.slice(0, 3).toLowerCase()) + 1;
  for (const m of text.matchAll(/((?:18|19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g)) add(m, 'day', +m[1]!, +m[2]!, +m[3]!);
  for (const m of text.matchAll(/((?:18|19|20|21)\d{2})\s*年\s*(?:第\s*)?([一二三四1-4])\s*季度?/g)) add(m, 'quarter', +m[1]!, QUARTER_ZH[m[2]!]);
  for (const m of text.matchAll(/((?:18|19|20|21)\d{2})\s*年\s*(\d{1,2})\s*月(?!期)/g)) add(m, 'month', +m[1]!, +m[2]!);
  for (const m of text.matchAll(/(?<![\d.])((?:18|19|20|21)\d{2})\s*年(?!期|代|来|内|间|[0-9])/g)) add(m, 'year', +m[1]!);
  for (const m of text.matchAll(/(?<![\d.])((?:18|19|20|21)\d{2})-(\d{2})-(\d{2})(?!\d)/g)) add(m, 'day', +m[1]!, +m[2]!, +m[3]!);
  for (const m of text.matchAll(/(?<![\d.])((?:18|19|20|21)\d{2})\/(\d{1,2})\/(\d{1,2})(?!\d)/g)) add(m, 'day', +m[1]!, +m[2]!, +m[3]!);
  for (const m of text.matchAll(/(?<![\d.])((?:18|19|20|21)\d{2})-(0[1-9]|1[0-2])(?![\d-])/g)) add(m, 'month', +m[1]!, +m[2]!);
  for (const m of text.matchAll(new RegExp(String.raw`\b(${MONTH_RE})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:18|19|20|21)\d{2})(?!\d)`, 'g'))) add(m, 'day', +m[3]!, month(m[1]!), +m[2]!);
  for (const m of text.matchAll(new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_RE}),?\s+((?:18|19|20|21)\d{2})(?!\d)`, 'g'))) add(m, 'day', +m[3]!, month(m[2]!), +m[1]!);
  for (const m of text.matchAll(new RegExp(String.raw`\b(${MONTH_RE}),?\s+((?:18|19|20|21)\d{2})(?!\d)`, 'g'))) add(m, 'month', +m[2]!, month(m[1]!));
  for (const m of text.matchAll(/\bQ([1-4])\s*((?:18|19|20|21)\d{2})(?!\d)/g)) add(m, 'quarter', +m[2]!, +m[1]!);
  for (const m of text.matchAll(/(?<![\d.])((?:18|19|20|21)\d{2})\s*Q([1-4])\b/g)) add(m, 'quarter', +m[1]!, +m[2]!);
  for (const m of text.matchAll(/\b(?:FY|CY)\s?((?:19|20)\d{2})(?!\d)/g)) add(m, 'year', +m[1]!);
  // bare years: not a part of a larger number ("2,024", "2024.5", "$2024") nor a percent
  // ("1990年代" and "the 2020s" name a decade, not a year)
  for (const m of text.matchAll(/(?<![\d.,$#])((?:18|19|20|21)\d{2})(?![\d%]|\.\d|,\d{3}|\s*年代|'?s\b)/g)) add(m, 'year', +m[1]!);
  return out.sort((a, b) => a.start - b.start);
}

/** Every date interval written in a text (for evidence: a passage, a question). */
export function dateIntervals(text: string): Array<[string, string]> {
  return datesIn(text).map((d) => [d.from, d.to]);
}

// ---- direction and comparison words --------------------------------------------------------------------

export type Direction = 'up' | 'down';

const UP_ZH = '上升|上涨|增加|增长|升高|提高|提升|回升|走高|攀升|扩大|走阔|反弹|增|涨|升';
const DOWN_ZH = '下降|下跌|减少|下滑|回落|降低|走低|缩减|缩小|收窄|萎缩|缩水|下行|减|降|跌';
const UP_EN = 'rose|rise|rises|rising|risen|increased|increase|increases|increasing|grew|grow|grows|growing|grown|gained|gains?|climbed|climbs?|jumped|advanced|up|higher|widened';
const DOWN_EN = 'fell|fall|falls|falling|fallen|declined|declines?|declining|decreased|decreases?|decreasing|dropped|drops?|dropping|shrank|shrunk|shrinks?|slid|lost|down|lower|narrowed';

const DIR_RE = new RegExp(String.raw`(${UP_ZH})|(${DOWN_ZH})|\b(?:(${UP_EN})|(${DOWN_EN}))\b`, 'gi');
/** Words between a direction word and its number in the "by" form ("下降了约", "fell by about"). */
const BY_FILLER = /^\s*(?:了|约|大约|近|逾|达|高达|共|累计|合计|幅度?为?|幅?达|为|by|of|about|around|roughly|approximately|nearly|almost|some|a total of|an?|\s)*\s*$/i;
/** Words that make the number after a direction word its new level ("降至", "fell to"). */
const TO_WORD = /^\s*(?:了)?\s*(?:至|到|为|于|to\b|at\b)/i;

export interface DirectionWord {
  dir: Direction;
  start: number;
  end: number;
}

/** The direction words of a text (升/降/rose/fell …), with positions. */
export function directionWords(text: string): DirectionWord[] {
  const out: DirectionWord[] = [];
  for (const m of text.matchAll(DIR_RE)) {
    const w = m[0];
    const s = m.index!;
    // not a comparison ("higher than", "高于") nor a name part ("降息" is a policy move, not this number's sign)
    if (/^(?:higher|lower)$/i.test(w) && /^\s+than\b/i.test(text.slice(s + w.length))) continue;
    if (/^[升降增减涨跌]$/.test(w) && /^[于息准值序持]/.test(text.slice(s + 1))) continue;
    // both ways at once: 涨跌幅, 升降, 增减, ups and downs
    if (/^[升降增减涨跌落]$/.test(w) && (/^[升降增减涨跌落]/.test(text.slice(s + 1)) || /[升降增减涨跌]$/.test(text.slice(0, s)))) continue;
    // a rate of change names no direction ("增速", "增长率" may be negative)
    if (/^[率速]/.test(text.slice(s + w.length))) continue;
    if (/^(?:up|down)$/i.test(w) && /^\s*(?:to|until)\b/i.test(text.slice(s + w.length)) && !/\d/.test(text.slice(s + w.length, s + w.length + 4))) continue;
    // a capitalised word followed by another is part of a proper name ("Advanced Micro Devices"), not a direction
    if (/^[A-Z][a-z]/.test(w) && /^\s+[A-Z][a-z]/.test(text.slice(s + w.length))) continue;
    out.push({ dir: m[1] || m[3] ? 'up' : 'down', start: s, end: s + w.length });
  }
  return out;
}

/**
 * How a direction word binds a number that follows it: 'by' when only filler words stand between them
 * ("下降2.17万亿美元", "fell by 2%"), 'to' when the number is the new level ("降至", "fell to"), 'loose' when
 * other words stand between them in the same clause.
 */
export function directionBinding(between: string): 'by' | 'to' | 'loose' {
  if (TO_WORD.test(between)) return 'to';
  if (BY_FILLER.test(between)) return 'by';
  return 'loose';
}

/** Comparison words: the number before them is claimed higher / lower than the number after. */
const CMP_RE = /(高于|大于|多于|超过|超出|低于|小于|少于|不及|不到)|\b(higher than|greater than|more than|above|exceed(?:s|ed|ing)?|lower than|less than|smaller than|below)\b/gi;

export interface ComparisonWord {
  /** The side before the word is higher ('gt') or lower ('lt') than the side after. */
  op: 'gt' | 'lt';
  start: number;
  end: number;
}

export function comparisonWords(text: string): ComparisonWord[] {
  const out: ComparisonWord[] = [];
  for (const m of text.matchAll(CMP_RE)) {
    const w = m[0].toLowerCase();
    const gt = /高于|大于|多于|超过|超出|higher|greater|more|above|exceed/.test(w);
    out.push({ op: gt ? 'gt' : 'lt', start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

// ---- names of entities -----------------------------------------------------------------------------------


export interface EntityLexicon {
  /** name → ids; Latin names lower-cased unless case matters (short or all-caps names). */
  exact: Map<string, Set<string>>;
  folded: Map<string, Set<string>>;
  /** Longest name first; whether it starts / ends with a Latin letter or digit (then it must not touch one). */
  names: Array<{ name: string; folded: boolean; latinStart: boolean; latinEnd: boolean; ids: Set<string> }>;
}

/**
 * Compile names into a lexicon. Names of one character (and Latin names of one letter) are too ambiguous to
 * say what a clause is about and are left out; short all-caps names (tickers, GDP) match only in capitals.
 */
export function entityLexicon(entities: EntityNames[]): EntityLexicon {
  const exact = new Map<string, Set<string>>();
  const folded = new Map<string, Set<string>>();
  const put = (m: Map<string, Set<string>>, k: string, id: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(id);
  for (const e of entities) {
    for (const raw of e.names) {
      const n = raw.trim();
      if (!n) continue;
      const latin = !CJK.test(n);
      if (latin ? n.replace(/[^A-Za-z0-9]/g, '').length < 2 : n.length < 2) continue;
      // short names, all-caps names and capitalised single words ("Apple" is not "apple") match as written
      const caseMatters = latin && (n.length <= 4 || /^[A-Z0-9.&^-]+$/.test(n) || /^[A-Z][a-z]+$/.test(n));
      if (caseMatters || !latin) put(exact, n, e.id);
      else put(folded, n.toLowerCase(), e.id);
      // names with digits are masked as '#' in a verified text (their digits are not claims)
      if (/\d/.test(n) && n.length >= 3) put(caseMatters || !latin ? exact : folded, (latin && !caseMatters ? n.toLowerCase() : n).replace(/\d/g, '#'), e.id);
    }
  }
  const entry = (name: string, isFolded: boolean, ids: Set<string>) => ({ name, folded: isFolded, latinStart: /^[A-Za-z0-9]/.test(name), latinEnd: /[A-Za-z0-9]$/.test(name), ids });
  const names = [...[...exact].map(([name, ids]) => entry(name, false, ids)), ...[...folded].map(([name, ids]) => entry(name, true, ids))].sort((a, b) => b.name.length - a.name.length);
  return { exact, folded, names };
}

export interface EntityMention {
  start: number;
  end: number;
  ids: Set<string>;
}

/** Where `text` names an entity of the lexicon: longest names first, never overlapping. */
export function entityMentions(text: string, lex: EntityLexicon): EntityMention[] {
  const lower = text.toLowerCase();
  const out: EntityMention[] = [];
  const taken = new Uint8Array(text.length);
  // a Latin letter or digit (by char code: this runs for every name of the lexicon on every verified text)
  const wordChar = (i: number) => {
    const c = text.charCodeAt(i); // NaN outside the text
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  };
  for (const { name, folded, latinStart, latinEnd, ids } of lex.names) {
    const hay = folded ? lower : text;
    let at = hay.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      const okEdges = !(latinStart && wordChar(at - 1)) && !(latinEnd && wordChar(end));
      let free = true;
      for (let i = at; i < end && free; i++) if (taken[i]) free = false;
      if (okEdges && free) {
        taken.fill(1, at, end);
        out.push({ start: at, end, ids });
      }
      at = hay.indexOf(name, at + 1);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
