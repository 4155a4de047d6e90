// fetchWithRetry against the loopback fixture: what is retried, how long it waits, what it throws.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SourceUnavailableError } from '../../src/core/errors.ts';
import { backoffDelay, defaultSleep, fetchWithRetry, parseRetryAfter, redactSecrets, USER_AGENT } from '../../src/data/http.ts';
import { startFixtureServer, type FixtureServer } from '../fixtures/live-server.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => server.clearFaults());

function recordingSleep() {
  const calls: number[] = [];
  return { calls, sleep: async (ms: number) => void calls.push(ms) };
}

/** Requests the fixture received since `mark` (an index into its log). */
const since = (mark: number) => server.requests.slice(mark);

const WALCL = '/graph/fredgraph.csv?id=WALCL';

describe('fetchWithRetry', () => {
  it('returns the response with its body unread and sends the User-Agent', async () => {
    const mark = server.requests.length;
    const res = await fetchWithRetry(server.url + WALCL);
    expect(res.status).toBe(200);
    expect(res.bodyUsed).toBe(false);
    expect((await res.text()).startsWith('observation_date,WALCL')).toBe(true);
    expect(since(mark)).toHaveLength(1);
    expect(since(mark)[0]!.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toBe('fincite/0.1 (+https://github.com/fincite)');
  });

  it('retries a 429 after the Retry-After seconds', async () => {
    server.setFault(WALCL, { status: 429, retryAfter: 2 });
    const { calls, sleep } = recordingSleep();
    const mark = server.requests.length;
    const res = await fetchWithRetry(server.url + WALCL, { sleep });
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(calls).toEqual([2000]);
    expect(since(mark).map((r) => r.fault)).toEqual([{ status: 429, retryAfter: 2 }, undefined]);
  });

  it('caps a long Retry-After at maxDelayMs', async () => {
    server.setFault(WALCL, { status: 429, retryAfter: 3600 });
    const { calls, sleep } = recordingSleep();
    const res = await fetchWithRetry(server.url + WALCL, { sleep, maxDelayMs: 5000 });
    await res.body?.cancel();
    expect(calls).toEqual([5000]);
  });

  it('backs off exponentially with jitter on 5xx and throws SourceUnavailableError when attempts run out', async () => {
    server.setFault(WALCL, { status: 503 }, 10);
    const { calls, sleep } = recordingSleep();
    const mark = server.requests.length;
    const err = await fetchWithRetry(server.url + WALCL, { sleep, baseDelayMs: 100, random: () => 0.5, source: 'fred' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).message).toMatch(/^Source fred is unavailable: GET http:\/\/127\.0\.0\.1:\d+\/graph\/fredgraph\.csv\?id=WALCL failed after 4 attempts: HTTP 503/);
    expect(since(mark)).toHaveLength(4);
    // delay = d/2 + random·d/2 with d = 100·2^retry
    expect(calls).toEqual([75, 150, 300]);
  });

  it('recovers from a mix of 502 and 500', async () => {
    server.setFault(WALCL, { status: 502 });
    server.setFault(WALCL, { status: 500 });
    const { calls, sleep } = recordingSleep();
    const res = await fetchWithRetry(server.url + WALCL, { sleep });
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(calls).toHaveLength(2);
  });

  it('times out a request that hangs and retries it', async () => {
    server.setFault(WALCL, { hang: true });
    const { calls, sleep } = recordingSleep();
    const mark = server.requests.length;
    const started = Date.now();
    const res = await fetchWithRetry(server.url + WALCL, { sleep, timeoutMs: 200 });
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(since(mark)).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  it('says so when every attempt timed out', async () => {
    server.setFault(WALCL, { hang: true }, 2);
    const { sleep } = recordingSleep();
    await expect(fetchWithRetry(server.url + WALCL, { sleep, timeoutMs: 100, retries: 1 })).rejects.toThrow(/failed after 2 attempts: no response within 100 ms/);
  });

  it('does not retry a 404 or 400 and hands the response back', async () => {
    const { calls, sleep } = recordingSleep();
    const mark = server.requests.length;
    const notFound = await fetchWithRetry(`${server.url}/graph/fredgraph.csv?id=NO_SUCH_SERIES`, { sleep });
    expect(notFound.status).toBe(404);
    await notFound.body?.cancel();
    const badRequest = await fetchWithRetry(`${server.url}/fred/series/observations?series_id=WALCL&file_type=json`, { sleep });
    expect(badRequest.status).toBe(400);
    expect(await badRequest.json()).toMatchObject({ error_code: 400, error_message: expect.stringMatching(/api_key is not set/) });
    expect(since(mark)).toHaveLength(2);
    expect(calls).toEqual([]);
  });

  it('retries network errors (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { calls, sleep } = recordingSleep();
    const err = await fetchWithRetry(`http://127.0.0.1:${port}/x`, { sleep, retries: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).message).toMatch(/failed after 3 attempts: network error: .*ECONNREFUSED/);
    expect(calls).toHaveLength(2);
  });

  it("passes the caller's abort through without retrying", async () => {
    server.setFault(WALCL, { hang: true }, 5);
    const controller = new AbortController();
    const mark = server.requests.length;
    setTimeout(() => controller.abort(), 50);
    const err = await fetchWithRetry(server.url + WALCL, { signal: controller.signal, timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(SourceUnavailableError);
    expect((err as Error).name).toBe('AbortError');
    expect(since(mark)).toHaveLength(1);
    await expect(fetchWithRetry(server.url + WALCL, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('never shows an api_key in an error', async () => {
    const key = server.apiKey;
    server.setFault('/fred/series/observations', { status: 500 }, 2);
    const err = await fetchWithRetry(`${server.url}/fred/series/observations?series_id=WALCL&api_key=${key}&file_type=json`, { retries: 1, sleep: recordingSleep().sleep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceUnavailableError);
    const shown = JSON.stringify({ message: (err as Error).message, messages: (err as SourceUnavailableError).messages, stack: (err as Error).stack });
    expect(shown).not.toContain(key);
    expect((err as Error).message).toContain('api_key=REDACTED&file_type=json');
  });
});

describe('helpers', () => {
  it('redactSecrets hides every api_key value', () => {
    expect(redactSecrets('https://x/y?api_key=abc123&file_type=json')).toBe('https://x/y?api_key=REDACTED&file_type=json');
    expect(redactSecrets('a?API_KEY=k1 and b?x=1&api_key=k2')).toBe('a?API_KEY=REDACTED and b?x=1&api_key=REDACTED');
  });

  it('backoffDelay doubles up to the cap, jittered within [d/2, d]', () => {
    expect(backoffDelay(0, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(0, 500, 30_000, () => 0.999999)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 0)).toBe(2000);
    expect(backoffDelay(10, 500, 30_000, () => 0)).toBe(15_000);
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
  });

  it('defaultSleep waits and can be aborted', async () => {
    const started = Date.now();
    await defaultSleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const pending = defaultSleep(10_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
