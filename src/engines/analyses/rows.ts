/**
 * Rows as engines return them: objects keyed by column name, with numbers
 * that may arrive as bigint (DuckDB), numeric strings (ClickHouse's 64-bit
 * integers in JSON, PostgreSQL's bigint and numeric) or numbers.
 */
export type EngineRow = Record<string, unknown>;

/** A number from an engine cell; null stays null. */
export function cellNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw new Error(`engine returned a non-numeric value where a number was expected: ${typeof value}`);
}

/** A count: null (an aggregate over no rows) reads as 0. */
export function cellCount(value: unknown): number {
  return cellNumber(value) ?? 0;
}

export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The named queries of one analysis, run in order; results come back by the same names. */
export type Queries = Record<string, string>;
export type QueryRows = Record<string, EngineRow[]>;
