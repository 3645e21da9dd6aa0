#!/usr/bin/env node
// The `journey` bin. The CLI is TypeScript run by Node's type stripping, which
// needs Node >= 22.18: on an older Node, re-run with the project's pinned Node 22.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
let node = process.execPath;
if (major < 22 || (major === 22 && minor < 18)) {
  node = createRequire(import.meta.url).resolve('node/bin/node');
}
const result = spawnSync(node, ['--experimental-strip-types', '--no-warnings', entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
