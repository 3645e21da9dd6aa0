/**
 * Builds a site holding one report alone (and the playbook unless
 * --no-playbook) into `dist-report/<client>/`: the other reports are never
 * loaded (JOURNEY_REPORT filters the content collection), so no other client's
 * name, data or page can be in it. The privacy scan runs as in every build.
 *
 * The build runs in this process with its own Astro cache folder
 * (`.cache/astro-report/<client>/`), so it does not disturb the content cache
 * of a full `npm run build`. The command line is `journey build-report`
 * (src/cli/buildReport.ts); this module logs nothing and resolves with the
 * output folder.
 *
 * @example
 *   const outDir = await buildReport({ root: process.cwd(), client: 'demo-bank', playbook: false });
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { scanPassed } from '../integrations/privacyScan.ts';
import { checkOutDir, publishOutput, readOutputMarker, reportSourcesHash } from './reportOutput.ts';
import { cleanUpOnInterrupt } from './stagedFiles.ts';
import { clientSlugSchema, REPORT_CONTENT_DIR, reportContentDir } from './reportConfig.ts';

export interface BuildReportOptions {
  root: string;
  client: string;
  playbook?: boolean;
  refresh?: boolean;
  outDir?: string;
  base?: string;
  site?: string;
}

/** The default output folder of a one-report build. */
export function reportOutDir(root: string, client: string): string {
  return resolve(root, 'dist-report', client);
}

/** Checks the client name and that its report exists; returns an error message or null. */
export function checkClient(root: string, client: string): string | null {
  const slug = clientSlugSchema.safeParse(client);
  if (!slug.success) return `"${client}": ${slug.error.issues[0]!.message}`;
  if (!existsSync(reportContentDir(root, client))) {
    return `no report "${client}": ${REPORT_CONTENT_DIR}/${client}/ does not exist — scaffold it with \`npm run journey -- new report ${client}\``;
  }
  return null;
}

/** Builds one report; resolves with the output folder, rejects when the build fails. */
export async function buildReport(options: BuildReportOptions): Promise<string> {
  const root = resolve(options.root);
  const problem = checkClient(root, options.client);
  if (problem) throw new Error(problem);
  const outDir = resolve(root, options.outDir ?? reportOutDir(root, options.client));
  await checkOutDir(outDir, root);
  const sources = await reportSourcesHash(root, options.client);
  // A fresh sibling folder: the output is replaced only once the build and its privacy scan passed.
  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(dirname(staging), { recursive: true });
  process.env.JOURNEY_ROOT = root;
  process.env.JOURNEY_REPORT = options.client;
  process.env.JOURNEY_PLAYBOOK = options.playbook === false ? '0' : '1';
  if (options.refresh) process.env.JOURNEY_REFRESH = '1';
  if (options.base) process.env.BASE = options.base;
  if (options.site) process.env.SITE = options.site;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.chdir(root);
  const { build } = await import('astro');
  const release = cleanUpOnInterrupt(() => [staging]);
  try {
    await build({
      root,
      outDir: staging,
      cacheDir: resolve(root, '.cache/astro-report', options.client),
      mode: 'production',
    });
    if (!scanPassed(staging)) throw new Error('the privacy scan did not run on this build');
    await publishOutput(staging, outDir, { client: options.client, sources });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Nothing of a report whose build failed stays publishable, not even an earlier output.
    if (readOutputMarker(outDir)) await rm(outDir, { recursive: true, force: true });
    (error as Error).message +=
      `\nNothing was published: ${relative(root, outDir) || outDir}/ holds no output of this report until a build passes.`;
    throw error;
  } finally {
    release();
  }
  return outDir;
}

/** Where Astro says an error is (a frontmatter YAML error only says "bad indentation" otherwise). */
export function errorLocation(error: unknown, root: string): string {
  const loc = (error as { loc?: { file?: string; line?: number; column?: number } }).loc;
  if (!loc?.file) return '';
  return `\n  in ${relative(root, loc.file)}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}`;
}
