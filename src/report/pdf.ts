// PDF export: the HTML page printed by headless Chromium (playwright-core driving Debian's /usr/bin/chromium; never
// a downloaded browser) on A4 with page numbers in the footer. Chinese text needs the fonts-noto-cjk package.
// Every render of a process goes through one bounded pool: one browser, a few pages at once, a queue, a timeout.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FinciteError } from '../core/errors.ts';
import { ChromiumMissingError, PdfBusyError, PdfExportError, PdfSettingError, PdfTimeoutError } from './errors.ts';
import { fontStack } from './charts.ts';
import { escapeHtml } from './html.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Headless flags for Debian's Chromium on a closed network (no background connections). */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PdfOptions {
  /** The Chromium executable; default FINCITE_CHROMIUM or /usr/bin/chromium. */
  executablePath?: string;
  /** Text at the left of every page footer (the report title). */
  footerTitle?: string;
  lang?: 'zh' | 'en';
  /** Called with each request the printer refused (every one that is not data:, about: or blob:). */
  onBlocked?: (url: string) => void;
}

/** The only URLs the printer's page may load: the page itself (about:blank after setContent) and inline data. */
export function printerMayLoad(url: string): boolean {
  return /^(?:data|about|blob):/i.test(url);
}

export function chromiumPath(opts: PdfOptions = {}): string {
  return opts.executablePath ?? process.env.FINCITE_CHROMIUM ?? DEFAULT_CHROMIUM;
}

/** Why PDF export cannot run here (the missing browser), or null when it can. */
export function pdfUnavailable(opts: PdfOptions = {}): string | null {
  const path = chromiumPath(opts);
  return existsSync(path) ? null : `Chromium not found at ${path} (Debian package: chromium)`;
}

/** Settings of the PDF pool (environment: FINCITE_PDF_CONCURRENCY, FINCITE_PDF_QUEUE, FINCITE_PDF_TIMEOUT_MS, FINCITE_PDF_IDLE_MS). */
export interface PdfPoolSettings {
  /** Pages rendered at once in the one browser (default 2). */
  concurrency: number;
  /** Renders waiting for a page beyond those (default 16); more are refused with PdfBusyError (503, Retry-After). */
  queueLimit: number;
  /** Time one render may take once it has a page (default 60 s); then its page is closed and PdfTimeoutError thrown. */
  timeoutMs: number;
  /** The browser is closed after this long without a render (default 30 s) and launched again on the next one. */
  idleMs: number;
}

const POOL_DEFAULTS: PdfPoolSettings = { concurrency: 2, queueLimit: 16, timeoutMs: 60_000, idleMs: 30_000 };
const POOL_ENV: Record<keyof PdfPoolSettings, string> = { concurrency: 'FINCITE_PDF_CONCURRENCY', queueLimit: 'FINCITE_PDF_QUEUE', timeoutMs: 'FINCITE_PDF_TIMEOUT_MS', idleMs: 'FINCITE_PDF_IDLE_MS' };

/** The pool settings from the environment (a bad value is a clear error naming the variable), over the defaults. */
export function pdfPoolSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PdfPoolSettings {
  const out = { ...POOL_DEFAULTS };
  for (const key of Object.keys(POOL_ENV) as Array<keyof PdfPoolSettings>) {
    const raw = env[POOL_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < (key === 'queueLimit' ? 0 : 1)) throw new PdfSettingError(POOL_ENV[key], raw);
    out[key] = n;
  }
  return out;
}

/**
 * One shared Chromium per process for every PDF: launched on first use, launched again if it died, closed after
 * `idleMs` without work. At most `concurrency` pages render at once; up to `queueLimit` renders wait in order; more
 * are refused at once (PdfBusyError). Each render has `timeoutMs` once it has a page. (Issue 13: 8 concurrent PDF
 * downloads used to start 8 Chromium processes.)
 */
class PdfPool {
  settings: PdfPoolSettings | null = null;
  /** Browsers launched by this process so far (tests check that concurrent renders share one). */
  launches = 0;
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private idleTimer: NodeJS.Timeout | null = null;

  private get opts(): PdfPoolSettings {
    return (this.settings ??= pdfPoolSettingsFromEnv());
  }

  stats(): { launches: number; active: number; queued: number; open: boolean } {
    return { launches: this.launches, active: this.active, queued: this.waiting.length, open: this.browser !== null };
  }

