import { describe, expect, it } from 'vitest';
import { compareRates, wilsonInterval } from '../../../src/analytics/analyses/compareRates.ts';
import { normalCdf, normalUpperTail } from '../../../src/analytics/analyses/normalCdf.ts';

describe('compareRates (spec §9)', () => {
  it('the spec check: 5/10 against 6/10 gives SE 0.2214, z 0.4518, p 0.6514', () => {
    const result = compareRates({ before: { successes: 5, n: 10 }, after: { successes: 6, n: 10 } });
    expect(result.se).toBeCloseTo(0.2214, 4);
    expect(result.z).toBeCloseTo(0.4518, 4);
    expect(result.p_value).toBeCloseTo(0.6514, 4);
    // SE = sqrt(0.025 + 0.024) = sqrt(0.049); lift 0.1 / 0.5.
    expect(result.se).toBeCloseTo(Math.sqrt(0.049), 15);
    expect(result.difference).toBeCloseTo(0.1, 15);
    expect(result.lift).toBeCloseTo(0.2, 15);
    expect(result.ci_low).toBeCloseTo(0.1 - 1.96 * Math.sqrt(0.049), 15);
    expect(result.ci_high).toBeCloseTo(0.1 + 1.96 * Math.sqrt(0.049), 15);
  });

  it('Wilson intervals by hand: 5/10 is 0.5 ± 0.2634; 0/10 starts at 0', () => {
    // centre (0.5 + 0.19208) / 1.38416 = 0.5; half (1.96 / 1.38416) * sqrt(0.025 + 0.0096040) = 0.263413...
    const [low, high] = wilsonInterval(5, 10);
    const half = (1.96 / (1 + 0.38416)) * Math.sqrt(0.025 + 3.8416 / 400);
    expect(low).toBeCloseTo(0.5 - half, 15);
    expect(high).toBeCloseTo(0.5 + half, 15);
    expect(half).toBeCloseTo(0.26341, 5);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
  });

  it('no variance: z and p are null; a zero baseline has no lift', () => {
    const result = compareRates({ before: { successes: 0, n: 10 }, after: { successes: 0, n: 20 } });
    expect(result).toMatchObject({ se: 0, z: null, p_value: null, lift: null, difference: 0 });
  });

  it('rejects successes above n', () => {
    expect(() => compareRates({ before: { successes: 11, n: 10 }, after: { successes: 1, n: 10 } })).toThrow(
      'successes must not exceed n',
    );
  });
});

describe('normalCdf', () => {
  it('matches published values of Φ and its upper tail', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951482205, 15);
    expect(normalUpperTail(3) / 0.0013498980316300946 - 1).toBeLessThan(1e-13);
    expect(Math.abs(normalUpperTail(5) / 2.866515718791939e-7 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(normalUpperTail(10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-12);
  });

  it('agrees with Simpson integration of the density around the series/fraction switch', () => {
    const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
    for (const x of [0.4518, 2.999, 3.001]) {
      const steps = 200_000;
      const upper = x + 30;
      const h = (upper - x) / steps;
      let sum = density(x) + density(upper);
      for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * density(x + i * h);
      expect(Math.abs((sum * h) / 3 / normalUpperTail(x) - 1)).toBeLessThan(1e-10);
    }
  });
});
