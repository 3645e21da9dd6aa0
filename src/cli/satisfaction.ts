/**
 * `journey satisfaction <file>`: scores per touchpoint, stage and channel
 * (spec §8), CSAT on 1-5 or NPS on 0-10, or (`--json`) the spec §11 shape.
 */
import {
  satisfactionResolved,
  type SatisfactionResult,
  type SatisfactionRow,
} from '../analytics/analyses/satisfaction.ts';
import { parseSatisfactionSpec, type SatisfactionSpecInput } from '../analytics/analyses/spec.ts';
import { countComments, surveySatisfaction, type SurveyTouchpoint } from '../analytics/analyses/surveySatisfaction.ts';
import { hasColumn, type ColumnTable } from '../analytics/events.ts';
import type { SatisfactionSpec } from '../analytics/analyses/spec.ts';
import { analysisCommand, numeric } from './analysisCommand.ts';
import { formatCount, formatNumber, formatPercent, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey satisfaction <file> [options]

Survey scores (the satisfaction column) per touchpoint, stage and channel: count,
mean, and CSAT (share of 4-5) on a 1-5 scale or NPS (promoters minus detractors)
on a 0-10 scale.

A survey export read with --map csat=COLUMN and/or nps=COLUMN (and comment=COLUMN,
counted, never printed) gives CSAT (1-5) and NPS (0-10) side by side per touchpoint
(the event column); it needs no timestamp column.

Options:
  --scale 5|10   the score scale (default: inferred from the data, and stated)
${DATA_OPTIONS_HELP}

Examples:
  journey satisfaction data/surveys.csv --scale 10
  journey satisfaction 问卷.csv --json \\
    --map customer_id=客户编号,event=问题,csat=评分,nps=推荐意愿,comment=意见`;

/** A survey file's result: CSAT and NPS per touchpoint, and how many comments it holds. */
interface SurveyResult {
  touchpoints: SurveyTouchpoint[];
  comments: number;
}
type Result = SatisfactionResult | SurveyResult;

function analyse(table: ColumnTable, spec: SatisfactionSpec): Result {
  if (!hasColumn(table, 'csat') && !hasColumn(table, 'nps')) return satisfactionResolved(table, spec);
  return { touchpoints: surveySatisfaction(table), comments: countComments(table) };
}

function renderSurvey(result: SurveyResult, file: string): string {
  const cell = (row: SatisfactionRow | null, score: (row: SatisfactionRow) => string) =>
    row ? [formatCount(row.count), score(row)] : ['-', '-'];
  const body = result.touchpoints.map((row) => [
    row.name,
    ...cell(row.csat, (csat) => formatPercent(csat.csat)),
    ...cell(row.nps, (nps) => formatNumber(nps.nps, 1)),
  ]);
  return [
    `${file}: survey, CSAT on 1-5 and NPS on 0-10; ${formatCount(result.comments)} comments (never printed)`,
    formatTable(['touchpoint', 'CSAT n', 'CSAT', 'NPS n', 'NPS'], body, ['left', 'right', 'right', 'right', 'right']),
  ].join('\n');
}

function section(title: string, rows: SatisfactionRow[], scale: 5 | 10): string[] {
  if (rows.length === 0) return [];
  const score = scale === 5 ? 'CSAT' : 'NPS';
  const body = rows.map((row) => [
    row.name,
    formatCount(row.customers),
    formatCount(row.count),
    formatNumber(row.mean),
    scale === 5 ? formatPercent(row.csat) : formatNumber(row.nps, 1),
  ]);
  return [
    '',
    `${title}:`,
    formatTable([title, 'customers', 'scores', 'mean', score], body, ['left', 'right', 'right', 'right', 'right']),
  ];
}

function render(result: Result, file: string): string {
  if ('touchpoints' in result) return renderSurvey(result, file);
  const scale = result.scale === 5 ? '1-5 (CSAT)' : '0-10 (NPS)';
  return [
    `${file}: scale ${scale}, ${result.scale_inferred ? 'inferred from the scores (declare it with --scale)' : 'as declared'}`,
    ...section('event', result.by_event, result.scale),
    ...section('stage', result.by_stage, result.scale),
    ...section('channel', result.by_channel, result.scale),
  ].join('\n');
}

export default analysisCommand({
  name: 'satisfaction',
  engine: 'satisfaction',
  help,
  options: { scale: { type: 'string' } },
  spec: (values, load): SatisfactionSpecInput => {
    // A survey mapped with csat/nps needs no timestamp column.
    const map = load.map ?? {};
    if ((map.csat !== undefined || map.nps !== undefined) && map.timestamp === undefined) load.timestampOptional = true;
    return { scale: numeric(values, 'scale') as 5 | 10 | undefined };
  },
  resolve: parseSatisfactionSpec,
  analyse,
  render,
});
