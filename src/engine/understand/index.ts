// The deterministic bilingual parser: question → Plan, or an honest "cannot answer" with the reason and
// questions it can answer. No model is involved; an LLM planner (later) produces the same Plan shape.
import type { Company, IsoDate, SeriesMeta } from '../../core/types.ts';
import type { Measure, Plan, Subject } from '../plan.ts';
import { detectLanguage } from './lang.ts';
import {
  asksComparison,
  asksRatio,
  asksSpread,
  asksVersusOutside,
  detectFundamental,
  detectMeasure,
  detectPolicy,
  detectRefusal,
  wantsPercent,
  wantsQuarterly,
} from './measure.ts';
import { SubjectIndex } from './subjects.ts';
import { parseTime } from './time.ts';

export interface UnderstandContext {
  index: SubjectIndex;
  series: Map<string, SeriesMeta>;
  today: IsoDate;
}

export interface NotUnderstood {
  lang: 'zh' | 'en';
  reason: { zh: string; en: string };
  kind: 'forecast' | 'advice' | 'unknown_subject' | 'unsupported';
  subjects: Subject[];
}

export type Understood = { ok: true; plan: Plan } | { ok: false; why: NotUnderstood };

export function buildContext(series: SeriesMeta[], companies: Company[], today: IsoDate): UnderstandContext {
  return { index: new SubjectIndex(series, companies), series: new Map(series.map((s) => [s.id, s])), today };
}

function blank(text: string, spans: Array<[number, number]>): string {
  const chars = [...text];
  // spans are UTF-16 offsets; questions are BMP text, where they coincide with code points
  for (const [a, b] of spans) for (let i = a; i < b && i < chars.length; i++) chars[i] = ' ';
  return chars.join('');
}

const isPriceLike = (s: SeriesMeta | undefined) => Boolean(s && (s.unit.kind === 'price' || s.unit.kind === 'index' || s.category === 'equity' || s.category === 'equity_index'));
const isInflationIndex = (s: SeriesMeta | undefined) => Boolean(s && s.category === 'inflation' && s.unit.kind === 'index');
const isRate = (s: SeriesMeta | undefined) => Boolean(s && (s.unit.kind === 'percent' || s.unit.kind === 'percentage_points'));

export function understand(question: string, ctx: UnderstandContext, forcedLang?: 'zh' | 'en'): Understood {
  const lang = forcedLang ?? detectLanguage(question);
  const q = question.normalize('NFKC').trim();
  const time = parseTime(q, ctx.today);
  const timeSpans = time.matches.map((m) => [m.start, m.end] as [number, number]);
  const found = ctx.index.find(q, timeSpans);
  const subjects = found.map((f) => f.subject);
  const rest = blank(q, [...timeSpans, ...found.map((f) => [f.start, f.end] as [number, number])]);

  const refusal = detectRefusal(rest);
  if (refusal) {
    return {
      ok: false,
      why: {
        lang,
        kind: refusal,
        subjects,
        reason:
          refusal === 'forecast'
            ? { zh: '这是对未来的预测。有据只陈述已发生的数据,不对未来走势、政策决定或价格点位做预测。', en: 'This asks for a forecast. fincite only reports what the data shows; it does not predict future prices, rates or policy decisions.' }
            : { zh: '这是投资建议类问题。有据只提供可核查的数据与事实,不给出买卖建议。', en: 'This asks for investment advice. fincite provides verifiable data and facts, not buy or sell recommendations.' },
      },
    };
  }

  const base = { question, lang, subjects, time: time.spec, timeMatches: time.matches };
  const policy = detectPolicy(q);
  const companies = subjects.filter((s) => s.type === 'company');

  // Company fundamentals: a company plus a statement word (营收, gross margin …).
  if (companies.length >= 1) {
    const metric = detectFundamental(rest);
    if (metric) {
      const plan: Plan = { ...base, measure: 'fundamental', fundamental: { metric, period: wantsQuarterly(rest) ? 'quarterly' : 'annual' } };
      const stat = detectMeasure(rest);
      if (stat && stat !== 'level') plan.compareStat = stat;
      if (companies.length >= 2 && asksComparison(rest)) plan.compareStat = plan.compareStat ?? 'level';
      return { ok: true, plan };
    }
    if (/市值|market cap|估值|市盈率|p\/e|pe ratio|股息率|dividend yield/i.test(rest)) {
      return {
        ok: false,
        why: {
          lang,
          kind: 'unsupported',
          subjects,
          reason: { zh: '数据库中没有该公司的市值、估值或股息数据(只有日线价格和财务报表)。', en: 'The database has no market-cap, valuation or dividend data for this company (only daily prices and financial statements).' },
        },
      };
    }
  }

  if (policy && (subjects.length === 0 || policy === 'qt_caps' || policy === 'qt_end' || policy === 'qt_start' || policy === 'last_hike' || policy === 'last_cut')) {
    return { ok: true, plan: { ...base, measure: 'policy', policy } };
  }
  if (policy === 'target_range') return { ok: true, plan: { ...base, measure: 'policy', policy } };

  if (subjects.length === 0) {
    return {
      ok: false,
      why: {
        lang,
        kind: 'unknown_subject',
        subjects,
        reason: { zh: '没有在数据库中找到问题所指的数据序列、指数或公司。', en: 'No series, index or company in the database matches what the question asks about.' },
      },
    };
  }

  let measure: Measure = detectMeasure(rest) ?? 'level';
  const first = ctx.series.get(subjects[0]!.seriesId);
  const periods = time.matches.filter((m) => m.spec.kind === 'range' && m.spec.period);
  const plan: Plan = { ...base, measure };

  if (subjects.length >= 2 && measure === 'correlation') return { ok: true, plan };
  if (subjects.length >= 2 && asksSpread(rest)) return { ok: true, plan: { ...plan, measure: 'spread', inBasisPoints: isRate(first) } };
  if (subjects.length >= 2 && asksRatio(rest)) return { ok: true, plan: { ...plan, measure: 'ratio' } };
  if (subjects.length >= 2 && (asksComparison(rest) || /和|与|跟|and/i.test(rest)) && measure !== 'level') {
    return { ok: true, plan: { ...plan, measure: 'compare_entities', compareStat: measure === 'change' && subjects.every((s) => isPriceLike(ctx.series.get(s.seriesId))) ? 'percent_change' : measure } };
  }
  if (periods.length >= 2) return { ok: true, plan: { ...plan, measure: 'compare_periods', compareStat: measure === 'level' ? 'average' : measure } };
  if (periods.length === 1 && asksVersusOutside(rest)) {
    return { ok: true, plan: { ...plan, measure: 'compare_periods', compareStat: measure === 'level' ? 'average' : measure, versusOutside: true } };
  }
  if (measure === 'correlation') measure = 'level';
  if (measure === 'inversion' && !isRate(first)) measure = 'min';
  if (measure === 'level' && isInflationIndex(first) && !/指数|index level|index value|点位/i.test(rest)) measure = 'yoy';
  if (measure === 'change' && isPriceLike(first) && (wantsPercent(rest) || /涨|跌|rise|rose|gain|fell|drop|fall/i.test(rest))) measure = 'percent_change';
  if (measure === 'annualized_growth' && first && first.frequency !== 'quarterly') measure = isPriceLike(first) ? 'percent_change' : 'yoy';
  if (measure === 'volatility' && first && !isRate(first) && !isPriceLike(first)) measure = 'stdev';
  plan.measure = measure;
  if (isRate(first) && (measure === 'volatility' || measure === 'stdev')) plan.inBasisPoints = true;
  return { ok: true, plan };
}
