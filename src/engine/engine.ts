// The answer pipeline: understand → execute → compose → verify. Deterministic (no model): the product's
// no-key mode and the ground truth that an LLM mode is checked against.
import * as A from '../analytics/index.ts';
import type { Answer } from '../core/answer.ts';
import { DateOutOfRangeError, FinciteError, InputTooLargeError } from '../core/errors.ts';
import type { Bilingual } from '../core/types.ts';
import { DataAccess } from './data.ts';
import { execute, NoAnswerError } from './execute.ts';
import type { AskOptions, Engine, EngineOptions } from './index.ts';
import type { Subject } from './plan.ts';
import { buildContext, understand, type NotUnderstood, type UnderstandContext } from './understand/index.ts';
import { detectLanguage } from './understand/lang.ts';
import { stripUnsupported, verifyText } from './verify/index.ts';
import { AnswerWriter } from './writer.ts';

export const MAX_QUESTION_LENGTH = 500;

export const DISCLAIMER: Bilingual = { zh: '数据基于历史,不构成投资建议。', en: 'Based on historical data; for information only, not investment advice.' };

export class EmptyQuestionError extends FinciteError {
  constructor() {
    super('empty_question', { zh: '问题不能为空。', en: 'The question is empty.' });
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function suggestionsFor(lang: 'zh' | 'en', subjects: Subject[], names: Map<string, Bilingual>): string[] {
  const out: string[] = [];
  for (const s of subjects.slice(0, 2)) {
    const n = names.get(s.seriesId);
    if (!n) continue;
    if (s.type === 'company') out.push(lang === 'zh' ? `${n.zh.replace(/[((].*$/, '')}最新股价是多少?` : `What is ${n.en.replace(/ \(.*$/, '')}'s latest share price?`, lang === 'zh' ? `${n.zh.replace(/[((].*$/, '')}过去一年涨了多少?` : `How much has ${n.en.replace(/ \(.*$/, '')} risen over the past year?`);
    else out.push(lang === 'zh' ? `${n.zh}最新是多少?` : `What is the latest ${n.en}?`, lang === 'zh' ? `${n.zh}过去一年的变化` : `How did ${n.en} change over the past year?`);
  }
  const defaults =
    lang === 'zh'
      ? ['美联储资产负债表现在多大?', '2022年6月以来美联储总资产减少了多少?', '核心CPI同比最新是多少?', '10年期美债收益率过去一年的波动率']
      : ["How large is the Fed's balance sheet now?", 'What was the 10-year Treasury yield on 2024-04-25?', 'What is the latest core CPI inflation rate?', 'How much has the Fed’s Treasury portfolio shrunk since June 2022?'];
  for (const d of defaults) if (out.length < 3) out.push(d);
  return out.slice(0, 3);
}

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

export function createEngine(opts: EngineOptions): Engine {
  const data = new DataAccess(opts.db);
  let ctx: UnderstandContext | null = null;
  let ctxFor: unknown = null;
  const day = opts.today ?? today();

  async function context(): Promise<{ ctx: UnderstandContext; names: Map<string, Bilingual> }> {
    const list = await data.seriesList();
    if (!ctx || ctxFor !== list.length + ':' + (list[0]?.lastSyncedAt?.getTime() ?? '')) {
      const companies = await opts.db.query<{ ticker: string; name_zh: string; name_en: string; aliases: string[] | string; currency: string }>('SELECT ticker, name_zh, name_en, aliases, currency FROM companies');
      ctx = buildContext(
        list,
        companies.map((c) => ({ ticker: c.ticker, name: { zh: c.name_zh, en: c.name_en }, aliases: typeof c.aliases === 'string' ? (JSON.parse(c.aliases) as string[]) : c.aliases, currency: c.currency })),
        day,
      );
      ctxFor = list.length + ':' + (list[0]?.lastSyncedAt?.getTime() ?? '');
    }
    return { ctx, names: new Map(list.map((s) => [s.id, s.title])) };
  }

  function unanswerable(question: string, why: NotUnderstood, names: Map<string, Bilingual>): Answer {
    const reason = why.reason[why.lang];
    const suggestions = suggestionsFor(why.lang, why.subjects, names);
    const text = `${reason}\n\n${why.lang === 'zh' ? '您可以这样问:' : 'You could ask:'}\n${suggestions.map((s) => `- ${s}`).join('\n')}`;
    return {
      question,
      language: why.lang,
      text,
      facts: [],
      sources: [],
      charts: [],
      verification: { numbers: 0, supported: 0, unsupported: [] },
      unanswerable: { reason, suggestions },
      engine: 'deterministic',
    };
  }

  return {
    async ask(question: string, askOpts: AskOptions = {}): Promise<Answer> {
      if (typeof question !== 'string' || !question.trim()) throw new EmptyQuestionError();
      if (question.length > MAX_QUESTION_LENGTH) throw new InputTooLargeError(askOpts.lang === 'zh' || detectLanguage(question) === 'zh' ? '问题' : 'question', MAX_QUESTION_LENGTH);
      const lang = askOpts.lang ?? detectLanguage(question);
      const { ctx, names } = await context();
      const u = understand(question, ctx, lang);
      if (!u.ok) return unanswerable(question, u.why, names);
      const plan = u.plan;
      const metas = new Map((await data.seriesList()).map((s) => [s.id, s]));
      const w = new AnswerWriter(lang, (id) => metas.get(id));
      try {
        await execute({ data, w, plan });
      } catch (err) {
        if (err instanceof NoAnswerError || err instanceof DateOutOfRangeError || A.isNoDataError(err) || err instanceof A.UndefinedResultError || err instanceof A.InvalidArgumentError || err instanceof A.UnitMismatchError) {
          const reason = (err as FinciteError).messages ?? { zh: '数据无法回答这个问题。', en: 'The data cannot answer this question.' };
          return unanswerable(question, { lang, kind: 'unsupported', subjects: plan.subjects, reason }, names);
        }
        throw err;
      }
      const dataAsOf = w.sources.filter((s) => s.kind === 'series' && s.date).map((s) => s.date!).sort().at(-1);
      const asOfSource = w.sources.find((x) => x.kind === 'series' && x.date === dataAsOf);
      const asOfText = dataAsOf ? w.obsDate(dataAsOf, (asOfSource?.seriesId && metas.get(asOfSource.seriesId)?.frequency) || 'daily') : '';
      const asOfLine = dataAsOf ? (lang === 'zh' ? `数据截至${asOfText}。` : `Data as of ${asOfText}.`) : '';
      const body = w.paragraphs.join('\n\n');
      // Digits inside names (标普500, 10-Year, S&P 500) are not claims: hide them from the verifier, keeping offsets.
      const nameList = [...new Set(w.sources.filter((x) => x.seriesId).flatMap((x) => { const m = metas.get(x.seriesId!); return m ? [m.title.zh, m.title.en, w.name(m), ...m.aliases] : []; }))];
      // The verifier matches a number to facts about what its sentence names; the text names series by their
      // short names and aliases, so those join each fact's label here.
      const described = w.facts.map((f) => {
        const ids = new Set([f.seriesId, ...f.inputs.map((i) => i.seriesId)].filter((x): x is string => Boolean(x)));
        const extra = [...ids].flatMap((id) => { const m = metas.get(id); return m ? [w.name(m), m.title.zh, ...m.aliases] : []; }).join(' ');
        return extra ? { ...f, label: { zh: `${f.label.zh} ${extra}`, en: `${f.label.en} ${extra}` } } : f;
      });
      const verification = verifyText(maskNames(body, nameList), { facts: described, passages: w.passages, numbers: w.params }, { lang });
      const shown = verification.unsupported.length ? stripUnsupported(body, verification, { lang }) : body;
      const text = [shown, asOfLine, `*${DISCLAIMER[lang]}*`].filter(Boolean).join('\n\n');
      return {
        question,
        language: lang,
        text,
        facts: w.facts,
        sources: w.sources,
        charts: w.charts,
        verification: { numbers: verification.numbers, supported: verification.supported, unsupported: verification.unsupported },
        engine: 'deterministic',
        ...(dataAsOf ? { dataAsOf } : {}),
      };
    },
  };
}
