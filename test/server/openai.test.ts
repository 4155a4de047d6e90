// The OpenAI-compatible endpoint (/v1) driven by the official `openai` client over a real loopback socket:
// the model list, cited answers in both languages (numbers checked against the raw snapshot file), streaming
// that reassembles to the same content, bearer-token auth, OpenAI-shaped errors, and honest refusals. A stub
// engine covers what the real one does not produce here (engine failures, real model token counts).
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/core/answer.ts';
import { FinciteError } from '../../src/core/errors.ts';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import type { AppDeps } from '../../src/server/app.ts';
import type { AppEnv } from '../../src/server/context.ts';
import { answerContent, contentChunks, registerOpenAiCompat } from '../../src/server/routes/openai.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from './helpers.ts';

const TOKEN = 'test-token-0123456789abcdef';
const DGS10_URL = 'https://fred.stlouisfed.org/series/DGS10';
const EN_Q = 'What is the 10-year Treasury yield now?';
const ZH_Q = '10年期美债收益率现在是多少?';

interface Lineage {
  facts: Array<{ value: number; asOf: string; seriesId?: string }>;
  sources: Array<{ n: number; url: string }>;
  verification: { numbers: number; supported: number; unsupported: unknown[] };
  dataAsOf: string | null;
  engine: string | null;
  unanswerable?: { reason: string; suggestions: string[] };
}
type FinciteCompletion = OpenAI.Chat.Completions.ChatCompletion & { fincite: Lineage };
interface OpenAiErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}

let db: Database;
let app: ServerParts['app'];
let servers: ServerType[] = [];
let baseURL: string;
let unconfiguredURL: string;

