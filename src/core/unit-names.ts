// Unit names for people, in both languages: what a stored value is measured in ("百万美元" / "millions of US
// dollars", "美元/股" / "US dollars per share", "百分比" / "percent"). Built from the structured fields of a Unit
// (kind, scale, currency); the publisher's label is read only for what those fields do not say — what a price is
// per (share, barrel, troy ounce, one US dollar), an index's base period, a real-dollar base year.
import type { Lang } from './format.ts';
import type { Unit } from './types.ts';

/** Currencies by ISO code: the Chinese name and the English name (plural, as in "millions of US dollars"). */
export const CURRENCY_NAMES: Record<string, { zh: string; en: string; enOne: string }> = {
  USD: { zh: '美元', en: 'US dollars', enOne: 'US dollar' },
  CNY: { zh: '人民币元', en: 'Chinese yuan', enOne: 'Chinese yuan' },
  CNH: { zh: '离岸人民币元', en: 'offshore Chinese yuan', enOne: 'offshore Chinese yuan' },
  EUR: { zh: '欧元', en: 'euros', enOne: 'euro' },
  JPY: { zh: '日元', en: 'Japanese yen', enOne: 'Japanese yen' },
  KRW: { zh: '韩元', en: 'Korean won', enOne: 'Korean won' },
  TWD: { zh: '新台币', en: 'New Taiwan dollars', enOne: 'New Taiwan dollar' },
  HKD: { zh: '港元', en: 'Hong Kong dollars', enOne: 'Hong Kong dollar' },
  GBP: { zh: '英镑', en: 'British pounds', enOne: 'British pound' },
  CHF: { zh: '瑞士法郎', en: 'Swiss francs', enOne: 'Swiss franc' },
  CAD: { zh: '加元', en: 'Canadian dollars', enOne: 'Canadian dollar' },
  AUD: { zh: '澳元', en: 'Australian dollars', enOne: 'Australian dollar' },
  NZD: { zh: '新西兰元', en: 'New Zealand dollars', enOne: 'New Zealand dollar' },
  INR: { zh: '印度卢比', en: 'Indian rupees', enOne: 'Indian rupee' },
  MXN: { zh: '墨西哥比索', en: 'Mexican pesos', enOne: 'Mexican peso' },
  BRL: { zh: '巴西雷亚尔', en: 'Brazilian reais', enOne: 'Brazilian real' },
  ZAR: { zh: '南非兰特', en: 'South African rand', enOne: 'South African rand' },
};

/** Currency names found inside publishers' labels ("U.S. dollars per euro"), mapped to ISO codes. */
const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/offshore chinese yuan/i, 'CNH'],
  [/chinese yuan|renminbi|\byuan\b/i, 'CNY'],
  [/u\.?s\.? dollars?|\busd\b/i, 'USD'],
  [/\beuros?\b/i, 'EUR'],
  [/japanese yen|\byen\b/i, 'JPY'],
  [/korean won|\bkrw\b/i, 'KRW'],
  [/british pounds?|pounds? sterling/i, 'GBP'],
  [/swiss francs?/i, 'CHF'],
  [/canadian dollars?/i, 'CAD'],
  [/australian dollars?/i, 'AUD'],
  [/new zealand dollars?/i, 'NZD'],
  [/hong kong dollars?/i, 'HKD'],
  [/indian rupees?/i, 'INR'],
  [/mexican pesos?/i, 'MXN'],
  [/brazilian reais|brazilian real/i, 'BRL'],
  [/south african rand/i, 'ZAR'],
  [/new taiwan dollars?|\btwd\b/i, 'TWD'],
];

/** What a price can be per, besides a currency (the English word as publishers write it). */
const PER_THING: Array<[RegExp, { zh: string; en: string }]> = [
  [/per share/i, { zh: '股', en: 'share' }],
  [/per barrel/i, { zh: '桶', en: 'barrel' }],
  [/per gallon/i, { zh: '加仑', en: 'gallon' }],
  [/per (?:troy )?ounce/i, { zh: '盎司', en: 'troy ounce' }],
  [/per metric ton/i, { zh: '吨', en: 'metric ton' }],
  [/per pound/i, { zh: '磅', en: 'pound' }],
  [/per mmbtu/i, { zh: '百万英热单位', en: 'MMBtu' }],
  [/per bitcoin/i, { zh: '比特币', en: 'bitcoin' }],
  [/per ether/i, { zh: '以太币', en: 'ether' }],
];

/** Scales as Chinese prefixes (百万美元, 十亿美元) and English words (millions of …). */
const SCALES: Array<[number, string, string]> = [
  [1e12, '万亿', 'trillions'],
  // Chinese money is counted in 万/亿/万亿; a billion is 10亿 (never 十亿, a unit Chinese finance text does not use)
  [1e9, '10亿', 'billions'],
  [1e8, '亿', 'hundreds of millions'],
  [1e6, '百万', 'millions'],
  [1e4, '万', 'tens of thousands'],
  [1e3, '千', 'thousands'],
];

function scaleWords(scale: number): { zh: string; en: string } | null {
  const hit = SCALES.find(([s]) => Math.abs(scale - s) < s * 1e-9);
  return hit ? { zh: hit[1], en: hit[2] } : null;
}

