/**
 * Benchmark (not a test): the same analyses in memory, on DuckDB and on chdb,
 * side by side from one generated file, each run as `journey <analysis>
 * [--engine E --table FILE] --json` in its own process: wall time, peak memory
 * and whether the results are the same (floats to 12 digits). With --parquet N,
 * N events as Parquet on DuckDB within --memory-limit 4GB (spilling to a temp
 * directory) and on chdb; the in-memory engine is left out at that size.
 *
 * The N-event Parquet, when N is ten times a size whose CSV exists (or is
 * generated), is that log ten times over rather than a new log (the generator
 * would take about 50 minutes for 100M events): DuckDB writes ten disjoint
 * copies, customer ids suffixed `-0`..`-9`, in the CSV's row order, straight to
 * Parquet. Every count is then exactly ten times the smaller log's and every
 * rate, median and mean equal; the bench checks this independently against the
 * smaller size's in-memory result when --sizes includes it ("10x of 10M: yes").
 *
 * Usage: npm run bench:engines [-- --sizes 10000000] [-- --parquet 100000000]
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/**
 * Parquet of `copies` disjoint copies of the generated CSV, written by DuckDB
 * (cached beside it). UNION ALL keeps each copy in the CSV's row order
 * (DuckDB preserves insertion order), so file row numbers settle ties as the
 * CSV's line numbers do.
 */
async function parquetOf(csv: string, copies: number, parquet: string): Promise<string> {
  if (existsSync(parquet)) return parquet;
  const spill = mkdtempSync(join(tmpdir(), 'journey-parquet-'));
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '4GB', temp_directory: spill });
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE log AS SELECT * FROM read_csv('${csv}', header = true)`);
  const copy = (k: number) =>
    copies === 1
      ? 'SELECT * FROM log'
      : `SELECT customer_id || '-${k}' AS customer_id, * EXCLUDE (customer_id) FROM log`;
  const union = Array.from({ length: copies }, (_, k) => copy(k)).join(' UNION ALL ');
  const temporary = `${parquet}.${process.pid}.tmp`;
  await connection.run(`COPY (${union}) TO '${temporary}' (FORMAT parquet)`);
  connection.closeSync();
  renameSync(temporary, parquet);
  rmSync(spill, { recursive: true, force: true });
  return parquet;
}

/** Counts scaled by `factor`; rates, medians and means as they are. */
const SCALED_KEYS = new Set([
  'customers',
  'sessions',
  'dropped',
  'size',
  'counts',
  'purchases',
  'buyers',
  'revenue',
  'gaps',
]);
function scaledCounts(json: string, factor: number): string {
  const scale = (value: unknown): unknown =>
    typeof value === 'number' ? value * factor : Array.isArray(value) ? value.map(scale) : value;
  return JSON.stringify(JSON.parse(json), (key, value: unknown) => (SCALED_KEYS.has(key) ? scale(value) : value));
}

/** Why a run failed: its exit code and the last line it printed, or a kill by the system. */
function failure(error: Error): string {
  const [, exit = error.message] = error.message.split(' exited ');
  const [code = '', ...printed] = exit.trim().split(': ');
  const last = printed.join(': ').trim().split('\n').at(-1) ?? '';
  return `exit ${code}${last === '' ? '' : `: ${last.slice(0, 160)}`}`;
}

function line(size: number, analysis: string, runs: Record<string, ChildRun | Error>, tenfold = ''): string {
  const outputs = Object.values(runs).filter((run): run is ChildRun => !(run instanceof Error));
  const same = outputs.every((run) => canonical(run.output) === canonical(outputs[0]?.output ?? '{}'));
  const cells = Object.entries(runs).map(([engine, run]) =>
    run instanceof Error
      ? `${engine} failed (${failure(run)})`
      : `${engine} ${run.seconds.toFixed(1)} s ${run.peakMegabytes.toFixed(0)} MB`,
  );
  return `${size.toLocaleString('en-US').padStart(11)}  ${analysis.padEnd(9)} ${cells.join('  |  ')}  same: ${same ? 'yes' : 'NO'}${tenfold}`;
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
  // The in-memory results by size and analysis: the reference of the tenfold Parquet.
  const reference = new Map<string, string>();
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
      const memory = runs.memory;
      if (memory !== undefined && !(memory instanceof Error)) reference.set(`${size} ${analysis}`, memory.output);
      console.log(line(size, analysis, runs));
    }
  }
  if (values.parquet !== undefined) {
    const size = Number(values.parquet);
    const base = size % 10 === 0 ? size / 10 : size;
    const csv = await generateEvents({ events: base });
    const parquet = await parquetOf(csv, size / base, join(dirname(csv), `events-${size}.parquet`));
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
      const smaller = reference.get(`${base} ${analysis}`);
      const duckdb = runs['duckdb 4GB'];
      const tenfold =
        base === size || smaller === undefined || duckdb instanceof Error || duckdb === undefined
          ? ''
          : `  10x of ${base / 1_000_000}M: ${canonical(scaledCounts(smaller, size / base)) === canonical(duckdb.output) ? 'yes' : 'NO'}`;
      console.log(line(size, analysis, runs, tenfold));
    }
    rmSync(spill, { recursive: true, force: true });
  }
}

await main();
