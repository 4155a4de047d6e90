// Property tests of the numeral extractor: values are generated, rendered in every written form the verifier
// must read (digits of any script, split by invisible characters or markup, scientific notation, thousands
// separators of both styles, Chinese and English numerals, fractions, ranges) inside Chinese and English
// sentences, code spans, links, Markdown tables and HTML; the extractor must find exactly that quantity, with
// the generated value and offsets covering the rendered numeral. The renderers below are written here, apart
// from the code under test, and every expected value is the generated number itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/engine/verify/index.ts';

const RUNS = 120;

// ---- renderers (independent of src/) -----------------------------------------------------------------

/** "1234567.89" → the same digits in another block of ten code points (full-width, mathematical, Arabic-Indic …). */
function inScript(numeral: string, zero: number): string {
  return [...numeral].map((c) => (c >= '0' && c <= '9' ? String.fromCodePoint(zero + c.charCodeAt(0) - 48) : c)).join('');
}
const SCRIPTS: Array<[string, number]> = [
  ['full-width', 0xff10],
  ['math bold', 0x1d7ce],
  ['math double-struck', 0x1d7d8],
  ['math monospace', 0x1d7f6],
  ['Arabic-Indic', 0x0660],
  ['Extended Arabic-Indic', 0x06f0],
  ['Devanagari', 0x0966],
  ['Bengali', 0x09e6],
  ['Thai', 0x0e50],
];
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => [...String(n)].map((d) => SUPER[Number(d)]).join('');

const ZH_D = '零一二三四五六七八九';
/** A Chinese numeral for 1..9999, the standard reading (一千零一十, 十二 at the start). */
function zh4(n: number, leading: boolean): string {
  const units = ['千', '百', '十', ''];
  const ds = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let started = false;
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && units[i] === '十' && !started && leading ? '' : ZH_D[d]!) + units[i]!;
    started = true;
  });
  return out;
}
/** A Chinese numeral for 1..99,999,999 (with 万). */
function zh8(n: number, leading = true): string {
  const hi = Math.floor(n / 1e4);
  const lo = n % 1e4;
  if (hi === 0) return zh4(lo, leading);
  return zh4(hi, leading) + '万' + (lo === 0 ? '' : (lo < 1000 ? '零' : '') + zh4(lo, false));
}

