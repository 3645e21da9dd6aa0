/**
 * The result of checking an event log: the `check` JSON shape of spec §11.
 *
 * @example
 *   { rows: 2, customers: 1, events: 2, first: '2024-03-10T00:00:00.000Z', last: ..., columns: { found: [...], mapped: { customer_id: '客户编号' } }, errors: [], warnings: [] }
 */
import type { Issue } from './issues.ts';

export interface CheckSummary {
  /** Rows in the loaded table (after --skip-invalid and --dedupe). */
  rows: number;
  /** Distinct customer ids. */
  customers: number;
  /** Distinct event names. */
  events: number;
  /** Earliest and latest timestamp as ISO 8601 UTC, `null` without rows. */
  first: string | null;
  last: string | null;
  columns: {
    /** The file's columns, in file order. */
    found: string[];
    /** Canonical name -> the file's column it was read from. */
    mapped: Record<string, string>;
  };
  errors: Issue[];
  warnings: Issue[];
}
