/**
 * A funnel broken down by first touch (spec §4.8): grouped bars (customers of
 * each bucket side by side per step) or small multiples (one panel per bucket,
 * conversion from start, so buckets of different sizes compare).
 *
 * @example
 *   renderSvg(funnelBreakdownChart(funnel(table, { steps, by: 'channel' }), { lang: 'en', layout: 'grouped' }));
 */
import * as Plot from '@observablehq/plot';
import type { AnyFunnelResult } from '../analytics/analyses/aggregatedFunnel.ts';
import { NO_VALUE } from '../analytics/analyses/funnel.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCompact, formatPercent } from './format.ts';
import { funnelRows, stepLabel, type FunnelChartOptions, type FunnelRow } from './funnel.ts';
import { label } from './labels.ts';
import { withMarkData, withSeries } from './markData.ts';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth, seriesColor } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export type BreakdownLayout = 'grouped' | 'facets';

export interface FunnelBreakdownOptions extends FunnelChartOptions {
  layout?: BreakdownLayout;
}

interface BucketRow extends FunnelRow {
  bucket: string;
  color: string;
  stepName: string;
  /** Conversion from start for the bar, 0 when suppressed. */
  barRate: number;
}

/** A bucket's colour: the report's brand colour first, then the series palette after its first colour. */
export function bucketColor(index: number): string {
  return index === 0 ? COLORS.primary : seriesColor(index);
}

/** A bucket as printed: the spec's `(none)` (no value at first touch) in the page's language. */
export function bucketLabel(value: string, lang: Lang): string {
  return value === NO_VALUE ? label('noValue', lang) : value;
}

/** The buckets' rows, formatted and suppressed like the plain funnel. */
export function breakdownRows(result: AnyFunnelResult, options: FunnelChartOptions): BucketRow[] {
  if (result.breakdown.length === 0)
    throw new Error('funnel breakdown chart: the result has no breakdown (set `by` in the funnel spec)');
  return result.breakdown.flatMap((bucket, bucketIndex) =>
    funnelRows(bucket.steps, options).map((row, index) => ({
      ...row,
      bucket: bucketLabel(bucket.value, options.lang),
      color: bucketColor(bucketIndex),
      stepName: stepLabel(result.steps[index]!),
      barRate: row.barCustomers === 0 ? 0 : (bucket.steps[index]!.conversion_from_start ?? 0),
    })),
  );
}

/** The series of a breakdown chart, in legend order, with their colours. */
export function breakdownSeries(result: AnyFunnelResult, lang: Lang): { key: string; color: string }[] {
  return result.breakdown.map((bucket, index) => ({ key: bucketLabel(bucket.value, lang), color: bucketColor(index) }));
}

const tipOf = (row: BucketRow, lang: Lang) =>
  [
    row.stepName,
    `${row.bucket}`,
    `${label('customers', lang)}: ${row.countText}`,
    `${label('fromStart', lang)}: ${row.fromStartText}`,
  ].join(' · ');

