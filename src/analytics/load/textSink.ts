/**
 * A text column as rows arrive: each distinct value interned once (its UTF-8
 * bytes in one pool), rows as integer codes in order of first appearance.
 * CSV fields are interned straight from the bytes they sit in, and strings
 * are made only when the dictionary is read, in one decode of the pool when
 * it is ASCII (a million customer ids were a million decoder calls). Parts
 * of a file parsed on other threads arrive as bytes (pool, offsets, codes:
 * typed arrays that transfer without copying) and are merged by interning
 * those bytes, so no string crosses threads.
 *
 * @example
 *   const sink = new TextSink(); sink.push('web'); sink.push('web'); sink.distinct(); // 1
 */
import { DictionaryColumn } from '../dictionaryColumn.ts';
import { GrowableInt32Array, release } from './growableArray.ts';

/** A text column's values as bytes and codes (-1 absent), as sinks are merged. */
export interface TextColumnPart {
  /** Entry c's UTF-8 bytes are `pool[offsets[c], offsets[c + 1])`. */
  pool: Uint8Array;
  offsets: Int32Array;
  codes: Int32Array;
}

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

export class TextSink {
  readonly codes: GrowableInt32Array;
  private entries = 0;
  // Open addressing: slot s holds its entry's hash and code + 1 side by side
  // (words 2s and 2s + 1), so a probe reads one cache line.
  private slots = new Int32Array(2048);
  // Every entry's bytes, back to back: entry c is pool[offsets[c], offsets[c + 1]).
  private pool = new Uint8Array(4096);
  private offsets = new Int32Array(1025);
  /** Entry strings known so far (given to push, or decoded); undefined until read. */
  private readonly texts: (string | undefined)[] = [];
  /** Entries below this one all have their string in `texts`. */
  private decodedUpTo = 0;
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

