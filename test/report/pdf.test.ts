import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingChromiumMessage, printReport } from '../../src/report/pdf.ts';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pdf-'));
  await mkdir(join(root, 'dist-report/acme/reports/acme'), { recursive: true });
  await writeFile(
    join(root, 'dist-report/acme/reports/acme/index.html'),
    '<!doctype html><html lang="en"><body></body></html>',
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('pdf', () => {
  it('says how to install Chromium when it is missing', async () => {
    await expect(printReport({ root, client: 'acme', chromiumPath: join(root, 'no-chromium') })).rejects.toThrow(
      missingChromiumMessage(join(root, 'no-chromium')),
    );
    expect(missingChromiumMessage('/usr/bin/chromium')).toContain('sudo apt-get install -y chromium fonts-noto-cjk');
  });

  it('asks for a build first when the report is not built', async () => {
    await expect(printReport({ root, client: 'other' })).rejects.toThrow(
      /no built report at .*dist-report\/other\/reports\/other\/index\.html: build it first with `npm run build:report -- other`/,
    );
  });
});
