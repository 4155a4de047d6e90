// Bad input is answered with a clear error and loses nothing (issue 10, item 6): NUL characters, lone surrogates
// and other control characters in a question, a display name or a report topic → 400 naming the character; text
// over its limit → 413 naming the limit; nothing is written (no conversation, no user, no quota spent). The same
// check (src/core/text-input.ts) answers on /api/ask, sign-up, /api/reports, /v1 and MCP ask. Also: the
// Content-Security-Policy header on every response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { checkText, findBadCharacter, InvalidTextError, TEXT_LIMITS, TextTooLongError } from '../../src/core/text-input.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import * as state from '../../src/store/app-state.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { client, signUp, testSettings, type Client } from './helpers.ts';

const TOKEN = 'test-token-0123456789abcdef';
let db: Database;
let parts: ServerParts;
let alice: Client;

beforeAll(async () => {
  db = await freshPglite();
  await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL'] });
  parts = await createServerApp(db, { settings: testSettings({ apiToken: TOKEN, anonDailyQuota: 5 }), webDir: '/nonexistent', today: '2026-11-24', llm: null });
  alice = await signUp(parts.app, 'alice@example.com', 'Alice');
}, 180_000);
afterAll(async () => {
  await parts?.jobs.stop();
  await db?.close();
});

const errorOf = async (r: Response) => ((await r.clone().json()) as { error: { code: string; message: string } }).error;
const count = async (sql: string) => Number((await db.query<{ n: string | number }>(sql))[0]!.n);

// question texts with one bad character each, and where it is (1-based, as the message says)
const BAD: Array<[string, string, string, number]> = [
  ['NUL', '美联储总资产\u0000是多少?', 'U+0000', 7],
  ['lone high surrogate', 'Fed balance sheet \ud83d now', 'U+D83D', 19],
  ['lone low surrogate', '\ude00美联储总资产', 'U+DE00', 1],
  ['C0 control (ESC)', 'WALCL\u001b[31m latest', 'U+001B', 6],
  ['DEL', 'WALCL\u007f latest', 'U+007F', 6],
  ['C1 control (NEL)', 'WALCL\u0085 latest', 'U+0085', 6],
];

