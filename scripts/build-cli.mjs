#!/usr/bin/env node
// Compiles the `journey` CLI (src/cli/main.ts and what it imports) to
// JavaScript in dist-cli/, so the command starts without stripping TypeScript
// at every run. Run by npm's `prepare` step (so `npm ci` and `npm install`
// build it) and again by bin/journey.mjs whenever a source file is newer than
// the build. esbuild bundles each command into its own chunk, loaded only when
// that command runs; npm packages stay external (loaded from node_modules).
import { cpSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = `${root}dist-cli`;
// The CSV worker is an entry of its own: worker threads load it by path (see parallelCsv.ts).
const ENTRY_POINTS = ['src/cli/main.ts', 'src/analytics/load/csvWorker.ts'];

export async function buildCli() {
  const { build } = await import('esbuild');
  // Built aside and renamed into place, so a concurrent run never sees half a build.
  const staging = `${OUT_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outbase: 'src',
    outdir: staging,
    // Chunks beside the entry (dist-cli/cli/), so paths relative to a module
    // (../../package.json, ./templates/) resolve as they do in src/cli/.
    chunkNames: 'cli/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  cpSync(`${root}src/cli/templates`, `${staging}/cli/templates`, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
  for (const name of readdirSync(`${root}src/cli/templates`)) inputs.push(`src/cli/templates/${name}`);
  inputs.push('scripts/build-cli.mjs');
  writeFileSync(`${staging}/inputs.json`, JSON.stringify({ builtAt: startedAt, inputs }));
  rmSync(OUT_DIR, { recursive: true, force: true });
  try {
    renameSync(staging, OUT_DIR);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another run put its build in place first
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
