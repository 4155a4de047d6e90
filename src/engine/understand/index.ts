// The deterministic bilingual parser: question → Plan, or an honest "cannot answer" with the reason and
// questions it can answer. No model is involved; an LLM planner (later) produces the same Plan shape.
import type { Company, IsoDate, SeriesMeta } from '../../core/types.ts';
import type { Measure, Plan, Subject } from '../plan.ts';
import { detectLanguage } from './lang.ts';
import {
  asksComparison,
  asksDocuments,
  asksFirst,
  rollingWindow,
  asksRatio,
  asksSpread,
  asksVersusOutside,
  detectMeasure,
  detectRefusal,
  wantsPercent,
} from './measure.ts';
import { detectFundamental, fundamentalPlan } from './fundamentals.ts';
import { policyPlan } from './policy.ts';
import { countryPairSpread } from './pairs.ts';
import { seriesName } from '../writer.ts';
import { checkCoverage, shadowedByNames, type Correction, type NotHeld } from './coverage.ts';
import { buildNameLexicon, type NameLexicon } from './fuzzy.ts';
import { regionName, regionsOf } from './lexicon.ts';
import { SubjectIndex, type SubjectMatch } from './subjects.ts';
import { parseTime } from './time.ts';

export interface UnderstandContext {
  index: SubjectIndex;
  series: Map<string, SeriesMeta>;
  today: IsoDate;
  /** Catalog words and Chinese names, for correcting misspelt names. */
  lexicon: NameLexicon;
}

export interface NotUnderstood {
  lang: 'zh' | 'en';
  reason: { zh: string; en: string };
  kind: 'forecast' | 'advice' | 'unknown_subject' | 'unsupported' | 'not_held' | 'invalid_date' | 'self_comparison';
  subjects: Subject[];
  /** What the question names that the database does not hold. */
  notHeld?: NotHeld[];
  corrections?: Correction[];
}

export type Understood = { ok: true; plan: Plan } | { ok: false; why: NotUnderstood };

