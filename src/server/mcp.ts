// The MCP server: fincite's engine tools for agents, IDEs and Claude Desktop — the six read-only data tools
// (search_series, get_series, compute_fact, search_documents, get_events, company_fundamentals), `ask` (the
// cited, verified Answer) and `verify_text` (the numeric-claim verifier). Every tool has zod input and output
// schemas and returns structuredContent plus a text block; a FinciteError (unknown series, bad date, missing
// argument …) comes back as an MCP tool error with its English message, never a crash or a stack trace.
// Served over Streamable HTTP at /mcp (stateless, bearer token FINCITE_API_TOKEN) and over stdio by
// `fincite mcp` (src/cli/mcp.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Answer, Fact, Passage } from '../core/answer.ts';
import { FinciteError } from '../core/errors.ts';
import type { Lang } from '../core/format.ts';
import type { Unit } from '../core/types.ts';
import { DataAccess } from '../engine/data.ts';
import { checkText, TEXT_LIMITS } from '../core/text-input.ts';
import { MAX_HISTORY, type Engine } from '../engine/index.ts';
import { companyFundamentalsTool, computeFactTool, DATA_TOOLS, Ledger, runTool, type ToolContext, type ToolDef } from '../engine/tools.ts';
import { verifyText, type Evidence, type EvidenceTable } from '../engine/verify/index.ts';
import type { Database } from '../store/db.ts';
import type { AppDeps } from './app.ts';
import { bearerMatches, machineLang, type AppEnv } from './context.ts';
import { machineLimit } from './limits.ts';

/** Longest text verify_text checks (as `fincite verify`). */
export const MAX_VERIFY_TEXT = 200_000;
/** Largest /mcp request body the transport reads (verify_text carries up to 200k characters plus evidence). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

// ------------------------------------------------------------------------------------------- schemas

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const UNIT_KINDS = ['currency', 'percent', 'percentage_points', 'index', 'count', 'ratio', 'price'] as const;

const UnitDetail = z
  .object({
    kind: z.enum(UNIT_KINDS),
    scale: z.number().describe('multiplier from value to base units (1e6 for "Millions of U.S. Dollars")'),
    currency: z.string().optional(),
  })
  .describe('what the value measures, for verify_text: pass the fact back unchanged as evidence');

/** compute_fact's output plus the unit's kind and scale, so the result can be handed to verify_text as it is. */
const McpFactOut = computeFactTool.output.extend({ unit_detail: UnitDetail });
const McpFundamentalsOut = companyFundamentalsTool.output.extend({ latest: z.array(z.object({ series_id: z.string(), fact: McpFactOut })) });

const UnitOut = z.object({ kind: z.enum(UNIT_KINDS), scale: z.number(), currency: z.string().optional(), label: z.string() });

