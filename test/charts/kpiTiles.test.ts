import { describe, expect, it } from 'vitest';
import { compareRates } from '../../src/analytics/analyses/compareRates.ts';
import { funnelKpiTiles, kpiTable, kpiTileView } from '../../src/charts/kpiTiles.ts';
import { handFunnel } from './chartFixtures.ts';

describe('kpiTileView', () => {
  it('draws the given rate test (spec §9 check: 5/10 vs 6/10, p 0.6514)', () => {
    const test = compareRates({ before: { successes: 5, n: 10 }, after: { successes: 6, n: 10 } });
    const view = kpiTileView(
      { label: 'Rate', value: 0.6, previous: 0.5, format: 'percent', n: 10, previousN: 10 },
      test,
      { lang: 'en' },
    );
    expect(view.valueText).toBe('60.0%');
    expect(view.changeText).toBe('+10.0 pp (+20.0%)');
    expect(view.test).toBe(test);
    expect(view.significant).toBe(false);
    expect(view.significanceText).toBe('not significant (p = 0.651)');
  });

  it('says "not tested" for a change without a test', () => {
    const view = kpiTileView({ label: 'AOV', value: 412.5, previous: 398.2, format: 'money', unit: 'CNY' }, null, {
      lang: 'en',
    });
    expect(view.valueText).toBe('413 CNY');
    expect(view.changeText).toBe('+3.6%');
    expect(view.significant).toBeNull();
    expect(view.significanceText).toBe('not tested');
  });

  it('suppresses a figure about fewer than k customers, even with a test given', () => {
    const test = compareRates({ before: { successes: 1, n: 4 }, after: { successes: 2, n: 4 } });
    const view = kpiTileView(
      { label: 'Small', value: 0.5, previous: 0.25, format: 'percent', n: 4, previousN: 4 },
      test,
      { lang: 'en', k: 5 },
    );
    expect(view).toMatchObject({ valueText: '< 5', changeText: '', significanceText: '', test: null });
  });
});

describe('funnelKpiTiles', () => {
  it('makes an entry count and a first-to-last conversion with both periods n from two funnels', () => {
    const tiles = funnelKpiTiles(handFunnel([200, 120, 60, 20]), handFunnel([210, 130, 70, 35]), 'en');
    expect(tiles.map((tile) => [tile.label, tile.value, tile.previous, tile.n, tile.previousN])).toEqual([
      ['Customers at visit', 210, 200, undefined, undefined],
      ['Conversion visit → purchase', 35 / 210, 20 / 200, 210, 200],
    ]);
  });
});

describe('KPI figures', () => {
  it('calls the value column 数值 (a number), and shows money with its currency', () => {
    const tiles = [{ label: '客单价', value: 1190, format: 'money' as const, currency: 'CNY' }];
    const views = tiles.map((tile) => kpiTileView(tile, null, { lang: 'zh' }));
    expect(views[0]!.valueText).toBe('1,190 元');
    expect(kpiTable(views, { lang: 'zh' }, tiles).columns[1]!.label).toBe('数值');
    expect(kpiTileView({ ...tiles[0]!, label: 'AOV' }, null, { lang: 'en' }).valueText).toBe('CNY 1,190');
  });
});
