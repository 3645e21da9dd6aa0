/**
 * `journey stalls <file> --steps ... --older-than 7d`: customers stuck at each
 * funnel step with no event for longer than a threshold, for proactive service.
 */
import { parseStallsSpec, type StallsSpecInput } from '../analytics/analyses/spec.ts';
import { stallsResolved, type StallsResult } from '../analytics/analyses/stalls.ts';
import { analysisCommand, required, text } from './analysisCommand.ts';
import { formatCount, formatPercent, formatSeconds, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey stalls <file> --steps "a,b,c" --older-than DURATION [options]

Per funnel step (but the last): customers whose furthest step it is, and those
of them whose latest event of any kind is older than --older-than.

Options:
  --steps LIST         the funnel steps, as for journey funnel
  --older-than D       inactivity that counts as stalled, e.g. 7d (at most 3650d)
  --now INSTANT        reference time, ISO 8601 (default: the latest event in the log)
  --window DURATION    funnel window (default 14d; at most 3650d)
  --mode MODE          ordered (default), strict or unordered
  --list               also list the stalled customer ids (not for publication)
${DATA_OPTIONS_HELP}

Example:
  journey stalls data/events.csv --steps "visit,add_to_cart,checkout,purchase" --older-than 7d --list --json`;

function render(result: StallsResult, file: string): string {
  const rows = result.steps.map((step) => [
    String(step.step),
    step.name,
    formatCount(step.customers),
    formatCount(step.stalled),
    formatPercent(step.stalled_share),
  ]);
  const lines = [
    `${file}: customers inactive for more than ${formatSeconds(result.older_than_seconds)} before ${result.now}`,
    '',
    formatTable(['step', 'furthest step', 'customers', 'stalled', 'share'], rows, [
      'right',
      'left',
      'right',
      'right',
      'right',
    ]),
  ];
  for (const step of result.steps) {
    if (step.customer_ids && step.customer_ids.length > 0)
      lines.push('', `Stalled at ${step.name}:`, step.customer_ids.join('\n'));
  }
  return lines.join('\n');
}

export default analysisCommand({
  name: 'stalls',
  engine: 'stalls',
  help,
  options: {
    steps: { type: 'string' },
    'older-than': { type: 'string' },
    now: { type: 'string' },
    window: { type: 'string' },
    mode: { type: 'string' },
    list: { type: 'boolean' },
  },
  spec: (values): StallsSpecInput => ({
    steps: required(values, 'steps', '--steps "visit,add_to_cart,purchase"'),
    older_than: required(values, 'older-than', '--older-than 7d'),
    now: text(values, 'now'),
    window: text(values, 'window'),
    mode: text(values, 'mode') as StallsSpecInput['mode'],
    list_customers: values.list === true,
  }),
  resolve: parseStallsSpec,
  analyse: stallsResolved,
  render,
});