const EN_ONES = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const EN_TENS = ',,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety'.split(',');
function en999(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const parts: string[] = [];
  if (h) parts.push(`${EN_ONES[h]} hundred`);
  if (r) parts.push(r < 20 ? EN_ONES[r]! : EN_TENS[Math.floor(r / 10)]! + (r % 10 ? `-${EN_ONES[r % 10]}` : ''));
  return parts.join(' ');
}
function enInt(n: number): string {
  const groups: Array<[number, string]> = [
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  const parts: string[] = [];
  let rest = n;
  for (const [v, w] of groups) {
    const g = Math.floor(rest / v);
    if (g) parts.push(`${en999(g)} ${w}`);
    rest %= v;
  }
  if (rest) parts.push(en999(rest));
  return parts.join(' ');
}

/** Half a unit of the lowest non-zero digit of an integer: the precision a numeral in words claims. */
function halfLowestPlace(n: number): number {
  let p = 1;
  while (n % (p * 10) === 0) p *= 10;
  return p / 2;
}

interface Rendered {
  /** The quantity as written (numeral and unit). */
  text: string;
  value: number;
  /** Expected tolerance, when the form fixes it. */
  tolerance?: number;
  form: string;
}

// ---- generators of rendered quantities -----------------------------------------------------------------

/** A decimal numeral "123.45" with its value (no leading zeros, 0–3 decimals). */
const decimalArb = fc.record({ int: fc.integer({ min: 1, max: 999_999 }), dec: fc.integer({ min: 0, max: 3 }), frac: fc.nat({ max: 999 }) }).map(({ int, dec, frac }) => {
  const f = dec === 0 ? '' : String(frac % 10 ** dec).padStart(dec, '0');
  const s = dec === 0 ? String(int) : `${int}.${f}`;
  return { s, value: Number(s), dec };
});

const UNITS: Array<[string, number]> = [
  ['%', 1],
  ['亿美元', 1e8],
  [' billion', 1e9],
  ['个基点', 0.01],
  [' percentage points', 1],
  ['万亿', 1e12],
];
const unitArb = fc.constantFrom(...UNITS);

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const ODD_SPACES = ['\u2009', '\u200a', '\u2007', '\u202f'];
const MARKUP = ['**', '__', '<b></b>', '<span class="x"></span>', '<!-- c -->', '`', '<em></em>'];

/** Insert `pick` between characters of `s` at the positions chosen by `mask` (only where `where` allows). */
function sprinkle(s: string, mask: number, pick: (k: number) => string, where: (a: string, b: string) => boolean): string {
  const cs = [...s];
  let out = cs[0]!;
  for (let i = 1; i < cs.length; i++) {
    if ((mask >> i) & 1 && where(cs[i - 1]!, cs[i]!)) out += pick(i);
    out += cs[i]!;
  }
  return out;
}
const isD = (c: string) => c >= '0' && c <= '9';

const digitForms: fc.Arbitrary<Rendered> = fc
  .tuple(decimalArb, unitArb, fc.integer({ min: 0, max: 12 }), fc.nat({ max: 0xffff }), fc.nat({ max: 100 }))
  .map(([d, [unit, scale], form, mask, k]) => {
    let num = d.s;
    let name = 'ascii';
    switch (form) {
      case 0:
        break;
      case 1:
      case 2: {
        const [n, zero] = SCRIPTS[k % SCRIPTS.length]!;
        num = inScript(d.s, zero);
        name = n;
        if (n === 'full-width') num = num.replace('.', '．');
        break;
      }
      case 3:
        num = sprinkle(d.s, mask | 2, (i) => INVISIBLE[(i + k) % INVISIBLE.length]!, () => true);
        name = 'zero-width';
        break;
      case 4:
        num = sprinkle(d.s, mask | 2, (i) => ODD_SPACES[(i + k) % ODD_SPACES.length]!, (a, b) => isD(a) && isD(b));
        name = 'odd spaces';
        break;
      case 5:
        num = sprinkle(d.s, mask | 2, (i) => MARKUP[(i + k) % MARKUP.length]!, (a, b) => !(a === '_' || b === '_'));
        name = 'markup';
        break;
      case 6:
        num = [...d.s].map((c, i) => (isD(c) && (mask >> i) & 1 ? (k % 2 ? `&#${c.charCodeAt(0)};` : `&#x${c.charCodeAt(0).toString(16)};`) : c)).join('');
        name = 'entities';
        break;
      case 7: {
        // thousands separators, US style
        const [i, f] = d.s.split('.');
        num = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? `.${f}` : '');
        name = 'thousands US';
        break;
      }
      case 8: {
        // European style: 1.234.567,8 (needs a decimal comma or two groups to be unambiguous; 1,000 is US thousands)
        const [i, f] = d.s.split('.');
        const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        if ((!f && !/\..*\./.test(grouped)) || (f?.length === 3 && !grouped.includes('.'))) return { text: d.s + unit, value: d.value * scale, tolerance: 0.5 * 10 ** -d.dec * scale, form: 'ascii' };
        num = grouped + (f ? `,${f}` : '');
        name = 'thousands EU';
        break;
      }
      case 9: {
        const [i, f] = d.s.split('.');
        const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
        num = grouped + (f ? `.${f}` : '');
        name = 'thousands thin space';
        break;
      }
      case 10:
        num = [...d.s].map((c) => (isD(c) ? SUPER[Number(c)] : c)).join('');
        if (num.includes('.')) num = [...d.s.split('.')[0]!].map((c) => SUPER[Number(c)]).join('');
        name = 'superscript';
        return { text: num + unit, value: Number(d.s.split('.')[0]) * scale, tolerance: 0.5 * scale, form: name };
      default:
        break;
    }
    return { text: num + unit, value: d.value * scale, tolerance: 0.5 * 10 ** -d.dec * scale, form: name };
  });

