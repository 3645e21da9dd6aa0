/**
 * No page of the built site shows literal Markdown (`**`, `__`, `*x*`,
 * unrendered `[text](url)`, stray backticks) in its text; code blocks may.
 * test/support/markdownGlitches.test.ts shows the detector catches planted cases.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../support/links.ts';
import { markdownGlitches } from '../support/markdownGlitches.ts';

const root = inject('siteRoot');
const base = inject('siteBase');
const siteDir = join(root, base);

describe('rendered text of every page', () => {
  it('holds no literal Markdown syntax', async () => {
    const found: string[] = [];
    const files = await htmlFiles(siteDir);
    for (const file of files) {
      const { document } = parseHTML(await readFile(file, 'utf8'));
      const page = '/' + relative(siteDir, file).replace(/index\.html$/, '');
      for (const glitch of markdownGlitches(document.body))
        found.push(`${page}: ${glitch.kind} ${glitch.match} in "${glitch.context}"`);
    }
    expect(files.length).toBeGreaterThan(70);
    expect(found, found.join('\n')).toEqual([]);
  });
});
