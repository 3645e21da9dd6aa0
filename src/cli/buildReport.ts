/**
 * `journey build-report <client>`: builds a site holding one report alone (and
 * the playbook unless --no-playbook) into dist-report/<client>/. The work is
 * src/report/buildReport.ts; this file reads the command line and says what
 * happened. `npm run build:report -- <client>` is an alias.
 *
 * @example
 *   journey build-report demo-bank --no-playbook
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport, checkClient, errorLocation } from '../report/buildReport.ts';
import { readReportConfig } from '../report/reportConfig.ts';
import { findTodos, todoMessage } from '../report/todos.ts';
import { EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, UsageError, type Command } from './command.ts';

const help = `Usage: journey build-report <client> [options]

Builds a site with the report content/reports/<client>/ alone (plus the playbook)
into dist-report/<client>/.

Options:
  --no-playbook   leave the playbook out: only the report (and the home and 404 pages)
  --draft         build even while <Todo> placeholders remain (they show highlighted)
  --refresh       re-run the report's data loaders even when their cache is fresh
  --out DIR       output folder (default dist-report/<client>)
  --base PATH     base path the site is served under (default /)
  --site URL      the site's canonical origin (default report.json "site")
  --root DIR      project folder (default the working directory)
  -h, --help      show this help

Exit codes: 0 built, 1 the build failed or placeholders remain, 2 usage errors or no such report.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'no-playbook': { type: 'boolean' },
        draft: { type: 'boolean' },
        refresh: { type: 'boolean' },
        out: { type: 'string' },
        base: { type: 'string' },
        site: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const buildReportCommand: Command = {
  name: 'build-report',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(help);
      return EXIT_OK;
    }
    const [client, ...extra] = positionals;
    if (client === undefined || extra.length > 0) throw new UsageError('give exactly one report name');
    const root = resolve(io.cwd, values.root ?? '.');
    const problem = checkClient(root, client);
    if (problem) {
      io.stderr(`journey build-report: ${problem}`);
      return EXIT_USAGE;
    }
    const todos = values.draft ? [] : await findTodos(root, client);
    if (todos.length) {
      io.stderr(`journey build-report: ${todoMessage(todos, 'build')}`);
      return EXIT_DATA_ERROR;
    }
    try {
      const outDir = await buildReport({
        root,
        client,
        playbook: !values['no-playbook'],
        refresh: values.refresh,
        outDir: values.out,
        base: values.base,
        // The client's site's canonical URL: --site, else report.json "site".
        site: values.site ?? (await readReportConfig(root, client).catch(() => null))?.site,
      });
      io.stdout(`journey build-report: ${client} built into ${outDir}`);
      return EXIT_OK;
    } catch (error) {
      io.stderr(`journey build-report: ${client} failed:\n${(error as Error).message}${errorLocation(error, root)}`);
      return EXIT_DATA_ERROR;
    }
  },
};

export default buildReportCommand;