export function buildContext(series: SeriesMeta[], companies: Company[], today: IsoDate): UnderstandContext {
  const entries = [...series.map((s) => ({ owner: s.ticker ?? s.id, names: [s.title.zh, s.title.en, ...s.aliases] })), ...companies.map((c) => ({ owner: c.ticker, names: [c.name.zh, c.name.en, ...c.aliases] }))];
  return { index: new SubjectIndex(series, companies), series: new Map(series.map((s) => [s.id, s])), today, lexicon: buildNameLexicon(entries, companies.map((c) => c.ticker)) };
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

const CN_TENOR: Record<string, string> = { 两: '2', 二: '2', 三: '3', 五: '5', 七: '7', 十: '10', 二十: '20', 三十: '30' };

/**
 * Loose phrasings made regular before parsing: Chinese tenors (两年期 → 2年期, 三十年期 → 30年期), and bare
 * maturities next to bond words (30年和10年美债利差 → 30年期和10年期美债利差; the 10-year minus the 2-year Treasury →
 * the 10-year Treasury minus the 2-year Treasury).
 */
export function normalizeQuestion(question: string): string {
  let q = question.normalize('NFKC').trim();
  // "沪深300的市盈率" names the same thing as "沪深300市盈率"
  q = q.replace(/(?<=[\u3400-\u9fffA-Za-z0-9])的(?=[\u3400-\u9fffA-Za-z0-9])/g, '');
  q = q.replace(/(三十|二十|两|二|三|五|七|十)(年期|个月期)/g, (_, n: string, unit: string) => `${CN_TENOR[n]}${unit}`);
  if (/美债|国债|收益率|利差|treasur/i.test(q)) q = q.replace(/(?<!过去|近|最近|前|这|\d)(\d{1,2})年(?![期底末初度前后内来]|以来|\d)/g, '$1年期');
  // "the 10-year minus the 2-year Treasury": a bare maturity takes the bond word the other one carries
  if (/treasur/i.test(q)) q = q.replace(/\b(\d{1,2})-year\b(?![- ]?(?:treasur|yield|note|bond|tips|breakeven|real|term|rate|high|low|average|period|window|rolling|old|ago))/gi, '$1-year Treasury');
  return q;
}

/** "美联储手里有多少美债": the Fed's holdings named by owner and asset rather than by a series name. */
function holdingsSubject(q: string, taken: Array<[number, number]>, series: Map<string, SeriesMeta>): { subject: Subject; span: [number, number] } | null {
  if (!/美联储|\bfed\b|federal reserve|央行|缩表|\bqt\s*\d?\b|runoff|run off|quantitative tightening|balance sheet|资产负债表|soma/i.test(q)) return null;
  const rules: Array<[RegExp, string]> = [
    [/美债|国债|treasur(?:y|ies)/i, 'TREAST'],
    [/mbs|抵押贷款支持证券|房贷支持证券|mortgage[- ]backed/i, 'WSHOMCB'],
  ];
  for (const [re, id] of rules) {
    const m = re.exec(q);
    if (!m || !series.has(id)) continue;
    const span: [number, number] = [m.index, m.index + m[0].length];
    if (taken.some(([a, b]) => span[0] < b && span[1] > a)) continue;
    return { subject: { type: 'series', seriesId: id, matched: m[0] }, span };
  }
  return null;
}

export function understand(question: string, ctx: UnderstandContext, forcedLang?: 'zh' | 'en'): Understood {
  const lang = forcedLang ?? detectLanguage(question);
  return understandText(question, normalizeQuestion(question), ctx, lang, []);
}

function understandText(question: string, q: string, ctx: UnderstandContext, lang: 'zh' | 'en', corrections: Correction[]): Understood {
  const time = parseTime(q, ctx.today);
  const timeSpans = time.matches.map((m) => [m.start, m.end] as [number, number]);
  const found = ctx.index.find(q, timeSpans);
  for (const f of shadowedByNames(q, found, timeSpans)) found.splice(found.indexOf(f), 1);
  // a statement item right after a company is the company's ("苹果总资产"), not a series of the same name
  for (let i = found.length - 1; i > 0; i--) {
    const [a, b] = [found[i - 1]!, found[i]!];
    if (a.subject.type === 'company' && b.subject.type === 'series' && /^(?:的|'s)?\s*$/.test(q.slice(a.end, b.start)) && detectFundamental(b.subject.matched)) found.splice(i, 1);
  }
  const spans = found.map((f) => [f.start, f.end] as [number, number]);
  const holding = found.some((f) => f.subject.seriesId === 'TREAST' || f.subject.seriesId === 'WSHOMCB') ? null : holdingsSubject(q, [...timeSpans, ...spans], ctx.series);
  if (holding) {
    found.push({ subject: holding.subject, start: holding.span[0], end: holding.span[1] });
    found.sort((a, b) => a.start - b.start);
    spans.push(holding.span);
  }
  // A name right after another of the same kind qualifies it ("core CPI inflation" is core CPI, not CPI too).
  for (let i = found.length - 1; i > 0; i--) {
    const a = found[i - 1]!;
    const b = found[i]!;
    const between = q.slice(a.end, b.start);
    if (/^\s?$/.test(between) && ctx.series.get(a.subject.seriesId)?.category === ctx.series.get(b.subject.seriesId)?.category) found.splice(i, 1);
  }
  const subjects = found.map((f) => f.subject);
  const rest = blank(q, [...timeSpans, ...spans]);

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

  // Every word accounted for: a misspelt name is corrected (once), a name the data does not hold declines.
  const invalid = time.matches.find((m) => (m.spec as { kind: string }).kind === 'invalid');
  if (invalid) {
    const reason = (invalid.spec as unknown as { reason: { zh: string; en: string } }).reason;
    return { ok: false, why: { lang, kind: 'invalid_date', subjects, reason } };
  }
  const knownWords = (t: string) => Boolean(detectFundamental(t) || detectMeasure(t) || detectRefusal(t) || asksComparison(t) || asksDocuments(t) || asksSpread(t) || asksRatio(t) || policyPlan(t, { question: t, lang, subjects: [], time: { kind: 'latest' }, timeMatches: [] }, []));
  const coverage = checkCoverage({ q, series: ctx.series, lexicon: ctx.lexicon, taken: [...timeSpans, ...spans], found, knownWords });
  if (coverage.corrections.length && corrections.length === 0) {
    let fixed = q;
    for (const c of [...coverage.corrections].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, c.start) + c.to + fixed.slice(c.end);
    return understandText(question, fixed, ctx, lang, coverage.corrections);
  }
  // a place qualifying a series that has a counterpart there ("Japanese 10-year yield") is that counterpart
  const rerouted = coverage.notHeld.length && corrections.length === 0 ? counterpart(q, coverage.notHeld, found, ctx) : null;
  if (rerouted) return understandText(question, rerouted.text, ctx, lang, [rerouted.correction]);
  // a question about what the FOMC said searches the texts with every word; only misspellings are corrected
  if (coverage.notHeld.length && !asksDocuments(q) && !countryPairSpread(q)) {
    return { ok: false, why: { lang, kind: 'not_held', subjects, notHeld: coverage.notHeld, ...(corrections.length ? { corrections } : {}), reason: notHeldReason(coverage.notHeld, subjects, ctx) } };
  }

  const base = { question, lang, subjects, time: time.spec, timeMatches: time.matches, ...(corrections.length ? { corrections } : {}) };
  if (asksDocuments(q)) {
    // The words of named periods ("runoff", "缩表") are search words too; the time is the narrowest window named.
    const dated = time.matches.filter((m) => !(m.spec.kind === 'range' && m.spec.period));
    const windows = time.matches.map((m) => m.spec).filter((x): x is Extract<typeof x, { kind: 'point' | 'range' }> => x.kind === 'point' || x.kind === 'range');
    const from = windows.map((x) => x.from).sort().at(-1);
    const to = windows.map((x) => x.to).filter((x): x is string => Boolean(x)).sort()[0];
    const narrow = from ? { kind: 'range' as const, from, ...(to && to >= from ? { to } : {}), label: { zh: `${from}${to ? `至${to}` : '以来'}`, en: `${from}${to ? ` to ${to}` : ' onwards'}` } } : time.spec;
    return { ok: true, plan: { ...base, time: narrow, measure: 'documents', documentQuery: blank(q, dated.map((m) => [m.start, m.end] as [number, number])).trim() } };
  }
  const companies = subjects.filter((s) => s.type === 'company');

  // Company fundamentals: a company plus a statement word (营收, gross margin …).
  if (companies.length >= 1) {
    const plan = fundamentalPlan(rest, base, companies);
    if (plan) return { ok: true, plan };
  }
  const policy = policyPlan(q, base, subjects);
  if (policy) return { ok: true, plan: policy };

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

  // The measure words may sit inside a matched name (新增非农 → 新增): use them when the rest says nothing more.
  let measure: Measure = detectMeasure(rest) ?? 'level';
  let yoyTransform = false;
  if (measure === 'level') {
    const inNames = detectMeasure(found.map((f) => f.subject.matched).join(' '));
    if (inNames && inNames !== 'level' && inNames !== 'correlation') measure = inNames;
  }
  let first = ctx.series.get(subjects[0]!.seriesId);
  if (measure === 'level' && isPriceLike(first) && /收益率|回报|return/i.test(rest)) measure = 'percent_change';
  if (/环比(?!年化|折年)|month[- ]over[- ]month|\bm\/m\b|\bmom\b|sequential/i.test(rest) && measure !== 'annualized_growth') measure = 'mom';
  // "CPI同比最低": a statistic of the year-over-year rate
  if (measure === 'yoy') {
    const inner = detectMeasure(rest.replace(/同比|年率|yoy|y\/y|year[- ]over[- ]year|year[- ]on[- ]year|annual (?:rate|inflation)/gi, ' '));
    if (inner && ['max', 'min', 'average', 'stdev', 'volatility', 'change', 'from_peak', 'from_trough'].includes(inner)) {
      measure = inner;
      yoyTransform = true;
    }
  }
  // Growth of "GDP" means real GDP unless nominal is said.
  if (first?.id === 'GDP' && (measure === 'annualized_growth' || measure === 'yoy' || /增速|增长率|growth/i.test(rest)) && !/名义|nominal/i.test(q) && ctx.series.has('GDPC1')) {
    subjects[0] = { type: 'series', seriesId: 'GDPC1', matched: subjects[0]!.matched };
    first = ctx.series.get('GDPC1');
    if (measure !== 'yoy') measure = 'annualized_growth';
  }
  const periods = time.matches.filter((m) => m.spec.kind === 'range' && m.spec.period);
  const windows = time.matches.filter((m) => m.spec.kind === 'point' || m.spec.kind === 'range');
  const plan: Plan = { ...base, subjects, measure, ...(yoyTransform ? { transform: 'yoy' as const } : {}) };
  const win = rollingWindow(q);
  if (win) plan.rollingWindow = win;
  if (asksFirst(rest)) plan.first = true;
  // Questions about inflation ask about the rate, not the index level (unless they say 指数 / index).
  const inflationRate = isInflationIndex(first) && !/指数|index level|index value|点位|\bindex\b/i.test(rest);

  if (subjects.length >= 2 && measure === 'correlation') return { ok: true, plan };
  if (subjects.length >= 2 && asksSpread(rest)) return { ok: true, plan: { ...plan, measure: 'spread', inBasisPoints: isRate(first) } };
  if (subjects.length >= 2 && asksRatio(rest)) return { ok: true, plan: { ...plan, measure: 'ratio' } };
  const allPrices = subjects.every((s) => isPriceLike(ctx.series.get(s.seriesId)));
  if (subjects.length >= 2 && (asksComparison(rest) || /和|与|跟|\band\b/i.test(rest))) {
    const stat: Measure = measure === 'level' || measure === 'change' ? (allPrices ? 'percent_change' : measure) : measure;
    if (stat !== 'level' || asksComparison(rest)) return { ok: true, plan: { ...plan, measure: 'compare_entities', compareStat: stat } };
  }
  if (periods.length >= 2 || (windows.length >= 2 && asksComparison(rest))) {
    // a period compared with itself ("during covid vs during covid") has no answer
    const compared = periods.length >= 2 ? periods : windows;
    const key = (m: (typeof compared)[number]) => JSON.stringify('from' in m.spec ? [m.spec.from, 'to' in m.spec ? m.spec.to : null] : m.spec);
    if (new Set(compared.slice(0, 2).map(key)).size === 1) {
      const a = q.slice(compared[0]!.start, compared[0]!.end);
      return { ok: false, why: { lang, kind: 'self_comparison', subjects, reason: { zh: `问题把“${a}”与它自己比较,同一时期之间没有可比的差异。请给出两个不同的时期。`, en: `The question compares "${a}" with itself; a period has no difference from itself. Please name two different periods.` } } };
    }
    return { ok: true, plan: { ...plan, measure: 'compare_periods', compareStat: measure === 'level' ? 'average' : measure, ...(inflationRate ? { transform: 'yoy' as const } : {}) } };
  }
  if (periods.length === 1 && asksVersusOutside(rest)) {
    return { ok: true, plan: { ...plan, measure: 'compare_periods', compareStat: measure === 'level' ? 'average' : measure, versusOutside: true, ...(inflationRate ? { transform: 'yoy' as const } : {}) } };
  }
  if (measure === 'correlation') measure = 'level';
  if (measure === 'inversion' && !isRate(first)) measure = 'min';
  if (inflationRate && measure === 'mom') delete plan.transform;
  if (inflationRate) {
    if (measure === 'level' || measure === 'percent_change') measure = 'yoy';
    else if (measure !== 'yoy' && measure !== 'annualized_growth' && measure !== 'mom') plan.transform = 'yoy';
  }
  if (measure === 'change' && isPriceLike(first) && (wantsPercent(rest) || /涨|跌|rise|rose|gain|fell|drop|fall|move/i.test(rest))) measure = 'percent_change';
  if (measure === 'annualized_growth' && first && first.frequency !== 'quarterly') measure = isPriceLike(first) ? 'percent_change' : 'yoy';
  if (measure === 'volatility' && first && !isRate(first) && !isPriceLike(first)) measure = 'stdev';
  plan.measure = measure;
  if (isRate(first) && (measure === 'volatility' || measure === 'stdev' || /基点|\bbps?\b|basis points?/i.test(q))) plan.inBasisPoints = true;
  return { ok: true, plan };
}

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  index: { zh: '指数', en: 'index' },
  tenor: { zh: '期限', en: 'maturity' },
  share_class: { zh: '股份类别', en: 'share class' },
};

/** "The database holds no data for …": each missing thing named, with what is held instead when there is one. */
function notHeldReason(items: NotHeld[], subjects: Subject[], ctx: UnderstandContext): { zh: string; en: string } {
  const held = subjects.map((s) => ctx.series.get(s.seriesId)).filter((m): m is SeriesMeta => Boolean(m));
  const shortZh = (m: SeriesMeta) => seriesName(m, 'zh').replace(/[((][^))]*[))]/g, '').replace(/日收盘价$/, '');
  const shortEn = (m: SeriesMeta) => seriesName(m, 'en').replace(/ \([^)]*\)/g, '').replace(/ daily close$/, '');
  const zh: string[] = [];
  const en: string[] = [];
  for (const x of items) {
    const kind = KIND_NAMES[x.kind];
    if ((x.kind === 'place' || x.kind === 'institution') && held.length) {
      for (const subj of subjects) {
        const m = ctx.series.get(subj.seriesId);
        if (!m) continue;
        const regions = [...regionsOf(m)];
        zh.push(`数据库中没有${x.text}的“${subj.matched}”数据:库中的“${subj.matched}”是${regions.map((r) => regionName(r, 'zh')).join('、')}的(${shortZh(m)})`);
        en.push(`The database holds no "${subj.matched}" data for ${x.text}: its "${subj.matched}" is the ${regions.map((r) => regionName(r, 'en')).join('/')} series (${shortEn(m)})`);
      }
    } else if (x.kind === 'share_class' && x.held) {
      zh.push(`数据库中没有“${x.text}”这一股份类别(只有${x.held})`);
      en.push(`The database holds no data for the share class "${x.text}" (only ${x.held})`);
    } else if (x.kind === 'entity' && x.held) {
      const c = ctx.series.get(subjects.find((s) => s.type === 'company' && s.ticker === x.held)?.seriesId ?? '');
      zh.push(`数据库中没有“${x.text}”的数据(它不是数据库中的${c ? shortZh(c) : x.held})`);
      en.push(`The database holds no data for "${x.text}" (it is not ${c ? shortEn(c) : x.held}, which the database holds)`);
    } else if (x.kind === 'measure') {
      zh.push(`有据目前不计算“${x.text}”(可以计算:水平、变化、涨跌幅、同比、平均值、标准差、波动率、最高/最低值、回撤、利差、相关系数)`);
      en.push(`fincite does not compute "${x.text}" (it computes levels, changes, returns, year-over-year rates, averages, standard deviations, volatility, highs and lows, drawdowns, spreads and correlations)`);
    } else {
      zh.push(`数据库中没有“${x.text}”${kind ? `这一${kind.zh}` : ''}的数据`);
      en.push(`The database holds no data for ${kind ? `the ${kind.en} ` : ''}"${x.text}"`);
    }
  }
  return {
    zh: `${zh.join(';')}。有据不会用其他序列代替回答。`,
    en: `${en.join('; ')}. fincite does not answer with another series instead.`,
  };
}

