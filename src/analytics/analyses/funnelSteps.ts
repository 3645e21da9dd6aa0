/**
 * The per-step figures of a funnel (spec §4.6, §4.7, §11) from the number of
 * customers at each step and the gaps between steps; shared by event-log
 * funnels, their breakdown buckets and aggregated `step, customers` tables.
 *
 * @example
 *   funnelSteps(['visit', 'buy'], [10, 4], null);
 *   // [{ step: 1, name: 'visit', customers: 10, conversion_from_start: 1, ... },
 *   //  { step: 2, name: 'buy', customers: 4, conversion_from_start: 0.4, dropped: 6, ... }]
 */
import { z } from 'zod';
import { mean, median, ratio } from './summaryStats.ts';

const rate = z.number().nullable();

/** One step's figures, as the spec §11 funnel JSON writes them. */
export const funnelStepFiguresSchema = z.object({
  step: z.number().int(),
  name: z.string(),
  customers: z.number(),
  conversion_from_start: rate,
  conversion_from_previous: rate,
  dropped: z.number(),
  median_seconds_from_previous: rate,
  mean_seconds_from_previous: rate,
});
export type FunnelStepFigures = z.output<typeof funnelStepFiguresSchema>;

/** `gapsSeconds[k]` lists the gaps into step k+1 (index 0 unused); null when there are no times. */
export function funnelSteps(
  names: readonly string[],
  customers: readonly number[],
  gapsSeconds: readonly ArrayLike<number>[] | null,
): FunnelStepFigures[] {
  return names.map((name, index) => {
    const atStep = customers[index]!;
    if (index === 0) {
      const entered = atStep > 0 ? 1 : null;
      return {
        step: 1,
        name,
        customers: atStep,
        conversion_from_start: entered,
        conversion_from_previous: entered,
        dropped: 0,
        median_seconds_from_previous: null,
        mean_seconds_from_previous: null,
      };
    }
    const gaps = gapsSeconds?.[index];
    return {
      step: index + 1,
      name,
      customers: atStep,
      conversion_from_start: ratio(atStep, customers[0]!),
      conversion_from_previous: ratio(atStep, customers[index - 1]!),
      dropped: customers[index - 1]! - atStep,
      median_seconds_from_previous: gaps ? median(gaps) : null,
      mean_seconds_from_previous: gaps ? mean(gaps) : null,
    };
  });
}
