// Finding numeric claims in Chinese or English text and normalising them to base units.
//
// A claim is a number a reader would take as a statement about the world: 3.63%, 25个基点, $6.75 trillion,
// 350亿美元, −12.6, (12.6) in a table, 3.5倍. Not claims: years (2024, 2024年, FY2023), dates (2024-04-25,
// 2023年10月19日, 6月, March 2023), quarters (Q3), times (14:00), citation markers ([1]), list numbers,
// ordinals (1st, 第3), identifiers with letters (DGS10, T10Y2Y, 2s10s, 10Y), index names (S&P 500) and
// durations (3个月, 10-year, 10年期, 30 days).
import { FRACTION, UNPARSEABLE, ZH_NUM_CLASS, EN_UNITS, EN_WORD, normalise, parseEnNumber, parseZhNumeral, twoSigTolerance } from './numerals.ts';
import type { Claim, ClaimUnitKind, Lang } from './types.ts';

// ---- character normalisation (one UTF-16 unit in, one out, so offsets are kept) -------------------------

function normaliseChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 0x30); // ０-９
    else if (ch === '％') out += '%';
    else if (ch === '．') out += '.';
    else if (ch === '－' || ch === '﹣' || ch === '−') out += '-';
    else if (ch === '＄') out += '$';
    else if (ch === '￥') out += '¥';
    else if (ch === '（') out += '(';
    else if (ch === '）') out += ')';
    else if (ch === '［') out += '[';
    else if (ch === '］') out += ']';
    else if (ch === '\u00a0' || ch === '\u2009' || ch === '\u202f' || ch === '\u3000') out += ' ';
    else out += ch;
  }
  return out;
}

// ---- spans that hold no claims --------------------------------------------------------------------------

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** A day number that is not the start of a decimal or a percentage. */
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?(?![\d.,]\d|\d|\s*%|\s*(?:bps?|basis|pp|percent)\b)`;

const EXCLUDED: RegExp[] = [
  /https?:\/\/[^\s)\]>"']+/g, // URLs
  /\]\((?=[^)\s]*[\/:#])[^)\s]*\)/g, // markdown link targets (a URL or a path, not "(-0.01%)" after a citation)
  /\[\^?\s*\d+(?:\s*[,，、\-–]\s*\d+)*\s*\](?!\((?=[^)\s]*[\/:#])[^)\s]*\))/g, // citation markers [1], [1, 2], [1-3], [^1] (not link text)
  /【\s*\d+(?:\s*[,，、\-–]\s*\d+)*\s*】/g,
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g, // ISO dates
  /\b\d{4}\/\d{1,2}(?:\/\d{1,2})?\b/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d{4}\.\d{1,2}\.\d{1,2}\b/g,
  /\b(?:18|19|20)\d{2}\s*[-–\/]\s*(?:(?:18|19|20)\d{2}|\d{2})(?![\d.%])/g, // year ranges 2019-2020, 2018/19
  /\d{2,4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?/g, // 2023年10月19日, 2024年
  /(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?/g, // 6月, 10月19日 (not 个月)
  /(?<![\d.个])\d{1,2}\s*[日号](?![元])/g,
  new RegExp(String.raw`\b${MONTH}\s+${DAY}(?:,?\s+\d{4})?`, 'g'), // March 25, 2023
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+\d{4})?\b`, 'g'), // 25 March 2023
  new RegExp(String.raw`\b${MONTH},?\s+\d{4}\b`, 'g'), // March 2023
  /\b[1-4][QH]\s?\d{2,4}\b/g, // 3Q24, 1H2024
  /\b\d{4}\s?[QH][1-4]\b/g, // 2024Q3
  /\b(?:FY|CY)\s?'?\d{2,4}\b/gi, // FY2023, FY 23
  /'\d{2}\b/g, // '24
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // times
];

/** Words right before a number that make it part of a name or a label, not a claim. */
const NAME_BEFORE =
  /(?:S&P|S&amp;P|Russell|Nasdaq|NASDAQ|FTSE|DAX|CAC|Nikkei|CSI|Stoxx|STOXX|Fortune|Top|MSCI|Hang Seng|沪深|中证|上证|科创|深证|国证|创业板|Table|Figure|Fig\.|Chart|Section|Chapter|Appendix|Item|Note|Part|Exhibit|Step|Phase|Rule|Article|Page|page|No\.|Number|#|表|图|附录|注|第|步骤)\s*$/i;

/** Chinese and English words for a duration right after a number ("3个月", "10年期", "10-year", "30 days"). */
const DURATION_ZH = /^\s?(?:个)?(?:年期|年来|年内|年|个?月期|个?月|周|星期|天|日|个?交易日|个?季度|小时|分钟|秒)/;
const DURATION_EN =
  /^[\s-](?:years?|yrs?|months?|mos?|weeks?|wks?|days?|quarters?|qtrs?|hours?|hrs?|minutes?|mins?|seconds?|decades?)(?![A-Za-z])/i;

// ---- unit words ---------------------------------------------------------------------------------------

const SCALE_ZH: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, 千: 1e3 };
const SCALE_EN: Record<string, number> = {
  trillion: 1e12,
  billion: 1e9,
  million: 1e6,
  thousand: 1e3,
  tn: 1e12,
  bn: 1e9,
  bln: 1e9,
  mn: 1e6,
  mm: 1e6,
  mln: 1e6,
};
const SCALE_LETTER: Record<string, number> = { T: 1e12, t: 1e12, B: 1e9, b: 1e9, M: 1e6, m: 1e6, K: 1e3, k: 1e3 };