const scientificForms: fc.Arbitrary<Rendered> = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 3, max: 15 }), fc.integer({ min: 0, max: 5 }))
  .map(([a, b, e, f]) => {
    const m = `${a}.${String(b).padStart(2, '0')}`;
    const text = [`${m}e${e}`, `${m}E+${e}`, `${m}×10^${e}`, `${m}×10${sup(e)}`, `${m} x 10^${e}`, `${m}*10^${e}`][f]!;
    return { text, value: Number(`${m}e${e}`), tolerance: 0.005 * 10 ** e, form: 'scientific' };
  });

const circledForms: fc.Arbitrary<Rendered> = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.nat({ max: 5 })).map(([n, k]) => {
  const forms: Array<[number, number, number]> = [
    [0x2460, 1, 20], // ① – ⑳
    [0x3251, 21, 35], // ㉑ – ㉟
    [0x32b1, 36, 50], // ㊱ – ㊿
    [0x2776, 1, 10], // ❶ – ❿
    [0x2780, 1, 10], // ➀ – ➉
    [0x278a, 1, 10], // ➊ – ➓
    [0x24f5, 1, 10], // ⓵ – ⓾
    [0x24eb, 11, 20], // ⓫ – ⓴
  ];
  const usable = forms.filter(([, lo, hi]) => n >= lo && n <= hi);
  const [base, lo] = usable[k % usable.length]!;
  return { text: String.fromCodePoint(base + n - lo) + '%', value: n, tolerance: 0.5, form: 'circled' };
});

const zhForms: fc.Arbitrary<Rendered> = fc
  .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom<[string, number]>(['', 1], ['万', 1e4], ['亿', 1e8], ['万亿', 1e12]), fc.constantFrom('美元', '元', '个百分点', ''))
  .filter(([n, [big], unit]) => !(big === '' && unit === '' && n < 10)) // a lone 三 is no claim by itself
  .filter(([n, [big]]) => !(big === '万' && n >= 1e4) && !(big === '万亿' && n >= 1e4))
  .map(([n, [big, scale], unit]) => {
    const text = zh8(n) + big + unit;
    const value = n * scale;
    return { text, value, tolerance: halfLowestPlace(n) * scale, form: 'chinese' };
  });

const zhWordForms: fc.Arbitrary<Rendered> = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((n) => ({ text: `百分之${zh8(n)}`, value: n, tolerance: halfLowestPlace(n), form: '百分之' })),
  fc.integer({ min: 1, max: 999 }).map((n) => ({ text: `千分之${zh8(n)}`, value: n / 10, tolerance: halfLowestPlace(n) / 10, form: '千分之' })),
  fc
    .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 8 }))
    .filter(([d, n]) => n < d)
    .map(([d, n]) => ({ text: `${ZH_D[d]}分之${ZH_D[n]}`, value: (100 * n) / d, form: 'X分之Y' })),
  fc.integer({ min: 1, max: 9 }).map((n) => ({ text: `${n === 2 && n % 2 === 0 ? '两' : ZH_D[n]}成`, value: n * 10, tolerance: 5, form: '成' })),
  fc.integer({ min: 1, max: 9999 }).map((n) => ({ text: `零点${[...String(n).padStart(4, '0')].map((c) => ZH_D[Number(c)]).join('')}`, value: n / 1e4, tolerance: 0.00005, form: '零点' })),
  fc.integer({ min: 1, max: 99 }).map((n) => ({ text: `负${zh8(n)}`, value: -n, tolerance: halfLowestPlace(n), form: '负' })),
  fc.integer({ min: 2, max: 99 }).map((n) => ({ text: `${zh8(n)}倍`, value: n, tolerance: halfLowestPlace(n), form: '倍' })),
  fc.constantFrom<Rendered>(
    { text: '翻倍', value: 100, form: '翻倍' },
    { text: '翻番', value: 100, form: '翻番' },
    { text: '减半', value: -50, form: '减半' },
    { text: '过半', value: 50, form: '过半' },
  ),
  // digits with a Chinese scale word: 1.2万亿, 3千亿
  fc.tuple(decimalArb, fc.constantFrom<[string, number]>(['万亿', 1e12], ['千亿', 1e11], ['亿', 1e8], ['万', 1e4])).map(([d, [w, s]]) => ({
    text: `${d.s}${w}`,
    value: d.value * s,
    tolerance: 0.5 * 10 ** -d.dec * s,
    form: 'digits+万亿',
  })),
);

