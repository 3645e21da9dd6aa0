import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/demo/random.ts';
import { DegenerateModelError, relativeWeights } from '../../../src/analytics/analyses/relativeWeights.ts';
import { solveLinear } from '../../../src/analytics/analyses/solveLinear.ts';
import { symmetricEigen } from '../../../src/analytics/analyses/symmetricEigen.ts';

/*
 * The hand-computed data set: eight respondents built from five orthogonal
 * ±1 columns (a 2^3 factorial and two of its interactions), so every
 * correlation is a ratio of whole numbers.
 *   u = ( 1, 1, 1, 1,-1,-1,-1,-1)   v = ( 1, 1,-1,-1, 1, 1,-1,-1)   w = ( 1,-1, 1,-1, 1,-1, 1,-1)
 *   e = uvw = ( 1,-1,-1, 1,-1, 1, 1,-1)   f = uv = ( 1, 1,-1,-1,-1,-1, 1, 1)
 * Each sums to 0, each pair is orthogonal, each has squared length 8.
 *   x1 = 3 + u,  x2 = 8 + 3u + 4v,  x3 = 3 + w,  y = 10 + 4u + 2w + 2e + f
 */
const x1 = [4, 4, 4, 4, 2, 2, 2, 2];
const x2 = [15, 15, 7, 7, 9, 9, 1, 1];
const x3 = [4, 2, 4, 2, 4, 2, 4, 2];
const y = [19, 11, 13, 13, 5, 5, 11, 3];

