/**
 * Benchmark (not a test): loading a generated event-log CSV with our loader
 * and with DuckDB's read_csv, each in its own child process, at 1M and 10M
 * events. Prints load time, rows/s, peak memory (the child's maxRSS), the
 * memory our loaded table holds, and the ratio ours / DuckDB; the two alternate,
 * --repeat rounds, and the median counts. Targets (issue 14): ratio <= 1.0 at 1M
 * and 10M; our peak at 10M under 800 MB.
 *
 * Usage: npm run bench:load [-- --sizes 1000000,10000000 --repeat 3]
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateEvents } from './generate-events.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CHILD = join(ROOT, 'bench/loadChild.ts');

interface Measure {
  milliseconds: number;
  rows: number;
  peakMegabytes: number;
  /** Memory the loaded table holds (ours only). */
  tableMegabytes: number | null;
}

function runChild(engine: 'ours' | 'duckdb', file: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      NODE,
      ['--max-old-space-size=8192', '--expose-gc', '--experimental-strip-types', '--no-warnings', CHILD, engine, file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        reject(new Error(`${engine} ${file} exited ${code}: ${Buffer.concat(err).toString().slice(-2000)}`));
      else resolve(JSON.parse(Buffer.concat(out).toString()) as Measure);
    });
  });
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

console.log('events      file MB  engine   load s    rows/s      peak MB  table MB  ratio ours/duckdb');
for (const events of sizes) {
  const file = await generateEvents({ events });
  const megabytes = statSync(file).size / 1024 / 1024;
  // Alternating, so machine load falls on both sides alike.
  const ourRuns: Measure[] = [];
  const duckdbRuns: Measure[] = [];
  for (let round = 0; round < repeat; round++) {
    ourRuns.push(await runChild('ours', file));
    duckdbRuns.push(await runChild('duckdb', file));
  }
  const ours = median(ourRuns);
  const duckdb = median(duckdbRuns);
  if (ours.rows !== events || duckdb.rows !== events)
    throw new Error(`row counts differ: ours ${ours.rows}, duckdb ${duckdb.rows}, expected ${events}`);
  const line = (engine: string, measure: Measure, ratio: string): string => {
    const seconds = (measure.milliseconds / 1000).toFixed(2);
    const rowsPerSecond = Math.round((events / measure.milliseconds) * 1000).toLocaleString('en-US');
    const table = measure.tableMegabytes?.toFixed(0) ?? '-';
    return [
      String(events).padEnd(11),
      megabytes.toFixed(0).padStart(7),
      ' ' + engine.padEnd(7),
      seconds.padStart(6),
      rowsPerSecond.padStart(11),
      measure.peakMegabytes.toFixed(0).padStart(10),
      table.padStart(9),
      ' ' + ratio,
    ].join(' ');
  };
  console.log(line('ours', ours, (ours.milliseconds / duckdb.milliseconds).toFixed(2)));
  console.log(line('duckdb', duckdb, ''));
}
console.log(
  `targets: ours/duckdb <= 1.00 at 1M and 10M; our peak at 10M < 800 MB; median of ${repeat} alternating runs`,
);
