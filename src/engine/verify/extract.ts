// Finding numeric claims in Chinese or English text and normalising them to base units.
//
// A claim is a number a reader would take as a statement about the world: 3.63%, 25个基点, $6.75 trillion,
// 350亿美元, −12.6, (12.6) in a table, 3.5倍. Not claims: years (2024, 2024年, FY2023), dates (2024-04-25,
// 2023年10月19日, 6月, March 2023), quarters (Q3), times (14:00), citation markers ([1]), list numbers,
// ordinals (1st, 第3), identifiers with letters (DGS10, T10Y2Y, 2s10s, 10Y), index names (S&P 500) and
// durations (3个月, 10-year, 10年期, 30 days).
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
  /\]\([^)\s]*\)/g, // markdown link targets
  /`[^`\n]*`/g, // inline code
  /\[\^?\s*\d+(?:\s*[,，、\-–]\s*\d+)*\s*\]/g, // citation markers [1], [1, 2], [1-3], [^1]
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

const NUMERAL = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** Every numeric claim in `text`, in order. Pure. */
export function extractClaims(text: string, opts: ExtractOptions = {}): Claim[] {
  const lang: Lang = opts.lang ?? (/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en');
  const norm = normaliseChars(text);
  const spans = excludedSpans(norm);
  const starts = lineStarts(norm);
  const claims: Claim[] = [];
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
    // a thousands-grouped numeral followed by more digits is not one we understand (1,23456)
    if (prev === ',' && isDigit(norm[s - 2]) && /^\d{3}/.test(numeral)) continue;
    if ((prev === '-' || prev === '–' || prev === '+') && isAsciiLetter(norm[s - 2])) continue; // COVID-19, T-10, T+1
    if (next === '/' && isDigit(norm[e + 1])) continue; // 1/1/19, 3/4
    if (prev === '/' && isDigit(norm[s - 2])) continue;
    if (NAME_BEFORE.test(norm.slice(Math.max(0, s - 14), s))) continue;

    const [lineStart, lineEnd] = lineBounds(norm, starts, s);
    const line = norm.slice(lineStart, lineEnd);
    const inTable = opts.cell === true || /^\s*\|/.test(line);

    // list numbers: "1. ", "2) ", "3、" at the start of a line, "(1)" outside tables
    const lead = norm.slice(lineStart, s);
    if (!numeral.includes('.') && !numeral.includes(',') && /^[\s#>*+-]*$/.test(lead)) {
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

    const unit = parseUnit(norm, e, currency);
    if (unit === 'duration' || unit === 'identifier') continue;
    // years: a bare 4-digit integer in range, no unit that makes it a quantity
    const intVal = /^\d{4}$/.test(numeral) ? Number(numeral) : NaN;
    if (sign === 1 && start === s && intVal >= 1800 && intVal <= 2100 && unit.kind !== 'percent' && unit.kind !== 'bp' && unit.kind !== 'pp' && unit.scale === 1 && unit.kind !== 'money')
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

    let qualifier: Claim['qualifier'];
    const before = norm.slice(Math.max(0, start - 16), start);
    for (const [re, q] of QUALIFIER_BEFORE) if (re.test(before)) qualifier ??= q;
    const afterText = norm.slice(e, e + 4);
    for (const [re, q] of QUALIFIER_AFTER) if (re.test(afterText)) qualifier ??= q;

    const n = Number(numeral.replace(/,/g, ''));
    if (!Number.isFinite(n)) continue;
    const decimals = countDecimals(numeral);
    const sigDigits = countSig(numeral, qualifier !== undefined);
    // the last significant place: 10^-decimals, or coarser for "约1500亿" (trailing zeros not significant)
    let place = 10 ** -decimals;
    if (qualifier && decimals === 0) {
      const intDigits = numeral.replace(/,/g, '').replace(/^0+/, '').length;
      place = 10 ** Math.max(0, intDigits - sigDigits);
    }
    const scale = unit.scale;
    claims.push({
      text: text.slice(start, e),
      start,
      end: e,
      value: sign * n * scale,
      unitKind: unit.kind,
      ...(unit.currency ? { currency: unit.currency } : {}),
      numeral: sign * n,
      scale,
      decimals,
      sigDigits,
      tolerance: 0.5 * place * scale,
      ...(qualifier ? { qualifier } : {}),
    });
  }
  return shareRangeUnits(claims, norm);
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
