/**
 * axe-core in Chromium on every page of the build under /journey-kit/, in
 * light mode, and its colour-contrast rule again in dark mode: zero
 * violations, no console error, no failed request. `npm test` runs the full
 * rule set on a representative set in both schemes (test/e2e/accessibility).
 */
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, launchChromium, noChromiumReason, watchProblems } from '../support/browser.ts';
import { htmlFiles } from '../support/links.ts';
import { serveStatic, type StaticServer } from '../support/serve.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

if (!hasChromium) console.warn(`[axe] skipped: ${noChromiumReason}`);

describe.runIf(hasChromium)('axe-core on every page', () => {
  let server: StaticServer;
  let browser: Browser;
  let paths: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(root, join(root, base, '404.html'));
    browser = await launchChromium();
    paths = (await htmlFiles(siteDir)).map((file) => relative(siteDir, file).replace(/index\.html$/, ''));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme });
        const problems = watchProblems(page);
        await page.goto(`${server.origin}${base}${path}`);
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
