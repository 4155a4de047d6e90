#!/usr/bin/env node
// Entry point of the `fincite` command. Runs the bundled CLI (dist/cli.js, built by `npm ci` / `npm run build`)
// when it is newer than every source file; otherwise compiles the TypeScript sources on the fly with tsx, so
// an edited checkout never runs stale code.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'))) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
