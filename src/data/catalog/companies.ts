// Companies (and the two ETFs SPY/QQQ) with a daily price file in equities/daily/, and one price series each.
// Sector = GICS sector and CIK from equities/sp500_constituents.csv where the ticker is an S&P 500 member;
// for the others (AZN, TSM, CRCL, SAMSUNG, SKHYNIX) the GICS sector is from general knowledge and the CIK
// from SEC EDGAR where known. Exchanges follow the listing on the latest SEC filing's cover page
// (equities/sec_filings/): Walmart moved to Nasdaq in Dec 2025; AstraZeneca's U.S. line is on the NYSE.
import type { Company } from '../../core/types.ts';
import type { CatalogSeries } from './types.ts';

interface CompanySpec extends Company {
  /** Yahoo Finance symbol (BRK-B, 005930.KS …). */
  yahoo: string;
}

const c = (spec: CompanySpec): CompanySpec => spec;

const specs: CompanySpec[] = [
  c({ ticker: 'AAPL', name: { zh: '苹果公司', en: 'Apple Inc.' }, aliases: ['苹果', '苹果公司', 'Apple', 'Apple Inc'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '320193', currency: 'USD', yahoo: 'AAPL' }),
  c({ ticker: 'ABBV', name: { zh: '艾伯维', en: 'AbbVie Inc.' }, aliases: ['艾伯维', 'AbbVie'], exchange: 'NYSE', sector: 'Health Care', cik: '1551152', currency: 'USD', yahoo: 'ABBV' }),
  c({ ticker: 'AMD', name: { zh: '超威半导体', en: 'Advanced Micro Devices, Inc.' }, aliases: ['超威', '超威半导体', '超微半导体', 'Advanced Micro Devices'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '2488', currency: 'USD', yahoo: 'AMD' }),
  c({ ticker: 'AMZN', name: { zh: '亚马逊', en: 'Amazon.com, Inc.' }, aliases: ['亚马逊', 'Amazon', 'Amazon.com'], exchange: 'NASDAQ', sector: 'Consumer Discretionary', cik: '1018724', currency: 'USD', yahoo: 'AMZN' }),
  c({ ticker: 'AVGO', name: { zh: '博通', en: 'Broadcom Inc.' }, aliases: ['博通', 'Broadcom'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '1730168', currency: 'USD', yahoo: 'AVGO' }),
  c({ ticker: 'AZN', name: { zh: '阿斯利康', en: 'AstraZeneca PLC' }, aliases: ['阿斯利康', 'AstraZeneca'], exchange: 'NYSE', sector: 'Health Care', cik: '901832', currency: 'USD', yahoo: 'AZN' }),
  c({ ticker: 'BRK.B', name: { zh: '伯克希尔·哈撒韦(B类股)', en: 'Berkshire Hathaway Inc. (Class B)' }, aliases: ['伯克希尔', '伯克希尔哈撒韦', '伯克希尔·哈撒韦', '巴菲特的公司', 'Berkshire', 'Berkshire Hathaway', 'BRK-B', 'BRK B', 'BRKB', 'BRK/B'], exchange: 'NYSE', sector: 'Financials', cik: '1067983', currency: 'USD', yahoo: 'BRK-B' }),
  c({ ticker: 'COIN', name: { zh: 'Coinbase(加密货币交易所)', en: 'Coinbase Global, Inc.' }, aliases: ['Coinbase', 'Coinbase Global', 'Coinbase交易所'], exchange: 'NASDAQ', sector: 'Financials', cik: '1679788', currency: 'USD', yahoo: 'COIN' }),
  c({ ticker: 'COST', name: { zh: '好市多(开市客)', en: 'Costco Wholesale Corporation' }, aliases: ['好市多', '开市客', 'Costco', 'Costco Wholesale'], exchange: 'NASDAQ', sector: 'Consumer Staples', cik: '909832', currency: 'USD', yahoo: 'COST' }),
  // CIK not given: not an S&P 500 member and the EDGAR number could not be confirmed offline.
  c({ ticker: 'CRCL', name: { zh: 'Circle(USDC发行方)', en: 'Circle Internet Group, Inc.' }, aliases: ['Circle', 'Circle Internet', 'Circle Internet Group', 'USDC发行方'], exchange: 'NYSE', sector: 'Financials', currency: 'USD', yahoo: 'CRCL' }),
  c({ ticker: 'GOOG', name: { zh: '谷歌母公司Alphabet(C类股)', en: 'Alphabet Inc. (Class C)' }, aliases: ['谷歌', 'Google', 'Alphabet', '谷歌母公司'], exchange: 'NASDAQ', sector: 'Communication Services', cik: '1652044', currency: 'USD', yahoo: 'GOOG' }),
  c({ ticker: 'HD', name: { zh: '家得宝', en: 'The Home Depot, Inc.' }, aliases: ['家得宝', 'Home Depot'], exchange: 'NYSE', sector: 'Consumer Discretionary', cik: '354950', currency: 'USD', yahoo: 'HD' }),
  c({ ticker: 'HOOD', name: { zh: 'Robinhood(罗宾汉)', en: 'Robinhood Markets, Inc.' }, aliases: ['Robinhood', '罗宾汉', 'Robinhood Markets'], exchange: 'NASDAQ', sector: 'Financials', cik: '1783879', currency: 'USD', yahoo: 'HOOD' }),
  c({ ticker: 'INTC', name: { zh: '英特尔', en: 'Intel Corporation' }, aliases: ['英特尔', 'Intel'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '50863', currency: 'USD', yahoo: 'INTC' }),
  c({ ticker: 'ISRG', name: { zh: '直觉外科', en: 'Intuitive Surgical, Inc.' }, aliases: ['直觉外科', 'Intuitive Surgical', '达芬奇手术机器人'], exchange: 'NASDAQ', sector: 'Health Care', cik: '1035267', currency: 'USD', yahoo: 'ISRG' }),
  c({ ticker: 'JNJ', name: { zh: '强生', en: 'Johnson & Johnson' }, aliases: ['强生', '强生公司', 'Johnson & Johnson', 'J&J'], exchange: 'NYSE', sector: 'Health Care', cik: '200406', currency: 'USD', yahoo: 'JNJ' }),
  c({ ticker: 'KO', name: { zh: '可口可乐', en: 'The Coca-Cola Company' }, aliases: ['可口可乐', 'Coca-Cola', 'Coca Cola', 'Coke'], exchange: 'NYSE', sector: 'Consumer Staples', cik: '21344', currency: 'USD', yahoo: 'KO' }),
  c({ ticker: 'LLY', name: { zh: '礼来', en: 'Eli Lilly and Company' }, aliases: ['礼来', '礼来公司', 'Eli Lilly', 'Lilly'], exchange: 'NYSE', sector: 'Health Care', cik: '59478', currency: 'USD', yahoo: 'LLY' }),
  c({ ticker: 'MCD', name: { zh: '麦当劳', en: "McDonald's Corporation" }, aliases: ['麦当劳', "McDonald's", 'McDonalds'], exchange: 'NYSE', sector: 'Consumer Discretionary', cik: '63908', currency: 'USD', yahoo: 'MCD' }),
  c({ ticker: 'META', name: { zh: 'Meta(脸书)', en: 'Meta Platforms, Inc.' }, aliases: ['脸书', 'Meta', 'Facebook', 'Meta Platforms', 'FB'], exchange: 'NASDAQ', sector: 'Communication Services', cik: '1326801', currency: 'USD', yahoo: 'META' }),
  c({ ticker: 'MSFT', name: { zh: '微软', en: 'Microsoft Corporation' }, aliases: ['微软', 'Microsoft'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '789019', currency: 'USD', yahoo: 'MSFT' }),
  c({ ticker: 'MU', name: { zh: '美光科技', en: 'Micron Technology, Inc.' }, aliases: ['美光', '美光科技', 'Micron', 'Micron Technology'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '723125', currency: 'USD', yahoo: 'MU' }),
  c({ ticker: 'NVDA', name: { zh: '英伟达', en: 'NVIDIA Corporation' }, aliases: ['英伟达', '辉达', 'NVIDIA'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '1045810', currency: 'USD', yahoo: 'NVDA' }),
  c({ ticker: 'PEP', name: { zh: '百事公司', en: 'PepsiCo, Inc.' }, aliases: ['百事', '百事公司', '百事可乐', 'PepsiCo', 'Pepsi'], exchange: 'NASDAQ', sector: 'Consumer Staples', cik: '77476', currency: 'USD', yahoo: 'PEP' }),
  c({ ticker: 'PG', name: { zh: '宝洁', en: 'The Procter & Gamble Company' }, aliases: ['宝洁', '宝洁公司', 'Procter & Gamble', 'P&G'], exchange: 'NYSE', sector: 'Consumer Staples', cik: '80424', currency: 'USD', yahoo: 'PG' }),
  c({ ticker: 'QQQ', name: { zh: '景顺纳斯达克100ETF', en: 'Invesco QQQ Trust' }, aliases: ['纳斯达克100ETF', '纳指100ETF', '纳指ETF', 'Invesco QQQ', 'QQQ ETF', 'Nasdaq 100 ETF'], exchange: 'NASDAQ', currency: 'USD', yahoo: 'QQQ' }),
  c({ ticker: 'SAMSUNG', name: { zh: '三星电子', en: 'Samsung Electronics Co., Ltd.' }, aliases: ['三星', '三星电子', 'Samsung', 'Samsung Electronics', '005930', '005930.KS'], exchange: 'KRX', sector: 'Information Technology', currency: 'KRW', yahoo: '005930.KS' }),
  c({ ticker: 'SKHYNIX', name: { zh: 'SK海力士', en: 'SK hynix Inc.' }, aliases: ['SK海力士', '海力士', 'SK hynix', 'Hynix', 'SK Hynix Inc', '000660', '000660.KS'], exchange: 'KRX', sector: 'Information Technology', currency: 'KRW', yahoo: '000660.KS' }),
  c({ ticker: 'SNDK', name: { zh: '闪迪', en: 'Sandisk Corporation' }, aliases: ['闪迪', 'SanDisk'], exchange: 'NASDAQ', sector: 'Information Technology', cik: '2023554', currency: 'USD', yahoo: 'SNDK' }),
  c({ ticker: 'SPY', name: { zh: 'SPDR标普500ETF', en: 'SPDR S&P 500 ETF Trust' }, aliases: ['标普500ETF', '标普ETF', 'SPDR S&P 500', 'SPY ETF', 'S&P 500 ETF'], exchange: 'NYSE Arca', currency: 'USD', yahoo: 'SPY' }),
  c({ ticker: 'TSLA', name: { zh: '特斯拉', en: 'Tesla, Inc.' }, aliases: ['特斯拉', 'Tesla'], exchange: 'NASDAQ', sector: 'Consumer Discretionary', cik: '1318605', currency: 'USD', yahoo: 'TSLA' }),
  // TSM's ADRs trade in USD, but its 20-F (equities/sec_filings/TSM) says "We publish our financial statements in New
  // Taiwan dollars", and the statement revenue for 2025 (3,809,054,300,000) is the filing's NT$ 3,809,054 million.
  c({ ticker: 'TSM', name: { zh: '台积电', en: 'Taiwan Semiconductor Manufacturing Company Limited' }, aliases: ['台积电', '台積電', 'TSMC', 'Taiwan Semiconductor'], exchange: 'NYSE', sector: 'Information Technology', cik: '1046179', currency: 'USD', statementCurrency: 'TWD', yahoo: 'TSM' }),
  c({ ticker: 'UNH', name: { zh: '联合健康集团', en: 'UnitedHealth Group Incorporated' }, aliases: ['联合健康', '联合健康集团', 'UnitedHealth', 'UnitedHealth Group'], exchange: 'NYSE', sector: 'Health Care', cik: '731766', currency: 'USD', yahoo: 'UNH' }),
  c({ ticker: 'WMT', name: { zh: '沃尔玛', en: 'Walmart Inc.' }, aliases: ['沃尔玛', 'Walmart', 'Wal-Mart'], exchange: 'NASDAQ', sector: 'Consumer Staples', cik: '104169', currency: 'USD', yahoo: 'WMT' }),
];

export const companies: Company[] = specs.map(({ yahoo: _yahoo, ...company }) => company);

const NOTES: Record<string, string> = {
  TSM: 'NYSE-listed American Depositary Shares (1 ADS = 5 common shares), USD.',
  AZN: 'U.S. (NYSE) listing, USD.',
  SAMSUNG: 'Common shares on the Korea Exchange (005930), KRW.',
  SKHYNIX: 'Common shares on the Korea Exchange (000660), KRW.',
  SPY: 'Exchange-traded fund, not a company.',
  QQQ: 'Exchange-traded fund tracking the Nasdaq-100, not a company.',
  CRCL: 'Listed 2025-06-05 (IPO); no earlier prices.',
  SNDK: 'Spun off from Western Digital in February 2025; the file starts 2025-02-13.',
  GOOG: 'Class C shares (no votes); class A trades as GOOGL.',
};

function priceSeries(s: CompanySpec): CatalogSeries {
  const cur = s.currency;
  const start = ['ABBV', 'AMD', 'AVGO', 'AZN', 'COST', 'HD', 'INTC', 'ISRG', 'JNJ', 'PEP', 'PG', 'SAMSUNG', 'SKHYNIX', 'WMT'].includes(s.ticker)
    ? ' Secondary IBKR feed from 2016-08-08 (no wap/count columns).'
    : '';
  return {
    id: s.ticker,
    // the ticker once: a display name never carries it ("超威半导体", not "超威半导体(AMD)")
    title: { zh: `${s.name.zh}(${s.ticker})日收盘价`, en: `${s.name.en} (${s.ticker}) daily close` },
    aliases: s.aliases,
    unit: { kind: 'price', scale: 1, currency: cur, label: `${cur} per share (split-adjusted, not dividend-adjusted)` },
    frequency: 'daily',
    category: 'equity',
    source: 'ibkr',
    url: `https://finance.yahoo.com/quote/${s.yahoo}`,
    notes: `Interactive Brokers daily OHLCV, split-adjusted but not dividend-adjusted.${start}${NOTES[s.ticker] ? ' ' + NOTES[s.ticker] : ''}`,
    ticker: s.ticker,
    snapshot: { file: `equities/daily/${s.ticker}.csv`, dateColumn: 'date', valueColumn: 'close', ohlcv: true },
    live: { connector: 'yahoo', symbol: s.yahoo },
  };
}

export const companySeries: CatalogSeries[] = specs.map(priceSeries);
