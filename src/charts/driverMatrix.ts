/**
 * The driver matrix (importance against performance): each touchpoint a dot at
 * its mean score (performance, right = better) and its share of the explained
 * variance of the journey-level question (importance, up = matters more),
 * quadrants split at the touchpoints' average mean and at an equal share
 * (1 / number of touchpoints) and labelled; the touchpoint to fix first is the
 * most important one in the "important and weak" quadrant.
 *
 * @example
 *   const model = driverMatrixModel(drivers(table, spec), { lang: 'en' });
 *   renderSvg(driverMatrixChart(model, { lang: 'en' }));
 */
import * as Plot from '@observablehq/plot';
import type { DriverRow, DriversResult } from '../analytics/analyses/drivers.ts';
import { cell, type ChartTable } from './chartTable.ts';
import type { Lang } from '../i18n/locales.ts';
import { formatCount, formatNumber, formatPercent } from './format.ts';
import { label } from './labels.ts';
import { withMarkData } from './markData.ts';
import { isSuppressed } from '../analytics/analyses/suppress.ts';
import { BASE_PLOT_OPTIONS, COLORS } from './theme.ts';

export type DriverQuadrant = 'fix_first' | 'keep_up' | 'low_priority' | 'overkill';

export interface DriverPoint {
  name: string;
  raters: number;
  /** Mean score: performance. */
  mean: number;
  /** Share of R²: importance. */
  share: number;
  correlation: number;
  quadrant: DriverQuadrant;
}

export interface DriverMatrixModel {
  outcome: string;
  /** The segment modelled, or null for every respondent. */
  segment: string | null;
  respondents: number;
  r2: number;
  points: DriverPoint[];
  /** Quadrant borders: the average of the plotted means, and 1 / number of drivers. */
  performanceSplit: number;
  importanceSplit: number;
  /** The most important touchpoint in the fix-first quadrant, if any. */
  fixFirst: DriverPoint | null;
}

export interface DriverMatrixOptions {
  lang: Lang;
  /** A segment of `result.by` instead of every respondent. */
  segment?: string | null;
  /** Leave out touchpoints rated by fewer than k customers (spec §10). */
  k?: number;
  width?: number;
}

const QUADRANTS: Record<DriverQuadrant, Record<Lang, string>> = {
  fix_first: { zh: '优先改进：重要但表现弱', en: 'Fix first: important and weak' },
  keep_up: { zh: '保持优势', en: 'Keep up' },
  low_priority: { zh: '次要改进', en: 'Low priority' },
  overkill: { zh: '可能过度投入', en: 'Possible overkill' },
};

const WORDS = {
  performance: { zh: '表现（平均分）', en: 'Performance (mean score)' },
  importance: { zh: '重要性（解释度占比）', en: 'Importance (share of explained variance)' },
  raters: { zh: '评分人数', en: 'Rated by' },
  correlation: { zh: '相关系数', en: 'Correlation' },
  quadrant: { zh: '象限', en: 'Quadrant' },
} as const satisfies Record<string, Record<Lang, string>>;

export const quadrantLabel = (quadrant: DriverQuadrant, lang: Lang): string => QUADRANTS[quadrant][lang];

/** The matrix's points from a drivers result (overall or one segment); throws when there is nothing to plot. */
export function driverMatrixModel(
  result: DriversResult,
  options: Omit<DriverMatrixOptions, 'width'>,
): DriverMatrixModel {
  const segmentName = options.segment ?? null;
  const model = segmentName === null ? result : result.by.find((segment) => segment.value === segmentName);
  if (!model) throw new Error(`DriverMatrix: no segment "${segmentName}" in the drivers result`);
  if (model.r2 === null) throw new Error(`DriverMatrix: segment "${segmentName}" has no model`);
  const rows = model.drivers.filter(
    (row): row is DriverRow & { mean: number; share: number; correlation: number } =>
      row.mean !== null && row.share !== null && row.correlation !== null && !isSuppressed(row.n, options.k),
  );
  if (rows.length === 0) throw new Error('DriverMatrix: no touchpoint has a mean and a share to plot');
  const performanceSplit = rows.reduce((sum, row) => sum + row.mean, 0) / rows.length;
  const importanceSplit = 1 / model.drivers.length;
  const points = rows.map((row): DriverPoint => {
    const important = row.share >= importanceSplit;
    const strong = row.mean >= performanceSplit;
    return {
      name: row.name,
      raters: row.n,
      mean: row.mean,
      share: row.share,
      correlation: row.correlation,
      quadrant: important ? (strong ? 'keep_up' : 'fix_first') : strong ? 'overkill' : 'low_priority',
    };
  });
  const fixFirst =
    points.filter((point) => point.quadrant === 'fix_first').sort((a, b) => b.share - a.share || a.mean - b.mean)[0] ??
    null;
  return {
    outcome: result.outcome,
    segment: segmentName,
    respondents: model.n,
    r2: model.r2,
    points,
    performanceSplit,
    importanceSplit,
    fixFirst,
  };
}

function tipOf(point: DriverPoint, lang: Lang): string {
  return [
    point.name,
    `${WORDS.performance[lang]} ${formatNumber(point.mean, lang, 2)}`,
    `${WORDS.importance[lang]} ${formatPercent(point.share, lang, 0)}`,
    quadrantLabel(point.quadrant, lang),
  ].join(' · ');
}

