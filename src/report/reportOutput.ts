/**
 * The output folder of a one-report build, handled so that nothing a user
 * wrote is lost and nothing unscanned is left to publish:
 * - `--out` takes an empty or new folder, or one holding a previous output of
 *   `journey build-report` (its marker file says so); anything else is refused.
 * - The build goes to a fresh sibling folder and replaces the output only when
 *   the privacy scan passed; a failed build removes the previous output too.
 * - The marker records a hash of the report's sources (its content folder and
 *   data folder), so `journey pdf` can tell a build made from current sources.
 *
 * @example
 *   checkOutDir('/repo/data', '/repo'); // throws: not empty, not a build-report output
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { reportContentDir, reportDataDir } from './reportConfig.ts';

/** Written into every completed output of `journey build-report`. */
export const OUTPUT_MARKER = '.journey-build-report.json';

export interface OutputMarker {
  client: string;
  /** sha256 of the report's content and data files when it was built. */
  sources: string;
}

/** Refuses an output folder that holds anything but a previous build-report output. */
export async function checkOutDir(outDir: string, root: string): Promise<void> {
  const inside = relative(outDir, root);
  if (inside === '' || !inside.startsWith('..'))
    throw new Error(`--out ${outDir}: the output folder would hold the project itself; choose a folder inside it`);
  if (!existsSync(outDir)) return;
  const entries = await readdir(outDir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  throw new Error(
    `--out ${relative(root, outDir) || outDir}: the folder is not empty and holds no earlier output of journey build-report (no ${OUTPUT_MARKER}); nothing was changed. Choose a new or empty folder.`,
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** sha256 over every file (path and bytes) of the report's content folder and data folder. */
export async function reportSourcesHash(root: string, client: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of [reportContentDir(root, client), reportDataDir(root, client)]) {
    for (const file of await filesUnder(dir)) {
      hash.update(relative(root, file).split(sep).join('/')).update('\0');
      hash.update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** The marker of a completed output, or null. */
export function readOutputMarker(outDir: string): OutputMarker | null {
  const file = join(outDir, OUTPUT_MARKER);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OutputMarker;
  } catch {
    return null;
  }
}

/** Marks `staging` complete and puts it in place of `outDir` (the old output is removed). */
export async function publishOutput(staging: string, outDir: string, marker: OutputMarker): Promise<void> {
  await writeFile(join(staging, OUTPUT_MARKER), JSON.stringify(marker, null, 2) + '\n');
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}
