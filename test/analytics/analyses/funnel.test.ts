import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { funnel } from '../../../src/analytics/analyses/funnel.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A one-customer-per-letter-group log: rows as [customer, minutes, event, channel?]. */
function log(rows: [string, number, string, (string | null)?][]) {
  return eventTable({
    customer_id: rows.map((r) => r[0]),
    timestamp: rows.map((r) => r[1] * MIN),
    event: rows.map((r) => r[2]),
    channel: rows.map((r) => r[3] ?? null),
  });
}

const customersPerStep = (result: ReturnType<typeof funnel>) => result.steps.map((s) => s.customers);

describe('funnel (spec §4)', () => {
  it('re-entry: A 1:00, A 1:30, B 1:45, C 2:15 with a 1 h window converts, timed from the 1:30 attempt', () => {
    const table = log([
      ['u', 60, 'A'],
      ['u', 90, 'A'],
      ['u', 105, 'B'],
      ['u', 135, 'C'],
    ]);
    const result = funnel(table, { steps: 'A,B,C', window: '1h' });
    expect(customersPerStep(result)).toEqual([1, 1, 1]);
    expect(result.steps[1]!.median_seconds_from_previous).toBe(15 * 60);
    expect(result.steps[2]!.median_seconds_from_previous).toBe(30 * 60);
    expect(result.window_seconds).toBe(3600);
    expect(result.mode).toBe('ordered');
  });

  it('a step exactly at the window edge counts; one millisecond later does not', () => {
    const edge = eventTable({ customer_id: ['u', 'u'], timestamp: [0, HOUR], event: ['A', 'B'] });
    const late = eventTable({ customer_id: ['u', 'u'], timestamp: [0, HOUR + 1], event: ['A', 'B'] });
    expect(customersPerStep(funnel(edge, { steps: 'A,B', window: '1h' }))).toEqual([1, 1]);
    expect(customersPerStep(funnel(late, { steps: 'A,B', window: '1h' }))).toEqual([1, 0]);
  });

  it('ordered mode lets other events in between; strict mode ends the attempt at them', () => {
    const table = log([
      ['u', 0, 'A'],
      ['u', 1, 'X'],
      ['u', 2, 'B'],
      ['u', 3, 'C'],
    ]);
    expect(customersPerStep(funnel(table, { steps: 'A,B,C' }))).toEqual([1, 1, 1]);
    expect(customersPerStep(funnel(table, { steps: 'A,B,C', mode: 'strict' }))).toEqual([1, 0, 0]);
  });

  it('strict mode: a later step-1 event starts a new attempt (reset)', () => {
    const table = log([
      ['u', 0, 'A'],
      ['u', 1, 'X'],
      ['u', 2, 'A'],
      ['u', 3, 'B'],
      ['u', 4, 'X'],
      ['u', 5, 'C'],
    ]);
    const result = funnel(table, { steps: 'A,B,C', mode: 'strict' });
    expect(customersPerStep(result)).toEqual([1, 1, 0]);
    expect(result.steps[1]!.mean_seconds_from_previous).toBe(60);
  });

  it('unordered mode counts distinct steps done in the window, in any order', () => {
    const table = log([
      ['u', 0, 'C'],
      ['u', 1, 'B'],
      ['u', 2, 'A'],
      ['v', 0, 'B'],
      ['v', 2000, 'A'],
    ]);
    const unordered = funnel(table, { steps: 'A,B,C', mode: 'unordered', window: '1d' });
    expect(customersPerStep(unordered)).toEqual([2, 1, 1]);
    expect(unordered.steps[1]!.median_seconds_from_previous).toBe(60);
    expect(customersPerStep(funnel(table, { steps: 'A,B,C' }))).toEqual([2, 0, 0]);
  });

  it('ties are resolved in the funnel’s favour, then input order', () => {
    // C is written before B at the same instant; B sorts first because it is step 2.
    const table = log([
      ['u', 0, 'A'],
      ['u', 5, 'C'],
      ['u', 5, 'B'],
    ]);
    expect(customersPerStep(funnel(table, { steps: 'A,B,C' }))).toEqual([1, 1, 1]);
    expect(customersPerStep(funnel(table, { steps: 'A,B,C', mode: 'strict' }))).toEqual([1, 1, 1]);
    // Non-matching events sort after matching ones at the same instant.
    const noise = log([
      ['v', 0, 'A'],
      ['v', 5, 'X'],
      ['v', 5, 'B'],
    ]);
    expect(customersPerStep(funnel(noise, { steps: 'A,B', mode: 'strict' }))).toEqual([1, 1]);
  });

  it('each step is matched by a distinct event, and alternatives a|b match either name', () => {
    const table = log([
      ['u', 0, 'A'],
      ['u', 1, 'A'],
      ['v', 0, 'A'],
      ['w', 0, 'A'],
      ['w', 1, 'b2'],
    ]);
    const result = funnel(table, { steps: ['A', 'A', 'b1|b2'] });
    expect(customersPerStep(result)).toEqual([3, 1, 0]);
    const alternatives = funnel(table, { steps: 'A,b1|b2' });
    expect(alternatives.steps[1]).toMatchObject({ name: 'b1|b2', customers: 1 });
  });

  it('figures per step: conversions, dropped, median and mean time to convert', () => {
    const table = log([
      ['a', 0, 'A'],
      ['a', 1, 'B'],
      ['b', 0, 'A'],
      ['b', 2, 'B'],
      ['c', 0, 'A'],
      ['c', 10, 'B'],
      ['d', 0, 'A'],
    ]);
    const [first, second] = funnel(table, { steps: 'A,B' }).steps;
    expect(first).toEqual({
      step: 1,
      name: 'A',
      customers: 4,
      conversion_from_start: 1,
      conversion_from_previous: 1,
      dropped: 0,
      median_seconds_from_previous: null,
      mean_seconds_from_previous: null,
    });
    expect(second).toEqual({
      step: 2,
      name: 'B',
      customers: 3,
      conversion_from_start: 0.75,
      conversion_from_previous: 0.75,
      dropped: 1,
      median_seconds_from_previous: 120,
      mean_seconds_from_previous: (60 + 120 + 600) / 3,
    });
  });

  it('zero gaps count in the time to convert', () => {
    const table = log([
      ['a', 0, 'A'],
      ['a', 0, 'B'],
      ['b', 0, 'A'],
      ['b', 3, 'B'],
    ]);
    const second = funnel(table, { steps: 'A,B' }).steps[1]!;
    expect(second.median_seconds_from_previous).toBe(90);
    expect(second.mean_seconds_from_previous).toBe(90);
  });

  it('nobody entered: conversions at step 1 are null', () => {
    const table = log([['a', 0, 'X']]);
    const result = funnel(table, { steps: 'A,B' });
    expect(result.steps[0]!.conversion_from_start).toBeNull();
    expect(result.steps[1]!.conversion_from_previous).toBeNull();
    expect(customersPerStep(result)).toEqual([0, 0]);
  });

  it('breakdown by first touch of the counted attempt; (none) for empty; buckets add up', () => {
    const table = log([
      ['a', 0, 'A', 'web'],
      ['a', 30 * 24 * 60, 'A', 'app'],
      ['a', 30 * 24 * 60 + 1, 'B', 'app'],
      ['b', 0, 'A', 'web'],
      ['c', 0, 'A', null],
      ['c', 1, 'B', 'web'],
      ['d', 0, 'A', ''],
    ]);
    const result = funnel(table, { steps: 'A,B', by: 'channel' });
    expect(result.breakdown.map((b) => [b.value, b.steps.map((s) => s.customers)])).toEqual([
      ['(none)', [2, 1]],
      ['app', [1, 1]],
      ['web', [1, 0]],
    ]);
    for (const step of [0, 1]) {
      const sum = result.breakdown.reduce((total, bucket) => total + bucket.steps[step]!.customers, 0);
      expect(sum).toBe(result.steps[step]!.customers);
    }
  });

  it('reads a filtered or reordered table view in its row order', () => {
    const table = log([
      ['u', 0, 'A', 'web'],
      ['u', 1, 'X', 'web'],
      ['u', 2, 'B', 'app'],
      ['v', 0, 'A', 'app'],
    ]);
    const strict = { steps: 'A,B', mode: 'strict' as const, by: 'channel' };
    expect(customersPerStep(funnel(table, strict))).toEqual([2, 0]);
    const filtered = table.filter((d: { event: string }) => d.event !== 'X');
    expect(customersPerStep(funnel(filtered, strict))).toEqual([2, 1]);
    expect(funnel(filtered, strict).breakdown.map((b) => [b.value, b.steps[1]!.customers])).toEqual([
      ['app', 0],
      ['web', 1],
    ]);
    const reordered = table.orderby('timestamp');
    expect(funnel(reordered, strict)).toEqual(funnel(table, strict));
  });

  it('rejects a bad window and an unknown breakdown column', () => {
    const table = log([['a', 0, 'A']]);
    expect(() => funnel(table, { steps: 'A,B', window: '3x' })).toThrow('invalid window: 3x');
    expect(() => funnel(table, { steps: 'A' })).toThrow('2 to 30 steps');
    expect(() => funnel(table, { steps: 'A,B', by: 'region' })).toThrow('no such column');
  });
});
