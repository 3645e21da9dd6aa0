/**
 * Where a loader puts one column's values as rows arrive: text is interned
 * (each distinct string stored once, rows hold integer codes), numbers go to a
 * Float64Array, other typed values to a plain array. Codes make duplicate
 * detection and distinct counts cheap.
 *
 * @example
 *   const sink = new TextSink(); sink.push('web'); sink.push('web'); sink.distinct(); // 1
 */
import { cellText } from '../cellText.ts';
import { DictionaryColumn } from '../dictionaryColumn.ts';
import { NullableNumberColumn } from '../nullableNumberColumn.ts';
import { GrowableFloat64Array, GrowableInt32Array } from './growableArray.ts';

/** Row keys as 32-bit words: row i is `words[i * stride .. i * stride + stride)`. */
export interface KeyWords {
  words: Int32Array;
  stride: number;
}

/** Float64 values as key words (two per row): equal bits for equal values, NaN included. */
export function float64KeyWords(values: Float64Array): KeyWords {
  return { words: new Int32Array(values.buffer, values.byteOffset, values.length * 2), stride: 2 };
}

/** A text column as a dictionary and codes (-1 for absent), as sinks are merged. */
export interface TextColumnPart {
  dictionary: string[];
  codes: Int32Array;
}

/** A column as the event table holds it. */
export type OutputColumn = ArrayLike<unknown> | DictionaryColumn | NullableNumberColumn;

export interface ColumnSink {
  readonly length: number;
  /** Words equal for equal values, for hashing and comparing rows. */
  keyWords(): KeyWords;
  /** The output column, keeping the rows where `keep` is 1 (all when undefined). */
  materialize(keep?: Uint8Array): OutputColumn;
}

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

export class TextSink implements ColumnSink {
  readonly dictionary: string[] = [];
  readonly codes: GrowableInt32Array;
  // An open-addressing table of dictionary codes + 1, keyed by a hash of the
  // UTF-8 bytes, so a CSV field is interned straight from the bytes it sits in.
  private slots = new Int32Array(1024);
  private hashes: number[] = [];
  // Every entry's bytes, back to back, for comparing candidates.
  private pool = new Uint8Array(4096);
  private poolLength = 0;
  private offsets: number[] = [];
  private scratch = new Uint8Array(256);
  private lastCode = -1;
  private readonly recent = new Int32Array(256);

  /** `capacity`: the rows expected, when known (see growableArray.ts). */
  constructor(capacity?: number) {
    this.codes = new GrowableInt32Array(capacity);
  }

  get length(): number {
    return this.codes.length;
  }

  /** Appends a value; `null` for an absent one. */
  push(text: string | null): void {
    if (text === null) {
      this.codes.push(-1);
      return;
    }
    this.codes.push(this.codeOf(text));
  }

