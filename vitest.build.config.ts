import { defineConfig } from 'vitest/config';

// Tests of the built extension (`npm run build` first; `npm test` runs them right after it):
// manifests, permissions, CSP and the shipped code's use of network and eval.
export default defineConfig({
  test: {
    include: ['test/**/*.build-test.ts'],
    testTimeout: 30_000,
  },
});
