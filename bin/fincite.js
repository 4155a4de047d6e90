#!/usr/bin/env node
// Entry point of the `fincite` command. Runs the bundled CLI (dist/cli.js, built by `npm ci` / `npm run build`)
// when it is newer than every source file; otherwise compiles the TypeScript sources on the fly with tsx, so
// an edited checkout never runs stale code.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The Node version package.json declares (engines.node, ">=major.minor"): on an older Node the dependencies fail
// with obscure errors, so stop with one clear line instead.
const required = /(\d+)\.?(\d+)?/.exec(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '');
if (required) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = [Number(required[1]), Number(required[2] ?? 0)];
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    console.error(`fincite needs Node.js ${needMajor}.${needMinor} or newer; this is Node.js ${process.versions.node}. fincite 需要 Node.js ${needMajor}.${needMinor} 或更高版本（当前 ${process.versions.node}）。`);
    process.exit(1);
  }
}
const bundle = path.join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

let newest;
const srcNewest = () => (newest ??= newestSource(path.join(root, 'src')));

// A second process beside a running embedded server (issue 13): the server holds the data directory, so `ask`,
// `report`, `series`, `docs`, `events` and `sync` go through its local HTTP API. Decided here, before the big bundle or tsx
// is loaded: read the lock (a small JSON file), and if it names a live server on this host, load only the small
// client (dist/cli-remote.js, or src/cli/remote.ts in an edited checkout). It returns null for a command line it
// does not handle (help, a bad option): the full CLI below answers that.
const REMOTE = new Set(['ask', 'report', 'series', 'docs', 'events', 'sync']);
function remoteTarget() {
  if (process.env.DATABASE_URL) return null;
  const args = process.argv.slice(2);
  let command;
  for (let i = 0; i < args.length && command === undefined; i++) {
    if (args[i] === '--lang') i++;
    else if (!args[i].startsWith('-')) command = args[i];
  }
  if (!REMOTE.has(command)) return null;
  if (process.env.FINCITE_HOME === '') return null; // invalid: the full CLI says so
  const dir = path.join(path.resolve(process.env.FINCITE_HOME ?? path.join(homedir(), '.fincite')), 'pgdata');
  let lock;
  try {
    lock = JSON.parse(readFileSync(path.join(dir, 'fincite.lock'), 'utf8'));
  } catch {
    return null; // no lock (or being written): the full CLI opens the directory itself
  }
  if (!lock || typeof lock.pid !== 'number' || typeof lock.url !== 'string' || lock.host !== hostname()) return null;
  try {
    process.kill(lock.pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return null; // the holder is gone: a stale lock the full CLI takes over
  }
  return { dir, lock };
}

/** Whether a bundle is newer than its sources: those listed in `<bundle>.inputs.json` (the build writes it), else every source file. */
function fresh(bundlePath) {
  if (!existsSync(bundlePath)) return false;
  const built = statSync(bundlePath).mtimeMs;
  const list = bundlePath.replace(/\.js$/, '.inputs.json');
  if (!existsSync(list)) return built >= srcNewest();
  try {
    return JSON.parse(readFileSync(list, 'utf8')).every((f) => statSync(path.join(root, f)).mtimeMs <= built);
  } catch {
    return false; // a source was removed or renamed: rebuild or compile
  }
}

let tsxRegistered = false;
/** Import a module of the checkout: its bundle when that is current, else the TypeScript via tsx. */
async function load(bundlePath, source) {
  if (fresh(bundlePath)) return import(bundlePath);
  if (!tsxRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  return import(source);
}

const remote = remoteTarget();
let code = null;
if (remote) {
  const { runRemote } = await load(path.join(root, 'dist', 'cli-remote.js'), '../src/cli/remote.ts');
  code = await runRemote(process.argv, remote.dir, remote.lock);
}
if (code === null) {
  const { main } = await load(bundle, '../src/cli/main.ts');
  code = await main(process.argv);
}
process.exitCode = code;
