/**
 * All-or-nothing writes: a failure or an interrupt while staging leaves the old
 * files as they were and no temporary file behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStaged } from '../../src/report/stagedFiles.ts';

const STAGED = fileURLToPath(new URL('../../src/report/stagedFiles.ts', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staged-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeStaged', () => {
  it('writes and copies every file', async () => {
    await writeFile(join(dir, 'source.csv'), 'a,b\n');
    await writeStaged([
      { path: join(dir, 'out/report.json'), text: '{}\n' },
      { path: join(dir, 'out/events.csv'), copyFrom: join(dir, 'source.csv') },
    ]);
    expect(await readFile(join(dir, 'out/report.json'), 'utf8')).toBe('{}\n');
    expect(await readFile(join(dir, 'out/events.csv'), 'utf8')).toBe('a,b\n');
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['events.csv', 'report.json']);
  });

  it('writes nothing when one file fails, and leaves no temporary file', async () => {
    await writeFile(join(dir, 'keep.json'), 'old\n');
    await expect(
      writeStaged([
        { path: join(dir, 'keep.json'), text: 'new\n' },
        { path: join(dir, 'copy.csv'), copyFrom: join(dir, 'no-such-file.csv') },
      ]),
    ).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dir, 'keep.json'), 'utf8')).toBe('old\n');
    expect(existsSync(join(dir, 'copy.csv'))).toBe(false);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('Ctrl-C while a copy is stuck leaves the old file and no temporary file (dies of SIGINT)', async () => {
    const folder = join(dir, 'interrupted');
    const fifo = join(dir, 'slow-source');
    execFileSync('mkfifo', [fifo]);
    await writeStaged([{ path: join(folder, 'events.csv'), text: 'the old data\n' }]);
    // The copy reads from a FIFO nobody writes to: it is stuck mid-way until interrupted.
    const script = [
      `import { writeStaged } from ${JSON.stringify(STAGED)};`,
      `process.stdout.write('staging\\n');`,
      `await writeStaged([`,
      `  { path: ${JSON.stringify(join(folder, 'report.json'))}, text: '{}' },`,
      `  { path: ${JSON.stringify(join(folder, 'events.csv'))}, copyFrom: ${JSON.stringify(fifo)} },`,
      `]);`,
    ].join('\n');
    const child = spawn(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Never leave the child behind, even when an assertion fails.
    afterAll(() => void child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // Wait until report.json is staged: the copy that follows is blocked on the FIFO.
    const staged = async () => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
    for (let i = 0; i < 100 && (await staged()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    expect(await staged()).toHaveLength(1);
    child.kill('SIGINT');
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_, signal) => resolve(signal)),
    );
    expect(signal).toBe('SIGINT');
    expect(stderr).toBe('\ninterrupted: nothing was written\n');
    expect(await readdir(folder)).toEqual(['events.csv']);
    expect(await readFile(join(folder, 'events.csv'), 'utf8')).toBe('the old data\n');
  });
});
