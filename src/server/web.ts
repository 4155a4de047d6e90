// The web app (web/dist, built by `npm run build`) served by the API server: hashed assets with long caching,
// index.html for the app's own paths (client-side routing), and a clear page when the app was not built.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';

/** Paths the web app routes itself; anything else that is not an asset or /api is a 404. */
const APP_ROUTES = /^\/(?:|c\/[\w-]+|reports(?:\/[\w-]+)?|series(?:\/[^/]+)?|login|signup)\/?$/;

export function registerWeb(app: Hono<AppEnv>, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  // read per request (a small file): a rebuild under a running server then serves the new asset names
  const page = () => (existsSync(index) ? readFileSync(index, 'utf8') : null);
  if (existsSync(webDir)) {
    app.use(
      '/assets/*',
      serveStatic({
        root: path.relative(process.cwd(), webDir) || '.',
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.get('/favicon.svg', serveStatic({ path: path.relative(process.cwd(), path.join(webDir, 'favicon.svg')) }));
  }
  app.get('*', async (c, next) => {
    if (!APP_ROUTES.test(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    const html = page();
    if (html) return c.html(html);
    return c.html(
      '<!doctype html><meta charset="utf-8"><title>fincite</title><p>网页应用尚未构建:请运行 <code>npm run build</code>。<br>The web app is not built: run <code>npm run build</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>',
      503,
    );
  });
}
