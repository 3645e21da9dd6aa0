import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { aggregatedFunnel } from '../../../src/analytics/analyses/aggregatedFunnel.ts';

describe('aggregatedFunnel (spec §4.9)', () => {
  it('gives the same figures as an event-log funnel, without times', () => {
    const result = aggregatedFunnel(table({ step: ['visit', 'cart', 'buy'], customers: [1000, 300, 90] }));
    expect(result.warnings).toEqual([]);
    expect(result.steps[2]).toEqual({
      step: 3,
      name: 'buy',
      customers: 90,
      conversion_from_start: 0.09,
      conversion_from_previous: 0.3,
      dropped: 210,
      median_seconds_from_previous: null,
      mean_seconds_from_previous: null,
    });
  });

  it('by segment: buckets add up to the total; growing counts are a warning', () => {
    const result = aggregatedFunnel(
      table({
        step: ['visit', 'buy', 'visit', 'buy'],
        customers: [100, 10, 20, 30],
        segment: ['new', 'new', 'vip', 'vip'],
      }),
    );
    expect(result.steps.map((s) => s.customers)).toEqual([120, 40]);
    expect(result.breakdown.map((b) => [b.value, b.steps.map((s) => s.customers)])).toEqual([
      ['new', [100, 10]],
      ['vip', [20, 30]],
    ]);
    expect(result.warnings).toEqual([
      'segment "vip": customers grow from step 1 "visit" (20) to step 2 "buy" (30): this is a stage table, not a funnel',
    ]);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => aggregatedFunnel(table({ step: ['a', 'b'], customers: [10, 2.5] }))).toThrow(
      'row 2: customers must be a whole number',
    );
  });
});
