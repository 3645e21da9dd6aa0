/**
 * DuckDB, embedded: reads CSV, Parquet or a `.duckdb` file itself, with
 * `memory_limit`, `threads` and `temp_directory` for files bigger than memory.
 *
 * @example
 *   const engine = await openDuckdbEngine({ memoryLimit: '4GB', tempDirectory: '/tmp/duck' });
 *   await engine.query('SELECT 1 AS one');
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { EngineError, type Engine, type TableColumn } from '../engine.ts';
import { cellText, type EngineRow } from '../analyses/rows.ts';
import { duckdbDialect } from '../sql/dialects/duckdb.ts';

export interface DuckdbOptions {
  /** A `.duckdb` database file; default: in memory. */
  database?: string;
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

export async function openDuckdbEngine(options: DuckdbOptions = {}): Promise<Engine> {
  const settings: Record<string, string> = {};
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  if (options.threads) settings.threads = String(options.threads);
  if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.database ?? ':memory:', settings);
  } catch (error) {
    throw new EngineError(
      `duckdb: cannot open ${options.database ?? 'an in-memory database'}: ${(error as Error).message}`,
    );
  }
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  const query = async (sql: string): Promise<EngineRow[]> => {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS();
  };
  return {
    name: 'duckdb',
    dialect: duckdbDialect,
    query,
    execute: async (sql) => {
      await connection.run(sql);
    },
    version: async () => cellText((await query('SELECT version() AS v'))[0]?.v) ?? '',
    columns: async (relation) =>
      (await query(`DESCRIBE SELECT * FROM ${relation}`)).map((row): TableColumn => ({
        name: String(row.column_name),
        type: String(row.column_type),
      })),
    close: () => {
      connection.closeSync();
      instance.closeSync();
      return Promise.resolve();
    },
  };
}
