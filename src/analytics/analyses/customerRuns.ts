/**
 * Row indices sorted by (customer, timestamp, tie rank, input order), once,
 * with typed arrays: a stable counting sort by customer code, then each
 * customer's run is sorted by time only when it is not already in order.
 * `runStarts[c]..runStarts[c + 1]` are customer c's positions in `order`.
 *
 * @example
 *   const { order, runStarts } = customerRuns(encodeEvents(table));
 *   for (let c = 0; c < runStarts.length - 1; c++)
 *     for (let i = runStarts[c]; i < runStarts[c + 1]; i++) visit(order[i]);
 */
import type { EncodedEvents } from '../encodeEvents.ts';

export interface CustomerRuns {
  order: Int32Array;
  runStarts: Int32Array;
}

const untiedCache = new WeakMap<EncodedEvents, CustomerRuns>();

/**
 * `tieRankByEvent[eventCode]` orders events with equal timestamps (spec §3:
 * a funnel passes the index of the first step an event matches); without it
 * ties keep input order (paths, spec §5.6).
 */
export function customerRuns(encoded: EncodedEvents, tieRankByEvent: Int32Array | null = null): CustomerRuns {
  if (tieRankByEvent === null) {
    const cached = untiedCache.get(encoded);
    if (cached) return cached;
  }
  const { rows, customerCodes, eventCodes, timestamps } = encoded;
  const customers = encoded.customerIds.length;
  const runStarts = new Int32Array(customers + 1);
  for (let row = 0; row < rows; row++) runStarts[customerCodes[row]! + 1]!++;
  for (let c = 0; c < customers; c++) runStarts[c + 1]! += runStarts[c]!;
  const fill = runStarts.slice(0, customers);
  const order = new Int32Array(rows);
  for (let row = 0; row < rows; row++) order[fill[customerCodes[row]!]!++] = row;

  const rank = (row: number) => (tieRankByEvent === null ? 0 : tieRankByEvent[eventCodes[row]!]!);
  const compare = (a: number, b: number) => timestamps[a]! - timestamps[b]! || rank(a) - rank(b) || a - b;
  for (let c = 0; c < customers; c++) {
    const start = runStarts[c]!;
    const end = runStarts[c + 1]!;
    let sorted = true;
    for (let i = start + 1; i < end; i++) {
      const previous = order[i - 1]!;
      const current = order[i]!;
      const dt = timestamps[current]! - timestamps[previous]!;
      if (dt < 0 || (dt === 0 && rank(current) < rank(previous))) {
        sorted = false;
        break;
      }
    }
    if (!sorted) order.subarray(start, end).sort(compare);
  }
  const runs = { order, runStarts };
  if (tieRankByEvent === null) untiedCache.set(encoded, runs);
  return runs;
}
