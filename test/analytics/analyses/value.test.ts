import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { value } from '../../../src/analytics/analyses/value.ts';

const DAY = 86_400_000;

describe('value (spec §7)', () => {
  const table = eventTable({
    customer_id: ['a', 'a', 'a', 'b', 'b', 'c', 'd'],
    timestamp: [0, 2 * DAY, 10 * DAY, DAY, 4 * DAY, 0, 0],
    event: ['purchase', 'purchase', 'purchase', 'purchase', 'purchase', 'purchase', 'visit'],
    value: [10, 20, 30, 40, null, 50, 1000],
  });

  it('AOV, frequency, CLV, lifespan and repurchase gaps, by hand', () => {
    // Purchases 6, buyers 3, revenue 150 (b's second purchase has no amount; d's visit is not a purchase).
    // Gaps: a 2 and 8 days, b 3 days. Lifespans: a 10, b 3, c 0 days.
    expect(value(table)).toEqual({
      purchases: 6,
      buyers: 3,
      revenue: 150,
      aov: 25,
      frequency: 2,
      clv: 50,
      lifespan_days_mean: 13 / 3,
      repurchase: { customers: 2, gaps: 3, median_days: 3, mean_days: 13 / 3 },
    });
  });

  it('a configurable purchase event; nobody buying gives nulls', () => {
    const result = value(table, { purchase_event: 'order' });
    expect(result).toEqual({
      purchases: 0,
      buyers: 0,
      revenue: 0,
      aov: null,
      frequency: null,
      clv: null,
      lifespan_days_mean: null,
      repurchase: { customers: 0, gaps: 0, median_days: null, mean_days: null },
    });
  });

  it('without a value column, money figures are null', () => {
    const noValue = eventTable({ customer_id: ['a', 'a'], timestamp: [0, DAY], event: ['purchase', 'purchase'] });
    expect(value(noValue)).toMatchObject({
      purchases: 2,
      buyers: 1,
      revenue: null,
      aov: null,
      clv: null,
      frequency: 2,
    });
  });
});
