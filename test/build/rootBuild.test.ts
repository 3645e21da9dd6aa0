/**
 * The site built at the root of its host (BASE unset, as on a custom domain):
 * zero broken internal links or anchors there too, and robots.txt and the
 * canonical URLs without a base. The shared build covers /journey-kit/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { brokenLinks, htmlFiles } from '../support/links.ts';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'journey-kit-root-'));
  const buildMs = await buildSite({ outDir: root, base: '/', site: 'https://example.org' });
  console.log(`[site] built at the root in ${(buildMs / 1000).toFixed(1)} s`);
}, 180_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('site built at the root', () => {
  it('has zero broken internal links or anchors', async () => {
    const pages = await htmlFiles(root);
    const { checked, broken } = await brokenLinks(root, root);
    const list = broken.map((b) => `${b.url} (${b.status}) on ${b.parent}`).join('\n');
    expect(list, `broken links:\n${list}`).toBe('');
    expect(checked).toBeGreaterThan(pages.length);
  });

  it('puts canonical URLs and the sitemap at the root', async () => {
    const home = await readFile(join(root, 'en/gallery/index.html'), 'utf8');
    expect(home).toContain('<link rel="canonical" href="https://example.org/en/gallery/">');
    expect(await readFile(join(root, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/sitemap-index.xml\n',
    );
    expect(await readFile(join(root, 'sitemap-index.xml'), 'utf8')).toContain(
      '<loc>https://example.org/sitemap-0.xml</loc>',
    );
  });
});
