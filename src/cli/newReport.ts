/**
 * `journey new report <client>`: scaffolds a client report from a fresh
 * export. Checks the data exactly as `journey check` does (and refuses on any
 * error), proposes the funnel steps from the most common event sequence, and
 * writes content/reports/<client>/index.mdx (the report, in zh or en) and
 * data/reports/<client>/ (report.json, the data files, a journey-map and an
 * opportunity list to fill in). An existing report is never overwritten
 * without --force.
 *
 * @example
 *   journey new report acme-bank --lang zh --name 示例银行 --data exports/开户.csv --map customer_id=客户编号 --tz Asia/Shanghai
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ColumnTable } from '../analytics/events.ts';
import { unreadOptionalColumns } from '../analytics/load/columnMapping.ts';
import { formatIssues, type Issue } from '../analytics/load/issues.ts';
import { proposeSteps } from '../analytics/analyses/proposeSteps.ts';
import { NUMBER_FORMATS, type NumberFormat } from '../analytics/load/formattedNumber.ts';
import { timeZoneProblem } from '../analytics/timeZone.ts';
import { concatEvents } from '../report/openReport.ts';
import { missingQuestion } from '../report/checkSettings.ts';
import { placeLogo } from '../report/logos.ts';
import { chooseSessionGap, DEFAULT_SESSION_GAP } from '../report/sessionGap.ts';
import { writeStaged } from '../report/stagedFiles.ts';
import {
  clientSlugSchema,
  DEFAULT_BRAND,
  parseReportConfig,
  REPORT_CONFIG_FILE,
  reportContentDir,
  reportDataDir,
  type ReportConfigInput,
} from '../report/reportConfig.ts';
import { EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, UsageError, type Command } from './command.ts';
import { checkCommand, loadInDirectory, parseColumnMap } from './options.ts';
import { journeyMapStarter, opportunitiesStarter, reportPage } from './reportStarters.ts';
import type { Lang } from '../i18n/locales.ts';

const help = `Usage: journey new report <client> [options]

Scaffolds a client report: content/reports/<client>/index.mdx (the report) and
data/reports/<client>/ (report.json with the data sources, column mapping, time
zone, k, brand and funnel steps; the data files; journey-map.yaml and
opportunities.json to fill in). The data is checked as \`journey check\` does:
any error stops the scaffold. The funnel steps are proposed from the most common
event sequence; edit them in report.json ("funnel": {"steps": [...]}).

Options:
  --lang zh|en          language of the report (default zh); on an existing report,
                        adds that language's page with the same figures
  --data FILE           an event log to copy into the report (repeatable)
  --survey FILE         a survey export, its own source (kind "survey"; repeatable):
                        its rows feed satisfaction and drivers, never the funnel
  --survey-map MAP      the preceding --survey's columns, e.g. customer_id=客户编号,
                        event=问题,csat=评分,nps=推荐意愿,comment=意见 (no timestamp needed)
  --journey-question Q  the preceding --survey's journey-level question (e.g. 整体满意度):
                        the report then shows the driver matrix
  --map NAME=COLUMN,... column mapping of the data, e.g. --map customer_id=客户编号
  --tz ZONE             time zone of timestamps without offset (default UTC)
  --skip-invalid        skip invalid rows (written as the source's "skip_invalid")
  --dedupe              drop exact duplicate rows (written as "dedupe")
  --excel-dates         numbers in the timestamp column are Excel date serials
  --number-format F     read 1,234.56-style numbers in format 1,234.56 or 1.234,56
  --sheet NAME          the sheet of .xlsx workbooks (default: the first)
  --name TEXT           the client's name as printed (default <client>)
  --currency CODE       ISO 4217 code of money figures (default CNY)
  --brand #RRGGBB       brand colour of the report's headings and charts (default ${DEFAULT_BRAND})
  --logo PATH           logo (SVG, PNG or JPEG): under public/, e.g. /logos/acme.svg,
                        or a file elsewhere, copied to public/logos/<client>.<ext>
  --window DURATION     funnel window (default 14d; at most 3650d)
  --date YYYY-MM-DD     report date (default today)
  --force               overwrite the files the scaffold writes when they exist
  --root DIR            project folder (default the working directory)
  -h, --help            show this help

Exit codes: 0 scaffolded, 1 data errors (nothing written), 2 usage errors or the
report exists already (nothing written; add --force to overwrite).

Example:
  npm run journey -- new report acme-bank --name 示例银行 --data exports/开户.csv \\
    --map customer_id=客户编号,timestamp=时间,event=事件 --tz Asia/Shanghai`;

interface Parsed {
  slug: string;
  lang: Lang;
  /** --lang was given: on an existing report, adds that language's page. */
  langGiven: boolean;
  data: string[];
  /** Survey files, each with the --survey-map options that followed it. */
  surveys: { file: string; map: Record<string, string>; journeyQuestion?: string }[];
  map: Record<string, string>;
  tz: string;
  /** Source settings written to report.json and used to read the data now. */
  cleaning: { skip_invalid?: true; dedupe?: true; excel_dates?: true; number_format?: NumberFormat; sheet?: string };
  name: string;
  nameGiven: boolean;
  currency: string;
  brand: string;
  logo: string | null;
  window: string;
  date: string;
  force: boolean;
  root: string;
}

