/**
 * An engine runs SQL where the data lives and returns rows of aggregates; it
 * knows its dialect, its version and a table's columns (checked at connect
 * time). Runners live in runners/, one per engine.
 *
 * @example
 *   const engine = await openDuckdbEngine({ memoryLimit: '4GB' });
 *   const rows = await runQueries(engine, funnelQueries(spec, source, engine.dialect));
 */
import type { EngineRow, Queries, QueryRows } from './analyses/rows.ts';
import type { Dialect } from './sql/dialect.ts';

export const ENGINE_NAMES = ['duckdb', 'chdb', 'clickhouse', 'postgres', 'spark'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface TableColumn {
  name: string;
  type: string;
}

export interface Engine {
  name: EngineName;
  dialect: Dialect;
  query(sql: string): Promise<EngineRow[]>;
  /** A statement without rows (settings, loading test data). */
  execute(sql: string): Promise<void>;
  version(): Promise<string>;
  /** The columns of a table (or file relation), in order. */
  columns(relation: string): Promise<TableColumn[]>;
  close(): Promise<void>;
}

/** An engine that cannot be reached or used: printed as is, never with a stack trace. */
export class EngineError extends Error {
  override name = 'EngineError';
}

/** Runs each named query in turn. */
export async function runQueries(engine: Engine, queries: Queries): Promise<QueryRows> {
  const rows: QueryRows = {};
  for (const [name, sql] of Object.entries(queries)) rows[name] = await engine.query(sql);
  return rows;
}
