/**
 * What if one step converted better? A relative uplift on step s's
 * conversion from the previous step (capped at 100%), carried through every
 * later step at its current conversion, and priced with the AOV of the
 * purchase event (one purchase per extra customer at the last step).
 *
 * @example
 *   whatIf(table, { steps: 'visit,cart,checkout,purchase', step: 3, uplift: 0.3 });
 *   // { step: 3, uplift: 0.3, capped: false, aov: 52.1, additional_customers: 12.6, additional_value: 656.5, steps: [...] }
 */
import { z } from 'zod';
import { funnelResolved, type FunnelResult } from './funnel.ts';
import type { ColumnTable } from '../events.ts';
import { parseWhatIfSpec, type WhatIfSpec, type WhatIfSpecInput } from './spec.ts';
import { ratio } from './summaryStats.ts';
import { valueResolved } from './value.ts';

const rate = z.number().nullable();

export const whatIfStepSchema = z.object({
  step: z.number().int(),
  name: z.string(),
  customers: z.number(),
  conversion_from_previous: rate,
  projected_customers: z.number(),
  projected_conversion_from_previous: rate,
  additional_customers: z.number(),
});
export type WhatIfStep = z.output<typeof whatIfStepSchema>;

export const whatIfResultSchema = z.object({
  step: z.number().int().min(2),
  uplift: z.number(),
  /** Whether the raised conversion hit 100% and was capped. */
  capped: z.boolean(),
  aov: z.number().nullable(),
  /** Extra customers reaching the last step. */
  additional_customers: z.number(),
  additional_value: z.number().nullable(),
  steps: z.array(whatIfStepSchema).min(2),
});
export type WhatIfResult = z.output<typeof whatIfResultSchema>;

export function whatIf(table: ColumnTable, specInput: WhatIfSpecInput): WhatIfResult {
  return whatIfResolved(table, parseWhatIfSpec(specInput));
}

export function whatIfResolved(table: ColumnTable, spec: WhatIfSpec): WhatIfResult {
  const base = funnelResolved(table, {
    steps: spec.steps,
    windowSeconds: spec.windowSeconds,
    mode: spec.mode,
    by: null,
  });
  return projectWhatIf(spec, base, valueResolved(table, { purchaseEvent: spec.purchaseEvent }).aov);
}

/** The projection from a funnel result and an AOV (shared with the SQL engines). */
export function projectWhatIf(spec: WhatIfSpec, base: FunnelResult, aov: number | null): WhatIfResult {
  const target = spec.step - 1;
  let capped = false;
  const projected: number[] = [];
  base.steps.forEach((figures, index) => {
    if (index < target) projected.push(figures.customers);
    else if (index === target) {
      const raised = (figures.conversion_from_previous ?? 0) * (1 + spec.uplift);
      capped = raised > 1;
      projected.push(projected[index - 1]! * Math.min(1, raised));
    } else projected.push(projected[index - 1]! * (figures.conversion_from_previous ?? 0));
  });
  const steps = base.steps.map((figures, index) => ({
    step: figures.step,
    name: figures.name,
    customers: figures.customers,
    conversion_from_previous: figures.conversion_from_previous,
    projected_customers: projected[index]!,
    projected_conversion_from_previous:
      index === 0 ? figures.conversion_from_previous : ratio(projected[index]!, projected[index - 1]!),
    additional_customers: projected[index]! - figures.customers,
  }));
  const additional = steps[steps.length - 1]!.additional_customers;
  return {
    step: spec.step,
    uplift: spec.uplift,
    capped,
    aov,
    additional_customers: additional,
    additional_value: aov === null ? null : additional * aov,
    steps,
  };
}
