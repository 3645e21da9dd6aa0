/** The golden-file check itself: it must fail where a golden cannot vouch for a chart. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkGolden, isCI, normaliseSvg } from './golden.ts';

const SVG = '<svg id="plot-3"><rect x="1.23456" width="-0.001" fill="url(#plot-3)"/></svg>';
const NORMALISED = '<svg id="id1">\n<rect x="1.23" width="0" fill="url(#id1)"/>\n</svg>\n';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'golden-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('golden files', () => {
  it('normalises numbers, ids and line breaks', () => {
    expect(normaliseSvg(SVG)).toBe(NORMALISED);
  });

  it('fails under CI=true when the golden file is missing, and writes nothing', async () => {
    vi.stubEnv('CI', 'true');
    const problem = await checkGolden('bar', SVG, { outputDir: dir });
    expect(problem).toBe(
      'test/output/bar.svg is missing: run the test outside CI to write it, look at it, then commit it',
    );
    expect(existsSync(join(dir, 'bar.svg'))).toBe(false);
  });

  it('writes a missing golden file outside CI and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await checkGolden('bar', SVG, { outputDir: dir, ci: false })).toBeNull();
    expect(await readFile(join(dir, 'bar.svg'), 'utf8')).toBe(NORMALISED);
    expect(warn).toHaveBeenCalledWith('[golden] wrote missing golden test/output/bar.svg; look at it, then commit it');
  });

  it('fails on a difference, under CI or not, and writes <name>-changed.svg', async () => {
    await writeFile(join(dir, 'bar.svg'), NORMALISED.replace('1.23', '1.24'));
    for (const ci of [true, false]) {
      expect(await checkGolden('bar', SVG, { outputDir: dir, ci })).toBe(
        'bar.svg differs from its golden file: see test/output/bar-changed.svg (replace the golden if the change is intended)',
      );
      expect(await readFile(join(dir, 'bar-changed.svg'), 'utf8')).toBe(NORMALISED);
    }
  });

  it('reads CI=true (and any value but false or 0) as CI', () => {
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({ CI: 'false' })).toBe(false);
    expect(isCI({ CI: '0' })).toBe(false);
    expect(isCI({ CI: '' })).toBe(false);
    expect(isCI({})).toBe(false);
  });
});
