/** The scaffold's session gap from the median time between first reaching consecutive funnel steps. */
import { describe, expect, it } from 'vitest';
import { eventTable } from '../../src/analytics/events.ts';
import { chooseSessionGap, medianStepGapSeconds } from '../../src/report/sessionGap.ts';

const MIN = 60_000;

describe('session gap', () => {
  it('takes the median of step-to-step gaps, first occurrences only, skipping unreached steps', () => {
    // a: view 0, form 10 min, (view again at 50: not first), submit 70 -> gaps 10, 60 min
    // b: view 0, form 20 min -> gap 20; c: form only -> no gap. Median of 10, 20, 60 = 20 min.
    const table = eventTable({
      customer_id: ['a', 'a', 'a', 'a', 'b', 'b', 'c'],
      timestamp: [0, 10 * MIN, 50 * MIN, 70 * MIN, 0, 20 * MIN, 5 * MIN],
      event: ['view', 'form', 'view', 'submit', 'view', 'form', 'form'],
    });
    expect(medianStepGapSeconds(table, ['view', 'form', 'submit'])).toBe(20 * 60);
    expect(chooseSessionGap(table, ['view', 'form', 'submit'])).toBe('30m');
  });

  it('does not cut journeys whose steps are more than 30 minutes apart, and keeps 30m without data', () => {
    const table = eventTable({
      customer_id: ['a', 'a', 'b', 'b'],
      timestamp: [0, 31 * MIN, 0, 2 * 86_400_000],
      event: ['quote', 'apply', 'quote', 'x'],
    });
    // The step 'apply|x' accepts either name: a reaches it by apply (31 min), b by x (2 days).
    expect(medianStepGapSeconds(table, ['quote', 'apply|x'])).toBe((31 * 60 + 2 * 86_400) / 2);
    expect(chooseSessionGap(table, ['quote', 'apply|x'])).toBeNull();
    expect(chooseSessionGap(table, ['none', 'other'])).toBe('30m');
  });
});
