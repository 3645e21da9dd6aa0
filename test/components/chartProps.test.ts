import { describe, expect, it } from 'vitest';
import {
  ComponentError,
  forProp,
  funnelChartProps,
  kpiTilesProps,
  parseProps,
} from '../../src/components/chartProps.ts';
import { aggregatedFunnel } from '../../src/analytics/analyses/aggregatedFunnel.ts';
import { table } from 'arquero';

describe('chart component props', () => {
  it('names the component, the prop and the page', () => {
    expect(() =>
      parseProps('FunnelChart', funnelChartProps, { data: 'x.csv', spec: { steps: 'a,b' } }, '/en/gallery/'),
    ).toThrow('<FunnelChart> on /en/gallery/: prop "title": ');
    expect(() => parseProps('FunnelChart', funnelChartProps, { title: 'T', data: 'x.csv' }, '/gallery/')).toThrow(
      '<FunnelChart> on /gallery/: prop "spec": a chart computed from data needs an analysis spec',
    );
    expect(() => parseProps('FunnelChart', funnelChartProps, { title: 'T' }, '/gallery/')).toThrow(
      'prop "data": give either data',
    );
    expect(() =>
      parseProps('KpiTiles', kpiTilesProps, { title: 'T', tiles: [{ label: 'x', value: 'high' }] }, '/r/'),
    ).toThrow('<KpiTiles> on /r/: prop "tiles.0.value"');
  });

  it('accepts a spec §11 funnel result and defaults the layout', () => {
    const steps = [1, 2].map((step) => ({
      step,
      name: `s${step}`,
      customers: 10 / step,
      conversion_from_start: 1 / step,
      conversion_from_previous: 1 / step,
      dropped: step === 1 ? 0 : 5,
      median_seconds_from_previous: null,
      mean_seconds_from_previous: null,
    }));
    const props = parseProps(
      'FunnelChart',
      funnelChartProps,
      { title: 'T', result: { mode: 'ordered', window_seconds: 60, steps } },
      '/',
    );
    expect(props.layout).toBe('grouped');
    expect(props.result).toMatchObject({ breakdown: [] });
  });

  it('accepts the aggregated funnel result of the analytics core as it is', () => {
    const result = aggregatedFunnel(table({ step: ['visit', 'buy'], customers: [10, 4] }));
    const props = parseProps('FunnelChart', funnelChartProps, { title: 'T', result }, '/');
    expect(props.result).toEqual({
      mode: 'aggregated',
      window_seconds: null,
      warnings: [],
      breakdown: [],
      steps: [
        {
          step: 1,
          name: 'visit',
          customers: 10,
          conversion_from_start: 1,
          conversion_from_previous: 1,
          dropped: 0,
          median_seconds_from_previous: null,
          mean_seconds_from_previous: null,
        },
        {
          step: 2,
          name: 'buy',
          customers: 4,
          conversion_from_start: 0.4,
          conversion_from_previous: 0.4,
          dropped: 6,
          median_seconds_from_previous: null,
          mean_seconds_from_previous: null,
        },
      ],
    });
  });

  it('parses the spec once: the props hold the resolved spec', () => {
    const props = parseProps(
      'FunnelChart',
      funnelChartProps,
      { title: 'T', data: 'x.csv', spec: { steps: 'a,b|c' } },
      '/',
    );
    expect(props.spec).toEqual({
      steps: [
        { name: 'a', events: ['a'] },
        { name: 'b|c', events: ['b', 'c'] },
      ],
      windowSeconds: 14 * 86_400,
      mode: 'ordered',
      by: null,
    });
    expect(() =>
      parseProps('FunnelChart', funnelChartProps, { title: 'T', data: 'x.csv', spec: { steps: 'a' } }, '/p/'),
    ).toThrow('<FunnelChart> on /p/: prop "spec.steps": invalid steps: "a" (a funnel needs 2 to 30 steps');
  });

  it('wraps errors of the analysis as errors of a prop', async () => {
    await expect(
      forProp('PathFlow', '/p/', 'spec', () => {
        throw new Error('paths: depth: too small');
      }),
    ).rejects.toThrow(new ComponentError('PathFlow', '/p/', 'spec', 'paths: depth: too small').message);
  });
});
