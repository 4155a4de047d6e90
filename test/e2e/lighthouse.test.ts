// Lighthouse (the standard audit tool, desktop preset) against the built web app served by the real server with the
// whole snapshot: the landing page in Chinese and in English and the series explorer, for performance,
// accessibility and best practices. Each category must reach a floor score (what the app achieves, minus a margin
// for timing noise), and Chromium must fetch nothing but the app on 127.0.0.1 (host resolution outside loopback is
// disabled, so the run also works offline). The scores and the landing page's JavaScript and CSS sizes (as served,
// raw and gzip) are written to test-results/lighthouse.json, the full reports to test-results/lighthouse/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../src/report/index.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, webDir } from './harness.ts';

const missing = browserSuiteMissing('Lighthouse audits');

type Category = 'performance' | 'accessibility' | 'best-practices';
const CATEGORIES: Category[] = ['performance', 'accessibility', 'best-practices'];

/**
 * Floor scores (0..1). Measured on this app (2 cores): accessibility and best practices 1.00 on every page audited
 * here, performance 0.98-1.00 on an idle machine and down to 0.88 with a load average of 15 (see
 * test-results/lighthouse.json). Accessibility and best practices are deterministic; performance moves with machine
 * load, hence its wider margin.
 */
const FLOOR: Record<Category, number> = { performance: 0.85, accessibility: 0.98, 'best-practices': 0.98 };

/** The key web/src/i18n.ts keeps the chosen UI language under in localStorage. */
const LANG_KEY = /const STORAGE_KEY = '([^']+)'/.exec(readFileSync(path.join(webDir, '..', 'src', 'i18n.ts'), 'utf8'))![1]!;

interface Audited {
  name: string;
  url: string;
  lang: 'zh' | 'en';
  /** document.documentElement.lang after the run */
  docLang: string;
  lhr: Result;
  /** the built JavaScript and CSS the page loaded, read from the server right after the run */
  assets: AssetSizes;
}

