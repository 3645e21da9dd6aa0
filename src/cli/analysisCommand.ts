/**
 * The shape every analysis command shares: parse the shared data options plus
 * its own, load the event log, run the analysis, print `--json` (the result as
 * is, spec §11) or the human rendering. A bad spec (SpecError) is a usage
 * error (exit 2); an analysis that cannot run on the data is a data error (exit 1).
 *
 * @example
 *   export default analysisCommand({ name: 'value', summary, help, options, spec, resolve: parseValueSpec, analyse: valueResolved, render });
 */
import type { ParseArgsOptionsConfig } from 'node:util';
import type { ColumnTable } from '../analytics/events.ts';
import type { LoadOptions } from '../analytics/load/load.ts';
import { parseSuppressSpec, SpecError } from '../analytics/analyses/spec.ts';
import { suppress } from '../analytics/analyses/suppress.ts';
import { closestNames } from '../report/checkSettings.ts';
import { EXIT_DATA_ERROR, EXIT_OK, UsageError, type Command } from './command.ts';
import type { EngineAnalysis } from '../engines/engineAnalyses.ts';
import { ENGINE_OPTIONS, ENGINE_OPTIONS_HELP, parseEngineArgs } from './engineOptions.ts';
import { runOnEngine } from './engineRun.ts';
import { loadForCommand, parseDataArgs, type OptionValue } from './options.ts';

/** `--k N`: small-cell suppression of the `--json` result (spec §10); without it, none. */
const SUPPRESS_OPTIONS = { k: { type: 'string' } } as const satisfies ParseArgsOptionsConfig;
const SUPPRESS_OPTIONS_HELP =
  '  --k N                  with --json: hide every cell of fewer than N customers\n' +
  '                         ({ "suppressed": true, "fewer_than": N }); default: none';

export interface AnalysisCommandDefinition<SpecInput, Spec, Result> {
  name: string;
  /** The analysis an engine runs for this command (`--engine`); absent: in memory only. */
  engine?: EngineAnalysis;
  help: string;
  options: ParseArgsOptionsConfig;
  /** The loose analysis spec from the command line; `load` carries --tz among others. */
  spec(values: Record<string, OptionValue>, load: LoadOptions): SpecInput;
  /** Parses the spec once (a spec.ts parser), so usage errors come before the load. */
  resolve(spec: SpecInput): Spec;
  /** The analysis on a resolved spec (`xxxResolved`). */
  analyse(table: ColumnTable, spec: Spec): Result;
  /** Event names the spec gives, by option (`--steps`), checked against the data after the load. */
  eventNames?(spec: Spec): { option: string; names: string[] }[];
  render(result: Result, file: string, spec: Spec): string;
}

/** A command built from a definition, which `journey sql` reads to compile the same options. */
export interface AnalysisCommand extends Command {
  // The definition's types are erased here: `journey sql` only passes values through.
  definition: AnalysisCommandDefinition<never, never, never>;
}

