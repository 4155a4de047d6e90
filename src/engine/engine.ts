// The answer pipeline: understand → execute → compose → verify. Deterministic (no model): the product's
// no-key mode and the ground truth that an LLM mode is checked against.
import * as A from '../analytics/index.ts';
import type { Answer } from '../core/answer.ts';
import { chinesePunctuationWithTables } from '../core/format.ts';
import { DateOutOfRangeError, FinciteError } from '../core/errors.ts';
import { checkText, TEXT_LIMITS } from '../core/text-input.ts';
import type { Bilingual } from '../core/types.ts';
import { StampedLru, syncStamp } from '../store/cache.ts';
import { DataAccess } from './data.ts';
import { execute, NoAnswerError } from './execute/index.ts';
import type { AskOptions, Engine, EngineOptions } from './index.ts';
import type { Plan, Subject } from './plan.ts';
import type { Correction } from './understand/coverage.ts';
import { understoodLine } from './understand/describe.ts';
import { questionParts } from './understand/parts.ts';
import { resolveFollowUp } from './understand/followup.ts';
import { buildContext, understand, type NotUnderstood, type UnderstandContext } from './understand/index.ts';
import { detectLanguage } from './understand/lang.ts';
import { detectRefusal } from './understand/measure.ts';
import { asksResearch, research, researchCompanies, resolveResearch } from './research/index.ts';
import { asksOverview } from './research/answer.ts';
import { composeAnswer, verifyBody } from './compose.ts';
import { AnswerWriter, seriesName } from './writer.ts';

/** The longest question the engine takes (the one limit every interface checks). */
export const MAX_QUESTION_LENGTH = TEXT_LIMITS.question;

export { DISCLAIMER, maskNames } from './compose.ts';

/** How many earlier questions of a conversation a follow-up is read against (the last ones). */
export const MAX_HISTORY = 10;

/** Answers the deterministic engine keeps by default (EngineOptions.answerCache). */
export const ANSWER_CACHE_ENTRIES = 1000;

const INHERITED_NAMES = { subject: { zh: '主体', en: 'subject' }, measure: { zh: '指标', en: 'measure' }, time: { zh: '时间', en: 'period' } } as const;

/** "(承接上一问,沿用主体、时间)" / " (follow-up: subject and period from the previous question)". */
function followUpNote(inherited: Array<'subject' | 'measure' | 'time'>, lang: 'zh' | 'en'): string {
  const names = inherited.map((k) => INHERITED_NAMES[k][lang]);
  if (lang === 'zh') return `(承接上一问,沿用${names.join('、')})`;
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return ` (follow-up: ${list} from the previous question)`;
}

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