export function driverMatrixChart(model: DriverMatrixModel, options: DriverMatrixOptions): Plot.PlotOptions {
  const { lang } = options;
  const means = model.points.map((point) => point.mean);
  const low = Math.min(...means, model.performanceSplit);
  const high = Math.max(...means, model.performanceSplit);
  const padX = Math.max(0.25, (high - low) * 0.15);
  const top = Math.max(...model.points.map((point) => point.share), model.importanceSplit) * 1.2;
  const xDomain = [low - padX, high + padX] as const;
  const corners: { quadrant: DriverQuadrant; x: number; y: number; anchor: 'start' | 'end'; dy: number }[] = [
    { quadrant: 'fix_first', x: xDomain[0], y: top, anchor: 'start', dy: 8 },
    { quadrant: 'keep_up', x: xDomain[1], y: top, anchor: 'end', dy: 8 },
    { quadrant: 'low_priority', x: xDomain[0], y: 0, anchor: 'start', dy: -8 },
    { quadrant: 'overkill', x: xDomain[1], y: 0, anchor: 'end', dy: -8 },
  ];
  const fixFirst = model.fixFirst?.name;
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 560,
    height: 420,
    marginLeft: 50,
    marginRight: 20,
    marginBottom: 40,
    x: { domain: [...xDomain], label: `${WORDS.performance[lang]} →`, labelAnchor: 'right' },
    y: {
      domain: [0, top],
      label: `↑ ${WORDS.importance[lang]}`,
      labelAnchor: 'top',
      tickFormat: (value: number) => formatPercent(value, lang, 0),
    },
    marks: [
      Plot.ruleX([model.performanceSplit], { stroke: COLORS.grid, strokeDasharray: '4,3' }),
      Plot.ruleY([model.importanceSplit], { stroke: COLORS.grid, strokeDasharray: '4,3' }),
      ...corners.map((corner) =>
        Plot.text([corner], {
          x: 'x',
          y: 'y',
          text: () => quadrantLabel(corner.quadrant, lang),
          textAnchor: corner.anchor,
          dy: corner.dy,
          fill: corner.quadrant === 'fix_first' ? COLORS.text : COLORS.textMuted,
          fontWeight: 600,
        }),
      ),
      Plot.dot(model.points, {
        x: 'mean',
        y: 'share',
        r: 7,
        fill: (point: DriverPoint) => (point.quadrant === 'fix_first' ? COLORS.highlight : COLORS.primary),
        symbol: (point: DriverPoint) => (point.name === fixFirst ? 'diamond' : 'circle'),
        stroke: 'var(--bg)',
        render: withMarkData((i) => {
          const point = model.points[i];
          return point ? { tip: tipOf(point, lang) } : null;
        }),
      }),
      Plot.text(model.points, {
        x: 'mean',
        y: 'share',
        text: 'name',
        dy: -14,
        fill: COLORS.text,
        fontWeight: 600,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

export function driverMatrixTable(model: DriverMatrixModel, options: DriverMatrixOptions): ChartTable {
  const { lang } = options;
  return {
    columns: [
      { key: 'touchpoint', label: label('touchpoint', lang) },
      { key: 'raters', label: WORDS.raters[lang], numeric: true },
      { key: 'mean', label: label('mean', lang), numeric: true },
      { key: 'share', label: WORDS.importance[lang], numeric: true },
      { key: 'correlation', label: WORDS.correlation[lang], numeric: true },
      { key: 'quadrant', label: WORDS.quadrant[lang] },
    ],
    rows: [...model.points]
      .sort((a, b) => b.share - a.share)
      .map((point) => [
        cell(point.name),
        cell(formatCount(point.raters, lang), point.raters),
        cell(formatNumber(point.mean, lang, 2), point.mean),
        cell(formatPercent(point.share, lang, 1), point.share),
        cell(formatNumber(point.correlation, lang, 2), point.correlation),
        cell(quadrantLabel(point.quadrant, lang)),
      ]),
  };
}

export function driverMatrixFinding(model: DriverMatrixModel, options: DriverMatrixOptions): string {
  const { lang } = options;
  const who = model.segment === null ? '' : lang === 'zh' ? `在“${model.segment}”中，` : `Among ${model.segment}: `;
  const average = formatNumber(model.performanceSplit, lang, 2);
  const point = model.fixFirst;
  if (!point) {
    const top = [...model.points].sort((a, b) => b.share - a.share)[0] as DriverPoint;
    return lang === 'zh'
      ? `${who}没有既重要又表现弱的触点；最重要的“${top.name}”平均分 ${formatNumber(top.mean, lang, 2)}，请保持。`
      : capitalise(
          `${who}no touchpoint is both important and weak; keep up ${top.name}, the most important (mean ${formatNumber(top.mean, lang, 2)}).`,
        );
  }
  const share = formatPercent(point.share, lang, 0);
  const mean = formatNumber(point.mean, lang, 2);
  return lang === 'zh'
    ? `${who}最该先改进的是“${point.name}”：它占${model.outcome}可解释差异的 ${share}，平均分却只有 ${mean}（各触点平均 ${average}）。`
    : capitalise(
        `${who}fix ${point.name} first: it accounts for ${share} of what explains ${model.outcome}, yet scores ${mean} on average (touchpoints average ${average}).`,
      );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
