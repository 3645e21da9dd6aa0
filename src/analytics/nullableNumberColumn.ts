/**
 * A number column with absent values held in a Float64Array, NaN marking the
 * absent ones, so a mostly empty `value` column costs 8 bytes a row instead of
 * an array of boxed numbers and nulls. Arquero reads it through `at(row)`.
 *
 * @example
 *   const value = new NullableNumberColumn(Float64Array.of(9.5, NaN));
 *   value.at(0); // 9.5; value.at(1); // null
 */
export class NullableNumberColumn implements Iterable<number | null> {
  readonly values: Float64Array;

  constructor(values: Float64Array) {
    this.values = values;
  }

  get length(): number {
    return this.values.length;
  }

  /** The value at `row` (`undefined` past the end, as an array gives). */
  at(row: number): number | null | undefined {
    const value = this.values[row];
    if (value === undefined) return undefined;
    return value !== value ? null : value;
  }

  *[Symbol.iterator](): Iterator<number | null> {
    for (let row = 0; row < this.values.length; row++) yield this.at(row) ?? null;
  }
}
