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
import { compareFunnels, type FunnelPeriods } from '../analytics/analyses/compareFunnels.ts';
import type { DataLabels } from '../analytics/dataLabels.ts';
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
  type FunnelComparisonOptions,
} from '../charts/funnelComparison.ts';
import { renderSvg } from '../charts/render.ts';
import { COLORS } from '../charts/theme.ts';
import type { Figure } from './figure.ts';
import { labelFunnel, labelledBy, withRawNames, type RawNames } from './labelled.ts';

/** The data's labels (src/analytics/dataLabels.ts): names drawn in the reader's language, raw names in the table. */
export interface LabelOptions {
  labels?: DataLabels;
}

/** First and last instants (ISO) of one period's events. */
export interface PeriodRange {
  first: string | null;
  last: string | null;
}

/** One funnel, or its breakdown by `by` when the result has one. */
export function funnelFigure(
  computed: AnyFunnelResult,
  options: FunnelBreakdownOptions & LabelOptions & { by?: string },
): Figure {
  const { lang, labels } = options;
  const { result, raw } = labelledBy(computed, labels, (unlabelled, given) =>
    labelFunnel(unlabelled, given, lang, options.by),
  );
  if (result.breakdown.length > 0) {
    return {
      svg: renderSvg(funnelBreakdownChart(result, options)),
      table: withRawNames(funnelBreakdownTable(result, options), raw, lang),
      finding: funnelBreakdownFinding(result, options),
      legend: breakdownSeries(result, lang),
      notes: [],
    };
  }
  return {
    svg: renderSvg(funnelChart(result, options)),
    table: withRawNames(funnelTable(result, options), raw, lang),
    finding: funnelFinding(result, options),
    notes: [],
  };
}

/**
 * Two periods of one funnel, after against before: the tests (compareFunnels,
 * at the page's k) on the data's names, then both periods' step names read
 * with one set of labels.
 */
export function funnelComparisonFigure(
  computed: FunnelPeriods,
  options: FunnelComparisonOptions & LabelOptions,
): Figure {
  const { lang, labels } = options;
  const tests = compareFunnels(computed, options.k);
  const raw: RawNames = new Map();
  const periods = labels
    ? {
        before: labelFunnel(computed.before, labels, lang, undefined, raw).result,
        after: labelFunnel(computed.after, labels, lang, undefined, raw).result,
      }
    : computed;
  const input = { before: periods.before, after: periods.after, tests };
  const names = periodNames(options);
  return {
    svg: renderSvg(funnelComparisonChart(input, options)),
    table: withRawNames(funnelComparisonTable(input, options), raw, lang),
    finding: funnelComparisonFinding(input, options),
    legend: [
      { key: names.before, color: COLORS.before },
      { key: names.after, color: COLORS.after },
    ],
    notes: [],
  };
}

/** The caption's period of a comparison, days in the zone `tz`: "Before: 1 Sep 2024 – 30 Sep 2024; After: ...". */
export function comparisonPeriod(
  ranges: { before: PeriodRange; after: PeriodRange },
  options: FunnelComparisonOptions,
  tz?: string,
): string {
  const names = periodNames(options);
  const span = (range: PeriodRange) => formatDateRange(range.first, range.last, options.lang, tz);
  return `${names.before}: ${span(ranges.before)}; ${names.after}: ${span(ranges.after)}`;
}
