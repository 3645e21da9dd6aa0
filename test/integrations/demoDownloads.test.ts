/**
 * The demo files served for download, and the privacy scan's one exemption:
 * exact copies of data/demo/ under the output's data/demo/, even where a demo
 * report reads those logs. A page or an altered copy holding their ids leaks.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDemoData } from '../../src/integrations/demoDownloads.ts';
import { customerIdsByReport, publicDemoCopies, scanOutput } from '../../src/integrations/privacyScan.ts';

let root = '';
let out = '';
const LOG = 'customer_id,timestamp,event\nDEMO-0001,2026-01-01T00:00:00Z,visit\nDEMO-0002,2026-01-02T00:00:00Z,visit\n';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'demo-downloads-'));
  out = join(root, 'dist');
  await mkdir(join(root, 'data/demo'), { recursive: true });
  await writeFile(join(root, 'data/demo/shop.csv'), LOG);
  await writeFile(join(root, 'data/demo/other.csv'), LOG.replaceAll('DEMO-', 'OTHER-'));
  await writeFile(join(root, 'data/demo/labels.json'), '{}\n');
  await writeFile(join(root, 'data/demo/README.md'), '# Demo data\n');
  // A demo report reading the demo log: its ids are protected everywhere else.
  await mkdir(join(root, 'data/reports/demo-shop'), { recursive: true });
  await writeFile(
    join(root, 'data/reports/demo-shop/report.json'),
    JSON.stringify({
      client: 'Demo',
      lang: 'en',
      sources: [{ path: '../../demo/shop.csv' }],
      other_sources: [{ path: '../../demo/other.csv' }],
      funnel: { steps: ['visit', 'buy'] },
    }),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('demo downloads', () => {
  it('copies every demo file but the README into the output', async () => {
    expect(await copyDemoData(root, out)).toEqual(['labels.json', 'other.csv', 'shop.csv']);
    expect((await readdir(join(out, 'data/demo'))).sort()).toEqual(['labels.json', 'other.csv', 'shop.csv']);
  });

  it('copies nothing from a project without data/demo/', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'demo-downloads-bare-'));
    expect(await copyDemoData(bare, join(bare, 'dist'))).toEqual([]);
    await rm(bare, { recursive: true, force: true });
  });

  it('exempts exact copies from the privacy scan, and nothing else', async () => {
    await writeFile(join(out, 'data/demo/other.csv'), LOG.replaceAll('DEMO-', 'OTHER-') + 'OTHER-0003,x,y\n');
    await mkdir(join(out, 'reports/demo-shop'), { recursive: true });
    await writeFile(join(out, 'reports/demo-shop/index.html'), '<p>Top customer: DEMO-0002</p>');
    const exempt = await publicDemoCopies(root, out);
    expect([...exempt].sort()).toEqual(['data/demo/labels.json', 'data/demo/shop.csv']);
    const { ids } = await customerIdsByReport(root);
    const { leaks } = await scanOutput(out, ids, undefined, exempt);
    expect(leaks.map((leak) => `${leak.file} ${leak.id}`).sort()).toEqual([
      'data/demo/other.csv OTHER-0001',
      'data/demo/other.csv OTHER-0002',
      'reports/demo-shop/index.html DEMO-0002',
    ]);
  });
});
