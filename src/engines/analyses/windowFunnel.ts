/**
 * ClickHouse's native fast path for ordered funnels: `windowFunnel` gives each
 * customer's furthest step in one aggregation (about 20 times less CPU than
 * the window-function SQL). Used for ordered-mode customer counts only, where
 * its semantics equal ours (inclusive window, greedy re-entry, ties in the
 * funnel's favour); never its `strict_order` mode, which stops a customer at
 * the first interruption and is not our strict mode.
 *
 * @example
 *   const counts = customersAtSteps(spec, await engine.query(windowFunnelCountsQuery(spec, source)));
 */
import { parseFunnelSpec, type FunnelSpecInput } from '../../analytics/analyses/spec.ts';
import { clickhouseDialect } from '../sql/dialects/clickhouse.ts';
import { eventsCte, type EventSource } from '../sql/source.ts';
import { cellCount, type EngineRow } from './rows.ts';

export function windowFunnelCountsQuery(specInput: FunnelSpecInput, source: EventSource): string {
  const spec = parseFunnelSpec(specInput);
  if (spec.mode !== 'ordered') throw new Error('windowFunnel is a fast path for ordered funnels only');
  const d = clickhouseDialect;
  const conditions = spec.steps.map((step) => `event IN (${step.events.map(d.string).join(', ')})`).join(', ');
  return `WITH ${eventsCte(source, d)}
SELECT reached, count() AS customers FROM (
  SELECT customer_id, windowFunnel(${spec.windowSeconds * 1000})(toUInt64(ts), ${conditions}) AS reached
  FROM ev GROUP BY customer_id)
WHERE reached > 0 GROUP BY reached${d.querySuffix}`;
}

/** Customers at step k or further, from rows of (reached, customers). */
export function customersAtSteps(specInput: FunnelSpecInput, rows: EngineRow[]): number[] {
  const spec = parseFunnelSpec(specInput);
  const atLeast = spec.steps.map(() => 0);
  for (const row of rows) {
    const reached = cellCount(row.reached);
    for (let k = 0; k < reached && k < atLeast.length; k++) atLeast[k] = (atLeast[k] ?? 0) + cellCount(row.customers);
  }
  return atLeast;
}
