import { defineConfig } from 'vitest/config';

const siteTests = ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'];
// Seconds each, not milliseconds: multi-megabyte loads and
// property tests. `npm test` runs them; `npm run test:unit` leaves them out.
// The engines (test/engines/) have their own project, with a PostgreSQL server.
const slowTests = [
  'test/**/*.property.test.ts',
  'test/analytics/load/roundTrip.test.ts',
  'test/analytics/load/largeFiles.test.ts',
  // Spawns the bin on a 12 MB file, twice.
  'test/bin/journey.test.ts',
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
          exclude: [...siteTests, ...slowTests, 'test/release/**', 'test/engines/**'],
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
        // SQL engines against the in-memory analyses; one PostgreSQL server for all of them.
        test: {
          name: 'engines',
          include: ['test/engines/**/*.test.ts'],
          globalSetup: ['test/engines/postgresServer.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          env: { TZ: 'UTC' },
        },
      },
      {
        // Tests of the built site share one build, made by the global setup.
        test: {
          name: 'site',
          include: siteTests,
          globalSetup: ['test/support/global-build.ts'],
          // Some of these build whole sites (~15 s alone); on a loaded 2-core machine, minutes.
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
