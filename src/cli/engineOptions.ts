/**
 * The options that send an analysis command to an engine instead of loading a
 * file into memory: `--engine`, `--table`, `--order-by` and DuckDB's
 * `--memory-limit`, `--threads`, `--temp-directory` (the first and last for chdb too). Connection settings come
 * from the environment (PG*, CLICKHOUSE_*, SPARK_REMOTE), never from files.
 */
import type { ParseArgsOptionsConfig } from 'node:util';
import { ENGINE_NAMES, type EngineName } from '../engines/engine.ts';
import { UsageError } from './command.ts';
import type { OptionValue } from './options.ts';

export const ENGINE_OPTIONS = {
  engine: { type: 'string' },
  table: { type: 'string' },
  'order-by': { type: 'string' },
  'memory-limit': { type: 'string' },
  threads: { type: 'string' },
  'temp-directory': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;

export const ENGINE_OPTIONS_HELP = [
  '  --engine NAME          run where the data lives: duckdb, chdb, clickhouse, postgres or spark',
  '                         (only aggregates come back; see README "Engines")',
  '  --table NAME|FILE      the events table (schema.table), or a CSV/Parquet/.duckdb file for',
  '                         duckdb and chdb; replaces the <file> argument',
  '  --order-by COLUMN      column that orders events with equal timestamps (default: the',
  "                         file's row number; tables: event name, then customer id)",
  '  --memory-limit SIZE    duckdb and chdb memory limit, e.g. 4GB (spills to --temp-directory;',
  "                         chdb's default: half the machine's memory)",
  '  --threads N            duckdb threads',
  '  --temp-directory DIR   where duckdb and chdb spill',
].join('\n');

export interface EngineArgs {
  engine: EngineName;
  table: string;
  orderBy: string | null;
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

/** The engine options, or null when `--engine` is absent (the in-memory engine). */
export function parseEngineArgs(values: Record<string, OptionValue>, file: string | undefined): EngineArgs | null {
  const engine = values.engine;
  if (typeof engine !== 'string') {
    if (typeof values.table === 'string') throw new UsageError('--table needs --engine, e.g. --engine duckdb');
    return null;
  }
  if (!(ENGINE_NAMES as readonly string[]).includes(engine))
    throw new UsageError(`unknown engine "${engine}" (expected ${ENGINE_NAMES.join(', ')})`);
  const table = typeof values.table === 'string' ? values.table : file;
  if (table === undefined || table === '')
    throw new UsageError(`--engine ${engine} needs --table NAME (or a file for duckdb and chdb)`);
  const threads = typeof values.threads === 'string' ? Number(values.threads) : undefined;
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new UsageError(`--threads expects a positive whole number (got "${String(values.threads)}")`);
  return {
    engine: engine as EngineName,
    table,
    orderBy: typeof values['order-by'] === 'string' ? values['order-by'] : null,
    memoryLimit: typeof values['memory-limit'] === 'string' ? values['memory-limit'] : undefined,
    threads,
    tempDirectory: typeof values['temp-directory'] === 'string' ? values['temp-directory'] : undefined,
  };
}
