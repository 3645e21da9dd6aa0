/**
 * Repurchase and value (spec §7) for a purchase event and the `value` column:
 * AOV, purchase frequency, historic CLV, buyer lifespan and the gaps between
 * consecutive purchases. Days are exact (elapsed ms / 86 400 000), not calendar days.
 *
 * @example
 *   value(table, { purchase_event: 'purchase' });
 *   // { purchases: 30, buyers: 12, revenue: 1500, aov: 50, frequency: 2.5, clv: 125,
 *   //   lifespan_days_mean: 20.5, repurchase: { customers: 8, gaps: 18, median_days: 9, mean_days: 13.7 } }
 */
import { customerRuns } from './customerRuns.ts';
import { encodeEvents } from '../encodeEvents.ts';
import { hasColumn, type ColumnTable } from '../events.ts';
import { z } from 'zod';
import { parseValueSpec, type ValueSpec, type ValueSpecInput } from './spec.ts';
import { mean, median, ratio } from './summaryStats.ts';

const figure = z.number().nullable();

export const valueResultSchema = z.object({
  purchases: z.number(),
  buyers: z.number(),
  /** Sum of `value` over purchases; null when the log has no value column. */
  revenue: figure,
  aov: figure,
  frequency: figure,
  clv: figure,
  lifespan_days_mean: figure,
  repurchase: z.object({ customers: z.number(), gaps: z.number(), median_days: figure, mean_days: figure }),
});
export type ValueResult = z.output<typeof valueResultSchema>;

const DAY_MS = 86_400_000;

export function value(table: ColumnTable, specInput: ValueSpecInput = {}): ValueResult {
  return valueResolved(table, parseValueSpec(specInput));
}

export function valueResolved(table: ColumnTable, spec: ValueSpec): ValueResult {
  const encoded = encodeEvents(table);
  const { order, runStarts } = customerRuns(encoded);
  const { eventCodes, timestamps } = encoded;
  const purchaseCode = encoded.eventNames.indexOf(spec.purchaseEvent);
  const values = hasColumn(table, 'value') ? (table.array('value') as ArrayLike<number | null>) : null;

  let purchases = 0;
  let buyers = 0;
  let revenue = 0;
  let lifespanSumMs = 0;
  let repeatCustomers = 0;
  const gapsDays: number[] = [];
  if (purchaseCode >= 0) {
    for (let customer = 0; customer < runStarts.length - 1; customer++) {
      let firstMs = NaN;
      let previousMs = NaN;
      let count = 0;
      for (let i = runStarts[customer]!; i < runStarts[customer + 1]!; i++) {
        const row = order[i]!;
        if (eventCodes[row] !== purchaseCode) continue;
        const t = timestamps[row]!;
        if (count === 0) firstMs = t;
        else gapsDays.push((t - previousMs) / DAY_MS);
        previousMs = t;
        count++;
        const amount = values?.[row];
        // A purchase without an amount counts as a purchase, adding nothing to revenue.
        if (typeof amount === 'number' && Number.isFinite(amount)) revenue += amount;
      }
      if (count === 0) continue;
      purchases += count;
      buyers++;
      lifespanSumMs += previousMs - firstMs;
      if (count >= 2) repeatCustomers++;
    }
  }
  const revenueOrNull = values === null ? null : revenue;
  return {
    purchases,
    buyers,
    revenue: revenueOrNull,
    aov: revenueOrNull === null ? null : ratio(revenueOrNull, purchases),
    frequency: ratio(purchases, buyers),
    clv: revenueOrNull === null ? null : ratio(revenueOrNull, buyers),
    lifespan_days_mean: buyers === 0 ? null : lifespanSumMs / buyers / DAY_MS,
    repurchase: {
      customers: repeatCustomers,
      gaps: gapsDays.length,
      median_days: median(gapsDays),
      mean_days: mean(gapsDays),
    },
  };
}
