// Research answers in chat: a why / how / impact / "what does it mean" question gets a few short paragraphs written
// from the evidence plan — what happened (the topic's indicators, over the asked period or against their history),
// what the Fed or officials said (verbatim quotes, dated, attributed to who said them), what the data show about
// the mechanism (the topic's relations and context series), and what the data cannot tell. Every number is a
// registered Fact; every quote is a cited passage.
import * as A from '../../analytics/index.ts';
import type { Fact } from '../../core/answer.ts';
import type { Bilingual, IsoDate } from '../../core/types.ts';
import { quoteLine } from '../../knowledge/quotes.ts';
import { lineChart } from '../charts.ts';
import type { LoadedSeries } from '../data.ts';
import type { AnswerWriter } from '../writer.ts';
import type { RelationStory, SeriesStory } from './evidence.ts';
import type { EvidencePlan } from './plan.ts';
import { shortName } from './graph.ts';

export { shortName };

/** Words that ask why, how, what it means, what it affects, or what the risks are (not what a value is). */
const RESEARCH_ZH = /为什么|为何|原因|怎么回事|说明了?什么|意味着|如何理解|怎么理解|怎么看|有什么影响|有何影响|影响了?什么|的影响|影响如何|如何影响|怎么影响|机制|传导|哪些风险|什么风险|有风险吗|风险在哪|风险有哪些|影响有哪些|有哪些影响|驱动|背后|导致|形势如何|逻辑/;
const RESEARCH_EN = /\bwhy\b|\bwhat (?:does|did|do) .{1,80}\bmean\b|\bwhat explains\b|\bexplain\b|\bimpact\b|\beffects? of\b|\baffect(?:s|ed)?\b|\bhow does .{1,60}\bwork\b|\bmechanism\b|\brisks?\b|\bwhat drove\b|\bdriv(?:ers?|ing|en)\b|\bbehind\b|\bimplications?\b|\bcaused?\b|\bwhat happened\b|\bflare[ds]? up\b/i;

export function asksResearch(question: string): boolean {
  return RESEARCH_ZH.test(question) || RESEARCH_EN.test(question);
}

/**
 * Words that ask how a subject is doing as a whole ("现在美国通胀怎么样?", "How is the labor market?"): answered by
 * the research planner when they name a topic rather than one figure of one series (see engine.ts).
 */
