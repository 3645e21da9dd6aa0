/**
 * Typed arrays that grow as the loaders append one value per row, without
 * per-row objects. A loader that can estimate its row count (from the file's
 * size) gives it as the capacity, so a 10M-row column is allocated once.
 * Otherwise small arrays double, and past a million entries they grow a
 * million at a time, so a column never sits in a buffer twice its size.
 * Buffers a column outgrows, and parts it takes in, are freed at once
 * (detached) rather than left to the collector, which would let garbage
 * pile up while a large file loads. `exact()` hands the values over at their
 * exact length at the end (without a copy when the estimate was close).
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

// ArrayBuffer.prototype.transfer: Node 21 and later (Node 20 leaves buffers to the collector).
const canFree = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';

/**
 * Frees the memory behind `array` now (every view of its buffer becomes empty).
 * Only for arrays nothing else reads any more.
 */
export function release(array: ArrayBufferView): void {
  const buffer = array.buffer;
  if (canFree && buffer instanceof ArrayBuffer && !buffer.detached) buffer.transfer(0);
}

class GrowableArray<T extends NumberArray> {
  private buffer: T;
  private count = 0;
  private readonly allocate: (capacity: number) => T;
  constructor(allocate: (capacity: number) => T, capacity: number) {
    this.allocate = allocate;
    this.buffer = allocate(capacity);
  }
  get length(): number {
    return this.count;
  }
  /** Room for `capacity` entries in all, so a known total grows in one step; the old buffer is freed. */
  reserve(capacity: number): void {
    const old = this.buffer;
    if (capacity <= old.length) return;
    const grown = this.allocate(capacity);
    grown.set(old.subarray(0, this.count));
    this.buffer = grown;
    release(old);
  }
  push(value: number): void {
    if (this.count === this.buffer.length) this.reserve(grownCapacity(this.buffer.length, this.count + 1));
    this.buffer[this.count++] = value;
  }
  /** The values so far; valid until the next push or append (which may move them). */
  view(): T {
    return this.buffer.subarray(0, this.count) as T;
  }
  /** Appends `values`, each plus `add`. */
  append(values: ArrayLike<number>, add = 0): void {
    const offset = this.count;
    const needed = offset + values.length;
    if (needed > this.buffer.length) this.reserve(grownCapacity(this.buffer.length, needed));
    const data = this.buffer;
    if (add === 0 && ArrayBuffer.isView(values)) data.set(values, offset);
    else for (let i = 0; i < values.length; i++) data[offset + i] = (values[i] ?? 0) + add;
    this.count = needed;
  }
  /** Appends `values` and frees them: the caller gives them up (a merged part of the file). */
  adopt(values: T): void {
    this.append(values);
    release(values);
  }
  /**
   * The values at their exact length; the builder lets go of its buffer. Spare
   * room of at most 1/16 (an estimate's margin: pages never written, so never
   * resident) stays behind the values; more is copied away and freed.
   */
  exact(): T {
    const data = this.buffer;
    let values = data;
    if (data.length - this.count > data.length >>> 4) {
      values = data.slice(0, this.count) as T;
      release(data);
    } else if (data.length !== this.count) values = data.subarray(0, this.count) as T;
    this.buffer = this.allocate(0);
    this.count = 0;
    return values;
  }
  /** Frees the buffer (the values were copied elsewhere). */
  discard(): void {
    release(this.buffer);
    this.buffer = this.allocate(0);
    this.count = 0;
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
