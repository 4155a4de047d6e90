// Account hardening (issue 13, item 4; OWASP ASVS 2.1, 2.2): the password policy (common/breached passwords and the
// email refused, in both languages, on sign-up and on password change), a sign-up answer that does not tell a taken
// email from a new one, the per-account sign-in throttle (20 wrong passwords from 5 addresses for one account), the
// /mcp and /v1 limits per token and per address, and what happens when the limits store (Redis) is unreachable.
// In-process apps on an empty PGlite database, each with its own in-memory limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../src/config.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite } from '../helpers/db.ts';
import { client, cookieHeader, signUp, testSettings } from './helpers.ts';

let db: Database;
const apps: ServerParts[] = [];

async function app(over: Partial<ServerSettings> = {}, localToken?: string): Promise<ServerParts> {
  const parts = await createServerApp(db, { settings: testSettings(over), webDir: '/nonexistent', llm: null, ...(localToken ? { localToken } : {}) });
  apps.push(parts);
  return parts;
}

beforeAll(async () => {
  db = await freshPglite();
}, 60_000);
afterAll(async () => {
  for (const p of apps) {
    await p.jobs.stop();
    await p.limits.close();
  }
  await db?.close();
});

type ErrorBody = { error: { code: string; message: string } };
const signUpReq = (parts: ServerParts, body: Record<string, string>, lang = 'en', ip = '10.20.0.1') =>
  client(parts.app, '', ip).req('/api/auth/sign-up/email', { method: 'POST', json: body, headers: { 'accept-language': lang } });
const signInReq = (parts: ServerParts, email: string, password: string, ip: string) => client(parts.app, '', ip).req('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });
const userCount = async (email: string) => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM auth_user WHERE email = $1', [email]))[0]!.n);

describe('password policy', () => {
  it('refuses common and breached passwords on sign-up, in Chinese and in English, and creates no user', async () => {
    const parts = await app();
    for (const password of ['12345678', 'password', 'qwertyuiop', 'PassWord', 'iloveyou']) {
      for (const lang of ['zh', 'en']) {
        const r = await signUpReq(parts, { email: 'common@example.com', name: 'Common', password }, lang);
        expect(r.status, password).toBe(400);
        const { error } = (await r.json()) as ErrorBody;
        expect(error.code).toBe('weak_password');
        expect(error.message).toMatch(lang === 'zh' ? /密码太常见/ : /too common/);
      }
    }
    expect(await userCount('common@example.com')).toBe(0);
    // an uncommon password of the same length goes through
    expect((await signUpReq(parts, { email: 'common@example.com', name: 'Common', password: 'vq8#Lm2!pz' })).status).toBe(200);
    expect(await userCount('common@example.com')).toBe(1);
  });

  it('refuses the email itself or its local part as the password (any case)', async () => {
    const parts = await app();
    for (const password of ['marguerite.dupont@example.com', 'Marguerite.Dupont', 'MARGUERITE.DUPONT@EXAMPLE.COM']) {
      const r = await signUpReq(parts, { email: 'marguerite.dupont@example.com', name: 'M', password }, 'zh');
      expect(r.status, password).toBe(400);
      expect(((await r.json()) as ErrorBody).error).toMatchObject({ code: 'weak_password', message: expect.stringContaining('邮箱') });
    }
    expect(await userCount('marguerite.dupont@example.com')).toBe(0);
  });

  it('keeps the length limits (8 to 128)', async () => {
    const parts = await app();
    expect(((await (await signUpReq(parts, { email: 'len@example.com', name: 'L', password: 'x7#q' })).json()) as { code: string }).code).toBe('PASSWORD_TOO_SHORT');
    expect(((await (await signUpReq(parts, { email: 'len@example.com', name: 'L', password: 'x7#q'.repeat(33) })).json()) as { code: string }).code).toBe('PASSWORD_TOO_LONG');
    expect((await signUpReq(parts, { email: 'len@example.com', name: 'L', password: 'x7#q'.repeat(32) })).status).toBe(200);
  });

  it('refuses a common password or the email on password change too; a good one is taken', async () => {
    const parts = await app();
    const user = await signUp(parts.app, 'changer@example.com', 'Changer', 'first good passphrase', '10.20.1.1');
    for (const [newPassword, code] of [
      ['password', 'weak_password'],
      ['changer@example.com', 'weak_password'],
    ] as const) {
      const r = await user.req('/api/auth/change-password', { method: 'POST', json: { currentPassword: 'first good passphrase', newPassword }, headers: { 'accept-language': 'zh' } });
      expect(r.status, newPassword).toBe(400);
      expect(((await r.json()) as ErrorBody).error.code).toBe(code);
    }
    const ok = await user.req('/api/auth/change-password', { method: 'POST', json: { currentPassword: 'first good passphrase', newPassword: 'second good passphrase' } });
    expect(ok.status).toBe(200);
    expect((await signInReq(parts, 'changer@example.com', 'second good passphrase', '10.20.1.2')).status).toBe(200);
  });
});

describe('sign-up does not reveal whether an email exists', () => {
  it('a new and a taken email get the same status, body and headers, no session cookie, and similar timing', async () => {
    const parts = await app();
    await signUp(parts.app, 'taken@example.com', 'Taken', 'the original passphrase', '10.21.0.1');
    const shape = async (r: Response) => ({ status: r.status, body: await r.text(), headers: [...r.headers.keys()].filter((k) => k !== 'date').sort(), cookies: r.headers.getSetCookie() });
    const times = { fresh: [] as number[], taken: [] as number[] };
    let freshShape, takenShape;
    for (let i = 0; i < 4; i++) {
      let t = performance.now();
      const fresh = await signUpReq(parts, { email: `fresh${i}@example.com`, name: 'Fresh', password: 'another passphrase' });
      times.fresh.push(performance.now() - t);
      t = performance.now();
      const taken = await signUpReq(parts, { email: 'taken@example.com', name: 'Someone', password: 'another passphrase' });
      times.taken.push(performance.now() - t);
      freshShape = await shape(fresh);
      takenShape = await shape(taken);
      expect(takenShape).toEqual(freshShape);
    }
    expect(freshShape).toMatchObject({ status: 200, body: JSON.stringify({ ok: true }), cookies: [] });
    // the taken path hashes the password too (scrypt dominates both): without it, it would answer in a few ms
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`sign-up ms, new email: ${times.fresh.map((t) => t.toFixed(0)).join(' ')}; taken: ${times.taken.map((t) => t.toFixed(0)).join(' ')}`);
    expect(median(times.taken)).toBeGreaterThan(median(times.fresh) * 0.4);
    // the taken account is untouched: its own password still works, the sign-up's does not
    expect((await signInReq(parts, 'taken@example.com', 'another passphrase', '10.21.0.2')).status).toBe(401);
    expect((await signInReq(parts, 'taken@example.com', 'the original passphrase', '10.21.0.2')).status).toBe(200);
  });
});

