// What a question asks to compute, from its words in Chinese or English. The words of subject names are
// removed before this runs, so "高收益债利差" (a series) does not read as "spread".
import type { Measure } from '../plan.ts';

/** Words of "past a threshold": above (超过, 高于, above …) or below (低于, 跌破, below …). */
const ABOVE = '超过|高于|大于|突破|站上|在.{0,2}以上|above|over|exceed(?:ed|s|ing)?|greater than|more than|higher than';
const BELOW = '低于|小于|跌破|不到|below|under|less than|lower than';
const THRESHOLD_OP = `${ABOVE}|${BELOW}`;

interface Cue {
  measure: Measure;
  re: RegExp;
}

/** Checked in order; the first that matches wins. */
const CUES: Cue[] = [
  { measure: 'from_peak', re: /(?:从|较|自|距|(?<![同环])比)(?:历史)?(?:峰值|高点|最高点?|高位)|(?:峰值|高点)(?:以来|回落|下降)|from (?:its |the )?(?:peak|high)|since (?:its |the )?(?:peak|high)|off (?:its |the )?(?:peak|high)|below (?:its |the )?peak/i },
  { measure: 'from_trough', re: /(?:从|较|自|距|(?<![同环])比)(?:历史)?(?:低点|最低点?|谷底|低位)|from (?:its |the )?(?:low|trough|bottom)|since (?:its |the )?(?:low|trough|bottom)|off (?:its |the )?(?:low|lows)/i },
  { measure: 'correlation', re: /相关性|相关系数|相关度|联动|correlat/i },
  { measure: 'inversion', re: /倒挂|invert|inversion/i },
  // "10年期收益率超过5%的天数", "how many days was the VIX above 30": a count of observations past a threshold
  { measure: 'count_days', re: new RegExp(`(?:${THRESHOLD_OP})\\s*\\d[\\d.]*[^。?？]{0,12}(?:天数|几天|多少天|多少个?交易日|几个交易日)|(?:how many|number of)\\s+(?:trading\\s+)?days[^?]{0,60}(?:${THRESHOLD_OP})\\s*\\d|(?:天数|多少天|几天).{0,12}(?:${THRESHOLD_OP})\\s*\\d`, 'i') },
  { measure: 'drawdown', re: /回撤|drawdown|draw-down|peak[- ]to[- ]trough/i },
  { measure: 'avg_monthly_change', re: /(?:平均)?每月(?:平均)?(?:减少|下降|缩减|增加|变化|缩表|流失|到期)?|月均(?:减少|下降|变化|缩减)?|per month|a month|monthly (?:pace|runoff|decline|change)|each month/i },
  { measure: 'volatility', re: /波动率|波动性|波动|标准差|volatil|standard deviation|std\b|stdev/i },
  { measure: 'yoy', re: /同比|年率|yoy|y\/y|year[- ]over[- ]year|year[- ]on[- ]year|annual (?:rate|inflation)/i },
  { measure: 'annualized_growth', re: /折年率|年化增长|环比年化|annuali[sz]ed|growth rate|经济增长|增速|gdp增长|growth/i },
  { measure: 'max', re: /最高|峰值|高点|最大值|最大的时候|最大时|最多的时候|历史高位|新高|peak|highest|the high|(?:all[- ]time|record|history|historical|historic) high|maximum|历史最高|\bmax\b|top\b|\bhighs?\b(?![- ](?:yield|grade))/i },
  { measure: 'min', re: /最低|低点|谷底|最小值|最小的时候|新低|lowest|the low|(?:all[- ]time|record|history|historical|historic) low|trough|历史最低|minimum|\bmin\b|bottom|\blows?\b/i },
  { measure: 'average', re: /平均|均值|average|mean\b/i },
  { measure: 'percent_change', re: /涨幅|跌幅|表现|perform|涨了多少|跌了多少|涨多少|跌多少|回报|百分比|增长率|增长了百分之|return|performance|percent(?:age)? change|% change|gain|how much (?:has|did) .* (?:rise|rally|gain|fall|drop)/i },
  { measure: 'change', re: /趋势|走势|trend|变化|变动|减少|增加|下降|上升|上涨|下跌|缩减|缩水|缩了|减了|扩张|增长|增加了|新增|降了|升了|涨|跌|少了|多了|change|shrunk|shrink|shrank|grown|grew|fell|fall|rose|rise|increase|decrease|decline|drop|added|lost|reduced|reduction|\bmove[ds]?\b|movement/i },
  { measure: 'level', re: /是多少|多少|现在|目前|最新|当前|水平|规模|多大|几|what is|what's|what was|current|latest|level|now|how big|how large|how much is/i },
];

export interface Threshold {
  op: '>' | '<';
  /** In the unit the question gave it: percent (5%), basis points (50个基点) or plain (VIX 30). */
  value: number;
  unit: 'percent' | 'bp' | 'plain';
  text: string;
}

/** The threshold a count question names ("超过5%", "above 30", "低于50个基点"), or null. */
export function thresholdAsk(text: string): Threshold | null {
  const m = new RegExp(`(${THRESHOLD_OP})\\s*(\\d+(?:\\.\\d+)?)\\s*(%|％|percent|个?基点|bps?|basis points?)?`, 'i').exec(text);
  if (!m) return null;
  const op = new RegExp(`^(?:${BELOW})$`, 'i').test(m[1]!) ? '<' : '>';
  const u = (m[3] ?? '').toLowerCase();
  const unit = !u ? 'plain' : /基点|bp|basis/.test(u) ? 'bp' : 'percent';
  return { op, value: Number(m[2]), unit, text: m[0] };
}

/**
 * What a standard deviation or volatility is of, when the question says so: the level, the (daily) changes or the
 * returns; and whether it is annualised (年化) or per period (日波动率, daily). Null fields: the default applies.
 */
export function statBasis(text: string): { on: 'levels' | 'changes' | 'returns' | null; annualize: boolean | null } {
  const on = /收益率的?(?:标准差|波动)|回报率?的?(?:标准差|波动)|涨跌幅的?(?:标准差|波动)|(?:std|stdev|standard deviation|volatility) of (?:the )?(?:daily |weekly |monthly )?returns|returns?'? (?:std|stdev|standard deviation)/i.test(text)
    ? 'returns'
    : /(?:日|每日|每天|周|月)?变化的?(?:标准差|波动)|变动的?(?:标准差|波动)|(?:std|stdev|standard deviation|volatility) of (?:the )?(?:daily |weekly |monthly )?changes|daily changes/i.test(text)
      ? 'changes'
      : /水平的?(?:标准差|波动)|(?:点位|数值|本身)的?(?:标准差|波动)|(?:std|stdev|standard deviation) of (?:the )?(?:level|levels|values)/i.test(text)
        ? 'levels'
        : null;
  const annualize = /日波动|每日波动|daily (?:vol|volatility|std|standard deviation)|(?:未|不|没有?)年化|not annuali[sz]ed|non-annuali[sz]ed|un-?annuali[sz]ed|per day/i.test(text) ? false : /年化|annuali[sz]ed|per year/i.test(text) ? true : null;
  return { on, annualize };
}

/** "CPI环比折年率", "annualized month-over-month": a monthly change compounded to a year. */
export function asksAnnualizedMonthly(text: string): boolean {
  return /环比折年|环比年化|折年率|年化月率|annuali[sz]ed (?:monthly|month[- ]over[- ]month|m\/m|mom)|(?:monthly|month[- ]over[- ]month|m\/m) (?:change|rate|growth|inflation)?,? annuali[sz]ed|\bsaar\b/i.test(text);
}

export function detectMeasure(text: string): Measure | null {
  for (const c of CUES) if (c.re.test(text)) return c.measure;
  return null;
}

/** "which rose more", "谁涨得多", "A vs B", "和2019年比" — a comparison between entities or periods. */
export function asksComparison(text: string): boolean {
  return /谁|哪个|哪一个|比较|对比|相比|表现|[和与跟同][^,，。?？]{0,16}?比(?![例率重值价])|vs\.?|versus|compare|compared|which (?:one|rose|did|has|had|gained|fell)|more than|better|faster|slower/i.test(text);
}

/** "20-day rolling volatility", "20日滚动波动率": the window in observations. */
export function rollingWindow(text: string): number | null {
  const m = /(\d{1,3})\s*[- ]?\s*(?:day|日|天|交易日)\s*(?:rolling|滚动)|(?:rolling|滚动)\s*(\d{1,3})\s*[- ]?\s*(?:day|日|天)/i.exec(text);
  return m ? Number(m[1] ?? m[2]) : null;
}

/** "哪天开始", "when did … first": the first occurrence, not the longest or latest. */
export function asksFirst(text: string): boolean {
  return /开始|首次|第一次|最早|哪天|哪一天|first|began|begin|start/i.test(text);
}

/** "…是不是比平时大", "than usual", "outside QT" — a period against the rest of the history. */
export function asksVersusOutside(text: string): boolean {
  return /平时|平常|其他时期|其余时期|非缩表|之外|以外|than usual|than normal|outside|otherwise|other times/i.test(text);
}

/** Spread words that, with two subjects, mean "A minus B". */
export function asksSpread(text: string): boolean {
  return /利差|差值|之差|价差|相差|差多少|比.{0,6}(?:高|低|多|少)多少|spread|difference|gap|minus|(?:higher|lower|above|below) than/i.test(text);
}

export function asksRatio(text: string): boolean {
  return /比值|比率|之比|ratio|divided by/i.test(text);
}

/** Words that a change should be reported in percent (prices, indices: 涨了多少 means a return). */
export function wantsPercent(text: string): boolean {
  return /%|百分|percent|涨幅|跌幅|return/i.test(text);
}

/** "What did the FOMC say about reserves", "声明里怎么说": the answer is the cited text itself. */
export function asksDocuments(text: string): boolean {
  return /what (?:did|does|do) (?:the )?(?:fomc|fed|federal reserve|committee|powell|chair|statement|minutes)\b.{0,80}\b(?:say|said|state|note|write|mention|think)|(?:said|say|wrote|stated) about|according to the (?:fomc|fed|statement|minutes)|怎么说|说了什么|怎么表述|如何表述|提到了?什么|怎么描述|怎么看待|表态|原话|原文/i.test(text);
}

// ---- questions fincite must not answer with a number ----

export type RefusalKind = 'forecast' | 'advice';

export function detectRefusal(text: string): RefusalKind | null {
  if (/应该买|该不该买|要不要买|值得买|能买吗|可以买吗|该卖|要不要卖|该不该卖|推荐.*(?:股票|买)|建议.*(?:买|卖|持有|配置)|抄底|should i (?:buy|sell|invest|hold)|is it a good (?:time|idea) to (?:buy|sell|invest)|worth buying|recommend|buy or sell|good investment/i.test(text)) return 'advice';
  if (/预测|预计|预期.*(?:多少|会)|会不会|会降息|会加息|将会|明年.*(?:点位|多少|会|能)|能到多少|下个月.*会|下次.*(?:会|降息|加息)|未来.*(?:走势|多少|会)|目标价|能涨到|会涨|会跌|forecast|predict|\b(?:will|would|shall|gonna|going to)\b.{0,60}\b(?:be|go|rise|fall|reach|hit|cut|raise|hike|drop|increase|decrease|end|happen|climb|top|exceed|stay)\b|next (?:month|year|week|quarter|meeting).{0,20}\?|target price|price target|outlook for next/i.test(text)) return 'forecast';
  return null;
}