function currencyName(code: string | undefined, lang: Lang, one = false): string {
  const c = code ?? 'USD';
  const names = CURRENCY_NAMES[c];
  if (!names) return c;
  return lang === 'zh' ? names.zh : one ? names.enOne : names.en;
}

function currencyInLabel(text: string): string | undefined {
  return CURRENCY_WORDS.find(([re]) => re.test(text))?.[1];
}

/** "Billions of Chained 2017 Dollars" / "Billions of 1982-84 Dollars": the base year of real dollars. */
function realBase(label: string): string | undefined {
  return /chained (\d{4})/i.exec(label)?.[1] ?? /of (\d{4}(?:-\d{2,4})?) dollars/i.exec(label)?.[1];
}

function currencyUnit(unit: Unit, lang: Lang): string {
  const scale = unit.scale === 1 ? { zh: '', en: '' } : scaleWords(unit.scale);
  const name = currencyName(unit.currency, lang);
  const base = realBase(unit.label);
  if (lang === 'zh') {
    const word = scale ? `${scale.zh}${name}` : `${name}（×${unit.scale}）`;
    return base ? `${word}（${base}年不变价）` : word;
  }
  const real = base ? (/chained/i.test(unit.label) ? `chained ${base} ` : `${base} `) : '';
  if (!scale) return `${real}${name} (×${unit.scale})`;
  return scale.en ? `${scale.en} of ${real}${name}` : `${real}${name}`;
}

function priceUnit(unit: Unit, lang: Lang): string {
  const name = currencyName(unit.currency, lang);
  const thing = PER_THING.find(([re]) => re.test(unit.label))?.[1];
  if (thing) return lang === 'zh' ? `${name}/${thing.zh}` : `${name} per ${thing.en}`;
  // an exchange rate: "<currency> per <other currency>" or "<currency> to One <other currency>"
  const per = /\b(?:per|to one)\b(.*)$/i.exec(unit.label)?.[1];
  const other = per ? currencyInLabel(per) : undefined;
  if (other) return lang === 'zh' ? `${name}/${currencyName(other, lang)}` : `${name} per ${currencyName(other, lang, true)}`;
  return name;
}

function countUnit(unit: Unit, lang: Lang): string {
  const label = unit.label.toLowerCase();
  const what = /person/.test(label)
    ? { zh: '人', en: 'persons' }
    : /housing|units/.test(label)
      ? { zh: '套', en: 'units' }
      : /meeting/.test(label)
        ? { zh: '次会议', en: 'meetings' }
        : { zh: '个', en: 'count' };
  if (unit.scale === 1) return lang === 'zh' ? what.zh : what.en;
  const scale = scaleWords(unit.scale);
  if (!scale) return lang === 'zh' ? `${what.zh}（×${unit.scale}）` : `${what.en} (×${unit.scale})`;
  return lang === 'zh' ? `${scale.zh}${what.zh === '个' ? '' : what.zh}` : `${scale.en}${what.en === 'count' ? '' : ` of ${what.en}`}`;
}

function indexUnit(unit: Unit, lang: Lang): string {
  // "Index 1982-1984=100", "Index Nov 2009=100", "Index 1966:Q1=100": the base period and its value
  const base = /=\s*100/.test(unit.label) ? /index\s+(.+?)\s*=\s*100/i.exec(unit.label)?.[1] : undefined;
  if (base) {
    if (lang === 'en') return `index (${base} = 100)`;
    const month = /^([A-Z][a-z]{2}) (\d{4})$/.exec(base);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const quarter = /^(\d{4}):Q([1-4])$/.exec(base);
    const zhBase = month && months.includes(month[1]!)
      ? `${month[2]}年${months.indexOf(month[1]!) + 1}月`
      : quarter
        ? `${quarter[1]}年第${quarter[2]}季度`
        : /^\d{4}(-\d{2,4})?$/.test(base)
          ? `${base}年`
          : base;
    return `指数（${zhBase}=100）`;
  }
  if (/\+1 or 0/.test(unit.label)) return lang === 'zh' ? '标志（1 或 0）' : 'indicator (1 or 0)';
  if (/index points/i.test(unit.label)) return lang === 'zh' ? '指数点' : 'index points';
  return lang === 'zh' ? '指数' : 'index';
}

function ratioUnit(unit: Unit, lang: Lang): string {
  if (/fraction/i.test(unit.label)) return lang === 'zh' ? '比例（0–1）' : 'fraction (0–1)';
  if (/times/i.test(unit.label)) return lang === 'zh' ? '倍' : 'times';
  return lang === 'zh' ? '比率' : 'ratio';
}

/** The name of a unit in the given language, e.g. 百万美元 / millions of US dollars, 美元/股 / US dollars per share. */
export function unitName(unit: Unit, lang: Lang): string {
  switch (unit.kind) {
    case 'currency':
      return currencyUnit(unit, lang);
    case 'price':
      return priceUnit(unit, lang);
    case 'percent':
      return lang === 'zh' ? '百分比' : 'percent';
    case 'percentage_points':
      if (Math.abs(unit.scale - 0.01) < 1e-12) return lang === 'zh' ? '基点' : 'basis points';
      return lang === 'zh' ? '百分点' : 'percentage points';
    case 'count':
      return countUnit(unit, lang);
    case 'index':
      return indexUnit(unit, lang);
    case 'ratio':
      return ratioUnit(unit, lang);
  }
}