describe('sign-in throttle per account', () => {
  it('20 wrong passwords from 5 addresses: N reach the password check, the rest 429 with Retry-After; the right one is refused until the window passes', async () => {
    const N = 5;
    const parts = await app({ signInAccountLimit: N });
    await signUp(parts.app, 'victim@example.com', 'Victim', 'the victim passphrase', '10.22.0.1');
    const attempts = Array.from({ length: 20 }, (_, i) => signInReq(parts, i % 2 ? 'Victim@Example.com' : 'victim@example.com', `guess number ${i}`, `10.22.1.${i % 5}`));
    const rs = await Promise.all(attempts);
    const statuses = rs.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(N);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - N);
    for (const r of rs.filter((x) => x.status === 429)) {
      const retry = Number(r.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(15 * 60);
      expect(((await r.json()) as ErrorBody).error.code).toBe('sign_in_throttled');
    }
    // the right password, from yet another address, is refused as well (a guesser learns nothing from it)
    const right = await client(parts.app, '', '10.22.2.1').req('/api/auth/sign-in/email', { method: 'POST', json: { email: 'victim@example.com', password: 'the victim passphrase' }, headers: { 'accept-language': 'zh' } });
    expect(right.status).toBe(429);
    expect(((await right.json()) as ErrorBody).error.message).toMatch(/分钟后再试/);
    // another account is not affected
    await signUp(parts.app, 'bystander@example.com', 'B', 'the bystander passphrase', '10.22.0.2');
    expect((await signInReq(parts, 'bystander@example.com', 'the bystander passphrase', '10.22.1.0')).status).toBe(200);
  });

  it('a successful sign-in clears the account’s failures; attempts refused for other reasons are not counted', async () => {
    const N = 5;
    const parts = await app({ signInAccountLimit: N });
    await signUp(parts.app, 'forgetful@example.com', 'F', 'the forgetful passphrase', '10.23.0.1');
    // malformed attempts (better-auth's 400 before any password check) give their point back
    for (let i = 0; i < N + 1; i++) {
      const bad = await client(parts.app, '', '10.23.0.4').req('/api/auth/sign-in/email', { method: 'POST', json: { email: 'forgetful@example.com', password: 12345678 } });
      expect(bad.status).toBe(400);
    }
    for (let i = 0; i < N - 1; i++) expect((await signInReq(parts, 'forgetful@example.com', `wrong ${i} wrong`, '10.23.0.2')).status).toBe(401);
    const ok = await signInReq(parts, 'forgetful@example.com', 'the forgetful passphrase', '10.23.0.2');
    expect(ok.status).toBe(200);
    expect(cookieHeader(ok)).toMatch(/session_token=/);
    // N more failures are allowed again (without the reset the last of them would be 429)
    for (let i = 0; i < N; i++) expect((await signInReq(parts, 'forgetful@example.com', `wrong again ${i}`, '10.23.0.3')).status).toBe(401);
    expect((await signInReq(parts, 'forgetful@example.com', 'wrong once more', '10.23.0.3')).status).toBe(429);
  });
});

