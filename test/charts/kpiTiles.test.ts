import { describe, expect, it } from 'vitest';
import { kpiTable, kpiTileView } from '../../src/charts/kpiTiles.ts';

describe('kpiTileView', () => {
  it('tests a rate change with the unpooled z-test (spec §9 check: 5/10 vs 6/10, p 0.6514)', () => {
    const view = kpiTileView(
      { label: 'Rate', value: 0.6, previous: 0.5, format: 'percent', n: 10, previousN: 10 },
      { lang: 'en' },
    );
    expect(view.valueText).toBe('60.0%');
    expect(view.changeText).toBe('+10.0 pp (+20.0%)');
    expect(view.test?.p_value).toBeCloseTo(0.6514, 4);
    expect(view.significant).toBe(false);
    expect(view.significanceText).toBe('not significant (p = 0.651)');
  });

  it('calls a large change on large samples significant', () => {
    const view = kpiTileView(
      { label: '结账转化', value: 302 / 443, previous: 260 / 464, format: 'percent', n: 443, previousN: 464 },
      { lang: 'zh' },
    );
    expect(view.significant).toBe(true);
    expect(view.significanceText).toBe('显著 (p < 0.001)');
  });

  it('does not test counts and money, and says so', () => {
    const view = kpiTileView(
      { label: 'AOV', value: 412.5, previous: 398.2, format: 'money', unit: 'CNY' },
      { lang: 'en' },
    );
    expect(view.valueText).toBe('413 CNY');
    expect(view.changeText).toBe('+3.6%');
    expect(view.significant).toBeNull();
    expect(view.significanceText).toBe('not tested');
  });

  it('suppresses a figure about fewer than k customers', () => {
    const view = kpiTileView(
      { label: 'Small', value: 0.5, previous: 0.25, format: 'percent', n: 4, previousN: 4 },
      { lang: 'en', k: 5 },
    );
    expect(view).toMatchObject({ valueText: '< 5', changeText: '', significanceText: '' });
  });
});

describe('funnelKpiTiles', () => {
  it('makes an entry count and a tested first-to-last conversion from two funnels', async () => {
    const { handFunnel } = await import('./chartFixtures.ts');
    const { funnelKpiTiles } = await import('../../src/charts/kpiTiles.ts');
    const tiles = funnelKpiTiles(handFunnel([200, 120, 60, 20]), handFunnel([210, 130, 70, 35]), 'en');
    expect(tiles.map((tile) => [tile.label, tile.value, tile.previous, tile.n, tile.previousN])).toEqual([
      ['Customers at visit', 210, 200, undefined, undefined],
      ['Conversion visit → purchase', 35 / 210, 20 / 200, 210, 200],
    ]);
    const view = kpiTileView(tiles[1]!, { lang: 'en' });
    expect(view.test?.before.successes).toBe(20);
    expect(view.test?.after.successes).toBe(35);
  });
});

describe('KPI figures', () => {
  it('calls the value column 数值 (a number), and shows money with its currency', () => {
    const tiles = [{ label: '客单价', value: 1190, format: 'money' as const, currency: 'CNY' }];
    const views = tiles.map((tile) => kpiTileView(tile, { lang: 'zh' }));
    expect(views[0]!.valueText).toBe('1,190 元');
    expect(kpiTable(views, { lang: 'zh' }, tiles).columns[1]!.label).toBe('数值');
    expect(kpiTileView({ ...tiles[0]!, label: 'AOV' }, { lang: 'en' }).valueText).toBe('CNY 1,190');
  });
});
