/**
 * Satisfaction per touchpoint, stage and channel (spec §8): count, mean and,
 * on a 1-5 scale, CSAT (share of scores >= 4); on a 0-10 scale, NPS
 * (% promoters 9-10 minus % detractors 0-6). The scale is declared or inferred
 * (`scale_inferred` says which): any score below 1 or above 5 means 0-10.
 *
 * @example
 *   satisfaction(table, { scale: 5 });
 *   // { scale: 5, scale_inferred: false, by_event: [{ name: 'support_call', customers: 40, count: 52, mean: 3.9, csat: 0.71 }], ... }
 */
import { encodeColumn, encodeEvents } from '../encodeEvents.ts';
import { hasColumn, type ColumnTable } from '../events.ts';
import { z } from 'zod';
import { parseSatisfactionSpec, type SatisfactionSpec, type SatisfactionSpecInput } from './spec.ts';

export const satisfactionRowSchema = z.object({
  name: z.string(),
  /** Distinct customers who gave a score (what small-cell suppression counts). */
  customers: z.number(),
  /** Number of scores. */
  count: z.number(),
  mean: z.number(),
  /** Share of scores >= 4, on the 1-5 scale only. */
  csat: z.number().optional(),
  /** Promoters minus detractors in points (-100..100), on the 0-10 scale only. */
  nps: z.number().optional(),
});
export type SatisfactionRow = z.output<typeof satisfactionRowSchema>;

export const satisfactionResultSchema = z.object({
  scale: z.union([z.literal(5), z.literal(10)]),
  scale_inferred: z.boolean().default(false),
  by_event: z.array(satisfactionRowSchema),
  by_stage: z.array(satisfactionRowSchema),
  by_channel: z.array(satisfactionRowSchema),
});
export type SatisfactionResult = z.output<typeof satisfactionResultSchema>;

export function satisfaction(table: ColumnTable, specInput: SatisfactionSpecInput = {}): SatisfactionResult {
  return satisfactionResolved(table, parseSatisfactionSpec(specInput));
}

export function satisfactionResolved(table: ColumnTable, spec: SatisfactionSpec): SatisfactionResult {
  if (!hasColumn(table, 'satisfaction')) {
    throw new Error('satisfaction: the table has no satisfaction column (map one with --map satisfaction=<column>)');
  }
  const scores = table.array('satisfaction') as ArrayLike<number | null>;
  const scored: number[] = [];
  let low = Infinity;
  let high = -Infinity;
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row];
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    scored.push(row);
    if (score < low) low = score;
    if (score > high) high = score;
  }
  const scale = spec.scale ?? (low < 1 || high > 5 ? 10 : 5);
  const [minimum, maximum] = scale === 5 ? [1, 5] : [0, 10];
  if (scored.length > 0 && (low < minimum || high > maximum)) {
    const offending = low < minimum ? low : high;
    throw new Error(
      `satisfaction: score ${offending} is outside the ${minimum}-${maximum} scale` +
        (spec.scale === null
          ? ' (scores must be 1-5 for CSAT or 0-10 for NPS)'
          : ' (declare the other scale with --scale)'),
    );
  }
  const { customerCodes, eventCodes, eventNames } = encodeEvents(table);
  const byText = (column: string): SatisfactionRow[] => {
    if (!hasColumn(table, column)) return [];
    const { codes, dictionary } = encodeColumn(table.array(column) as ArrayLike<unknown>);
    return summarise(scored, scores, codes, dictionary, customerCodes, scale);
  };
  return {
    scale,
    scale_inferred: spec.scale === null,
    by_event: summarise(scored, scores, eventCodes, eventNames, customerCodes, scale),
    by_stage: byText('stage'),
    by_channel: byText('channel'),
  };
}

function summarise(
  rows: number[],
  scores: ArrayLike<number | null>,
  groupCodes: Int32Array,
  groupNames: string[],
  customerCodes: Int32Array,
  scale: 5 | 10,
): SatisfactionRow[] {
  const groups = groupNames.length;
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const good = new Float64Array(groups);
  const bad = new Float64Array(groups);
  const customersSeen = groupNames.map(() => new Set<number>());
  for (const row of rows) {
    const group = groupCodes[row]!;
    // Empty grouping values are left out of that grouping (spec §8).
    if (groupNames[group] === '') continue;
    const score = scores[row] as number;
    count[group]!++;
    sum[group]! += score;
    if (scale === 5 ? score >= 4 : score >= 9) good[group]!++;
    if (scale === 10 && score <= 6) bad[group]!++;
    customersSeen[group]!.add(customerCodes[row]!);
  }
  const result: SatisfactionRow[] = [];
  for (let group = 0; group < groups; group++) {
    if (count[group] === 0) continue;
    const row: SatisfactionRow = {
      name: groupNames[group]!,
      customers: customersSeen[group]!.size,
      count: count[group]!,
      mean: sum[group]! / count[group]!,
    };
    if (scale === 5) row.csat = good[group]! / count[group]!;
    else row.nps = ((good[group]! - bad[group]!) / count[group]!) * 100;
    result.push(row);
  }
  // Most answered first, then by name in code-unit order.
  return result.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
