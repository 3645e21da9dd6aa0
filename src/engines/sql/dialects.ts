/**
 * The dialects by name (`chdb` speaks ClickHouse's).
 *
 * @example
 *   dialectByName('postgres').median('x'); // 'percentile_cont(0.5) WITHIN GROUP (ORDER BY x)'
 */
import type { Dialect } from './dialect.ts';
import { clickhouseDialect } from './dialects/clickhouse.ts';
import { duckdbDialect } from './dialects/duckdb.ts';
import { postgresDialect } from './dialects/postgres.ts';
import { sparkDialect } from './dialects/spark.ts';

const BY_NAME: Record<string, Dialect> = {
  duckdb: duckdbDialect,
  clickhouse: clickhouseDialect,
  chdb: clickhouseDialect,
  postgres: postgresDialect,
  spark: sparkDialect,
};

export function dialectByName(name: string): Dialect {
  const dialect = BY_NAME[name];
  if (dialect === undefined) throw new Error(`unknown dialect "${name}" (expected ${Object.keys(BY_NAME).join(', ')})`);
  return dialect;
}
