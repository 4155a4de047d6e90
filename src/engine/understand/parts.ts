// Questions of several parts: "X是多少?过去一年变化多少?", "X, and how has it changed since 2022?", "X和Y分别是多少".
// The text is split at sentence ends, at joining phrases (以及/另外/and how …) and at commas between two question
// clauses; a part that names no subject takes the previous part's ("…过去一年涨了多少" → about the same stock). A
// split is kept only when every part is understood (or declined for a reason of its own); otherwise the question
// is read whole, as before. Several subjects asked "each" (分别/respectively) become one part per subject.
import { normalizeQuestion, understand, type UnderstandContext, type Understood } from './index.ts';

export interface QuestionPart {
  text: string;
  understood: Understood;
}

const QUESTION_CUE = /多少|几[次个年月天]?|什么|何时|哪|怎么|如何|是否|吗|呢|\b(?:how|what|when|which|who|why|is|was|were|did|does|has|have|had)\b/i;
const EACH = /分别|各自|各是|各为|各有|\brespectively\b|\beach\b/gi;

function splitText(question: string): string[] {
  const sentences = question.split(/(?<=[?？;；。!！])\s*/).map((s) => s.trim()).filter((s) => s.replace(/[?？;；。!！\s]/g, '').length >= 2);
  const out: string[] = [];
  for (const s of sentences) {
    const joined = s.split(/\s*[,，]?\s*(?:以及|另外|此外|并且|同时还?|还有)\s*|,?\s+(?:and|also|plus)\s+(?=(?:how|what|when|which|who|is|was|did|does|has|had)\b)/i).filter((x) => x.trim());
    for (const j of joined) {
      const commas = j.split(/\s*[,，]\s*/);
      if (commas.length >= 2 && commas.every((c) => QUESTION_CUE.test(c))) out.push(...commas);
      else out.push(j);
    }
  }
  return out.map((x) => x.trim()).filter(Boolean);
}

const signature = (u: Understood) => (u.ok ? JSON.stringify([u.plan.measure, u.plan.subjects.map((s) => s.seriesId), u.plan.time, u.plan.policy, u.plan.fundamental]) : `x:${u.why.reason.en}`);

export function questionParts(question: string, ctx: UnderstandContext, lang: 'zh' | 'en'): QuestionPart[] {
  const pieces = splitText(question);
  if (pieces.length >= 2) {
    const parts: QuestionPart[] = [];
    let previousSubject: string | undefined;
    let ok = true;
    for (const piece of pieces) {
      let u = understand(piece, ctx, lang);
      if (!u.ok && u.why.kind === 'unknown_subject' && previousSubject) u = understand(`${previousSubject} ${piece}`, ctx, lang);
      if (!u.ok && (u.why.kind === 'unknown_subject' || u.why.kind === 'unsupported')) {
        ok = false;
        break;
      }
      parts.push({ text: piece, understood: u });
      if (u.ok && u.plan.subjects.length) previousSubject = u.plan.subjects[0]!.matched;
    }
    if (ok && new Set(parts.map((p) => signature(p.understood))).size >= 2 && parts.some((p) => p.understood.ok)) return parts;
  }
  // read whole only when no split was kept (a question of one part is parsed once)
  const whole = understand(question, ctx, lang);
  if (whole.ok && whole.plan.subjects.length >= 2 && EACH.test(question) && !['spread', 'ratio', 'correlation'].includes(whole.plan.measure)) {
    EACH.lastIndex = 0;
    const parts: QuestionPart[] = [];
    for (const keep of whole.plan.subjects) {
      let text = normalizeQuestion(question).replace(EACH, ' ');
      // matched names read hyphens as spaces ("2 year Treasury" for "2-year Treasury")
      for (const other of whole.plan.subjects) if (other !== keep) text = text.replace(new RegExp(other.matched.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]+'), 'i'), ' ');
      text = text.replace(/(?:^|\s)(?:和|与|跟|及|and|&)(?=\s|的|$)|^\s*(?:和|与|跟|及)|(?:和|与|跟|及)\s*(?=的)/g, ' ').replace(/\s+/g, ' ').trim();
      const u = understand(text, ctx, lang);
      if (!u.ok || u.plan.subjects.length !== 1) return [{ text: question, understood: whole }];
      parts.push({ text: keep.matched, understood: u });
    }
    return parts;
  }
  EACH.lastIndex = 0;
  return [{ text: question, understood: whole }];
}
