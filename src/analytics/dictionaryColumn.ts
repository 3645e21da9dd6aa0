/**
 * A text column held compactly: each distinct string once in `dictionary`, and
 * one integer code per row, numbered in order of first appearance (so the
 * analyses' encoding can use the codes as they are). Arquero reads it through
 * `at(row)`, as it reads an Arrow column; `null` is an absent value.
 *
 * @example
 *   const channel = DictionaryColumn.narrowed(Int32Array.of(0, -1, 0), ['web']);
 *   channel.at(0); // 'web'; channel.at(1); // null; channel.codes; // Uint8Array [0, 255, 0]
 */
export type CodeArray = Int32Array | Uint16Array | Uint8Array;

export class DictionaryColumn implements Iterable<string | null> {
  readonly codes: CodeArray;
  readonly dictionary: readonly string[];
  /** The code of an absent value: -1 in an Int32Array, the largest code in a narrower one. */
  readonly nullCode: number;

  constructor(codes: CodeArray, dictionary: readonly string[], nullCode: number) {
    this.codes = codes;
    this.dictionary = dictionary;
    this.nullCode = nullCode;
  }

  /**
   * From Int32 codes (-1 absent), in the narrowest array the dictionary allows:
   * a channel or segment column then costs one byte a row instead of four.
   */
  static narrowed(codes: Int32Array, dictionary: readonly string[]): DictionaryColumn {
    const narrow = dictionary.length < 0xff ? Uint8Array : dictionary.length < 0xffff ? Uint16Array : undefined;
    if (!narrow) return new DictionaryColumn(codes, dictionary, -1);
    const nullCode = narrow === Uint8Array ? 0xff : 0xffff;
    const out = new narrow(codes.length);
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row]!;
      out[row] = code < 0 ? nullCode : code;
    }
    return new DictionaryColumn(out, dictionary, nullCode);
  }

  get length(): number {
    return this.codes.length;
  }

  /** The value at `row` (`undefined` past the end, as an array gives). */
  at(row: number): string | null | undefined {
    const code = this.codes[row];
    if (code === undefined) return undefined;
    return code === this.nullCode ? null : this.dictionary[code];
  }

  /** Whether some row is absent. */
  hasNull(): boolean {
    return this.codes.includes(this.nullCode);
  }

  *[Symbol.iterator](): Iterator<string | null> {
    for (let row = 0; row < this.codes.length; row++) yield this.at(row) ?? null;
  }
}
