/**
 * Exact duplicate rows (spec §2): rows equal in every column after parsing.
 * One hash pass over the columns' integer keys into an open-addressing table,
 * then an exact comparison of the candidates, so a hash collision never counts.
 *
 * @example
 *   findDuplicateRows(3, sinks); // { count: 1, firstOf: Int32Array [-1, -1, 0] }
 */
import type { ColumnSink } from './columnSinks.ts';

export interface DuplicateRows {
  /** Rows that repeat an earlier row. */
  count: number;
  /** For each row, the index of the first row it repeats, or -1. */
  firstOf: Int32Array;
}

const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

function mix(hash: number, word: number): number {
  hash = Math.imul(hash ^ word, 0x5bd1e995);
  return hash ^ (hash >>> 15);
}

export function findDuplicateRows(rows: number, sinks: readonly ColumnSink[]): DuplicateRows {
  const firstOf = new Int32Array(rows).fill(-1);
  let capacity = 16;
  while (capacity < rows * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity);
  const hashes = new Int32Array(rows);
  let count = 0;
  for (let row = 0; row < rows; row++) {
    let hash = 0x9747b28c;
    for (let s = 0; s < sinks.length; s++) {
      scratch[0] = sinks[s].keyAt(row);
      hash = mix(hash, scratchWords[0]);
      hash = mix(hash, scratchWords[1]);
    }
    hashes[row] = hash;
    let slot = hash & mask;
    for (;;) {
      const occupant = slots[slot] - 1;
      if (occupant < 0) {
        slots[slot] = row + 1;
        break;
      }
      if (hashes[occupant] === hash && sameRow(sinks, occupant, row)) {
        firstOf[row] = occupant;
        count++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { count, firstOf };
}

function sameRow(sinks: readonly ColumnSink[], a: number, b: number): boolean {
  for (let s = 0; s < sinks.length; s++) {
    const x = sinks[s].keyAt(a);
    const y = sinks[s].keyAt(b);
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}
