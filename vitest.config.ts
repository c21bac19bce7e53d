import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 30_000,
  },
});
