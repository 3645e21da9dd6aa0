import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { funnel } from '../../../src/analytics/analyses/funnel.ts';
import { paths } from '../../../src/analytics/analyses/paths.ts';
import { retention } from '../../../src/analytics/analyses/retention.ts';
import type { FunnelMode } from '../../../src/analytics/analyses/spec.ts';

const MIN = 60_000;
const MODES: FunnelMode[] = ['ordered', 'strict', 'unordered'];
const STEPS = 'A,B|C,C,D';

interface Row {
  customer: string;
  minute: number;
  event: string;
  channel: string | null;
}

const rowArbitrary = fc.record({
  customer: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
  minute: fc.integer({ min: 0, max: 600 }),
  event: fc.constantFrom('A', 'B', 'C', 'D', 'X'),
  channel: fc.constantFrom('web', 'app', null, ''),
});
const logArbitrary = fc.array(rowArbitrary, { minLength: 1, maxLength: 60 });

/** Rows with pairwise distinct timestamps, plus a permutation of them. */
const distinctLogArbitrary = fc
  .integer({ min: 1, max: 60 })
  .chain((length) =>
    fc.tuple(
      fc.array(rowArbitrary, { minLength: length, maxLength: length }),
      fc.uniqueArray(fc.integer({ min: 0, max: 20_000 }), { minLength: length, maxLength: length }),
      fc.array(fc.double({ noNaN: true }), { minLength: length, maxLength: length }),
    ),
  )
  .map(([rows, minutes, sortKeys]) => {
    const distinct = rows.map((row, index) => ({ ...row, minute: minutes[index]! }));
    const shuffled = distinct
      .map((row, index) => ({ row, key: sortKeys[index]! }))
      .sort((a, b) => a.key - b.key)
      .map(({ row }) => row);
    return { rows: distinct, shuffled };
  });

function toTable(rows: Row[]) {
  return eventTable({
    customer_id: rows.map((r) => r.customer),
    timestamp: rows.map((r) => r.minute * MIN),
    event: rows.map((r) => r.event),
    channel: rows.map((r) => r.channel),
  });
}

const windowArbitrary = fc.constantFrom('30m', '1h', '3h', '14d');

describe('funnel properties', () => {
  it('breakdown buckets add up to the total at every step, in every mode', () => {
    fc.assert(
      fc.property(logArbitrary, windowArbitrary, fc.constantFrom(...MODES), (rows, window, mode) => {
        const result = funnel(toTable(rows), { steps: STEPS, window, mode, by: 'channel' });
        result.steps.forEach((step, index) => {
          const sum = result.breakdown.reduce((total, bucket) => total + bucket.steps[index]!.customers, 0);
          expect(sum).toBe(step.customers);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('counts never grow along a funnel', () => {
    fc.assert(
      fc.property(logArbitrary, windowArbitrary, fc.constantFrom(...MODES), (rows, window, mode) => {
        const counts = funnel(toTable(rows), { steps: STEPS, window, mode }).steps.map((step) => step.customers);
        for (let k = 1; k < counts.length; k++) expect(counts[k]).toBeLessThanOrEqual(counts[k - 1]!);
      }),
      { numRuns: 300 },
    );
  });

  it('ordered mode reaches at least as far as strict mode at every step', () => {
    fc.assert(
      fc.property(logArbitrary, windowArbitrary, (rows, window) => {
        const table = toTable(rows);
        const ordered = funnel(table, { steps: STEPS, window }).steps;
        const strict = funnel(table, { steps: STEPS, window, mode: 'strict' }).steps;
        ordered.forEach((step, index) => expect(step.customers).toBeGreaterThanOrEqual(strict[index]!.customers));
      }),
      { numRuns: 300 },
    );
  });

  it('results do not depend on the order of input rows (distinct timestamps)', () => {
    fc.assert(
      fc.property(
        distinctLogArbitrary,
        windowArbitrary,
        fc.constantFrom(...MODES),
        ({ rows, shuffled }, window, mode) => {
          const spec = { steps: STEPS, window, mode, by: 'channel' };
          expect(funnel(toTable(shuffled), spec)).toEqual(funnel(toTable(rows), spec));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('paths and retention properties', () => {
  it('do not depend on the order of input rows (distinct timestamps)', () => {
    fc.assert(
      fc.property(distinctLogArbitrary, ({ rows, shuffled }) => {
        const pathSpec = { session_gap: '2h', top: null, limit: null };
        expect(paths(toTable(shuffled), pathSpec)).toEqual(paths(toTable(rows), pathSpec));
        expect(retention(toTable(shuffled), { period: 'day', mode: 'on_or_after' })).toEqual(
          retention(toTable(rows), { period: 'day', mode: 'on_or_after' }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('edge sessions at position 1 add up to the sessions of paths with 2+ nodes', () => {
    fc.assert(
      fc.property(logArbitrary, (rows) => {
        const result = paths(toTable(rows), { top: null, limit: null, session_gap: '1h' });
        const longPaths = result.paths
          .filter((row) => row.path.length >= 2)
          .reduce((sum, row) => sum + row.sessions, 0);
        const firstEdges = result.edges
          .filter((edge) => edge.position === 1)
          .reduce((sum, edge) => sum + edge.sessions, 0);
        expect(firstEdges).toBe(longPaths);
      }),
      { numRuns: 200 },
    );
  });
});
