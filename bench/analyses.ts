/**
 * Benchmark (not a test): our compiled CLI against DuckDB on the same generated CSV,
 * end to end from the file, each in its own child process: funnel, paths and
 * retention. Checks both give the same result and prints wall time, peak
 * memory (the child's maxRSS) and the ratio ours / DuckDB.
 *
 * Usage: npm run bench [-- --sizes 100000,1000000,10000000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateEvents } from './generate-events.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const RSS_HOOK = join(ROOT, 'bench/reportRss.mjs');
const FUNNEL_STEPS = 'visit,view_product,add_to_cart,checkout,purchase';

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

interface Run {
  output: string;
  seconds: number;
  peakMegabytes: number;
}

function runChild(args: string[], heapMegabytes: number): Promise<Run> {
  const directory = mkdtempSync(join(tmpdir(), 'journey-bench-'));
  const rssFile = join(directory, 'rss');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      NODE,
      [
        `--max-old-space-size=${heapMegabytes}`,
        '--import',
        RSS_HOOK,
        '--experimental-strip-types',
        '--no-warnings',
        ...args,
      ],
      { cwd: ROOT, env: { ...process.env, JOURNEY_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      let peakKilobytes = NaN;
      try {
        peakKilobytes = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // The child died before its exit hook ran.
      }
      rmSync(directory, { recursive: true, force: true });
      if (code !== 0) {
        reject(new Error(`${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString().slice(-2000)}`));
        return;
      }
      resolve({ output: Buffer.concat(out).toString(), seconds, peakMegabytes: peakKilobytes / 1024 });
    });
  });
}

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
  const { values } = parseArgs({ options: { sizes: { type: 'string' } } });
  const sizes = (values.sizes ?? '100000,1000000,10000000').split(',').map(Number);
  console.log('size        analysis   ours s  ours MB  duckdb s  duckdb MB  ratio  same');
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
      let ours: Run;
      let duck: Run;
      try {
        ours = await runChild(['dist-cli/cli/main.mjs', testCase.analysis, file, ...testCase.cliArgs, '--json'], heap);
        duck = await runChild(['bench/duckdbRun.ts', testCase.analysis, file, JSON.stringify(testCase.spec)], heap);
      } catch (error) {
        console.log(`${label}   ${testCase.analysis}: failed: ${(error as Error).message}`);
        continue;
      }
      const same = canonical(ours.output) === canonical(duck.output);
      console.log(
        [
          pad(size.toLocaleString('en-US'), 10),
          ' ',
          testCase.analysis.padEnd(9),
          pad(ours.seconds.toFixed(2), 7),
          pad(ours.peakMegabytes.toFixed(0), 8),
          pad(duck.seconds.toFixed(2), 9),
          pad(duck.peakMegabytes.toFixed(0), 10),
          pad((ours.seconds / duck.seconds).toFixed(2), 6),
          same ? '  yes' : '  NO',
        ].join(' '),
      );
    }
  }
}

await main();
