/**
 * Opportunity prioritisation: each opportunity's priority score is
 * impact × reach × confidence / effort (the RICE score), and the list is ranked
 * by it (highest first, then by name). Impact and effort are on a declared
 * scale (default 1-5), which also splits the matrix into quadrants at its middle.
 *
 * @example
 *   prioritiseOpportunities([{ name: 'One-page checkout', impact: 4, effort: 2, reach: 1200, confidence: 0.8 }]);
 *   // { scale: [1, 5], opportunities: [{ rank: 1, name: 'One-page checkout', score: 1920, quadrant: 'quick_win', ... }] }
 */
import { z } from 'zod';
import { SpecError } from './spec.ts';

const opportunityFields = {
  id: z.string().optional(),
  impact: z.number().positive(),
  effort: z.number().positive(),
  /** Customers the change touches: a count, or a share of the journey's customers (0-1). */
  reach: z.number().nonnegative(),
  /** Belief that the impact is real, as a fraction (0.8, not 80). */
  confidence: z.number().min(0).max(1),
  stage: z.string().optional(),
  owner: z.string().optional(),
};

const opportunitySchema = z
  .object({
    ...opportunityFields,
    /** The opportunity's name; `opportunity` is accepted as its alias (as the demo data writes it). */
    name: z.string().min(1).optional(),
    opportunity: z.string().min(1).optional(),
  })
  .transform((item, context) => {
    const name = item.name ?? item.opportunity;
    if (name === undefined) {
      context.addIssue({
        code: 'custom',
        message: `an opportunity has no name (give "name" or "opportunity")${item.id ? ` (id ${item.id})` : ''}`,
      });
      return z.NEVER;
    }
    const { opportunity: _alias, ...rest } = item;
    return { ...rest, name };
  });

export const opportunitiesSpecSchema = z
  .object({
    opportunities: z.array(opportunitySchema).min(1),
    scale: z.tuple([z.number(), z.number()]).default([1, 5]),
  })
  .superRefine((spec, context) => {
    const [low, high] = spec.scale;
    if (!(low < high))
      context.addIssue({
        code: 'custom',
        message: `invalid scale: [${low}, ${high}] (expected [low, high] with low < high, e.g. [1, 5])`,
      });
    spec.opportunities.forEach((item, index) => {
      for (const field of ['impact', 'effort'] as const) {
        if (item[field] < low || item[field] > high) {
          context.addIssue({
            code: 'custom',
            path: ['opportunities', index, field],
            message: `opportunities[${index}] (${item.name}): ${field} ${item[field]} is outside the scale ${low}-${high}`,
          });
        }
      }
    });
  });

export type OpportunityInput = z.input<typeof opportunitySchema>;
export type OpportunitiesSpecInput = z.input<typeof opportunitiesSpecSchema>;
export type OpportunitiesSpec = z.output<typeof opportunitiesSpecSchema>;

export const QUADRANTS = ['quick_win', 'big_bet', 'fill_in', 'money_pit'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const rankedOpportunitySchema = z.object({
  ...opportunityFields,
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  quadrant: z.enum(QUADRANTS),
});
export type RankedOpportunity = z.output<typeof rankedOpportunitySchema>;

export const opportunitiesResultSchema = z.object({
  scale: z.tuple([z.number(), z.number()]),
  /** Impact and effort at or above the middle count as high. */
  middle: z.number(),
  opportunities: z.array(rankedOpportunitySchema),
});
export type OpportunitiesResult = z.output<typeof opportunitiesResultSchema>;

/** The priority (RICE) score of one opportunity. */
export function priorityScore(item: { impact: number; reach: number; confidence: number; effort: number }): number {
  return (item.impact * item.reach * item.confidence) / item.effort;
}

export function quadrantOf(impact: number, effort: number, middle: number): Quadrant {
  const highImpact = impact >= middle;
  const highEffort = effort >= middle;
  return highImpact ? (highEffort ? 'big_bet' : 'quick_win') : highEffort ? 'money_pit' : 'fill_in';
}

/**
 * Parses a bare list or `{ opportunities, scale }` (as read from a JSON or YAML
 * file, hence `unknown`), throwing a SpecError that names each bad field.
 */
export function parseOpportunitiesSpec(input: unknown): OpportunitiesSpec {
  const parsed = opportunitiesSpecSchema.safeParse(Array.isArray(input) ? { opportunities: input } : input);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) =>
    issue.code === 'custom' ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
  );
  throw new SpecError(`opportunities: ${messages.join('; ')}`);
}

/** Scores and ranks opportunities; accepts a bare list or `{ opportunities, scale }`. */
export function prioritiseOpportunities(input: OpportunityInput[] | OpportunitiesSpecInput): OpportunitiesResult {
  return prioritiseOpportunitiesResolved(parseOpportunitiesSpec(input));
}

export function prioritiseOpportunitiesResolved({ opportunities, scale }: OpportunitiesSpec): OpportunitiesResult {
  const middle = (scale[0] + scale[1]) / 2;
  const scored = opportunities.map((item) => ({
    ...item,
    score: priorityScore(item),
    quadrant: quadrantOf(item.impact, item.effort, middle),
  }));
  scored.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { scale, middle, opportunities: scored.map((item, index) => ({ rank: index + 1, ...item })) };
}
