// The web app is built into web/dist, which the API server serves at / (with SPA fallback). In development
// `npx vite web` proxies /api to a local `fincite serve` so cookies and SSE work same-origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
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
