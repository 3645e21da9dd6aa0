import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/analytics/analyses/whatIf.ts';
import { projectCustomers } from '../../src/client/whatIfProjection.ts';
import { table, STEPS } from '../charts/chartFixtures.ts';

describe('projectCustomers (the browser what-if)', () => {
  it('works a hand example: +50% on step 2 of 1000 → 400 → 100', () => {
    const projected = projectCustomers([1000, 400, 100], [1, 0.4, 0.25], 2, 0.5);
    [1000, 600, 150].forEach((expected, index) => expect(projected[index]).toBeCloseTo(expected, 9));
  });

  it('caps the raised conversion at 100%', () => {
    expect(projectCustomers([100, 80], [1, 0.8], 2, 0.5)).toEqual([100, 100]);
  });

  it('equals the analytics what-if for every step and uplift', () => {
    for (const step of [2, 3, 4]) {
      for (const uplift of [0, 0.1, 0.5, 1.2]) {
        const result = whatIf(table, { steps: STEPS, step, uplift });
        const projected = projectCustomers(
          result.steps.map((s) => s.customers),
          result.steps.map((s) => s.conversion_from_previous),
          step,
          uplift,
        );
        expect(projected).toEqual(result.steps.map((s) => s.projected_customers));
      }
    }
  });
});
