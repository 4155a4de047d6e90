// LLM mode works from the research planner's evidence plan (issue 11, item 6): a scripted model, spoken to through the
// real provider code (AI SDK, openai-compatible chat completions on loopback, as in llm.test.ts), calls research_topic
// and writes the four parts from the handles it returns. The answer's facts are the plan's facts and every number
// verifies; quotes are rendered by the system with exactly who said them and cited as documents; a number the plan
// does not carry is stripped; a minutes quote attributed to "the FOMC", or quoted words that are not verbatim, lose
// that attribution or those words to the marker; a subject held only for another place is declined by the tool.
//
// Expectations from the raw file (/work/shared/data/fred-snapshot/WALCL.csv): QT2 is 2022-06-01 to 2025-11-30
// (src/knowledge/periods.ts); WALCL on 2022-06-01 is 8,915,050 and on 2025-11-26 (the last Wednesday on or before
// 2025-11-30) 6,552,419 (millions of USD) → "$8.92 trillion", "$6.55 trillion", (6,552,419 / 8,915,050 − 1) × 100 =
// −26.50 %.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.ts';
import { createEngine } from '../../src/engine/index.ts';
import type { LlmConfig } from '../../src/engine/llm/config.ts';
import { renderHandles } from '../../src/engine/llm/handles.ts';
import { Ledger } from '../../src/engine/tools.ts';
import { AnswerWriter } from '../../src/engine/writer.ts';
import type { Quote } from '../../src/knowledge/quotes.ts';
import type { Database } from '../../src/store/db.ts';
import { startScriptedLlm, textOf, toolResults, type ChatRequest, type Script, type ScriptedLlm } from '../fixtures/scripted-llm.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';

interface PlanFact {
  handle: string;
  what: string;
  reads: string;
  as_of: string;
  period: { from: string; to: string } | null;
}
interface PlanStory {
  subject: { zh: string; en: string };
  role: string;
  series_ids: string[];
  facts: PlanFact[];
}
interface PlanQuote {
  handle: string;
  placeholder: string;
  who: { zh: string; en: string };
  kind: string;
  date: string;
  url: string;
  text: string;
}
interface Plan {
  status: string;
  topic: { id: string } | null;
  period: { from: string; to: string } | null;
  reason: { zh: string; en: string } | null;
  stories: PlanStory[];
  quotes: PlanQuote[];
  cannot_tell: Array<{ zh: string; en: string }>;
}

const walcl = new Map(
  readFileSync(path.join(snapshotRoot, 'fred-snapshot/WALCL.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .map(([d, v]) => [d!, Number(v)] as const),
);

const QUESTION = 'Why did the Fed end QT?';

let db: Database;
let llm: ScriptedLlm | null = null;

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
}, 120_000);
afterEach(async () => {
  await llm?.close();
  llm = null;
});
afterAll(async () => db?.close());

function config(): LlmConfig {
  return { provider: 'openai-compatible', model: 'scripted-research', baseURL: llm!.baseURL, apiKey: 'sk-test-not-a-real-key', maxSteps: 6, maxRetries: 0, timeoutMs: 60_000 };
}

async function ask(script: Script, question: string): Promise<Answer> {
  llm = await startScriptedLlm(script);
  return createEngine({ db, today: '2026-11-24', llm: config() }).ask(question);
}

/** The research_topic result the model was sent. */
function planOf(req: ChatRequest): Plan {
  const plan = toolResults(req).find((r) => 'stories' in r);
  if (!plan) throw new Error('no research_topic result in the conversation');
  return plan as unknown as Plan;
}

function story(plan: Plan, seriesId: string): PlanStory {
  const s = plan.stories.find((x) => x.series_ids.length === 1 && x.series_ids[0] === seriesId);
  if (!s) throw new Error(`no story of ${seriesId}`);
  return s;
}

function fact(s: PlanStory, what: string): PlanFact {
  const f = s.facts.find((x) => x.what === what);
  if (!f) throw new Error(`no "${what}" fact in the story of ${s.series_ids.join('/')}`);
  return f;
}

