/**
 * Data loaders: a report's data file may be produced by a script beside it
 * (`events.csv.ts`, `events.csv.sh`, `orders.json.py` ... writing the file to
 * stdout, e.g. a query against the client's warehouse). The script runs at
 * build time; its output is cached under `.cache/loaders/` by the hash of the
 * script and of the inputs it declares, and re-used until either changes or
 * `refresh` is set (`--refresh`, env `JOURNEY_REFRESH=1`).
 *
 * - Inputs: a line `@inputs a.sql, raw/export.csv` in the script's first 20
 *   lines (in a comment) lists files, relative to the script, that its output
 *   depends on. Other dependencies (a warehouse table) change only with `refresh`.
 * - A failing script (non-zero exit, or killed) fails with its stderr.
 * - Output is written to a temp file and renamed, so a reader never sees half a
 *   file; concurrent requests for one loader in a process share a single run.
 * - File output and logging go through `effects`, so tests capture them.
 *
 * @example
 *   const loaders = createDataLoaders({ root: process.cwd() });
 *   const path = await loaders.resolve('data/reports/acme/events.csv'); // the file, or its loader's cached output
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';

/** Interpreters by the script's own extension (the part after the data file's name). */
const INTERPRETERS: Record<string, (script: string) => [string, string[]]> = {
  '.ts': (script) => [process.execPath, ['--experimental-strip-types', '--no-warnings', script]],
  '.js': (script) => [process.execPath, [script]],
  '.mjs': (script) => [process.execPath, [script]],
  '.sh': (script) => ['sh', [script]],
  '.py': (script) => ['python3', [script]],
};

export const LOADER_EXTENSIONS = Object.keys(INTERPRETERS);

/** Where loader output and logs go; tests pass their own to capture them. */
export interface LoaderEffects {
  log(message: string): void;
  mkdir(path: string): Promise<void>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const defaultLoaderEffects: LoaderEffects = {
  log: (message) => console.log(message),
  mkdir: async (path) => void (await mkdir(path, { recursive: true })),
  writeFile: (path, data) => writeFile(path, data),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
};

export interface DataLoaderOptions {
  /** Project root: targets and the cache are relative to it. */
  root: string;
  /** Cache directory (default `<root>/.cache/loaders`). */
  cacheDir?: string;
  /** Re-run every loader once in this process, cached or not. */
  refresh?: boolean;
  effects?: LoaderEffects;
}

/** A loader that failed: its script, exit status and standard error. */
export class LoaderError extends Error {
  override name = 'LoaderError';
  readonly script: string;
  readonly stderr: string;
  constructor(script: string, reason: string, stderr: string) {
    const tail = stderr.trim().split('\n').slice(-40).join('\n');
    super(`data loader ${script} failed (${reason})${tail ? `:\n${tail}` : ' with no error output'}`);
    this.script = script;
    this.stderr = stderr;
  }
}

export interface DataLoaders {
  /**
   * The path to read for `target` (relative to root or absolute): the file itself
   * when it exists, else the cached output of its loader (run when needed).
   * Throws when neither exists, when both exist, or when the loader fails.
   */
  resolve(target: string): Promise<string>;
  /** The loader script for `target`, or null. */
  loaderOf(target: string): string | null;
  /** What `resolve` would return without running anything: the file, its loader's cached output, or null. */
  peek(target: string): Promise<string | null>;
}

/** Whether `JOURNEY_REFRESH` asks builds to re-run loaders. */
export function refreshFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.JOURNEY_REFRESH === '1' || env.JOURNEY_REFRESH === 'true';
}

