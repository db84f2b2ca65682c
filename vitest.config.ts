import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Worker-process tests spawn node; two cores are shared with the runner.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    // A skipped test is listed with its reason (test/helpers/skipped-reporter.ts).
    reporters: ['default', './test/helpers/skipped-reporter.ts'],
  },
});
