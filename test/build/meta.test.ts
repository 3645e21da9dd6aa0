/**
 * What search engines and link previews read, on every page of the build
 * under /journey-kit/ (SITE https://example.org): a title, a description, a
 * canonical URL under SITE+BASE, Open Graph tags and <html lang>; a sitemap
 * listing every page but the 404 page, and a robots.txt pointing at it.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../support/links.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);
const SITE = 'https://example.org';
const siteUrl = `${SITE}${base}`;

interface Page {
  path: string;
  document: Document;
}

let pages: Page[] = [];

beforeAll(async () => {
  pages = await Promise.all(
    (await htmlFiles(siteDir)).map(async (file) => ({
      path: relative(siteDir, file).replace(/index\.html$/, ''),
      document: parseHTML(await readFile(file, 'utf8')).document,
    })),
  );
});

const meta = (document: Document, selector: string) => document.querySelector(selector)?.getAttribute('content') ?? '';

describe('meta tags, sitemap and robots.txt', () => {
  it('gives every page a title, a description, a canonical URL under SITE+BASE, Open Graph tags and a language', () => {
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const { path, document } of pages) {
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      const expectedUrl = siteUrl + (path === '404.html' ? '404/' : path);
      const checks: [string, boolean][] = [
        ['title', (document.querySelector('head > title')?.textContent?.trim() ?? '').length > 0],
        ['meta description', meta(document, 'meta[name="description"]').trim().length > 0],
        [`canonical ${canonical} = ${expectedUrl}`, canonical === expectedUrl],
        ['og:title = title', meta(document, 'meta[property="og:title"]') === document.title],
        [
          'og:description = description',
          meta(document, 'meta[property="og:description"]') === meta(document, 'meta[name="description"]'),
        ],
        ['og:url = canonical', meta(document, 'meta[property="og:url"]') === canonical],
        ['og:type', meta(document, 'meta[property="og:type"]') === 'website'],
        ['og:site_name', meta(document, 'meta[property="og:site_name"]').length > 0],
        ['og:locale', /^(zh_CN|en_US)$/.test(meta(document, 'meta[property="og:locale"]'))],
        ['<html lang>', /^(zh-CN|en)$/.test(document.documentElement.getAttribute('lang') ?? '')],
        [
          'og:locale matches <html lang>',
          meta(document, 'meta[property="og:locale"]').startsWith(
            document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'zh',
          ),
        ],
      ];
      for (const [name, ok] of checks) if (!ok) problems.push(`/${path}: ${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every page its own title', () => {
    const byTitle = new Map<string, string[]>();
    for (const { path, document } of pages) byTitle.set(document.title, [...(byTitle.get(document.title) ?? []), path]);
    const shared = [...byTitle]
      .filter(([, paths]) => paths.length > 1)
      .map(([title, paths]) => `${title}: ${paths.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('lists every page but the 404 page in the sitemap, by its canonical URL', async () => {
    const index = await readFile(join(siteDir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const sitemap of sitemaps) {
      expect(sitemap.startsWith(siteUrl)).toBe(true);
      const text = await readFile(join(siteDir, sitemap.slice(siteUrl.length)), 'utf8');
      listed.push(...[...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    const expected = pages.filter((p) => p.path !== '404.html').map((p) => siteUrl + p.path);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('has a robots.txt that allows crawling and names the sitemap under SITE+BASE', async () => {
    const robots = await readFile(join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}sitemap-index.xml\n`);
  });
});
