// Builds the renderer (src-renderer) into dist/renderer. base './' keeps asset URLs relative so
// the same bundle loads from Electron's app:// scheme and from the browser host.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src-renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite --config vite.config.ts` during development: the browser host serves /contract.
    proxy: { '/contract': { target: process.env.DEALERDESK_HOST ?? 'ws://127.0.0.1:5178', ws: true } },
  },
});
