/**
 * Repurchase and value on an engine (spec §7): one row of sums, counts and
 * the median and mean gap between consecutive purchases; TypeScript derives
 * AOV, frequency, CLV and lifespan as the in-memory analysis does.
 *
 * @example
 *   valueFromRows(spec, source, await runQueries(engine, valueQueries(spec, source, clickhouseDialect)));
 */
import { parseValueSpec, type ValueSpecInput } from '../../analytics/analyses/spec.ts';
import { ratio } from '../../analytics/analyses/summaryStats.ts';
import type { ValueResult } from '../../analytics/analyses/value.ts';
import type { Dialect } from '../sql/dialect.ts';
import { eventsCte, hasSourceColumn, tieOrder, type EventSource } from '../sql/source.ts';
import { cellCount, cellNumber, type Queries, type QueryRows } from './rows.ts';

const DAY_MS = 86_400_000;

export function valueQueries(specInput: ValueSpecInput, source: EventSource, dialect: Dialect): Queries {
  const spec = parseValueSpec(specInput);
  const ctes = [
    eventsCte(source, dialect, { amount: 'value' }),
    `pu AS (SELECT customer_id, ts, amount, ${dialect.lag('ts', 'customer_id', `ts, ${tieOrder(source)}`)} AS previous_ts
     FROM ev WHERE event = ${dialect.string(spec.purchaseEvent)})`,
    `per AS (SELECT customer_id, count(*) AS purchases, max(ts) - min(ts) AS span_ms FROM pu GROUP BY customer_id)`,
  ];
  const gap = `${dialect.double('ts - previous_ts')} / ${DAY_MS}`;
  return {
    value: `WITH ${ctes.join(',\n')}
SELECT * FROM
  (SELECT count(*) AS purchases, sum(amount) AS revenue FROM pu) totals
  CROSS JOIN (SELECT count(*) AS buyers, sum(span_ms) AS span_ms, sum(CASE WHEN purchases >= 2 THEN 1 ELSE 0 END) AS repeaters FROM per) buyers
  CROSS JOIN (SELECT count(gap_days) AS gaps, ${dialect.median('gap_days')} AS median_days, avg(gap_days) AS mean_days
    FROM (SELECT ${gap} AS gap_days FROM pu WHERE previous_ts IS NOT NULL) g) gaps${dialect.querySuffix}`,
  };
}

export function valueFromRows(source: EventSource, rows: QueryRows): ValueResult {
  const row = rows.value?.[0] ?? {};
  const purchases = cellCount(row.purchases);
  const buyers = cellCount(row.buyers);
  // Purchases without an amount add nothing; without a value column there is no revenue at all.
  const revenue = hasSourceColumn(source, 'value') ? (cellNumber(row.revenue) ?? 0) : null;
  const gaps = cellCount(row.gaps);
  return {
    purchases,
    buyers,
    revenue,
    aov: revenue === null ? null : ratio(revenue, purchases),
    frequency: ratio(purchases, buyers),
    clv: revenue === null ? null : ratio(revenue, buyers),
    lifespan_days_mean: buyers === 0 ? null : cellCount(row.span_ms) / buyers / DAY_MS,
    repurchase: {
      customers: cellCount(row.repeaters),
      gaps,
      median_days: gaps === 0 ? null : cellNumber(row.median_days),
      mean_days: gaps === 0 ? null : cellNumber(row.mean_days),
    },
  };
}