function parse(argv: string[], cwd: string): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: {
        survey: { type: 'string', multiple: true },
        'survey-map': { type: 'string', multiple: true },
        'journey-question': { type: 'string', multiple: true },
        lang: { type: 'string' },
        data: { type: 'string', multiple: true },
        map: { type: 'string', multiple: true },
        tz: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        dedupe: { type: 'boolean' },
        'excel-dates': { type: 'boolean' },
        'number-format': { type: 'string' },
        sheet: { type: 'string' },
        name: { type: 'string' },
        brand: { type: 'string' },
        currency: { type: 'string' },
        logo: { type: 'string' },
        window: { type: 'string' },
        date: { type: 'string' },
        force: { type: 'boolean' },
        root: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals, tokens } = parsed;
  // Each --survey-map belongs to the --survey before it.
  const surveys: { file: string; mapSpecs: string[]; journeyQuestion?: string }[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'survey') surveys.push({ file: token.value, mapSpecs: [] });
    if (token.name === 'survey-map') {
      const last = surveys[surveys.length - 1];
      if (!last) throw new UsageError('--survey-map must follow the --survey FILE it maps');
      last.mapSpecs.push(token.value);
    }
    if (token.name === 'journey-question') {
      const last = surveys[surveys.length - 1];
      if (!last) throw new UsageError('--journey-question must follow the --survey FILE it belongs to');
      last.journeyQuestion = token.value;
    }
  }
  const [kind, slug, ...extra] = positionals;
  if (kind !== 'report')
    throw new UsageError(
      kind === undefined
        ? 'what to create? e.g. journey new report acme-bank'
        : `cannot create "${kind}": only "report" (journey new report <client>)`,
    );
  if (slug === undefined) throw new UsageError('missing the report name, e.g. journey new report acme-bank');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')} (give data files with --data FILE)`);
  const slugCheck = clientSlugSchema.safeParse(slug);
  if (!slugCheck.success) throw new UsageError(`bad report name "${slug}": ${slugCheck.error.issues[0]!.message}`);
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${lang}"`);
  const tz = values.tz ?? 'UTC';
  const zoneProblem = timeZoneProblem(tz);
  if (zoneProblem) throw new UsageError(`--tz: ${zoneProblem}`);
  const cleaning: Parsed['cleaning'] = {};
  if (values['skip-invalid'] === true) cleaning.skip_invalid = true;
  if (values.dedupe === true) cleaning.dedupe = true;
  if (values['excel-dates'] === true) cleaning.excel_dates = true;
  const numberFormat = values['number-format'];
  if (numberFormat !== undefined) {
    if (!(NUMBER_FORMATS as readonly string[]).includes(numberFormat))
      throw new UsageError(`--number-format "${numberFormat}": expected ${NUMBER_FORMATS.join(' or ')}`);
    cleaning.number_format = numberFormat as NumberFormat;
  }
  if (values.sheet !== undefined) cleaning.sheet = values.sheet;
  const brand = values.brand ?? DEFAULT_BRAND;
  if (!/^#[0-9a-fA-F]{6}$/.test(brand))
    throw new UsageError(`--brand must be a hex colour like #0b5cad, not "${brand}"`);
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new UsageError(`--date must be YYYY-MM-DD, not "${date}"`);
  const data = values.data ?? [];
  const names = [...data, ...surveys.map((survey) => survey.file)].map((file) => basename(file));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate)
    throw new UsageError(`two --data files are named ${duplicate}: rename one, they are copied into one folder`);
  if (names.includes(REPORT_CONFIG_FILE)) throw new UsageError(`a data file cannot be named ${REPORT_CONFIG_FILE}`);
  const currency = values.currency ?? 'CNY';
  if (!/^[A-Z]{3}$/.test(currency))
    throw new UsageError(`--currency must be an ISO 4217 code like CNY or EUR, not "${currency}"`);
  return {
    slug,
    lang,
    langGiven: values.lang !== undefined,
    data,
    surveys: surveys.map((survey) => ({
      file: survey.file,
      map: parseColumnMap(survey.mapSpecs),
      journeyQuestion: survey.journeyQuestion,
    })),
    map: parseColumnMap(values.map ?? []),
    tz,
    cleaning,
    name: values.name ?? slug,
    nameGiven: values.name !== undefined,
    currency,
    brand,
    logo: values.logo ?? null,
    window: values.window ?? '14d',
    date,
    force: values.force === true,
    root: resolve(cwd, values.root ?? '.'),
  };
}

