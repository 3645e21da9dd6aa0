/**
 * What differs between the SQL engines we generate for (one small module per
 * dialect, as Malloy does): quoting, timestamps, medians, lead/lag past the
 * partition edge, local calendar periods and per-query settings. The analyses'
 * SQL is written once against this interface, in portable SQL (window
 * functions, equality joins, `CASE` sums, `row_number()` subqueries).
 *
 * @example
 *   const sql = funnelQueries(spec, source, duckdbDialect);
 */
import type { RetentionPeriod } from '../../analytics/analyses/spec.ts';

export const DIALECT_NAMES = ['duckdb', 'clickhouse', 'postgres', 'spark'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

export interface Dialect {
  name: DialectName;
  /** A quoted identifier (column or table name). */
  identifier: (name: string) => string;
  /** A quoted string literal. */
  string: (text: string) => string;
  /** A TIMESTAMP (or TIMESTAMPTZ) column as epoch milliseconds, a BIGINT; naive timestamps are UTC. */
  epochMs: (expression: string) => string;
  /** ISO 8601 text as a timestamp (UTC unless the text has an offset). */
  parseTimestamp: (expression: string) => string;
  /** A value as text (customer ids, event names, grouping values). */
  text: (expression: string) => string;
  /** A value as a double. */
  double: (expression: string) => string;
  /** The exact median (mean of the two middle values for an even count), NULLs ignored. */
  median: (expression: string) => string;
  /** `lag(expression)` over a window, NULL before the partition's first row. */
  lag: (expression: string, partitionBy: string, orderBy: string) => string;
  /** `lead(expression)` over a window, NULL after the partition's last row. */
  lead: (expression: string, partitionBy: string, orderBy: string) => string;
  /** The first local day of the period holding epoch ms `msExpression` in `timeZone`, as text `YYYY-MM-DD`. */
  periodLabel: (msExpression: string, period: RetentionPeriod, timeZone: string) => string;
  /** Appended to every query (engine settings the SQL relies on). */
  querySuffix: string;
}

/** `'it''s'`: the SQL-standard literal (backslashes are plain characters). */
export function standardString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `"name"`: the SQL-standard quoted identifier. */
export function standardIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
