// Policy questions: QT dates and caps, rate decisions (last hike/cut, counts, target range) — which topic is
// asked and the plan for it. The executor is src/engine/execute/policy.ts.
import type { Plan, PolicyTopic, Subject } from '../plan.ts';
import type { TimeMatch } from './time.ts';


const QT = '(?:缩表|qt\\s*\\d?|runoff|run off|balance[- ]sheet (?:runoff|reduction)|quantitative tightening|redemption)';
const has = (t: string, ...res: string[]) => res.every((r) => new RegExp(r, 'i').test(t));

/** Words of a vote against a decision. */
const DISSENT = '反对票|票反对|人反对|反对意见|异议|投了?反对|持反对|反对者|dissent|voted? against|votes? against|no votes?';
/** Words of a rate move. */
const MOVE = '加息|降息|加了|降了|hik(?:e|es|ed|ing)\\b|\\bcut|\\brais(?:e|ed|ing)\\b|lowered|tighten|\\beas(?:e|ed|ing)\\b';
/** Words that ask for basis points rather than a count. */
const BP = '基点|\\bbps?\\b|basis points?|幅度|how much|how big|size of|by what|cumulative|累计|一共.{0,4}多少(?!次)|总共.{0,4}多少(?!次)|(?:加息|降息|加|降)了?多少(?!次)';

export function detectPolicy(text: string): PolicyTopic | null {
  const t = text;
  if (has(t, DISSENT)) return 'dissents';
  if (has(t, QT, '上限|额度|\\bcaps?\\b|最多|at most|maximum|limit')) return 'qt_caps';
  if (has(t, '什么时候|何时|哪天|when|what date', '结束|停止|终止|\\bend|stop|conclude|over\\b', QT)) return 'qt_end';
  if (has(t, '什么时候|何时|哪天|when|what date', '开始|启动|start|begin|began', QT)) return 'qt_start';
  if (has(t, MOVE, '基点|\\bbps?\\b|basis points?')) return 'decision_bp';
  if (has(t, '几次|多少次|次数|how many|number of', '加息|降息|hikes?|cuts?|raised|lowered|unchanged|维持|按兵不动|不变|hold|meetings?|会议')) return 'count_decisions';
  if (/上一?次加息|最近一次加息|最后一次加息|上回加息|last (?:rate )?hike|last time .*(?:raise|hike)|most recent hike/i.test(t)) return 'last_hike';
  if (/上一?次降息|最近一次降息|最后一次降息|上回降息|last (?:rate )?cut|last time .*cut|most recent cut/i.test(t)) return 'last_cut';
  if (has(t, MOVE, BP)) return 'decision_bp';
  if (/目标区间|target range|政策利率|policy rate/i.test(t)) return 'target_range';
  if (/议息|利率决议|fomc (?:decision|meeting)|最近一次会议|last (?:fomc )?meeting/i.test(t)) return 'last_decision';
  return null;
}

/** Which decisions a count question is about. */
export function decisionAction(text: string): 'hike' | 'cut' | 'hold' | null {
  if (/加息|hike|raised|raise/i.test(text)) return 'hike';
  if (/降息|cut|lowered|lower/i.test(text)) return 'cut';
  if (/维持|按兵不动|不变|unchanged|hold|held|steady|pause/i.test(text)) return 'hold';
  return null;
}

const SUBJECT_FREE_TOPICS: PolicyTopic[] = ['qt_caps', 'qt_end', 'qt_start', 'last_hike', 'last_cut', 'count_decisions', 'dissents'];
/** Series a question about rate decisions may name without asking about the series itself. */
const POLICY_RATE_SERIES = new Set(['DFF', 'DFEDTARU', 'DFEDTARL', 'DFEDTAR', 'FEDFUNDS', 'EFFR', 'IORB']);

/** The question with the words of event-anchored periods blanked ("上次降息以来" names a period, not a topic). */
function withoutEventWords(q: string, matches: TimeMatch[]): string {
  const chars = [...q];
  for (const m of matches) if (m.spec.kind === 'event') for (let i = m.start; i < m.end && i < chars.length; i++) chars[i] = ' ';
  return chars.join('');
}

/**
 * The plan for a policy question, or null when the question is not one. Topics about QT and decisions win over
 * a series named in passing ("缩表期间MBS上限"); the target range is a policy answer even when its series is named.
 */
export function policyPlan(q: string, base: Omit<Plan, 'measure'>, subjects: Subject[]): Plan | null {
  const text = withoutEventWords(q, base.timeMatches);
  let policy = detectPolicy(text);
  // "本轮加息周期一共加了多少基点": the move words may sit inside the anchored period itself
  if (!policy && text !== q) {
    const inFull = detectPolicy(q);
    if (inFull === 'decision_bp' || inFull === 'count_decisions' || inFull === 'dissents') policy = inFull;
  }
  if (!policy) return null;
  const onlyPolicyRates = subjects.every((s) => POLICY_RATE_SERIES.has(s.seriesId));
  if (policy === 'decision_bp') {
    if (!onlyPolicyRates) return null;
    const action = decisionAction(text) ?? decisionAction(q);
    return { ...base, measure: 'policy', policy, ...(action && action !== 'hold' ? { decisionAction: action } : {}) };
  }

  if (subjects.length === 0 || SUBJECT_FREE_TOPICS.includes(policy)) {
    const action = decisionAction(q);
    return { ...base, measure: 'policy', policy, ...(action ? { decisionAction: action } : {}) };
  }
  if (policy === 'target_range') return { ...base, measure: 'policy', policy };
  return null;
}
