// Number formatting for people: Chinese money in 亿/万亿 (350亿美元, 6.75万亿美元), English in
// billion/trillion ($35 billion, $6.75 trillion). Values given here are in base units (dollars, persons).
import type { Unit } from './types.ts';
import { unitName } from './unit-names.ts';

export type Lang = 'zh' | 'en';

const CURRENCY_ZH: Record<string, string> = { USD: '美元', CNY: '元', KRW: '韩元', EUR: '欧元', JPY: '日元', TWD: '新台币', HKD: '港元', GBP: '英镑' };
const CURRENCY_EN_PREFIX: Record<string, string> = { USD: '$', EUR: '€', JPY: '¥', CNY: 'CN¥', TWD: 'NT$', HKD: 'HK$', GBP: '£' };

/** Round to `digits` significant decimals without trailing zeros: 6.7457 → "6.75", 35.0 → "35". */
export function trimNumber(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function groupThousands(s: string): string {
  const [int, frac] = s.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac ? `.${frac}` : '');
}

/** How a formatted number is rounded: trailing zeros trimmed (the default) or kept (a table column). */
export interface NumberStyle {
  /** Keep the trailing zeros of the formatter's precision (2.90万亿美元), so a column reads alike. */
  keepZeros?: boolean;
}

function rounder(style: NumberStyle): (v: number, decimals: number) => string {
  return style.keepZeros ? (v, d) => v.toFixed(d) : trimNumber;
}

/** A money amount in base units (e.g. dollars) for people. */
export function formatMoney(amount: number, currency: string, lang: Lang, decimals = 2, style: NumberStyle = {}): string {
  const round = rounder(style);
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  if (lang === 'zh') {
    const unit = CURRENCY_ZH[currency] ?? currency;
    if (abs >= 1e12) return `${sign}${round(abs / 1e12, decimals)}万亿${unit}`;
    if (abs >= 1e8) return `${sign}${round(abs / 1e8, abs >= 1e10 ? 0 : decimals)}亿${unit}`;
    if (abs >= 1e4) return `${sign}${round(abs / 1e4, decimals)}万${unit}`;
    return `${sign}${round(abs, decimals)}${unit}`;
  }
  const prefix = CURRENCY_EN_PREFIX[currency];
  const wrap = (n: string, word: string) => (prefix ? `${sign}${prefix}${n}${word}` : `${sign}${n}${word} ${currency}`);
  if (abs >= 1e12) return wrap(round(abs / 1e12, decimals), ' trillion');
  if (abs >= 1e9) return wrap(round(abs / 1e9, abs >= 1e11 ? 0 : decimals === 2 ? 1 : decimals), ' billion');
  if (abs >= 1e6) return wrap(round(abs / 1e6, 1), ' million');
  return wrap(groupThousands(round(abs, decimals)), '');
}

/**
 * The unit a chart axis of money should use, so its ticks read like the text (亿美元 / $ billion), not "280万"
 * millions: the divisor from the stored value and the axis name.
 */
export function moneyAxis(unit: Unit, maxAbsStored: number, lang: Lang): { divisor: number; name: string } | null {
  if (unit.kind !== 'currency') return null;
  const currency = unit.currency ?? 'USD';
  const base = maxAbsStored * unit.scale;
  const steps: Array<[number, string]> =
    lang === 'zh'
      ? [[1e12, `万亿${CURRENCY_ZH[currency] ?? currency}`], [1e8, `亿${CURRENCY_ZH[currency] ?? currency}`], [1, CURRENCY_ZH[currency] ?? currency]]
      : [[1e12, `trillions of ${currency}`], [1e9, `billions of ${currency}`], [1e6, `millions of ${currency}`], [1, currency]];
  const [size, name] = steps.find(([n]) => base >= n) ?? steps[steps.length - 1]!;
  return { divisor: size / unit.scale, name };
}

/**
 * The name and divisor of a chart's value axis for a unit, so the axis reads like the text: money in 亿/万亿 (a
 * chart never says 十亿) or billions/trillions (`moneyAxis`), real dollars with their base year, counts in 万/亿 in
 * Chinese, percent as %, and every other unit by its name in the chart's language (`unitName`: 基点, 美元/股,
 * 指数（2017年=100）/ US dollars per share …) instead of the catalog's English label. `divisor` is in stored units.
 */
export function axisUnit(unit: Unit, maxAbsStored: number, lang: Lang): { divisor: number; name: string } {
  if (unit.kind === 'currency') {
    const m = moneyAxis(unit, maxAbsStored, lang)!;
    // real (constant-price) dollars say so: "Billions of Chained 2017 Dollars", "Billions of 1982-84 Dollars"
    const real = /chained (\d{4})|of (\d{4}(?:-\d{2,4})?) dollars/i.exec(unit.label ?? '');
    if (!real) return m;
    const year = real[1] ?? real[2]!;
    return { divisor: m.divisor, name: lang === 'zh' ? `${m.name}（${year}年不变价）` : `${m.name} (${real[1] ? `chained ${year}` : year} dollars)` };
  }
  if (unit.kind === 'percent') return { divisor: 1, name: lang === 'zh' ? '%' : 'percent' };
  if (unit.kind === 'count' && lang === 'zh') {
    // 1.59亿人 in the text, so 亿人 on the axis (not 千人 with six-digit ticks)
    const noun = unitName({ ...unit, scale: 1 }, 'zh');
    const base = maxAbsStored * unit.scale;
    const [size, prefix] = base >= 1e8 ? [1e8, '亿'] : base >= 1e4 ? [1e4, '万'] : [1, ''];
    return { divisor: size / unit.scale, name: `${prefix}${noun === '个' && prefix ? '' : noun}` };
  }
  return { divisor: 1, name: unitName(unit, lang) };
}

