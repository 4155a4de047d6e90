// Every limit of the server in one place: the per-minute ask limit, the signed-out daily quota, the machine
// endpoints' limits (/mcp, /v1) per token and per address, and the sign-in throttles per address and per account.
//
// The store is Redis when REDIS_URL is set — then any number of `fincite serve` processes share every counter
// (keys under FINCITE_REDIS_PREFIX, default "fincite:") — and this process's memory otherwise (one process: its
// limits are its own, and the server says so at start).
//
// Redis down (decided here, documented in README):
// - sign-in throttles (per address, per account) and the rest of /api/auth fail closed: 503 in the caller's
//   language, nothing reaches better-auth — an outage must not open the door to password guessing;
// - the signed-out daily quota fails closed too (503): it cannot be counted, so it is not spent;
// - the per-minute ask limit and the machine limits fall back to this process's memory until Redis answers again
//   (each process then limits on its own): questions keep being answered, still bounded.
// No request waits for a reconnect: commands fail at once while Redis is unreachable (no offline queue).
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ServerSettings } from '../config.ts';
import { FinciteError } from '../core/errors.ts';
import type { Database } from '../store/db.ts';
import { clientIp, type AppContext } from './context.ts';
import { embeddedQuota } from './quota-embedded.ts';
import { TooManyRequestsError } from './errors.ts';

/** Defaults of the optional settings (README lists them with their variables). */
export const LIMIT_DEFAULTS = {
  redisPrefix: 'fincite:',
  /** FINCITE_MACHINE_RATE_LIMIT: requests per minute to /mcp and /v1, per token and per address. */
  machinePerMinute: 120,
  /** FINCITE_SIGNIN_ACCOUNT_LIMIT: failed sign-ins per account (email) per window, from any address. */
  signInAccountLimit: 10,
  /** The window of the per-account throttle, in seconds (15 minutes). */
  signInAccountWindow: 15 * 60,
  /** Requests per minute per address to the other /api/auth routes (session, sign-out, profile …). */
  authPerMinute: 100,
} as const;

/** 503: a limit cannot be checked because its store (Redis) does not answer. */
export class LimiterUnavailableError extends FinciteError {
  constructor() {
    super('limits_unavailable', { zh: '服务暂时无法校验访问限制，请稍后再试。', en: 'The server cannot check its access limits right now; try again shortly.' }, 503);
  }
}

/** 429 of the per-address sign-in / sign-up limit. */
export class AuthRateLimitedError extends TooManyRequestsError {
  constructor(retryAfter: number) {
    super('too_many_attempts', { zh: `尝试次数过多，请 ${retryAfter} 秒后再试。`, en: `Too many attempts; try again in ${retryAfter} s.` }, retryAfter);
  }
}

/** 429 of the per-account sign-in throttle (any email, existing or not: it reveals nothing about accounts). */
export class AccountThrottledError extends TooManyRequestsError {
  constructor(retryAfter: number) {
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    super(
      'sign_in_throttled',
      { zh: `这个邮箱的登录失败次数过多，已暂停登录，请 ${minutes} 分钟后再试。`, en: `Too many failed sign-ins for this email; sign-in is paused, try again in ${minutes} min.` },
      retryAfter,
    );
  }
}

/** 429 of /mcp and /v1. */
export class MachineRateLimitedError extends TooManyRequestsError {
  constructor(retryAfter: number) {
    super('rate_limited', { zh: `请求过于频繁，请 ${retryAfter} 秒后再试。`, en: `Too many requests; try again in ${retryAfter} s.` }, retryAfter);
  }
}

const retrySeconds = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** One limit: `points` per `duration` seconds per key. */
export class Bucket {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly points: number,
  ) {}

  /** Count one against `key`: null when allowed, else the seconds to wait. Store down: LimiterUnavailableError (or the memory fallback where configured). */
  async take(key: string): Promise<number | null> {
    try {
      await this.limiter.consume(key);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return retrySeconds(err);
      throw new LimiterUnavailableError();
    }
  }

  /** Give back one taken point (the attempt did not count, e.g. a malformed request). */
  async give(key: string): Promise<void> {
    await this.limiter.reward(key, 1).catch(() => undefined);
  }

  /** Forget the key (a successful sign-in clears its account's failures). */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key).catch(() => undefined);
  }
}

export interface Limits {
  /** 'redis': shared by every process on the same Redis and prefix; 'memory': this process only. */
  readonly kind: 'redis' | 'memory';
  readonly prefix: string;
  readonly ask: Bucket;
  readonly machineToken: Bucket;
  readonly machineAddress: Bucket;
  readonly signInAddress: Bucket;
  readonly signUpAddress: Bucket;
  readonly signInAccount: Bucket;
  readonly authAddress: Bucket;
  /**
   * Count one signed-out question for `key` on `day` and return the day's count: Redis (one round trip), or on an
   * embedded server this process's count written back in the background (quota-embedded.ts). Null: use the
   * database's quota (one upsert; several processes on PostgreSQL without Redis).
   */
  takeQuota(key: string, day: string): Promise<number> | null;
  usedQuota(key: string, day: string): Promise<number> | null;
  /** Resolves once Redis is connected (at most `waitMs`; memory: at once), so a new server does not answer 503 while it connects. */
  ready(waitMs?: number): Promise<void>;
  /** One line for the server's start, in both languages. */
  startLine(): string;
  close(): Promise<void>;
}

