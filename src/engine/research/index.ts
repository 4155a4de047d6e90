// The research path of the engine: a why / how / impact question about a topic of the graph is planned by the
// research planner and written by the research writer. A question whose subject is held only for another place is
// declined with the topics held for that place; a question the graph does not know goes back to the ordinary
// pipeline (which answers or declines it).
import type { Bilingual, IsoDate } from '../../core/types.ts';
import type { DataAccess } from '../data.ts';
import { parseTime } from '../understand/time.ts';
import type { AnswerWriter } from '../writer.ts';
import { writeResearchAnswer } from './answer.ts';
import type { Focus } from './evidence.ts';
import { planResearch, type EvidencePlan } from './plan.ts';
import { resolveResearch, type CompanyName } from './resolve.ts';
import { joinTopics, shortName } from './graph.ts';

export { asksResearch } from './answer.ts';
export { TOPIC_GRAPH, topicNode, type TopicNode } from './graph.ts';
export { planResearch, type EvidencePlan } from './plan.ts';
export { resolveResearch, nearestTopics, type CompanyName, type Resolution, type ResearchTopic } from './resolve.ts';

export async function researchCompanies(data: DataAccess): Promise<CompanyName[]> {
  const rows = await data.db.query<{ ticker: string; name_zh: string; name_en: string; aliases: string[] | string; sector: string | null }>('SELECT ticker, name_zh, name_en, aliases, sector FROM companies ORDER BY ticker');
  return rows.map((r) => ({ ticker: r.ticker, name: { zh: r.name_zh, en: r.name_en }, aliases: typeof r.aliases === 'string' ? (JSON.parse(r.aliases) as string[]) : r.aliases, sector: r.sector }));
}

/** The words of a question to search the Fed's texts with: its time expressions removed (a year is no topic). */
export function questionQuery(question: string, today: IsoDate): string {
  const { matches } = parseTime(question, today);
  let q = question;
  for (const m of [...matches].sort((a, b) => b.start - a.start)) q = q.slice(0, m.start) + ' ' + q.slice(m.end);
  return q.replace(/\s+/g, ' ').trim();
}

/** The period a question asks about (a day, month, quarter, year or range), or none. */
export function questionFocus(question: string, today: IsoDate): Focus | undefined {
  const t = parseTime(question, today).spec;
  if (t.kind === 'point' && !t.future) return { from: t.from, to: t.to > today ? today : t.to, label: t.label };
  if (t.kind === 'range') return { from: t.from, to: t.to && t.to < today ? t.to : today, label: t.label };
  return undefined;
}

export type ResearchOutcome =
  | { kind: 'answered'; line: string; plan: EvidencePlan }
  | { kind: 'declined'; reason: Bilingual; suggestions: Bilingual[] }
  | { kind: 'pass' };

/** Plan and write a research answer into `w`; 'pass' when the question is not about a topic of the graph. */
export async function research(data: DataAccess, w: AnswerWriter, question: string, lang: 'zh' | 'en', today: IsoDate): Promise<ResearchOutcome> {
  const companies = await researchCompanies(data);
  const r = resolveResearch(question, companies);
  if (!r.ok) {
    if (r.why.kind !== 'not_held') return { kind: 'pass' };
    const { place, subject, held } = r.why;
    return {
      kind: 'declined',
      reason: {
        zh: `数据库中没有${place}的“${subject.name.zh}”数据：库中这一主题的数据是美国的。有据不会用其他地方的数据代替回答。${held.length ? `关于${place},数据库可以研究:${held.map((h) => h.name.zh).join(';')}。` : ''}`,
        en: `The database holds no data on ${subject.name.en} for ${place}: its data on this topic are for the United States. fincite will not answer with another place's data.${held.length ? ` On ${place}, the database can research: ${held.map((h) => h.name.en).join('; ')}.` : ''}`,
      },
      suggestions: held.slice(0, 3).map((h) => ({ zh: `${shortName(h.name.zh)}最近怎么样，为什么?`, en: `What explains recent moves in ${shortName(h.name.en)}?` })),
    };
  }
  if (r.topic.kind !== 'topic') return { kind: 'pass' };
  const focus = questionFocus(question, today);
  // a question naming two topics (油价上涨对通胀有什么影响) is planned on both: the first named leads
  const node = r.alsoAbout[0] ? joinTopics(r.topic.node, r.alsoAbout[0]) : r.topic.node;
  const plan = await planResearch(data, node, { lang, ...(focus ? { focus } : {}), query: questionQuery(question, today), quotes: 3, maxIndicators: 5, maxRelated: 3, companies, maxCompanies: 0 });
  if (!plan.indicators.length) return { kind: 'pass' };
  w.question = question;
  const line = writeResearchAnswer({ w, plan });
  return { kind: 'answered', line, plan };
}
