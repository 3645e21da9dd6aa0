/**
 * Leaves out of the output every logo in public/logos/ that no page shows, so a
 * one-report build holds no other client's logo (issue 18 item 2). It runs
 * before the privacy scan, which then counts the files that stay.
 *
 * @example
 *   integrations: [mdx(), unusedLogos(), privacyScan()],
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { removeUnusedLogos } from '../report/logos.ts';

export function unusedLogos(): AstroIntegration {
  return {
    name: 'journey-kit:unused-logos',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const removed = await removeUnusedLogos(fileURLToPath(dir));
        if (removed.length > 0) logger.info(`left out ${removed.length} logo(s) no page shows`);
      },
    },
  };
}
