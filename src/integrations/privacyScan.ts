/**
 * The post-build privacy guard (spec §10): after `astro build`, every file of
 * the output (its path, and the text of every file that is text, whatever its
 * extension, `.gz` and gzip-compressed Pagefind fragments decompressed first)
 * is scanned for the customer ids of every report's data (data/reports/<client>/,
 * built in this run or not); one id found fails the build. The rules are in
 * src/report/findLeaks.ts; ids that are words of the product's own text
 * (src/, the playbook, public/) are not scanned, so an id like "purchase" does
 * not fail every build. Ids are printed masked, so the error itself does not
 * leak them into a public CI log.
 *
 * @example
 *   // astro.config.mjs
 *   integrations: [mdx(), privacyScan()],
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadEvents } from '../analytics/load/load.ts';
import { createDataLoaders } from '../report/dataLoaders.ts';
import { createIdMatcher, findLeaks, isSingleRun, unescapeText, type IdMatcher } from '../report/findLeaks.ts';
import { maskId } from '../report/maskIds.ts';
import { DEMO_DIR } from './demoDownloads.ts';
import { readReportConfig, REPORT_DATA_DIR, REPORT_CONFIG_FILE } from '../report/reportConfig.ts';

/** Files that are never text: only their path is scanned. */
export const BINARY_EXTENSIONS = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.ico',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.pdf',
  '.wasm',
]);

/** The product's own files in every output (Pagefind's runtime): only their path is scanned. */
export const PRODUCT_FILES = /^pagefind\/(?:pagefind[\w.-]*\.(?:js|css)|wasm\.[\w-]+\.pagefind)$/;

/** Largest decompressed size read from a gzip file (a bomb is reported, not expanded). */
const MAX_GUNZIP_BYTES = 512 * 1024 * 1024;

export interface Leak {
  /** Output file, relative to the output folder. */
  file: string;
  /** The report whose data holds the id. */
  report: string;
  id: string;
  /** 1-based line and column of the first occurrence in the file ('path' when in the file name). */
  where: string;
}

export interface IdsByReport {
  ids: Map<string, Set<string>>;
  /** Why some report data could not be read (it is then not scanned). */
  notes: string[];
}

/** The customer ids of every report under `root`, read from data files and cached loader output (nothing is run). */
export async function customerIdsByReport(root: string): Promise<IdsByReport> {
  const ids = new Map<string, Set<string>>();
  const notes: string[] = [];
  const dataDir = join(root, REPORT_DATA_DIR);
  if (!existsSync(dataDir)) return { ids, notes };
  const loaders = createDataLoaders({ root });
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !existsSync(join(dataDir, entry.name, REPORT_CONFIG_FILE))) continue;
    const slug = entry.name;
    let config;
    try {
      config = await readReportConfig(root, slug);
    } catch (error) {
      notes.push((error as Error).message);
      continue;
    }
    const set = new Set<string>();
    for (const source of [...config.sources, ...config.other_sources]) {
      const target = `${REPORT_DATA_DIR}/${slug}/${source.path}`;
      const path = await loaders.peek(target).catch(() => null);
      if (!path) {
        notes.push(`${target}: not scanned (no file, and its loader has not run in this project)`);
        continue;
      }
      try {
        // skipInvalid: the ids of valid rows are still ids to protect.
        const { table } = await loadEvents(path, { map: source.map, tz: source.tz, skipInvalid: true });
        const column = table.array('customer_id') as ArrayLike<unknown>;
        for (let row = 0; row < column.length; row++) set.add(String(column[row]));
      } catch (error) {
        notes.push(`${target}: not scanned (${(error as Error).message.split('\n')[0]})`);
      }
    }
    ids.set(slug, set);
  }
  return { ids, notes };
}

/** The folders whose text is the product's own (never a client's data). */
export const PRODUCT_TEXT_DIRS = ['src', 'content/playbook', 'public', 'data/demo', 'data/gallery'];
const PRODUCT_TEXT_FILE = /\.(?:ts|astro|mdx?|json|ya?ml|css|txt|svg)$/;

/** The words of the product's own text, and a test for ids that are among them. */
export async function productWords(root: string): Promise<(id: string) => boolean> {
  const words = new Set<string>();
  const texts: string[] = [];
  for (const dir of PRODUCT_TEXT_DIRS) {
    const path = join(root, dir);
    if (!existsSync(path)) continue;
    for (const file of await listFiles(path)) {
      if (!PRODUCT_TEXT_FILE.test(file)) continue;
      const text = await readFile(file, 'utf8');
      texts.push(text);
      for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
    }
  }
  const all = texts.join('\n');
  return (id) =>
    isSingleRun(id)
      ? words.has(id)
      : /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+$/u.test(id) && all.includes(id);
}

export { maskId };

/**
 * A file's text, or null when it is not text: gzip (by magic number, whatever the
 * extension) is decompressed; text is what decodes as UTF-8 without NUL bytes.
 */
export function textOf(bytes: Buffer): string | null {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data, { maxOutputLength: MAX_GUNZIP_BYTES });
    } catch {
      return null;
    }
  }
  if (data.includes(0)) return null;
  return data.toString('utf8');
}

