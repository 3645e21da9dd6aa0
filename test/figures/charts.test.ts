import { describe, expect, it } from 'vitest';
import { pathFlowFigure } from '../../src/figures/pathFlow.ts';
import { touchpointScoresFigure } from '../../src/figures/touchpointScores.ts';
import { whatIfFigure } from '../../src/figures/whatIf.ts';
import { pathsResult, satisfactionResult, whatIfResult } from '../charts/chartFixtures.ts';

const texts = (table: { rows: { text: string }[][] }) => table.rows.map((row) => row.map((cell) => cell.text));

describe('touchpointScoresFigure', () => {
  it('scores each stage with its n', () => {
    const figure = touchpointScoresFigure(satisfactionResult, { lang: 'en', by: 'stage' });
    // browse: visit scores 4,3,1,2,3,1,4,2 -> 2 of 8 are 4-5 (25%), mean 20/8 = 2.50;
    // buy: cart scores 5,4,2,3,4 -> 3 of 5 (60%), mean 18/5 = 3.60.
    expect(texts(figure.table)).toEqual([
      ['browse', '25%', '2.50', '8', '8'],
      ['buy', '60%', '3.60', '5', '5'],
    ]);
    expect(figure.finding).toBe('browse scores lowest (CSAT 25%, n=8) and buy highest (60%).');
    expect(figure.svg).toMatch(/^<svg /);
  });

  it('says the score of a single bar, not a lowest and highest', () => {
    const buyOnly = {
      ...satisfactionResult,
      by_stage: satisfactionResult.by_stage.filter((row) => row.name === 'buy'),
    };
    expect(touchpointScoresFigure(buyOnly, { lang: 'en', by: 'stage' }).finding).toBe('buy: CSAT 60% (n=5).');
    expect(touchpointScoresFigure(buyOnly, { lang: 'zh', by: 'stage' }).finding).toBe('“buy”的CSAT为 60%（n=5）。');
  });
});

describe('whatIfFigure', () => {
  it('projects the lifted step and models the slider', () => {
    const figure = whatIfFigure(whatIfResult, { lang: 'en', maxUplift: 0.3 });
    // purchase: 3 of 6 (50%) lifted by half to 75% -> 4.5 customers, +1.5 (2 in prose), worth 1.5 x 110 = 165.
    expect(figure.finding).toBe(
      'Raising conversion into purchase by +50% would bring 2 more customers to purchase, worth 165.',
    );
    expect(figure.legend?.map((entry) => entry.key)).toEqual(['Current', 'Projected']);
    expect(figure.slider).toEqual({
      config: {
        lang: 'en',
        step: 4,
        customers: [12, 9, 6, 3],
        fromPrevious: [1, 0.75, 6 / 9, 0.5],
        aov: 110,
        currency: null,
      },
      inputLabel: 'Relative uplift in conversion: 4. purchase',
      lastStep: 'purchase',
      uplift: 0.5,
      // The slider reaches at least the given uplift.
      maxUplift: 0.5,
      upliftText: '+50%',
      additionalText: '2', // 1.5, rounded for reading
      valueText: '165',
    });
  });

  it('withholds bars, slider and legend when a step is under k', () => {
    const figure = whatIfFigure(whatIfResult, { lang: 'en', maxUplift: 0.3, k: 5 });
    expect(figure.svg).toBeUndefined();
    expect(figure.slider).toBeUndefined();
    expect(figure.legend).toBeUndefined();
    expect(texts(figure.table)[3]).toEqual(['4. purchase', '< 5', '–', '–']);
    expect(figure.finding).toBe('A step has fewer than 5 customers, so no projection is published.');
  });
});

describe('pathFlowFigure', () => {
  it('captions the edge table and the top paths', () => {
    const figure = pathFlowFigure(pathsResult, { lang: 'en', topPaths: 2 });
    expect(figure.tableCaption).toBe('Flow edges');
    expect(figure.topPathsCaption).toBe('Top paths');
    expect(figure.topPaths.rows).toHaveLength(2);
    expect(figure.svg).toMatch(/^<svg /);
  });
});
