/**
 * Connecting to an engine for an analysis, with the checks made before any
 * query: the engine's version (ClickHouse needs window functions), the table's
 * columns against the mapping (a missing column lists the table's columns),
 * and how its timestamp is stored. For the embedded engines `table` may be a
 * file: DuckDB reads CSV, Parquet or a `.duckdb` database (`FILE.duckdb#TABLE`,
 * default table `events`); chdb reads CSV or Parquet. A file's row number settles
 * ties unless `orderBy` names a column.
 *
 * @example
 *   const { engine, source } = await connectEngine({ engine: 'postgres', table: 'analytics.events', map: {} }, process.env);
 */
import { resolve } from 'node:path';
import { EVENT_COLUMNS, REQUIRED_COLUMNS } from '../analytics/events.ts';
import { EngineError, type Engine, type EngineName, type TableColumn } from './engine.ts';
import { eventSource, type EventSource, type TimestampKind } from './sql/source.ts';
import { openChdbEngine } from './runners/chdb.ts';
import { openClickhouseEngine } from './runners/clickhouse.ts';
import { openDuckdbEngine } from './runners/duckdb.ts';
import { openPostgresEngine } from './runners/postgres.ts';
import { openSparkEngine } from './runners/spark.ts';

export interface ConnectOptions {
  engine: EngineName;
  /** A table name, or a file for duckdb and chdb. */
  table: string;
  /** Spec column name -> the table's column. */
  map?: Record<string, string>;
  /** The column settling ties in time; default: the file's row number, when there is one. */
  orderBy?: string | null;
  /** Extra columns the analysis reads (a funnel's `by`). */
  needs?: string[];
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
  cwd?: string;
}

export interface Connected {
  engine: Engine;
  source: EventSource;
  version: string;
}

const FILE = /\.(csv|tsv|parquet|duckdb)(#.*)?$/i;

async function open(options: ConnectOptions, environment: NodeJS.ProcessEnv): Promise<Engine> {
  switch (options.engine) {
    case 'duckdb': {
      const database = /\.duckdb(#|$)/i.test(options.table) ? options.table.replace(/#.*$/, '') : undefined;
      return openDuckdbEngine({
        database: database === undefined ? undefined : resolve(options.cwd ?? '.', database),
        memoryLimit: options.memoryLimit,
        threads: options.threads,
        tempDirectory: options.tempDirectory,
      });
    }
    case 'chdb':
      return openChdbEngine({ memoryLimit: options.memoryLimit, tempDirectory: options.tempDirectory });
    case 'clickhouse':
      return openClickhouseEngine(environment);
    case 'postgres':
      return openPostgresEngine(environment);
    case 'spark':
      return openSparkEngine(environment);
  }
}

/** The FROM expression and default order column of a file or table. */
async function relationOf(
  engine: Engine,
  options: ConnectOptions,
): Promise<{ table: string; relation: string | null; rowNumber: string | null }> {
  const d = engine.dialect;
  if (
    !FILE.test(options.table) ||
    engine.name === 'postgres' ||
    engine.name === 'clickhouse' ||
    engine.name === 'spark'
  )
    return { table: options.table, relation: null, rowNumber: null };
  const [file = '', inner] = options.table.split('#');
  const path = d.string(resolve(options.cwd ?? '.', file));
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (engine.name === 'duckdb') {
    if (extension === 'duckdb') return { table: inner ?? 'events', relation: null, rowNumber: null };
    if (extension === 'parquet')
      return { table: file, relation: `read_parquet(${path}, file_row_number = true)`, rowNumber: 'file_row_number' };
    // CSV: copied into a table, whose rowid is the file's row order (insertion order is kept).
    await engine.execute(`CREATE TEMP TABLE journey_source AS SELECT * FROM read_csv(${path}, header = true)`);
    return { table: 'journey_source', relation: null, rowNumber: 'rowid' };
  }
  const format = extension === 'parquet' ? 'Parquet' : extension === 'tsv' ? 'TSVWithNames' : 'CSVWithNames';
  // ClickHouse's file() numbers the rows it reads: the virtual column _row_number.
  return { table: file, relation: `file(${path}, ${format})`, rowNumber: '_row_number' };
}

function timestampKind(type: string): TimestampKind {
  if (/int|numeric|decimal|double|float|real/i.test(type)) return 'epoch_ms';
  if (/char|text|string/i.test(type)) return 'text';
  return 'timestamp';
}

/** Opens the engine, checks version and columns, and describes the event source. */
export async function connectEngine(options: ConnectOptions, environment: NodeJS.ProcessEnv): Promise<Connected> {
  const engine = await open(options, environment);
  try {
    const version = await engine.version();
    const { table, relation, rowNumber } = await relationOf(engine, options);
    const reference =
      relation ??
      table
        .split('.')
        .map((part) => engine.dialect.identifier(part))
        .join('.');
    let columns: TableColumn[];
    try {
      columns = await engine.columns(engine.name === 'postgres' ? table : reference);
    } catch (error) {
      throw new EngineError(`${options.engine}: cannot read the columns of ${table}: ${(error as Error).message}`);
    }
    if (columns.length === 0)
      throw new EngineError(`${options.engine}: no table ${table} (or no permission to read it)`);
    const names = new Set(columns.map((column) => column.name));
    const map = options.map ?? {};
    const mapping: Record<string, string> = {};
    for (const name of EVENT_COLUMNS) {
      const column = map[name] ?? name;
      if (names.has(column)) mapping[name] = column;
      else if ((REQUIRED_COLUMNS as readonly string[]).includes(name) || map[name] !== undefined)
        throw new EngineError(
          `${table}: no column "${column}" for ${name} (columns: ${[...names].join(', ')}); map it with --map ${name}=<column>`,
        );
    }
    for (const needed of options.needs ?? [])
      if (!names.has(needed))
        throw new EngineError(`${table}: no column "${needed}" (columns: ${[...names].join(', ')})`);
    const orderBy = options.orderBy ?? rowNumber;
    if (orderBy !== null && orderBy !== rowNumber && !names.has(orderBy))
      throw new EngineError(`${table}: no column "${orderBy}" for --order-by (columns: ${[...names].join(', ')})`);
    const timestampType = columns.find((column) => column.name === mapping.timestamp)?.type ?? '';
    const source = eventSource({
      table,
      relation,
      columns: mapping,
      orderBy,
      timestampKind: timestampKind(timestampType),
    });
    return { engine, source, version };
  } catch (error) {
    await engine.close();
    throw error;
  }
}
