/**
 * chdb: the ClickHouse engine in process, on local CSV or Parquet files or
 * tables in a session directory. The `chdb` package is large (about 550 MB),
 * so it is an optional install, loaded only when asked for.
 *
 * @example
 *   const engine = await openChdbEngine();
 *   await engine.query("SELECT count() AS n FROM file('events.parquet')");
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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
  Session: new (path?: string) => ChdbSession;
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

export function openChdbEngine(): Promise<Engine> {
  const chdb = loadChdb();
  if (chdb === null) return Promise.reject(new EngineError(CHDB_MISSING));
  const directory = mkdtempSync(join(tmpdir(), 'journey-chdb-'));
  const session = new chdb.Session(directory);
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
