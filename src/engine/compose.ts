// The last steps every answer goes through, whoever wrote its body (the deterministic templates or a model):
// verify every number in the body against the answer's registered facts and quoted passages, strip what is
// unsupported, add the as-of line and the disclaimer, and assemble the Answer.
import type { Answer } from '../core/answer.ts';
import type { Lang } from '../core/format.ts';
import type { Bilingual } from '../core/types.ts';
import type { StoredSeries } from '../store/repo.ts';
import { stripUnsupported, verifyText, type VerificationResult } from './verify/index.ts';
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

/** Check every number of `body` against the writer's facts, passages and the question's own numbers. */
export function verifyBody(body: string, w: AnswerWriter, metas: Map<string, StoredSeries>, lang: Lang): VerificationResult {
  // Digits inside names (标普500, 10-Year, S&P 500) are not claims: hide them from the verifier, keeping offsets.
  const nameList = [...new Set(w.sources.filter((x) => x.seriesId).flatMap((x) => { const m = metas.get(x.seriesId!); return m ? [m.title.zh, m.title.en, w.name(m), ...m.aliases] : []; }))];
  // The verifier matches a number to facts about what its sentence names; the text names series by their
  // short names and aliases, so those join each fact's label here.
  const described = w.facts.map((f) => {
    const ids = new Set([f.seriesId, ...f.inputs.map((i) => i.seriesId)].filter((x): x is string => Boolean(x)));
    const extra = [...ids].flatMap((id) => { const m = metas.get(id); return m ? [w.name(m), m.title.zh, ...m.aliases] : []; }).join(' ');
    return extra ? { ...f, label: { zh: `${f.label.zh} ${extra}`, en: `${f.label.en} ${extra}` } } : f;
  });
  return verifyText(maskNames(body, nameList), { facts: described, passages: w.passages, numbers: w.params }, { lang });
}

/** The Answer: the body with unsupported numbers stripped, the as-of line, the disclaimer, facts and sources. */
export function composeAnswer(o: { question: string; lang: Lang; w: AnswerWriter; metas: Map<string, StoredSeries>; body: string; verification: VerificationResult; engine: string; usage?: Answer['usage'] }): Answer {
  const { w, lang, metas } = o;
  const dataAsOf = w.sources.filter((s) => s.kind === 'series' && s.date).map((s) => s.date!).sort().at(-1);
  const asOfSource = w.sources.find((x) => x.kind === 'series' && x.date === dataAsOf);
  const asOfText = dataAsOf ? w.obsDate(dataAsOf, (asOfSource?.seriesId && metas.get(asOfSource.seriesId)?.frequency) || 'daily') : '';
  const asOfLine = dataAsOf ? (lang === 'zh' ? `数据截至${asOfText}。` : `Data as of ${asOfText}.`) : '';
  const shown = o.verification.unsupported.length ? stripUnsupported(o.body, o.verification, { lang }) : o.body;
  const text = [shown, asOfLine, `*${DISCLAIMER[lang]}*`].filter(Boolean).join('\n\n');
  return {
    question: o.question,
    language: lang,
    text,
    facts: w.facts,
    sources: w.sources,
    charts: w.charts,
    verification: { numbers: o.verification.numbers, supported: o.verification.supported, unsupported: o.verification.unsupported },
    engine: o.engine,
    ...(dataAsOf ? { dataAsOf } : {}),
    ...(o.usage ? { usage: o.usage } : {}),
  };
}
