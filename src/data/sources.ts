// The publishers fincite reads, with the page a reader can visit to check them.
import type { SourceId } from '../core/types.ts';

export interface SourceInfo {
  id: SourceId;
  nameEn: string;
  nameZh: string;
  url: string;
  /** The publisher's own API that a live connector reads, when there is one. */
  apiUrl?: string;
}

export const SOURCES: Record<SourceId, SourceInfo> = {
  fred: { id: 'fred', nameEn: 'Federal Reserve Bank of St. Louis (FRED)', nameZh: '圣路易斯联储 FRED 数据库', url: 'https://fred.stlouisfed.org/' },
  nyfed: { id: 'nyfed', nameEn: 'Federal Reserve Bank of New York', nameZh: '纽约联储', url: 'https://www.newyorkfed.org/markets', apiUrl: 'https://markets.newyorkfed.org/api/' },
  treasury: { id: 'treasury', nameEn: 'U.S. Department of the Treasury (Fiscal Data)', nameZh: '美国财政部 Fiscal Data', url: 'https://fiscaldata.treasury.gov/', apiUrl: 'https://api.fiscaldata.treasury.gov/services/api/fiscal_service/' },
  ibkr: { id: 'ibkr', nameEn: 'Interactive Brokers market data', nameZh: '盈透证券行情数据', url: 'https://www.interactivebrokers.com/' },
  yahoo: { id: 'yahoo', nameEn: 'Yahoo Finance', nameZh: '雅虎财经', url: 'https://finance.yahoo.com/' },
  cboe: { id: 'cboe', nameEn: 'Cboe Global Markets', nameZh: '芝加哥期权交易所(Cboe)', url: 'https://www.cboe.com/tradable_products/vix/vix_historical_data/' },
  shiller: { id: 'shiller', nameEn: 'Robert Shiller, Yale (S&P composite data)', nameZh: '耶鲁大学席勒数据', url: 'http://www.econ.yale.edu/~shiller/data.htm' },
  ofr: { id: 'ofr', nameEn: 'Office of Financial Research', nameZh: '美国金融研究办公室(OFR)', url: 'https://www.financialresearch.gov/financial-stress-index/' },
  lixinger: { id: 'lixinger', nameEn: 'CSI 300 index export (Lixinger-style)', nameZh: '沪深300指数数据(理杏仁格式导出)', url: 'https://www.csindex.com.cn/' },
  fed: { id: 'fed', nameEn: 'Board of Governors of the Federal Reserve System', nameZh: '美联储理事会', url: 'https://www.federalreserve.gov/' },
  sec: { id: 'sec', nameEn: 'U.S. Securities and Exchange Commission (EDGAR)', nameZh: '美国证监会 EDGAR', url: 'https://www.sec.gov/edgar' },
  wikipedia: { id: 'wikipedia', nameEn: 'Wikipedia (S&P 500 constituents)', nameZh: '维基百科(标普500成分股)', url: 'https://en.wikipedia.org/wiki/List_of_S%26P_500_companies' },
  chinamoney: { id: 'chinamoney', nameEn: 'China Foreign Exchange Trade System (chinamoney.com.cn)', nameZh: '中国外汇交易中心(中国货币网)', url: 'https://www.chinamoney.com.cn/' },
  sf_fed: { id: 'sf_fed', nameEn: 'Federal Reserve Bank of San Francisco', nameZh: '旧金山联储', url: 'https://www.frbsf.org/research-and-insights/data-and-indicators/' },
};
