// A second `fincite` process beside a running embedded server: the server holds the PGlite data directory (see
// src/store/lock.ts), so `ask`, `series search|show`, `docs search`, `events`, `report` and `sync` are sent to the
// server's local-owner API (src/server/routes/local.ts) with the token it wrote for its user, and the result is
// printed by the same renderers as in-process (render.ts, answer.ts, write-report.ts): same output, same exit codes.
// bin/fincite.js loads this module (bundled alone as dist/cli-remote.js) before anything heavy: no database,
// engine, commander or other dependency is imported here, so a new process answers in a few bare-node starts.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import type { Answer } from '../core/answer.ts';
import type { Lang } from '../core/format.ts';
import type { LockInfo } from '../store/lock.ts';
import { printAnswer } from './answer.ts';
import type { ReportResult } from './commands.ts';
import { defaultLang, errorLang, EXIT, renderDocsSearch, renderError, renderEvents, renderSeriesSearch, renderSeriesShow, renderSync, type ErrorView, type Rendered } from './render.ts';
import { writeReport } from './write-report.ts';

/** Same file names as src/store/lock.ts (not imported: this module stays free of the store). */
const LOCAL_TOKEN_FILE = 'fincite.token';
const LOCAL_TOKEN_HEADER = 'x-fincite-local-token';

/** The commands a running server can do for another process (the first word of the command line). */
export const REMOTE_COMMANDS = ['ask', 'report', 'series', 'docs', 'events', 'sync'] as const;

type OptKind = 'bool' | 'value' | 'variadic';

interface Parsed {
  words: string[];
  opts: Record<string, string | string[] | true>;
  lang?: Lang;
}

/**
 * The command line as commander reads it for the commands handled here, or null for anything else (help, a
 * version flag, an unknown option, a missing value, a bad --lang): the full CLI then parses and answers that.
 */
