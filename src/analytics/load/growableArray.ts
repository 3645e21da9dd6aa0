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
  private buffer: T;
  private count = 0;
  /** Arrays taken by adopt(), to follow the buffer's values. */
  private adopted: T[] = [];
  private readonly allocate: (capacity: number) => T;
  constructor(allocate: (capacity: number) => T, capacity: number) {
    this.allocate = allocate;
    this.buffer = allocate(capacity);
  }
  /** The buffer, holding every value (adopted ones copied in first). */
  get data(): T {
    if (this.adopted.length > 0) this.settle();
    return this.buffer;
  }
  get length(): number {
    let length = this.count;
    for (const array of this.adopted) length += array.length;
    return length;
  }
  /** Appends `values` as they are, without a copy until they are next read; the caller gives them up. */
  adopt(values: T): void {
    if (values.length > 0) this.adopted.push(values);
  }
  private settle(): void {
    const adopted = this.adopted;
    this.adopted = [];
    let length = this.count;
    for (const array of adopted) length += array.length;
    const buffer = length <= this.buffer.length ? this.buffer : this.allocate(length);
    if (buffer !== this.buffer) buffer.set(this.buffer.subarray(0, this.count));
    this.buffer = buffer;
    for (const array of adopted) {
      buffer.set(array, this.count);
      this.count += array.length;
    }
  }
  /** Makes room for `capacity` entries in all, so a known total grows in one step. */
  reserve(capacity: number): void {
    const data = this.data;
    if (capacity <= data.length) return;
    const grown = this.allocate(capacity);
    grown.set(data.subarray(0, this.count));
    this.buffer = grown;
  }
  push(value: number): void {
    if (this.adopted.length > 0) this.settle();
    if (this.count === this.buffer.length) this.reserve(grownCapacity(this.buffer.length, this.count + 1));
    this.buffer[this.count++] = value;
  }
  view(): T {
    return this.data.subarray(0, this.count) as T;
  }
  /** Appends `values`, each plus `add`. */
  append(values: ArrayLike<number>, add = 0): void {
    const offset = this.length;
    const needed = offset + values.length;
    if (needed > this.data.length) this.reserve(grownCapacity(this.buffer.length, needed));
    const data = this.buffer;
    if (add === 0 && ArrayBuffer.isView(values)) data.set(values, offset);
    else for (let i = 0; i < values.length; i++) data[offset + i] = (values[i] ?? 0) + add;
    this.count = needed;
  }
  /** The values in an array of their exact length (copied only when there is spare room); the builder lets go of its buffer. */
  exact(): T {
    const data = this.data;
    const values = data.length === this.count ? data : (data.slice(0, this.count) as T);
    this.buffer = this.allocate(0);
    this.count = 0;
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
