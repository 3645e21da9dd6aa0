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
import { analysisCommand, numeric } from './analysisCommand.ts';
import { formatCount, formatNumber, formatPercent, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey satisfaction <file> [options]

Survey scores (the satisfaction column) per touchpoint, stage and channel: count,
mean, and CSAT (share of 4-5) on a 1-5 scale or NPS (promoters minus detractors)
on a 0-10 scale.

Options:
  --scale 5|10   the score scale (default: inferred from the data, and stated)
${DATA_OPTIONS_HELP}

Example:
  journey satisfaction data/surveys.csv --scale 10`;

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

function render(result: SatisfactionResult, file: string): string {
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
  spec: (values): SatisfactionSpecInput => ({ scale: numeric(values, 'scale') as 5 | 10 | undefined }),
  resolve: parseSatisfactionSpec,
  analyse: satisfactionResolved,
  render,
});
