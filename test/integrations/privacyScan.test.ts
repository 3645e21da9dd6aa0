/**
 * The privacy scan's parts on fixture files: ids collected from every report's
 * data (files and cached loader output, nothing run), leaks found in text and
 * in file names, masked in the message.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerIdsByReport, formatLeaks, maskId, scanOutput } from '../../src/integrations/privacyScan.ts';

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
  await writeFile(join(out, 'clean.js'), 'export const rows = ["SHOP-00012", "xSHOP-0001"];');
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

  it('masks ids in the message that fails the build', () => {
    expect(maskId('SHOP-0001')).toBe('SH*******');
    expect(maskId('张三丰')).toBe('张三*');
    const message = formatLeaks([{ file: 'a/index.html', report: 'shop', id: 'SHOP-0001', where: '2:30' }]);
    expect(message).toContain('privacy scan: 1 customer id found in the built site');
    expect(message).toContain('a/index.html:2:30: customer id SH******* of report "shop"');
    expect(message).not.toContain('SHOP-0001');
  });
});
