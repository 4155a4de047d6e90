// The web app (web/dist, built by `npm run build`) served by the API server: hashed assets with long caching,
// index.html for the app's own paths (client-side routing), and a clear page when the app was not built.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { Database } from '../store/db.ts';
import * as repo from '../store/repo.ts';
import type { AppEnv } from './context.ts';

/** Paths the web app routes itself (status 200); the client router (web/src/router.tsx) matches the same shapes. */
const APP_ROUTES = /^\/(?:|c\/[^/]+|reports(?:\/[^/]+)?|series(?:\/[^/]+)?|login|signup)\/?$/;

/** Paths that are never the web app's: the API, machine endpoints, assets and probes keep their own 404s. */
const NOT_APP = /^\/(?:api|v1|mcp|assets)(?:\/|$)|^\/(?:healthz|livez|favicon\.svg)$/;

/**
 * The web app under `webDir`. With `db`, a series page of a series the store does not hold (/series/NOPE) is a 404
 * too (the page itself says which series was not found).
 */
export function registerWeb(app: Hono<AppEnv>, webDir: string, db?: Database): void {
  const index = path.join(webDir, 'index.html');
  // read per request (a small file): a rebuild under a running server then serves the new asset names
  const page = () => (existsSync(index) ? readFileSync(index, 'utf8') : null);
  if (existsSync(webDir)) {
    app.use(
      '/assets/*',
      serveStatic({
        root: path.relative(process.cwd(), webDir) || '.',
        // the build writes .br and .gz copies: a browser that accepts them gets the smaller file (Vary set)
        precompressed: true,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.get(
      '/favicon.svg',
      serveStatic({
        path: path.relative(process.cwd(), path.join(webDir, 'favicon.svg')),
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=86400');
        },
      }),
    );
  }
  // the app's own paths get index.html with 200; any other page URL gets it too, with 404, and the client router
  // shows its "page not found" view (in the app's style, not raw JSON)
  app.get('*', async (c, next) => {
    if (NOT_APP.test(c.req.path)) return next();
    const series = /^\/series\/([^/]+)\/?$/.exec(c.req.path)?.[1];
    let known = APP_ROUTES.test(c.req.path);
    if (known && series && db) {
      let id: string | null = null;
      try {
        id = decodeURIComponent(series);
      } catch {
        // a malformed escape is no series
      }
      known = id !== null && (await repo.getSeries(db, id)) !== null;
    }
    c.header('Cache-Control', 'no-cache');
    const html = page();
    if (html) return c.html(html, known ? 200 : 404);
    if (!known) return next(); // not built: the API's JSON 404
    return c.html(
      '<!doctype html><meta charset="utf-8"><title>fincite</title><p>网页应用尚未构建：请运行 <code>npm run build</code>。<br>The web app is not built: run <code>npm run build</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>',
      503,
    );
  });
}
