// Market and other non-FRED-snapshot series: index levels, volatility indices, FX, commodities, crypto, ETFs,
// Treasury fiscal data, China, Shiller, OFR, NY Fed SCE, SF Fed. One entry per meaningful column.
//
// Where two files hold the same instrument, the better file is used (reason in a comment at the entry):
//   - SPX, RUT, SOX: markets/indices/*_daily.csv (IBKR, OHLCV 2016→2026-08-21) over the 2-year closes in
//     cross_asset_prices_2y.csv.
//   - DXY, EURUSD, GBPUSD, USDJPY, USDKRW: cross_asset_prices_2y.csv over fx_pairs_2y.csv (identical values on
//     every shared date; cross_asset has a few more observations).
//   - ETFs: markets/etf_daily/*.csv (2015→2026-06-05) over the 1–2-year closes in cross_asset/etf_prices_1y —
//     11 years of history matter more for returns, volatility and drawdowns; the live Yahoo connector can
//     extend them. ETFs only in cross_asset (KBWB, SMH, SOXX; 2 years) or only in etf_prices_1y use those.
//     (etf_daily has capitalised headers Date/Open/High/Low/Close/Volume; the reader matches columns
//     case-insensitively, so these are full OHLCV series.)
//   - VIX: FRED VIXCLS (fred.ts); the VIX column of cboe_volatility_indices.csv is the same index.
//   - SAMSUNG, SKHYNIX, SPY, QQQ: company price series in companies.ts (equities/daily, IBKR).
// Not catalogued: *_volume columns; cboe VIX_TERM_SLOPE (derived by the source repo: VIX − VIX9D), VXV (23
// rows from 2017; superseded by VIX3M), VXNG (index definition not verified); csi300 PE-TTM 80/50/20 %
// band columns (derived); treasury/bill_share_daily.csv (the source repo's own daily estimate);
// treasury/auction_results.csv and nyfed/tsy_outright_operations.csv (event tables, not series — except the
// reserve-management purchases, one row per operation day, read as RMP_PURCHASES);
// china/cfets_swap_points.csv (16 days of FX swap-point curves).
import type { Category, Frequency, SourceId, Unit } from '../../core/types.ts';
import type { CatalogSeries, LiveLocation, SnapshotLocation } from './types.ts';

// ---- units -------------------------------------------------------------------------------------------

const INDEX: Unit = { kind: 'index', scale: 1, label: 'Index' };
const PCT: Unit = { kind: 'percent', scale: 1, label: 'Percent' };
const usdPrice = (label: string): Unit => ({ kind: 'price', scale: 1, currency: 'USD', label });
const ETF_UNIT = usdPrice('USD per share (dividend-adjusted close, Yahoo Finance)');
const MIL_USD: Unit = { kind: 'currency', scale: 1e6, currency: 'USD', label: 'Millions of U.S. Dollars' };
/** An exchange rate quoted as units of `quote` currency per one unit of the base currency. */
const fx = (quote: string, label: string): Unit => ({ kind: 'price', scale: 1, currency: quote, label });

// ---- builder -----------------------------------------------------------------------------------------

interface Spec {
  id: string;
  en: string;
  zh: string;
  aliases: string[];
  unit: Unit;
  frequency?: Frequency;
  category: Category;
  source: SourceId;
  url: string;
  notes?: string;
  snapshot: SnapshotLocation;
  live?: LiveLocation;
}

function series(s: Spec): CatalogSeries {
  return {
    id: s.id,
    title: { zh: s.zh, en: s.en },
    aliases: s.aliases,
    unit: s.unit,
    frequency: s.frequency ?? 'daily',
    category: s.category,
    source: s.source,
    url: s.url,
    ...(s.notes ? { notes: s.notes } : {}),
    snapshot: s.snapshot,
    ...(s.live ? { live: s.live } : {}),
  };
}

const yahooUrl = (symbol: string) => `https://finance.yahoo.com/quote/${encodeURIComponent(symbol)}`;
const yahoo = (symbol: string): LiveLocation => ({ connector: 'yahoo', symbol });

// ---- US equity indices (IBKR daily OHLCV) ------------------------------------------------------------

function ibkrIndex(id: string, symbol: string, en: string, zh: string, aliases: string[], notes?: string): CatalogSeries {
  return series({
    id, en, zh, aliases, unit: INDEX, category: 'equity_index', source: 'ibkr', url: yahooUrl(symbol),
    notes,
    snapshot: { file: `markets/indices/${id}_daily.csv`, dateColumn: 'date', valueColumn: 'close', ohlcv: true },
    live: yahoo(symbol),
  });
}

const indices: CatalogSeries[] = [
  ibkrIndex('SPX', '^GSPC', 'S&P 500 Index', '标普500指数',
    ['标普500', '标普', '标普500指数', '标准普尔500', '美股', '美股大盘', 'S&P 500', 'S&P500', 'S&P', 'GSPC', '^GSPC'],
    'Daily OHLCV from Interactive Brokers, 2016-06-28 → 2026-08-21. Preferred over FRED SP500, whose snapshot copy ends 2025-12-31.'),
  ibkrIndex('IXIC', '^IXIC', 'NASDAQ Composite Index', '纳斯达克综合指数',
    ['纳斯达克', '纳指', '纳斯达克指数', '纳斯达克综合指数', '纳综指', 'Nasdaq', 'Nasdaq Composite', '^IXIC'],
    'Daily OHLCV from Interactive Brokers. The Nasdaq-100 is NDX.'),
  ibkrIndex('RUT', '^RUT', 'Russell 2000 Index', '罗素2000指数',
    ['罗素2000', '罗素2000指数', '美股小盘股', '小盘股指数', 'Russell 2000', 'Russell', '^RUT'],
    'Daily OHLCV from Interactive Brokers (volume often 0: index has no traded volume).'),
  ibkrIndex('SOX', '^SOX', 'PHLX Semiconductor Index', '费城半导体指数',
    ['费城半导体', '费半', '费城半导体指数', '半导体指数', 'Philadelphia Semiconductor Index', 'semiconductor index', '^SOX'],
    'Daily OHLCV from Interactive Brokers, from 2016-07-28.'),
];

// ---- cross-asset closes (Yahoo Finance via cross_asset_prices_2y.csv) -----------------------------------

const CROSS = 'markets/cross_asset_prices_2y.csv';
const FXFILE = 'markets/fx_pairs_2y.csv';
const CROSS_NOTE = 'Yahoo Finance daily close, 2024-08 → 2026-08 (two years only).';

function yahooCol(
  file: string,
  column: string,
  id: string,
  symbol: string,
  en: string,
  zh: string,
  unit: Unit,
  category: Category,
  aliases: string[],
  notes?: string,
): CatalogSeries {
  return series({
    id, en, zh, aliases, unit, category, source: 'yahoo', url: yahooUrl(symbol),
    notes: notes ? `${CROSS_NOTE} ${notes}` : CROSS_NOTE,
    snapshot: { file, dateColumn: 'date', valueColumn: column },
    live: yahoo(symbol),
  });
}

