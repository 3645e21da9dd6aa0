/**
 * `journey pdf <client>`: prints a built report (from `journey build-report`)
 * to dist-pdf/<client>.pdf with Chromium, and its other language, if any, to
 * dist-pdf/<client>.<lang>.pdf. The work is src/report/pdf.ts; this file reads
 * the command line and says what was written. `npm run pdf -- <client>` is an alias.
 *
 * @example
 *   journey build-report demo-bank && journey pdf demo-bank --lang zh
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkClient } from '../report/buildReport.ts';
import { printReport } from '../report/pdf.ts';
import { findTodos, todoMessage } from '../report/todos.ts';
import { EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, UsageError, type Command } from './command.ts';

const help = `Usage: journey pdf <client> [options]

Prints the built report (journey build-report <client>) to dist-pdf/<client>.pdf
(A4, cover, contents, page numbers); its other language, if any, to
dist-pdf/<client>.<lang>.pdf. Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH).

Options:
  --lang zh|en   print only this language
  --draft        print even while <Todo> placeholders remain
  --site DIR     the built site (default dist-report/<client>)
  --out DIR      where the PDFs go (default dist-pdf)
  --base PATH    the base path the site was built under (default /)
  --root DIR     project folder (default the working directory)
  -h, --help     show this help

Exit codes: 0 printed, 1 printing failed or placeholders remain, 2 usage errors or no such report.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        draft: { type: 'boolean' },
        site: { type: 'string' },
        out: { type: 'string' },
        base: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const pdfCommand: Command = {
  name: 'pdf',
  help,
  async run(argv, io) {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(help);
      return EXIT_OK;
    }
    const [client, ...extra] = positionals;
    if (client === undefined || extra.length > 0) throw new UsageError('give exactly one report name');
    const lang = values.lang;
    if (lang !== undefined && lang !== 'zh' && lang !== 'en') {
      io.stderr(`journey pdf: --lang must be zh or en, not "${lang}"`);
      return EXIT_USAGE;
    }
    const root = resolve(io.cwd, values.root ?? '.');
    const problem = values.site ? null : checkClient(root, client);
    if (problem) {
      io.stderr(`journey pdf: ${problem}`);
      return EXIT_USAGE;
    }
    const todos = values.draft ? [] : await findTodos(root, client);
    if (todos.length) {
      io.stderr(`journey pdf: ${todoMessage(todos, 'print')}`);
      return EXIT_DATA_ERROR;
    }
    try {
      const files = await printReport({
        root,
        client,
        siteDir: values.site,
        outDir: values.out,
        base: values.base,
        lang,
      });
      for (const file of files) io.stdout(`journey pdf: wrote ${file}`);
      return EXIT_OK;
    } catch (error) {
      io.stderr(`journey pdf: ${(error as Error).message}`);
      return EXIT_DATA_ERROR;
    }
  },
};

export default pdfCommand;
