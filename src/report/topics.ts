// Report topics: every node of the topic graph (src/engine/research/graph.ts) is a report topic, the companies in
// the database are topics one by one or compared, and resolution is bilingual and fuzzy (缩表 / QT / balance sheet
// runoff reach the same report; 英伟达投资研究报告, NVDA, Apple report reach the company; 苹果和微软对比 the
// comparison). A topic about another place is that place's topic when the graph has one (中国国债), and declined
// otherwise (日本通胀, 欧洲央行资产负债表) — never answered with U.S. data. An unknown topic lists the nearest topics.
import type { Bilingual } from '../core/types.ts';
import { resolveResearch, TOPIC_GRAPH, type CompanyName, type TopicNode } from '../engine/research/index.ts';
import { EmptyTopicError, NotHeldTopicError, UnknownTopicError } from './errors.ts';

export type { CompanyName };

/** The topics with a hand-written report. */
export type MacroTopicId = 'qt' | 'inflation' | 'labour' | 'curve';

export type ResolvedTopic =
  | { kind: MacroTopicId }
  /** A node of the topic graph, reported by the generic research writer. */
  | { kind: 'topic'; id: string }
  | { kind: 'company'; ticker: string; name: Bilingual }
  | { kind: 'companies'; tickers: string[] };

export interface TopicInfo {
  id: string;
  name: Bilingual;
  /** What people type for it (matched as words in English, as substrings in Chinese). */
  aliases: string[];
}

const COMPANY_TOPICS: TopicInfo[] = [
  { id: 'company', name: { zh: '单个公司(名称或代码,如“英伟达”“NVDA”)', en: 'A single company (by name or ticker, e.g. "Apple", "NVDA")' }, aliases: [] },
  { id: 'companies', name: { zh: '多家公司对比(如“苹果和微软对比”)', en: 'A comparison of companies (e.g. "Apple vs Microsoft")' }, aliases: [] },
];

const info = (n: TopicNode): TopicInfo => ({ id: n.report ?? n.id, name: n.name, aliases: n.aliases });

/** Every report topic: the hand-written notes and the company topics first (the most asked), then the graph's other nodes. */
export const TOPICS: TopicInfo[] = [...TOPIC_GRAPH.filter((n) => n.report).map(info), ...COMPANY_TOPICS, ...TOPIC_GRAPH.filter((n) => !n.report).map(info)];

function asResolved(node: TopicNode): ResolvedTopic {
  return node.report ? { kind: node.report } : { kind: 'topic', id: node.id };
}

/** Resolve a topic text to a report topic; throws UnknownTopicError (with the nearest topics) or NotHeldTopicError. */
export function resolveTopic(topic: string, companies: CompanyName[]): ResolvedTopic {
  if (typeof topic !== 'string' || !topic.trim()) throw new EmptyTopicError();
  const r = resolveResearch(topic, companies);
  if (!r.ok) {
    if (r.why.kind === 'unknown') throw new UnknownTopicError(topic, (r.why.nearest.length ? r.why.nearest : TOPICS).map((t) => t.name), r.why.nearest.length > 0);
    throw new NotHeldTopicError(topic, r.why.place, r.why.subject.name, (r.why.held.length ? r.why.held : TOPICS).map((t) => t.name));
  }
  const t = r.topic;
  if (t.kind === 'company') return { kind: 'company', ticker: t.ticker, name: t.name };
  if (t.kind === 'companies') return { kind: 'companies', tickers: t.tickers };
  return asResolved(t.node);
}

/** A stable id for a resolved topic ('qt', 'topic:credit', 'company:NVDA', 'companies:AAPL,MSFT'). */
export function topicId(t: ResolvedTopic): string {
  if (t.kind === 'company') return `company:${t.ticker}`;
  if (t.kind === 'companies') return `companies:${t.tickers.join(',')}`;
  if (t.kind === 'topic') return `topic:${t.id}`;
  return t.kind;
}