function parse(args: string[], spec: Record<string, Record<string, OptKind>>): Parsed | null {
  const words: string[] = [];
  const opts: Parsed['opts'] = {};
  let lang: Lang | undefined;
  let onlyWords = false;
  const kindsFor = () => spec[words.slice(0, 2).join(' ')] ?? spec[words[0] ?? ''] ?? {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (onlyWords || !a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    if (a === '--') {
      onlyWords = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? (eq > 0 ? a.slice(2, eq) : a.slice(2)) : null;
    if (!name) return null; // short flags (-h, -V): the full CLI
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (name === 'lang') {
      const v = inline ?? args[++i];
      if (v !== 'zh' && v !== 'en') return null;
      lang = v;
      continue;
    }
    const kind = kindsFor()[name];
    if (!kind) return null;
    if (kind === 'bool') {
      if (inline !== undefined) return null;
      opts[name] = true;
    } else if (kind === 'value') {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-'))) return null;
      opts[name] = v;
    } else {
      const values = inline !== undefined ? [inline] : [];
      while (inline === undefined && i + 1 < args.length && !args[i + 1]!.startsWith('-')) values.push(args[++i]!);
      if (!values.length) return null;
      opts[name] = [...((opts[name] as string[] | undefined) ?? []), ...values];
    }
  }
  return { words, opts, ...(lang ? { lang } : {}) };
}

const SPEC: Record<string, Record<string, OptKind>> = {
  ask: { json: 'bool' },
  'series search': { json: 'bool', limit: 'value' },
  'series show': { from: 'value', to: 'value', json: 'bool' },
  'docs search': { json: 'bool', limit: 'value', from: 'value', to: 'value', kind: 'variadic' },
  events: { json: 'bool', from: 'value', to: 'value', kind: 'variadic' },
  report: { format: 'value', out: 'value' },
  sync: { offline: 'value', series: 'variadic', json: 'bool' },
};

const REPORT_FORMATS = ['md', 'html', 'pdf', 'json'];

/** The server's local route and its body for a parsed command line, or null when the full CLI must handle it. */
function route(p: Parsed): { command: string; body: Record<string, unknown> } | null {
  const [w0, w1, ...rest] = p.words;
  const o = p.opts;
  const s = (k: string) => (typeof o[k] === 'string' ? { [k]: o[k] } : {});
  const many = (k: string) => (Array.isArray(o[k]) ? { [k]: o[k] } : {});
  switch (w0) {
    case 'ask':
      return w1 !== undefined && !rest.length ? { command: 'ask', body: { question: w1, ...(p.lang ? { lang: p.lang } : {}) } } : null;
    case 'series':
      if (w1 === 'search' && rest.length <= 1) return { command: 'series-search', body: { text: rest[0] ?? '', limit: (o.limit as string | undefined) ?? '20' } };
      if (w1 === 'show' && rest.length === 1) return { command: 'series-show', body: { id: rest[0], ...s('from'), ...s('to') } };
      return null;
    case 'docs':
      return w1 === 'search' && rest.length === 1 ? { command: 'docs-search', body: { text: rest[0], limit: (o.limit as string | undefined) ?? '10', ...s('from'), ...s('to'), ...many('kind') } } : null;
    case 'events':
      return w1 === undefined ? { command: 'events', body: { ...s('from'), ...s('to'), ...many('kind') } } : null;
    case 'report': {
      const format = (o.format as string | undefined) ?? 'md';
      if (w1 === undefined || rest.length || !REPORT_FORMATS.includes(format)) return null;
      return { command: 'report', body: { topic: w1, format, ...(p.lang ? { lang: p.lang } : {}), ...s('out') } };
    }
    case 'sync':
      if (w1 !== undefined) return null;
      return { command: 'sync', body: { ...(typeof o.offline === 'string' ? { offline: path.resolve(o.offline) } : {}), ...many('series') } };
    default:
      return null;
  }
}

class Unreachable extends Error {}

/**
 * How long a command waits for the server without receiving anything: lookups and answers take milliseconds to
 * seconds, so 60 s without a byte means the server is stuck; a report or a sync may legitimately take minutes (no
 * limit: Ctrl-C ends the wait). FINCITE_REMOTE_TIMEOUT_MS overrides it (tests).
 */
function idleTimeout(command: string): number {
  const set = Number(process.env.FINCITE_REMOTE_TIMEOUT_MS);
  if (Number.isInteger(set) && set > 0) return set;
  return command === 'report' || command === 'sync' ? 0 : 60_000;
}

/** The body of an HTTP/1.1 chunked response. */
function unchunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) throw new Unreachable('truncated response');
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size)) throw new Unreachable('bad chunk');
    if (size === 0) return Buffer.concat(parts);
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * POST a command to the server and read its JSON answer; `lang` is the language of any refusal of the HTTP layer.
 * A plain HTTP/1.1 exchange on a loopback socket (node:net), not node:http: loading node:http alone costs a new
 * process more than a bare node start, and this is the path whose start time counts.
 */
function post(url: string, command: string, token: string, body: unknown, lang: Lang, idleMs: number): Promise<{ status: number; json: unknown }> {
  // the lock names localhost for a server on every interface: ask IPv4 loopback directly (no resolver, no ::1 try)
  const target = new URL(`/api/local/${command}`, url.replace('//localhost:', '//127.0.0.1:'));
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${data.length}\r\n` +
    `Accept-Language: ${lang}\r\n${LOCAL_TOKEN_HEADER}: ${token}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: target.hostname, port: Number(target.port || 80) }, () => {
      // not end(): a half-closed request makes Node's server drop a response that takes a while (a PDF, a sync);
      // `Connection: close` has the server close the socket after answering
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), data]));
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err: NodeJS.ErrnoException) => reject(new Unreachable(err.code ?? err.message)));
    // a server that accepts but does not answer (stopped, stuck): give up after a while without a byte
    if (idleMs > 0) {
      socket.setTimeout(idleMs, () => {
        socket.destroy();
        reject(new Unreachable(`no answer in ${Math.round(idleMs / 1000)} s`));
      });
    }
    socket.on('end', () => {
      try {
        const raw = Buffer.concat(chunks);
        const sep = raw.indexOf('\r\n\r\n');
        if (sep < 0) throw new Unreachable('no HTTP answer');
        const headers = raw.subarray(0, sep).toString('latin1').split('\r\n');
        const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers[0] ?? '')?.[1] ?? 0);
        const chunked = headers.some((h) => /^transfer-encoding:\s*chunked/i.test(h));
        const rest = raw.subarray(sep + 4);
        const text = (chunked ? unchunk(rest) : rest).toString('utf8');
        try {
          resolve({ status, json: JSON.parse(text) });
        } catch {
          throw new Unreachable(`HTTP ${status}: not a fincite answer`);
        }
      } catch (err) {
        reject(err instanceof Unreachable ? err : new Unreachable(String(err)));
      }
    });
  });
}

