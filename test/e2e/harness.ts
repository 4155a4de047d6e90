// What the browser suites share: why they cannot run here (missing Chromium or an unbuilt web app — required under
// CI), the app served on a loopback port, headless Debian Chromium, and pages that record uncaught errors.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath, pdfUnavailable } from '../../src/report/index.ts';
import type { ServerParts } from '../../src/server/serve.ts';
import { repoRoot } from '../helpers/db.ts';

export const webDir = path.join(repoRoot, 'web', 'dist');
export const shots = path.join(repoRoot, 'test-results');

/** Why the suite cannot run here, or null; under CI a missing piece is a failing test, otherwise a reported skip. */
export function browserSuiteMissing(name: string): string | null {
  const missing = pdfUnavailable() ?? (existsSync(path.join(webDir, 'index.html')) ? null : `the web app is not built (${webDir}); run npm run build`);
  if (missing && process.env.CI) {
    it(`${name} (required under CI)`, () => {
      throw new Error(`CI requires the browser tests: ${missing}`);
    });
  } else if (missing) {
    console.warn(`[skip] ${name} skipped: ${missing}`);
  }
  return missing;
}

export interface BrowserRig {
  base: string;
  browser: Browser;
  /** Uncaught errors of any page opened with newPage: none may happen. */
  pageErrors: string[];
  newPage(viewport?: { width: number; height: number }, options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Serve the app on 127.0.0.1 and start Chromium; close() stops both (and the app's report jobs). */
export async function startBrowserRig(parts: ServerParts): Promise<BrowserRig> {
  mkdirSync(shots, { recursive: true });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: parts.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const addr = server.address();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  const pageErrors: string[] = [];
  return {
    base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    browser,
    pageErrors,
    async newPage(viewport = { width: 1366, height: 900 }, options = {}) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', ...options });
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      return page;
    },
    async close() {
      await browser.close();
      await parts.jobs.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
