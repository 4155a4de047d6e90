// Words the parser must account for that name things the database may NOT hold: places (every ISO region, in
// Chinese and English, from the runtime's CLDR data, plus demonyms and short forms), central banks, world equity
// indices, organisation nouns that turn a company name into another company's ("Apple Bank"), share classes and
// Treasury tenors. Kept as data: a new place or index is a line here, not a branch in the parser.
import { createRequire } from 'node:module';
import type { SeriesMeta } from '../../core/types.ts';

/** A region code: ISO 3166 alpha-2, or EU (euro area / EU) and GLOBAL (world markets, commodities, crypto). */
export type Region = string;

export interface PlaceName {
  /** The name as it may be written (Latin names match case-sensitively on their first letter). */
  name: string;
  region: Region;
  kind: 'place' | 'institution';
}

// Names the CLDR tables do not give, or give only in a long form.
const EXTRA_PLACES: Array<[string, Region]> = [
  ['美国', 'US'], ['美', 'US'], ['USA', 'US'], ['U.S.', 'US'], ['U.S.A.', 'US'], ['US', 'US'], ['America', 'US'], ['American', 'US'],
  ['中国', 'CN'], ['中国大陆', 'CN'], ['内地', 'CN'], ['PRC', 'CN'], ['Chinese', 'CN'], ['mainland China', 'CN'],
  ['香港', 'HK'], ['Hong Kong', 'HK'], ['澳门', 'MO'], ['Macau', 'MO'], ['台湾', 'TW'], ['Taiwanese', 'TW'],
  ['欧元区', 'EU'], ['欧洲', 'EU'], ['欧盟', 'EU'], ['Europe', 'EU'], ['European', 'EU'], ['euro area', 'EU'], ['eurozone', 'EU'], ['Eurozone', 'EU'],
  ['英国', 'GB'], ['UK', 'GB'], ['U.K.', 'GB'], ['Britain', 'GB'], ['British', 'GB'], ['England', 'GB'], ['英格兰', 'GB'],
  ['Japanese', 'JP'], ['韩国', 'KR'], ['Korea', 'KR'], ['Korean', 'KR'], ['朝鲜', 'KP'], ['North Korea', 'KP'],
  ['German', 'DE'], ['French', 'FR'], ['Italian', 'IT'], ['Spanish', 'ES'], ['Indian', 'IN'], ['印度', 'IN'], ['Brazilian', 'BR'],
  ['Canadian', 'CA'], ['Australian', 'AU'], ['澳洲', 'AU'], ['Russian', 'RU'], ['俄罗斯', 'RU'], ['Mexican', 'MX'], ['Swiss', 'CH'],
  ['Turkish', 'TR'], ['Turkey', 'TR'], ['土耳其', 'TR'], ['Argentine', 'AR'], ['Argentinian', 'AR'], ['Saudi', 'SA'], ['沙特', 'SA'], ['Vietnamese', 'VN'], ['越南', 'VN'],
  ['Indonesian', 'ID'], ['South African', 'ZA'], ['南非', 'ZA'], ['Israeli', 'IL'], ['Dutch', 'NL'], ['荷兰', 'NL'], ['Swedish', 'SE'], ['Norwegian', 'NO'],
  ['Zimbabwean', 'ZW'], ['Venezuelan', 'VE'], ['Thai', 'TH'], ['泰国', 'TH'], ['Singaporean', 'SG'], ['新加坡', 'SG'], ['Philippine', 'PH'], ['Polish', 'PL'],
  ['全球', 'GLOBAL'], ['世界', 'GLOBAL'], ['global', 'GLOBAL'], ['world', 'GLOBAL'], ['worldwide', 'GLOBAL'],
];

