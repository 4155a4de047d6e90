// The finance term dictionary, in one place: the Chinese words (and abbreviations) people type for FOMC
// concepts, and the English phrases the Federal Reserve writes for them. A Chinese query is segmented with
// these words make up the segmentation dictionary, and each known word searches for any of its English phrases.

export interface FinanceTerm {
  /** Chinese words for the concept; each is one word to the segmenter. */
  zh: string[];
  /** English phrases as the documents write them; a passage matches the concept if it contains any of them. */
  en: string[];
  /** Abbreviations typed in either language (QT, MBS, ON RRP …), matched as whole words. */
  abbr?: string[];
}

export const FINANCE_TERMS: FinanceTerm[] = [
  // Balance sheet runoff and its parts
  {
    zh: ['缩表', '量化紧缩', '缩减资产负债表', '缩减资产', '资产负债表缩减', '缩减证券持有量'],
    en: [
      'balance sheet runoff',
      'runoff',
      'reduce holdings',
      'reducing its holdings',
      'reduction of its securities holdings',
      'reduction of its aggregate securities holdings',
      'reduce the securities holdings',
      'reducing the size of the balance sheet',
      'reduce the size of the balance sheet',
      'decline in holdings',
      'pace of decline of its securities holdings',
      'balance sheet normalization',
      'quantitative tightening',
    ],
    abbr: ['QT', 'QT1', 'QT2'],
  },
  { zh: ['扩表', '量化宽松', '购债', '资产购买'], en: ['asset purchases', 'increase its holdings', 'quantitative easing', 'large-scale asset purchases', 'net asset purchases'], abbr: ['QE', 'LSAP'] },
  { zh: ['缩减购债', '减少购债', '缩减资产购买'], en: ['reduce the monthly pace of its net asset purchases', 'taper', 'tapering'] },
  { zh: ['上限', '封顶', '限额'], en: ['cap', 'caps', 'monthly cap', 'limit'] },
  { zh: ['赎回上限', '月度上限', '每月上限'], en: ['monthly redemption cap', 'redemption cap', 'monthly cap'] },
  { zh: ['赎回', '到期赎回'], en: ['redeem', 'redemption', 'redemptions'] },
  { zh: ['再投资', '展期', '滚动投资'], en: ['reinvest', 'reinvestment', 'reinvested', 'roll over', 'rolling over'] },
  { zh: ['本金', '本金偿付'], en: ['principal payments'] },
  { zh: ['到期'], en: ['maturing', 'maturities'] },
  { zh: ['持有量', '持仓', '证券持有量', '持有规模'], en: ['securities holdings', 'holdings'] },
  { zh: ['减持'], en: ['reduce holdings', 'reducing its holdings', 'decline in holdings'] },
  { zh: ['放缓', '减缓', '放慢'], en: ['slow the pace', 'slow'] },
  { zh: ['步伐', '速度', '节奏'], en: ['pace'] },
  { zh: ['结束', '终止', '停止', '退出'], en: ['conclude', 'end', 'stop', 'cease', 'ceased'] },
  { zh: ['开始', '启动', '开启'], en: ['begin', 'initiate', 'commence', 'beginning'] },
  { zh: ['计划'], en: ['plans', 'plan'] },
  { zh: ['原则'], en: ['principles'] },
  { zh: ['正常化'], en: ['normalization'] },
  { zh: ['资产负债表'], en: ['balance sheet'] },
  { zh: ['规模'], en: ['size'] },
  // Securities
  { zh: ['国债', '美国国债', '美债'], en: ['Treasury securities', 'Treasuries', 'Treasury'] },
  { zh: ['短期国债', '国库券'], en: ['Treasury bills', 'bills', 'shorter-term Treasury securities'] },
  { zh: ['附息国债', '中长期国债'], en: ['Treasury coupon securities', 'coupon securities'] },
  {
    zh: ['抵押贷款支持证券', '房贷支持证券', '住房抵押贷款支持证券', '机构抵押贷款支持证券'],
    en: ['agency mortgage-backed securities', 'mortgage-backed securities'],
    abbr: ['MBS'],
  },
  { zh: ['机构债'], en: ['agency debt', 'agency securities'] },
  { zh: ['系统公开市场账户'], en: ['System Open Market Account'], abbr: ['SOMA'] },
  // Reserves and money markets
  { zh: ['准备金', '储备金', '银行准备金', '准备金余额'], en: ['reserves', 'reserve balances'] },
  { zh: ['充足准备金', '准备金充足'], en: ['ample reserves', 'ample supply of reserves', 'ample level of reserves', 'reserves ample'] },
  { zh: ['充足', '充裕'], en: ['ample', 'abundant'] },
  { zh: ['稀缺', '短缺'], en: ['scarce', 'scarcity'] },
  { zh: ['储备管理购买', '准备金管理购买'], en: ['reserve management purchases', 'purchases of shorter-term Treasury securities'], abbr: ['RMP'] },
  {
    zh: ['逆回购', '隔夜逆回购', '逆回购工具'],
    en: ['overnight reverse repurchase agreement', 'reverse repurchase', 'reverse repo', 'ON RRP'],
    abbr: ['ON RRP', 'RRP', 'ONRRP'],
  },
  { zh: ['回购', '回购协议'], en: ['repurchase agreement', 'repo'] },
  {
    zh: ['常备回购便利', '常备回购', '常备回购工具', '常设回购便利', '常备回购操作'],
    en: ['standing repo facility', 'standing repurchase agreement facility', 'standing repo operations', 'standing overnight repurchase agreement operations', 'standing repurchase agreement (repo) facility'],
    abbr: ['SRF', 'SRP'],
  },
  { zh: ['外国央行回购', '海外央行回购'], en: ['foreign and international monetary authorities', 'FIMA repo facility'], abbr: ['FIMA'] },
  { zh: ['互换额度', '货币互换'], en: ['swap lines', 'liquidity swap'] },
  { zh: ['贴现窗口'], en: ['discount window'] },
  { zh: ['一级信贷利率', '贴现率'], en: ['primary credit rate', 'discount rate', 'primary credit'] },
  { zh: ['准备金利率', '超额准备金利率', '准备金余额利率'], en: ['interest on reserve balances', 'interest rate paid on reserve balances', 'IORB rate'], abbr: ['IORB', 'IOER'] },
  { zh: ['财政部一般账户', '财政部账户'], en: ['Treasury General Account'], abbr: ['TGA'] },
  { zh: ['货币市场'], en: ['money markets', 'money market'] },
  { zh: ['资金市场', '融资市场'], en: ['funding markets', 'funding market'] },
  { zh: ['流动性'], en: ['liquidity'] },
  { zh: ['隔夜'], en: ['overnight'] },
  { zh: ['最低投标利率'], en: ['minimum bid rate'] },
  { zh: ['抵押品'], en: ['collateral'] },
  { zh: ['中央清算', '集中清算'], en: ['central clearing', 'centrally cleared'] },
  { zh: ['总额上限', '总量上限'], en: ['aggregate limit', 'aggregate operation limit'] },
  { zh: ['交易对手'], en: ['counterparties', 'counterparty'] },
  { zh: ['一级交易商'], en: ['primary dealers'] },
  { zh: ['后备', '兜底', '支持工具'], en: ['backstop'] },
  { zh: ['公开市场操作'], en: ['open market operations'] },
  { zh: ['纽约联储', '交易台'], en: ['Federal Reserve Bank of New York', 'Desk'] },
  { zh: ['有效联邦基金利率'], en: ['effective federal funds rate'], abbr: ['EFFR'] },
  { zh: ['担保隔夜融资利率'], en: ['Secured Overnight Financing Rate'], abbr: ['SOFR'] },
  { zh: ['季末'], en: ['quarter-end'] },
  { zh: ['年末'], en: ['year-end'] },
  { zh: ['债务上限'], en: ['debt limit', 'debt ceiling'] },
  // Rates and decisions
  { zh: ['加息', '升息', '提高利率'], en: ['raise the target range', 'increase the target range', 'rate hike', 'raise the federal funds rate', 'firming'] },
  { zh: ['降息', '减息', '下调利率'], en: ['lower the target range', 'reduce the target range', 'rate cut', 'lower the federal funds rate'] },
  { zh: ['维持利率', '按兵不动', '利率不变'], en: ['maintain the target range'] },
  { zh: ['利率'], en: ['rate', 'rates', 'interest rate'] },
  { zh: ['联邦基金利率'], en: ['federal funds rate'] },
  { zh: ['目标区间', '目标范围'], en: ['target range'] },
  { zh: ['政策利率'], en: ['policy rate'] },
  { zh: ['中性利率'], en: ['neutral rate', 'neutral'] },
  { zh: ['基点'], en: ['basis points', 'percentage point'] },
  { zh: ['货币政策'], en: ['monetary policy'] },
  { zh: ['紧缩', '收紧'], en: ['tightening', 'restrictive', 'firming'] },
  { zh: ['宽松', '放松'], en: ['accommodation', 'accommodative', 'easing'] },
  { zh: ['前瞻指引'], en: ['forward guidance'] },
  { zh: ['投票', '表决'], en: ['voting', 'vote'] },
  { zh: ['反对票', '异议'], en: ['dissent', 'voted against', 'preferred'] },
  // Economy
  { zh: ['通胀', '通货膨胀', '物价'], en: ['inflation'] },
  { zh: ['核心通胀'], en: ['core inflation', 'core PCE'] },
  { zh: ['通胀预期'], en: ['inflation expectations'] },
  { zh: ['个人消费支出'], en: ['personal consumption expenditures'], abbr: ['PCE'] },
  { zh: ['消费者价格指数', '居民消费价格指数'], en: ['consumer price index'], abbr: ['CPI'] },
  { zh: ['物价稳定'], en: ['price stability'] },
  { zh: ['就业'], en: ['employment', 'maximum employment', 'job gains'] },
  { zh: ['充分就业', '最大就业'], en: ['maximum employment'] },
  { zh: ['失业率'], en: ['unemployment rate'] },
  { zh: ['劳动力市场', '劳动市场', '就业市场'], en: ['labor market'] },
  { zh: ['非农', '非农就业'], en: ['nonfarm payroll', 'payroll employment'] },
  { zh: ['工资', '薪资'], en: ['wages', 'wage growth'] },
  { zh: ['双重使命'], en: ['dual mandate'] },
  { zh: ['经济活动', '经济增长'], en: ['economic activity', 'economic growth'] },
  { zh: ['国内生产总值'], en: ['gross domestic product', 'real GDP'], abbr: ['GDP'] },
  { zh: ['消费支出', '居民消费'], en: ['consumer spending', 'household spending'] },
  { zh: ['经济前景', '展望', '前景'], en: ['economic outlook', 'outlook'] },
  { zh: ['衰退', '经济衰退'], en: ['recession'] },
  { zh: ['不确定性'], en: ['uncertainty'] },
  { zh: ['风险'], en: ['risks', 'risk'] },
  { zh: ['关税'], en: ['tariffs', 'tariff'] },
  { zh: ['疫情', '新冠'], en: ['pandemic', 'COVID-19', 'coronavirus'] },
  { zh: ['收益率'], en: ['yields', 'yield'] },
  { zh: ['收益率曲线'], en: ['yield curve'] },
  { zh: ['期限溢价'], en: ['term premium'] },
  { zh: ['信贷'], en: ['credit'] },
  { zh: ['金融稳定'], en: ['financial stability'] },
  { zh: ['金融状况', '金融条件'], en: ['financial conditions'] },
  { zh: ['银行', '银行体系'], en: ['banks', 'banking system'] },
  { zh: ['压力', '紧张'], en: ['pressures', 'strains'] },
  { zh: ['波动', '波动性'], en: ['volatility'] },
  { zh: ['美元'], en: ['dollar'] },
  // Institutions and documents
  { zh: ['美联储', '联储'], en: ['Federal Reserve', 'Committee'], abbr: ['Fed'] },
  { zh: ['联邦公开市场委员会', '议息会议'], en: ['Federal Open Market Committee'], abbr: ['FOMC'] },
  { zh: ['主席'], en: ['Chair'] },
  { zh: ['鲍威尔'], en: ['Powell'] },
  { zh: ['会议纪要', '纪要'], en: ['minutes'] },
  { zh: ['声明', '政策声明'], en: ['statement'] },
  { zh: ['讲话', '演讲'], en: ['speech', 'remarks'] },
  { zh: ['经济预测摘要', '点阵图'], en: ['Summary of Economic Projections', 'projections'], abbr: ['SEP'] },
  { zh: ['执行说明', '政策执行说明'], en: ['implementation note'] },
  { zh: ['每月', '每个月'], en: ['per month', 'monthly'] },
  { zh: ['十亿'], en: ['billion'] },
  { zh: ['万亿'], en: ['trillion'] },
];

