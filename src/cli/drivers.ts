/**
 * `journey drivers <file>`: key-driver analysis of a survey export (one row per
 * answer): which touchpoint scores explain a journey-level question, overall
 * and per segment, as correlation, standardised beta and Johnson's relative
 * weight (share of R²); or (`--json`) the shape documented in README. Output
 * is suppressed at --k like every published figure (spec §10).
 */
import {
  driversResolved,
  parseDriversSpec,
  type DriverRow,
  type DriversResult,
  type DriversSpecInput,
} from '../analytics/analyses/drivers.ts';
import {
  isSuppressedCell,
  suppress,
  suppressedLabel,
  type Suppressed,
  type SuppressedCell,
} from '../analytics/analyses/suppress.ts';
import type { ScoreColumn } from '../analytics/analyses/surveyAnswers.ts';
import { analysisCommand, numeric, required, text } from './analysisCommand.ts';
import { formatCount, formatPercent, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey drivers <file> --outcome QUESTION [options]

Key drivers of a journey-level survey question: for each touchpoint question,
how many rated it and their mean (its performance), its correlation with the
outcome, its standardised regression coefficient (beta) and its relative
weight (Johnson 2000: the part of R² it accounts for, robust to correlated
touchpoints; shares sum to 100%). Respondents missing any of the questions are
left out of the model and counted. A model needs 10 respondents per driver.

The file has one row per answer: customer, question (event) and score. Map
the columns, e.g. --map customer_id=客户编号,timestamp=时间,event=问题,satisfaction=评分

Options:
  --outcome Q        the journey-level question, e.g. 整体满意度 (required)
  --drivers a,b,c    the touchpoint questions (default: every other question)
  --score COLUMN     csat, nps or satisfaction (default: csat, else satisfaction)
  --by COLUMN        also fit one model per value of a column, e.g. segment
  --k N              suppress figures describing fewer than N customers (default 5)
${DATA_OPTIONS_HELP}

Example:
  journey drivers data/demo/bank-survey.csv --outcome 整体满意度 --by segment \\
    --map customer_id=客户编号,timestamp=时间,event=问题,segment=客群,satisfaction=评分`;

type Published = Suppressed<DriversResult>;

type Cell = number | SuppressedCell | null;

function figure(value: Cell, format: (value: number) => string): string {
  if (isSuppressedCell(value)) return suppressedLabel(value.fewer_than);
  return value === null ? '–' : format(value);
}

function driverTable(rows: Suppressed<DriverRow>[]): string {
  const body = rows.map((row) => [
    row.name,
    figure(row.n, formatCount),
    figure(row.mean, (value) => value.toFixed(2)),
    figure(row.correlation, (value) => value.toFixed(3)),
    figure(row.beta, (value) => value.toFixed(3)),
    figure(row.weight, (value) => value.toFixed(3)),
    figure(row.share, (value) => formatPercent(value)),
  ]);
  return formatTable(['driver', 'rated', 'mean', 'correlation', 'beta', 'weight', 'share'], body, [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
}

function modelLine(n: Cell, excluded: Cell, r2: Cell): string {
  const count = (value: Cell) => figure(value, formatCount);
  return `${count(n)} respondents in the model, ${count(excluded)} left out for a missing answer, R² ${figure(r2, (value) => value.toFixed(3))}`;
}

function render(result: Published, file: string): string {
  const lines = [
    `${file}: drivers of ${result.outcome} (${result.score} scores)`,
    modelLine(result.n, result.excluded, result.r2),
    '',
    driverTable(result.drivers),
  ];
  for (const segment of result.by) {
    lines.push('', `${segment.value}: ${modelLine(segment.n, segment.excluded, segment.r2)}`);
    if (segment.refused !== null) lines.push(`  no model: ${segment.refused}`);
    else lines.push(driverTable(segment.drivers));
  }
  return lines.join('\n');
}

export default analysisCommand({
  name: 'drivers',
  help,
  options: {
    outcome: { type: 'string' },
    drivers: { type: 'string' },
    score: { type: 'string' },
    by: { type: 'string' },
    k: { type: 'string' },
  },
  spec: (values): DriversSpecInput => ({
    outcome: required(values, 'outcome', '--outcome 整体满意度'),
    drivers: text(values, 'drivers'),
    score: text(values, 'score') as ScoreColumn | undefined,
    by: text(values, 'by'),
    k: numeric(values, 'k'),
  }),
  resolve: parseDriversSpec,
  analyse: (table, spec) => suppress(driversResolved(table, spec), { k: spec.k }),
  render,
});
