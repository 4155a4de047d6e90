// A second `fincite` process beside a running embedded server (issue 13, item 2): the server holds the PGlite home,
// so `ask`, `series`, `docs`, `report` and `sync` in other processes go through its local-owner API and print
// exactly what they print in-process on the same data (recorded first, before the server starts), with the same
// exit codes; the server logs each. The token file is the user's only (0600) and a wrong token is refused; the
// local owner spends no quota while an anonymous client is limited; a holder that is not a server is named in the
// refusal; a server that does not answer gets a clear message with its PID.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { LOCAL_TOKEN_FILE, LOCK_FILE } from '../../src/store/lock.ts';
import { repoRoot, snapshotRoot } from '../helpers/db.ts';

const bin = path.join(repoRoot, 'bin/fincite.js');
const dirs: string[] = [];
const children: ChildProcess[] = [];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function env(home: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, FINCITE_HOME: home, FINCITE_OFFLINE: '1', FINCITE_SNAPSHOT: snapshotRoot, LANG: 'en_US.UTF-8', FINCITE_ANON_DAILY_QUOTA: '2' };
  delete e.DATABASE_URL;
  return e;
}

function fincite(home: string, args: string[], cwd = repoRoot, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...env(home), ...extraEnv }, cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Each command line, run in-process (no server) and then through the server: output and exit code must be equal. */
const CASES: Array<{ name: string; args: string[]; code: number }> = [
  { name: 'ask (text)', args: ['ask', "How much did the Fed's balance sheet shrink since June 2022?"], code: 0 },
  { name: 'ask --lang zh --json', args: ['--lang', 'zh', 'ask', '美联储总资产现在是多少?', '--json'], code: 0 },
  { name: 'ask refused (exit 1)', args: ['ask', 'What is the population of Mars?'], code: 1 },
  { name: 'series show with a range', args: ['series', 'show', 'WALCL', '--from', '2026-06-01'], code: 0 },
  { name: 'series show a ticker --json', args: ['series', 'show', 'aapl', '--from', '2026-08-01', '--json'], code: 0 },
  { name: 'series show unknown (exit 1, suggestion on stderr)', args: ['series', 'show', 'WALCLL'], code: 1 },
  { name: 'series search', args: ['series', 'search', '缩表', '--limit', '5'], code: 0 },
  { name: 'series show bad date (exit 1)', args: ['series', 'show', 'WALCL', '--from', '2026-13-01'], code: 1 },
  { name: 'docs search', args: ['docs', 'search', '缩表 上限', '--limit', '3'], code: 0 },
  { name: 'docs search --json with kinds', args: ['docs', 'search', 'balance sheet runoff', '--kind', 'statement', 'minutes', '--limit', '2', '--json'], code: 0 },
  { name: 'events', args: ['events', '--kind', 'qt_start', 'qt_cap_change'], code: 0 },
  { name: 'events --json in a range', args: ['events', '--from', '2022-01-01', '--to', '2022-12-31', '--json'], code: 0 },
  { name: 'report (Markdown on stdout)', args: ['report', 'QT'], code: 0 },
];

let home: string;
let server: ChildProcess;
let serverUrl = '';
let serverLog = '';
const inProcess = new Map<string, Run>();

/** The server's log lines for local-owner commands, so far. */
const localLines = () => serverLog.split('\n').filter((l) => l.startsWith('local owner: '));

