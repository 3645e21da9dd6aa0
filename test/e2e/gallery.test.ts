/**
 * The chart gallery in Chromium, from the shared build: tooltips on hover and
 * on keyboard focus show the right count, the what-if slider recomputes the
 * projection, legends toggle series, downloads carry the data, the hostile
 * event name stays text, there is no console error, and axe-core finds no
 * violation. Screenshots in light and dark mode go to $TMPDIR (not committed).
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { formatProjected } from '../../src/charts/format.ts';
import { projectCustomers } from '../../src/client/whatIfProjection.ts';
import { projectRoot } from '../support/build.ts';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const HOSTILE = '<img src=x onerror=alert(1)>';

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

describe.runIf(hasChromium)('chart gallery in Chromium', () => {
  const site = useSiteInBrowser(root, base);

  /** Opens a gallery page with an XSS trap: any dialog or `window.__xss` is recorded. */
  async function openGallery(
    path: string,
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
    const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme });
    const problems = watchProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.addInitScript(() => {
      (window as unknown as { alert: (message: string) => void }).alert = (message: string) => {
        (window as unknown as { __xss: string }).__xss = String(message);
      };
    });
    await page.goto(`${site.origin}${base}${path}`);
    return { page, problems, dialogs };
  }

  it('shows a funnel bar’s tooltip with its count on hover and on keyboard focus', async () => {
    const { page, problems } = await openGallery('en/gallery/');
    const figure = page.locator('figure[data-chart="funnel"]').first();
    const tip = figure.locator('[role="tooltip"]');
    const tipId = await tip.getAttribute('id');
    // The counts the data table (built from the analysis result) gives for steps 1 and 2
    // (found by header: a "Name in data" column may stand beside the step).
    const counts = await figure.locator('details.chart-data table').evaluate((table) => {
      const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent.trim() === 'Customers');
      return [...table.querySelectorAll('tbody tr')].map((row) =>
        Number((row as HTMLTableRowElement).cells[column]!.getAttribute('data-value')),
      );
    });
    const format = (n: number) => new Intl.NumberFormat('en').format(n);
    expect(await tip.isHidden()).toBe(true);

    const bars = figure.locator('svg [data-tip]');
    await bars.nth(0).hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(`Customers: ${format(counts[0]!)}`);
    expect(await bars.nth(0).getAttribute('aria-describedby')).toBe(tipId);

    // Keyboard: focus the first bar, Tab to the second.
    await page.mouse.move(0, 0);
    await bars.nth(0).focus();
    await page.keyboard.press('Tab');
    expect(await bars.nth(1).evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => tip.textContent()).toContain(`Customers: ${format(counts[1]!)}`);
    expect(await tip.isVisible()).toBe(true);
    expect(await bars.nth(1).getAttribute('aria-describedby')).toBe(tipId);
    expect(await bars.nth(0).getAttribute('aria-describedby')).toBeNull();
    await page.keyboard.press('Escape');
    expect(await tip.isHidden()).toBe(true);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('recomputes the what-if projection when the slider moves', async () => {
    const { page, problems } = await openGallery('en/gallery/');
    const figure = page.locator('figure[data-chart="whatif"]');
    const config = JSON.parse((await figure.locator('[data-whatif]').getAttribute('data-whatif')) as string) as {
      customers: number[];
      fromPrevious: (number | null)[];
      step: number;
    };
    const additional = figure.locator('output[data-whatif-out="additional"]');
    const before = await additional.textContent();
    const last = config.customers.length - 1;
    const expectedAt = (uplift: number) =>
      projectCustomers(config.customers, config.fromPrevious, config.step, uplift)[last]! - config.customers[last]!;
    expect(before).toBe(formatProjected(expectedAt(0.2), 'en'));

    const bar = figure.locator(`[data-whatif-bar="${last}"]`);
    const widthBefore = Number(await bar.getAttribute('width'));
    await figure.locator('input[type="range"]').fill('0.5');
    await expect.poll(() => additional.textContent()).toBe(formatProjected(expectedAt(0.5), 'en'));
    expect(await figure.locator('output[data-whatif-out="uplift"]').textContent()).toBe('+50%');
    expect(Number(await bar.getAttribute('width'))).toBeGreaterThan(widthBefore);
    // 3 % of the last step's customers more at +50 % than at +20 %: the table follows too.
    const projectedCell = figure.locator('details table tbody tr').nth(last).locator('td').nth(1);
    expect(Number(await projectedCell.getAttribute('data-value'))).toBeCloseTo(
      projectCustomers(config.customers, config.fromPrevious, config.step, 0.5)[last]!,
      9,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the hostile event name as text: nothing runs', async () => {
    for (const path of ['gallery/', 'en/gallery/']) {
      const { page, problems, dialogs } = await openGallery(path);
      // Hover and focus every mark naming it, so an injected handler would have fired.
      const marks = page.locator('[data-tip*="onerror"]');
      expect(await marks.count()).toBeGreaterThan(0);
      await marks.first().hover();
      await marks.first().focus();
      expect(await page.locator('[role="tooltip"]:visible').first().textContent()).toContain(HOSTILE);
      expect(await page.getByText(HOSTILE, { exact: false }).count()).toBeGreaterThan(0);
      expect(await page.locator('img[src="x"], script:not([src]):has-text("__xss")').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('toggles a series from the legend and downloads the data as CSV', async () => {
    const { page, problems } = await openGallery('en/gallery/');
    const figure = page.locator('figure[data-chart="funnel"]').nth(1);
    const button = figure.locator('[data-series-toggle]').first();
    const series = (await button.getAttribute('data-series-toggle')) as string;
    const marks = figure.locator(`svg [data-series="${series}"]`);
    expect(await marks.count()).toBeGreaterThan(0);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(
      await marks.evaluateAll((elements) => elements.every((element) => getComputedStyle(element).display === 'none')),
    ).toBe(true);
    await button.click();
    expect(await marks.first().isVisible()).toBe(true);

    const link = figure.locator('a[data-download="csv"]');
    expect(await link.isVisible()).toBe(true);
    const download = page.waitForEvent('download');
    await link.click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'Group,Name in data,Step,Name in data,Customers,Conversion from start,Conversion from previous',
    );
    // Labels in the page's language, each beside the data's own name (data/demo/labels.json).
    expect(csv).toContain(`${series},${series.toLowerCase()},1. Visit,1. visit,`);
    const svgLink = figure.locator('a[data-download="svg"]');
    const svgDownload = page.waitForEvent('download');
    await svgLink.click();
    const svg = await readFile(await (await svgDownload).path(), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).not.toContain('var(--');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts a data table by a column', async () => {
    const { page } = await openGallery('en/gallery/');
    const table = page.locator('figure[data-chart="table"] table');
    await table.locator('th button').nth(1).click();
    expect(await table.locator('th').nth(1).getAttribute('aria-sort')).toBe('ascending');
    const firstColumn = () => table.locator('tbody tr th').allTextContents();
    expect(await firstColumn()).toEqual([HOSTILE, 'mobile', 'desktop']);
    await table.locator('th button').nth(1).click();
    expect(await firstColumn()).toEqual(['desktop', 'mobile', HOSTILE]);
    await page.close();
  });

  it('shows every chart and its numbers without JavaScript, hiding what needs it', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${base}en/gallery/`);
    const figures = page.locator('figure[data-chart]');
    expect(await figures.count()).toBeGreaterThan(10);
    expect(await page.locator('figure[data-chart] .chart-body svg').first().isVisible()).toBe(true);
    expect(await page.locator('[data-chart-tools]').first().isHidden()).toBe(true);
    expect(await page.locator('.whatif-controls').isHidden()).toBe(true);
    // The default projection is in the HTML.
    expect(await page.locator('output[data-whatif-out="additional"]').textContent()).toMatch(/^\d/);
    await page.locator('figure[data-chart="funnel"] details summary').first().click();
    expect(await page.locator('figure[data-chart="funnel"] details table').first().isVisible()).toBe(true);
    await context.close();
  });

  it('has no axe-core violations, in light and dark mode, in both languages', async () => {
    const axe = await readFile(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const [path, scheme] of [
      ['en/gallery/', 'light'],
      ['gallery/', 'dark'],
    ] as const) {
      const { page, problems } = await openGallery(path, scheme);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: {
              run: (
                context: Document,
              ) => Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }>;
            };
          }
        ).axe.run(document);
        return result.violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes
              .slice(0, 3)
              .map((node) => `${node.target.join(' ')} (${node.failureSummary})`)
              .join('; ')}`,
        );
      });
      expect(violations, `${path} ${scheme}`).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('takes screenshots in light and dark mode (to look at, not committed)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await openGallery('en/gallery/', scheme);
      const file = join(tmpdir(), `journey-kit-gallery-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      for (const [index, kind] of ['funnel', 'journey', 'whatif'].entries()) {
        await page
          .locator(`figure[data-chart="${kind}"]`)
          .first()
          .screenshot({ path: join(tmpdir(), `journey-kit-gallery-${scheme}-${index}-${kind}.png`) });
      }
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(255, 255, 255)');
      await page.close();
    }
  });
});
