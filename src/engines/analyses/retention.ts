/**
 * Cohort retention on an engine (spec §6): the SQL labels each event with its
 * local period (`YYYY-MM-DD` of the period's first day, in the zone passed
 * explicitly) and returns cohort sizes, returning customers per (cohort,
 * period) and the log's first and last instants; TypeScript places the labels
 * on the same calendar as the in-memory analysis and builds the rows.
 *
 * @example
 *   retentionFromRows(spec, await runQueries(engine, retentionQueries(spec, source, postgresDialect)));
 */
import { calendarPeriods } from '../../analytics/analyses/calendarPeriods.ts';
import type { RetentionCohort, RetentionResult } from '../../analytics/analyses/retention.ts';
import { parseRetentionSpec, type RetentionSpecInput } from '../../analytics/analyses/spec.ts';
import type { Dialect } from '../sql/dialect.ts';
import { eventsCte, type EventSource } from '../sql/source.ts';
import { cellCount, cellNumber, cellText, type Queries, type QueryRows } from './rows.ts';

export function retentionQueries(specInput: RetentionSpecInput, source: EventSource, dialect: Dialect): Queries {
  const spec = parseRetentionSpec(specInput);
  const isStart = spec.startEvent === null ? '1 = 1' : `event = ${dialect.string(spec.startEvent)}`;
  const isReturn = spec.returnEvent === null ? '1 = 1' : `p.event = ${dialect.string(spec.returnEvent)}`;
  const ctes = [
    eventsCte(source, dialect),
    `p AS (SELECT customer_id, event, ${dialect.periodLabel('ts', spec.period, spec.timeZone)} AS period FROM ev)`,
    `cohorts AS (SELECT customer_id, min(period) AS cohort FROM p WHERE ${isStart} GROUP BY customer_id)`,
    `returns AS (SELECT DISTINCT p.customer_id AS customer_id, c.cohort AS cohort, p.period AS returned
     FROM p JOIN cohorts c ON c.customer_id = p.customer_id WHERE ${isReturn} AND p.period > c.cohort)`,
  ];
  // "On or after": a customer counts in every period up to their latest return.
  const counted =
    spec.mode === 'on'
      ? 'SELECT cohort, returned, count(*) AS customers FROM returns GROUP BY cohort, returned'
      : `SELECT cohort, latest AS returned, count(*) AS customers
         FROM (SELECT customer_id, cohort, max(returned) AS latest FROM returns GROUP BY customer_id, cohort) f
         GROUP BY cohort, latest`;
  const withCtes = `WITH ${ctes.join(',\n')}\n`;
  return {
    bounds: `WITH ${ctes[0]}\nSELECT min(ts) AS first_ms, max(ts) AS last_ms, count(*) AS events FROM ev${dialect.querySuffix}`,
    sizes: `${withCtes}SELECT cohort, count(*) AS customers FROM cohorts GROUP BY cohort${dialect.querySuffix}`,
    returns: `${withCtes}${counted}${dialect.querySuffix}`,
  };
}

export function retentionFromRows(specInput: RetentionSpecInput, rows: QueryRows): RetentionResult {
  const spec = parseRetentionSpec(specInput);
  const empty: RetentionResult = { period: spec.period, mode: spec.mode, cohorts: [] };
  const bounds = rows.bounds?.[0];
  const firstMs = cellNumber(bounds?.first_ms);
  const lastMs = cellNumber(bounds?.last_ms);
  const sizeRows = rows.sizes ?? [];
  if (firstMs === null || lastMs === null || cellCount(bounds?.events) === 0 || sizeRows.length === 0) return empty;
  const periods = calendarPeriods(firstMs, lastMs, spec.period, spec.timeZone);
  const indexOf = new Map(periods.labels.map((label, index) => [label, index]));
  const lastPeriod = periods.labels.length - 1;
  const periodOf = (label: unknown) => {
    const index = indexOf.get(cellText(label) ?? '');
    if (index === undefined)
      throw new Error(`retention: the engine returned a period ${String(label)} outside the data`);
    return index;
  };
  const sizes = new Map<number, number>();
  for (const row of sizeRows) sizes.set(periodOf(row.cohort), cellCount(row.customers));
  // tally[cohort][offset]: customers returning in exactly (on) or at latest (on or after) that offset.
  const tally = new Map<number, Map<number, number>>();
  for (const row of rows.returns ?? []) {
    const cohort = periodOf(row.cohort);
    const offsets = tally.get(cohort) ?? new Map<number, number>();
    offsets.set(periodOf(row.returned) - cohort, cellCount(row.customers));
    tally.set(cohort, offsets);
  }
  const firstCohort = Math.min(...sizes.keys());
  const columns = lastPeriod - firstCohort + 1;
  const cohorts: RetentionCohort[] = [];
  for (const cohort of [...sizes.keys()].sort((a, b) => a - b)) {
    const size = sizes.get(cohort) ?? 0;
    const offsets = tally.get(cohort) ?? new Map<number, number>();
    const counts: (number | null)[] = [];
    let later = 0;
    // On or after: the count at offset k is everyone whose latest return is k or later.
    if (spec.mode === 'on_or_after') for (const count of offsets.values()) later += count;
    for (let offset = 0; offset < columns; offset++) {
      if (cohort + offset > lastPeriod) counts.push(null);
      else if (offset === 0) counts.push(size);
      else if (spec.mode === 'on') counts.push(offsets.get(offset) ?? 0);
      else {
        counts.push(later);
        later -= offsets.get(offset) ?? 0;
      }
    }
    cohorts.push({
      cohort: periods.labels[cohort] ?? '',
      size,
      counts,
      rates: counts.map((count) => (count === null ? null : count / size)),
      partial: counts.map((_, offset) => cohort + offset === lastPeriod),
    });
  }
  return { period: spec.period, mode: spec.mode, cohorts };
}