describe('relativeWeights: Johnson (2000) by hand on three drivers', () => {
  it('gives the correlations, betas, R² and weights worked out step by step', () => {
    /*
     * Correlations (dot products over lengths; |u| = sqrt 8, |3u+4v| = 5 sqrt 8, |y - 10| = 5 sqrt 8):
     *   r12 = 3/5 = 0.6, r13 = 0, r23 = 0
     *   r1y = 4/5 = 0.8, r2y = (3*4 + 4*0)/25 = 0.48, r3y = 2/5 = 0.4
     * Normal equations R b = r: [[1, .6], [.6, 1]] (b1, b2) = (.8, .48) and b3 = .4
     *   det = 0.64; b1 = (.8 - .6*.48)/.64 = .512/.64 = 0.8; b2 = (.48 - .6*.8)/.64 = 0
     *   R² = b·r = .8*.8 + 0*.48 + .4*.4 = 0.8  (y's part in span{u, v, w} is 4u + 2w: 20/25)
     * Eigen-decomposition R = Q Λ Q':
     *   λ = 1.6 for q = (1, 1, 0)/√2;  λ = 1 for q = (0, 0, 1);  λ = 0.4 for q = (1, -1, 0)/√2
     * Λ^(1/2) (the loadings L = Q Λ^(1/2) Q'): [[a, b, 0], [b, a, 0], [0, 0, 1]] with
     *   a = (√1.6 + √0.4)/2 = 3/√10 ≈ 0.948683, b = (√1.6 - √0.4)/2 = 1/√10 ≈ 0.316228
     * Outcome on the orthogonal Z's: b_Z = L^(-1) r, L^(-1) = [[c, d, 0], [d, c, 0], [0, 0, 1]] with
     *   c = (1/√1.6 + 1/√0.4)/2 = 3√10/8, d = (1/√1.6 - 1/√0.4)/2 = -√10/8
     *   b_Z1 = .8c + .48d = (√10/8)(2.4 - .48) = 0.24√10;  b_Z2 = .8d + .48c = (√10/8)(1.44 - .8) = 0.08√10;  b_Z3 = 0.4
     *   b_Z² = (0.576, 0.064, 0.16), sum 0.8 = R²
     * Weights ε_j = Σ_k L[j][k]² b_Zk²  (a² = 0.9, b² = 0.1):
     *   ε1 = .9*.576 + .1*.064 = 0.5248;  ε2 = .1*.576 + .9*.064 = 0.1152;  ε3 = 1*.16 = 0.16
     *   sum 0.8 = R²; shares 0.656, 0.144, 0.2
     * x2 has beta 0 (y does not depend on v) yet weight 0.1152: it shares u with x1, and
     * relative weights split that shared part instead of giving it all to x1.
     */
    const model = relativeWeights([x1, x2, x3], y);
    expectClose(model.correlations, [0.8, 0.48, 0.4]);
    expectClose(model.betas, [0.8, 0, 0.4]);
    expect(model.r2).toBeCloseTo(0.8, 12);
    expectClose(model.weights, [0.5248, 0.1152, 0.16]);
    expectClose(
      model.weights.map((weight) => weight / model.r2),
      [0.656, 0.144, 0.2],
    );
  });

  it('the eigen step: R = Q Λ Q′ with λ = 1.6, 1, 0.4 and orthonormal Q', () => {
    const r = [
      [1, 0.6, 0],
      [0.6, 1, 0],
      [0, 0, 1],
    ];
    const { values, vectors } = symmetricEigen(r);
    expectClose(values, [1.6, 1, 0.4]);
    const column = (k: number) => vectors.map((row) => row[k] as number);
    const half = Math.SQRT1_2;
    expectClose(column(0).map(Math.abs), [half, half, 0]);
    expectClose(column(1).map(Math.abs), [0, 0, 1]);
    expectClose(column(2).map(Math.abs), [half, half, 0]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const rebuilt = values.reduce((sum, lambda, k) => sum + column(k)[i]! * lambda * column(k)[j]!, 0);
        expect(rebuilt).toBeCloseTo(r[i]![j]!, 12);
      }
  });

  it('Jacobi matches a known 3×3 spectrum (eigenvalues 2 - √2, 2, 2 + √2)', () => {
    // The second-difference matrix tridiag(-1, 2, -1) of size 3 has eigenvalues 2 - 2cos(kπ/4).
    const { values } = symmetricEigen([
      [2, -1, 0],
      [-1, 2, -1],
      [0, -1, 2],
    ]);
    expectClose(values, [2 + Math.SQRT2, 2, 2 - Math.SQRT2]);
  });

  it('solveLinear solves the normal equations and refuses a singular matrix', () => {
    expectClose(
      solveLinear(
        [
          [1, 0.6],
          [0.6, 1],
        ],
        [0.8, 0.48],
      ),
      [0.8, 0],
    );
    expect(() =>
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow(/singular/);
  });

  it('names the drivers that are exact blends of others, and constant inputs', () => {
    const blend = x1.map((value, i) => value + x3[i]!);
    const error = catchError(() => relativeWeights([x1, x2, x3, blend], y));
    expect(error).toBeInstanceOf(DegenerateModelError);
    expect((error as DegenerateModelError).kind).toBe('collinear');
    expect((error as DegenerateModelError).drivers).toEqual([0, 2, 3]);
    expect((error as DegenerateModelError).kind).toBe('collinear');
    const flat = catchError(() => relativeWeights([x1, [3, 3, 3, 3, 3, 3, 3, 3]], y)) as DegenerateModelError;
    expect([flat.kind, flat.drivers]).toEqual(['constant_driver', [1]]);
    const flatOutcome = catchError(() => relativeWeights([x1], [2, 2, 2, 2, 2, 2, 2, 2])) as DegenerateModelError;
    expect(flatOutcome.kind).toBe('constant_outcome');
  });
});

describe('relativeWeights against independent methods on random data', () => {
  it('two uncorrelated drivers: each weight is its squared correlation', () => {
    const random = seededRandom(16);
    const n = 60;
    const a = Array.from({ length: n }, () => random.normal());
    const raw = Array.from({ length: n }, () => random.normal());
    // Make b exactly uncorrelated with a in the sample: subtract its projection on a's deviations.
    const meanA = average(a);
    const meanRaw = average(raw);
    const slope =
      sum(a.map((value, i) => (value - meanA) * (raw[i]! - meanRaw))) / sum(a.map((value) => (value - meanA) ** 2));
    const b = raw.map((value, i) => value - slope * (a[i]! - meanA));
    const outcome = a.map((value, i) => 0.7 * value + 0.3 * b[i]! + random.normal());
    const model = relativeWeights([a, b], outcome);
    expect(pearson(a, b)).toBeCloseTo(0, 12);
    expectClose(model.weights, [pearson(a, outcome) ** 2, pearson(b, outcome) ** 2]);
    expect(model.r2).toBeCloseTo(pearson(a, outcome) ** 2 + pearson(b, outcome) ** 2, 12);
  });

  it('matches the Shapley (dominance) decomposition of R², brute-forced over subsets: exactly for 2 drivers, closely for 3', () => {
    for (const [seed, size] of [
      [1, 2],
      [2, 3],
      [3, 3],
      [4, 2],
      [5, 3],
    ] as const) {
      const random = seededRandom(seed);
      const n = 200;
      const common = Array.from({ length: n }, () => random.normal());
      const xs = Array.from({ length: size }, (_, j) =>
        common.map((shared) => (0.3 + 0.2 * j) * shared + random.normal()),
      );
      const outcome = common.map(
        (_, i) => xs.reduce((total, x, j) => total + (j + 1) * 0.4 * x[i]!, 0) + random.normal(),
      );
      const model = relativeWeights(xs, outcome);
      const shapley = shapleyR2(xs, outcome);
      expect(sum(shapley)).toBeCloseTo(model.r2, 10);
      // With two drivers the two decompositions coincide exactly; with three, Johnson's weights
      // approximate the dominance weights (here within 0.0011 of R² around 0.78).
      if (size === 2) expectClose(model.weights, shapley);
      else shapley.forEach((value, j) => expect(Math.abs(model.weights[j]! - value)).toBeLessThan(0.005));
    }
  });

  it('equals the Shapley decomposition on the hand-computed set (0.5248, 0.1152, 0.16)', () => {
    expectClose(shapleyR2([x1, x2, x3], y), [0.5248, 0.1152, 0.16]);
  });
});

describe('relativeWeights properties', () => {
  const dataSet = fc
    .record({ drivers: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 12, max: 40 }) })
    .chain(({ drivers, rows }) =>
      fc.record({
        xs: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: rows, maxLength: rows }), {
          minLength: drivers,
          maxLength: drivers,
        }),
        y: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: rows, maxLength: rows }),
        scale: fc.double({ min: 0.01, max: 100, noNaN: true }),
        shift: fc.double({ min: -50, max: 50, noNaN: true }),
      }),
    );
  const fitted = (xs: number[][], outcome: number[]) => {
    try {
      return relativeWeights(xs, outcome);
    } catch (error) {
      if (error instanceof DegenerateModelError) return null;
      throw error;
    }
  };

  it('weights are non-negative and sum to R²; R² lies in [0, 1]', () => {
    fc.assert(
      fc.property(dataSet, ({ xs, y: outcome }) => {
        const model = fitted(xs, outcome);
        fc.pre(model !== null);
        expect(Math.min(...model.weights)).toBeGreaterThanOrEqual(-1e-12);
        expect(sum(model.weights)).toBeCloseTo(model.r2, 9);
        expect(model.r2).toBeGreaterThanOrEqual(-1e-12);
        expect(model.r2).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('rescaling or shifting a driver changes no weight', () => {
    fc.assert(
      fc.property(dataSet, ({ xs, y: outcome, scale, shift }) => {
        const model = fitted(xs, outcome);
        fc.pre(model !== null);
        const rescaled = xs.map((x, j) => (j === 0 ? x.map((value) => value * scale + shift) : x));
        const again = relativeWeights(rescaled, outcome);
        again.weights.forEach((weight, j) => expect(weight).toBeCloseTo(model.weights[j]!, 9));
        expect(again.r2).toBeCloseTo(model.r2, 9);
      }),
    );
  });
});

function expectClose(actual: readonly number[], expected: readonly number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value, `entry ${i}`).toBeCloseTo(expected[i]!, digits));
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function average(values: readonly number[]): number {
  return sum(values) / values.length;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const meanA = average(a);
  const meanB = average(b);
  const cov = sum(a.map((value, i) => (value - meanA) * (b[i]! - meanB)));
  return cov / Math.sqrt(sum(a.map((value) => (value - meanA) ** 2)) * sum(b.map((value) => (value - meanB) ** 2)));
}

/** Determinant by cofactor expansion: fine for the 4×4 matrices here, and independent of the code under test. */
function determinant(matrix: readonly (readonly number[])[]): number {
  if (matrix.length === 0) return 1;
  return matrix[0]!.reduce((total, entry, column) => {
    const minor = matrix.slice(1).map((row) => row.filter((_, j) => j !== column));
    return total + (column % 2 === 0 ? 1 : -1) * entry * determinant(minor);
  }, 0);
}

/** R² of the outcome on a subset of drivers: 1 - det(R of subset + outcome) / det(R of subset). */
function subsetR2(xs: readonly number[][], outcome: readonly number[], subset: readonly number[]): number {
  if (subset.length === 0) return 0;
  const variables = [...subset.map((j) => xs[j]!), outcome];
  const r = variables.map((a) => variables.map((b) => pearson(a, b)));
  const rx = subset.map((_, i) => subset.map((__, j) => r[i]![j]!));
  return 1 - determinant(r) / determinant(rx);
}

/** Shapley values of R²: each driver's marginal R² averaged over every order of entry. */
function shapleyR2(xs: readonly number[][], outcome: readonly number[]): number[] {
  const size = xs.length;
  const orders: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) orders.push(prefix);
    rest.forEach((item, i) => permute([...prefix, item], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute(
    [],
    Array.from({ length: size }, (_, j) => j),
  );
  const values = new Array<number>(size).fill(0);
  for (const order of orders) {
    order.forEach((driver, position) => {
      const before = order.slice(0, position);
      values[driver]! += (subsetR2(xs, outcome, [...before, driver]) - subsetR2(xs, outcome, before)) / orders.length;
    });
  }
  return values;
}
