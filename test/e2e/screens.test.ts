// Screenshots of every main page for people to look at — chat (empty, with a Chinese and an English answer, a
// citation popover open), the series explorer (list and detail), reports (list and a finished report), sign in,
// sign up and an unknown URL — in Chinese and English, on a desktop (1366x900) and a phone (390x844), saved as
// test-results/screens/<page>-<lang>-<device>.png. On every page: no uncaught error, no server error, nothing wider
// than the screen (document.scrollingElement.scrollWidth <= innerWidth), and the document's lang attribute is the
// UI language.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('screenshots of every page');

const dir = path.join(shots, 'screens');
const DEVICES = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
type Device = keyof typeof DEVICES;
type Lang = 'zh' | 'en';

/** One question per language (the answer follows the question's language, whatever the UI's). */
const QUESTIONS: Record<Lang, string> = {
  zh: '2022年6月以来美联储总资产减少了多少？',
  en: 'What is the latest 10-year Treasury yield?',
};

describe.skipIf(Boolean(missing))('screenshots of every main page', () => {
  let db: Database;
  let rig: BrowserRig;
  const serverErrors: string[] = [];
  let accounts = 0;

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24' }));
    mkdirSync(dir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  async function open(device: Device, lang: Lang): Promise<Page> {
    const page = await rig.newPage(DEVICES[device], { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    // the UI language is what the app keeps in localStorage (web/src/i18n.ts); set it before the app starts
    await page.addInitScript((l: string) => {
      if (!localStorage.getItem('fincite.lang')) localStorage.setItem('fincite.lang', l);
    }, lang);
    page.on('response', (res) => {
      if (res.status() >= 500) serverErrors.push(`${res.status()} ${res.url()}`);
    });
    return page;
  }

  /** Let the page settle, check what every page must satisfy, and save the screenshot. */
  async function shot(page: Page, name: string, lang: Lang, device: Device): Promise<void> {
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300); // chart animations and popover placement
    const { scrollWidth, innerWidth, docLang } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      docLang: document.documentElement.lang,
    }));
    await page.screenshot({ path: path.join(dir, `${name}-${lang}-${device}.png`) });
    expect(scrollWidth, `${name} (${lang}, ${device}) is wider than the screen`).toBeLessThanOrEqual(innerWidth);
    expect(docLang, `${name} (${lang}, ${device}) lang attribute`).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.getByTestId('answer').count();
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-input').press('Enter');
    await expect.poll(() => page.getByTestId('answer').count(), { timeout: 30_000 }).toBe(before + 1);
    await page.getByTestId('answer').last().getByTestId('verified-badge').or(page.getByTestId('answer').last().getByTestId('suggestion').first()).first().waitFor({ timeout: 30_000 });
  }

  async function visitAll(device: Device, lang: Lang): Promise<void> {
    const page = await open(device, lang);
    const base = rig.base;

    // signed out: the landing page, sign in, sign up, an unknown URL, the series explorer
    await page.goto(base + '/');
    await page.getByTestId('example-question').first().waitFor();
    await shot(page, 'chat-empty', lang, device);

    await page.goto(base + '/login');
    await page.getByTestId('auth-submit').waitFor();
    await shot(page, 'signin', lang, device);

    await page.goto(base + '/signup');
    await page.getByTestId('auth-name').waitFor();
    await shot(page, 'signup', lang, device);

    const notFound = await page.goto(base + '/no/such/page');
    expect(notFound?.status()).toBe(404);
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/^\s*\{/); // the app's page, not raw JSON
    await shot(page, '404', lang, device);

    await page.goto(base + '/series');
    await page.getByTestId('series-result').first().waitFor({ timeout: 20_000 });
    await shot(page, 'series', lang, device);

    await page.goto(base + '/series/DGS10');
    await page.locator('main canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('main table tr').nth(5).waitFor();
    await shot(page, 'series-detail', lang, device);

    // a Chinese and an English answer in one conversation, then a number's citation popover
    await page.goto(base + '/');
    await ask(page, QUESTIONS.zh);
    await ask(page, QUESTIONS.en);
    const answers = page.getByTestId('answer');
    expect(await answers.count()).toBe(2);
    await answers.last().scrollIntoViewIfNeeded();
    await shot(page, 'chat-answers', lang, device);

    const first = answers.first();
    await first.scrollIntoViewIfNeeded();
    await first.getByTestId('number').or(first.getByTestId('citation')).first().click();
    await page.getByTestId('citation-popover').waitFor();
    await shot(page, 'citation', lang, device);
    await page.keyboard.press('Escape');

    // an account, a report generated and finished, and the report list
    accounts += 1;
    await page.goto(base + '/signup');
    await page.getByTestId('auth-name').fill(lang === 'zh' ? '王研究员' : 'Alex Analyst');
    await page.getByTestId('auth-email').fill(`screens-${accounts}-${lang}-${device}@example.com`);
    await page.getByTestId('auth-password').fill('a long passphrase');
    await page.getByTestId('auth-submit').click();
    await page.getByTestId('sign-out').waitFor({ timeout: 20_000 });

    await page.goto(base + '/reports');
    await page.getByTestId('report-topic-chip').first().click();
    await page.getByTestId('report-generate').click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByTestId('download-pdf').waitFor({ timeout: 120_000 });
    await page.frameLocator('iframe').first().locator('h1').first().waitFor({ timeout: 30_000 });
    await shot(page, 'report', lang, device);

    await page.goto(base + '/reports');
    await page.getByTestId('report-library').waitFor({ timeout: 20_000 });
    await shot(page, 'reports', lang, device);

    await page.context().close();
  }

  for (const device of Object.keys(DEVICES) as Device[]) {
    for (const lang of ['zh', 'en'] as Lang[]) {
      it(`every page in ${lang} on a ${device}`, () => visitAll(device, lang), 240_000);
    }
  }

  it('no page threw and the server answered no request with an error', () => {
    expect(rig.pageErrors).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
