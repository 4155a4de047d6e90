// Follow-up questions in a conversation. "美联储总资产现在多少?" then "那MBS呢?" / "去年呢?" / "和2019年比呢?": a
// follow-up that omits the subject, the measure or the period takes it from the previous turn. The previous turn
// is itself read in the light of the one before it, so a chain of follow-ups keeps its subject. The result is a
// standalone question the one parser reads, so every engine mode (and the LLM's planner) sees the same question.
import type { AnswerContext } from '../../core/answer.ts';
import { detectFundamental } from './fundamentals.ts';
import { normalizeQuestion, type UnderstandContext } from './index.ts';
import { asksComparison, asksDocuments, detectMeasure, detectRefusal } from './measure.ts';
import { parseTime } from './time.ts';
import { asksResearch } from '../research/answer.ts';
import { resolveResearch } from '../research/resolve.ts';

/** A question taken apart: its subject names, its time expressions and the words that say what is asked. */
interface Anatomy {
  text: string;
  /** The stretch from the first to the last name of a series or company ("苹果和微软"), or null. */
  subject: string | null;
  times: string[];
  /** What is left once names, times, follow-up markers and fillers are removed ("营收多少", "volatility"). */
  rest: string;
  /** The rest says what is computed (a measure, a statement item, a comparison) rather than only "how much". */
  measured: boolean;
  /** Marked as a follow-up: 呢 at the end, 那/那么/还有 at the start, "what about", "and …?". */
  marked: boolean;
}

const MARK_END = /(?:呢|的呢|呀)\s*[?？!！。.]*\s*$/;
const MARK_START = /^\s*(?:那么?|还有|再看看?|换成|如果是|改成|同样地?|那要是)|^\s*(?:and|what about|how about|same for|then|now for|and for|what of)\b/i;
/** Words of a question that carry no subject, period or measure. */
const FILLER = /(?:那么?|还有|再看看?|换成|如果是|改成|同样地?|呢|呀|吗|嘛|的|是|多少|怎么样|如何|现在|目前|最新|请问|告诉我|一下|看看|[?？!！。.,，、:：\s]|\b(?:and|what|about|how|same|for|then|now|of|is|are|was|were|the|a|an|it|its|that|this|those|these|please|tell|me|show|much|many|did|do|does|has|have|latest|current|currently|today|value|level)\b)/gi;

function anatomy(text: string, ctx: UnderstandContext): Anatomy {
  const q = normalizeQuestion(text);
  const time = parseTime(q, ctx.today);
  const timeSpans = time.matches.map((m) => [m.start, m.end] as [number, number]);
  const found = ctx.index.find(q, timeSpans);
  let rest = q;
  const blank = (a: number, b: number) => (rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b));
  for (const [a, b] of timeSpans) blank(a, b);
  for (const f of found) blank(f.start, f.end);
  const subject = found.length ? q.slice(Math.min(...found.map((f) => f.start)), Math.max(...found.map((f) => f.end))) : null;
  const restWords = rest.replace(MARK_START, ' ').replace(MARK_END, ' ').trim();
  const measure = detectMeasure(restWords);
  const measured = Boolean((measure && measure !== 'level') || detectFundamental(restWords) || asksComparison(restWords) || asksDocuments(restWords));
  return {
    text: q,
    subject,
    times: time.matches.map((m) => q.slice(m.start, m.end)),
    rest: restWords.replace(/\s+/g, ' ').trim(),
    measured,
    marked: MARK_END.test(q) || MARK_START.test(q),
  };
}

/** Words that make a question complete on its own ("…是多少?", "what is …"). */
const ASKS = /多少|几|什么|哪|吗|\b(?:what|how|which|when|who|is|are|was|were|did|does)\b/i;
const COMPARE = /比|相比|对比|compared?|versus|\bvs\.?/i;
const TENOR = /(\d{1,2})\s*(?:年期|个月期|年|个月|-?\s*years?|-?\s*months?)(?![\u3400-\u9fff]*以来)/i;

/**
 * The previous subject changed by the follow-up's own words: a maturity put in place of the previous one
 * ("2年期呢?" → 2年期美债收益率), or a qualifier before or after it ("核心的呢?" → 核心CPI) — accepted only when the
 * result is one catalog name, different from the previous one, that takes the whole new text.
 */
