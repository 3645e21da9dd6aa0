import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/analytics/load/dataError.ts';
import { checkMemoryFits } from '../../../src/analytics/load/memoryNeed.ts';

const GB = 1024 ** 3;

describe('checkMemoryFits', () => {
  it('refuses a file whose estimated need exceeds the memory available, naming the DuckDB engine', () => {
    try {
      checkMemoryFits('huge.csv', 'csv', 20 * GB, 16 * GB);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).issues).toEqual([
        {
          file: 'huge.csv',
          line: 1,
          column: '(file)',
          message:
            'a 20.0 GB file needs about 60.0 GB of memory to load, more than the 16.0 GB available here — run the analysis with --engine duckdb, which reads the file from disk, or on a machine with more memory',
        },
      ]);
    }
  });

  it('lets through a file that fits, with format-specific estimates', () => {
    expect(() => checkMemoryFits('ok.csv', 'csv', 5 * GB, 16 * GB)).not.toThrow();
    expect(() => checkMemoryFits('a.json', 'json', 2 * GB, 16 * GB)).toThrow(DataError);
  });
});
