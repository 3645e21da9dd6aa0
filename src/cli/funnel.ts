/**
 * `journey funnel <file> --steps "a,b|c,d"`: the funnel of spec §4 on an event
 * log, as an aligned table or (`--json`) the spec §11 funnel shape.
 */
import { funnelResolved, type FunnelResult, type FunnelStepFigures } from '../analytics/analyses/funnel.ts';
import { parseFunnelSpec, type FunnelSpecInput } from '../analytics/analyses/spec.ts';
import { analysisCommand, required, text } from './analysisCommand.ts';
import { formatCount, formatPercent, formatSeconds, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey funnel <file> --steps "a,b|c,d" [options]

Customers reaching each step of a funnel (each counted once, at their furthest
step), conversions, drop-offs and time to convert.

Options:
  --steps LIST      the steps in order, comma-separated; a|b accepts either event
  --window DURATION how long an attempt may take from step 1, inclusive (default 14d;
                    units s, m, h, d, w; at most 3650d)
  --mode MODE       ordered (default: other events may come between steps),
                    strict (the next event must be the next step) or unordered
  --by COLUMN       break down by a column's value on the first step (e.g. channel)
${DATA_OPTIONS_HELP}

Example:
  journey funnel data/events.csv --steps "visit,view_product,add_to_cart,checkout,purchase" --window 7d --by channel`;

export function funnelStepTable(steps: FunnelStepFigures[], leading?: { header: string; value: string }): string[][] {
  return steps.map((step) => [
    ...(leading ? [leading.value] : []),
    String(step.step),
    step.name,
    formatCount(step.customers),
    formatPercent(step.conversion_from_start),
    formatPercent(step.conversion_from_previous),
    formatCount(step.dropped),
    formatSeconds(step.median_seconds_from_previous),
    formatSeconds(step.mean_seconds_from_previous),
  ]);
}

const STEP_HEADERS = [
  'step',
  'name',
  'customers',
  'from start',
  'from previous',
  'dropped',
  'median time',
  'mean time',
];
const STEP_ALIGN = ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'] as const;

function render(result: FunnelResult, file: string, by: string | null): string {
  const lines = [
    `${file}: ${result.mode} funnel, window ${formatSeconds(result.window_seconds)}, ${formatCount(result.steps[0]!.customers)} customers entered`,
    '',
    formatTable(STEP_HEADERS, funnelStepTable(result.steps), [...STEP_ALIGN]),
  ];
  if (by !== null && result.breakdown.length > 0) {
    const rows = result.breakdown.flatMap((bucket) =>
      funnelStepTable(bucket.steps, { header: by, value: bucket.value }),
    );
    lines.push('', `By ${by} (on the first step):`, formatTable([by, ...STEP_HEADERS], rows, ['left', ...STEP_ALIGN]));
  }
  return lines.join('\n');
}

export default analysisCommand({
  name: 'funnel',
  engine: 'funnel',
  help,
  options: {
    steps: { type: 'string' },
    window: { type: 'string' },
    mode: { type: 'string' },
    by: { type: 'string' },
  },
  spec: (values): FunnelSpecInput => ({
    steps: required(values, 'steps', '--steps "visit,add_to_cart,purchase"'),
    window: text(values, 'window'),
    mode: text(values, 'mode') as FunnelSpecInput['mode'],
    by: text(values, 'by'),
  }),
  resolve: parseFunnelSpec,
  analyse: funnelResolved,
  eventNames: (spec) => [{ option: '--steps', names: spec.steps.flatMap((step) => step.events) }],
  render: (result, file, spec) => render(result, file, spec.by),
});
