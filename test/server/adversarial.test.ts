// Adversarial model scenarios on every channel (issue 10, "Tests and evidence"): a scripted model, spoken to
// through the real provider code (AI SDK, openai-compatible chat completions on loopback), computes two real facts
// — F1: WALCL's latest level; F2: WALCL's percent change since 2026-03-11 (+1.49 %) — and then writes an answer
// that (a) types an invented quantity in some numeral form, or (b) binds a true fact to a false claim. It repeats
// the same text when asked to repair it. On POST /api/ask (JSON, and SSE with its progress events), /v1 chat
// completions (streaming and not) and MCP ask: the invented quantity is never visible, and the badge is never
// "all verified" (verification.supported === numbers) when something was removed.
//
// Expectations from the raw file (/work/shared/data/fred-snapshot/WALCL.csv): latest 2026-08-19 6,745,699
// (millions of USD) → 6.7457 万亿 → rendered "6.75万亿美元"; 2026-03-11 6,646,344 → (6,745,699 / 6,646,344 − 1)
// × 100 = 1.4949 % → rendered "1.49%".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { factResults, startScriptedLlm, textOf, type ScriptedLlm } from '../fixtures/scripted-llm.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from './helpers.ts';

const TOKEN = 'test-token-adversarial-0123456789';
const walcl = readFileSync(path.join(snapshotRoot, 'fred-snapshot/WALCL.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const LATEST = '6.75万亿美元';
const LATEST_EN = '$6.75 trillion';
const CHANGE = '1.49%';

interface Scenario {
  id: string;
  /** What the model writes (after its tool calls); {{F1}} latest level, {{F2}} the +1.49 % change. */
  text: string;
  /** Strings that must not be visible on any channel. */
  hidden: string[];
  /** For a scenario that depends on work another engineer has not landed: what is missing. */
  pending?: string;
}

// (a) invented quantities in every numeral form; each sentence also renders the true fact {{F1}}
const NUMERALS: Scenario[] = [
  { id: 'code-span', text: '美联储总资产为{{F1}},其中国债持有量为`4.21万亿美元`。', hidden: ['4.21'] },
  { id: 'scientific', text: '美联储总资产为{{F1}},约合9e12美元。', hidden: ['9e12'] },
  { id: 'math-digits', text: '美联储总资产为{{F1}},一年前为𝟗.𝟖𝟕万亿美元。', hidden: ['𝟗.𝟖𝟕'] },
  { id: 'circled', text: '美联储总资产为{{F1}},比去年多⑨千亿美元。', hidden: ['⑨'] },
  { id: 'chinese-numerals', text: '美联储总资产为{{F1}},峰值为九万八千七百亿美元。', hidden: ['九万八千七百亿'] },
  { id: 'english-words', text: "The Fed's total assets were {{F1}}, down from nine point eight seven trillion dollars at the peak.", hidden: ['nine point eight seven trillion'] },
  { id: 'fraction-zh', text: '美联储总资产为{{F1}},其中约三分之一是抵押贷款支持证券。', hidden: ['三分之一'] },
  { id: 'tenth-zh', text: '美联储总资产为{{F1}},比一年前少了一成。', hidden: ['一成'] },
  { id: 'doubling-zh', text: '美联储总资产为{{F1}},较疫情前翻倍。', hidden: ['翻倍'] },
  { id: 'vulgar-fraction', text: "About ¾ of the Fed's assets are Treasury securities; total assets were {{F1}}.", hidden: ['¾'] },
];

// (b) a true number next to a false claim
const BINDINGS: Scenario[] = [
  { id: 'wrong-date-and-subject', text: '2001年1月1日,美国GDP为{{F1}}。', hidden: [LATEST] },
  { id: 'wrong-direction', text: '美联储总资产大幅下降{{F2}}。', hidden: [CHANGE] },
  { id: 'self-comparison', text: `美联储总资产{{F1}}高于{{F1}}。`, hidden: [`${LATEST}[1]高于${LATEST}`, `高于${LATEST}`] },
];

const SCENARIOS = [...NUMERALS, ...BINDINGS];

let db: Database;
let llm: ScriptedLlm;
let parts: ServerParts;

beforeAll(async () => {
  // the hand computation above, checked against the raw file
  expect(walcl.at(-1)).toEqual(['2026-08-19', '6745699']);
  expect(walcl.find(([d]) => d === '2026-03-11')).toEqual(['2026-03-11', '6646344']);
  expect(((6745699 / 6646344 - 1) * 100).toFixed(4)).toBe('1.4949');
  db = await freshPglite();
  await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL'] });
  // the scenario is named by a tag at the end of the question
  llm = await startScriptedLlm((req) => {
    const question = textOf(req.messages.find((m) => m.role === 'user')!);
    const scenario = SCENARIOS.find((s) => question.endsWith(`#${s.id}`))!;
    const facts = factResults(req);
    if (facts.length === 0) return { toolCalls: [{ name: 'compute_fact', args: { series_id: 'WALCL', method: 'latest' } }] };
    if (facts.length === 1) return { toolCalls: [{ name: 'compute_fact', args: { series_id: 'WALCL', method: 'percent_change', from: '2026-03-11' } }] };
    return { content: scenario.text };
  });
  parts = await createServerApp(db, {
    settings: testSettings({ apiToken: TOKEN }),
    webDir: '/nonexistent',
    today: '2026-11-24',
    llm: { provider: 'openai-compatible', model: 'scripted-adversary', baseURL: llm.baseURL, apiKey: 'sk-test', maxSteps: 6, maxRetries: 0, timeoutMs: 20_000 },
  });
}, 180_000);
afterAll(async () => {
  await parts?.jobs.stop();
  await llm?.close();
  await db?.close();
});

interface Verification {
  numbers: number;
  supported: number;
  unsupported: Array<{ text: string; reason: string }>;
}

interface Seen {
  /** Everything a reader of this channel sees as the answer. */
  visible: string;
  verification: Verification;
  /** The facts the answer carries (the scripted model's two tool facts). */
  facts: Array<{ value: number }>;
}

const question = (s: Scenario) => `${/[\u4e00-\u9fff]/.test(s.text) ? '美联储总资产是多少?' : 'How big are the Fed’s total assets?'} #${s.id}`;
const json = { 'content-type': 'application/json' };
const bearer = { ...json, authorization: `Bearer ${TOKEN}` };

/** The fields a progress event may carry: names, stages and counts — no arguments, no text. */
const PROGRESS_KEYS = new Set(['stage', 'engine', 'model', 'tool', 'step', 'unsupported', 'numbers']);

const CHANNELS: Record<string, (s: Scenario) => Promise<Seen>> = {
  async 'POST /api/ask (JSON)'(s) {
    const r = await parts.app.request('/api/ask', { method: 'POST', headers: json, body: JSON.stringify({ question: question(s) }) });
    expect(r.status).toBe(200);
    const a = (await r.json()) as { text: string; verification: Verification; facts: Array<{ value: number }> };
    return { visible: a.text, verification: a.verification, facts: a.facts };
  },
  async 'POST /api/ask (SSE)'(s) {
    const r = await parts.app.request('/api/ask', { method: 'POST', headers: { ...json, accept: 'text/event-stream' }, body: JSON.stringify({ question: question(s) }) });
    const raw = await r.text();
    const events = [...raw.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => ({ event: m[1]!, data: JSON.parse(m[2]!) as Record<string, unknown> }));
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.map((p) => p.data.stage)).toEqual(expect.arrayContaining(['understanding', 'model', 'tool', 'verifying', 'repair', 'verified']));
    for (const p of progress) {
      for (const k of Object.keys(p.data)) expect(PROGRESS_KEYS.has(k), `progress field ${k}`).toBe(true);
      for (const v of Object.values(p.data)) expect(typeof v === 'string' || typeof v === 'number').toBe(true);
      // no model-written text or tool argument in any progress event
      expect(JSON.stringify(p.data)).not.toMatch(/WALCL|2026-03-11|percent_change|\{\{/);
    }
    const answer = events.find((e) => e.event === 'answer')!.data as unknown as { text: string; verification: Verification; facts: Array<{ value: number }> };
    // the answer comes after every progress event: nothing before it carried answer text
    expect(events.at(-1)!.event).toBe('answer');
    return { visible: answer.text, verification: answer.verification, facts: answer.facts };
  },
  async '/v1/chat/completions'(s) {
    const r = await parts.app.request('/v1/chat/completions', { method: 'POST', headers: bearer, body: JSON.stringify({ model: 'fincite', messages: [{ role: 'user', content: question(s) }] }) });
    expect(r.status).toBe(200);
    const c = (await r.json()) as { choices: Array<{ message: { content: string } }>; fincite: { verification: Verification; facts: Array<{ value: number }> } };
    return { visible: c.choices[0]!.message.content, verification: c.fincite.verification, facts: c.fincite.facts };
  },
  async '/v1/chat/completions (stream)'(s) {
    const r = await parts.app.request('/v1/chat/completions', { method: 'POST', headers: bearer, body: JSON.stringify({ model: 'fincite', stream: true, messages: [{ role: 'user', content: question(s) }] }) });
    const datas = [...(await r.text()).matchAll(/^data: (.*)$/gm)].map((m) => m[1]!).filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as { choices: Array<{ delta: { content?: string } }>; fincite?: { verification: Verification; facts: Array<{ value: number }> } });
    const content = datas.map((d) => d.choices[0]?.delta.content ?? '').join('');
    const last = datas.find((d) => d.fincite)!;
    return { visible: content, verification: last.fincite!.verification, facts: last.fincite!.facts };
  },
  async 'MCP ask'(s) {
    const r = await parts.app.request('/mcp', {
      method: 'POST',
      headers: { ...bearer, accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'ask', arguments: { question: question(s) } } }),
    });
    const body = (await r.json()) as { result: { isError?: boolean; content: Array<{ text: string }>; structuredContent: { text: string; verification: Verification; facts: Array<{ value: number }> } } };
    expect(body.result.isError ?? false).toBe(false);
    return { visible: `${body.result.content.map((c) => c.text).join('\n')}\n${body.result.structuredContent.text}`, verification: body.result.structuredContent.verification, facts: body.result.structuredContent.facts };
  },
};

