import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { StallsResult } from '../../src/analytics/analyses/stalls.ts';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'journey-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in a child with stdout piped to a reader that starts late, so the pipe fills; returns the bytes read. */
function runPiped(argv: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', MAIN, ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.pause();
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    setTimeout(() => child.stdout.resume(), 1500);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe('the CLI drains stdout before it exits', () => {
  it('prints all of a >1 MB --json answer into a pipe (was cut at 65,536 bytes)', { timeout: 60_000 }, async () => {
    const customers = 60_000;
    const ids = Array.from({ length: customers }, (_, i) => `cust-${String(i).padStart(6, '0')}`);
    const csv = join(dir, 'many.csv');
    writeFileSync(
      csv,
      'customer_id,timestamp,event\n' + ids.map((id) => `${id},2024-03-04T09:00:00Z,visit\n`).join(''),
    );
    const { code, stdout, stderr } = await runPiped([
      ...['stalls', csv, '--steps', 'visit,buy', '--older-than', '1d'],
      ...['--now', '2024-04-01T00:00:00Z', '--list', '--json'],
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.byteLength).toBeGreaterThan(1_000_000);
    const result = JSON.parse(stdout.toString('utf8')) as StallsResult;
    expect(result.steps[0]?.customer_ids).toEqual(ids);
    // The whole pretty-printed answer and its newline, byte for byte.
    expect(stdout.byteLength).toBe(Buffer.byteLength(JSON.stringify(result, null, 2)) + 1);
  });
});

describe('stderr is drained too', () => {
  it(
    'keeps all of a 1 MB message written just before the exit, into a pipe read late',
    { timeout: 60_000 },
    async () => {
      const exitModule = fileURLToPath(new URL('../../src/cli/exit.ts', import.meta.url));
      const script = `import { exitAfterDrain } from ${JSON.stringify(exitModule)};
process.stderr.write('e'.repeat(1_000_000) + '\\n');
await exitAfterDrain(3);`;
      const { code, stderr } = await new Promise<{ code: number | null; stderr: Buffer }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        const chunks: Buffer[] = [];
        child.stderr.pause();
        child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
        setTimeout(() => child.stderr.resume(), 1500);
        child.on('error', reject);
        child.on('close', (exitCode) => resolve({ code: exitCode, stderr: Buffer.concat(chunks) }));
      });
      expect(code).toBe(3);
      expect(stderr.byteLength).toBe(1_000_001);
    },
  );
});

describe('unexpected errors', () => {
  it('print one line without a stack trace, unless --verbose', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const { commands } = await import('../../src/cli/commands.ts');
    commands.explode = {
      summary: 'a test command that fails',
      load: () =>
        Promise.resolve({
          name: 'explode',
          help: 'Usage: journey explode',
          run: () => Promise.reject(new Error('disk full while writing /tmp/x')),
        }),
    };
    try {
      const run = async (...argv: string[]) => {
        let stderr = '';
        const code = await main(argv, { stdout: () => {}, stderr: (text) => (stderr += text), cwd: dir });
        return { code, stderr };
      };
      expect(await run('explode')).toEqual({
        code: 1,
        stderr: 'journey explode: disk full while writing /tmp/x\n(run again with --verbose to see where it happened)',
      });
      const verbose = await run('explode', '--verbose');
      expect(verbose.code).toBe(1);
      expect(verbose.stderr).toMatch(/^journey explode: Error: disk full while writing \/tmp\/x\n {4}at /);
    } finally {
      delete commands.explode;
    }
  });
});
