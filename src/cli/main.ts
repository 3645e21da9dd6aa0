/**
 * The `journey` command line: `journey <command> [options]`.
 * Run through `npm run journey -- <command>` or the package's `bin`.
 */
import { readFile } from 'node:fs/promises';
import { commands } from './commands.ts';
import { EXIT_DATA_ERROR, EXIT_USAGE, processIO, UsageError, type CommandIO } from './command.ts';
import { exitAfterDrain } from './exit.ts';

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  // --verbose (any command) adds stack traces to unexpected errors; without it they are one line.
  const verbose = argv.includes('--verbose') || process.env.JOURNEY_VERBOSE === '1';
  const [name, ...rest] = argv.filter((arg) => arg !== '--verbose');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(await version());
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr(`journey: unknown command "${name}".\n\n${overview()}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`journey ${name}: ${error.message}\n\n${command.help}`);
      return EXIT_USAGE;
    }
    io.stderr(unexpected(name, error, verbose));
    return EXIT_DATA_ERROR;
  }
}

/** An error no command anticipated: its message, and the stack only when asked for. */
export function unexpected(command: string, error: unknown, verbose: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  if (verbose) return `journey ${command}: ${error instanceof Error ? (error.stack ?? message) : message}`;
  return `journey ${command}: ${message}\n(run again with --verbose to see where it happened)`;
}

function overview(): string {
  const lines = ['Usage: journey <command> [options]', '', 'Commands:'];
  for (const [name, entry] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)}${entry.summary}`);
  lines.push(
    '',
    'Run `journey <command> --help` for the options of one command, `journey --version` for the version;',
    'add --verbose to any command for stack traces.',
  );
  return lines.join('\n');
}

/** The version in package.json, the one place it is written. */
async function version(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs `journey` with the process's arguments and exits with its code once output has drained (the bin's entry). */
export function runCommandLine(argv: string[]): void {
  main(argv).then(exitAfterDrain, (error: unknown) => {
    process.stderr.write(`${unexpected('', error, argv.includes('--verbose'))}\n`);
    return exitAfterDrain(1);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) runCommandLine(process.argv.slice(2));
