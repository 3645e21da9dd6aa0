/**
 * Satisfaction per touchpoint, stage or channel (spec §8): CSAT on a 1-5
 * scale, NPS on a 0-10 scale (or the mean score), one bar per group with the
 * number of scores (n) printed on every bar.
 *
 * @example
 *   renderSvg(touchpointScoresChart(satisfaction(table), { lang: 'en', by: 'stage' }));
 */
import * as Plot from '@observablehq/plot';
import type { SatisfactionResult, SatisfactionRow } from '../analytics/analyses/satisfaction.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCount, formatNumber, formatPercent } from './format.ts';
import { label } from './labels.ts';
import { withMarkData } from './markData.ts';
import { countOrSuppressed, isSuppressed } from '../analytics/analyses/suppress.ts';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export type ScoreGrouping = 'event' | 'stage' | 'channel';
export type ScoreMetric = 'csat' | 'nps' | 'mean';

export interface TouchpointScoresOptions {
  lang: Lang;
  k?: number;
  width?: number;
  by?: ScoreGrouping;
  /** Default: CSAT on the 1-5 scale, NPS on the 0-10 scale. */
  metric?: ScoreMetric;
}

export interface ScoreBar {
  name: string;
  value: number;
  /** Bar length: the value, or 0 when suppressed. */
  barValue: number;
  valueText: string;
  nText: string;
  suppressed: boolean;
}

const GROUP_LABEL: Record<ScoreGrouping, 'touchpoint' | 'stage' | 'channel'> = {
  event: 'touchpoint',
  stage: 'stage',
  channel: 'channel',
};

export function scoreMetric(result: SatisfactionResult, options: TouchpointScoresOptions): ScoreMetric {
  const metric = options.metric ?? (result.scale === 5 ? 'csat' : 'nps');
  if (metric === 'csat' && result.scale !== 5)
    throw new Error(
      'touchpoint scores: CSAT needs a 1-5 scale; this data is on a 0-10 scale (use metric "nps" or "mean")',
    );
  if (metric === 'nps' && result.scale !== 10)
    throw new Error(
      'touchpoint scores: NPS needs a 0-10 scale; this data is on a 1-5 scale (use metric "csat" or "mean")',
    );
  return metric;
}

export const metricName = (metric: ScoreMetric, lang: Lang) =>
  metric === 'mean' ? label('mean', lang) : metric.toUpperCase();

function metricValue(row: SatisfactionRow, metric: ScoreMetric): number {
  return metric === 'mean' ? row.mean : ((metric === 'csat' ? row.csat : row.nps) ?? 0);
}

function formatMetric(value: number, metric: ScoreMetric, lang: Lang): string {
  return metric === 'csat'
    ? formatPercent(value, lang, 0)
    : metric === 'nps'
      ? formatNumber(value, lang, 0)
      : formatNumber(value, lang, 1);
}

export function scoreRows(result: SatisfactionResult, options: TouchpointScoresOptions): SatisfactionRow[] {
  const by = options.by ?? 'event';
  return by === 'event' ? result.by_event : by === 'stage' ? result.by_stage : result.by_channel;
}

export function scoreBars(result: SatisfactionResult, options: TouchpointScoresOptions): ScoreBar[] {
  const { lang, k } = options;
  const metric = scoreMetric(result, options);
  return scoreRows(result, options).map((row) => {
    const suppressed = isSuppressed(row.customers, k);
    const value = metricValue(row, metric);
    return {
      name: row.name,
      value,
      barValue: suppressed ? 0 : value,
      valueText: suppressed ? countOrSuppressed(0, k, String) : formatMetric(value, metric, lang),
      nText: `n=${suppressed ? countOrSuppressed(0, k, String) : formatCount(row.count, lang)}`,
      suppressed,
    };
  });
}

