/**
 * The funnel chart: one horizontal bar per step with customers, conversion
 * from start and from the previous step, the largest loss and the weakest step highlighted (in
 * colour and in words). Optional breakdown (grouped bars, or small multiples of
 * conversion from start) lives in funnelBreakdown.ts; before/after in funnelComparison.ts.
 *
 * @example
 *   renderSvg(funnelChart(funnel(table, { steps: 'visit,cart,purchase' }), { lang: 'en' }));
 */
import * as Plot from '@observablehq/plot';
import type { AnyFunnelResult } from '../analytics/analyses/aggregatedFunnel.ts';
import type { FunnelStepFigures } from '../analytics/analyses/funnel.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCompact, formatCount, formatDuration, formatPercent } from './format.ts';
import { label } from './labels.ts';
import { withMarkData } from './markData.ts';
import { countOrSuppressed, isSuppressed, suppressedLabel } from '../analytics/analyses/suppress.ts';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export interface FunnelChartOptions {
  lang: Lang;
  /** Suppress figures describing fewer than k customers (spec §10). */
  k?: number;
  width?: number;
}

/** One step as the chart draws it; every text is already formatted (and suppressed). */
export interface FunnelRow {
  index: number;
  label: string;
  customers: number;
  /** Bar length: the count, or 0 when suppressed. */
  barCustomers: number;
  countText: string;
  fromStartText: string;
  fromPreviousText: string;
  droppedText: string;
  /** The weakest step: the lowest conversion from the previous step. */
  isWeakest: boolean;
  /** The largest loss: the most customers lost since the previous step. */
  isLargestLoss: boolean;
  /** Which figures are suppressed (their text is `< k`): the flags, never a test of the text. */
  hidden: { count: boolean; fromStart: boolean; fromPrevious: boolean };
}

export const stepLabel = (step: FunnelStepFigures) => `${step.step}. ${step.name}`;

/**
 * The weakest step (index): the lowest conversion from the previous step;
 * the earliest on ties; null for a funnel nobody entered.
 */
export function weakestStepIndex(steps: readonly FunnelStepFigures[]): number | null {
  let found: number | null = null;
  for (let index = 1; index < steps.length; index++) {
    const rate = steps[index]!.conversion_from_previous;
    if (rate === null) continue;
    if (found === null || rate < (steps[found]!.conversion_from_previous as number)) found = index;
  }
  return found;
}

/**
 * The largest loss (index): the step that lost the most customers since the
 * previous one, among losses that may be shown (`shown(index)`); the earliest
 * on ties; null when nobody was lost.
 */
export function largestLossIndex(
  steps: readonly FunnelStepFigures[],
  shown: (index: number) => boolean = () => true,
): number | null {
  let found: number | null = null;
  for (let index = 1; index < steps.length; index++) {
    if (steps[index]!.dropped <= 0 || !shown(index)) continue;
    if (found === null || steps[index]!.dropped > steps[found]!.dropped) found = index;
  }
  return found;
}

/**
 * Formatted rows. A suppressed step hides its count and every figure derived
 * from it (both conversions, the drop from the previous step), since each
 * would give the count back.
 */
export function funnelRows(steps: readonly FunnelStepFigures[], options: FunnelChartOptions): FunnelRow[] {
  const { lang, k } = options;
  const weakest = weakestStepIndex(steps);
  const hiddenAt = (index: number) =>
    isSuppressed(steps[index]!.customers, k) || (index > 0 && isSuppressed(steps[0]!.customers, k));
  const previousHiddenAt = (index: number) => index > 0 && isSuppressed(steps[index - 1]!.customers, k);
  // A loss whose count is suppressed is not named: naming it would rank a hidden figure.
  const largestLoss = largestLossIndex(steps, (index) => !hiddenAt(index) && !previousHiddenAt(index));
  return steps.map((step, index) => {
    const hidden = hiddenAt(index);
    const previousHidden = previousHiddenAt(index);
    const guard = (text: string, suppress: boolean) => (suppress ? suppressedLabel(k as number) : text);
    return {
      index,
      label: stepLabel(step),
      customers: step.customers,
      barCustomers: isSuppressed(step.customers, k) ? 0 : step.customers,
      countText: countOrSuppressed(step.customers, k, (n) => formatCount(n, lang)),
      fromStartText: guard(formatPercent(step.conversion_from_start, lang), hidden),
      fromPreviousText: guard(formatPercent(step.conversion_from_previous, lang), hidden || previousHidden),
      droppedText: index === 0 ? '' : guard(formatCount(step.dropped, lang), hidden || previousHidden),
      isWeakest: index === weakest,
      isLargestLoss: index === largestLoss,
      hidden: { count: isSuppressed(step.customers, k), fromStart: hidden, fromPrevious: hidden || previousHidden },
    };
  });
}

