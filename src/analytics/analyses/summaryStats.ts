/**
 * Median and mean of a list of numbers, `null` for an empty list (spec §11:
 * absent figures are null). The median of an even count is the mean of the
 * two middle values.
 *
 * @example
 *   median([3, 1, 2, 10]); // 2.5
 */
export function median(values: ArrayLike<number>): number | null {
  const count = values.length;
  if (count === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = count >> 1;
  return count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: ArrayLike<number>): number | null {
  const count = values.length;
  if (count === 0) return null;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i]!;
  return sum / count;
}

/** `numerator / denominator`, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
