import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**', 'test/site/**', 'test/pipeline/**', 'test/fault/**'] },
      },
      {
        // These build the site with Astro, which keeps build files in the project folder: one at a time.
        extends: true,
        test: { name: 'build', include: ['test/site/**/*.test.ts', 'test/pipeline/**/*.test.ts'], fileParallelism: false, hookTimeout: 180_000 },
      },
    ],
  },
});
