// Numerals in any written form, for the claim extractor (extract.ts).
//
// 1. `normalise(text)` rewrites a text into a plain form the extractor scans — ASCII digits, ASCII signs and
//    punctuation — and keeps, for every character of the result, the range of the ORIGINAL text it came from,
//    so a claim found in the normalised text maps back to exact offsets in the original (stripUnsupported
//    replaces those ranges). It decodes HTML entities (&#57; &#x39; &nbsp; …), drops HTML tags (block tags
//    become a space so table cells stay apart; <sup> after "×10" becomes "^"), drops Markdown emphasis and code
//    backticks and backslash escapes, drops zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD …),
//    joins digits split by odd spaces (thin, hair, figure, no-break), applies NFKC per code point (full-width,
//    mathematical, circled and superscript digits), maps what NFKC leaves by numeric value (dingbat circled ❶ ➀ ➊,
//    double-circled ⓵, every other \p{Nd} digit such as Arabic-Indic ٣) and marks every other numeric character
//    (roman numerals Ⅻ, unmapped \p{N}) with UNPARSEABLE so the extractor reports it instead of skipping it.
//    Vulgar fractions (¾, 2½) become FRACTION + "3⁄4".
// 2. `parseZhNumeral` reads a Chinese numeral (九万八千七百亿, 一千二, 三点一四, 二〇二四) with the place of the
//    last digit it expresses; `parseEnNumber` reads English number words ("nine point eight seven", "two and a
//    half", "seventy-five", "one hundred twenty thousand").
//
// Precision of word forms: a numeral written in words claims what it says to half a unit of the last place
// it expresses — 九万八千七百亿 to ±0.5 × 百亿, "three hundred" to ±50, 零点五 to ±0.05, 两成 (tenths) to ±5 %,
// 百分之五 to ±0.5 %, 千分之三 to ±0.05 %. Fractions with a small denominator (½, 三分之一, "two thirds") and
// multiplicative words (翻倍, doubled, 减半, halved) are exact values, claimed to two significant digits
// (三分之一 = 33.33… % ± 0.5 %).

/** Marks a vulgar fraction in the normalised text: FRACTION n ⁄ d. */
export const FRACTION = '\uE000';
/** Marks a numeric character that has no numeric reading (Ⅻ, an unmapped \p{N}). */
export const UNPARSEABLE = '\uE001';
const SUP = '\uE002';
const THIN = '\uE003';

export interface Normalised {
  norm: string;
  /** For each character of `norm`: start and end offsets in the original text. */
  srcStart: number[];
  srcEnd: number[];
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0x180e, 0x034f]);
/** Variation selectors, bidi controls and tag characters: invisible, dropped. */
const INVISIBLE_RANGE = (c: number): boolean =>
  (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || (c >= 0xe0000 && c <= 0xe007f) || (c >= 0xe0100 && c <= 0xe01ef);
const ODD_SPACE = (c: number): boolean => c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
const DASHES: Record<number, string> = { 0x066b: '.', 0x066c: ',', 0x2212: '-', 0x2010: '-', 0x2011: '-', 0x2012: '-', 0xfe63: '-', 0xff0d: '-', 0x2796: '-', 0x2795: '+', 0xff0b: '+' };
/** (DASHES also maps the Arabic decimal and thousands separators ٫ ٬.) Full-width punctuation kept as written: the Chinese comma and colon separate numbers, they do not group digits. */
const KEEP = new Set([0xff0c, 0xff1a, 0xff1b, 0xff01, 0xff1f, 0x2026, 0x3001, 0x3002]);

const VULGAR: Record<string, [number, number]> = {
  '¼': [1, 4], '½': [1, 2], '¾': [3, 4], '⅐': [1, 7], '⅑': [1, 9], '⅒': [1, 10], '⅓': [1, 3], '⅔': [2, 3], '⅕': [1, 5], '⅖': [2, 5],
  '⅗': [3, 5], '⅘': [4, 5], '⅙': [1, 6], '⅚': [5, 6], '⅛': [1, 8], '⅜': [3, 8], '⅝': [5, 8], '⅞': [7, 8], '↉': [0, 3],
};

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-' };

/** Code points whose number NFKC does not give: dingbat and double circled digits. */
function circledValue(c: number): number | undefined {
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1; // ❶–❿
  if (c >= 0x2780 && c <= 0x2789) return c - 0x2780 + 1; // ➀–➉
  if (c >= 0x278a && c <= 0x2793) return c - 0x278a + 1; // ➊–➓
  if (c >= 0x24f5 && c <= 0x24fe) return c - 0x24f5 + 1; // ⓵–⓾
  if (c >= 0x24eb && c <= 0x24f4) return c - 0x24eb + 11; // ⓫–⓴
  if (c === 0x24ff || c === 0x24ea || c === 0x1f10c || c === 0x1f10b) return 0; // ⓿ ⓪ 🄌 🄋
  if (c >= 0x1f10d && c <= 0x1f10f) return undefined;
  return undefined;
}

const ND = /\p{Nd}/u;
/** Value of a decimal digit of any script: digits come in runs of ten from 0 (Unicode guarantees it). */
function ndValue(c: number): number {
  let k = 0;
  while (k < 64 && ND.test(String.fromCodePoint(c - k - 1))) k++;
  return k % 10;
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', thinsp: '\u2009', hairsp: '\u200a', ensp: '\u2002',
  emsp: '\u2003', numsp: '\u2007', zwsp: '\u200b', zwj: '\u200d', zwnj: '\u200c', shy: '\u00ad', minus: '\u2212', times: '×',
  middot: '·', frac12: '½', frac14: '¼', frac34: '¾', frac13: '⅓', frac23: '⅔', percnt: '%', period: '.', comma: ',',
  dollar: '$', euro: '€', pound: '£', yen: '¥', ndash: '–', mdash: '—', hyphen: '-', plus: '+', sup1: '¹', sup2: '²', sup3: '³',
  lbrack: '[', rbrack: ']', lpar: '(', rpar: ')', colon: ':', num: '#', ast: '*', lowbar: '_', grave: '`', tilde: '~',
};

const INLINE_TAGS = new Set(['b', 'i', 'em', 'strong', 'span', 'a', 'u', 's', 'sub', 'sup', 'small', 'big', 'mark', 'code', 'font', 'abbr', 'del', 'ins', 'kbd', 'var', 'q', 'cite', 'samp', 'tt', 'strike', 'bdi', 'bdo', 'data', 'time', 'wbr', 'label', 'output', 'dfn', 'ruby', 'rt', 'rp']);
const TAG = /<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/y;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,7}));/y;

