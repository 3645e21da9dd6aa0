/**
 * Headline figures (KPI tiles): each value, its change against the previous
 * period and, for a rate with its n in both periods, whether the change is
 * significant: the test (spec §9) is given, made by the figure
 * (src/figures/kpiTiles.ts); this file only draws it. Counts and money get no
 * test and say so.
 *
 * @example
 *   kpiTileView(tile, kpiTest(tile), { lang: 'en' }); // tile: { label: 'Conversion', value: 0.32, previous: 0.28, format: 'percent', n: 900, previousN: 880 }
 *   // { valueText: '32.0%', changeText: '+4.0 pp (+14.3%)', significant: true, significanceText: 'significant (p = 0.046)' }
 */
import type { CompareResult } from '../analytics/analyses/compareRates.ts';
import type { FunnelResult } from '../analytics/analyses/funnel.ts';
import { cell, type ChartTable } from './chartTable.ts';
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatPValue,
  formatSignedPercent,
} from './format.ts';
import { label } from './labels.ts';
import { isSuppressed, suppressedLabel } from '../analytics/analyses/suppress.ts';
import type { Lang } from '../i18n/locales.ts';

export interface KpiTileInput {
  label: string;
  value: number;
  previous?: number;
  format: 'count' | 'percent' | 'number' | 'money';
  digits?: number;
  unit?: string;
  /** Money: an ISO 4217 code (wins over unit). */
  currency?: string;
  n?: number;
  previousN?: number;
  customers?: number;
}

export interface KpiTileView {
  label: string;
  valueText: string;
  /** The tile describes fewer than k customers: its value shows `< k`, no change, no test. */
  suppressed: boolean;
  previousText: string;
  changeText: string;
  /** null when no test was made. */
  significant: boolean | null;
  significanceText: string;
  test: CompareResult | null;
}

export interface KpiOptions {
  lang: Lang;
  k?: number;
  alpha?: number;
}

function formatValue(tile: KpiTileInput, value: number | undefined, lang: Lang): string {
  if (value === undefined) return '';
  switch (tile.format) {
    case 'count':
      return formatCount(value, lang);
    case 'percent':
      return formatPercent(value, lang, tile.digits ?? 1);
    case 'money':
      if (tile.currency) return formatMoney(value, lang, tile.currency, tile.digits ?? 0);
      return `${formatNumber(value, lang, tile.digits ?? 0)}${tile.unit ? ` ${tile.unit}` : ''}`;
    default:
      return `${formatNumber(value, lang, tile.digits ?? 0)}${tile.unit ? ` ${tile.unit}` : ''}`;
  }
}

/** One tile's texts; `test` is the tile's rate test, null for a tile that has none. */
export function kpiTileView(tile: KpiTileInput, test: CompareResult | null, options: KpiOptions): KpiTileView {
  const { lang, k } = options;
  const alpha = options.alpha ?? 0.05;
  if (isSuppressed(tile.customers ?? tile.n, k)) {
    return {
      label: tile.label,
      valueText: suppressedLabel(k as number),
      suppressed: true,
      previousText: '',
      changeText: '',
      significant: null,
      significanceText: '',
      test: null,
    };
  }
  const previousText = formatValue(tile, tile.previous, lang);
  let changeText = '';
  if (tile.previous !== undefined) {
    const relative = tile.previous === 0 ? null : (tile.value - tile.previous) / Math.abs(tile.previous);
    changeText =
      tile.format === 'percent'
        ? `${formatPoints(tile.value - tile.previous, lang)}${relative === null ? '' : ` (${formatSignedPercent(relative, lang)})`}`
        : formatSignedPercent(relative, lang);
  }
  const significant = test === null || test.p_value === null ? null : test.p_value < alpha;
  const significanceText =
    tile.previous === undefined
      ? ''
      : significant === null
        ? label('noTest', lang)
        : `${label(significant ? 'significant' : 'notSignificant', lang)} (${formatPValue(test?.p_value, lang)})`;
  return {
    label: tile.label,
    valueText: formatValue(tile, tile.value, lang),
    suppressed: false,
    previousText,
    changeText,
    significant,
    significanceText,
    test,
  };
}

export function kpiTable(views: KpiTileView[], options: KpiOptions, tiles: KpiTileInput[]): ChartTable {
  const { lang } = options;
  return {
    columns: [
      { key: 'figure', label: label('figure', lang) },
      { key: 'value', label: label('figureValue', lang), numeric: true },
      { key: 'previous', label: label('previous', lang), numeric: true },
      { key: 'change', label: label('change', lang), numeric: true },
      { key: 'p_value', label: 'p', numeric: true },
      { key: 'significance', label: label('significance', lang) },
    ],
    rows: views.map((view, index) => {
      const tile = tiles[index]!;
      const hidden = view.suppressed;
      return [
        cell(view.label),
        hidden ? cell(view.valueText, view.valueText) : cell(view.valueText, tile.value),
        hidden || tile.previous === undefined ? cell('', null) : cell(view.previousText, tile.previous),
        cell(view.changeText, hidden || tile.previous === undefined ? null : tile.value - tile.previous),
        view.test ? cell(formatPValue(view.test.p_value, lang), view.test.p_value) : cell('', null),
        cell(view.significanceText),
      ];
    }),
  };
}

export function kpiFinding(views: KpiTileView[], lang: Lang): string {
  const parts = views.map(
    (view) =>
      `${view.label} ${view.valueText}${view.changeText ? ` (${view.changeText}${view.significanceText ? `, ${view.significanceText}` : ''})` : ''}`,
  );
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/**
 * Headline tiles of a funnel in two periods: customers who entered, and
 * conversion from the first to the last step (tested for significance).
 */
export function funnelKpiTiles(before: FunnelResult, after: FunnelResult, lang: Lang): KpiTileInput[] {
  const first = (result: FunnelResult) => result.steps[0]!;
  const last = (result: FunnelResult) => result.steps[result.steps.length - 1]!;
  const names = `${first(after).name} → ${last(after).name}`;
  return [
    {
      label: lang === 'zh' ? `进入“${first(after).name}”的客户` : `Customers at ${first(after).name}`,
      value: first(after).customers,
      previous: first(before).customers,
      format: 'count',
      customers: Math.min(first(after).customers, first(before).customers),
    },
    {
      label: lang === 'zh' ? `转化率 ${names}` : `Conversion ${names}`,
      value: last(after).conversion_from_start ?? 0,
      previous: last(before).conversion_from_start ?? 0,
      format: 'percent',
      n: first(after).customers,
      previousN: first(before).customers,
      customers: Math.min(last(after).customers, last(before).customers),
    },
  ];
}
