/**
 * Debian's Chromium driven by playwright-core; never a downloaded browser.
 * Tests skip (saying why) only where no Chromium is installed; CI installs it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from './serve.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const noChromiumReason = `no Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium fonts-noto-cjk" (CI does)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects console errors, page errors and failed requests of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // The browser drops whatever is still loading (favicon, search script) when the test
    // navigates on: not a failure. A missing file is a response (>= 400, below), not an abort.
    if (error === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

export interface SiteInBrowser {
  /** Where the built site is served, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Serves the built site in `root` (404s get its 404 page) and starts Chromium
 * before the tests of the calling `describe` block; closes both after them.
 */
export function useSiteInBrowser(root: string, base: string): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(root, join(root, base, '404.html'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get origin() {
      if (!server) throw new Error('useSiteInBrowser: the server starts in beforeAll');
      return server.origin;
    },
    get browser() {
      if (!browser) throw new Error('useSiteInBrowser: Chromium starts in beforeAll');
      return browser;
    },
  };
}
