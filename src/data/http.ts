// Plumbing shared by the live connectors: a GET with a timeout per attempt and retries with backoff on the
// failures that pass (network errors, timeouts, 429, 5xx), and reading/validating a body into typed errors,
// so each connector only decides what a response means.
import type { z } from 'zod';
import { MalformedResponseError, SourceUnavailableError } from '../core/errors.ts';

export const USER_AGENT = 'fincite/0.1 (+https://github.com/fincite)';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface FetchOptions {
  /** Retries after the first attempt (so at most retries + 1 requests). */
  retries?: number;
  /** Limit for one attempt, from sending the request until the body has been read. */
  timeoutMs?: number;
  /** First backoff delay; doubles on each retry, with jitter. */
  baseDelayMs?: number;
  /** Cap for a backoff delay and for a server's Retry-After. */
  maxDelayMs?: number;
  /** The caller's cancellation; an abort is passed through as is, never retried. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Name of the source in errors (defaults to the URL's host). */
  source?: string;
  /** Injectable for tests so retries do not wait. */
  sleep?: Sleep;
  /** Injectable randomness for the jitter, in [0, 1). */
  random?: () => number;
}

/** Settings a connector passes through to every request it makes. */
export type HttpSettings = Pick<FetchOptions, 'retries' | 'timeoutMs' | 'baseDelayMs' | 'maxDelayMs' | 'sleep' | 'random'>;

const DEFAULTS = { retries: 3, timeoutMs: 15_000, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Hide API keys in anything that may be shown or stored: URLs, error details. */
export function redactSecrets(text: string): string {
  return text.replace(/(api_key=)[^&\s"'#]*/gi, '$1REDACTED');
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries spread out. */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${err.message} (${code}: ${cause.message})` : `${err.message} (${cause.message})`;
  }
  return err.message;
}

/**
 * GET `url`, retrying what may pass. Returns the Response (body not consumed) for any status that is not
 * retried — 2xx, and 4xx other than 429 — so the caller can read an error body; throws SourceUnavailableError
 * when the attempts run out. The timeout keeps running while the caller reads the body.
 */
export async function fetchWithRetry(url: string, opts: FetchOptions = {}): Promise<Response> {
  const retries = opts.retries ?? DEFAULTS.retries;
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const baseDelayMs = opts.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = opts.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const shownUrl = redactSecrets(url);
  const source = opts.source ?? hostOf(url);
  const headers = { 'User-Agent': USER_AGENT, ...opts.headers };

  let lastFailure = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    opts.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    let retryAfterMs: number | undefined;
    try {
      const res = await fetch(url, { headers, signal, redirect: 'follow' });
      if (res.status === 429 || res.status >= 500) {
        lastFailure = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
        if (res.status === 429) retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        await res.body?.cancel().catch(() => undefined);
      } else {
        return res;
      }
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      lastFailure = timeout.aborted ? `no response within ${timeoutMs} ms` : `network error: ${describeNetworkError(err)}`;
    }
    if (attempt < retries) {
      const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, maxDelayMs) : backoffDelay(attempt, baseDelayMs, maxDelayMs, random);
      await sleep(delay, opts.signal);
    }
  }
  const attempts = retries + 1;
  throw new SourceUnavailableError(source, redactSecrets(`GET ${shownUrl} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastFailure}`));
}

/**
 * Read a response body as text. A failure while reading (the timeout, a cut connection) means the source is
 * unavailable, not that it sent something malformed.
 */
export async function readBodyText(res: Response, source: string, url: string): Promise<string> {
  try {
    return await res.text();
  } catch (err) {
    throw new SourceUnavailableError(source, redactSecrets(`reading the body of ${url} failed: ${describeNetworkError(err)}`));
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}

/** One line of at most `max` characters of a body or value, for an error message. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Parse a body that must be JSON; anything else (an HTML error page, a truncated body) is malformed. */
export function parseJsonText(text: string, source: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedResponseError(source, `${what} is not JSON (${text.length} characters, starting "${excerpt(text)}")`);
  }
}

/** Check a parsed body against its schema; the first issues go into the MalformedResponseError. */
export function validateResponse<S extends z.ZodType>(schema: S, body: unknown, source: string, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  throw new MalformedResponseError(source, `${what}: ${issues}`);
}

/** Short text of an error body, for a message; never throws. */
export async function bodyExcerpt(res: Response, max = 200): Promise<string> {
  try {
    return excerpt(await res.text(), max);
  } catch {
    return '';
  }
}