const token = 'machine-token-0123456789';

describe('/mcp and /v1 limits', () => {
  const bearer = (t: string, ip: string) => ({ authorization: `Bearer ${t}`, 'x-forwarded-for': ip });

  it('per token (across addresses and both endpoints): 429 with Retry-After after N a minute', async () => {
    const parts = await app({ apiToken: token, machinePerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await parts.app.request('/v1/models', { headers: bearer(token, `10.24.0.${i}`) })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const v1 = await parts.app.request('/v1/models', { headers: bearer(token, '10.24.0.9') });
    expect(v1.status).toBe(429);
    expect(Number(v1.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(v1.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // OpenAI's error shape on /v1
    expect(await v1.json()).toMatchObject({ error: { code: 'rate_limited', type: expect.any(String), message: expect.stringContaining('Too many requests') } });
    const mcp = await parts.app.request('/mcp', { method: 'POST', headers: { ...bearer(token, '10.24.0.10'), 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
    expect(mcp.status).toBe(429);
    expect(Number(mcp.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('per address: guessing tokens from one address is bounded too', async () => {
    const parts = await app({ apiToken: token, machinePerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await parts.app.request('/v1/models', { headers: bearer(`wrong-token-guess-${i}`, '10.25.0.1') })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // the right token from another address still works
    expect((await parts.app.request('/v1/models', { headers: bearer(token, '10.25.0.2') })).status).toBe(200);
  });
});

describe('the local owner (this machine’s own fincite CLI)', () => {
  it('is not limited per minute nor counted against the signed-out quota; others are', async () => {
    const local = 'local-owner-token-0123456789abcdef';
    const parts = await app({ askPerMinute: 2, anonDailyQuota: 2, apiToken: token, machinePerMinute: 2 }, local);
    const askAs = (headers: Record<string, string>) => client(parts.app, '', '10.27.0.1').req('/api/ask?lang=en', { method: 'POST', json: { question: 'latest CPI?' }, headers });
    const owner = [];
    for (let i = 0; i < 4; i++) owner.push((await askAs({ 'x-fincite-local-token': local })).status);
    expect(owner).toEqual([200, 200, 200, 200]);
    const other = [];
    for (let i = 0; i < 3; i++) other.push((await askAs({})).status);
    expect(other).toEqual([200, 200, 429]);
    const v1 = [];
    for (let i = 0; i < 3; i++) v1.push((await parts.app.request('/v1/models', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.27.0.2', 'x-fincite-local-token': local } })).status);
    expect(v1).toEqual([200, 200, 200]);
  });
});

describe('limits store (Redis) unreachable', () => {
  it('sign-in and the signed-out quota fail closed with a 503 in the caller’s language (no stack); the per-minute limits fall back to memory', async () => {
    const parts = await app({ redisUrl: 'redis://127.0.0.1:1', apiToken: token, machinePerMinute: 2 });
    const r = await client(parts.app, '', '10.26.0.1').req('/api/auth/sign-in/email', { method: 'POST', json: { email: 'a@example.com', password: 'whatever passphrase' }, headers: { 'accept-language': 'zh' } });
    expect(r.status).toBe(503);
    const body = await r.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'limits_unavailable', message: expect.stringMatching(/稍后再试/) } });
    expect(body).not.toMatch(/\bat \S+ \(|ECONNREFUSED|ioredis/);
    const ask = await client(parts.app, '', '10.26.0.2').req('/api/ask?lang=en', { method: 'POST', json: { question: 'latest CPI?' } });
    expect(ask.status).toBe(503);
    expect(((await ask.json()) as ErrorBody).error.message).toMatch(/try again/);
    // the machine limit is kept per process meanwhile: served, and still bounded
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await parts.app.request('/v1/models', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.26.0.3' } })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
