// Conversations over HTTP (issue 12): a follow-up inherits what it omits from the previous turn through every
// interface — /api/ask with the thread's `history` (signed out), /api/ask with a stored `conversationId` (signed
// in: the server reads the earlier questions itself), and /v1/chat/completions (its earlier user messages). The
// answer's language is the question's, whatever Accept-Language says, unless `lang` is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { client, signUp, testSettings } from './helpers.ts';

const TOKEN = 'test-token-conversation-0123456789';
let db: Database;
let app: ServerParts['app'];

beforeAll(async () => {
  db = await loadedSnapshotDatabase();
  ({ app } = await createServerApp(db, { settings: testSettings({ apiToken: TOKEN }), webDir: '/nonexistent', today: '2026-11-24' }));
}, 240_000);
afterAll(async () => db?.close());

const seriesOf = (a: Answer) => new Set(a.facts.flatMap((f) => [f.seriesId, ...f.inputs.map((i) => i.seriesId)]).filter(Boolean));
const TURNS = ['美联储总资产现在多少?', '那MBS呢?', '去年呢?'];

describe('follow-ups over HTTP', () => {
  it('signed out: /api/ask with history', async () => {
    const c = client(app);
    const answers: Answer[] = [];
    for (let i = 0; i < TURNS.length; i++) {
      const r = await c.req('/api/ask', { method: 'POST', json: { question: TURNS[i], history: TURNS.slice(0, i) } });
      expect(r.status).toBe(200);
      answers.push((await r.json()) as Answer);
    }
    expect(seriesOf(answers[0]!)).toEqual(new Set(['WALCL']));
    expect(seriesOf(answers[1]!)).toEqual(new Set(['WSHOMCB']));
    expect(seriesOf(answers[2]!)).toEqual(new Set(['WSHOMCB']));
    expect(answers[2]!.context?.inherited).toContain('subject');
    expect(answers[2]!.understood).toMatch(/承接上一问/);
    // without the history the same words are not understood as MBS
    const alone = (await (await c.req('/api/ask', { method: 'POST', json: { question: '去年呢?' } })).json()) as Answer;
    expect(alone.context).toBeUndefined();
    expect(seriesOf(alone).has('WSHOMCB')).toBe(false);
  });

  it('history is checked like a question: control characters and too many turns are refused', async () => {
    const c = client(app);
    const bad = await c.req('/api/ask', { method: 'POST', json: { question: '去年呢?', history: ['美联储\u0000总资产'] } });
    expect(bad.status).toBe(400);
    const many = await c.req('/api/ask', { method: 'POST', json: { question: '去年呢?', history: Array.from({ length: 11 }, () => '美联储总资产现在多少?') } });
    expect(many.status).toBe(400);
  });

  it('signed in: the stored conversation is the context', async () => {
    const user = await signUp(app, 'conversation@example.com');
    const first = await user.req('/api/ask', { method: 'POST', json: { question: TURNS[0] } });
    const conversationId = first.headers.get('x-conversation-id');
    expect(conversationId).toBeTruthy();
    let last: Answer | undefined;
    for (const q of TURNS.slice(1)) {
      // no history sent: the server reads the conversation's earlier questions
      const r = await user.req('/api/ask', { method: 'POST', json: { question: q, conversationId } });
      expect(r.status).toBe(200);
      last = (await r.json()) as Answer;
    }
    expect(seriesOf(last!)).toEqual(new Set(['WSHOMCB']));
    expect(last!.context?.inherited).toContain('subject');
    const stored = (await (await user.req(`/api/conversations/${conversationId}`)).json()) as { messages: Array<{ question: string }> };
    expect(stored.messages.map((m) => m.question)).toEqual(TURNS);
  });

  it('/v1/chat/completions reads its earlier user messages', async () => {
    const r = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fincite',
        messages: [
          { role: 'system', content: 'You are helpful.' },
          { role: 'user', content: "What is the Fed's total assets now?" },
          { role: 'assistant', content: '…' },
          { role: 'user', content: 'What about MBS?' },
          { role: 'assistant', content: '…' },
          { role: 'user', content: 'And last year?' },
        ],
      }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { choices: Array<{ message: { content: string } }>; fincite: { facts: Answer['facts']; context?: Answer['context'] } };
    expect(new Set(body.fincite.facts.map((f) => f.seriesId))).toEqual(new Set(['WSHOMCB']));
    expect(body.fincite.context?.inherited).toContain('subject');
    expect(body.choices[0]!.message.content).toMatch(/follow-up/);
  });

  it('the answer follows the question’s language, not Accept-Language, unless lang is given', async () => {
    const c = client(app);
    const en = (await (await c.req('/api/ask', { method: 'POST', json: { question: 'What is the latest unemployment rate?' }, headers: { 'accept-language': 'zh-CN' } })).json()) as Answer;
    expect(en.language).toBe('en');
    const zh = (await (await c.req('/api/ask', { method: 'POST', json: { question: '失业率最新是多少?' }, headers: { 'accept-language': 'en-US' } })).json()) as Answer;
    expect(zh.language).toBe('zh');
    const forced = (await (await c.req('/api/ask', { method: 'POST', json: { question: '失业率最新是多少?', lang: 'en' } })).json()) as Answer;
    expect(forced.language).toBe('en');
  });
});
