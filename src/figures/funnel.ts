/**
 * The funnel figures (spec §5): one funnel as bars, a breakdown (grouped bars or
 * small multiples, a legend of buckets), or two periods side by side with lift
 * and significance (a legend of the two period names, and the caption's period).
 *
 * @example
 *   funnelFigure(funnel(table, { steps: 'visit,purchase' }), { lang: 'en', k: 5 }).finding;
 *   funnelComparisonFigure({ before, after }, { lang: 'en', beforeLabel: 'September' }).legend;
 */
import type { AnyFunnelResult } from '../analytics/analyses/aggregatedFunnel.ts';
import { formatDateRange } from '../charts/format.ts';
import { funnelChart, funnelFinding, funnelTable } from '../charts/funnel.ts';
import {
  breakdownSeries,
  funnelBreakdownChart,
  funnelBreakdownFinding,
  funnelBreakdownTable,
  type FunnelBreakdownOptions,
} from '../charts/funnelBreakdown.ts';
import {
  funnelComparisonChart,
  funnelComparisonFinding,
  funnelComparisonTable,
  periodNames,
  type FunnelComparisonInput,
  type FunnelComparisonOptions,
} from '../charts/funnelComparison.ts';
import { renderSvg } from '../charts/render.ts';
import { COLORS } from '../charts/theme.ts';
import type { Figure } from './figure.ts';

/** First and last instants (ISO) of one period's events. */
export interface PeriodRange {
  first: string | null;
  last: string | null;
}

/** One funnel, or its breakdown when the result has one. */
export function funnelFigure(result: AnyFunnelResult, options: FunnelBreakdownOptions): Figure {
  if (result.breakdown.length > 0) {
    return {
      svg: renderSvg(funnelBreakdownChart(result, options)),
      table: funnelBreakdownTable(result, options),
      finding: funnelBreakdownFinding(result, options),
      legend: breakdownSeries(result),
      notes: [],
    };
  }
  return {
    svg: renderSvg(funnelChart(result, options)),
    table: funnelTable(result, options),
    finding: funnelFinding(result, options),
    notes: [],
  };
}

/** Two periods of one funnel, after against before. */
export function funnelComparisonFigure(input: FunnelComparisonInput, options: FunnelComparisonOptions): Figure {
  const names = periodNames(options);
  return {
    svg: renderSvg(funnelComparisonChart(input, options)),
    table: funnelComparisonTable(input, options),
    finding: funnelComparisonFinding(input, options),
    legend: [
      { key: names.before, color: COLORS.before },
      { key: names.after, color: COLORS.after },
    ],
    notes: [],
  };
}

/** The caption's period of a comparison: "Before: 1–30 Sep 2024; After: 1–31 Oct 2024". */
export function comparisonPeriod(
  ranges: { before: PeriodRange; after: PeriodRange },
  options: FunnelComparisonOptions,
): string {
  const names = periodNames(options);
  const span = (range: PeriodRange) => formatDateRange(range.first, range.last, options.lang);
  return `${names.before}: ${span(ranges.before)}; ${names.after}: ${span(ranges.after)}`;
}
