#!/usr/bin/env node
// The `journey` bin: runs the CLI compiled to dist-cli/ by scripts/build-cli.mjs
// (npm's `prepare` step). When a source file is newer than that build (a
// developer edited src/), it is rebuilt first, so the command never runs stale code.
// Commands that load data run with Node's heap sized to the machine (three
// quarters of its memory) instead of the default of about 4 GB.
// `journey --version` reads package.json only: it skips both, to start fast.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const argv = process.argv.slice(2);

// Astro and the report commands need Node 22.12 (fs.glob, require of ES modules): say so
// plainly instead of failing halfway with a missing export. npm scripts and npx run the
// node@22 the project installs.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `journey: needs Node 22.12 or later, and this is Node ${process.versions.node}. ` +
      'Run it as `npm run journey -- <command>` or `npx journey <command>` in the project, ' +
      'which use the Node 22 that `npm install` put in node_modules.\n',
  );
  process.exit(2);
}
const MiB = 1024 * 1024;

function buildIsFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist-cli/inputs.json', root), 'utf8'));
    return inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

function isBuilt() {
  try {
    return statSync(new URL('dist-cli/cli/main.mjs', root)).isFile();
  } catch {
    return false;
  }
}

/** Re-runs this bin with a larger heap when a data command would get less than the machine allows. */
async function runWithSizedHeap() {
  const [command] = argv;
  if (command === undefined || command.startsWith('-') || command === 'help' || argv.includes('--help')) return;
  if (process.env.JOURNEY_HEAP_SIZED === '1') return;
  const [{ spawnSync }, { totalmem }, { fileURLToPath }, { getHeapStatistics }] = await Promise.all([
    import('node:child_process'),
    import('node:os'),
    import('node:url'),
    import('node:v8'),
  ]);
  const wanted = Math.floor((totalmem() * 0.75) / MiB);
  if (getHeapStatistics().heap_size_limit / MiB >= wanted * 0.95) return;
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${wanted}`, fileURLToPath(import.meta.url), ...argv],
    { stdio: 'inherit', env: { ...process.env, JOURNEY_HEAP_SIZED: '1' } },
  );
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}

// The version comes from package.json, not from the build: any build will do.
const versionOnly = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v');
if (!(versionOnly ? isBuilt() : buildIsFresh())) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
await runWithSizedHeap();
const { runCommandLine } = await import(new URL('dist-cli/cli/main.mjs', root).href);
runCommandLine(argv);
