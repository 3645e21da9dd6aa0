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

/**
 * Rows of loaded columns: integer codes per row and how many distinct codes
 * there are, each of which occurs in some row (sinks intern only the values
 * of the rows they store).
 */
export interface CodedColumn {
  codes: Int32Array;
  distinct: number;
}

/**
 * The summary of loaded rows (those with `keep[i]` set, all when undefined):
 * counts, distinct customers and events, and the first and last instant.
 */
export function summarizeEvents(input: {
  customers: CodedColumn;
  events: CodedColumn;
  timestamps: Float64Array;
  keep: Uint8Array | undefined;
  found: readonly string[];
  mapped: Readonly<Record<string, string>>;
  errors: readonly Issue[];
  warnings: Issue[];
}): CheckSummary {
  const { customers, events, timestamps, keep } = input;
  let rows = 0;
  let customerCount = 0;
  let eventCount = 0;
  let first = Infinity;
  let last = -Infinity;
  if (!keep) {
    // Every row kept: every code occurs, so the distinct counts are the dictionaries' sizes.
    rows = timestamps.length;
    customerCount = customers.distinct;
    eventCount = events.distinct;
    for (let i = 0; i < timestamps.length; i++) {
      const t = timestamps[i]!;
      if (t < first) first = t;
      if (t > last) last = t;
    }
  }
  const customerSeen = new Uint8Array(keep ? customers.distinct : 0);
  const eventSeen = new Uint8Array(keep ? events.distinct : 0);
  for (let i = 0; keep && i < timestamps.length; i++) {
    if (!keep[i]) continue;
    rows++;
    const customer = customers.codes[i]!;
    if (!customerSeen[customer]) {
      customerSeen[customer] = 1;
      customerCount++;
    }
    const event = events.codes[i]!;
    if (!eventSeen[event]) {
      eventSeen[event] = 1;
      eventCount++;
    }
    const t = timestamps[i]!;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  return {
    rows,
    customers: customerCount,
    events: eventCount,
    first: rows > 0 ? new Date(first).toISOString() : null,
    last: rows > 0 ? new Date(last).toISOString() : null,
    columns: { found: [...input.found], mapped: { ...input.mapped } },
    errors: input.errors.slice(),
    warnings: input.warnings,
  };
}
