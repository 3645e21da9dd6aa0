/**
 * Stalled customers, for proactive service: per funnel step k (except the
 * last), the customers whose furthest step is k and whose latest event of any
 * kind is more than `older_than` before `now` (default: the latest timestamp
 * in the log). Customer ids are listed only when asked (`list_customers`), as
 * they must never reach a published report (spec §10).
 *
 * @example
 *   stalls(table, { steps: 'visit,add_to_cart,purchase', older_than: '7d' });
 *   // { now: '2024-05-01T09:00:00.000Z', older_than_seconds: 604800,
 *   //   steps: [{ step: 2, name: 'add_to_cart', customers: 80, stalled: 35, stalled_share: 0.4375, customer_ids: null }, ...] }
 */
import { z } from 'zod';
import { encodeEvents } from '../encodeEvents.ts';
import type { ColumnTable } from '../events.ts';
import { furthestSteps } from './furthestSteps.ts';
import { FUNNEL_MODES, parseStallsSpec, type StallsSpec, type StallsSpecInput } from './spec.ts';
import { ratio } from './summaryStats.ts';

export const stallStepSchema = z.object({
  step: z.number().int(),
  name: z.string(),
  /** Customers whose furthest step is exactly this one. */
  customers: z.number(),
  /** Of those, customers whose latest event is older than the threshold. */
  stalled: z.number(),
  stalled_share: z.number().nullable(),
  customer_ids: z.array(z.string()).nullable(),
});
export type StallStep = z.output<typeof stallStepSchema>;

export const stallsResultSchema = z.object({
  mode: z.enum(FUNNEL_MODES),
  window_seconds: z.number(),
  now: z.string(),
  older_than_seconds: z.number(),
  steps: z.array(stallStepSchema),
});
export type StallsResult = z.output<typeof stallsResultSchema>;

export function stalls(table: ColumnTable, specInput: StallsSpecInput): StallsResult {
  return stallsResolved(table, parseStallsSpec(specInput));
}

export function stallsResolved(table: ColumnTable, spec: StallsSpec): StallsResult {
  const encoded = encodeEvents(table);
  const reached = furthestSteps(encoded, spec);
  let nowMs = spec.nowMs ?? -Infinity;
  if (spec.nowMs === null) for (const t of encoded.timestamps) if (t > nowMs) nowMs = t;
  const thresholdMs = nowMs - spec.olderThanSeconds * 1000;
  const stepCount = spec.steps.length;
  const customers = new Array<number>(stepCount).fill(0);
  const stalled = new Array<number>(stepCount).fill(0);
  const ids: string[][] = spec.steps.map(() => []);
  for (let c = 0; c < reached.furthest.length; c++) {
    const step = reached.furthest[c]!;
    if (step === 0) continue;
    customers[step - 1]!++;
    if (reached.lastEventMs[c]! < thresholdMs) {
      stalled[step - 1]!++;
      if (spec.listCustomers) ids[step - 1]!.push(encoded.customerIds[c]!);
    }
  }
  return {
    mode: spec.mode,
    window_seconds: spec.windowSeconds,
    now: Number.isFinite(nowMs) ? new Date(nowMs).toISOString() : '',
    older_than_seconds: spec.olderThanSeconds,
    // The last step is conversion, not a stall.
    steps: spec.steps.slice(0, -1).map((step, index) => ({
      step: index + 1,
      name: step.name,
      customers: customers[index]!,
      stalled: stalled[index]!,
      stalled_share: ratio(stalled[index]!, customers[index]!),
      customer_ids: spec.listCustomers ? ids[index]! : null,
    })),
  };
}
