#!/usr/bin/env node
// The `journey` bin: runs the CLI compiled to dist-cli/ by scripts/build-cli.mjs
// (npm's `prepare` step). When a source file is newer than that build (a
// developer edited src/), it is rebuilt first, so the command never runs stale code.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function buildIsFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist-cli/inputs.json', root), 'utf8'));
    return inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (!buildIsFresh()) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
const { runCommandLine } = await import(new URL('dist-cli/cli/main.mjs', root).href);
runCommandLine(process.argv.slice(2));
