/**
 * `journey whatif <file> --steps ... --step 3 --uplift 0.3`: a relative uplift
 * on one step's conversion, projected onto every later step and onto value.
 */
import { parseWhatIfSpec, type WhatIfSpecInput } from '../analytics/analyses/spec.ts';
import { whatIfResolved, type WhatIfResult } from '../analytics/analyses/whatIf.ts';
import { analysisCommand, required, requiredNumber, text } from './analysisCommand.ts';
import { formatCount, formatNumber, formatPercent, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey whatif <file> --steps "a,b,c" --step K --uplift U [options]

What if step K converted better? Raises step K's conversion from the previous
step by U (relative: 0.3 = +30%, capped at 100%), keeps every later step's
conversion, and prices the extra customers at the last step with the AOV.

Options:
  --steps LIST          the funnel steps, as for journey funnel
  --step K              the step to improve (2 or later)
  --uplift U            relative uplift, e.g. 0.3 (above -1, at most 100)
  --purchase-event E    the event whose value gives the AOV (default purchase)
  --window DURATION     funnel window (default 14d; at most 3650d)
  --mode MODE           ordered (default), strict or unordered
${DATA_OPTIONS_HELP}

Example:
  journey whatif data/events.csv --steps "visit,view_product,add_to_cart,checkout,purchase" --step 4 --uplift 0.3`;

function render(result: WhatIfResult, file: string): string {
  const rows = result.steps.map((step) => [
    String(step.step),
    step.name,
    formatCount(step.customers),
    formatPercent(step.conversion_from_previous),
    formatCount(step.projected_customers),
    formatPercent(step.projected_conversion_from_previous),
    `${step.additional_customers >= 0 ? '+' : ''}${formatNumber(step.additional_customers, 1)}`,
  ]);
  return [
    `${file}: step ${result.step} conversion ${result.uplift >= 0 ? '+' : ''}${formatPercent(result.uplift, 0)}${result.capped ? ' (capped at 100%)' : ''}`,
    '',
    formatTable(['step', 'name', 'customers', 'conversion', 'projected', 'projected conversion', 'change'], rows, [
      'right',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
    '',
    `additional customers at the last step  ${formatNumber(result.additional_customers, 1)}`,
    `additional value (at AOV ${formatNumber(result.aov)})  ${formatNumber(result.additional_value)}`,
  ].join('\n');
}

export default analysisCommand({
  name: 'whatif',
  engine: 'what-if',
  help,
  options: {
    steps: { type: 'string' },
    step: { type: 'string' },
    uplift: { type: 'string' },
    'purchase-event': { type: 'string' },
    window: { type: 'string' },
    mode: { type: 'string' },
  },
  spec: (values): WhatIfSpecInput => ({
    steps: required(values, 'steps', '--steps "visit,add_to_cart,purchase"'),
    step: requiredNumber(values, 'step', '--step 3'),
    uplift: requiredNumber(values, 'uplift', '--uplift 0.3'),
    purchase_event: text(values, 'purchase-event'),
    window: text(values, 'window'),
    mode: text(values, 'mode') as WhatIfSpecInput['mode'],
  }),
  resolve: parseWhatIfSpec,
  analyse: whatIfResolved,
  render,
});