const enForms: fc.Arbitrary<Rendered> = fc.oneof(
  fc.tuple(fc.integer({ min: 10, max: 999_999_999 }), fc.constantFrom<[string, number]>([' percent', 1], [' dollars', 1], [' billion dollars', 1e9], [' basis points', 0.01], ['', 1])).map(([n, [u, s]]) => ({
    text: enInt(n) + u,
    value: n * s,
    tolerance: halfLowestPlace(n) * s,
    form: 'english words',
  })),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom<[string, number]>(['trillion', 1e12], ['billion', 1e9], ['million', 1e6]))
    .map(([a, b, [w, s]]) => {
      const digits = String(b).padStart(2, '0');
      return {
        text: `${EN_ONES[a]} point ${[...digits].map((c) => EN_ONES[Number(c)]).join(' ')} ${w}`,
        value: Number(`${a}.${digits}`) * s,
        tolerance: 0.005 * s,
        form: 'point words',
      };
    }),
  fc.tuple(fc.integer({ min: 1, max: 19 }), fc.constantFrom<[string, number]>(['billion', 1e9], ['million', 1e6])).map(([a, [w, s]]) => ({
    text: `${EN_ONES[a]} and a half ${w}`,
    value: (a + 0.5) * s,
    form: 'and a half',
  })),
  fc.constantFrom<Rendered>(
    { text: 'one third of', value: 100 / 3, form: 'fraction words' },
    { text: 'two thirds of', value: 200 / 3, form: 'fraction words' },
    { text: 'three quarters of', value: 75, form: 'fraction words' },
    { text: 'a quarter of', value: 25, form: 'fraction words' },
    { text: 'half of', value: 50, form: 'fraction words' },
    { text: 'one fifth of', value: 20, form: 'fraction words' },
    { text: 'doubled', value: 100, form: 'multiplicative' },
    { text: 'tripled', value: 200, form: 'multiplicative' },
    { text: 'halved', value: -50, form: 'multiplicative' },
    { text: 'a dozen', value: 12, form: 'dozen' },
  ),
  fc.integer({ min: 2, max: 9 }).map((n) => ({ text: `${EN_ONES[n]} hikes`, value: n, tolerance: 0.5, form: 'count words' })),
);

const VULGAR: Array<[string, number]> = [
  ['¼', 0.25],
  ['½', 0.5],
  ['¾', 0.75],
  ['⅓', 1 / 3],
  ['⅔', 2 / 3],
  ['⅛', 0.125],
  ['⅗', 0.6],
];
const vulgarForms: fc.Arbitrary<Rendered> = fc.tuple(fc.constantFrom(...VULGAR), fc.integer({ min: 0, max: 99 })).map(([[c, v], whole]) =>
  whole === 0 ? { text: c, value: 100 * v, form: 'vulgar fraction (share)' } : { text: `${whole}${c}%`, value: whole + v, form: 'vulgar fraction' },
);

const allForms = fc.oneof(digitForms, digitForms, scientificForms, circledForms, zhForms, zhWordForms, enForms, vulgarForms);

// ---- contexts ----------------------------------------------------------------------------------------

type Context = (q: string) => [string, string];
const CONTEXTS: Array<[string, Context]> = [
  ['zh sentence', () => ['截至当期，美联储总资产为', '，较上月略有变化。']],
  ['en sentence', () => ['At the end of the period the balance was ', ', the Fed said.']],
  ['code span', () => ['模型写道：`', '`，请核对。']],
  ['link text', () => ['See [', '](https://example.com/data/2024/12345) for details.']],
  ['markdown table', () => ['| 指标 | 数值 |\n|---|---|\n| 总资产 | ', ' |\n']],
  ['html', () => ['<p>Total: <span class="v">', '</span></p>']],
  ['html table', () => ['<table><tr><td>Assets</td><td>', '</td></tr></table>']],
];

