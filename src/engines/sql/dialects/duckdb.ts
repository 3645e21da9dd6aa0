/**
 * DuckDB's dialect: ICU time zones (`timezone(zone, timestamptz)` gives local
 * wall time), `median` is exact, `lag`/`lead` give NULL past the edge.
 */
import { standardIdentifier, standardString, type Dialect } from '../dialect.ts';

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  identifier: standardIdentifier,
  string: standardString,
  epochMs: (expression) => `epoch_ms(${expression})`,
  parseTimestamp: (expression) => `CAST(${expression} AS TIMESTAMPTZ)`,
  text: (expression) => `CAST(${expression} AS VARCHAR)`,
  double: (expression) => `CAST(${expression} AS DOUBLE)`,
  median: (expression) => `median(${expression})`,
  lag: (expression, partitionBy, orderBy) =>
    `lag(${expression}) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`,
  lead: (expression, partitionBy, orderBy) =>
    `lead(${expression}) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`,
  periodLabel: (ms, period, timeZone) => {
    const local = `timezone(${standardString(timeZone)}, make_timestamptz(CAST(${ms} AS BIGINT) * 1000))`;
    return `strftime(CAST(date_trunc('${period}', ${local}) AS DATE), '%Y-%m-%d')`;
  },
  querySuffix: '',
};
