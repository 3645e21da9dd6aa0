/**
 * The opportunity matrix: impact (up) against effort (right), quadrants split
 * at the scale's middle and labelled, each opportunity a dot sized by reach and
 * numbered by its priority rank; the ranked list is its table.
 *
 * @example
 *   renderSvg(opportunityMatrixChart(prioritiseOpportunities(list), { lang: 'en' }));
 */
import * as Plot from '@observablehq/plot';
import type { OpportunitiesResult, Quadrant, RankedOpportunity } from '../analytics/analyses/opportunities.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCompact, formatNumber, formatPercent } from './format.ts';
import { label, type LabelKey } from './labels.ts';
import { withMarkData } from './markData.ts';
import { BASE_PLOT_OPTIONS, COLORS } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export interface OpportunityMatrixOptions {
  lang: Lang;
  width?: number;
}

/** Reach is a share of the journey's customers when every value is at most 1, else a count. */
export function formatReach(reach: number, shares: boolean, lang: Lang): string {
  return shares ? formatPercent(reach, lang, 0) : formatCompact(reach, lang);
}

const reachIsShare = (result: OpportunitiesResult) => result.opportunities.every((item) => item.reach <= 1);

/** A priority score: two decimals below 10 (reach given as a share makes scores small), else whole. */
export const formatScore = (score: number, lang: Lang) => formatNumber(score, lang, Math.abs(score) < 10 ? 2 : 0);

const QUADRANT_LABEL: Record<Quadrant, LabelKey> = {
  quick_win: 'quickWins',
  big_bet: 'bigBets',
  fill_in: 'fillIns',
  money_pit: 'moneyPits',
};

export const quadrantName = (quadrant: Quadrant, lang: Lang) => label(QUADRANT_LABEL[quadrant], lang);

function tipOf(item: RankedOpportunity, shares: boolean, lang: Lang): string {
  return [
    `#${item.rank} ${item.name}`,
    `${label('impact', lang)} ${formatNumber(item.impact, lang, 1)}`,
    `${label('effort', lang)} ${formatNumber(item.effort, lang, 1)}`,
    `${label('reach', lang)} ${formatReach(item.reach, shares, lang)}`,
    `${label('confidence', lang)} ${formatPercent(item.confidence, lang, 0)}`,
    `${label('priority', lang)} ${formatScore(item.score, lang)}`,
  ].join(' · ');
}

export function opportunityMatrixChart(
  result: OpportunitiesResult,
  options: OpportunityMatrixOptions,
): Plot.PlotOptions {
  const { lang } = options;
  const [low, high] = result.scale;
  const pad = (high - low) * 0.08;
  const items = result.opportunities;
  const corners: { quadrant: Quadrant; x: number; y: number; anchor: 'start' | 'end' }[] = [
    { quadrant: 'quick_win', x: low - pad, y: high + pad, anchor: 'start' },
    { quadrant: 'big_bet', x: high + pad, y: high + pad, anchor: 'end' },
    { quadrant: 'fill_in', x: low - pad, y: low - pad, anchor: 'start' },
    { quadrant: 'money_pit', x: high + pad, y: low - pad, anchor: 'end' },
  ];
  return {
    ...BASE_PLOT_OPTIONS,
    width: options.width ?? 560,
    height: 420,
    marginLeft: 50,
    marginBottom: 40,
    x: {
      domain: [low - pad, high + pad],
      label: `${label('effort', lang)} →`,
      labelAnchor: 'right',
      ticks: high - low <= 10 ? high - low : 5,
    },
    y: {
      domain: [low - pad, high + pad],
      label: `↑ ${label('impact', lang)}`,
      labelAnchor: 'top',
      ticks: high - low <= 10 ? high - low : 5,
    },
    r: { range: [6, 26], domain: [0, Math.max(...items.map((item) => item.reach))] },
    marks: [
      Plot.ruleX([result.middle], { stroke: COLORS.grid, strokeDasharray: '4,3' }),
      Plot.ruleY([result.middle], { stroke: COLORS.grid, strokeDasharray: '4,3' }),
      ...corners.map((corner) =>
        Plot.text([corner], {
          x: 'x',
          y: 'y',
          text: () => quadrantName(corner.quadrant, lang),
          textAnchor: corner.anchor,
          dy: corner.y > result.middle ? 8 : -8,
          fill: COLORS.textMuted,
          fontWeight: 600,
        }),
      ),
      Plot.dot(items, {
        x: 'effort',
        y: 'impact',
        r: 'reach',
        fill: (item: RankedOpportunity) => (item.quadrant === 'quick_win' ? COLORS.primary : COLORS.muted),
        fillOpacity: 0.75,
        stroke: 'var(--bg)',
        render: withMarkData((i) => ({ tip: tipOf(items[i]!, reachIsShare(result), lang) })),
      }),
      Plot.text(items, {
        x: 'effort',
        y: 'impact',
        text: (item: RankedOpportunity) => String(item.rank),
        fill: COLORS.text,
        fontWeight: 700,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

export function opportunityTable(result: OpportunitiesResult, options: OpportunityMatrixOptions): ChartTable {
  const { lang } = options;
  return {
    columns: [
      { key: 'rank', label: label('rank', lang), numeric: true },
      { key: 'name', label: label('opportunity', lang) },
      { key: 'impact', label: label('impact', lang), numeric: true },
      { key: 'effort', label: label('effort', lang), numeric: true },
      { key: 'reach', label: label('reach', lang), numeric: true },
      { key: 'confidence', label: label('confidence', lang), numeric: true },
      { key: 'score', label: label('priority', lang), numeric: true },
      { key: 'quadrant', label: lang === 'zh' ? '象限' : 'Quadrant' },
    ],
    rows: result.opportunities.map((item) => [
      cell(String(item.rank), item.rank),
      cell(item.name),
      cell(formatNumber(item.impact, lang, 1), item.impact),
      cell(formatNumber(item.effort, lang, 1), item.effort),
      cell(formatReach(item.reach, reachIsShare(result), lang), item.reach),
      cell(formatPercent(item.confidence, lang, 0), item.confidence),
      cell(formatScore(item.score, lang), item.score),
      cell(quadrantName(item.quadrant, lang)),
    ]),
  };
}

export function opportunityFinding(result: OpportunitiesResult, options: OpportunityMatrixOptions): string {
  const { lang } = options;
  const top = result.opportunities[0]!;
  const quickWins = result.opportunities.filter((item) => item.quadrant === 'quick_win').length;
  return lang === 'zh'
    ? `优先级最高的是“${top.name}”（得分 ${formatScore(top.score, lang)}）；${quickWins} 项属于速赢。`
    : `${top.name} has the highest priority (score ${formatScore(top.score, lang)}); ${quickWins} of ${result.opportunities.length} are quick wins.`;
}
