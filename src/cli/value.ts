/**
 * `journey value <file>`: purchases, AOV, frequency, historic CLV, lifespan
 * and repurchase gaps (spec §7), or (`--json`) the spec §11 value shape.
 */
import { parseValueSpec, type ValueSpecInput } from '../analytics/analyses/spec.ts';
import { valueResolved, type ValueResult } from '../analytics/analyses/value.ts';
import { analysisCommand, text } from './analysisCommand.ts';
import { formatCount, formatNumber, formatTable } from './format.ts';
import { DATA_OPTIONS_HELP } from './options.ts';

const help = `Usage: journey value <file> [options]

Purchases, buyers, revenue, average order value, purchase frequency,
historic customer lifetime value, lifespan and days between repeat purchases.

Options:
  --purchase-event E  the event that is a purchase (default purchase); amounts
                      come from the value column
${DATA_OPTIONS_HELP}

Example:
  journey value data/orders.csv --purchase-event order_paid`;

function render(result: ValueResult, file: string, purchaseEvent: string): string {
  const rows = [
    ['purchases', formatCount(result.purchases)],
    ['buyers', formatCount(result.buyers)],
    ['revenue', formatNumber(result.revenue)],
    ['average order value', formatNumber(result.aov)],
    ['purchases per buyer', formatNumber(result.frequency)],
    ['historic CLV (revenue per buyer)', formatNumber(result.clv)],
    ['lifespan, mean (days)', formatNumber(result.lifespan_days_mean, 1)],
    ['repeat buyers', formatCount(result.repurchase.customers)],
    ['repurchase gaps', formatCount(result.repurchase.gaps)],
    ['days between purchases, median', formatNumber(result.repurchase.median_days, 1)],
    ['days between purchases, mean', formatNumber(result.repurchase.mean_days, 1)],
  ];
  return [
    `${file}: value of "${purchaseEvent}" events`,
    '',
    formatTable(['figure', 'value'], rows, ['left', 'right']),
  ].join('\n');
}

export default analysisCommand({
  name: 'value',
  engine: 'value',
  help,
  options: { 'purchase-event': { type: 'string' } },
  spec: (values): ValueSpecInput => ({ purchase_event: text(values, 'purchase-event') }),
  resolve: parseValueSpec,
  analyse: valueResolved,
  render: (result, file, spec) => render(result, file, spec.purchaseEvent),
});
