/**
 * Golden SVG files, the way Observable Plot tests its marks: the SVG is
 * normalised (numbers rounded to 2 decimals, generated ids renumbered, one
 * element per line) and compared with test/output/<name>.svg. A mismatch
 * writes <name>-changed.svg beside it (gitignored) and fails. A missing golden
 * is written on a developer's first run, and the run says so; under CI it fails,
 * since a golden written there would compare the chart with itself.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUTPUT_DIR = fileURLToPath(new URL('../output/', import.meta.url));

/** Rounds every decimal number, renumbers ids (and references to them), one tag per line. */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  svg.replace(/\bid="([^"]+)"/g, (_, id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size + 1}`);
    return '';
  });
  let text = svg.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (number) => {
    const rounded = Math.round(Number(number) * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
  for (const [id, renumbered] of ids)
    text = text.replaceAll(`"${id}"`, `"${renumbered}"`).replaceAll(`#${id})`, `#${renumbered})`);
  return text.replace(/></g, '>\n<') + '\n';
}

/** Whether the tests run in CI (`CI=true`, as GitHub Actions and most CI services set it). */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export interface GoldenOptions {
  /** Where the golden files are (default test/output/). */
  outputDir?: string;
  /** Fail on a missing golden instead of writing it (default: under CI). */
  ci?: boolean;
}

/** Compares an SVG with its golden file; returns a message to fail with, or null. */
export async function checkGolden(name: string, svg: string, options: GoldenOptions = {}): Promise<string | null> {
  const outputDir = options.outputDir ?? OUTPUT_DIR;
  await mkdir(outputDir, { recursive: true });
  const expectedFile = join(outputDir, `${name}.svg`);
  const changedFile = join(outputDir, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  if (!existsSync(expectedFile)) {
    if (options.ci ?? isCI()) {
      return `test/output/${name}.svg is missing: run the test outside CI to write it, look at it, then commit it`;
    }
    await writeFile(expectedFile, actual);
    console.warn(`[golden] wrote missing golden test/output/${name}.svg; look at it, then commit it`);
    return null;
  }
  const expected = await readFile(expectedFile, 'utf8');
  if (expected === actual) {
    if (existsSync(changedFile)) await unlink(changedFile);
    return null;
  }
  await writeFile(changedFile, actual);
  return `${name}.svg differs from its golden file: see test/output/${name}-changed.svg (replace the golden if the change is intended)`;
}
