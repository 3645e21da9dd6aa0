import { describe, expect, it } from 'vitest';
import {
  ComponentError,
  forProp,
  funnelChartProps,
  kpiTilesProps,
  parseProps,
} from '../../src/components/chartProps.ts';

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

  it('wraps errors of the analysis as errors of a prop', async () => {
    await expect(
      forProp('PathFlow', '/p/', 'spec', () => {
        throw new Error('paths: depth: too small');
      }),
    ).rejects.toThrow(new ComponentError('PathFlow', '/p/', 'spec', 'paths: depth: too small').message);
  });
});
