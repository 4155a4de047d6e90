// Spreads between two countries' government yields named as a pair ("中美10年期国债利差", "US-China 10-year
// spread"): a table of which series holds each country's yield at each tenor, and the pattern that names the pair.
// The first country named is the minuend (中美 = US minus China).

interface Country {
  /** Words that name the country in a pair (中 in 中美, China, CN). */
  words: RegExp;
  /** Series id of the government yield by tenor in years. */
  yields: Record<number, string>;
}

export const COUNTRY_YIELDS: Record<string, Country> = {
  us: { words: /^(?:美|美国|us|u\.s\.|usa|america|american|treasury)$/i, yields: { 1: 'DGS1', 2: 'DGS2', 3: 'DGS3', 5: 'DGS5', 7: 'DGS7', 10: 'DGS10', 20: 'DGS20', 30: 'DGS30' } },
  cn: { words: /^(?:中|中国|china|chinese|cn|cgb)$/i, yields: { 10: 'CGB10Y', 30: 'CGB30Y' } },
};

const countryOf = (w: string): string | null => Object.entries(COUNTRY_YIELDS).find(([, c]) => c.words.test(w.trim()))?.[0] ?? null;

export interface PairSpread {
  a: string;
  b: string;
  tenor: number;
  countries: [string, string];
}

/** The two yield series of a country-pair spread question, or null (also when a country lacks the tenor). */
export function countryPairSpread(text: string): PairSpread | null {
  if (!/利差|息差|差值|相差|差多少|spread|gap|differential|difference/i.test(text)) return null;
  // the countries in the order named (中美, US-China, between US and China, 美国和中国), and a tenor anywhere
  const mentions: string[] = [];
  const re = /中美|美中|中国|美国|\b(?:us|u\.s\.|usa|united states|american|treasur(?:y|ies)|china|chinese|cn|cgb)\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const found = w === '中美' ? ['cn', 'us'] : w === '美中' ? ['us', 'cn'] : [countryOf(/united states|treasur/i.test(w) ? 'us' : w.replace(/国$/, ''))];
    for (const c of found) if (c && !mentions.includes(c)) mentions.push(c);
  }
  const t = /(\d{1,2})\s*(?:年期|年|[- ]?(?:year|yr|y)\b)/i.exec(text);
  const ca = mentions[0] ?? null;
  const cb = mentions[1] ?? null;
  const tenor = t ? Number(t[1]) : 0;
  if (!ca || !cb || ca === cb) return null;
  const a = COUNTRY_YIELDS[ca]!.yields[tenor];
  const b = COUNTRY_YIELDS[cb]!.yields[tenor];
  if (!a || !b) return null;
  return { a, b, tenor, countries: [ca, cb] };
}
