/**
 * The warnings of spec §2, computed once all rows are in: exact duplicate
 * rows, timestamps in the future, and segments or channels used by fewer than
 * k customers. Each kind is one warning: the count and the first few lines.
 *
 * @example
 *   futureWarnings({ file: 'a.csv', lines, keep: undefined }, 'timestamp', timestamps, Date.now());
 */
import type { DuplicateRows } from './duplicateRows.ts';
import { kindOf, lineList, LINES_PER_WARNING, quoteValue, type Issue } from './issues.ts';

export interface WarningRows {
  file: string;
  /** Each loaded row's line. */
  lines: Int32Array;
  /** Rows kept after --dedupe (all when undefined). */
  keep: Uint8Array | undefined;
}

/** One warning for all exact duplicates: how many, the first few lines, and what was done. */
export function duplicateWarnings({ file, lines }: WarningRows, duplicates: DuplicateRows, dedupe: boolean): Issue[] {
  const listed: number[] = [];
  let firstOfFirst = -1;
  for (let i = 0; i < duplicates.firstOf.length && listed.length < LINES_PER_WARNING; i++) {
    const first = duplicates.firstOf[i] ?? -1;
    if (first < 0) continue;
    if (firstOfFirst < 0) firstOfFirst = first;
    listed.push(lines[i] ?? 0);
  }
  if (listed.length === 0) return [];
  const count = duplicates.count;
  const message =
    count === 1
      ? `exact duplicate of line ${lines[firstOfFirst]} — ${dedupe ? 'dropped (--dedupe)' : 'kept; pass --dedupe to drop it'}`
      : `${count} exact duplicate rows (${lineList(listed, count)}) — ${dedupe ? 'dropped (--dedupe)' : 'kept; pass --dedupe to drop them'}`;
  return [{ file, line: listed[0] ?? 0, column: '(row)', message }];
}

/** One warning for all timestamps after `now`. */
export function futureWarnings(
  { file, lines, keep }: WarningRows,
  column: string,
  timestamps: Float64Array,
  now: number,
): Issue[] {
  const advice = 'check the clock or the --tz zone of the export';
  const listed: number[] = [];
  let count = 0;
  let latest = -Infinity;
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i] ?? -Infinity;
    if (t <= now || (keep && !keep[i])) continue;
    if (listed.length < LINES_PER_WARNING) listed.push(lines[i] ?? 0);
    if (t > latest) latest = t;
    count++;
  }
  if (count === 0) return [];
  const message =
    count === 1
      ? `timestamp in the future (${new Date(latest).toISOString()}) — ${advice}`
      : `${count} timestamps in the future (${lineList(listed, count)}; the latest ${new Date(latest).toISOString()}) — ${advice}`;
  return [{ file, line: listed[0] ?? 0, column, message }];
}

/**
 * Rows skipped by --skip-invalid, one warning per kind of problem (the message up
 * to its quoted value) and column, with the count and first lines, then the total.
 */
export function skippedWarnings(file: string, issues: readonly Issue[], skipped: number, firstLine: number): Issue[] {
  const groups = new Map<string, { first: Issue; lines: number[]; count: number }>();
  for (const issue of issues) {
    const kind = `${issue.column}\u0000${kindOf(issue.message)}`;
    const group = groups.get(kind);
    if (!group) groups.set(kind, { first: issue, lines: [issue.line], count: 1 });
    else {
      group.count++;
      if (group.lines.length < LINES_PER_WARNING) group.lines.push(issue.line);
    }
  }
  const warnings: Issue[] = [];
  for (const { first, lines, count } of groups.values()) {
    const kind = kindOf(first.message);
    const message =
      count === 1
        ? `row skipped: ${first.message}`
        : `${count} rows skipped (${lineList(lines, count)}): ${kind}, the first${first.message.slice(kind.length)}`;
    warnings.push({ ...first, message });
  }
  const total = `${skipped} invalid row${skipped === 1 ? '' : 's'} skipped (--skip-invalid)`;
  warnings.push({ file, line: firstLine, column: '(file)', message: total });
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
  // Values still short of k customers (or not yet seen): once none is, later rows change nothing.
  let open = size;
  for (let i = 0; i < lines.length && open > 0; i++) {
    const code = codes[i]!;
    if (code < 0 || (keep && !keep[i])) continue;
    if (firstLine[code]! < 0) firstLine[code] = lines[i]!;
    if (counts[code]! >= k) continue;
    const set = (customerSets[code] ??= new Set());
    set.add(customers[i]!);
    counts[code] = set.size;
    if (set.size >= k) open--;
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
