/**
 * Exact duplicate rows (spec §2): rows equal in every column after parsing.
 * One hash pass over the columns' integer keys, rows partitioned by hash,
 * a small open-addressing table per partition, then an exact comparison of
 * the candidates, so a hash collision never counts.
 *
 * @example
 *   findDuplicateRows(3, [{ words: Int32Array.of(4, 7, 4), stride: 1 }]); // { count: 1, firstOf: Int32Array [-1, -1, 0] }
 */
import type { KeyWords } from './columnSinks.ts';
import { release } from './growableArray.ts';

export interface DuplicateRows {
  /** Rows that repeat an earlier row. */
  count: number;
  /** For each row, the index of the first row it repeats, or -1. */
  firstOf: Int32Array;
}

const MAX_PARTITION_BITS = 10;

function mix(hash: number, word: number): number {
  hash = Math.imul(hash ^ word, 0x5bd1e995);
  return hash ^ (hash >>> 15);
}

export function findDuplicateRows(rows: number, columns: readonly KeyWords[]): DuplicateRows {
  const words = columns.map((column) => column.words);
  const strides = columns.map((column) => column.stride);
  const columnCount = columns.length;
  // Column by column: each pass is one tight loop over one typed array.
  const hashes = new Int32Array(rows).fill(0x9747b28c);
  for (let c = 0; c < columnCount; c++) {
    const column = words[c]!;
    if (strides[c] === 1) {
      for (let row = 0; row < rows; row++) hashes[row] = mix(hashes[row]!, column[row]!);
    } else {
      for (let row = 0; row < rows; row++) hashes[row] = mix(mix(hashes[row]!, column[2 * row]!), column[2 * row + 1]!);
    }
  }
  // One big hash table would miss the cache on every row. Instead, partition the
  // rows by the top bits of their hash (keeping file order within a partition),
  // then find repeats partition by partition in a small table that stays in cache.
  // At most 1,024 partitions: more write streams than that miss the TLB on every row.
  const partitionBits = rows > 1 << 16 ? Math.min(MAX_PARTITION_BITS, Math.ceil(Math.log2(rows / 4096))) : 0;
  const partitions = 1 << partitionBits;
  const shift = 32 - partitionBits;
  const starts = new Int32Array(partitions + 1);
  if (partitionBits > 0) for (let row = 0; row < rows; row++) starts[(hashes[row]! >>> shift) + 1]!++;
  else starts[1] = rows;
  for (let p = 0; p < partitions; p++) starts[p + 1]! += starts[p]!;
  // Each row's [row, hash] side by side, grouped by partition: one write stream per partition.
  const ordered = new Int32Array(rows * 2);
  const cursor = starts.slice(0, partitions);
  for (let row = 0; row < rows; row++) {
    const hash = hashes[row]!;
    const at = 2 * cursor[partitionBits > 0 ? hash >>> shift : 0]!++;
    ordered[at] = row;
    ordered[at + 1] = hash;
  }
  // The row hashes are in `ordered` now: their array becomes the answer (one array less at once).
  const firstOf = hashes.fill(-1);
  let largest = 0;
  for (let p = 0; p < partitions; p++) largest = Math.max(largest, starts[p + 1]! - starts[p]!);
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  // Slot i holds [hash, row + 1] side by side: one cache line per probe.
  const table = new Int32Array(capacity * 2);
  let count = 0;
  for (let p = 0; p < partitions; p++) {
    const from = starts[p]!;
    const to = starts[p + 1]!;
    if (to - from < 2) continue;
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    table.fill(0, 0, size * 2);
    for (let at = from; at < to; at++) {
      const row = ordered[2 * at]!;
      const hash = ordered[2 * at + 1]!;
      let slot = (hash ^ (hash >>> 13)) & mask;
      for (;;) {
        const occupant = table[slot * 2 + 1]! - 1;
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
  }
  // Large scratch arrays are freed now rather than whenever the collector runs.
  release(ordered);
  return { count, firstOf };
}

function sameRow(words: readonly Int32Array[], strides: readonly number[], a: number, b: number): boolean {
  for (let c = 0; c < words.length; c++) {
    const stride = strides[c]!;
    for (let w = 0; w < stride; w++) if (words[c]![a * stride + w] !== words[c]![b * stride + w]) return false;
  }
  return true;
}
