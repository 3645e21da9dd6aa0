/**
 * Keyboard-only helpers for browser tests: move focus with Tab (never
 * `element.focus()` or the mouse) until the focused element matches.
 */
import type { Page } from 'playwright-core';

/** Presses Tab (Shift+Tab with `backwards`) until `selector` matches the focused element; fails after `maxPresses`. */
export async function tabTo(
  page: Page,
  selector: string,
  { maxPresses = 600, backwards = false }: { maxPresses?: number; backwards?: boolean } = {},
): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`Tab did not reach ${selector} on ${page.url()} in ${maxPresses} presses`);
}

/** What Tab visits from the top of the page until focus comes back round (or `maxPresses`): one description per stop. */
export async function tabOrder(page: Page, maxPresses = 1500): Promise<string[]> {
  const stops: string[] = [];
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const marked = element as HTMLElement;
      marked.dataset.tabVisited = '1';
      return `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}`;
    });
    if (stop === null) {
      if (stops.length) break;
      continue;
    }
    stops.push(stop);
  }
  return stops;
}