export function funnelBreakdownChart(result: AnyFunnelResult, options: FunnelBreakdownOptions): Plot.PlotOptions {
  const { lang } = options;
  const rows = breakdownRows(result, options);
  const steps = result.steps.map(stepLabel);
  const buckets = result.breakdown.map((bucket) => bucketLabel(bucket.value, lang));
  const marks = (render: boolean) => ({
    fill: 'color',
    render: render
      ? withMarkData((i) => ({
          tip: tipOf(rows[i]!, lang),
          series: rows[i]!.bucket,
          data: { customers: rows[i]!.countText },
        }))
      : undefined,
  });
  const stepMargin = Math.min(220, Math.max(...steps.map((text) => labelWidth(text))) + 16);
  if (options.layout === 'facets') {
    // Panels stacked, one per bucket, each the full width: the labels (customers · rate) have room
    // beside the longest bar and never reach into another panel, on a phone as on a desktop.
    const facetText = (row: BucketRow) => `${row.countText} · ${row.fromStartText}`;
    const textWidth = Math.max(...rows.map((row) => labelWidth(facetText(row))));
    return {
      ...BASE_PLOT_OPTIONS,
      width: options.width ?? 640,
      height: 40 + buckets.length * (steps.length * 22 + 34),
      marginLeft: stepMargin,
      marginRight: textWidth + 12,
      marginTop: 24,
      marginBottom: 40,
      fy: { domain: buckets, label: null, padding: 0.25, axis: null },
      x: {
        domain: [0, 1],
        label: label('fromStart', lang),
        tickFormat: (rate: number) => formatPercent(rate, lang, 0),
        ticks: 4,
        grid: true,
      },
      y: { domain: steps, label: null, padding: 0.2 },
      marks: [
        // Each panel's title above it, in the gap between panels.
        Plot.text(buckets, {
          fy: (bucket: string) => bucket,
          text: (bucket: string) => bucket,
          frameAnchor: 'top-left',
          textAnchor: 'start',
          dx: -stepMargin + 4,
          dy: -16,
          fontWeight: 'bold',
        }),
        Plot.barX(rows, { fy: 'bucket', y: 'stepName', x: 'barRate', ...marks(true) }),
        Plot.ruleX([0]),
        Plot.text(rows, {
          fy: 'bucket',
          y: 'stepName',
          x: 'barRate',
          text: facetText,
          textAnchor: 'start',
          dx: 4,
          render: withSeries((i) => rows[i]!.bucket),
        }),
      ],
    };
  }
  const maxCustomers = Math.max(1, ...rows.map((row) => row.barCustomers));
  const textWidth = Math.max(...rows.map((row) => labelWidth(`${row.bucket} ${row.countText} · ${row.fromStartText}`)));
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 640,
    height: 30 + steps.length * (buckets.length * 20 + 18),
    marginLeft: stepMargin,
    marginRight: Math.min(260, textWidth + 12),
    marginTop: 8,
    fy: { domain: steps, label: null, padding: 0.15 },
    y: { domain: buckets, axis: null, padding: 0.12 },
    x: {
      domain: [0, maxCustomers],
      label: label('customers', lang),
      tickFormat: (n: number) => formatCompact(n, lang),
      ticks: 4,
      grid: true,
    },
    marks: [
      Plot.barX(rows, { fy: 'stepName', y: 'bucket', x: 'barCustomers', ...marks(true) }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        fy: 'stepName',
        y: 'bucket',
        x: 'barCustomers',
        text: (row: BucketRow) => `${row.bucket} ${row.countText} · ${row.fromStartText}`,
        textAnchor: 'start',
        dx: 4,
        render: withSeries((i) => rows[i]!.bucket),
      }),
    ],
  };
}

export function funnelBreakdownTable(result: AnyFunnelResult, options: FunnelChartOptions): ChartTable {
  const { lang } = options;
  const rows = breakdownRows(result, options);
  const raw = result.breakdown.flatMap((bucket) => bucket.steps);
  const value = (text: string, number: number | null, hidden: boolean) =>
    hidden ? cell(text, text) : cell(text, number);
  return {
    columns: [
      { key: 'segment', label: label('segment', lang) },
      { key: 'step', label: label('step', lang) },
      { key: 'customers', label: label('customers', lang), numeric: true },
      { key: 'from_start', label: label('fromStart', lang), numeric: true },
      { key: 'from_previous', label: label('fromPrevious', lang), numeric: true },
    ],
    rows: rows.map((row, index) => [
      cell(row.bucket),
      cell(row.stepName),
      value(row.countText, raw[index]!.customers, row.hidden.count),
      value(row.fromStartText, raw[index]!.conversion_from_start, row.hidden.fromStart),
      value(row.fromPreviousText, raw[index]!.conversion_from_previous, row.hidden.fromPrevious),
    ]),
  };
}

/** Which bucket converts best from start to the last step (suppressed buckets left out). */
export function funnelBreakdownFinding(result: AnyFunnelResult, options: FunnelChartOptions): string {
  const { lang } = options;
  const last = result.steps.length - 1;
  const visible = result.breakdown.filter(
    (bucket) => options.k === undefined || bucket.steps[last]!.customers >= options.k,
  );
  const ranked = [...visible].sort(
    (a, b) => (b.steps[last]!.conversion_from_start ?? 0) - (a.steps[last]!.conversion_from_start ?? 0),
  );
  if (ranked.length === 0) return lang === 'zh' ? '各分组的漏斗' : 'The funnel by group';
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  const rate = (bucket: typeof best) => formatPercent(bucket.steps[last]!.conversion_from_start, lang);
  const name = (bucket: typeof best) => bucketLabel(bucket.value, lang);
  return lang === 'zh'
    ? `“${name(best)}”从起点到最后一步的转化率最高（${rate(best)}），“${name(worst)}”最低（${rate(worst)}）。`
    : `${name(best)} converts best from start to the last step (${rate(best)}), ${name(worst)} worst (${rate(worst)}).`;
}
