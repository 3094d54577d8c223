import { defineConfig } from 'vitest/config';

/** Unit tests of the console's pure logic (formatting, form rules, catalogs): no browser needed. */
export default defineConfig({
  root: __dirname,
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
