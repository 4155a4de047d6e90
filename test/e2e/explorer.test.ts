// The series explorer in headless Chromium against the whole snapshot: ranked results as you type in Chinese and
// English (the 10-year Treasury constant-maturity yield first for 10年期 and 10-year), keyboard navigation, the
// empty state's examples, and the detail page's CSV download — the full history by default, its row count equal
// to the raw file's observations. Screenshots: test-results/explorer-{zh,en,phone}.png and explorer-detail-*.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/data/catalog/index.ts';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { loadedSnapshotDatabase, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('series explorer browser tests');

// The series a person means by "10年期" / "10-year": the daily 10-year constant-maturity Treasury yield, found by
// its catalog title (GS10, its monthly average, has the same English title; DFII10 is the inflation-indexed one).
const TEN_YEAR = catalog.filter((s) => s.title.en.includes('at 10-Year Constant Maturity') && !s.title.en.includes('Inflation-Indexed') && s.frequency === 'daily');

// fred-snapshot/DGS10.csv: header observation_date,DGS10; a missing value is an empty cell (SOURCES.md)
function rawObservations(id: string): string[][] {
  return readFileSync(path.join(snapshotRoot, `fred-snapshot/${id}.csv`), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f[0] ?? '') && (f[1] ?? '').trim() !== '');
}

describe.skipIf(Boolean(missing))('series explorer in headless Chromium', () => {
  let db: Database;
  let rig: BrowserRig;
  let base: string;

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24' }));
    base = rig.base;
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  /** Type a query; the list follows once the debounced query settles (it is then written to ?q=). */
  async function type(page: Page, q: string): Promise<void> {
    await page.getByTestId('series-search').fill(q);
    await page.waitForURL((u) => u.searchParams.get('q') === q, { timeout: 10_000 });
  }
  /** The ids of the results on screen, in order. */
  const ids = (page: Page) => page.getByTestId('series-result').locator('td:first-child').allInnerTexts();

  it('ranks 10年期 in the Chinese UI: the 10-year Treasury yield first, its Chinese title, units and last date, the query marked', async () => {
    expect(TEN_YEAR).toHaveLength(1);
    const want = TEN_YEAR[0]!;
    const page = await rig.newPage();
    await page.goto(base + '/series');
    await page.getByTestId('series-result').first().waitFor();
    await type(page, '10年期');
    await expect.poll(async () => (await ids(page))[0]).toBe(want.id);
    const first = page.getByTestId('series-result').first();
    const text = await first.innerText();
    expect(text).toContain(want.title.zh);
    expect(text).toContain('百分比'); // unitName of a percent unit in Chinese
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await first.locator('mark').first().innerText()).toBe('10年期');
    await page.screenshot({ path: path.join(shots, 'explorer-zh.png') });

    // keyboard: ↓ from the box to the first result, ↓ to the second, ↑ back, Enter opens it
    await page.getByTestId('series-search').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('td')?.innerText)).toBe(want.id);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('td')?.innerText)).not.toBe(want.id);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/series/${want.id}`);
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('observations').locator('tbody tr').nth(5).waitFor();
    await page.screenshot({ path: path.join(shots, 'explorer-detail-zh.png') });
  }, 120_000);

  it('ranks 10-year in the English UI and opens the first result with Enter in the box', async () => {
    const want = TEN_YEAR[0]!;
    const page = await rig.newPage();
    await page.goto(base + '/series');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('series-result').first().waitFor();
    await type(page, '10-year');
    await expect.poll(async () => (await ids(page))[0]).toBe(want.id);
    const text = await page.getByTestId('series-result').first().innerText();
    expect(text).toContain(want.title.en);
    expect(text).toContain('percent');
    await page.screenshot({ path: path.join(shots, 'explorer-en.png') });
    // an alias match is named: QT is an alias of the Fed's total assets, whose English title does not contain it
    await type(page, 'QT');
    await expect.poll(async () => (await ids(page))[0]).toBe('WALCL');
    expect(await page.getByTestId('series-result').first().innerText()).toMatch(/Matched: QT/);
    await page.screenshot({ path: path.join(shots, 'explorer-en-alias.png') });
    await type(page, '10-year');
    await expect.poll(async () => (await ids(page))[0]).toBe(want.id);
    await page.getByTestId('series-search').press('Enter');
    await page.waitForURL(`**/series/${want.id}`);
    await page.getByTestId('download-csv').waitFor();
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'explorer-detail-en.png') });
  }, 120_000);

  it('no results: says so and offers example searches that work', async () => {
    const page = await rig.newPage();
    await page.goto(base + '/series?q=' + encodeURIComponent('完全不存在的东西xyz'));
    await page.getByTestId('series-empty').waitFor();
    const examples = page.getByTestId('series-example');
    expect(await examples.count()).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(shots, 'explorer-empty-zh.png') });
    await examples.first().click();
    await page.getByTestId('series-result').first().waitFor();
    expect(await page.getByTestId('series-result').count()).toBeGreaterThan(0);
  }, 60_000);

  it('downloads the full history by default: as many rows as the raw file, same first and last dates; the range shown is a separate choice', async () => {
    const raw = rawObservations('DGS10');
    const page = await rig.newPage(undefined, { acceptDownloads: true });
    await page.goto(base + '/series/DGS10');
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toBe(`DGS10_full_${raw[0]![0]}_${raw.at(-1)![0]}.csv`);
    const file = path.join(shots, download.suggestedFilename());
    await download.saveAs(file);
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('date,DGS10');
    expect(rows.length - 1).toBe(raw.length);
    expect(rows[1]!.split(',')[0]).toBe(raw[0]![0]);
    expect(rows.at(-1)!.split(',')[0]).toBe(raw.at(-1)![0]);

    // the default chart range (5Y) is offered separately; its file is named by its dates and holds what the table pages through
    const shown = page.getByTestId('download-csv-range');
    const [part] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), shown.click()]);
    expect(part.suggestedFilename()).toMatch(/^DGS10_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(part.suggestedFilename()).not.toContain('full');
    const partFile = path.join(shots, part.suggestedFilename());
    await part.saveAs(partFile);
    const [, from, to] = part.suggestedFilename().match(/^DGS10_(.+)_(.+)\.csv$/)!;
    const partRows = readFileSync(partFile, 'utf8').trim().split('\n').length - 1;
    expect(partRows).toBe(raw.filter((f) => f[0]! >= from! && f[0]! <= to!).length);
    expect(partRows).toBeLessThan(raw.length);
    // Max: the range shown is the full history, so only one choice remains
    await page.getByTestId('range-max').click();
    await expect.poll(() => shown.count()).toBe(0);
  }, 120_000);

  it('fits a phone: results as cards, no sideways scroll', async () => {
    const page = await rig.newPage({ width: 390, height: 844 });
    await page.goto(base + '/series');
    await page.getByTestId('series-result').first().waitFor();
    await type(page, '失业率');
    await expect.poll(async () => (await ids(page))[0]).toBe(catalog.find((s) => s.title.en === 'Unemployment Rate')!.id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, 'explorer-phone.png') });
    await page.goto(base + '/series/DGS10');
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, 'explorer-detail-phone.png') });
  }, 120_000);

  it('no page threw an uncaught error', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
