/**
 * PostgreSQL's dialect (and its family: Greenplum, Citus, Redshift): no
 * `median`, so `percentile_cont(0.5)`, which interpolates the two middle values;
 * `date_trunc('week')` starts on Monday (ISO).
 */
import { standardIdentifier, standardString, type Dialect } from '../dialect.ts';

export const postgresDialect: Dialect = {
  name: 'postgres',
  identifier: standardIdentifier,
  string: standardString,
  epochMs: (expression) => `CAST(round(extract(epoch FROM ${expression}) * 1000) AS BIGINT)`,
  parseTimestamp: (expression) => `CAST(${expression} AS TIMESTAMPTZ)`,
  text: (expression) => `CAST(${expression} AS TEXT)`,
  double: (expression) => `CAST(${expression} AS DOUBLE PRECISION)`,
  median: (expression) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expression})`,
  lag: (expression, partitionBy, orderBy) =>
    `lag(${expression}) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`,
  lead: (expression, partitionBy, orderBy) =>
    `lead(${expression}) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`,
  periodLabel: (ms, period, timeZone) => {
    const local = `(to_timestamp(${ms} / 1000.0) AT TIME ZONE ${standardString(timeZone)})`;
    return `to_char(date_trunc('${period}', ${local}), 'YYYY-MM-DD')`;
  },
  querySuffix: '',
};
