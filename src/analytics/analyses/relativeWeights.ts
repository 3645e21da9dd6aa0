/**
 * The numbers of a key-driver model on complete cases: each driver's Pearson
 * correlation with the outcome, the standardised regression coefficients
 * (beta, from the normal equations R b = r), R² and Johnson's (2000) relative
 * weights, the share of R² each driver accounts for even when drivers are
 * correlated:
 *
 * 1. R = Q Λ Q' (the drivers' correlation matrix, symmetricEigen);
 * 2. L = Q Λ^(1/2) Q' holds the loadings of the drivers X on orthogonal
 *    variables Z that are as close to X as possible (X = Z L);
 * 3. the outcome regressed on the Z's: b_Z = L^(-1) r = Q Λ^(-1/2) Q' r;
 * 4. weight_j = Σ_k L[j][k]² b_Z[k]². The weights sum to Σ_k b_Z[k]² = R².
 *
 * @example
 *   relativeWeights([[4, 4, 2, 2], [1, 3, 1, 3]], [5, 7, 1, 3]);
 *   // { r2: 1, correlations: [0.894, 0.447], betas: [0.894, 0.447], weights: [0.8, 0.2] }
 */
import { symmetricEigen } from './symmetricEigen.ts';
import { solveLinear } from './solveLinear.ts';

export interface RelativeWeights {
  r2: number;
  correlations: number[];
  betas: number[];
  weights: number[];
}

/** Why a model cannot be fitted: `drivers` are the indices of the inputs at fault. */
export class DegenerateModelError extends Error {
  override name = 'DegenerateModelError';
  readonly kind: 'constant_outcome' | 'constant_driver' | 'collinear';
  readonly drivers: number[];
  constructor(message: string, kind: DegenerateModelError['kind'], drivers: number[]) {
    super(message);
    this.kind = kind;
    this.drivers = drivers;
  }
}

// Below this the correlation matrix is treated as singular (a driver is a blend of the others).
const EIGENVALUE_FLOOR = 1e-10;

/** Deviations from the mean scaled to unit length (so dot products are correlations); null when constant. */
function unitDeviations(values: ArrayLike<number>): Float64Array | null {
  const count = values.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i] as number;
  const mean = sum / count;
  const deviations = new Float64Array(count);
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const deviation = (values[i] as number) - mean;
    deviations[i] = deviation;
    squares += deviation * deviation;
  }
  const length = Math.sqrt(squares);
  if (!(length > 1e-12 * Math.max(1, Math.abs(mean)) * Math.sqrt(count))) return null;
  for (let i = 0; i < count; i++) deviations[i] = (deviations[i] as number) / length;
  return deviations;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

export function relativeWeights(drivers: readonly ArrayLike<number>[], outcome: ArrayLike<number>): RelativeWeights {
  const size = drivers.length;
  const y = unitDeviations(outcome);
  if (!y) throw new DegenerateModelError('every respondent gave the outcome the same score', 'constant_outcome', []);
  const xs = drivers.map((values, index) => {
    if (values.length !== outcome.length) {
      throw new Error(`relativeWeights: driver ${index} has ${values.length} values, expected ${outcome.length}`);
    }
    return unitDeviations(values);
  });
  const constant = xs.flatMap((x, index) => (x ? [] : [index]));
  if (constant.length > 0) throw new DegenerateModelError('a driver has one score only', 'constant_driver', constant);
  const units = xs as Float64Array[];
  const correlationMatrix = units.map((a, i) => units.map((b, j) => (i === j ? 1 : dot(a, b))));
  const correlations = units.map((x) => dot(x, y));
  const { values: eigenvalues, vectors: q } = symmetricEigen(correlationMatrix);
  if ((eigenvalues[size - 1] ?? 1) < EIGENVALUE_FLOOR) {
    // The eigenvector of the vanishing eigenvalue names the drivers in the exact linear relation.
    const relation = q.map((row) => row[size - 1] as number);
    const involved = relation.flatMap((weight, index) => (Math.abs(weight) > 1e-6 ? [index] : []));
    throw new DegenerateModelError('some drivers are exact linear blends of others', 'collinear', involved);
  }
  const betas = solveLinear(correlationMatrix, correlations);
  const r2 = betas.reduce((sum, beta, j) => sum + beta * (correlations[j] as number), 0);
  const qAt = (row: number, column: number): number => (q[row] as number[])[column] as number;
  // Q' r, the correlations in the eigenbasis.
  const rotated = eigenvalues.map((_, m) => correlations.reduce((sum, r, j) => sum + qAt(j, m) * r, 0));
  const orthogonalBetas = Array.from({ length: size }, (_, k) =>
    eigenvalues.reduce((sum, lambda, m) => sum + (qAt(k, m) * (rotated[m] as number)) / Math.sqrt(lambda), 0),
  );
  const loading = (j: number, k: number): number =>
    eigenvalues.reduce((sum, lambda, m) => sum + qAt(j, m) * Math.sqrt(lambda) * qAt(k, m), 0);
  const weights = Array.from({ length: size }, (_, j) => {
    let weight = 0;
    for (let k = 0; k < size; k++) weight += loading(j, k) ** 2 * (orthogonalBetas[k] as number) ** 2;
    return weight;
  });
  return { r2, correlations, betas, weights };
}
