// End to end in headless Chromium, LLM mode: the real server with the whole snapshot and a scripted
// OpenAI-compatible model (test/fixtures/scripted-llm.ts) behind a small proxy that slows each model call down, so
// the live steps can be seen. A Chinese question: the engine and the tool steps show while the answer streams; the
// answer names the model, lists its steps behind a disclosure, shows usage, verifies every number and opens a
// citation. Screenshots go to test-results/.
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server/serve.ts';
import type { Database } from '../../src/store/db.ts';
import { factResults, startScriptedLlm, textOf, type ScriptedLlm } from '../fixtures/scripted-llm.ts';
import { loadedSnapshotDatabase } from '../helpers/db.ts';
import { testSettings } from '../server/helpers.ts';
import { browserSuiteMissing, shots, startBrowserRig, webDir, type BrowserRig } from './harness.ts';

const missing = browserSuiteMissing('end-to-end LLM-mode browser tests');

/** How long each model call takes (through the proxy): long enough for the browser to show each step. */
const MODEL_DELAY_MS = 700;

/** A loopback proxy to the scripted model that holds every request for `ms` before passing it on. */
async function slowProxy(target: string, ms: number): Promise<{ baseURL: string; close(): Promise<void> }> {
  const port = Number(new URL(target).port);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    await new Promise((resolve) => setTimeout(resolve, ms));
    const up = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    up.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return {
    baseURL: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(Boolean(missing))('LLM mode in headless Chromium', () => {
  let db: Database;
  let rig: BrowserRig;
  let base: string;
  let scripted: ScriptedLlm;
  let proxy: { baseURL: string; close(): Promise<void> };
  const newPage = (viewport?: { width: number; height: number }) => rig.newPage(viewport);

  beforeAll(async () => {
    db = await loadedSnapshotDatabase();
    // the script: find the series, compute its latest value, answer in Chinese with the fact's text and handle
    // (each question is its own conversation: the step is the number of model turns so far)
    scripted = await startScriptedLlm((req) => {
      const step = req.messages.filter((m) => m.role === 'assistant').length;
      if (step === 0) return { toolCalls: [{ name: 'search_series', args: { query: '美联储总资产' } }] };
      if (step === 1) return { toolCalls: [{ name: 'compute_fact', args: { series_id: 'WALCL', method: 'latest' } }] };
      const [latest] = factResults(req);
      if (!latest) return { content: 'No data.' };
      const zh = req.messages.some((m) => m.role === 'user' && /[\u4e00-\u9fff]/.test(textOf(m)));
      const usage = { prompt_tokens: 1500, completion_tokens: 60 };
      return zh
        ? { content: `根据美联储H.4.1数据,美联储总资产最新为${latest.formatted.zh} [${latest.handle}]。`, usage }
        : { content: `The Fed's total assets were ${latest.formatted.en} [${latest.handle}] in the latest H.4.1 release.`, usage };
    });
    proxy = await slowProxy(scripted.baseURL, MODEL_DELAY_MS);
    const parts = await createServerApp(db, {
      settings: testSettings({ trustProxy: false }),
      webDir,
      today: '2026-11-24',
      llm: { provider: 'openai-compatible', model: 'scripted-model', baseURL: proxy.baseURL, apiKey: 'test', maxSteps: 6, maxRetries: 0, timeoutMs: 20000 },
    });
    rig = await startBrowserRig(parts);
    base = rig.base;
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await proxy?.close();
    await scripted?.close();
    await db?.close();
  });

  it('shows the model and its tool steps live, then a verified, cited answer that names the model and its usage', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.getByTestId('question-input').fill('美联储总资产最新是多少?');
    await page.getByTestId('question-input').press('Enter');

    // while the answer streams: who answers, and each tool step as it happens
    const live = page.locator('.progress-card');
    await expect.poll(() => live.getByTestId('ask-engine').innerText(), { timeout: 15_000 }).toContain('scripted-model');
    const liveSteps = live.getByTestId('ask-steps');
    expect(await liveSteps.getAttribute('aria-live')).toBe('polite');
    // tool names only: a tool's arguments are model-written and never streamed (issue 10)
    await liveSteps.getByTestId('ask-step').filter({ hasText: '查找数据序列' }).waitFor({ timeout: 15_000 });
    await liveSteps.getByTestId('ask-step').filter({ hasText: '计算' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'chat-llm-progress.png') });

    const answer = page.getByTestId('answer').last();
    await answer.getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    expect(await live.count()).toBe(0);

    // the model's answer, every number verified
    const text = await answer.locator('.prose').innerText();
    expect(text).toContain('美联储总资产最新为');
    expect(text).toMatch(/万亿美元/);
    const badge = await answer.getByTestId('verified-badge').innerText();
    const [supported, total] = badge.match(/(\d+)\s*\/\s*(\d+)/)!.slice(1).map(Number);
    expect(total).toBeGreaterThan(0);
    expect(supported).toBe(total);

    // the engine and the usage line
    expect(await answer.getByTestId('answer-engine').innerText()).toBe('模型：scripted-model');
    const usage = await answer.getByTestId('answer-usage').innerText();
    expect(usage).toContain('模型调用 3 次');
    expect(usage).toContain('工具调用 2 次');
    expect(usage).toMatch(/输入 1,700 \/ 输出 100/);
    expect(usage).not.toContain('已修正');

    // the steps stay available behind a disclosure
    const disclosure = answer.getByTestId('answer-steps');
    expect(await disclosure.locator('summary').innerText()).toBe('查看分析步骤（4）');
    await disclosure.locator('summary').click();
    const steps = await disclosure.getByTestId('ask-step').allInnerTexts();
    expect(steps).toEqual(['调用模型 scripted-model', '查找数据序列', '计算', '核实数字']);

    // the citation opens its source
    await answer.getByTestId('citation').first().click();
    const pop = page.getByTestId('citation-popover');
    await pop.waitFor();
    expect(await pop.innerText()).toContain('总资产');
    expect(await pop.locator('a[href^="https://fred.stlouisfed.org/series/WALCL"]').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'chat-llm.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.count()).toBe(0);
    await disclosure.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'chat-llm-steps.png') });

    // the model was asked three times: search, compute, write
    expect(scripted.requests.length).toBe(3);
  }, 120_000);

  it('in English the steps and the engine are in English', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('question-input').fill('What is the latest Fed balance sheet total?');
    await page.getByTestId('question-input').press('Enter');
    const answer = page.getByTestId('answer').last();
    await answer.getByTestId('verified-badge').waitFor({ timeout: 30_000 });
    expect(await answer.getByTestId('answer-engine').innerText()).toBe('Model: scripted-model');
    expect(await answer.getByTestId('answer-usage').innerText()).toContain('Model calls: 3');
    expect(await answer.locator('.prose').innerText()).toContain("The Fed's total assets were");
    await answer.getByTestId('answer-steps').locator('summary').click();
    expect(await answer.getByTestId('ask-step').allInnerTexts()).toEqual(['Asking scripted-model', 'Searching series', 'Computing', 'Verifying numbers']);
  }, 120_000);

  it('no page threw an uncaught error', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
