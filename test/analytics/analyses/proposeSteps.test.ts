import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { proposeSteps } from '../../../src/analytics/analyses/proposeSteps.ts';

/** Customer -> events at t = 0, 1, 2, ... seconds. */
function log(paths: Record<string, string[]>) {
  const customer_id: string[] = [];
  const timestamp: number[] = [];
  const event: string[] = [];
  for (const [id, events] of Object.entries(paths)) {
    events.forEach((name, i) => {
      customer_id.push(id);
      timestamp.push(i * 1000);
      event.push(name);
    });
  }
  return eventTable({ customer_id, timestamp, event });
}

describe('proposeSteps', () => {
  it('follows the branch most customers take at each step', () => {
    const table = log({
      a: ['visit', 'view', 'cart', 'buy'],
      b: ['visit', 'view', 'cart'],
      c: ['visit', 'view', 'search'],
      d: ['visit', 'search'],
      e: ['visit', 'view', 'cart', 'buy'],
    });
    // After visit: view 4, search 1; after view: cart 3, search 1; after cart: buy 2.
    expect(proposeSteps(table)).toEqual(['visit', 'view', 'cart', 'buy']);
  });

  it('keeps only first occurrences, so a repeated event is one step', () => {
    const table = log({ a: ['visit', 'visit', 'view', 'visit', 'buy'], b: ['visit', 'view', 'buy'] });
    expect(proposeSteps(table)).toEqual(['visit', 'view', 'buy']);
  });

  it('sorts by time per customer, whatever the row order', () => {
    const table = eventTable({
      customer_id: ['a', 'b', 'a', 'b', 'a'],
      timestamp: [3000, 2000, 1000, 1000, 2000],
      event: ['buy', 'view', 'visit', 'visit', 'view'],
    });
    expect(proposeSteps(table)).toEqual(['visit', 'view', 'buy']);
  });

  it('breaks ties by code-unit order of the event name', () => {
    const table = log({ a: ['start', 'zeta'], b: ['start', 'alpha'] });
    expect(proposeSteps(table)).toEqual(['start', 'alpha']);
  });

  it('stops at maxSteps and below minShare of the first step', () => {
    const paths: Record<string, string[]> = {};
    for (let i = 0; i < 20; i++) paths[`c${i}`] = ['a', 'b', 'c'];
    paths.x = ['a', 'b', 'c', 'd']; // 1 of 21 customers: under 10%
    const table = log(paths);
    expect(proposeSteps(table, { maxSteps: 2 })).toEqual(['a', 'b']);
    expect(proposeSteps(table, { minShare: 0.1 })).toEqual(['a', 'b', 'c']);
    expect(proposeSteps(table, { minShare: 0 })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('returns [] for an empty log and rejects bad options', () => {
    expect(proposeSteps(log({}))).toEqual([]);
    expect(() => proposeSteps(log({}), { maxSteps: 0 })).toThrow(/maxSteps/);
  });
});