export function touchpointScoresChart(result: SatisfactionResult, options: TouchpointScoresOptions): Plot.PlotOptions {
  const { lang } = options;
  const metric = scoreMetric(result, options);
  const bars = scoreBars(result, options);
  const domain: [number, number] =
    metric === 'csat'
      ? [0, 1]
      : metric === 'nps'
        ? [Math.min(0, ...bars.map((bar) => bar.barValue)), 100]
        : [0, result.scale];
  const names = bars.map((bar) => bar.name);
  const groupName = label(GROUP_LABEL[options.by ?? 'event'], lang);
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 640,
    height: 40 + bars.length * 30,
    marginLeft: Math.min(220, Math.max(40, ...names.map((name) => labelWidth(name))) + 14),
    marginRight: 110,
    marginTop: 8,
    x: {
      domain,
      label: metricName(metric, lang),
      grid: true,
      ticks: 5,
      tickFormat: (value: number) => formatMetric(value, metric, lang),
    },
    y: { domain: names, label: null, padding: 0.25 },
    marks: [
      Plot.barX(bars, {
        y: 'name',
        x: 'barValue',
        fill: COLORS.primary,
        render: withMarkData((i) => ({
          tip: `${groupName}: ${bars[i]!.name} · ${metricName(metric, lang)} ${bars[i]!.valueText} · ${bars[i]!.nText}`,
        })),
      }),
      Plot.ruleX([0], { stroke: COLORS.text }),
      Plot.text(bars, {
        y: 'name',
        x: (bar: ScoreBar) => Math.max(0, bar.barValue),
        text: (bar: ScoreBar) => `${bar.valueText} (${bar.nText})`,
        textAnchor: 'start',
        dx: 5,
        fill: COLORS.text,
      }),
    ],
  };
}

export function touchpointScoresTable(result: SatisfactionResult, options: TouchpointScoresOptions): ChartTable {
  const { lang, k } = options;
  const metric = scoreMetric(result, options);
  const rows = scoreRows(result, options);
  return {
    columns: [
      { key: 'name', label: label(GROUP_LABEL[options.by ?? 'event'], lang) },
      { key: metric, label: metricName(metric, lang), numeric: true },
      { key: 'mean', label: label('mean', lang), numeric: true },
      { key: 'count', label: label('scores', lang), numeric: true },
      { key: 'customers', label: label('customers', lang), numeric: true },
    ],
    rows: rows.map((row) => {
      if (isSuppressed(row.customers, k)) {
        const text = countOrSuppressed(0, k, String);
        return [cell(row.name), cell(text, text), cell(text, text), cell(text, text), cell(text, text)];
      }
      const value = metricValue(row, metric);
      return [
        cell(row.name),
        cell(formatMetric(value, metric, lang), value),
        cell(formatNumber(row.mean, lang, 2), row.mean),
        cell(formatCount(row.count, lang), row.count),
        cell(formatCount(row.customers, lang), row.customers),
      ];
    }),
  };
}

export function touchpointScoresFinding(result: SatisfactionResult, options: TouchpointScoresOptions): string {
  const { lang } = options;
  const metric = scoreMetric(result, options);
  const bars = scoreBars(result, options).filter((bar) => !bar.suppressed);
  if (bars.length === 0) return lang === 'zh' ? '满意度' : 'Satisfaction';
  const sorted = [...bars].sort((a, b) => a.value - b.value);
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const name = metricName(metric, lang);
  // One bar has no lowest and highest: say its score.
  if (bars.length === 1)
    return lang === 'zh'
      ? `“${low.name}”的${name}为 ${low.valueText}（${low.nText}）。`
      : `${low.name}: ${name} ${low.valueText} (${low.nText}).`;
  return lang === 'zh'
    ? `${name}最低的是“${low.name}”（${low.valueText}，${low.nText}），最高的是“${high.name}”（${high.valueText}）。`
    : `${low.name} scores lowest (${name} ${low.valueText}, ${low.nText}) and ${high.name} highest (${high.valueText}).`;
}
