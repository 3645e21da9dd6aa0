/**
 * Ending a command-line process without losing output. `process.exit` right
 * after a large write to a pipe drops whatever Node still holds in its buffer
 * (stdout was cut at 64 KiB when piped), so the exit waits until both streams
 * have handed every byte to the operating system. A reader that went away
 * (`journey ... | head`) is not an error.
 *
 * @example
 *   main(argv).then(exitAfterDrain);
 */

/** Resolves once every byte written to `stream` so far has been flushed (or the stream is gone). */
export function drained(stream: NodeJS.WritableStream & { destroyed?: boolean }): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => {
    // Writes complete in order: the callback of an empty write runs after all earlier ones.
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}

/** Exits with `code` once stdout and stderr are drained. */
export async function exitAfterDrain(code: number): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}
