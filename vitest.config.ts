import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build and browser tests spawn Astro and Chromium; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    env: { TZ: 'UTC' },
  },
});
