/**
 * Runs one data-loader script with bounded cost: its stdout streams into a
 * file on disk (never into memory) up to a size limit, only the tail of its
 * stderr is kept, and it is killed (with everything it started) when it runs
 * past its timeout. The loader cache (dataLoaders.ts) decides when to run it.
 *
 * @example
 *   const bytes = await runLoader({ script, name: 'events.csv.sh', root, output: '/tmp/x.tmp', timeoutSeconds: 600 });
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { dirname, extname } from 'node:path';

/** Interpreters by the script's own extension (the part after the data file's name). */
export const INTERPRETERS: Record<string, (script: string) => [string, string[]]> = {
  '.ts': (script) => [process.execPath, ['--experimental-strip-types', '--no-warnings', script]],
  '.js': (script) => [process.execPath, [script]],
  '.mjs': (script) => [process.execPath, [script]],
  '.sh': (script) => ['sh', [script]],
  '.py': (script) => ['python3', [script]],
};

/** Default time a loader may run. */
export const DEFAULT_LOADER_TIMEOUT_SECONDS = 600;
/** Default cap on a loader's output; past it the loader is stopped. */
export const DEFAULT_LOADER_MAX_BYTES = 4 * 1024 ** 3;
/** How much of a loader's stderr is kept for its error message. */
const STDERR_TAIL_BYTES = 64 * 1024;
const STDERR_TAIL_LINES = 40;

/** A loader that failed: its script, why, and the last lines of its standard error. */
export class LoaderError extends Error {
  override name = 'LoaderError';
  readonly script: string;
  readonly stderr: string;
  constructor(script: string, reason: string, stderr: string) {
    const tail = lastLines(stderr, STDERR_TAIL_LINES);
    super(`data loader ${script} failed (${reason})${tail ? `:\n${tail}` : ' with no error output'}`);
    this.script = script;
    this.stderr = tail;
  }
}

export interface RunLoaderOptions {
  script: string;
  /** How messages name the script (relative to the project). */
  name: string;
  root: string;
  /** The file stdout is written to (created or truncated). */
  output: string;
  timeoutSeconds: number;
  maxBytes?: number;
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}

/** A human duration for messages: 90 -> "1m 30s". */
export function formatTimeout(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  if (minutes === 0) return `${rest}s`;
  return rest === 0 ? `${minutes}m` : `${minutes}m ${rest}s`;
}

/** Runs the script; resolves with the bytes written to `output`, rejects with a LoaderError. */
export function runLoader(options: RunLoaderOptions): Promise<number> {
  const { script, name, root, output, timeoutSeconds } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_LOADER_MAX_BYTES;
  const interpreter = INTERPRETERS[extname(script)];
  if (!interpreter) return Promise.reject(new LoaderError(name, `no interpreter for ${extname(script)}`, ''));
  const [command, args] = interpreter(script);
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so a timeout also stops what the script started (a `sleep`, a `cat`).
    const child = spawn(command, args, {
      cwd: dirname(script),
      env: { ...process.env, JOURNEY_ROOT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const file = createWriteStream(output);
    let bytes = 0;
    let stderr = '';
    let failure: string | null = null;
    const stop = (reason: string) => {
      failure ??= reason;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onExit = () => stop('interrupted');
    process.once('exit', onExit);
    const timer = setTimeout(
      () =>
        stop(
          `timed out after ${formatTimeout(timeoutSeconds)}; raise loader_timeout in report.json or JOURNEY_LOADER_TIMEOUT if it needs longer`,
        ),
      timeoutSeconds * 1000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        stop(`its output passed ${maxBytes} bytes, the limit (JOURNEY_LOADER_MAX_BYTES)`);
        return;
      }
      if (!file.write(chunk)) {
        child.stdout.pause();
        file.once('drain', () => child.stdout.resume());
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > 2 * STDERR_TAIL_BYTES) stderr = stderr.slice(-STDERR_TAIL_BYTES);
    });
    child.on('error', (error) => stop(`cannot start ${command}: ${error.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.removeListener('exit', onExit);
      file.end(() => {
        if (failure) reject(new LoaderError(name, failure, stderr));
        else if (code === 0) resolvePromise(bytes);
        else reject(new LoaderError(name, signal ? `killed by ${signal}` : `exit code ${code}`, stderr));
      });
    });
  });
}
