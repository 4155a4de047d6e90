// The topic graph: what a research question or a report on a topic is about, kept as data. Each node names the
// series that tell the topic's story (indicators first, the lead first), the series that give context, the
// relations between them worth computing (a spread, a ratio), the words to search the Fed's texts with, the policy
// periods to compare, related topics, and what the data cannot tell. A new topic is a few lines here; the planner
// (plan.ts), the evidence computations (evidence.ts), the chat writer (answer.ts) and the report writer
// (src/report/plans/research.ts) are the same for every node.
import type { Bilingual, DocumentKind } from '../../core/types.ts';

export interface TopicRelation {
  kind: 'spread' | 'ratio';
  /** a − b (spread) or a ÷ b (ratio), both series ids. */
  a: string;
  b: string;
  name: Bilingual;
  /** Show a spread of two rates in basis points. */
  bp?: boolean;
  /** Show a ratio as a percent (a share: debt to GDP, foreign holdings of the marketable debt). */
  percent?: boolean;
}

export interface TopicNode {
  id: string;
  name: Bilingual;
  /** What people type for it: Chinese matched as substrings, English as words (typos of one longer word tolerated). */
  aliases: string[];
  /**
   * The place the topic is about, as a CLDR region code ('US', 'CN', 'JP' …) or 'GLOBAL'. A topic text naming
   * another place is not this topic (日本通胀 is not U.S. inflation). Default 'US'.
   */
  region?: string;
  /** Series ids that tell the story, the lead first. */
  indicators: string[];
  /** Context series, computed more briefly. */
  related?: string[];
  /** Price indices read as year-over-year rates (CPI → inflation). */
  yoy?: string[];
  relations?: TopicRelation[];
  /** GICS sector whose companies in the database are the topic's peers (Information Technology …). */
  sector?: string;
  /** Companies (tickers) the topic concerns beyond its sector. */
  companies?: string[];
  /** English search queries for the passages of FOMC statements, minutes and Board speeches. */
  documents?: string[];
  documentKinds?: DocumentKind[];
  /** Named policy periods (src/knowledge/periods.ts) to compare each indicator across. */
  periods?: string[];
  /** Related topics (graph edges), by id. */
  links?: string[];
  /** What this topic's data cannot tell, beyond the general caveats. */
  cannotTell?: Bilingual[];
  /** A dedicated report writer for this topic (the hand-written notes), instead of the generic one. */
  report?: 'qt' | 'inflation' | 'labour' | 'curve';
  /**
   * A policy goal the topic is judged against, read from the FOMC's own words: the latest statement sentence that
   * contains `phrase` states the value (e.g. "2 percent"); the indicator `series` is compared with it.
   */
  target?: { phrase: string; series: string; label: Bilingual };
  /** How many years of history the charts show (default 10). */
  chartYears?: number;
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });
const spread = (a: string, bb: string, zh: string, en: string, bp = true): TopicRelation => ({ kind: 'spread', a, b: bb, name: b(zh, en), bp });
const ratio = (a: string, bb: string, zh: string, en: string, percent = false): TopicRelation => ({ kind: 'ratio', a, b: bb, name: b(zh, en), ...(percent ? { percent } : {}) });

