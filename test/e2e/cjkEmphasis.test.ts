/**
 * CJK has no italics: in Chromium, emphasis on a Chinese chapter is upright
 * with emphasis dots, while the same chapter in English keeps its italics.
 */
import { describe, expect, inject, it } from 'vitest';
import { hasChromium, noChromiumReason, useSiteInBrowser } from '../support/browser.ts';

const root = inject('siteRoot');
const base = inject('siteBase');

if (!hasChromium) console.warn(`[e2e] skipped: ${noChromiumReason}`);

describe.runIf(hasChromium)('emphasis styles per language', () => {
  const site = useSiteInBrowser(root, base);

  const emphasisStyle = async (path: string) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}${base}${path}`);
    const style = await page.$eval('article em', (em) => {
      const computed = getComputedStyle(em);
      return { fontStyle: computed.fontStyle, emphasis: computed.getPropertyValue('text-emphasis-style') };
    });
    await page.close();
    return style;
  };

  // Chromium serialises `filled dot` as `dot` (filled is the default).
  it('draws Chinese emphasis upright with dots, never italic', async () => {
    expect(await emphasisStyle('playbook/funnels/')).toEqual({ fontStyle: 'normal', emphasis: 'dot' });
  });

  it('keeps English emphasis italic', async () => {
    expect(await emphasisStyle('en/playbook/funnels/')).toEqual({ fontStyle: 'italic', emphasis: 'none' });
  });
});
