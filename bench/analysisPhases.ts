/**
 * Where our time goes, in one process: loading the CSV, encoding the table,
 * then each analysis on its own fresh encoding. Prints one JSON line of seconds.
 *
 * Usage: node --experimental-strip-types bench/analysisPhases.ts <file.csv>
 */
import { encodeEvents } from '../src/analytics/encodeEvents.ts';
import { funnel } from '../src/analytics/analyses/funnel.ts';
import { loadEvents } from '../src/analytics/load/load.ts';
import { paths } from '../src/analytics/analyses/paths.ts';
import { retention } from '../src/analytics/analyses/retention.ts';

const file = process.argv[2]!;
const seconds: Record<string, number> = {};
let started = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  seconds[name] = Number(((now - started) / 1000).toFixed(3));
  started = now;
};
const { table } = await loadEvents(file);
lap('load');
encodeEvents(table);
lap('encode');
// Each analysis on a fresh view of the table, so it pays for its own encoding and sort.
funnel(table.reify(), { steps: 'visit,view_product,add_to_cart,checkout,purchase', window: '14d' });
lap('funnel');
paths(table.reify(), {});
lap('paths');
retention(table.reify(), { period: 'week' });
lap('retention');
process.stdout.write(JSON.stringify(seconds));
