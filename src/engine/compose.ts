// The last steps every answer goes through, whoever wrote its body (the deterministic templates or a model):
// verify every number in the body against the answer's registered facts and quoted passages, strip what is
// unsupported, add the as-of line and the disclaimer, and assemble the Answer.
import type { Answer, AnswerNumber, Fact, Source } from '../core/answer.ts';
import type { Lang } from '../core/format.ts';
import type { Bilingual } from '../core/types.ts';
import type { StoredSeries } from '../store/repo.ts';
import { NAMED_PERIODS, QT2_CAP_REGIMES } from '../knowledge/periods.ts';
import { dateIntervals } from './verify/text.ts';
import { stripUnsupported, verifyText, type EntityNames, type VerificationResult } from './verify/index.ts';
import { isEnglishWord } from './understand/lexicon.ts';
import type { AnswerWriter } from './writer.ts';

export const DISCLAIMER: Bilingual = { zh: '数据基于历史,不构成投资建议。', en: 'Based on historical data; for information only, not investment advice.' };

/** Replace the digits of every occurrence of a name by '#', so the text keeps its length and offsets. */
export function maskNames(text: string, names: string[]): string {
  let out = text;
  for (const n of names.filter((x) => /\d/.test(x) && x.length >= 3).sort((a, b) => b.length - a.length)) {
    let at = out.indexOf(n);
    while (at >= 0) {
      out = out.slice(0, at) + n.replace(/\d/g, '#') + out.slice(at + n.length);
      at = out.indexOf(n, at + n.length);
    }
  }
  return out;
}

const lexicons = new WeakMap<Map<string, StoredSeries>, EntityNames[]>();
/**
 * A bracketed part of a title that qualifies it rather than names it (季度, 周均, 月均, 未季调, 预估, total, 美元计价 …):
 * not a name, or "2025年第2季度" would read as naming the quarterly debt series.
 */
const QUALIFIER = /^(?:(?:季度|月度|周度|日度|年度|周均|周三值|月均|季调|未季调|预估|工作日|近月|美元计价|欧洲|大陆|在岸|total|不含[\u4e00-\u9fff]+|剔除[\u4e00-\u9fff]+)(?:[,，、]\s*)?)+$/i;
/**
 * A name that says nothing about which entity a clause is about: an ordinary English word in lower case
 * ("total", "won", "runoff"), or the name of a named period (缩表, QT, covid), which dates a number, not its series.
 */
function vagueName(n: string, company: boolean): boolean {
  if (/^[a-z][a-z-]*$/.test(n) && isEnglishWord(n)) return true;
  // a capitalised word is a company's name ("Apple"), else a word at the start of a sentence ("Total")
  if (!company && /^[A-Z][a-z-]*$/.test(n) && isEnglishWord(n)) return true;
  const lower = n.toLowerCase();
  return NAMED_PERIODS.some((p) => [p.name.zh, p.name.en, ...p.aliases].some((a) => a.toLowerCase() === lower));
}

/**
 * Every catalog series and company with the names a text may call it by: id, ticker, both titles (also
 * without their bracketed part, and the bracketed part alone: "美国名义国内生产总值(GDP)"), aliases.
 */
export function entityNames(metas: Map<string, StoredSeries>): EntityNames[] {
  let out = lexicons.get(metas);
  if (out) return out;
  out = [];
  for (const m of metas.values()) {
    const names = new Set<string>([m.id, ...m.aliases]);
    if (m.ticker) names.add(m.ticker);
    for (const t of [m.title.zh, m.title.en]) {
      names.add(t);
      const bare = t.replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').trim();
      if (bare) names.add(bare);
      for (const inner of t.matchAll(/[(（]([^)）]+)[)）]/g)) if (!QUALIFIER.test(inner[1]!.trim())) names.add(inner[1]!.trim());
    }
    out.push({ id: m.id, names: [...names].filter((n) => !vagueName(n, Boolean(m.ticker))) });
  }
  lexicons.set(metas, out);
  return out;
}

/**
 * Dates a text may state because a named period it mentions states them: the period's boundaries, the
 * publication dates of the FOMC texts that set them and the dates its name and definition write (each quote is
 * checked against its document by test/engine/periods.test.ts); for QT2 also its cap regimes.
 */
export function namedPeriodDates(body: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lower = body.toLowerCase();
  for (const p of NAMED_PERIODS) {
    const named = [p.name.zh, p.name.en, ...p.aliases].some((n) => n.length >= 2 && lower.includes(n.toLowerCase()));
    if (!named) continue;
    out.push([p.from, p.from], [p.to, p.to], ...p.citations.map((c) => [c.date, c.date] as [string, string]));
    for (const t of [p.name.zh, p.name.en, p.basis.zh, p.basis.en]) out.push(...dateIntervals(t));
    if (p.id === 'qt2') for (const r of QT2_CAP_REGIMES) out.push([r.from, r.from], [r.to, r.to], [r.citation.date, r.citation.date]);
  }
  return out;
}

/**
 * Check every number of `body` against the writer's facts, passages and the question's own numbers, bound to
 * what its sentence says (the catalog names it names, its dates, its direction); the dates of the body are
 * claims too, supported by the facts, the passages, the named periods the body mentions and the question.
 */
