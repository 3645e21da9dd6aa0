/**
 * The `journey` command line: `journey <command> [options]`.
 * Run through `npm run journey -- <command>` or the package's `bin`.
 */
import { readFile } from 'node:fs/promises';
import { commands } from './commands.ts';
import { EXIT_USAGE, processIO, UsageError, type CommandIO } from './command.ts';

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
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
    throw error;
  }
}

function overview(): string {
  const lines = ['Usage: journey <command> [options]', '', 'Commands:'];
  for (const [name, entry] of Object.entries(commands)) lines.push(`  ${name.padEnd(14)}${entry.summary}`);
  lines.push('', 'Run `journey <command> --help` for the options of one command, `journey --version` for the version.');
  return lines.join('\n');
}

/** The version in package.json, the one place it is written. */
async function version(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs `journey` with the process's arguments and exits with its code (the bin's entry). */
export function runCommandLine(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) runCommandLine(process.argv.slice(2));
