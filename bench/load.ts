/**
 * Benchmark (not a test): loading a generated event-log CSV with our loader
 * and with DuckDB's read_csv, each in its own child process, at 1M and 10M
 * events. Prints load time, rows/s, peak memory (the child's maxRSS), the
 * memory our loaded table holds (also per event), and the ratio ours / DuckDB; the two alternate,
 * --repeat rounds, and the median counts. Targets (issue 14): ratio <= 1.0 at 1M
 * and 10M; our peak at 10M under 800 MB.
 *
 * Usage: npm run bench:load [-- --sizes 1000000,10000000 --repeat 3]
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateEvents } from './generate-events.ts';
import { ROOT, runChild } from './runChild.ts';

const CHILD = join(ROOT, 'bench/loadChild.ts');

interface Measure {
  milliseconds: number;
  rows: number;
  peakMegabytes: number;
  /** Memory the loaded table holds (ours only). */
  tableMegabytes: number | null;
}

async function measure(engine: 'ours' | 'duckdb', file: string): Promise<Measure> {
  const { output } = await runChild(['--expose-gc', CHILD, engine, file], 8192);
  return JSON.parse(output) as Measure;
}

/** The run with the median time (machine noise on a shared box). */
function median(runs: Measure[]): Measure {
  const sorted = [...runs].sort((a, b) => a.milliseconds - b.milliseconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000000,10000000' }, repeat: { type: 'string', default: '3' } },
});
const sizes = values.sizes.split(',').map(Number);
const repeat = Number(values.repeat);

console.log('events      file MB  engine   load s    rows/s      peak MB  table MB  bytes/event  ratio ours/duckdb');
for (const events of sizes) {
  const file = await generateEvents({ events });
  const megabytes = statSync(file).size / 1024 / 1024;
  // Alternating, so machine load falls on both sides alike.
  const ourRuns: Measure[] = [];
  const duckdbRuns: Measure[] = [];
  for (let round = 0; round < repeat; round++) {
    ourRuns.push(await measure('ours', file));
    duckdbRuns.push(await measure('duckdb', file));
  }
  const ours = median(ourRuns);
  const duckdb = median(duckdbRuns);
  if (ours.rows !== events || duckdb.rows !== events)
    throw new Error(`row counts differ: ours ${ours.rows}, duckdb ${duckdb.rows}, expected ${events}`);
  const line = (engine: string, measure: Measure, ratio: string): string => {
    const seconds = (measure.milliseconds / 1000).toFixed(2);
    const rowsPerSecond = Math.round((events / measure.milliseconds) * 1000).toLocaleString('en-US');
    const table = measure.tableMegabytes?.toFixed(0) ?? '-';
    const bytesPerEvent =
      measure.tableMegabytes === null ? '-' : ((measure.tableMegabytes * 1024 * 1024) / events).toFixed(1);
    return [
      String(events).padEnd(11),
      megabytes.toFixed(0).padStart(7),
      ' ' + engine.padEnd(7),
      seconds.padStart(6),
      rowsPerSecond.padStart(11),
      measure.peakMegabytes.toFixed(0).padStart(10),
      table.padStart(9),
      bytesPerEvent.padStart(12),
      ' ' + ratio,
    ].join(' ');
  };
  console.log(line('ours', ours, (ours.milliseconds / duckdb.milliseconds).toFixed(2)));
  console.log(line('duckdb', duckdb, ''));
}
console.log(
  `targets: ours/duckdb <= 1.00 at 1M and 10M; our peak at 10M < 800 MB; table <= 70 bytes/event at 10M; median of ${repeat} alternating runs`,
);
