/**
 * `journey compare --before 120/1000 --after 150/1000`: two rates compared
 * with an unpooled z-test (spec §9), or (`--json`) the spec §11 compare shape.
 * Takes no event log.
 */
import { parseArgs } from 'node:util';
import { compareRatesResolved, type CompareResult } from '../analytics/analyses/compareRates.ts';
import { parseCompareSpec, SpecError } from '../analytics/analyses/spec.ts';
import { EXIT_OK, UsageError, type Command } from './command.ts';
import { formatNumber, formatPercent, formatTable } from './format.ts';

const help = `Usage: journey compare --before S/N --after S/N [--json]

Compares two rates (before/after, A/B): difference, lift, z-test (unpooled,
two-sided), 95% interval of the difference and a Wilson 95% interval per rate.

Options:
  --before S/N   successes / total before (or in A), e.g. 120/1000
  --after S/N    successes / total after (or in B), e.g. 150/1000
  --json         print one JSON document
  -h, --help     show this help

Example:
  journey compare --before 120/1000 --after 150/1000`;

function proportion(name: string, value: string | undefined): { successes: number; n: number } {
  const match = value === undefined ? null : /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) {
    throw new UsageError(
      `--${name} expects successes/total as whole numbers, e.g. --${name} 120/1000 (got ${value === undefined ? 'nothing' : `"${value}"`})`,
    );
  }
  return { successes: Number(match[1]), n: Number(match[2]) };
}

function render(result: CompareResult): string {
  const row = (label: string, side: CompareResult['before']) => [
    label,
    `${side.successes}/${side.n}`,
    formatPercent(side.rate, 2),
    `${formatPercent(side.wilson_low, 2)} – ${formatPercent(side.wilson_high, 2)}`,
  ];
  const significant = result.p_value !== null && result.p_value < 0.05;
  return [
    formatTable(
      ['', 'successes/n', 'rate', 'Wilson 95%'],
      [row('before', result.before), row('after', result.after)],
      ['left', 'right', 'right', 'right'],
    ),
    '',
    `difference  ${formatNumber(result.difference * 100, 2)} points (95% interval ${formatNumber(result.ci_low * 100, 2)} to ${formatNumber(result.ci_high * 100, 2)})`,
    `lift        ${formatPercent(result.lift, 1)}`,
    `z           ${formatNumber(result.z, 4)} (SE ${formatNumber(result.se, 4)})`,
    `p-value     ${formatNumber(result.p_value, 4)}${result.p_value === null ? '' : significant ? ' (significant at 5%)' : ' (not significant at 5%)'}`,
  ].join('\n');
}

const compare: Command = {
  name: 'compare',
  help,
  run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          before: { type: 'string' },
          after: { type: 'string' },
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.help) {
      io.stdout(help);
      return Promise.resolve(EXIT_OK);
    }
    let result: CompareResult;
    try {
      const spec = parseCompareSpec({
        before: proportion('before', values.before),
        after: proportion('after', values.after),
      });
      result = compareRatesResolved(spec);
    } catch (error) {
      if (error instanceof SpecError) throw new UsageError(error.message.replace(/^compare: /, ''));
      throw error;
    }
    io.stdout(values.json ? JSON.stringify(result, null, 2) : render(result));
    return Promise.resolve(EXIT_OK);
  },
};

export default compare;
