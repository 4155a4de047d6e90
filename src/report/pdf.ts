// PDF export: the HTML page printed by headless Chromium (playwright-core driving Debian's /usr/bin/chromium; never
// a downloaded browser) on A4 with page numbers in the footer. Chinese text needs the fonts-noto-cjk package.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ChromiumMissingError, PdfExportError } from './errors.ts';
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

export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const executablePath = chromiumPath(opts);
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const font = fontStack(opts.lang ?? 'zh');
  const page = opts.lang === 'en' ? 'Page' : '第';
  const of = opts.lang === 'en' ? ' of ' : ' 页 / 共 ';
  const tail = opts.lang === 'en' ? '' : ' 页';
  const footer = `<div style="width:100%;font-family:${font};font-size:8px;color:#6b7480;padding:0 15mm;display:flex;justify-content:space-between;">
<span>${escapeHtml(opts.footerTitle ?? '')}</span><span>${page} <span class="pageNumber"></span>${of}<span class="totalPages"></span>${tail}</span></div>`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  } catch (err) {
    throw new PdfExportError(`Chromium did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  try {
    // PDF export fetches nothing from the network: the page is offline, runs no script, and every request that
    // is not inline data is aborted (a remote image or stylesheet in the HTML is left out, not fetched)
    const tab = await browser.newPage({ offline: true, javaScriptEnabled: false, serviceWorkers: 'block' });
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
  } catch (err) {
    throw new PdfExportError(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  } finally {
    await browser.close();
  }
}
