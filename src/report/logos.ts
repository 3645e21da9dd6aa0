/**
 * Report logos: checked where they are named (scaffold and build), and kept out
 * of other reports' one-report builds. A logo lives in public/logos/ and is
 * named by its site path (`/logos/acme.svg`); it is an SVG, PNG or JPEG, told
 * by its first bytes, not its extension.
 *
 * @example
 *   checkLogo(root, '/logos/acme.svg'); // null, or what is wrong and what to do
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export const LOGO_DIR = 'logos';

/** The image type of a file's first bytes, or null when it is none of SVG, PNG, JPEG. */
export function logoKind(bytes: Uint8Array): 'svg' | 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => bytes[index] === byte)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  // An XML declaration, comments and a doctype may come before the <svg> element.
  const prolog =
    /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;
  return prolog.test(head) ? 'svg' : null;
}

/** What is wrong with the logo `logo` (a site path such as /logos/acme.svg), or null. */
export async function checkLogo(root: string, logo: string): Promise<string | null> {
  const file = join('public', logo);
  if (!logo.startsWith('/') || logo.includes('..'))
    return `logo "${logo}": give its path on the site, under public/ (e.g. /logos/acme.svg)`;
  if (!existsSync(join(root, file))) return `logo ${logo}: there is no file ${file} — put the logo there`;
  if (logoKind(await readFile(join(root, file))) === null)
    return `logo ${logo}: ${file} is not an SVG, PNG or JPEG image (judged by its first bytes) — export the logo as one of those`;
  return null;
}

/**
 * Removes from a build's output every logo no page of it shows: Astro copies all
 * of public/, which holds every client's logo, so a one-report build (or the
 * published-only Pages build) would otherwise ship other clients' logos.
 * Resolves with the site paths removed.
 */
export async function removeUnusedLogos(outDir: string): Promise<string[]> {
  const dir = join(outDir, LOGO_DIR);
  if (!existsSync(dir)) return [];
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const pages = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  const removed: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const sitePath = relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (pages.some((page) => page.includes(`/${sitePath}"`))) continue;
    await rm(join(entry.parentPath, entry.name));
    removed.push('/' + sitePath);
  }
  return removed.sort();
}

/** A scaffold's logo: its site path, and the copy to make when the file was outside public/. */
export type PlacedLogo = { logo: string; copy?: { path: string; copyFrom: string } } | { problem: string };

/**
 * Where `new report --logo GIVEN` puts the logo: a site path under public/
 * (`/logos/acme.svg`) stays as it is; any other file (`brand/acme.png`, relative
 * to `cwd`) is copied to public/logos/<slug>.<ext>. Either way it must be an SVG,
 * PNG or JPEG.
 */
export async function placeLogo(root: string, cwd: string, given: string, slug: string): Promise<PlacedLogo> {
  const publicDir = join(root, 'public');
  if (given.startsWith('/') && existsSync(join(publicDir, given))) {
    const problem = await checkLogo(root, given);
    return problem === null ? { logo: given } : { problem };
  }
  const file = resolve(cwd, given);
  if (!existsSync(file))
    return {
      problem: `logo ${given}: no such file — give the logo file (SVG, PNG or JPEG), or its path under public/ (e.g. /logos/acme.svg)`,
    };
  const kind = logoKind(await readFile(file));
  if (kind === null)
    return {
      problem: `logo ${given}: not an SVG, PNG or JPEG image (judged by its first bytes) — export the logo as one of those`,
    };
  const inPublic = relative(publicDir, file);
  if (!inPublic.startsWith('..') && !isAbsolute(inPublic)) return { logo: '/' + inPublic.split(sep).join('/') };
  const name = `${slug}.${kind === 'jpeg' ? 'jpg' : kind}`;
  return { logo: `/${LOGO_DIR}/${name}`, copy: { path: join(publicDir, LOGO_DIR, name), copyFrom: file } };
}
