/**
 * What every `journey` sub-command is: a name, its help text and a `run` that
 * returns the exit code (0 fine, 1 data errors, 2 usage errors). Output goes
 * through the injected `io`, so tests capture it without touching the console.
 */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export interface Command {
  name: string;
  /** The full `journey <name> --help` text. */
  help: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE = 2;

/** Thrown for a bad command line; the entry point prints it with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The real console and working directory. */
export const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  cwd: process.cwd(),
};