export function analysisCommand<SpecInput, Spec, Result>(
  definition: AnalysisCommandDefinition<SpecInput, Spec, Result>,
): AnalysisCommand {
  // A command with its own --k (drivers) suppresses in its analysis.
  const ownK = 'k' in definition.options;
  const withK = ownK ? definition.options : { ...definition.options, ...SUPPRESS_OPTIONS };
  const options = definition.engine ? { ...withK, ...ENGINE_OPTIONS } : withK;
  const kHelp = ownK ? definition.help : `${definition.help}\n\nPrivacy:\n${SUPPRESS_OPTIONS_HELP}`;
  const help = definition.engine ? `${kHelp}\n\nEngine options:\n${ENGINE_OPTIONS_HELP}` : kHelp;
  return {
    name: definition.name,
    help,
    definition: definition as unknown as AnalysisCommandDefinition<never, never, never>,
    async run(argv, io) {
      const args = parseDataArgs(argv, options);
      if (args.help) {
        io.stdout(help);
        return EXIT_OK;
      }
      if (args.rest.length > 0) throw new UsageError(`unexpected argument "${args.rest[0]}"`);
      const k = ownK ? undefined : suppressionK(args.values, args.json);
      const publish = (result: unknown) => JSON.stringify(k === undefined ? result : suppress(result, { k }), null, 2);
      const specInput = definition.spec(args.values, args.load);
      // Resolve the spec before paying for the load.
      const spec = attempt(() => definition.resolve(specInput));
      if (spec instanceof Error) throw spec instanceof UsageError ? spec : new UsageError(spec.message);
      const engine = definition.engine ? parseEngineArgs(args.values, args.file || undefined) : null;
      if (engine !== null && definition.engine) {
        // Engines compile the loose spec themselves (it is parsed again at their door).
        const result = await runOnEngine(definition.engine, specInput as never, engine, args.load, io);
        if (result instanceof Error) {
          io.stderr(`journey ${definition.name}: ${result.message}`);
          return EXIT_DATA_ERROR;
        }
        io.stdout(args.json ? publish(result) : definition.render(result as Result, engine.table, spec));
        return EXIT_OK;
      }
      const loaded = await loadForCommand(args.file, args.load, io);
      if (!loaded) return EXIT_DATA_ERROR;
      const unknown = unknownEventMessages(loaded.table, definition.eventNames?.(spec) ?? []);
      if (unknown.length > 0) {
        for (const message of unknown) io.stderr(`journey ${definition.name}: ${args.file}: ${message}`);
        return EXIT_DATA_ERROR;
      }
      const result = attempt(() => definition.analyse(loaded.table, spec));
      if (result instanceof UsageError) throw result;
      if (result instanceof Error) {
        io.stderr(`journey ${definition.name}: ${args.file}: ${result.message}`);
        return EXIT_DATA_ERROR;
      }
      io.stdout(args.json ? publish(result) : definition.render(result, args.file, spec));
      return EXIT_OK;
    },
  };
}

/** The `--k` value, checked: a positive whole number, and only with --json. */
function suppressionK(values: Record<string, OptionValue>, json: boolean): number | undefined {
  const k = numeric(values, 'k');
  if (k === undefined) return undefined;
  if (!json) throw new UsageError('--k applies to --json output; add --json');
  const parsed = attempt(() => parseSuppressSpec({ k }));
  if (parsed instanceof Error) throw new UsageError(`--k expects a whole number of customers, 1 or more (got ${k})`);
  return parsed.k;
}

/** A message per event name absent from the table, with the closest names of the data. */
function unknownEventMessages(table: ColumnTable, given: { option: string; names: string[] }[]): string[] {
  if (given.length === 0) return [];
  const events = new Set<string>();
  const column = table.array('event') as ArrayLike<unknown>;
  for (let row = 0; row < column.length; row++) events.add(String(column[row]));
  const messages: string[] = [];
  for (const { option, names } of given) {
    for (const name of names) {
      if (events.has(name)) continue;
      const near = closestNames(name, events);
      const advice = near.length
        ? `did you mean ${near.map((candidate) => `"${candidate}"`).join(' or ')}?`
        : 'check the spelling against `journey paths` or the export';
      messages.push(`${option}: "${name}" is not an event in the data — ${advice}`);
    }
  }
  return messages;
}

export function attempt<Result>(run: () => Result): Result | Error {
  try {
    return run();
  } catch (error) {
    if (error instanceof SpecError) return new UsageError(error.message.replace(/^[\w-]+: /, ''));
    if (error instanceof UsageError) return error;
    if (error instanceof Error) return error;
    throw error;
  }
}

/** A string option, or undefined. */
export function text(values: Record<string, OptionValue>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A numeric option, or undefined; a non-number is a usage error. */
export function numeric(values: Record<string, OptionValue>, name: string): number | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number))
    throw new UsageError(`--${name} expects a number (got "${value}")`);
  return number;
}

/** A required string option. */
export function required(values: Record<string, OptionValue>, name: string, example: string): string {
  const value = text(values, name);
  if (value === undefined || value === '') throw new UsageError(`missing --${name}, e.g. ${example}`);
  return value;
}

/** A required numeric option. */
export function requiredNumber(values: Record<string, OptionValue>, name: string, example: string): number {
  const value = numeric(values, name);
  if (value === undefined) throw new UsageError(`missing --${name}, e.g. ${example}`);
  return value;
}
