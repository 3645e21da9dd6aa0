/**
 * Typed arrays that grow as the loaders append one value per row, without
 * per-row objects. Small arrays double; past a million entries they grow a
 * million at a time, so a 10M-row column never sits in a buffer twice its size.
 * `exact()` hands the values over at their exact length at the end.
 *
 * @example
 *   const lines = new GrowableInt32Array(); lines.push(2); lines.view(); // Int32Array [2]
 */

/** Past this many entries, grow by this many instead of doubling. */
const GROWTH_STEP = 1 << 20;

/** The capacity for at least `needed` entries, grown from `capacity`. */
function grownCapacity(capacity: number, needed: number): number {
  return Math.max(needed, capacity + Math.min(Math.max(capacity, 1024), GROWTH_STEP));
}

type NumberArray = Int32Array | Float64Array;

class GrowableArray<T extends NumberArray> {
  data: T;
  length = 0;
  private readonly allocate: (capacity: number) => T;
  constructor(allocate: (capacity: number) => T, capacity: number) {
    this.allocate = allocate;
    this.data = allocate(capacity);
  }
  /** Makes room for `capacity` entries in all, so a known total grows in one step. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const grown = this.allocate(capacity);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
  push(value: number): void {
    if (this.length === this.data.length) this.reserve(grownCapacity(this.data.length, this.length + 1));
    this.data[this.length++] = value;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
  /** Appends `values`, each plus `add`. */
  append(values: ArrayLike<number>, add = 0): void {
    const needed = this.length + values.length;
    if (needed > this.data.length) this.reserve(grownCapacity(this.data.length, needed));
    const data = this.data;
    const offset = this.length;
    if (add === 0 && ArrayBuffer.isView(values)) data.set(values, offset);
    else for (let i = 0; i < values.length; i++) data[offset + i] = (values[i] ?? 0) + add;
    this.length = needed;
  }
  /** The values in an array of their exact length (copied only when there is spare room); the builder lets go of its buffer. */
  exact(): T {
    const values = this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as T);
    this.data = this.allocate(0);
    this.length = 0;
    return values;
  }
}

export class GrowableInt32Array extends GrowableArray<Int32Array> {
  constructor(capacity = 1024) {
    super((size) => new Int32Array(size), capacity);
  }
}

export class GrowableFloat64Array extends GrowableArray<Float64Array> {
  constructor(capacity = 1024) {
    super((size) => new Float64Array(size), capacity);
  }
}
