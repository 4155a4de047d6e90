// Conversations (issue 12): a follow-up that omits the subject, the measure or the period inherits it from the
// previous turn, says so in its "understood as" line and in `answer.context`, and is answered exactly as the
// standalone question it stands for; a complete new question in the same conversation inherits nothing. Also:
// the answer's language is the question's main language, broad "how is X" questions get the research planner
// (inflation: CPI, core CPI, PCE, core PCE and the 2 percent goal quoted from an FOMC statement), and every
// answer numbers its sources densely in reading order and lists each number with the fact that supports it.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.ts';
import { detectLanguage } from '../../src/engine/understand/lang.ts';
import { useSnapshotEngine } from '../helpers/engine.ts';
import { communications, fred } from './questions/raw.ts';

const TODAY = '2026-11-24';

/** The series ids an answer's facts were computed from. */
const seriesOf = (a: Answer) => new Set(a.facts.flatMap((f) => [f.seriesId, ...f.inputs.map((i) => i.seriesId)]).filter(Boolean));

/** Sources cited by the text, in reading order, first appearances only. */
function citedOrder(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\[(\d+)\]/g)) if (!out.includes(Number(m[1]))) out.push(Number(m[1]));
  return out;
}

describe('follow-up questions inherit what they omit', () => {
  const engine = useSnapshotEngine(TODAY);

  async function converse(turns: string[]): Promise<Answer[]> {
    const out: Answer[] = [];
    for (let i = 0; i < turns.length; i++) out.push(await engine().ask(turns[i]!, { history: turns.slice(0, i) }));
    return out;
  }

  it('三轮中文追问: 总资产 → 那MBS呢 → 去年呢 → 和2019年比呢', async () => {
    const [a1, a2, a3, a4] = await converse(['美联储总资产现在多少?', '那MBS呢?', '去年呢?', '和2019年比呢?']);
    expect(seriesOf(a1!)).toEqual(new Set(['WALCL']));
    // the subject changes, the rest (latest value) stays
    expect(seriesOf(a2!)).toEqual(new Set(['WSHOMCB']));
    expect(a2!.unanswerable).toBeUndefined();
    // the period changes, the subject (MBS) is inherited and said so
    expect(seriesOf(a3!)).toEqual(new Set(['WSHOMCB']));
    expect(a3!.context?.inherited).toContain('subject');
    expect(a3!.understood).toMatch(/承接上一问.*主体/);
    expect(a3!.facts.every((f) => (f.period?.from ?? f.asOf) >= '2025-01-01' && f.asOf <= '2025-12-31')).toBe(true);
    // the previous period (2025) is compared with 2019, for MBS
    expect(seriesOf(a4!)).toEqual(new Set(['WSHOMCB']));
    expect(a4!.context?.inherited).toEqual(expect.arrayContaining(['subject', 'time']));
    const periods = a4!.facts.flatMap((f) => (f.period ? [f.period.from.slice(0, 4), f.period.to.slice(0, 4)] : []));
    expect(periods).toEqual(expect.arrayContaining(['2019', '2025']));
    for (const a of [a1, a2, a3, a4]) expect(a!.verification.unsupported).toEqual([]);
  });

  it('the same conversation in English', async () => {
    const [, a2, a3, a4] = await converse(["What is the Fed's total assets now?", 'What about MBS?', 'And last year?', 'Compared with 2019?']);
    expect(seriesOf(a2!)).toEqual(new Set(['WSHOMCB']));
    expect(seriesOf(a3!)).toEqual(new Set(['WSHOMCB']));
    expect(a3!.understood).toMatch(/follow-up: subject/);
    expect(a3!.language).toBe('en');
    expect(seriesOf(a4!)).toEqual(new Set(['WSHOMCB']));
    expect(a4!.context?.inherited).toEqual(expect.arrayContaining(['subject', 'time']));
  });

  it('a follow-up answers exactly as its standalone question', async () => {
    const answers = await converse(['苹果去年营收多少?', '微软呢?', '净利润呢?']);
    for (const a of answers.slice(1)) {
      const alone = await engine().ask(a.context!.standalone);
      expect(a.facts.map((f) => [f.id, f.value])).toEqual(alone.facts.map((f) => [f.id, f.value]));
    }
    expect(answers[1]!.facts.some((f) => f.id.startsWith('MSFT:') && /Revenue/i.test(f.id))).toBe(true);
    expect(answers[2]!.facts.some((f) => f.id.startsWith('MSFT:') && /Net Income/i.test(f.id))).toBe(true);
    expect(answers[2]!.context!.inherited).toEqual(expect.arrayContaining(['subject', 'time']));
  });

  it('a changed maturity keeps the measure and the window: 10年期波动率 → 2年期呢?', async () => {
    const [a1, a2] = await converse(['10年期美债收益率过去一年的波动率', '2年期呢?']);
    expect(seriesOf(a1!)).toEqual(new Set(['DGS10']));
    expect(seriesOf(a2!)).toEqual(new Set(['DGS2']));
    expect(a2!.facts.map((f) => f.method)).toEqual(a1!.facts.map((f) => f.method));
    expect(a2!.context!.inherited).toEqual(expect.arrayContaining(['time', 'measure']));
  });

  it('a place changes the subject to its counterpart: 10年期美债 → 那日本呢?', async () => {
    const [, a2] = await converse(['10年期美债收益率是多少?', '那日本呢?']);
    const ids = [...seriesOf(a2!)];
    expect(ids.length).toBe(1);
    expect(ids[0]).toMatch(/JP/);
  });

  it('a complete new question inherits nothing, and a why-question with its own topic stands alone', async () => {
    const [, a2] = await converse(['苹果去年营收多少?', '10年期美债收益率是多少?']);
    expect(a2!.context).toBeUndefined();
    expect(seriesOf(a2!)).toEqual(new Set(['DGS10']));
    const direct = await engine().ask('10年期美债收益率是多少?');
    expect(a2!.facts.map((f) => f.value)).toEqual(direct.facts.map((f) => f.value));
    const [, w] = await converse(['美联储总资产现在多少?', '为什么缩表?']);
    expect(w!.context).toBeUndefined();
  });

  it('a forecast stays refused inside a conversation', async () => {
    const [, a2] = await converse(['美联储总资产现在多少?', '明年呢?会降到多少?']);
    expect(a2!.unanswerable).toBeDefined();
    expect(a2!.facts).toEqual([]);
  });
});