const cross: CatalogSeries[] = [
  yahooCol(CROSS, 'NDX', 'NDX', '^NDX', 'Nasdaq-100 Index', '纳斯达克100指数', INDEX, 'equity_index',
    ['纳斯达克100', '纳指100', '纳斯达克100指数', 'Nasdaq 100', 'Nasdaq-100', '^NDX']),
  yahooCol(CROSS, 'DJI', 'DJI', '^DJI', 'Dow Jones Industrial Average', '道琼斯工业平均指数', INDEX, 'equity_index',
    ['道指', '道琼斯', '道琼斯指数', '道琼斯工业指数', '道琼斯工业平均指数', 'Dow', 'Dow Jones', 'DJIA', '^DJI']),
  yahooCol(CROSS, 'N225', 'N225', '^N225', 'Nikkei 225', '日经225指数', INDEX, 'equity_index',
    ['日经225', '日经指数', '日经', '日本股市', 'Nikkei', 'Nikkei 225', '^N225']),
  yahooCol(CROSS, 'KOSPI', 'KOSPI', '^KS11', 'KOSPI Composite Index', '韩国综合股价指数(KOSPI)', INDEX, 'equity_index',
    ['韩国综合指数', '韩综指', '韩国股市', 'Korea Composite', '^KS11']),
  yahooCol(CROSS, 'NIFTY', 'NIFTY', '^NSEI', 'NIFTY 50 Index', '印度NIFTY 50指数', INDEX, 'equity_index',
    ['印度Nifty50', 'Nifty 50', 'NIFTY50', '印度股市', '印度指数', '^NSEI']),
  yahooCol(CROSS, 'SSE', 'SSE', '000001.SS', 'SSE Composite Index (Shanghai)', '上证综合指数', INDEX, 'china',
    ['上证', '上证综指', '上证指数', '上证综合指数', '沪指', '大盘', 'A股', 'A股大盘', 'Shanghai Composite', 'SSE Composite', '000001.SS']),
  yahooCol(CROSS, 'SZSE', 'SZSE', '399001.SZ', 'SZSE Component Index (Shenzhen)', '深证成份指数', INDEX, 'china',
    ['深证成指', '深成指', '深圳成指', '深证成份指数', 'Shenzhen Component', 'SZSE Component', '399001.SZ']),

  // Dollar index: the ICE index (≈99 in the file), not FRED's broad trade-weighted index DTWEXBGS (≈119).
  yahooCol(CROSS, 'DXY', 'ICE_DXY', 'DX-Y.NYB', 'ICE U.S. Dollar Index (DXY)', '美元指数(ICE DXY)', INDEX, 'fx',
    ['美元指数', '美指', 'DXY', 'dollar index', 'US dollar index', 'USDX', 'DX-Y.NYB'],
    'The ICE U.S. Dollar Index (six currencies, base March 1973=100), not the Fed\'s broad trade-weighted index DTWEXBGS, which has a different basket, base and level.'),
  yahooCol(CROSS, 'MOVE', 'MOVE', '^MOVE', 'ICE BofA MOVE Index', 'MOVE指数(美债隐含波动率)', INDEX, 'volatility',
    ['美债波动率', '债市恐慌指数', '债券波动率指数', 'MOVE指数', 'MOVE index', 'bond volatility', 'Treasury volatility', '^MOVE'],
    'Option-implied volatility of U.S. Treasury yields, in basis points (annualised).'),
  yahooCol(CROSS, 'TDEX', 'TDEX', '^TDEX', 'Nations TailDex Index', 'Nations TailDex尾部风险指数', INDEX, 'volatility',
    ['TailDex', '尾部风险指数', 'Nations TailDex'],
    'Nations Indexes measure of the cost of S&P 500 tail protection (30-day 3-standard-deviation puts).'),
  yahooCol(CROSS, 'VOLI', 'VOLI', '^VOLI', 'Nations VolDex Index', 'Nations VolDex隐含波动率指数', INDEX, 'volatility',
    ['VolDex', 'Nations VolDex'],
    'Nations Indexes 30-day at-the-money implied volatility of SPY options.'),

  // Crypto (quoted 24/7, so the file also has weekend rows).
  yahooCol(CROSS, 'BTC', 'BTC', 'BTC-USD', 'Bitcoin (BTC-USD)', '比特币(美元计价)', usdPrice('U.S. Dollars per bitcoin'), 'other',
    ['比特币', '大饼', 'Bitcoin', 'BTC-USD', '比特币价格']),
  yahooCol(CROSS, 'ETH', 'ETH', 'ETH-USD', 'Ether (ETH-USD)', '以太坊(美元计价)', usdPrice('U.S. Dollars per ether'), 'other',
    ['以太坊', '以太币', 'Ethereum', 'Ether', 'ETH-USD', '以太坊价格']),

  // Commodity futures, continuous front month as quoted by Yahoo (fresher than FRED's spot series).
  yahooCol(CROSS, 'WTI', 'WTI_FUT', 'CL=F', 'WTI Crude Oil Futures, front month (NYMEX CL)', 'WTI原油期货(近月)', usdPrice('U.S. Dollars per barrel'), 'commodity',
    ['原油', '油价', '原油价格', '国际油价', 'WTI', 'WTI原油', '美油', 'crude oil', 'oil price', 'WTI crude', 'CL=F'],
    'Front-month NYMEX futures (contract rolls cause small jumps). Chosen for 原油/WTI because FRED\'s spot series DCOILWTICO ends 2025-12-29 in the snapshot.'),
  yahooCol(CROSS, 'Brent', 'BRENT_FUT', 'BZ=F', 'Brent Crude Oil Futures, front month (ICE)', '布伦特原油期货(近月)', usdPrice('U.S. Dollars per barrel'), 'commodity',
    ['布伦特', '布伦特原油', '布油', '布伦特油价', 'Brent', 'Brent crude', 'BZ=F'],
    'Front-month futures. FRED\'s spot series DCOILBRENTEU ends 2025-12-29 in the snapshot.'),
  yahooCol(CROSS, 'NG', 'NATGAS_FUT', 'NG=F', 'Henry Hub Natural Gas Futures, front month (NYMEX NG)', '天然气期货(亨利中心,近月)', usdPrice('U.S. Dollars per MMBtu'), 'commodity',
    ['天然气', '天然气价格', '美国天然气', 'natural gas', 'nat gas', 'Henry Hub', 'NG=F']),
  yahooCol(CROSS, 'Gold', 'GOLD', 'GC=F', 'Gold Futures, front month (COMEX GC)', '黄金期货(COMEX,近月)', usdPrice('U.S. Dollars per troy ounce'), 'commodity',
    ['黄金', '金价', '黄金价格', '国际金价', '黄金期货', 'COMEX黄金', 'gold', 'gold price', 'GC=F']),
  yahooCol(CROSS, 'Silver', 'SILVER', 'SI=F', 'Silver Futures, front month (COMEX SI)', '白银期货(COMEX,近月)', usdPrice('U.S. Dollars per troy ounce'), 'commodity',
    ['白银', '银价', '白银价格', 'COMEX白银', 'silver', 'silver price', 'SI=F']),
  yahooCol(CROSS, 'Copper', 'COPPER', 'HG=F', 'Copper Futures, front month (COMEX HG)', '铜期货(COMEX,近月)', usdPrice('U.S. Dollars per pound'), 'commodity',
    ['铜', '铜价', '铜期货', 'COMEX铜', '铜博士', 'copper', 'copper price', 'HG=F'],
    'USD per pound (not per metric ton as in FRED PCOPPUSDM).'),

  // FX pairs. USDCNY etc. from cross_asset (same values as fx_pairs_2y.csv, a few more dates).
  yahooCol(CROSS, 'USDCNY', 'USDCNY', 'CNY=X', 'U.S. Dollar to Chinese Yuan (onshore, USD/CNY)', '美元兑人民币(在岸)', fx('CNY', 'Chinese yuan per U.S. dollar'), 'fx',
    ['人民币汇率', '美元兑人民币', '美元人民币', '在岸人民币', '人民币', '人民币兑美元', 'USD/CNY', 'CNY', 'CNY=X'],
    'Yahoo quote of onshore CNY per USD (not the PBOC central parity/中间价).'),
  yahooCol(CROSS, 'USDJPY', 'USDJPY', 'JPY=X', 'U.S. Dollar to Japanese Yen (USD/JPY)', '美元兑日元', fx('JPY', 'Japanese yen per U.S. dollar'), 'fx',
    ['美元兑日元', '日元汇率', '日元', '美元日元', 'USD/JPY', 'yen', 'JPY=X']),
  yahooCol(CROSS, 'EURUSD', 'EURUSD', 'EURUSD=X', 'Euro to U.S. Dollar (EUR/USD)', '欧元兑美元', fx('USD', 'U.S. dollars per euro'), 'fx',
    ['欧元兑美元', '欧元汇率', '欧元', 'EUR/USD', 'euro', 'EURUSD=X']),
  yahooCol(CROSS, 'GBPUSD', 'GBPUSD', 'GBPUSD=X', 'British Pound to U.S. Dollar (GBP/USD)', '英镑兑美元', fx('USD', 'U.S. dollars per British pound'), 'fx',
    ['英镑兑美元', '英镑汇率', '英镑', 'GBP/USD', 'pound', 'sterling', 'cable', 'GBPUSD=X']),
  yahooCol(CROSS, 'USDKRW', 'USDKRW', 'KRW=X', 'U.S. Dollar to South Korean Won (USD/KRW)', '美元兑韩元', fx('KRW', 'Korean won per U.S. dollar'), 'fx',
    ['美元兑韩元', '韩元汇率', '韩元', 'USD/KRW', 'won', 'KRW=X']),
  yahooCol(FXFILE, 'USDCHF', 'USDCHF', 'CHF=X', 'U.S. Dollar to Swiss Franc (USD/CHF)', '美元兑瑞士法郎', fx('CHF', 'Swiss francs per U.S. dollar'), 'fx',
    ['美元兑瑞郎', '瑞郎', '瑞士法郎', 'USD/CHF', 'Swiss franc', 'CHF=X']),
  yahooCol(FXFILE, 'AUDUSD', 'AUDUSD', 'AUDUSD=X', 'Australian Dollar to U.S. Dollar (AUD/USD)', '澳元兑美元', fx('USD', 'U.S. dollars per Australian dollar'), 'fx',
    ['澳元兑美元', '澳元', 'AUD/USD', 'Aussie dollar', 'AUDUSD=X']),
  yahooCol(FXFILE, 'NZDUSD', 'NZDUSD', 'NZDUSD=X', 'New Zealand Dollar to U.S. Dollar (NZD/USD)', '纽元兑美元', fx('USD', 'U.S. dollars per New Zealand dollar'), 'fx',
    ['纽元兑美元', '纽元', 'NZD/USD', 'kiwi', 'NZDUSD=X']),
  yahooCol(FXFILE, 'USDCAD', 'USDCAD', 'CAD=X', 'U.S. Dollar to Canadian Dollar (USD/CAD)', '美元兑加元', fx('CAD', 'Canadian dollars per U.S. dollar'), 'fx',
    ['美元兑加元', '加元', 'USD/CAD', 'loonie', 'CAD=X']),
  yahooCol(FXFILE, 'USDCNH', 'USDCNH', 'CNH=X', 'U.S. Dollar to Offshore Chinese Yuan (USD/CNH)', '美元兑离岸人民币', fx('CNH', 'offshore Chinese yuan per U.S. dollar'), 'fx',
    ['离岸人民币', '美元兑离岸人民币', '离岸人民币汇率', 'CNH', 'USD/CNH', 'CNH=X'],
    'Only ONE observation in the snapshot (2026-08-21); onshore USDCNY has the history.'),
  yahooCol(FXFILE, 'USDHKD', 'USDHKD', 'HKD=X', 'U.S. Dollar to Hong Kong Dollar (USD/HKD)', '美元兑港元', fx('HKD', 'Hong Kong dollars per U.S. dollar'), 'fx',
    ['美元兑港币', '美元兑港元', '港币', '港元', '港币汇率', 'USD/HKD', 'HKD', 'HKD=X']),
  yahooCol(FXFILE, 'USDINR', 'USDINR', 'INR=X', 'U.S. Dollar to Indian Rupee (USD/INR)', '美元兑印度卢比', fx('INR', 'Indian rupees per U.S. dollar'), 'fx',
    ['美元兑卢比', '印度卢比', '卢比', 'USD/INR', 'rupee', 'INR=X']),
  yahooCol(FXFILE, 'USDMXN', 'USDMXN', 'MXN=X', 'U.S. Dollar to Mexican Peso (USD/MXN)', '美元兑墨西哥比索', fx('MXN', 'Mexican pesos per U.S. dollar'), 'fx',
    ['美元兑墨西哥比索', '墨西哥比索', 'USD/MXN', 'Mexican peso', 'MXN=X']),
  yahooCol(FXFILE, 'USDBRL', 'USDBRL', 'BRL=X', 'U.S. Dollar to Brazilian Real (USD/BRL)', '美元兑巴西雷亚尔', fx('BRL', 'Brazilian reais per U.S. dollar'), 'fx',
    ['美元兑雷亚尔', '巴西雷亚尔', '雷亚尔', 'USD/BRL', 'Brazilian real', 'BRL=X']),
  yahooCol(FXFILE, 'USDZAR', 'USDZAR', 'ZAR=X', 'U.S. Dollar to South African Rand (USD/ZAR)', '美元兑南非兰特', fx('ZAR', 'South African rand per U.S. dollar'), 'fx',
    ['美元兑南非兰特', '南非兰特', '兰特', 'USD/ZAR', 'rand', 'ZAR=X']),
  yahooCol(FXFILE, 'EURJPY', 'EURJPY', 'EURJPY=X', 'Euro to Japanese Yen (EUR/JPY)', '欧元兑日元', fx('JPY', 'Japanese yen per euro'), 'fx',
    ['欧元兑日元', 'EUR/JPY', 'EURJPY=X']),
];

