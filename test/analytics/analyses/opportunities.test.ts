import { describe, expect, it } from 'vitest';
import { prioritiseOpportunities, priorityScore, quadrantOf } from '../../../src/analytics/analyses/opportunities.ts';

describe('prioritiseOpportunities', () => {
  it('scores impact × reach × confidence / effort and ranks by it, then by name', () => {
    const result = prioritiseOpportunities([
      { name: 'b', impact: 2, effort: 2, reach: 100, confidence: 0.5 }, // 50
      { name: 'a', impact: 4, effort: 4, reach: 50, confidence: 1 }, // 50
      { opportunity: 'c', impact: 5, effort: 1, reach: 0.5, confidence: 0.8 }, // 2
    ]);
    expect(result.opportunities.map((item) => [item.rank, item.name, item.score, item.quadrant])).toEqual([
      [1, 'a', 50, 'big_bet'],
      [2, 'b', 50, 'fill_in'],
      [3, 'c', 2, 'quick_win'],
    ]);
    expect(result.middle).toBe(3);
    expect(priorityScore({ impact: 3, reach: 900, confidence: 0.9, effort: 1 })).toBeCloseTo(2430, 9);
    expect(quadrantOf(2, 4, 3)).toBe('money_pit');
  });

  it('names the field at fault', () => {
    expect(() => prioritiseOpportunities([{ name: 'x', impact: 7, effort: 1, reach: 1, confidence: 0.5 }])).toThrow(
      'opportunities[0] (x): impact 7 is outside the scale 1-5',
    );
    expect(() => prioritiseOpportunities([{ impact: 2, effort: 1, reach: 1, confidence: 0.5 }])).toThrow(
      'an opportunity has no name',
    );
    expect(() => prioritiseOpportunities([{ name: 'x', impact: 2, effort: 1, reach: 1, confidence: 80 }])).toThrow(
      'confidence',
    );
  });
});