const OVERVIEW_ZH = /怎么样|怎样了?|如何了?[?？]?$|情况如何|情况怎样|什么情况|形势|现状|近况|走势如何|表现如何|状况|概况|总体|整体/;
const OVERVIEW_EN = /\bhow (?:is|are|'s|has|have)\b(?!.*\b(?:much|many|high|low|large|big|long|far|often)\b)|\bhow's\b|\bstate of\b|\boverview\b|\bwhat'?s (?:going on|happening) (?:with|in)\b|\bhow (?:is|are) .{1,40} doing\b/i;

export function asksOverview(question: string): boolean {
  return OVERVIEW_ZH.test(question) || OVERVIEW_EN.test(question);
}

interface Ctx {
  w: AnswerWriter;
  plan: EvidencePlan;
}

function label(w: AnswerWriter, s: SeriesStory): string {
  const name = w.name(s.series.meta);
  return s.read === 'yoy' ? w.t(`${name}同比`, `${name} (year over year)`) : name;
}


function direction(w: AnswerWriter, f: Fact): string {
  return f.value > 0 ? w.t('上升', 'up') : f.value < 0 ? w.t('下降', 'down') : w.t('持平', 'unchanged');
}

/**
 * One series now: its latest value, the value a year earlier and the change, in one sentence that names it. Its
 * range over the window goes in a table (`storyTable`), where each row names its series.
 */
export function historySentence(w: AnswerWriter, s: SeriesStory, years: number): string {
  const freq = s.series.meta.frequency;
  const name = label(w, s);
  void years;
  if (w.lang === 'zh') {
    const year = s.yearAgo && s.change1y ? `，一年前为${w.v(s.yearAgo)}${w.cite(s.yearAgo)}，一年来${direction(w, s.change1y)}${w.abs(s.change1y)}${w.cite(s.change1y)}` : '';
    return `${name}最新为${w.v(s.latest)}（${w.obsDate(s.latest.asOf, freq)}）${w.cite(s.latest)}${year}。`;
  }
  // one sentence, as the Chinese one: the latest reading, the change over the year, the reading a year earlier
  const when = enPeriod(s.latest.asOf, freq);
  const year = s.yearAgo && s.change1y ? `, ${direction(w, s.change1y)} ${w.abs(s.change1y)} over the year${w.cite(s.change1y)} from ${w.v(s.yearAgo)}${w.cite(s.yearAgo)}` : '';
  return capital(`${name} was ${w.v(s.latest)} ${when}${w.cite(s.latest)}${year}.`);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "in July 2026", "in Q2 2026", "in 2025", "on 15 August 2026": an observation's period in English prose. */
function enPeriod(d: IsoDate, freq: string): string {
  const month = MONTHS[Number(d.slice(5, 7)) - 1];
  if (freq === 'monthly') return `in ${month} ${d.slice(0, 4)}`;
  if (freq === 'quarterly') return `in Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1} ${d.slice(0, 4)}`;
  if (freq === 'annual') return `in ${d.slice(0, 4)}`;
  return `on ${Number(d.slice(8, 10))} ${month} ${d.slice(0, 4)}`;
}

/** A Markdown table of the stories' ranges: each row names its series; high and low with their dates. */
export function storyTable(w: AnswerWriter, stories: SeriesStory[]): string {
  const head = w.t('| 指标 | 区间 | 最高 | 最低 | 平均 |\n| --- | --- | ---: | ---: | ---: |', '| Indicator | Window | High | Low | Average |\n| --- | --- | ---: | ---: | ---: |');
  const rows = stories.map((s) => {
    const freq = s.series.meta.frequency;
    const span = w.t(`${s.window.from.slice(0, 4)}年以来`, `since ${s.window.from.slice(0, 4)}`);
    const cell = (f: Fact) => `${w.v(f)}${w.t(`（${w.obsDate(f.asOf, freq)}）`, ` (${w.obsDate(f.asOf, freq)})`)}${w.cite(f)}`;
    return `| ${label(w, s).replace(/\|/g, '\\|')} | ${span} | ${cell(s.window.high)} | ${cell(s.window.low)} | ${w.v(s.window.average)}${w.cite(s.window.average)} |`;
  });
  return [head, ...rows].join('\n');
}

/** One series over the asked period: start, end, the change, and the high and low in between. */
export function focusSentence(w: AnswerWriter, s: { name: string; freq: string; focus: NonNullable<SeriesStory['focus']> }): string {
  const f = s.focus;
  const rise = f.change.value >= 0;
  // the extremes are worth saying when they lie outside the start and end values
  const showHigh = f.high.value > Math.max(f.start.value, f.end.value);
  const showLow = f.low.value < Math.min(f.start.value, f.end.value);
  const zhExt = [showHigh ? `最高为${w.v(f.high)}（${w.obsDate(f.high.asOf, s.freq)}）${w.cite(f.high)}` : '', showLow ? `最低为${w.v(f.low)}（${w.obsDate(f.low.asOf, s.freq)}）${w.cite(f.low)}` : ''].filter(Boolean).join('，');
  const enExt = [showHigh ? `a high of ${w.v(f.high)} on ${w.obsDate(f.high.asOf, s.freq)}${w.cite(f.high)}` : '', showLow ? `a low of ${w.v(f.low)} on ${w.obsDate(f.low.asOf, s.freq)}${w.cite(f.low)}` : ''].filter(Boolean).join(' and ');
  return w.t(
    `${s.name}从${w.v(f.start)}（${w.obsDate(f.start.asOf, s.freq)}）${w.cite(f.start)}${rise ? '升至' : '降至'}${w.v(f.end)}（${w.obsDate(f.end.asOf, s.freq)}）${w.cite(f.end)}，${direction(w, f.change)}${w.abs(f.change)}${w.cite(f.change)}${zhExt ? `；期间${zhExt}` : ''}。`,
    `${s.name} went from ${w.v(f.start)} on ${w.obsDate(f.start.asOf, s.freq)}${w.cite(f.start)} to ${w.v(f.end)} on ${w.obsDate(f.end.asOf, s.freq)}${w.cite(f.end)}, ${direction(w, f.change)} ${w.abs(f.change)}${w.cite(f.change)}${enExt ? `, with ${enExt} in between` : ''}.`,
  );
}

/** A relation (a spread, a ratio): latest against its average and range over the window. */
export function relationSentence(w: AnswerWriter, r: RelationStory, freq: string): string {
  return capital(relationText(w, r, freq));
}

function relationText(w: AnswerWriter, r: RelationStory, freq: string): string {
  const name = w.t(r.relation.name.zh, r.relation.name.en);
  if (r.focus) return focusSentence(w, { name, freq, focus: r.focus });
  // the range (high and low with their dates) is in the table of relations, whose rows name them
  return w.t(`${name}最新为${w.v(r.latest)}（${w.obsDate(r.latest.asOf, freq)}）${w.cite(r.latest)}，${r.from.slice(0, 4)}年以来平均为${w.v(r.average)}${w.cite(r.average)}。`, `${name} was ${w.v(r.latest)} on ${w.obsDate(r.latest.asOf, freq)}${w.cite(r.latest)}. ${name} has averaged ${w.v(r.average)} since ${r.from.slice(0, 4)}${w.cite(r.average)}.`);
}

/** A Markdown table of the relations' ranges: each row names its relation; high and low with their dates. */
export function relationTable(w: AnswerWriter, rels: RelationStory[]): string {
  const head = w.t('| 关系 | 区间 | 最高 | 最低 |\n| --- | --- | ---: | ---: |', '| Relation | Window | High | Low |\n| --- | --- | ---: | ---: |');
  const rows = rels.map((r) => {
    const cell = (f: Fact) => `${w.v(f)}${w.t(`（${w.obsDate(f.asOf, r.frequency)}）`, ` (${w.obsDate(f.asOf, r.frequency)})`)}${w.cite(f)}`;
    return `| ${w.t(r.relation.name.zh, r.relation.name.en)} | ${w.t(`${r.from.slice(0, 4)}年以来`, `since ${r.from.slice(0, 4)}`)} | ${cell(r.high)} | ${cell(r.low)} |`;
  });
  return [head, ...rows].join('\n');
}

function storySentence(w: AnswerWriter, s: SeriesStory, years: number): string {
  return capital(s.focus ? focusSentence(w, { name: label(w, s), freq: s.series.meta.frequency, focus: s.focus }) : historySentence(w, s, years));
}

/** Every English sentence starts with a capital ("… [2]. The IG spread is up …"); Chinese text is unchanged. */
export function capital(text: string): string {
  return text.replace(/(^|[.!?](?:\[\d+\])*\s+)([a-z])/g, (_, lead: string, ch: string) => lead + ch.toUpperCase());
}

function heading(w: AnswerWriter, zh: string, en: string): string {
  return `**${w.t(zh, en)}**`;
}

/** The quote lines, each cited to its document (and its words kept as the verifier's evidence). */
export function quoteLines(w: AnswerWriter, plan: EvidencePlan): string[] {
  return plan.quotes.map((q) => {
    const src = w.document({ id: q.documentId, title: q.title, url: q.url, date: q.date, quote: q.passage ?? q.quote, publisher: q.publisher });
    w.vouchDate(q.date);
    // minutes are introduced by their meeting ("2024年4月30日至5月1日FOMC会议纪要"): its days are stated dates too
    if (q.meeting) w.vouchDate(q.meeting.start, q.meeting.end);
    return quoteLine(q, w.lang, w.citeDoc(src));
  });
}

function shiftYears(d: IsoDate, years: number): IsoDate {
  return `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
}

/**
 * The topic's policy goal and how far its indicator is from it: the goal as the latest FOMC statement states it
 * (quoted, cited), and the indicator's latest reading minus the goal, in percentage points.
 */
function targetSentence(w: AnswerWriter, plan: EvidencePlan): string | null {
  const t = plan.target;
  if (!t) return null;
  const q = t.quote;
  const src = w.document({ id: q.documentId, title: q.title, url: q.url, date: q.date, quote: q.passage ?? q.quote, publisher: q.publisher });
  w.vouchDate(q.date);
  const latest = t.story.latest;
  const name = label(w, t.story);
  const gap = w.fact({
    id: `${t.story.id}:${t.story.read}:gap-to-goal:${latest.asOf}`,
    value: Math.round((latest.value - t.value) * 1e6) / 1e6,
    unit: A.PERCENTAGE_POINTS,
    label: { zh: `${name}与${t.label.zh}(${t.value}%)之差`, en: `${name} minus the ${t.label.en} (${t.value}%)` },
    asOf: latest.asOf,
    method: 'spread',
    methodDetail: `${latest.id} (${latest.value}) − ${t.value} (the goal the FOMC statement of ${q.date} states: "${t.quote.quote.slice(0, 160)}")`,
    inputs: latest.inputs,
    sourceIds: [],
  });
  const side = gap.value > 0 ? w.t('高于', 'above') : gap.value < 0 ? w.t('低于', 'below') : w.t('等于', 'at');
  const amount = gap.value === 0 ? '' : w.abs(gap);
  // the goal in the FOMC's words (the house style of a statement quote), then how far the indicator is from it; its
  // latest reading is stated by its own story sentence just before
  const said = quoteLine(q, w.lang, w.citeDoc(src));
  return w.t(
    `${said}。按此衡量，${name}最新${side}${t.value}%的${t.label.zh}${amount}${w.cite(gap)}${w.citeDoc(src)}。`,
    capital(`${said.replace(/\s*$/, '')}. By that measure, ${name} is ${amount ? `${amount} ${side}` : side} the ${t.value}% ${t.label.en}${w.cite(gap)}${w.citeDoc(src)}.`),
  );
}

/** Write the research answer into the writer; returns the "understood as" line. */
export function writeResearchAnswer({ w, plan }: Ctx): string {
  const topic = w.t(plan.node.name.zh, plan.node.name.en);
  const period = plan.focus ? w.t(plan.focus.label.zh, plan.focus.label.en) : '';
  // 1. what happened (the asked period: the indicators whose data cover it) or where things stand (history)
  const covering = plan.focus ? plan.indicators.filter((s) => s.focus) : plan.indicators;
  const lead = (covering.length ? covering : plan.indicators).slice(0, 3);
  const happened = lead.map((s) => storySentence(w, s, plan.years));
  // a chart of the lead series (levels as stored, one axis per unit): the asked period with a margin, or the window
  const drawn = lead.filter((s) => s.read === 'level').slice(0, 2);
  if (drawn.length) {
    const from = plan.focus ? shiftYears(plan.focus.from, -1) : drawn[0]!.window.from;
    const to = plan.focus ? shiftYears(plan.focus.to, 1) : undefined;
    w.charts.push(lineChart(drawn.map((s) => s.series as LoadedSeries), w.lang, from, to, drawn.flatMap((s) => (s.focus ? [s.focus.high, s.focus.low] : [s.window.high, s.window.low]))));
  }
  if (plan.focus && !covering.length) happened.unshift(w.t(`数据库中本主题的指标没有覆盖${plan.focus.label.zh}的数据，以下为最新情况。`, `The topic's indicators in the database do not cover ${plan.focus.label.en}; the latest readings follow.`));
  const ranged = lead.filter((s) => !s.focus);
  const table = ranged.length ? `\n\n${storyTable(w, ranged)}` : '';
  const h1 = heading(w, plan.focus ? `${period}发生了什么` : '现状与历史位置', plan.focus ? `What happened (${period})` : 'Where things stand');
  const goal = targetSentence(w, plan);
  if (goal) happened.push(goal);
  w.say(`${h1}\n\n${happened.join(' ')}${table}`, `${h1}\n\n${happened.join(' ')}${table}`);
  // 2. what the Fed and officials said
  const quotes = quoteLines(w, plan);
  if (quotes.length) {
    const h = heading(w, '美联储与官员怎么说', 'What the Fed and officials said');
    w.say(`${h}\n\n${quotes.map((q) => `- ${q}`).join('\n')}`, `${h}\n\n${quotes.map((q) => `- ${q}`).join('\n')}`);
  }
  // 3. what the data show about the mechanism: relations first, then the other indicators and context series
  const mech: string[] = plan.relations.filter((r) => !plan.focus || r.focus).slice(0, 2).map((r) => capital(relationSentence(w, r, r.frequency)));
  const rest = [...plan.indicators, ...plan.related].filter((s) => !lead.includes(s) && (!plan.focus || s.focus));
  for (const s of rest.slice(0, Math.max(0, 3 - mech.length))) mech.push(storySentence(w, s, plan.years));
  if (mech.length) {
    const h = heading(w, '数据对机制的说明', 'What the data show about the mechanism');
    const more = rest.slice(0, Math.max(0, 3 - plan.relations.filter((r) => !plan.focus || r.focus).slice(0, 2).length)).filter((s) => !s.focus);
    const shown = plan.relations.filter((r) => !plan.focus || r.focus).slice(0, 2).filter((r) => !r.focus);
    const t2 = (shown.length ? `\n\n${relationTable(w, shown)}` : '') + (more.length ? `\n\n${storyTable(w, more)}` : '');
    w.say(`${h}\n\n${mech.join(' ')}${t2}`, `${h}\n\n${mech.join(' ')}${t2}`);
  }
  // 4. what the data cannot tell
  const limits = [...plan.cannotTell];
  if (plan.missing.length) limits.unshift({ zh: `本主题的部分序列不在数据库中：${plan.missing.join('、')}。`, en: `Some series of this topic are not in the database: ${plan.missing.join(', ')}.` });
  const h = heading(w, '数据不能告诉我们的', 'What the data cannot tell');
  w.say(`${h}\n\n${limits.map((l) => `- ${l.zh}`).join('\n')}`, `${h}\n\n${limits.map((l) => `- ${l.en}`).join('\n')}`);
  if (plan.links.length) w.say(`相关主题：${plan.links.map((l) => shortName(l.name.zh)).join(';')}。`, `Related topics: ${plan.links.map((l) => shortName(l.name.en)).join('; ')}.`);
  return w.t(`理解为：研究问题——主题“${topic}”${period ? `,时期:${period}` : ''}（按主题的指标、政策文件与相关数据作答）。`, `Understood as: a research question on "${topic}"${period ? `, period: ${period}` : ''} (answered from the topic's indicators, the Fed's texts and related data).`);
}

export type { Bilingual, IsoDate };