/** The store's connection: fails fast while Redis is unreachable (no offline queue), reconnects in the background. */
function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // one line per outage, never a stack (ioredis would print every reconnect failure without a listener)
  let down = false;
  redis.on('error', (err: Error & { code?: string }) => {
    if (down) return;
    down = true;
    process.stderr.write(`[fincite] ${new Date().toISOString()} limits store (Redis) unreachable: ${err.code ?? err.name}; sign-in and the signed-out quota answer 503 until it is back\n`);
  });
  redis.on('ready', () => {
    if (down) process.stderr.write(`[fincite] ${new Date().toISOString()} limits store (Redis) reachable again\n`);
    down = false;
  });
  return redis;
}

/** Redis URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis';
  }
}

/** The limits of a server with `settings`: shared through Redis when settings.redisUrl is set, else in memory. */
export function createLimits(settings: ServerSettings, opts: { db?: Database } = {}): Limits {
  const prefix = settings.redisPrefix ?? LIMIT_DEFAULTS.redisPrefix;
  const machine = settings.machinePerMinute ?? LIMIT_DEFAULTS.machinePerMinute;
  const accountLimit = settings.signInAccountLimit ?? LIMIT_DEFAULTS.signInAccountLimit;
  const redis = settings.redisUrl ? connectRedis(settings.redisUrl) : null;

  const bucket = (name: string, points: number, duration: number, fallback: 'memory' | 'closed'): Bucket => {
    const memory = new RateLimiterMemory({ keyPrefix: `${prefix}${name}`, points, duration });
    if (!redis) return new Bucket(memory, points);
    const shared = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
      ...(fallback === 'memory' ? { insuranceLimiter: memory } : {}),
    });
    return new Bucket(shared, points);
  };
  const quotaKey = (key: string, day: string) => `${prefix}quota:${day}:${key}`;
  // embedded (one owner process) without Redis: the quota is counted here and stored in the background
  const embedded = !redis && opts.db?.kind === 'pglite' ? embeddedQuota(opts.db) : null;

  return {
    kind: redis ? 'redis' : 'memory',
    prefix,
    ask: bucket('ask', settings.askPerMinute, 60, 'memory'),
    machineToken: bucket('machine-token', machine, 60, 'memory'),
    machineAddress: bucket('machine-ip', machine, 60, 'memory'),
    signInAddress: bucket('signin-ip', settings.signInPerMinute, 60, 'closed'),
    signUpAddress: bucket('signup-ip', settings.signInPerMinute, 60, 'closed'),
    signInAccount: bucket('signin-account', accountLimit, LIMIT_DEFAULTS.signInAccountWindow, 'closed'),
    authAddress: bucket('auth-ip', LIMIT_DEFAULTS.authPerMinute, 60, 'closed'),
    takeQuota(key, day) {
      if (embedded) return embedded.take(key, day);
      if (!redis) return null;
      const k = quotaKey(key, day);
      // INCR and EXPIRE in one MULTI: atomic, one round trip; the key outlives its UTC day by a day
      return redis
        .multi()
        .incr(k)
        .expire(k, 2 * 24 * 3600)
        .exec()
        .then((res) => {
          const [err, count] = res?.[0] ?? [new Error('no reply'), null];
          if (err) throw err;
          return Number(count);
        })
        .catch(() => {
          throw new LimiterUnavailableError();
        });
    },
    usedQuota(key, day) {
      if (embedded) return embedded.used(key, day);
      if (!redis) return null;
      return redis.get(quotaKey(key, day)).then(
        (v) => Number(v ?? 0),
        () => {
          throw new LimiterUnavailableError();
        },
      );
    },
    ready(waitMs = 3000) {
      if (!redis || redis.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        timer.unref();
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    startLine() {
      return redis
        ? `限流与登录保护由 Redis 共享（${redactUrl(settings.redisUrl!)}，前缀 ${prefix}）/ limits are shared through Redis (${redactUrl(settings.redisUrl!)}, prefix ${prefix})`
        : '限流与登录保护仅在本进程内有效（未设置 REDIS_URL；多台服务器请设置 REDIS_URL）/ limits are per process (no REDIS_URL; set REDIS_URL to share them across servers)';
    },
    async close() {
      await embedded?.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * /mcp and /v1: at most `machinePerMinute` requests per minute per bearer token (its hash) and per client address,
 * checked before the token itself (so guessing tokens is bounded too).
 */
export function machineLimit(limits: Limits, settings: ServerSettings): MiddlewareHandler {
  return async (c, next) => {
    if (!isLocalOwner(c)) {
      const token = tokenKey(c);
      const waits = await Promise.all([token ? limits.machineToken.take(token) : null, limits.machineAddress.take(clientIp(c, settings))]);
      const wait = Math.max(...waits.map((w) => w ?? 0));
      if (wait > 0) throw new MachineRateLimitedError(wait);
    }
    await next();
  };
}

/** Requests of this machine's own fincite CLI (the local-owner token) are not limited. */
export function isLocalOwner(c: Context): boolean {
  // set by context.ts localOwner() on every route after /api/auth (auth requests are never the local owner's)
  return (c as AppContext).get('localOwner') === true;
}

/** The key of a bearer token: a hash, so the store never holds the token itself. */
export function tokenKey(c: Context): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '');
  return m ? createHash('sha256').update(m[1]!).digest('base64url').slice(0, 32) : null;
}