function tipOf(row: FunnelRow, lang: Lang): string {
  const parts = [
    `${row.label}`,
    `${label('customers', lang)}: ${row.countText}`,
    `${label('fromStart', lang)}: ${row.fromStartText}`,
  ];
  if (row.index > 0) {
    parts.push(
      `${label('fromPrevious', lang)}: ${row.fromPreviousText}`,
      `${label('dropped', lang)}: ${row.droppedText}`,
    );
  }
  parts.push(...marks(row, lang));
  return parts.join(' · ');
}

/** The second line under a step: conversion from the previous step and the drop. */
function previousLine(row: FunnelRow, lang: Lang): string {
  if (row.index === 0) return '';
  // A suppressed drop is left out: "(−< 5)" would read as a negative count.
  const dropped = row.hidden.fromPrevious ? '' : row.droppedText;
  const text =
    lang === 'zh'
      ? `↳ 上一步的 ${row.fromPreviousText}${dropped ? `（流失 ${dropped}）` : ''}`
      : `↳ ${row.fromPreviousText} of previous${dropped ? ` (−${dropped})` : ''}`;
  return [text, ...marks(row, lang)].join(' · ');
}

/** "largest loss" and "weakest step", as they apply to a row. */
function marks(row: FunnelRow, lang: Lang): string[] {
  return [
    ...(row.isLargestLoss ? [label('largestLoss', lang)] : []),
    ...(row.isWeakest ? [label('weakestStep', lang)] : []),
  ];
}

export function funnelChart(result: AnyFunnelResult, options: FunnelChartOptions): Plot.PlotOptions {
  const { lang } = options;
  const rows = funnelRows(result.steps, options);
  const labels = rows.map((row) => row.label);
  const maxCustomers = Math.max(1, ...rows.map((row) => row.barCustomers));
  const lineWidth = Math.max(...rows.map((row) => labelWidth(`${row.countText} · ${row.fromStartText}`)), 60);
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 640,
    height: 40 + rows.length * 56,
    marginLeft: Math.min(220, Math.max(...labels.map((text) => labelWidth(text))) + 16),
    marginRight: lineWidth + 16,
    marginTop: 10,
    marginBottom: 30,
    x: {
      domain: [0, maxCustomers],
      label: label('customers', lang),
      tickFormat: (n: number) => formatCompact(n, lang),
      ticks: 4,
      grid: true,
    },
    y: { domain: labels, label: null, padding: 0.5 },
    marks: [
      Plot.barX(rows, {
        y: 'label',
        x: 'barCustomers',
        fill: (row: FunnelRow) => (row.isWeakest || row.isLargestLoss ? COLORS.highlight : COLORS.primary),
        render: withMarkData((i) => ({ tip: tipOf(rows[i]!, lang), data: { customers: rows[i]!.countText } })),
      }),
      Plot.ruleX([0], { stroke: COLORS.text }),
      Plot.text(rows, {
        y: 'label',
        x: 'barCustomers',
        text: (row: FunnelRow) => `${row.countText} · ${row.fromStartText}`,
        textAnchor: 'start',
        dx: 6,
        fill: COLORS.text,
        fontWeight: 600,
      }),
      Plot.text(rows, {
        y: 'label',
        x: 0,
        text: (row: FunnelRow) => previousLine(row, lang),
        filter: (row: FunnelRow) => !(row.isWeakest || row.isLargestLoss),
        textAnchor: 'start',
        dy: 23,
        fill: COLORS.textMuted,
      }),
      Plot.text(rows, {
        y: 'label',
        x: 0,
        text: (row: FunnelRow) => previousLine(row, lang),
        filter: (row: FunnelRow) => row.isWeakest || row.isLargestLoss,
        textAnchor: 'start',
        dy: 23,
        fill: COLORS.highlight,
        fontWeight: 700,
      }),
    ],
  };
}

