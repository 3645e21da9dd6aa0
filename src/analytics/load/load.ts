/**
 * Loads an event log from disk: the only module of src/analytics that touches
 * files. Text formats stream in 4 MiB chunks (decoded incrementally and parsed
 * straight into columns), so a 1 GB CSV is never held whole; a large CSV is
 * parsed on every core (parallelCsv.ts); Parquet and Arrow are read at once.
 *
 * @example
 *   const { table, summary } = await loadEvents('data/events.csv', { tz: 'Asia/Shanghai', map: { customer_id: '客户编号' } });
 */
import { open, readFile, stat } from 'node:fs/promises';
import { DataError } from './dataError.ts';
import { isTextFormat, parseEventStream, parseEvents, requireFileFormat } from './parseEvents.ts';
import { loadCsvInParallel } from './parallelCsv.ts';
import { checkMemoryFits, memoryAvailable } from './memoryNeed.ts';
import { resolveLoadOptions } from './loadOptions.ts';
import type { LoadOptions } from './loadOptions.ts';
import type { LoadResult } from './loadResult.ts';

export { DataError } from './dataError.ts';
export { formatIssue, formatIssues, type Issue } from './issues.ts';
export type { CheckSummary } from './checkSummary.ts';
export { resolveLoadOptions, type LoadOptions } from './loadOptions.ts';
export type { LoadResult } from './loadResult.ts';
export { parseEvents, parseEventStream } from './parseEvents.ts';

const CHUNK_BYTES = 4 * 1024 * 1024;

async function* fileChunks(path: string): AsyncIterable<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      // The decoder copies what it needs, so the buffer can be reused.
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Loads, validates and maps an event log (spec §1-2). Throws DataError with every
 * problem found (first 50 printed by `format()`) unless `skipInvalid` is set.
 */
export async function loadEvents(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const format = requireFileFormat(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new DataError([
        {
          file: path,
          line: 1,
          column: '(file)',
          message: 'not a file (a directory?) — give the path of the event log file',
        },
      ]);
    size = info.size;
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found — check the path and the working directory'
        : `cannot read the file (${code ?? (error as Error).message}) — check the path and its permissions`;
    throw new DataError([{ file: path, line: 1, column: '(file)', message }]);
  }
  checkMemoryFits(path, format, size, memoryAvailable());
  if (isTextFormat(format)) {
    if (size === 0) return parseEvents(new Uint8Array(0), path, options);
    if (format === 'csv' || format === 'tsv') {
      const parallel = await loadCsvInParallel(path, path, size, resolveLoadOptions(options));
      if (parallel) return parallel;
    }
    return parseEventStream(() => fileChunks(path), path, options);
  }
  return parseEvents(new Uint8Array(await readFile(path)), path, options);
}
