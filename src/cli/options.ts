/**
 * Options shared by every command that reads an event log: `--map`, `--tz`,
 * `--skip-invalid`, `--dedupe`, `--json`, `--help`, parsed once here
 * (node:util parseArgs), plus `loadForCommand`, which loads the file and turns
 * data errors into printed messages and a `null` result (the command exits 1).
 *
 * @example
 *   const args = parseDataArgs(argv, { steps: { type: 'string' } });
 *   const loaded = await loadForCommand(args.file, args.load, io);
 *   if (!loaded) return EXIT_DATA_ERROR;
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { MAPPABLE_COLUMNS } from '../analytics/events.ts';
import { DataError, loadEvents, type LoadOptions, type LoadResult } from '../analytics/load/load.ts';
import { timeZoneProblem } from '../analytics/timeZone.ts';
import { NUMBER_FORMATS, type NumberFormat } from '../analytics/load/formattedNumber.ts';
import { UsageError, type CommandIO } from './command.ts';

export const DATA_OPTIONS = {
  map: { type: 'string', multiple: true },
  tz: { type: 'string' },
  'excel-dates': { type: 'boolean' },
  'number-format': { type: 'string' },
  sheet: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  dedupe: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** The help lines of the shared options, for each command's `help` text. */
export const DATA_OPTIONS_HELP = [
  '  --map NAME=COLUMN,...  read a canonical column from a differently named one,',
  '                         e.g. --map customer_id=客户编号,timestamp=时间 (repeatable)',
  '  --tz ZONE              IANA time zone of timestamps without Z/offset (default UTC),',
  '                         e.g. --tz Asia/Shanghai',
  '  --excel-dates          read numbers in the timestamp column as Excel date serials',
  '                         (46086.38 = 2026-03-05 09:07:12 in the --tz zone); never guessed',
  '  --number-format F      read 1,234.56-style values (thousands separators, a currency',
  '                         sign) in format 1,234.56 or 1.234,56; never guessed',
  '  --sheet NAME           the sheet of an .xlsx workbook (default: the first)',
  '  --skip-invalid         skip invalid rows (reported as warnings) instead of failing',
  '  --dedupe               drop exact duplicate rows',
  '  --json                 print one JSON document',
  '  -h, --help             show this help',
].join('\n');

export type OptionValue = string | boolean | (string | boolean)[] | undefined;

export interface DataArgs {
  /** The event-log path as given (relative to io.cwd). */
  file: string;
  /** Loader options from --map, --tz, --skip-invalid, --dedupe. */
  load: LoadOptions;
  json: boolean;
  help: boolean;
  /** Every parsed option, the shared ones and the command's own. */
  values: Record<string, OptionValue>;
  /** Positionals after the file. */
  rest: string[];
}

/** `customer_id=客户编号,timestamp=时间` (one or more such strings) -> a mapping; UsageError when malformed. */
export function parseColumnMap(specs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const spec of specs) {
    for (const pair of spec.split(',')) {
      if (pair.trim() === '') continue;
      const equals = pair.indexOf('=');
      const name = equals < 0 ? '' : pair.slice(0, equals).trim();
      const column = equals < 0 ? '' : pair.slice(equals + 1).trim();
      if (!name || !column) {
        throw new UsageError(`bad --map entry "${pair}": expected NAME=COLUMN, e.g. --map customer_id=客户编号`);
      }
      if (!(MAPPABLE_COLUMNS as readonly string[]).includes(name)) {
        throw new UsageError(
          `bad --map entry "${pair}": "${name}" is not a column of the event log (${MAPPABLE_COLUMNS.join(', ')})`,
        );
      }
      if (map[name] !== undefined && map[name] !== column) {
        throw new UsageError(`--map gives ${name} twice ("${map[name]}" and "${column}")`);
      }
      map[name] = column;
    }
  }
  return map;
}

/**
 * Parses a data command's arguments: the shared options plus `extra`. The first
 * positional is the file (required unless --help). Throws UsageError on bad usage.
 */
