/**
 * Shared by chdb and ClickHouse servers: rows from JSONEachRow text, and the
 * version check (window functions: ClickHouse 21.9 or newer).
 */
import { EngineError } from '../engine.ts';
import type { EngineRow } from '../analyses/rows.ts';

export function rowsFromJsonEachRow(text: string): EngineRow[] {
  const rows: EngineRow[] = [];
  for (const line of text.split('\n')) if (line.trim() !== '') rows.push(JSON.parse(line) as EngineRow);
  return rows;
}

/** Refuses a ClickHouse without window functions (before 21.9), saying which minimum is needed. */
export function checkClickhouseVersion(version: string, where: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < 21 || (major === 21 && minor < 9)) {
    throw new EngineError(
      `${where}: ClickHouse ${version} has no window functions; Journey Kit needs ClickHouse 21.9 or newer`,
    );
  }
  return version;
}
