/**
 * The warnings of spec §2, computed once all rows are in: exact duplicate
 * rows, timestamps in the future, and segments or channels used by fewer than
 * k customers. Each kind lists up to 50 rows, then a total.
 *
 * @example
 *   futureWarnings({ file: 'a.csv', lines, keep: undefined }, 'timestamp', timestamps, Date.now());
 */
import type { DuplicateRows } from './duplicateRows.ts';
import { quoteValue, type Issue } from './issues.ts';

/** Warnings of one kind listed one by one before a count. */
export const WARNINGS_PER_KIND = 50;

export interface WarningRows {
  file: string;
  /** Each loaded row's line. */
  lines: Int32Array;
  /** Rows kept after --dedupe (all when undefined). */
  keep: Uint8Array | undefined;
}

export function duplicateWarnings({ file, lines }: WarningRows, duplicates: DuplicateRows, dedupe: boolean): Issue[] {
  const warnings: Issue[] = [];
  const action = dedupe ? 'dropped (--dedupe)' : 'kept; pass --dedupe to drop it';
  let firstLine = 0;
  for (let i = 0; i < duplicates.firstOf.length; i++) {
    const first = duplicates.firstOf[i]!;
    if (first < 0) continue;
    if (warnings.length === 0) firstLine = lines[i]!;
    if (warnings.length === WARNINGS_PER_KIND) break;
    warnings.push({
      file,
      line: lines[i]!,
      column: '(row)',
      message: `exact duplicate of line ${lines[first]} — ${action}`,
    });
  }
  if (duplicates.count > warnings.length) {
    const total = dedupe ? 'dropped (--dedupe)' : 'kept; pass --dedupe to drop them';
    warnings.push({
      file,
      line: firstLine,
      column: '(row)',
      message: `${duplicates.count} exact duplicate rows in total — ${total}`,
    });
  }
  return warnings;
}

export function futureWarnings(
  { file, lines, keep }: WarningRows,
  column: string,
  timestamps: Float64Array,
  now: number,
): Issue[] {
  const warnings: Issue[] = [];
  const advice = 'check the clock or the --tz zone of the export';
  let count = 0;
  let firstLine = 0;
  for (let i = 0; i < timestamps.length; i++) {
    if (timestamps[i]! <= now || (keep && !keep[i])) continue;
    if (count === 0) firstLine = lines[i]!;
    if (count < WARNINGS_PER_KIND) {
      const message = `timestamp in the future (${new Date(timestamps[i]!).toISOString()}) — ${advice}`;
      warnings.push({ file, line: lines[i]!, column, message });
    }
    count++;
  }
  if (count > WARNINGS_PER_KIND) {
    warnings.push({ file, line: firstLine, column, message: `${count} timestamps in the future in total — ${advice}` });
  }
  return warnings;
}

/**
 * Values of a segment or channel column (`codes` into `dictionary`) used by fewer
 * than `k` distinct customers (`customers`, codes too), at the line of first use.
 */
export function smallGroupWarnings(
  { file, lines, keep }: WarningRows,
  column: string,
  fileColumn: string,
  values: { codes: Int32Array; dictionary: readonly string[] },
  customers: Int32Array,
  k: number,
): Issue[] {
  const { codes, dictionary } = values;
  const size = dictionary.length;
  const counts = new Int32Array(size);
  const firstLine = new Int32Array(size).fill(-1);
  const customerSets = new Array<Set<number> | undefined>(size);
  for (let i = 0; i < lines.length; i++) {
    const code = codes[i]!;
    if (code < 0 || (keep && !keep[i])) continue;
    if (firstLine[code]! < 0) firstLine[code] = lines[i]!;
    if (counts[code]! >= k) continue;
    const set = (customerSets[code] ??= new Set());
    set.add(customers[i]!);
    counts[code] = set.size;
  }
  const warnings: Issue[] = [];
  for (let code = 0; code < size; code++) {
    if (firstLine[code]! < 0 || counts[code]! >= k) continue;
    const n = counts[code];
    const message = `${column} ${quoteValue(dictionary[code])} is used by ${n} customer${n === 1 ? '' : 's'}, fewer than k=${k} — reports suppress its figures; merge it into a larger ${column}`;
    warnings.push({ file, line: firstLine[code]!, column: fileColumn, message });
  }
  return warnings;
}