/** The normalised form of one code point (possibly empty, possibly several characters). */
function mapCodePoint(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return ch;
  if (ZERO_WIDTH.has(c) || INVISIBLE_RANGE(c)) return '';
  if (c === 0x066a) return '%'; // Arabic percent sign
  if (/\p{M}/u.test(ch)) return ''; // combining marks: keycap 9️⃣, strike-through, enclosing circles
  if (ODD_SPACE(c)) return THIN;
  const dash = DASHES[c];
  if (dash) return dash;
  if (KEEP.has(c)) return ch;
  const vf = VULGAR[ch];
  if (vf) return `${FRACTION}${vf[0]}\u2044${vf[1]}`;
  const sup = SUPERSCRIPT[ch];
  if (sup) return SUP + sup;
  const circ = circledValue(c);
  if (circ !== undefined) return String(circ);
  if (c >= 0x3400 && c <= 0x9fff) return ch; // CJK ideographs (〇 is U+3007, below this range)
  if (c === 0x3007) return ch;
  if (/\p{Nl}/u.test(ch)) return UNPARSEABLE; // Ⅻ, ↁ: NFKC would turn roman numerals into letters
  if (ND.test(ch)) {
    const k = ch.normalize('NFKC');
    return /^\d$/.test(k) ? k : String(ndValue(c));
  }
  const k = ch.normalize('NFKC');
  if (/\p{N}/u.test(ch) && !/\d/.test(k)) return UNPARSEABLE;
  // NFKC may bring in characters we map again (e.g. "⁄", full-width forms → ASCII)
  let out = '';
  for (const x of k) {
    const xc = x.codePointAt(0)!;
    if (xc < 0x80) out += x;
    else if (DASHES[xc]) out += DASHES[xc];
    else if (ODD_SPACE(xc)) out += THIN;
    else out += x;
  }
  return out;
}