describe.skipIf(Boolean(missing))('Lighthouse: performance, accessibility, best practices', () => {
  let db: Database;
  let parts: ServerParts;
  let server: ServerType;
  let base: string;
  let chrome: chromeLauncher.LaunchedChrome;
  let browser: Browser;
  const audited: Audited[] = [];

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    parts = await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24' });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: parts.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    // Lighthouse drives its own Chromium (Debian's, the same binary and flags as the PDF renderer); every host name
    // resolves to nothing except the loopback address the app is served on.
    chrome = await chromeLauncher.launch({
      chromePath: chromiumPath(),
      chromeFlags: [
        ...new Set([
          ...CHROMIUM_FLAGS,
          '--headless',
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
          // the audited tab is never throttled as a background one (a source of NO_NAVSTART traces)
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
          '--disable-renderer-backgrounding',
        ]),
      ],
      logLevel: 'silent',
    });
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  }, 240_000);

  afterAll(async () => {
    if (audited.length) {
      mkdirSync(shots, { recursive: true });
      writeFileSync(path.join(shots, 'lighthouse.json'), JSON.stringify(summary(audited), null, 2) + '\n');
      // the full reports, for reading what a lower score is made of
      mkdirSync(path.join(shots, 'lighthouse'), { recursive: true });
      for (const a of audited) writeFileSync(path.join(shots, 'lighthouse', `${a.name}-${a.lang}.json`), JSON.stringify(a.lhr));
    }
    await browser?.disconnect();
    chrome?.kill();
    await parts?.jobs.stop();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await db?.close();
  });

  /**
   * One Lighthouse navigation in a fresh tab; the UI language is set before the app's scripts run. Run once more
   * when the trace was not recorded (NO_NAVSTART, a known intermittent Lighthouse error) or performance is below
   * its floor: the performance score is computed from the main thread's real task times, which a machine busy with
   * other test files stretches (Lighthouse's own advice is to take several runs); the better run counts, so a real
   * regression still fails both.
   */
  async function audit(name: string, pathname: string, lang: 'zh' | 'en'): Promise<Audited> {
    const first = await auditOnce(name, pathname, lang);
    const performance = first.lhr.categories.performance?.score ?? 0;
    const why = first.lhr.runtimeError?.code ?? (performance < FLOOR.performance ? `performance ${performance}` : null);
    if (!why) return first;
    console.warn(`[lighthouse] ${pathname} (${lang}): ${why}; running it again`);
    const second = await auditOnce(name, pathname, lang);
    const better = !second.lhr.runtimeError && (second.lhr.categories.performance?.score ?? 0) >= performance ? second : first;
    audited.splice(audited.indexOf(better === first ? second : first), 1);
    return better;
  }

  /** Every audit runs in the browser's one tab (new tabs made NO_NAVSTART traces more frequent). */
  async function auditOnce(name: string, pathname: string, lang: 'zh' | 'en'): Promise<Audited> {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.bringToFront();
    const script = await page.evaluateOnNewDocument((key: string, value: string) => localStorage.setItem(key, value), LANG_KEY, lang);
    try {
      const url = base + pathname;
      const run = await lighthouse(url, { logLevel: 'error', output: 'json', onlyCategories: CATEGORIES }, desktopConfig, page);
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const docLang = await page.evaluate(() => document.documentElement.lang);
      const entry = { name, url, lang, docLang, lhr: run.lhr, assets: await assetSizes(run.lhr) };
      audited.push(entry);
      return entry;
    } finally {
      await page.removeScriptToEvaluateOnNewDocument(script.identifier);
    }
  }

  function check({ lhr, lang, docLang }: Audited): void {
    expect(lhr.runtimeError?.code, lhr.runtimeError?.message).toBeUndefined();
    expect(lhr.finalDisplayedUrl).toBe(lhr.requestedUrl);
    // the audited page was in the intended language: the lang attribute follows the UI language
    expect(docLang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    // nothing but the app on loopback was requested
    const requests = networkRequests(lhr);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => !r.url.startsWith('http://127.0.0.1:')).map((r) => r.url)).toEqual([]);
    const failing = (category: Category) =>
      lhr.categories[category]!.auditRefs.map((ref) => lhr.audits[ref.id]!)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} (${a.score})`);
    for (const category of CATEGORIES) {
      const score = lhr.categories[category]!.score ?? 0;
      expect(score, `${category} ${score} on ${lhr.requestedUrl} [${docLang}]; below 1: ${failing(category).join(', ')}`).toBeGreaterThanOrEqual(FLOOR[category]);
    }
  }

  it('the landing page in Chinese', async () => {
    const run = await audit('landing', '/', 'zh');
    check(run);
  }, 120_000);

  it('the landing page in English', async () => {
    const run = await audit('landing', '/', 'en');
    check(run);
  }, 120_000);

  it('the series explorer', async () => {
    const run = await audit('series', '/series', 'zh');
    check(run);
  }, 120_000);

  it('reports the landing page JavaScript and CSS sizes, as served and compressed', () => {
    const landing = audited.find((a) => a.name === 'landing');
    expect(landing).toBeDefined();
    const sizes = landing!.assets;
    // the landing page loads the app's script and stylesheet, not the lazily loaded chart library
    expect(sizes.js.files.length).toBeGreaterThan(0);
    expect(sizes.css.files.length).toBeGreaterThan(0);
    expect(sizes.js.files.some((f) => f.file.startsWith('charts-'))).toBe(false);
    for (const kind of [sizes.js, sizes.css]) {
      // on the wire the server sends at most the raw bytes plus headers; compressed is smaller than raw for text
      // this large, brotli smaller than gzip
      for (const f of kind.files) expect(f.transfer).toBeLessThanOrEqual(f.raw + 2048);
      expect(kind.gzip).toBeLessThan(kind.raw);
      expect(kind.brotli).toBeLessThan(kind.gzip);
    }
  });
});

interface NetworkRequest {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

function networkRequests(lhr: Result): NetworkRequest[] {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined;
  return details?.items ?? [];
}

interface AssetFile {
  file: string;
  /** bytes on the wire as the server sent them (headers included, as Lighthouse counts) */
  transfer: number;
  raw: number;
  gzip: number;
  brotli: number;
}

type AssetSizes = Record<'js' | 'css', { files: AssetFile[]; transfer: number; raw: number; gzip: number; brotli: number }>;

/**
 * The built assets (/assets/*) the page fetched, by kind: bytes on the wire (Lighthouse's transfer size), raw
 * (the file as the server returns it uncompressed), gzip -9 and brotli -11 of it (what web/vite.config.ts writes
 * next to each asset for the server to send precompressed).
 */
async function assetSizes(lhr: Result): Promise<AssetSizes> {
  const files = async (type: string) =>
    Promise.all(
      networkRequests(lhr)
        .filter((r) => r.resourceType === type && new URL(r.url).pathname.startsWith('/assets/'))
        .map(async (r) => {
          const res = await fetch(r.url, { headers: { 'accept-encoding': 'identity' } });
          if (!res.ok) throw new Error(`${r.url}: HTTP ${res.status} (was web/dist rebuilt during the run?)`);
          const bytes = Buffer.from(await res.arrayBuffer());
          return {
            file: path.basename(new URL(r.url).pathname),
            transfer: r.transferSize ?? 0,
            raw: bytes.length,
            gzip: gzipSync(bytes, { level: 9 }).length,
            brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
          };
        }),
    );
  const total = (list: AssetFile[]) => ({
    files: list,
    transfer: list.reduce((s, f) => s + f.transfer, 0),
    raw: list.reduce((s, f) => s + f.raw, 0),
    gzip: list.reduce((s, f) => s + f.gzip, 0),
    brotli: list.reduce((s, f) => s + f.brotli, 0),
  });
  return { js: total(await files('Script')), css: total(await files('Stylesheet')) };
}

function summary(audited: Audited[]) {
  const landing = audited.find((a) => a.name === 'landing');
  return {
    lighthouse: audited[0]?.lhr.lighthouseVersion,
    preset: 'desktop',
    floors: FLOOR,
    pages: audited.map(({ name, url, lang, lhr }) => ({
      name,
      lang,
      path: new URL(url).pathname,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])),
      metrics: Object.fromEntries(
        ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
          id,
          lhr.audits[id]?.numericValue ?? null,
        ]),
      ),
      belowOne: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
    })),
    landingAssets: landing ? { lang: landing.lang, ...landing.assets } : null,
  };
}
