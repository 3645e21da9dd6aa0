/**
 * The `journey` bin sizes Node's heap to the machine: a file whose estimated
 * need is over the default heap is loaded, where the unsized process refuses
 * it (naming the DuckDB engine) rather than die out of heap.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/journey.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'journey-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin under a 64 MB old space (a heap limit of about 112 MB), as a small default would. */
function runSmallHeap(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const { JOURNEY_HEAP_SIZED: _sized, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--max-old-space-size=64', BIN, ...argv], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
}

describe('journey (bin)', () => {
  it('re-runs a data command with a heap sized to the machine', { timeout: 120_000 }, () => {
    const records = 150_000;
    const path = join(dir, 'events.json');
    const rows = Array.from(
      { length: records },
      (_, i) => `{"customer_id":"c${String(i).padStart(6, '0')}","timestamp":"2024-03-04T09:00:00Z","event":"visit"}`,
    );
    writeFileSync(path, `[${rows.join(',\n')}]\n`);
    // About 12 MB of JSON, estimated at 12 bytes of memory per byte: more than a 112 MB heap.
    expect(statSync(path).size).toBe(11_700_001);
    const unsized = runSmallHeap(['check', path, '--json'], { JOURNEY_HEAP_SIZED: '1' });
    expect(unsized.status).toBe(1);
    const [error] = (JSON.parse(unsized.stdout) as { errors: { message: string }[] }).errors;
    // 11,700,001 bytes: 12 MB, and 12 times that, 134 MB; the heap's limit depends on the Node version.
    expect(error?.message).toMatch(
      /^a 12 MB file needs about 134 MB of memory to load, more than the 1\d\d MB available here — run the analysis with --engine duckdb, which reads the file from disk, or on a machine with more memory$/,
    );
    const sized = runSmallHeap(['check', path, '--json']);
    expect(sized.stderr).toBe('');
    expect(sized.status).toBe(0);
    expect((JSON.parse(sized.stdout) as { rows: number }).rows).toBe(records);
  });
});
