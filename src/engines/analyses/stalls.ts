/**
 * Stalled customers on an engine (spec §4 core, as the in-memory stalls):
 * per furthest step, the customers there and those whose latest event is
 * older than the threshold. Ids never leave the engine: `list_customers` is
 * refused.
 *
 * @example
 *   stallsFromRows(spec, await runQueries(engine, stallsQueries(spec, source, duckdbDialect)));
 */
import { parseStallsSpec, type StallsSpecInput } from '../../analytics/analyses/spec.ts';
import type { StallsResult } from '../../analytics/analyses/stalls.ts';
import { ratio } from '../../analytics/analyses/summaryStats.ts';
import type { Dialect } from '../sql/dialect.ts';
import type { EventSource } from '../sql/source.ts';
import { funnelAttemptCtes } from './funnelAttempts.ts';
import { cellCount, cellNumber, type Queries, type QueryRows } from './rows.ts';

export function stallsQueries(specInput: StallsSpecInput, source: EventSource, dialect: Dialect): Queries {
  const spec = parseStallsSpec(specInput);
  if (spec.listCustomers) {
    throw new Error('stalls: listing customer ids is not available with an engine: ids stay in the warehouse');
  }
  const ctes = funnelAttemptCtes(spec, source, dialect);
  const now = spec.nowMs === null ? '(SELECT max(ts) FROM ev)' : String(spec.nowMs);
  ctes.push(
    `latest AS (SELECT customer_id, max(ts) AS last_ms FROM ev GROUP BY customer_id)`,
    `bounds AS (SELECT ${now} AS now_ms)`,
  );
  return {
    stalls: `WITH ${ctes.join(',\n')}
SELECT b.reached AS reached, count(*) AS customers,
  sum(CASE WHEN l.last_ms < n.now_ms - ${spec.olderThanSeconds * 1000} THEN 1 ELSE 0 END) AS stalled
FROM best b JOIN latest l ON l.customer_id = b.customer_id CROSS JOIN bounds n
GROUP BY b.reached${dialect.querySuffix}`,
    now: `WITH ${ctes[0]}\nSELECT ${now} AS now_ms${dialect.querySuffix}`,
  };
}

export function stallsFromRows(specInput: StallsSpecInput, rows: QueryRows): StallsResult {
  const spec = parseStallsSpec(specInput);
  const byStep = new Map((rows.stalls ?? []).map((row) => [cellCount(row.reached), row]));
  const nowMs = cellNumber(rows.now?.[0]?.now_ms);
  return {
    mode: spec.mode,
    window_seconds: spec.windowSeconds,
    now: nowMs === null ? '' : new Date(nowMs).toISOString(),
    older_than_seconds: spec.olderThanSeconds,
    steps: spec.steps.slice(0, -1).map((step, index) => {
      const row = byStep.get(index + 1);
      const customers = cellCount(row?.customers);
      const stalled = cellCount(row?.stalled);
      return {
        step: index + 1,
        name: step.name,
        customers,
        stalled,
        stalled_share: ratio(stalled, customers),
        customer_ids: null,
      };
    }),
  };
}
