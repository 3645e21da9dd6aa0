/**
 * Session paths (spec §5): each customer's events cut into sessions at gaps of
 * `session_gap` or more, repeats collapsed, trimmed to `start`/`end`, cut to
 * `depth` nodes; then the top paths and the flow edges for Sankey charts.
 *
 * @example
 *   paths(table, { start: 'visit', depth: 4, session_gap: '30m' });
 *   // { paths: [{ path: ['visit', 'view_product'], sessions: 120, customers: 97 }, ...],
 *   //   edges: [{ position: 1, source: 'visit', target: 'view_product', sessions: 150, customers: 110 }, ...] }
 */
import { customerRuns } from './customerRuns.ts';
import { encodeEvents } from '../encodeEvents.ts';
import type { ColumnTable } from '../events.ts';
import { z } from 'zod';
import { parsePathsSpec, type PathsSpec, type PathsSpecInput } from './spec.ts';

export const pathRowSchema = z.object({ path: z.array(z.string()), sessions: z.number(), customers: z.number() });
export type PathRow = z.output<typeof pathRowSchema>;

export const flowEdgeSchema = z.object({
  position: z.number().int(),
  source: z.string(),
  target: z.string(),
  sessions: z.number(),
  customers: z.number(),
});
export type FlowEdge = z.output<typeof flowEdgeSchema>;

export const pathsResultSchema = z.object({ paths: z.array(pathRowSchema), edges: z.array(flowEdgeSchema) });
export type PathsResult = z.output<typeof pathsResultSchema>;

/** Code-unit order of two node lists, a shorter prefix first (spec §5.4). */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function paths(table: ColumnTable, specInput: PathsSpecInput = {}): PathsResult {
  return pathsResolved(table, parsePathsSpec(specInput));
}

export function pathsResolved(table: ColumnTable, spec: PathsSpec): PathsResult {
  const encoded = encodeEvents(table);
  const { order, runStarts } = customerRuns(encoded);
  const { eventCodes, timestamps, eventNames } = encoded;
  const startCode = spec.start === null ? -1 : eventNames.indexOf(spec.start);
  const endCode = spec.end === null ? -1 : eventNames.indexOf(spec.end);
  // A start or end event the log never has: no session qualifies.
  if ((spec.start !== null && startCode < 0) || (spec.end !== null && endCode < 0)) return { paths: [], edges: [] };
  const gapMs = spec.sessionGapSeconds * 1000;
  const eventCount = eventNames.length;

  const pathIndex = new Map<string, number>();
  const pathNodes: Int32Array[] = [];
  const pathSessions: number[] = [];
  const pathCustomers: number[] = [];
  const pathLastCustomer: number[] = [];
  const edgeIndex = new Map<number, number>();
  const edgeKeys: number[] = [];
  const edgeSessions: number[] = [];
  const edgeCustomers: number[] = [];
  const edgeLastCustomer: number[] = [];

  let nodes = new Int32Array(64);
  let nodeCount = 0;

  const closeSession = (customer: number) => {
    let first = 0;
    if (startCode >= 0) {
      while (first < nodeCount && nodes[first] !== startCode) first++;
      if (first === nodeCount) return;
    }
    let last = nodeCount - 1;
    if (endCode >= 0) {
      last = first;
      while (last < nodeCount && nodes[last] !== endCode) last++;
      if (last === nodeCount) return;
    }
    const length = Math.min(last - first + 1, spec.depth);
    const path = nodes.subarray(first, first + length);
    const key = path.join(',');
    let index = pathIndex.get(key);
    if (index === undefined) {
      index = pathNodes.length;
      pathIndex.set(key, index);
      pathNodes.push(path.slice());
      pathSessions.push(0);
      pathCustomers.push(0);
      pathLastCustomer.push(-1);
    }
    pathSessions[index]!++;
    if (pathLastCustomer[index] !== customer) {
      pathLastCustomer[index] = customer;
      pathCustomers[index]!++;
    }
    for (let i = 0; i + 1 < length; i++) {
      const edgeKey = (i * eventCount + path[i]!) * eventCount + path[i + 1]!;
      let edge = edgeIndex.get(edgeKey);
      if (edge === undefined) {
        edge = edgeKeys.length;
        edgeIndex.set(edgeKey, edge);
        edgeKeys.push(edgeKey);
        edgeSessions.push(0);
        edgeCustomers.push(0);
        edgeLastCustomer.push(-1);
      }
      edgeSessions[edge]!++;
      if (edgeLastCustomer[edge] !== customer) {
        edgeLastCustomer[edge] = customer;
        edgeCustomers[edge]!++;
      }
    }
  };

  for (let customer = 0; customer < runStarts.length - 1; customer++) {
    nodeCount = 0;
    let previousTime = -Infinity;
    for (let i = runStarts[customer]!; i < runStarts[customer + 1]!; i++) {
      const row = order[i]!;
      const time = timestamps[row]!;
      if (nodeCount > 0 && gapMs > 0 && time - previousTime >= gapMs) {
        closeSession(customer);
        nodeCount = 0;
      }
      previousTime = time;
      const code = eventCodes[row]!;
      if (spec.collapseRepeats && nodeCount > 0 && nodes[nodeCount - 1] === code) continue;
      if (nodeCount === nodes.length) {
        const grown = new Int32Array(nodes.length * 2);
        grown.set(nodes);
        nodes = grown;
      }
      nodes[nodeCount++] = code;
    }
    if (nodeCount > 0) closeSession(customer);
  }

  const rows: PathRow[] = pathNodes.map((codes, index) => ({
    path: Array.from(codes, (code) => eventNames[code]!),
    sessions: pathSessions[index]!,
    customers: pathCustomers[index]!,
  }));
  rows.sort((a, b) => b.sessions - a.sessions || comparePaths(a.path, b.path));

  const edges: FlowEdge[] = [];
  edgeKeys.forEach((key, index) => {
    if (edgeSessions[index]! < spec.minSessions) return;
    const target = key % eventCount;
    const source = Math.floor(key / eventCount) % eventCount;
    const position = Math.floor(key / eventCount / eventCount) + 1;
    edges.push({
      position,
      source: eventNames[source]!,
      target: eventNames[target]!,
      sessions: edgeSessions[index]!,
      customers: edgeCustomers[index]!,
    });
  });
  edges.sort(
    (a, b) =>
      b.sessions - a.sessions ||
      a.position - b.position ||
      compareText(a.source, b.source) ||
      compareText(a.target, b.target),
  );
  return {
    paths: spec.top === null ? rows : rows.slice(0, spec.top),
    edges: spec.edgeLimit === null ? edges : edges.slice(0, spec.edgeLimit),
  };
}
