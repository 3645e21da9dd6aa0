/**
 * Writing several files so that an interruption leaves the old state or the
 * new one, never half: every file is first written (or copied) to a temporary
 * name beside its target, and only when all are complete are they renamed into
 * place. A failure, or Ctrl-C (SIGINT/SIGTERM) while staging, removes the
 * temporary files and writes nothing.
 *
 * @example
 *   await writeStaged([
 *     { path: 'data/reports/acme/report.json', text: '{...}' },
 *     { path: 'data/reports/acme/events.csv', copyFrom: '/exports/events.csv' },
 *   ]);
 */
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type StagedFile = { path: string; text: string } | { path: string; copyFrom: string };

/** A temporary name beside `path` (same folder, so the rename is atomic). */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * Removes `paths` if the process is interrupted (SIGINT, SIGTERM) before
 * `release` is called, then dies of the same signal, as the shell expects.
 * (Re-raising, not `process.exit`: exit would wait for a copy stuck in Node's
 * thread pool.)
 */
export function cleanUpOnInterrupt(paths: () => string[]): () => void {
  const handler = (signal: NodeJS.Signals) => {
    release();
    for (const path of paths()) rmSync(path, { recursive: true, force: true });
    process.stderr.write('\ninterrupted: nothing was written\n', () => process.kill(process.pid, signal));
  };
  const release = () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return release;
}

/** Writes every file, all or nothing (see the module comment). */
export async function writeStaged(files: StagedFile[]): Promise<void> {
  const staged: [string, string][] = [];
  const release = cleanUpOnInterrupt(() => staged.map(([temp]) => temp));
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = tempNameFor(file.path);
      staged.push([temp, file.path]);
      if ('text' in file) await writeFile(temp, file.text);
      else await copyFile(file.copyFrom, temp);
    }
    for (const [temp, path] of staged) await rename(temp, path);
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  } finally {
    release();
  }
}