beforeAll(async () => {
  home = tempDir('fincite-remote-');
  const dump = process.env.FINCITE_TEST_SNAPSHOT_DUMP;
  if (!dump) throw new Error('FINCITE_TEST_SNAPSHOT_DUMP is not set: run the tests through vitest (test/global-setup.ts)');
  // the whole test snapshot as this home's embedded database
  const db = await openDatabase({ dataDir: path.join(home, 'pgdata'), loadDataDir: new Blob([readFileSync(dump)]) });
  await db.close();
  // in-process first: nothing holds the directory, each command opens it itself (main() of the CLI, all in one
  // process to save the starts; test/fixtures/cli-inprocess.ts)
  const recorded = await new Promise<Run[]>((resolve, reject) => {
    const fixture = path.join(repoRoot, 'test/fixtures/cli-inprocess.ts');
    execFile(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(CASES.map((c) => c.args))], { env: env(home), cwd: repoRoot, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`in-process run failed: ${stderr}`)) : resolve(JSON.parse(stdout) as Run[]),
    );
  });
  CASES.forEach((c, i) => inProcess.set(c.name, recorded[i]!));
  // then the server holds it
  server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env: env(home), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(server);
  server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString('utf8')));
  serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${serverLog}`)));
  });
}, 180_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a second process goes through the running server', () => {
  it('the in-process runs answered (the baseline is real output, not errors)', () => {
    for (const c of CASES) {
      const r = inProcess.get(c.name)!;
      expect({ name: c.name, code: r.code }).toEqual({ name: c.name, code: c.code });
      expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|内部错误/);
    }
    expect(inProcess.get('ask (text)')!.code).toBe(0);
    expect(inProcess.get('ask (text)')!.stdout).toMatch(/\[1\]/);
    expect(inProcess.get('report (Markdown on stdout)')!.stdout.length).toBeGreaterThan(5000);
    expect(inProcess.get('series show unknown (exit 1, suggestion on stderr)')!).toMatchObject({ code: 1 });
    expect(inProcess.get('docs search')!.code).toBe(0);
  });

  it.each(CASES.map((c) => [c.name, c.args] as const))('%s: same stdout, stderr and exit code as in-process; the server ran it', async (name, args) => {
    const before = localLines().length;
    const r = await fincite(home, [...args]);
    const expected = inProcess.get(name)!;
    expect(r.stdout).toBe(expected.stdout);
    expect(r.stderr).toBe(expected.stderr);
    expect(r.code).toBe(expected.code);
    // the command reached the server (one log line per local command) — validation errors included
    await expect.poll(() => localLines().length, { timeout: 2000 }).toBe(before + 1);
  });

  it('report --out writes the same file and says so; PDF stays a valid file', async () => {
    const cwd = tempDir('fincite-remote-out-');
    const r = await fincite(home, ['report', '通胀', '--out', 'out/inflation.md'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^已写入 out\/inflation\.md（?\(?\d+ 节/);
    const md = readFileSync(path.join(cwd, 'out/inflation.md'), 'utf8');
    expect(md).toContain('inflation-fig1.svg');
    expect(readFileSync(path.join(cwd, 'out/inflation-fig1.svg'), 'utf8')).toMatch(/^<svg/);
    expect(localLines().at(-1)).toMatch(/^local owner: report 200/);
    const pdf = await fincite(home, ['report', 'QT', '--format', 'pdf', '--out', 'qt.pdf'], cwd);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, 'qt.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(localLines().at(-1)).toMatch(/^local owner: report 200/);
  }, 60_000);

  it('sync runs in the server (the same report, exit 0) and its data are served after', async () => {
    const before = localLines().length;
    const r = await fincite(home, ['sync', '--offline', snapshotRoot, '--series', 'DGS2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { status: string; seriesDone: number; seriesTotal: number };
    expect(report).toMatchObject({ status: 'completed', seriesDone: 1, seriesTotal: 1 });
    expect(localLines().slice(before)).toEqual([expect.stringMatching(/^local owner: sync 200 \d+ ms$/)]);
    // the server logged which command, never the question text
    expect(serverLog).not.toContain('balance sheet shrink');
    const shown = await fincite(home, ['series', 'show', 'DGS2', '--json', '--from', '2026-01-01']);
    expect(shown.code).toBe(0);
    expect((JSON.parse(shown.stdout) as { observations: unknown[] }).observations.length).toBeGreaterThan(50);
  }, 60_000);

  it('commands that are not served remotely keep the clear refusal naming the server and its PID', async () => {
    const r = await fincite(home, ['status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`PID ${server.pid}`);
    expect(r.stderr).toContain(serverUrl);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the local-owner token', () => {
  it('is a file only the user can read (0600), next to the lock; a wrong token gets 401, none 403', async () => {
    const file = path.join(home, 'pgdata', LOCAL_TOKEN_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(32);
    const post = (headers: Record<string, string>) => fetch(`${serverUrl}/api/local/series-search`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: 'WALCL', limit: '1' }) });
    const wrong = await post({ 'x-fincite-local-token': `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'accept-language': 'zh' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'local_token_invalid', message: expect.stringContaining('令牌') });
    expect((await post({})).status).toBe(403);
    const right = await post({ 'x-fincite-local-token': token });
    expect(right.status).toBe(200);
    expect(right.headers.get('x-fincite-served-by')).toBe(`fincite pid ${server.pid}`);
  });

  it('the local owner spends no quota while an anonymous client is limited', async () => {
    const token = readFileSync(path.join(home, 'pgdata', LOCAL_TOKEN_FILE), 'utf8').trim();
    const ask = (headers: Record<string, string> = {}) => fetch(`${serverUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question: 'WALCL latest' }) });
    // FINCITE_ANON_DAILY_QUOTA=2 for this server
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 429]);
    // the same address with the token: answered, no quota header, nothing spent
    for (let i = 0; i < 3; i++) {
      const res = await ask({ 'x-fincite-local-token': token });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-quota-remaining')).toBeNull();
    }
    const cli = await fincite(home, ['ask', 'WALCL latest']);
    expect(cli.code, cli.stderr).toBe(0);
    expect((await ask()).status).toBe(429); // the anonymous client is still limited
  });
});

describe('when the holder cannot serve', () => {
  /** A live process that is not a fincite server, holding the lock of a new home (optionally with a server URL). */
  function lockedHome(url?: string): { home: string; pid: number } {
    const h = tempDir('fincite-remote-held-');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    const dir = path.join(h, 'pgdata');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname(), command: url ? 'fincite serve' : 'fincite sync', startedAt: '2026-12-02T10:00:00.000Z', ...(url ? { url } : {}) }));
    if (url) writeFileSync(path.join(dir, LOCAL_TOKEN_FILE), 'x'.repeat(43), { mode: 0o600 });
    return { home: h, pid: child.pid! };
  }

  it('a holder that is not a server: the refusal names its PID (exit 1, no stack)', async () => {
    const { home: h, pid } = lockedHome();
    const r = await fincite(h, ['ask', 'WALCL latest']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`PID ${pid}`);
    expect(r.stderr).toContain(`kill ${pid}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a server named by the lock that does not answer: a bilingual message with its PID and what to do (exit 3)', async () => {
    const { home: h, pid } = lockedHome('http://localhost:9'); // discard port: nothing listens
    const en = await fincite(h, ['series', 'show', 'WALCL']);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`PID ${pid}`);
    expect(en.stderr).toContain('http://localhost:9');
    expect(en.stderr).toContain(`kill ${pid}`);
    const zh = await fincite(h, ['ask', '美联储总资产']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toMatch(new RegExp(`PID ${pid}.*无法使用.*kill ${pid}`));
  }, 60_000);

  it('a server that accepts but never answers: the same message after the wait, not a hang', async () => {
    const silent = createServer(() => undefined); // accepts connections, never writes
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { home: h, pid } = lockedHome(`http://localhost:${(silent.address() as AddressInfo).port}`);
      const started = Date.now();
      const r = await fincite(h, ['ask', 'WALCL latest'], repoRoot, { FINCITE_REMOTE_TIMEOUT_MS: '300' });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`PID ${pid}`);
      expect(r.stderr).toContain('no answer in');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      silent.close();
    }
  }, 60_000);
});

describe('closing the server', () => {
  it('removes the token file and the lock; the next process opens the directory itself', async () => {
    server.kill('SIGTERM');
    await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', () => resolve())));
    expect(existsSync(path.join(home, 'pgdata', LOCAL_TOKEN_FILE))).toBe(false);
    expect(existsSync(path.join(home, 'pgdata', LOCK_FILE))).toBe(false);
    const before = localLines().length;
    const r = await fincite(home, CASES[3]!.args);
    expect(r.stdout).toBe(inProcess.get(CASES[3]!.name)!.stdout);
    expect(localLines().length).toBe(before);
  }, 60_000);
});
