import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = __dirname;

/**
 * Two pages share one build: the console (index.html) and the offline GraphQL explorer
 * (explorer.html). The API process serves `dist/web`; the assets carry content hashes so they can be
 * cached for a year, and brotli and gzip copies are written beside them so nothing is compressed per request.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(root, '../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      input: {
        console: resolve(root, 'index.html'),
        explorer: resolve(root, 'explorer.html'),
      },
    },
  },
  plugins: [
    compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|json|svg|html|woff2?|ttf|map)$/, threshold: 1024 }),
  ],
  server: {
    proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } },
  },
});
