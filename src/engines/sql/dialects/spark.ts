/**
 * Spark SQL's dialect: backquoted identifiers, backslash escapes in string
 * literals, exact `percentile(x, 0.5)` for medians, `date_trunc('WEEK')` on
 * Monday. The session time zone must be UTC (the runner sets it).
 */
import type { Dialect } from '../dialect.ts';

export const sparkDialect: Dialect = {
  name: 'spark',
  identifier: (name) => `\`${name.replaceAll('`', '``')}\``,
  string: (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
  epochMs: (expression) => `unix_millis(${expression})`,
  parseTimestamp: (expression) => `to_timestamp(${expression})`,
  text: (expression) => `CAST(${expression} AS STRING)`,
  double: (expression) => `CAST(${expression} AS DOUBLE)`,
  median: (expression) => `percentile(${expression}, 0.5)`,
  lag: (expression, partitionBy, orderBy) =>
    `lag(${expression}) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`,
  lead: (expression, partitionBy, orderBy) =>
    `lead(${expression}) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy})`,
  periodLabel: (ms, period, timeZone) => {
    const zone = sparkDialect.string(timeZone);
    const local = `from_utc_timestamp(timestamp_millis(CAST(${ms} AS BIGINT)), ${zone})`;
    return `date_format(date_trunc('${period.toUpperCase()}', ${local}), 'yyyy-MM-dd')`;
  },
  querySuffix: '',
};
