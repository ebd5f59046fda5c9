import { defineConfig } from 'vitest/config';

// Browser tests against the built app (`node scripts/build.js` first; `npm test` does it).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/support/server-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine is small, and timings (first paint) are measured here.
    fileParallelism: false,
  },
});
