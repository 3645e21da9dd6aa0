import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import { ndjsonEvents } from '../../../src/analytics/load/jsonEvents.ts';
import { resolveLoadOptions } from '../../../src/analytics/load/loadOptions.ts';
import { parseEvents } from '../../../src/analytics/load/parseEvents.ts';

const DEEP_MESSAGE =
  'nested deeper than 64 levels of arrays and objects — event values must be flat (text, numbers, dates): export one column per value';

async function issuesOf(load: () => Promise<unknown>): Promise<unknown> {
  try {
    await load();
  } catch (error) {
    if (error instanceof DataError) return error.issues;
    throw error;
  }
  throw new Error('expected a DataError');
}

const record = (extra: string) => `{"customer_id":"c1","timestamp":"2024-03-10 08:00","event":"visit","x":${extra}}`;
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON nesting and line limits', () => {
  it('refuses JSON nested 100,000 deep with a clear error, not a stack overflow', async () => {
    const text = `[\n${record('1')},\n${record(nested(100_000))}\n]`;
    const issues = await issuesOf(() => parseEvents(new TextEncoder().encode(text), 'deep.json'));
    expect(issues).toEqual([{ file: 'deep.json', line: 3, column: '(file)', message: DEEP_MESSAGE }]);
  });

  it('reads values nested up to the limit and refuses one level more', async () => {
    // The record is level 1 and x's arrays add the rest: 63 arrays reach 64 levels.
    const ok = await parseEvents(new TextEncoder().encode(`[${record(nested(63))}]`), 'ok.json');
    expect(ok.table.numRows()).toBe(1);
    const issues = await issuesOf(() => parseEvents(new TextEncoder().encode(`[${record(nested(64))}]`), 'deep.json'));
    expect(issues).toEqual([{ file: 'deep.json', line: 1, column: '(file)', message: DEEP_MESSAGE }]);
  });

  it('refuses an NDJSON record nested 100,000 deep at its line', async () => {
    const text = `${record('1')}\n${record(nested(100_000))}\n`;
    const issues = await issuesOf(() => parseEvents(new TextEncoder().encode(text), 'deep.ndjson'));
    expect(issues).toEqual([{ file: 'deep.ndjson', line: 2, column: '(record)', message: DEEP_MESSAGE }]);
  });

  it('refuses an NDJSON line over the cap and reads no further', () => {
    const reader = ndjsonEvents('long.ndjson', resolveLoadOptions({}), 1000);
    reader.push(`${record('1')}\n${record('"' + 'y'.repeat(600))}`);
    reader.push(`${'y'.repeat(600)}"}\n${record('2')}\n`);
    reader.end();
    expect(() => reader.result()).toThrow(DataError);
    try {
      reader.result();
    } catch (error) {
      expect((error as DataError).issues).toEqual([
        {
          file: 'long.ndjson',
          line: 2,
          column: '(record)',
          message:
            'line longer than 1000 characters, the most one NDJSON line may hold — write one event object per line; the file was read no further',
        },
      ]);
    }
  });
});
