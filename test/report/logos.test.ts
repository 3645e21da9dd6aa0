import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataLoaders } from '../../src/report/dataLoaders.ts';
import { checkLogo, logoKind, removeUnusedLogos } from '../../src/report/logos.ts';
import { readReport } from '../../src/report/openReport.ts';

const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const text = (s: string) => new TextEncoder().encode(s);
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'logos-'));
  await mkdir(join(root, 'public/logos'), { recursive: true });
  await writeFile(
    join(root, 'public/logos/acme.svg'),
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  await writeFile(join(root, 'public/logos/fake.png'), '<html>not a logo</html>');
  await mkdir(join(root, 'data/reports/acme'), { recursive: true });
  await writeFile(
    join(root, 'data/reports/acme/report.json'),
    JSON.stringify({
      client: 'Acme',
      lang: 'en',
      logo: '/logos/missing.svg',
      sources: [{ path: 'e.csv' }],
      funnel: { steps: ['a', 'b'] },
    }),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('report logos', () => {
  it('tells SVG, PNG and JPEG by their first bytes, whatever the name', () => {
    expect(logoKind(PNG)).toBe('png');
    expect(logoKind(JPEG)).toBe('jpeg');
    expect(logoKind(text('\uFEFF<!-- made by hand -->\n<svg viewBox="0 0 1 1"></svg>'))).toBe('svg');
    expect(logoKind(text('<html><svg></svg></html>'))).toBeNull();
    expect(logoKind(Uint8Array.of(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF89a
  });

  it('names a missing logo, a file that is no image and a path outside the site', async () => {
    expect(await checkLogo(root, '/logos/acme.svg')).toBeNull();
    expect(await checkLogo(root, '/logos/missing.svg')).toBe(
      'logo /logos/missing.svg: there is no file public/logos/missing.svg — put the logo there',
    );
    expect(await checkLogo(root, '/logos/fake.png')).toBe(
      'logo /logos/fake.png: public/logos/fake.png is not an SVG, PNG or JPEG image (judged by its first bytes) — export the logo as one of those',
    );
    expect(await checkLogo(root, '../secret.svg')).toBe(
      'logo "../secret.svg": give its path on the site, under public/ (e.g. /logos/acme.svg)',
    );
  });

  it('fails a report build whose report.json names a missing logo', async () => {
    await expect(readReport('acme', root, createDataLoaders({ root }))).rejects.toThrow(
      'report acme: data/reports/acme/report.json: logo /logos/missing.svg: there is no file public/logos/missing.svg — put the logo there',
    );
  });

  it("leaves out of a one-report output every other report's logo, keeping the one its pages show", async () => {
    const out = join(root, 'dist-report/acme');
    await mkdir(join(out, 'logos/old'), { recursive: true });
    await mkdir(join(out, 'reports/acme'), { recursive: true });
    await writeFile(
      join(out, 'reports/acme/index.html'),
      '<img class="report-logo" src="/base/logos/acme.svg" alt="">',
    );
    for (const name of ['acme.svg', 'demo-bank.svg', 'old/other-client.png'])
      await writeFile(join(out, 'logos', name), 'x');
    expect(await removeUnusedLogos(out)).toEqual(['/logos/demo-bank.svg', '/logos/old/other-client.png']);
    const left = await readdir(out, { recursive: true });
    // Nothing of another report stays: no file or path names demo-bank or other-client.
    expect(left.filter((path) => /demo-bank|other-client/.test(path))).toEqual([]);
    expect(left.filter((path) => path.startsWith('logos/') && path.includes('.'))).toEqual(['logos/acme.svg']);
  });
});
