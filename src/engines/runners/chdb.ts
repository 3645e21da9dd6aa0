/**
 * chdb: the ClickHouse engine in process, on local CSV or Parquet files or
 * tables in a session directory. The `chdb` package is large (about 550 MB),
 * so it is an optional install, loaded only when asked for. Its memory is
 * bounded: sorts and GROUP BYs spill to the session directory past a
 * quarter of the budget (`--memory-limit`, default half the machine's memory),
 * and with `--memory-limit` a query that still needs more fails cleanly
 * instead of being killed by the system.
 *
 * @example
 *   const engine = await openChdbEngine({ memoryLimit: '8GB' });
 *   await engine.query("SELECT count() AS n FROM file('events.parquet')");
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { cellText } from '../analyses/rows.ts';
import { EngineError, type Engine } from '../engine.ts';
import { clickhouseDialect } from '../sql/dialects/clickhouse.ts';
import { checkClickhouseVersion, rowsFromJsonEachRow } from './clickhouseRows.ts';

interface ChdbSession {
  query(sql: string, format?: string): string;
  cleanup(): void;
}
interface ChdbModule {
  Session: new (path?: string, options?: { connectionArgs?: readonly string[] }) => ChdbSession;
}

export interface ChdbOptions {
  /** A budget such as `8GB` (decimal units; `GiB` for binary); default half the machine's memory. */
  memoryLimit?: string;
  /** Where the session directory (and so the spill files) goes; default the system's temp directory. */
  tempDirectory?: string;
}

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a size such as `4GB` or `512MiB`, as DuckDB reads them; null when it is not one. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?\s*$/i.exec(text);
  const unit = UNITS[(match?.[2] ?? 'b').toLowerCase()];
  if (match === null || unit === undefined) return null;
  return Math.floor(Number(match[1]) * unit);
}

/**
 * ClickHouse settings that keep a query within `budget` bytes: sorts (and so
 * window functions' input) and GROUP BYs spill to disk past a quarter of it
 * each; `hardLimit` also caps the query at the budget. Joins keep the default
 * in-memory hash join: the funnel's right sides are one step's rows only, and
 * grace_hash was slower (42 s against 30 s at 2M events) without using less.
 */
export function chdbMemorySettings(budget: number, hardLimit: boolean): Record<string, number | string> {
  const spillAt = Math.floor(budget / 4);
  return {
    max_bytes_before_external_sort: spillAt,
    max_bytes_before_external_group_by: spillAt,
    ...(hardLimit ? { max_memory_usage: budget } : {}),
  };
}

/** The chdb module, or null when it is not installed. */
export function loadChdb(): ChdbModule | null {
  try {
    return createRequire(import.meta.url)('chdb') as ChdbModule;
  } catch {
    return null;
  }
}

export const CHDB_MISSING = 'chdb is not installed: run `npm install chdb` (about 550 MB) to use --engine chdb';

export function openChdbEngine(options: ChdbOptions = {}): Promise<Engine> {
  const chdb = loadChdb();
  if (chdb === null) return Promise.reject(new EngineError(CHDB_MISSING));
  const budget = options.memoryLimit === undefined ? Math.floor(totalmem() / 2) : parseByteSize(options.memoryLimit);
  if (budget === null)
    return Promise.reject(
      new EngineError(`chdb: --memory-limit expects a size such as 8GB (got "${options.memoryLimit}")`),
    );
  const directory = mkdtempSync(join(options.tempDirectory ?? tmpdir(), 'journey-chdb-'));
  const settings = Object.entries(chdbMemorySettings(budget, options.memoryLimit !== undefined));
  const session = new chdb.Session(directory, {
    connectionArgs: [`--tmp_path=${join(directory, 'tmp')}/`, ...settings.map(([name, value]) => `--${name}=${value}`)],
  });
  const run = (sql: string, format: string) => {
    try {
      return session.query(sql, format);
    } catch (error) {
      throw new EngineError(`chdb: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
  };
  const query = (sql: string) => Promise.resolve(rowsFromJsonEachRow(run(sql, 'JSONEachRow')));
  return Promise.resolve({
    name: 'chdb',
    dialect: clickhouseDialect,
    query,
    execute: (sql) => {
      run(sql, 'CSV');
      return Promise.resolve();
    },
    version: async () => checkClickhouseVersion(cellText((await query('SELECT version() AS v'))[0]?.v) ?? '', 'chdb'),
    columns: async (relation) =>
      (await query(`DESCRIBE TABLE ${relation}`)).map((row) => ({ name: String(row.name), type: String(row.type) })),
    close: () => {
      session.cleanup();
      rmSync(directory, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
}
