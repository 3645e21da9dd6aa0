/**
 * Two rates compared (spec §9): unpooled z-test with a two-sided p-value,
 * lift, the 95% interval of the difference and a Wilson 95% interval for each
 * rate. Figures that cannot be computed (SE 0, a zero baseline) are null.
 *
 * @example
 *   compareRates({ before: { successes: 5, n: 10 }, after: { successes: 6, n: 10 } });
 *   // { difference: 0.1, lift: 0.2, se: 0.2214, z: 0.4518, p_value: 0.6514, ... }
 */
import { z } from 'zod';
import { normalUpperTail } from './normalCdf.ts';
import { parseCompareSpec, type CompareSpec, type CompareSpecInput } from './spec.ts';

/** The two-sided 95% critical value the spec uses (±1.96 SE). */
export const Z_95 = 1.96;

export const rateSummarySchema = z.object({
  successes: z.number(),
  n: z.number(),
  rate: z.number(),
  wilson_low: z.number(),
  wilson_high: z.number(),
});
export type RateSummary = z.output<typeof rateSummarySchema>;

export const compareResultSchema = z.object({
  before: rateSummarySchema,
  after: rateSummarySchema,
  difference: z.number(),
  lift: z.number().nullable(),
  se: z.number(),
  z: z.number().nullable(),
  p_value: z.number().nullable(),
  ci_low: z.number(),
  ci_high: z.number(),
});
export type CompareResult = z.output<typeof compareResultSchema>;

/** Wilson score interval for `successes` out of `n` at critical value `z`. */
export function wilsonInterval(successes: number, n: number, z = Z_95): [number, number] {
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function summary(successes: number, n: number): RateSummary {
  const [low, high] = wilsonInterval(successes, n);
  return { successes, n, rate: successes / n, wilson_low: low, wilson_high: high };
}

export function compareRates(specInput: CompareSpecInput): CompareResult {
  return compareRatesResolved(parseCompareSpec(specInput));
}

export function compareRatesResolved({ before, after }: CompareSpec): CompareResult {
  const p1 = before.successes / before.n;
  const p2 = after.successes / after.n;
  const se = Math.sqrt((p1 * (1 - p1)) / before.n + (p2 * (1 - p2)) / after.n);
  const difference = p2 - p1;
  const z = se === 0 ? null : difference / se;
  return {
    before: summary(before.successes, before.n),
    after: summary(after.successes, after.n),
    difference,
    lift: p1 === 0 ? null : difference / p1,
    se,
    z,
    p_value: z === null ? null : Math.min(1, 2 * normalUpperTail(Math.abs(z))),
    ci_low: difference - Z_95 * se,
    ci_high: difference + Z_95 * se,
  };
}
