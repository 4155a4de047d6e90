// Bundles the CLI (and everything it imports from src/) into dist/cli.js so that a `fincite` process starts
// without compiling TypeScript, then builds the web app (web/, React + Vite) into web/dist, which the server
// serves at /. Dependencies stay external to the CLI bundle. Runs on `npm ci` (prepare) and `npm run build`.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { build as buildWeb } from 'vite';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  // Commands load their modules with import(); splitting keeps each in its own chunk, so `fincite ask` does not
  // load the server, report or chart libraries.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The light client of a second process beside a running embedded server (src/cli/remote.ts): one file, no
// chunks shared with the big bundle, so bin/fincite.js loads only it to send `fincite ask …` to the server.
const remote = await build({
  entryPoints: { 'cli-remote': 'src/cli/remote.ts' },
  metafile: true,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// the sources it was built from: bin/fincite.js checks only these to know the client bundle is current
writeFileSync('dist/cli-remote.inputs.json', JSON.stringify(Object.keys(remote.metafile.inputs)) + '\n');

// `node scripts/build.js --cli`: the CLI bundles only (bench:ask rebuilds them when a source is newer)
if (!process.argv.includes('--cli')) await buildWeb({ root: 'web', configFile: 'web/vite.config.ts', logLevel: 'warn' });
