/**
 * Reports on a phone (390 px) in Chromium, from the shared build: no chart
 * text renders below 11 CSS px (charts too wide for that scroll inside their
 * figure, with a cue, and never widen the page), and table cells never break
 * inside a number. Screenshots at 390 and 1280 px go to $TMPDIR (not committed).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { hasChromium, noChromiumReason, useSiteInBrowser, watchProblems } from '../support/browser.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const REPORTS = ['reports/demo-bank/', 'reports/demo-bank/en/'];

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

describe.runIf(hasChromium)('reports on a phone', () => {
  const site = useSiteInBrowser(root, base);

  it('renders no chart text below 11 px at 390 px, and the page never scrolls sideways', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const problems = watchProblems(page);
    let measured = 0;
    for (const path of REPORTS) {
      const response = await page.goto(`${site.origin}${base}${path}`);
      if (response?.status() === 404) continue; // a language the demo report does not have
      const { small, count, pageWidth, cues } = await page.evaluate(() => {
        const small: string[] = [];
        let count = 0;
        for (const text of document.querySelectorAll<SVGTextElement>('figure svg text')) {
          const svg = text.ownerSVGElement!;
          const box = svg.getBoundingClientRect();
          if (box.width === 0 || !text.textContent?.trim()) continue;
          // The rendered size: the computed font size times the SVG's scale (drawn width / viewBox width).
          const scale = box.width / (svg.viewBox.baseVal?.width || box.width);
          const size = parseFloat(getComputedStyle(text).fontSize) * scale;
          count += 1;
          if (size < 10.95) small.push(`${text.closest('figure')?.id}: "${text.textContent}" ${size.toFixed(1)}px`);
        }
        const cues = [...document.querySelectorAll('.chart-scroll-cue')].filter(
          (cue) => getComputedStyle(cue).display !== 'none',
        ).length;
        return { small, count, pageWidth: document.documentElement.scrollWidth, cues };
      });
      expect(small, path).toEqual([]);
      expect(pageWidth, path).toBeLessThanOrEqual(390);
      // Wide charts scroll inside their figure and say so.
      const overflowing = await page.$$eval(
        '.chart-body',
        (bodies) => bodies.filter((body) => body.scrollWidth > body.clientWidth + 1).length,
      );
      if (overflowing > 0) expect(cues, path).toBeGreaterThan(0);
      measured += count;
      await page.screenshot({ path: join(tmpdir(), `phone-${path.replaceAll('/', '_')}390.png`), fullPage: true });
    }
    expect(measured).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps every number in a table cell on one line', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.origin}${base}reports/demo-bank/`);
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>('.chart-table th, .chart-table td')) {
        const text = cell.textContent?.trim() ?? '';
        if (!/^[<\d][\d,.%\s<–-]*$/.test(text)) continue; // numeric cells only
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) out.push(text);
      }
      return out;
    });
    expect(broken).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(tmpdir(), 'phone-demo-bank-1280.png'), fullPage: true });
    await page.close();
  });
});
