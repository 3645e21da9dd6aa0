/**
 * Full-text search in Chromium, on the site built under the GitHub Pages base:
 * the header's search box finds the funnel chapter in the page's language and
 * links to it under the base path; the keyboard reaches the results.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, noChromiumReason, watchProblems } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/serve.ts';

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
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(root, join(root, base, '404.html'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the Chinese funnel chapter for "漏斗" on a Chinese page', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.origin}${base}playbook/introduction/`);
    const paths = await search(page, '漏斗');
    expect(paths).toContain(`${base}playbook/funnels/`);
    expect(paths.every((path) => path.startsWith(base) && !path.startsWith(`${base}en/`))).toBe(true);

    // The keyboard reaches the results and opens one.
    await page.focus('#site-search');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname.startsWith(`${base}playbook/`)).toBe(true);
    expect(await page.textContent('article h1')).toBeTruthy();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds the English funnel chapter for "funnel" on an English page', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.origin}${base}en/playbook/introduction/`);
    const paths = await search(page, 'funnel');
    expect(paths).toContain(`${base}en/playbook/funnels/`);
    expect(paths.every((path) => path.startsWith(`${base}en/`))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('.search-results')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hides the search box without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${base}en/`);
    expect(await page.isHidden('[data-search]')).toBe(true);
    await context.close();
  });
});