// FRED H.10 CNY rate, kept in the china folder.
const dexchus: CatalogSeries = series({
  id: 'DEXCHUS',
  en: 'Chinese Yuan Renminbi to U.S. Dollar Spot Exchange Rate',
  zh: '人民币兑美元即期汇率(美联储H.10)',
  aliases: ['人民币兑美元(FRED)', '人民币汇率(H.10)', 'H.10人民币汇率', 'CNY per USD (FRED)', 'yuan noon buying rate'],
  unit: fx('CNY', 'Chinese Yuan Renminbi to One U.S. Dollar'),
  category: 'fx',
  source: 'fred',
  url: 'https://fred.stlouisfed.org/series/DEXCHUS',
  notes: 'Noon buying rates in New York (Federal Reserve H.10), CNY per USD. Snapshot ends 2025-09-26; USDCNY (Yahoo) runs to 2026-08.',
  snapshot: { file: 'china/DEXCHUS.csv', dateColumn: 'date', valueColumn: 'dexchus' },
  live: { connector: 'fred', id: 'DEXCHUS' },
});

// ---- CBOE volatility indices ---------------------------------------------------------------------------

function cboe(column: string, en: string, zh: string, aliases: string[], notes?: string, yahooSymbol?: string): CatalogSeries {
  return series({
    id: `CBOE_${column}`,
    en, zh, aliases, unit: INDEX, category: 'volatility', source: 'cboe',
    url: 'https://www.cboe.com/us/indices/',
    notes: notes ? `Cboe daily close. ${notes}` : 'Cboe daily close.',
    snapshot: { file: 'markets/cboe_volatility_indices.csv', dateColumn: 'date', valueColumn: column },
    ...(yahooSymbol ? { live: yahoo(yahooSymbol) } : {}),
  });
}

