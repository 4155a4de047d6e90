// The MCP server through the SDK's own client, over both transports: Streamable HTTP at /mcp (bearer token,
// 401 without it, 503 when no token is configured) and stdio (`fincite mcp` as a child process, whose stdout
// must carry nothing but protocol JSON). Expected numbers are read from the snapshot files in the test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, companies } from '../../src/data/catalog/index.ts';
import { runSync } from '../../src/data/sync.ts';
import { createServerApp, type ServerParts } from '../../src/server/serve.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import * as repo from '../../src/store/repo.ts';
import { freshPglite, repoRoot, snapshotRoot } from '../helpers/db.ts';
import { testSettings } from './helpers.ts';

const TOKEN = 'a-test-token-0123456789';
const TOOLS = ['ask', 'company_fundamentals', 'compute_fact', 'get_events', 'get_series', 'search_documents', 'search_series', 'verify_text'];
const STACK = /\bat .*\.(ts|js):\d+/;

/** The observations of a FRED snapshot file as [date, value], skipping missing values ('.' or empty); CRLF-safe. */
function fredRows(id: string): Array<[string, number]> {
  const rows: Array<[string, number]> = [];
  for (const line of readFileSync(path.join(snapshotRoot, 'fred-snapshot', `${id}.csv`), 'utf8').split(/\r?\n/).slice(1)) {
    const [date, raw] = line.split(',');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || raw === undefined || raw.trim() === '' || !Number.isFinite(Number(raw))) continue;
    rows.push([date, Number(raw)]);
  }
  return rows;
}

