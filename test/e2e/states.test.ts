// The app's states in headless Chromium (issue 12): the answer's language follows the question whatever the UI
// language, and the composer's override asks for one explicitly; follow-ups send the thread's earlier questions and
// show what they inherited; a network error keeps the question and Retry answers it in place; the 404 page (status
// and content, both languages, a phone); the signed-out quota's 429 (Retry-After, a sign-in link); report progress
// with stages, elapsed time and an estimate, and the finished report's timings; the empty report library's topics.
// Screenshots: test-results/states-*.png.
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/serve.ts';
import { EXAMPLES } from '../../web/src/i18n.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('app states browser tests');

/** The JSON body of a POST /api/ask the page sent. */
const askBody = (r: Request) => JSON.parse(r.postData() ?? '{}') as { question: string; lang?: string; history?: string[] };

describe.skipIf(Boolean(missing))('app states in headless Chromium', () => {
  let db: Database;
  let rig: BrowserRig;
  let base: string;

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24', llm: null }));
    base = rig.base;
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  /** A page in the given UI language (kept in localStorage as the app does). */
  async function pageIn(lang: 'zh' | 'en', viewport?: { width: number; height: number }): Promise<Page> {
    const page = await rig.newPage(viewport);
    await page.addInitScript((l) => {
      if (!sessionStorage.getItem('init')) {
        localStorage.setItem('fincite.lang', l);
        sessionStorage.setItem('init', '1');
      }
    }, lang);
    return page;
  }

  /** Ask in the composer; resolves with the request the page sent once the answer is shown. */
  async function ask(page: Page, question: string): Promise<Request> {
    const answers = await page.getByTestId('answer').count();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/ask') && r.method() === 'POST'),
      (async () => {
        await page.getByTestId('question-input').fill(question);
        await page.getByTestId('question-input').press('Enter');
      })(),
    ]);
    await page.getByTestId('answer').nth(answers).getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    return request;
  }

  it('the answer is in the question’s language, not the UI’s; the override asks for one explicitly', async () => {
    // an English question in the Chinese UI
    const zh = await pageIn('zh');
    await zh.goto(base + '/');
    expect(await zh.getByTestId('answer-lang').inputValue()).toBe('auto');
    const r1 = await ask(zh, 'What is the latest 10-year Treasury yield?');
    expect(askBody(r1)).not.toHaveProperty('lang');
    const a1 = zh.getByTestId('answer').last();
    expect(await a1.getAttribute('lang')).toBe('en');
    expect(await a1.innerText()).toContain('Understood as');
    // the chrome stays Chinese
    expect(await zh.getByTestId('ask-button').innerText()).toContain('提问');
    await zh.screenshot({ path: path.join(shots, 'states-answer-lang-en-in-zh.png') });

    // a Chinese question in the English UI
    const en = await pageIn('en');
    await en.goto(base + '/');
    const r2 = await ask(en, '10年期美债收益率最新是多少?');
    expect(askBody(r2)).not.toHaveProperty('lang');
    const a2 = en.getByTestId('answer').last();
    expect(await a2.getAttribute('lang')).toBe('zh-CN');
    expect(await a2.innerText()).toContain('理解为');
    expect(await en.getByTestId('ask-button').innerText()).toContain('Ask');

    // the override: English answers to a Chinese question in the Chinese UI, kept across a reload
    await zh.getByTestId('answer-lang').selectOption('en');
    const r3 = await ask(zh, '10年期美债收益率最新是多少?');
    expect(askBody(r3).lang).toBe('en');
    expect(await zh.getByTestId('answer').last().getAttribute('lang')).toBe('en');
    await zh.reload();
    expect(await zh.getByTestId('answer-lang').inputValue()).toBe('en');
    // the select has an accessible name in the UI language
    expect(await zh.getByLabel('回答语言').count()).toBe(1);
    await zh.getByTestId('answer-lang').selectOption('auto');
    await zh.reload();
    expect(await zh.getByTestId('answer-lang').inputValue()).toBe('auto');
  }, 180_000);

  it('a follow-up sends the thread’s earlier answered questions and shows what it inherited', async () => {
    const page = await pageIn('zh');
    await page.goto(base + '/');
    const first = await ask(page, '美联储总资产现在多少?');
    expect(askBody(first)).not.toHaveProperty('history');
    // the second answer as the engine returns it, with a context the page must show (whatever the engine decided)
    await page.route('**/api/ask', async (route) => {
      const res = await route.fetch({ headers: { ...route.request().headers(), accept: 'application/json' } });
      const answer = (await res.json()) as Record<string, unknown>;
      await route.fulfill({
        response: res,
        contentType: 'application/json',
        body: JSON.stringify({ ...answer, context: { standalone: '美联储持有的MBS现在多少?', inherited: ['subject', 'time'], previous: '美联储总资产现在多少?' } }),
      });
    });
    const second = await ask(page, '那MBS呢?');
    expect(askBody(second).history).toEqual(['美联储总资产现在多少?']);
    const notes = page.getByTestId('follow-up-note');
    expect(await notes.count()).toBe(1);
    expect(await notes.first().innerText()).toBe('承接上一问：沿用主体、时间');
    await page.unroute('**/api/ask');
    // a failed turn is not history
    await page.route('**/api/ask', (r) => r.abort(), { times: 1 });
    await page.getByTestId('question-input').fill('去年呢?');
    await page.getByTestId('question-input').press('Enter');
    await page.getByTestId('turn-error').waitFor();
    const third = await ask(page, '和2019年比呢?');
    expect(askBody(third).history).toEqual(['美联储总资产现在多少?', '那MBS呢?']);
    await page.getByTestId('turn').nth(1).scrollIntoViewIfNeeded();
    await page.getByTestId('turn').nth(1).screenshot({ path: path.join(shots, 'states-follow-up.png') });
  }, 180_000);

  it('a network error keeps the question, says so in the UI language, and Retry answers it in place', async () => {
    const page = await pageIn('zh');
    await page.goto(base + '/');
    const question = '美联储总资产最新是多少?';
    await page.route('**/api/ask', (r) => r.abort(), { times: 1 });
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-input').press('Enter');
    const error = page.getByTestId('turn-error');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('网络连接中断');
    expect(text).not.toContain('Failed to fetch');
    expect(await page.getByTestId('turn-question').innerText()).toBe(question);
    await page.screenshot({ path: path.join(shots, 'states-error-retry-zh.png') });

    // Retry: the same question, in the same turn, answered
    const [retried] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/ask')), page.getByTestId('turn-retry').click()]);
    expect(askBody(retried).question).toBe(question);
    await page.getByTestId('answer').getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('turn').count()).toBe(1);
    expect(await error.count()).toBe(0);
    expect(await page.getByTestId('answer').innerText()).toContain('亿美元');

    // Edit instead: the failed turn goes and its question is back in the box
    await page.route('**/api/ask', (r) => r.abort(), { times: 1 });
    await page.getByTestId('question-input').fill('10年期美债收益率最新是多少?');
    await page.getByTestId('question-input').press('Enter');
    await error.waitFor();
    await page.getByTestId('turn-edit').click();
    expect(await page.getByTestId('turn').count()).toBe(1);
    expect(await page.getByTestId('question-input').inputValue()).toBe('10年期美债收益率最新是多少?');

    // English UI (on a phone): the English message
    const en = await pageIn('en', { width: 390, height: 844 });
    await en.goto(base + '/');
    await en.route('**/api/ask', (r) => r.abort(), { times: 1 });
    await en.getByTestId('question-input').fill('What is the latest CPI?');
    await en.getByTestId('question-input').press('Enter');
    await en.getByTestId('turn-error').waitFor();
    expect(await en.getByTestId('turn-error').innerText()).toContain('The connection was interrupted');
    expect(await en.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await en.screenshot({ path: path.join(shots, 'states-error-retry-en-phone.png') });
  }, 180_000);

  it('after a 429 with Retry-After, Retry counts down and then answers in place', async () => {
    const page = await pageIn('zh');
    await page.goto(base + '/');
    // the per-minute limit's answer as the server writes it (message in the UI language, Retry-After 2 s)
    await page.route(
      '**/api/ask',
      (r) => r.fulfill({ status: 429, headers: { 'Retry-After': '2' }, contentType: 'application/json', body: JSON.stringify({ error: { code: 'rate_limited', message: '提问过于频繁，请 2 秒后再试。' } }) }),
      { times: 1 },
    );
    await page.getByTestId('question-input').fill('美联储总资产最新是多少?');
    await page.getByTestId('question-input').press('Enter');
    const retry = page.getByTestId('turn-retry');
    await retry.waitFor();
    expect(await retry.isDisabled()).toBe(true);
    expect(await retry.innerText()).toMatch(/^[12] 秒后可重试$/);
    await page.screenshot({ path: path.join(shots, 'states-rate-limited-zh.png') });
    await expect.poll(() => retry.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await retry.innerText()).toBe('重试');
    await retry.click();
    await page.getByTestId('answer').getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('turn').count()).toBe(1);
  }, 120_000);

  it('unknown URLs: status 404 and the app’s 404 page in both languages and on a phone', async () => {
    const zh = await pageIn('zh');
    const res = await zh.goto(base + '/nope');
    expect(res!.status()).toBe(404);
    const nf = zh.getByTestId('not-found');
    await nf.waitFor();
    const text = await nf.innerText();
    expect(text).toContain('页面不存在');
    expect(text).toContain('/nope');
    expect(await zh.title()).toContain('页面不存在');
    // the shell is there: header and sidebar
    expect(await zh.getByTestId('nav-reports').count()).toBe(1);
    expect(await nf.getByTestId('notfound-chat').getAttribute('href')).toBe('/');
    expect(await nf.getByTestId('notfound-series').getAttribute('href')).toBe('/series');
    expect(await nf.getByTestId('notfound-reports').getAttribute('href')).toBe('/reports');
    expect(await nf.getByTestId('notfound-example').allInnerTexts()).toEqual(EXAMPLES.zh);
    await zh.screenshot({ path: path.join(shots, 'states-404-zh.png') });
    // an example question asks it on the chat page
    const example = await nf.getByTestId('notfound-example').first().innerText();
    await nf.getByTestId('notfound-example').first().click();
    await zh.getByTestId('answer').getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    expect(await zh.getByTestId('turn-question').innerText()).toBe(example.trim());
    expect(new URL(zh.url()).pathname).toBe('/');
    expect(new URL(zh.url()).search).toBe('');

    const en = await pageIn('en');
    const deep = await en.goto(base + '/c/abc/extra');
    expect(deep!.status()).toBe(404);
    await en.getByTestId('not-found').waitFor();
    expect(await en.getByTestId('not-found').innerText()).toContain('Page not found');
    await en.screenshot({ path: path.join(shots, 'states-404-en.png') });

    const phone = await pageIn('zh', { width: 390, height: 844 });
    expect((await phone.goto(base + '/reports/a/b'))!.status()).toBe(404);
    await phone.getByTestId('not-found').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(shots, 'states-404-phone.png'), fullPage: true });

    // a series that does not exist: 404, and the series page says which one, with the way back
    const series = await pageIn('zh');
    expect((await series.goto(base + '/series/NOT_A_SERIES'))!.status()).toBe(404);
    await series.getByRole('alert').waitFor();
    expect(await series.getByRole('alert').innerText()).toContain('NOT_A_SERIES');
    expect(await series.locator('a[href="/series"]').count()).toBeGreaterThan(0);

    // an unknown API path stays JSON, in the caller's language
    const api = await zh.request.get(base + '/api/nope', { headers: { 'accept-language': 'en' } });
    expect(api.status()).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  }, 180_000);

  it('the signed-out quota: 429 with Retry-After, the message and a sign-in link', async () => {
    const spent = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false, anonDailyQuota: 0 }), webDir, today: '2026-11-24', llm: null }));
    try {
      const page = await spent.newPage();
      await page.goto(spent.base + '/');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/ask')),
        (async () => {
          await page.getByTestId('question-input').fill('美联储总资产最新是多少?');
          await page.getByTestId('question-input').press('Enter');
        })(),
      ]);
      expect(response.status()).toBe(429);
      expect(Number(await response.headerValue('retry-after'))).toBeGreaterThan(0);
      const error = page.getByTestId('turn-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('今天的次数已用完');
      expect(await error.getByTestId('quota-sign-in').getAttribute('href')).toBe('/login');
      // retrying today cannot help: no Retry button, but the question can be edited
      expect(await error.getByTestId('turn-retry').count()).toBe(0);
      await page.screenshot({ path: path.join(shots, 'states-quota-zh.png') });
      expect(spent.pageErrors).toEqual([]);
    } finally {
      await spent.close();
    }
  }, 120_000);

  it('reports: the empty library suggests topics; a job shows stages, elapsed and time left; the finished one its timings', async () => {
    const page = await pageIn('zh');
    await page.goto(base + '/signup');
    await page.getByTestId('auth-name').fill('进度');
    await page.getByTestId('auth-email').fill('progress@example.com');
    await page.getByTestId('auth-password').fill('a long passphrase');
    await page.getByTestId('auth-submit').click();
    await page.getByTestId('sign-out').waitFor({ timeout: 20_000 });

    await page.goto(base + '/reports');
    const empty = page.getByTestId('report-library-empty');
    await empty.waitFor();
    expect(await empty.getByTestId('report-suggestion').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'states-reports-empty-zh.png') });
    await empty.getByTestId('report-suggestion').first().click();
    expect(await page.getByTestId('report-topic').inputValue()).not.toBe('');

    // three jobs ahead (one runs at a time, in this same process), then the one generated from the page: its
    // progress is on screen for a while
    const ahead = await page.evaluate(async () => {
      const post = async (topic: string) => (await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ topic, lang: 'zh' }) })).status;
      return [await post('通胀'), await post('就业'), await post('收益率曲线')];
    });
    expect(ahead).toEqual([202, 202, 202]);
    await page.getByTestId('report-topic').fill('美联储缩表');
    await page.getByTestId('report-generate').click();
    const progress = page.getByTestId('report-progress');
    await progress.waitFor({ timeout: 20_000 });
    expect(await progress.getByTestId('report-stages').locator('li').count()).toBeGreaterThanOrEqual(4);
    expect(await progress.getByTestId('report-times').innerText()).toMatch(/已用时 \d+\.\d 秒/);
    expect(await progress.getByTestId('report-remaining').innerText()).toMatch(/预计还需约 \d+ 秒|即将完成/);
    expect(await progress.getByTestId('report-estimate-basis').innerText()).toMatch(/估算/);
    await page.screenshot({ path: path.join(shots, 'states-report-progress-zh.png') });

    await page.getByTestId('download-pdf').waitFor({ timeout: 120_000 });
    const took = page.getByTestId('report-took');
    expect(await took.innerText()).toMatch(/^用时 \d+\.\d 秒$/);
    await page.getByTestId('report-timings').locator('summary').click();
    const times = page.getByTestId('report-timings').getByTestId('report-stage-time');
    expect(await times.count()).toBe(4); // resolve, compute, verify, render (no model: no prose stage)
    await page.screenshot({ path: path.join(shots, 'states-report-done-zh.png') });
  }, 240_000);

  it('no page threw an uncaught error', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
