import { defineConfig } from 'vitest/config';

const siteTests = ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'];
// Seconds each, not milliseconds: the DuckDB cross-check, multi-megabyte loads and
// property tests. `npm test` runs them; `npm run test:unit` leaves them out.
const slowTests = [
  'test/engines/**/*.test.ts',
  'test/**/*.property.test.ts',
  'test/analytics/load/roundTrip.test.ts',
  'test/analytics/load/largeFiles.test.ts',
];

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // test/release/ is `npm run check:release` (vitest.release.config.ts).
          exclude: [...siteTests, ...slowTests, 'test/release/**'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'slow',
          include: slowTests,
          // On a shared 2-core machine these take many times their quiet duration.
          testTimeout: 120_000,
          hookTimeout: 120_000,
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
