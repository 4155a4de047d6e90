// Per-number citations in headless Chromium against the real server and snapshot: each number of an answer that
// the verifier bound is a button; it (or the [n] right after it) opens that number's fact — value as written,
// displayed and stored, unit name, date, method in the UI language, inputs with observation dates, the source
// link — and from there the whole source. Keyboard and screen-reader paths, charts with a text alternative.
// Expected values come from the answer JSON the page received and from the raw data files in shared/data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Fact } from '../../src/core/answer.ts';
import { unitName } from '../../src/core/unit-names.ts';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('per-number citation browser tests');

/** One column of a raw CSV in shared/data at one date, as the file writes it. */
function rawValue(file: string, column: string, date: string): number {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(snapshotRoot, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const row = rows.find((r) => r.date === date);
  if (!row || row[column] === undefined || row[column] === '') throw new Error(`${file}: no ${column} on ${date}`);
  return Number(row[column]);
}

/** 6745699 → "6,745,699" (en-US grouping; decimals as stored). */
const grouped = (v: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }).format(v);
/** 2026-08-19 → 2026年8月19日 (how the Chinese popover writes dates). */
const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/**
 * The Answer the page was given: the same request (question, language, conversation) asked again as plain JSON —
 * the deterministic engine answers it identically, and Playwright cannot decode an event stream's UTF-8 body.
 */
async function answerOf(page: Page, res: Response): Promise<Answer> {
  const body = res.request().postDataJSON() as Record<string, unknown>;
  const again = await page.request.post(new URL('/api/ask', res.url()).toString(), { data: body, headers: { Accept: 'application/json' } });
  expect(again.ok()).toBe(true);
  return (await again.json()) as Answer;
}

/** A series source's name as the popover writes it: the engine's title without the "WALCL: " id in front. */
function seriesTitle(answer: Answer, seriesId: string): string {
  const source = answer.sources.find((s) => s.seriesId === seriesId)!;
  expect(source.title.startsWith(`${seriesId}: `)).toBe(true);
  return source.title.slice(seriesId.length + 2);
}

/** Three or more English words in a row: a sentence of the engine's English methodDetail. */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[\s,;()-]+[A-Za-z]{2,}){2,}/;