export function parseDataArgs(argv: readonly string[], extra: ParseArgsOptionsConfig = {}): DataArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...DATA_OPTIONS, ...extra },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // parseArgs keeps the last of a repeated single-value option; `--steps a --steps b` is a mistake to say.
  const config: ParseArgsOptionsConfig = { ...DATA_OPTIONS, ...extra };
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || config[token.name]?.multiple === true) continue;
    const name: string = token.name;
    if (seen.has(name))
      throw new UsageError(
        `--${name} is given more than once; give it once${name === 'steps' ? ' (for several steps: --steps a,b,c)' : ''}`,
      );
    seen.add(name);
  }
  const values = parsed.values as Record<string, OptionValue>;
  const help = values.help === true;
  const [file, ...rest] = parsed.positionals;
  // With --engine the events come from --table, not a file argument.
  if (file === undefined && !help && values.engine === undefined)
    throw new UsageError('missing the event-log file, e.g. journey check data/events.csv');
  const tz = values.tz as string | undefined;
  const zoneProblem = tz === undefined ? undefined : timeZoneProblem(tz);
  if (zoneProblem) throw new UsageError(`--tz: ${zoneProblem}`);
  const load: LoadOptions = {};
  const numberFormat = values['number-format'] as string | undefined;
  if (numberFormat !== undefined) {
    if (!(NUMBER_FORMATS as readonly string[]).includes(numberFormat))
      throw new UsageError(`--number-format "${numberFormat}": expected ${NUMBER_FORMATS.join(' or ')}`);
    load.numberFormat = numberFormat as NumberFormat;
  }
  if (values['excel-dates'] === true) load.excelDates = true;
  if (typeof values.sheet === 'string') load.sheet = values.sheet;
  const mapSpecs = (values.map as string[] | undefined) ?? [];
  if (mapSpecs.length) load.map = parseColumnMap(mapSpecs);
  if (tz !== undefined) load.tz = tz;
  if (values['skip-invalid'] === true) load.skipInvalid = true;
  if (values.dedupe === true) load.dedupe = true;
  return { file: file ?? '', load, json: values.json === true, help, values, rest };
}

/** `text` as one shell word: single-quoted when it holds anything but plain characters. */
function shellWord(text: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `journey check` command that shows a file's warnings, with the options
 * the user gave (a hint without `--map` or `--tz` would read the file differently).
 *
 * @example
 *   checkCommand('订单.csv', { map: { customer_id: '客户编号' }, tz: 'Asia/Shanghai' });
 *   // 'journey check 订单.csv --map customer_id=客户编号 --tz Asia/Shanghai'
 */
export function checkCommand(file: string, options: LoadOptions): string {
  const words = ['journey', 'check', shellWord(file)];
  const map = Object.entries(options.map ?? {});
  if (map.length) words.push('--map', shellWord(map.map(([canonical, column]) => `${canonical}=${column}`).join(',')));
  if (options.tz) words.push('--tz', shellWord(options.tz));
  if (options.skipInvalid) words.push('--skip-invalid');
  if (options.dedupe) words.push('--dedupe');
  if (options.excelDates) words.push('--excel-dates');
  if (options.numberFormat) words.push('--number-format', shellWord(options.numberFormat));
  if (options.sheet !== undefined) words.push('--sheet', shellWord(options.sheet));
  return words.join(' ');
}

/**
 * Loads the event log for a command. On data errors prints them (first 50, then
 * the total) to io.stderr and returns null; warnings are counted on io.stderr.
 */
export async function loadForCommand(
  file: string,
  options: LoadOptions,
  io: CommandIO,
  { reportWarnings = true }: { reportWarnings?: boolean } = {},
): Promise<LoadResult | null> {
  const { result, error } = await loadInDirectory(file, options, io.cwd);
  if (error) {
    io.stderr(error.format());
    return null;
  }
  const warnings = result!.summary.warnings.length;
  if (reportWarnings && warnings > 0) {
    io.stderr(
      `journey: ${warnings} warning${warnings === 1 ? '' : 's'} about ${file}; run \`${checkCommand(file, options)}\` to see them`,
    );
  }
  return result!;
}

/**
 * Loads `file` relative to `cwd`; a DataError is returned rather than thrown.
 * Messages name the file as given.
 */
export async function loadInDirectory(
  file: string,
  options: LoadOptions,
  cwd: string,
): Promise<{ result?: LoadResult; error?: DataError }> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  try {
    const result = await loadEvents(path, options);
    relabel(result.summary, path, file);
    return { result };
  } catch (error) {
    if (error instanceof DataError) return { error: relabelError(error, path, file) };
    throw error;
  }
}

/** Issues name the file as the user gave it (relative to the working directory). */
export function relabel(
  summary: { errors: { file: string }[]; warnings: { file: string }[] },
  from: string,
  to: string,
): void {
  for (const issue of [...summary.errors, ...summary.warnings]) if (issue.file === from) issue.file = to;
}

export function relabelError(error: DataError, from: string, to: string): DataError {
  if (from === to) return error;
  const issues = error.issues.map((issue) => (issue.file === from ? { ...issue, file: to } : issue));
  if (error.summary) relabel(error.summary, from, to);
  return new DataError(issues, error.total, error.summary);
}
