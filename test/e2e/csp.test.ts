// The Content-Security-Policy in a real browser (issue 10, item 3): the built web app — its scripts, styles and
// ECharts canvas charts — works under it without a single violation, and markup that got into the page anyway
// (an inline event handler, an inline script, a remote image) is blocked by the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('Content-Security-Policy browser test');

describe.skipIf(Boolean(missing))('Content-Security-Policy in headless Chromium', () => {
  let db: Database;
  let rig: BrowserRig;

  beforeAll(async () => {
    db = await freshPglite();
    await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL'] });
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, today: '2026-11-24', llm: null }));
  }, 240_000);
  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  it('the app answers with a chart and the series explorer works, with no CSP violation; injected markup is blocked', async () => {
    const page = await rig.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const res = await page.goto(rig.base + '/');
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('question-input').fill('美联储总资产最新是多少?');
    await page.getByTestId('question-input').press('Enter');
    const answer = page.getByTestId('answer').last();
    await answer.getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    await answer.locator('canvas').first().waitFor();
    await page.goto(rig.base + '/series/WALCL');
    await page.locator('canvas').first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(violations).toEqual([]);

    // what the policy is for: an inline handler, an inline script and a remote image put into the page do nothing
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:image/gif;base64,AAAA" onerror="window.__pwned = 1"><img src="https://example.invalid/x.png">';
      document.body.appendChild(div);
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 2';
      document.body.appendChild(s);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const blocked = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect(blocked.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(blocked.some((v) => v.startsWith('img-src') && v.includes('example.invalid'))).toBe(true);
    expect(rig.pageErrors).toEqual([]);
  }, 120_000);
});
