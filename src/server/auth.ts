// Accounts: better-auth (email + password, scrypt hashes, database sessions) over our drizzle schema. It owns
// /api/auth/*: sign-up, sign-in, sign-out, session. Its cookies are HttpOnly and SameSite=Lax, Secure when the
// public URL is https; it checks Origin / Fetch Metadata on cookie-carrying requests (CSRF).
//
// In front of it, handleAuthRequest (OWASP ASVS 2.1, 2.2): the sign-in and sign-up limits per client address and
// the sign-in throttle per account (the email, from any address) in the shared limits store (src/server/limits.ts),
// the password policy (8–128 characters, not a common or breached password from the list shipped in
// src/server/data/common-passwords.txt, not the email or its name part) on sign-up and password change, and a
// sign-up answer that is the same whether or not the email is taken.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { loadConfig, type ServerSettings } from '../config.ts';
import { FinciteError } from '../core/errors.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { authAccount, authSession, authUser, authVerification } from '../store/schema.ts';
import { clientIp, type AppContext } from './context.ts';
import { AccountThrottledError, AuthRateLimitedError, isLocalOwner, type Limits } from './limits.ts';

/** The header the server sets (replacing any client value) with the client address, for auth rate limits. */
export const CLIENT_IP_HEADER = 'x-fincite-client-ip';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

async function authSecret(db: Database, settings: ServerSettings): Promise<string> {
  if (settings.authSecret) return settings.authSecret;
  const stored = await repo.getSetting(db, 'auth_secret');
  if (stored) return stored;
  // several servers starting at once on one empty database: the first secret written wins and every one of them
  // reads it back (an overwrite would leave each server signing cookies the others cannot read)
  await db.query("INSERT INTO app_settings (key, value) VALUES ('auth_secret', $1) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('base64url')]);
  return (await repo.getSetting(db, 'auth_secret'))!;
}

/** Password length (ASVS 2.1.1, 2.1.2). */
export const PASSWORD_LIMITS = { min: 8, max: 128 } as const;

export class WeakPasswordError extends FinciteError {
  constructor(reason: 'common' | 'email') {
    super(
      'weak_password',
      reason === 'common'
        ? { zh: '这个密码太常见（在常用或泄露密码列表中），很容易被猜到，请换一个。', en: 'This password is too common (it is on a list of common or breached passwords) and easy to guess; choose another.' }
        : { zh: '密码不能与邮箱或邮箱 @ 前面的部分相同，请换一个。', en: 'The password must not be the email address or the part before its @; choose another.' },
      400,
    );
  }
}

let commonPasswords: Set<string> | null = null;

/** The shipped list (lower-case, one a line, # comments), read once. */
function commonPasswordSet(): Set<string> {
  if (!commonPasswords) {
    const file = path.join(loadConfig().repoRoot, 'src', 'server', 'data', 'common-passwords.txt');
    commonPasswords = new Set(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return commonPasswords;
}

/**
 * Refuse a common or breached password, or one equal to the email or its local part (case-insensitive). Length is
 * better-auth's check (PASSWORD_LIMITS), which answers PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG.
 */
export function checkPassword(password: unknown, email?: unknown): void {
  if (typeof password !== 'string') return;
  const p = password.toLowerCase();
  if (typeof email === 'string' && email.trim()) {
    const e = email.trim().toLowerCase();
    if (p === e || p === e.split('@')[0]) throw new WeakPasswordError('email');
  }
  if (commonPasswordSet().has(p)) throw new WeakPasswordError('common');
}

export async function createAuth(db: Database, settings: ServerSettings) {
  const secure = settings.publicUrl?.startsWith('https://') ?? false;
  return betterAuth({
    appName: 'fincite',
    secret: await authSecret(db, settings),
    basePath: '/api/auth',
    // A fixed public URL when deployed; otherwise the host the request came to (localhost, a LAN address …).
    baseURL: settings.publicUrl ?? { allowedHosts: ['*'], protocol: 'http' },
    database: drizzleAdapter(db.orm, {
      provider: 'pg',
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification },
    }),
    // no sign-in on sign-up: better-auth then answers a taken email like a new one (after hashing the password
    // all the same); the client signs in next with the same credentials
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_LIMITS.min, maxPasswordLength: PASSWORD_LIMITS.max, autoSignIn: false },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // replaced by handleAuthRequest's limits, which several server processes share through Redis
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

/** The signed-in user of a request, or null. */
export async function sessionUser(auth: Auth, request: Request): Promise<SessionUser | null> {
  // the host is part of the dynamic base URL; requests built in-process may not carry a Host header
  const headers = new Headers(request.headers);
  if (!headers.has('host')) headers.set('host', new URL(request.url).host);
  const s = await auth.api.getSession({ headers });
  return s ? { id: s.user.id, name: s.user.name, email: s.user.email } : null;
}

async function readJson(req: Request): Promise<Record<string, unknown> | null> {
  try {
    const body = (await req.json()) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  } catch {
    return null; // bad JSON is better-auth's to answer
  }
}

/**
 * /api/auth/*: the limits and the password policy in front of better-auth, then better-auth with the client address.
 * - per client address: sign-in and sign-up attempts (signInPerMinute each), other auth requests 100 a minute;
 * - per account (the email, lower-cased, whatever address it comes from): at most signInAccountLimit sign-ins that
 *   reach the password check per 15 minutes. An attempt is counted before the check (so parallel guesses cannot
 *   overrun the limit), given back when better-auth refuses it for another reason than a wrong password, and the
 *   account's count is cleared by a successful sign-in. Once the limit is reached, every sign-in to that account —
 *   the right password too — is refused with 429 and Retry-After until the window passes: a guesser learns nothing.
 * - sign-up answers 200 `{ ok: true }`, without a session cookie, for a new and for a taken email alike.
 * Requests of this machine's own CLI (localOwner) are not limited.
 */
export async function handleAuthRequest(c: AppContext, auth: Auth, settings: ServerSettings, limits: Limits): Promise<Response> {
  const ip = clientIp(c, settings);
  const route = c.req.path.replace(/^\/api\/auth/, '');
  const post = c.req.method === 'POST';
  const local = isLocalOwner(c);
  if (!local) {
    const bucket = post && route === '/sign-in/email' ? limits.signInAddress : post && route === '/sign-up/email' ? limits.signUpAddress : limits.authAddress;
    const wait = await bucket.take(ip);
    if (wait !== null) throw new AuthRateLimitedError(wait);
  }
  const body = post ? await readJson(c.req.raw.clone()) : null;
  if (post && route === '/sign-up/email') checkPassword(body?.password, body?.email);
  if (post && route === '/reset-password') checkPassword(body?.newPassword);
  if (post && route === '/change-password') checkPassword(body?.newPassword, (await sessionUser(auth, c.req.raw))?.email);

  let account: string | null = null;
  if (post && route === '/sign-in/email' && !local && typeof body?.email === 'string') {
    account = body.email.trim().toLowerCase();
    const wait = await limits.signInAccount.take(account);
    if (wait !== null) throw new AccountThrottledError(wait);
  }
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, ip);
  let res: Response;
  try {
    res = await auth.handler(new Request(c.req.raw, { headers }));
  } catch (err) {
    if (account) await limits.signInAccount.give(account);
    throw err;
  }
  if (account) {
    if (res.status === 200) await limits.signInAccount.reset(account);
    else if (res.status !== 401) await limits.signInAccount.give(account);
  }
  // one answer for a new and a taken email: status, body and headers (no cookie) do not tell them apart
  if (post && route === '/sign-up/email' && res.status === 200) {
    await res.body?.cancel();
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  return res;
}
