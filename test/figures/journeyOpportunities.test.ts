import { describe, expect, it } from 'vitest';
import { parseJourneyDefinition } from '../../src/charts/journeyDefinition.ts';
import { journeyMapFigure } from '../../src/figures/journeyMap.ts';
import { opportunityMatrixFigure, prioritisedOpportunities } from '../../src/figures/opportunityMatrix.ts';
import { HOSTILE } from '../charts/chartFixtures.ts';

const texts = (table: { rows: { text: string }[][] }) => table.rows.map((row) => row.map((cell) => cell.text));

describe('journeyMapFigure', () => {
  const journey = parseJourneyDefinition(
    {
      stages: [
        { id: 'a', name: 'A', emotion: 2, actions: ['x'] },
        { id: 'b', name: 'B', emotion: -2 },
      ],
    },
    'j.yaml',
  );
  const figures = {
    scale: 5 as const,
    stages: [
      { id: 'a', customers: 40, scored_customers: 3, scores: 3, mean_satisfaction: 4 },
      { id: 'b', customers: 3, scored_customers: 0, scores: 0, mean_satisfaction: null },
    ],
  };

  it('withholds a data score under k and names the lowest declared stage', () => {
    const figure = journeyMapFigure(journey, figures, { lang: 'en', k: 5 });
    // a: 3 scorers < 5, so its mean is withheld; b has no scores and keeps its declared -2 (of -2..2).
    expect(texts(figure.table)).toEqual([
      ['A', '< 5', 'satisfaction data', ''],
      ['B', '-2.0', 'declared', ''],
    ]);
    expect(figure.finding).toBe('Customer journey map: 2 stages; emotion is lowest at B (−2).');
    expect(figure.model.lanesAbove.map((lane) => [lane.key, lane.cells])).toEqual([
      ['actions', ['<ul><li>x</li></ul>', '']],
      ['customers', ['40', '&lt; 5']],
    ]);
    expect(figure.svg.startsWith('<svg role="group" aria-label="Emotion" ')).toBe(true);
    expect(figure.scrollCue).toBe('← Swipe to see the whole chart →');
  });

  it('draws declared scores alone when the map has no data', () => {
    const figure = journeyMapFigure(journey, null, { lang: 'zh' });
    expect(figure.model.lanesAbove.map((lane) => lane.key)).toEqual(['actions']);
    expect(figure.finding).toBe('客户旅程地图：2 个阶段，情绪最低点在“B”（−2）。');
  });
});

describe('opportunityMatrixFigure', () => {
  // Priority = impact × reach × confidence / effort; quadrants split at 3, the middle of 1-5.
  const list = [
    { name: 'One-page checkout', impact: 4, effort: 2, reach: 1200, confidence: 0.8 }, // 1920, quick win
    { name: 'Show shipping early', impact: 3, effort: 1, reach: 900, confidence: 0.9 }, // 2430, quick win
    { name: 'New payment app', impact: 5, effort: 5, reach: 400, confidence: 0.5 }, // 200, big bet
    { name: HOSTILE, impact: 2, effort: 4, reach: 100, confidence: 0.6 }, // 30, money pit
  ];

  it('ranks by priority and lists each with its score and quadrant', () => {
    const figure = opportunityMatrixFigure(prioritisedOpportunities(list), { lang: 'en' });
    expect(figure.ranking).toEqual([
      { name: 'Show shipping early', detail: '(Priority score 2,430 · Quick wins)' },
      { name: 'One-page checkout', detail: '(Priority score 1,920 · Quick wins)' },
      { name: 'New payment app', detail: '(Priority score 200 · Big bets)' },
      { name: HOSTILE, detail: '(Priority score 30 · Money pits)' },
    ]);
    expect(figure.finding).toBe('Show shipping early has the highest priority (score 2,430); 2 of 4 are quick wins.');
    expect(texts(figure.table)[0]).toEqual([
      '1',
      'Show shipping early',
      '3.0',
      '1.0',
      '900',
      '90%',
      '2,430',
      'Quick wins',
    ]);
    expect(figure.svg).not.toContain('<img');
  });

  it("lets the chart's scale win over the list's own", () => {
    // On 1-9 the middle is 5: impact 4 is low, effort 2 low -> a fill-in.
    const result = prioritisedOpportunities({ opportunities: list.slice(0, 1), scale: [1, 5] }, [1, 9]);
    expect(result.scale).toEqual([1, 9]);
    expect(opportunityMatrixFigure(result, { lang: 'en' }).ranking[0]?.detail).toBe(
      '(Priority score 1,920 · Fill-ins)',
    );
  });
});