describe.skipIf(Boolean(missing))('per-number citations in headless Chromium', () => {
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

  async function open(lang: 'zh' | 'en', viewport?: { width: number; height: number }): Promise<Page> {
    const page = await rig.newPage(viewport, lang === 'en' ? { locale: 'en-US' } : {});
    await page.addInitScript((l) => localStorage.setItem('fincite.lang', l), lang);
    await page.goto(rig.base + '/');
    return page;
  }

  /** Ask in the page and return the Answer the page received. */
  async function ask(page: Page, question: string): Promise<Answer> {
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ask' && r.request().method() === 'POST');
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-input').press('Enter');
    await page.getByTestId('answer').last().getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    const answer = await answerOf(page, await response);
    expect(answer.numbers?.length, 'the engine lists the bound numbers').toBeGreaterThan(0);
    return answer;
  }

  const factOf = (answer: Answer, i: number): Fact => {
    const id = answer.numbers![i]!.factIds[0]!;
    return answer.facts.find((f) => f.id === id)!;
  };

  it('zh: the Fed total assets — clicking a number opens that fact: displayed, stored (raw file), unit, date, method, inputs, source', async () => {
    const page = await open('zh');
    const answer = await ask(page, '美联储总资产现在多少?');
    const card = page.getByTestId('answer').last();
    const numbers = card.getByTestId('number');
    // every bound number that the text writes is a button, in reading order
    expect(await numbers.allInnerTexts()).toEqual(answer.numbers!.map((n) => n.text));
    const i = answer.numbers!.findIndex((n) => n.kind === 'fact');
    const fact = factOf(answer, i);
    expect(fact.seriesId).toBe('WALCL');
    await expect.poll(() => numbers.nth(i).getAttribute('aria-label')).toBe(`数字 ${answer.numbers![i]!.text}的来源`);
    expect(await numbers.nth(i).getAttribute('aria-haspopup')).toBe('dialog');

    await numbers.nth(i).click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    expect(await pop.getAttribute('data-view')).toBe('number');
    expect(await pop.getAttribute('role')).toBe('dialog');
    expect(await pop.getByTestId('number-title').innerText()).toBe(answer.numbers![i]!.text);
    // stored value: the raw file's WALCL on that Wednesday, in millions of US dollars
    const raw = rawValue('fred/market-base/liquidity.csv', 'WALCL', fact.asOf);
    expect(fact.value).toBe(raw);
    expect(await pop.getByTestId('fact-stored').innerText()).toBe(`${grouped(raw)} 百万美元`);
    expect(await pop.getByTestId('fact-unit').innerText()).toBe('百万美元');
    expect(unitName(fact.unit, 'zh')).toBe('百万美元');
    // displayed: the raw millions as 万亿美元 with two decimals (6,745,699 百万 = 6.745699万亿 → 6.75万亿美元)
    expect(await pop.getByTestId('fact-displayed').innerText()).toBe(`${(raw / 1e6).toFixed(2).replace(/\.?0+$/, '')}万亿美元`);
    expect(await pop.getByTestId('fact-date').innerText()).toBe(zhDate(fact.asOf));
    const method = await pop.getByTestId('fact-method').innerText();
    expect(method).toContain('最新值');
    expect(method).toContain(zhDate(fact.asOf));
    const inputs = await pop.getByTestId('fact-inputs').innerText();
    expect(inputs).toContain(seriesTitle(answer, 'WALCL'));
    expect(inputs).toContain(zhDate(fact.inputs[0]!.from));
    expect(inputs).toContain(`${fact.inputs[0]!.observations}个观测值`);
    expect(await pop.locator('a[href="https://fred.stlouisfed.org/series/WALCL"]').count()).toBe(1);
    expect(await pop.getByTestId('number-source').innerText()).toBe(seriesTitle(answer, 'WALCL'));
    // Chinese UI: no English method sentence, no raw series id
    const text = await pop.innerText();
    expect(text).not.toMatch(ENGLISH_SENTENCE);
    expect(text).not.toContain(fact.methodDetail!);
    expect(text).not.toContain('WALCL');
    expect(text).not.toMatch(/Millions|Percent|Dollars/);
    await page.screenshot({ path: path.join(shots, 'citations-zh-number.png') });

    // from the number to the whole source, and back
    await pop.getByTestId('all-from-source').click();
    await expect.poll(() => pop.getAttribute('data-view')).toBe('source');
    const all = await pop.getByTestId('source-facts').innerText();
    for (const f of answer.facts.filter((x) => x.sourceIds.includes(fact.sourceIds[0]!))) expect(all).toContain(f.label.zh.slice(0, 6));
    await page.screenshot({ path: path.join(shots, 'citations-zh-source.png') });
    await pop.getByTestId('back-to-number').click();
    await expect.poll(() => pop.getAttribute('data-view')).toBe('number');
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.count()).toBe(0);

    // the [n] right after the number opens the same number
    const cite = card.locator(`button.cite[data-i="${i}"]`).first();
    const n = await cite.innerText();
    expect(fact.sourceIds).toContain(Number(n));
    expect(await cite.getAttribute('aria-label')).toBe(`来源 ${n}：数字 ${answer.numbers![i]!.text}`);
    await cite.click();
    await pop.waitFor();
    expect(await pop.getAttribute('data-view')).toBe('number');
    expect(await pop.getByTestId('number-title').innerText()).toBe(answer.numbers![i]!.text);
    await page.keyboard.press('Escape');

    // a derivation (the percent change) shows its expression and each input fact
    const d = answer.numbers!.findIndex((n) => n.kind === 'derivation');
    expect(d, 'the one-year percent change is a derivation').toBeGreaterThanOrEqual(0);
    {
      await numbers.nth(d).click();
      await pop.waitFor();
      expect(await pop.getByTestId('number-expression').innerText()).toBe(answer.numbers![d]!.expression);
      const details = pop.getByTestId('fact-detail');
      expect(await details.count()).toBe(answer.numbers![d]!.factIds.length);
      for (const [k, id] of answer.numbers![d]!.factIds.entries()) expect(await details.nth(k).getAttribute('data-fact-id')).toBe(id);
      expect(await pop.innerText()).not.toMatch(ENGLISH_SENTENCE);
      await page.screenshot({ path: path.join(shots, 'citations-zh-derivation.png') });
      await page.keyboard.press('Escape');
    }

    // the chart is an image with a name made of its title and latest point, and a hidden table
    const chart = card.getByTestId('chart').first();
    const chartName = (await chart.getAttribute('aria-label')) ?? '';
    expect(await chart.getAttribute('role')).toBe('img');
    expect(chartName).toContain((answer.charts[0] as { title: { text: string } }).title.text);
    expect(chartName).toContain(zhDate(fact.asOf));
    expect(chartName).toContain(`${(raw / 1e6).toFixed(2).replace(/\.?0+$/, "")}万亿美元`);
    expect(await card.getByTestId('chart-table').first().locator('tbody tr').count()).toBeGreaterThan(0);
  }, 120_000);

  it('zh: a 10-year Treasury yield on a date — percent unit named in Chinese, date and stored value from the raw file', async () => {
    const page = await open('zh');
    const answer = await ask(page, '2025年3月3日10年期美国国债收益率是多少?');
    const i = answer.numbers!.findIndex((n) => n.kind === 'fact');
    const fact = factOf(answer, i);
    expect(fact.seriesId).toBe('DGS10');
    expect(fact.asOf).toBe('2025-03-03');
    const raw = rawValue('fred/market-base/rates.csv', 'DGS10', '2025-03-03');
    await page.getByTestId('answer').last().getByTestId('number').nth(i).click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    expect(await pop.getByTestId('fact-stored').innerText()).toBe(`${raw} 百分比`);
    expect(await pop.getByTestId('fact-unit').innerText()).toBe('百分比');
    expect(await pop.getByTestId('fact-displayed').innerText()).toBe(`${raw}%`);
    expect(await pop.getByTestId('fact-date').innerText()).toBe('2025年3月3日');
    expect(await pop.getByTestId('fact-method').innerText()).toContain('指定日期的值');
    expect(await pop.getByTestId('fact-inputs').innerText()).toContain(seriesTitle(answer, 'DGS10'));
    const text = await pop.innerText();
    expect(text).not.toMatch(ENGLISH_SENTENCE);
    expect(text).not.toContain('DGS10');
    expect(await pop.locator('a[href="https://fred.stlouisfed.org/series/DGS10"]').count()).toBe(1);
  }, 120_000);

  it('en: a company revenue — unit, stored dollars from the raw statement file, method and formula in English', async () => {
    const page = await open('en');
    const answer = await ask(page, "What was Apple's revenue in fiscal 2024?");
    const i = answer.numbers!.findIndex((n) => n.kind === 'fact');
    const fact = factOf(answer, i);
    const raw = rawValue('equities/financials/AAPL/income_annual.csv', 'Total Revenue', fact.asOf);
    expect(fact.value).toBe(raw);
    const number = page.getByTestId('answer').last().getByTestId('number').nth(i);
    expect(await number.getAttribute('aria-label')).toBe(`Source of ${answer.numbers![i]!.text}`);
    await number.click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    expect(await pop.getByTestId('fact-stored').innerText()).toBe(`${grouped(raw)} US dollars`);
    expect(await pop.getByTestId('fact-unit').innerText()).toBe('US dollars');
    expect(await pop.getByTestId('fact-date').innerText()).toBe(fact.asOf);
    expect(await pop.getByTestId('fact-method').innerText()).toContain('Value on a date');
    expect(await pop.getByTestId('fact-formula').innerText()).toBe(fact.methodDetail);
    const inputs = await pop.getByTestId('fact-inputs').innerText();
    expect(inputs).toContain(fact.inputs[0]!.from);
    const count = fact.inputs[0]!.observations!;
    expect(inputs).toContain(`(${count} ${count === 1 ? 'observation' : 'observations'})`);
    expect(inputs).not.toContain(fact.inputs[0]!.seriesId);
    const text = await pop.innerText();
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    const source = answer.sources.find((s) => fact.sourceIds.includes(s.n))!;
    expect(await pop.getByTestId('source-link').getAttribute('href')).toBe(source.url);
    expect(await pop.getByTestId('number-source').innerText()).toBe(source.title);
    await page.screenshot({ path: path.join(shots, 'citations-en-number.png') });
  }, 120_000);

  it('en: a [n] that does not follow a bound number keeps the whole-source view', async () => {
    const page = await open('en');
    const answer = await ask(page, 'What was the 10-year Treasury yield on 2025-03-03?');
    const card = page.getByTestId('answer').last();
    const loose = card.locator('button.cite:not([data-i])');
    const linked = card.locator('button.cite[data-i]');
    // "4.16% on 2025-03-03[1]": words stand between the number and its citation
    expect(answer.text).toMatch(/%\s+on\s+\d{4}-\d{2}-\d{2}\[1\]/);
    expect(await loose.count()).toBeGreaterThan(0);
    expect(await loose.first().getAttribute('aria-label')).toBe('Show source 1');
    await loose.first().click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    expect(await pop.getAttribute('data-view')).toBe('source');
    expect(await pop.getByTestId('source-facts').locator('li.fact').count()).toBe(answer.facts.filter((f) => f.sourceIds.includes(1)).length);
    await page.keyboard.press('Escape');
    // "was 4.19%[1]" keeps the link to the number
    expect(await linked.count()).toBeGreaterThan(0);
    await linked.first().click();
    await pop.waitFor();
    expect(await pop.getAttribute('data-view')).toBe('number');
    await page.screenshot({ path: path.join(shots, 'citations-en-yield.png') });
    await page.keyboard.press('Escape');
    // the verification panel tells that the numbers open their sources
    await card.getByTestId('verified-badge').click();
    expect(await card.getByTestId('numbers-hint').innerText()).toMatch(/underlined number/);
  }, 120_000);

  it('zh: a drawdown and a quoted number — the method names its period and observations; a quoted number shows its passage', async () => {
    const page = await open('zh');
    const answer = await ask(page, '过去一年标普500的最大回撤是多少?');
    const i = answer.numbers!.findIndex((n) => n.kind === 'fact');
    const fact = factOf(answer, i);
    expect(fact.method).toBe('drawdown');
    await page.getByTestId('answer').last().getByTestId('number').nth(i).click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    const method = await pop.getByTestId('fact-method').innerText();
    expect(method).toContain('最大回撤');
    expect(method).toContain(zhDate(fact.period!.from));
    expect(method).toContain(zhDate(fact.period!.to));
    expect(method).toContain(`${fact.inputs[0]!.observations}个观测值`);
    expect(await pop.getByTestId('fact-date').innerText()).toBe(`${zhDate(fact.period!.from)}至${zhDate(fact.period!.to)}`);
    expect(await pop.innerText()).not.toMatch(ENGLISH_SENTENCE);
    await page.keyboard.press('Escape');

    // a research answer quotes the minutes: the quoted number opens the passage it comes from
    const research = await ask(page, '美联储为什么缩表?');
    const q = research.numbers!.findIndex((n) => n.kind === 'passage');
    expect(q).toBeGreaterThanOrEqual(0);
    const card = page.getByTestId('answer').last();
    const button = card.getByTestId('number').nth(q);
    expect(await button.innerText()).toBe(research.numbers![q]!.text);
    await button.click();
    await pop.waitFor();
    const n = Number(await button.getAttribute('data-n'));
    const doc = research.sources.find((s) => s.n === n)!;
    expect(doc.kind).toBe('document');
    expect(doc.quote).toContain(research.numbers![q]!.text);
    const squash = (x: string) => x.replace(/\s+/g, ' ').trim();
    expect(squash(await pop.locator('blockquote').innerText())).toBe(squash(doc.quote!));
    expect(await pop.getByTestId('source-link').getAttribute('href')).toBe(doc.url);
    await page.screenshot({ path: path.join(shots, 'citations-zh-passage.png') });
  }, 120_000);

  it('keyboard: Tab reaches every number, Enter opens its dialog with focus inside, Escape closes and returns focus', async () => {
    const page = await open('zh');
    const answer = await ask(page, '美联储总资产现在多少?');
    const card = page.getByTestId('answer').last();
    // start the focus path just before the answer text
    await card.locator('.prose').evaluate((el: HTMLElement) => {
      el.tabIndex = -1;
      el.focus();
    });
    const visited: string[] = [];
    const active = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { testid: el?.dataset.testid ?? '', i: el?.dataset.i ?? '', text: el?.textContent ?? '' };
    });
    for (let k = 0; k < 30; k++) {
      await page.keyboard.press('Tab');
      const a = await active();
      if (a.testid !== 'number' && a.testid !== 'citation') break;
      if (a.testid === 'number') visited.push(a.text);
    }
    expect(visited).toEqual(answer.numbers!.map((n) => n.text));
    // Shift+Tab walks back to the previous number
    await page.keyboard.press('Shift+Tab');
    let back = await active();
    while (back.testid === 'citation') {
      await page.keyboard.press('Shift+Tab');
      back = await active();
    }
    expect(back.testid).toBe('number');
    expect(back.text).toBe(visited[visited.length - 1]);

    await page.screenshot({ path: path.join(shots, 'citations-zh-keyboard-focus.png') });
    await page.keyboard.press('Enter');
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    const name = await page.evaluate(() => {
      const dialog = document.querySelector('[role="dialog"]')!;
      return document.getElementById(dialog.getAttribute('aria-labelledby')!)?.getAttribute('aria-label');
    });
    expect(name).toBe(`数字 ${back.text}的来源`);
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.count()).toBe(0);
    const after = await active();
    expect(after.testid).toBe('number');
    expect(after.text).toBe(back.text);
  }, 120_000);

  it('phone: the number popover is a bottom sheet, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await open(lang, { width: 390, height: 844 });
      const answer = await ask(page, lang === 'zh' ? '美联储总资产现在多少?' : 'What are the Fed total assets now?');
      const i = answer.numbers!.findIndex((n) => n.kind === 'fact');
      const number = page.getByTestId('answer').last().getByTestId('number').nth(i);
      await number.click();
      const pop = page.getByTestId('citation-popover');
      await pop.waitFor();
      const box = (await pop.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.y + box.height).toBeGreaterThan(844 - 20);
      // the number it explains stays in sight above the sheet
      await expect.poll(async () => (await number.boundingBox())!.y + (await number.boundingBox())!.height).toBeLessThanOrEqual(box.y);
      expect((await number.boundingBox())!.y).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(shots, `citations-phone-${lang}.png`) });
    }
    expect(rig.pageErrors.join('\n')).toBe('');
  }, 120_000);
});
