import { defineConfig } from 'vitest/config';

const siteTests = ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // test/release/ is `npm run check:release` (vitest.release.config.ts).
          exclude: [...siteTests, 'test/release/**'],
          env: { TZ: 'UTC' },
        },
      },
      {
        // Tests of the built site share one build, made by the global setup.
        test: {
          name: 'site',
          include: siteTests,
          globalSetup: ['test/support/global-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
