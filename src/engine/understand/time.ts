// Time expressions in questions, Chinese and English: exact dates, months, quarters, years, year-ends,
// relative windows (去年, 过去一年, 近三个月, last 3 months), "since" and "from … to …" ranges and the named
// policy periods (缩表期间 / QT, 疫情期间 …). Calendar words are resolved against `today`; trailing windows
// ("past year") are resolved later against the data's last observation.
import type { Bilingual, IsoDate } from '../../core/types.ts';
import { NAMED_PERIODS, type NamedPeriod } from '../../knowledge/periods.ts';

export type Precision = 'day' | 'month' | 'quarter' | 'year';

export type TimeSpec =
  | { kind: 'latest' }
  /**
   * A point: a day, or the end (or start) of a month, quarter or year. `relative` marks words such as 上个月 /
   * last month, which mean "the latest period" when the data has not reached the calendar month yet.
   */
  | { kind: 'point'; date: IsoDate; precision: Precision; from: IsoDate; to: IsoDate; label: Bilingual; relative?: boolean; future?: boolean }
  /** A closed or open range; `to` absent = up to the latest data. */
  | { kind: 'range'; from: IsoDate; to?: IsoDate; label: Bilingual; period?: NamedPeriod; since?: boolean }
  /** The last N months of data (resolved against the series' last observation); `days` when asked in weeks (52周). */
  | { kind: 'trailing'; months: number; label: Bilingual; days?: number }
  /**
   * A period anchored on events, resolved against the data when the question is executed (src/engine/execute/
   * anchors.ts): from `start` (an event's date, or a cycle's first move) to `end` (another event) or, without one,
   * to the end of a cycle or the latest data.
   */
  | { kind: 'event'; start: EventAnchor; end?: EventAnchor; label: Bilingual }
  /** N months before the series' last observation ("a year ago", "一年前", "去年同期"). */
  | { kind: 'ago'; months: number; label: Bilingual }
  /**
   * A date that does not exist (2023年2月29日, 2024-04-31, 2024年13月): never replaced by a year or the latest value;
   * the question is declined with `reason`.
   */
  | { kind: 'invalid'; text: string; reason: Bilingual; label: Bilingual };

/**
 * Events a period can be anchored on: the last hike or cut in the decision record, the start or end of QT2 (the
 * FOMC texts of src/knowledge/periods.ts), the latest hiking or cutting cycle, a series' first observation.
 */
export type EventAnchor = 'last_hike' | 'last_cut' | 'qt_start' | 'qt_end' | 'hike_cycle' | 'cut_cycle' | 'first_obs';

export const EVENT_LABELS: Record<EventAnchor, Bilingual> = {
  last_hike: { zh: '上次加息', en: 'the last hike' },
  last_cut: { zh: '上次降息', en: 'the last cut' },
  qt_start: { zh: '缩表开始', en: 'the start of QT' },
  qt_end: { zh: '缩表结束', en: 'the end of QT' },
  hike_cycle: { zh: '本轮加息周期', en: 'the latest hiking cycle' },
  cut_cycle: { zh: '本轮降息周期', en: 'the latest cutting cycle' },
  first_obs: { zh: '有数据以来', en: 'the first observation in the data' },
};

interface AnchorRule {
  re: RegExp;
  anchor: (m: RegExpExecArray) => EventAnchor | null;
  /** A point event needs a "since / from / until" word around it to be a period (上次加息是什么时候 is not one). */
  needsLink?: boolean;
}

const hikeOrCut = (w: string): EventAnchor | null => (/加息|hike|rais|increase|tighten|紧缩/i.test(w) ? 'last_hike' : /降息|cut|lower|reduc|eas|宽松/i.test(w) ? 'last_cut' : null);
const cycleOf = (w: string): EventAnchor | null => (/加息|hik|tighten|紧缩/i.test(w) ? 'hike_cycle' : /降息|cut|eas|宽松/i.test(w) ? 'cut_cycle' : null);