export function createDataLoaders(options: DataLoaderOptions): DataLoaders {
  const root = resolve(options.root);
  const cacheDir = resolve(root, options.cacheDir ?? '.cache/loaders');
  const effects = options.effects ?? defaultLoaderEffects;
  const refresh = options.refresh ?? false;
  // One promise per target for the life of the process: shared by concurrent callers,
  // and with `refresh` a loader re-runs once, not once per page that reads it.
  const runs = new Map<string, Promise<string>>();

  function loaderOf(target: string): string | null {
    const path = resolve(root, target);
    const found = LOADER_EXTENSIONS.map((extension) => path + extension).filter((script) => existsSync(script));
    if (found.length > 1) {
      throw new Error(
        `${display(found[0]!)}: several loaders produce ${display(path)} (${found.map(display).join(', ')}) — keep one`,
      );
    }
    return found[0] ?? null;
  }

  function display(path: string): string {
    const inside = relative(root, path);
    return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
  }

  async function resolveTarget(target: string): Promise<string> {
    const path = resolve(root, target);
    const script = loaderOf(path);
    if (existsSync(path)) {
      if (script)
        throw new Error(
          `${display(path)} exists and so does its loader ${display(script)} — remove one, so it is clear which data the report uses`,
        );
      return path;
    }
    if (!script) {
      throw new Error(
        `${display(path)}: no such file and no data loader (${LOADER_EXTENSIONS.map((e) => basename(path) + e).join(', ')}) — copy the data there or write a loader`,
      );
    }
    const cached = await cachePath(path, script);
    if (!refresh && existsSync(cached)) {
      effects.log(`loader ${display(script)}: cached (${display(cached)})`);
      return cached;
    }
    effects.log(`loader ${display(script)}: running`);
    const started = performance.now();
    const output = await runLoader(script, display(script), root);
    await effects.mkdir(dirname(cached));
    const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await effects.writeFile(temp, output);
    await effects.rename(temp, cached);
    const extension = extname(path);
    await removeStale(dirname(cached), basename(path, extension), extension, basename(cached), effects);
    effects.log(
      `loader ${display(script)}: wrote ${output.byteLength} bytes in ${Math.round(performance.now() - started)} ms`,
    );
    return cached;
  }

  async function cachePath(path: string, script: string): Promise<string> {
    const key = await hashLoader(script);
    const extension = extname(path);
    const folder = relative(root, dirname(path)).replace(/^(\.\.[\\/])+/, '');
    return join(cacheDir, folder, `${basename(path, extension)}.${key.slice(0, 16)}${extension}`);
  }

  return {
    loaderOf,
    async peek(target) {
      const path = resolve(root, target);
      if (existsSync(path)) return path;
      const script = loaderOf(path);
      if (!script) return null;
      const cached = await cachePath(path, script);
      return existsSync(cached) ? cached : null;
    },
    resolve(target) {
      const path = resolve(root, target);
      let run = runs.get(path);
      if (!run) {
        run = resolveTarget(path);
        runs.set(path, run);
        // A failure is not cached: the next build (or caller) tries again.
        run.catch(() => runs.delete(path));
      }
      return run;
    },
  };
}

/** The files a script declares with `@inputs`, resolved against its folder. */
export function declaredInputs(script: string, source: string): string[] {
  const lines = source.split(/\r?\n/).slice(0, 20);
  const inputs: string[] = [];
  for (const line of lines) {
    const match = /@inputs\s+(.+)$/.exec(line);
    if (!match) continue;
    for (const name of match[1]!.replace(/\*\/\s*$/, '').split(/[\s,]+/)) {
      if (name) inputs.push(resolve(dirname(script), name));
    }
  }
  return inputs;
}

/** sha256 over the script and each declared input (its path and bytes, or "missing"). */
export async function hashLoader(script: string): Promise<string> {
  const source = await readFile(script);
  const hash = createHash('sha256').update(basename(script)).update('\0').update(source);
  for (const input of declaredInputs(script, source.toString('utf8'))) {
    hash.update('\0').update(basename(input)).update('\0');
    if (existsSync(input)) hash.update(await readFile(input));
    else hash.update('\u0000missing');
  }
  return hash.digest('hex');
}

function runLoader(script: string, name: string, root: string): Promise<Uint8Array> {
  const extension = extname(script);
  const [command, args] = INTERPRETERS[extension]!(script);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: dirname(script),
      env: { ...process.env, JOURNEY_ROOT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new LoaderError(name, `cannot start ${command}: ${error.message}`, stderr)));
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(new Uint8Array(Buffer.concat(chunks)));
      else reject(new LoaderError(name, signal ? `killed by ${signal}` : `exit code ${code}`, stderr));
    });
  });
}

/** Drops earlier cached versions of the same output (other hashes); best effort. */
async function removeStale(
  dir: string,
  stem: string,
  extension: string,
  keep: string,
  effects: LoaderEffects,
): Promise<void> {
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.[0-9a-f]{16}${escapeRegExp(extension)}$`);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) if (name !== keep && pattern.test(name)) await effects.remove(join(dir, name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
