/**
 * Cohort retention (spec §6): customers grouped by the calendar period of their
 * first start event, then counted in each later period in which they return
 * ("on") or in which they return then or later ("on or after").
 *
 * @example
 *   retention(table, { period: 'week', tz: 'Asia/Shanghai', start_event: 'signup' });
 *   // { period: 'week', mode: 'on', cohorts: [{ cohort: '2024-03-04', size: 120,
 *   //   counts: [120, 48, 30, null], rates: [1, 0.4, 0.25, null], partial: [false, false, true, false] }, ...] }
 */
import { calendarPeriods, periodIndex } from './calendarPeriods.ts';
import { customerRuns } from './customerRuns.ts';
import { encodeEvents } from '../encodeEvents.ts';
import type { ColumnTable } from '../events.ts';
import { z } from 'zod';
import {
  parseRetentionSpec,
  RETENTION_MODES,
  RETENTION_PERIODS,
  type RetentionSpec,
  type RetentionSpecInput,
} from './spec.ts';

export const retentionCohortSchema = z.object({
  /** First local day of the cohort's period, YYYY-MM-DD. */
  cohort: z.string(),
  size: z.number(),
  counts: z.array(z.number().nullable()),
  rates: z.array(z.number().nullable()),
  partial: z.array(z.boolean()),
});
export type RetentionCohort = z.output<typeof retentionCohortSchema>;

export const retentionResultSchema = z.object({
  period: z.enum(RETENTION_PERIODS),
  mode: z.enum(RETENTION_MODES),
  cohorts: z.array(retentionCohortSchema),
});
export type RetentionResult = z.output<typeof retentionResultSchema>;

export function retention(table: ColumnTable, specInput: RetentionSpecInput = {}): RetentionResult {
  return retentionResolved(table, parseRetentionSpec(specInput));
}

export function retentionResolved(table: ColumnTable, spec: RetentionSpec): RetentionResult {
  const encoded = encodeEvents(table);
  const { order, runStarts } = customerRuns(encoded);
  const { eventCodes, timestamps, eventNames } = encoded;
  const empty: RetentionResult = { period: spec.period, mode: spec.mode, cohorts: [] };
  if (encoded.rows === 0) return empty;
  const startCode = spec.startEvent === null ? -1 : eventNames.indexOf(spec.startEvent);
  const returnCode = spec.returnEvent === null ? -1 : eventNames.indexOf(spec.returnEvent);
  if (spec.startEvent !== null && startCode < 0) return empty;

  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let row = 0; row < encoded.rows; row++) {
    const t = timestamps[row]!;
    if (t < firstMs) firstMs = t;
    if (t > lastMs) lastMs = t;
  }
  const periods = calendarPeriods(firstMs, lastMs, spec.period, spec.timeZone);
  const lastPeriod = periods.startsMs.length - 1;
  const isStart = (code: number) => startCode < 0 || code === startCode;
  const isReturn = (code: number) => (spec.returnEvent === null ? true : code === returnCode);

  // counts[cohort][offset], kept as a flat difference/tally array per cohort.
  const width = lastPeriod + 2;
  const tally = new Float64Array((lastPeriod + 1) * width);
  const sizes = new Float64Array(lastPeriod + 1);
  for (let customer = 0; customer < runStarts.length - 1; customer++) {
    const end = runStarts[customer + 1]!;
    let cohort = -1;
    // Runs are in time order: the first start event fixes the cohort.
    for (let i = runStarts[customer]!; i < end; i++) {
      const row = order[i]!;
      if (isStart(eventCodes[row]!)) {
        cohort = periodIndex(periods, timestamps[row]!);
        break;
      }
    }
    if (cohort < 0) continue;
    sizes[cohort]!++;
    const base = cohort * width;
    let previousPeriod = cohort;
    for (let i = runStarts[customer]!; i < end; i++) {
      const row = order[i]!;
      if (!isReturn(eventCodes[row]!)) continue;
      const t = timestamps[row]!;
      // Still inside the period already counted (or before it): skip the search.
      if (previousPeriod === lastPeriod || t < periods.startsMs[previousPeriod + 1]!) continue;
      const period = periodIndex(periods, t);
      if (period <= previousPeriod) continue;
      previousPeriod = period;
      if (spec.mode === 'on') tally[base + period - cohort]!++;
    }
    if (spec.mode === 'on_or_after' && previousPeriod > cohort) {
      // Returned as late as `previousPeriod`: counts in every period 1..that offset.
      tally[base + 1]!++;
      tally[base + previousPeriod - cohort + 1]!--;
    }
  }

  let firstCohort = 0;
  while (sizes[firstCohort] === 0 && firstCohort < lastPeriod) firstCohort++;
  const columns = lastPeriod - firstCohort + 1;
  const cohorts: RetentionCohort[] = [];
  for (let cohort = firstCohort; cohort <= lastPeriod; cohort++) {
    const size = sizes[cohort]!;
    if (size === 0) continue;
    const counts: (number | null)[] = [];
    const rates: (number | null)[] = [];
    const partial: boolean[] = [];
    let running = 0;
    for (let offset = 0; offset < columns; offset++) {
      const period = cohort + offset;
      if (period > lastPeriod) {
        counts.push(null);
        rates.push(null);
        partial.push(false);
        continue;
      }
      let count: number;
      if (offset === 0) count = size;
      else if (spec.mode === 'on') count = tally[cohort * width + offset]!;
      else count = running += tally[cohort * width + offset]!;
      counts.push(count);
      rates.push(count / size);
      partial.push(period === lastPeriod);
    }
    cohorts.push({ cohort: periods.labels[cohort]!, size, counts, rates, partial });
  }
  return { period: spec.period, mode: spec.mode, cohorts };
}
