/**
 * Journeys against touchpoints (the finding that satisfaction with the whole
 * journey and with each touchpoint differ): per customer who answered the
 * journey-level question and at least one touchpoint question, whether they
 * are satisfied with the journey and whether they are satisfied with every
 * touchpoint they rated; the share of customers in each of the four cells;
 * and the mean journey score by how many touchpoints they rated low.
 *
 * Rules: satisfied = score >= threshold (default 4 on 1-5, the CSAT top-two
 * box; 9 on 0-10, promoters); rated low = score <= low_threshold (default 2 on
 * 1-5, the bottom-two box; 6 on 0-10, detractors). The scale is declared or
 * inferred as in satisfaction (spec §8): any score outside 1-5 means 0-10.
 * Results are raw; publish them through suppress().
 *
 * @example
 *   journeyVsTouchpoints(table, { journey_question: '整体满意度' }).cells[1];
 *   // { journey_satisfied: true, touchpoints_satisfied: false, customers: 120, share: 0.3 }
 */
import { z } from 'zod';
import {
  parseJourneyVsTouchpointsSpec,
  SCORE_COLUMNS,
  type JourneyVsTouchpointsSpec,
  type JourneyVsTouchpointsSpecInput,
} from './spec.ts';
import { resolveScoreColumn, surveyAnswers } from './surveyAnswers.ts';
import type { ColumnTable } from '../events.ts';

export { journeyVsTouchpointsSpecSchema, parseJourneyVsTouchpointsSpec } from './spec.ts';

export const journeyCellSchema = z.object({
  journey_satisfied: z.boolean(),
  touchpoints_satisfied: z.boolean(),
  customers: z.number(),
  share: z.number().nullable(),
});
export const lowTouchpointsRowSchema = z.object({
  low_touchpoints: z.number(),
  customers: z.number(),
  mean_journey: z.number().nullable(),
});
export const journeyVsTouchpointsResultSchema = z.object({
  journey_question: z.string(),
  touchpoints: z.array(z.string()),
  score: z.enum(SCORE_COLUMNS),
  scale: z.union([z.literal(5), z.literal(10)]),
  scale_inferred: z.boolean(),
  threshold: z.number(),
  low_threshold: z.number(),
  /** Customers who answered the journey question and at least one touchpoint. */
  customers: z.number(),
  /** Customers who answered only one side (the journey question or touchpoints). */
  excluded: z.number(),
  journey_satisfied_share: z.number().nullable(),
  all_touchpoints_satisfied_share: z.number().nullable(),
  /** Journey satisfied x every touchpoint satisfied: (yes, yes), (yes, no), (no, yes), (no, no). */
  cells: z.array(journeyCellSchema),
  by_low_touchpoints: z.array(lowTouchpointsRowSchema),
});
export type JourneyVsTouchpointsResult = z.output<typeof journeyVsTouchpointsResultSchema>;

export function journeyVsTouchpoints(
  table: ColumnTable,
  specInput: JourneyVsTouchpointsSpecInput,
): JourneyVsTouchpointsResult {
  return journeyVsTouchpointsResolved(table, parseJourneyVsTouchpointsSpec(specInput));
}

/** journeyVsTouchpoints() on a resolved spec. */
export function journeyVsTouchpointsResolved(
  table: ColumnTable,
  spec: JourneyVsTouchpointsSpec,
): JourneyVsTouchpointsResult {
  const score = resolveScoreColumn(table, spec.score, 'journey-vs-touchpoints');
  const answers = surveyAnswers(table, score);
  const journey = answers.scores.get(spec.journeyQuestion);
  if (!journey) {
    throw new Error(
      `journey-vs-touchpoints: no ${score} scores for ${spec.journeyQuestion}; the questions with scores are ${answers.questions.join(', ')}`,
    );
  }
  const touchpointNames = spec.touchpoints ?? answers.questions.filter((name) => name !== spec.journeyQuestion);
  const unknown = touchpointNames.filter((name) => !answers.scores.has(name));
  if (unknown.length > 0) throw new Error(`journey-vs-touchpoints: no ${score} scores for ${unknown.join(', ')}`);
  const scale = spec.scale ?? (answers.low < 1 || answers.high > 5 ? 10 : 5);
  const [minimum, maximum] = scale === 5 ? [1, 5] : [0, 10];
  if (answers.low < minimum || answers.high > maximum) {
    throw new Error(
      `journey-vs-touchpoints: score ${answers.low < minimum ? answers.low : answers.high} is outside the ${minimum}-${maximum} scale`,
    );
  }
  const threshold = spec.threshold ?? (scale === 5 ? 4 : 9);
  const lowThreshold = spec.lowThreshold ?? (scale === 5 ? 2 : 6);
  const touchpointScores = touchpointNames.map((name) => answers.scores.get(name) as Float64Array);
  // cellCounts[journeySatisfied ? 0 : 2 + (allSatisfied ? 0 : 1)]: the four cells in output order.
  const cellCounts = [0, 0, 0, 0];
  const byLow = new Map<number, { customers: number; sum: number }>();
  let customers = 0;
  let excluded = 0;
  for (let customer = 0; customer < answers.customers; customer++) {
    const journeyScore = journey[customer] as number;
    let rated = 0;
    let low = 0;
    let allSatisfied = true;
    for (const scores of touchpointScores) {
      const value = scores[customer] as number;
      if (Number.isNaN(value)) continue;
      rated++;
      if (value < threshold) allSatisfied = false;
      if (value <= lowThreshold) low++;
    }
    const answeredJourney = !Number.isNaN(journeyScore);
    if (!answeredJourney || rated === 0) {
      if (answeredJourney || rated > 0) excluded++;
      continue;
    }
    customers++;
    const cell = (journeyScore >= threshold ? 0 : 2) + (allSatisfied ? 0 : 1);
    cellCounts[cell] = (cellCounts[cell] as number) + 1;
    const row = byLow.get(low) ?? { customers: 0, sum: 0 };
    row.customers++;
    row.sum += journeyScore;
    byLow.set(low, row);
  }
  const share = (count: number) => (customers > 0 ? count / customers : null);
  const [yesYes, yesNo, noYes] = cellCounts as [number, number, number, number];
  return {
    journey_question: spec.journeyQuestion,
    touchpoints: touchpointNames,
    score,
    scale,
    scale_inferred: spec.scale === null,
    threshold,
    low_threshold: lowThreshold,
    customers,
    excluded,
    journey_satisfied_share: share(yesYes + yesNo),
    all_touchpoints_satisfied_share: share(yesYes + noYes),
    cells: cellCounts.map((count, index) => ({
      journey_satisfied: index < 2,
      touchpoints_satisfied: index % 2 === 0,
      customers: count,
      share: share(count),
    })),
    by_low_touchpoints: [...byLow.entries()]
      .sort(([a], [b]) => a - b)
      .map(([low, row]) => ({ low_touchpoints: low, customers: row.customers, mean_journey: row.sum / row.customers })),
  };
}
