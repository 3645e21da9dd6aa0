/**
 * Runs a benchmark step as its own Node process and measures it: wall time and
 * peak resident memory (maxRSS, native memory of DuckDB or chdb included),
 * written by bench/reportRss.mjs when the child exits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const RSS_HOOK = join(ROOT, 'bench/reportRss.mjs');

export interface ChildRun {
  output: string;
  seconds: number;
  peakMegabytes: number;
}

export function runChild(args: string[], heapMegabytes: number): Promise<ChildRun> {
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
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      let peakKilobytes = NaN;
      try {
        peakKilobytes = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // The child died before its exit hook ran.
      }
      rmSync(directory, { recursive: true, force: true });
      if (code !== 0)
        reject(new Error(`${args.join(' ')} exited ${code ?? signal}: ${Buffer.concat(err).toString().slice(-2000)}`));
      else resolve({ output: Buffer.concat(out).toString(), seconds, peakMegabytes: peakKilobytes / 1024 });
    });
  });
}
