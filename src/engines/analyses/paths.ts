/**
 * Session paths on an engine (spec §5): sessions, collapsed repeats and the
 * start/end trim in SQL, each kept path pivoted into columns n1..n_depth; the
 * SQL returns path and edge counts (those at or above the top-N cut-off,
 * ties included) and TypeScript sorts them by the spec's code-unit order,
 * which engine collations do not promise.
 *
 * @example
 *   pathsFromRows(spec, await runQueries(engine, pathsQueries(spec, source, duckdbDialect)));
 */
import { comparePaths, type FlowEdge, type PathRow, type PathsResult } from '../../analytics/analyses/paths.ts';
import { parsePathsSpec, type PathsSpecInput } from '../../analytics/analyses/spec.ts';
import type { Dialect } from '../sql/dialect.ts';
import { eventsCte, type EventSource } from '../sql/source.ts';
import { cellCount, cellText, type Queries, type QueryRows } from './rows.ts';

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the rows of `table` with at least the `limit`-th most sessions (ties included); null keeps all. */
export function topRowsCut(table: string, limit: number | null): string {
  return limit === null
    ? ''
    : ` WHERE sessions >= (SELECT min(sessions) FROM (SELECT sessions FROM ${table} ORDER BY sessions DESC LIMIT ${limit}) top_rows)`;
}

export function pathsQueries(specInput: PathsSpecInput, source: EventSource, dialect: Dialect): Queries {
  const spec = parsePathsSpec(specInput);
  const gapMs = spec.sessionGapSeconds * 1000;
  const order = source.orderBy === null ? 'ts, event' : 'ts, rid';
  const previousTs = dialect.lag('ts', 'customer_id', 'pos');
  const cut = gapMs > 0 ? `WHEN ts - ${previousTs} >= ${gapMs} THEN 1 ` : '';
  const keep = spec.collapseRepeats ? 'WHERE previous_event IS NULL OR previous_event <> event' : '';
  const firstNode = spec.start === null ? '1' : `min(CASE WHEN event = ${dialect.string(spec.start)} THEN node END)`;
  const endNode =
    spec.end === null
      ? 'max(n.node)'
      : `min(CASE WHEN n.event = ${dialect.string(spec.end)} AND n.node >= f.first_node THEN n.node END)`;
  const depth = spec.depth;
  const pivot = Array.from(
    { length: depth },
    (_, i) => `max(CASE WHEN node_at = ${i + 1} THEN event END) AS n${i + 1}`,
  );
  const nodes = Array.from({ length: depth }, (_, i) => `n${i + 1}`).join(', ');
  const ctes = [
    eventsCte(source, dialect),
    `o AS (SELECT customer_id, ts, event, row_number() OVER (PARTITION BY customer_id ORDER BY ${order}) AS pos FROM ev)`,
    `g AS (SELECT customer_id, event, pos, CASE WHEN ${previousTs} IS NULL THEN 1 ${cut}ELSE 0 END AS cut FROM o)`,
    `s AS (SELECT customer_id, event, pos,
       sum(cut) OVER (PARTITION BY customer_id ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sess FROM g)`,
    `c AS (SELECT customer_id, sess, event, pos, ${dialect.lag('event', 'customer_id, sess', 'pos')} AS previous_event FROM s)`,
    `n AS (SELECT customer_id, sess, event, row_number() OVER (PARTITION BY customer_id, sess ORDER BY pos) AS node FROM c ${keep})`,
    `f AS (SELECT customer_id, sess, ${firstNode} AS first_node FROM n GROUP BY customer_id, sess)`,
    `e AS (SELECT n.customer_id AS customer_id, n.sess AS sess, f.first_node AS first_node, ${endNode} AS end_node
     FROM n JOIN f ON n.customer_id = f.customer_id AND n.sess = f.sess
     WHERE f.first_node IS NOT NULL GROUP BY n.customer_id, n.sess, f.first_node)`,
    `kept AS (SELECT n.customer_id AS customer_id, n.sess AS sess, n.event AS event, n.node - e.first_node + 1 AS node_at
     FROM n JOIN e ON n.customer_id = e.customer_id AND n.sess = e.sess
     WHERE e.end_node IS NOT NULL AND n.node >= e.first_node AND n.node <= least(e.end_node, e.first_node + ${depth - 1}))`,
    `sp AS (SELECT customer_id, ${pivot.join(', ')} FROM kept GROUP BY customer_id, sess)`,
  ];
  const pathCounts = `pc AS (SELECT ${nodes}, count(*) AS sessions, count(DISTINCT customer_id) AS customers FROM sp GROUP BY ${nodes})`;
  const queries: Queries = {
    paths: `WITH ${[...ctes, pathCounts].join(',\n')}\nSELECT * FROM pc${topRowsCut('pc', spec.top)}${dialect.querySuffix}`,
  };
  if (depth >= 2) {
    const edgeRows = Array.from(
      { length: depth - 1 },
      (_, i) =>
        `SELECT customer_id, ${i + 1} AS node_at, n${i + 1} AS source, n${i + 2} AS target FROM sp WHERE n${i + 2} IS NOT NULL`,
    ).join(' UNION ALL ');
    const edgeCounts = `ec AS (SELECT node_at, source, target, count(*) AS sessions, count(DISTINCT customer_id) AS customers
     FROM (${edgeRows}) ed GROUP BY node_at, source, target HAVING count(*) >= ${spec.minSessions})`;
    queries.edges = `WITH ${[...ctes, edgeCounts].join(',\n')}\nSELECT * FROM ec${topRowsCut('ec', spec.edgeLimit)}${dialect.querySuffix}`;
  }
  return queries;
}

export function pathsFromRows(specInput: PathsSpecInput, rows: QueryRows): PathsResult {
  const spec = parsePathsSpec(specInput);
  const paths: PathRow[] = (rows.paths ?? []).map((row) => {
    const path: string[] = [];
    for (let i = 1; i <= spec.depth; i++) {
      const node = cellText(row[`n${i}`]);
      if (node === null) break;
      path.push(node);
    }
    return { path, sessions: cellCount(row.sessions), customers: cellCount(row.customers) };
  });
  paths.sort((a, b) => b.sessions - a.sessions || comparePaths(a.path, b.path));
  const edges: FlowEdge[] = (rows.edges ?? []).map((row) => ({
    position: cellCount(row.node_at),
    source: cellText(row.source) ?? '',
    target: cellText(row.target) ?? '',
    sessions: cellCount(row.sessions),
    customers: cellCount(row.customers),
  }));
  edges.sort(
    (a, b) =>
      b.sessions - a.sessions ||
      a.position - b.position ||
      compareText(a.source, b.source) ||
      compareText(a.target, b.target),
  );
  return {
    paths: spec.top === null ? paths : paths.slice(0, spec.top),
    edges: spec.edgeLimit === null ? edges : edges.slice(0, spec.edgeLimit),
  };
}
