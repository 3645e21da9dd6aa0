/**
 * axe-core in Chromium on a representative set of pages of the build under
 * /journey-kit/ (home pages, indexes, a chapter with charts, one with a task
 * list, the demo report in both languages, the 404 page), each in light or
 * dark mode: zero violations. The gallery has its own axe test, and
 * `npm run check:release` runs axe on every page.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';

const root = inject('siteRoot');
const base = inject('siteBase');

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

/** Each kind of page once, across both languages and both colour schemes (the gallery has its own axe test). */
const REPRESENTATIVE_PAGES: { path: string; colorScheme: 'light' | 'dark' }[] = [
  { path: '', colorScheme: 'light' },
  { path: 'en/', colorScheme: 'dark' },
  { path: 'en/reports/', colorScheme: 'light' },
  { path: 'playbook/funnels/', colorScheme: 'dark' },
  { path: 'en/playbook/awareness/', colorScheme: 'light' },
  { path: 'reports/demo-bank/', colorScheme: 'light' },
  { path: 'reports/demo-bank/en/', colorScheme: 'dark' },
  { path: '404.html', colorScheme: 'dark' },
];

describe.runIf(hasChromium)('axe-core on representative pages', () => {
  const site = useSiteInBrowser(root, base);

  it('finds no violation', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    for (const { path, colorScheme } of REPRESENTATIVE_PAGES) {
      const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme });
      const problems = watchProblems(page);
      await page.goto(`${site.origin}${base}${path}`);
      for (const violation of await axeViolations(page)) found.push(`/${path} (${colorScheme}): ${violation}`);
      for (const problem of problems) found.push(`/${path}: ${problem}`);
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
