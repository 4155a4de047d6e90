// Limits shared by several servers (issue 13, item 1): two real `fincite serve` processes on one fresh PostgreSQL
// database and one Redis (a key prefix of this run's own) — the per-minute ask limit admits exactly N across both,
// sequentially and in parallel, and the per-account sign-in throttle holds across both. A third server without
// REDIS_URL says at start that its limits are per process. Skipped with the reason when PostgreSQL or Redis is not
// reachable, except under CI, where both are required. Also: a Redis of this test's own (redis-server on a free
// port) stopped and started again under a running server — sign-in fails closed with a 503 and comes back.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/serve.ts';
import { openDatabase } from '../../src/store/db.ts';
import { createPostgresDatabase, freshPglite, postgresUnavailable } from '../helpers/db.ts';
import { startServe, stopServe as stop, type ServeProcess as Server } from '../helpers/serve-process.ts';
import { client, signUp, testSettings } from './helpers.ts';

const REDIS_URL = process.env.FINCITE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisUnavailable(): Promise<string | null> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (err) {
    return `Redis not reachable at ${REDIS_URL}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    r.disconnect();
  }
}

const reason = (await postgresUnavailable()) ?? (await redisUnavailable());
if (reason && process.env.CI) throw new Error(`CI requires PostgreSQL and Redis: ${reason}`);
if (reason) console.warn(`[skip] shared limits test skipped: ${reason}`);

const ASK_LIMIT = 7;
const ACCOUNT_LIMIT = 4;

describe.skipIf(reason)('limits shared by two servers on PostgreSQL and Redis', () => {
  const prefix = `fincite-test-${randomBytes(4).toString('hex')}:`;
  const home = mkdtempSync(path.join(tmpdir(), 'fincite-shared-limits-'));
  let drop: (() => Promise<void>) | undefined;
  let a: Server, b: Server, solo: Server;

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    // migrate, and mark one series as holding data so the servers skip the first-start data load (answers are
    // honest declines on this empty store — enough to count admissions)
    const db = await openDatabase({ databaseUrl: created.url });
    await db.query(`INSERT INTO sources (id, name_zh, name_en, url) VALUES ('test', '测试', 'test', 'http://localhost/')`);
    await db.query(
      `INSERT INTO series (id, title_zh, title_en, unit_kind, unit_scale, unit_label, frequency, category, source_id, url, observation_count)
       VALUES ('TEST', '测试序列', 'Test series', 'index', 1, 'Index', 'daily', 'test', 'test', 'http://localhost/', 1)`,
    );
    await db.close();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('FINCITE_') && k !== 'DATABASE_URL' && k !== 'REDIS_URL') env[k] = v;
    Object.assign(env, {
      DATABASE_URL: created.url,
      FINCITE_HOME: home,
      FINCITE_OFFLINE: '1',
      FINCITE_TRUST_PROXY: '1',
      FINCITE_AUTH_SECRET: 'shared-limits-secret-shared-limits-0123',
      FINCITE_ASK_RATE_LIMIT: String(ASK_LIMIT),
      FINCITE_ANON_DAILY_QUOTA: '1000',
      FINCITE_SIGNIN_RATE_LIMIT: '1000',
      FINCITE_SIGNIN_ACCOUNT_LIMIT: String(ACCOUNT_LIMIT),
      LANG: 'en_US.UTF-8',
    });
    [a, b, solo] = await Promise.all([startServe({ ...env, REDIS_URL, FINCITE_REDIS_PREFIX: prefix }), startServe({ ...env, REDIS_URL, FINCITE_REDIS_PREFIX: prefix }), startServe(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a, b, solo].filter(Boolean).map((s) => stop(s.child)));
    const r = new Redis(REDIS_URL);
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
    await drop?.();
    rmSync(home, { recursive: true, force: true });
  }, 60_000);

  const ask = (s: Server, ip: string) =>
    fetch(`${s.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ question: 'latest 10-year Treasury yield?', lang: 'en' }) });

  it('the start line says where the limits live: Redis for the pair, per process without REDIS_URL', () => {
    expect(a.stderr()).toContain(`limits are shared through Redis (${REDIS_URL}`);
    expect(b.stderr()).toContain(`prefix ${prefix}`);
    expect(solo.stderr()).toMatch(/limits are per process \(no REDIS_URL/);
    expect(solo.stderr()).toMatch(/仅在本进程内有效/);
  });

  it(`an ask limit of ${ASK_LIMIT} a minute admits exactly ${ASK_LIMIT} across both servers (alternating, then in parallel)`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ASK_LIMIT + 5; i++) statuses.push((await ask(i % 2 ? b : a, '10.40.0.1')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(ASK_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.slice(0, ASK_LIMIT).every((s) => s === 200)).toBe(true);
    // the signed-out quota (a Redis counter per address and day) counted the admitted questions once, on both servers
    for (const s of [a, b]) {
      const me = (await (await fetch(`${s.url}/api/me`, { headers: { 'x-forwarded-for': '10.40.0.1' } })).json()) as { quota: { limit: number; remaining: number } };
      expect(me.quota).toEqual({ limit: 1000, remaining: 1000 - ASK_LIMIT });
    }

    const parallel = await Promise.all(Array.from({ length: 2 * ASK_LIMIT }, (_, i) => ask(i % 2 ? b : a, '10.40.0.2')));
    expect(parallel.filter((r) => r.status === 200)).toHaveLength(ASK_LIMIT);
    const refused = parallel.filter((r) => r.status === 429);
    expect(refused).toHaveLength(ASK_LIMIT);
    for (const r of refused) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);

    // the server without Redis counts on its own: the same address still has its whole minute there, and its quota
    // is the database's
    expect((await ask(solo, '10.40.0.1')).status).toBe(200);
    const soloMe = (await (await fetch(`${solo.url}/api/me`, { headers: { 'x-forwarded-for': '10.40.0.1' } })).json()) as { quota: { remaining: number } };
    expect(soloMe.quota.remaining).toBe(999);
  }, 60_000);

  it('the sign-in throttle per account holds across both servers; the right password is refused too', async () => {
    const post = (s: Server, p: string, ip: string, body: unknown) =>
      fetch(`${s.url}/api/auth/${p}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(body) });
    expect((await post(a, 'sign-up/email', '10.41.0.1', { email: 'shared@example.com', name: 'Shared', password: 'the shared passphrase' })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(i % 2 ? b : a, 'sign-in/email', `10.41.1.${i % 5}`, { email: 'shared@example.com', password: `wrong guess ${i}` })).status);
    expect(statuses).toEqual([...Array<number>(ACCOUNT_LIMIT).fill(401), ...Array<number>(10 - ACCOUNT_LIMIT).fill(429)]);
    for (const s of [a, b]) {
      const right = await post(s, 'sign-in/email', '10.41.2.1', { email: 'shared@example.com', password: 'the shared passphrase' });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  }, 60_000);
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

const noRedisServer = spawnSync('redis-server', ['--version']).error ? 'redis-server is not installed' : null;
if (noRedisServer && process.env.CI) throw new Error(`CI requires redis-server: ${noRedisServer}`);

describe.skipIf(reason ?? noRedisServer)('Redis stopping under a running server', () => {
  let redis: ChildProcess | undefined;
  let port: number;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new Redis(`redis://127.0.0.1:${port}`, { retryStrategy: (n) => (n > 50 ? null : 100) });
    probe.on('error', () => undefined);
    await probe.ping();
    probe.disconnect();
  };
  afterAll(async () => {
    if (redis) await stop(redis);
  });

  it('sign-in answers 503 while Redis is down (the per-minute limits fall back to memory) and works again when it is back', async () => {
    port = await freePort();
    await startRedis();
    const db = await freshPglite();
    const token = 'machine-token-0123456789';
    const parts = await createServerApp(db, { settings: testSettings({ redisUrl: `redis://127.0.0.1:${port}`, redisPrefix: 'outage:', apiToken: token }), webDir: '/nonexistent', llm: null });
    try {
      await signUp(parts.app, 'outage@example.com', 'O', 'the outage passphrase', '10.42.0.1');
      const signIn = () => client(parts.app, '', '10.42.0.2').req('/api/auth/sign-in/email', { method: 'POST', json: { email: 'outage@example.com', password: 'the outage passphrase' } });
      expect((await signIn()).status).toBe(200);

      await stop(redis!);
      const t = performance.now();
      const down = await signIn();
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe('limits_unavailable');
      expect(performance.now() - t).toBeLessThan(2500); // no request waits for a reconnect
      expect((await parts.app.request('/v1/models', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.42.0.3' } })).status).toBe(200);

      await startRedis();
      await expect.poll(async () => (await signIn()).status, { timeout: 10_000, interval: 200 }).toBe(200);
    } finally {
      await parts.jobs.stop();
      await parts.limits.close();
      await db.close();
    }
  }, 60_000);
});
