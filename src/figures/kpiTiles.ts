/**
 * The KPI tiles figure: each headline figure with its change against the
 * previous period and, for a rate with its n in both periods, compareRates'
 * unpooled z-test (spec §9), made here and drawn by src/charts/kpiTiles.ts.
 * Tiles are typed in, or made from one funnel in two periods (funnelKpiTiles).
 *
 * @example
 *   const figure = kpiTilesFigure([{ label: 'Rate', value: 0.6, previous: 0.5, format: 'percent', n: 10, previousN: 10 }], { lang: 'en' });
 *   figure.tiles[0]?.significanceText; // 'not significant (p = 0.651)'
 */
import { compareRates, type CompareResult } from '../analytics/analyses/compareRates.ts';
import { isSuppressed } from '../analytics/analyses/suppress.ts';
import { formatDateRange } from '../charts/format.ts';
import {
  kpiFinding,
  kpiTable,
  kpiTileView,
  type KpiOptions,
  type KpiTileInput,
  type KpiTileView,
} from '../charts/kpiTiles.ts';
import { label } from '../charts/labels.ts';
import type { Figure } from './figure.ts';
import type { PeriodRange } from './funnel.ts';

/** The rate test, when the tile is a rate with n in both periods (and not suppressed at k). */
export function kpiTest(tile: KpiTileInput, k?: number): CompareResult | null {
  if (isSuppressed(tile.customers ?? tile.n, k)) return null;
  if (tile.format !== 'percent' || tile.previous === undefined || tile.n === undefined || tile.previousN === undefined)
    return null;
  return compareRates({
    before: { successes: Math.round(tile.previous * tile.previousN), n: tile.previousN },
    after: { successes: Math.round(tile.value * tile.n), n: tile.n },
  });
}

export interface KpiTile extends KpiTileView {
  /** What the change is against: "vs September (56.0%)" / "较9 月（56.0%）"; empty when the tile shows no change. */
  comparedText: string;
}

export interface KpiTilesFigure extends Figure {
  tiles: KpiTile[];
}

export interface KpiTilesOptions extends KpiOptions {
  /** The previous period's name; default "previous period". */
  previousLabel?: string;
}

export function kpiTilesFigure(tiles: KpiTileInput[], options: KpiTilesOptions): KpiTilesFigure {
  const { lang } = options;
  const views = tiles.map((tile) => kpiTileView(tile, kpiTest(tile, options.k), options));
  const previousName = options.previousLabel ?? label('previous', lang);
  return {
    svg: undefined,
    table: kpiTable(views, options, tiles),
    finding: kpiFinding(views, lang),
    notes: [],
    tiles: views.map((view) => ({
      ...view,
      comparedText: !view.changeText
        ? ''
        : lang === 'zh'
          ? `较${previousName}（${view.previousText}）`
          : `vs ${previousName} (${view.previousText})`,
    })),
  };
}

/** The caption's period of tiles made from two periods: the later one's days in the zone `tz`. */
export function kpiPeriod(ranges: { after: PeriodRange }, options: KpiOptions, tz?: string): string {
  return formatDateRange(ranges.after.first, ranges.after.last, options.lang, tz);
}
