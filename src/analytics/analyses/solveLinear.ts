/**
 * Solves A x = b for a small square system by Gaussian elimination with
 * partial pivoting (the normal equations of a driver regression: a correlation
 * matrix and the drivers' correlations with the outcome). Throws when A is
 * singular to working precision, so a caller can name the collinear inputs.
 *
 * @example
 *   solveLinear([[1, 0.6], [0.6, 1]], [0.8, 0.48]); // [0.8, 0]
 */
export class SingularMatrixError extends Error {
  override name = 'SingularMatrixError';
}

export function solveLinear(matrix: readonly (readonly number[])[], rightHandSide: readonly number[]): number[] {
  const size = matrix.length;
  if (rightHandSide.length !== size) {
    throw new Error(`solveLinear: ${size} equations but ${rightHandSide.length} right-hand values`);
  }
  // Augmented rows [A | b], copied so the inputs stay untouched.
  const rows = matrix.map((row, i) => {
    if (row.length !== size) throw new Error(`solveLinear: row ${i} has ${row.length} entries, expected ${size}`);
    return [...row, rightHandSide[i] as number];
  });
  const at = (i: number, j: number): number => (rows[i] as number[])[j] as number;
  let largest = 0;
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) largest = Math.max(largest, Math.abs(at(i, j)));
  const tolerance = 1e-12 * (largest || 1);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let i = column + 1; i < size; i++) if (Math.abs(at(i, column)) > Math.abs(at(pivot, column))) pivot = i;
    if (Math.abs(at(pivot, column)) <= tolerance) throw new SingularMatrixError('solveLinear: the matrix is singular');
    [rows[column], rows[pivot]] = [rows[pivot] as number[], rows[column] as number[]];
    const pivotRow = rows[column] as number[];
    for (let i = column + 1; i < size; i++) {
      const row = rows[i] as number[];
      const factor = (row[column] as number) / (pivotRow[column] as number);
      if (factor === 0) continue;
      for (let j = column; j <= size; j++) row[j] = (row[j] as number) - factor * (pivotRow[j] as number);
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let i = size - 1; i >= 0; i--) {
    let sum = at(i, size);
    for (let j = i + 1; j < size; j++) sum -= at(i, j) * (solution[j] as number);
    solution[i] = sum / at(i, i);
  }
  return solution;
}
