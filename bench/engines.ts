/**
 * Benchmark (not a test): the same analyses in memory, on DuckDB and on chdb,
 * side by side from one generated file, each run as `journey <analysis>
 * [--engine E --table FILE] --json` in its own process: wall time, peak memory
 * and whether the results are the same (floats to 12 digits). With --parquet N,
 * N events as Parquet on DuckDB within --memory-limit 4GB (spilling to a temp
 * directory) and on chdb; the in-memory engine is left out at that size.
 *
 * Usage: npm run bench:engines [-- --sizes 10000000] [-- --parquet 100000000]
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadChdb } from '../src/engines/runners/chdb.ts';
import { generateEvents } from './generate-events.ts';
import { runChild, type ChildRun } from './runChild.ts';

const FUNNEL_STEPS = 'visit,view_product,add_to_cart,checkout,purchase';
const ANALYSES: string[][] = [
  ['funnel', '--steps', FUNNEL_STEPS, '--window', '14d', '--by', 'channel'],
  ['paths'],
  ['retention', '--period', 'week'],
  ['value'],
];

function canonical(json: string): string {
  return JSON.stringify(JSON.parse(json), (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value,
  );
}

/** Parquet from the generated CSV, written by DuckDB (cached beside it). */
async function parquetOf(csv: string): Promise<string> {
  const parquet = csv.replace(/\.csv$/, '.parquet');
  if (existsSync(parquet)) return parquet;
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '4GB' });
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`);
  connection.closeSync();
  return parquet;
}

function line(size: number, analysis: string, runs: Record<string, ChildRun | Error>): string {
  const outputs = Object.values(runs).filter((run): run is ChildRun => !(run instanceof Error));
  const same = outputs.every((run) => canonical(run.output) === canonical(outputs[0]?.output ?? '{}'));
  const cells = Object.entries(runs).map(([engine, run]) =>
    run instanceof Error
      ? `${engine} failed (${run.message.split('\n')[0]?.slice(0, 80) ?? ''})`
      : `${engine} ${run.seconds.toFixed(1)} s ${run.peakMegabytes.toFixed(0)} MB`,
  );
  return `${size.toLocaleString('en-US').padStart(11)}  ${analysis.padEnd(9)} ${cells.join('  |  ')}  same: ${same ? 'yes' : 'NO'}`;
}

async function attempt(run: () => Promise<ChildRun>): Promise<ChildRun | Error> {
  try {
    return await run();
  } catch (error) {
    return error as Error;
  }
}

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, parquet: { type: 'string' } } });
  const withChdb = loadChdb() !== null;
  if (!withChdb) console.log('chdb is not installed (npm install chdb): its column is left out');
  const heap = 3500;
  for (const size of (values.sizes ?? '10000000').split(',').map(Number)) {
    const file = await generateEvents({ events: size });
    for (const [analysis = '', ...options] of ANALYSES) {
      const runs: Record<string, ChildRun | Error> = {
        memory: await attempt(() => runChild(['src/cli/main.ts', analysis, file, ...options, '--json'], heap)),
        duckdb: await attempt(() =>
          runChild(['src/cli/main.ts', analysis, ...options, '--engine', 'duckdb', '--table', file, '--json'], heap),
        ),
      };
      if (withChdb)
        runs.chdb = await attempt(() =>
          runChild(['src/cli/main.ts', analysis, ...options, '--engine', 'chdb', '--table', file, '--json'], heap),
        );
      console.log(line(size, analysis, runs));
    }
  }
  if (values.parquet !== undefined) {
    const size = Number(values.parquet);
    const parquet = await parquetOf(await generateEvents({ events: size }));
    const spill = mkdtempSync(join(tmpdir(), 'journey-duckdb-spill-'));
    for (const [analysis = '', ...options] of ANALYSES) {
      const duckdbArgs = ['--engine', 'duckdb', '--table', parquet, '--memory-limit', '4GB', '--temp-directory', spill];
      const runs: Record<string, ChildRun | Error> = {
        'duckdb 4GB': await attempt(() =>
          runChild(['src/cli/main.ts', analysis, ...options, ...duckdbArgs, '--json'], heap),
        ),
      };
      if (withChdb)
        runs.chdb = await attempt(() =>
          runChild(['src/cli/main.ts', analysis, ...options, '--engine', 'chdb', '--table', parquet, '--json'], heap),
        );
      console.log(line(size, analysis, runs));
    }
  }
}

await main();