const AnswerFactOut = z.object({
  id: z.string(),
  value: z.number(),
  unit: UnitOut,
  label: Bilingual,
  asOf: z.string(),
  period: z.object({ from: z.string(), to: z.string() }).optional(),
  method: z.string(),
  methodDetail: z.string().optional(),
  seriesId: z.string().optional(),
  inputs: z.array(z.object({ seriesId: z.string(), from: z.string(), to: z.string(), observations: z.number().optional() })),
  sourceIds: z.array(z.number()).describe('the [n] sources the fact rests on'),
  extra: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const SourceOut = z.object({
  n: z.number().describe('the number of the [n] citation in text'),
  kind: z.enum(['series', 'document']),
  title: z.string(),
  publisher: z.string(),
  url: z.string(),
  date: z.string().optional(),
  retrievedAt: z.string().optional().describe('when a live fetch retrieved the series'),
  snapshotAsOf: z.string().optional().describe('the series was read from the offline snapshot, which holds it through this date'),
  seriesId: z.string().optional(),
  documentId: z.string().optional(),
  quote: z.string().optional(),
});

const VerificationOut = z.object({
  numbers: z.number().describe('numeric claims found in the text (years and dates are not claims)'),
  supported: z.number(),
  unsupported: z.array(z.object({ text: z.string(), reason: z.string() })),
});

const AskIn = z.object({
  // checked by checkText (control characters, lone surrogates, length) so the error says what is wrong
  question: z.string().describe(`a financial question in Chinese or English (at most ${TEXT_LIMITS.question} characters)`),
  lang: z.enum(['zh', 'en']).optional().describe("answer language; by default the question's language"),
  history: z
    .array(z.string())
    .max(MAX_HISTORY)
    .optional()
    .describe(`earlier questions of the conversation, oldest first (at most ${MAX_HISTORY}): a follow-up such as "and last year?" inherits the subject, measure or period it omits`),
});

const AskOut = z.object({
  question: z.string(),
  language: z.enum(['zh', 'en']),
  text: z.string().describe('Markdown; every number carries an [n] citation of `sources`'),
  facts: z.array(AnswerFactOut).describe('every number of the answer with its lineage; usable as verify_text evidence'),
  sources: z.array(SourceOut),
  verification: VerificationOut,
  unanswerable: z.object({ reason: z.string(), suggestions: z.array(z.string()) }).optional(),
  dataAsOf: z.string().optional(),
  engine: z.string().optional(),
});

const FactEvidence = z
  .looseObject({
    id: z.string().max(300).optional(),
    handle: z.string().max(40).optional(),
    value: z.number(),
    unit: z.union([z.string().max(200), UnitOut.partial({ label: true })]),
    unit_detail: UnitDetail.optional(),
    label: z.union([Bilingual, z.string().max(500)]).optional(),
    asOf: z.string().max(40).optional(),
    as_of: z.string().max(40).optional(),
    period: z.object({ from: z.string(), to: z.string() }).nullable().optional(),
    seriesId: z.string().max(120).optional(),
    methodDetail: z.string().max(2000).nullable().optional(),
    method_detail: z.string().max(2000).nullable().optional(),
    inputs: z.array(z.looseObject({ series_id: z.string().optional(), seriesId: z.string().optional() })).max(50).optional(),
    extra: z.record(z.string(), z.union([z.string(), z.number()])).nullable().optional(),
  })
  .describe('a fact exactly as compute_fact / company_fundamentals (with unit_detail) or ask (answer.facts[]) returned it');

const PassageEvidence = z.union([
  z.string().max(MAX_VERIFY_TEXT),
  z.looseObject({ text: z.string().max(MAX_VERIFY_TEXT), handle: z.string().optional(), title: z.string().optional(), date: z.string().optional(), url: z.string().optional() }),
]);

const TableEvidence = z.union([
  z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  z.object({
    title: z.string().optional(),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
    headerRows: z.number().int().min(0).optional(),
    scale: z.number().optional().describe('multiplier from cell values to base units (1e6 for a table "in millions")'),
    currency: z.string().optional(),
  }),
]);

const VerifyIn = z.object({
  text: z.string().max(MAX_VERIFY_TEXT).describe('the text whose numbers to check (up to 200,000 characters)'),
  evidence: z
    .object({
      facts: z.array(FactEvidence).max(500).optional().describe('facts from compute_fact / company_fundamentals results or from ask (answer.facts)'),
      passages: z.array(PassageEvidence).max(200).optional().describe('quoted text, e.g. search_documents passages'),
      numbers: z.array(z.number()).max(1000).optional().describe('extra numbers you vouch for'),
      tables: z.array(TableEvidence).max(50).optional().describe('tables as rows of cells; the first row(s) headers, the first column labels'),
    })
    .optional(),
  lang: z.enum(['zh', 'en']).optional().describe("the text's language; detected when absent"),
});

// ------------------------------------------------------------------------------------------- helpers

let version: string | undefined;

/** fincite's version from its package.json (found from src/ or a dist/ chunk), else 0.1.0. */
function packageVersion(): string {
  if (version) return version;
  version = '0.1.0';
  try {
    for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fincite') {
        if (pkg.version) version = pkg.version;
        break;
      }
    }
  } catch {
    // keep the default
  }
  return version;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A tool error for the client: the English message of a typed error, a generic line for anything else. */
function toolError(err: unknown, lang: 'zh' | 'en' = 'en'): CallToolResult {
  let text: string;
  if (err instanceof FinciteError) text = err.messages[lang];
  else {
    process.stderr.write(`fincite mcp: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    text = 'Internal error; please try again.';
  }
  return { content: [{ type: 'text', text }], isError: true };
}

function jsonResult(out: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(out) }], structuredContent: out };
}

function unitDetail(u: Unit): z.infer<typeof UnitDetail> {
  return { kind: u.kind, scale: u.scale, ...(u.currency ? { currency: u.currency } : {}) };
}

/** Adds unit_detail to a fact returned by a tool, from the full Fact kept in the call's ledger. */
function withUnitDetail<T extends { handle: string }>(fact: T, ledger: Ledger): T & { unit_detail?: z.infer<typeof UnitDetail> } {
  const kept = ledger.facts.get(fact.handle);
  return kept ? { ...fact, unit_detail: unitDetail(kept.fact.unit) } : fact;
}

/** The Answer without its charts (ECharts options: big, for screens) and usage, as plain JSON. */
function compactAnswer(a: Answer): z.infer<typeof AskOut> {
  const out = {
    question: a.question,
    language: a.language,
    text: a.text,
    facts: a.facts,
    sources: a.sources,
    verification: { numbers: a.verification.numbers, supported: a.verification.supported, unsupported: a.verification.unsupported.map((u) => ({ text: u.text, reason: u.reason })) },
    ...(a.unanswerable ? { unanswerable: a.unanswerable } : {}),
    ...(a.dataAsOf ? { dataAsOf: a.dataAsOf } : {}),
    ...(a.engine ? { engine: a.engine } : {}),
  };
  return JSON.parse(JSON.stringify(out)) as z.infer<typeof AskOut>;
}

/** The answer for people (and models reading text): Markdown, the numbered sources, the verification line. */
function answerText(a: z.infer<typeof AskOut>): string {
  const lines = [a.text];
  if (a.sources.length) {
    lines.push('', a.language === 'zh' ? '来源:' : 'Sources:');
    for (const s of a.sources) lines.push(`[${s.n}] ${s.title} — ${s.publisher}${s.date ? `, ${s.date}` : ''}: ${s.url}`);
  }
  const v = a.verification;
  // the count only: an unsupported number is removed from the text and must not come back through this line
  lines.push('', `verification: ${v.supported}/${v.numbers} numbers supported${v.unsupported.length ? `; ${v.unsupported.length} unsupported, removed and marked in the text` : ''}`);
  return lines.join('\n');
}

function badEvidence(en: string, zh: string): FinciteError {
  return new FinciteError('invalid_evidence', { en, zh });
}

/** A fact as compute_fact or ask returned it → the Fact the verifier reads. */
function evidenceFact(f: z.infer<typeof FactEvidence>, i: number): Fact {
  const where = `evidence.facts[${i}]`;
  let unit: Unit;
  if (typeof f.unit === 'object') unit = { kind: f.unit.kind, scale: f.unit.scale, label: f.unit.label ?? '', ...(f.unit.currency ? { currency: f.unit.currency } : {}) };
  else if (f.unit_detail) unit = { ...f.unit_detail, label: f.unit };
  else throw badEvidence(`${where}: the unit "${f.unit}" has no kind and scale; pass the fact exactly as compute_fact returned it (with unit_detail) or as ask returned it.`, `${where}:单位"${f.unit}"缺少 kind 和 scale;请原样传入 compute_fact(含 unit_detail)或 ask 返回的事实。`);
  const asOf = f.asOf ?? f.as_of;
  if (!asOf) throw badEvidence(`${where}: missing as_of (or asOf).`, `${where}:缺少 as_of(或 asOf)。`);
  const label = typeof f.label === 'string' ? { zh: f.label, en: f.label } : (f.label ?? { zh: '', en: '' });
  const seriesId = f.seriesId ?? f.inputs?.map((x) => x.series_id ?? x.seriesId).find((x): x is string => Boolean(x));
  const methodDetail = f.methodDetail ?? f.method_detail ?? undefined;
  return {
    id: f.id ?? f.handle ?? `fact-${i + 1}`,
    value: f.value,
    unit,
    label,
    asOf,
    ...(f.period ? { period: f.period } : {}),
    method: 'level',
    ...(methodDetail ? { methodDetail } : {}),
    ...(seriesId ? { seriesId } : {}),
    inputs: [],
    sourceIds: [],
    ...(f.extra ? { extra: f.extra } : {}),
  };
}

function evidenceOf(e: z.infer<typeof VerifyIn>['evidence']): Evidence {
  if (!e) return {};
  const passages = e.passages?.map((p, i): Passage | string =>
    typeof p === 'string' ? p : { documentId: p.handle ?? p.title ?? `passage-${i + 1}`, title: p.title ?? '', date: p.date ?? '', url: p.url ?? '', text: p.text, position: 0 },
  );
  return {
    ...(e.facts ? { facts: e.facts.map(evidenceFact) } : {}),
    ...(passages ? { passages } : {}),
    ...(e.numbers ? { numbers: e.numbers } : {}),
    ...(e.tables ? { tables: e.tables as EvidenceTable[] } : {}),
  };
}

// ------------------------------------------------------------------------------------------- the server

export interface McpServerOptions {
  db: Database;
  engine: Engine;
  /** "Today" of the tools' context (YYYY-MM-DD); defaults to the clock. */
  today?: string;
  /** A DataAccess to share (its series cache) between servers over the same database; one is made when absent. */
  data?: DataAccess;
  /** Resolves once the database holds data (stdio: the first start loads it while the client connects). */
  ready?: Promise<void>;
}

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** An MCP server with fincite's tools over `db` (answers by `engine`). */
export function createMcpServer(opts: McpServerOptions): McpServer {
  const data = opts.data ?? new DataAccess(opts.db);
  const server = new McpServer(
    { name: 'fincite', version: packageVersion() },
    {
      instructions:
        'fincite answers financial questions (Federal Reserve balance sheet, rates, yields, spreads, inflation, jobs, markets, FX, company prices and statements, FOMC documents) from stored public data, every number traceable to its source. ' +
        'Use `ask` for a complete cited answer; or find series with search_series, compute numbers with compute_fact (each result is a fact with lineage) and check your own text with verify_text, passing the facts you used as evidence.',
    },
  );

  const context = (): ToolContext => ({ data, lang: 'en', today: opts.today ?? today(), ledger: new Ledger() });
  const ready = async () => {
    if (opts.ready) await opts.ready;
  };

  /** Register a data tool: validated by its schema, run with a fresh context, errors as tool errors. */
  const dataTool = <O extends z.ZodObject>(def: ToolDef, output: O, shape: (out: unknown, ctx: ToolContext) => z.infer<O>) => {
    server.registerTool(def.name, { description: def.description, inputSchema: def.input as z.ZodObject, outputSchema: output, annotations: READ_ONLY }, async (args: unknown) => {
      try {
        await ready();
        const ctx = context();
        return jsonResult(shape(await runTool(def, ctx, args), ctx) as Record<string, unknown>);
      } catch (err) {
        return toolError(err);
      }
    });
  };

  for (const def of DATA_TOOLS) {
    if (def.name === computeFactTool.name) {
      dataTool(def as ToolDef, McpFactOut, (out, ctx) => withUnitDetail(out as z.infer<typeof computeFactTool.output>, ctx.ledger) as z.infer<typeof McpFactOut>);
    } else if (def.name === companyFundamentalsTool.name) {
      dataTool(def as ToolDef, McpFundamentalsOut, (out, ctx) => {
        const o = out as z.infer<typeof companyFundamentalsTool.output>;
        return { ...o, latest: o.latest.map((l) => ({ series_id: l.series_id, fact: withUnitDetail(l.fact, ctx.ledger) })) } as z.infer<typeof McpFundamentalsOut>;
      });
    } else {
      dataTool(def as ToolDef, def.output as z.ZodObject, (out) => out as Record<string, unknown>);
    }
  }

  server.registerTool(
    'ask',
    {
      description:
        'Ask a financial question in Chinese or English and get a complete answer in Markdown whose every number is computed from stored data, cited [n] to its source and checked by the verifier. ' +
        'Returns the text, the facts (numbers with lineage), the numbered sources and the verification; an honest `unanswerable` with suggested questions when the data cannot answer it.',
      inputSchema: AskIn,
      outputSchema: AskOut,
      annotations: READ_ONLY,
    },
    async ({ question, lang, history }) => {
      try {
        const q = checkText(question, 'question');
        const earlier = (history ?? []).map((h) => checkText(h, 'question'));
        await ready();
        // the engine's answer is complete (verified, unsupported numbers marked) before anything is returned
        const answer = compactAnswer(await opts.engine.ask(q, { ...(lang ? { lang } : {}), ...(earlier.length ? { history: earlier } : {}) }));
        return { content: [{ type: 'text', text: answerText(answer) }], structuredContent: answer };
      } catch (err) {
        return toolError(err, lang ?? (/[\u3400-\u9fff]/.test(question) ? 'zh' : 'en'));
      }
    },
  );

  server.registerTool(
    'verify_text',
    {
      description:
        'Check every number in a text (Chinese or English) against evidence: each must match a fact, a passage or table number, a number you vouch for, or a simple derivation of them (difference, percent change, sum, ratio …). ' +
        'Facts are the results of compute_fact / company_fundamentals (pass them unchanged, unit_detail included) or answer.facts from ask. Returns how many numeric claims the text makes, how many are supported, and each unsupported one with the reason.',
      inputSchema: VerifyIn,
      outputSchema: VerificationOut,
      annotations: READ_ONLY,
    },
    async ({ text, evidence, lang }) => {
      try {
        const v = verifyText(text, evidenceOf(evidence), lang ? { lang } : {});
        const out = { numbers: v.numbers, supported: v.supported, unsupported: v.unsupported.map((u) => ({ text: u.text, reason: u.reason })) };
        const summary = `${out.supported}/${out.numbers} numbers supported${out.unsupported.length ? '\n' + out.unsupported.map((u) => `✗ ${u.text} — ${u.reason}`).join('\n') : ''}`;
        return { content: [{ type: 'text', text: summary }], structuredContent: out };
      } catch (err) {
        return toolError(err);
      }
    },
  );

  return server;
}

// ------------------------------------------------------------------------------------------- /mcp over HTTP

/**
 * POST /mcp: Streamable HTTP, stateless (a new server and transport per request, JSON responses). DELETE is
 * answered by the transport; GET — the standalone SSE stream of a session — is 405 since there are no sessions.
 */
export function registerMcp(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const data = new DataAccess(deps.db);
  // per token and per address, shared by every server on one Redis (src/server/limits.ts)
  if (deps.limits) app.use('/mcp', machineLimit(deps.limits, deps.settings));
  app.on(['GET', 'POST', 'DELETE'], '/mcp', async (c) => {
    const lang = machineLang(c);
    const token = deps.settings.apiToken;
    if (!token) {
      const message =
        lang === 'zh'
          ? '此服务器未启用 MCP 接口:请设置环境变量 FINCITE_API_TOKEN(至少 16 个字符)后重启,并以 "Authorization: Bearer <令牌>" 连接 /mcp。'
          : 'MCP is not enabled on this server: set FINCITE_API_TOKEN (at least 16 characters), restart, and connect to /mcp with "Authorization: Bearer <token>".';
      return c.json({ error: { code: 'mcp_disabled', message } }, 503);
    }
    if (!bearerMatches(c, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="fincite"');
      const message = lang === 'zh' ? 'API 令牌缺失或不正确(请使用 "Authorization: Bearer <FINCITE_API_TOKEN>")。' : 'Missing or incorrect token (send "Authorization: Bearer <FINCITE_API_TOKEN>").';
      return c.json({ error: { code: 'unauthorized', message } }, 401);
    }
    if (c.req.method === 'GET') {
      return c.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless and offers no SSE stream; POST JSON-RPC requests to /mcp.' }, id: null }, 405, { Allow: 'POST, DELETE' });
    }
    const server = createMcpServer({ db: deps.db, engine: deps.engine, data });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MAX_BODY_BYTES });
    try {
      await server.connect(transport);
      return await transport.handleRequest(c.req.raw);
    } finally {
      // JSON responses are complete when handleRequest resolves: nothing of this request is left to send
      await server.close().catch(() => undefined);
    }
  });
}
