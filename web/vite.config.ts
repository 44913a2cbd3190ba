import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app: built into dist/web, which the server serves at `/`. In development (`npm run dev:web`)
 * Vite proxies /api to a local `jixiao serve` on port 3000 (override with JIXIAO_API).
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => ({
  root,
  base: '/',
  plugins: [react()],
  // A build is for production whatever NODE_ENV the caller has (vitest sets `test`): React and antd
  // must not ship their development builds.
  ...(command === 'build' ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env['JIXIAO_API'] ?? 'http://127.0.0.1:3000' },
  },
}));
