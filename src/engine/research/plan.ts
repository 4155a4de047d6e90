// The research planner: one evidence plan for a chat research answer and for a report. From a node of the topic
// graph (and, for a question, the period it asks about) it loads the series the topic concerns, computes each one's
// story and each relation's, finds the passages of the Fed's texts that state the policy or the reasoning (quoted
// verbatim, attributed to who said them), and lists what the data cannot tell — including the series of the topic
// the database does not hold. The deterministic writers (answer.ts, src/report/plans/research.ts) and the language
// model work from this same object.
import * as A from '../../analytics/index.ts';
import type { Bilingual, DocumentKind, IsoDate } from '../../core/types.ts';
import { NAMED_PERIODS } from '../../knowledge/periods.ts';
import { attribution, findQuotes, type Quote } from '../../knowledge/quotes.ts';
import type { DataAccess, LoadedSeries } from '../data.ts';
import { GENERAL_LIMITS, topicNode, type TopicNode } from './graph.ts';
import { loadHeld, relationStory, seriesStory, type Focus, type RelationStory, type SeriesStory } from './evidence.ts';

export interface CompanyStory {
  ticker: string;
  name: Bilingual;
  price: SeriesStory;
}

export interface EvidencePlan {
  node: TopicNode;
  lang: 'zh' | 'en';
  focus?: Focus;
  indicators: SeriesStory[];
  related: SeriesStory[];
  relations: RelationStory[];
  companies: CompanyStory[];
  quotes: Quote[];
  /** Series of the topic the database does not hold (or holds no observation of). */
  missing: string[];
  cannotTell: Bilingual[];
  links: TopicNode[];
  /** The chart window in years. */
  years: number;
  /** The policy goal the topic is judged against, as the latest FOMC statement states it (see TopicNode.target). */
  target?: { quote: Quote; value: number; story: SeriesStory; label: Bilingual };
}

export interface PlanOptions {
  lang: 'zh' | 'en';
  focus?: Focus;
  /** Words of the question to search the Fed's texts with, before the topic's own queries. */
  query?: string;
  /** How many quotes (default 3 for an answer). */
  quotes?: number;
  /** How many indicators and related series to compute (default: all). */
  maxIndicators?: number;
  maxRelated?: number;
  /** Companies in the database: ticker, names, GICS sector. */
  companies?: Array<{ ticker: string; name: Bilingual; sector?: string | null }>;
  maxCompanies?: number;
}

const SPEECH_KINDS: DocumentKind[] = ['statement', 'minutes', 'speech', 'implementation_note', 'press_release', 'other'];

/** The window the quotes are searched in: around the asked period, or the last two years of data. */
function documentWindow(focus: Focus | undefined, latest: IsoDate | undefined): { from?: IsoDate; to?: IsoDate } {
  if (focus) return { from: A.addDays(focus.from, -45), to: A.addDays(focus.to, 75) };
  if (latest) return { from: A.addYears(latest, -2) };
  return {};
}

/** Words too common in the Fed's texts to show that a sentence is about a topic. */
const GENERIC = new Set(['price', 'prices', 'rate', 'rates', 'market', 'markets', 'growth', 'economy', 'economic', 'percent', 'since', 'higher', 'lower', 'conditions', 'level', 'levels', 'index', 'stocks', 'total', 'risk', 'risks', 'policy', 'remains', 'remain', 'continue', 'committee', 'federal', 'reserve', 'over', 'longer', 'term', 'with', 'from', 'that', 'this', 'have', 'been', 'will', 'would', 'about', 'their', 'which', 'were', 'more', 'also', 'than', 'into', 'some', 'such', 'well', 'related', 'recent', 'developments', 'activity', 'expected', 'expects', 'appropriate', 'united', 'states', 'high', 'yield', 'yields', 'real', 'sector', 'stock']);

/** The distinctive English words of a topic: of its aliases and document queries, four letters or more. */
function topicWords(node: TopicNode): Set<string> {
  const out = new Set<string>();
  for (const text of [...node.aliases, ...(node.documents ?? [])]) {
    if (/[\u3400-\u9fff]/.test(text)) continue;
    for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w.length >= 4 && !GENERIC.has(w)) out.add(w);
  }
  return out;
}

