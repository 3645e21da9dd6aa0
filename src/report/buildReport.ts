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
import { relative, resolve } from 'node:path';
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
  process.env.JOURNEY_ROOT = root;
  process.env.JOURNEY_REPORT = options.client;
  process.env.JOURNEY_PLAYBOOK = options.playbook === false ? '0' : '1';
  if (options.refresh) process.env.JOURNEY_REFRESH = '1';
  if (options.base) process.env.BASE = options.base;
  if (options.site) process.env.SITE = options.site;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.chdir(root);
  const { build } = await import('astro');
  await build({
    root,
    outDir,
    cacheDir: resolve(root, '.cache/astro-report', options.client),
    mode: 'production',
  });
  return outDir;
}

<<<<<<< HEAD
=======
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'no-playbook': { type: 'boolean' },
        refresh: { type: 'boolean' },
        out: { type: 'string' },
        base: { type: 'string' },
        site: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`build:report: ${(error as Error).message}\n\n${BUILD_REPORT_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(BUILD_REPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`build:report: give exactly one report name\n\n${BUILD_REPORT_HELP}`);
    return 2;
  }
  const root = resolve(values.root ?? process.cwd());
  const client = positionals[0]!;
  const problem = checkClient(root, client);
  if (problem) {
    console.error(`build:report: ${problem}`);
    return 2;
  }
  try {
    const outDir = await buildReport({
      root,
      client,
      playbook: !values['no-playbook'],
      refresh: values.refresh,
      outDir: values.out,
      base: values.base,
      site: values.site,
    });
    console.log(`build:report: ${client} built into ${outDir}`);
    return 0;
  } catch (error) {
    console.error(`build:report: ${client} failed:\n${(error as Error).message}${whereOf(error, root)}`);
    return 1;
  }
}

>>>>>>> strict
/** Where Astro says an error is (a frontmatter YAML error only says "bad indentation" otherwise). */
export function errorLocation(error: unknown, root: string): string {
  const loc = (error as { loc?: { file?: string; line?: number; column?: number } }).loc;
  if (!loc?.file) return '';
  return `\n  in ${relative(root, loc.file)}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}`;
}