/** The server the lock names does not answer (or its token cannot be read): what happened and what to do. */
function unreachable(dir: string, lock: LockInfo, why: string): ErrorView {
  const what = lock.command || 'fincite serve';
  return {
    kind: 'fincite',
    code: 'server_unreachable',
    status: 503,
    messages: {
      zh: `数据目录 ${dir} 由进程 PID ${lock.pid}（${what}）持有，但它登记的服务 ${lock.url} 无法使用（${why}）。请稍后重试；若该服务已无响应，请先停止它（kill ${lock.pid}）再运行此命令，或用 FINCITE_HOME 指定另一个目录。`,
      en: `The data directory ${dir} is held by PID ${lock.pid} (${what}), but its server at ${lock.url} cannot be used (${why}). Try again shortly; if that server is stuck, stop it (kill ${lock.pid}) and run the command again, or point FINCITE_HOME at another directory.`,
    },
    message: `server at ${lock.url} unreachable (${why})`,
  };
}

function emit(r: Rendered): number {
  if (r.stderr) process.stderr.write(r.stderr);
  process.stdout.write(r.stdout);
  return r.exitCode ?? EXIT.ok;
}

/**
 * Run the command line through the server named by `lock` (the lock of data directory `dir`). Returns the exit
 * code, or null when this command line is not one handled here (the caller runs the full CLI instead).
 */
export async function runRemote(argv: string[], dir: string, lock: LockInfo): Promise<number | null> {
  const parsed = parse(argv.slice(2), SPEC);
  const call = parsed && route(parsed);
  if (!parsed || !call || !lock.url) return null;
  const lang = parsed.lang ?? defaultLang();
  const errLang = errorLang(argv, parsed.lang, lang);
  const fail = (e: ErrorView) => {
    const { stderr, exitCode } = renderError(e, errLang);
    process.stderr.write(stderr);
    return exitCode;
  };
  let token: string;
  try {
    token = readFileSync(path.join(dir, LOCAL_TOKEN_FILE), 'utf8').trim();
  } catch (err) {
    return fail(unreachable(dir, lock, `${LOCAL_TOKEN_FILE}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`));
  }
  let res: { status: number; json: unknown };
  try {
    res = await post(lock.url, call.command, token, call.body, errLang, idleTimeout(call.command));
  } catch (err) {
    return fail(unreachable(dir, lock, err instanceof Error ? err.message : String(err)));
  }
  const json = res.json as { result?: unknown; error?: ErrorView | { code?: string; message?: string } };
  if (res.status !== 200 || json.result === undefined) {
    const e = json.error;
    if (e && 'kind' in e) return fail(e);
    // a refusal of the HTTP layer (a wrong token, a body too large): its message, in the language asked for
    return fail({ kind: 'fincite', code: e?.code ?? 'http_error', status: res.status, messages: { zh: e?.message ?? `HTTP ${res.status}`, en: e?.message ?? `HTTP ${res.status}` }, message: e?.message ?? '' });
  }
  const json_ = Boolean(parsed.opts.json);
  switch (call.command) {
    case 'ask': {
      const answer = json.result as Answer;
      if (json_) process.stdout.write(JSON.stringify(answer, null, 2) + '\n');
      else printAnswer(answer);
      return answer.unanswerable ? EXIT.userError : EXIT.ok;
    }
    case 'series-search':
      return emit(renderSeriesSearch(json.result as Parameters<typeof renderSeriesSearch>[0], json_, lang));
    case 'series-show':
      return emit(renderSeriesShow(json.result as Parameters<typeof renderSeriesShow>[0], json_, lang));
    case 'docs-search':
      return emit(renderDocsSearch(json.result as Parameters<typeof renderDocsSearch>[0], json_, lang));
    case 'events':
      return emit(renderEvents(json.result as Parameters<typeof renderEvents>[0], json_, lang));
    case 'report':
      await writeReport(json.result as ReportResult);
      return EXIT.ok;
    case 'sync': {
      const { report, modes } = json.result as { report: Parameters<typeof renderSync>[0]; modes: string[] };
      for (const m of modes) process.stderr.write(`${m}\n`);
      return emit(renderSync(report, json_, lang));
    }
    default:
      return null;
  }
}
