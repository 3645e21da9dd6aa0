/**
 * The one-report output folder: --out never takes a folder of user files, and
 * pdf prints only a scanned build made from the current sources.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_STAMP } from '../../src/integrations/privacyScan.ts';
import { whyNotPrintable } from '../../src/report/pdf.ts';
import { checkOutDir, OUTPUT_MARKER, publishOutput, reportSourcesHash } from '../../src/report/reportOutput.ts';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'report-output-'));
  await mkdir(join(root, 'content/reports/acme'), { recursive: true });
  await mkdir(join(root, 'data/reports/acme'), { recursive: true });
  await writeFile(join(root, 'content/reports/acme/index.mdx'), '# Acme\n');
  await writeFile(join(root, 'data/reports/acme/report.json'), '{}\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('--out', () => {
  it('refuses a folder of user files (--out data), leaving them as they were', async () => {
    await writeFile(join(root, 'data/notes.txt'), 'my notes\n');
    await expect(checkOutDir(join(root, 'data'), root)).rejects.toThrow(
      `--out data: the folder is not empty and holds no earlier output of journey build-report (no ${OUTPUT_MARKER}); nothing was changed. Choose a new or empty folder.`,
    );
    expect(await readFile(join(root, 'data/notes.txt'), 'utf8')).toBe('my notes\n');
    await expect(checkOutDir(root, root)).rejects.toThrow('the output folder would hold the project itself');
  });

  it('takes a new folder, an empty one, or an earlier output', async () => {
    await expect(checkOutDir(join(root, 'out/new'), root)).resolves.toBeUndefined();
    await mkdir(join(root, 'out/empty'), { recursive: true });
    await expect(checkOutDir(join(root, 'out/empty'), root)).resolves.toBeUndefined();
    await mkdir(join(root, 'staging'), { recursive: true });
    await writeFile(join(root, 'staging/index.html'), 'new');
    await publishOutput(join(root, 'staging'), join(root, 'out/empty'), { client: 'acme', sources: 'x' });
    await expect(checkOutDir(join(root, 'out/empty'), root)).resolves.toBeUndefined();
    expect(await readFile(join(root, 'out/empty/index.html'), 'utf8')).toBe('new');
  });
});

describe('pdf prints only a scanned build of the current sources', () => {
  it('names why it refuses, and accepts a fresh one', async () => {
    const site = join(root, 'dist-report/acme');
    await mkdir(site, { recursive: true });
    expect(await whyNotPrintable(root, 'acme', site)).toBe(
      'dist-report/acme/ is not a complete build that passed the privacy scan; run `journey build-report acme` first',
    );
    await writeFile(join(site, SCAN_STAMP), '{"passed":true}');
    await writeFile(
      join(site, OUTPUT_MARKER),
      JSON.stringify({ client: 'acme', sources: await reportSourcesHash(root, 'acme') }),
    );
    expect(await whyNotPrintable(root, 'acme', site)).toBeNull();
    await writeFile(join(root, 'content/reports/acme/index.mdx'), '# Acme, edited\n');
    expect(await whyNotPrintable(root, 'acme', site)).toBe(
      'dist-report/acme/ was built before the latest changes to content/reports/acme/ or data/reports/acme/; run `journey build-report acme` first, so the PDF shows the current report',
    );
  });
});
