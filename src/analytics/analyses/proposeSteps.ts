/**
 * Proposes funnel steps from an event log: the most common event sequence.
 * Each customer's events, sorted by time (ties keep input order), are reduced
 * to the first occurrence of each event name; the proposal walks the tree of
 * those sequences from the root, always taking the child most customers
 * follow (ties: code-unit order of the name), and stops at `maxSteps` or when
 * fewer than `minShare` of the first step's customers would go on.
 *
 * @example
 *   proposeSteps(table); // ['visit', 'view_product', 'add_to_cart', 'purchase']
 */
import type { ColumnTable } from '../events.ts';

export interface ProposeStepsOptions {
  /** Longest proposal (default 5). */
  maxSteps?: number;
  /** Smallest share of step-1 customers a further step must keep (default 0.05). */
  minShare?: number;
}

export function proposeSteps(table: ColumnTable, options: ProposeStepsOptions = {}): string[] {
  const maxSteps = options.maxSteps ?? 5;
  const minShare = options.minShare ?? 0.05;
  if (!Number.isInteger(maxSteps) || maxSteps < 1)
    throw new RangeError(`proposeSteps: maxSteps must be a positive integer, got ${maxSteps}`);
  if (!(minShare >= 0 && minShare <= 1))
    throw new RangeError(`proposeSteps: minShare must be between 0 and 1, got ${minShare}`);
  const sequences = firstOccurrenceSequences(table);
  const steps: string[] = [];
  // Customers still following the proposal: their sequence starts with `steps`.
  let following = sequences;
  let minCustomers = 1;
  while (steps.length < maxSteps) {
    const depth = steps.length;
    const counts = new Map<string, number>();
    for (const sequence of following) {
      if (sequence.length > depth) counts.set(sequence[depth]!, (counts.get(sequence[depth]!) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestCount = 0;
    for (const [name, count] of counts) {
      if (count > bestCount || (count === bestCount && best !== null && name < best)) {
        best = name;
        bestCount = count;
      }
    }
    if (best === null || bestCount < minCustomers) break;
    if (depth === 0) minCustomers = Math.max(1, Math.ceil(minShare * bestCount));
    steps.push(best);
    following = following.filter((sequence) => sequence[depth] === best);
  }
  return steps;
}

/** Per customer, the event names in time order, each kept at its first occurrence. */
function firstOccurrenceSequences(table: ColumnTable): string[][] {
  const ids = table.array('customer_id') as ArrayLike<string>;
  const times = table.array('timestamp') as ArrayLike<number>;
  const events = table.array('event') as ArrayLike<string>;
  const rows = Array.from({ length: ids.length }, (_, row) => row);
  // Array.prototype.sort is stable, so equal timestamps keep input order.
  rows.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : times[a]! - times[b]!));
  const sequences: string[][] = [];
  let current: string[] = [];
  let seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (i > 0 && ids[row] !== ids[rows[i - 1]!]) {
      sequences.push(current);
      current = [];
      seen = new Set();
    }
    if (!seen.has(events[row]!)) {
      seen.add(events[row]!);
      current.push(events[row]!);
    }
  }
  if (rows.length > 0) sequences.push(current);
  return sequences;
}
