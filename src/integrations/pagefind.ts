/**
 * Full-text search: after every `astro build` (including the tests' builds
 * into another outDir), Pagefind indexes the built HTML and writes its bundle
 * to `<outDir>/pagefind/`. Only elements marked `data-pagefind-body` (chapter
 * bodies) are indexed, one index per `<html lang>`, so a Chinese page searches
 * Chinese chapters and an English page English ones. Result URLs are relative
 * to the site root; the search box adds the base path (`baseUrl`).
 *
 * @example
 *   // astro.config.mjs
 *   integrations: [mdx(), pagefind()]
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

/** Chart SVGs and tables are numbers and axis labels: noise in search results. */
const EXCLUDED_SELECTORS = ['svg', 'figure table', '[data-pagefind-ignore]'];

export default function pagefind(): AstroIntegration {
  return {
    name: 'journey-kit:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
          if (!index) throw new Error(`pagefind: could not create the index: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`pagefind: indexing ${outDir} failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length)
            throw new Error(`pagefind: writing the index failed: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages into ${written.outputPath}`);
        } finally {
          await close();
        }
      },
    },
  };
}