// Central banks and ministries: a question about one of them is about its region.
const INSTITUTIONS: Array<[string, Region]> = [
  ['美联储', 'US'], ['联储', 'US'], ['Fed', 'US'], ['Federal Reserve', 'US'], ['FOMC', 'US'], ['美国财政部', 'US'], ['Treasury Department', 'US'],
  ['欧洲央行', 'EU'], ['欧央行', 'EU'], ['ECB', 'EU'], ['European Central Bank', 'EU'],
  ['日本央行', 'JP'], ['日银', 'JP'], ['日本银行', 'JP'], ['BoJ', 'JP'], ['BOJ', 'JP'], ['Bank of Japan', 'JP'],
  ['英国央行', 'GB'], ['英格兰银行', 'GB'], ['英国银行', 'GB'], ['BoE', 'GB'], ['BOE', 'GB'], ['Bank of England', 'GB'],
  ['中国人民银行', 'CN'], ['人民银行', 'CN'], ['人行', 'CN'], ['PBOC', 'CN'], ['PBoC', 'CN'], ["People's Bank of China", 'CN'],
  ['瑞士央行', 'CH'], ['瑞士国家银行', 'CH'], ['SNB', 'CH'], ['Swiss National Bank', 'CH'],
  ['加拿大央行', 'CA'], ['BoC', 'CA'], ['Bank of Canada', 'CA'],
  ['澳洲联储', 'AU'], ['澳大利亚央行', 'AU'], ['澳联储', 'AU'], ['RBA', 'AU'], ['Reserve Bank of Australia', 'AU'],
  ['新西兰联储', 'NZ'], ['新西兰央行', 'NZ'], ['RBNZ', 'NZ'], ['印度央行', 'IN'], ['印度储备银行', 'IN'], ['RBI', 'IN'], ['Reserve Bank of India', 'IN'],
  ['韩国央行', 'KR'], ['韩国银行', 'KR'], ['Bank of Korea', 'KR'], ['德国央行', 'DE'], ['德意志联邦银行', 'DE'], ['Bundesbank', 'DE'],
  ['法国央行', 'FR'], ['Banque de France', 'FR'], ['俄罗斯央行', 'RU'], ['巴西央行', 'BR'], ['Banxico', 'MX'], ['墨西哥央行', 'MX'], ['土耳其央行', 'TR'],
  ['香港金管局', 'HK'], ['金管局', 'HK'], ['HKMA', 'HK'], ['新加坡金管局', 'SG'], ['MAS', 'SG'],
];

/** Equity indices and markets people ask about that the catalog may not hold (matched only outside held names). */
export const WORLD_INDICES: string[] = (<string[]>[
  'DAX', 'FTSE 100', 'FTSE', 'CAC 40', 'CAC', 'Euro Stoxx 50', 'Euro Stoxx', 'EURO STOXX', 'Stoxx 600', 'STOXX 600', 'Stoxx', 'STOXX',
  'Hang Seng', 'HSI', '恒生指数', '恒生科技', '恒指', '恒生', 'ASX 200', 'ASX', 'TSX', 'Bovespa', 'Ibovespa', 'Sensex', 'IBEX 35', 'IBEX',
  'FTSE MIB', 'SMI', 'AEX', 'OMX', 'MOEX', 'TAIEX', '台湾加权', '台股', '上证50', '中证500', '中证1000', '创业板指', '创业板', '科创50', '科创板',
  '北证50', '深证100', 'MSCI World', 'MSCI ACWI', 'MSCI China', 'Russell 1000', '罗素1000', 'Wilshire 5000', 'Dow Jones Transportation', '道琼斯运输',
  '德国DAX', '英国富时', '富时100', '法国CAC', '欧洲斯托克', '斯托克50', '东证', 'TOPIX', 'Topix',
]).map((n) => n.normalize('NFKC'));

/** Nouns that, right after a company's name, name a different company ("Apple Bank", "英伟达移动"). */
export const ORG_NOUNS_EN = /^(?:bank|bancorp|mobile|airlines?|airways|insurance|securities|realty|mining|hospitality|brewing|telecom|ltd\.?|limited)$/i;
export const ORG_NOUNS_ZH = ['银行', '移动', '航空', '保险', '证券', '地产', '矿业', '电信', '酒店', '基金'];

/** Legal-form words that may follow a company's name without naming another company. */
export const LEGAL_FORMS = /^(?:inc\.?|incorporated|corp\.?|corporation|co\.?|company|plc|llc|sa|ag|nv|se|group|holdings?|公司|集团|股份)$/i;

let placeCache: PlaceName[] | null = null;

