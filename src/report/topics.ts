// Report topics and their bilingual, fuzzy resolution: 缩表 / QT / balance sheet runoff / 资产负债表 all reach
// the Fed balance-sheet report; a company is found by ticker, name or alias (英伟达投资研究报告, NVDA, Apple report).
import type { Bilingual } from '../core/types.ts';
import { distance } from 'fastest-levenshtein';
import { findName } from '../engine/understand/coverage.ts';
import { placeNames } from '../engine/understand/lexicon.ts';
import { EmptyTopicError, NotHeldTopicError, UnknownTopicError } from './errors.ts';

export type MacroTopicId = 'qt' | 'inflation' | 'labour' | 'curve';

export type ResolvedTopic = { kind: MacroTopicId } | { kind: 'company'; ticker: string; name: Bilingual };

export interface TopicInfo {
  id: MacroTopicId | 'company';
  name: Bilingual;
  /** What people type for it (matched as words in English, as substrings in Chinese). */
  aliases: string[];
}

export const TOPICS: TopicInfo[] = [
  {
    id: 'qt',
    name: { zh: '美联储资产负债表与缩表(QT)', en: 'The Fed balance sheet and quantitative tightening (QT)' },
    aliases: ['缩表', '量化紧缩', '资产负债表', '美联储资产负债表', '美联储缩表', '缩表策略', '扩表', '准备金', '逆回购', 'QT', 'QT1', 'QT2', 'quantitative tightening', 'balance sheet', 'balance sheet runoff', 'balance-sheet runoff', 'runoff', 'fed balance sheet', 'balance sheet reduction', 'reserves'],
  },
  {
    id: 'inflation',
    name: { zh: '通胀(CPI、PCE与通胀预期)', en: 'Inflation (CPI, PCE and inflation expectations)' },
    aliases: ['通胀', '通货膨胀', '物价', '消费者物价', '核心通胀', '通胀预期', 'CPI', 'PCE', 'inflation', 'prices', 'consumer prices', 'core inflation', 'breakevens', 'inflation expectations'],
  },
  {
    id: 'labour',
    name: { zh: '劳动力市场(失业率、非农就业、初请、职位空缺)', en: 'The labour market (unemployment, payrolls, claims, job openings)' },
    aliases: ['就业', '劳动力市场', '劳动市场', '失业', '失业率', '非农', '非农就业', '职位空缺', '初请', 'labour market', 'labor market', 'labour', 'labor', 'jobs', 'employment', 'unemployment', 'payrolls', 'nonfarm payrolls', 'job openings', 'jobless claims'],
  },
  {
    id: 'curve',
    name: { zh: '美债收益率曲线与利率', en: 'The Treasury yield curve and interest rates' },
    aliases: ['收益率曲线', '利率', '美债', '美债收益率', '国债收益率', '期限溢价', '倒挂', '利差', 'yield curve', 'yields', 'treasury yields', 'interest rates', 'rates', 'term premium', 'inversion', 'curve'],
  },
  {
    id: 'company',
    name: { zh: '单个公司(名称或代码,如“英伟达”“NVDA”)', en: 'A single company (by name or ticker, e.g. "Apple", "NVDA")' },
    aliases: [],
  },
];

export interface CompanyName {
  ticker: string;
  name: Bilingual;
  aliases: string[];
}

const CJK = /[\u3400-\u9fff]/;

/** Words that say "a report" rather than what it is about. */
const NOISE = /\b(?:深度|投资|研究|研报|分析|报告|专题|research|investment|analysis|report|deep[- ]dive|note|on|the|about|of|a|an)\b/gi;

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[《》“”"'‘’()()\[\]【】:,,。.!?!?]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** How well `alias` names something in `text` (0: not at all). Longer matches are more specific. */
function matchScore(text: string, lower: string, words: string[], alias: string): number {
  if (!alias) return 0;
  if (CJK.test(alias)) return text.includes(alias) ? alias.length * 2 : 0;
  const a = alias.toLowerCase();
  const re = new RegExp(`(?:^|[^a-z0-9])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z0-9])`, 'i');
  if (re.test(lower)) return a.length;
  // a typo in one longer word (infaltion, labuor): edit distance 1–2
  if (!a.includes(' ') && a.length >= 5) for (const w of words) if (w.length >= 5 && distance(w, a) <= (a.length >= 8 ? 2 : 1)) return a.length - 1;
  return 0;
}

/** Resolve a topic text to a report topic, or throw UnknownTopicError listing what is available. */
export function resolveTopic(topic: string, companies: CompanyName[]): ResolvedTopic {
  if (typeof topic !== 'string' || !topic.trim()) throw new EmptyTopicError();
  const text = normalise(topic);
  const lower = text.toLowerCase();
  const words = lower.replace(NOISE, ' ').split(/[^a-z0-9]+/).filter(Boolean);
  let best: { score: number; topic: ResolvedTopic } | null = null;
  const consider = (score: number, t: ResolvedTopic) => {
    if (score > 0 && (!best || score > best.score)) best = { score, topic: t };
  };
  for (const c of companies) {
    // a ticker is matched only as a whole word in capitals or as the whole text (not "meta" inside "metadata")
    const tickerHit = new RegExp(`(?:^|[^A-Za-z0-9])${c.ticker.replace('.', '\\.')}(?:$|[^A-Za-z0-9])`).test(text) || lower === c.ticker.toLowerCase();
    const names = [c.name.zh.replace(/[((].*$/, ''), c.name.en.replace(/,? (?:Inc\.?|Corporation|Corp\.?|PLC|Ltd\.?|Co\.|Company|Limited|Incorporated).*$/i, ''), ...c.aliases];
    const score = Math.max(tickerHit ? c.ticker.length + 2 : 0, ...names.map((n) => (n.length >= 2 ? matchScore(text, lower, [], n) : 0)));
    consider(score, { kind: 'company', ticker: c.ticker, name: c.name });
  }
  for (const t of TOPICS) {
    if (t.id === 'company') continue;
    const score = Math.max(0, ...t.aliases.map((a) => matchScore(text, lower, words, a)));
    consider(score, { kind: t.id });
  }
  const found = best as { score: number; topic: ResolvedTopic } | null;
  if (!found) throw new UnknownTopicError(topic, TOPICS.map((t) => t.name));
  // the macro reports are about the United States: a topic about another place or its central bank is not one of
  // them ("欧洲央行资产负债表" is not the Fed's, "中国利率" is not the U.S. curve)
  const resolved = found.topic;
  if (resolved.kind !== 'company') {
    const place = foreignPlace(text);
    if (place) throw new NotHeldTopicError(topic, place, TOPICS.find((t) => t.id === resolved.kind)!.name, TOPICS.map((t) => t.name));
  }
  return resolved;
}

/** A place or central bank other than the United States named in a topic (as written), or null. */
function foreignPlace(text: string): string | null {
  const place = placeNames().find((p) => p.region !== 'US' && p.region !== 'GLOBAL' && findName(text, p.name, []).length > 0);
  return place?.name ?? null;
}

/** A stable id for a resolved topic ('qt', 'company:NVDA'). */
export function topicId(t: ResolvedTopic): string {
  return t.kind === 'company' ? `company:${t.ticker}` : t.kind;
}