function position(text: string, id: string): string {
  let at = text.indexOf(id);
  if (at < 0) {
    text = unescapeText(text);
    at = text.indexOf(id);
  }
  if (at < 0) return '?';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `${line}:${at - before.lastIndexOf('\n')}`;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The output's copies of the public demo data (demoDownloads.ts): files under
 * data/demo/ byte-identical to the project's data/demo/ file of the same name.
 * Demo logs are invented and published on purpose, even where a demo report
 * reads them; anything else holding their ids is still a leak.
 */
export async function publicDemoCopies(root: string, outDir: string): Promise<Set<string>> {
  const copies = new Set<string>();
  const served = join(outDir, DEMO_DIR);
  if (!existsSync(served)) return copies;
  for (const entry of await readdir(served, { withFileTypes: true })) {
    const original = join(root, DEMO_DIR, entry.name);
    if (!entry.isFile() || !existsSync(original)) continue;
    const [copy, source] = await Promise.all([readFile(join(served, entry.name)), readFile(original)]);
    if (copy.equals(source)) copies.add(`${DEMO_DIR}/${entry.name}`);
  }
  return copies;
}

/** Every leak of any report's ids in the files under `outDir` (but the output files named in `exempt`). */
export async function scanOutput(
  outDir: string,
  ids: Map<string, Set<string>>,
  isProductWord?: (id: string) => boolean,
  exempt: ReadonlySet<string> = new Set(),
): Promise<{ leaks: Leak[]; files: number; unscanned: number }> {
  const matchers = new Map<string, IdMatcher>();
  let unscanned = 0;
  for (const [report, set] of ids) {
    const matcher = createIdMatcher(set, { isProductWord });
    unscanned += matcher.unscanned.length;
    matchers.set(report, matcher);
  }
  const leaks: Leak[] = [];
  const files = await listFiles(outDir);
  for (const file of files) {
    const name = relative(outDir, file).split(sep).join('/');
    if (exempt.has(name)) continue;
    const skip = BINARY_EXTENSIONS.has(extname(file).toLowerCase()) || PRODUCT_FILES.test(name);
    const text = skip ? '' : (textOf(await readFile(file)) ?? '');
    for (const [report, matcher] of matchers) {
      for (const id of findLeaks(name, matcher)) leaks.push({ file: name, report, id, where: 'path' });
      if (text)
        for (const id of findLeaks(text, matcher)) leaks.push({ file: name, report, id, where: position(text, id) });
    }
  }
  return { leaks, files: files.length, unscanned };
}

/** The build error: which files hold which (masked) ids of which report. */
export function formatLeaks(leaks: Leak[], limit = 30): string {
  const lines = leaks
    .slice(0, limit)
    .map((leak) => `  ${leak.file}:${leak.where}: customer id ${maskId(leak.id)} of report "${leak.report}"`);
  if (leaks.length > limit) lines.push(`  ... ${leaks.length - limit} more`);
  return [
    `privacy scan: ${leaks.length} customer id${leaks.length === 1 ? '' : 's'} found in the built site (spec §10: the site holds aggregates only).`,
    ...lines,
    'Publish aggregates instead (counts, rates, suppressed below k); never list customers, rows or ids on a page, in a table or in a chart.',
  ].join('\n');
}

/** Written into the output when the scan passed; an output without it was not scanned (or failed). */
export const SCAN_STAMP = '.journey-privacy-scan.json';

/** Whether the output in `outDir` passed the privacy scan (its stamp is there). */
export function scanPassed(outDir: string): boolean {
  return existsSync(join(outDir, SCAN_STAMP));
}

/** Removes everything in `outDir` (the folder stays): a failed build leaves nothing to publish. */
async function emptyOutput(outDir: string): Promise<void> {
  for (const entry of await readdir(outDir)) await rm(join(outDir, entry), { recursive: true, force: true });
}

export interface PrivacyScanOptions {
  /** Where the ids come from (tests inject their own); default: every report's data under the project root. */
  ids?: (root: string) => Promise<IdsByReport>;
}

export function privacyScan(options: PrivacyScanOptions = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'journey-kit:privacy-scan',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const outDir = fileURLToPath(dir);
        await rm(join(outDir, SCAN_STAMP), { force: true });
        const { ids, notes } = await (options.ids ?? customerIdsByReport)(root);
        for (const note of notes) logger.warn(note);
        const { leaks, files, unscanned } = await scanOutput(
          outDir,
          ids,
          await productWords(root),
          await publicDemoCopies(root, outDir),
        );
        const total = [...ids.values()].reduce((sum, set) => sum + set.size, 0);
        if (unscanned > 0)
          logger.warn(
            `${unscanned} customer ids were not scanned: too short to tell apart from numbers and words (rule: 4+ characters, 6+ digits, or 2+ Chinese characters) or words of the product's own text`,
          );
        if (leaks.length > 0) {
          await emptyOutput(outDir);
          throw new Error(
            `${formatLeaks(leaks)}\nThe output folder ${relative(root, outDir) || '.'}/ was emptied: nothing of this build can be published.`,
          );
        }
        await writeFile(
          join(outDir, SCAN_STAMP),
          JSON.stringify({ passed: true, files, reports: ids.size, ids: total }, null, 2) + '\n',
        );
        logger.info(
          `no customer id in ${files} files (${total} ids of ${ids.size} report${ids.size === 1 ? '' : 's'} checked)`,
        );
      },
    },
  };
}

export default privacyScan;
