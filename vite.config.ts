import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './src/web/build/precompress-plugin.ts';
import { worldMapPlugin } from './src/web/map/world-map-plugin.ts';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

// The web app: root src/web, built to dist/web, which the Fastify server serves (src/server/app.ts).
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react(), worldMapPlugin(), precompressPlugin()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Compressing every asset takes a second or two; that is expected, not worth a warning.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // `npx vite` for development: the API comes from a server started with `npm run dev`.
  server: { proxy: { '/api': api, '/healthz': api } },
});
