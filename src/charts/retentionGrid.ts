/**
 * The cohort retention heatmap (spec §6): one row per cohort, one column per
 * period since the cohort's start, each cell the share still active, shaded
 * by the brand colour. Partial periods are outlined with a dashed line and
 * starred; null periods (after the data ends) stay empty.
 *
 * @example
 *   renderSvg(retentionGridChart(retention(table, { period: 'week' }), { lang: 'zh' }));
 */
import * as Plot from '@observablehq/plot';
import type { RetentionResult } from '../analytics/analyses/retention.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCount, formatDate, formatPercent } from './format.ts';
import { label } from './labels.ts';
import { withMarkData } from './markData.ts';
import { countOrSuppressed, isSuppressed } from '../analytics/analyses/suppress.ts';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export interface RetentionGridOptions {
  lang: Lang;
  k?: number;
  width?: number;
}

export interface RetentionCell {
  cohort: string;
  cohortLabel: string;
  period: number;
  count: number;
  rate: number;
  partial: boolean;
  suppressed: boolean;
  text: string;
}

const PERIOD_NAMES: Record<RetentionResult['period'], Record<Lang, string>> = {
  day: { zh: '天', en: 'Day' },
  week: { zh: '周', en: 'Week' },
  month: { zh: '月', en: 'Month' },
};

export const cohortLabel = (cohort: string, size: number, lang: Lang, k?: number) =>
  `${formatDate(cohort, lang)} (n=${countOrSuppressed(size, k, (n) => formatCount(n, lang))})`;

/** The cells that have a value (null periods are left out), formatted and suppressed. */
export function retentionCells(result: RetentionResult, options: RetentionGridOptions): RetentionCell[] {
  const { lang, k } = options;
  return result.cohorts.flatMap((cohort) =>
    cohort.counts.flatMap((count, period) => {
      const rate = cohort.rates[period]!;
      if (count === null || rate === null) return [];
      const suppressed = isSuppressed(count, k) || isSuppressed(cohort.size, k);
      const text =
        (suppressed ? countOrSuppressed(0, k, String) : formatPercent(rate, lang, 0)) +
        (cohort.partial[period] ? '*' : '');
      return [
        {
          cohort: cohort.cohort,
          cohortLabel: cohortLabel(cohort.cohort, cohort.size, lang, k),
          period,
          count,
          rate,
          partial: cohort.partial[period]!,
          suppressed,
          text,
        },
      ];
    }),
  );
}

/** The narrowest cell that holds "100%" at the charts' 12 px, inside its 1 px insets. */
const MIN_CELL_WIDTH = 40;

export function retentionGridChart(result: RetentionResult, options: RetentionGridOptions): Plot.PlotOptions {
  const { lang, k } = options;
  const cells = retentionCells(result, options);
  const periods = Math.max(1, ...result.cohorts.map((cohort) => cohort.counts.length));
  const rows = result.cohorts.map((cohort) => cohortLabel(cohort.cohort, cohort.size, lang, k));
  const periodName = PERIOD_NAMES[result.period][lang];
  // Suppressed cells get a flat, faint fill: a shade would give the rate (and so the count) away.
  const opacity = (item: RetentionCell) => (item.suppressed ? 0.06 : 0.08 + 0.92 * item.rate);
  const tip = (item: RetentionCell) =>
    `${item.cohortLabel} · ${periodName} ${item.period} · ${item.suppressed ? item.text : `${formatPercent(item.rate, lang)} (${formatCount(item.count, lang)})`}${item.partial ? label('partial', lang) : ''}`;
  const marginLeft = Math.max(...rows.map((text) => labelWidth(text))) + 12;
  // Many periods would squeeze cells below their text ("100%" at 12 px, light on the fill, would
  // spill onto the page unseen): the grid then grows wider and scrolls inside its figure.
  const fitted = Math.max(360, Math.min(760, 200 + periods * 52));
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? Math.max(fitted, marginLeft + periods * MIN_CELL_WIDTH + 20),
    height: 50 + rows.length * 28,
    marginLeft,
    marginTop: 36,
    x: {
      domain: Array.from({ length: periods }, (_, i) => i),
      axis: 'top',
      label: `${label('period', lang)} (${periodName})`,
      tickSize: 0,
    },
    y: { domain: rows, label: null, tickSize: 0 },
    marks: [
      Plot.cell(cells, {
        x: 'period',
        y: 'cohortLabel',
        fill: COLORS.primary,
        fillOpacity: opacity,
        inset: 1,
        render: withMarkData((i) => ({ tip: tip(cells[i]!), data: { rate: cells[i]!.text } })),
      }),
      Plot.cell(
        cells.filter((item) => item.partial),
        { x: 'period', y: 'cohortLabel', fill: 'none', stroke: COLORS.text, strokeDasharray: '3,2', inset: 1.5 },
      ),
      Plot.text(cells, {
        x: 'period',
        y: 'cohortLabel',
        text: 'text',
        fill: (item: RetentionCell) => (!item.suppressed && opacity(item) > 0.55 ? COLORS.onPrimary : COLORS.text),
      }),
    ],
  };
}

export function retentionTable(result: RetentionResult, options: RetentionGridOptions): ChartTable {
  const { lang, k } = options;
  const periods = Math.max(1, ...result.cohorts.map((cohort) => cohort.counts.length));
  return {
    columns: [
      { key: 'cohort', label: label('cohort', lang) },
      { key: 'size', label: label('size', lang), numeric: true },
      ...Array.from({ length: periods }, (_, i) => ({
        key: `p${i}`,
        label: `${PERIOD_NAMES[result.period][lang]} ${i}`,
        numeric: true,
      })),
    ],
    rows: result.cohorts.map((cohort) => {
      const hiddenRow = isSuppressed(cohort.size, k);
      const sizeText = countOrSuppressed(cohort.size, k, (n) => formatCount(n, lang));
      return [
        cell(cohort.cohort),
        hiddenRow ? cell(sizeText, sizeText) : cell(sizeText, cohort.size),
        ...cohort.rates.map((rate, period) => {
          const count = cohort.counts[period];
          if (rate === null || count === null) return cell('', null);
          const star = cohort.partial[period] ? '*' : '';
          if (hiddenRow || isSuppressed(count, k))
            return cell(countOrSuppressed(0, k, String) + star, countOrSuppressed(0, k, String));
          return cell(formatPercent(rate, lang) + star, rate);
        }),
      ];
    }),
  };
}

/** Average share still active one period after the start, over the cohorts that have it. */
export function retentionFinding(result: RetentionResult, options: RetentionGridOptions): string {
  const { lang, k } = options;
  const periodName = PERIOD_NAMES[result.period][lang];
  const firsts = result.cohorts.filter(
    (cohort) =>
      cohort.counts[1] !== null &&
      cohort.counts[1] !== undefined &&
      !isSuppressed(cohort.counts[1], k) &&
      !cohort.partial[1],
  );
  if (firsts.length === 0)
    return lang === 'zh' ? `按${periodName}的同期群留存` : `Cohort retention by ${periodName.toLowerCase()}`;
  const returned = firsts.reduce((sum, cohort) => sum + (cohort.counts[1] as number), 0);
  const size = firsts.reduce((sum, cohort) => sum + cohort.size, 0);
  const share = formatPercent(returned / size, lang);
  return lang === 'zh'
    ? `${firsts.length} 个完整同期群中，平均 ${share} 的客户在第 1 ${result.period === 'month' ? '个月' : periodName}回访。`
    : `Across ${firsts.length} complete cohorts, ${share} of customers came back in ${periodName.toLowerCase()} 1.`;
}