const cboeSeries: CatalogSeries[] = [
  cboe('VIX1D', 'Cboe 1-Day Volatility Index (VIX1D)', 'Cboe 1日波动率指数(VIX1D)', ['VIX1D', '1日VIX', '1-day VIX'], 'From 2022-05.', '^VIX1D'),
  cboe('VIX9D', 'Cboe S&P 500 9-Day Volatility Index (VIX9D)', 'Cboe标普500 9日波动率指数(VIX9D)', ['VIX9D', '9日VIX', '9-day VIX'], undefined, '^VIX9D'),
  cboe('VIX3M', 'Cboe S&P 500 3-Month Volatility Index (VIX3M)', 'Cboe标普500 3个月波动率指数(VIX3M)', ['VIX3M', '3个月VIX', '3-month VIX', 'VXV'], 'Formerly VXV.', '^VIX3M'),
  cboe('VIX6M', 'Cboe S&P 500 6-Month Volatility Index (VIX6M)', 'Cboe标普500 6个月波动率指数(VIX6M)', ['VIX6M', '6个月VIX', '6-month VIX'], undefined, '^VIX6M'),
  cboe('VIX1Y', 'Cboe S&P 500 1-Year Volatility Index (VIX1Y)', 'Cboe标普500 1年波动率指数(VIX1Y)', ['VIX1Y', '1年VIX', '1-year VIX'], undefined, '^VIX1Y'),
  cboe('VVIX', 'Cboe VVIX Index (volatility of VIX)', 'VIX的波动率指数(VVIX)', ['VVIX', 'VIX的波动率', 'vol of vol', 'volatility of VIX'], undefined, '^VVIX'),
  cboe('SKEW', 'Cboe S&P 500 Skew Index (SKEW)', 'Cboe标普500偏度指数(SKEW)', ['SKEW', 'SKEW指数', '偏度指数', '黑天鹅指数', 'skew index', 'tail risk index'], 'Usually 100–160; higher = more priced tail risk.', '^SKEW'),
  cboe('VXN', 'Cboe Nasdaq-100 Volatility Index (VXN)', 'Cboe纳斯达克100波动率指数(VXN)', ['VXN', '纳指波动率', '纳斯达克波动率指数', 'Nasdaq VIX', 'Nasdaq volatility index'], undefined, '^VXN'),
  cboe('VXD', 'Cboe DJIA Volatility Index (VXD)', 'Cboe道琼斯工业指数波动率指数(VXD)', ['VXD', '道指波动率', 'Dow volatility index'], undefined, '^VXD'),
  cboe('OVX', 'Cboe Crude Oil ETF Volatility Index (OVX)', 'Cboe原油ETF波动率指数(OVX)', ['OVX', '原油波动率', '原油恐慌指数', 'oil volatility index', 'oil VIX'], undefined, '^OVX'),
  cboe('GVZ', 'Cboe Gold ETF Volatility Index (GVZ)', 'Cboe黄金ETF波动率指数(GVZ)', ['GVZ', '黄金波动率', '黄金恐慌指数', 'gold volatility index', 'gold VIX'], undefined, '^GVZ'),
  cboe('VXSL', 'Cboe Silver ETF Volatility Index (VXSLV)', 'Cboe白银ETF波动率指数(VXSLV)', ['VXSLV', '白银波动率', 'silver volatility index'], 'Column VXSL in the file.'),
  cboe('VXEEM', 'Cboe Emerging Markets ETF Volatility Index (VXEEM)', 'Cboe新兴市场ETF波动率指数(VXEEM)', ['VXEEM', '新兴市场波动率', 'emerging markets volatility index']),
  cboe('VEWZ', 'Cboe Brazil ETF Volatility Index (VXEWZ)', 'Cboe巴西ETF波动率指数(VXEWZ)', ['VXEWZ', '巴西波动率', 'Brazil volatility index'], 'Column VEWZ in the file.'),
  cboe('VXHY', 'Cboe iBoxx iShares $ High Yield Corporate Bond Index Volatility Index (VXHYG)', 'Cboe高收益债ETF波动率指数(VXHYG)', ['VXHYG', '高收益债波动率', 'high yield volatility index'], 'Column VXHY in the file; from 2015-04.'),
  cboe('VTLT', 'Cboe 20+ Year Treasury Bond ETF Volatility Index (VXTLT)', 'Cboe 20年期以上美债ETF波动率指数(VXTLT)', ['VXTLT', '长债波动率', 'TLT volatility index'], 'Column VTLT in the file (identification by name and level, not verified against Cboe\'s file).'),
  cboe('VIN', 'Cboe Near-Term VIX Index (VIN)', 'Cboe近月VIX指数(VIN)', ['VIN', 'near-term VIX'], 'One of the two option-expiry sub-indices interpolated into VIX (identification not verified against Cboe\'s file).'),
  cboe('VIF', 'Cboe Far-Term VIX Index (VIF)', 'Cboe远月VIX指数(VIF)', ['VIF', 'far-term VIX'], 'One of the two option-expiry sub-indices interpolated into VIX (identification not verified against Cboe\'s file).'),
  cboe('VXTH', 'Cboe VIX Tail Hedge Index (VXTH)', 'Cboe VIX尾部对冲指数(VXTH)', ['VXTH', 'VIX尾部对冲指数', 'VIX tail hedge index'], 'A strategy benchmark (S&P 500 plus VIX calls), an index level rather than a volatility.'),
  cboe('VXAP', 'Cboe Equity VIX on Apple (VXAPL)', 'Cboe苹果股票波动率指数(VXAPL)', ['VXAPL', '苹果波动率', 'Apple volatility index'], 'Column VXAP in the file.'),
  cboe('VXAZ', 'Cboe Equity VIX on Amazon (VXAZN)', 'Cboe亚马逊股票波动率指数(VXAZN)', ['VXAZN', '亚马逊波动率', 'Amazon volatility index'], 'Column VXAZ in the file.'),
  cboe('VXGO', 'Cboe Equity VIX on Google (VXGOG)', 'Cboe谷歌股票波动率指数(VXGOG)', ['VXGOG', '谷歌波动率', 'Google volatility index'], 'Column VXGO in the file.'),
  cboe('VXGS', 'Cboe Equity VIX on Goldman Sachs (VXGS)', 'Cboe高盛股票波动率指数(VXGS)', ['VXGS', '高盛波动率', 'Goldman Sachs volatility index']),
  cboe('VXIB', 'Cboe Equity VIX on IBM (VXIBM)', 'Cboe IBM股票波动率指数(VXIBM)', ['VXIBM', 'IBM波动率', 'IBM volatility index'], 'Column VXIB in the file.'),
];

// ---- ETFs ----------------------------------------------------------------------------------------------

function etf(
  ticker: string,
  en: string,
  zh: string,
  category: Category,
  aliases: string[],
  file: 'daily' | 'cross' | 'pool',
): CatalogSeries {
  const snapshot: SnapshotLocation =
    file === 'daily'
      ? { file: `markets/etf_daily/${ticker}.csv`, dateColumn: 'Date', valueColumn: 'Close', ohlcv: true }
      : { file: file === 'cross' ? CROSS : 'markets/etf_prices_1y.csv', dateColumn: 'date', valueColumn: ticker };
  const range =
    file === 'daily' ? '2015-01 → 2026-06-05' : file === 'cross' ? '2024-08 → 2026-08-21' : '2025-08-22 → 2026-08-21 (one year only)';
  return series({
    id: ticker, en, zh, aliases, unit: ETF_UNIT, category, source: 'yahoo', url: yahooUrl(ticker),
    notes: `ETF daily close from Yahoo Finance, adjusted for dividends (so past prices differ from quoted closes), ${range}.`,
    snapshot,
    live: yahoo(ticker),
  });
}