interface ToolResult {
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

function text(r: ToolResult): string {
  return r.content.map((c) => c.text ?? '').join('\n');
}

interface FactOut {
  handle: string;
  value: number;
  unit: string;
  unit_detail: { kind: string; scale: number; currency?: string };
  as_of: string;
  period: { from: string; to: string } | null;
  extra: Record<string, string | number> | null;
}

// ------------------------------------------------------------------------------------------------ HTTP

describe('MCP over Streamable HTTP (/mcp)', () => {
  let db: Database;
  let app: ServerParts['app'];
  let server: ServerType;
  let base: string;
  let client: Client;

  beforeAll(async () => {
    db = await freshPglite();
    const report = await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['WALCL', 'DGS10', 'DGS2'] });
    expect(report.failures).toEqual([]);
    ({ app } = await createServerApp(db, { settings: testSettings({ apiToken: TOKEN }), webDir: '/nonexistent', today: '2026-11-24', llm: null }));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new Client({ name: 'fincite-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }));
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    if (server) {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await db?.close();
  });

  it('lists the eight tools, each with a description and input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) {
      expect(t.description?.length, t.name).toBeGreaterThan(40);
      expect(t.inputSchema.type, t.name).toBe('object');
      expect(Object.keys(t.inputSchema.properties ?? {}).length, t.name).toBeGreaterThan(0);
      expect(t.outputSchema?.type, t.name).toBe('object');
      expect(Object.keys(t.outputSchema?.properties ?? {}).length, t.name).toBeGreaterThan(0);
      expect(t.annotations?.readOnlyHint, t.name).toBe(true);
    }
    const compute = tools.find((t) => t.name === 'compute_fact')!;
    expect(compute.inputSchema.required).toEqual(['series_id', 'method']);
    expect(Object.keys(compute.outputSchema!.properties!)).toContain('unit_detail');
  });

  it('search_series finds WALCL for 缩表', async () => {
    const r = await call(client, 'search_series', { query: '缩表', limit: 3 });
    expect(r.isError).toBeFalsy();
    const series = r.structuredContent!.series as Array<{ id: string; source_url: string }>;
    expect(series[0]?.id).toBe('WALCL');
    expect(series[0]?.source_url).toBe('https://fred.stlouisfed.org/series/WALCL');
    // the text block is the same result as JSON
    expect(JSON.parse(text(r))).toEqual(r.structuredContent);
  });

  it('compute_fact latest DGS10 is the last value of the snapshot file', async () => {
    const [lastDate, lastValue] = fredRows('DGS10').at(-1)!;
    const r = await call(client, 'compute_fact', { series_id: 'DGS10', method: 'latest' });
    expect(r.isError).toBeFalsy();
    const f = r.structuredContent as unknown as FactOut;
    expect(f.value).toBe(lastValue);
    expect(f.as_of).toBe(lastDate);
    expect(f.unit).toBe('Percent');
    expect(f.unit_detail).toEqual({ kind: 'percent', scale: 1 });
  });

  it('compute_fact change of WALCL since 2022-06-01 is last minus the first observation on or after that day', async () => {
    const rows = fredRows('WALCL');
    const start = rows.find(([d]) => d >= '2022-06-01')!;
    const end = rows.at(-1)!;
    const r = await call(client, 'compute_fact', { series_id: 'WALCL', method: 'change', from: '2022-06-01' });
    expect(r.isError).toBeFalsy();
    const f = r.structuredContent as unknown as FactOut;
    expect(f.value).toBe(end[1] - start[1]);
    expect(f.period).toEqual({ from: start[0], to: end[0] });
    expect(f.extra).toMatchObject({ startDate: start[0], startValue: start[1], endDate: end[0], endValue: end[1] });
    expect(f.unit_detail).toEqual({ kind: 'currency', scale: 1e6, currency: 'USD' });
  });

  it('get_series is thinned to max_points, the latest observation included', async () => {
    const rows = fredRows('DGS10');
    const r = await call(client, 'get_series', { id: 'DGS10', max_points: 5 });
    const out = r.structuredContent as { total_observations: number; observations: Array<{ date: string; value: number }> };
    expect(out.total_observations).toBe(rows.length);
    expect(out.observations.length).toBeLessThanOrEqual(5);
    expect(out.observations.at(-1)).toEqual({ date: rows.at(-1)![0], value: rows.at(-1)![1] });
  });

  it('ask returns the cited, verified Answer without its charts', async () => {
    const r = await call(client, 'ask', { question: '2022年6月以来美联储总资产减少了多少?' });
    expect(r.isError).toBeFalsy();
    const a = r.structuredContent as { language: string; text: string; facts: Array<{ seriesId?: string; value: number }>; sources: Array<{ n: number; url: string }>; verification: { numbers: number; unsupported: unknown[] }; charts?: unknown };
    expect(a.language).toBe('zh');
    expect(a.facts.length).toBeGreaterThan(0);
    expect(a.facts.some((f) => f.seriesId === 'WALCL')).toBe(true);
    expect(a.sources.map((s) => s.url)).toContain('https://fred.stlouisfed.org/series/WALCL');
    expect(a.text).toMatch(/\[1\]/);
    expect(a.verification.numbers).toBeGreaterThan(0);
    expect(a.verification.unsupported).toEqual([]);
    expect(a.charts).toBeUndefined();
    // the text block is the answer for people, with its sources
    expect(text(r)).toContain(a.text);
    expect(text(r)).toContain('https://fred.stlouisfed.org/series/WALCL');

    const en = await call(client, 'ask', { question: 'What was the 10-year Treasury yield on 2024-04-25?', lang: 'en' });
    const raw = fredRows('DGS10').find(([d]) => d === '2024-04-25')!;
    const ae = en.structuredContent as { language: string; facts: Array<{ value: number; asOf: string }>; verification: { unsupported: unknown[] } };
    expect(ae.language).toBe('en');
    expect(ae.facts[0]).toMatchObject({ value: raw[1], asOf: '2024-04-25' });
    expect(ae.verification.unsupported).toEqual([]);
  });

  it('verify_text supports a number in evidence and flags an invented one', async () => {
    const raw = fredRows('DGS10').find(([d]) => d === '2024-04-25')!;
    const fact = (await call(client, 'compute_fact', { series_id: 'DGS10', method: 'value_on_date', date: '2024-04-25' })).structuredContent!;
    expect(fact.value).toBe(raw[1]);
    const written = `${raw[1].toFixed(2)}%`;
    const invented = `${(raw[1] + 1.37).toFixed(2)}%`;

    const ok = await call(client, 'verify_text', { text: `The 10-year Treasury yield was ${written} on 2024-04-25.`, evidence: { facts: [fact] } });
    expect(ok.isError).toBeFalsy();
    expect(ok.structuredContent).toEqual({ numbers: 1, supported: 1, unsupported: [] });

    const bad = await call(client, 'verify_text', { text: `The 10-year Treasury yield was ${invented} on 2024-04-25.`, evidence: { facts: [fact] } });
    expect(bad.isError).toBeFalsy();
    const v = bad.structuredContent as { numbers: number; supported: number; unsupported: Array<{ text: string; reason: string }> };
    expect(v.numbers).toBe(1);
    expect(v.supported).toBe(0);
    expect(v.unsupported.map((u) => u.text)).toEqual([invented]);
    expect(v.unsupported[0]!.reason.length).toBeGreaterThan(10);
    expect(text(bad)).toContain(invented);

    // the facts of an ask answer are evidence too, and so are plain numbers
    const answer = (await call(client, 'ask', { question: 'What was the 10-year Treasury yield on 2024-04-25?', lang: 'en' })).structuredContent as { facts: unknown[] };
    const byAnswer = await call(client, 'verify_text', { text: `On 2024-04-25 the 10-year yield stood at ${written}.`, evidence: { facts: answer.facts } });
    expect(byAnswer.structuredContent).toEqual({ numbers: 1, supported: 1, unsupported: [] });
    const none = await call(client, 'verify_text', { text: `The yield was ${written}.` });
    expect((none.structuredContent as { unsupported: unknown[] }).unsupported).toHaveLength(1);
  });

  it('bad calls come back as tool errors with a helpful message, never a stack trace', async () => {
    const unknown = await call(client, 'compute_fact', { series_id: 'DGS10X', method: 'latest' });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/Unknown series or ticker "DGS10X"/);
    expect(text(unknown)).toMatch(/Did you mean: .*DGS10/);
    expect(text(unknown)).not.toMatch(STACK);

    const missing = await call(client, 'compute_fact', { series_id: 'WALCL', method: 'change' });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toBe('Method change needs a from date.');

    const badDate = await call(client, 'compute_fact', { series_id: 'WALCL', method: 'value_on_date', date: '2024-02-30' });
    expect(badDate.isError).toBe(true);
    expect(text(badDate)).toMatch(/YYYY-MM-DD/);
    expect(text(badDate)).not.toMatch(STACK);

    const outOfRange = await call(client, 'compute_fact', { series_id: 'WALCL', method: 'value_on_date', date: '1990-01-01' });
    expect(outOfRange.isError).toBe(true);
    expect(text(outOfRange)).toMatch(/WALCL/);
    expect(text(outOfRange)).not.toMatch(STACK);

    const unknownSeries = await call(client, 'get_series', { id: 'NOPE' });
    expect(unknownSeries.isError).toBe(true);
    expect(text(unknownSeries)).toMatch(/Unknown series or ticker "NOPE"/);

    const emptyQuestion = await call(client, 'ask', { question: '' });
    expect(emptyQuestion.isError).toBe(true);

    const unitless = await call(client, 'verify_text', { text: 'It was 5%.', evidence: { facts: [{ value: 5, unit: 'Percent', as_of: '2024-01-01' }] } });
    expect(unitless.isError).toBe(true);
    expect(text(unitless)).toMatch(/unit_detail/);
  });

  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } } };
  const post = (headers: Record<string, string>) =>
    fetch(`${base}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify(initialize) });

  it('answers 401 with WWW-Authenticate: Bearer without the right token', async () => {
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer a-test-token-0123456780' }, { authorization: 'Bearer short' }, { authorization: `Basic ${TOKEN}` }, { authorization: TOKEN }];
    for (const headers of refused) {
      const r = await post(headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    const ok = await post({ authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { serverInfo: { name: string } } }).result.serverInfo.name).toBe('fincite');
    // no sessions: no standalone SSE stream
    const get = await fetch(`${base}/mcp`, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    await get.body?.cancel();
  });

  it('answers 503 mcp_disabled, saying to set FINCITE_API_TOKEN, when no token is configured', async () => {
    const { app: noToken } = await createServerApp(db, { settings: testSettings(), webDir: '/nonexistent', today: '2026-11-24', llm: null });
    const r = await noToken.request('/mcp', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(initialize) });
    expect(r.status).toBe(503);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('mcp_disabled');
    expect(body.error.message).toContain('FINCITE_API_TOKEN');
  });
});

// ------------------------------------------------------------------------------------------------ stdio

describe('fincite mcp over stdio', () => {
  let home: string;
  const dataDir = () => path.join(home, 'pgdata');

  beforeAll(async () => {
    // a prepared database in FINCITE_HOME, so the child does not load the whole snapshot on its first start
    home = mkdtempSync(path.join(tmpdir(), 'fincite-mcp-home-'));
    const db = await openDatabase({ dataDir: dataDir() });
    try {
      const report = await runSync(db, { mode: 'snapshot', catalog, companies, snapshotDir: snapshotRoot, seriesIds: ['DGS10', 'WALCL'] });
      expect(report.failures).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('serves the tools on stdin/stdout, with nothing but protocol JSON on stdout', async () => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'DATABASE_URL') env[k] = v;
    Object.assign(env, { FINCITE_HOME: home, FINCITE_OFFLINE: '1', FINCITE_SNAPSHOT: snapshotRoot, LANG: 'en_US.UTF-8' });
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(repoRoot, 'bin', 'fincite.js'), 'mcp'], env, cwd: repoRoot, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // a line on stdout that is not a JSON-RPC message reaches the client transport as an error
    const transportErrors: unknown[] = [];
    transport.onerror = (err) => transportErrors.push(err);
    const client = new Client({ name: 'fincite-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      expect(client.getServerVersion()?.name).toBe('fincite');
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
      expect(tools.every((t) => t.outputSchema?.type === 'object')).toBe(true);

      const [lastDate, lastValue] = fredRows('DGS10').at(-1)!;
      const r = await call(client, 'compute_fact', { series_id: 'DGS10', method: 'latest' });
      expect(r.isError, stderr).toBeFalsy();
      expect(r.structuredContent).toMatchObject({ value: lastValue, as_of: lastDate, unit: 'Percent' });

      const unknown = await call(client, 'compute_fact', { series_id: 'NOPE', method: 'latest' });
      expect(unknown.isError).toBe(true);
      expect(text(unknown)).toMatch(/Unknown series or ticker "NOPE"/);
    } finally {
      await client.close();
    }
    expect(transportErrors.map(String)).toEqual([]);
    // what is for people went to stderr
    expect(stderr).toContain('fincite mcp: serving tools on stdio');
    expect(stderr).not.toContain('first start');

    // the child found the data present and imported nothing: the test's sync is the only run, and it closed the database
    const db = await openDatabase({ dataDir: dataDir() });
    try {
      expect(await repo.listSyncRuns(db, 10)).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 120_000);
});
