import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import { satisfaction } from '../../../src/analytics/analyses/satisfaction.ts';

describe('satisfaction (spec §8)', () => {
  it('CSAT on 1-5 per event, stage and channel; empty groups and unscored rows left out', () => {
    const table = eventTable({
      customer_id: ['a', 'a', 'b', 'c', 'd', 'e'],
      timestamp: [1, 2, 3, 4, 5, 6],
      event: ['call', 'call', 'call', 'chat', 'chat', 'chat'],
      stage: ['support', 'support', '', null, 'support', 'support'],
      channel: ['phone', 'phone', 'phone', 'web', 'web', 'web'],
      satisfaction: [5, 4, 2, 3, null, 5],
    });
    const result = satisfaction(table);
    expect(result.scale).toBe(5);
    expect(result.scale_inferred).toBe(true);
    expect(result.by_event).toEqual([
      { name: 'call', customers: 2, count: 3, mean: 11 / 3, csat: 2 / 3 },
      { name: 'chat', customers: 2, count: 2, mean: 4, csat: 0.5 },
    ]);
    expect(result.by_stage).toEqual([{ name: 'support', customers: 2, count: 3, mean: 14 / 3, csat: 1 }]);
    expect(result.by_channel.map((row) => [row.name, row.count])).toEqual([
      ['phone', 3],
      ['web', 2],
    ]);
  });

  it('NPS on 0-10: promoters minus detractors, in points; the scale inferred from a 0 or a score above 5', () => {
    const table = eventTable({
      customer_id: ['a', 'b', 'c', 'd', 'e'],
      timestamp: [1, 2, 3, 4, 5],
      event: ['survey', 'survey', 'survey', 'survey', 'survey'],
      satisfaction: [10, 9, 8, 6, 0],
    });
    const result = satisfaction(table);
    expect(result.scale).toBe(10);
    expect(result.by_event).toEqual([{ name: 'survey', customers: 5, count: 5, mean: 33 / 5, nps: 0 }]);
    expect(result.by_stage).toEqual([]);
  });

  it('a declared scale is stated as declared and checked against the scores', () => {
    const table = eventTable({ customer_id: ['a'], timestamp: [1], event: ['survey'], satisfaction: [4] });
    expect(satisfaction(table, { scale: 10 })).toMatchObject({ scale: 10, scale_inferred: false });
    const outside = eventTable({ customer_id: ['a'], timestamp: [1], event: ['survey'], satisfaction: [7] });
    expect(() => satisfaction(outside, { scale: 5 })).toThrow('score 7 is outside the 1-5 scale');
    expect(() => satisfaction(eventTable({ customer_id: ['a'], timestamp: [1], event: ['s'] }))).toThrow(
      'no satisfaction column',
    );
  });
});
