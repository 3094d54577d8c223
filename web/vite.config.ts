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
      // React libraries mark their modules "use client" for server rendering, which a browser-only bundle ignores.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  plugins: [
    // Fonts are woff2 (already compressed): brotli over hundreds of them would only slow the build.
    compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|json|svg|html)$/, threshold: 1024 }),
  ],
  server: {
    proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } },
  },
});
