/**
 * Funnels over an event log (spec §3, §4): ordered, strict or unordered
 * attempts within an inclusive window, each customer counted once at their
 * furthest step, with times to convert and an optional first-touch breakdown.
 *
 * `funnel` parses a loose spec; `funnelResolved` takes a parsed one (internal callers).
 *
 * @example
 *   funnel(table, { steps: 'visit,add_to_cart,purchase', window: '7d', by: 'channel' });
 *   // { mode: 'ordered', window_seconds: 604800, steps: [...], breakdown: [{ value: 'web', steps: [...] }, ...] }
 */
import { z } from 'zod';
import { encodeColumn, encodeEvents } from '../encodeEvents.ts';
import { cellText } from '../cellText.ts';
import type { ColumnTable } from '../events.ts';
import { hasColumn } from '../events.ts';
import { furthestSteps, type FurthestSteps } from './furthestSteps.ts';
import { funnelSteps, funnelStepFiguresSchema, type FunnelStepFigures } from './funnelSteps.ts';
import { FUNNEL_MODES, parseFunnelSpec, type FunnelSpec, type FunnelSpecInput } from './spec.ts';

export type { FunnelStepFigures };

export const funnelBreakdownBucketSchema = z.object({ value: z.string(), steps: z.array(funnelStepFiguresSchema) });
export type FunnelBreakdownBucket = z.output<typeof funnelBreakdownBucketSchema>;

/** The spec §11 funnel JSON; a result read from a file may leave out an empty breakdown. */
export const funnelResultSchema = z.object({
  mode: z.enum(FUNNEL_MODES),
  window_seconds: z.number(),
  steps: z.array(funnelStepFiguresSchema).min(2),
  breakdown: z.array(funnelBreakdownBucketSchema).default([]),
});
export type FunnelResult = z.output<typeof funnelResultSchema>;

/** The label of customers whose first-touch value is empty (spec §4.8). */
export const NO_VALUE = '(none)';

export function funnel(table: ColumnTable, specInput: FunnelSpecInput): FunnelResult {
  return funnelResolved(table, parseFunnelSpec(specInput));
}

export function funnelResolved(table: ColumnTable, spec: FunnelSpec): FunnelResult {
  if (spec.by !== null && !hasColumn(table, spec.by)) {
    throw new Error(
      `funnel: cannot break down by "${spec.by}": the table has no such column (columns: ${table.columnNames().join(', ')})`,
    );
  }
  const encoded = encodeEvents(table);
  const reached = furthestSteps(encoded, spec);
  const names = spec.steps.map((step) => step.name);
  const everyone = new Int32Array(reached.furthest.length);
  const steps = figures(names, reached, everyone, 0);
  const breakdown: FunnelBreakdownBucket[] = [];
  if (spec.by !== null) {
    // Bucket = the `by` value on the counted attempt's first event (first touch).
    const values = table.array(spec.by) as ArrayLike<unknown>;
    const bucketOfCustomer = new Int32Array(reached.furthest.length).fill(-1);
    const startValues = new Array<unknown>(reached.furthest.length);
    for (let c = 0; c < reached.furthest.length; c++) {
      const row = reached.attemptStartRow[c]!;
      const value = row < 0 ? null : values[row];
      startValues[c] = cellText(value) || NO_VALUE;
    }
    const { codes, dictionary } = encodeColumn(startValues);
    for (let c = 0; c < codes.length; c++) bucketOfCustomer[c] = reached.furthest[c]! > 0 ? codes[c]! : -1;
    dictionary.forEach((value, code) => {
      const bucketSteps = figures(names, reached, bucketOfCustomer, code);
      if (bucketSteps[0]!.customers > 0) breakdown.push({ value, steps: bucketSteps });
    });
    // Biggest bucket first, then by name (code-unit order) for a stable report.
    breakdown.sort(
      (a, b) => b.steps[0]!.customers - a.steps[0]!.customers || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
  return { mode: spec.mode, window_seconds: spec.windowSeconds, steps, breakdown };
}

/** Step figures over the customers whose `group[c] === groupCode`. */
function figures(names: string[], reached: FurthestSteps, group: Int32Array, groupCode: number): FunnelStepFigures[] {
  const { stepCount, furthest, stepTimes } = reached;
  const atLeast = new Array<number>(stepCount).fill(0);
  for (let c = 0; c < furthest.length; c++) {
    if (group[c] !== groupCode) continue;
    for (let s = 0; s < furthest[c]!; s++) atLeast[s]!++;
  }
  const gaps: Float64Array[] = atLeast.map((count) => new Float64Array(count));
  const filled = new Int32Array(stepCount);
  for (let c = 0; c < furthest.length; c++) {
    if (group[c] !== groupCode) continue;
    const base = c * stepCount;
    for (let s = 1; s < furthest[c]!; s++)
      gaps[s]![filled[s]!++] = (stepTimes[base + s]! - stepTimes[base + s - 1]!) / 1000;
  }
  return funnelSteps(names, atLeast, gaps);
}
