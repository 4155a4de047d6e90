// What every request carries through the app (the client address, the signed-in user) and the middleware
// that sets it, plus the same-origin guard on state-changing requests (CSRF).
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { ServerSettings } from '../config.ts';
import type { Lang } from '../core/format.ts';
import { sessionUser, type Auth, type SessionUser } from './auth.ts';
import { FinciteError } from '../core/errors.ts';
import { CrossSiteRequestError, UnauthorizedError } from './errors.ts';

export interface AppEnv {
  Variables: {
    ip: string;
    user: SessionUser | null;
    /**
     * The request carries the local-owner token of this server (a `fincite` process of the same user on this machine,
     * see localOwner): it is not subject to the signed-out quota or the per-minute limits.
     */
    localOwner: boolean;
  };
}

export type AppContext = Context<AppEnv>;

/** Language of the machine endpoints (/mcp, /v1): English unless the caller asks for Chinese. */
export function machineLang(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'zh' || q === 'en') return q;
  return (c.req.header('accept-language') ?? '').trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Whether the request carries `Authorization: Bearer <expected>`, compared in constant time (length first). */
export function bearerMatches(c: Context, expected: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header('authorization') ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function langOf(c: Context): Lang {
  const q = c.req.query('lang');
  if (q === 'zh' || q === 'en') return q;
  return (c.req.header('accept-language') ?? 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The client address: the socket's peer, or behind a trusted proxy the last X-Forwarded-For hop (the one the
 * proxy appended — earlier hops are whatever the client sent). Requests without a socket (in-process tests)
 * are 'local'.
 */
export function clientIp(c: Context, settings: ServerSettings): string {
  if (settings.trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

export function hasSessionCookie(c: Context): boolean {
  return SESSION_COOKIE.test(c.req.header('cookie') ?? '');
}

/** Sets `ip` and `user` (a session lookup only when a session cookie came with the request). */
export function identify(auth: Auth, settings: ServerSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ip', clientIp(c, settings));
    c.set('user', hasSessionCookie(c) ? await sessionUser(auth, c.req.raw) : null);
    await next();
  };
}

/** A request sent a local-owner token that is not this server's (an old token file, or a guess). */
export class LocalTokenError extends FinciteError {
  constructor() {
    super(
      'local_token_invalid',
      {
        zh: '本机令牌无效：它不是当前运行的服务所写的令牌。请重新运行该命令（服务可能已重启）。',
        en: "The local-owner token is not this server's (the server may have restarted): run the command again.",
      },
      401,
    );
  }
}

/** The header a local `fincite` process sends its server's local-owner token in. */
export const LOCAL_TOKEN_HEADER = 'x-fincite-local-token';

/**
 * Sets `localOwner`: whether the request carries this server's local-owner token (compared in constant time). The
 * server writes the token at start to a file only its user can read (serve.ts), so a request with it comes from
 * that user's own `fincite` process. A request with a wrong token is refused (401), not served as anonymous.
 * Without a token (tests, PostgreSQL deployments) nobody is the local owner.
 */
export function localOwner(token: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = token ? Buffer.from(token, 'utf8') : null;
  return async (c, next) => {
    const sent = c.req.header(LOCAL_TOKEN_HEADER);
    let owner = false;
    if (sent !== undefined) {
      const got = Buffer.from(sent, 'utf8');
      owner = expected !== null && got.length === expected.length && timingSafeEqual(got, expected);
      if (!owner) throw new LocalTokenError();
    }
    c.set('localOwner', owner);
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection on every state-changing /api request, better-auth's included: a browser request must come from
 * this origin — by Fetch Metadata (Sec-Fetch-Site) when the browser sends it, else by the Origin header — and a
 * request carrying the session cookie must prove it one of those ways. Clients that send neither header and no
 * cookie (curl, scripts) are not browsers and carry no ambient authority. SameSite=Lax cookies are the second line.
 */
export function sameOriginGuard(settings: ServerSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const own = () => new Set([new URL(c.req.url).origin, ...(settings.publicUrl ? [new URL(settings.publicUrl).origin] : [])]);
      const ok = site !== undefined ? site === 'same-origin' : origin !== undefined ? own().has(origin) : !hasSessionCookie(c);
      if (!ok) throw new CrossSiteRequestError();
    }
    await next();
  };
}

export function requireUser(c: AppContext): SessionUser {
  const user = c.get('user');
  if (!user) throw new UnauthorizedError();
  return user;
}
