// Accounts: better-auth (email + password, scrypt hashes, database sessions) over our drizzle schema. It owns
// /api/auth/*: sign-up, sign-in, sign-out, session. Its cookies are HttpOnly and SameSite=Lax, Secure when the
// public URL is https; it checks Origin / Fetch Metadata on cookie-carrying requests (CSRF) and rate-limits
// sign-in and sign-up per client address.
import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { ServerSettings } from '../config.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { authAccount, authSession, authUser, authVerification } from '../store/schema.ts';

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
  const secret = randomBytes(32).toString('base64url');
  await repo.setSetting(db, 'auth_secret', secret);
  return secret;
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
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      storage: 'memory',
      customRules: {
        '/sign-in/email': { window: 60, max: settings.signInPerMinute },
        '/sign-up/email': { window: 60, max: settings.signInPerMinute },
      },
    },
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
