import { defineConfig } from 'vitest/config';

// End-to-end tests: real browsers with the e2e build loaded (`npm run test:e2e` builds it first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Two browsers at once on a 2-core machine make both slow and flaky: one file at a time.
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