/** Every place and institution name, longest first (so "North Korea" wins over "Korea"). */
export function placeNames(): PlaceName[] {
  if (placeCache) return placeCache;
  const out = new Map<string, PlaceName>();
  const add = (name: string, region: Region, kind: PlaceName['kind']) => {
    if (name.length < 2 && !/[\u3400-\u9fff]/.test(name)) return;
    // names are kept in NFKC, the form questions are normalised to (刚果（金） → 刚果(金))
    const n = name.normalize('NFKC');
    if (!out.has(n)) out.set(n, { name: n, region, kind });
  };
  for (const [n, r] of INSTITUTIONS) add(n, r, 'institution');
  for (const [n, r] of EXTRA_PLACES) add(n, r, 'place');
  const zh = new Intl.DisplayNames(['zh'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let zn: string | undefined;
      let enn: string | undefined;
      try {
        zn = zh.of(code);
        enn = en.of(code);
      } catch {
        continue;
      }
      // unknown codes come back as the code itself
      if (!zn || !enn || zn === code || enn === code) continue;
      const region = code === 'EZ' ? 'EU' : code;
      add(zn.replace(/特别行政区$/, ''), region, 'place');
      add(zn, region, 'place');
      add(enn.replace(/ SAR China$/, ''), region, 'place');
      add(enn, region, 'place');
    }
  placeCache = [...out.values()].filter((p) => p.name !== '美' || p.region === 'US').sort((x, y) => y.name.length - x.name.length);
  return placeCache;
}

const CURRENCY_REGION: Record<string, Region> = {
  USD: 'US', CNY: 'CN', CNH: 'CN', JPY: 'JP', EUR: 'EU', GBP: 'GB', HKD: 'HK', INR: 'IN', KRW: 'KR', MXN: 'MX', ZAR: 'ZA', BRL: 'BR', CAD: 'CA', CHF: 'CH', AUD: 'AU', NZD: 'NZ',
};

/** Series whose region their title or category does not say. */
const REGION_OVERRIDES: Record<string, Region[]> = {
  N225: ['JP'], KOSPI: ['KR'], NIFTY: ['IN'], SAMSUNG: ['KR'], SKHYNIX: ['KR'], TSM: ['TW'], EWT: ['TW'], AZN: ['GB'], FXI: ['CN'], KWEB: ['CN'], CQQQ: ['CN'],
  EEM: ['GLOBAL'], EFA: ['GLOBAL'], EMB: ['GLOBAL'], CBOE_VXEEM: ['GLOBAL'], CBOE_VEWZ: ['BR'], OFR_FSI_EMERGING_MARKETS: ['GLOBAL'], OFR_FSI_OTHER_ADVANCED: ['GLOBAL'],
};

/**
 * The regions a series is about: from an override, its FX currencies, its category (china), the places its English
 * title names ("… Treasury Securities: Japan"), world markets for commodities and crypto; the United States
 * otherwise. A U.S. Treasury holding of a country is about both.
 */
export function regionsOf(meta: SeriesMeta): Set<Region> {
  const key = `${meta.id}\u0000${meta.title.en}`;
  let r = regionCache.get(key);
  if (!r) regionCache.set(key, (r = computeRegions(meta)));
  return r;
}

const regionCache = new Map<string, Set<Region>>();

function computeRegions(meta: SeriesMeta): Set<Region> {
  const out = new Set<Region>(REGION_OVERRIDES[meta.id] ?? []);
  if (out.size) return out;
  if (meta.category === 'fx') {
    const m = /([A-Z]{3})\/?([A-Z]{3})/.exec(meta.title.en.replace(/.*\(([A-Z]{3})\/([A-Z]{3})\).*/, '$1$2')) ?? /^([A-Z]{3})([A-Z]{3})$/.exec(meta.id);
    if (m) for (const c of [m[1]!, m[2]!]) if (CURRENCY_REGION[c]) out.add(CURRENCY_REGION[c]);
    if (meta.id === 'DEXCHUS') out.add('CN').add('US');
    if (out.size) return out;
  }
  if (meta.category === 'china') return new Set(['CN']);
  if (meta.category === 'commodity' || meta.id === 'BTC' || meta.id === 'ETH') out.add('GLOBAL');
  const title = meta.title.en;
  for (const p of placeNames()) {
    if (p.kind !== 'place' || /[\u3400-\u9fff]/.test(p.name) || p.name.length < 4) continue;
    const re = new RegExp(`(?<![A-Za-z])${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
    if (re.test(title)) out.add(p.region);
  }
  if (/\bU\.S\.|United States|\bUS\b/.test(title)) out.add('US');
  if (!out.size || (out.size === 1 && out.has('GLOBAL') && meta.category !== 'commodity' && meta.id !== 'BTC' && meta.id !== 'ETH')) out.add('US');
  return out;
}

/** Region names for messages. */
export function regionName(region: Region, lang: 'zh' | 'en'): string {
  if (region === 'GLOBAL') return lang === 'zh' ? '全球市场' : 'world markets';
  if (region === 'EU') return lang === 'zh' ? '欧元区' : 'the euro area';
  try {
    return new Intl.DisplayNames([lang === 'zh' ? 'zh' : 'en'], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}

/**
 * Words that carry no subject (requests, question words, particles, generic nouns): an unknown Chinese run made
 * only of these is no name. Measures, periods and policy words are accounted for by their own parsers.
 */
export const ZH_FUNCTION_WORDS = [
  '请问', '请', '麻烦', '帮我', '帮忙', '给我', '告诉我', '我想知道', '想知道', '想问', '问一下', '查一下', '查查', '查询', '看看', '看一下', '了解', '一下', '你好', '您好',
  '是多少', '多少', '几', '什么', '怎么样', '怎样', '如何', '哪', '哪个', '哪些', '吗', '呢', '吧', '啊', '呀', '了', '的', '得', '地', '是', '有', '在', '和', '与', '跟', '及', '以及',
  '还有', '另外', '同时', '并且', '而且', '分别', '各自', '各', '都', '也', '又', '就', '还', '那', '这', '这个', '那个', '它', '它们', '其', '我', '我们', '你', '现在', '目前', '当前',
  '最新', '最近', '数据', '数值', '水平', '情况', '变化', '走势', '表现', '规模', '金额', '数字', '一共', '总共', '大概', '大约', '左右', '目前为止', '为止', '截至', '时候', '时',
  '股价', '价格', '收盘价', '收盘', '指数', '利率', '收益率', '利差', '点位', '股票', '公司', '市场', '美股', '美元', '期间', '季度', '季调', '经季调', '未季调', '以来', '以后', '之后', '之前', '以前', '时期', '至今', '到现在', '以内', '前后', '手里', '手上', '手中', '持有', '一共有', '整体', '总体', '官方', '公布', '发布',
];

/** Finance abbreviations, chat shorthand and the names of Fed officials a general English word list lacks. */
export const EN_FINANCE_WORDS = new Set(
  `pls plz thx thnx ty hey btw lol ok okay asap rn wrt vs w/ eg ie etc approx pct yr yrs
  powell warsh waller bowman barr jefferson cook kugler miran williams logan hammack kashkari goolsbee daly musalem schmid bostic
  harker mester barkin collins brainard clarida quarles yellen bernanke greenspan volcker
  yoy mom qoq ytd ttm bp bps pp eps ebitda capex fcf qt qe fomc sep cpi pce ppi gdp nfp fx etf etfs repo repos reit reits oas hy ig sofr iorb effr obfr tga rrp
  on onrrp srf h41 h.4.1 mbs tips yields usd cny rmb jpy eur gbp hkd nasdaq nyse s&p dow vix ust ust10 treasuries bund bunds gilt gilts jgb jgbs cgb
  drawdown drawdowns annualised annualized stdev std vol vols covid pandemic runoff qt1 qt2 breakeven breakevens ism pmi jolts payrolls nonfarm fy fiscal
  pe p/e pb p/b roe roa eps ev ev/ebitda marketcap mkt cap q1 q2 q3 q4 h1 h2 yr yrs mo mos wk wks ytd mtd qtd 10y 2y 30y 5y 3m 6m 1m 2s10s 3m10y`.split(/\s+/),
);

/** Statistics people ask for that the analytics library does not compute: declined by name, never replaced by another. */
export const UNSUPPORTED_MEASURES: string[] = [
  '偏度', '偏态', '峰度', '峰态', '夏普比率', '夏普', '索提诺', '中位数', '分位数', '百分位', '久期', '凸性', '在险价值', '信息比率', '卡玛比率', '胜率', '盈亏比', '半衰期', '自相关', '协整',
  'skewness', 'kurtosis', 'Sharpe ratio', 'Sharpe', 'Sortino', 'median', 'percentile', 'quantile', 'duration', 'convexity', 'value at risk', 'VaR', 'information ratio', 'Calmar', 'win rate', 'half-life', 'autocorrelation', 'cointegration',
];

let dictionary: Set<string> | null = null;

/**
 * The English word list (275k lower-case words), loaded on first use: a word in it is an ordinary word, not a name.
 * Read through require, which bundles and runs the same in the CLI bundle and under tsx.
 */
export function isEnglishWord(word: string): boolean {
  dictionary ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return dictionary.has(word.toLowerCase());
}
