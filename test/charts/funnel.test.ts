import { describe, expect, it } from 'vitest';
import type { FunnelStepFigures } from '../../src/analytics/analyses/funnel.ts';
import { funnelRows } from '../../src/charts/funnel.ts';

describe('funnelRows suppression flags (spec §10)', () => {
  const times = { median_seconds_from_previous: null, mean_seconds_from_previous: null };
  const steps: FunnelStepFigures[] = [
    {
      step: 1,
      name: 'visit',
      customers: 40,
      conversion_from_start: 1,
      conversion_from_previous: null,
      dropped: 0,
      ...times,
    },
    {
      step: 2,
      name: 'cart',
      customers: 3,
      conversion_from_start: 0.075,
      conversion_from_previous: 0.075,
      dropped: 37,
      ...times,
    },
    {
      step: 3,
      name: 'buy',
      customers: 3,
      conversion_from_start: 0.075,
      conversion_from_previous: 1,
      dropped: 0,
      ...times,
    },
  ];

  it('flags what k hides: the small count, its rates, and the step after it', () => {
    const rows = funnelRows(steps, { lang: 'en', k: 5 });
    expect(rows.map((row) => row.hidden)).toEqual([
      { count: false, fromStart: false, fromPrevious: false },
      { count: true, fromStart: true, fromPrevious: true },
      { count: true, fromStart: true, fromPrevious: true },
    ]);
    expect(rows.map((row) => row.countText)).toEqual(['40', '< 5', '< 5']);
  });

  it('flags nothing without k', () => {
    const rows = funnelRows(steps, { lang: 'en' });
    expect(rows.every((row) => !row.hidden.count && !row.hidden.fromStart && !row.hidden.fromPrevious)).toBe(true);
    expect(rows.map((row) => row.countText)).toEqual(['40', '3', '3']);
  });
});
