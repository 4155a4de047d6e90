// Which topic a text is about — a report topic ("美国房地产", "credit spreads report") or the subject of a research
// question ("信用利差这么低说明什么?"): bilingual, fuzzy, over the topic graph and the companies in the database. A
// text naming another place is resolved to that place's topic when the graph has one (中国国债 → China yields),
// and is declined when the subject is held only for the United States (日本通胀): never a substitution.
import { distance } from 'fastest-levenshtein';
import type { Bilingual } from '../../core/types.ts';
import { findName } from '../understand/coverage.ts';
import { placeNames, regionName } from '../understand/lexicon.ts';
import { TOPIC_GRAPH, type TopicNode } from './graph.ts';

export interface CompanyName {
  ticker: string;
  name: Bilingual;
  aliases: string[];
  sector?: string | null;
}

export type ResearchTopic =
  | { kind: 'topic'; node: TopicNode; score: number }
  | { kind: 'company'; ticker: string; name: Bilingual }
  | { kind: 'companies'; tickers: string[]; names: Bilingual[] };

/** Why a text cannot be resolved: nothing matched, or a subject held only for another place. */
export type Unresolved =
  | { kind: 'unknown'; nearest: TopicNode[] }
  | { kind: 'not_held'; place: string; region: string; subject: TopicNode; held: TopicNode[] };

export type Resolution = { ok: true; topic: ResearchTopic; alsoAbout: TopicNode[] } | { ok: false; why: Unresolved };

const CJK = /[\u3400-\u9fff]/;

/** Words that say "a report" or "a question" rather than what it is about. */
const NOISE = /\b(?:deep|investment|research|analysis|report|deep[- ]dive|note|on|the|about|of|a|an|why|how|what|does|did|do|is|are|was|were|it|this|that|mean|means|tell|us|me|explain|impact|effect|affect|so|low|high)\b|深度|投资|研究|研报|分析|报告|专题|为什么|怎么|如何|说明|意味着|什么|影响|原因/gi;