export function funnelTable(result: AnyFunnelResult, options: FunnelChartOptions): ChartTable {
  const { lang, k } = options;
  const rows = funnelRows(result.steps, options);
  return {
    columns: [
      { key: 'step', label: label('step', lang) },
      { key: 'customers', label: label('customers', lang), numeric: true },
      { key: 'from_start', label: label('fromStart', lang), numeric: true },
      { key: 'from_previous', label: label('fromPrevious', lang), numeric: true },
      { key: 'dropped', label: label('dropped', lang), numeric: true },
      { key: 'median_time', label: label('medianTime', lang), numeric: true },
    ],
    rows: result.steps.map((step, index) => {
      const row = rows[index]!;
      const suppressedCell = (text: string, raw: number | null, hidden: boolean) =>
        hidden ? cell(text, text) : cell(text, raw);
      return [
        cell(row.label),
        suppressedCell(row.countText, step.customers, row.hidden.count),
        suppressedCell(row.fromStartText, step.conversion_from_start, row.hidden.fromStart),
        suppressedCell(row.fromPreviousText, step.conversion_from_previous, row.hidden.fromPrevious),
        index === 0 ? cell('', null) : suppressedCell(row.droppedText, step.dropped, row.hidden.fromPrevious),
        isSuppressed(step.customers, k)
          ? cell('', null)
          : cell(formatDuration(step.median_seconds_from_previous, lang), step.median_seconds_from_previous),
      ];
    }),
  };
}

/** The finding that names the chart: how many finished, where most were lost, and the weakest step. */
export function funnelFinding(result: AnyFunnelResult, options: FunnelChartOptions): string {
  const { lang } = options;
  const rows = funnelRows(result.steps, options);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const loss = rows.find((row) => row.isLargestLoss);
  const weakest = rows.find((row) => row.isWeakest);
  const lastName = result.steps[result.steps.length - 1]!.name;
  const nameOf = (row: FunnelRow) => result.steps[row.index]!.name;
  const rateShown = (row: FunnelRow) => !row.hidden.fromPrevious;
  if (lang === 'zh') {
    const reached = last.hidden.count ? `不足 ${options.k} 位` : `${last.countText}（${last.fromStartText}）`;
    const parts = [`${first.countText} 位客户进入漏斗，${reached}到达“${lastName}”`];
    if (loss) parts.push(`流失最多在第 ${loss.index + 1} 步“${nameOf(loss)}”（${loss.droppedText} 位）`);
    if (weakest && rateShown(weakest))
      parts.push(
        weakest === loss
          ? `这也是转化率最低的一步（${weakest.fromPreviousText} 从上一步转化）`
          : `转化率最低的是第 ${weakest.index + 1} 步“${nameOf(weakest)}”（${weakest.fromPreviousText} 从上一步转化）`,
      );
    return `${parts.join('；')}。`;
  }
  const reached = last.hidden.count ? `fewer than ${options.k}` : `${last.countText} (${last.fromStartText})`;
  const parts = [`${first.countText} customers entered the funnel and ${reached} reached ${lastName}`];
  if (loss)
    parts.push(`the largest loss is at step ${loss.index + 1}, ${nameOf(loss)} (${loss.droppedText} customers)`);
  if (weakest && rateShown(weakest))
    parts.push(
      weakest === loss
        ? `it is also the weakest step (${weakest.fromPreviousText} of the previous step converted)`
        : `the weakest step is step ${weakest.index + 1}, ${nameOf(weakest)} (${weakest.fromPreviousText} of the previous step converted)`,
    );
  return `${parts.join('; ')}.`;
}