/** The latest observation of DGS10 in the raw snapshot file (CRLF-tolerant; FRED writes "." for no value). */
function latestDgs10(): { date: string; value: number } {
  const rows = readFileSync(path.join(snapshotRoot, 'fred-snapshot/DGS10.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .filter((r) => r.length === 2 && r[1] !== '.' && r[1] !== '' && /^\d{4}-\d{2}-\d{2}$/.test(r[0]!));
  const last = rows.at(-1)!;
  return { date: last[0]!, value: Number(last[1]) };
}

async function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<string> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const client = (apiKey = TOKEN, url = baseURL) => new OpenAI({ baseURL: url, apiKey, maxRetries: 0 });

const ask = async (question: string, extra: Partial<OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming> = {}) =>
  (await client().chat.completions.create({ model: 'fincite', messages: [{ role: 'user', content: question }], ...extra })) as FinciteCompletion;

const rawPost = (body: unknown, headers: Record<string, string> = {}, url = baseURL) =>
  fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** The client's rejection of a call (fails the test when the call succeeds). */
async function rejection(p: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(OpenAI.APIError);
    return err as InstanceType<typeof OpenAI.APIError>;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  db = await freshPglite();
  await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL', 'DGS10'] });
  ({ app } = await createServerApp(db, { settings: testSettings({ apiToken: TOKEN }), webDir: '/nonexistent', today: '2026-11-24' }));
  const { app: bare } = await createServerApp(db, { settings: testSettings(), webDir: '/nonexistent', today: '2026-11-24' });
  baseURL = await listen(app.fetch);
  unconfiguredURL = await listen(bare.fetch);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  servers = [];
  await db?.close();
});

describe('OpenAI-compatible API through the official client', () => {
  it('lists the fincite model', async () => {
    const page = await client().models.list();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ id: 'fincite', object: 'model', owned_by: 'fincite' });
    expect(Number.isInteger(page.data[0]!.created)).toBe(true);
  });

  it('answers an English question with the cited number, its sources and lineage', async () => {
    const expected = latestDgs10();
    const r = await ask(EN_Q, { messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: EN_Q }], temperature: 0.2, max_tokens: 50, user: 'u1' });
    expect(r.object).toBe('chat.completion');
    expect(r.id).toMatch(/^chatcmpl-[0-9a-f]{32}$/);
    expect(r.model).toBe('fincite-deterministic');
    expect(r.choices).toHaveLength(1);
    expect(r.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    const content = r.choices[0]!.message.content!;
    expect(r.fincite.facts[0]).toMatchObject({ value: expected.value, asOf: expected.date });
    expect(r.fincite.dataAsOf).toBe(expected.date);
    expect(r.fincite.engine).toBe('deterministic');
    expect(r.fincite.verification.unsupported).toEqual([]);
    expect(r.fincite.sources[0]).toMatchObject({ n: 1, url: DGS10_URL });
    expect(content).toContain(`${expected.value}%[1]`);
    // the references block: a blank line, the heading, one line per source with title — publisher, date, url
    expect(content).toMatch(new RegExp(`\\n\\nSources:\\n\\[1\\] [^\\n]+ — [^\\n]+, ${expected.date}, ${DGS10_URL.replaceAll('.', '\\.')}$`));
    // no model ran: the usage is the characters/4 estimate
    expect(r.usage).toEqual({ prompt_tokens: Math.ceil(EN_Q.length / 4), completion_tokens: Math.ceil([...content].length / 4), total_tokens: Math.ceil(EN_Q.length / 4) + Math.ceil([...content].length / 4) });
  });

  it('answers the last user turn only, in its language (Chinese, content as text parts)', async () => {
    const expected = latestDgs10();
    const r = (await client().chat.completions.create({
      model: 'anything',
      messages: [
        { role: 'developer', content: 'Answer briefly.' },
        { role: 'user', content: 'How large is the Fed balance sheet now?' },
        { role: 'assistant', content: 'About 6.6 trillion dollars.' },
        { role: 'user', content: [{ type: 'text', text: ZH_Q }] },
      ],
    })) as FinciteCompletion;
    const content = r.choices[0]!.message.content!;
    expect(r.fincite.facts[0]).toMatchObject({ value: expected.value, asOf: expected.date, seriesId: 'DGS10' });
    expect(r.fincite.facts.every((f) => f.seriesId !== 'WALCL')).toBe(true);
    expect(content).toContain(`${expected.value}%[1]`);
    expect(content).toContain('\n\n参考来源:\n[1] ');
    expect(content).toContain(DGS10_URL);
    expect(content).not.toContain('Sources:');
  });

  it('streams chunks that reassemble to the non-streaming content', async () => {
    const whole = (await ask(EN_Q)).choices[0]!.message.content!;
    const stream = await client().chat.completions.create({ model: 'fincite', messages: [{ role: 'user', content: EN_Q }], stream: true, stream_options: { include_usage: true } });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'fincite-deterministic')).toBe(true);
    const pieces = chunks.flatMap((c) => c.choices.map((ch) => ch.delta.content ?? ''));
    expect(pieces.join('')).toBe(whole);
    expect(pieces.filter(Boolean).length).toBeGreaterThan(3);
    // no piece splits a [n] citation marker
    for (const p of pieces) expect(p).not.toMatch(/\[\d*$|^\d*\]/);
    const withChoices = chunks.filter((c) => c.choices.length);
    expect(withChoices.at(-1)!.choices[0]).toMatchObject({ finish_reason: 'stop', delta: {} });
    expect(withChoices.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
    // stream_options.include_usage: a last chunk with no choices and the usage
    expect(chunks.at(-1)!.choices).toEqual([]);
    expect(chunks.at(-1)!.usage?.completion_tokens).toBe(Math.ceil([...whole].length / 4));
  });

  it('streams OpenAI-style server-sent events: data lines only, ending with [DONE]', async () => {
    const r = await rawPost({ model: 'fincite', messages: [{ role: 'user', content: ZH_Q }], stream: true });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    const text = await r.text();
    expect(text).not.toMatch(/^event:/m);
    const events = text.split('\n\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: ') && !e.includes('\n'))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    const last = JSON.parse(events.at(-2)!.slice(6)) as { choices: Array<{ finish_reason: string }>; fincite: Lineage };
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(last.fincite.facts[0]!.value).toBe(latestDgs10().value);
  });

  it('refuses a forecast honestly, with suggestions, as a normal completion', async () => {
    const r = await ask('Will the S&P 500 go up next year?');
    const content = r.choices[0]!.message.content!;
    expect(r.choices[0]!.finish_reason).toBe('stop');
    expect(r.fincite.unanswerable?.suggestions.length).toBeGreaterThan(0);
    expect(r.fincite.facts).toEqual([]);
    expect(content).toContain(r.fincite.unanswerable!.reason);
    for (const s of r.fincite.unanswerable!.suggestions) expect(content).toContain(`- ${s}`);
    // the engine's text already lists them: not repeated
    expect(content.split('You could ask:').length).toBe(2);
    expect(content).not.toContain('Sources:');
  });

  it('rejects a wrong or missing key with 401 in the OpenAI error shape', async () => {
    const wrong = await rejection(client('x'.repeat(TOKEN.length)).models.list());
    expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(wrong.status).toBe(401);
    expect(wrong.error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    const short = await rejection(client('short').chat.completions.create({ model: 'fincite', messages: [{ role: 'user', content: EN_Q }] }));
    expect(short).toBeInstanceOf(OpenAI.AuthenticationError);
    const longer = await rejection(client(TOKEN + 'x').models.list());
    expect(longer.status).toBe(401);
    const none = await fetch(`${baseURL}/models`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await none.json()) as OpenAiErrorBody).error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
  });

  it('answers 503 saying how to enable it when no token is configured', async () => {
    const err = await rejection(client(TOKEN, unconfiguredURL).models.list());
    expect(err.status).toBe(503);
    expect(err.error).toMatchObject({ type: 'server_error', code: 'api_token_not_configured' });
    expect(err.message).toContain('FINCITE_API_TOKEN');
    const zh = await fetch(`${unconfiguredURL}/chat/completions`, { method: 'POST', headers: { 'accept-language': 'zh-CN,zh;q=0.9' }, body: '{}' });
    expect(zh.status).toBe(503);
    const body = (await zh.json()) as OpenAiErrorBody;
    expect(body.error.message).toContain('FINCITE_API_TOKEN');
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects bad bodies with 400 invalid_request_error naming the field, never a stack trace', async () => {
    const c = client();
    const empty = await rejection(c.chat.completions.create({ model: 'fincite', messages: [] }));
    expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
    expect(empty.error).toMatchObject({ type: 'invalid_request_error', param: 'messages' });
    expect(empty.message).toContain('Invalid messages');

    const noUser = await rejection(c.chat.completions.create({ model: 'fincite', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'assistant', content: 'Hi.' }] }));
    expect(noUser.status).toBe(400);
    expect(noUser.error).toMatchObject({ type: 'invalid_request_error', code: 'no_user_message' });

    const tooLong = await rejection(c.chat.completions.create({ model: 'fincite', messages: [{ role: 'system', content: 'x'.repeat(15_000) }, { role: 'user', content: 'y'.repeat(6_000) }] }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.error).toMatchObject({ type: 'invalid_request_error', param: 'messages' });
    expect(tooLong.message).toContain('20000');

    const badRole = await rawPost({ model: 'fincite', messages: [{ role: 'wizard', content: EN_Q }] }, { 'accept-language': 'zh-CN' });
    expect(badRole.status).toBe(400);
    const badRoleBody = (await badRole.json()) as OpenAiErrorBody;
    expect(badRoleBody.error).toMatchObject({ type: 'invalid_request_error', param: 'messages.0.role' });
    expect(badRoleBody.error.message).toContain('参数无效');

    const noModel = await rawPost({ messages: [{ role: 'user', content: EN_Q }] });
    expect(noModel.status).toBe(400);
    expect(((await noModel.json()) as OpenAiErrorBody).error.param).toBe('model');

    const broken = await rawPost('{"model": "fincite", "messages": [');
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(JSON.parse(text)).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_json' } });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);

    const blank = await rawPost({ model: 'fincite', messages: [{ role: 'user', content: '   ' }] });
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as OpenAiErrorBody).error.code).toBe('empty_question');
  });

  it('passes engine errors through with their status, in the OpenAI shape', async () => {
    // within the 20k request limit, but longer than the engine takes a question
    const r = await rawPost({ model: 'fincite', messages: [{ role: 'user', content: 'How large is the Fed balance sheet? '.repeat(40) }] });
    expect(r.status).toBe(413);
    expect(((await r.json()) as OpenAiErrorBody).error).toMatchObject({ type: 'invalid_request_error', code: 'input_too_large' });
  });

  it('keeps its error handling to /v1', async () => {
    const unknown = await fetch(`${baseURL}/embeddings`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as OpenAiErrorBody).error).toMatchObject({ type: 'invalid_request_error', code: 'unknown_url' });
    // the rest of the app still answers in its own shape
    const broken = await app.request('/api/ask', { method: 'POST', body: '{"question": ', headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    const notFound = await app.request('/api/nope', { headers: { 'accept-language': 'en' } });
    expect(await notFound.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });
});