const CURRENCY_PREFIXES: Array<[string, string | 'yen']> = [
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['CN¥', 'CNY'],
  ['RMB', 'CNY'],
  ['USD', 'USD'],
  ['CNY', 'CNY'],
  ['EUR', 'EUR'],
  ['JPY', 'JPY'],
  ['HKD', 'HKD'],
  ['GBP', 'GBP'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['S$', 'SGD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'yen'],
];

const CURRENCY_SUFFIX_ZH: Array<[string, string]> = [
  ['美元', 'USD'],
  ['美金', 'USD'],
  ['人民币', 'CNY'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['韩元', 'KRW'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['英镑', 'GBP'],
  ['元', 'CNY'],
];
const CURRENCY_SUFFIX_EN =
  /^[\s-]?(US dollars|U\.S\. dollars|dollars?|USD|yuan|renminbi|RMB|CNY|euros?|EUR|yen|JPY|won|KRW|HKD|pounds|GBP)(?![A-Za-z])/i;
const CURRENCY_WORD: Record<string, string> = {
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  yuan: 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  yen: 'JPY',
  jpy: 'JPY',
  won: 'KRW',
  krw: 'KRW',
  hkd: 'HKD',
  pounds: 'GBP',
  gbp: 'GBP',
};

const COUNT_ZH = /^(?:人次|人|名|家|户|套|辆|只|次|笔|份|张|股|手|桶|吨|个(?![月基百交季]))/;
const COUNT_EN =
  /^\s(?:jobs?|people|persons?|workers?|employees|shares|contracts|households|homes|houses|units|barrels|tons|tonnes|vehicles|customers|users|accounts|banks|companies|firms|members)(?![A-Za-z])/i;

const QUALIFIER_BEFORE: Array<[RegExp, Claim['qualifier']]> = [
  [/(?:约为|大约|约|大概|左右|~|≈|about|around|approximately|approx\.?|roughly|some|circa|an estimated)\s*$/i, 'approx'],
  [/(?:超过|逾|超|多于|高于|不少于|至少|more than|over|above|exceeding|in excess of|at least|upwards of)\s*$/i, 'over'],
  [/(?:将近|接近|近|不到|不足|少于|低于|nearly|almost|close to|less than|under|below|just under|up to)\s*$/i, 'under'],
];
const QUALIFIER_AFTER: Array<[RegExp, Claim['qualifier']]> = [
  [/^\s*(?:左右|上下)/, 'approx'],
  [/^\s*(?:以上|多)/, 'over'],
  [/^\s*(?:以下|以内)/, 'under'],
];

// ---- helpers ------------------------------------------------------------------------------------------

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlnum = (c: string | undefined): boolean => isAsciiLetter(c) || isDigit(c) || c === '_';

function overlaps(spans: Array<[number, number]>, at: number): boolean {
  // spans are sorted by start; a linear scan is fine for texts of a few thousand words
  for (const [s, e] of spans) {
    if (s > at) return false;
    if (at < e) return true;
  }
  return false;
}

function excludedSpans(norm: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of EXCLUDED) {
    re.lastIndex = 0;
    for (const m of norm.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  return spans;
}

/** Start offsets of the lines of a text, for `lineBounds`. */
function lineStarts(norm: string): number[] {
  const starts = [0];
  for (let i = norm.indexOf('\n'); i !== -1; i = norm.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineBounds(norm: string, starts: number[], at: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  const e = lo + 1 < starts.length ? starts[lo + 1]! - 1 : norm.length;
  return [starts[lo]!, e];
}

function countDecimals(numeral: string): number {
  const dot = numeral.indexOf('.');
  return dot === -1 ? 0 : numeral.length - dot - 1;
}

function countSig(digits: string, approximate: boolean): number {
  const d = digits.replace(/[,.]/g, '').replace(/^0+/, '');
  if (d === '') return 1;
  if (approximate && !digits.includes('.')) return Math.max(1, d.replace(/0+$/, '').length);
  return d.length;
}

export interface ExtractOptions {
  lang?: Lang;
  /** Treat the whole text as one table cell: "(12.6)" is an accounting negative, bare years are kept out. */
  cell?: boolean;
}

interface UnitParse {
  kind: ClaimUnitKind;
  scale: number;
  currency?: string;
  end: number;
  multiple?: boolean;
}

/** Unit words right after a numeral ending at `e` (in `norm`). */
function parseUnit(norm: string, e: number, currencyBefore: string | undefined): UnitParse | 'duration' | 'identifier' {
  const rest = norm.slice(e, e + 40);
  let m: RegExpExecArray | null;
  if ((m = /^\s?%/.exec(rest))) return { kind: 'percent', scale: 1, end: e + m[0].length };
  if ((m = /^\s?‰/.exec(rest))) return { kind: 'percent', scale: 0.1, end: e + m[0].length }; // per mille
  if ((m = /^\s?(?:个)?百分点/.exec(rest))) return { kind: 'pp', scale: 1, end: e + m[0].length };
  if ((m = /^[\s-]?(?:percentage[\s-]points?|pct\.?\s?pts?\.?|ppts?|pp)(?![A-Za-z])/i.exec(rest)))
    return { kind: 'pp', scale: 1, end: e + m[0].length };
  if ((m = /^[\s-]?(?:percent|per\s?cent|pct)(?![A-Za-z])/i.exec(rest))) return { kind: 'percent', scale: 1, end: e + m[0].length };
  if ((m = /^\s?(?:个)?基点/.exec(rest))) return { kind: 'bp', scale: 0.01, end: e + m[0].length };
  if ((m = /^[\s-]?(?:basis[\s-]points?|bps?)(?![A-Za-z])/i.exec(rest))) return { kind: 'bp', scale: 0.01, end: e + m[0].length };
  if ((m = /^\s?倍/.exec(rest)) || (m = /^[xX](?![A-Za-z0-9])/.exec(rest)) || (m = /^\s(?:times)(?![A-Za-z])/.exec(rest)))
    return { kind: 'plain', scale: 1, end: e + m[0].length, multiple: true };

  // scale words, then currency words
  let scale = 1;
  let end = e;
  let scaled = false;
  if ((m = /^\s?(万亿|千亿|百亿|十亿|亿|千万|百万|万|千)/.exec(rest))) {
    scale = SCALE_ZH[m[1]!]!;
    end = e + m[0].length;
    scaled = true;
  } else if ((m = /^[\s-]?(trillion|billion|million|thousand|tn|bn|bln|mn|mm|mln)(?![A-Za-z])/i.exec(rest))) {
    scale = SCALE_EN[m[1]!.toLowerCase()]!;
    end = e + m[0].length;
    scaled = true;
  } else if ((currencyBefore && (m = /^\s?([TtBbMmKk])(?![A-Za-z])/.exec(rest))) || (m = /^([kK])(?![A-Za-z0-9-])/.exec(rest))) {
    scale = SCALE_LETTER[m[1]!]!;
    end = e + m[0].length;
    scaled = true;
  }
  const after = norm.slice(end, end + 30);
  let currency = currencyBefore;
  for (const [word, cur] of CURRENCY_SUFFIX_ZH) {
    const re = new RegExp(`^\\s?${word}`);
    const mm = re.exec(after);
    if (mm) {
      currency = cur;
      end += mm[0].length;
      break;
    }
  }
  if (currency === currencyBefore && (m = CURRENCY_SUFFIX_EN.exec(after))) {
    const cur = CURRENCY_WORD[m[1]!.toLowerCase()];
    if (cur) {
      currency = cur;
      end += m[0].length;
    }
  }
  if (currency) return { kind: 'money', scale, currency, end };
  const after2 = norm.slice(end, end + 30);
  if ((m = COUNT_ZH.exec(after2)) || (m = COUNT_EN.exec(after2))) {
    if (!scaled && DURATION_ZH.test(after2)) return 'duration';
    return { kind: 'count', scale, end: end + m[0].length };
  }
  if (scaled) return { kind: 'plain', scale, end };
  if (DURATION_ZH.test(rest) || DURATION_EN.test(rest)) return 'duration';
  if (isAsciiLetter(rest[0])) return 'identifier';
  return { kind: 'plain', scale: 1, end: e };
}

/** Find the currency written before a numeral starting at `s`; returns its start and ISO code. */
function currencyBefore(norm: string, s: number, lang: Lang): { start: number; currency: string } | undefined {
  let p = s;
  while (p > 0 && norm[p - 1] === ' ' && s - p < 2) p--;
  for (const [sym, cur] of CURRENCY_PREFIXES) {
    if (p >= sym.length && norm.slice(p - sym.length, p) === sym) {
      const before = norm[p - sym.length - 1];
      // a letter code (USD, RMB) must stand alone; a symbol may follow anything
      if (/^[A-Z]/.test(sym) && isAlnum(before)) continue;
      if (sym === '$' && isAsciiLetter(before)) continue; // A$, C$ handled above; "X$" is not ours
      return { start: p - sym.length, currency: cur === 'yen' ? (lang === 'zh' ? 'CNY' : 'JPY') : cur };
    }
  }
  return undefined;
}

// ---- digits ---------------------------------------------------------------------------------------------

const NUMERAL = new RegExp(
  [
    String.raw`\d*${FRACTION}\d+\u2044\d+`, // ¾, 2½ (normalised)
    String.raw`\d+\u2044\d+`, // 3⁄4 with a fraction slash
    String.raw`\d{1,3}(?:\.\d{3})+,\d+`, // 1.234.567,8
    String.raw`(?<![\d,.])\d{1,3},\d{1,2}(?![\d,])`, // 9,87 and 12,5: a decimal comma (a thousands group has three digits)
    String.raw`\d{1,3}(?:\.\d{3}){2,}(?![\d,])`, // 1.234.567
    String.raw`\d{1,3}(?: \d{3}){2,}(?:\.\d+)?(?![\d])`, // 1 234 567
    String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?`, // 1,234,567.8
    String.raw`\d+(?:\.\d+)?`,
  ].join('|'),
  'g',
);

interface ReadNumeral {
  n: number;
  /** The numeral in plain US form ("1234567.8"), for decimals and significant digits. */
  plain: string;
  fraction: boolean;
  pureFraction: boolean;
}

function readNumeral(numeral: string): ReadNumeral {
  if (numeral.includes('\u2044')) {
    const m = /^(\d*)\uE000?(\d+)\u2044(\d+)$/.exec(numeral);
    if (!m) return { n: NaN, plain: numeral, fraction: true, pureFraction: true };
    const whole = m[1] ? Number(m[1]) : 0;
    return { n: whole + Number(m[2]) / Number(m[3]), plain: numeral, fraction: true, pureFraction: !m[1] };
  }
  let plain: string;
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(numeral) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(numeral) || /^\d+,\d{1,2}$/.test(numeral)) plain = numeral.replace(/\./g, '').replace(',', '.');
  else plain = numeral.replace(/[ ,]/g, '');
  return { n: Number(plain), plain, fraction: false, pureFraction: false };
}

/** Scientific notation right after a numeral: "e12", "E+12", "×10^12", "x 10^12", "*10**12" (and ×10¹², normalised). */
const SCIENTIFIC = [/^[eE]([+-]?\d{1,3})(?![\d.A-Za-z])/, /^\s?[×xX*·]\s?10\s?(?:\^|\*\*)\s?\(?([+-]?\d{1,3})\)?(?![\d.])/];

function unparseableClaim(s: number, e: number): Claim {
  return { text: '', start: s, end: e, value: NaN, unitKind: 'plain', numeral: NaN, scale: 1, decimals: 0, sigDigits: 0, tolerance: 0, unparseable: true };
}

function qualifierAround(norm: string, start: number, end: number): Claim['qualifier'] {
  let qualifier: Claim['qualifier'];
  const before = norm.slice(Math.max(0, start - 16), start);
  for (const [re, q] of QUALIFIER_BEFORE) if (re.test(before)) qualifier ??= q;
  const afterText = norm.slice(end, end + 4);
  for (const [re, q] of QUALIFIER_AFTER) if (re.test(afterText)) qualifier ??= q;
  return qualifier;
}

function digitClaims(norm: string, spans: Array<[number, number]>, opts: ExtractOptions, lang: Lang, claims: Claim[]): void {
  const starts = lineStarts(norm);
  NUMERAL.lastIndex = 0;
  for (const m of norm.matchAll(NUMERAL)) {
    const s = m.index;
    const numeral = m[0];
    let e = s + numeral.length;
    const prev = norm[s - 1];
    const next = norm[e];

    if (overlaps(spans, s)) continue;
    // glued to letters or to another number: an identifier (DGS10, T10Y2Y, Q3, v1.2.3)
    if (isAlnum(prev) || prev === "'" || prev === '’' || (prev === '.' && (isAlnum(norm[s - 2]) || norm[s - 2] === '.'))) continue;
    if (next === '.' && isDigit(norm[e + 1])) continue;
    // a thousands-grouped numeral followed by more digits is not one we understand (1,23456): unsupported
    if (prev === ',' && isDigit(norm[s - 2]) && /^\d{3}/.test(numeral)) {
      claims.push(unparseableClaim(s, e));
      continue;
    }
    if ((prev === '-' || prev === '–' || prev === '+') && isAsciiLetter(norm[s - 2])) continue; // COVID-19, T-10, T+1
    if (next === '/' && isDigit(norm[e + 1])) {
      // "3/4 of", "1/3 of the banks": an ASCII fraction (a share); a bare 3/4 may be a date and is left alone
      const fm = /^\/(\d{1,3})(?![\d\/.])(\s+of\b)/.exec(norm.slice(e, e + 12));
      if (fm && /^\d{1,3}$/.test(numeral) && Number(fm[1]) > 0 && prev !== '/') {
        const v = (100 * Number(numeral)) / Number(fm[1]);
        claims.push({ text: '', start: s, end: e + fm[0].length, value: v, unitKind: 'percent', numeral: v, scale: 1, decimals: 2, sigDigits: 2, tolerance: twoSigTolerance(v) });
      }
      continue; // 1/1/19, 3/4
    }
    if (prev === '/' && isDigit(norm[s - 2])) continue;
    if (prev === '^' && /10\s?$/.test(norm.slice(Math.max(0, s - 4), s - 1))) continue; // an exponent, read with its mantissa
    if (NAME_BEFORE.test(norm.slice(Math.max(0, s - 14), s))) continue;

    const [lineStart, lineEnd] = lineBounds(norm, starts, s);
    const line = norm.slice(lineStart, lineEnd);
    const inTable = opts.cell === true || /^\s*\|/.test(line);

    // list numbers: "1. ", "2) ", "3、" at the start of a line, "(1)" outside tables
    const lead = norm.slice(lineStart, s);
    if (/^\d+$/.test(numeral) && /^[\s#>*+-]*$/.test(lead)) {
      if (/^[.)、:]\s|^[.)、]$|^、/.test(norm.slice(e, e + 2)) || (/^[.)]/.test(next ?? '') && e + 1 === lineEnd)) continue;
    }
    if (!inTable && prev === '(' && next === ')' && /^\d{1,2}$/.test(numeral)) continue;

    // sign, currency and accounting parenthesis before the numeral
    let start = s;
    let sign = 1;
    let currency: string | undefined;
    const signAt = (p: number): boolean =>
      (norm[p] === '-' || norm[p] === '+' || norm[p] === '–') && !isAlnum(norm[p - 1]) && norm[p - 1] !== ')' && norm[p - 1] !== '%';
    if (s > 0 && signAt(s - 1) && !(norm[s - 1] === '–' && norm[s - 2] !== ' ' && s - 1 !== 0)) {
      sign = norm[s - 1] === '+' ? 1 : -1;
      start = s - 1;
    }
    const cur = currencyBefore(norm, start, lang);
    if (cur) {
      currency = cur.currency;
      start = cur.start;
      if (sign === 1 && start > 0 && signAt(start - 1)) {
        sign = norm[start - 1] === '+' ? 1 : -1;
        start -= 1;
      }
    }
    let paren = false;
    {
      let p = start;
      while (p > 0 && norm[p - 1] === ' ') p--;
      if (norm[p - 1] === '(') {
        paren = true;
        if (inTable) start = p - 1;
      }
    }

    // scientific notation: the exponent is part of the numeral
    let exp = 0;
    for (const re of SCIENTIFIC) {
      const sm = re.exec(norm.slice(e, e + 24));
      if (sm) {
        exp = Number(sm[1]);
        e += sm[0].length;
        break;
      }
    }

    const unit = parseUnit(norm, e, currency);
    if (unit === 'duration' || unit === 'identifier') {
      if (exp !== 0) claims.push(unparseableClaim(start, e));
      continue;
    }
    // years: a bare 4-digit integer in range, no unit that makes it a quantity
    const intVal = /^\d{4}$/.test(numeral) ? Number(numeral) : NaN;
    if (exp === 0 && sign === 1 && start === s && intVal >= 1800 && intVal <= 2100 && unit.kind !== 'percent' && unit.kind !== 'bp' && unit.kind !== 'pp' && unit.scale === 1 && unit.kind !== 'money')
      continue;
    e = unit.end;
    // accounting negative: "(12.6)", "($5,625)", "(3.2%)" in a table
    if (paren) {
      let p = e;
      while (norm[p] === ' ') p++;
      if (norm[p] === ')') {
        if (inTable) {
          sign = -sign;
          e = p + 1;
        }
      }
    }

    const qualifier = qualifierAround(norm, start, e);
    const r = readNumeral(numeral);
    if (!Number.isFinite(r.n)) {
      claims.push(unparseableClaim(start, e));
      continue;
    }
    let kind = unit.kind;
    let scale = unit.scale * 10 ** exp;
    let n = r.n;
    let decimals = countDecimals(r.plain);
    let sigDigits = countSig(r.plain, qualifier !== undefined);
    let tolerance: number;
    if (r.fraction) {
      // ¾ alone is a share (75 %); 2½% is 2.5 %
      if (r.pureFraction && kind === 'plain' && scale === 1 && !unit.multiple) {
        kind = 'percent';
        n = 100 * n;
      }
      decimals = 2;
      sigDigits = 2;
      tolerance = twoSigTolerance(n) * scale;
    } else {
      // the last significant place: 10^-decimals, or coarser for "约1500亿" (trailing zeros not significant)
      let place = 10 ** -decimals;
      if (qualifier && decimals === 0) {
        const intDigits = r.plain.replace(/^0+/, '').length;
        place = 10 ** Math.max(0, intDigits - sigDigits);
      }
      tolerance = 0.5 * place * scale;
    }
    claims.push({
      text: '',
      start,
      end: e,
      value: sign * n * scale,
      unitKind: kind,
      ...(unit.currency ? { currency: unit.currency } : {}),
      numeral: sign * n,
      scale,
      decimals,
      sigDigits,
      tolerance,
      ...(qualifier ? { qualifier } : {}),
    });
  }
}

// ---- Chinese numerals -----------------------------------------------------------------------------------

const ZC = ZH_NUM_CLASS;
/** Words that contain numeral characters but state no quantity (一些, 统一, 之一, 十分 …), masked before reading numerals. */
const ZH_NOT_NUMBERS = [
  '一些', '一直', '一样', '一般', '一旦', '一起', '一定', '一下', '一步', '一致', '一方面', '一度', '一再', '一切', '一体', '一向', '一边',
  '一面', '一时', '一贯', '一系列', '一连', '一概', '一律', '一同', '一道', '一举', '一并', '一经', '一味', '一路', '一手', '一带', '一线',
  '一流', '一心', '一如', '一身', '一生', '一阵', '一刻', '一览', '一揽子', '一篮子', '一级', '二级', '三级', '一成不变', '一五一十', '一口气',
  '一环', '一旁', '一番', '一概', '一致', '一目了然', '一帆风顺', '一带一路', '一战', '二战', '一次性', '一手', '一体化', '一元化', '一定程度',
  '一季', '二季', '三季', '四季', '统一', '唯一', '之一', '同一', '每一', '任一', '某一', '单一', '划一', '不一', '逐一', '其一', '另一', '进一',
  '百货', '百姓', '百科', '百般', '千方百计', '千万别', '千万不', '千万要', '千万注意', '万物', '万能', '万众', '万事', '亿万', '三思', '再三',
  '四处', '四方', '三角', '八卦', '十足', '十字', '两岸', '两会', '两市', '两者', '两国', '两党', '两边', '两极', '两难', '两端', '两类', '两种',
  '三农', '数一数二', '三中全会', '五中全会', '四中全会', '十八大', '十九大', '二十大', '一方', '双方', '一点点',
  '一月份', '一个个', '一波三折', '三番五次', '七上八下', '乱七八糟', '四面八方', '五花八门', '九牛一毛',
];
const ZH_MASK = new RegExp(
  [
    ...ZH_NOT_NUMBERS.sort((a, b) => b.length - a.length),
    `(?<![${ZC}\\d])万一`,
    `(?<![${ZC}\\d])十分(?!之)`,
    `[上下这那每某同任哪其另此单唯统进之逐再又头]一|最近一`, // 上一次, 这一次, 每一次, 最近一次
    `第[${ZC}]+`, // ordinals 第一, 第三次
    `[${ZC}]+次方|平方|立方`, // powers: 四次方 is an exponent, not a count
    `(?:周|星期|礼拜)[一二三四五六日天]`,
    `一点(?![零〇一二三四五六七八九两])`,
  ].join('|'),
  'g',
);
const ZH_RUN = new RegExp(`(?<![\\d.])[负負]?[${ZC}]+(?:点[${ZC}]+)?`, 'g');
const ZH_FRACTION = new RegExp(`(?<![\\d.])([负負]?(?:[${ZC}]+|\\d+))分之([${ZC}]+(?:点[${ZC}]+)?|\\d+(?:\\.\\d+)?)`, 'g');
/** Words for a change or a share: 翻倍 = +100 %, 减半 = −50 %, 过半 = more than 50 %. */
const ZH_WORDS: Array<[RegExp, number, Claim['qualifier']?]> = [
  [/翻了?两番/g, 300],
  [/翻了?一?(?:倍|番)/g, 100],
  [/减半|腰斩/g, -50],
  [/过半/g, 50, 'over'],
  [/(?<![^\s\p{P}为是占约近超达了有的])一半/gu, 50],
  [/百分百/g, 100],
];
/** Half a point: 半个百分点 = 0.5 pp, 半个基点 = 0.005 pp. */
const ZH_HALF: Array<[RegExp, number, ClaimUnitKind]> = [
  [/(?<![一二三四五六七八九十两])半个百分点/g, 0.5, 'pp'],
  [/(?<![一二三四五六七八九十两])半个基点/g, 0.005, 'bp'],
];
/** A vague quantity (几十亿, 数千亿, 十几个) is a claim no fact can support. */
const ZH_VAGUE = new RegExp(`(?:几|数)(?:十|百|千|万|亿)+|[${ZC}]*[十百千万]几[${ZC}]*`, 'g');
/** Words before a lone numeral character that make it a quantity (为三, 降至五). */
const ZH_TRIGGER = /(?:为|是|达|至|约|共|仅|增加|减少|上升|下降|上涨|下跌|增长|提高|降低|升|降|涨|跌)\s?$/;
const ZH_DATE_AFTER = /^\s?(?:号|季|时|国集团|点(?![零〇一二三四五六七八九两\d])|岁|届|代|线|级|楼|层|号线)/;

function zhValue(s: string): { value: number; place: number; decimals: number } | undefined {
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    const decimals = countDecimals(s);
    return { value: Number(s), place: 10 ** -decimals, decimals };
  }
  return parseZhNumeral(s);
}

function sigFromPlace(value: number, place: number): number {
  if (value === 0 || !(place > 0)) return 1;
  return Math.max(1, Math.round(Math.log10(Math.abs(value) / place)) + 1);
}

function rangeContext(norm: string, s: number, e: number): boolean {
  const after = norm.slice(e, e + 4);
  const before = norm.slice(Math.max(0, s - 4), s);
  const numChar = `[\\d${ZC}]`;
  return (
    new RegExp(`^\\s?(?:-|–|~|～|至|到|或)\\s?[负\\d${ZC}]`).test(after) ||
    new RegExp(`${numChar}\\s?(?:-|–|~|～|至|到|或)\\s?$`).test(before) ||
    /^\s+(?:to|and|or)\s+/i.test(norm.slice(e, e + 6)) && /^\s+(?:to|and|or)\s+(?:\d|[a-z]+)/i.test(norm.slice(e, e + 20))
  );
}

function zhClaims(norm: string, spans: Array<[number, number]>, lang: Lang, claims: Claim[]): void {
  if (!/[\u3007\u3400-\u9fff]/.test(norm)) return;
  const masked = norm.replace(ZH_MASK, (w) => '\u25a1'.repeat(w.length));
  const push = (s: number, e: number, value: number, kind: ClaimUnitKind, tolerance: number, extra: Partial<Claim> = {}) => {
    const qualifier = extra.qualifier ?? qualifierAround(norm, s, e);
    claims.push({
      text: '',
      start: s,
      end: e,
      value,
      unitKind: kind,
      numeral: value,
      scale: 1,
      decimals: 2,
      sigDigits: 2,
      tolerance,
      ...extra,
      ...(qualifier ? { qualifier } : {}),
    });
  };
  // 百分之五, 千分之三, 三分之一
  for (const m of norm.matchAll(ZH_FRACTION)) {
    if (overlaps(spans, m.index)) continue;
    const sign = /^[负負]/.test(m[1]!) ? -1 : 1;
    const den = zhValue(m[1]!.replace(/^[负負]/, ''));
    const num = zhValue(m[2]!);
    const e = m.index + m[0].length;
    if (!den || !num || den.value === 0) {
      claims.push(unparseableClaim(m.index, e));
      continue;
    }
    const value = (sign * 100 * num.value) / den.value;
    const tolerance = den.value >= 10 ? (0.5 * num.place * 100) / den.value : twoSigTolerance(value);
    push(m.index, e, value, 'percent', tolerance, { numeral: value, decimals: num.decimals, sigDigits: sigFromPlace(num.value, num.place) });
  }
  for (const [re, v, q] of ZH_WORDS) {
    re.lastIndex = 0;
    for (const m of norm.matchAll(re)) {
      if (overlaps(spans, m.index)) continue;
      push(m.index, m.index + m[0].length, v, 'percent', twoSigTolerance(v), q ? { qualifier: q } : {});
    }
  }
  for (const [re, v, kind] of ZH_HALF) {
    re.lastIndex = 0;
    for (const m of norm.matchAll(re)) {
      if (overlaps(spans, m.index)) continue;
      push(m.index, m.index + m[0].length, v, kind, v / 10, { numeral: 0.5, scale: v / 0.5 });
    }
  }
  for (const m of masked.matchAll(ZH_VAGUE)) {
    if (overlaps(spans, m.index)) continue;
    const e = m.index + m[0].length;
    const unit = parseUnit(norm, e, undefined);
    if (unit === 'duration') continue;
    claims.push(unparseableClaim(m.index, unit === 'identifier' ? e : unit.end));
  }
  for (const m of masked.matchAll(ZH_RUN)) {
    const s = m.index;
    const run = m[0];
    let e = s + run.length;
    if (overlaps(spans, s)) continue;
    const body = run.replace(/^[负負]/, '');
    if (/^[十拾百佰千仟万萬亿億]+$/.test(body) && !/^[十百千]/.test(body)) continue; // 万, 亿万: no digit
    if (ZH_DATE_AFTER.test(norm.slice(e, e + 3))) continue;
    const parsed = parseZhNumeral(run);
    let kind: ClaimUnitKind;
    let unitScale = 1;
    let currency: string | undefined;
    let multiple = false;
    const cheng = /^成(?![为功本交立长员都就果绩效品熟型员分])/.exec(norm.slice(e, e + 2));
    if (cheng && parsed && parsed.value > 0 && parsed.value <= 10 && parsed.decimals === 0) {
      // 两成 = 20 %: tenths, claimed to half a tenth
      e += 1;
      push(s, e, parsed.value * 10, 'percent', 5, { numeral: parsed.value, scale: 10, decimals: 0, sigDigits: 1 });
      continue;
    }
    const cur = currencyBefore(norm, s, lang);
    const unit = parseUnit(norm, e, cur?.currency);
    if (unit === 'duration' || unit === 'identifier') continue;
    kind = unit.kind;
    unitScale = unit.scale;
    currency = unit.currency;
    multiple = unit.multiple === true;
    const bare = kind === 'plain' && unitScale === 1 && !multiple;
    const single = [...body].length === 1 || (parsed !== undefined && Math.abs(parsed.value) < 10 && parsed.decimals === 0 && !/[十百千万亿]/.test(body));
    // a lone 零 is mostly a word (零利率, 降至零附近), not a written figure
    // …unless it is the whole of a table cell ("| 总资产 | 十 |"): a cell states a figure
    const wholeCell = /\|\s*$/.test(norm.slice(Math.max(0, s - 4), s)) && /^\s*\|/.test(norm.slice(e, e + 4));
    if (single && bare && body === run && !wholeCell && (/^[零〇]$/.test(body) || (!rangeContext(norm, s, e) && !ZH_TRIGGER.test(norm.slice(Math.max(0, s - 3), s))))) continue;
    e = unit.end;
    const start = cur ? cur.start : s;
    if (!parsed) {
      claims.push(unparseableClaim(start, e));
      continue;
    }
    // 九万八千七百亿 → 98700 × 1e8: the trailing 万 / 亿 is the scale, like 98700亿
    let big = 1;
    const tail = /[万萬亿億]+$/.exec(body);
    if (tail && !body.includes('点')) for (const c of tail[0]) big *= c === '万' || c === '萬' ? 1e4 : 1e8;
    const value = parsed.value * unitScale;
    push(start, e, value, kind, 0.5 * parsed.place * unitScale, {
      numeral: parsed.value / big,
      scale: big * unitScale,
      decimals: parsed.decimals,
      sigDigits: sigFromPlace(parsed.value, parsed.place),
      ...(currency ? { currency } : {}),
    });
  }
}

// ---- English number words -------------------------------------------------------------------------------

const EN_DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const EN_BIG = '(?:hundred|thousand|million|billion|trillion)';
const EN_SEQ = new RegExp(
  String.raw`\b(?:a\s+(?=${EN_BIG}\b))?${EN_WORD}(?:(?:\s*-\s*|\s+|(?<=${EN_BIG})\s+and\s+)${EN_WORD}\b)*(?:\s+and\s+a\s+half)?(?:\s+point(?:\s+${EN_DIGIT_WORD}\b)+)?(?:\s+(?:thousand|million|billion|trillion))?\b`,
  'gi',
);
const EN_DEN: Record<string, number> = { half: 2, halves: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const EN_FRACTION = /\b(a|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b(\s+of\b)?/gi;
const EN_WORDS: Array<[RegExp, number, ClaimUnitKind, Claim['qualifier']?]> = [
  [/\b(?:doubled|doubling)\b/gi, 100, 'percent'],
  [/\b(?:tripled|trebled|tripling|trebling)\b/gi, 200, 'percent'],
  [/\b(?:quadrupled|quadrupling)\b/gi, 300, 'percent'],
  [/\b(?:halved|halving)\b/gi, -50, 'percent'],
  [/(?<!\b(?:first|second|latter|former|back|front|other|the)\s+)\bhalf\s+of\b/gi, 50, 'percent'],
  [/\b(?:more than|over) half\b/gi, 50, 'percent', 'over'],
  [/\btwice\b/gi, 2, 'plain'],
];
/** Vague quantities in words ("dozens of", "hundreds of billions"): claims no fact can support. */
const EN_VAGUE = /\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\s+of\b/gi;
const EN_COUNT_NOUN =
  /^[\s-](?:rate\s+|interest[\s-]rate\s+)?(?:hikes?|cuts?|increases?|decreases?|reductions?|moves?|meetings?|times|dissents?|dissenters|votes?|members?|banks?|companies|firms|stocks|series|quarters?\s+of|consecutive|straight|jobs?|people|workers?|employees|shares|contracts|households|homes|units|barrels|tons|tonnes|customers|users|accounts)\b/i;
const EN_TRIGGER = /\b(?:by|to|at|was|were|is|are|reached|hit|about|around|approximately|roughly|nearly|almost|over|than|just|only|totaled|totalled|equals?|of about)\s+$/i;

function enClaims(norm: string, spans: Array<[number, number]>, lang: Lang, claims: Claim[]): void {
  if (!/[a-z]/i.test(norm)) return;
  const simple = (s: number, e: number, value: number, kind: ClaimUnitKind, extra: Partial<Claim> = {}) => {
    const qualifier = extra.qualifier ?? qualifierAround(norm, s, e);
    claims.push({ text: '', start: s, end: e, value, unitKind: kind, numeral: value, scale: 1, decimals: 2, sigDigits: 2, tolerance: twoSigTolerance(value), ...extra, ...(qualifier ? { qualifier } : {}) });
  };
  for (const m of norm.matchAll(EN_FRACTION)) {
    if (overlaps(spans, m.index)) continue;
    const numW = m[1]!.toLowerCase();
    const denW = m[2]!.toLowerCase().replace(/s$/, '').replace(/^halve$/, 'half');
    // "a third round" is an ordinal, "three quarters" may be a duration: those need "of"
    if ((numW === 'a' || /^(?:quarter|half)/.test(denW)) && !m[3]) continue;
    const num = numW === 'a' ? 1 : EN_UNITS[numW]!;
    const den = EN_DEN[denW]!;
    simple(m.index, m.index + m[0].length, (100 * num) / den, 'percent');
  }
  for (const m of norm.matchAll(/\b(?:a\s+)?half(?:\s+a|\s+of\s+a)?[\s-]+(percentage[\s-]points?|percent(?:age)?\b|point\b)/gi)) {
    if (overlaps(spans, m.index)) continue;
    const pp = /point/i.test(m[1]!);
    simple(m.index, m.index + m[0].length, 0.5, pp ? 'pp' : 'percent', { tolerance: 0.05 });
  }
  for (const m of norm.matchAll(/\b(?:a|one)\s+dozen\b|\bdozen\b/gi)) {
    if (overlaps(spans, m.index)) continue;
    simple(m.index, m.index + m[0].length, 12, 'count', { tolerance: 0.5, decimals: 0 });
  }
  for (const [re, v, kind, q] of EN_WORDS) {
    re.lastIndex = 0;
    for (const m of norm.matchAll(re)) {
      if (overlaps(spans, m.index)) continue;
      simple(m.index, m.index + m[0].length, v, kind, q ? { qualifier: q } : {});
    }
  }
  for (const m of norm.matchAll(EN_VAGUE)) {
    if (overlaps(spans, m.index)) continue;
    claims.push(unparseableClaim(m.index, m.index + m[0].length - 3));
  }
  for (const m of norm.matchAll(EN_SEQ)) {
    const s = m.index;
    let e = s + m[0].length;
    if (overlaps(spans, s)) continue;
    const prev = norm[s - 1];
    if (prev === '-' && isAsciiLetter(norm[s - 2])) continue; // Catch-Twenty-two style names
    const words = m[0].split(/[\s-]+/);
    const parsed = parseEnNumber(words);
    const cur = currencyBefore(norm, s, lang);
    const unit = parseUnit(norm, e, cur?.currency);
    if (unit === 'duration') continue;
    if (unit === 'identifier') continue;
    // a lone small number word is a quantity with a unit, a count noun ("three hikes"), in a range, or after a
    // verb that states a value ("rose to nine"); "one of", "no one", "the one" are not
    const countNoun = unit.kind === 'plain' && unit.scale === 1 && !unit.multiple ? EN_COUNT_NOUN.exec(norm.slice(unit.end, unit.end + 40)) : null;
    const isCount = countNoun !== null;
    const bare = unit.kind === 'plain' && unit.scale === 1 && !unit.multiple && !isCount;
    if (parsed && bare && parsed.value < 10 && parsed.scale === 1 && words.length === 1) {
      const ranged = rangeContext(norm, s, e);
      if ((parsed.value <= 1 && !ranged) || (!ranged && !EN_TRIGGER.test(norm.slice(Math.max(0, s - 16), s)))) continue;
    }
    if (parsed && bare && /^\s+(?:of|another)\b/i.test(norm.slice(e, e + 12)) && parsed.value <= 1) continue;
    e = unit.end + (countNoun ? countNoun[0].length : 0);
    const start = cur ? cur.start : s;
    if (!parsed) {
      claims.push(unparseableClaim(start, e));
      continue;
    }
    const value = parsed.value * unit.scale;
    simple(start, e, value, isCount ? 'count' : unit.kind, {
      numeral: parsed.numeral,
      scale: parsed.scale * unit.scale,
      decimals: parsed.decimals,
      sigDigits: sigFromPlace(parsed.value, parsed.place),
      tolerance: 0.5 * parsed.place * unit.scale,
      ...(unit.currency ? { currency: unit.currency } : {}),
    });
  }
}

/** Numeric characters with no reading (Ⅻ, unmapped \p{N}): claims that are never supported. */
function unmappedClaims(norm: string, claims: Claim[]): void {
  for (const m of norm.matchAll(new RegExp(`[\\d.,]*${UNPARSEABLE}[${UNPARSEABLE}\\d.,]*`, 'g'))) claims.push(unparseableClaim(m.index, m.index + m[0].length));
}

/** Every numeric claim in `text`, in order, with offsets into `text`. Pure. */
export function extractClaims(text: string, opts: ExtractOptions = {}): Claim[] {
  const lang: Lang = opts.lang ?? (/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en');
  const { norm, srcStart, srcEnd } = normalise(text);
  const spans = excludedSpans(norm);
  const found: Claim[] = [];
  digitClaims(norm, spans, opts, lang, found);
  zhClaims(norm, spans, lang, found);
  enClaims(norm, spans, lang, found);
  unmappedClaims(norm, found);
  // one claim per stretch of text: the longest reading wins (百分之5 over 5, "one third" over "one")
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const claims: Claim[] = [];
  let lastEnd = -1;
  for (const c of found) {
    if (c.start < lastEnd) continue;
    claims.push(c);
    lastEnd = c.end;
  }
  shareRangeUnits(claims, norm);
  for (const c of claims) {
    const s = srcStart[c.start]!;
    const e = srcEnd[c.end - 1]!;
    c.start = s;
    c.end = e;
    c.text = text.slice(s, e);
  }
  return claims;
}

/** "3-4%", "25到50个基点", "3.5 to 4 percent": the first number of a range takes the unit of the second. */
function shareRangeUnits(claims: Claim[], norm: string): Claim[] {
  for (let i = 0; i + 1 < claims.length; i++) {
    const a = claims[i]!;
    const b = claims[i + 1]!;
    if (a.unitKind !== 'plain' || a.scale !== 1 || b.unitKind === 'plain') continue;
    const between = norm.slice(a.end, b.start);
    if (!/^\s*(?:-|–|~|～|至|到|to|and)\s*$/.test(between)) continue;
    const numeral = a.numeral;
    a.unitKind = b.unitKind;
    a.scale = b.scale;
    a.value = numeral * b.scale;
    a.tolerance = a.tolerance * b.scale;
    if (b.currency) a.currency = b.currency;
  }
  return claims;
}

/** Parse one table cell: "$  1,452.4" → 1452.4, "$(5,625)" → −5625, "−136", "85.9%", "—" → 0. */
export function parseCell(cell: string | number | null | undefined): { value: number; percent: boolean; decimals: number; text: string } | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, percent: false, decimals: countDecimals(String(cell)), text: String(cell) } : undefined;
  const t = cell.trim();
  if (t === '') return undefined;
  if (/^[—–-]+$/.test(t)) return { value: 0, percent: false, decimals: 0, text: t };
  const norm = normaliseChars(t).replace(/\s+/g, ' ');
  const m = /^(\()?\s*([-+])?\s*(?:[A-Z]{0,3}[$€£¥]|RMB|USD)?\s*(\()?\s*([-+])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(%)?\s*(\))?\s*(%)?\s*(\))?\s*(?:\*+|\(\w{1,3}\)|[a-z])?$/.exec(norm);
  if (m) {
    const open = (m[1] ? 1 : 0) + (m[3] ? 1 : 0);
    const close = (m[7] ? 1 : 0) + (m[9] ? 1 : 0);
    let v = Number(m[5]!.replace(/,/g, ''));
    if (m[2] === '-' || m[4] === '-') v = -v;
    if (open > 0 && open === close) v = -v;
    return { value: v, percent: !!(m[6] || m[8]), decimals: countDecimals(m[5]!), text: t };
  }
  // a cell with words and one number ("(78) bps", "1,452.4 *"): only when the words are the number's unit
  const claims = extractClaims(t, { cell: true });
  if (claims.length !== 1) return undefined;
  const c = claims[0]!;
  const rest = t.slice(0, c.start) + t.slice(c.end);
  if (/[A-Za-z\u3400-\u9fff]/.test(rest.replace(/\(\w{1,3}\)|\*+/g, ''))) return undefined;
  return { value: c.numeral, percent: c.unitKind === 'percent', decimals: c.decimals, text: t };
}
