/**
 * axe-core in Chromium on every page of the build under /journey-kit/, in
 * light mode, and its colour-contrast rule again in dark mode: zero
 * violations, no console error, no failed request. `npm test` runs the full
 * rule set on a representative set in both schemes (test/e2e/accessibility).
 */
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';
import { htmlFiles } from '../support/links.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

if (!hasChromium) console.warn(`[axe] skipped: ${noChromiumReason}`);

describe.runIf(hasChromium)('axe-core on every page', () => {
  const site = useSiteInBrowser(root, base);
  let paths: string[] = [];

  beforeAll(async () => {
    paths = (await htmlFiles(siteDir)).map((file) => relative(siteDir, file).replace(/index\.html$/, ''));
  });

  for (const [colorScheme, rules] of [
    ['light', undefined],
    ['dark', ['color-contrast']],
  ] as const) {
    it(`finds no violation in ${colorScheme} mode${rules ? ` (${rules.join(', ')})` : ''}`, async () => {
      expect(paths.length).toBeGreaterThan(50);
      const found: string[] = [];
      const started = performance.now();
      for (const path of paths) {
        const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme });
        const problems = watchProblems(page);
        await page.goto(`${site.origin}${base}${path}`);
        for (const violation of await axeViolations(page, rules)) found.push(`/${path}: ${violation}`);
        for (const problem of problems) found.push(`/${path}: ${problem}`);
        await page.close();
      }
      console.log(
        `[axe] ${paths.length} pages in ${colorScheme} mode in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      expect(found).toEqual([]);
    });
  }
});