  private async getBrowser(executablePath: string): Promise<Browser> {
    if (this.browser?.isConnected()) return this.browser;
    this.launching ??= (async () => {
      this.launches++;
      try {
        const b = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
        // a crashed or killed browser is forgotten; the next render launches a new one
        b.on('disconnected', () => {
          if (this.browser === b) this.browser = null;
        });
        this.browser = b;
        return b;
      } catch (err) {
        throw new PdfExportError(`Chromium did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      } finally {
        this.launching = null;
      }
    })();
    return this.launching;
  }

  /** Wait for a free page slot (in order), or refuse when the queue is full. */
  private async acquire(): Promise<void> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.active < this.opts.concurrency) {
      this.active++;
      return;
    }
    if (this.waiting.length >= this.opts.queueLimit) throw new PdfBusyError(Math.max(1, Math.ceil(this.opts.timeoutMs / 1000 / 4)));
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next(); // the slot passes to the next render
      return;
    }
    this.active--;
    if (this.active === 0 && this.browser) {
      this.idleTimer = setTimeout(() => void this.close(), this.opts.idleMs);
      this.idleTimer.unref();
    }
  }

  async run<T>(executablePath: string, work: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    let page: Page | null = null;
    let timer: NodeJS.Timeout | null = null;
    let finished = false;
    try {
      const browser = await this.getBrowser(executablePath);
      const { timeoutMs } = this.opts;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PdfTimeoutError(timeoutMs)), timeoutMs);
      });
      const render = (async () => {
        const opened = await browser.newPage({ offline: true, javaScriptEnabled: false, serviceWorkers: 'block' });
        if (finished) {
          // timed out while the page was opening: close it here, nobody else will
          await opened.context().close().catch(() => undefined);
          throw new PdfTimeoutError(timeoutMs);
        }
        page = opened;
        return work(opened);
      })();
      render.catch(() => undefined); // after a timeout its own failure (the page closed under it) is not news
      return await Promise.race([render, timedOut]);
    } finally {
      finished = true;
      if (timer) clearTimeout(timer);
      // the page is closed whatever happened (a timed-out one too, which stops its work); its slot is freed after
      await (page as Page | null)?.context().close().catch(() => undefined);
      this.release();
    }
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const b = this.browser ?? (this.launching ? await this.launching.catch(() => null) : null);
    this.browser = null;
    await b?.close().catch(() => undefined);
  }
}

const pool = new PdfPool();

/** Set the pool's settings (tests; otherwise they come from the environment on first use). */
export function configurePdfPool(settings: Partial<PdfPoolSettings>): void {
  pool.settings = { ...(pool.settings ?? pdfPoolSettingsFromEnv()), ...settings };
}

/** Launch count (since the process started), pages rendering, renders waiting, whether a browser is open. */
export function pdfPoolStats(): ReturnType<PdfPool['stats']> {
  return pool.stats();
}

/** Close the shared browser now (a CLI process before it exits; the next render launches it again). */
export function closePdfPool(): Promise<void> {
  return pool.close();
}

export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const executablePath = chromiumPath(opts);
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const font = fontStack(opts.lang ?? 'zh');
  const page = opts.lang === 'en' ? 'Page' : '第';
  const of = opts.lang === 'en' ? ' of ' : ' 页 / 共 ';
  const tail = opts.lang === 'en' ? '' : ' 页';
  const footer = `<div style="width:100%;font-family:${font};font-size:8px;color:#6b7480;padding:0 15mm;display:flex;justify-content:space-between;">
<span>${escapeHtml(opts.footerTitle ?? '')}</span><span>${page} <span class="pageNumber"></span>${of}<span class="totalPages"></span>${tail}</span></div>`;
  try {
    return await pool.run(executablePath, async (tab) => {
      // PDF export fetches nothing from the network: the page is offline, runs no script, and every request that
      // is not inline data is aborted (a remote image or stylesheet in the HTML is left out, not fetched)
      await tab.route('**/*', (route) => {
        const url = route.request().url();
        if (printerMayLoad(url)) return route.continue();
        opts.onBlocked?.(url);
        return route.abort('blockedbyclient');
      });
      await tab.setContent(html, { waitUntil: 'domcontentloaded' });
      const pdf = await tab.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: footer,
        margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
        preferCSSPageSize: false,
      });
      return Buffer.from(pdf);
    });
  } catch (err) {
    if (err instanceof FinciteError) throw err;
    throw new PdfExportError(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }
}
