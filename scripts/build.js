// Bundles the CLI (and everything it imports from src/) into dist/cli.js so that a `fincite` process starts
// without compiling TypeScript. Dependencies stay external. Runs on `npm ci` (prepare) and `npm run build`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
