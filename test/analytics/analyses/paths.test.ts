import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { comparePaths, paths } from '../../../src/analytics/analyses/paths.ts';

const MIN = 60_000;

function log(rows: [string, number, string][]) {
  return eventTable({
    customer_id: rows.map((r) => r[0]),
    timestamp: rows.map((r) => r[1] * MIN),
    event: rows.map((r) => r[2]),
  });
}

describe('paths (spec §5)', () => {
  it('cuts sessions at gaps of session_gap or more, not less', () => {
    const table = log([
      ['u', 0, 'a'],
      ['u', 29, 'b'],
      ['u', 59, 'c'],
      ['u', 88.99, 'd'],
    ]);
    // 29 -> 59 is exactly 30 minutes: a cut; 59 -> 88.99 is under 30 minutes.
    expect(paths(table).paths).toEqual([
      { path: ['a', 'b'], sessions: 1, customers: 1 },
      { path: ['c', 'd'], sessions: 1, customers: 1 },
    ]);
    expect(paths(table, { session_gap: 0 }).paths).toEqual([{ path: ['a', 'b', 'c', 'd'], sessions: 1, customers: 1 }]);
  });

  it('collapses consecutive repeats unless asked not to', () => {
    const table = log([
      ['u', 0, 'a'],
      ['u', 1, 'a'],
      ['u', 2, 'b'],
      ['u', 3, 'a'],
    ]);
    expect(paths(table).paths[0]!.path).toEqual(['a', 'b', 'a']);
    expect(paths(table, { collapse_repeats: false }).paths[0]!.path).toEqual(['a', 'a', 'b', 'a']);
  });

  it('start and end trim each session; sessions lacking either are dropped; depth cuts afterwards', () => {
    const table = log([
      ['u', 0, 'x'],
      ['u', 1, 's'],
      ['u', 2, 'y'],
      ['u', 3, 'e'],
      ['u', 4, 'z'],
      ['v', 0, 'x'],
      ['v', 1, 'y'],
      ['w', 0, 's'],
      ['w', 1, 'y'],
    ]);
    expect(paths(table, { start: 's', end: 'e' }).paths).toEqual([
      { path: ['s', 'y', 'e'], sessions: 1, customers: 1 },
    ]);
    expect(paths(table, { start: 's' }).paths).toEqual([
      { path: ['s', 'y'], sessions: 1, customers: 1 },
      { path: ['s', 'y', 'e', 'z'], sessions: 1, customers: 1 },
    ]);
    expect(paths(table, { start: 's', depth: 2 }).paths).toEqual([{ path: ['s', 'y'], sessions: 2, customers: 2 }]);
    expect(paths(table, { end: 'e' }).paths).toEqual([{ path: ['x', 's', 'y', 'e'], sessions: 1, customers: 1 }]);
    expect(paths(table, { start: 'nowhere' })).toEqual({ paths: [], edges: [] });
  });

  it('counts sessions and distinct customers, sorted by sessions then node names', () => {
    const day = 24 * 60;
    const table = log([
      ['u', 0, 'b'],
      ['u', day, 'b'],
      ['v', 0, 'a'],
      ['v', 1, 'c'],
      ['w', 0, 'a'],
      ['w', 1, 'b'],
      ['x', 0, 'a'],
    ]);
    expect(paths(table).paths).toEqual([
      { path: ['b'], sessions: 2, customers: 1 },
      { path: ['a'], sessions: 1, customers: 1 },
      { path: ['a', 'b'], sessions: 1, customers: 1 },
      { path: ['a', 'c'], sessions: 1, customers: 1 },
    ]);
    expect(paths(table, { top: 2 }).paths).toHaveLength(2);
  });

  it('flow edges: positions from 1, min_sessions pruning, then the limit heaviest', () => {
    const table = log([
      ['u', 0, 'a'],
      ['u', 1, 'b'],
      ['u', 2, 'c'],
      ['v', 0, 'a'],
      ['v', 1, 'b'],
      ['w', 0, 'b'],
      ['w', 1, 'c'],
    ]);
    const { edges } = paths(table);
    expect(edges).toEqual([
      { position: 1, source: 'a', target: 'b', sessions: 2, customers: 2 },
      { position: 1, source: 'b', target: 'c', sessions: 1, customers: 1 },
      { position: 2, source: 'b', target: 'c', sessions: 1, customers: 1 },
    ]);
    expect(paths(table, { min_sessions: 2 }).edges).toHaveLength(1);
    expect(paths(table, { limit: 2 }).edges.map((e) => e.position)).toEqual([1, 1]);
  });

  it('ties in time keep input order', () => {
    const table = log([
      ['u', 0, 'b'],
      ['u', 0, 'a'],
    ]);
    expect(paths(table).paths[0]!.path).toEqual(['b', 'a']);
  });

  it('compares paths node by node in code-unit order, a shorter prefix first', () => {
    expect(comparePaths(['a'], ['a', 'b'])).toBeLessThan(0);
    expect(comparePaths(['B'], ['a'])).toBeLessThan(0);
    expect(comparePaths(['a', 'c'], ['a', 'b'])).toBeGreaterThan(0);
  });
});
