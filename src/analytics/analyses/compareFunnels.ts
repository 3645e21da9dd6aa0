/**
 * One funnel in two periods compared (spec §9): per step k >= 2, after against
 * before on conversion from step k-1; and the headline, conversion from the
 * first to the last step. Each is compareRates' unpooled z-test; a test is
 * null when a rate cannot be formed (no customers at the base) or a count is
 * suppressed at k (spec §10). Charts draw this result; they test nothing.
 *
 * @example
 *   compareFunnels({ before, after }, 5).overall?.p_value;
 */
import { z } from 'zod';
import { compareRates, compareResultSchema } from './compareRates.ts';
import type { FunnelResult } from './funnel.ts';
import { isSuppressed } from './suppress.ts';

export const funnelComparisonTestsSchema = z.object({
  /** One entry per step; the first step (nothing before it) is always null. */
  steps: z.array(compareResultSchema.nullable()),
  overall: compareResultSchema.nullable(),
});
export type FunnelComparisonTests = z.output<typeof funnelComparisonTestsSchema>;

/** The two periods' funnels; they must have the same steps. */
export interface FunnelPeriods {
  before: FunnelResult;
  after: FunnelResult;
}

/** `successes` of `n` before and after, or null when a base is empty or any count is under k. */
function testCounts(before: [number, number], after: [number, number], k: number | undefined) {
  const [baseBefore, reachedBefore] = before;
  const [baseAfter, reachedAfter] = after;
  const counts = [baseBefore, reachedBefore, baseAfter, reachedAfter];
  if (baseBefore === 0 || baseAfter === 0 || counts.some((n) => isSuppressed(n, k))) return null;
  return compareRates({
    before: { successes: reachedBefore, n: baseBefore },
    after: { successes: reachedAfter, n: baseAfter },
  });
}

export function compareFunnels({ before, after }: FunnelPeriods, k?: number): FunnelComparisonTests {
  if (
    before.steps.length !== after.steps.length ||
    before.steps.some((step, index) => step.name !== after.steps[index]?.name)
  ) {
    throw new Error('funnel comparison: the two periods must have the same steps');
  }
  const customers = (result: FunnelResult, index: number) => result.steps[index]?.customers ?? 0;
  const last = before.steps.length - 1;
  return {
    steps: before.steps.map((_, index) =>
      index === 0
        ? null
        : testCounts(
            [customers(before, index - 1), customers(before, index)],
            [customers(after, index - 1), customers(after, index)],
            k,
          ),
    ),
    overall: testCounts(
      [customers(before, 0), customers(before, last)],
      [customers(after, 0), customers(after, last)],
      k,
    ),
  };
}
