import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { whatIf } from '../../../src/analytics/analyses/whatIf.ts';

describe('whatIf', () => {
  // 4 visit; 2 of them add to cart; 1 buys for 50.
  const table = eventTable({
    customer_id: ['a', 'b', 'c', 'd', 'a', 'b', 'a'],
    timestamp: [0, 0, 0, 0, 1, 1, 2],
    event: ['visit', 'visit', 'visit', 'visit', 'cart', 'cart', 'purchase'],
    value: [null, null, null, null, null, null, 50],
  });

  it('raises one step and carries it through later steps and value', () => {
    const result = whatIf(table, { steps: 'visit,cart,purchase', step: 2, uplift: 0.5 });
    // cart: 4 * 0.5 * 1.5 = 3; purchase: 3 * 0.5 = 1.5; extra 0.5 buyers * AOV 50 = 25.
    expect(result.steps.map((s) => s.projected_customers)).toEqual([4, 3, 1.5]);
    expect(result.steps[1]!.projected_conversion_from_previous).toBe(0.75);
    expect(result).toMatchObject({
      step: 2,
      uplift: 0.5,
      capped: false,
      aov: 50,
      additional_customers: 0.5,
      additional_value: 25,
    });
  });

  it('caps a conversion at 100%', () => {
    const result = whatIf(table, { steps: 'visit,cart,purchase', step: 3, uplift: 2 });
    expect(result.capped).toBe(true);
    expect(result.steps[2]!.projected_customers).toBe(2);
  });

  it('rejects step 1 and steps beyond the funnel', () => {
    expect(() => whatIf(table, { steps: 'visit,cart', step: 1, uplift: 0.1 })).toThrow();
    expect(() => whatIf(table, { steps: 'visit,cart', step: 3, uplift: 0.1 })).toThrow('invalid step: 3');
  });
});
