/**
 * A funnel in two periods (before/after a change): paired bars per step, and
 * per step the lift in conversion from the previous step with its two-sided
 * p-value (spec §9), as given by analyses/compareFunnels.ts: the chart draws
 * the tests, it makes none. The headline compares conversion from start to the
 * last step.
 *
 * @example
 *   renderSvg(funnelComparisonChart({ before, after, tests: compareFunnels({ before, after }) }, { lang: 'en' }));
 */
import * as Plot from '@observablehq/plot';
import type { CompareResult } from '../analytics/analyses/compareRates.ts';
import type { FunnelComparisonTests, FunnelPeriods } from '../analytics/analyses/compareFunnels.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCompact, formatPercent, formatPValue, formatSignedPercent } from './format.ts';
import { funnelRows, stepLabel, type FunnelChartOptions, type FunnelRow } from './funnel.ts';
import { label } from './labels.ts';
import { withMarkData, withSeries } from './markData.ts';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

/** The two periods' funnels and their tests (analyses/compareFunnels.ts), computed before drawing. */
export interface FunnelComparisonInput extends FunnelPeriods {
  tests: FunnelComparisonTests;
}

export interface FunnelComparisonOptions extends FunnelChartOptions {
  /** Names of the two periods; default Before / After. */
  beforeLabel?: string;
  afterLabel?: string;
  /** Significance level; default 0.05. */
  alpha?: number;
}

interface PeriodRow extends FunnelRow {
  period: string;
  color: string;
  stepName: string;
}

function periodRows(input: FunnelComparisonInput, options: FunnelComparisonOptions): PeriodRow[] {
  const names = periodNames(options);
  const tag = (rows: FunnelRow[], period: string, color: string) =>
    rows.map((row, index) => ({ ...row, period, color, stepName: stepLabel(input.before.steps[index]!) }));
  return [
    ...tag(funnelRows(input.before.steps, options), names.before, COLORS.before),
    ...tag(funnelRows(input.after.steps, options), names.after, COLORS.after),
  ];
}

export function periodNames(options: FunnelComparisonOptions): { before: string; after: string } {
  return {
    before: options.beforeLabel ?? label('before', options.lang),
    after: options.afterLabel ?? label('after', options.lang),
  };
}

const significance = (result: CompareResult | null, alpha: number, lang: Lang) =>
  result === null || result.p_value === null
    ? ''
    : result.p_value < alpha
      ? label('significant', lang)
      : label('notSignificant', lang);

/** "+12.3% (p = 0.031, significant)" or '' when the test cannot be made. */
export function liftText(result: CompareResult | null, alpha: number, lang: Lang): string {
  if (result === null) return '';
  return `${label('lift', lang)} ${formatSignedPercent(result.lift, lang)} (${formatPValue(result.p_value, lang)}, ${significance(result, alpha, lang)})`;
}

export function funnelComparisonChart(
  input: FunnelComparisonInput,
  options: FunnelComparisonOptions,
): Plot.PlotOptions {
  const { lang } = options;
  const alpha = options.alpha ?? 0.05;
  const rows = periodRows(input, options);
  const names = periodNames(options);
  const tests = input.tests.steps;
  const steps = input.before.steps.map(stepLabel);
  const maxCustomers = Math.max(1, ...rows.map((row) => row.barCustomers));
  const liftRows = steps
    .map((step, index) => ({ step, text: liftText(tests[index]!, alpha, lang) }))
    .filter((row) => row.text);
  const textWidth = Math.max(...rows.map((row) => labelWidth(`${row.countText} · ${row.fromStartText}`)));
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 640,
    height: 30 + steps.length * 70,
    marginLeft: Math.min(220, Math.max(...steps.map((text) => labelWidth(text))) + 16),
    marginRight: textWidth + 12,
    marginTop: 8,
    fy: { domain: steps, label: null, padding: 0.1 },
    y: { domain: [names.before, names.after, ''], axis: null, padding: 0.1 },
    x: {
      domain: [0, maxCustomers],
      label: label('customers', lang),
      tickFormat: (n: number) => formatCompact(n, lang),
      ticks: 4,
      grid: true,
    },
    marks: [
      Plot.barX(rows, {
        fy: 'stepName',
        y: 'period',
        x: 'barCustomers',
        fill: 'color',
        render: withMarkData((i) => ({
          tip: `${rows[i]!.stepName} · ${rows[i]!.period} · ${label('customers', lang)}: ${rows[i]!.countText} · ${label('fromPrevious', lang)}: ${rows[i]!.fromPreviousText}`,
          series: rows[i]!.period,
          data: { customers: rows[i]!.countText },
        })),
      }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        fy: 'stepName',
        y: 'period',
        x: 'barCustomers',
        text: (row: PeriodRow) => `${row.countText} · ${row.fromStartText}`,
        textAnchor: 'start',
        dx: 4,
        render: withSeries((i) => rows[i]!.period),
      }),
      Plot.text(liftRows, { fy: 'step', y: () => '', x: 0, text: 'text', textAnchor: 'start', fill: COLORS.textMuted }),
    ],
  };
}

