/**
 * Data loaders: a report's data file may be produced by a script beside it
 * (`events.csv.ts`, `events.csv.sh`, `orders.json.py` ... writing the file to
 * stdout, e.g. a query against the client's warehouse). The script runs at
 * build time; its output is cached under `.cache/loaders/` by the hash of the
 * script and of the inputs it declares, and re-used until either changes or
 * `refresh` is set (`--refresh`, env `JOURNEY_REFRESH=1`).
 *
 * - Inputs: a line `@inputs a.sql, raw/*.csv` in the script's first 20
 *   lines (in a comment) lists files or globs, relative to the script, that its
 *   output depends on; one that names nothing is an error (never a stale cache).
 *   Other dependencies (a warehouse table) change only with `refresh`.
 * - A failing script (non-zero exit, killed, past its timeout or output limit)
 *   fails with the last lines of its stderr (runLoader.ts).
 * - Output streams to a temp file and is renamed, so a reader never sees half a
 *   file; concurrent requests for one loader in a process share a single run.
 * - File output and logging go through `effects`, so tests capture them.
 *
 * @example
 *   const loaders = createDataLoaders({ root: process.cwd() });
 *   const path = await loaders.resolve('data/reports/acme/events.csv'); // the file, or its loader's cached output
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { glob, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseDurationSeconds } from '../analytics/duration.ts';
import { MAX_LOADER_TIMEOUT_SECONDS } from './reportConfig.ts';
import {
  DEFAULT_LOADER_MAX_BYTES,
  DEFAULT_LOADER_TIMEOUT_SECONDS,
  INTERPRETERS,
  LoaderError,
  runLoader,
  type RunLoaderOptions,
} from './runLoader.ts';

export { LoaderError };
export const LOADER_EXTENSIONS = Object.keys(INTERPRETERS);

/** Where loader output and logs go; tests pass their own to capture them. */
export interface LoaderEffects {
  log(message: string): void;
  mkdir(path: string): Promise<void>;
  /** Runs the loader with its stdout streamed into `options.output`; resolves with the bytes written. */
  run(options: RunLoaderOptions): Promise<number>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const defaultLoaderEffects: LoaderEffects = {
  log: (message) => console.log(message),
  mkdir: async (path) => void (await mkdir(path, { recursive: true })),
  run: runLoader,
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
};

/**
 * A loader's timeout in seconds: `JOURNEY_LOADER_TIMEOUT` when set, else the
 * report's `loader_timeout` (a duration: "10m", "90s", or seconds; at most 7d), else 10 minutes.
 */
export function loaderTimeoutSeconds(configured?: string | number, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.JOURNEY_LOADER_TIMEOUT;
  if (fromEnv !== undefined && fromEnv !== '')
    return positive(parseDurationSeconds(fromEnv, 'JOURNEY_LOADER_TIMEOUT', MAX_LOADER_TIMEOUT_SECONDS));
  if (configured !== undefined)
    return positive(parseDurationSeconds(configured, 'loader_timeout', MAX_LOADER_TIMEOUT_SECONDS));
  return DEFAULT_LOADER_TIMEOUT_SECONDS;
}

function positive(seconds: number): number {
  if (seconds > 0) return seconds;
  throw new Error('a loader timeout must be longer than 0 seconds');
}

/** The output cap: `JOURNEY_LOADER_MAX_BYTES` when set, else 4 GiB. */
export function loaderMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.JOURNEY_LOADER_MAX_BYTES);
  return env.JOURNEY_LOADER_MAX_BYTES && Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_LOADER_MAX_BYTES;
}

export interface DataLoaderOptions {
  /** Project root: targets and the cache are relative to it. */
  root: string;
  /** Cache directory (default `<root>/.cache/loaders`). */
  cacheDir?: string;
  /** Re-run every loader once in this process, cached or not. */
  refresh?: boolean;
  effects?: LoaderEffects;
}

export interface DataLoaders {
  /**
   * The path to read for `target` (relative to root or absolute): the file itself
   * when it exists, else the cached output of its loader (run when needed).
   * Throws when neither exists, when both exist, or when the loader fails.
   * `timeoutSeconds` bounds a run (default: loaderTimeoutSeconds()).
   */
  resolve(target: string, options?: { timeoutSeconds?: number }): Promise<string>;
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

  async function resolveTarget(target: string, timeoutSeconds: number): Promise<string> {
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
    await effects.mkdir(dirname(cached));
    const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let bytes: number;
    try {
      bytes = await effects.run({
        script,
        name: display(script),
        root,
        output: temp,
        timeoutSeconds,
        maxBytes: loaderMaxBytes(),
      });
    } catch (error) {
      await effects.remove(temp);
      throw error;
    }
    await effects.rename(temp, cached);
    const extension = extname(path);
    await removeStale(dirname(cached), basename(path, extension), extension, basename(cached), effects);
    effects.log(`loader ${display(script)}: wrote ${bytes} bytes in ${Math.round(performance.now() - started)} ms`);
    return cached;
  }

  async function cachePath(path: string, script: string): Promise<string> {
    const key = await hashLoader(script, display);
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
    resolve(target, runOptions) {
      const path = resolve(root, target);
      let run = runs.get(path);
      if (!run) {
        run = resolveTarget(path, runOptions?.timeoutSeconds ?? loaderTimeoutSeconds());
        runs.set(path, run);
        // A failure is not cached: the next build (or caller) tries again.
        run.catch(() => runs.delete(path));
      }
      return run;
    },
  };
}

/** The names (files or globs) a script declares with `@inputs`, resolved against its folder. */
export function declaredInputs(script: string, source: string): string[] {
  const lines = source.split(/\r?\n/).slice(0, 20);
  const inputs: string[] = [];
  for (const line of lines) {
    const match = /@inputs\s+(.+)$/.exec(line);
    if (!match?.[1]) continue;
    for (const name of match[1].replace(/\*\/\s*$/, '').split(/[\s,]+/)) {
      if (name) inputs.push(resolve(dirname(script), name));
    }
  }
  return inputs;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

/** The files an `@inputs` entry names: itself, or what its glob matches (sorted). */
async function inputFiles(input: string): Promise<string[]> {
  if (!GLOB_CHARACTERS.test(input)) return existsSync(input) ? [input] : [];
  const found: string[] = [];
  for await (const path of glob(input)) found.push(resolve(path));
  return found.sort();
}

/**
 * sha256 over the script and each declared input's files (path and bytes).
 * An input that names nothing, or names something other than a regular file
 * (a folder, `/dev/zero`), is an error: hashing it would cache stale output or never end.
 */
export async function hashLoader(script: string, display: (path: string) => string = (path) => path): Promise<string> {
  const source = await readFile(script);
  const hash = createHash('sha256').update(basename(script)).update('\0').update(source);
  for (const input of declaredInputs(script, source.toString('utf8'))) {
    const files = await inputFiles(input);
    if (files.length === 0)
      throw new Error(
        `${display(script)}: @inputs names ${display(input)}, which ${GLOB_CHARACTERS.test(input) ? 'matches no file' : 'does not exist'} — fix the name or remove it from @inputs`,
      );
    for (const file of files) {
      if (!(await stat(file)).isFile())
        throw new Error(`${display(script)}: @inputs names ${display(file)}, which is not a regular file`);
      hash
        .update('\0')
        .update(relative(dirname(script), file))
        .update('\0');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    }
  }
  return hash.digest('hex');
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
