/**
 * Full-text search in Chromium, on the site built under the GitHub Pages base:
 * the header's search box finds the funnel chapter in the page's language and
 * links to it under the base path; the keyboard reaches the results.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';

const root = inject('siteRoot');
const base = inject('siteBase');

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

/** Types `term` into the header search box and returns the result links' paths. */
async function search(page: Page, term: string): Promise<string[]> {
  await page.fill('#site-search', term);
  await page.waitForSelector('.search-results a', { timeout: 10_000 });
  return page.$$eval('.search-results a', (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );
}

describe.runIf(hasChromium)('search in Chromium', () => {
  const site = useSiteInBrowser(root, base);

  it('finds the Chinese funnel chapter for "漏斗" on a Chinese page', async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.origin}${base}playbook/introduction/`);
    const paths = await search(page, '漏斗');
    expect(paths).toContain(`${base}playbook/funnels/`);
    expect(paths.every((path) => path.startsWith(base) && !path.startsWith(`${base}en/`))).toBe(true);

    // The keyboard reaches the results and opens one.
    await page.focus('#site-search');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    const resultTitle = await page.evaluate(() => document.activeElement?.querySelector('strong')?.textContent);
    await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname.startsWith(`${base}playbook/`)).toBe(true);
    expect((await page.textContent('article h1'))?.trim()).toBe(resultTitle);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds the English funnel chapter for "funnel" on an English page', async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.origin}${base}en/playbook/introduction/`);
    const paths = await search(page, 'funnel');
    expect(paths).toContain(`${base}en/playbook/funnels/`);
    expect(paths.every((path) => path.startsWith(`${base}en/`))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('.search-results')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hides the search box without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${base}en/`);
    expect(await page.isHidden('[data-search]')).toBe(true);
    await context.close();
  });
});