const isNumChar = (c: string | undefined): boolean => c !== undefined && /[\d.,]/.test(c);
/** ASCII characters the first pass handles specially: tags, entities. */
const SPECIAL_ASCII = new Set(['<', '&']);
/** Characters the second pass looks at. */
const SECOND_PASS = /[\\`*_~\uE002\uE003]/;

/** Normalise `text` for scanning, with the map back to the original; see the module comment. */
export function normalise(text: string): Normalised {
  const chs: string[] = [];
  const ss: number[] = [];
  const es: number[] = [];
  const push = (out: string, s: number, e: number) => {
    for (const ch of out) {
      chs.push(ch);
      ss.push(s);
      es.push(e);
    }
  };
  let i = 0;
  while (i < text.length) {
    const ch0 = text[i]!;
    const code = ch0.charCodeAt(0);
    if ((code < 0x80 && !SPECIAL_ASCII.has(ch0)) || (code >= 0x3400 && code <= 0x9fff)) {
      chs.push(ch0);
      ss.push(i);
      es.push(i + 1);
      i++;
      continue;
    }
    if (ch0 === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(text);
      if (m) {
        const name = (m[1] ?? '').toLowerCase();
        const closing = m[0].startsWith('</');
        if (name === 'sup' && !closing) {
          const tail = chs.slice(-4).join('');
          if (/[×xX*·]\s*10$/.test(tail)) push('^', i, i + m[0].length);
        } else if (name !== '' && !INLINE_TAGS.has(name)) push(/^(?:td|th)$/.test(name) ? ' | ' : name === 'br' || name === 'p' || name === 'tr' || name === 'li' || name === 'div' ? '\n' : ' ', i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (ch0 === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m) {
        let decoded: string | undefined;
        if (m[1] || m[2]) {
          const cp = m[1] ? Number(m[1]) : parseInt(m[2]!, 16);
          if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) decoded = String.fromCodePoint(cp);
        } else decoded = NAMED[m[3]!.toLowerCase()] ?? NAMED[m[3]!];
        if (decoded !== undefined) {
          for (const d of decoded) push(mapCodePoint(d), i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    // a full-width comma between full-width digits groups them (１，２３４); elsewhere it separates
    const fwDigit = (k: number) => /[\uff10-\uff19]/.test(text[k] ?? '');
    if (code === 0xff0c && fwDigit(i - 1) && fwDigit(i + 1) && fwDigit(i + 2) && fwDigit(i + 3) && !fwDigit(i + 4)) {
      push(',', i, i + 1);
      i++;
      continue;
    }
    push(mapCodePoint(text.slice(i, i + len)), i, i + len);
    i += len;
  }
  const first = chs.join('');
  if (!SECOND_PASS.test(first)) return { norm: first, srcStart: ss, srcEnd: es };

  // second pass: markup inside numerals, odd spaces, superscript exponents
  const oc: string[] = [];
  const os: number[] = [];
  const oe: number[] = [];
  const keep = (k: number, ch = chs[k]!) => {
    oc.push(ch);
    os.push(ss[k]!);
    oe.push(es[k]!);
  };
  for (let k = 0; k < chs.length; k++) {
    const c = chs[k]!;
    if (!SECOND_PASS.test(c)) {
      keep(k);
      continue;
    }
    if (c === '\\') {
      if (/[!-\/:-@\[-`{-~]/.test(chs[k + 1] ?? '')) continue; // Markdown escape
      keep(k);
      continue;
    }
    if (c === '`') continue; // code spans are read like any text
    if (c === '*' || c === '_' || c === '~') {
      let j = k;
      while (chs[j + 1] === c) j++;
      const run = j - k + 1;
      const prev = oc[oc.length - 1];
      const next = chs[j + 1];
      let drop: boolean;
      if (c === '*') {
        // a lone "*" between two numbers is a product (9.87*10^12); any other run is emphasis
        const prevDigit = /\d\s?$/.test(oc.slice(-2).join(''));
        const nextDigit = /^\s?\d/.test(chs.slice(j + 1, j + 3).join(''));
        drop = !(run === 1 && prevDigit && nextDigit);
      } else if (c === '~') drop = run >= 2;
      else drop = isNumChar(prev) || isNumChar(next);
      if (drop) {
        k = j;
        continue;
      }
      for (let q = k; q <= j; q++) keep(q);
      k = j;
      continue;
    }
    if (c === THIN) {
      const prev = oc[oc.length - 1];
      let j = k + 1;
      while (chs[j] === THIN) j++;
      if (isNumChar(prev) && isNumChar(chs[j]) && /\d/.test(prev! + chs[j]!)) {
        k = j - 1;
        continue;
      }
      keep(k, ' ');
      continue;
    }
    if (c === SUP) {
      const tail = oc.slice(-4).join('');
      const firstOfRun = oc[oc.length - 1] !== '^' && chs[k - 2] !== SUP;
      if (firstOfRun && /[×xX*·]\s*10$/.test(tail)) keep(k, '^');
      continue;
    }
    keep(k);
  }
  return { norm: oc.join(''), srcStart: os, srcEnd: oe };
}

// ---- Chinese numerals -----------------------------------------------------------------------------------

export const ZH_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
export const ZH_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
export const ZH_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** Characters of a Chinese numeral (digits, units, the decimal point 点). */
export const ZH_NUM_CLASS = '零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';

