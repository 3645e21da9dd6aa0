/**
 * Golden SVG files, the way Observable Plot tests its marks: the SVG is
 * normalised (numbers rounded to 2 decimals, generated ids renumbered, one
 * element per line) and compared with test/output/<name>.svg. A mismatch
 * writes <name>-changed.svg beside it (gitignored) and fails; a missing golden
 * is written on first run, and the run says so.
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

/** Compares an SVG with its golden file; returns a message to fail with, or null. */
export async function checkGolden(name: string, svg: string): Promise<string | null> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const expectedFile = join(OUTPUT_DIR, `${name}.svg`);
  const changedFile = join(OUTPUT_DIR, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  if (!existsSync(expectedFile)) {
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
