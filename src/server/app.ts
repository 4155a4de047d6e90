// The HTTP server (Hono): the web app, the JSON API (OpenAPI at /api/openapi.json) and accounts — thin adapters
// over the engine, the report builder and the store. Every input is validated with zod; typed errors become
// 4xx/5xx JSON in the caller's language; no stack trace ever leaves the server.
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ServerSettings } from '../config.ts';
import { FinciteError, userMessage } from '../core/errors.ts';
import { checkText } from '../core/text-input.ts';
import type { Engine } from '../engine/index.ts';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import { handleAuthRequest, type Auth } from './auth.ts';
import { identify, langOf, localOwner, sameOriginGuard, type AppEnv } from './context.ts';
import { createLimits, type Limits } from './limits.ts';
import type { ReportJobs } from './jobs.ts';
import { registerAccount } from './routes/account.ts';
import { registerAsk } from './routes/ask.ts';
import { registerData } from './routes/data.ts';
import { registerLocal } from './routes/local.ts';
import { registerMcp } from './mcp.ts';
import { registerOpenAiCompat } from './routes/openai.ts';
import { registerReports } from './routes/reports.ts';
import { registerWeb } from './web.ts';
import { TooManyRequestsError } from './errors.ts';
import { logFailure } from './log.ts';

/** Retry-After (seconds) of a 429 whose source did not say. */
const DEFAULT_RETRY_AFTER = 60;

export interface AppDeps {
  db: Database;
  engine: Engine;
  auth: Auth;
  jobs: ReportJobs;
  settings: ServerSettings;
  /** Rate limits, sign-in throttles and the signed-out quota (Redis or memory); absent: a memory store of its own. */
  limits?: Limits;
  /** The built web app (web/dist); absent: API only. */
  webDir?: string;
  /** The local-owner token (serve.ts writes it to a file only the user can read); absent: no local owner. */
  localToken?: string;
}

/** The display name and email of a sign-up or profile update, checked by checkText (bad JSON is better-auth's to answer). */
async function checkAccountText(req: Request): Promise<void> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return;
  }
  if (!body || typeof body !== 'object') return;
  const { name, email } = body as Record<string, unknown>;
  if (typeof name === 'string') checkText(name, 'displayName');
  if (typeof email === 'string') checkText(email, 'email');
}

/**
 * The Content-Security-Policy of every response: scripts, styles, fonts and data only from this origin (styles
 * also inline: ECharts and the report page set style attributes and a <style> block); images from here or data:
 * URLs; no plugins; framed only by this origin (the web app shows report HTML in a frame). Nothing a model wrote
 * can load a script or fetch from elsewhere, even if it got past the sanitiser.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** The largest request body each kind of route takes, in bytes. */
export const BODY_LIMITS = { api: 64 * 1024, auth: 16 * 1024, report: 8 * 1024 } as const;

export class RequestTooLargeError extends FinciteError {
  constructor(limit: number) {
    super('request_too_large', { zh: `请求体过大（上限 ${Math.round(limit / 1024)} KB）。`, en: `The request body is too large (limit ${Math.round(limit / 1024)} KB).` }, 413);
  }
}