/**
 * The series of the place a question names, when the question names a U.S. series of the same kind (unit, tenor):
 * "Japanese 10-year yield" → the Japanese 10-year government bond yield. Unique matches only.
 */
function counterpart(q: string, notHeld: NotHeld[], found: SubjectMatch[], ctx: UnderstandContext): { text: string; correction: Correction } | null {
  if (notHeld.length !== 1 || found.length !== 1) return null;
  const place = notHeld[0]!;
  const f = found[0]!;
  const meta = ctx.series.get(f.subject.seriesId);
  if (!place.region || !meta || (place.kind !== 'place' && place.kind !== 'institution')) return null;
  const numbers = (t: string) => new Set(t.match(/\d+/g) ?? []);
  const want = numbers(f.subject.matched);
  const cands = [...ctx.series.values()].filter((m) => {
    if (m.id === meta.id || m.unit.kind !== meta.unit.kind || !regionsOf(m).has(place.region!) || regionsOf(m).has('US')) return false;
    const have = numbers([m.title.en, ...m.aliases].join(' '));
    return [...want].every((n) => have.has(n)) && (m.category === meta.category || m.category === 'china');
  });
  if (cands.length !== 1) return null;
  const c = cands[0]!;
  const alias = c.aliases.find((a) => /[\u3400-\u9fff]/.test(a) === /[\u3400-\u9fff]/.test(q)) ?? c.id;
  const start = Math.min(q.indexOf(place.text), f.start);
  const end = Math.max(q.indexOf(place.text) + place.text.length, f.end);
  if (start < 0) return null;
  return { text: q.slice(0, start) + alias + q.slice(end), correction: { from: q.slice(start, end), to: alias, start, end } };
}