export function funnelComparisonTable(input: FunnelComparisonInput, options: FunnelComparisonOptions): ChartTable {
  const { lang } = options;
  const alpha = options.alpha ?? 0.05;
  const names = periodNames(options);
  const before = funnelRows(input.before.steps, options);
  const after = funnelRows(input.after.steps, options);
  const tests = input.tests.steps;
  const number = (text: string, value: number | null, hidden: boolean) =>
    hidden ? cell(text, text) : cell(text, value);
  return {
    columns: [
      { key: 'step', label: label('step', lang) },
      { key: 'before_customers', label: `${names.before}: ${label('customers', lang)}`, numeric: true },
      { key: 'before_from_previous', label: `${names.before}: ${label('fromPrevious', lang)}`, numeric: true },
      { key: 'after_customers', label: `${names.after}: ${label('customers', lang)}`, numeric: true },
      { key: 'after_from_previous', label: `${names.after}: ${label('fromPrevious', lang)}`, numeric: true },
      { key: 'lift', label: label('lift', lang), numeric: true },
      { key: 'p_value', label: 'p', numeric: true },
      { key: 'significance', label: label('significance', lang) },
    ],
    rows: input.before.steps.map((step, index) => {
      const test = tests[index]!;
      return [
        cell(before[index]!.label),
        number(before[index]!.countText, step.customers, before[index]!.hidden.count),
        number(before[index]!.fromPreviousText, step.conversion_from_previous, before[index]!.hidden.fromPrevious),
        number(after[index]!.countText, input.after.steps[index]!.customers, after[index]!.hidden.count),
        number(
          after[index]!.fromPreviousText,
          input.after.steps[index]!.conversion_from_previous,
          after[index]!.hidden.fromPrevious,
        ),
        test ? cell(formatSignedPercent(test.lift, lang), test.lift) : cell('', null),
        test ? cell(formatPValue(test.p_value, lang), test.p_value) : cell('', null),
        cell(significance(test, alpha, lang)),
      ];
    }),
  };
}

export function funnelComparisonFinding(input: FunnelComparisonInput, options: FunnelComparisonOptions): string {
  const { lang } = options;
  const alpha = options.alpha ?? 0.05;
  const names = periodNames(options);
  const test = input.tests.overall;
  const lastName = input.before.steps[input.before.steps.length - 1]!.name;
  if (test === null)
    return lang === 'zh'
      ? `${names.before}与${names.after}的漏斗对比`
      : `The funnel ${names.before} and ${names.after}`;
  const from = formatPercent(test.before.rate, lang);
  const to = formatPercent(test.after.rate, lang);
  return lang === 'zh'
    ? `到达“${lastName}”的转化率从 ${names.before} 的 ${from} 变为 ${names.after} 的 ${to}（${liftText(test, alpha, lang)}）。`
    : `Conversion from start to ${lastName} went from ${from} (${names.before}) to ${to} (${names.after}): ${liftText(test, alpha, lang)}.`;
}