  private codeOf(text: string): number {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3);
    const { written } = utf8Encoder.encodeInto(text, this.scratch);
    return this.intern(this.scratch, 0, written, text);
  }

  /** Appends the UTF-8 text `bytes[start, end)`, decoding it only when it is new. */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    this.codes.push(this.intern(bytes, start, end, undefined));
  }

  private intern(bytes: Uint8Array, start: number, end: number, text: string | undefined): number {
    const length = end - start;
    const pool = this.pool;
    // Logs repeat the previous row's value often (same customer, channel, segment): check it first.
    const last = this.lastCode;
    if (last >= 0) {
      const offset = this.offsets[last]!;
      if (this.offsets[last + 1]! - offset === length) {
        let same = true;
        for (let i = 0; i < length; i++) {
          if (pool[offset + i] !== bytes[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return last;
      }
    }
    // Then a small direct-mapped cache of recent values, keyed without hashing every byte
    // (event names change on every row, but there are few of them).
    const key =
      length === 0
        ? 0
        : ((length << 4) ^ bytes[start]! ^ (bytes[end - 1]! << 2) ^ (bytes[start + (length >> 1)]! << 5)) & 255;
    const cached = this.recent[key]! - 1;
    if (cached >= 0) {
      const offset = this.offsets[cached]!;
      if (this.offsets[cached + 1]! - offset === length) {
        let same = true;
        for (let i = 0; i < length; i++) {
          if (pool[offset + i] !== bytes[start + i]) {
            same = false;
            break;
          }
        }
        if (same) {
          this.lastCode = cached;
          return cached;
        }
      }
    }
    const code = this.lookup(bytes, start, end, text);
    this.recent[key] = code + 1;
    this.lastCode = code;
    return code;
  }

  private lookup(bytes: Uint8Array, start: number, end: number, text?: string): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    hash ^= hash >>> 16;
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    const pool = this.pool;
    let slot = hash & mask;
    for (;;) {
      const code = slots[slot]! - 1;
      if (code < 0) break;
      if (this.hashes[code] === hash) {
        const offset = this.offsets[code]!;
        if (this.offsets[code + 1]! - offset === length) {
          let same = true;
          for (let i = 0; i < length; i++) {
            if (pool[offset + i] !== bytes[start + i]) {
              same = false;
              break;
            }
          }
          if (same) return code;
        }
      }
      slot = (slot + 1) & mask;
    }
    const code = this.dictionary.length;
    this.dictionary.push(text ?? (length === 0 ? '' : utf8Decoder.decode(bytes.subarray(start, end))));
    this.hashes.push(hash);
    if (this.offsets.length === 0) this.offsets.push(0);
    if (this.poolLength + length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.poolLength += length;
    this.offsets.push(this.poolLength);
    slots[slot] = code + 1;
    if (this.dictionary.length * 2 > slots.length) this.grow();
    return code;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.hashes.length; code++) {
      let slot = this.hashes[code]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }

  keyWords(): KeyWords {
    return { words: this.codes.view(), stride: 1 };
  }

  /** This column's values as codes into its dictionary (-1 absent), for merging. */
  toPart(): TextColumnPart {
    return { dictionary: this.dictionary, codes: this.codes.view() };
  }

  /** Appends another sink's values, re-coded into this dictionary in place (the part is used up). */
  append(part: TextColumnPart): void {
    const recode = part.dictionary.map((text) => this.codeOf(text));
    const codes = part.codes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      codes[i] = code < 0 ? -1 : (recode[code] ?? -1);
    }
    this.codes.adopt(codes);
  }

  distinct(): number {
    return this.dictionary.length;
  }

  /**
   * The output column, its codes in the narrowest array that holds them unless
   * `narrow` is false (customer ids and event names keep Int32 codes, which the
   * analyses' encoding takes as they are). Lets go of this sink's codes.
   */
  materialize(keep?: Uint8Array, narrow = true): DictionaryColumn {
    const codes = keep ? keptRows(this.codes.view(), keep) : this.codes.exact();
    if (keep) this.codes.discard();
    return narrow
      ? DictionaryColumn.narrowed(codes, this.dictionary)
      : new DictionaryColumn(codes, this.dictionary, -1);
  }
}

/** Numbers; `NaN` marks an absent value (output as `null`). */
export class NumberSink implements ColumnSink {
  readonly values: GrowableFloat64Array;
  /** Whether `null` may appear in the output (optional columns). */
  readonly nullable: boolean;
  /** `capacity`: the rows expected, when known (see growableArray.ts). */
  constructor(nullable: boolean, capacity?: number) {
    this.nullable = nullable;
    this.values = new GrowableFloat64Array(capacity);
  }

  get length(): number {
    return this.values.length;
  }

  push(value: number): void {
    this.values.push(value);
  }

  keyWords(): KeyWords {
    return float64KeyWords(this.values.view());
  }

  /** The output column: a Float64Array, or with absent values a NullableNumberColumn. Lets go of this sink's values. */
  materialize(keep?: Uint8Array): Float64Array | NullableNumberColumn {
    const values = keep ? keptRows(this.values.view(), keep) : this.values.exact();
    if (keep) this.values.discard();
    if (!this.nullable) return values;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return new NullableNumberColumn(values);
    return values;
  }
}

/** Values of a typed source (JSON, Parquet, Arrow) kept as they are. */
export class ValueSink implements ColumnSink {
  readonly values: unknown[] = [];

  get length(): number {
    return this.values.length;
  }

  push(value: unknown): void {
    this.values.push(value === undefined ? null : value);
  }

  keyWords(): KeyWords {
    const index = new Map<string, number>();
    const keys = new Int32Array(this.values.length);
    for (let i = 0; i < this.values.length; i++) {
      const key = valueKey(this.values[i]);
      let code = index.get(key);
      if (code === undefined) index.set(key, (code = index.size));
      keys[i] = code;
    }
    return { words: keys, stride: 1 };
  }

  materialize(keep?: Uint8Array): unknown[] {
    if (!keep) return this.values;
    return this.values.filter((_value, i) => keep[i] === 1);
  }
}

function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return typeof value + ':' + cellText(value);
}

export function countKept(keep: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < keep.length; i++) count += keep[i]!;
  return count;
}

/** The rows of `values` where `keep` is 1, in a new array of their exact length. */
export function keptRows<T extends Int32Array | Float64Array>(values: T, keep: Uint8Array): T {
  const out = new (values.constructor as new (length: number) => T)(countKept(keep));
  let j = 0;
  for (let i = 0; i < values.length; i++) if (keep[i]) out[j++] = values[i]!;
  return out;
}
