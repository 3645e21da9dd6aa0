/**
 * A funnel given as counts (spec §4.9): a table of `step, customers`,
 * optionally `segment` too, in step order. Same figures as an event-log
 * funnel (no times: null); counts that grow from one step to the next are a
 * warning, since the table is then a stage table, not a funnel.
 *
 * @example
 *   aggregatedFunnel(table({ step: ['visit', 'cart', 'buy'], customers: [1000, 300, 90] }));
 *   // { mode: 'aggregated', window_seconds: null, steps: [...], breakdown: [], warnings: [] }
 */
import { z } from 'zod';
import type { ColumnTable } from '../events.ts';
import { cellText } from '../cellText.ts';
import { hasColumn } from '../events.ts';
import { funnelSteps, funnelStepFiguresSchema } from './funnelSteps.ts';
import { funnelBreakdownBucketSchema, funnelResultSchema, NO_VALUE, type FunnelBreakdownBucket } from './funnel.ts';

export const aggregatedFunnelResultSchema = z.object({
  mode: z.literal('aggregated'),
  window_seconds: z.null(),
  steps: z.array(funnelStepFiguresSchema).min(2),
  breakdown: z.array(funnelBreakdownBucketSchema).default([]),
  warnings: z.array(z.string()).default([]),
});
export type AggregatedFunnelResult = z.output<typeof aggregatedFunnelResultSchema>;

/** Any funnel a chart draws: from an event log or from counts. */
export const anyFunnelResultSchema = z.union([funnelResultSchema, aggregatedFunnelResultSchema]);
export type AnyFunnelResult = z.output<typeof anyFunnelResultSchema>;

export function aggregatedFunnel(table: ColumnTable): AggregatedFunnelResult {
  for (const column of ['step', 'customers']) {
    if (!hasColumn(table, column)) {
      throw new Error(
        `aggregated funnel: the table has no "${column}" column (columns: ${table.columnNames().join(', ')}); expected step, customers[, segment]`,
      );
    }
  }
  const stepValues = table.array('step') as ArrayLike<unknown>;
  const customerValues = table.array('customers') as ArrayLike<unknown>;
  const segments = hasColumn(table, 'segment') ? (table.array('segment') as ArrayLike<unknown>) : null;
  const names: string[] = [];
  const stepIndex = new Map<string, number>();
  const bySegment = new Map<string, number[]>();
  for (let row = 0; row < stepValues.length; row++) {
    const name = cellText(stepValues[row]);
    const count = Number(customerValues[row]);
    if (!Number.isInteger(count) || count < 0) {
      throw new Error(
        `aggregated funnel: row ${row + 1}: customers must be a whole number >= 0 (got ${cellText(customerValues[row])})`,
      );
    }
    let index = stepIndex.get(name);
    if (index === undefined) {
      index = names.length;
      stepIndex.set(name, index);
      names.push(name);
    }
    const raw = segments?.[row];
    const segment = segments === null ? '' : cellText(raw) || NO_VALUE;
    let counts = bySegment.get(segment);
    if (!counts) bySegment.set(segment, (counts = []));
    counts[index] = (counts[index] ?? 0) + count;
  }
  if (names.length < 2) throw new Error('aggregated funnel: a funnel needs 2 or more steps');
  const filled = (counts: number[]) => names.map((_, index) => counts[index] ?? 0);
  const totals = names.map(() => 0);
  for (const counts of bySegment.values()) filled(counts).forEach((count, index) => (totals[index]! += count));

  const warnings: string[] = [];
  const checkGrowth = (counts: number[], where: string) => {
    for (let index = 1; index < counts.length; index++) {
      if (counts[index]! > counts[index - 1]!) {
        warnings.push(
          `${where}customers grow from step ${index} "${names[index - 1]}" (${counts[index - 1]}) to step ${index + 1} "${names[index]}" (${counts[index]}): this is a stage table, not a funnel`,
        );
      }
    }
  };
  checkGrowth(totals, '');
  const breakdown: FunnelBreakdownBucket[] = [];
  if (segments !== null) {
    for (const [segment, counts] of bySegment) {
      const values = filled(counts);
      checkGrowth(values, `segment "${segment}": `);
      breakdown.push({ value: segment, steps: funnelSteps(names, values, null) });
    }
  }
  return { mode: 'aggregated', window_seconds: null, steps: funnelSteps(names, totals, null), breakdown, warnings };
}