/** A value in a series' native units, formatted for people in the given language. */
export function formatValue(value: number, unit: Unit, lang: Lang, decimals = 2, style: NumberStyle = {}): string {
  const round = rounder(style);
  switch (unit.kind) {
    case 'currency':
      return formatMoney(value * unit.scale, unit.currency ?? 'USD', lang, decimals, style);
    case 'percent':
      return `${round(value, 2)}%`;
    case 'percentage_points':
      // scale 0.01 = basis points (1 bp = 0.01 percentage points)
      if (unit.scale === 0.01) return lang === 'zh' ? `${round(value, 1)}个基点` : `${round(value, 1)} bp`;
      return lang === 'zh' ? `${round(value * unit.scale, 2)}个百分点` : `${round(value * unit.scale, 2)} pp`;
    case 'count': {
      const n = value * unit.scale;
      if (lang === 'zh') {
        if (Math.abs(n) >= 1e8) return `${round(n / 1e8, decimals)}亿`;
        if (Math.abs(n) >= 1e4) return `${round(n / 1e4, Math.max(1, decimals - 1))}万`;
        return groupThousands(round(n, 0));
      }
      if (Math.abs(n) >= 1e6) return `${round(n / 1e6, decimals)} million`;
      return groupThousands(round(n, 0));
    }
    case 'price': {
      // FX rates and other small prices need more than cents (EUR/USD 1.1678)
      const d = Math.abs(value) < 10 ? Math.max(decimals, 4) : decimals;
      return lang === 'zh'
        ? `${groupThousands(round(value, d))}${CURRENCY_ZH[unit.currency ?? 'USD'] ?? unit.currency ?? ''}`
        : `${CURRENCY_EN_PREFIX[unit.currency ?? 'USD'] ?? ''}${groupThousands(round(value, d))}${CURRENCY_EN_PREFIX[unit.currency ?? 'USD'] ? '' : ` ${unit.currency}`}`;
    }
    case 'index':
    case 'ratio':
      return groupThousands(round(value, 2));
  }
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
/**
 * What makes an ASCII mark Chinese punctuation when it touches it: a Chinese character or full-width punctuation. Curly
 * quotes do not count: the mark may be the last of an English passage quoted verbatim (“…to 2 percent?”), which stays
 * as written.
 */
const CJK_CONTEXT = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;

/**
 * Chinese text with full-width punctuation: an ASCII , : ; ? ! ( ) next to a Chinese character (or inside a
 * parenthesis that holds one) becomes full-width. Numbers (1,234), times (14:00), URLs, Markdown link targets,
 * code spans and table rows are left as they are.
 */
export function chinesePunctuation(text: string): string {
  return punctuate(text, false);
}

/**
 * `chinesePunctuation` for documents whose tables are text too (reports): each cell of a Markdown table row is
 * converted on its own, the row's pipes and its alignment line are kept.
 */
export function chinesePunctuationWithTables(text: string): string {
  return punctuate(text, true);
}

function punctuate(text: string, tableCells: boolean): string {
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*\|/.test(line)) {
        if (!tableCells || /^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(line)) return line;
        // pipes that are not escaped (\|) separate the cells
        return line.split(/(?<!\\)\|/).map(chinesePunctuationLine).join('|');
      }
      return chinesePunctuationLine(line);
    })
    .join('\n');
}

function chinesePunctuationLine(line: string): string {
  // protect spans that must stay ASCII
  const kept: string[] = [];
  // (a link target may hold one level of brackets: …/wiki/Repo_(finance))
  const masked = line.replace(/`[^`]*`|\]\((?:[^()]|\([^()]*\))*\)|https?:\/\/\S+|\[\d+(?:\]\[\d+)*\]/g, (m) => {
    kept.push(m);
    return `\u0000${kept.length - 1}\u0000`;
  });
  let out = '';
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!;
    const fw = FULL_WIDTH[c];
    if (!fw) {
      out += c;
      continue;
    }
    // a citation marker and Markdown emphasis are transparent: "…美元[1](-24.33%)" follows a Chinese character;
    // so is a number with its sign and percent: "为-0.38%,QT2结束时" is a Chinese clause
    const before = out.replace(/(?:\u0000\d+\u0000|[*_])+$/, '');
    const prev = before.replace(/(?:[+\-−]?\d[\d.,]*%?\s?)+$/, '').slice(-1);
    const next = masked.slice(i + 1).replace(/^(?:\u0000\d+\u0000|[*_])+/, '').charAt(0);
    // a thousands separator (1,234) or a ratio/time (3:1, 14:00) stays ASCII
    const digitsAround = (c === ',' || c === ':' || c === ';') && /\d/.test(before.slice(-1)) && (c === ',' ? /^\d{3}(?!\d)/.test(masked.slice(i + 1)) : /\d/.test(next));
    if (digitsAround) {
      out += c;
      continue;
    }
    if (c === '(') {
      const close = masked.indexOf(')', i);
      const inner = close > i ? masked.slice(i + 1, close) : '';
      // a bracket inside Chinese text: after a Chinese character, holding one, or followed by one ("ETF(SPY)日收盘价")
      const after = close > i ? masked.charAt(close + 1) : '';
      out += CJK_CONTEXT.test(prev) || CJK_CONTEXT.test(inner) || CJK_CONTEXT.test(after) ? fw : c;
      continue;
    }
    if (c === ')') {
      const open = out.lastIndexOf('（') > out.lastIndexOf('(');
      out += open ? fw : c;
      continue;
    }
    out += CJK_CONTEXT.test(prev) || CJK_CONTEXT.test(next) ? fw : c;
  }
  return out.replace(/\u0000(\d+)\u0000/g, (_, n: string) => kept[Number(n)]!);
}