describe('the answer language is the question’s main language', () => {
  it.each([
    ['What is 沪深300 now?', 'en'],
    ['苹果 revenue 是多少?', 'zh'],
    ['Apple 营收是多少', 'zh'],
    ['nvidia的市值', 'zh'],
    ['美联储 balance sheet 现在多大?', 'zh'],
    ['How much did 美联储总资产 fall since 2022?', 'en'],
    ['CPI同比', 'zh'],
    ['What is the latest CPI?', 'en'],
  ])('%s → %s', (q, lang) => {
    expect(detectLanguage(q)).toBe(lang);
  });
});

describe('broad "how is X" questions and citations', () => {
  const engine = useSnapshotEngine(TODAY);

  it('现在美国通胀怎么样? quotes CPI, core CPI, PCE, core PCE and the goal the FOMC states', async () => {
    for (const q of ['现在美国通胀怎么样?', 'How is US inflation now?']) {
      const a = await engine().ask(q);
      expect(a.unanswerable).toBeUndefined();
      const ids = seriesOf(a);
      for (const id of ['CPIAUCSL', 'CPILFESL', 'PCEPI', 'PCEPILFE']) expect(ids.has(id)).toBe(true);
      expect(a.verification.unsupported).toEqual([]);
      // the goal comes from a stored statement that says it, quoted verbatim and cited
      const goal = a.facts.find((f) => f.id.includes('gap-to-goal'));
      expect(goal).toBeDefined();
      const doc = a.sources.find((s) => s.kind === 'document' && s.quote?.includes('2 percent over the longer run'));
      expect(doc).toBeDefined();
      const stmt = communications().find((c) => c.date === doc!.date && /statement/i.test(c.kind + ' ' + c.title) && c.body.includes('inflation at the rate of 2 percent over the longer run'));
      expect(stmt, `a statement of ${doc!.date} in the raw communications file says it`).toBeDefined();
      // the distance from the goal: the latest PCE year-over-year rate, recomputed from the raw file, minus 2
      const raw = fred('PCEPI');
      expect(goal!.value).toBeCloseTo(raw.yoy(raw.last().date) - 2, 6);
    }
  });

  it('sources are numbered densely in reading order and every number names its fact', async () => {
    for (const q of ['现在美国通胀怎么样?', '2022年6月以来美联储总资产减少了多少?', '苹果和微软去年营收对比']) {
      const a = await engine().ask(q);
      const order = citedOrder(a.text);
      expect(order).toEqual(order.map((_, i) => i + 1));
      expect(a.sources.map((s) => s.n)).toEqual(a.sources.map((_, i) => i + 1));
      for (const f of a.facts) for (const n of f.sourceIds) expect(a.sources.some((s) => s.n === n)).toBe(true);
      // each listed number is written in the text, in this order, and its facts exist
      let at = 0;
      for (const n of a.numbers ?? []) {
        const i = a.text.indexOf(n.text, at);
        expect(i, `${n.text} after offset ${at}`).toBeGreaterThanOrEqual(0);
        at = i + n.text.length;
        for (const id of n.factIds) expect(a.facts.some((f) => f.id === id)).toBe(true);
        if (n.kind === 'fact') expect(n.factIds.length).toBe(1);
      }
      expect((a.numbers ?? []).length).toBeGreaterThan(0);
    }
  });
});