describe('checkText: one check for every interface', () => {
  it.each(BAD)('%s is refused with the character and its position', (_name, text, cp, pos) => {
    const err = (() => {
      try {
        checkText(text, 'question');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InvalidTextError);
    expect((err as InvalidTextError).status).toBe(400);
    expect((err as InvalidTextError).messages.en).toContain(`character ${pos} is`);
    expect((err as InvalidTextError).messages.en).toContain(cp);
    expect((err as InvalidTextError).messages.zh).toContain(`第 ${pos} 个字符`);
  });

  it('allows tab and newline in a question, a paired surrogate (emoji), and trims; a name may not span lines', () => {
    expect(checkText('  美联储总资产\n是多少?\t😀 ', 'question')).toBe('美联储总资产\n是多少?\t😀');
    expect(findBadCharacter('Ann\nLee', false)?.codePoint).toBe('U+000A');
    expect(() => checkText('Ann\nLee', 'displayName')).toThrow(InvalidTextError);
    expect(() => checkText('x'.repeat(TEXT_LIMITS.question + 1), 'question')).toThrow(TextTooLongError);
    expect(checkText('x'.repeat(TEXT_LIMITS.question), 'question')).toHaveLength(TEXT_LIMITS.question);
  });
});

describe('the store writes a question and its conversation together', () => {
  it('a message PostgreSQL refuses (NUL) leaves no empty conversation behind', async () => {
    // the failure issue 10 reported: a conversation row written, then the message insert failing on U+0000
    const [u] = await db.query<{ id: string }>("SELECT id FROM auth_user WHERE email = 'alice@example.com'");
    const before = await count(`SELECT count(*) AS n FROM conversations WHERE user_id = '${u!.id}'`);
    await expect(state.appendMessage(db, u!.id, undefined, 'bad \u0000 question', { text: 'x' })).rejects.toThrow();
    expect(await count(`SELECT count(*) AS n FROM conversations WHERE user_id = '${u!.id}'`)).toBe(before);
  });
});

describe('POST /api/ask', () => {
  it.each(BAD)('a signed-in question with %s → 400 with a clear message, nothing written', async (_name, question, cp) => {
    const convs = await count('SELECT count(*) AS n FROM conversations');
    const msgs = await count('SELECT count(*) AS n FROM messages');
    const r = await alice.req('/api/ask', { method: 'POST', json: { question, lang: 'zh' }, headers: { 'accept-language': 'zh' } });
    expect(r.status).toBe(400);
    const e = await errorOf(r);
    expect(e.code).toBe('invalid_text');
    expect(e.message).toContain('问题包含不允许的字符');
    expect(e.message).toContain(cp);
    expect(await count('SELECT count(*) AS n FROM conversations')).toBe(convs);
    expect(await count('SELECT count(*) AS n FROM messages')).toBe(msgs);
  });

  it('the same refusal over SSE, in English, and no signed-out quota is spent', async () => {
    const anon = client(parts.app, '', '10.9.9.9');
    const r = await anon.req('/api/ask', { method: 'POST', json: { question: 'Fed \u0000 assets' }, headers: { accept: 'text/event-stream', 'accept-language': 'en' } });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toMatch(/^The question contains a character that is not allowed: character 5 is a NUL character \(U\+0000\)/);
    expect(await count("SELECT count(*) AS n FROM ask_quota WHERE key = 'ip:10.9.9.9'")).toBe(0);
    const me = await (await anon.req('/api/me')).json() as { quota: { remaining: number; limit: number } };
    expect(me.quota).toEqual({ limit: 5, remaining: 5 });
  });

  it('an over-long question → 413 naming the limit; a question at the limit is accepted', async () => {
    const r = await alice.req('/api/ask', { method: 'POST', json: { question: '美'.repeat(TEXT_LIMITS.question + 1) }, headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(413);
    expect((await errorOf(r)).message).toBe(`The question is too long: ${TEXT_LIMITS.question + 1} characters; the limit is ${TEXT_LIMITS.question}.`);
    const ok = await alice.req('/api/ask', { method: 'POST', json: { question: `WALCL latest ${'?'.repeat(TEXT_LIMITS.question - 13)}` } });
    expect(ok.status).toBe(200);
  });
});

describe('display names and report topics', () => {
  it('a sign-up whose name has a NUL or a lone surrogate → 400, no user created', async () => {
    for (const [name, cp] of [['Mal\u0000lory', 'U+0000'], ['Mal\ud800', 'U+D800'], ['Mal\u0007', 'U+0007']] as const) {
      const r = await client(parts.app).req('/api/auth/sign-up/email', { method: 'POST', json: { email: 'mallory@example.com', name, password: 'a long passphrase' }, headers: { 'accept-language': 'zh' } });
      expect(r.status).toBe(400);
      const e = await errorOf(r);
      expect(e.code).toBe('invalid_text');
      expect(e.message).toContain('显示名称包含不允许的字符');
      expect(e.message).toContain(cp);
    }
    expect(await count("SELECT count(*) AS n FROM auth_user WHERE email = 'mallory@example.com'")).toBe(0);
    const long = await client(parts.app).req('/api/auth/sign-up/email', { method: 'POST', json: { email: 'mallory@example.com', name: 'M'.repeat(TEXT_LIMITS.displayName + 1), password: 'a long passphrase' } });
    expect(long.status).toBe(413);
  });

  it('a report topic with a control character → 400, no job queued', async () => {
    const jobs = await count('SELECT count(*) AS n FROM reports');
    const r = await alice.req('/api/reports', { method: 'POST', json: { topic: 'yield\u0000curve' }, headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toContain('The report topic contains a character that is not allowed');
    expect(await count('SELECT count(*) AS n FROM reports')).toBe(jobs);
  });
});

describe('machine endpoints', () => {
  const bearer = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

  it('/v1/chat/completions: an OpenAI-shaped 400 / 413', async () => {
    const bad = await parts.app.request('/v1/chat/completions', { method: 'POST', headers: bearer, body: JSON.stringify({ model: 'fincite', messages: [{ role: 'user', content: 'Fed \ud800 assets' }] }) });
    expect(bad.status).toBe(400);
    const e = (await bad.json()) as { error: { message: string; type: string; code: string } };
    expect(e.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_text' });
    expect(e.error.message).toContain('U+D800');
    const long = await parts.app.request('/v1/chat/completions', { method: 'POST', headers: bearer, body: JSON.stringify({ model: 'fincite', stream: true, messages: [{ role: 'user', content: 'x'.repeat(TEXT_LIMITS.question + 1) }] }) });
    expect(long.status).toBe(413);
    expect(((await long.json()) as { error: { message: string } }).error.message).toContain(`limit is ${TEXT_LIMITS.question}`);
  });

  it('MCP ask: a tool error with the same message, in the question\'s language', async () => {
    const call = (question: string) =>
      parts.app.request('/mcp', {
        method: 'POST',
        headers: { ...bearer, accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'ask', arguments: { question } } }),
      });
    const r = (await (await call('美联储\u0000总资产')).json()) as { result: { isError?: boolean; content: Array<{ text: string }> } };
    expect(r.result.isError).toBe(true);
    expect(r.result.content[0]!.text).toContain('问题包含不允许的字符：第 4 个字符是空字符（NUL）（U+0000）');
    const long = (await (await call('x'.repeat(TEXT_LIMITS.question + 1))).json()) as { result: { isError?: boolean; content: Array<{ text: string }> } };
    expect(long.result.isError).toBe(true);
    expect(long.result.content[0]!.text).toContain(`the limit is ${TEXT_LIMITS.question}`);
  });
});

describe('Content-Security-Policy', () => {
  it('every response carries it: own-origin scripts and connections, no plugins, framed only by this origin', async () => {
    for (const p of ['/livez', '/api/me', '/nonexistent-page']) {
      const csp = (await parts.app.request(p)).headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("default-src 'self'");
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, p).toContain("img-src 'self' data:");
      expect(csp, p).toContain("connect-src 'self'");
      expect(csp, p).toContain("object-src 'none'");
      expect(csp, p).toContain("frame-ancestors 'self'");
    }
  });
});