export function createEngine(opts: EngineOptions): Engine {
  const data = new DataAccess(opts.db);
  // built once per sync: the catalog array is the same object until the sync stamp changes (src/store/cache.ts)
  let built: { for: unknown; day: string; ctx: UnderstandContext; names: Map<string, Bilingual> } | null = null;
  // "today" of calendar words and of the answer cache's key: read at each question, so a server running past
  // midnight moves to the new day (the context is rebuilt for it)
  let day = opts.today ?? today();

  async function context(): Promise<{ ctx: UnderstandContext; names: Map<string, Bilingual> }> {
    const list = await data.seriesList();
    if (built?.for !== list || built.day !== day) {
      const companies = await opts.db.query<{ ticker: string; name_zh: string; name_en: string; aliases: string[] | string; currency: string }>('SELECT ticker, name_zh, name_en, aliases, currency FROM companies');
      const ctx = buildContext(
        list,
        companies.map((c) => ({ ticker: c.ticker, name: { zh: c.name_zh, en: c.name_en }, aliases: typeof c.aliases === 'string' ? (JSON.parse(c.aliases) as string[]) : c.aliases, currency: c.currency })),
        day,
      );
      // suggestions name series as answers do ("the 10-year Treasury", not its 90-character official title)
      built = { for: list, day, ctx, names: new Map(list.map((s) => [s.id, { zh: s.title.zh, en: seriesName(s, 'en') }])) };
    }
    return built;
  }

  function unanswerable(question: string, why: NotUnderstood, names: Map<string, Bilingual>, suggested?: string[]): Answer {
    const reason = why.reason[why.lang];
    const suggestions = suggested?.length ? suggested : suggestionsFor(why.lang, why.subjects, names);
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

  const llm = opts.llm ?? null;

  // Deterministic answers by their inputs, for the current sync stamp: shared (read-only) by every caller. A
  // pending answer is shared too, so many clients asking one new question at once compute it once.
  const answers = !llm && (opts.answerCache ?? ANSWER_CACHE_ENTRIES) > 0 ? new StampedLru<Promise<Answer>>(opts.answerCache ?? ANSWER_CACHE_ENTRIES) : null;

  return {
    name: llm ? `${llm.provider}:${llm.model}` : 'deterministic',
    async ask(question: string, askOpts: AskOptions = {}): Promise<Answer> {
      day = opts.today ?? today();
      if (!answers || typeof question !== 'string') return punctuated(question, askOpts);
      const key = JSON.stringify([question, askOpts.lang ?? null, askOpts.history ?? [], day]);
      const stamp = await syncStamp(opts.db);
      const hit = answers.get(key, stamp);
      if (hit) return hit;
      const pending = punctuated(question, askOpts);
      answers.set(key, stamp, pending);
      // a failure (a bad question, a database error) is not kept: the next ask tries again
      pending.catch(() => answers.delete(key, pending));
      return pending;
    },
  };

  async function punctuated(question: string, askOpts: AskOptions): Promise<Answer> {
    const a = await answer(question, askOpts);
    if (a.language !== 'zh') return a;
    // one punctuation pass over everything the answer writes in Chinese (tables keep their pipes)
    const p = chinesePunctuationWithTables;
    return {
      ...a,
      text: p(a.text),
      ...(a.understood ? { understood: p(a.understood) } : {}),
      ...(a.unanswerable ? { unanswerable: { reason: p(a.unanswerable.reason), suggestions: a.unanswerable.suggestions.map(p) } } : {}),
      ...(a.numbers ? { numbers: a.numbers.map((n) => ({ ...n, text: p(n.text) })) } : {}),
    };
  }

  async function answer(question: string, askOpts: AskOptions): Promise<Answer> {
    {
      if (typeof question !== 'string' || !question.trim()) throw new EmptyQuestionError();
      // one check for every interface: no NUL, lone surrogate or control character, and the length limit
      question = checkText(question, 'question');
      const lang = askOpts.lang ?? detectLanguage(question);
      // a follow-up is answered as the standalone question it stands for in the conversation
      const history = (askOpts.history ?? []).filter((h) => typeof h === 'string' && h.trim()).slice(-MAX_HISTORY).map((h) => checkText(h, 'question'));
      if (history.length) {
        const { ctx } = await context();
        const fu = resolveFollowUp(question, history, ctx, lang);
        if (fu) {
          const a = await answer(fu.standalone, { ...askOpts, lang, history: [] });
          const note = followUpNote(fu.inherited, lang);
          const understood = a.understood ? `${a.understood.replace(/[。.]\s*$/, '')}${note}` : undefined;
          const text = a.understood && understood ? a.text.replace(a.understood, understood) : a.text;
          return { ...a, question, text, ...(understood ? { understood } : {}), context: fu };
        }
      }
      if (llm) {
        // loaded only in LLM mode: the AI SDK and providers stay out of a deterministic process's start-up
        const { llmAnswer, LlmUnavailableError } = await import('./llm/answer.ts');
        try {
          return await llmAnswer(question, lang, { data, today: day, config: llm, ...(opts.model ? { model: opts.model } : {}), ...(askOpts.onProgress ? { onProgress: askOpts.onProgress } : {}) });
        } catch (err) {
          if (!(err instanceof LlmUnavailableError)) throw err;
          // the product keeps answering without its model: the deterministic engine, saying so
          const a = await deterministic(question, lang);
          const note = lang === 'zh' ? `(语言模型暂不可用,以下由确定性引擎回答。)` : `(The language model is unavailable; the deterministic engine answered.)`;
          return { ...a, text: `${note}\n\n${a.text}`, usage: { modelCalls: 0, inputTokens: 0, outputTokens: 0, toolCalls: [], fallbackFrom: `${llm.provider}:${llm.model}` } };
        }
      }
      return deterministic(question, lang);
    }
  }

  /**
   * "现在美国通胀怎么样?": how a topic is doing as a whole gets the few indicators a professional would quote (the
   * research planner), unless the question asks one computation of one series (a change, a date, a period).
   */
  async function asksTopicOverview(question: string, ctx: UnderstandContext): Promise<boolean> {
    if (!asksOverview(question)) return false;
    const r = resolveResearch(question, await researchCompanies(data));
    if (!r.ok || r.topic.kind !== 'topic') return false;
    const u = understand(question, ctx);
    // a figure read as asked (the level, or an inflation index's year-over-year rate) of the latest data only
    return !u.ok || ((u.plan.measure === 'level' || (u.plan.measure === 'yoy' && !/同比|yoy|y\/y|year[- ]over[- ]year/i.test(question))) && u.plan.time.kind === 'latest' && u.plan.subjects.every((s) => s.type === 'series'));
  }

  async function deterministic(question: string, lang: 'zh' | 'en'): Promise<Answer> {
    const { ctx, names } = await context();
    // why / how / impact questions about a topic: the research planner (a forecast or advice stays refused below)
    if ((asksResearch(question) || (await asksTopicOverview(question, ctx))) && !detectRefusal(question)) {
      const metas = await data.seriesMap();
      const w = new AnswerWriter(lang, (id) => metas.get(id));
      const r = await research(data, w, question, lang, day);
      if (r.kind === 'declined') return unanswerable(question, { lang, kind: 'not_held', subjects: [], reason: r.reason }, names, r.suggestions.map((s) => s[lang]));
      if (r.kind === 'answered') {
        const body = [`*${r.line}*`, ...w.paragraphs].join('\n\n');
        const a = composeAnswer({ question, lang, w, metas, body, verification: verifyBody(body, w, metas, lang, question), engine: 'deterministic' });
        return { ...a, understood: r.line };
      }
    }
    // A question of several parts is answered part by part, in order, in one answer; a part the data cannot
    // answer is said so in its place. A single part that cannot be answered makes the whole answer a refusal.
    const parts = questionParts(question, ctx, lang);
    const metas = await data.seriesMap();
    const w = new AnswerWriter(lang, (id) => metas.get(id));
    const answered: Plan[] = [];
    const corrections: Correction[] = [];
    const declined: Array<{ text: string; why: NotUnderstood }> = [];
    for (const part of parts) {
      const u = part.understood;
      if (!u.ok) {
        declined.push({ text: part.text, why: u.why });
        continue;
      }
      const before = w.paragraphs.length;
      try {
        await execute({ data, w, plan: u.plan });
        answered.push(u.plan);
        for (const c of u.plan.corrections ?? []) if (!corrections.some((x) => x.from === c.from)) corrections.push(c);
      } catch (err) {
        if (!isNoAnswer(err)) throw err;
        w.paragraphs.splice(before);
        const reason = (err as FinciteError).messages ?? { zh: '数据无法回答这个问题。', en: 'The data cannot answer this question.' };
        declined.push({ text: part.text, why: { lang, kind: 'unsupported', subjects: u.plan.subjects, reason } });
      }
    }
    if (!answered.length) return unanswerable(question, declined[0]!.why, names);
    const line = understoodLine(answered, ctx.series, lang, corrections);
    if (parts.length > 1) {
      for (const d of declined) w.say(`问题中“${d.text}”这一部分无法回答:${d.why.reason.zh}`, `The part "${d.text}" cannot be answered: ${d.why.reason.en}`);
    }
    const body = [`*${line}*`, ...w.paragraphs].join('\n\n');
    const a = composeAnswer({ question, lang, w, metas, body, verification: verifyBody(body, w, metas, lang, question), engine: 'deterministic' });
    return { ...a, understood: line };
  }
}

function isNoAnswer(err: unknown): boolean {
  return err instanceof NoAnswerError || err instanceof DateOutOfRangeError || A.isNoDataError(err) || err instanceof A.UndefinedResultError || err instanceof A.InvalidArgumentError || err instanceof A.UnitMismatchError;
}
