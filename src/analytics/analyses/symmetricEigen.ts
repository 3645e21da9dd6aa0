/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations:
 * A = Q diag(values) Q', eigenvalues in descending order, eigenvectors as the
 * columns of `vectors` (vectors[row][column]). Jacobi is exact to rounding for
 * the few-by-few correlation matrices of a driver analysis, and short enough to
 * read in full; it is not meant for large matrices.
 *
 * @example
 *   symmetricEigen([[1, 0.6], [0.6, 1]]);
 *   // { values: [1.6, 0.4], vectors: [[0.7071, 0.7071], [0.7071, -0.7071]] } (signs may differ)
 */
const MAX_SWEEPS = 100;

export interface EigenDecomposition {
  values: number[];
  vectors: number[][];
}

export function symmetricEigen(matrix: readonly (readonly number[])[]): EigenDecomposition {
  const size = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== size) throw new Error(`symmetricEigen: row ${i} has ${row.length} entries, expected ${size}`);
    return Float64Array.from(row);
  });
  const q = Array.from({ length: size }, (_, i) => {
    const row = new Float64Array(size);
    row[i] = 1;
    return row;
  });
  const entry = (rows: Float64Array[], i: number, j: number): number => (rows[i] as Float64Array)[j] as number;
  const set = (rows: Float64Array[], i: number, j: number, value: number): void => {
    (rows[i] as Float64Array)[j] = value;
  };
  let scale = 0;
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) scale += entry(a, i, j) ** 2;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let r = p + 1; r < size; r++) offDiagonal += entry(a, p, r) ** 2;
    if (offDiagonal <= 1e-30 * scale || offDiagonal === 0) break;
    for (let p = 0; p < size; p++) {
      for (let r = p + 1; r < size; r++) {
        const apr = entry(a, p, r);
        if (apr === 0) continue;
        // The rotation that zeroes a[p][r]: tan t solves t^2 + 2 theta t - 1 = 0, the smaller root.
        const theta = (entry(a, r, r) - entry(a, p, p)) / (2 * apr);
        const tangent = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cosine = 1 / Math.sqrt(tangent * tangent + 1);
        const sine = tangent * cosine;
        for (let k = 0; k < size; k++) {
          const akp = entry(a, k, p);
          const akr = entry(a, k, r);
          set(a, k, p, cosine * akp - sine * akr);
          set(a, k, r, sine * akp + cosine * akr);
        }
        for (let k = 0; k < size; k++) {
          const apk = entry(a, p, k);
          const ark = entry(a, r, k);
          set(a, p, k, cosine * apk - sine * ark);
          set(a, r, k, sine * apk + cosine * ark);
        }
        for (let k = 0; k < size; k++) {
          const qkp = entry(q, k, p);
          const qkr = entry(q, k, r);
          set(q, k, p, cosine * qkp - sine * qkr);
          set(q, k, r, sine * qkp + cosine * qkr);
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort((i, j) => entry(a, j, j) - entry(a, i, i));
  return {
    values: order.map((i) => entry(a, i, i)),
    vectors: Array.from({ length: size }, (_, row) => order.map((column) => entry(q, row, column))),
  };
}