const etfs: CatalogSeries[] = [
  etf('DIA', 'SPDR Dow Jones Industrial Average ETF Trust', '道指ETF(DIA)', 'equity_index', ['道指ETF', '道琼斯ETF', 'Dow ETF'], 'daily'),
  etf('IWM', 'iShares Russell 2000 ETF', '罗素2000ETF(IWM)', 'equity_index', ['罗素2000ETF', '小盘股ETF', 'small-cap ETF', 'Russell 2000 ETF'], 'daily'),
  etf('EEM', 'iShares MSCI Emerging Markets ETF', '新兴市场ETF(EEM)', 'equity_index', ['新兴市场ETF', '新兴市场股票', 'emerging markets ETF'], 'daily'),
  etf('EFA', 'iShares MSCI EAFE ETF', '欧澳远东发达市场ETF(EFA)', 'equity_index', ['发达市场ETF', '欧澳远东ETF', 'EAFE ETF', 'developed markets ETF'], 'daily'),
  etf('FXI', 'iShares China Large-Cap ETF', '中国大盘股ETF(FXI)', 'equity_index', ['中国大盘股ETF', '中概大盘ETF', 'China large-cap ETF'], 'daily'),
  etf('TLT', 'iShares 20+ Year Treasury Bond ETF', '20年期以上美国国债ETF(TLT)', 'other', ['长债ETF', '20年期美债ETF', '美国长债ETF', 'long Treasury ETF', '20+ year Treasury ETF'], 'daily'),
  etf('IEF', 'iShares 7-10 Year Treasury Bond ETF', '7-10年期美国国债ETF(IEF)', 'other', ['7-10年美债ETF', '中期美债ETF', '7-10 year Treasury ETF'], 'daily'),
  etf('SHY', 'iShares 1-3 Year Treasury Bond ETF', '1-3年期美国国债ETF(SHY)', 'other', ['短债ETF', '1-3年美债ETF', 'short Treasury ETF', '1-3 year Treasury ETF'], 'daily'),
  etf('TIP', 'iShares TIPS Bond ETF', '通胀保值国债ETF(TIP)', 'other', ['TIPS ETF', '通胀保值债券ETF', '抗通胀债券ETF'], 'daily'),
  etf('HYG', 'iShares iBoxx $ High Yield Corporate Bond ETF', '高收益公司债ETF(HYG)', 'credit', ['高收益债ETF', '垃圾债ETF', 'high yield bond ETF', 'junk bond ETF'], 'daily'),
  etf('LQD', 'iShares iBoxx $ Investment Grade Corporate Bond ETF', '投资级公司债ETF(LQD)', 'credit', ['投资级债ETF', '投资级公司债ETF', 'investment grade bond ETF', 'IG bond ETF'], 'daily'),
  etf('EMB', 'iShares J.P. Morgan USD Emerging Markets Bond ETF', '新兴市场美元债ETF(EMB)', 'credit', ['新兴市场债ETF', '新兴市场美元债', 'EM bond ETF', 'emerging markets bond ETF'], 'daily'),
  etf('GLD', 'SPDR Gold Shares', 'SPDR黄金ETF(GLD)', 'commodity', ['黄金ETF', 'SPDR黄金', 'gold ETF', 'SPDR Gold'], 'daily'),
  etf('SLV', 'iShares Silver Trust', '白银ETF(SLV)', 'commodity', ['白银ETF', 'silver ETF', 'iShares Silver'], 'daily'),
  etf('UUP', 'Invesco DB US Dollar Index Bullish Fund', '美元指数看涨ETF(UUP)', 'fx', ['美元ETF', '美元指数ETF', 'dollar ETF', 'US dollar bullish ETF'], 'daily'),
  etf('XLB', 'Materials Select Sector SPDR Fund', '原材料板块ETF(XLB)', 'equity_index', ['原材料ETF', '材料板块ETF', 'materials ETF'], 'daily'),
  etf('XLC', 'Communication Services Select Sector SPDR Fund', '通信服务板块ETF(XLC)', 'equity_index', ['通信服务ETF', '通讯板块ETF', 'communication services ETF'], 'daily'),
  etf('XLE', 'Energy Select Sector SPDR Fund', '能源板块ETF(XLE)', 'equity_index', ['能源ETF', '能源板块ETF', '能源股ETF', 'energy ETF', 'energy sector ETF'], 'daily'),
  etf('XLF', 'Financial Select Sector SPDR Fund', '金融板块ETF(XLF)', 'equity_index', ['金融ETF', '金融板块ETF', '金融股ETF', 'financials ETF', 'financial sector ETF'], 'daily'),
  etf('XLI', 'Industrial Select Sector SPDR Fund', '工业板块ETF(XLI)', 'equity_index', ['工业ETF', '工业板块ETF', 'industrials ETF'], 'daily'),
  etf('XLK', 'Technology Select Sector SPDR Fund', '科技板块ETF(XLK)', 'equity_index', ['科技ETF', '科技板块ETF', '科技股ETF', 'tech ETF', 'technology sector ETF'], 'daily'),
  etf('XLP', 'Consumer Staples Select Sector SPDR Fund', '必需消费品板块ETF(XLP)', 'equity_index', ['必需消费ETF', '必需消费品ETF', '日常消费ETF', 'consumer staples ETF'], 'daily'),
  etf('XLRE', 'Real Estate Select Sector SPDR Fund', '房地产板块ETF(XLRE)', 'equity_index', ['房地产ETF', '地产板块ETF', 'real estate ETF', 'REIT ETF'], 'daily'),
  etf('XLU', 'Utilities Select Sector SPDR Fund', '公用事业板块ETF(XLU)', 'equity_index', ['公用事业ETF', '公用事业板块ETF', 'utilities ETF'], 'daily'),
  etf('XLV', 'Health Care Select Sector SPDR Fund', '医疗保健板块ETF(XLV)', 'equity_index', ['医疗ETF', '医疗保健ETF', '医药板块ETF', 'health care ETF', 'healthcare ETF'], 'daily'),
  etf('XLY', 'Consumer Discretionary Select Sector SPDR Fund', '可选消费品板块ETF(XLY)', 'equity_index', ['可选消费ETF', '可选消费品ETF', 'consumer discretionary ETF'], 'daily'),
  // Only in cross_asset_prices_2y.csv (2 years); SMH and SOXX are also in etf_prices_1y.csv (1 year).
  etf('KBWB', 'Invesco KBW Bank ETF', 'KBW银行股ETF(KBWB)', 'equity_index', ['银行股ETF', '银行ETF', '美国银行股ETF', 'bank ETF', 'KBW bank index ETF'], 'cross'),
  etf('SMH', 'VanEck Semiconductor ETF', 'VanEck半导体ETF(SMH)', 'equity_index', ['半导体ETF', 'VanEck半导体ETF', 'semiconductor ETF', 'VanEck Semiconductor'], 'cross'),
  etf('SOXX', 'iShares Semiconductor ETF', 'iShares半导体ETF(SOXX)', 'equity_index', ['iShares半导体ETF', 'iShares Semiconductor ETF'], 'cross'),
  // Only in etf_prices_1y.csv.
  etf('PSI', 'Invesco Semiconductors ETF', '景顺半导体ETF(PSI)', 'equity_index', ['景顺半导体ETF', 'Invesco Semiconductors ETF'], 'pool'),
  etf('XSD', 'SPDR S&P Semiconductor ETF', '标普等权半导体ETF(XSD)', 'equity_index', ['等权半导体ETF', 'SPDR半导体ETF', 'SPDR S&P Semiconductor ETF'], 'pool'),
  etf('IGV', 'iShares Expanded Tech-Software Sector ETF', '软件板块ETF(IGV)', 'equity_index', ['软件ETF', '软件股ETF', 'software ETF'], 'pool'),
  etf('SKYY', 'First Trust Cloud Computing ETF', '云计算ETF(SKYY)', 'equity_index', ['云计算ETF', 'cloud computing ETF'], 'pool'),
  etf('USO', 'United States Oil Fund', '美国原油基金(USO)', 'commodity', ['原油ETF', '石油ETF', 'oil ETF', 'United States Oil Fund'], 'pool'),
  etf('KWEB', 'KraneShares CSI China Internet ETF', '中国互联网ETF(KWEB)', 'equity_index', ['中概互联网ETF', '中国互联网ETF', '中概互联', 'China internet ETF'], 'pool'),
  etf('CQQQ', 'Invesco China Technology ETF', '中国科技ETF(CQQQ)', 'equity_index', ['中国科技ETF', '中概科技ETF', 'China technology ETF'], 'pool'),
  etf('EWT', 'iShares MSCI Taiwan ETF', '台湾ETF(EWT)', 'equity_index', ['台湾ETF', '台股ETF', 'Taiwan ETF'], 'pool'),
  etf('AIQ', 'Global X Artificial Intelligence & Technology ETF', '人工智能与科技ETF(AIQ)', 'equity_index', ['人工智能ETF', 'AI ETF', 'artificial intelligence ETF'], 'pool'),
  etf('BOTZ', 'Global X Robotics & Artificial Intelligence ETF', '机器人与人工智能ETF(BOTZ)', 'equity_index', ['机器人ETF', '机器人与人工智能ETF', 'robotics ETF'], 'pool'),
  etf('ROBO', 'ROBO Global Robotics and Automation Index ETF', '机器人与自动化ETF(ROBO)', 'equity_index', ['自动化ETF', '机器人自动化ETF', 'robotics and automation ETF'], 'pool'),
  etf('ARKW', 'ARK Next Generation Internet ETF', 'ARK下一代互联网ETF(ARKW)', 'equity_index', ['ARK互联网ETF', '方舟互联网ETF', 'ARK Next Generation Internet'], 'pool'),
  etf('ARKK', 'ARK Innovation ETF', 'ARK创新ETF(ARKK)', 'equity_index', ['木头姐', '方舟创新ETF', 'ARK创新ETF', 'ARK Innovation', 'Cathie Wood ETF'], 'pool'),
];

// ---- US Treasury fiscal data -------------------------------------------------------------------------

const DTS_URL = 'https://fiscaldata.treasury.gov/datasets/daily-treasury-statement/';
const MSPD_URL = 'https://fiscaldata.treasury.gov/datasets/monthly-statement-public-debt/';

