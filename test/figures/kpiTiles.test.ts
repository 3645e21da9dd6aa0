import { describe, expect, it } from 'vitest';
import { funnelKpiTiles } from '../../src/charts/kpiTiles.ts';
import { kpiPeriod, kpiTest, kpiTilesFigure } from '../../src/figures/kpiTiles.ts';
import { handFunnel } from '../charts/chartFixtures.ts';

describe('kpiTilesFigure', () => {
  it('tests a rate change with the unpooled z-test (spec §9 check: 5/10 vs 6/10, p 0.6514)', () => {
    const figure = kpiTilesFigure(
      [{ label: 'Rate', value: 0.6, previous: 0.5, format: 'percent', n: 10, previousN: 10 }],
      { lang: 'en', previousLabel: 'September' },
    );
    const tile = figure.tiles[0]!;
    expect(tile.valueText).toBe('60.0%');
    expect(tile.changeText).toBe('+10.0 pp (+20.0%)');
    expect(tile.comparedText).toBe('vs September (50.0%)');
    expect(tile.test?.p_value).toBeCloseTo(0.6514, 4);
    expect(tile.significant).toBe(false);
    expect(tile.significanceText).toBe('not significant (p = 0.651)');
    expect(figure.finding).toBe('Rate 60.0% (+10.0 pp (+20.0%), not significant (p = 0.651))');
    expect(figure.table.rows[0]!.map((cell) => cell.text)).toEqual([
      'Rate',
      '60.0%',
      '50.0%',
      '+10.0 pp (+20.0%)',
      'p = 0.651',
      'not significant (p = 0.651)',
    ]);
    expect(figure.svg).toBeUndefined();
  });

  it('calls a large change on large samples significant, against the previous period by default', () => {
    const figure = kpiTilesFigure(
      [{ label: '结账转化', value: 302 / 443, previous: 260 / 464, format: 'percent', n: 443, previousN: 464 }],
      { lang: 'zh' },
    );
    expect(figure.tiles[0]).toMatchObject({
      significant: true,
      significanceText: '显著 (p < 0.001)',
      comparedText: '较上期（56.0%）',
    });
  });

  it('does not test counts and money, and says so', () => {
    const figure = kpiTilesFigure([{ label: 'AOV', value: 412.5, previous: 398.2, format: 'money', unit: 'CNY' }], {
      lang: 'en',
    });
    expect(figure.tiles[0]).toMatchObject({
      valueText: '413 CNY',
      changeText: '+3.6%',
      significant: null,
      significanceText: 'not tested',
      test: null,
    });
  });

  it('neither shows nor tests a figure about fewer than k customers', () => {
    const tile = { label: 'Small', value: 0.5, previous: 0.25, format: 'percent' as const, n: 4, previousN: 4 };
    expect(kpiTest(tile, 5)).toBeNull();
    expect(kpiTest(tile)?.before.successes).toBe(1);
    const figure = kpiTilesFigure([tile], { lang: 'en', k: 5 });
    expect(figure.tiles[0]).toMatchObject({ valueText: '< 5', changeText: '', comparedText: '', significanceText: '' });
  });

  it('tests the first-to-last conversion of funnel tiles on the funnels own counts', () => {
    const tiles = funnelKpiTiles(handFunnel([200, 120, 60, 20]), handFunnel([210, 130, 70, 35]), 'en');
    const figure = kpiTilesFigure(tiles, { lang: 'en' });
    expect(figure.tiles[1]!.test).toMatchObject({
      before: { successes: 20, n: 200 },
      after: { successes: 35, n: 210 },
    });
    // p from an independent computation (Python, unpooled SE, erfc): 0.0455259754102221.
    expect(figure.tiles[1]!.test?.p_value).toBeCloseTo(0.0455259754102221, 10);
  });

  it('captions tiles from two periods with the later period', () => {
    const ranges = { after: { first: '2024-10-01T00:00:00Z', last: '2024-10-31T23:00:00Z' } };
    expect(kpiPeriod(ranges, { lang: 'en' })).toBe('1 Oct 2024 – 31 Oct 2024');
  });
});