describe('OpenAI-compatible API with a stub engine', () => {
  const base: Answer = {
    question: 'q',
    language: 'en',
    text: 'The answer is 42[1].',
    facts: [],
    sources: [{ n: 1, kind: 'document', title: 'A filing', publisher: 'SEC', url: 'https://example.com/f' }],
    charts: [],
    verification: { numbers: 1, supported: 1, unsupported: [] },
  };
  const stubApp = (ask: () => Promise<Answer>) => {
    const a = new OpenAPIHono<AppEnv>();
    registerOpenAiCompat(a, { engine: { ask }, settings: testSettings({ apiToken: TOKEN }) } as unknown as AppDeps);
    a.onError((_err, c) => c.text('leaked to the parent', 500));
    return a;
  };
  const post = (a: OpenAPIHono<AppEnv>, headers: Record<string, string> = {}) =>
    a.request('/v1/chat/completions', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, ...headers }, body: JSON.stringify({ model: 'x', messages: [{ role: 'user', content: 'q?' }] }) });

  it('reports real model token counts and the engine that wrote the answer', async () => {
    const a = stubApp(async () => ({ ...base, engine: 'claude-test', usage: { modelCalls: 2, inputTokens: 1234, outputTokens: 56 } }) as Answer);
    const body = (await (await post(a)).json()) as FinciteCompletion;
    expect(body.usage).toEqual({ prompt_tokens: 1234, completion_tokens: 56, total_tokens: 1290 });
    expect(body.model).toBe('fincite-claude-test');
    // a source without a date: title — publisher, url
    expect(body.choices[0]!.message.content).toBe('The answer is 42[1].\n\nSources:\n[1] A filing — SEC, https://example.com/f');
  });

  it('adds a refusal’s suggestions when the text does not list them', async () => {
    const refusal: Answer = { ...base, language: 'zh', text: '数据无法回答这个问题。', sources: [], unanswerable: { reason: '数据无法回答这个问题。', suggestions: ['10年期美债收益率是多少?', '缩表了多少?'] } };
    const body = (await (await post(stubApp(async () => refusal))).json()) as FinciteCompletion;
    expect(body.model).toBe('fincite');
    expect(body.choices[0]!.message.content).toBe('数据无法回答这个问题。\n\n你可以这样问:\n- 10年期美债收益率是多少?\n- 缩表了多少?');
  });

  it('answers a typed engine error with its status and an unexpected one with a generic 500', async () => {
    const typed = await post(stubApp(async () => { throw new FinciteError('busy', { zh: '忙。', en: 'Busy.' }, 429); }), { 'accept-language': 'zh' });
    expect(typed.status).toBe(429);
    expect(await typed.json()).toEqual({ error: { message: '忙。', type: 'rate_limit_error', param: null, code: 'busy' } });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const crash = await post(stubApp(async () => { throw new Error('secret detail at /src/x.ts:1:2'); }));
      expect(crash.status).toBe(500);
      const text = await crash.text();
      expect(JSON.parse(text)).toEqual({ error: { message: 'Internal error; please try again.', type: 'server_error', param: null, code: 'internal' } });
      expect(text).not.toContain('secret');
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('contentChunks', () => {
  it('never splits a citation marker or a surrogate pair, and loses nothing', () => {
    const text = `${'a'.repeat(38)}[12] then 😀😀 ${'b'.repeat(37)}😀 and [3][4]`;
    for (const size of [1, 5, 39, 40, 41]) {
      const pieces = contentChunks(text, size);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces) {
        expect(p).not.toMatch(/\[\d*$|^\d*\]/);
        expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }
    }
    expect(contentChunks(text)[0]).toBe(`${'a'.repeat(38)}[12]`);
    expect(contentChunks('')).toEqual([]);
  });

  it('answerContent leaves an answer without sources as its text', () => {
    expect(answerContent({ question: 'q', language: 'en', text: 'Just text.\n', facts: [], sources: [], charts: [], verification: { numbers: 0, supported: 0, unsupported: [] } })).toBe('Just text.');
  });
});
