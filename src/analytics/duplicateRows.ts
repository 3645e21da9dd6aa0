/**
 * Exact duplicate rows (spec §2): rows equal in every column after parsing.
 * One hash pass over the columns' integer keys into an open-addressing table,
 * then an exact comparison of the candidates, so a hash collision never counts.
 *
 * @example
 *   findDuplicateRows(3, [{ words: Int32Array.of(4, 7, 4), stride: 1 }]); // { count: 1, firstOf: Int32Array [-1, -1, 0] }
 */
import type { KeyWords } from './columnSinks.ts';

export interface DuplicateRows {
  /** Rows that repeat an earlier row. */
  count: number;
  /** For each row, the index of the first row it repeats, or -1. */
  firstOf: Int32Array;
}

function mix(hash: number, word: number): number {
  hash = Math.imul(hash ^ word, 0x5bd1e995);
  return hash ^ (hash >>> 15);
}

export function findDuplicateRows(rows: number, columns: readonly KeyWords[]): DuplicateRows {
  const firstOf = new Int32Array(rows).fill(-1);
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  const mask = capacity - 1;
  // Slot i holds [hash, row + 1] side by side: one cache line per probe.
  const table = new Int32Array(capacity * 2);
  // All columns' words side by side per row would cost a copy; one word array per column is enough.
  const words = columns.map((column) => column.words);
  const strides = columns.map((column) => column.stride);
  const columnCount = columns.length;
  let count = 0;
  for (let row = 0; row < rows; row++) {
    let hash = 0x9747b28c;
    for (let c = 0; c < columnCount; c++) {
      const stride = strides[c];
      const column = words[c];
      const base = row * stride;
      hash = mix(hash, column[base]);
      if (stride === 2) hash = mix(hash, column[base + 1]);
    }
    let slot = hash & mask;
    for (;;) {
      const occupant = table[slot * 2 + 1] - 1;
      if (occupant < 0) {
        table[slot * 2] = hash;
        table[slot * 2 + 1] = row + 1;
        break;
      }
      if (table[slot * 2] === hash && sameRow(words, strides, occupant, row)) {
        firstOf[row] = occupant;
        count++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { count, firstOf };
}

function sameRow(words: readonly Int32Array[], strides: readonly number[], a: number, b: number): boolean {
  for (let c = 0; c < words.length; c++) {
    const stride = strides[c];
    for (let w = 0; w < stride; w++) if (words[c][a * stride + w] !== words[c][b * stride + w]) return false;
  }
  return true;
}