function dts(column: string, id: string, en: string, zh: string, aliases: string[], notes: string, file = 'treasury/dts_cashflows.csv'): CatalogSeries {
  return series({
    id, en, zh, aliases, unit: MIL_USD, category: 'fiscal', source: 'treasury', url: DTS_URL, notes,
    snapshot: { file, dateColumn: 'date', valueColumn: column },
  });
}

function mspd(column: string, id: string, en: string, zh: string, aliases: string[], notes: string, unit: Unit = MIL_USD): CatalogSeries {
  return series({
    id, en, zh, aliases, unit, frequency: 'monthly', category: 'fiscal', source: 'treasury', url: MSPD_URL,
    notes: `Monthly Statement of the Public Debt, end of month (record_date). ${notes}`,
    snapshot: { file: 'treasury/mspd.csv', dateColumn: 'record_date', valueColumn: column },
  });
}

const treasury: CatalogSeries[] = [
  dts('TGA_CLOSE', 'TGA_DTS', 'Treasury General Account (TGA) Closing Balance, Daily Treasury Statement', '财政部一般账户(TGA)日终余额(每日国库报表)',
    ['TGA日度', 'TGA日终余额', '每日国库报表TGA', 'DTS TGA', 'daily TGA', 'TGA closing balance'],
    'Daily closing balance from DTS Table I, millions of USD (a value of 1,000 is $1 billion), 2022-04-18 onward. The Fed\'s H.4.1 week average is WTREGEN.',
    'treasury/dts_operating_cash.csv'),
  dts('DEPOSITS', 'DTS_DEPOSITS', 'TGA Deposits, Daily Treasury Statement (total)', 'TGA当日存入合计(每日国库报表)',
    ['财政部当日收入', 'TGA存入', 'TGA deposits', 'Treasury daily deposits'],
    'Sum of all DTS Table II deposit lines into the TGA that day (taxes, public debt cash issues, etc.), millions of USD.'),
  dts('WITHDRAWALS', 'DTS_WITHDRAWALS', 'TGA Withdrawals, Daily Treasury Statement (total)', 'TGA当日支出合计(每日国库报表)',
    ['财政部当日支出', 'TGA支出', 'TGA withdrawals', 'Treasury daily withdrawals'],
    'Sum of all DTS Table II withdrawal lines from the TGA that day (incl. public debt cash redemptions), millions of USD.'),
  dts('NET', 'DTS_NET_CASHFLOW', 'TGA Net Cash Flow (deposits minus withdrawals), Daily Treasury Statement', 'TGA当日净现金流(存入减支出)',
    ['TGA净流量', 'TGA净现金流', '财政部净现金流', 'TGA net flow', 'Treasury net cash flow'],
    'Deposits minus withdrawals (computed by the source repository), millions of USD; positive = TGA rising.'),
  mspd('BILLS', 'MSPD_BILLS', 'Marketable Treasury Debt Outstanding: Bills', '可流通美国国债余额:国库券(Bills)',
    ['国库券余额', '短期国库券存量', '美债短债余额', 'T-bills outstanding', 'bills outstanding'], 'Millions of USD.'),
  mspd('NOTES', 'MSPD_NOTES', 'Marketable Treasury Debt Outstanding: Notes', '可流通美国国债余额:中期国债(Notes)',
    ['中期国债余额', 'notes outstanding', 'Treasury notes outstanding'], 'Millions of USD.'),
  mspd('BONDS', 'MSPD_BONDS', 'Marketable Treasury Debt Outstanding: Bonds', '可流通美国国债余额:长期国债(Bonds)',
    ['长期国债余额', 'bonds outstanding', 'Treasury bonds outstanding'], 'Millions of USD.'),
  mspd('TIPS', 'MSPD_TIPS', 'Marketable Treasury Debt Outstanding: Treasury Inflation-Protected Securities (TIPS)', '可流通美国国债余额:通胀保值国债(TIPS)',
    ['TIPS余额', '通胀保值国债余额', 'TIPS outstanding'], 'Millions of USD; from 2004-06 in this file.'),
  mspd('FRN', 'MSPD_FRN', 'Marketable Treasury Debt Outstanding: Floating Rate Notes (FRN)', '可流通美国国债余额:浮动利率票据(FRN)',
    ['浮息国债余额', 'FRN余额', 'FRN outstanding', 'floating rate notes outstanding'], 'Millions of USD; FRNs were first issued in 2014.'),
  mspd('MARKETABLE_TOTAL', 'MSPD_MARKETABLE', 'Total Marketable Treasury Debt Outstanding', '可流通美国国债余额合计',
    ['可流通国债', '可交易国债总额', '可流通美债', 'marketable debt', 'marketable Treasury debt'], 'Millions of USD.'),
  mspd('BILL_SHARE', 'MSPD_BILL_SHARE', 'Bills as a Share of Marketable Treasury Debt', '国库券占可流通国债比例',
    ['短债占比', '国库券占比', '美债短债占比', 'bill share', 'T-bill share'], 'Percent (bills ÷ total marketable × 100), computed by the source repository.', PCT),
  mspd('TOTAL_DEBT', 'MSPD_TOTAL_DEBT', 'Total Public Debt Outstanding', '美国联邦政府债务总额(月度)',
    ['美国国债总额', '美债总额', '美国政府债务', '联邦政府债务', '美国债务', '联邦债务', 'national debt', 'total public debt', 'US government debt', 'federal debt'],
    'Millions of USD (a value of 1,000,000 is $1 trillion): marketable plus non-marketable (incl. intragovernmental) debt. More current than FRED GFDEBTN (quarterly).'),
];

// ---- China ---------------------------------------------------------------------------------------------

const CSI_FILE = 'china/csi300_daily_2005_2023.csv';
const CSI_URL = 'https://www.csindex.com.cn/en/indices/index-detail/000300';
const CSI_NOTE = 'Lixinger-style export (via alexhanl/my-trade), daily 2005-04-08 → 2023-12-08; stale after 2023.';

function csi(column: string, id: string, en: string, zh: string, unit: Unit, aliases: string[], notes: string, live?: LiveLocation): CatalogSeries {
  return series({
    id, en, zh, aliases, unit, category: 'china', source: 'lixinger', url: CSI_URL,
    notes: `${CSI_NOTE} ${notes}`,
    // The file starts with a UTF-8 BOM; after BOM removal the date header is 'date'.
    snapshot: { file: CSI_FILE, dateColumn: 'date', valueColumn: column, dateFormat: 'slash' },
    ...(live ? { live } : {}),
  });
}

const cny = (label: string): Unit => ({ kind: 'currency', scale: 1, currency: 'CNY', label });
const china: CatalogSeries[] = [
  csi('close', 'CSI300', 'CSI 300 Index', '沪深300指数', INDEX,
    ['沪深300', '沪深300指数', '沪深三百', 'CSI 300', 'HS300', '000300'],
    'Price index close.', yahoo('000300.SS')),
  csi('全收益收盘点位(元)', 'CSI300_TR', 'CSI 300 Total Return Index', '沪深300全收益指数', INDEX,
    ['沪深300全收益', '沪深300全收益指数', 'CSI 300 total return'],
    'Total-return (dividends reinvested) index level; from 2016-01-04 in this file.'),
  csi('PE-TTM市值加权', 'CSI300_PE_TTM', 'CSI 300 P/E (TTM, cap-weighted)', '沪深300市盈率(TTM,市值加权)',
    { kind: 'ratio', scale: 1, label: 'Times (price ÷ trailing-twelve-month earnings)' },
    ['沪深300市盈率', '沪深300PE', '沪深300估值', '沪深300 PE-TTM', 'CSI 300 PE', 'CSI 300 P/E'],
    'Cap-weighted price-to-earnings ratio on trailing twelve-month earnings, as computed by Lixinger.'),
  csi('PE-TTM 分位点', 'CSI300_PE_PCTL', 'CSI 300 P/E (TTM) historical percentile', '沪深300市盈率历史分位点',
    { kind: 'ratio', scale: 1, label: 'Fraction 0–1 of history below the current PE-TTM' },
    ['沪深300市盈率分位', '沪深300PE分位点', '沪深300估值分位', 'CSI 300 PE percentile'],
    'Share (0–1) of the history since 2005 with a lower PE-TTM; 0.25 means the 25th percentile.'),
  csi('市值(元)', 'CSI300_MKT_CAP', 'CSI 300 Total Market Capitalisation', '沪深300总市值', cny('Yuan (CNY)'),
    ['沪深300总市值', 'CSI 300 market cap'],
    'Total market value of the constituents, in yuan (not 10,000s or 100 millions).'),
  csi('流通市值(元)', 'CSI300_FLOAT_MKT_CAP', 'CSI 300 Tradable (Circulating) Market Capitalisation', '沪深300流通市值', cny('Yuan (CNY)'),
    ['沪深300流通市值', 'CSI 300 tradable market cap'],
    'Market value of tradable (流通) shares, yuan.'),
];

