import { describe, expect, it } from 'vitest';
import { eventTable } from '../../../src/analytics/events.ts';
import {
  journeyVsTouchpoints,
  journeyVsTouchpointsResultSchema,
} from '../../../src/analytics/analyses/journeyVsTouchpoints.ts';
import { suppress } from '../../../src/analytics/analyses/suppress.ts';

function survey(rows: [customer: string, question: string, score: number | null][], scoreColumn = 'csat') {
  return eventTable({
    customer_id: rows.map(([customer]) => customer),
    timestamp: rows.map((_, i) => i),
    event: rows.map(([, question]) => question),
    [scoreColumn]: rows.map(([, , score]) => score),
  });
}

// 1-5 scale: satisfied = 4 or 5, rated low = 1 or 2.
const table = survey([
  ['a', '整体', 5],
  ['a', '开户', 4],
  ['a', '柜台', 5], // journey yes, every touchpoint yes, 0 low
  ['b', '整体', 4],
  ['b', '开户', 5],
  ['b', '柜台', 2], // journey yes, touchpoints no, 1 low
  ['c', '整体', 2],
  ['c', '开户', 4],
  ['c', '柜台', 4], // journey no, touchpoints yes, 0 low: good touchpoints, poor journey
  ['d', '整体', 1],
  ['d', '开户', 1],
  ['d', '柜台', 2], // no, no, 2 low
  ['e', '整体', 3],
  ['e', '开户', 3], // no, no (3 is not satisfied), 0 low (3 is not low); rated one touchpoint only
  ['f', '整体', 5], // journey only: excluded
  ['g', '柜台', 4], // touchpoint only: excluded
  ['h', '整体', 4],
  ['h', '开户', 3],
  ['h', '开户', 5], // answered twice: mean 4, satisfied; yes, yes, 0 low
  ['h', '柜台', null], // no score: ignored
]);

describe('journeyVsTouchpoints', () => {
  it('shares of the four cells and the mean journey score by touchpoints rated low', () => {
    const result = journeyVsTouchpoints(table, { journey_question: '整体' });
    expect(journeyVsTouchpointsResultSchema.parse(result)).toEqual(result);
    expect(result).toEqual({
      journey_question: '整体',
      touchpoints: ['开户', '柜台'],
      score: 'csat',
      scale: 5,
      scale_inferred: true,
      threshold: 4,
      low_threshold: 2,
      customers: 6,
      excluded: 2,
      journey_satisfied_share: 3 / 6,
      all_touchpoints_satisfied_share: 3 / 6,
      cells: [
        { journey_satisfied: true, touchpoints_satisfied: true, customers: 2, share: 2 / 6 },
        { journey_satisfied: true, touchpoints_satisfied: false, customers: 1, share: 1 / 6 },
        { journey_satisfied: false, touchpoints_satisfied: true, customers: 1, share: 1 / 6 },
        { journey_satisfied: false, touchpoints_satisfied: false, customers: 2, share: 2 / 6 },
      ],
      by_low_touchpoints: [
        { low_touchpoints: 0, customers: 4, mean_journey: (5 + 2 + 3 + 4) / 4 },
        { low_touchpoints: 1, customers: 1, mean_journey: 4 },
        { low_touchpoints: 2, customers: 1, mean_journey: 1 },
      ],
    });
  });

  it('declared thresholds and touchpoints replace the defaults', () => {
    const result = journeyVsTouchpoints(table, {
      journey_question: '整体',
      touchpoints: '开户',
      threshold: 3,
      low_threshold: 1,
    });
    // a 5/4, b 4/5, c 2/4, d 1/1, e 3/3, h 4/4 on 开户 only; satisfied = 3 or more, low = 1.
    expect(result.cells.map((cell) => cell.customers)).toEqual([4, 0, 1, 1]);
    expect(result.by_low_touchpoints).toEqual([
      { low_touchpoints: 0, customers: 5, mean_journey: (5 + 4 + 2 + 3 + 4) / 5 },
      { low_touchpoints: 1, customers: 1, mean_journey: 1 },
    ]);
  });

  it('0-10 scores: satisfied = 9-10 (promoters), low = 0-6 (detractors)', () => {
    const nps = survey(
      [
        ['a', 'NPS', 10],
        ['a', 'app', 9],
        ['b', 'NPS', 7],
        ['b', 'app', 6],
        ['b', 'call', 10],
      ],
      'nps',
    );
    const result = journeyVsTouchpoints(nps, { journey_question: 'NPS' });
    expect([result.scale, result.threshold, result.low_threshold]).toEqual([10, 9, 6]);
    expect(result.cells.map((cell) => cell.customers)).toEqual([1, 0, 0, 1]);
    expect(result.by_low_touchpoints.map((row) => [row.low_touchpoints, row.mean_journey])).toEqual([
      [0, 10],
      [1, 7],
    ]);
  });

  it('published with suppression: cells under k show `< k` and lose their share', () => {
    const published = suppress(journeyVsTouchpoints(table, { journey_question: '整体' }), { k: 2 });
    expect(published.cells.map((cell) => [cell.customers, cell.share])).toEqual([
      [2, 2 / 6],
      [{ suppressed: true, fewer_than: 2 }, null],
      [{ suppressed: true, fewer_than: 2 }, null],
      [2, 2 / 6],
    ]);
    expect(published.by_low_touchpoints[2]).toEqual({
      low_touchpoints: 2,
      customers: { suppressed: true, fewer_than: 2 },
      mean_journey: null,
    });
  });

  it('clear errors for a missing question or a score off the scale', () => {
    expect(() => journeyVsTouchpoints(table, { journey_question: 'NPS' })).toThrow(
      'journey-vs-touchpoints: no csat scores for NPS; the questions with scores are 整体, 开户, 柜台',
    );
    expect(() => journeyVsTouchpoints(table, { journey_question: '整体', touchpoints: ['App'] })).toThrow(
      'no csat scores for App',
    );
    const off = survey([
      ['a', '整体', 5],
      ['a', '开户', 7],
    ]);
    expect(() => journeyVsTouchpoints(off, { journey_question: '整体', scale: 5 })).toThrow(
      'score 7 is outside the 1-5 scale',
    );
  });
});