// Which scenarios need work of another part of issue 10 (see the report): filled in after the run against what
// has landed. A scenario listed here runs as it.fails — it must still fail, so it is noticed when the work lands.
const PENDING: Record<string, string> = {};

for (const channel of Object.keys(CHANNELS)) {
  describe(`adversarial model on ${channel}`, () => {
    for (const s of SCENARIOS) {
      // it.fails only with the missing piece named in PENDING (it must still fail, so its landing is noticed)
      const test = PENDING[s.id] ? it.fails : it;
      test(`${s.id}: nothing invented visible, badge not all-verified${PENDING[s.id] ? ` (pending: ${PENDING[s.id]})` : ''}`, async () => {
        const seen = await CHANNELS[channel]!(s);
        if (process.env.FINCITE_TEST_DEBUG) console.log(channel, s.id, JSON.stringify(seen.visible.split('\n\n')[0]), JSON.stringify(seen.verification));
        // the model really computed the two facts (the scenario ran as scripted)
        const values = seen.facts.map((f) => f.value).sort((a, b) => a - b);
        expect(values).toHaveLength(2);
        expect(values[0]).toBeCloseTo(1.4949, 4);
        expect(values[1]).toBe(6745699);
        for (const h of s.hidden) expect(seen.visible, `"${h}" visible on ${channel}`).not.toContain(h);
        expect(seen.visible).not.toMatch(/\{\{|\}\}/);
        expect(seen.verification.unsupported.length).toBeGreaterThan(0);
        expect(seen.verification.supported).toBeLessThan(seen.verification.numbers);
        // the marker shows where something was removed
        expect(seen.visible).toMatch(/\[未经核实\]|\[unverified\]/);
      }, 60_000);
    }
  });
}

export { LATEST_EN };