function check(r: Rendered, ctx: [string, Context]): void {
  const [pre, post] = ctx[1](r.text);
  const text = pre + r.text + post;
  const s = pre.length;
  const e = s + r.text.length;
  const claims = extractClaims(text);
  const label = `${r.form} in ${ctx[0]}: ${JSON.stringify(text)}`;
  expect(claims.length, label).toBe(1);
  const c = claims[0]!;
  expect(c.text, label).toBe(text.slice(c.start, c.end));
  expect(c.start <= s && c.end >= e, `${label} → [${c.start},${c.end}) ${JSON.stringify(c.text)}`).toBe(true);
  // the claim does not reach into the words around the numeral (beyond closing markup)
  expect(c.start >= s - 1 && c.end <= e + 2, `${label} → ${JSON.stringify(c.text)}`).toBe(true);
  expect(Math.abs(c.value - r.value), `${label}: ${c.value} vs ${r.value}`).toBeLessThanOrEqual(1e-9 * Math.abs(r.value) + 1e-12);
  if (r.tolerance !== undefined) expect(c.tolerance, `${label}: tolerance`).toBeCloseTo(r.tolerance, 9 - Math.max(0, Math.round(Math.log10(r.tolerance))));
  expect(c.unparseable ?? false, label).toBe(false);
}