/** A minutes quote, of a group of participants when the plan has one. */
function minutesQuote(plan: Plan): PlanQuote {
  const minutes = plan.quotes.filter((x) => x.kind === 'minutes');
  const q = minutes.find((x) => /participants|members/i.test(x.who.en)) ?? minutes[0];
  if (!q) throw new Error(`no minutes quote among ${JSON.stringify(plan.quotes.map((x) => `${x.kind}: ${x.who.en}`))}`);
  return q;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The four parts from the plan's handles: QT2's start, end and change of WALCL; every quote; a relation; the limits. */
function fourParts(plan: Plan, extra = ''): string {
  const w = story(plan, 'WALCL');
  const focus = plan.period!;
  const start = fact(w, `start of QT2 (balance-sheet runoff, 2022–2025)`);
  const end = fact(w, `end of QT2 (balance-sheet runoff, 2022–2025)`);
  const change = fact(w, `change over QT2 (balance-sheet runoff, 2022–2025)`);
  expect(focus).toMatchObject({ from: '2022-06-01', to: '2025-11-30' });
  const rel = plan.stories.find((s) => s.role === 'relation')!;
  return [
    '**What happened**',
    `The Fed balance sheet went from {{${start.handle}}} on {{${start.handle}.asOf}} to {{${end.handle}}} on {{${end.handle}.asOf}}, a change of {{${change.handle}}}.${extra}`,
    '**What officials said**',
    ...plan.quotes.map((q) => `- ${q.placeholder}`),
    '**What the data show about the mechanism**',
    `${rel.subject.en} averaged {{${fact(rel, rel.facts[1]!.what).handle}}} over the window.`,
    '**What the data cannot tell**',
    `- ${plan.cannot_tell[0]!.en}`,
  ].join('\n\n');
}

describe('LLM mode from the research plan', () => {
  it('the model calls research_topic and writes the four parts from its handles: facts are the plan\'s, every number verifies, quotes are cited documents', async () => {
    let plan: Plan | undefined;
    const a = await ask((req, i) => {
      if (i === 0) return { toolCalls: [{ name: 'research_topic', args: { question: QUESTION } }] };
      plan = planOf(req);
      return { content: fourParts(plan) };
    }, QUESTION);
    // the model was given the tool and told to call it first for a why question
    const first = llm!.requests[0]!;
    expect(first.tools!.map((t) => t.function.name)).toContain('research_topic');
    expect(textOf(first.messages[0]!)).toContain('call research_topic with the question first');
    expect(plan!.status).toBe('planned');
    expect(plan!.topic!.id).toBe('fed_balance_sheet');

    // hand computation from the raw file (see the header)
    const start = walcl.get('2022-06-01')!;
    const end = walcl.get('2025-11-26')!;
    expect([start, end]).toEqual([8915050, 6552419]);
    expect(((end / start - 1) * 100).toFixed(2)).toBe('-26.50');
    expect(a.text).toContain('The Fed balance sheet went from $8.92 trillion[1] on 2022-06-01 to $6.55 trillion[1] on 2025-11-26, a change of -26.5%[1].');
    const byValue = (v: number) => a.facts.find((f) => f.seriesId === 'WALCL' && Math.abs(f.value - v) < 1e-9);
    expect(byValue(start)).toBeDefined();
    expect(byValue(end)).toBeDefined();
    expect(byValue((end / start - 1) * 100)?.method).toBe('percent_change');
    // the answer's facts are the plan's facts the text cites (a plan's uncited facts are not evidence): WALCL's three
    // and the relation's average, which rests on SOFR and IORB
    expect(a.facts.length).toBe(4);
    const rel = plan!.stories.find((s) => s.role === 'relation')!;
    expect(a.facts.map((f) => [...new Set(f.inputs.map((i) => i.seriesId))].sort().join('+')).sort()).toEqual(['WALCL', 'WALCL', 'WALCL', [...rel.series_ids].sort().join('+')].sort());
    expect(a.facts.every((f) => f.sourceIds.length > 0)).toBe(true);
    // every number and date verifies
    expect(a.verification.unsupported).toEqual([]);
    expect(a.verification.supported).toBe(a.verification.numbers);
    expect(a.usage!.repaired).toBeUndefined();

    // each quote: rendered by the system with its own attribution, verbatim from the stored document, cited as a document
    expect(plan!.quotes.length).toBeGreaterThan(0);
    for (const q of plan!.quotes) {
      expect(a.text).toContain(`“${q.text}”`);
      const docs = await db.query<{ body: string }>('SELECT body FROM documents WHERE url = $1', [q.url]);
      expect(docs.some((d) => d.body.includes(q.text))).toBe(true);
      const src = a.sources.find((s) => s.kind === 'document' && s.url === q.url)!;
      expect(src).toBeDefined();
      expect(a.text).toContain(`“${q.text}” [${src.n}]`);
    }
    // minutes are the minutes' words, or a group's within them, dated by the meeting; never the FOMC's
    for (const q of plan!.quotes.filter((x) => x.kind === 'minutes')) {
      const who = q.who.en === 'the FOMC minutes' ? '' : `, ${escapeRe(q.who.en)}[^:]*`;
      expect(a.text).toMatch(new RegExp(`According to the minutes of the [^:]+ meeting${who}: “${escapeRe(q.text.slice(0, 30))}`));
    }
  });

  // (no derivation of the cited facts gives 28.1 %: 6,552,419 / 8,915,050 = 73.5 %, the decline 2,362,631 is 26.5 % of
  // the start and 36.1 % of the end; a looser "about 40%" would be read as that 36.1 % by the verifier)
  it('a number the plan does not carry is stripped (after one repair round), the plan\'s numbers stay', async () => {
    const a = await ask((req, i) => {
      if (i === 0) return { toolCalls: [{ name: 'research_topic', args: { question: QUESTION } }] };
      // the model repeats the invented figure when asked to repair
      return { content: fourParts(planOf(req), ' MBS holdings made up 28.1% of that decline.') };
    }, QUESTION);
    expect(a.usage!.repaired).toBeGreaterThan(0);
    expect(a.text).not.toContain('28.1');
    expect(a.verification.unsupported.map((u) => u.text)).toContain('28.1%');
    expect(a.text).toContain('a change of -26.5%[1]');
    expect(a.text).toContain('[unverified]');
  });

  it('a minutes quote attributed to the FOMC loses the attribution to the marker; retyped words that are not verbatim are removed', async () => {
    let group: PlanQuote | undefined;
    const a = await ask((req, i) => {
      if (i === 0) return { toolCalls: [{ name: 'research_topic', args: { question: QUESTION } }] };
      group = minutesQuote(planOf(req));
      const altered = group.text.replace(/\bthe\b/, 'a');
      return {
        content: [
          `The FOMC said: ${group.placeholder}`,
          `According to the FOMC, the runoff had to slow [${group.handle}].`,
          // the quote's own attribution, word for word (a group of participants, or the minutes)
          `${capitalise(group.who.en)} discussed money markets [${group.handle}].`,
          `The minutes record: “${altered}” [${group.handle}]`,
        ].join('\n\n'),
      };
    }, QUESTION);
    // the repair request named the misattribution and the altered quote; the scripted model repeated them
    const repair = textOf(llm!.requests[2]!.messages.at(-1)!);
    expect(repair).toContain(`attributed to "The FOMC", but ${group!.handle} quotes ${group!.who.en}`);
    expect(repair).toContain('not found verbatim');
    expect(a.text).not.toMatch(/The FOMC said|According to the FOMC/);
    expect(a.text).toContain('[unverified] said: According to the minutes of the');
    expect(a.text).toContain('According to [unverified], the runoff had to slow');
    // the exact attribution is kept
    expect(a.text).toContain(`${capitalise(group!.who.en)} discussed money markets`);
    // the system's own rendering is verbatim; the altered copy is gone
    expect(a.text).toContain(`“${group!.text}”`);
    expect(a.text).toContain('The minutes record: [unverified]');
    const texts = a.verification.unsupported.map((u) => u.text);
    expect(texts).toEqual(expect.arrayContaining(['The FOMC', 'the FOMC']));
    expect(a.verification.supported).toBeLessThan(a.verification.numbers);
  });

  it('a subject held only for another place is declined by the tool: no plan, no facts', async () => {
    let plan: Plan | undefined;
    const a = await ask((req, i) => {
      if (i === 0) return { toolCalls: [{ name: 'research_topic', args: { question: '日本通胀为什么这么高?' } }] };
      plan = planOf(req);
      return { content: plan.reason!.zh };
    }, '日本通胀为什么这么高?');
    expect(plan!.status).toBe('declined');
    expect(plan!.stories).toEqual([]);
    expect(plan!.reason!.zh).toContain('数据库中没有日本的');
    expect(a.facts).toEqual([]);
    expect(a.text).toContain('有据不会用其他地方的数据代替回答');
  });
});

describe('quote attribution in model text (no database)', () => {
  // a hand-made minutes quote: the check reads only its attribution and words
  const quote: Quote = {
    documentId: 'minutes-test',
    title: 'Minutes of the Federal Open Market Committee',
    url: 'https://example.org/minutes',
    date: '2024-05-01',
    publisher: 'Federal Reserve Board',
    position: 0,
    quote: 'Several participants noted that reserves remained abundant.',
    passage: 'Several participants noted that reserves remained abundant. Others disagreed.',
    score: 1,
    kind: 'minutes',
    who: { zh: '几位与会者', en: 'several participants' },
    verb: { zh: '指出', en: 'noted' },
    meeting: { start: '2024-04-30', end: '2024-05-01' },
  };
  const render = (text: string, lang: 'zh' | 'en') => {
    const ledger = new Ledger();
    const h = ledger.addDoc({ id: quote.documentId, title: quote.title, url: quote.url, date: quote.date, quote: quote.passage }, quote);
    return renderHandles(text.replaceAll('D#', h), ledger, new AnswerWriter(lang, () => undefined));
  };

  it('Chinese: 美联储/FOMC表示 is removed, 几位与会者指出 and the system rendering are kept', () => {
    const bad = render('FOMC表示：{{D#.quote}}\n据美联储，准备金仍然充裕[D#]。', 'zh');
    expect(bad.text).toBe('[未经核实]表示：2024年4月30日至5月1日FOMC会议纪要显示，几位与会者指出：“Several participants noted that reserves remained abundant.”[1]\n据[未经核实]，准备金仍然充裕[1]。');
    expect(bad.misquoted.map((m) => m.text)).toEqual(['FOMC', '美联储']);
    const good = render('几位与会者指出准备金仍然充裕[D#]。FOMC会议纪要显示：{{D#.quote}}', 'zh');
    expect(good.misquoted).toEqual([]);
  });

  it('English: "most participants" is not "several participants"; a sentence without a quote handle is not checked', () => {
    expect(render('Most participants noted that reserves remained abundant [D#].', 'en').misquoted.map((m) => m.text)).toEqual(['participants']);
    expect(render('Several participants noted that reserves remained abundant [D#].', 'en').misquoted).toEqual([]);
    expect(render('The FOMC said it would slow runoff.', 'en').misquoted).toEqual([]);
  });
});
