import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

// The browser app: `npx vite` for development (API proxied to the server on :8080),
// `npx vite build` → dist/web (each text file with its brotli and gzip twin), which the server
// serves with an SPA fallback.
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