function changedSubject(previous: string, cur: Anatomy, ctx: UnderstandContext): { subject: string; used: string } | null {
  const words = cur.rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  if (!words) return null;
  const before = ctx.index.find(previous, []);
  const prevIds = new Set(before.map((f) => f.subject.seriesId));
  const whole = (text: string) => {
    const found = ctx.index.find(normalizeQuestion(text), []);
    return found.length === 1 && !prevIds.has(found[0]!.subject.seriesId) && found[0]!.end - found[0]!.start >= text.length - 2;
  };
  const tenor = TENOR.exec(words);
  const prevTenor = TENOR.exec(previous);
  if (tenor && prevTenor) {
    const replaced = previous.replace(prevTenor[0], prevTenor[0].replace(prevTenor[1]!, tenor[1]!));
    if (whole(replaced)) return { subject: replaced, used: tenor[0] };
  }
  for (const w of words.split(' ')) {
    for (const cand of /[\u3400-\u9fff]/.test(w + previous) ? [`${w}${previous}`, `${previous}${w}`] : [`${w} ${previous}`, `${previous} ${w}`]) {
      if (whole(cand)) return { subject: cand, used: w };
    }
  }
  return null;
}

/** Nothing but fillers and markers is left once names and times are taken out ("核心PCE?", "MBS呢"). */
const bare = (a: Anatomy) => !a.rest.replace(FILLER, '').trim();

export interface FollowUp extends AnswerContext {}

/**
 * The question as it stands in the conversation: itself when it stands alone, else a standalone question made of
 * its own words and what it leaves out, taken from the previous turn (read the same way). Null when it stands alone.
 */
export function resolveFollowUp(question: string, history: readonly string[], ctx: UnderstandContext, lang: 'zh' | 'en'): FollowUp | null {
  const turns = history.filter((h) => typeof h === 'string' && h.trim()).slice(-10);
  if (!turns.length) return null;
  // the previous turn as it was read (itself a follow-up, maybe)
  let previous = turns[0]!;
  for (const h of turns.slice(1)) previous = resolveOne(h, previous, ctx, lang)?.standalone ?? h;
  return resolveOne(question, previous, ctx, lang);
}

function resolveOne(question: string, previous: string, ctx: UnderstandContext, lang: 'zh' | 'en'): FollowUp | null {
  const cur = anatomy(question, ctx);
  const prev = anatomy(previous, ctx);
  // a forecast or advice question is answered (refused) as asked; so is a question with a subject of its own
  // that is neither marked as a follow-up nor bare
  if (detectRefusal(cur.text)) return null;
  // a why/how question that names a topic of its own ("为什么缩表?") is researched as asked
  if (asksResearch(cur.text) && resolveResearch(cur.text, []).ok) return null;
  if (!prev.subject) return null;
  const needsSubject = !cur.subject;
  // a name alone ("核心PCE?") continues the conversation; "X是多少?" is a question of its own
  if (!needsSubject && !cur.marked && (!bare(cur) || ASKS.test(cur.text))) return null;
  // a question without a name that asks something complete of its own (上次加息是什么时候) stands alone
  if (needsSubject && !cur.marked && !bare(cur) && !cur.times.length && !cur.measured) return null;

  const inherited: FollowUp['inherited'] = [];
  const parts: string[] = [];
  let own = cur.text.replace(MARK_START, '').replace(MARK_END, '').replace(/[?？。.!！\s]+$/, '').trim();
  if (needsSubject) {
    // "2年期呢?" after the 10-year yield, "核心的呢?" after CPI: the follow-up's words change the previous subject
    const changed = changedSubject(prev.subject, cur, ctx);
    if (changed) {
      parts.push(changed.subject);
      own = own.replace(changed.used, '').trim();
    } else parts.push(prev.subject);
    inherited.push('subject');
  }
  // "和2019年比呢?": a comparison with a period keeps the previous turn's period as the other side, before it
  const comparesPeriods = cur.times.length > 0 && (asksComparison(cur.rest) || COMPARE.test(cur.rest));
  if (comparesPeriods && prev.times.length) {
    parts.push(...prev.times);
    inherited.push('time');
  }
  // "和2019年比呢?" after a question about the latest value: the change from then to the latest observation
  if (comparesPeriods && !prev.times.length) own = lang === 'zh' ? `${cur.times[0]}以来变化了多少` : `change since ${cur.times[0]}`;
  if (own) parts.push(own);
  if (!cur.times.length && prev.times.length) {
    parts.push(...prev.times);
    inherited.push('time');
  }
  const prevMeasure = prev.measured ? prev.rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim() : '';
  if (!cur.measured && prevMeasure) {
    parts.push(prevMeasure);
    inherited.push('measure');
  }
  // the question word the parser reads as "how much" when nothing else says what to compute
  if (!cur.measured && !prevMeasure && !asksResearch(cur.text)) parts.push(lang === 'zh' ? '是多少' : 'value');
  if (!inherited.length) return null;
  const zh = lang === 'zh' || /[\u3400-\u9fff]/.test(parts.join(''));
  let standalone = parts.map((p) => p.trim()).filter(Boolean).join(zh ? '' : ' ');
  if (zh && !/[?？]$/.test(standalone)) standalone += '?';
  if (!zh && !/\?$/.test(standalone)) standalone += '?';
  return { standalone, inherited, previous };
}
