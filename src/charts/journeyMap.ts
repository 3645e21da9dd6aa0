/**
 * The journey map, from data: stages as columns; lanes of customer actions,
 * touchpoints, channels, an emotion curve, pain points, opportunities, owners
 * and KPIs as rows. Lane text is Markdown (raw HTML off). The emotion curve is
 * the mean satisfaction per stage when data is given, else the declared score;
 * per-stage customer counts come from the event data's `stage` column.
 *
 * @example
 *   const model = journeyMapModel(parseJourneyDefinition(yaml, 'journey.yaml'), { satisfaction: result }, { lang: 'zh' });
 *   renderSvg(journeyEmotionChart(model, { lang: 'zh' }));
 */
import * as Plot from '@observablehq/plot';
import type { StageFiguresResult } from '../analytics/analyses/stageFigures.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCount, formatNumber } from './format.ts';
import { emotionRange, type JourneyDefinition, type JourneyStage } from './journeyDefinition.ts';
import { label } from './labels.ts';
import { withMarkData } from './markData.ts';
import { renderMarkdown, renderMarkdownInline } from './markdown.ts';
import { countOrSuppressed, isSuppressed } from '../analytics/analyses/suppress.ts';
import { BASE_PLOT_OPTIONS, COLORS } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export interface JourneyMapOptions {
  lang: Lang;
  k?: number;
}

/** Per-stage figures from the event data (src/analytics/analyses/stageFigures.ts), when the map has data. */
export type JourneyFigures = StageFiguresResult | null;

type TextLane = 'actions' | 'touchpoints' | 'channels' | 'pain_points' | 'opportunities' | 'owners' | 'kpis';

const LANE_NAMES: Record<TextLane | 'emotion' | 'customers', Record<Lang, string>> = {
  actions: { zh: '客户行为', en: 'Customer actions' },
  touchpoints: { zh: '触点', en: 'Touchpoints' },
  channels: { zh: '渠道', en: 'Channels' },
  emotion: { zh: '情绪曲线', en: 'Emotion' },
  pain_points: { zh: '痛点', en: 'Pain points' },
  opportunities: { zh: '机会点', en: 'Opportunities' },
  owners: { zh: '负责人', en: 'Owners' },
  kpis: { zh: '关键指标', en: 'KPIs' },
  customers: { zh: '客户数', en: 'Customers' },
};

const LANE_ORDER: TextLane[] = ['actions', 'touchpoints', 'channels', 'pain_points', 'opportunities', 'owners', 'kpis'];

export interface JourneyLane {
  key: TextLane | 'customers';
  label: string;
  /** Rendered (escaped) HTML per stage, '' where the stage has nothing. */
  cells: string[];
}

export interface EmotionPoint {
  id: string;
  name: string;
  /** The score on its own scale (mean satisfaction, or the declared emotion). */
  score: number | null;
  /** The score placed on -1..1 (the middle of its scale at 0), so data and declared scores share one curve. */
  level: number | null;
  range: [number, number] | null;
  source: 'data' | 'declared' | null;
  /** Scores behind a data point. */
  count: number | null;
  suppressed: boolean;
}

export interface JourneyMapModel {
  title?: string;
  stages: { id: string; name: string }[];
  /** Lanes before the emotion curve (actions, touchpoints, channels, customers) and after it. */
  lanesAbove: JourneyLane[];
  lanesBelow: JourneyLane[];
  emotionLabel: string;
  emotion: EmotionPoint[];
}

function laneHtml(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return renderMarkdown(value);
  return `<ul>${value.map((item) => `<li>${renderMarkdownInline(item)}</li>`).join('')}</ul>`;
}

const levelOf = (score: number, [low, high]: [number, number]) => (2 * (score - low)) / (high - low) - 1;

function emotionOf(
  stage: JourneyStage,
  journey: JourneyDefinition,
  figures: JourneyFigures,
  k: number | undefined,
): EmotionPoint {
  const base = { id: stage.id, name: stage.name };
  const row = figures?.stages.find((item) => item.id === stage.id);
  if (row && row.mean_satisfaction !== null && figures?.scale) {
    const range = emotionRange(figures.scale);
    const suppressed = isSuppressed(row.scored_customers, k);
    const score = suppressed ? null : row.mean_satisfaction;
    const level = score === null ? null : levelOf(score, range);
    return { ...base, score, level, range, source: 'data', count: row.scores, suppressed };
  }
  if (stage.emotion !== undefined) {
    const range = emotionRange(journey.emotion_scale);
    const level = levelOf(stage.emotion, range);
    return { ...base, score: stage.emotion, level, range, source: 'declared', count: null, suppressed: false };
  }
  return { ...base, score: null, level: null, range: null, source: null, count: null, suppressed: false };
}

