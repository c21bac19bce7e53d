import { defineConfig } from 'vitest/config';

// Fault injection: builds run as processes of their own, paused at named points, killed, starved of
// disk space, run two at a time, fed hostile files. `npm run test:fault`; CI runs it (.ci/run).
export default defineConfig({
  test: {
    include: ['test/fault/**/*.test.ts'],
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    maxConcurrency: 2,
    fileParallelism: false,
  },
});
