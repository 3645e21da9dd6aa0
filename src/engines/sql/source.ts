/**
 * Where an engine reads the event log: a table (or a file expression for the
 * embedded engines), the mapping of spec column names to its columns, and the
 * column that settles ties in time (spec §3 "then by input order"). Every
 * analysis starts from one normalised CTE, `ev`, with the columns rid,
 * customer_id, ts (epoch ms, UTC) and event, plus the optional columns it uses.
 *
 * @example
 *   const source = eventSource({ table: 'analytics.events', columns: { customer_id: 'user_id' }, orderBy: 'event_seq' });
 *   eventsCte(source, duckdbDialect, ['channel']);
 *   // ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, ...)
 */
import type { Dialect } from './dialect.ts';

export type TimestampKind = 'timestamp' | 'epoch_ms' | 'text';

export interface EventSource {
  /** A table name (`schema.table`), quoted per dialect; or, when `relation` is set, ignored. */
  table: string;
  /** A ready FROM expression (e.g. `read_parquet('events.parquet')`), used as is. */
  relation: string | null;
  /** Spec column name -> the table's column name, for the columns the table has. */
  columns: Record<string, string>;
  /** The column that orders events with equal timestamps; null: event name, then customer id. */
  orderBy: string | null;
  /** A TIMESTAMP column, epoch milliseconds in a number column, or ISO 8601 text (UTC unless it has an offset). */
  timestampKind: TimestampKind;
}

export interface EventSourceInput {
  table: string;
  relation?: string | null;
  columns?: Record<string, string>;
  orderBy?: string | null;
  timestampKind?: TimestampKind;
}

const REQUIRED = ['customer_id', 'timestamp', 'event'];

export function eventSource(input: EventSourceInput): EventSource {
  const columns: Record<string, string> = {};
  for (const name of REQUIRED) columns[name] = name;
  Object.assign(columns, input.columns ?? {});
  return {
    table: input.table,
    relation: input.relation ?? null,
    columns,
    orderBy: input.orderBy ?? null,
    timestampKind: input.timestampKind ?? 'timestamp',
  };
}

/** Whether the source maps an optional column (stage, channel, value, ...). */
export function hasSourceColumn(source: EventSource, name: string): boolean {
  return name in source.columns;
}

/** A table name `a.b` quoted part by part. */
export function tableReference(source: EventSource, dialect: Dialect): string {
  if (source.relation !== null) return source.relation;
  return source.table
    .split('.')
    .map((part) => dialect.identifier(part))
    .join('.');
}

const TEXT_COLUMNS = new Set(['stage', 'channel', 'segment']);
const NUMBER_COLUMNS = new Set(['value', 'satisfaction']);

/**
 * The `ev` CTE. `extra` maps output aliases to the spec columns beyond the
 * required ones to carry (absent optional ones become NULL); a name that is not
 * a spec column (a funnel's `by`) is read from the table's column of that name.
 */
export function eventsCte(source: EventSource, dialect: Dialect, extra: Record<string, string> = {}): string {
  const column = (name: string) => dialect.identifier(source.columns[name] ?? name);
  const timestamp = column('timestamp');
  const ts =
    source.timestampKind === 'epoch_ms'
      ? `CAST(${timestamp} AS BIGINT)`
      : dialect.epochMs(source.timestampKind === 'text' ? dialect.parseTimestamp(timestamp) : timestamp);
  // Without an order column, ties fall back to a deterministic order the engine can compute.
  const rid = source.orderBy === null ? '0' : dialect.identifier(source.orderBy);
  const selected = [
    `${rid} AS rid`,
    `${dialect.text(column('customer_id'))} AS customer_id`,
    `${ts} AS ts`,
    `${dialect.text(column('event'))} AS event`,
  ];
  for (const [alias, name] of Object.entries(extra)) {
    const present = hasSourceColumn(source, name) || !(TEXT_COLUMNS.has(name) || NUMBER_COLUMNS.has(name));
    if (!present) selected.push(`NULL AS ${alias}`);
    else if (NUMBER_COLUMNS.has(name)) selected.push(`${dialect.double(column(name))} AS ${alias}`);
    else selected.push(`${dialect.text(column(name))} AS ${alias}`);
  }
  return `ev AS (SELECT ${selected.join(', ')} FROM ${tableReference(source, dialect)})`;
}

/** The ORDER BY that settles ties after the timestamp (and a funnel's tie rank). */
export function tieOrder(source: EventSource): string {
  return source.orderBy === null ? 'event, customer_id' : 'rid';
}
