/**
 * Per-stage figures for a journey map: distinct customers with an event in
 * the stage, and the count and mean of satisfaction scores given there. A
 * stage is its list of event names when given, else the rows whose `stage`
 * column equals its id. The scale is inferred as in spec §8 (a score below 1
 * or above 5 means 0-10) unless declared.
 *
 * @example
 *   stageFigures(table, [{ id: 'apply', events: ['提交申请', '上传证件'] }, { id: 'verify' }]);
 *   // { scale: 5, stages: [{ id: 'apply', customers: 545, scores: 0, mean_satisfaction: null }, ...] }
 */
import { z } from 'zod';
import { hasColumn, type ColumnTable } from '../events.ts';

export interface StageDefinition {
  id: string;
  events?: readonly string[];
}

export const stageFigureSchema = z.object({
  id: z.string(),
  customers: z.number(),
  /** Customers who gave a score in the stage (what suppression counts for the mean). */
  scored_customers: z.number(),
  scores: z.number(),
  mean_satisfaction: z.number().nullable(),
});
export type StageFigure = z.output<typeof stageFigureSchema>;

export const stageFiguresResultSchema = z.object({
  scale: z.union([z.literal(5), z.literal(10)]).nullable(),
  stages: z.array(stageFigureSchema),
});
export type StageFiguresResult = z.output<typeof stageFiguresResultSchema>;

export function stageFigures(
  table: ColumnTable,
  stages: readonly StageDefinition[],
  scale?: 5 | 10,
): StageFiguresResult {
  const customerIds = table.array('customer_id') as ArrayLike<string>;
  const events = table.array('event') as ArrayLike<string>;
  const stageColumn = hasColumn(table, 'stage') ? (table.array('stage') as ArrayLike<string | null>) : null;
  const scoreColumn = hasColumn(table, 'satisfaction')
    ? (table.array('satisfaction') as ArrayLike<number | null>)
    : null;
  let outside = false;
  const figures = stages.map((stage) => {
    const names = stage.events && stage.events.length > 0 ? new Set(stage.events) : null;
    const customers = new Set<string>();
    const scored = new Set<string>();
    let sum = 0;
    let count = 0;
    for (let row = 0; row < customerIds.length; row++) {
      const inStage = names ? names.has(events[row]!) : stageColumn !== null && stageColumn[row] === stage.id;
      if (!inStage) continue;
      customers.add(customerIds[row]!);
      const score = scoreColumn?.[row];
      if (score === null || score === undefined || Number.isNaN(score)) continue;
      if (score < 1 || score > 5) outside = true;
      scored.add(customerIds[row]!);
      sum += score;
      count++;
    }
    return {
      id: stage.id,
      customers: customers.size,
      scored_customers: scored.size,
      scores: count,
      mean_satisfaction: count ? sum / count : null,
    };
  });
  const anyScores = figures.some((figure) => figure.scores > 0);
  return { scale: scale ?? (anyScores ? (outside ? 10 : 5) : null), stages: figures };
}
