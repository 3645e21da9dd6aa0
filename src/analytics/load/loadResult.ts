/**
 * What every loader returns: the canonical event table (see events.ts), the
 * spec §11 `check` summary, and how many invalid rows `skipInvalid` dropped.
 */
import type { ColumnTable } from 'arquero';
import type { CheckSummary } from './checkSummary.ts';

export interface LoadResult {
  table: ColumnTable;
  summary: CheckSummary;
  /** Rows dropped as invalid (with `skipInvalid`), not counting duplicates dropped by `dedupe`. */
  skipped: number;
  /** Exact duplicate rows dropped by `dedupe`. */
  duplicatesDropped: number;
}
