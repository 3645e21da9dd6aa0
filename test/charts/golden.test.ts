/**
 * Golden SVGs: every chart variant drawn from the fixtures and compared with
 * test/output/<name>.svg (see test/support/golden.ts). Time zone UTC (vitest
 * env); the charts use no randomness.
 */
import { describe, expect, it } from 'vitest';
import type * as Plot from '@observablehq/plot';
import { funnelChart } from '../../src/charts/funnel.ts';
import { funnelBreakdownChart } from '../../src/charts/funnelBreakdown.ts';
import { funnelComparisonChart } from '../../src/charts/funnelComparison.ts';
import { parseJourneyDefinition } from '../../src/charts/journeyDefinition.ts';
import { journeyEmotionChart, journeyMapModel } from '../../src/charts/journeyMap.ts';
import { opportunityMatrixChart } from '../../src/charts/opportunityMatrix.ts';
import { pathFlowChart } from '../../src/charts/pathFlow.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { retentionGridChart } from '../../src/charts/retentionGrid.ts';
import { touchpointScoresChart } from '../../src/charts/touchpointScores.ts';
import { whatIfChart } from '../../src/charts/whatIf.ts';
import { stageFigures } from '../../src/analytics/analyses/stageFigures.ts';
import { checkGolden } from '../support/golden.ts';
import * as fixtures from './chartFixtures.ts';

const journey = parseJourneyDefinition(
  {
    title: 'Web shop',
    stages: [
      { id: 'browse', name: 'Browse', emotion: 1, actions: 'Searches' },
      { id: 'buy', name: 'Buy', emotion: -1, pain_points: ['Shipping cost late'] },
      { id: 'return', name: 'Return', emotion: 2 },
    ],
  },
  'journey.yaml',
);

const variants: Record<string, () => Plot.PlotOptions> = {
  'funnel-en': () => funnelChart(fixtures.funnelResult, { lang: 'en' }),
  'funnel-zh': () => funnelChart(fixtures.funnelResult, { lang: 'zh' }),
  'funnel-k5': () => funnelChart(fixtures.handFunnel([1000, 620, 310, 4]), { lang: 'en', k: 5 }),
  'funnel-breakdown-grouped': () => funnelBreakdownChart(fixtures.breakdownResult, { lang: 'en', layout: 'grouped' }),
  'funnel-breakdown-facets': () => funnelBreakdownChart(fixtures.breakdownResult, { lang: 'zh', layout: 'facets' }),
  'funnel-comparison': () =>
    funnelComparisonChart(fixtures.comparisonInput, { lang: 'en', beforeLabel: 'September', afterLabel: 'October' }),
  'paths-sankey': () => pathFlowChart(fixtures.pathsResult, { lang: 'en' }),
  'paths-sankey-k2': () => pathFlowChart(fixtures.pathsResult, { lang: 'en', k: 2 }),
  'retention-week': () => retentionGridChart(fixtures.retentionResult, { lang: 'en' }),
  'retention-week-k5': () => retentionGridChart(fixtures.retentionResult, { lang: 'zh', k: 5 }),
  'scores-csat-event': () => touchpointScoresChart(fixtures.satisfactionResult, { lang: 'en', by: 'event' }),
  'scores-mean-stage': () =>
    touchpointScoresChart(fixtures.satisfactionResult, { lang: 'zh', by: 'stage', metric: 'mean' }),
  'opportunity-matrix': () => opportunityMatrixChart(fixtures.opportunitiesResult, { lang: 'en' }),
  'journey-emotion-declared': () => journeyEmotionChart(journeyMapModel(journey, null, { lang: 'en' }), { lang: 'en' }),
  'journey-emotion-data': () =>
    journeyEmotionChart(journeyMapModel(journey, stageFigures(fixtures.table, journey.stages), { lang: 'en' }), {
      lang: 'en',
    }),
  whatif: () => whatIfChart(fixtures.whatIfResult, { lang: 'en' }),
};

describe('golden SVGs', () => {
  for (const [name, options] of Object.entries(variants)) {
    it(name, async () => {
      const problem = await checkGolden(name, renderSvg(options()));
      expect(problem).toBeNull();
    });
  }
});
