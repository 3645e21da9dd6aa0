/**
 * Benchmark (not a test): our compiled CLI against DuckDB on the same generated CSV,
 * end to end from the file, each in its own child process: funnel, paths and
 * retention, and chdb's windowFunnel for the funnel when chdb is installed;
 * the sides alternate, --repeat rounds, and the median counts. Checks ours and
 * DuckDB give the same result and prints wall time, peak memory (the child's
 * maxRSS) and the ratios ours / DuckDB and ours / chdb.
 *
 * It starts with the start-up times of bench/startup.ts.
 *
 * Usage: npm run bench [-- --sizes 100000,1000000,10000000 --repeat 3]
 */
import { parseArgs } from 'node:util';
import { loadChdb } from '../src/engines/runners/chdb.ts';
import { generateEvents } from './generate-events.ts';
import { runChild, type ChildRun } from './runChild.ts';
import { benchStartup } from './startup.ts';

const FUNNEL_STEPS = 'visit,view_product,add_to_cart,checkout,purchase';
const FUNNEL_WINDOW_SECONDS = 14 * 86_400;

interface Case {
  analysis: 'funnel' | 'paths' | 'retention';
  cliArgs: string[];
  spec: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    analysis: 'funnel',
    cliArgs: ['--steps', FUNNEL_STEPS, '--window', '14d'],
    spec: { steps: FUNNEL_STEPS, window: '14d' },
  },
  { analysis: 'paths', cliArgs: [], spec: {} },
  { analysis: 'retention', cliArgs: ['--period', 'week'], spec: { period: 'week' } },
];

/** Means may differ in the last bits (summation order); compare them to 12 significant digits. */
function canonical(json: string): string {
  return JSON.stringify(JSON.parse(json), (key, value: unknown) =>
    key === 'mean_seconds_from_previous' && typeof value === 'number' ? Number(value.toPrecision(12)) : value,
  );
}

const pad = (text: string, width: number) => text.padStart(width);

async function main() {
  // Our side runs the compiled CLI, as `journey` does (built fresh here).
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, repeat: { type: 'string', default: '3' } } });
  const sizes = (values.sizes ?? '100000,1000000,10000000').split(',').map(Number);
  const repeat = Number(values.repeat);
  benchStartup(Math.max(repeat, 9));
  const withChdb = loadChdb() !== null;
  if (!withChdb) console.log('chdb is not installed (npm install chdb): its columns show -');
  console.log('size        analysis   ours s  ours MB  duckdb s  duckdb MB  ours/duckdb  chdb s  ours/chdb  same');
  for (const size of sizes) {
    const file = await generateEvents({ events: size });
    const heap = size >= 5_000_000 ? 3500 : 1500;
    const label = pad(size.toLocaleString('en-US'), 10);
    try {
      const phases = await runChild(['bench/analysisPhases.ts', file], heap);
      const phaseSeconds = JSON.parse(phases.output) as Record<string, number>;
      const breakdown = Object.entries(phaseSeconds)
        .map(([phase, time]) => `${phase} ${time.toFixed(2)} s`)
        .join(', ');
      console.log(`${label}   ours in one process: ${breakdown} (peak ${phases.peakMegabytes.toFixed(0)} MB)`);
    } catch (error) {
      console.log(`${label}   ours in one process: failed: ${(error as Error).message}`);
    }
    for (const testCase of CASES) {
      const ourArgs = ['dist-cli/cli/main.mjs', testCase.analysis, file, ...testCase.cliArgs, '--json'];
      const duckArgs = ['bench/duckdbRun.ts', testCase.analysis, file, JSON.stringify(testCase.spec)];
      // chdb has windowFunnel for funnels only; paths and retention are compared with DuckDB.
      const chdbArgs =
        withChdb && testCase.analysis === 'funnel'
          ? ['bench/chdbFunnelRun.ts', file, FUNNEL_STEPS, String(FUNNEL_WINDOW_SECONDS)]
          : undefined;
      const ours: ChildRun[] = [];
      const duck: ChildRun[] = [];
      const chdb: ChildRun[] = [];
      try {
        // Alternating in one run, so machine load falls on every side alike.
        for (let round = 0; round < repeat; round++) {
          ours.push(await runChild(ourArgs, heap));
          duck.push(await runChild(duckArgs, heap));
          if (chdbArgs) chdb.push(await runChild(chdbArgs, heap));
        }
      } catch (error) {
        console.log(`${label}   ${testCase.analysis}: failed: ${(error as Error).message}`);
        continue;
      }
      const ourRun = median(ours);
      const duckRun = median(duck);
      const chdbRun = chdb.length > 0 ? median(chdb) : undefined;
      const same = canonical(ourRun.output) === canonical(duckRun.output);
      console.log(
        [
          label,
          ' ',
          testCase.analysis.padEnd(9),
          pad(ourRun.seconds.toFixed(2), 7),
          pad(ourRun.peakMegabytes.toFixed(0), 8),
          pad(duckRun.seconds.toFixed(2), 9),
          pad(duckRun.peakMegabytes.toFixed(0), 10),
          pad((ourRun.seconds / duckRun.seconds).toFixed(2), 11),
          pad(chdbRun ? chdbRun.seconds.toFixed(2) : '-', 7),
          pad(chdbRun ? (ourRun.seconds / chdbRun.seconds).toFixed(2) : '-', 10),
          same ? '  yes' : '  NO',
        ].join(' '),
      );
    }
  }
  console.log(
    `targets at 1M: ours/duckdb <= 1.00 for each analysis, ours/chdb <= 1.50 for the funnel; median of ${repeat} alternating runs`,
  );
}

/** The run with the median time (machine noise on a shared box). */
function median(runs: ChildRun[]): ChildRun {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

await main();
