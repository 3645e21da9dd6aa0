import { describe, expect, it } from 'vitest';
import { compareRates } from '../../../src/analytics/analyses/compareRates.ts';
import { eventTable } from '../../../src/analytics/events.ts';
import { funnel } from '../../../src/analytics/analyses/funnel.ts';
import { retention } from '../../../src/analytics/analyses/retention.ts';
import {
  countOrSuppressed,
  isSuppressed,
  isSuppressedCell,
  suppress,
} from '../../../src/analytics/analyses/suppress.ts';

describe('suppress (spec §10)', () => {
  const ids = Array.from({ length: 8 }, (_, i) => `c${i}`);
  // 8 customers visit, 3 of them buy.
  const table = eventTable({
    customer_id: [...ids, 'c0', 'c1', 'c2'],
    timestamp: [...ids.map(() => 0), 60_000, 60_000, 60_000],
    event: [...ids.map(() => 'visit'), 'buy', 'buy', 'buy'],
  });

  it('funnel: a step with fewer than k customers is a marker, its rates and times null', () => {
    const result = suppress(funnel(table, { steps: 'visit,buy' }), { k: 5 });
    expect(result.steps[0]).toMatchObject({ customers: 8, conversion_from_start: 1 });
    expect(result.steps[1]).toEqual({
      step: 2,
      name: 'buy',
      customers: { suppressed: true, fewer_than: 5 },
      conversion_from_start: null,
      conversion_from_previous: null,
      dropped: 5,
      median_seconds_from_previous: null,
      mean_seconds_from_previous: null,
    });
    expect(result.window_seconds).toBe(1209600);
    expect(suppress(funnel(table, { steps: 'visit,buy' }), { k: 3 }).steps[1]!.customers).toBe(3);
  });

  it('retention: small counts become markers and their rates null; small cohorts lose every rate', () => {
    const result = suppress(retention(table, { period: 'day' }), { k: 9 });
    expect(result.cohorts[0]).toEqual({
      cohort: '1970-01-01',
      size: { suppressed: true, fewer_than: 9 },
      counts: [{ suppressed: true, fewer_than: 9 }],
      rates: [null],
      partial: [true],
    });
  });

  it('compare: a small side hides its rate and the comparison figures', () => {
    const result = suppress(compareRates({ before: { successes: 3, n: 100 }, after: { successes: 30, n: 100 } }));
    expect(result.before).toEqual({
      successes: { suppressed: true, fewer_than: 5 },
      n: 100,
      rate: null,
      wilson_low: null,
      wilson_high: null,
    });
    expect(result.after).toMatchObject({ successes: 30, rate: 0.3 });
    expect(result.p_value).toBeNull();
    expect(result.difference).toBeNull();
  });

  it('primitives: a count under k is hidden as "< k"; no k, no suppression', () => {
    expect(isSuppressed(4, 5)).toBe(true);
    expect(isSuppressed(5, 5)).toBe(false);
    expect(isSuppressed(0, undefined)).toBe(false);
    expect(isSuppressed(null, 5)).toBe(false);
    expect(countOrSuppressed(4, 5, String)).toBe('< 5');
    expect(countOrSuppressed(12, 5, String)).toBe('12');
    expect(isSuppressedCell({ suppressed: true, fewer_than: 5 })).toBe(true);
    expect(isSuppressedCell('< 5')).toBe(false);
  });

  it('does not mutate its input', () => {
    const original = funnel(table, { steps: 'visit,buy' });
    const copy = structuredClone(original);
    suppress(original);
    expect(original).toEqual(copy);
  });
});
