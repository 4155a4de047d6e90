// The web app is built into web/dist, which the API server serves at / (with SPA fallback). In development
// `npx vite web` proxies /api to a local `fincite serve` so cookies and SSE work same-origin.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Brotli (.br) and gzip (.gz) copies of every text asset, written next to it at build time, so the server can send
 * them as they are (serveStatic's `precompressed` option) instead of compressing per request: the landing page's
 * JavaScript is about a third of its raw size in gzip and less in brotli.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'fincite-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(?:js|css|svg|json)$/.test(file.fileName)) continue;
        const raw = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (raw.length < 1024) continue;
        const target = path.join(outDir, file.fileName);
        const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${target}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${target}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is its own lazily loaded chunk (see src/charts.ts); it is large by nature and only fetched when
    // a chart is shown, so the default 500 kB warning would be noise.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The app imports src/core (answer types, number formatting) from the repository root.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': { target: process.env.FINCITE_API ?? 'http://localhost:8080' } },
  },
});