export interface ParsedNumeral {
  value: number;
  /** The place of the last digit expressed (1e10 for 九万八千七百亿, 0.1 for 零点五). */
  place: number;
  /** Digits after the decimal point. */
  decimals: number;
}

/** Parse the integer part of a Chinese numeral; undefined when malformed. */
function zhInteger(s: string): { value: number; place: number } | undefined {
  if (s === '') return undefined;
  const chars = [...s];
  // positional digits without units: 二〇二四, 三, 一二
  if (chars.every((c) => c in ZH_DIGIT)) {
    let v = 0;
    for (const c of chars) v = v * 10 + ZH_DIGIT[c]!;
    return { value: v, place: 1 };
  }
  let total = 0;
  let section = 0; // below 万 / within the current 亿 group
  let number = -1; // pending digit
  let place = 1;
  let lastSmall = Infinity; // small units must fall within a section
  let lastBig = Infinity;
  let prevWasDigit = false;
  let prevUnit = 0;
  let afterZero = false;
  let zeroBefore = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c in ZH_DIGIT) {
      const d = ZH_DIGIT[c]!;
      if (prevWasDigit && !afterZero) return undefined; // 三四十: two digits in a row
      if (d === 0) {
        afterZero = true;
        prevWasDigit = true;
        continue;
      }
      zeroBefore = afterZero;
      afterZero = false;
      number = d;
      prevWasDigit = true;
      continue;
    }
    const small = ZH_SMALL[c];
    if (small !== undefined) {
      if (small >= lastSmall) return undefined; // 三百四千
      const n = number === -1 ? (i === 0 || section === 0 ? 1 : -1) : number;
      if (n === -1) return undefined;
      section += n * small;
      place = small;
      number = -1;
      lastSmall = small;
      prevWasDigit = false;
      afterZero = false;
      prevUnit = small;
      continue;
    }
    const big = ZH_BIG[c];
    if (big !== undefined) {
      if (number === -1 && section === 0 && !(big === 1e8 && prevUnit === 1e4)) {
        if (i === 0) return undefined;
      }
      if (big === 1e8) {
        if (lastBig <= 1e8 && lastBig !== 1e4) return undefined;
        total = (total + section + Math.max(number, 0)) * 1e8;
        place = (number > 0 ? 1 : place) * 1e8;
        section = 0;
      } else {
        if (lastBig <= 1e4) return undefined;
        section = (section + Math.max(number, 0)) * 1e4;
        place = (number > 0 ? 1 : place) * 1e4;
      }
      // 万 and 亿 also scale what came before them in the group: the place follows
      number = -1;
      lastBig = big;
      lastSmall = Infinity;
      prevWasDigit = false;
      afterZero = false;
      prevUnit = big;
      continue;
    }
    return undefined;
  }
  if (number > 0) {
    // a trailing digit: 十二 (units), 一千零二 (after 零), 一千二 (colloquial: the next lower place)
    const last = chars[chars.length - 2];
    const unitBefore = last !== undefined ? (ZH_SMALL[last] ?? ZH_BIG[last]) : undefined;
    if (unitBefore !== undefined && unitBefore >= 100 && !zeroBefore) {
      const p = unitBefore / 10;
      section += number * p;
      place = p;
    } else {
      section += number;
      place = 1;
    }
  }
  return { value: total + section, place };
}

/** Parse a Chinese numeral, possibly with 点 decimals and a 负 sign; undefined when malformed. */
export function parseZhNumeral(s: string): ParsedNumeral | undefined {
  let sign = 1;
  let t = s;
  if (t.startsWith('负') || t.startsWith('負')) {
    sign = -1;
    t = t.slice(1);
  }
  const dot = t.indexOf('点');
  if (dot === -1) {
    const r = zhInteger(t);
    return r ? { value: sign * r.value, place: r.place, decimals: 0 } : undefined;
  }
  const intPart = zhInteger(t.slice(0, dot));
  const fracChars = [...t.slice(dot + 1)];
  // a scale word may follow the decimals: 一点二万亿
  let scale = 1;
  while (fracChars.length > 0 && ZH_BIG[fracChars[fracChars.length - 1]!] !== undefined) scale *= ZH_BIG[fracChars.pop()!]!;
  if (!intPart || fracChars.length === 0 || !fracChars.every((c) => c in ZH_DIGIT)) return undefined;
  const decimals = fracChars.length;
  const n = Number(`${intPart.value}.${fracChars.map((c) => ZH_DIGIT[c]!).join('')}`);
  return { value: sign * n * scale, place: 10 ** -decimals * scale, decimals };
}