/** Refuse a body over `max` bytes (by Content-Length, or while reading a body sent without one). */
function limitBody(max: number) {
  return bodyLimit({
    maxSize: max,
    onError: () => {
      throw new RequestTooLargeError(max);
    },
  });
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const { db, auth, settings } = deps;
  const limits = deps.limits ?? createLimits(settings);
  const app = new OpenAPIHono<AppEnv>({
    // zod failures: a 400 in the caller's language naming the field, never the raw issue dump
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'request';
      const lang = langOf(c);
      return c.json({ error: { code: 'invalid_input', message: lang === 'zh' ? `参数无效:${field}(${issue?.message})` : `Invalid ${field}: ${issue?.message}` } }, 400);
    },
  });

  app.onError((err, c) => {
    const lang = langOf(c);
    if (err instanceof FinciteError) {
      if (err instanceof TooManyRequestsError) c.header('Retry-After', String(err.retryAfter));
      // a busy service (the PDF pool's full queue, 503) says when to come back too
      else if (typeof (err as { retryAfter?: unknown }).retryAfter === 'number') c.header('Retry-After', String((err as unknown as { retryAfter: number }).retryAfter));
      return c.json({ error: { code: err.code, message: err.messages[lang] } }, err.status as 400);
    }
    if (err instanceof SyntaxError || (err instanceof HTTPException && err.status === 400)) {
      return c.json({ error: { code: 'invalid_json', message: lang === 'zh' ? '请求体不是有效的 JSON。' : 'The request body is not valid JSON.' } }, 400);
    }
    if (err instanceof HTTPException) return c.json({ error: { code: 'http_error', message: err.message } }, err.status);
    logFailure(`${c.req.method} ${c.req.path}`, err);
    return c.json({ error: { code: 'internal', message: userMessage(err, lang) } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: langOf(c) === 'zh' ? '没有这个地址。' : 'Not found.' } }, 404));

  // Every 429 tells the client when to come back: the typed errors set Retry-After themselves (onError); this is
  // the net under anything else that answers 429 (a library's own limiter).
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status === 429 && !c.res.headers.has('Retry-After')) c.res.headers.set('Retry-After', String(DEFAULT_RETRY_AFTER));
  });

  // The report HTML is shown in a same-origin frame of the web app; nothing else may frame the site.
  app.use('*', secureHeaders({ xFrameOptions: 'SAMEORIGIN', crossOriginEmbedderPolicy: false, crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'strict-origin-when-cross-origin', contentSecurityPolicy: CONTENT_SECURITY_POLICY }));

  // liveness (no database work: also the baseline route of bench:serve); /healthz is readiness with data counts
  app.get('/livez', (c) => c.json({ ok: true }));
  app.get('/healthz', async (c) => {
    const counts = await repo.tableCounts(db);
    return c.json({ ok: true, database: db.kind, series: counts.seriesWithData, observations: counts.observations, documents: counts.documents });
  });

  // request-body limits per route (413 in the caller's language), before anything reads the body: a question with
  // its history fits in 64 KB; account forms and report requests are small
  app.use('/api/auth/*', limitBody(BODY_LIMITS.auth));
  app.use('/api/reports', limitBody(BODY_LIMITS.report));
  app.use('/api/*', limitBody(BODY_LIMITS.api));
  app.use('/api/*', sameOriginGuard(settings));
  // better-auth owns /api/auth/*; it sees the client address in a header only the server sets
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // the name and email a person types go through the same text check as every other input, before better-auth
    // writes anything (a NUL in a display name would otherwise reach the database)
    if (c.req.method === 'POST' && /\/(?:sign-up\/email|update-user)$/.test(c.req.path)) await checkAccountText(c.req.raw.clone());
    // limits per address and per account, the password policy, one sign-up answer for new and taken emails
    return handleAuthRequest(c, auth, settings, limits);
  });

  app.use('/api/*', identify(auth, settings));
  // a second fincite process of the server's user (token from the file serve.ts wrote): no quota, no rate limit
  app.use('*', localOwner(deps.localToken));
  registerLocal(app, deps);
  registerAsk(app, { ...deps, limits });
  registerData(app, db);
  registerAccount(app, { ...deps, limits });
  registerReports(app, deps);
  registerOpenAiCompat(app, { ...deps, limits });
  registerMcp(app, { ...deps, limits });

  app.doc('/api/openapi.json', { openapi: '3.0.0', info: { title: 'fincite API', version: '0.1.0', description: '有据 fincite — financial answers where every number is traceable to real data' } });
  if (deps.webDir) registerWeb(app, path.resolve(deps.webDir), db);
  return app;
}