export const TOPIC_GRAPH: readonly TopicNode[] = [
  // ---- the Fed, money and liquidity ----------------------------------------------------------------------
  {
    id: 'fed_balance_sheet',
    name: b('美联储资产负债表与缩表(QT)', 'The Fed balance sheet and quantitative tightening (QT)'),
    aliases: ['缩表', '量化紧缩', '资产负债表', '美联储资产负债表', '美联储缩表', '缩表策略', '扩表', '量化宽松', 'QE', 'QT', 'QT1', 'QT2', 'quantitative tightening', 'quantitative easing', 'balance sheet', 'balance sheet runoff', 'balance-sheet runoff', 'runoff', 'fed balance sheet', 'balance sheet reduction'],
    indicators: ['WALCL', 'TREAST', 'WSHOMCB', 'WRESBAL', 'RRPONTSYD'],
    related: ['WTREGEN', 'SRFUSAGE', 'DGS10'],
    relations: [spread('SOFR', 'IORB', 'SOFR与IORB之差', 'SOFR minus IORB')],
    documents: ['reduce securities holdings balance sheet runoff', 'ample reserves balance sheet', 'slow the pace of decline securities holdings'],
    periods: ['qt1', 'qt2'],
    links: ['reserves_liquidity', 'money_markets', 'policy_rates'],
    report: 'qt',
    chartYears: 12,
  },
  {
    id: 'reserves_liquidity',
    name: b('准备金与美元流动性(准备金、逆回购、TGA)', 'Reserves and dollar liquidity (reserves, ON RRP, the TGA)'),
    aliases: ['准备金', '流动性', '美元流动性', '银行准备金', '逆回购', '隔夜逆回购', '净流动性', 'reserves', 'bank reserves', 'liquidity', 'dollar liquidity', 'reverse repo', 'on rrp', 'net liquidity'],
    indicators: ['WRESBAL', 'RRPONTSYD', 'WTREGEN', 'WALCL'],
    related: ['SOFR', 'IORB', 'TGA_DTS'],
    relations: [spread('SOFR', 'IORB', 'SOFR与IORB之差', 'SOFR minus IORB'), spread('EFFR', 'IORB', 'EFFR与IORB之差', 'EFFR minus IORB')],
    documents: ['ample reserves money market conditions', 'reserve balances overnight reverse repurchase'],
    periods: ['qt2'],
    links: ['fed_balance_sheet', 'money_markets', 'fiscal'],
    cannotTell: [b('准备金“充足”的临界水平不是可观测的数据,只能从货币市场利率与管理利率的关系间接判断。', 'The level at which reserves stop being ample is not observed data; it can only be inferred from money-market rates against the administered rates.')],
  },
  {
    id: 'money_markets',
    name: b('货币市场与美联储工具(SOFR、回购、常备回购便利)', 'Money markets and Fed facilities (SOFR, repo, the standing repo facility)'),
    aliases: ['货币市场', '回购', '回购市场', '回购利率', 'SOFR', '常备回购', '常备回购便利', 'SRF', '隔夜利率', '融资利率', '钱荒', 'money market', 'money markets', 'repo', 'repo market', 'repo rates', 'standing repo facility', 'funding markets', 'overnight rates', 'fed facilities'],
    indicators: ['SOFR', 'EFFR', 'IORB', 'TGCRRATE', 'RRPONTSYD', 'SRFUSAGE'],
    related: ['SOFRVOL', 'RRPONTSYAWARD', 'SOFR99', 'WRESBAL'],
    relations: [spread('SOFR', 'IORB', 'SOFR与IORB之差', 'SOFR minus IORB'), spread('EFFR', 'IORB', 'EFFR与IORB之差', 'EFFR minus IORB'), spread('SOFR99', 'SOFR', 'SOFR第99百分位与中位数之差', 'SOFR 99th percentile minus SOFR')],
    documents: ['standing repo facility money market', 'repo rates pressures money markets', 'overnight reverse repurchase facility'],
    periods: ['qt2'],
    links: ['reserves_liquidity', 'fed_balance_sheet', 'policy_rates'],
  },
  {
    id: 'policy_rates',
    name: b('美联储政策利率与加息、降息周期', 'Fed policy rates and the hiking and cutting cycles'),
    aliases: ['加息', '降息', '政策利率', '联邦基金利率', '利率决议', '货币政策', '加息周期', '降息周期', '紧缩周期', '宽松周期', '美联储利率', '基准利率', 'FOMC', 'fed funds', 'federal funds rate', 'policy rate', 'rate hikes', 'rate cuts', 'hiking cycle', 'cutting cycle', 'monetary policy', 'policy cycle', 'fed policy', 'tightening cycle', 'easing cycle', 'raise rates', 'raised rates', 'raising rates', 'cut rates', 'cutting rates', 'rate hike', 'rate cut'],
    indicators: ['DFEDTARU', 'EFFR', 'IORB', 'DGS2'],
    related: ['CPIAUCSL', 'PCEPILFE', 'UNRATE', 'DGS10'],
    yoy: ['CPIAUCSL', 'PCEPILFE'],
    relations: [spread('DGS2', 'EFFR', '2年期美债与EFFR之差', '2-year Treasury minus EFFR')],
    documents: ['raise the target range federal funds rate inflation', 'lower the target range federal funds rate', 'maximum employment inflation at the rate of 2 percent'],
    periods: ['hikes_2022', 'covid'],
    links: ['inflation', 'labour', 'curve'],
  },
  {
    id: 'fiscal',
    name: b('财政现金与国债供给(TGA、国债余额、国库券占比)', 'Fiscal cash and Treasury supply (the TGA, debt outstanding, the bill share)'),
    aliases: ['财政', '财政部', '国债供给', '国债发行', '美国国债规模', '国债余额', '政府债务', '联邦债务', '美债规模', 'TGA', '财政部账户', '债务上限', '赤字', 'fiscal', 'treasury supply', 'debt ceiling', 'federal debt', 'public debt', 'treasury general account', 'deficit', 'treasury issuance', 'bill share'],
    indicators: ['MSPD_MARKETABLE', 'MSPD_BILL_SHARE', 'TGA_DTS', 'GFDEBTN'],
    related: ['FYGFDPUN', 'WTREGEN', 'MSPD_BILLS', 'DTS_NET_CASHFLOW', 'WRESBAL'],
    relations: [ratio('FYGFDPUN', 'GDP', '公众持有的联邦债务与名义GDP之比', 'Federal debt held by the public to nominal GDP', true)],
    documents: ['Treasury General Account debt limit', 'Treasury bill issuance reserves'],
    links: ['reserves_liquidity', 'foreign_holdings', 'curve'],
    cannotTell: [b('数据中没有财政赤字与国会预算办公室的预测,无法据此评估财政可持续性。', 'The data hold no deficit series or budget projections, so fiscal sustainability cannot be assessed from them.')],
  },
  {
    id: 'foreign_holdings',
    name: b('海外投资者持有美债(TIC)', 'Foreign holdings of U.S. Treasuries (TIC)'),
    aliases: ['海外持有美债', '外国持有美债', '外资持有美债', '中国持有美债', '日本持有美债', '抛售美债', '增持美债', '减持美债', 'TIC', 'foreign holdings', 'foreign holdings of treasuries', 'foreign demand for treasuries'],
    region: 'GLOBAL',
    indicators: ['FORTREASPOS99996', 'FORTREASPOS99990', 'FORTREASPOS42609', 'FORTREASPOS41408'],
    related: ['FORTREASPOS13005', 'MSPD_MARKETABLE', 'DGS10'],
    relations: [ratio('FORTREASPOS99996', 'MSPD_MARKETABLE', '外国持有量占可流通国债比例', 'Foreign holdings as a share of marketable Treasury debt', true)],
    links: ['fiscal', 'dollar', 'china_markets'],
  },
  // ---- rates ---------------------------------------------------------------------------------------------
  {
    id: 'curve',
    name: b('美债收益率曲线与利率', 'The Treasury yield curve and interest rates'),
    aliases: ['收益率曲线', '利率', '美债', '美债收益率', '国债收益率', '期限溢价', '倒挂', '曲线倒挂', '长端利率', '10年期美债', 'yield curve', 'yields', 'treasury yields', 'interest rates', 'rates', 'term premium', 'inversion', 'curve', 'long-term rates'],
    indicators: ['DGS10', 'DGS2', 'DGS3MO', 'T10Y2Y', 'T10Y3M', 'ACMTP10'],
    related: ['DGS30', 'DFII10'],
    links: ['policy_rates', 'real_yields', 'global_yields'],
    report: 'curve',
  },
  {
    id: 'real_yields',
    name: b('实际利率与通胀保值国债(TIPS)', 'Real yields and TIPS'),
    aliases: ['实际利率', '实际收益率', '通胀保值国债', 'TIPS', '盈亏平衡通胀', 'real yields', 'real rates', 'real interest rates', 'tips yields', 'breakevens'],
    indicators: ['DFII10', 'DFII5', 'T10YIE', 'DGS10'],
    related: ['GOLD'],
    relations: [spread('DGS10', 'DFII10', '10年期名义与实际收益率之差', '10-year nominal minus real yield')],
    links: ['curve', 'inflation_expectations', 'gold'],
  },
  {
    id: 'global_yields',
    name: b('各国国债收益率(美国、日本、中国)', 'Government bond yields across countries (U.S., Japan, China)'),
    aliases: ['全球利率', '全球国债', '各国国债', '各国利率', '海外利率', '全球债市', 'global yields', 'global bond yields', 'government bond yields', 'yields across countries', 'sovereign yields'],
    region: 'GLOBAL',
    indicators: ['DGS10', 'IRLTLT01JPM156N', 'CGB10Y', 'CGB30Y'],
    related: ['DGS30', 'USDJPY', 'USDCNY'],
    relations: [spread('DGS10', 'IRLTLT01JPM156N', '美日10年期国债利差', 'U.S. minus Japan 10-year yield'), spread('DGS10', 'CGB10Y', '中美10年期国债利差(美减中)', 'U.S. minus China 10-year yield')],
    links: ['japan', 'china_yields', 'curve'],
    cannotTell: [b('数据库只有美国、日本和中国的国债收益率;德国、英国等其他国家的收益率不在库中。', 'The database holds government yields for the U.S., Japan and China only; Germany, the U.K. and other countries are not held.')],
  },
  {
    id: 'china_yields',
    name: b('中国国债收益率与中美利差', 'China government bond yields and the U.S.–China spread'),
    aliases: ['中国国债', '中债', '中国利率', '中债收益率', '中国国债收益率', '中美利差', '中美国债利差', 'CGB', 'china yields', 'china bond yields', 'chinese government bonds', 'us china spread', 'china rates'],
    region: 'CN',
    indicators: ['CGB10Y', 'CGB30Y', 'DGS10'],
    related: ['USDCNY', 'USDCNH'],
    relations: [spread('CGB10Y', 'DGS10', '中美10年期国债利差(中减美)', 'China minus U.S. 10-year yield'), spread('CGB30Y', 'CGB10Y', '中国30年期国债收益率与中国10年期国债收益率之差', 'China 30-year minus China 10-year government bond yield')],
    links: ['china_markets', 'cny', 'global_yields'],
    cannotTell: [b('库中的中国国债收益率只覆盖很短的时期,无法做长期历史比较。', 'The China government bond yields in the database cover a short period only, so no long history can be compared.')],
    chartYears: 2,
  },
  {
    id: 'japan',
    name: b('日本:国债收益率、日元与日经指数', 'Japan: government bond yields, the yen and the Nikkei'),
    aliases: ['日本', '日本国债', '日债', '日本利率', '日元', '日经', '日经指数', '日本股市', '日本央行', 'japan', 'japanese yields', 'jgb', 'jgbs', 'yen', 'nikkei', 'japanese stocks', 'boj'],
    region: 'JP',
    indicators: ['IRLTLT01JPM156N', 'USDJPY', 'N225'],
    related: ['EURJPY', 'FORTREASPOS42609', 'DGS10'],
    relations: [spread('DGS10', 'IRLTLT01JPM156N', '美日10年期国债利差', 'U.S. minus Japan 10-year yield')],
    links: ['global_yields', 'currencies'],
    cannotTell: [b('数据库没有日本的通胀、就业与日本央行资产负债表数据。', 'The database holds no Japanese inflation, employment or Bank of Japan balance-sheet data.')],
  },
  // ---- prices, jobs, growth ------------------------------------------------------------------------------
  {
    id: 'inflation',
    name: b('通胀(CPI、PCE与通胀预期)', 'Inflation (CPI, PCE and inflation expectations)'),
    aliases: ['通胀', '通货膨胀', '物价', '消费者物价', '核心通胀', 'CPI', 'PCE', '核心PCE', '核心CPI', 'inflation', 'consumer prices', 'core inflation', 'cpi', 'pce'],
    indicators: ['CPIAUCSL', 'CPILFESL', 'PCEPI', 'PCEPILFE'],
    related: ['T5YIE', 'MICH'],
    yoy: ['CPIAUCSL', 'CPILFESL', 'PCEPI', 'PCEPILFE', 'CUSR0000SASLE', 'CUSR0000SACL1E', 'CPIHOSSL', 'CPIENGSL'],
    documents: ['inflation remains elevated', 'inflation at the rate of 2 percent over the longer run'],
    target: { phrase: 'inflation at the rate of 2 percent over the longer run', series: 'PCEPI', label: b('长期通胀目标', 'longer-run inflation goal') },
    periods: ['hikes_2022'],
    links: ['inflation_expectations', 'policy_rates', 'labour'],
    report: 'inflation',
  },
  {
    id: 'inflation_expectations',
    name: b('通胀预期(盈亏平衡通胀率与调查)', 'Inflation expectations (breakevens and surveys)'),
    aliases: ['通胀预期', '通货膨胀预期', '盈亏平衡通胀率', '预期通胀', 'inflation expectations', 'expected inflation', 'breakeven inflation', 'inflation expectation'],
    indicators: ['T5YIE', 'T10YIE', 'T5YIFR', 'MICH', 'SCE_INFL_1Y'],
    related: ['EXPINF1YR', 'SCE_INFL_3Y'],
    documents: ['longer-term inflation expectations remain well anchored'],
    links: ['inflation', 'real_yields'],
  },
  {
    id: 'producer_prices',
    name: b('生产者价格(PPI)', 'Producer prices (PPI)'),
    aliases: ['PPI', '生产者价格', '生产者物价', '工业品价格', '出厂价格', 'producer prices', 'producer price index', 'ppi', 'wholesale prices'],
    indicators: ['PPIFIS', 'PPIFES', 'PPIACO'],
    related: ['CPIAUCSL'],
    yoy: ['PPIFIS', 'PPIFES', 'PPIACO', 'CPIAUCSL'],
    links: ['inflation', 'commodities'],
  },
  {
    id: 'labour',
    name: b('劳动力市场(失业率、非农就业、初请、职位空缺)', 'The labour market (unemployment, payrolls, claims, job openings)'),
    aliases: ['就业', '劳动力市场', '劳动市场', '失业', '失业率', '非农', '非农就业', '职位空缺', '初请', '工资', 'labour market', 'labor market', 'labour', 'labor', 'jobs', 'employment', 'unemployment', 'payrolls', 'nonfarm payrolls', 'job openings', 'jobless claims', 'wages'],
    indicators: ['UNRATE', 'PAYEMS', 'ICSA', 'JTSJOL'],
    related: ['ECIWAG'],
    documents: ['labor market conditions unemployment rate'],
    links: ['inflation', 'growth', 'policy_rates'],
    report: 'labour',
  },
  {
    id: 'growth',
    name: b('经济增长与衰退信号(GDP、工业生产、收益率曲线)', 'Growth and recession signals (GDP, industrial production, the yield curve)'),
    aliases: ['经济增长', '经济', 'GDP', '国内生产总值', '衰退', '经济衰退', '衰退风险', '软着陆', '硬着陆', '工业生产', '产能利用率', 'economic growth', 'growth', 'gdp', 'recession', 'recession risk', 'soft landing', 'hard landing', 'industrial production', 'economy', 'us economy'],
    indicators: ['GDPC1', 'INDPRO', 'TCU', 'T10Y3M'],
    related: ['UNRATE', 'ICSA', 'DGORDER', 'USREC'],
    yoy: ['GDPC1', 'INDPRO'],
    documents: ['economic activity has been expanding at a solid pace', 'risks to the economic outlook'],
    links: ['labour', 'consumer', 'curve'],
    cannotTell: [b('数据只描述已经发生的情况;衰退是否到来不是数据能给出的结论,有据不做预测。', 'The data describe what has happened; whether a recession comes is not something the data can state, and fincite makes no forecast.')],
  },
  {
    id: 'consumer',
    name: b('消费者(实际消费、零售销售、储蓄率与信心)', 'The consumer (real spending, retail sales, saving and sentiment)'),
    aliases: ['消费', '消费者', '零售', '零售销售', '消费支出', '储蓄率', '消费者信心', 'consumer', 'consumer spending', 'retail sales', 'saving rate', 'consumer sentiment', 'spending'],
    indicators: ['PCEC96', 'RSAFS', 'PSAVERT', 'UMCSENT'],
    related: ['CONSUMER', 'DRCCLACBS'],
    yoy: ['PCEC96', 'RSAFS'],
    links: ['growth', 'labour', 'credit'],
  },
  {
    id: 'housing',
    name: b('美国房地产(房价、新屋开工与按揭利率)', 'U.S. housing (home prices, starts and mortgage rates)'),
    aliases: ['房地产', '房价', '楼市', '住房', '房贷利率', '按揭利率', '抵押贷款利率', '新屋开工', '房市', 'housing', 'home prices', 'house prices', 'housing market', 'mortgage rates', 'mortgages', 'housing starts', 'real estate'],
    indicators: ['CSUSHPINSA', 'HOUST', 'MORTGAGE30US'],
    related: ['DGS10', 'REALLN', 'DRCRELEXFACBS', 'XLRE'],
    yoy: ['CSUSHPINSA'],
    relations: [spread('MORTGAGE30US', 'DGS10', '30年期按揭利率与10年期美债之差', '30-year mortgage rate minus the 10-year Treasury')],
    documents: ['housing sector activity'],
    links: ['curve', 'credit', 'bank_lending'],
  },
  // ---- credit, banks, stress -----------------------------------------------------------------------------
  {
    id: 'credit',
    name: b('信用市场与信用利差(高收益债、投资级债)', 'Credit markets and credit spreads (high yield, investment grade)'),
    aliases: ['信用', '信用利差', '信用债', '公司债', '高收益债', '垃圾债', '投资级债', '违约', '信用风险', 'credit', 'credit spreads', 'credit markets', 'corporate bonds', 'high yield', 'junk bonds', 'investment grade', 'spreads', 'default risk', 'credit risk'],
    indicators: ['BAMLH0A0HYM2', 'BAMLC0A0CM', 'BAMLC0A4CBBB', 'BAMLH0A3HYC'],
    related: ['BAA10Y', 'HYG', 'LQD', 'DRTSCILM'],
    relations: [spread('BAMLH0A0HYM2', 'BAMLC0A0CM', '高收益债与投资级利差之差', 'High-yield minus investment-grade spread')],
    documents: ['credit spreads valuations asset prices', 'tighter credit conditions households businesses'],
    links: ['bank_lending', 'financial_conditions', 'equities'],
    cannotTell: [b('利差收窄本身不说明违约风险下降的原因:数据中没有违约率和发行量。', 'A narrow spread by itself does not tell why: the data hold no default rates or issuance volumes.')],
  },
  {
    id: 'bank_lending',
    name: b('银行信贷与贷款标准(SLOOS、拖欠率)', 'Bank credit and lending standards (SLOOS, delinquencies)'),
    aliases: ['银行信贷', '银行贷款', '贷款标准', '信贷', '信贷紧缩', '拖欠率', '坏账', 'bank lending', 'bank credit', 'lending standards', 'loan growth', 'credit crunch', 'delinquencies', 'sloos'],
    indicators: ['TOTLL', 'BUSLOANS', 'DRTSCILM', 'DRBLACBS'],
    related: ['DRTSCREL', 'DRCCLACBS', 'CORCACBS', 'KBWB'],
    yoy: ['TOTLL', 'BUSLOANS'],
    documents: ['tighter credit conditions for households and businesses'],
    links: ['credit', 'banking_stress', 'money_supply'],
  },
  {
    id: 'banking_stress',
    name: b('银行业压力(2023年3月的银行业事件)', 'Banking stress (the March 2023 bank turmoil)'),
    aliases: ['银行业危机', '银行危机', '银行业压力', '硅谷银行', '硅谷银行事件', '银行挤兑', '地区银行', '银行股', 'bank stress', 'banking stress', 'bank turmoil', 'banking crisis', 'bank failures', 'svb', 'silicon valley bank', 'regional banks', 'bank stocks'],
    indicators: ['KBWB', 'WALCL', 'OFR_FSI', 'VIXCLS'],
    related: ['DGS2', 'STLFSI4', 'TOTLL'],
    documents: ['banking system is sound and resilient', 'developments in the banking sector tighter credit conditions'],
    links: ['bank_lending', 'financial_conditions', 'fed_balance_sheet'],
    cannotTell: [b('数据中没有单家银行的存款、贴现窗口或银行定期融资计划(BTFP)的明细,只能从美联储总资产等汇总数据看到其影响。', 'The data hold no deposits of individual banks and no detail of the discount window or the Bank Term Funding Program; their effect shows only in aggregates such as the Fed’s total assets.')],
  },
  {
    id: 'financial_conditions',
    name: b('金融状况与金融压力指数', 'Financial conditions and financial stress indices'),
    aliases: ['金融状况', '金融条件', '金融压力', '金融压力指数', '系统性风险', '金融稳定', 'financial conditions', 'financial stress', 'stress index', 'systemic risk', 'financial stability'],
    indicators: ['NFCI', 'STLFSI4', 'OFR_FSI'],
    related: ['VIXCLS', 'BAMLH0A0HYM2', 'OFR_FSI_FUNDING'],
    documents: ['financial stability vulnerabilities'],
    links: ['credit', 'volatility', 'banking_stress'],
  },
  {
    id: 'volatility',
    name: b('市场波动率(VIX、MOVE)', 'Market volatility (VIX, MOVE)'),
    aliases: ['波动率', '恐慌指数', 'VIX', 'MOVE', '市场波动', '隐含波动率', 'volatility', 'vix', 'fear index', 'implied volatility', 'market volatility', 'move index'],
    indicators: ['VIXCLS', 'MOVE', 'CBOE_VIX3M', 'CBOE_VVIX'],
    related: ['SPX', 'OFR_FSI_VOLATILITY'],
    relations: [spread('CBOE_VIX3M', 'VIXCLS', 'VIX期限结构(3个月减1个月)', 'VIX term structure (3-month minus 1-month)', false)],
    links: ['equities', 'financial_conditions'],
  },
  {
    id: 'money_supply',
    name: b('货币供应与基础货币(M2)', 'Money supply and the monetary base (M2)'),
    aliases: ['货币供应', '货币供应量', 'M2', '广义货币', '基础货币', 'money supply', 'm2', 'monetary base', 'money growth'],
    indicators: ['M2SL', 'M2REAL', 'BOGMBASE'],
    related: ['TOTBKCR', 'WALCL'],
    yoy: ['M2SL', 'M2REAL', 'BOGMBASE', 'TOTBKCR'],
    links: ['bank_lending', 'fed_balance_sheet', 'inflation'],
  },
  // ---- currencies ----------------------------------------------------------------------------------------
  {
    id: 'dollar',
    name: b('美元(美元指数与主要汇率)', 'The U.S. dollar (dollar indices and major exchange rates)'),
    aliases: ['美元', '美元指数', '美元走势', '强美元', '弱美元', 'DXY', 'dollar', 'us dollar', 'dollar index', 'strong dollar', 'dxy', 'greenback'],
    region: 'GLOBAL',
    indicators: ['DTWEXBGS', 'ICE_DXY', 'EURUSD', 'USDJPY'],
    related: ['USDCNY', 'GOLD', 'DGS2'],
    links: ['currencies', 'cny', 'gold'],
  },
  {
    id: 'currencies',
    name: b('外汇市场(主要货币兑美元)', 'Currencies (major exchange rates against the dollar)'),
    aliases: ['汇率', '外汇', '外汇市场', '货币汇率', '欧元', '英镑', '韩元', '新兴市场货币', 'currencies', 'fx', 'foreign exchange', 'exchange rates', 'euro', 'pound', 'emerging market currencies'],
    region: 'GLOBAL',
    indicators: ['EURUSD', 'USDJPY', 'GBPUSD', 'USDCNY', 'USDKRW'],
    related: ['USDINR', 'USDMXN', 'USDBRL', 'AUDUSD', 'DTWEXBGS'],
    links: ['dollar', 'cny', 'emerging_markets'],
  },
  {
    id: 'cny',
    name: b('人民币汇率(在岸与离岸)', 'The renminbi (onshore and offshore)'),
    aliases: ['人民币', '人民币汇率', '人民币兑美元', '离岸人民币', '在岸人民币', '人民币贬值', '人民币升值', 'CNY', 'CNH', 'yuan', 'renminbi', 'rmb', 'usdcny', 'chinese yuan'],
    region: 'CN',
    indicators: ['USDCNY', 'USDCNH', 'DEXCHUS'],
    related: ['DTWEXBGS', 'CGB10Y', 'DGS10'],
    relations: [spread('USDCNH', 'USDCNY', '离岸与在岸人民币汇率之差', 'Offshore minus onshore yuan rate', false)],
    links: ['china_markets', 'china_yields', 'dollar'],
  },
  // ---- commodities ---------------------------------------------------------------------------------------
  {
    id: 'commodities',
    name: b('大宗商品(原油、黄金、白银、铜、天然气)', 'Commodities (oil, gold, silver, copper, natural gas)'),
    aliases: ['大宗商品', '商品', '商品价格', '铜', '铜价', '白银', '天然气', '金属', 'commodities', 'commodity prices', 'copper', 'silver', 'natural gas', 'metals'],
    region: 'GLOBAL',
    indicators: ['WTI_FUT', 'GOLD', 'COPPER', 'SILVER', 'NATGAS_FUT'],
    related: ['BRENT_FUT', 'PPIACO', 'DTWEXBGS'],
    relations: [ratio('GOLD', 'SILVER', '金银比', 'Gold/silver ratio')],
    links: ['oil', 'gold', 'producer_prices'],
  },
  {
    id: 'oil',
    name: b('原油与能源价格', 'Oil and energy prices'),
    aliases: ['原油', '油价', '石油', '能源价格', '汽油', '汽油价格', '布伦特', 'WTI', 'oil', 'crude', 'crude oil', 'oil prices', 'energy prices', 'gasoline', 'brent', 'wti'],
    region: 'GLOBAL',
    indicators: ['DCOILWTICO', 'DCOILBRENTEU', 'GASREGW', 'CPIENGSL'],
    related: ['WTI_FUT', 'XLE', 'T5YIE'],
    yoy: ['CPIENGSL'],
    relations: [spread('DCOILBRENTEU', 'DCOILWTICO', '布伦特与WTI价差', 'Brent minus WTI', false)],
    links: ['commodities', 'inflation'],
  },
  {
    id: 'gold',
    name: b('黄金(价格、实际利率与美元)', 'Gold (price, real yields and the dollar)'),
    aliases: ['黄金', '金价', '黄金价格', 'gold', 'gold price', 'gold prices', 'price of gold', 'bullion'],
    region: 'GLOBAL',
    indicators: ['GOLD', 'GLD', 'DFII10', 'DTWEXBGS'],
    related: ['SILVER'],
    links: ['real_yields', 'dollar', 'commodities'],
    cannotTell: [b('数据中没有央行购金和黄金ETF持仓量,无法判断买盘来源。', 'The data hold no central-bank gold purchases or ETF holdings, so who is buying cannot be told.')],
  },
  // ---- equities ------------------------------------------------------------------------------------------
  {
    id: 'equities',
    name: b('美国股市(标普500、纳斯达克、罗素2000)', 'U.S. equities (S&P 500, Nasdaq, Russell 2000)'),
    aliases: ['美股', '股市', '美国股市', '标普', '标普500', '纳斯达克', '纳指', '道指', '罗素2000', '小盘股', 'stocks', 'equities', 'stock market', 'us stocks', 's&p 500', 'sp500', 'nasdaq', 'dow', 'russell 2000', 'small caps'],
    indicators: ['SPX', 'NDX', 'RUT', 'DJI'],
    related: ['VIXCLS', 'SHILLER_CAPE'],
    relations: [ratio('RUT', 'SPX', '罗素2000与标普500之比', 'Russell 2000 relative to the S&P 500')],
    links: ['equity_valuation', 'volatility', 'sectors'],
  },
  {
    id: 'equity_valuation',
    name: b('股票估值(席勒市盈率、沪深300市盈率)', 'Equity valuation (Shiller CAPE, CSI 300 P/E)'),
    aliases: ['估值', '股市估值', '市盈率', '席勒市盈率', 'CAPE', '泡沫', '美股估值', 'valuation', 'valuations', 'equity valuation', 'stock valuations', 'p/e', 'pe ratio', 'cape', 'cape ratio', 'bubble'],
    region: 'GLOBAL',
    indicators: ['SHILLER_CAPE', 'SHILLER_SP500', 'CSI300_PE_TTM'],
    related: ['SHILLER_LONG_RATE', 'SHILLER_EARNINGS'],
    links: ['equities', 'china_markets'],
    cannotTell: [b('估值高低不能说明何时回归;席勒市盈率是月度数据,且最新月份的盈利可能尚未公布。', 'A valuation level does not say when or whether it reverts; CAPE is monthly and the newest months’ earnings may not be published yet.')],
    chartYears: 30,
  },
  {
    id: 'sectors',
    name: b('美股行业板块(标普行业ETF)', 'U.S. equity sectors (the Select Sector ETFs)'),
    aliases: ['行业', '板块', '行业板块', '行业轮动', '板块轮动', 'sectors', 'sector rotation', 'equity sectors', 'sector performance'],
    indicators: ['XLK', 'XLF', 'XLE', 'XLV', 'XLY', 'XLP', 'XLI', 'XLU', 'XLB', 'XLRE', 'XLC'],
    related: ['SPY'],
    links: ['equities'],
  },
  {
    id: 'tech_sector',
    name: b('科技板块', 'The technology sector'),
    aliases: ['科技股', '科技板块', '科技行业', '信息技术', '科技', 'tech', 'tech stocks', 'technology', 'technology sector', 'information technology'],
    indicators: ['XLK', 'NDX', 'IGV'],
    related: ['SPY'],
    sector: 'Information Technology',
    links: ['semiconductors', 'ai', 'sectors'],
  },
  {
    id: 'semiconductors',
    name: b('半导体行业', 'Semiconductors'),
    aliases: ['半导体', '芯片', '芯片股', '半导体股', '半导体行业', '存储芯片', 'semiconductors', 'semiconductor', 'chips', 'chip stocks', 'memory chips'],
    region: 'GLOBAL',
    indicators: ['SOX', 'SMH', 'SOXX'],
    related: ['NDX', 'EWT'],
    companies: ['NVDA', 'AMD', 'AVGO', 'INTC', 'MU', 'TSM', 'SNDK', 'SAMSUNG', 'SKHYNIX'],
    relations: [ratio('SOX', 'SPX', '费城半导体指数与标普500之比', 'Semiconductor index relative to the S&P 500')],
    links: ['tech_sector', 'ai'],
  },
  {
    id: 'ai',
    name: b('人工智能主题', 'The AI theme'),
    aliases: ['人工智能', 'AI', 'AI股', '算力', '大模型', '机器人', 'artificial intelligence', 'ai stocks', 'ai theme', 'robotics'],
    region: 'GLOBAL',
    indicators: ['AIQ', 'BOTZ', 'SMH'],
    related: ['NDX'],
    companies: ['NVDA', 'MSFT', 'GOOG', 'META', 'AMZN', 'AVGO', 'TSM'],
    links: ['semiconductors', 'tech_sector'],
  },
  { id: 'financials_sector', name: b('金融板块', 'The financials sector'), aliases: ['金融股', '金融板块', '银行板块', 'financials', 'financial stocks', 'financial sector', 'bank sector'], indicators: ['XLF', 'KBWB'], related: ['SPY', 'T10Y2Y'], sector: 'Financials', links: ['banking_stress', 'sectors'] },
  { id: 'health_sector', name: b('医疗保健板块', 'The health care sector'), aliases: ['医疗', '医药', '医药股', '医疗板块', '医疗保健', '制药', 'health care', 'healthcare', 'pharma', 'pharmaceuticals', 'health care sector'], indicators: ['XLV'], related: ['SPY'], sector: 'Health Care', links: ['sectors'] },
  { id: 'energy_sector', name: b('能源板块', 'The energy sector'), aliases: ['能源股', '能源板块', '石油股', 'energy stocks', 'energy sector'], indicators: ['XLE', 'DCOILWTICO'], related: ['SPY'], sector: 'Energy', links: ['oil', 'sectors'] },
  { id: 'staples_sector', name: b('必需消费品板块', 'The consumer staples sector'), aliases: ['必需消费', '必需消费品', '消费必需品', '防御板块', 'consumer staples', 'staples', 'defensive stocks'], indicators: ['XLP'], related: ['SPY'], sector: 'Consumer Staples', links: ['sectors', 'consumer'] },
  { id: 'discretionary_sector', name: b('可选消费品板块', 'The consumer discretionary sector'), aliases: ['可选消费', '可选消费品', '非必需消费', 'consumer discretionary', 'discretionary'], indicators: ['XLY'], related: ['SPY'], sector: 'Consumer Discretionary', links: ['sectors', 'consumer'] },
  { id: 'communication_sector', name: b('通信服务板块', 'The communication services sector'), aliases: ['通信服务', '通信板块', '传媒', 'communication services', 'communications', 'media stocks'], indicators: ['XLC'], related: ['SPY'], sector: 'Communication Services', links: ['sectors'] },
  { id: 'other_sectors', name: b('工业、公用事业、原材料与房地产板块', 'Industrials, utilities, materials and real estate sectors'), aliases: ['工业股', '工业板块', '公用事业', '原材料', '材料板块', '房地产板块', 'industrials', 'utilities', 'materials', 'real estate sector', 'reits'], indicators: ['XLI', 'XLU', 'XLB', 'XLRE'], related: ['SPY'], links: ['sectors'] },
  // ---- the rest of the world -----------------------------------------------------------------------------
  {
    id: 'china_markets',
    name: b('中国金融市场(A股、人民币与中债)', 'China’s markets (A-shares, the yuan and government bonds)'),
    aliases: ['中国', 'A股', 'a股', '中国股市', '中国市场', '上证', '上证指数', '上证综指', '深证', '深证成指', '沪深300', '中概股', '中国宏观', '中国经济', 'china', 'chinese stocks', 'china stocks', 'a-shares', 'a shares', 'shanghai composite', 'csi 300', 'china markets', 'chinese markets', 'china macro', 'chinese economy'],
    region: 'CN',
    indicators: ['SSE', 'SZSE', 'USDCNY', 'CGB10Y'],
    related: ['CSI300_PE_TTM', 'FXI', 'KWEB', 'FORTREASPOS41408'],
    relations: [spread('CGB10Y', 'DGS10', '中美10年期国债利差(中减美)', 'China minus U.S. 10-year yield')],
    links: ['cny', 'china_yields', 'emerging_markets'],
    cannotTell: [b('数据库没有中国的CPI、PMI、GDP、社融和LPR等宏观数据;沪深300的估值数据只到2023年。', 'The database holds no Chinese CPI, PMI, GDP, total social financing or LPR; the CSI 300 valuation data end in 2023.')],
    chartYears: 2,
  },
  {
    id: 'emerging_markets',
    name: b('新兴市场(股票、美元债与货币)', 'Emerging markets (equities, dollar bonds and currencies)'),
    aliases: ['新兴市场', '新兴市场股市', '新兴市场债', 'EM', 'emerging markets', 'em equities', 'em bonds', 'developing markets'],
    region: 'GLOBAL',
    indicators: ['EEM', 'EMB', 'OFR_FSI_EMERGING_MARKETS', 'CBOE_VXEEM'],
    related: ['USDBRL', 'USDINR', 'USDMXN', 'USDZAR', 'DTWEXBGS'],
    links: ['dollar', 'currencies', 'china_markets'],
  },
  {
    id: 'asia_markets',
    name: b('亚洲股市(日经、韩国综合指数、印度NIFTY)', 'Asian equities (Nikkei, KOSPI, NIFTY)'),
    aliases: ['亚洲股市', '亚太股市', '韩国股市', '印度股市', '韩国', '印度', 'KOSPI', 'NIFTY', 'asian stocks', 'asian markets', 'korea', 'india', 'korean stocks', 'indian stocks'],
    region: 'GLOBAL',
    indicators: ['N225', 'KOSPI', 'NIFTY', 'EWT'],
    related: ['USDKRW', 'USDINR', 'USDJPY'],
    companies: ['SAMSUNG', 'SKHYNIX'],
    links: ['japan', 'emerging_markets'],
  },
  {
    id: 'developed_ex_us',
    name: b('美国以外的发达市场(EFA)', 'Developed markets outside the U.S. (EFA)'),
    aliases: ['欧洲股市', '发达市场', '海外股市', 'developed markets', 'international stocks', 'eafe', 'european stocks'],
    region: 'GLOBAL',
    indicators: ['EFA', 'EURUSD', 'GBPUSD'],
    related: ['SPY'],
    links: ['currencies', 'equities'],
    cannotTell: [b('数据库没有欧洲的股指、利率和宏观数据,只有EFA这只ETF与欧元、英镑汇率。', 'The database holds no European index, rate or macro data — only the EFA ETF and the euro and pound exchange rates.')],
  },
  {
    id: 'crypto',
    name: b('加密资产(比特币、以太坊)', 'Crypto assets (bitcoin, ether)'),
    aliases: ['加密货币', '加密资产', '比特币', '以太坊', '数字货币', '虚拟货币', '币圈', 'crypto', 'cryptocurrency', 'bitcoin', 'btc', 'ether', 'ethereum', 'digital assets'],
    region: 'GLOBAL',
    indicators: ['BTC', 'ETH'],
    related: ['NDX', 'GOLD'],
    companies: ['COIN', 'HOOD', 'CRCL'],
    links: ['equities', 'gold'],
  },
  {
    id: 'treasury_etfs',
    name: b('美债ETF(TLT、IEF、SHY、TIP)', 'Treasury ETFs (TLT, IEF, SHY, TIP)'),
    aliases: ['债券ETF', '美债ETF', '长债', '长期国债ETF', 'TLT', 'bond etfs', 'treasury etfs', 'long bonds', 'bond market'],
    indicators: ['TLT', 'IEF', 'SHY', 'TIP'],
    related: ['DGS10', 'DGS30'],
    links: ['curve', 'real_yields'],
  },
];