// ---- English number words -------------------------------------------------------------------------------

export const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
export const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
export const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** A regex source matching one English number word. */
export const EN_WORD = `(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), 'hundred', ...Object.keys(EN_SCALES)].sort((a, b) => b.length - a.length).join('|')})`;

/**
 * Parse English number words ("nine point eight seven trillion", "two and a half billion", "seventy-five",
 * "one hundred and five"); the words are split on spaces and hyphens. Undefined when malformed.
 * `numeral` is the value before a final scale word (trillion …), `scale` that word's multiplier.
 */
export function parseEnNumber(words: string[]): (ParsedNumeral & { numeral: number; scale: number }) | undefined {
  const w = words.map((x) => x.toLowerCase()).filter((x) => x !== '');
  if (w.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let place = 1;
  let any = false;
  let i = 0;
  let decimals = 0;
  let lastKind: 'unit' | 'ten' | 'hundred' | 'scale' | 'none' = 'none';
  let lastScale = Infinity;
  // the final scale word, if any, is reported separately (numeral × scale)
  let finalScale = 1;
  if (w.length >= 2 && EN_SCALES[w[w.length - 1]!] !== undefined) {
    // when it is the largest scale word: "two billion" → 2 × 1e9, "one thousand billion" → 1000 × 1e9;
    // "one million two thousand" is read as a whole
    const last = EN_SCALES[w[w.length - 1]!]!;
    const bigger = w.slice(0, -1).some((x) => (EN_SCALES[x] ?? 0) >= last);
    if (!bigger) finalScale = EN_SCALES[w.pop()!]!;
  }
  for (; i < w.length; i++) {
    const x = w[i]!;
    if (x === 'and') {
      if (w[i + 1] === 'a' && w[i + 2] === 'half') {
        if (!any) return undefined;
        current += 0.5;
        place = 0.5;
        i += 2;
        lastKind = 'unit';
        continue;
      }
      if (lastKind !== 'hundred' && lastKind !== 'scale') return undefined;
      continue;
    }
    if (x === 'point') {
      if (!any) return undefined;
      const digits = w.slice(i + 1);
      if (digits.length === 0 || !digits.every((d) => EN_UNITS[d] !== undefined && EN_UNITS[d]! <= 9 || d === 'oh')) return undefined;
      // build the decimal as a string, so 9 + .87 is exactly 9.87
      const fracDigits = digits.map((d) => (d === 'oh' ? 0 : EN_UNITS[d]!)).join('');
      current = Number.isInteger(current) ? Number(`${current}.${fracDigits}`) : current + Number(`0.${fracDigits}`);
      decimals = digits.length;
      place = 10 ** -decimals;
      i = w.length;
      break;
    }
    if (x === 'a' && i === 0) {
      current = 1;
      any = true;
      lastKind = 'unit';
      place = 1;
      continue;
    }
    const u = EN_UNITS[x];
    if (u !== undefined) {
      if (lastKind === 'unit') return undefined;
      if (lastKind === 'ten' && u >= 10) return undefined;
      if (lastKind === 'ten' && u === 0) return undefined;
      current += u;
      any = true;
      lastKind = 'unit';
      place = u === 10 ? 10 : 1; // "ten" expresses tens, like "twenty" and 十
      continue;
    }
    const t = EN_TENS[x];
    if (t !== undefined) {
      if (lastKind === 'unit' || lastKind === 'ten') return undefined;
      current += t;
      any = true;
      lastKind = 'ten';
      place = 10;
      continue;
    }
    if (x === 'hundred') {
      if (lastKind === 'hundred' || lastKind === 'none' || current >= 100) return undefined;
      current = (current || 1) * 100;
      place *= 100;
      any = true;
      lastKind = 'hundred';
      continue;
    }
    const s = EN_SCALES[x];
    if (s !== undefined) {
      if (s >= lastScale || lastKind === 'scale') return undefined;
      total += (current || 1) * s;
      place *= s;
      current = 0;
      any = true;
      lastKind = 'scale';
      lastScale = s;
      continue;
    }
    return undefined;
  }
  if (!any) return undefined;
  const numeral = total + current;
  return { value: numeral * finalScale, numeral, scale: finalScale, place: place * finalScale, decimals };
}

/** Half a unit of the second significant digit of `v` (the precision claimed by an exact word like 三分之一). */
export function twoSigTolerance(v: number): number {
  const a = Math.abs(v);
  if (a === 0) return 0.005;
  return 0.5 * 10 ** (Math.floor(Math.log10(a)) - 1);
}