// CGB10Y / CGB30Y (china/cgb_yields.csv) come from the China Foreign Exchange Trade System's chinamoney.com.cn
// real-time curve.
const chinaMoney: CatalogSeries[] = [
  {
    id: 'CGB10Y',
    title: { zh: '中国10年期国债收益率', en: 'China Government Bond 10-Year Yield' },
    aliases: ['中国10年期国债收益率', '中债10年', '10年期国债收益率(中国)', '中国国债收益率', 'China 10-year yield', 'CGB 10Y'],
    unit: PCT,
    frequency: 'daily',
    category: 'china',
    source: 'chinamoney',
    url: 'https://www.chinamoney.com.cn/chinese/bkcurvrty/',
    notes: 'Average of bid/ask on the chinamoney.com.cn real-time government bond yield curve at the time of the source repository\'s daily fetch; percent; only 2026-08-03 → 2026-08-21.',
    snapshot: { file: 'china/cgb_yields.csv', dateColumn: 'date', valueColumn: 'cgb_10y' },
  },
  {
    id: 'CGB30Y',
    title: { zh: '中国30年期国债收益率', en: 'China Government Bond 30-Year Yield' },
    aliases: ['中国30年期国债收益率', '中债30年', '30年期国债收益率(中国)', '超长期国债收益率', 'China 30-year yield', 'CGB 30Y'],
    unit: PCT,
    frequency: 'daily',
    category: 'china',
    source: 'chinamoney',
    url: 'https://www.chinamoney.com.cn/chinese/bkcurvrty/',
    notes: 'Average of bid/ask on the chinamoney.com.cn real-time government bond yield curve at the time of the source repository\'s daily fetch; percent; only 2026-08-03 → 2026-08-21.',
    snapshot: { file: 'china/cgb_yields.csv', dateColumn: 'date', valueColumn: 'cgb_30y' },
  },
];

// ---- Shiller long-run S&P data ---------------------------------------------------------------------------

const SHILLER_URL = 'http://www.econ.yale.edu/~shiller/data.htm';
const SHILLER_ZERO =
  'Monthly, 1871 → 2026-06 (datasets/s-and-p-500 copy of Robert Shiller\'s data). 0.0 in the newest months (not yet published by Shiller) means MISSING, not zero.';

function shiller(
  column: string,
  id: string,
  en: string,
  zh: string,
  unit: Unit,
  aliases: string[],
  notes: string,
  category: Category = 'equity_index',
): CatalogSeries {
  return series({
    id, en, zh, aliases, unit, frequency: 'monthly', category, source: 'shiller', url: SHILLER_URL,
    notes: `${notes} ${SHILLER_ZERO}`,
    // 0.0 marks a month Shiller has not published (and CAPE's undefined first decade): no observation, not zero
    snapshot: { file: 'markets/sp500_shiller_monthly.csv', dateColumn: 'Date', valueColumn: column, missing: ['0.0', '0'] },
  });
}

const shillerSeries: CatalogSeries[] = [
  shiller('PE10', 'SHILLER_CAPE', 'Shiller Cyclically Adjusted P/E Ratio (CAPE, PE10)', '席勒周期调整市盈率(CAPE)',
    { kind: 'ratio', scale: 1, label: 'Ratio (real price ÷ 10-year average real earnings)' },
    ['席勒市盈率', '周期调整市盈率', 'CAPE', 'CAPE比率', 'Shiller PE', 'Shiller CAPE', 'PE10', 'CAPE ratio'],
    'Real S&P composite price divided by the 10-year average of real earnings; 0.0 also in the first ten years (1871–1880), where it is undefined.'),
  shiller('SP500', 'SHILLER_SP500', 'S&P Composite Stock Price Index (Shiller, monthly average)', '标普综合指数(席勒月度均值)', INDEX,
    ['席勒标普500', '标普500长期数据', '标普500月度均值', 'Shiller S&P 500', 'S&P composite 1871'],
    'Monthly average of daily closes (not month-end).'),
  shiller('Dividend', 'SHILLER_DIVIDEND', 'S&P Composite Dividends (Shiller)', '标普综合指数股息(席勒)', { kind: 'index', scale: 1, label: 'Index points (trailing 12-month dividends)' },
    ['席勒股息', '标普500股息', 'Shiller dividends', 'S&P 500 dividends'],
    'Dividends per index unit, four-quarter trailing total interpolated to months.'),
  shiller('Earnings', 'SHILLER_EARNINGS', 'S&P Composite Earnings (Shiller)', '标普综合指数盈利(席勒)', { kind: 'index', scale: 1, label: 'Index points (trailing 12-month earnings)' },
    ['席勒盈利', '标普500盈利', '标普500每股收益', 'Shiller earnings', 'S&P 500 earnings'],
    'Earnings per index unit, four-quarter trailing total interpolated to months.'),
  shiller('Consumer Price Index', 'SHILLER_CPI', 'Consumer Price Index (Shiller series)', '消费者物价指数(席勒数据)', { kind: 'index', scale: 1, label: 'Index 1982-1984=100' },
    ['席勒CPI', 'Shiller CPI', '长期CPI'],
    'CPI-U (not seasonally adjusted) spliced with earlier indices back to 1871.', 'inflation'),
  shiller('Long Interest Rate', 'SHILLER_LONG_RATE', 'Long-Term Interest Rate (Shiller, 10-year Treasury)', '长期利率(席勒,10年期美债)', PCT,
    ['席勒长期利率', '长期利率1871', 'Shiller long rate', 'long interest rate'],
    'Percent; 10-year Treasury yield (GS10) in recent decades, government bond yields before.', 'treasury_yield'),
  shiller('Real Price', 'SHILLER_REAL_PRICE', 'Real S&P Composite Price (Shiller)', '实际标普综合指数(席勒,按CPI调整)', { kind: 'index', scale: 1, label: 'Index points in dollars of the latest CPI month' },
    ['实际标普500', '通胀调整后的标普500', 'real S&P 500', 'inflation-adjusted S&P 500'],
    'Deflated to the latest CPI month, so every value changes when Shiller updates.'),
  shiller('Real Dividend', 'SHILLER_REAL_DIVIDEND', 'Real S&P Composite Dividends (Shiller)', '实际标普综合指数股息(席勒)', { kind: 'index', scale: 1, label: 'Index points in dollars of the latest CPI month' },
    ['实际股息', 'real dividends', 'Shiller real dividends'],
    'Deflated to the latest CPI month.'),
  shiller('Real Earnings', 'SHILLER_REAL_EARNINGS', 'Real S&P Composite Earnings (Shiller)', '实际标普综合指数盈利(席勒)', { kind: 'index', scale: 1, label: 'Index points in dollars of the latest CPI month' },
    ['实际盈利', 'real earnings', 'Shiller real earnings'],
    'Deflated to the latest CPI month.'),
];

// ---- OFR, NY Fed SCE, SF Fed ----------------------------------------------------------------------------

const OFR_URL = 'https://www.financialresearch.gov/financial-stress-index/';
function ofr(column: string, id: string, en: string, zh: string, aliases: string[], notes: string): CatalogSeries {
  return series({
    id, en, zh, aliases, unit: INDEX, category: 'financial_conditions', source: 'ofr', url: OFR_URL, notes,
    snapshot: { file: 'macro_other/ofr_financial_stress_index.csv', dateColumn: 'date', valueColumn: column },
  });
}
const CONTRIB = 'Contribution to the OFR Financial Stress Index (the contributions sum to OFR_FSI), daily from 2000.';