describe('numeral extraction (property)', () => {
  it('finds every generated quantity, in every form and context, with its value and offsets', () => {
    fc.assert(
      fc.property(allForms, fc.constantFrom(...CONTEXTS), (r, ctx) => check(r, ctx)),
      { numRuns: RUNS * 6 },
    );
  });

  it('reads each end of a range, with the unit they share', () => {
    const rangeArb = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.nat({ max: 3 })).map(([a, d, f]) => {
      const b = a + d;
      const forms = [
        { text: `${a}-${b}%`, kind: 'percent' },
        { text: `${ZH_D[a]}到${zh8(b)}个百分点`, kind: 'pp' },
        { text: `between ${a} and ${b} percent`, kind: 'percent' },
        { text: `between ${EN_ONES[a]} and ${enInt(b)} percent`, kind: 'percent' },
      ];
      return { ...forms[f]!, a, b };
    });
    fc.assert(
      fc.property(rangeArb, fc.constantFrom(...CONTEXTS), (r, ctx) => {
        const [pre, post] = ctx[1](r.text);
        const text = pre + r.text + post;
        const claims = extractClaims(text);
        expect(claims.map((c) => c.value), text).toEqual([r.a, r.b]);
        expect(claims.map((c) => c.unitKind), text).toEqual([r.kind, r.kind]);
        expect(claims[0]!.start, text).toBeGreaterThanOrEqual(pre.length);
        expect(claims[1]!.end, text).toBeLessThanOrEqual(pre.length + r.text.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports what looks like a quantity but cannot be read as unparseable, never skips it', () => {
    const romans = [...Array(12).keys()].map((i) => String.fromCodePoint(0x2160 + i)); // Ⅰ – Ⅻ
    const unmapped = ['\u{10107}', '\u1372', '\u0bf0', '\u{10e60}']; // Aegean one, Ethiopic ten, Tamil ten, Rumi one
    const vague = ['三四十', '几十亿美元', '数千亿', '十几个', 'dozens of', 'hundreds of'];
    fc.assert(
      fc.property(fc.constantFrom(...romans, ...unmapped, ...vague), fc.constantFrom(...CONTEXTS), (q, ctx) => {
        const [pre, post] = ctx[1](q);
        const text = pre + q + post;
        const claims = extractClaims(text);
        const hit = claims.filter((c) => c.start < pre.length + q.length && c.end > pre.length);
        expect(hit.length, text).toBeGreaterThanOrEqual(1);
        expect(hit.every((c) => c.unparseable === true && Number.isNaN(c.value)), text).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on arbitrary text; claims are ordered, disjoint, and their text is the slice they name', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789.,-+%$¥€ ()[]`*_~<>&#;/^×x'.split(''),
      '九', '万', '亿', '点', '分之', '成', '倍', '负', '第', '年', '月', '个', '次', 'one', ' point ', 'half', 'third', 'billion', ' and ',
      '\u200b', '\u2009', '\u00ad', '𝟗', '⑨', '❶', '٣', 'Ⅻ', '¾', '¹²', '&#57;', '<b>', '</b>', '**', '\n', '|', 'e',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const claims = extractClaims(text);
        let last = 0;
        for (const c of claims) {
          expect(c.start, text).toBeGreaterThanOrEqual(last);
          expect(c.end, text).toBeGreaterThan(c.start);
          expect(c.text, text).toBe(text.slice(c.start, c.end));
          expect(Number.isNaN(c.value) === (c.unparseable === true), `${text}: ${c.text}`).toBe(true);
          last = c.end;
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('finds no claim in generated sentences of dates, durations, ordinals and words that only contain numerals', () => {
    const year = fc.integer({ min: 1990, max: 2030 });
    const month = fc.integer({ min: 1, max: 12 });
    const day = fc.integer({ min: 1, max: 28 });
    const small = fc.integer({ min: 1, max: 30 });
    const zhSmall = small.map((n) => zh8(n));
    const piece = fc.oneof(
      year.map((y) => `${y}年`),
      fc.tuple(year, month, day).map(([y, m, d]) => `${y}年${m}月${d}日`),
      fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.tuple(month, day).map(([m, d]) => `${zh8(m)}月${zh8(d)}日`),
      year.map((y) => `${[...String(y)].map((c) => '〇一二三四五六七八九'[Number(c)]).join('')}年`),
      fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}年第${q}季度`),
      fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `Q${q} ${y}`),
      fc.tuple(fc.constantFrom('January', 'March', 'June', 'September'), day, year).map(([m, d, y]) => `${m} ${d}, ${y}`),
      fc.oneof(small, zhSmall).map((n) => `过去${n}个月`),
      fc.oneof(small, zhSmall).map((n) => `${n}年前`),
      fc.oneof(small, zhSmall).map((n) => `${n}年来`),
      fc.oneof(small, zhSmall).map((n) => `${n}年期国债`),
      small.map((n) => `${n}-year Treasury`),
      small.map((n) => `${EN_ONES[Math.min(n, 19)]}-year yield`),
      small.map((n) => `over the past ${n} months`),
      fc.oneof(small, zhSmall).map((n) => `第${n}次会议`),
      fc.constantFrom('first', 'second', 'third time', '1st', '2nd', '3rd'),
      fc.constantFrom('上一次', '最近一次', '这一次', '每一次', '第一次', '下一次'),
      fc.constantFrom('一些', '一直', '一样', '统一', '一般', '万一', '一旦', '唯一', '一起', '一定', '之一', '十分', '百货', '千万别'),
      fc.constantFrom('one of the members', 'no one', 'someone', 'the one that', 'once'),
      fc.constantFrom('[1]', '[2][3]', '[1, 2]'),
      fc.constantFrom('DGS10', 'T10Y2Y', 'S&P 500', 'COVID-19', '10Y', '2s10s'),
      fc.constantFrom('一年前', '过去3个月', '10年期', '30-year', '一年来'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.boolean(), (pieces, zh) => {
        const text = zh ? `${pieces.join('，')}，利率维持不变。` : `${pieces.join(', ')}, the rate was unchanged.`;
        expect(extractClaims(text).map((c) => c.text), text).toEqual([]);
      }),
      { numRuns: RUNS * 2 },
    );
    // list numbers at the start of lines
    fc.assert(
      fc.property(fc.array(fc.constantFrom('要点', 'Point', '结论'), { minLength: 1, maxLength: 5 }), (items) => {
        const text = items.map((t, i) => `${i + 1}. ${t}`).join('\n');
        expect(extractClaims(text), text).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
