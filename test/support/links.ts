/**
 * Checks every internal link of a built site with linkinator: each HTML page
 * is a starting point (so pages no link reaches are checked too), fragments
 * are checked against the target page's ids, external links are skipped.
 */
import { LinkChecker, LinkState } from 'linkinator';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from './serve.ts';

export interface BrokenLink {
  url: string;
  status: number;
  parent: string;
}

export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Returns the broken internal links of the site in `root` (which holds the base folder). */
export async function brokenLinks(root: string, siteDir: string): Promise<{ checked: number; broken: BrokenLink[] }> {
  const server = await serveStatic(root);
  try {
    const pages = (await htmlFiles(siteDir)).map((file) => `${server.origin}/${relative(root, file)}`);
    const checker = new LinkChecker();
    const result = await checker.check({
      path: pages,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: (link) => Promise.resolve(!link.startsWith(server.origin)),
    });
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => ({
        url: link.url.replace(server.origin, ''),
        status: link.status ?? 0,
        parent: (link.parent ?? '').replace(server.origin, ''),
      }));
    return { checked: result.links.filter((l) => l.state !== LinkState.SKIPPED).length, broken };
  } finally {
    await server.close();
  }
}