export function normaliseTopicText(text: string): string {
  return text.normalize('NFKC').replace(/[《》“”"'‘’()()\[\]【】:,,。.!?!?;;、]/g, ' ').replace(/\s+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How well `alias` names something in `text` (0: not at all). Longer matches are more specific. */
export function aliasScore(text: string, lower: string, words: string[], alias: string): number {
  if (!alias) return 0;
  if (CJK.test(alias)) return text.includes(alias) ? alias.length * 2 : 0;
  const a = alias.toLowerCase();
  const re = new RegExp(`(?:^|[^a-z0-9])${escape(a)}(?:$|[^a-z0-9])`, 'i');
  if (re.test(lower)) return a.length;
  // a typo in one longer word (infaltion, labuor): edit distance 1–2
  if (!a.includes(' ') && a.length >= 5) for (const w of words) if (w.length >= 5 && distance(w, a) <= (a.length >= 8 ? 2 : 1)) return a.length - 1;
  return 0;
}

function scoreNode(node: TopicNode, text: string, lower: string, words: string[]): number {
  return Math.max(0, ...node.aliases.map((a) => aliasScore(text, lower, words, a)));
}

/** Where the node's longest matching alias stands in the text, [start, end), or null. */
function matchSpan(node: TopicNode, text: string, lower: string): [number, number] | null {
  let best: [number, number] | null = null;
  for (const a of node.aliases) {
    const cjk = /[\u3400-\u9fff]/.test(a);
    const i = cjk ? text.indexOf(a) : lower.search(new RegExp(`(?:^|[^a-z0-9])${escape(a.toLowerCase())}(?:$|[^a-z0-9])`));
    if (i < 0) continue;
    const start = cjk || i === 0 ? i : i + 1;
    if (!best || a.length > best[1] - best[0]) best = [start, start + a.length];
  }
  return best;
}

/** Where the node's best alias first appears in the text (for the order of two topics a question names). */
function firstAt(node: TopicNode, text: string, lower: string): number {
  let at = Infinity;
  for (const a of node.aliases) {
    const i = /[\u3400-\u9fff]/.test(a) ? text.indexOf(a) : lower.indexOf(a.toLowerCase());
    if (i >= 0 && i < at) at = i;
  }
  return at;
}

function wordsOf(lower: string): string[] {
  return lower.replace(NOISE, ' ').split(/[^a-z0-9]+/).filter(Boolean);
}

/** Companies a text names, by ticker (a whole word in capitals, or the whole text) or by name or alias. */
export function companiesIn(text: string, companies: CompanyName[]): Array<{ c: CompanyName; score: number; at: number }> {
  const lower = text.toLowerCase();
  const out: Array<{ c: CompanyName; score: number; at: number }> = [];
  for (const c of companies) {
    const tickerRe = new RegExp(`(?:^|[^A-Za-z0-9])${escape(c.ticker)}(?:$|[^A-Za-z0-9])`);
    const tm = tickerRe.exec(text);
    const whole = lower === c.ticker.toLowerCase();
    const names = [c.name.zh.replace(/[((].*$/, ''), c.name.en.replace(/,? (?:Inc\.?|Corporation|Corp\.?|PLC|Ltd\.?|Co\.|Company|Limited|Incorporated).*$/i, ''), ...c.aliases].filter((n) => n.length >= 2);
    let score = tm || whole ? c.ticker.length + 2 : 0;
    let at = tm ? tm.index : 0;
    for (const n of names) {
      const s = aliasScore(text, lower, [], n);
      if (s > score) {
        score = s;
        at = CJK.test(n) ? text.indexOf(n) : lower.indexOf(n.toLowerCase());
      }
    }
    if (score > 0) out.push({ c, score, at });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Foreign places (or their central banks) named in the text, as written, with their regions. */
function foreignPlaces(text: string): Array<{ name: string; region: string; span: [number, number] }> {
  const taken: Array<[number, number]> = [];
  const out: Array<{ name: string; region: string; span: [number, number] }> = [];
  for (const p of placeNames()) {
    if (p.region === 'US' || p.region === 'GLOBAL') {
      // "美国" is not another place, but its span must not be read as a shorter name inside it
      for (const s of findName(text, p.name, taken)) taken.push(s);
      continue;
    }
    for (const s of findName(text, p.name, taken)) {
      taken.push(s);
      out.push({ name: text.slice(s[0], s[1]), region: p.region, span: s });
    }
  }
  return out;
}

/** Topics nearest to a text that matched none: by edit distance of words and shared Chinese characters. */
export function nearestTopics(text: string, n = 5): TopicNode[] {
  const t = normaliseTopicText(text).toLowerCase().replace(NOISE, ' ');
  const chars = new Set([...t].filter((ch) => CJK.test(ch)));
  const words = t.split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  // Chinese: half of an alias's characters shared; English: a word within a quarter of its length in edits
  const scored = TOPIC_GRAPH.map((node) => {
    let best = 0;
    for (const a of node.aliases) {
      const al = a.toLowerCase();
      if (CJK.test(al)) {
        const shared = [...new Set(al)].filter((ch) => chars.has(ch)).length;
        best = Math.max(best, shared / Math.max(al.length, 1));
      } else
        for (const w of words)
          for (const aw of al.split(' ')) if (aw.length >= 4) {
            const sim = 1 - distance(w, aw) / Math.max(w.length, aw.length);
            if (sim >= 0.75) best = Math.max(best, sim);
          }
    }
    return { node, best };
  });
  return scored.filter((s) => s.best >= 0.5).sort((a, b) => b.best - a.best).slice(0, n).map((s) => s.node);
}

/**
 * Resolve a text to a topic of the graph, a company, or several companies. `alsoAbout` lists other topics the text
 * names (a two-topic question). Never throws: an unknown text gives the nearest topics, a subject held only for
 * another place gives that place and the topics held for it.
 */
export function resolveResearch(raw: string, companies: CompanyName[]): Resolution {
  const text = normaliseTopicText(raw);
  const lower = text.toLowerCase();
  const words = wordsOf(lower);
  const places = foreignPlaces(text);
  // the subject words with the place names blanked ("日本通胀" → "  通胀")
  let blanked = text;
  for (const p of places) blanked = blanked.slice(0, p.span[0]) + ' '.repeat(p.span[1] - p.span[0]) + blanked.slice(p.span[1]);
  const bl = blanked.toLowerCase();
  const bWords = wordsOf(bl);

  const scored = TOPIC_GRAPH.map((node) => ({ node, full: scoreNode(node, text, lower, words), subject: scoreNode(node, blanked, bl, bWords) })).filter((s) => s.full > 0 || s.subject > 0);
  const byCompany = companiesIn(text, companies);
  const bestCompany = byCompany.reduce((m, x) => Math.max(m, x.score), 0);

  const pick = (nodes: typeof scored, key: 'full' | 'subject') => [...nodes].sort((a, b) => b[key] - a[key])[0];
  // another topic the text names, unless its words lie inside the chosen topic's (行业 in 银行业, 利率 in 按揭利率)
  const others = (chosen: TopicNode) => {
    const own = matchSpan(chosen, text, lower);
    return scored
      .filter((s) => {
        if (s.node === chosen || s.subject < 3) return false;
        const span = matchSpan(s.node, text, lower);
        return !(own && span && span[0] >= own[0] && span[1] <= own[1]);
      })
      .sort((a, b) => b.subject - a.subject)
      .map((s) => s.node);
  };

  // companies: two or more named → a comparison; one that matches better than any topic → that company
  const bestTopicScore = Math.max(0, ...scored.map((s) => s.full));
  if (byCompany.length >= 2 && bestCompany >= bestTopicScore) {
    const seen = new Set<string>();
    const list = byCompany.filter((x) => (seen.has(x.c.ticker) ? false : (seen.add(x.c.ticker), true)));
    return { ok: true, topic: { kind: 'companies', tickers: list.map((x) => x.c.ticker), names: list.map((x) => x.c.name) }, alsoAbout: [] };
  }
  if (byCompany.length === 1 && bestCompany >= bestTopicScore) {
    const c = byCompany[0]!.c;
    return { ok: true, topic: { kind: 'company', ticker: c.ticker, name: c.name }, alsoAbout: [] };
  }

  if (places.length) {
    const regions = new Set(places.map((p) => p.region));
    // a topic of that place (or a global one) whose alias says more than the place's name (中国国债, 日本股市, 欧洲股市)
    const local = scored.filter((s) => (regions.has(s.node.region ?? 'US') || s.node.region === 'GLOBAL') && s.full > Math.max(...places.map((p) => p.name.length * (CJK.test(p.name) ? 2 : 1))));
    if (local.length) {
      const best = pick(local, 'full')!;
      return { ok: true, topic: { kind: 'topic', node: best.node, score: best.full }, alsoAbout: others(best.node) };
    }
    const subject = pick(scored.filter((s) => s.subject > 0), 'subject');
    if (subject && (subject.node.region ?? 'US') === 'GLOBAL') return { ok: true, topic: { kind: 'topic', node: subject.node, score: subject.subject }, alsoAbout: others(subject.node) };
    const place = places[0]!;
    const held = TOPIC_GRAPH.filter((n) => regions.has(n.region ?? 'US'));
    if (subject) return { ok: false, why: { kind: 'not_held', place: place.name, region: place.region, subject: subject.node, held } };
    // only the place is named (中国, 日本): its own topic, when the graph has one
    const own = pick(scored.filter((s) => regions.has(s.node.region ?? 'US') && s.full > 0), 'full');
    if (own) return { ok: true, topic: { kind: 'topic', node: own.node, score: own.full }, alsoAbout: held.filter((n) => n !== own.node) };
    if (held.length) return { ok: true, topic: { kind: 'topic', node: held[0]!, score: 1 }, alsoAbout: held.slice(1) };
    return { ok: false, why: { kind: 'not_held', place: place.name, region: place.region, subject: { id: 'place', name: { zh: regionName(place.region, 'zh'), en: regionName(place.region, 'en') }, aliases: [], indicators: [] }, held: [] } };
  }

  const best = pick(scored, 'full');
  if (!best) return { ok: false, why: { kind: 'unknown', nearest: nearestTopics(text) } };
  // two topics named about equally well (油价 … 通胀): the one named first leads
  const rival = others(best.node).find((n) => scored.find((s) => s.node === n)!.full >= best.full);
  if (rival && firstAt(rival, text, lower) < firstAt(best.node, text, lower)) return { ok: true, topic: { kind: 'topic', node: rival, score: best.full }, alsoAbout: [best.node, ...others(rival).filter((n) => n !== best.node)] };
  return { ok: true, topic: { kind: 'topic', node: best.node, score: best.full }, alsoAbout: others(best.node) };
}
