// Sign-up in the browser now that the server's sign-up signs no one in and answers a taken email like a new one
// (issue 13, item 4): a new account ends up signed in (the page signs in after signing up); a taken email with
// another password gets "could not sign in … use the sign-in page" and no session; a common password is refused
// with the server's Chinese message. On an empty database (no data needed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { freshPglite } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('sign-up browser tests');

describe.skipIf(Boolean(missing))('sign-up in the web app', () => {
  let db: Database;
  let rig: BrowserRig;

  beforeAll(async () => {
    db = await freshPglite();
    rig = await startBrowserRig(await createServerApp(db, { settings: testSettings({ trustProxy: false }), webDir, llm: null }));
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await db?.close();
  });

  async function signUp(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${rig.base}/signup`);
    await page.getByTestId('auth-name').fill('测试用户');
    await page.getByTestId('auth-email').fill(email);
    await page.getByTestId('auth-password').fill(password);
    await page.getByTestId('auth-submit').click();
  }

  it('a new email: signed in after signing up; the same email again with another password: could not sign in, no session', async () => {
    const page = await rig.newPage();
    await signUp(page, 'browser@example.com', 'a long passphrase');
    await page.getByTestId('sign-out').waitFor({ timeout: 20_000 });

    const other = await rig.newPage();
    await signUp(other, 'browser@example.com', 'another long passphrase');
    const alert = other.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('无法用这个邮箱和密码登录');
    expect(await other.getByTestId('sign-out').count()).toBe(0);
    const me = (await (await other.request.get(`${rig.base}/api/me`)).json()) as { user: unknown };
    expect(me.user).toBeNull();
    expect(rig.pageErrors).toEqual([]);
  }, 90_000);

  it('a common password is refused with the server’s message in the page language', async () => {
    const page = await rig.newPage();
    await signUp(page, 'common@example.com', 'password');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('这个密码太常见');
    expect(await page.getByTestId('sign-out').count()).toBe(0);
  }, 60_000);
});
