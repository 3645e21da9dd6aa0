import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataError, loadEvents } from '../../../src/analytics/load/load.ts';
import { resolveLoadOptions, type LoadOptions } from '../../../src/analytics/load/loadOptions.ts';
import { claimBack, claimFront, expectedRows } from '../../../src/analytics/load/csvChunks.ts';
import { loadCsvInParallel } from '../../../src/analytics/load/parallelCsv.ts';
import type { LoadResult } from '../../../src/analytics/load/loadResult.ts';

const BAD = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'journey-parallel-'));
const NOW = Date.UTC(2026, 0, 1);

type Outcome = { table: Record<string, unknown[]>; summary: unknown } | { issues: unknown; total: number };

function outcomeOf(result: LoadResult): Outcome {
  const table: Record<string, unknown[]> = {};
  for (const name of result.table.columnNames())
    table[name] = Array.from(result.table.array(name) as ArrayLike<unknown>);
  return { table, summary: result.summary };
}

async function settle(load: () => Promise<LoadResult | undefined>): Promise<Outcome | undefined> {
  try {
    const result = await load();
    return result && outcomeOf(result);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { issues: error.issues, total: error.total };
  }
}

/** The single-threaded reader's outcome and the parallel one with `ranges` ranges on any file size. */
async function bothPaths(path: string, ranges: number, options: LoadOptions = {}, inThread = true) {
  const resolved = { ...options, now: NOW };
  const single = await settle(() => loadEvents(path, resolved));
  const parallel = await settle(() =>
    loadCsvInParallel(path, path, statSync(path).size, resolveLoadOptions(resolved), { ranges, minBytes: 0, inThread }),
  );
  return { single, parallel };
}

// Worker threads start slowly under vitest (TypeScript stripped in each); most
// cases run the ranges on this thread through the same hand-over, one through workers.
describe('loadCsvInParallel', { timeout: 120_000 }, () => {
  const fixtures = readdirSync(BAD).filter((name) => /\.(csv|tsv)$/.test(name));
  it.each(fixtures)('reads bad fixture %s as the single-threaded reader does', async (name) => {
    for (const ranges of [2, 3]) {
      for (const skipInvalid of [false, true]) {
        const { single, parallel } = await bothPaths(join(BAD, name), ranges, { skipInvalid });
        // undefined: the file needs the single-threaded reader (not UTF-8, no rows after the header...).
        if (parallel !== undefined) expect(parallel).toEqual(single);
      }
    }
  });

  it('takes the parallel path for UTF-8 fixtures with rows', async () => {
    for (const name of ['many-errors.csv', 'quoted-newline-shift.csv', 'ragged-short.csv', 'unterminated-quote.csv']) {
      const path = join(BAD, name);
      const parallel = await settle(() =>
        loadCsvInParallel(path, path, statSync(path).size, resolveLoadOptions({ now: NOW }), {
          ranges: 2,
          minBytes: 0,
          inThread: true,
        }),
      );
      expect(parallel, name).toBeDefined();
    }
  });

  it('re-parses ranges whose guessed boundary fell inside a quoted field', async () => {
    // Rows end in CRLF; every other line break is an LF inside a quoted note, so
    // the first LF after an even cut is almost always inside quotes.
    const rows = ['customer_id,timestamp,event,note'];
    for (let i = 0; i < 60; i++) {
      const note = `"${'line\n'.repeat(5 + (i % 7))}say ""hi""\n"`;
      const timestamp = i % 17 === 5 ? 'not-a-time' : `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 08:00`;
      rows.push(`c${i % 9},${timestamp},${i % 4 === 0 ? '' : `step${i % 3}`},${note}`);
    }
    rows.push('c1,2024-03-01 09:00,end,"never closed\nand on');
    const path = join(directory, 'quoted.csv');
    writeFileSync(path, rows.join('\r\n'));
    for (const ranges of [2, 3, 5, 8]) {
      for (const skipInvalid of [false, true]) {
        const { single, parallel } = await bothPaths(path, ranges, { skipInvalid, k: 1 });
        expect(parallel).toBeDefined();
        expect(parallel).toEqual(single);
      }
    }
    const { single } = await bothPaths(path, 2, { skipInvalid: true, k: 1 });
    // 60 rows: 15 without an event (i % 4 = 0), 3 more with a bad timestamp (i = 5, 22, 39; 56 has no event either).
    expect((single as { table: Record<string, unknown[]> }).table.event).toHaveLength(42);
  });

  it('reads a clean file split at real row boundaries into the same table', async () => {
    const rows = ['customer_id,timestamp,event,value'];
    for (let i = 0; i < 5000; i++)
      rows.push(`c${i % 101},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,e${i % 5},${i}`);
    const path = join(directory, 'clean.csv');
    writeFileSync(path, rows.join('\n') + '\n');
    const { single, parallel } = await bothPaths(path, 3, { k: 1 }, false);
    expect(parallel).toEqual(single);
    expect((parallel as { table: Record<string, unknown[]> }).table.value?.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('expects rows from the bytes per row of the first MiB, 3% over', () => {
    // 10,000 bytes at 10 bytes a row: 1,000 rows, 1,030 with the margin, plus 1,024.
    expect(expectedRows(10_000, 10)).toBe(2054);
    expect(expectedRows(10_000, undefined)).toBeUndefined();
  });

  it('hands out each chunk once, the front and the back meeting in between', () => {
    const claims = new Int32Array(new SharedArrayBuffer(4));
    expect([claimFront(claims, 5), claimBack(claims, 5), claimBack(claims, 5), claimFront(claims, 5)]).toEqual([
      0, 4, 3, 1,
    ]);
    expect(claimBack(claims, 5)).toBe(2);
    expect([claimFront(claims, 5), claimBack(claims, 5)]).toEqual([-1, -1]);
  });

  it('reads the same table when the first MiB misjudges the rows to come', async () => {
    // Long rows first then short ones (columns must grow far past the estimate), and the reverse
    // (columns allocated far too large, handed over at their exact length).
    const long = (i: number) =>
      `c${i % 997},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,e${i % 5},${i},${'n'.repeat(600)}`;
    const short = (i: number) => `c${i % 997},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,e${i % 5},${i},`;
    const longRows = Array.from({ length: 2000 }, (_, i) => long(i));
    const shortRows = Array.from({ length: 60_000 }, (_, i) => short(2000 + i));
    for (const [name, rows] of [
      ['long-first.csv', [...longRows, ...shortRows]],
      ['short-first.csv', [...shortRows, ...longRows]],
    ] as const) {
      const path = join(directory, name);
      writeFileSync(path, ['customer_id,timestamp,event,value,note', ...rows].join('\n') + '\n');
      const { single, parallel } = await bothPaths(path, 2, { k: 1 });
      expect(parallel).toBeDefined();
      expect(parallel).toEqual(single);
      expect((parallel as { table: Record<string, unknown[]> }).table.value).toHaveLength(62_000);
    }
  });
});