const ANCHOR_RULES: AnchorRule[] = [
  { re: /(?:自从|自|从)?\s*(?:缩表|QT2?|量化紧缩)\s*(?:结束|停止|终止)(?:以来|之后|后|至今)?/gi, anchor: () => 'qt_end', needsLink: true },
  { re: /(?:since|after|from)\s+(?:the\s+)?(?:end of (?:QT2?|the runoff|quantitative tightening|balance[- ]sheet runoff)|(?:QT2?|the runoff|runoff|quantitative tightening) (?:ended|stopped|was over))/gi, anchor: () => 'qt_end' },
  { re: /(?:自从|自|从)?\s*(?:缩表|QT2?)\s*(?:开始|启动)(?:以来|之后|后|至今)?/gi, anchor: () => 'qt_start', needsLink: true },
  { re: /(?:since|after|from)\s+(?:the\s+)?(?:start of QT2?|(?:QT2?|the runoff|runoff) (?:started|began))/gi, anchor: () => 'qt_start' },
  { re: /(?:自|从)?\s*(?:本轮|这轮|这一轮|当前|目前的?|最近一轮|最新一轮)\s*(加息|降息|紧缩|宽松)(?:周期)?(?:开始以来|以来|至今)?/g, anchor: (m) => cycleOf(m[1]!) },
  { re: /(?:(?:since|from) the (?:start|beginning) of\s+)?(?:this|the current|current|the latest|latest|the most recent|the last)\s+(hiking|tightening|cutting|easing|rate[- ]hik(?:e|ing)|rate[- ]cut(?:ting)?)\s+cycle/gi, anchor: (m) => cycleOf(m[1]!) },
  { re: /(?:自从|自|从)?\s*(?:上一?次|最近一次|最后一次|上回)\s*(加息|降息)(?:以来|之后|后|至今)?/g, anchor: (m) => hikeOrCut(m[1]!), needsLink: true },
  { re: /(?:since|after|from|between|to|until|through|and)\s+(?:the\s+)?(?:last|latest|most recent|previous)\s+(?:fed\s+|fomc\s+)?(?:rate\s+)?(hike|cut|increase|reduction)/gi, anchor: (m) => hikeOrCut(m[1]!) },
  { re: /上市以来|上市至今|自上市|有数据以来|有记录以来|since (?:its |the )?(?:ipo|listing|inception|launch)|since (?:it|they) (?:listed|went public)|since (?:the )?(?:first|earliest) (?:observation|data point|record)|since records began/gi, anchor: () => 'first_obs' },
];

export interface TimeMatch {
  spec: TimeSpec;
  start: number;
  end: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十 → 20, 12 → 12. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  if (text.length === 1 && text in CN_DIGITS) return CN_DIGITS[text]!;
  return null;
}

const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, a: 1, an: 1 };
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS_EN.findIndex((m) => m.startsWith(n)) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, lastDayOfMonth(ny, nm)));
}
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

function dayPoint(y: number, m: number, d: number): TimeSpec | null {
  if (!validDate(y, m, d)) return invalidDay(y, m, d);
  const date = iso(y, m, d);
  return { kind: 'point', date, precision: 'day', from: date, to: date, label: { zh: `${y}年${m}月${d}日`, en: date } };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function invalid(text: Bilingual, why: Bilingual): TimeSpec {
  return { kind: 'invalid', text: text.en, label: text, reason: { zh: `${text.zh}不存在(${why.zh})。`, en: `${text.en} does not exist (${why.en}).` } };
}

/** Why a year/month/day is not a date, or null when it is one (or is not a plausible date at all). */
function invalidDay(y: number, m: number, d: number): TimeSpec | null {
  if (y < 1800 || y > 2200) return null;
  const text = { zh: `${y}年${m}月${d}日`, en: `${y}-${pad(m)}-${pad(d)}` };
  if (m < 1 || m > 12) return invalid(text, { zh: `没有第${m}个月`, en: `there is no month ${m}` });
  if (d < 1) return invalid(text, { zh: `没有${d}日`, en: `there is no day ${d}` });
  const last = lastDayOfMonth(y, m);
  if (d <= last) return null;
  const en = `${MONTHS_EN[m - 1]![0]!.toUpperCase()}${MONTHS_EN[m - 1]!.slice(1)}`;
  if (m === 2 && d === 29) return invalid(text, { zh: `${y}年不是闰年`, en: `${y} is not a leap year` });
  return invalid(text, { zh: `${y}年${m}月没有${d}日`, en: `${en} ${y} has no day ${d}` });
}

/** A month and day with no year: invalid only when no year has it (2月30日, April 31); February 29 exists. */
function invalidMonthDay(m: number, d: number): TimeSpec | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const max = m === 2 ? 29 : lastDayOfMonth(2001, m);
  if (d <= max) return null;
  const en = `${MONTHS_EN[m - 1]![0]!.toUpperCase()}${MONTHS_EN[m - 1]!.slice(1)}`;
  return invalid({ zh: `${m}月${d}日`, en: `${en} ${d}` }, { zh: `${m}月没有${d}日`, en: `${en} has no day ${d}` });
}

