import { describe, expect, it } from 'vitest';
import { compareFunnels } from '../../../src/analytics/analyses/compareFunnels.ts';
import { handFunnel } from '../../charts/chartFixtures.ts';

// Expected z and p computed independently (Python: unpooled SE, p = erfc(|z| / sqrt 2)).
const before = handFunnel([200, 120, 60, 20]);
const after = handFunnel([210, 130, 70, 35]);

describe('compareFunnels', () => {
  it('tests each step on conversion from the one before, and first to last overall', () => {
    const tests = compareFunnels({ before, after });
    expect(tests.steps[0]).toBeNull();
    expect(tests.steps.map((test) => test?.p_value ?? null)).toEqual([
      null,
      expect.closeTo(0.692695161450561, 12),
      expect.closeTo(0.5428503440112151, 12),
      expect.closeTo(0.05069922546523274, 12),
    ]);
    expect(tests.steps[3]).toMatchObject({ before: { successes: 20, n: 60 }, after: { successes: 35, n: 70 } });
    expect(tests.overall).toMatchObject({ before: { successes: 20, n: 200 }, after: { successes: 35, n: 210 } });
    expect(tests.overall?.z).toBeCloseTo(1.999761947270477, 12);
    expect(tests.overall?.p_value).toBeCloseTo(0.0455259754102221, 12);
    expect(tests.overall?.lift).toBeCloseTo(2 / 3, 12);
  });

  it('makes no test where a count is under k or a base is empty', () => {
    const tests = compareFunnels({ before, after }, 25);
    expect(tests.steps.map((test) => test === null)).toEqual([true, false, false, true]);
    expect(tests.overall).toBeNull();
    const nobody = { ...before, steps: before.steps.map((step) => ({ ...step, customers: 0 })) };
    const empty = compareFunnels({ before: nobody, after });
    expect(empty.steps.every((test) => test === null)).toBe(true);
    expect(empty.overall).toBeNull();
  });

  it('refuses periods whose steps differ', () => {
    expect(() => compareFunnels({ before, after: handFunnel([10, 5], ['visit', 'purchase']) })).toThrow(
      'the two periods must have the same steps',
    );
  });
});
