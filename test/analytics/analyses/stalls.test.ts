import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { stalls } from '../../../src/analytics/analyses/stalls.ts';

const DAY = 86_400_000;

describe('stalls', () => {
  // Furthest steps: a 1 (last seen day 1), b 2 (day 2), c 2 (day 9, via a later visit), d 3, e never entered.
  const table = eventTable({
    customer_id: ['a', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'd', 'e'],
    timestamp: [DAY, 0, 2 * DAY, 0, DAY, 9 * DAY, 0, DAY, 2 * DAY, 10 * DAY],
    event: ['visit', 'visit', 'cart', 'visit', 'cart', 'visit', 'visit', 'cart', 'buy', 'other'],
  });

  it('counts customers stuck at each step whose last event is older than the threshold', () => {
    // now = day 10 (latest timestamp); older than 7 days = last event before day 3.
    const result = stalls(table, { steps: 'visit,cart,buy', older_than: '7d' });
    expect(result).toEqual({
      mode: 'ordered',
      window_seconds: 14 * 86400,
      now: new Date(10 * DAY).toISOString(),
      older_than_seconds: 7 * 86400,
      steps: [
        { step: 1, name: 'visit', customers: 1, stalled: 1, stalled_share: 1, customer_ids: null },
        { step: 2, name: 'cart', customers: 2, stalled: 1, stalled_share: 0.5, customer_ids: null },
      ],
    });
  });

  it('takes an explicit now and lists ids only when asked', () => {
    const result = stalls(table, { steps: 'visit,cart,buy', older_than: '12h', now: 3 * DAY, list_customers: true });
    expect(result.steps.map((s) => s.customer_ids)).toEqual([['a'], ['b']]);
  });
});