/**
 * Two topics one question names (油价上涨对通胀有什么影响): the first's lead indicators, then the second's, their
 * relations, texts and limits together — a node like any other, so the planner and writers need no special case.
 */
export function joinTopics(first: TopicNode, second: TopicNode): TopicNode {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const indicators = uniq([...first.indicators.slice(0, 3), ...second.indicators.slice(0, 2)]);
  return {
    id: `${first.id}+${second.id}`,
    name: { zh: `${shortName(first.name.zh)}、${shortName(second.name.zh)}`, en: `${shortName(first.name.en)}; ${shortName(second.name.en).replace(/^The /, 'the ')}` },
    aliases: [],
    region: first.region ?? 'US',
    indicators,
    related: uniq([...first.indicators.slice(3), ...(first.related ?? []), ...second.indicators.slice(2)]).filter((id) => !indicators.includes(id)),
    yoy: uniq([...(first.yoy ?? []), ...(second.yoy ?? [])]),
    relations: [...(first.relations ?? []), ...(second.relations ?? [])].filter((r, i, all) => all.findIndex((x) => x.a === r.a && x.b === r.b) === i),
    documents: [...(first.documents ?? []), ...(second.documents ?? [])],
    periods: uniq([...(first.periods ?? []), ...(second.periods ?? [])]),
    links: uniq([...(first.links ?? []), ...(second.links ?? [])]).filter((id) => id !== first.id && id !== second.id),
    cannotTell: [...(first.cannotTell ?? []), ...(second.cannotTell ?? [])],
    chartYears: Math.max(first.chartYears ?? 10, second.chartYears ?? 10),
  };
}

/** A name without its bracketed list ("美国股市(标普500、纳斯达克…)" → "美国股市"): its index names carry digits. */
export function shortName(name: string): string {
  return name.replace(/\s*[((].*$/, '');
}

/** A node by id. */
export function topicNode(id: string): TopicNode | undefined {
  return TOPIC_GRAPH.find((t) => t.id === id);
}

/** What any research answer or report cannot tell from data alone (said in every "what the data cannot tell"). */
export const GENERAL_LIMITS: Bilingual[] = [
  b('数据显示的是同时发生的变化,不能单独证明因果关系。', 'The data show what moved together; they do not by themselves prove cause and effect.'),
  b('有据不预测未来走势,也不提供投资建议。', 'fincite does not forecast and gives no investment advice.'),
];
