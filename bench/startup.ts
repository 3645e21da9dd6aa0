/**
 * Benchmark (not a test): how long the `journey` command takes to start, as
 * wall time of whole processes: `journey --version` and `journey check --help`
 * beside a bare `node -e 0` (the floor no command can beat), alternating,
 * median of --repeat runs, with the node@22 the npm scripts run (the bin
 * refuses older Node). Target (issue 14): `journey --version` under 150 ms.
 *
 * Usage: npm run bench:startup [-- --repeat 15]; also the first lines of `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './runChild.ts';

const BIN = join(ROOT, 'bin/journey.mjs');
const COMMANDS: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'journey --version': [BIN, '--version'],
  'journey check --help': [BIN, 'check', '--help'],
};

function milliseconds(node: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(node, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0)
    throw new Error(`${node} ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function benchStartup(repeat: number): void {
  const node = join(ROOT, 'node_modules/.bin/node');
  // Once each first, so the CLI build (dist-cli/) and the file cache are warm.
  for (const args of Object.values(COMMANDS)) milliseconds(node, args);
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(COMMANDS).map((name) => [name, []]));
  for (let round = 0; round < repeat; round++)
    for (const [name, args] of Object.entries(COMMANDS)) times[name]!.push(milliseconds(node, args));
  const cells = Object.entries(times).map(([name, values]) => `${name} ${median(values).toFixed(0)} ms`);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`start (node ${version}, median of ${repeat}): ${cells.join(', ')}`);
  console.log('target: journey --version under 150 ms');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { repeat: { type: 'string', default: '15' } } });
  benchStartup(Number(values.repeat));
}