/**
 * Chinese words that carry no search meaning (question words, particles). They are added to the segmenter's
 * dictionary too, so "多少" is one word to skip rather than two characters to look up.
 */
export const ZH_STOPWORDS: string[] = [
  '的', '了', '是', '在', '和', '与', '及', '以及', '或', '或者', '对', '把', '被', '吗', '呢', '吧', '啊', '呀', '么',
  '什么', '怎么', '怎样', '如何', '为什么', '为何', '多少', '几', '哪些', '哪个', '哪', '何时', '什么时候', '时候', '何', '谁',
  '有', '有没有', '没有', '这', '那', '这个', '那个', '这些', '那些', '一个', '关于', '相关', '情况', '问题', '请', '一下',
  '介绍', '解释', '说明', '告诉', '我', '我们', '你', '他们', '它', '其', '之', '中', '上', '下', '等', '也', '都', '还', '就',
  '会', '将', '要', '能', '可以', '已经', '曾经', '过', '着', '多', '少', '年', '月', '日', '期间', '以来', '之后', '之前',
];

const zhIndex = new Map<string, FinanceTerm>();
const abbrIndex = new Map<string, FinanceTerm>();
for (const term of FINANCE_TERMS) {
  for (const w of term.zh) if (!zhIndex.has(w)) zhIndex.set(w, term);
  for (const a of term.abbr ?? []) abbrIndex.set(a.toLowerCase(), term);
}
const zhStopwords = new Set(ZH_STOPWORDS);

/** The term a Chinese word names, if the dictionary knows it. */
export function termForChinese(word: string): FinanceTerm | undefined {
  return zhIndex.get(word);
}

/** The term an abbreviation names ("qt", "on rrp"), if the dictionary knows it. */
export function termForAbbreviation(text: string): FinanceTerm | undefined {
  return abbrIndex.get(text.toLowerCase());
}

/** The longest abbreviation, in words, that the dictionary knows (ON RRP = 2). */
export const LONGEST_ABBREVIATION_WORDS = Math.max(...[...abbrIndex.keys()].map((a) => a.split(' ').length));

export function isChineseStopword(word: string): boolean {
  return zhStopwords.has(word);
}

/** The longest dictionary word inside a Chinese text at each position (forward maximum matching). */
export function dictionaryWordsIn(text: string): string[] {
  const longest = Math.max(...[...zhIndex.keys()].map((w) => w.length));
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let found = '';
    for (let n = Math.min(longest, text.length - i); n >= 2; n--) {
      const w = text.slice(i, i + n);
      if (zhIndex.has(w)) {
        found = w;
        break;
      }
    }
    if (found) {
      out.push(found);
      i += found.length;
    } else i++;
  }
  return out;
}