const ofrSeries: CatalogSeries[] = [
  ofr('OFR_FSI', 'OFR_FSI', 'OFR Financial Stress Index', 'OFR金融压力指数',
    ['OFR金融压力指数', 'OFR压力指数', 'OFR FSI', 'OFR financial stress index'],
    'Daily from 2000; 0 = average stress, positive = above average, negative = below.'),
  ofr('CREDIT', 'OFR_FSI_CREDIT', 'OFR FSI: Credit contribution', 'OFR金融压力指数:信用分项', ['OFR信用压力', 'OFR FSI credit'], CONTRIB),
  ofr('EQUITY_VALUATION', 'OFR_FSI_EQUITY_VALUATION', 'OFR FSI: Equity valuation contribution', 'OFR金融压力指数:股票估值分项', ['OFR股票估值压力', 'OFR FSI equity valuation'], CONTRIB),
  ofr('SAFE_ASSETS', 'OFR_FSI_SAFE_ASSETS', 'OFR FSI: Safe assets contribution', 'OFR金融压力指数:避险资产分项', ['OFR避险资产压力', 'OFR FSI safe assets'], CONTRIB),
  ofr('FUNDING', 'OFR_FSI_FUNDING', 'OFR FSI: Funding contribution', 'OFR金融压力指数:融资分项', ['OFR融资压力', 'OFR FSI funding'], CONTRIB),
  ofr('VOLATILITY', 'OFR_FSI_VOLATILITY', 'OFR FSI: Volatility contribution', 'OFR金融压力指数:波动率分项', ['OFR波动率压力', 'OFR FSI volatility'], CONTRIB),
  ofr('US', 'OFR_FSI_US', 'OFR FSI: United States contribution', 'OFR金融压力指数:美国分项', ['OFR美国压力', 'OFR FSI United States'], CONTRIB),
  ofr('OTHER_ADVANCED', 'OFR_FSI_OTHER_ADVANCED', 'OFR FSI: Other advanced economies contribution', 'OFR金融压力指数:其他发达经济体分项', ['OFR其他发达经济体压力', 'OFR FSI other advanced economies'], CONTRIB),
  ofr('EMERGING_MARKETS', 'OFR_FSI_EMERGING_MARKETS', 'OFR FSI: Emerging markets contribution', 'OFR金融压力指数:新兴市场分项', ['OFR新兴市场压力', 'OFR FSI emerging markets'], CONTRIB),
];

const SCE_URL = 'https://www.newyorkfed.org/microeconomics/sce';
function sce(column: string, id: string, years: string, zhYears: string, aliases: string[], extra = ''): CatalogSeries {
  return series({
    id,
    en: `NY Fed Survey of Consumer Expectations: Median ${years}-Ahead Expected Inflation`,
    zh: `纽约联储消费者预期调查:未来${zhYears}通胀预期中位数`,
    aliases, unit: PCT, frequency: 'monthly', category: 'expectations', source: 'nyfed', url: SCE_URL,
    notes: `Median expected inflation rate, percent, monthly survey.${extra}`,
    snapshot: { file: 'macro_other/nyfed_sce_inflation_expectations.csv', dateColumn: 'date', valueColumn: column },
  });
}

const sceSeries: CatalogSeries[] = [
  sce('SCE_INFL_1Y_MEDIAN', 'SCE_INFL_1Y', 'One-Year', '1年', ['纽约联储1年通胀预期', '纽约联储消费者通胀预期', 'SCE通胀预期', 'SCE 1-year inflation expectations', 'NY Fed inflation expectations']),
  sce('SCE_INFL_3Y_MEDIAN', 'SCE_INFL_3Y', 'Three-Year', '3年', ['纽约联储3年通胀预期', 'SCE 3-year inflation expectations']),
  sce('SCE_INFL_5Y_MEDIAN', 'SCE_INFL_5Y', 'Five-Year', '5年', ['纽约联储5年通胀预期', 'SCE 5-year inflation expectations'], ' Five-year horizon asked from 2022 onward.'),
];

const SHAPIRO_URL = 'https://www.frbsf.org/research-and-insights/data-and-indicators/supply-and-demand-driven-pce-inflation/';
function shapiro(measure: 'HEADLINE' | 'CORE', horizon: 'MOM' | 'YOY', driver: 'SUPPLY' | 'DEMAND' | 'AMBIG'): CatalogSeries {
  const id = `SHAPIRO_${measure}_${horizon}_${driver}`;
  const m = measure === 'HEADLINE' ? { en: 'PCE', zh: 'PCE' } : { en: 'core PCE', zh: '核心PCE' };
  const d = { SUPPLY: { en: 'supply-driven', zh: '供给驱动' }, DEMAND: { en: 'demand-driven', zh: '需求驱动' }, AMBIG: { en: 'ambiguous', zh: '无法区分' } }[driver];
  const h =
    horizon === 'YOY'
      ? { en: 'contribution to 12-month inflation', zh: '对同比通胀的贡献', note: 'year-over-year inflation' }
      : { en: 'contribution to monthly inflation, annualised', zh: '对环比年化通胀的贡献', note: 'annualised month-over-month inflation' };
  const aliases =
    horizon === 'YOY' && driver !== 'AMBIG'
      ? measure === 'HEADLINE'
        ? [`${d.zh}通胀`, `${d.en} inflation`]
        : [`核心PCE${d.zh}通胀`, `${d.en} core inflation`]
      : [`Shapiro ${measure.toLowerCase()} ${horizon.toLowerCase()} ${driver.toLowerCase()}`];
  return series({
    id,
    en: `SF Fed ${m.en} inflation decomposition (Shapiro): ${d.en} ${h.en}`,
    zh: `旧金山联储${m.zh}通胀分解(Shapiro):${d.zh}部分${h.zh}`,
    aliases,
    unit: { kind: 'percentage_points', scale: 1, label: `Percentage points (contribution to ${h.note})` },
    frequency: 'monthly', category: 'inflation', source: 'sf_fed', url: SHAPIRO_URL,
    notes: `Adam Shapiro's decomposition; supply + demand + ambiguous sum to ${m.en} ${h.note}. Snapshot covers 2021-05 → 2026-06 only.`,
    snapshot: { file: 'macro_other/sf_fed_shapiro_supply_demand_pce.csv', dateColumn: 'date', valueColumn: id },
  });
}

const shapiroSeries: CatalogSeries[] = (['HEADLINE', 'CORE'] as const).flatMap((m) =>
  (['MOM', 'YOY'] as const).flatMap((h) => (['SUPPLY', 'DEMAND', 'AMBIG'] as const).map((d) => shapiro(m, h, d))),
);

// ---- New York Fed open market operations ------------------------------------------------------------------

// Reserve-management purchases of Treasury bills (from December 2025): the rows flagged is_rmp of the Desk's
// outright operations table, at most one operation a day in the snapshot (a second one the same day would be
// reported as a duplicate date by the import).
const rmpPurchases = series({
  id: 'RMP_PURCHASES',
  en: 'Reserve Management Purchases of Treasury Bills: Amount Accepted',
  zh: '储备管理购买(RMP)短期国债成交额',
  aliases: ['储备管理购买', '储备管理购债', 'RMP', 'reserve management purchases', 'reserve-management purchases', 'RMP purchases'],
  unit: { kind: 'currency', scale: 1e9, currency: 'USD', label: 'Billions of U.S. Dollars' },
  frequency: 'irregular',
  category: 'balance_sheet',
  source: 'nyfed',
  url: 'https://www.newyorkfed.org/markets/desk-operations/treasury-securities',
  notes: 'Par amount accepted in each New York Fed outright Treasury bill purchase operation flagged as a reserve management purchase (is_rmp), billions of USD, dated by the operation date; only days with an operation are observations.',
  snapshot: { file: 'nyfed/tsy_outright_operations.csv', dateColumn: 'date', valueColumn: 'accepted_b', where: { column: 'is_rmp', equals: 'True' } },
});

// ---- all -------------------------------------------------------------------------------------------------

export const marketSeries: CatalogSeries[] = [
  ...indices,
  ...cross,
  dexchus,
  ...cboeSeries,
  ...etfs,
  ...treasury,
  ...china,
  ...chinaMoney,
  ...shillerSeries,
  ...ofrSeries,
  ...sceSeries,
  ...shapiroSeries,
  rmpPurchases,
];
