/** The link checker itself must catch what it is there to catch. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brokenLinks } from './links.ts';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'links-'));
  const site = join(root, 'kit');
  await mkdir(join(site, 'a'), { recursive: true });
  await writeFile(
    join(site, 'index.html'),
    '<!doctype html><html><body><a href="/kit/a/">ok</a><a href="/kit/missing/">gone</a><img src="/kit/x.png" alt=""><a href="https://example.org/">out</a></body></html>',
  );
  await writeFile(
    join(site, 'a', 'index.html'),
    '<!doctype html><html><body><h2 id="here">x</h2><a href="/kit/a/#here">in</a><a href="/kit/#nowhere">bad anchor</a></body></html>',
  );
});

afterAll(() => rm(root, { recursive: true, force: true }));

it('reports missing pages, missing files and missing anchors, and skips external links', async () => {
  const { broken } = await brokenLinks(root, join(root, 'kit'));
  expect(broken.map((b) => b.url).sort()).toEqual(['/kit/#nowhere', '/kit/missing/', '/kit/x.png']);
});
