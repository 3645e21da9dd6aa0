/**
 * An independent implementation of the funnel (ordered and strict), paths and
 * retention of the spec in DuckDB SQL (window functions and joins), to
 * cross-check the TypeScript analyses and to benchmark against. Only spec
 * parsing is shared with src/; every figure is computed by SQL. Results come
 * back in the spec §11 shapes.
 *
 * The events table has columns rid (input order), customer_id, ts (epoch ms),
 * event, channel.
 *
 * @example
 *   const connection = await openDuckdb();
 *   await loadCsvIntoDuckdb(connection, 'events', 'bench/data/events-100000.csv');
 *   const result = await duckdbFunnel(connection, 'events', { steps: 'visit,purchase' });
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { FunnelResult, FunnelStepFigures } from '../../src/analytics/analyses/funnel.ts';
import type { PathsResult } from '../../src/analytics/analyses/paths.ts';
import type { RetentionResult } from '../../src/analytics/analyses/retention.ts';
import {
  parseFunnelSpec,
  parsePathsSpec,
  parseRetentionSpec,
  type FunnelSpecInput,
  type PathsSpecInput,
  type RetentionSpecInput,
} from '../../src/analytics/analyses/spec.ts';

export type { DuckDBConnection };

export async function openDuckdb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  return connection;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const list = (names: readonly string[]) => names.map(quote).join(', ');

type Row = Record<string, unknown>;

async function rows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : (value as number));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : num(value));

/**
 * Loads a CSV with `YYYY-MM-DD HH:MM:SS` (UTC) or ISO 8601 timestamps; input order
 * is kept as `rid` (DuckDB preserves insertion order, and rowid follows it).
 */
export async function loadCsvIntoDuckdb(
  connection: DuckDBConnection,
  tableName: string,
  csvPath: string,
): Promise<void> {
  const raw = ident(`${tableName}_raw`);
  await connection.run(
    `CREATE OR REPLACE TABLE ${raw} AS SELECT * FROM read_csv(${quote(csvPath)}, header = true, all_varchar = true)`,
  );
  await connection.run(
    `CREATE OR REPLACE TABLE ${ident(tableName)} AS
     SELECT rowid AS rid, customer_id, epoch_ms(CAST(timestamp AS TIMESTAMPTZ)) AS ts, event, channel
     FROM ${raw}`,
  );
  await connection.run(`DROP TABLE ${raw}`);
}

