/**
 * The site by keyboard alone, in Chromium, on the build under /journey-kit/:
 * only Tab, Shift+Tab, Enter, Space, arrow keys and Escape (no mouse, no
 * element.focus()) reach and operate the skip link, the language switch, the
 * dark-mode toggle, search, chart tooltips and the what-if slider; and on each
 * representative page Tab reaches every visible control.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatProjected, formatSignedPercent } from '../../src/charts/format.ts';
import { projectCustomers } from '../../src/client/whatIfProjection.ts';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';
import { tabOrder, tabTo } from '../support/keyboard.ts';

const root = inject('siteRoot');
const base = inject('siteBase');

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element
      ? { tag: element.tagName.toLowerCase(), id: element.id, text: element.textContent?.trim() ?? '' }
      : null;
  });

describe.runIf(hasChromium)('keyboard only, in Chromium', () => {
  const site = useSiteInBrowser(root, base);

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${site.origin}${base}${path}`);
    return { page, problems };
  }

  it('skips to the content: the first Tab is the skip link, Enter moves on to the main column', async () => {
    const { page, problems } = await open('en/playbook/funnels/');
    expect(await tabTo(page, 'a.skip-link', { maxPresses: 1 })).toBe(1);
    expect(await page.locator('a.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    // The next Tab lands inside the main column, past the header and the sidebar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#main') !== null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches language with Enter on the language switch, and back', async () => {
    const { page, problems } = await open('playbook/funnels/');
    await tabTo(page, '[data-language-switch]');
    await Promise.all([page.waitForURL(`**${base}en/playbook/funnels/`), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await tabTo(page, '[data-language-switch]');
    await Promise.all([page.waitForURL(`**${base}playbook/funnels/`), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('toggles dark mode with Enter and with Space, and the choice survives a reload', async () => {
    const { page, problems } = await open('en/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await tabTo(page, '[data-theme-toggle]');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
    expect(await background()).toBe('rgb(17, 20, 24)');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await tabTo(page, '[data-theme-toggle]');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches: Tab to the box, type, ArrowDown into the results, Enter opens one; Escape closes', async () => {
    const { page, problems } = await open('en/');
    await tabTo(page, '#site-search');
    await page.keyboard.type('funnel');
    await page.waitForSelector('.search-results a', { timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(new URL(first).pathname.startsWith(`${base}en/playbook/`)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(first);
    await page.keyboard.press('ArrowUp');
    expect((await focused(page))?.id).toBe('site-search');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('.search-results')).toBe(true);
    // Typing again reopens the results; Enter on a result follows it.
    await page.keyboard.type('s');
    await page.waitForSelector('.search-results a', { timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    const resultTitle = await page.evaluate(() => document.activeElement?.querySelector('strong')?.textContent);
    await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
    expect((await page.textContent('article h1'))?.trim()).toBe(resultTitle);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a chart tooltip on Tab focus and hides it with Escape, on a chapter and on the report', async () => {
    for (const path of ['en/playbook/funnels/', 'reports/demo-bank/']) {
      const { page, problems } = await open(path);
      await tabTo(page, 'figure[data-chart] [data-tip]');
      const expected = await page.evaluate(() => document.activeElement!.getAttribute('data-tip'));
      const figure = page.locator('figure[data-chart]', { has: page.locator('[data-tip]:focus') });
      const tip = figure.locator('[role="tooltip"]');
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toBe(expected);
      // The next mark's tooltip follows focus.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => document.activeElement?.getAttribute('data-tip') ?? null);
      if (next !== null) expect(await tip.textContent()).toBe(next);
      await page.keyboard.press('Escape');
      expect(await tip.isHidden(), path).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('moves the what-if slider with the arrow keys, Home and End; the projection follows', async () => {
    const { page, problems } = await open('en/gallery/');
    const figure = page.locator('figure[data-chart="whatif"]');
    const config = JSON.parse((await figure.locator('[data-whatif]').getAttribute('data-whatif')) as string) as {
      customers: number[];
      fromPrevious: (number | null)[];
      step: number;
    };
    const last = config.customers.length - 1;
    const additionalAt = (uplift: number) =>
      formatProjected(
        projectCustomers(config.customers, config.fromPrevious, config.step, uplift)[last]! - config.customers[last]!,
        'en',
      );
    const slider = figure.locator('input[type="range"]');
    const additional = figure.locator('output[data-whatif-out="additional"]');
    const start = Number(await slider.inputValue());
    await tabTo(page, 'figure[data-chart="whatif"] input[type="range"]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const moved = Math.round((start + 0.05) * 100) / 100;
    expect(Number(await slider.inputValue())).toBeCloseTo(moved, 9);
    await expect.poll(() => additional.textContent()).toBe(additionalAt(moved));
    expect(await slider.getAttribute('aria-valuetext')).toBe(formatSignedPercent(moved, 'en', 0));
    await page.keyboard.press('ArrowLeft');
    expect(Number(await slider.inputValue())).toBeCloseTo(moved - 0.01, 9);
    await page.keyboard.press('Home');
    await expect.poll(() => additional.textContent()).toBe(additionalAt(0));
    await page.keyboard.press('End');
    const max = Number(await slider.getAttribute('max'));
    await expect.poll(() => additional.textContent()).toBe(additionalAt(max));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches every visible control by Tab on each representative page', async () => {
    for (const path of ['', 'en/playbook/funnels/', 'reports/demo-bank/en/']) {
      const { page } = await open(path);
      const stops = await tabOrder(page);
      expect(stops.length, path).toBeGreaterThan(5);
      const missed = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement | SVGElement>(
            'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
          ),
        ]
          .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
          // Inside a closed disclosure only its summary shows (Chromium may still give the rest boxes).
          .filter((element) => {
            const closed = element.closest('details:not([open])');
            return !closed || (element.tagName === 'SUMMARY' && element.parentElement === closed);
          })
          .filter((element) => !element.dataset.tabVisited)
          .map((element) => element.outerHTML.slice(0, 120)),
      );
      expect(missed, path).toEqual([]);
      await page.close();
    }
  });
});
