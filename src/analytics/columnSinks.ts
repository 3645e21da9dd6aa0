/**
 * Where a loader puts one column's values as rows arrive: text is interned
 * (each distinct string stored once, rows hold integer codes), numbers go to a
 * Float64Array, other typed values to a plain array. Codes make duplicate
 * detection and distinct counts cheap.
 *
 * @example
 *   const sink = new TextSink(); sink.push('web'); sink.push('web'); sink.distinct(); // 1
 */
import { GrowableFloat64Array, GrowableInt32Array } from './growableArray.ts';

/** A copy of a string that does not keep the (large) chunk it was sliced from alive. */
function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export interface ColumnSink {
  readonly length: number;
  /** A stable integer (or float) per value, equal for equal values; for hashing and comparing rows. */
  keyAt(row: number): number;
  /** The output column, keeping the rows where `keep` is 1 (all when undefined). */
  materialize(keep?: Uint8Array): ArrayLike<unknown>;
}

export class TextSink implements ColumnSink {
  readonly dictionary: string[] = [];
  readonly codes = new GrowableInt32Array();
  private readonly index = new Map<string, number>();

  get length(): number {
    return this.codes.length;
  }

  /** Appends a value; `null` for an absent one. */
  push(text: string | null): void {
    if (text === null) {
      this.codes.push(-1);
      return;
    }
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      const copy = detach(text);
      this.dictionary.push(copy);
      this.index.set(copy, code);
    }
    this.codes.push(code);
  }

  keyAt(row: number): number {
    return this.codes.data[row];
  }

  distinct(): number {
    return this.dictionary.length;
  }

  materialize(keep?: Uint8Array): (string | null)[] {
    const codes = this.codes.view();
    const dictionary = this.dictionary;
    const size = keep ? countKept(keep) : codes.length;
    const out: (string | null)[] = new Array(size);
    let j = 0;
    for (let i = 0; i < codes.length; i++) {
      if (keep && !keep[i]) continue;
      const code = codes[i];
      out[j++] = code < 0 ? null : dictionary[code];
    }
    return out;
  }
}

/** Numbers; `NaN` marks an absent value (output as `null`). */
export class NumberSink implements ColumnSink {
  readonly values = new GrowableFloat64Array();
  /** Whether `null` may appear in the output (optional columns). */
  readonly nullable: boolean;
  constructor(nullable: boolean) {
    this.nullable = nullable;
  }

  get length(): number {
    return this.values.length;
  }

  push(value: number): void {
    this.values.push(value);
  }

  keyAt(row: number): number {
    return this.values.data[row];
  }

  materialize(keep?: Uint8Array): Float64Array | (number | null)[] {
    const values = this.values.view();
    const size = keep ? countKept(keep) : values.length;
    let hasNull = false;
    if (this.nullable) {
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== values[i] && (!keep || keep[i])) {
          hasNull = true;
          break;
        }
      }
    }
    if (!hasNull) {
      if (!keep) return values.slice();
      const out = new Float64Array(size);
      let j = 0;
      for (let i = 0; i < values.length; i++) if (keep[i]) out[j++] = values[i];
      return out;
    }
    const out: (number | null)[] = new Array(size);
    let j = 0;
    for (let i = 0; i < values.length; i++) {
      if (keep && !keep[i]) continue;
      const value = values[i];
      out[j++] = value !== value ? null : value;
    }
    return out;
  }
}

/** Values of a typed source (JSON, Parquet, Arrow) kept as they are. */
export class ValueSink implements ColumnSink {
  readonly values: unknown[] = [];
  private keys: Int32Array | undefined;

  get length(): number {
    return this.values.length;
  }

  push(value: unknown): void {
    this.values.push(value === undefined ? null : value);
    this.keys = undefined;
  }

  keyAt(row: number): number {
    if (!this.keys) {
      const index = new Map<string, number>();
      this.keys = new Int32Array(this.values.length);
      for (let i = 0; i < this.values.length; i++) {
        const key = valueKey(this.values[i]);
        let code = index.get(key);
        if (code === undefined) index.set(key, (code = index.size));
        this.keys[i] = code;
      }
    }
    return this.keys[row];
  }

  materialize(keep?: Uint8Array): unknown[] {
    if (!keep) return this.values;
    return this.values.filter((_value, i) => keep[i] === 1);
  }
}

function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return 'date:' + value.getTime();
  if (typeof value === 'object') {
    return 'json:' + JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  }
  return typeof value + ':' + String(value);
}

export function countKept(keep: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < keep.length; i++) count += keep[i];
  return count;
}
