// End to end in headless Chromium (playwright-core driving Debian's chromium) against the real server with the
// whole snapshot: a Chinese question answered with a chart, a verified badge and a citation popover; signing up,
// generating the QT report and downloading its PDF; the series explorer; English; a phone-sized screen.
// Screenshots of the main pages are written to test-results/ for people to look at.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('end-to-end browser tests');

describe.skipIf(Boolean(missing))('web app in headless Chromium', () => {
  let db: Database;
  let rig: BrowserRig;
  let base: string;
  const newPage = (viewport?: { width: number; height: number }) => rig.newPage(viewport, { acceptDownloads: true });

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24' }));
    base = rig.base;
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  async function ask(page: Page, question: string): Promise<void> {
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-input').press('Enter');
    await page.getByTestId('answer').last().getByTestId('verified-badge').waitFor({ timeout: 30_000 });
  }

  it('asks a Chinese question; the answer has a chart, a verified badge and a citation that opens its source', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.screenshot({ path: path.join(shots, 'home-zh.png') });
    await ask(page, '2022年6月以来美联储总资产减少了多少?');
    const answer = page.getByTestId('answer').last();
    const text = await answer.innerText();
    expect(text).toContain('亿美元');
    expect(text).toMatch(/数据截至|截至/);
    const badge = await answer.getByTestId('verified-badge').innerText();
    const [supported, total] = badge.match(/(\d+)\s*\/\s*(\d+)/)!.slice(1).map(Number);
    expect(total).toBeGreaterThan(0);
    expect(supported).toBe(total);
    await answer.locator('canvas').first().waitFor();
    await answer.getByTestId('citation').first().click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    const popText = await pop.innerText();
    // the number's own fact, named by its series' Chinese name (no raw id in the Chinese UI)
    expect(popText).toContain('总资产');
    expect(popText).not.toMatch(/\bWALCL\b/);
    expect(await pop.locator('a[href^="https://fred.stlouisfed.org/series/WALCL"]').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'chat-zh-citation.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.count()).toBe(0);
  }, 120_000);

  it('an unanswerable question shows the reason and clickable suggestions', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await ask(page, '明年美股会涨吗?');
    const chips = page.getByTestId('answer').last().getByTestId('suggestion');
    expect(await chips.count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'chat-unanswerable.png') });
  }, 120_000);

  it('signs up, generates the QT report with progress, reads it and downloads the PDF', async () => {
    const page = await newPage();
    await page.goto(base + '/signup');
    await page.getByTestId('auth-name').fill('王研究员');
    await page.getByTestId('auth-email').fill('analyst@example.com');
    await page.getByTestId('auth-password').fill('a long passphrase');
    await page.screenshot({ path: path.join(shots, 'signup.png') });
    await page.getByTestId('auth-submit').click();
    await page.getByTestId('sign-out').waitFor({ timeout: 20_000 });

    await page.goto(base + '/reports');
    await page.getByTestId('report-topic').fill('美联储缩表');
    await page.getByTestId('report-generate').click();
    // the job page shows progress until the report is ready (a fast machine may finish before the first poll)
    const pdfLink = page.getByTestId('download-pdf');
    await page.getByTestId('report-progress').or(pdfLink).first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.url()).toMatch(/\/reports\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: path.join(shots, 'report-progress.png') });
    await pdfLink.waitFor({ timeout: 120_000 });
    const frame = page.frameLocator('iframe').first();
    await frame.locator('h1').first().waitFor({ timeout: 30_000 });
    expect(await frame.locator('h1').first().innerText()).toMatch(/缩表|资产负债表/);
    await page.screenshot({ path: path.join(shots, 'report-done.png') });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), pdfLink.click()]);
    const file = path.join(shots, 'qt-report.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // the conversation history belongs to the account
    await page.goto(base + '/');
    await ask(page, '10年期美债收益率最新是多少?');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/c\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: path.join(shots, 'chat-signed-in.png') });
  }, 240_000);

  it('series explorer: search, chart, table and a CSV link', async () => {
    const page = await newPage();
    await page.goto(base + '/series/DGS10');
    await page.locator('.chart canvas, canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('table tr').nth(10).waitFor();
    expect(await page.locator('a[href*="/api/series/DGS10/csv"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'series-dgs10.png') });
  }, 120_000);

  it('switches to English and fits a phone-sized screen', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(base + '/');
    await page.getByTestId('lang-switch').click();
    await ask(page, 'What is the latest 10-year Treasury yield?');
    const answer = page.getByTestId('answer').last();
    expect(await answer.innerText()).toMatch(/10-year|Treasury/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, 'mobile-en.png'), fullPage: false });
  }, 120_000);

  it('no page threw an uncaught error', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
