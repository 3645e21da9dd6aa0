/**
 * `journey retention <file>`: cohort retention of spec §6, as a cohort table
 * of percentages or (`--json`) the spec §11 retention shape.
 */
import { retentionResolved, type RetentionResult } from '../analytics/analyses/retention.ts';
import { parseRetentionSpec, type RetentionSpecInput } from '../analytics/analyses/spec.ts';
import { analysisCommand, text } from './analysisCommand.ts';
import { formatCount, formatPercent, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey retention <file> [options]

Customers grouped into cohorts by the period of their first start event, and
the share of each cohort returning in each later period. The last period of
the data is partial (marked *).

Options:
  --period P          day, week (ISO, Monday start; default) or month, in the --tz zone
  --start-event E     the event that puts a customer in a cohort (default: any)
  --return-event E    the event that counts as a return (default: any)
  --on-or-after       count a customer in every period up to their last return
                      (default: only in periods with a return)
${DATA_OPTIONS_HELP}

Example:
  journey retention data/events.csv --period month --start-event signup --tz Asia/Shanghai`;

function render(result: RetentionResult, file: string): string {
  if (result.cohorts.length === 0) return `${file}: no cohort (no start event found)`;
  const columns = result.cohorts[0]!.counts.length;
  const headers = ['cohort', 'size', ...Array.from({ length: columns }, (_, k) => `${result.period[0]}${k}`)];
  const rows = result.cohorts.map((cohort) => [
    cohort.cohort,
    formatCount(cohort.size),
    ...cohort.rates.map((rate, k) => (rate === null ? '' : formatPercent(rate, 0) + (cohort.partial[k] ? '*' : ''))),
  ]);
  return [
    `${file}: ${result.period} retention, counted ${result.mode === 'on' ? 'on' : 'on or after'} each period (* = partial period)`,
    '',
    formatTable(headers, rows, ['left', ...headers.slice(1).map(() => 'right' as const)]),
  ].join('\n');
}

export default analysisCommand({
  name: 'retention',
  engine: 'retention',
  help,
  options: {
    period: { type: 'string' },
    'start-event': { type: 'string' },
    'return-event': { type: 'string' },
    'on-or-after': { type: 'boolean' },
  },
  spec: (values, load): RetentionSpecInput => ({
    period: text(values, 'period') as RetentionSpecInput['period'],
    start_event: text(values, 'start-event'),
    return_event: text(values, 'return-event'),
    mode: values['on-or-after'] === true ? 'on_or_after' : 'on',
    tz: load.tz,
  }),
  resolve: parseRetentionSpec,
  analyse: retentionResolved,
  render,
});