export async function planResearch(data: DataAccess, node: TopicNode, opts: PlanOptions): Promise<EvidencePlan> {
  const years = node.chartYears ?? 10;
  const yoy = new Set(node.yoy ?? []);
  const indicatorIds = node.indicators.slice(0, opts.maxIndicators ?? node.indicators.length);
  const relatedIds = (node.related ?? []).filter((id) => !indicatorIds.includes(id)).slice(0, opts.maxRelated ?? (node.related ?? []).length);
  const relationIds = (node.relations ?? []).flatMap((r) => [r.a, r.b]);
  const companyList = (opts.companies ?? []).filter((c) => (node.sector && c.sector === node.sector) || node.companies?.includes(c.ticker)).slice(0, opts.maxCompanies ?? 12);
  const { loaded, missing } = await loadHeld(data, [...indicatorIds, ...relatedIds, ...relationIds, ...companyList.map((c) => c.ticker)]);
  const periods = (node.periods ?? []).map((id) => NAMED_PERIODS.find((p) => p.id === id)).filter((p): p is NonNullable<typeof p> => Boolean(p));

  const story = (id: string, role: SeriesStory['role']): SeriesStory | null => {
    const s = loaded.get(id);
    return s ? seriesStory(s, role, yoy.has(id) ? 'yoy' : 'level', years, opts.focus, role === 'indicator' ? periods : []) : null;
  };
  const indicators = indicatorIds.map((id) => story(id, 'indicator')).filter((s): s is SeriesStory => Boolean(s));
  const related = relatedIds.map((id) => story(id, 'related')).filter((s): s is SeriesStory => Boolean(s));
  const relations = (node.relations ?? [])
    .map((r) => {
      const a = loaded.get(r.a);
      const b = loaded.get(r.b);
      return a && b ? relationStory(r, a, b, years, opts.focus) : null;
    })
    .filter((r): r is RelationStory => Boolean(r));
  const companies: CompanyStory[] = [];
  for (const c of companyList) {
    const s = loaded.get(c.ticker);
    const price = s ? seriesStory(s as LoadedSeries, 'related', 'level', Math.min(years, 5), opts.focus, []) : null;
    if (price) companies.push({ ticker: c.ticker, name: c.name, price });
  }

  const latest = indicators.map((s) => s.latest.asOf).sort().at(-1);
  const window = documentWindow(opts.focus, latest);
  // the topic's own words bound the search: its document queries and its English names, and the question's words
  // only together with them (a question's "surge" or "since" is no topic)
  const names = node.aliases.filter((a) => /^[a-z][a-z /&-]+$/i.test(a) && a.length >= 4).slice(0, 4).join(' ');
  const queries = [...(node.documents ?? []), ...(names ? [names] : []), ...(opts.query && node.documents?.length ? [`${opts.query} ${names}`] : [])];
  const words = topicWords(node);
  const found = queries.length
    ? await findQuotes(data.db, { queries, ...window, kinds: node.documentKinds ?? SPEECH_KINDS, limit: 3 * (opts.quotes ?? 3), perDocument: 1, diverseSpeakers: true }).catch(() => [] as Quote[])
    : [];
  // a quote must speak of the topic: one of its words (gold, credit, banking, reserves …), not only "prices" or "surge"
  const quotes = found.filter((q) => q.quote.toLowerCase().split(/[^a-z]+/).some((t) => words.has(t))).slice(0, opts.quotes ?? 3);

  const target = node.target ? await findTarget(data, node.target, indicators, latest) : undefined;
  const heldMissing = missing.filter((id) => indicatorIds.includes(id) || relatedIds.includes(id));
  return {
    node,
    lang: opts.lang,
    ...(opts.focus ? { focus: opts.focus } : {}),
    indicators,
    related,
    relations,
    companies,
    quotes,
    ...(target ? { target } : {}),
    missing: heldMissing,
    cannotTell: [...(node.cannotTell ?? []), ...GENERAL_LIMITS],
    links: (node.links ?? []).map(topicNode).filter((n): n is TopicNode => Boolean(n)),
    years,
  };
}

/**
 * The goal as the latest FOMC statement up to `latest` states it: the sentence holding the phrase, verbatim, and the
 * number the phrase writes ("2 percent" → 2). None when no statement says it.
 */
async function findTarget(data: DataAccess, t: NonNullable<TopicNode['target']>, indicators: SeriesStory[], latest: IsoDate | undefined): Promise<EvidencePlan['target']> {
  const story = indicators.find((s) => s.id === t.series);
  const number = /(\d+(?:\.\d+)?)\s*percent/i.exec(t.phrase);
  if (!story || !number || !latest) return undefined;
  const rows = await data.db
    .query<{ id: string; title: string; url: string; date: string | Date; publisher: string | null; body: string }>(
      "SELECT id, title, url, date, publisher, body FROM documents WHERE kind = 'statement' AND date <= $1 AND position($2 in lower(body)) > 0 ORDER BY date DESC LIMIT 1",
      [A.addDays(latest, 62), t.phrase.toLowerCase()],
    )
    .catch(() => []);
  const doc = rows[0];
  if (!doc) return undefined;
  const sentence = doc.body.split(/(?<=[.!?])\s+/).find((x) => x.toLowerCase().includes(t.phrase.toLowerCase()));
  if (!sentence) return undefined;
  const date = (doc.date instanceof Date ? doc.date.toISOString() : String(doc.date)).slice(0, 10);
  const quote = sentence.trim();
  const who = attribution({ kind: 'statement', title: doc.title, date, body: doc.body, url: doc.url }, quote);
  return { quote: { ...who, documentId: doc.id, title: doc.title, url: doc.url, date, publisher: doc.publisher ?? 'Federal Reserve', position: 0, quote, passage: quote, score: 1 }, value: Number(number[1]), story, label: t.label };
}
