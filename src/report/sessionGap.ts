/**
 * Chooses the paths' session gap for a new report from its data: a journey
 * whose funnel steps are typically more than 30 minutes apart spans hours or
 * days, and cutting it into 30-minute sessions would show fragments (a
 * one-event "session" as the commonest path). Then paths are not cut at all.
 *
 * @example
 *   chooseSessionGap(table, ['quote', 'apply', 'policy']); // null (no cut) or '30m'
 */
import type { ColumnTable } from '../analytics/events.ts';

export const DEFAULT_SESSION_GAP = '30m';
const GAP_SECONDS = 30 * 60;

/** The median, in seconds, between a customer's first event of one funnel step and of the next; null without any. */
export function medianStepGapSeconds(table: ColumnTable, steps: readonly string[]): number | null {
  const stepOf = new Map<string, number>();
  steps.forEach((step, index) => step.split('|').forEach((name) => stepOf.set(name, index)));
  const ids = table.array('customer_id') as ArrayLike<unknown>;
  const times = table.array('timestamp') as ArrayLike<number>;
  const events = table.array('event') as ArrayLike<string>;
  const firstTimes = new Map<unknown, number[]>();
  for (let row = 0; row < events.length; row++) {
    const step = stepOf.get(events[row]!);
    if (step === undefined) continue;
    let perStep = firstTimes.get(ids[row]);
    if (!perStep) firstTimes.set(ids[row], (perStep = new Array<number>(steps.length).fill(Number.NaN)));
    const time = times[row]!;
    if (!(perStep[step]! <= time)) perStep[step] = time;
  }
  const gaps: number[] = [];
  for (const perStep of firstTimes.values())
    for (let step = 1; step < perStep.length; step++) {
      const gap = perStep[step]! - perStep[step - 1]!;
      if (gap >= 0) gaps.push(gap); // NaN (a step not reached) fails the test
    }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const middle = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
  return median / 1000;
}

/** '30m' when steps are usually minutes apart; null (no cut) when the median gap exceeds 30 minutes. */
export function chooseSessionGap(table: ColumnTable, steps: readonly string[]): string | null {
  const median = medianStepGapSeconds(table, steps);
  return median !== null && median > GAP_SECONDS ? null : DEFAULT_SESSION_GAP;
}