export function journeyMapModel(
  journey: JourneyDefinition,
  figures: JourneyFigures,
  options: JourneyMapOptions,
): JourneyMapModel {
  const { lang, k } = options;
  const lanes: JourneyLane[] = LANE_ORDER.map((key) => ({
    key,
    label: LANE_NAMES[key][lang],
    cells: journey.stages.map((stage) => laneHtml(stage[key])),
  })).filter((lane) => lane.cells.some((html) => html !== ''));
  if (figures) {
    const customers = new Map(figures.stages.map((stage) => [stage.id, stage.customers]));
    // Customers per stage go right after the lanes that describe the stage (actions, touchpoints, channels).
    const described = lanes.filter(
      (lane) => lane.key === 'actions' || lane.key === 'touchpoints' || lane.key === 'channels',
    ).length;
    lanes.splice(described, 0, {
      key: 'customers',
      label: LANE_NAMES.customers[lang],
      cells: journey.stages.map((stage) =>
        escapeText(countOrSuppressed(customers.get(stage.id) ?? 0, k, (n) => formatCount(n, lang))),
      ),
    });
  }
  const split = lanes.findIndex(
    (lane) =>
      lane.key === 'pain_points' || lane.key === 'opportunities' || lane.key === 'owners' || lane.key === 'kpis',
  );
  const cut = split < 0 ? lanes.length : split;
  return {
    title: journey.title,
    stages: journey.stages.map((stage) => ({ id: stage.id, name: stage.name })),
    lanesAbove: lanes.slice(0, cut),
    lanesBelow: lanes.slice(cut),
    emotionLabel: LANE_NAMES.emotion[lang],
    emotion: journey.stages.map((stage) => emotionOf(stage, journey, figures, k)),
  };
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A score with its sign on the -2..2 scale (+1, −1), else with one decimal. */
function formatScore(point: EmotionPoint, lang: Lang): string {
  if (point.score === null) return '';
  if (point.range?.[0] === -2)
    return point.score > 0
      ? `+${formatNumber(point.score, lang, 0)}`
      : point.score < 0
        ? `−${formatNumber(-point.score, lang, 0)}`
        : '0';
  return formatNumber(point.score, lang, 1);
}

function emotionTip(point: EmotionPoint, lang: Lang, k: number | undefined): string {
  if (point.suppressed) return `${point.name} · ${label('emotion', lang)}: ${countOrSuppressed(0, k, String)}`;
  const source =
    point.source === 'data'
      ? lang === 'zh'
        ? `满意度均值，n=${formatCount(point.count, lang)}`
        : `mean satisfaction, n=${formatCount(point.count, lang)}`
      : lang === 'zh'
        ? '估计'
        : 'declared';
  const range = point.range ? ` [${point.range[0]}…${point.range[1]}]` : '';
  return `${point.name} · ${label('emotion', lang)}: ${formatScore(point, lang)}${range} (${source})`;
}

/** The emotion lane: a curve across the stage columns (no side margins, so points sit at column centres). */
export function journeyEmotionChart(model: JourneyMapModel, options: JourneyMapOptions): Plot.PlotOptions {
  const { lang } = options;
  const points = model.emotion.filter((point) => point.level !== null);
  return {
    ...BASE_PLOT_OPTIONS,
    // The SVG is drawn 220 units a stage and shown at 9rem (144 px) a stage or wider (the table's
    // min-width), so 19 px text renders at 11 px or more (with the cells' padding).
    style: { ...BASE_PLOT_OPTIONS.style, fontSize: '19px' },
    // Wide and low: the SVG stretches over the stage columns, keeping its aspect.
    width: model.stages.length * 220,
    height: 100,
    margin: 0,
    marginTop: 22,
    marginBottom: 16,
    x: { domain: model.stages.map((stage) => stage.id), axis: null, padding: 0.5 },
    y: { domain: [-1, 1], axis: null },
    marks: [
      Plot.ruleY([0], { stroke: COLORS.grid, strokeDasharray: '4,3' }),
      Plot.line(points, { x: 'id', y: 'level', curve: 'monotone-x', stroke: COLORS.primary, strokeWidth: 2.5 }),
      Plot.dot(points, {
        x: 'id',
        y: 'level',
        r: 6,
        fill: (point: EmotionPoint) => ((point.level as number) < 0 ? COLORS.highlight : COLORS.primary),
        stroke: 'var(--bg)',
        strokeWidth: 2,
        render: withMarkData((i) => ({ tip: emotionTip(points[i]!, lang, options.k) })),
      }),
      Plot.text(points, {
        x: 'id',
        y: 'level',
        text: (point: EmotionPoint) => formatScore(point, lang),
        dy: -13,
        fill: COLORS.text,
        fontWeight: 600,
      }),
    ],
  };
}

export function journeyTable(model: JourneyMapModel, options: JourneyMapOptions): ChartTable {
  const { lang } = options;
  return {
    columns: [
      { key: 'stage', label: label('stage', lang) },
      { key: 'emotion', label: label('emotion', lang), numeric: true },
      { key: 'source', label: lang === 'zh' ? '依据' : 'Basis' },
      { key: 'n', label: 'n', numeric: true },
    ],
    rows: model.emotion.map((point) => [
      cell(point.name),
      point.suppressed
        ? cell(countOrSuppressed(0, options.k, String), countOrSuppressed(0, options.k, String))
        : cell(formatNumber(point.score, lang, 1), point.score),
      cell(
        point.source === 'data'
          ? lang === 'zh'
            ? '满意度数据'
            : 'satisfaction data'
          : point.source === 'declared'
            ? lang === 'zh'
              ? '估计'
              : 'declared'
            : '',
      ),
      point.count === null || point.suppressed ? cell('', null) : cell(formatCount(point.count, lang), point.count),
    ]),
  };
}

export function journeyFinding(model: JourneyMapModel, options: JourneyMapOptions): string {
  const { lang } = options;
  const scored = model.emotion.filter((point) => point.level !== null);
  const title = model.title ?? (lang === 'zh' ? '客户旅程地图' : 'Customer journey map');
  if (scored.length === 0) return title;
  const lowest = scored.reduce((a, b) => ((b.level as number) < (a.level as number) ? b : a));
  return lang === 'zh'
    ? `${title}：${model.stages.length} 个阶段，情绪最低点在“${lowest.name}”（${formatScore(lowest, lang)}）。`
    : `${title}: ${model.stages.length} stages; emotion is lowest at ${lowest.name} (${formatScore(lowest, lang)}).`;
}