export function verifyBody(body: string, w: AnswerWriter, metas: Map<string, StoredSeries>, lang: Lang, question?: string): VerificationResult {
  // Digits inside names (标普500, 10-Year, S&P 500) are not claims: hide them from the verifier, keeping offsets.
  const nameList = [...new Set(w.sources.filter((x) => x.seriesId).flatMap((x) => { const m = metas.get(x.seriesId!); return m ? [m.title.zh, m.title.en, w.name(m), ...m.aliases] : []; }))];
  // The verifier matches a number to facts about what its sentence names; the text names series by their
  // short names and aliases, so those join each fact's label here.
  const described = w.facts.map((f) => {
    const ids = new Set([f.seriesId, ...f.inputs.map((i) => i.seriesId)].filter((x): x is string => Boolean(x)));
    const extra = [...ids].flatMap((id) => { const m = metas.get(id); return m ? [w.name(m), m.title.zh, ...m.aliases] : []; }).join(' ');
    return extra ? { ...f, label: { zh: `${f.label.zh} ${extra}`, en: `${f.label.en} ${extra}` } } : f;
  });
  // the question's dates are given, and so are those of the line that restates it ("理解为:…" / "Understood as: …")
  const restated = /^\*?(?:理解为|Understood as)\s*[:：][^\n]*/.exec(body)?.[0];
  const given = [question ?? w.question, restated].filter(Boolean).join('\n');
  // a cited document's publication date is a date the text may state
  const docDates = w.sources.filter((x) => x.kind === 'document' && x.date).map((x) => [x.date!, x.date!] as [string, string]);
  return verifyText(
    maskNames(body, nameList),
    { facts: described, passages: w.passages, numbers: w.params, dates: [...w.dates, ...docDates, ...namedPeriodDates(body)] },
    { lang, entities: entityNames(metas), checkDates: true, ...(given ? { question: given } : {}) },
  );
}

/** The Answer: the body with unsupported numbers stripped, the as-of line, the disclaimer, facts and sources. */
export function composeAnswer(o: { question: string; lang: Lang; w: AnswerWriter; metas: Map<string, StoredSeries>; body: string; verification: VerificationResult; engine: string; usage?: Answer['usage'] }): Answer {
  const { w, lang, metas } = o;
  const dataAsOf = w.sources.filter((s) => s.kind === 'series' && s.date).map((s) => s.date!).sort().at(-1);
  const asOfSource = w.sources.find((x) => x.kind === 'series' && x.date === dataAsOf);
  const asOfText = dataAsOf ? w.obsDate(dataAsOf, (asOfSource?.seriesId && metas.get(asOfSource.seriesId)?.frequency) || 'daily') : '';
  const asOfLine = dataAsOf ? (lang === 'zh' ? `数据截至${asOfText}。` : `Data as of ${asOfText}.`) : '';
  const shown = o.verification.unsupported.length ? stripUnsupported(o.body, o.verification, { lang }) : o.body;
  const dense = renumberSources([shown, asOfLine, `*${DISCLAIMER[lang]}*`].filter(Boolean).join('\n\n'), w.sources, w.facts);
  return {
    question: o.question,
    language: lang,
    text: dense.text,
    facts: dense.facts,
    sources: dense.sources,
    charts: w.charts,
    numbers: answerNumbers(o.body, o.verification, w.facts),
    verification: { numbers: o.verification.numbers, supported: o.verification.supported, unsupported: o.verification.unsupported },
    engine: o.engine,
    ...(dataAsOf ? { dataAsOf } : {}),
    ...(o.usage ? { usage: o.usage } : {}),
  };
}

/**
 * Sources numbered densely in reading order: the first [n] the text shows becomes [1], the next new one [2] …;
 * sources the text never cites (a chart's series, say) follow in their registered order. Facts' sourceIds follow.
 */
export function renumberSources(text: string, sources: Source[], facts: Fact[]): { text: string; sources: Source[]; facts: Fact[] } {
  const known = new Set(sources.map((s) => s.n));
  const order = new Map<number, number>();
  for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(m[1]);
    if (known.has(n) && !order.has(n)) order.set(n, order.size + 1);
  }
  for (const s of sources) if (!order.has(s.n)) order.set(s.n, order.size + 1);
  if ([...order].every(([a, b]) => a === b)) return { text, sources, facts };
  const to = (n: number) => order.get(n) ?? n;
  return {
    text: text.replace(/\[(\d{1,3})\]/g, (m, d: string) => (known.has(Number(d)) ? `[${to(Number(d))}]` : m)),
    sources: sources.map((s) => ({ ...s, n: to(s.n) })).sort((a, b) => a.n - b.n),
    facts: facts.map((f) => ({ ...f, sourceIds: f.sourceIds.map(to) })),
  };
}

/**
 * Each supported number of the body, in reading order, with what supports it (the stripped ones are gone). A
 * verifier ref names a fact as "fact <id>" or "fact <id>.<extra key>" (a dated extra such as a peak).
 */
export function answerNumbers(body: string, v: VerificationResult, facts: Fact[]): AnswerNumber[] {
  const ids = facts.map((f) => f.id).sort((a, b) => b.length - a.length);
  const factOf = (ref: string): string | null => {
    if (!ref.startsWith('fact ')) return null;
    const r = ref.slice(5);
    return ids.find((id) => r === id || r.startsWith(`${id}.`)) ?? null;
  };
  // a number inside a verbatim quote is the document's, whatever fact it happens to equal
  const quoted = [...body.matchAll(/“[^”]*”|"[^"\n]*"/g)].map((m) => [m.index, m.index + m[0].length] as const);
  return v.claims
    .filter((c) => c.supported && c.by)
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      if (quoted.some(([a, b]) => c.start > a && c.end < b)) return { text: body.slice(c.start, c.end), kind: 'passage' as const, factIds: [] };
      const by = c.by!;
      const factIds = [...new Set(by.ref.split(', ').map(factOf).filter((x): x is string => Boolean(x)))];
      return { text: body.slice(c.start, c.end), kind: by.kind, factIds, ...(by.kind === 'fact' ? {} : { expression: by.expression }) };
    });
}
