/**
 * The privacy scan's parts on fixture files: ids collected from every report's
 * data (files and cached loader output, nothing run), leaks found in text and
 * in file names, masked in the message.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerIdsByReport,
  formatLeaks,
  maskId,
  privacyScan,
  productWords,
  SCAN_STAMP,
  scanOutput,
  scanPassed,
} from '../../src/integrations/privacyScan.ts';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'privacy-scan-'));
  const report = (slug: string) => join(root, 'data/reports', slug);
  await mkdir(report('shop'), { recursive: true });
  await writeFile(
    join(report('shop'), 'events.csv'),
    'uid,ts,ev\nSHOP-0001,2026-01-01,visit\nSHOP-0002,2026-01-02,visit\n7,2026-01-02,visit\n',
  );
  await writeFile(
    join(report('shop'), 'report.json'),
    JSON.stringify({
      client: 'Shop',
      lang: 'en',
      sources: [{ path: 'events.csv', map: { customer_id: 'uid', timestamp: 'ts', event: 'ev' } }],
      funnel: { steps: ['visit', 'buy'] },
    }),
  );
  // A report whose data comes from a loader that never ran here: noted, not run.
  await mkdir(report('warehouse'), { recursive: true });
  await writeFile(join(report('warehouse'), 'events.csv.sh'), 'echo should-not-run >&2; exit 1\n');
  await writeFile(
    join(report('warehouse'), 'report.json'),
    JSON.stringify({ client: 'W', lang: 'zh', sources: [{ path: 'events.csv' }], funnel: { steps: ['a', 'b'] } }),
  );

  const out = join(root, 'dist');
  await mkdir(join(out, 'reports/shop/SHOP-0002'), { recursive: true });
  await writeFile(
    join(out, 'reports/shop/index.html'),
    '<html>\n<body><p>Top customer: SHOP-0001</p><p>7 visits, 12 customers</p></body></html>',
  );
  await writeFile(join(out, 'reports/shop/SHOP-0002/index.html'), '<p>no id in the text</p>');
  await writeFile(join(out, 'clean.js'), 'export const rows = ["SHOP-00012", "XSHOP-0001"];');
  await writeFile(join(out, 'logo.png'), 'SHOP-0001 in a binary file is not read');
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('privacy scan', () => {
  it('collects every report’s ids without running loaders, noting what it could not read', async () => {
    const { ids, notes } = await customerIdsByReport(root);
    expect([...ids.keys()].sort()).toEqual(['shop', 'warehouse']);
    expect([...ids.get('shop')!].sort()).toEqual(['7', 'SHOP-0001', 'SHOP-0002']);
    expect(ids.get('warehouse')!.size).toBe(0);
    expect(notes).toEqual([
      'data/reports/warehouse/events.csv: not scanned (no file, and its loader has not run in this project)',
    ]);
  });

  it('finds ids in text and in paths as whole tokens, skipping short ids and binary files', async () => {
    const { ids } = await customerIdsByReport(root);
    const { leaks, files, unscanned } = await scanOutput(join(root, 'dist'), ids);
    expect(files).toBe(4);
    expect(unscanned).toBe(1); // "7"
    // Files in code-unit order of their paths; the text position is line 2, column 24.
    expect(leaks).toEqual([
      { file: 'reports/shop/SHOP-0002/index.html', report: 'shop', id: 'SHOP-0002', where: 'path' },
      { file: 'reports/shop/index.html', report: 'shop', id: 'SHOP-0001', where: '2:24' },
    ]);
  });

  it('reads every text file whatever its extension, gzip decompressed; Pagefind runtime and binaries by path only', async () => {
    const out = join(root, 'dist-any');
    await mkdir(join(out, 'pagefind'), { recursive: true });
    await writeFile(join(out, 'rows.ndjson'), '{"id":"SHOP-0001"}\n');
    await writeFile(join(out, 'map.yaml'), 'customer: SHOP-0002\n');
    await writeFile(join(out, 'rows.csv.gz'), gzipSync('id\nSHOP-0001\n'));
    await writeFile(join(out, 'pagefind/fragment.pf_fragment'), gzipSync('pagefind_dcd{"content":"SHOP-0002"}'));
    await writeFile(join(out, 'blob.dat'), 'SHOP-0001');
    await writeFile(join(out, 'pagefind/pagefind-ui.js'), 'var SHOP_0001_unused = "SHOP-0001";');
    await writeFile(join(out, 'font.woff2'), Buffer.from([0, 1, 2, ...Buffer.from('SHOP-0001')]));
    const { ids } = await customerIdsByReport(root);
    const { leaks } = await scanOutput(out, ids);
    expect(leaks.map((leak) => `${leak.file} ${leak.id} ${leak.where}`)).toEqual([
      'blob.dat SHOP-0001 1:1',
      'map.yaml SHOP-0002 1:11',
      'pagefind/fragment.pf_fragment SHOP-0002 1:25',
      'rows.csv.gz SHOP-0001 2:1',
      'rows.ndjson SHOP-0001 1:8',
    ]);
  });

  it('takes the words of the product text from src/, the playbook and public/, not from report content', async () => {
    await mkdir(join(root, 'src'), { recursive: true });
    await mkdir(join(root, 'content/reports/shop'), { recursive: true });
    await writeFile(join(root, 'src/labels.ts'), "export const label = { purchase: 'Paths', zh: '路径分析' };");
    await writeFile(join(root, 'content/reports/shop/index.mdx'), 'Planted: u1000011');
    const isProductWord = await productWords(root);
    expect(['purchase', 'Paths', '路径', 'u1000011', 'Path'].map(isProductWord)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('as a build step: a failed scan empties the output and says so; a passed one leaves a stamp', async () => {
    const run = async (out: string) => {
      const integration = privacyScan({ ids: customerIdsByReport });
      const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
      await hooks['astro:config:done']!({ config: { root: pathToFileURL(root + '/') } });
      const logger = { warn: () => {}, info: () => {} };
      return hooks['astro:build:done']!({ dir: pathToFileURL(out + '/'), logger });
    };
    const leaky = join(root, 'dist-leaky');
    await mkdir(join(leaky, 'reports'), { recursive: true });
    await writeFile(join(leaky, 'reports/index.html'), '<p>SHOP-0001</p>');
    await writeFile(join(leaky, 'sitemap-index.xml'), '<sitemapindex/>');
    await expect(run(leaky)).rejects.toThrow(
      'privacy scan: 1 customer id found in the built site (spec §10: the site holds aggregates only).\n' +
        '  reports/index.html:1:4: customer id SH******* of report "shop"\n' +
        'Publish aggregates instead (counts, rates, suppressed below k); never list customers, rows or ids on a page, in a table or in a chart.\n' +
        'The output folder dist-leaky/ was emptied: nothing of this build can be published.',
    );
    expect(await readdir(leaky)).toEqual([]);
    expect(scanPassed(leaky)).toBe(false);

    const clean = join(root, 'dist-clean');
    await mkdir(clean, { recursive: true });
    await writeFile(join(clean, 'index.html'), '<p>12 customers</p>');
    await run(clean);
    expect(scanPassed(clean)).toBe(true);
    expect(JSON.parse(await readFile(join(clean, SCAN_STAMP), 'utf8'))).toEqual({
      passed: true,
      files: 1,
      reports: 2,
      ids: 3,
    });
  });

  it('masks ids in the message that fails the build', () => {
    expect(maskId('SHOP-0001')).toBe('SH*******');
    expect(maskId('张三丰')).toBe('张三*');
    const message = formatLeaks([{ file: 'a/index.html', report: 'shop', id: 'SHOP-0001', where: '2:30' }]);
    expect(message).toContain('privacy scan: 1 customer id found in the built site');
    expect(message).toContain('a/index.html:2:30: customer id SH******* of report "shop"');
    expect(message).not.toContain('SHOP-0001');
  });
});
