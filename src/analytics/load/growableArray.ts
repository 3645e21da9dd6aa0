/**
 * Typed arrays that grow by doubling: the loaders append one value per row
 * without per-row objects and hand back an exact-length view at the end.
 *
 * @example
 *   const lines = new GrowableInt32Array(); lines.push(2); lines.view(); // Int32Array [2]
 */
export class GrowableInt32Array {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
  /** Appends `values`, each plus `add`. */
  append(values: ArrayLike<number>, add = 0): void {
    const needed = this.length + values.length;
    if (needed > this.data.length) {
      const grown = new Int32Array(Math.max(needed, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    const data = this.data;
    for (let i = 0; i < values.length; i++) data[this.length + i] = (values[i] ?? 0) + add;
    this.length = needed;
  }
}

export class GrowableFloat64Array {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
  /** Appends `values`, each plus `add`. */
  append(values: ArrayLike<number>, add = 0): void {
    const needed = this.length + values.length;
    if (needed > this.data.length) {
      const grown = new Float64Array(Math.max(needed, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    const data = this.data;
    for (let i = 0; i < values.length; i++) data[this.length + i] = (values[i] ?? 0) + add;
    this.length = needed;
  }
}
