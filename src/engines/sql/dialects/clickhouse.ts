/**
 * ClickHouse's dialect, shared by servers and chdb. Pitfalls handled here:
 * LEFT JOIN fills defaults instead of NULL unless `join_use_nulls = 1`;
 * `lagInFrame`/`leadInFrame` give defaults past the edge unless the argument is
 * Nullable (and need a whole-partition frame); `toStartOfWeek` starts on
 * Sunday unless mode 1; `median` is approximate, so `quantileExactInclusive`;
 * string literals process backslashes.
 */
import type { Dialect } from '../dialect.ts';

const wholePartition = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';

export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  identifier: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  string: (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
  epochMs: (expression) => `toUnixTimestamp64Milli(toDateTime64(${expression}, 3, 'UTC'))`,
  parseTimestamp: (expression) => `parseDateTime64BestEffort(${expression}, 3, 'UTC')`,
  text: (expression) => `toString(${expression})`,
  double: (expression) => `toFloat64(${expression})`,
  median: (expression) => `quantileExactInclusive(0.5)(${expression})`,
  lag: (expression, partitionBy, orderBy) =>
    `lagInFrame(toNullable(${expression}), 1) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy} ${wholePartition})`,
  lead: (expression, partitionBy, orderBy) =>
    `leadInFrame(toNullable(${expression}), 1) OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy} ${wholePartition})`,
  periodLabel: (ms, period, timeZone) => {
    const local = `toDate(fromUnixTimestamp64Milli(toInt64(${ms}), ${clickhouseDialect.string(timeZone)}))`;
    const start =
      period === 'day' ? local : period === 'week' ? `toStartOfWeek(${local}, 1)` : `toStartOfMonth(${local})`;
    return `toString(${start})`;
  },
  querySuffix: ' SETTINGS join_use_nulls = 1',
};