  /** Appends the UTF-8 text `bytes[start, end)`, without making a string of it. */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    this.codes.push(this.intern(bytes, start, end, undefined));
  }

  /** Whether entry `code` holds the bytes `bytes[start, start + length)`. */
  private holds(code: number, bytes: Uint8Array, start: number, length: number): boolean {
    const offset = this.offsets[code]!;
    if (this.offsets[code + 1]! - offset !== length) return false;
    const pool = this.pool;
    for (let i = 0; i < length; i++) if (pool[offset + i] !== bytes[start + i]) return false;
    return true;
  }

  private intern(bytes: Uint8Array, start: number, end: number, text: string | undefined): number {
    const length = end - start;
    // Logs repeat the previous row's value often (same customer, channel, segment): check it first.
    const last = this.lastCode;
    if (last >= 0 && this.holds(last, bytes, start, length)) return last;
    // Then a small direct-mapped cache of recent values, keyed without hashing every byte
    // (event names change on every row, but there are few of them).
    const key =
      length === 0
        ? 0
        : ((length << 4) ^ bytes[start]! ^ (bytes[end - 1]! << 2) ^ (bytes[start + (length >> 1)]! << 5)) & 255;
    const cached = this.recent[key]! - 1;
    if (cached >= 0 && this.holds(cached, bytes, start, length)) {
      this.lastCode = cached;
      return cached;
    }
    const code = this.lookup(bytes, start, end, text);
    this.recent[key] = code + 1;
    this.lastCode = code;
    return code;
  }

  private lookup(bytes: Uint8Array, start: number, end: number, text: string | undefined): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    hash ^= hash >>> 16;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const code = slots[2 * slot + 1]! - 1;
      if (code < 0) break;
      if (slots[2 * slot] === hash && this.holds(code, bytes, start, length)) return code;
      slot = (slot + 1) & mask;
    }
    const code = this.entries++;
    this.texts.push(text);
    const from = this.offsets[code]!;
    if (from + length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, from + length));
      grown.set(this.pool.subarray(0, from));
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(start, end), from);
    if (code + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[code + 1] = from + length;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = code + 1;
    if (this.entries * 4 > slots.length) this.rehash(slots.length * 2);
    return code;
  }

  /** Makes room for `count` more entries of `bytes` bytes in all, so a merged part grows this sink once. */
  private reserve(count: number, bytes: number): void {
    let words = this.slots.length;
    while ((this.entries + count) * 4 > words) words *= 2;
    if (words > this.slots.length) this.rehash(words);
    const poolNeeded = this.offsets[this.entries]! + bytes;
    if (poolNeeded > this.pool.length) {
      const grown = new Uint8Array(poolNeeded);
      grown.set(this.pool.subarray(0, this.offsets[this.entries]));
      this.pool = grown;
    }
    if (this.entries + count + 1 > this.offsets.length) {
      const grown = new Int32Array(this.entries + count + 1);
      grown.set(this.offsets.subarray(0, this.entries + 1));
      this.offsets = grown;
    }
  }

  /** A table of `words` words (kept at most half full), every entry re-placed by its stored hash. */
  private rehash(words: number): void {
    const old = this.slots;
    const slots = new Int32Array(words);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      const hash = old[at]!;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = old[at + 1]!;
    }
    this.slots = slots;
  }

  /** Each distinct value, by code. */
  get dictionary(): string[] {
    const texts = this.texts;
    const count = this.entries;
    if (this.decodedUpTo === count) return texts as string[];
    const { pool, offsets } = this;
    const from = offsets[this.decodedUpTo]!;
    const to = offsets[count]!;
    let ascii = true;
    for (let i = from; i < to; i++) {
      if (pool[i]! > 127) {
        ascii = false;
        break;
      }
    }
    // ASCII: one decode of the new bytes, cut at the entries' offsets (a byte is a character).
    const all = ascii ? utf8Decoder.decode(pool.subarray(from, to)) : '';
    for (let code = this.decodedUpTo; code < count; code++) {
      if (texts[code] !== undefined) continue;
      const start = offsets[code]!;
      const end = offsets[code + 1]!;
      texts[code] = ascii
        ? all.slice(start - from, end - from)
        : start === end
          ? ''
          : utf8Decoder.decode(pool.subarray(start, end));
    }
    this.decodedUpTo = count;
    return texts as string[];
  }

  /** Row codes (one word a row), for hashing and comparing rows. */
  keyWords(): { words: Int32Array; stride: number } {
    return { words: this.codes.view(), stride: 1 };
  }

  /** This column as bytes and codes, for merging into the sink of another part of the file. */
  toPart(): TextColumnPart {
    return {
      pool: this.pool.subarray(0, this.offsets[this.entries]),
      offsets: this.offsets.subarray(0, this.entries + 1),
      codes: this.codes.view(),
    };
  }

  /** Appends another sink's values, re-coded into this dictionary (the part is used up and freed). */
  append(part: TextColumnPart): void {
    const { pool, offsets, codes } = part;
    const recode = new Int32Array(offsets.length - 1);
    this.reserve(recode.length, pool.length);
    for (let code = 0; code < recode.length; code++)
      recode[code] = this.intern(pool, offsets[code]!, offsets[code + 1]!, undefined);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      codes[i] = code < 0 ? -1 : recode[code]!;
    }
    this.codes.adopt(codes);
    release(offsets);
    release(pool);
  }

  distinct(): number {
    return this.entries;
  }

  /**
   * The output column, its codes in the narrowest array that holds them unless
   * `narrow` is false (customer ids and event names keep Int32 codes, which the
   * analyses' encoding takes as they are). Lets go of this sink's codes.
   */
  materialize(keep?: Uint8Array, narrow = true): DictionaryColumn {
    const codes = keep ? keptRows(this.codes.view(), keep) : this.codes.exact();
    if (keep) this.codes.discard();
    const dictionary = this.dictionary;
    return narrow ? DictionaryColumn.narrowed(codes, dictionary) : new DictionaryColumn(codes, dictionary, -1);
  }
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
