import { describe, expect, it } from 'vitest';
import { checkRowCount, MAX_ROWS_PER_BYTE } from '../../../src/analytics/load/columnarEvents.ts';
import { DataError } from '../../../src/analytics/load/dataError.ts';

function messageOf(check: () => void): string | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof DataError)
      return error.issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`).join('\n');
    throw error;
  }
  return undefined;
}

describe('columnar footer row counts', () => {
  it('refuses a count the file size cannot hold (a 2.5 KB file claiming 5e8 rows)', () => {
    expect(messageOf(() => checkRowCount('a.parquet', 'Parquet', 5e8, 5e8, 2500))).toBe(
      '1:(file): damaged Parquet file (its footer claims 500000000 rows, more than a 2500-byte file can hold) — export it again as Parquet, or as CSV',
    );
  });

  it('refuses a negative count and parts that do not add up', () => {
    expect(messageOf(() => checkRowCount('a.arrow', 'Arrow IPC', -5, -5, 2500))).toBe(
      '1:(file): damaged Arrow IPC file (its footer claims -5 rows) — export it again as Arrow IPC, or as CSV',
    );
    expect(messageOf(() => checkRowCount('a.parquet', 'Parquet', 10, 7, 2500))).toBe(
      '1:(file): damaged Parquet file (its footer claims 10 rows but its parts hold 7) — export it again as Parquet, or as CSV',
    );
  });

  it('accepts counts up to the bound', () => {
    expect(
      messageOf(() => checkRowCount('a.parquet', 'Parquet', 2500 * MAX_ROWS_PER_BYTE, 2500 * MAX_ROWS_PER_BYTE, 2500)),
    ).toBeUndefined();
    expect(messageOf(() => checkRowCount('a.parquet', 'Parquet', 0, 0, 100))).toBeUndefined();
  });
});
