/**
 * The funnel what-if: current customers per step beside the projection when
 * one step converts better. The projected bars carry their scale (px per
 * customer), so the shared script redraws them when the reader moves the
 * uplift slider; the default projection is drawn here, for readers without JavaScript.
 *
 * @example
 *   renderSvg(whatIfChart(whatIf(table, { steps, step: 3, uplift: 0.2 }), { lang: 'en' }));
 */
import * as Plot from '@observablehq/plot';
import type { WhatIfResult } from '../analytics/analyses/whatIf.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCompact, formatCount, formatMoney, formatProjected, formatSignedPercent } from './format.ts';
import { label } from './labels.ts';
import { countOrSuppressed, isSuppressed } from '../analytics/analyses/suppress.ts';
import type { RenderFunction } from '@observablehq/plot';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export interface WhatIfOptions {
  lang: Lang;
  width?: number;
  /** Small-cell threshold: a funnel with a step under k publishes no projection (spec §10). */
  k?: number;
  /** ISO 4217 code of the value figures (report.json currency). */
  currency?: string;
}

/**
 * Whether a what-if must be withheld: projections are products of the step
 * counts, so one step under k would let a reader work that count back out.
 */
export function whatIfSuppressed(result: WhatIfResult, k: number | undefined): boolean {
  return result.steps.some((step) => isSuppressed(step.customers, k));
}

interface WhatIfBar {
  index: number;
  stepName: string;
  series: 'current' | 'projected';
  customers: number;
  text: string;
}

const stepName = (step: { step: number; name: string }) => `${step.step}. ${step.name}`;

function whatIfBars(result: WhatIfResult, lang: Lang): WhatIfBar[] {
  return result.steps.flatMap((step, index) => [
    {
      index,
      stepName: stepName(step),
      series: 'current' as const,
      customers: step.customers,
      text: formatCount(step.customers, lang),
    },
    {
      index,
      stepName: stepName(step),
      series: 'projected' as const,
      customers: step.projected_customers,
      text: formatProjected(step.projected_customers, lang),
    },
  ]);
}

/** Tags each projected bar with its step and the x scale, for the browser to resize. */
function projectedBarData(bars: WhatIfBar[], series: Record<WhatIfBar['series'], string>): RenderFunction {
  return function render(index, scales, values, dimensions, context, next) {
    const group = next!(index, scales, values, dimensions, context) as SVGElement;
    const x = scales.x as (value: number) => number;
    Array.from(group.children).forEach((element, position) => {
      const bar = bars[index[position]!]!;
      element.setAttribute('data-series', series[bar.series]);
      if (bar.series !== 'projected') return;
      element.setAttribute('data-whatif-bar', String(bar.index));
      element.setAttribute('data-x0', String(x(0)));
      element.setAttribute('data-px-per-customer', String(x(1) - x(0)));
    });
    return group;
  };
}

function projectedLabelData(bars: WhatIfBar[], series: Record<WhatIfBar['series'], string>): RenderFunction {
  return function render(index, scales, values, dimensions, context, next) {
    const group = next!(index, scales, values, dimensions, context) as SVGElement;
    Array.from(group.children).forEach((element, position) => {
      const bar = bars[index[position]!]!;
      element.setAttribute('data-series', series[bar.series]);
      if (bar.series === 'projected') element.setAttribute('data-whatif-label', String(bar.index));
    });
    return group;
  };
}

export function whatIfChart(result: WhatIfResult, options: WhatIfOptions): Plot.PlotOptions {
  const { lang } = options;
  const bars = whatIfBars(result, lang);
  const names = result.steps.map(stepName);
  const series = { current: label('current', lang), projected: label('projected', lang) };
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 640,
    height: 30 + names.length * 50,
    marginLeft: Math.min(220, Math.max(...names.map((name) => labelWidth(name))) + 16),
    marginRight: 70,
    marginTop: 8,
    marginBottom: 36,
    fy: { domain: names, label: null, padding: 0.15 },
    y: { domain: ['current', 'projected'], axis: null, padding: 0.1 },
    x: {
      domain: [0, Math.max(1, result.steps[0]?.customers ?? 1)],
      label: label('customers', lang),
      tickFormat: (n: number) => formatCompact(n, lang),
      ticks: 4,
      grid: true,
    },
    marks: [
      Plot.barX(bars, {
        fy: 'stepName',
        y: 'series',
        x: 'customers',
        fill: (bar: WhatIfBar) => (bar.series === 'current' ? COLORS.before : COLORS.primary),
        render: projectedBarData(bars, series),
      }),
      Plot.ruleX([0]),
      Plot.text(bars, {
        fy: 'stepName',
        y: 'series',
        x: 'customers',
        text: (bar: WhatIfBar) => `${bar.text}`,
        textAnchor: 'start',
        dx: 4,
        render: projectedLabelData(bars, series),
      }),
    ],
  };
}

export function whatIfTable(result: WhatIfResult, options: WhatIfOptions): ChartTable {
  const { lang, k } = options;
  const withheld = whatIfSuppressed(result, k);
  return {
    columns: [
      { key: 'step', label: label('step', lang) },
      { key: 'customers', label: label('current', lang), numeric: true },
      { key: 'projected', label: label('projected', lang), numeric: true },
      { key: 'additional', label: label('additional', lang), numeric: true },
    ],
    rows: result.steps.map((step) =>
      withheld
        ? [
            cell(stepName(step)),
            cell(
              countOrSuppressed(step.customers, k, (n) => formatCount(n ?? 0, lang)),
              null,
            ),
            cell('–', null),
            cell('–', null),
          ]
        : [
            cell(stepName(step)),
            cell(formatCount(step.customers, lang), step.customers),
            cell(formatProjected(step.projected_customers, lang), step.projected_customers),
            cell(formatProjected(step.additional_customers, lang), step.additional_customers),
          ],
    ),
  };
}

export function whatIfFinding(result: WhatIfResult, options: WhatIfOptions): string {
  const { lang } = options;
  if (whatIfSuppressed(result, options.k)) {
    return lang === 'zh'
      ? `有步骤的客户少于 ${options.k} 人，不发布测算。`
      : `A step has fewer than ${options.k} customers, so no projection is published.`;
  }
  const step = result.steps[result.step - 1]!;
  const last = result.steps[result.steps.length - 1]!;
  const value =
    result.additional_value === null
      ? ''
      : lang === 'zh'
        ? `，价值增加 ${formatMoney(result.additional_value, lang, options.currency)}`
        : `, worth ${formatMoney(result.additional_value, lang, options.currency)}`;
  return lang === 'zh'
    ? `若“${step.name}”的转化率提升 ${formatSignedPercent(result.uplift, lang, 0)}，到达“${last.name}”的客户将增加 ${formatProjected(result.additional_customers, lang)}${value}。`
    : `Raising conversion into ${step.name} by ${formatSignedPercent(result.uplift, lang, 0)} would bring ${formatProjected(result.additional_customers, lang)} more customers to ${last.name}${value}.`;
}
