/**
 * The built site, as GitHub Pages serves it under /journey-kit/: every
 * internal link resolves, every page declares its language, and every chapter
 * exists in both languages or says it does not.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { brokenLinks, htmlFiles } from '../support/links.ts';
import { projectRoot } from '../support/build.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

interface Page {
  path: string;
  document: Document;
}

let pages: Page[] = [];

beforeAll(async () => {
  pages = await Promise.all(
    (await htmlFiles(siteDir)).map(async (file) => ({
      path: '/' + relative(siteDir, file).replace(/index\.html$/, ''),
      document: parseHTML(await readFile(file, 'utf8')).document,
    })),
  );
});

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  return parseYaml(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
}

describe(`site built under ${base}`, () => {
  it('has zero broken internal links or anchors', async () => {
    const { checked, broken } = await brokenLinks(root, siteDir);
    const list = broken.map((b) => `${b.url} (${b.status}) on ${b.parent}`).join('\n');
    expect(list, `broken links:\n${list}`).toBe('');
    expect(checked).toBeGreaterThan(pages.length);
  });

  it('prefixes every internal href and src with the base', () => {
    const outside: string[] = [];
    for (const page of pages) {
      for (const el of page.document.querySelectorAll('[href], [src]')) {
        const value = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (value.startsWith('/') && !value.startsWith(base)) outside.push(`${page.path}: ${value}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('declares the right <html lang> on every page', async () => {
    const reportLang = new Map<string, string>();
    const reportsDir = join(projectRoot, 'content/reports');
    for (const entry of await readdir(reportsDir, { recursive: true })) {
      if (!/\.mdx?$/.test(entry)) continue;
      const data = await frontmatter(join(reportsDir, entry));
      const [client, ...rest] = entry.replace(/\.mdx?$/, '').split('/');
      const page = rest.join('/').replace(/(^|\/)index$/, '');
      reportLang.set(`/reports/${client}/${page ? page + '/' : ''}`, data.lang === 'en' ? 'en' : 'zh-CN');
    }
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const lang = page.document.documentElement.getAttribute('lang');
      const expected = reportLang.get(page.path) ?? (page.path.startsWith('/en/') ? 'en' : 'zh-CN');
      expect(lang, page.path).toBe(expected);
    }
  });

  it('has every chapter in both languages, or a notice linking the other', async () => {
    const ids = new Set<string>();
    for (const lang of ['zh', 'en']) {
      for (const file of await readdir(join(projectRoot, 'content/playbook', lang))) {
        ids.add(String((await frontmatter(join(projectRoot, 'content/playbook', lang, file))).id));
      }
    }
    expect(ids.size).toBeGreaterThanOrEqual(6);
    for (const id of ids) {
      for (const prefix of ['/', '/en/']) {
        const page = pages.find((p) => p.path === `${prefix}playbook/${id}/`);
        expect(page, `${prefix}playbook/${id}/`).toBeDefined();
        const notice = page!.document.querySelector('[data-missing-translation]');
        const counterpart = prefix === '/' ? `/en/playbook/${id}/` : `/playbook/${id}/`;
        if (notice) expect(notice.querySelector('a')?.getAttribute('href')).toBe(base + counterpart.slice(1));
        else expect(page!.document.querySelector('article h1')?.textContent?.trim()).not.toBe('');
        // The language switch always points at the counterpart, never at a 404.
        const switchLink = page!.document.querySelector('[data-language-switch]');
        expect(switchLink?.getAttribute('href')).toBe(base + counterpart.slice(1));
      }
    }
  });

  it('has a 404 page and home pages in both languages', () => {
    const paths = pages.map((p) => p.path);
    expect(paths).toContain('/404.html');
    expect(paths).toContain('/');
    expect(paths).toContain('/en/');
  });
});
