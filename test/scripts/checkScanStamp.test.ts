/**
 * The Pages workflow's stamp check (scripts/check-scan-stamp.mjs) against
 * stamps the privacy scan itself writes: it passes a scanned output and
 * refuses one without a stamp, with a failed scan, or changed after the scan.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyScan, SCAN_STAMP } from '../../src/integrations/privacyScan.ts';

const script = join(import.meta.dirname, '../../scripts/check-scan-stamp.mjs');
let root = '';

/** Runs the check in `root`; its exit code and output. */
async function check(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [script, dir], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Builds `dir` with `files` and runs the real privacy scan over it (ids: one report's u1000011). */
async function scanned(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(join(root, dir, 'a'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, dir, name), text);
  const integration = privacyScan({
    ids: () => Promise.resolve({ ids: new Map([['shop', new Set(['u1000011'])]]), notes: [] }),
  });
  const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
  await hooks['astro:config:done']!({ config: { root: pathToFileURL(root + '/') } });
  const logger = { info: () => {}, warn: () => {} };
  await hooks['astro:build:done']!({ dir: pathToFileURL(join(root, dir) + '/'), logger });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'scan-stamp-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('check-scan-stamp (the Pages workflow gate)', () => {
  it('passes an output the privacy scan passed', async () => {
    await scanned('clean', { 'index.html': '<p>12 customers</p>', 'a/b.csv': 'step,customers\nvisit,12\n' });
    expect(JSON.parse(await readFile(join(root, 'clean', SCAN_STAMP), 'utf8'))).toMatchObject({ files: 2 });
    expect(await check('clean')).toEqual({ code: 0, stdout: 'clean: privacy scan passed\n', stderr: '' });
  });

  it('refuses an output whose scan failed (no stamp)', async () => {
    await expect(scanned('leaky', { 'index.html': '<p>u1000011</p>' })).rejects.toThrow(
      'privacy scan: 1 customer id found in the built site',
    );
    expect(await check('leaky')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'not publishing: leaky/ has no .journey-privacy-scan.json: the privacy scan did not pass (or never ran) — see the build log\n',
    });
  });

  it('refuses an output changed after the scan, a forged stamp and a missing folder', async () => {
    await scanned('changed', { 'index.html': '<p>12</p>' });
    await writeFile(join(root, 'changed/a/late.ndjson'), '{"customer_id":"u1000011"}\n');
    expect((await check('changed')).stderr).toBe(
      'not publishing: changed/ has 2 files but the privacy scan checked 1: it changed after the scan — build again\n',
    );
    await mkdir(join(root, 'forged'));
    await writeFile(join(root, 'forged', SCAN_STAMP), '{"passed": "yes"}');
    expect(await check('forged')).toMatchObject({
      code: 1,
      stderr:
        'not publishing: forged/.journey-privacy-scan.json does not say the scan passed ({"passed": true, "files": N}) — build again\n',
    });
    expect((await check('dist')).stderr).toBe('not publishing: dist/ does not exist — build first (npm run build)\n');
  });

  it('is a step of the Pages workflow, between the build and the upload', async () => {
    const workflow = await readFile(join(import.meta.dirname, '../../.github/workflows/deploy.yml'), 'utf8');
    const build = workflow.indexOf('run: npm run build');
    const gate = workflow.indexOf('run: node scripts/check-scan-stamp.mjs dist');
    const upload = workflow.indexOf('uses: actions/upload-pages-artifact');
    expect(build).toBeGreaterThan(0);
    expect(gate).toBeGreaterThan(build);
    expect(upload).toBeGreaterThan(gate);
  });
});
