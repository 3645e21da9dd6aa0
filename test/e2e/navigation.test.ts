/**
 * A reader's walk through the built site in headless Chromium, under the
 * GitHub Pages base: home -> a chapter -> other language -> next chapter ->
 * a report, with no console error and no failed request on the way.
 */
import { describe, expect, inject, it } from 'vitest';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';

const root = inject('siteRoot');
const base = inject('siteBase');

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

describe.runIf(hasChromium)('navigation in Chromium', () => {
  const site = useSiteInBrowser(root, base);

  it('walks home, chapter, language switch, next chapter and a report', async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);

    await page.goto(`${site.origin}${base}`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    // Home -> the first chapter of the course.
    await page.click('.reader-paths li:first-child a');
    expect(new URL(page.url()).pathname).toBe(`${base}playbook/introduction/`);
    const zhTitle = await page.textContent('article h1');

    // Switch language: same chapter, in English.
    await page.click('[data-language-switch]');
    expect(new URL(page.url()).pathname).toBe(`${base}en/playbook/introduction/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const enTitle = await page.textContent('article h1');
    expect(enTitle).not.toBe(zhTitle);

    // Next chapter in course order.
    await page.click('.prev-next a[rel="next"]');
    expect(new URL(page.url()).pathname).toBe(`${base}en/playbook/awareness/`);
    expect(await page.getAttribute('.sidebar a[aria-current="page"]', 'href')).toBe(`${base}en/playbook/awareness/`);

    // To the reports list and into a report.
    await page.click('.site-nav a[href$="/reports/"]');
    const reportTitle = (await page.textContent('.card-list a'))?.trim();
    await page.click('.card-list a');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${base}reports/[a-z0-9-]+/$`));
    expect((await page.textContent('.report-header h1'))?.trim()).toBe(reportTitle);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('remembers the dark-mode choice across pages', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.origin}${base}en/`);
    await page.click('[data-theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
    await page.goto(`${site.origin}${base}playbook/`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 20, 24)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no horizontal scroll on a 375 px phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 740 } });
    for (const path of ['', 'en/', 'playbook/funnels/', 'en/playbook/collect-data/', 'reports/']) {
      await page.goto(`${site.origin}${base}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBe(0);
    }
    await page.close();
  });
});