function invalidMonth(y: number, m: number): TimeSpec | null {
  if (y < 1800 || y > 2200 || (m >= 1 && m <= 12)) return null;
  return invalid({ zh: `${y}年${m}月`, en: `month ${m} of ${y}` }, { zh: `没有第${m}个月`, en: `there is no month ${m}` });
}

function invalidQuarter(y: number, q: number): TimeSpec | null {
  if (y < 1800 || y > 2200 || (q >= 1 && q <= 4)) return null;
  return invalid({ zh: `${y}年第${q}季度`, en: `Q${q} ${y}` }, { zh: `没有第${q}季度`, en: `there is no quarter ${q}` });
}

/** The reason a question's date does not exist, or null when every date in it is a real one. */
export function invalidTime(matches: TimeMatch[]): Bilingual | null {
  for (const m of matches) if (m.spec.kind === 'invalid') return m.spec.reason;
  return null;
}

function monthSpan(y: number, m: number): { from: IsoDate; to: IsoDate } {
  return { from: iso(y, m, 1), to: iso(y, m, lastDayOfMonth(y, m)) };
}

function monthPoint(y: number, m: number): TimeSpec | null {
  if (!validDate(y, m, 1)) return invalidMonth(y, m);
  const span = monthSpan(y, m);
  return { kind: 'point', date: span.to, precision: 'month', ...span, label: { zh: `${y}年${m}月`, en: `${MONTHS_EN[m - 1]![0]!.toUpperCase()}${MONTHS_EN[m - 1]!.slice(1)} ${y}` } };
}

function quarterPoint(y: number, q: number): TimeSpec | null {
  if (q < 1 || q > 4 || y < 1800 || y > 2200) return invalidQuarter(y, q);
  const from = iso(y, q * 3 - 2, 1);
  const to = iso(y, q * 3, lastDayOfMonth(y, q * 3));
  return { kind: 'point', date: to, precision: 'quarter', from, to, label: { zh: `${y}年第${q}季度`, en: `Q${q} ${y}` } };
}

function yearPoint(y: number): TimeSpec | null {
  if (y < 1800 || y > 2200) return null;
  return { kind: 'point', date: iso(y, 12, 31), precision: 'year', from: iso(y, 1, 1), to: iso(y, 12, 31), label: { zh: `${y}年`, en: String(y) } };
}

function yearEnd(y: number): TimeSpec {
  const date = iso(y, 12, 31);
  return { kind: 'point', date, precision: 'day', from: date, to: date, label: { zh: `${y}年底`, en: `end of ${y}` } };
}

function yearStart(y: number): TimeSpec {
  const date = iso(y - 1, 12, 31);
  return { kind: 'point', date, precision: 'day', from: date, to: date, label: { zh: `${y}年初`, en: `start of ${y}` } };
}

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray, today: IsoDate) => TimeSpec | null;
}

const Y = '((?:19|20)\\d{2})';

