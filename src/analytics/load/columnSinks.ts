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
import type { DictionaryColumn } from '../dictionaryColumn.ts';
import { NullableNumberColumn } from '../nullableNumberColumn.ts';
import { GrowableFloat64Array } from './growableArray.ts';
import { keptRows } from './textSink.ts';

export { countKept, keptRows, TextSink, type TextColumnPart } from './textSink.ts';

/** Row keys as 32-bit words: row i is `words[i * stride .. i * stride + stride)`. */
export interface KeyWords {
  words: Int32Array;
  stride: number;
}

/** Float64 values as key words (two per row): equal bits for equal values, NaN included. */
export function float64KeyWords(values: Float64Array): KeyWords {
  return { words: new Int32Array(values.buffer, values.byteOffset, values.length * 2), stride: 2 };
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