/** The event whose rows most often carry a value, else the last funnel step. */
function purchaseEventOf(table: ColumnTable | null, steps: string[]): string {
  const fallback = steps[steps.length - 1]?.split('|')[0] ?? 'purchase';
  if (!table || !table.columnNames().includes('value')) return fallback;
  const events = table.array('event') as ArrayLike<string>;
  const values = table.array('value') as ArrayLike<number | null>;
  const counts = new Map<string, number>();
  for (let row = 0; row < events.length; row++)
    if (values[row] !== null && values[row] !== undefined)
      counts.set(events[row]!, (counts.get(events[row]!) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [event, count] of counts) if (count > bestCount) [best, bestCount] = [event, count];
  return best;
}

/**
 * `new report <client> --lang en` on a zh report (or the reverse): writes the
 * other language's page `<lang>.mdx` with the same figures and links the two
 * pages. Returns the file written, or null when there is nothing to add (the
 * report is in that language already, or the page exists).
 */
async function addTranslation(args: Parsed, indexFile: string, configFile: string): Promise<string | null> {
  const config = parseReportConfig(JSON.parse(await readFile(configFile, 'utf8')), configFile);
  const pageFile = join(dirname(indexFile), `${args.lang}.mdx`);
  if (config.lang === args.lang || existsSync(pageFile)) return null;
  const index = await readFile(indexFile, 'utf8');
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(index);
  if (!frontmatter || /^translation:/m.test(frontmatter[1]!)) return null;
  const client = args.nameGiven ? args.name : config.client;
  const linked = `---\n${frontmatter[1]}\ntranslation: ${args.lang}\n---`;
  await writeStaged([
    {
      path: pageFile,
      text: await reportPage({
        ...args,
        client,
        brand: config.brand,
        logo: config.logo,
        pageLines: "\ntranslation: ''\norder: 1",
      }),
    },
    { path: indexFile, text: linked + index.slice(frontmatter[0].length) },
  ]);
  return pageFile;
}

const newCommand: Command = {
  name: 'new',
  help,
  async run(argv, io) {
    const args = parse(argv, io.cwd);
    const contentDir = reportContentDir(args.root, args.slug);
    const dataDir = reportDataDir(args.root, args.slug);
    const indexFile = join(contentDir, 'index.mdx');
    const configFile = join(dataDir, REPORT_CONFIG_FILE);
    const journeyMapFile = join(dataDir, 'journey-map.yaml');
    const opportunitiesFile = join(dataDir, 'opportunities.json');
    const dataFiles = [...args.data, ...args.surveys.map((survey) => survey.file)].map((file) => ({
      path: join(dataDir, basename(file)),
      copyFrom: resolve(io.cwd, file),
    }));
    const placed = args.logo === null ? null : await placeLogo(args.root, io.cwd, args.logo, args.slug);
    if (placed && 'problem' in placed) {
      io.stderr(`journey new report: ${placed.problem}; nothing was written`);
      return EXIT_USAGE;
    }
    const logo = placed?.logo ?? null;
    if (placed?.copy) dataFiles.push(placed.copy);
    // Every file the scaffold would write: any of them existing stops it, so nothing hand-written is lost.
    const targets = [indexFile, configFile, journeyMapFile, opportunitiesFile, ...dataFiles.map((file) => file.path)];
    const existing = targets.filter((file) => existsSync(file));
    if (existsSync(indexFile) && existsSync(configFile) && !args.force && args.langGiven) {
      const added = await addTranslation(args, indexFile, configFile);
      if (added) {
        io.stdout(
          `Added the ${args.lang} page of "${args.slug}": ${relative(io.cwd, added) || added} (the same figures; write its text, every <Todo>).`,
        );
        return EXIT_OK;
      }
    }
    if (existing.length && !args.force) {
      io.stderr(
        [
          `journey new report: ${existing.length === 1 ? 'a file' : `${existing.length} files`} the scaffold would write exist${existing.length === 1 ? 's' : ''} already; nothing was written:`,
          ...existing.map((file) => `  ${relative(args.root, file)}`),
          'Edit them, choose another report name, or add --force to overwrite exactly these files.',
        ].join('\n'),
      );
      return EXIT_USAGE;
    }

    // The same reading and validation as `journey check`, on every file, before anything is written.
    const tables: ColumnTable[] = [];
    // Optional columns the data names in a usual way (渠道 for channel): written into each source's map.
    const proposedMaps = new Map<string, Record<string, string>>();
    const errors: Issue[] = [];
    let totalErrors = 0;
    for (const file of args.data) {
      const { cleaning } = args;
      const loadOptions = {
        map: args.map,
        tz: args.tz,
        skipInvalid: cleaning.skip_invalid,
        dedupe: cleaning.dedupe,
        excelDates: cleaning.excel_dates,
        numberFormat: cleaning.number_format,
        sheet: cleaning.sheet,
      };
      const { result, error } = await loadInDirectory(file, loadOptions, io.cwd);
      if (error) {
        errors.push(...error.issues);
        totalErrors += error.total;
      } else {
        tables.push(result!.table);
        const { found, mapped } = result!.summary.columns;
        const proposed = unreadOptionalColumns(found, mapped);
        proposedMaps.set(file, proposed);
        for (const [name, column] of Object.entries(proposed))
          io.stderr(
            `journey new report: ${basename(file)}: mapped ${name}=${column} (a usual name for ${name}); remove it from "map" in report.json if that is wrong`,
          );
        const warnings = result!.summary.warnings.length;
        if (warnings > 0)
          io.stderr(
            `journey new report: ${warnings} warning${warnings === 1 ? '' : 's'} about ${file}; run \`${checkCommand(file, loadOptions)}\` to see them`,
          );
      }
    }
    for (const survey of args.surveys) {
      const { error, result } = await loadInDirectory(
        survey.file,
        { map: survey.map, tz: args.tz, timestampOptional: true },
        io.cwd,
      );
      if (error) {
        errors.push(...error.issues);
        totalErrors += error.total;
      } else if (result && survey.journeyQuestion !== undefined) {
        const questions = new Set(Array.from(result.table.array('event') as ArrayLike<string>));
        const problem = missingQuestion(survey.journeyQuestion, survey.file, questions);
        if (problem) {
          io.stderr(`journey new report: --journey-question ${problem} (nothing was written)`);
          return EXIT_USAGE;
        }
      }
    }
    if (totalErrors > 0) {
      io.stderr(formatIssues(errors, totalErrors));
      io.stderr(
        `journey new report: the data has errors; nothing was written. Fix them (see \`journey check <file>\`) and run again.`,
      );
      return EXIT_DATA_ERROR;
    }

    const table = tables.length ? concatEvents(tables) : null;
    let steps = table ? proposeSteps(table, { maxSteps: 6 }) : [];
    if (steps.length < 2) steps = args.lang === 'zh' ? ['第一步', '第二步'] : ['first_step', 'second_step'];
    const config: ReportConfigInput = {
      client: args.name,
      lang: args.lang,
      brand: args.brand,
      logo,
      k: 5,
      sources: [
        ...(args.data.length ? args.data : ['events.csv']).map((file) => ({
          path: basename(file),
          map: { ...args.map, ...proposedMaps.get(file) },
          tz: args.tz,
          ...args.cleaning,
        })),
        ...args.surveys.map((survey) => ({
          path: basename(survey.file),
          kind: 'survey' as const,
          map: survey.map,
          tz: args.tz,
          ...(survey.journeyQuestion !== undefined && { journey_question: survey.journeyQuestion }),
        })),
      ],
      currency: args.currency,
      funnel: { steps, window: args.window },
      paths: { session_gap: table ? chooseSessionGap(table, steps) : DEFAULT_SESSION_GAP, depth: 5 },
      purchase_event: purchaseEventOf(table, steps),
    };
    parseReportConfig(config, configFile); // the schema is the contract: never write a config it rejects

    const mdx = await reportPage({ ...args, client: args.name, logo, pageLines: '' });
    // Data copied and text written under temporary names, renamed into place only when all are complete.
    await writeStaged([
      ...dataFiles,
      { path: indexFile, text: mdx },
      { path: configFile, text: JSON.stringify(config, null, 2) + '\n' },
      { path: journeyMapFile, text: journeyMapStarter(steps, args.lang) },
      { path: opportunitiesFile, text: opportunitiesStarter() },
    ]);

    const shown = (path: string) => relative(io.cwd, path) || '.';
    if (placed?.copy) io.stderr(`journey new report: copied the logo ${args.logo} to ${shown(placed.copy.path)}`);
    io.stdout(
      [
        `Scaffolded the report "${args.slug}" (${args.lang}):`,
        `  ${shown(indexFile)}   the report: write the text around the figures`,
        `  ${shown(configFile)}   data sources, k, brand and the funnel steps`,
        `  ${shown(journeyMapFile)}, ${shown(opportunitiesFile)}   to fill in`,
        '',
        `Proposed funnel (the most common event sequence): ${steps.join(' → ')}`,
        args.data.length
          ? ''
          : `No --data given: put the event log at ${shown(join(dataDir, 'events.csv'))} or write a loader (events.csv.ts) beside it.`,
        `Next: npm run build:report -- ${args.slug}   then   npm run pdf -- ${args.slug}`,
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n'),
    );
    return EXIT_OK;
  },
};

export default newCommand;
