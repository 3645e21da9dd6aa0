/**
 * `npm run check:release`: the slow half of the release gate (Lighthouse,
 * axe-core on every page, the hostile-input corpus), on the same kind of
 * build as the site tests (under /journey-kit/), one file after the other.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'release',
    include: ['test/release/**/*.test.ts'],
    globalSetup: ['test/support/global-build.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