/** Loads column literals (as for eventTable) through an appender. */
export async function loadRowsIntoDuckdb(
  connection: DuckDBConnection,
  tableName: string,
  columns: {
    customer_id: ArrayLike<string>;
    timestamp: ArrayLike<number>;
    event: ArrayLike<string>;
    channel?: ArrayLike<string | null>;
  },
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TABLE ${ident(tableName)} (rid BIGINT, customer_id VARCHAR, ts BIGINT, event VARCHAR, channel VARCHAR)`,
  );
  const appender = await connection.createAppender(tableName);
  for (let row = 0; row < columns.customer_id.length; row++) {
    appender.appendBigInt(BigInt(row));
    appender.appendVarchar(columns.customer_id[row]!);
    appender.appendBigInt(BigInt(columns.timestamp[row]!));
    appender.appendVarchar(columns.event[row]!);
    const channel = columns.channel?.[row];
    if (channel === null || channel === undefined) appender.appendNull();
    else appender.appendVarchar(channel);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Funnel in SQL. Attempts start at each step-1 event; step k is the first event
 * (ordered: any later position; strict: the very next position) matching it
 * within the window of the attempt's start. Unordered mode is not implemented.
 */
/** The funnel's SQL (exported to EXPLAIN it). */
export function duckdbFunnelSql(tableName: string, specInput: FunnelSpecInput): string {
  const spec = parseFunnelSpec(specInput);
  if (spec.mode === 'unordered') throw new Error('duckdbFunnel: unordered mode is not implemented');
  const n = spec.steps.length;
  const windowMs = spec.windowSeconds * 1000;
  const tie = `CASE ${spec.steps.map((step, index) => `WHEN event IN (${list(step.events)}) THEN ${index}`).join(' ')} ELSE ${n} END`;
  const byColumn = spec.by === null ? 'NULL' : ident(spec.by);
  const matches = (k: number) => `event IN (${list(spec.steps[k - 1]!.events)})`;
  // next_k: the position that would match step k after this row: ordered, the
  // first later step-k event (a window over the following rows); strict, the
  // very next row if it is a step-k event.
  const nextColumns = Array.from({ length: n - 1 }, (_, i) => {
    const k = i + 2;
    return spec.mode === 'ordered'
      ? `min(CASE WHEN ${matches(k)} THEN pos END) OVER following AS next${k}`
      : `CASE WHEN lead(${matches(k)}) OVER ordered_rows THEN pos + 1 END AS next${k}`;
  }).join(', ');
  const ctes = [
    `o AS (SELECT customer_id, ts, event, ${byColumn} AS by_value,
       row_number() OVER (PARTITION BY customer_id ORDER BY ts, ${tie}, rid) AS pos
     FROM ${ident(tableName)})`,
    `nx AS (SELECT customer_id, pos, ts, by_value, ${matches(1)} AS is_start, ${nextColumns} FROM o
     WINDOW following AS (PARTITION BY customer_id ORDER BY pos ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING),
            ordered_rows AS (PARTITION BY customer_id ORDER BY pos))`,
    `m1 AS (SELECT customer_id, pos AS p1, ts AS t1, by_value, next2 AS candidate2 FROM nx WHERE is_start)`,
  ];
  for (let k = 2; k <= n; k++) {
    // The window test stays out of the ON clause so DuckDB keeps a hash join on the equalities.
    const inWindow = `x.ts - a.t1 <= ${windowMs}`;
    const carry = k < n ? `, CASE WHEN ${inWindow} THEN x.next${k + 1} END AS candidate${k + 1}` : '';
    ctes.push(
      `m${k} AS (SELECT a.*, CASE WHEN ${inWindow} THEN x.pos END AS p${k}, CASE WHEN ${inWindow} THEN x.ts END AS t${k}${carry}
       FROM m${k - 1} a LEFT JOIN nx x ON x.customer_id = a.customer_id AND x.pos = a.candidate${k})`,
    );
  }
  const reached = Array.from({ length: n - 1 }, (_, i) => `(p${i + 2} IS NOT NULL)::INT`).join(' + ');
  ctes.push(`attempts AS (SELECT *, 1 + ${reached} AS reached FROM m${n})`);
  // Each customer: the furthest step, from the earliest attempt reaching it.
  ctes.push(
    `customers AS (SELECT * FROM attempts
       QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY reached DESC, p1) = 1)`,
  );
  const figures = Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const count = `count(*) FILTER (WHERE reached >= ${k}) AS c${k}`;
    if (k === 1) return count;
    const gap = `(t${k} - t${k - 1}) / 1000.0`;
    return `${count}, median(${gap}) FILTER (WHERE reached >= ${k}) AS med${k}, avg(${gap}) FILTER (WHERE reached >= ${k}) AS mean${k}`;
  }).join(', ');
  const bucket = `COALESCE(NULLIF(by_value, ''), '(none)')`;
  const sql = `WITH ${ctes.join(',\n')}
    SELECT ${spec.by === null ? 'NULL' : bucket} AS bucket, ${figures} FROM customers
    GROUP BY ${spec.by === null ? '()' : `GROUPING SETS ((), (${bucket}))`}
    ORDER BY bucket NULLS FIRST`;
  return sql;
}

export async function duckdbFunnel(
  connection: DuckDBConnection,
  tableName: string,
  specInput: FunnelSpecInput,
): Promise<FunnelResult> {
  const spec = parseFunnelSpec(specInput);
  const result = await rows(connection, duckdbFunnelSql(tableName, specInput));
  const names = spec.steps.map((step) => step.name);
  const toSteps = (row: Row): FunnelStepFigures[] =>
    names.map((name, i) => {
      const k = i + 1;
      const customers = num(row[`c${k}`]);
      const first = num(row.c1);
      const previous = k === 1 ? customers : num(row[`c${k - 1}`]);
      return {
        step: k,
        name,
        customers,
        conversion_from_start: first === 0 ? null : customers / first,
        conversion_from_previous: previous === 0 ? null : customers / previous,
        dropped: previous - customers,
        median_seconds_from_previous: k === 1 ? null : numOrNull(row[`med${k}`]),
        mean_seconds_from_previous: k === 1 ? null : numOrNull(row[`mean${k}`]),
      };
    });
  const total = result.find((row) => row.bucket === null);
  const emptyTotal: Row = Object.fromEntries(names.map((_, i) => [`c${i + 1}`, 0]));
  const breakdown = result
    .filter((row) => row.bucket !== null)
    .map((row) => ({ value: row.bucket as string, steps: toSteps(row) }))
    .sort(
      (a, b) => b.steps[0]!.customers - a.steps[0]!.customers || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  return { mode: spec.mode, window_seconds: spec.windowSeconds, steps: toSteps(total ?? emptyTotal), breakdown };
}

/** Session paths and flow edges in SQL (ties in time keep input order). */
export async function duckdbPaths(
  connection: DuckDBConnection,
  tableName: string,
  specInput: PathsSpecInput = {},
): Promise<PathsResult> {
  const spec = parsePathsSpec(specInput);
  const gapMs = spec.sessionGapSeconds * 1000;
  const newSession = gapMs > 0 ? `ts - lag(ts) OVER w >= ${gapMs}` : 'false';
  const firstNode = spec.start === null ? '1' : `min(node) FILTER (WHERE event = ${quote(spec.start)})`;
  const sql = (select: string) => `WITH
    o AS (SELECT customer_id, ts, event, row_number() OVER (PARTITION BY customer_id ORDER BY ts, rid) AS pos FROM ${ident(tableName)}),
    g AS (SELECT *, CASE WHEN lag(ts) OVER w IS NULL OR ${newSession} THEN 1 ELSE 0 END AS cut
          FROM o WINDOW w AS (PARTITION BY customer_id ORDER BY pos)),
    s AS (SELECT *, sum(cut) OVER (PARTITION BY customer_id ORDER BY pos ROWS UNBOUNDED PRECEDING) AS session FROM g),
    c AS (SELECT *, lag(event) OVER (PARTITION BY customer_id, session ORDER BY pos) AS previous_event FROM s),
    n AS (SELECT customer_id, session, event, row_number() OVER (PARTITION BY customer_id, session ORDER BY pos) AS node
          FROM c WHERE ${spec.collapseRepeats ? 'previous_event IS NULL OR previous_event <> event' : 'true'}),
    f AS (SELECT customer_id, session, ${firstNode} AS first_node FROM n GROUP BY customer_id, session),
    e AS (SELECT n.customer_id, n.session, f.first_node,
            ${spec.end === null ? 'max(n.node)' : `min(n.node) FILTER (WHERE n.event = ${quote(spec.end)} AND n.node >= f.first_node)`} AS end_node
          FROM n JOIN f USING (customer_id, session) WHERE f.first_node IS NOT NULL
          GROUP BY n.customer_id, n.session, f.first_node),
    kept AS (SELECT n.customer_id, n.session, n.event, n.node - e.first_node + 1 AS position
             FROM n JOIN e USING (customer_id, session)
             WHERE e.end_node IS NOT NULL AND n.node >= e.first_node
               AND n.node <= least(e.end_node, e.first_node + ${spec.depth - 1}))
    ${select}`;
  // Materialise the kept nodes once; both queries read them.
  const kept = ident(`${tableName}_kept_nodes`);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${kept} AS ${sql('SELECT customer_id, session, event, position FROM kept')}`,
  );
  const pathRows = await rows(
    connection,
    `WITH p AS (SELECT customer_id, session, list(event ORDER BY position) AS path FROM ${kept} GROUP BY customer_id, session)
     SELECT path, count(*) AS sessions, count(DISTINCT customer_id) AS customers FROM p
     GROUP BY path ORDER BY sessions DESC, path ${spec.top === null ? '' : `LIMIT ${spec.top}`}`,
  );
  const edgeRows = await rows(
    connection,
    `WITH x AS (SELECT customer_id, position, event AS source,
                lead(event) OVER (PARTITION BY customer_id, session ORDER BY position) AS target FROM ${kept})
     SELECT position, source, target, count(*) AS sessions, count(DISTINCT customer_id) AS customers
     FROM x WHERE target IS NOT NULL GROUP BY position, source, target
     HAVING count(*) >= ${spec.minSessions}
     ORDER BY sessions DESC, position, source, target ${spec.edgeLimit === null ? '' : `LIMIT ${spec.edgeLimit}`}`,
  );
  await connection.run(`DROP TABLE ${kept}`);
  return {
    paths: pathRows.map((row) => ({
      path: row.path as string[],
      sessions: num(row.sessions),
      customers: num(row.customers),
    })),
    edges: edgeRows.map((row) => ({
      position: num(row.position),
      source: row.source as string,
      target: row.target as string,
      sessions: num(row.sessions),
      customers: num(row.customers),
    })),
  };
}

