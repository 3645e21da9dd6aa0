#!/usr/bin/env node
// The npm registry reachable here lacks some platform builds that packages list
// as optional dependencies (e.g. a compiler binding for android-arm64). `npm install`
// leaves them out of package-lock.json, and `npm ci` then refuses the lockfile as
// out of sync. This adds a placeholder entry for each such optional package, so
// `npm ci` accepts the lockfile; on install npm skips them as optional (wrong
// platform, or not in the registry). Run after every `npm install` that changes
// the lockfile: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Where Node would find `name` from the package at `from` (a lockfile path), if that copy satisfies `range`. */
function resolve(from, name, range) {
  let dir = from;
  for (;;) {
    const candidate = (dir ? dir + '/' : '') + 'node_modules/' + name;
    if (packages[candidate]) return satisfies(packages[candidate].version, range) ? candidate : null;
    if (!dir) return null;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

// Platform builds are pinned to exact versions; any other range is taken as met
// (this script runs before node_modules exists, so it has no semver library).
function satisfies(version, range) {
  return /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range) ? version === range : true;
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolve(path, name, version)) continue;
    const hoisted = 'node_modules/' + name;
    const target = packages[hoisted] ? `${path}/node_modules/${name}` : hoisted;
    packages[target] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}

// Keep the lockfile's key order stable (npm sorts package paths).
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} placeholder entr${added === 1 ? 'y' : 'ies'} for optional packages`);
