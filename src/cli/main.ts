/**
 * The `journey` command line: `journey <command> [options]`.
 * Run through `npm run journey -- <command>` or the package's `bin`.
 */
import { commands } from './commands.ts';
import { EXIT_USAGE, processIO, UsageError, type CommandIO } from './command.ts';
import { exitAfterDrain } from './exit.ts';

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await overview());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`journey: unknown command "${name}".\n\n${await overview()}`);
    return EXIT_USAGE;
  }
  const command = await load();
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

async function overview(): Promise<string> {
  const lines = ['Usage: journey <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(14)}${command.summary}`);
  }
  lines.push('', 'Run `journey <command> --help` for the options of one command.');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(exitAfterDrain, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitAfterDrain(1);
  });
}