/** Cohort retention in SQL, periods from DuckDB's ICU time zones and date_trunc. */
export async function duckdbRetention(
  connection: DuckDBConnection,
  tableName: string,
  specInput: RetentionSpecInput = {},
): Promise<RetentionResult> {
  const spec = parseRetentionSpec(specInput);
  const unit = spec.period === 'month' ? 'month' : 'day';
  const periodOf = (column: string) =>
    `CAST(date_trunc('${spec.period}', timezone(${quote(spec.timeZone)}, make_timestamptz(${column} * 1000))) AS DATE)`;
  const offset = (from: string, to: string) =>
    spec.period === 'week' ? `date_diff('day', ${from}, ${to}) // 7` : `date_diff('${unit}', ${from}, ${to})`;
  const isStart = spec.startEvent === null ? 'true' : `event = ${quote(spec.startEvent)}`;
  const isReturn = spec.returnEvent === null ? 'true' : `event = ${quote(spec.returnEvent)}`;
  const base = `WITH
    p AS (SELECT customer_id, event, ${periodOf('ts')} AS period FROM ${ident(tableName)}),
    last AS (SELECT ${periodOf('max(ts)')} AS last_period FROM ${ident(tableName)}),
    cohorts AS (SELECT customer_id, min(period) AS cohort FROM p WHERE ${isStart} GROUP BY customer_id),
    returns AS (SELECT DISTINCT p.customer_id, c.cohort, ${offset('c.cohort', 'p.period')} AS k
                FROM p JOIN cohorts c USING (customer_id) WHERE ${isReturn} AND p.period > c.cohort)`;
  const counted =
    spec.mode === 'on'
      ? `${base} SELECT strftime(cohort, '%Y-%m-%d') AS label, k, count(*) AS n FROM returns GROUP BY cohort, k`
      : `${base}, furthest AS (SELECT customer_id, cohort, max(k) AS k FROM returns GROUP BY customer_id, cohort),
           spread AS (SELECT cohort, unnest(range(1, k + 1)) AS k FROM furthest)
         SELECT strftime(cohort, '%Y-%m-%d') AS label, k, count(*) AS n FROM spread GROUP BY cohort, k`;
  const sizes = await rows(
    connection,
    `${base} SELECT strftime(cohort, '%Y-%m-%d') AS label, count(*) AS size,
       ${offset('cohort', '(SELECT last_period FROM last)')} AS to_last
     FROM cohorts GROUP BY cohort ORDER BY cohort`,
  );
  if (sizes.length === 0) return { period: spec.period, mode: spec.mode, cohorts: [] };
  const tally = new Map<string, number>();
  for (const row of await rows(connection, counted)) tally.set(`${row.label as string}|${num(row.k)}`, num(row.n));
  const columns = num(sizes[0]!.to_last) + 1;
  return {
    period: spec.period,
    mode: spec.mode,
    cohorts: sizes.map((row) => {
      const size = num(row.size);
      const toLast = num(row.to_last);
      const label = row.label as string;
      const cells = Array.from({ length: columns }, (_, k) =>
        k > toLast ? null : k === 0 ? size : (tally.get(`${label}|${k}`) ?? 0),
      );
      return {
        cohort: label,
        size,
        counts: cells,
        rates: cells.map((count) => (count === null ? null : count / size)),
        partial: cells.map((_, k) => k === toLast),
      };
    }),
  };
}
