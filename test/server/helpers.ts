// Helpers for the server suites: settings with small limits, and a signed-in client (cookies kept like a browser).
import type { ServerSettings } from '../../src/config.ts';
import type { ServerParts } from '../../src/server/serve.ts';

export function testSettings(over: Partial<ServerSettings> = {}): ServerSettings {
  return { trustProxy: true, authSecret: 'test-secret-test-secret-test-secret-0123', anonDailyQuota: 1000, askPerMinute: 1000, signInPerMinute: 1000, ...over };
}

type App = ServerParts['app'];

/** The name=value pairs of Set-Cookie headers, as a Cookie header. */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

export interface Client {
  cookie: string;
  /** A request from this browser: its cookie, same-origin fetch metadata, JSON. */
  req(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export function client(app: App, cookie = '', ip = '10.0.0.1'): Client {
  return {
    cookie,
    req: (p, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('cookie', cookie);
      headers.set('x-forwarded-for', ip);
      if (!headers.has('origin')) headers.set('origin', 'http://localhost');
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      return Promise.resolve(app.request(p, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) }));
    },
  };
}

export async function signUp(app: App, email: string, name = email.split('@')[0]!, password = 'correct horse battery', ip = '10.0.0.1'): Promise<Client> {
  // sign-up does not sign in (its answer must not tell a new email from a taken one): sign in next, as the web app does
  const res = await client(app, '', ip).req('/api/auth/sign-up/email', { method: 'POST', json: { email, name, password } });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const signIn = await client(app, '', ip).req('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });
  if (signIn.status !== 200) throw new Error(`sign-in after sign-up failed: ${signIn.status} ${await signIn.text()}`);
  return client(app, cookieHeader(signIn), ip);
}
