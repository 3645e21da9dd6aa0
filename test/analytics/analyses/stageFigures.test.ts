import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { stageFigures } from '../../../src/analytics/analyses/stageFigures.ts';

describe('stageFigures', () => {
  const table = eventTable({
    customer_id: ['a', 'a', 'b', 'b', 'c'],
    timestamp: [1, 2, 3, 4, 5],
    event: ['apply', 'upload', 'apply', 'verify', 'verify'],
    stage: ['x', 'x', 'x', 'y', 'y'],
    satisfaction: [null, 4, 2, 5, null],
  });

  it('counts distinct customers and averages scores per stage, by event list or by the stage column', () => {
    expect(stageFigures(table, [{ id: 'apply', events: ['apply', 'upload'] }, { id: 'y' }])).toEqual({
      scale: 5,
      stages: [
        { id: 'apply', customers: 2, scored_customers: 2, scores: 2, mean_satisfaction: 3 },
        { id: 'y', customers: 2, scored_customers: 1, scores: 1, mean_satisfaction: 5 },
      ],
    });
  });

  it('has a null mean and scale where nobody scored', () => {
    expect(stageFigures(table, [{ id: 'none', events: ['apply'] }]).stages[0]!.mean_satisfaction).toBe(2);
    expect(stageFigures(table, [{ id: 'z' }])).toEqual({
      scale: null,
      stages: [{ id: 'z', customers: 0, scored_customers: 0, scores: 0, mean_satisfaction: null }],
    });
  });
});
