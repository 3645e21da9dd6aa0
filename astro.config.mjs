// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { privacyScan } from './src/integrations/privacyScan.ts';
import pagefind from './src/integrations/pagefind.ts';
import { unusedLogos } from './src/integrations/unusedLogos.ts';
import { taskListLabels } from './src/integrations/taskListLabels.ts';
import { demoDownloads } from './src/integrations/demoDownloads.ts';

// GitHub Pages serves a project site under /<repository>/: the deploy workflow
// sets SITE and BASE, and every internal link goes through the base-aware helpers.
const site = process.env.SITE || 'https://example.github.io';
const base = process.env.BASE || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // sitemap-index.xml under SITE+BASE (robots.txt points at it), without the 404 page.
  // demoDownloads serves data/demo/ under the base, for the charts' "Reproduce" links; unusedLogos leaves out
  // other clients' logos (public/ holds them all); privacyScan, last, fails the build when a customer id of any
  // report's data is in the output (spec §10).
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
    pagefind(),
    demoDownloads(),
    unusedLogos(),
    privacyScan(),
  ],
  // Astro's default Markdown processor (MDX inherits it); task-list boxes get their item's text as a label.
  markdown: { processor: satteri({ hastPlugins: [taskListLabels] }) },
  i18n: {
    defaultLocale: 'zh',
    locales: ['zh', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  // Charts are SVG strings computed at build time; no image service is needed.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  devToolbar: { enabled: false },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // A dependency's "use client" directive (meaningless in a static build) drew one warning per
        // module, ~750 lines of a report build's output; every other warning still shows.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