/** Rules in priority order: longer, more specific forms first. Matches may not overlap. */
const RULES: Rule[] = [
  // ISO and slash dates
  { re: new RegExp(`${Y}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, 'g'), make: (m) => dayPoint(+m[1]!, +m[2]!, +m[3]!) },
  { re: new RegExp(`${Y}\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]`, 'g'), make: (m) => dayPoint(+m[1]!, +m[2]!, +m[3]!) },
  { re: new RegExp(`${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${Y}`, 'gi'), make: (m) => dayPoint(+m[3]!, monthIndex(m[1]!), +m[2]!) },
  { re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+${Y}`, 'gi'), make: (m) => dayPoint(+m[3]!, monthIndex(m[2]!), +m[1]!) },
  // a day and month without a year: only an impossible one is caught (2月30日, June 31); a possible one is left as before
  { re: /(?<![\d年.\-/])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, make: (m) => invalidMonthDay(+m[1]!, +m[2]!) },
  { re: new RegExp(`${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)`, 'gi'), make: (m) => invalidMonthDay(monthIndex(m[1]!), +m[2]!) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?!,?\\s*\\d)`, 'gi'), make: (m) => invalidMonthDay(monthIndex(m[2]!), +m[1]!) },
  // named days
  { re: new RegExp(`(?:christmas(?: day)?|圣诞节?)\\s*(?:of\\s*)?${Y}|${Y}\\s*年?\\s*(?:christmas(?: day)?|圣诞节?)`, 'gi'), make: (m) => dayPoint(+(m[1] ?? m[2])!, 12, 25) },
  { re: new RegExp(`(?:new year'?s day|元旦)\\s*${Y}|${Y}\\s*年?\\s*(?:new year'?s day|元旦)`, 'gi'), make: (m) => dayPoint(+(m[1] ?? m[2])!, 1, 1) },
  // year-ends and starts
  { re: new RegExp(`${Y}\\s*年\\s*(?:底|末|年底|年末)`, 'g'), make: (m) => yearEnd(+m[1]!) },
  { re: new RegExp(`(?:end|close) of\\s+${Y}|${Y}\\s+year[- ]end|year[- ]end\\s+${Y}`, 'gi'), make: (m) => yearEnd(+(m[1] ?? m[2] ?? m[3])!) },
  { re: new RegExp(`${Y}\\s*年\\s*初`, 'g'), make: (m) => yearStart(+m[1]!) },
  { re: new RegExp(`(?:start|beginning) of\\s+${Y}`, 'gi'), make: (m) => yearStart(+m[1]!) },
  { re: /(去年|前年|今年)\s*(?:底|末|年底|年末)/g, make: (m, t) => yearEnd(relYear(m[1]!, t)) },
  { re: /(去年|前年|今年)\s*初/g, make: (m, t) => yearStart(relYear(m[1]!, t)) },
  { re: /(?:the\s+)?end of (last|this) year/gi, make: (m, t) => yearEnd(Number(t.slice(0, 4)) - (m[1]!.toLowerCase() === 'last' ? 1 : 0)) },
  // quarters
  { re: new RegExp(`${Y}\\s*年\\s*(?:第\\s*)?([一二三四五六七八九1-9])\\s*季度`, 'g'), make: (m) => quarterPoint(+m[1]!, parseSmallNumber(m[2]!) ?? 0) },
  { re: new RegExp(`${Y}\\s*[Qq]([0-9])(?!\\d)|(?<![A-Za-z])[Qq]([0-9])\\s*${Y}`, 'g'), make: (m) => (m[1] ? quarterPoint(+m[1], +m[2]!) : quarterPoint(+m[4]!, +m[3]!)) },
  { re: new RegExp(`(first|second|third|fourth) quarter of\\s+${Y}`, 'gi'), make: (m) => quarterPoint(+m[2]!, ['first', 'second', 'third', 'fourth'].indexOf(m[1]!.toLowerCase()) + 1) },
  // months
  { re: new RegExp(`${Y}\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月(?!\\s*\\d)`, 'g'), make: (m) => monthPoint(+m[1]!, parseSmallNumber(m[2]!) ?? 0) },
  { re: new RegExp(`${MONTH_RE},?\\s+${Y}`, 'gi'), make: (m) => monthPoint(+m[2]!, monthIndex(m[1]!)) },
  { re: new RegExp(`${Y}-(\\d{2})(?![-\\d])`, 'g'), make: (m) => monthPoint(+m[1]!, +m[2]!) },
  // years
  { re: new RegExp(`${Y}\\s*年(?!\\s*期)(?!\\s*[0-9一二三四五六七八九十]+\\s*月)`, 'g'), make: (m) => yearPoint(+m[1]!) },
  { re: new RegExp(`(?:in|during|for|of|year)\\s+${Y}(?![-/\\d])`, 'gi'), make: (m) => yearPoint(+m[1]!) },
  { re: new RegExp(`FY\\s*${Y}`, 'gi'), make: (m) => yearPoint(+m[1]!) },
  // a bare year ("since 2020", "2020 high"), not an amount or a maturity
  { re: new RegExp(`(?<![\\d.,$-])${Y}(?![\\d%.,]|\\s*(?:年期|bp|bps|亿|万|points?)|-(?:year|yr))`, 'g'), make: (m) => yearPoint(+m[1]!) },
];

function relYear(word: string, today: IsoDate): number {
  const y = Number(today.slice(0, 4));
  return word === '去年' ? y - 1 : word === '前年' ? y - 2 : y;
}

interface TrailingRule {
  re: RegExp;
  months: (m: RegExpExecArray) => number | null;
}

const TRAILING: TrailingRule[] = [
  { re: /(?:过去|最近|近|前)\s*([0-9一二两三四五六七八九十]{1,3})\s*(年|个月|月|周|天|日|个季度|季度)/g, months: (m) => unitMonths(parseSmallNumber(m[1]!), m[2]!) },
  { re: /(?:过去|最近|近)\s*(一年|半年|一个月|一季度)/g, months: (m) => ({ 一年: 12, 半年: 6, 一个月: 1, 一季度: 3 })[m[1]!] ?? null },
  { re: /(?:over |in |during )?(?:the )?(?:past|last|previous|trailing)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(years?|months?|weeks?|days?|quarters?)/gi, months: (m) => unitMonths(EN_NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]), m[2]!) },
  // a bare "last year" / "last month" is a calendar period (below); "the past year", "over the last year" are windows
  { re: /(?:over |in |during )?(?:the )?(?:past|previous|trailing)\s+(year|month|quarter|week)\b/gi, months: (m) => unitMonths(1, m[1]!) },
  { re: /(?:over|in|during|for|within) (?:the )?last\s+(year|month|quarter|week)\b/gi, months: (m) => unitMonths(1, m[1]!) },
  { re: /\b(\d{1,2})[- ]?(?:month|year)s?\b(?= (?:change|return|performance|high|low|average|volatility))/gi, months: () => null },
];

function unitMonths(n: number | null, unit: string): number | null {
  if (n === null || n <= 0) return null;
  const u = unit.toLowerCase();
  if (u.startsWith('年') || u.startsWith('year')) return n * 12;
  if (u.includes('季') || u.startsWith('quarter')) return n * 3;
  if (u.includes('月') || u.startsWith('month')) return n;
  if (u.startsWith('周') || u.startsWith('week')) return n / 4.345;
  if (u.startsWith('天') || u.startsWith('日') || u.startsWith('day')) return n / 30.44;
  return null;
}

function trailingLabel(months: number): Bilingual {
  if (months >= 12 && months % 12 === 0) {
    const y = months / 12;
    return { zh: y === 1 ? '过去一年' : `过去${y}年`, en: y === 1 ? 'the past year' : `the past ${y} years` };
  }
  if (Number.isInteger(months)) return { zh: `过去${months}个月`, en: months === 1 ? 'the past month' : `the past ${months} months` };
  const days = Math.round(months * 30.44);
  return { zh: `过去${days}天`, en: `the past ${days} days` };
}

export interface ParsedTime {
  /** Every time expression found, in text order. */
  matches: TimeMatch[];
  /** The resolved overall time of the question. */
  spec: TimeSpec;
}

/**
 * Find the time the question asks about. Two points joined by 到/至/~/to/through/and (with 从/from/between)
 * make a range; 以来/since/起 after a point opens a range to the latest data.
 */
export function parseTime(question: string, today: IsoDate): ParsedTime {
  const matches: TimeMatch[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (spec: TimeSpec | null, start: number, end: number) => {
    if (!spec || !free(start, end)) return;
    taken.push([start, end]);
    matches.push({ spec, start, end });
  };

  // Periods anchored on events first (缩表结束以来, 本轮降息周期, 从上次加息到上次降息): they contain named-period words.
  for (const rule of ANCHOR_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(question); m; m = rule.re.exec(question)) {
      const anchor = rule.anchor(m);
      if (!anchor) continue;
      const text = m[0];
      const lead = text.length - text.trimStart().length;
      if (rule.needsLink) {
        const linked = /^\s*(?:自从|自|从)|(?:以来|之后|后|至今)$/.test(text) || /(?:since|from|after|between|到|至|和|与)\s*$/i.test(question.slice(Math.max(0, m.index - 10), m.index)) || /^\s*(?:到|至|to|until|and)/i.test(question.slice(m.index + text.length));
        if (!linked) continue;
      }
      add({ kind: 'event', start: anchor, label: anchorLabel(anchor, text.trim()) }, m.index + lead, m.index + text.length);
    }
  }
  // 52 weeks: the trailing 364 days (a 52-week high or low).
  {
    const re = /52\s*(?:周|个?星期)|fifty[- ]two[- ]weeks?|52[- ]?weeks?|52[- ]?wk/gi;
    for (let m = re.exec(question); m; m = re.exec(question)) add({ kind: 'trailing', months: 364 / 30.44, days: 364, label: { zh: '过去52周', en: 'the past 52 weeks' } }, m.index, m.index + m[0].length);
  }
  // Named periods (缩表期间, QT1 …): longest alias wins.
  const periodAliases = NAMED_PERIODS.flatMap((p) => p.aliases.map((a) => ({ p, a }))).sort((x, y) => y.a.length - x.a.length);
  const lower = question.toLowerCase();
  for (const { p, a } of periodAliases) {
    const al = a.toLowerCase();
    let idx = lower.indexOf(al);
    while (idx >= 0) {
      const before = lower[idx - 1] ?? ' ';
      const after = lower[idx + al.length] ?? ' ';
      const asciiWord = /^[a-z0-9 ]+$/.test(al);
      if (!asciiWord || (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after))) {
        // "疫情结束以来", "since the end of the pandemic": from the day after the period's last day, to the latest data
        const tail = /^\s*(?:结束|停止|终止)(?:以来|之后|后|至今)/.exec(question.slice(idx + al.length));
        const head = /(?:since|after) (?:the )?end of (?:the )?$/i.exec(question.slice(Math.max(0, idx - 24), idx));
        if (p.to && (tail || head)) {
          const from = addDays(p.to, 1);
          const start = head ? idx - head[0].length : idx;
          add({ kind: 'range', from, label: { zh: `${p.name.zh}结束以来`, en: `since the end of ${p.name.en}` }, since: true }, start, idx + al.length + (tail ? tail[0].length : 0));
        } else add({ kind: 'range', from: p.from, to: p.to, label: p.name, period: p }, idx, idx + al.length);
      }
      idx = lower.indexOf(al, idx + al.length);
    }
  }

  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(question); m; m = rule.re.exec(question)) add(rule.make(m, today), m.index, m.index + m[0].length);
  }
  for (const rule of TRAILING) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(question); m; m = rule.re.exec(question)) {
      const months = rule.months(m);
      if (months) add({ kind: 'trailing', months, label: trailingLabel(months) }, m.index, m.index + m[0].length);
    }
  }
  const AGO: Array<[RegExp, (m: RegExpExecArray) => number | null]> = [
    [/(?:一|1)\s*年前|去年同期|a year ago|one year ago|year[- ]ago/gi, () => 12],
    [/([0-9一二两三四五六七八九十]{1,3})\s*(年|个月)前/g, (m) => unitMonths(parseSmallNumber(m[1]!), m[2]!)],
    [/(\d{1,2}|one|two|three|six|twelve)\s+(years?|months?)\s+ago/gi, (m) => unitMonths(EN_NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]), m[2]!)],
  ];
  for (const [re, months] of AGO) {
    re.lastIndex = 0;
    for (let m = re.exec(question); m; m = re.exec(question)) {
      const n = months(m);
      if (n) add({ kind: 'ago', months: n, label: n % 12 === 0 ? { zh: `${n / 12}年前`, en: `${n / 12} year${n === 12 ? '' : 's'} ago` } : { zh: `${n}个月前`, en: `${n} months ago` } }, m.index, m.index + m[0].length);
    }
  }
  // Calendar words.
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  const words: Array<[RegExp, () => TimeSpec | null]> = [
    [/今年以来|年初至今|年内|year[- ]to[- ]date|\bytd\b|this year/gi, () => ({ kind: 'range', from: iso(y - 1, 12, 31), label: { zh: '今年以来', en: 'this year to date' }, since: true })],
    [/今年/g, () => ({ kind: 'range', from: iso(y - 1, 12, 31), label: { zh: '今年以来', en: 'this year to date' }, since: true })],
    [/去年|last year/gi, () => yearPoint(y - 1)],
    [/前年/g, () => yearPoint(y - 2)],
    [/上个月|上月|last month/gi, () => relative(monthPoint(mo === 1 ? y - 1 : y, mo === 1 ? 12 : mo - 1))],
    [/上个季度|上季度|last quarter/gi, () => relative(quarterPoint(mo <= 3 ? y - 1 : y, mo <= 3 ? 4 : Math.ceil(mo / 3) - 1))],
  ];
  for (const [re, make] of words) {
    re.lastIndex = 0;
    for (let m = re.exec(question); m; m = re.exec(question)) add(make(), m.index, m.index + m[0].length);
  }
  matches.sort((a, b) => a.start - b.start);
  // a calendar date after today is in the future: no record can say what held then
  for (const m of matches) if (m.spec.kind === 'point' && !m.spec.relative && m.spec.from > today) m.spec = { ...m.spec, future: true };
  return { matches, spec: combine(question, matches) };
}

function anchorLabel(anchor: EventAnchor, text: string): Bilingual {
  const l = EVENT_LABELS[anchor];
  const cycle = anchor === 'hike_cycle' || anchor === 'cut_cycle';
  if (anchor === 'first_obs') return { zh: /上市/.test(text) ? '上市以来(数据中的首个观测值起)' : '有数据以来', en: 'since the first observation in the data' };
  return cycle ? l : { zh: `${l.zh}以来`, en: `since ${l.en}` };
}

function relative(spec: TimeSpec | null): TimeSpec | null {
  return spec && spec.kind === 'point' ? { ...spec, relative: true } : spec;
}

function asRangeStart(s: TimeSpec): IsoDate | null {
  if (s.kind === 'point') return s.precision === 'day' ? s.date : s.from;
  if (s.kind === 'range') return s.from;
  return null;
}

function asRangeEnd(s: TimeSpec): IsoDate | null {
  if (s.kind === 'point') return s.precision === 'day' ? s.date : s.to;
  if (s.kind === 'range') return s.to ?? null;
  return null;
}

function combine(q: string, matches: TimeMatch[]): TimeSpec {
  if (matches.length === 0) return { kind: 'latest' };
  // A date that does not exist makes the whole question's time invalid: nothing may stand in for it.
  const bad = matches.find((m) => m.spec.kind === 'invalid');
  if (bad) return bad.spec;
  // "from A to B", "A到B", "between A and B"
  for (let i = 0; i + 1 < matches.length; i++) {
    const a = matches[i]!;
    const b = matches[i + 1]!;
    const between = q.slice(a.end, b.start);
    if (a.spec.kind === 'event' && b.spec.kind === 'event' && /^\s*(?:以来)?\s*(?:到|至|~|～|-|–|—|to|through|until|till|and)?\s*$/i.test(between)) {
      const la = EVENT_LABELS[a.spec.start];
      const lb = EVENT_LABELS[b.spec.start];
      return { kind: 'event', start: a.spec.start, end: b.spec.start, label: { zh: `从${la.zh}到${lb.zh}`, en: `from ${la.en} to ${lb.en}` } };
    }
    if (/^\s*(?:到|至|~|～|-|–|—|to|through|until|till|and)\s*$/i.test(between)) {
      const from = asRangeStart(a.spec);
      const to = asRangeEnd(b.spec);
      if (from && to && from <= to) {
        const la = 'label' in a.spec ? a.spec.label : { zh: from, en: from };
        const lb = 'label' in b.spec ? b.spec.label : { zh: to, en: to };
        return { kind: 'range', from, to, label: { zh: `${la.zh}至${lb.zh}`, en: `${la.en} to ${lb.en}` } };
      }
    }
  }
  const first = matches[0]!;
  // "A以来", "since A", "自A起", "A至今"
  const after = q.slice(first.end, first.end + 6);
  const before = q.slice(Math.max(0, first.start - 12), first.start);
  if (/^\s*(?:以来|至今|起|开始|到现在|到目前)/.test(after) || /(?:since|from)\s*$/i.test(before) || /自\s*$/.test(before)) {
    // "2022年以来" / "since 2022" starts from the last value of 2021 (the year-end anchor), like a YTD return.
    const from =
      first.spec.kind === 'point'
        ? first.spec.precision === 'day'
          ? first.spec.date
          : first.spec.precision === 'year'
            ? addDays(first.spec.from, -1)
            : first.spec.from
        : first.spec.kind === 'range'
          ? first.spec.from
          : null;
    if (from) {
      const l = 'label' in first.spec ? first.spec.label : { zh: from, en: from };
      return { kind: 'range', from, label: { zh: `${l.zh}以来`, en: `since ${l.en}` }, since: true };
    }
  }
  return first.spec;
}
