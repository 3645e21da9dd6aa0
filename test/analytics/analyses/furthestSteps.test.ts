/**
 * furthestSteps, the per-customer core of funnel, stalls and what-if, checked
 * on a ten-row log worked through by hand for each mode. Rows are given out of
 * time order and interleaved across customers, so the counted attempt's row
 * must be the input row, not a sorted position.
 */
import { describe, expect, it } from 'vitest';
import { encodeEvents } from '../../../src/analytics/encodeEvents.ts';
import { eventTable } from '../../../src/analytics/events.ts';
import { furthestSteps, type FurthestStepsSpec } from '../../../src/analytics/analyses/furthestSteps.ts';
import type { FunnelMode, FunnelStep } from '../../../src/analytics/analyses/spec.ts';

const MIN = 60_000;

const step = (...events: string[]): FunnelStep => ({ name: events.join('|'), events });
const spec = (mode: FunnelMode, windowSeconds = 3600): FurthestStepsSpec => ({
  steps: [step('A'), step('B'), step('C')],
  windowSeconds,
  mode,
});

/** Rows as [customer, minutes, event]; customer codes follow first appearance: u 0, v 1, w 2, x 3. */
function log(rows: [string, number, string][]) {
  return encodeEvents(
    eventTable({
      customer_id: rows.map((r) => r[0]),
      timestamp: rows.map((r) => r[1] * MIN),
      event: rows.map((r) => r[2]),
    }),
  );
}

const LOG = log([
  ['u', 30, 'A'], // row 0
  ['v', 5, 'B'], // row 1
  ['u', 0, 'A'], // row 2
  ['w', 0, 'A'], // row 3
  ['u', 40, 'B'], // row 4
  ['u', 10, 'B'], // row 5
  ['w', 5, 'C'], // row 6
  ['x', 7, 'X'], // row 7
  ['u', 80, 'C'], // row 8
  ['w', 20, 'B'], // row 9
]);

const minutes = (values: ArrayLike<number>) => Array.from(values, (ms) => (Number.isNaN(ms) ? null : ms / MIN));

describe('furthestSteps', () => {
  it('ordered: the earliest attempt reaching the furthest step, and its step times', () => {
    // u: from A@0, B@10 but C@80 is 80 min later (> 1 h): 2 steps; from A@30: B@40, C@80 (50 min): 3.
    // v: never enters (no A). w: A@0, B@20, no C after B: 2. x: no step event.
    const result = furthestSteps(LOG, spec('ordered'));
    expect(result.stepCount).toBe(3);
    expect(Array.from(result.furthest)).toEqual([3, 0, 2, 0]);
    expect(Array.from(result.attemptStartRow)).toEqual([0, -1, 3, -1]);
    expect(minutes(result.stepTimes)).toEqual([30, 40, 80, null, null, null, 0, 20, null, null, null, null]);
    expect(minutes(result.lastEventMs)).toEqual([80, 5, 20, 7]);
  });

  it('strict: the very next event must be the next step', () => {
    // u: from A@0, B@10, then A@30 is not C: 2; from A@30, B@40, C@80: 3. w: A@0 then C@5, not B: 1.
    const result = furthestSteps(LOG, spec('strict'));
    expect(Array.from(result.furthest)).toEqual([3, 0, 1, 0]);
    expect(Array.from(result.attemptStartRow)).toEqual([0, -1, 3, -1]);
    expect(minutes(result.stepTimes)).toEqual([30, 40, 80, null, null, null, 0, null, null, null, null, null]);
  });

  it('unordered: any step may start, times are in the order steps were completed', () => {
    // u: from A@0, A B within the hour, C@80 is not: 2; from A@30: A B C. v: B alone is one step.
    // w: A@0, C@5, B@20: all three, completed at 0, 5 and 20.
    const result = furthestSteps(LOG, spec('unordered'));
    expect(Array.from(result.furthest)).toEqual([3, 1, 3, 0]);
    expect(Array.from(result.attemptStartRow)).toEqual([0, 1, 3, -1]);
    expect(minutes(result.stepTimes)).toEqual([30, 40, 80, 5, null, null, 0, 5, 20, null, null, null]);
  });

  it('counts a step exactly at the window edge, not one millisecond later', () => {
    const encoded = encodeEvents(
      eventTable({
        customer_id: ['on', 'on', 'late', 'late'],
        timestamp: [0, 3_600_000, 0, 3_600_001],
        event: ['A', 'B', 'A', 'B'],
      }),
    );
    expect(Array.from(furthestSteps(encoded, spec('ordered')).furthest)).toEqual([2, 1]);
    expect(Array.from(furthestSteps(encoded, spec('strict')).furthest)).toEqual([2, 1]);
    expect(Array.from(furthestSteps(encoded, spec('unordered')).furthest)).toEqual([2, 1]);
  });

  it('sorts equal timestamps by the first step they match, and matches any event of a step', () => {
    // B is listed before A at the same instant; the tie goes to A (step 1), so A then B counts.
    const tie = encodeEvents(eventTable({ customer_id: ['u', 'u'], timestamp: [0, 0], event: ['B', 'A'] }));
    const ordered = furthestSteps(tie, spec('ordered'));
    expect(Array.from(ordered.furthest)).toEqual([2]);
    expect(Array.from(ordered.attemptStartRow)).toEqual([1]);
    const alternatives = encodeEvents(
      eventTable({ customer_id: ['u', 'u', 'u'], timestamp: [0, MIN, 2 * MIN], event: ['A2', 'B', 'C'] }),
    );
    const twoNames: FurthestStepsSpec = {
      steps: [step('A', 'A2'), step('B'), step('C')],
      windowSeconds: 60,
      mode: 'ordered',
    };
    // A2@0, B@1 min (within 60 s), C@2 min (past the window).
    expect(Array.from(furthestSteps(alternatives, twoNames).furthest)).toEqual([2]);
  });
});
