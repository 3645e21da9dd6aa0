/**
 * Reads an event log of any supported format from bytes (spec §1-2): the pure
 * core of the loaders, with no file access, so tests and build-time code can
 * load from memory. `parseEventStream` does the same for a chunked source.
 *
 * @example
 *   const { table, summary } = await parseEvents(new TextEncoder().encode(csv), 'events.csv', { tz: 'Asia/Shanghai' });
 */
import { csvEvents } from './csvEvents.ts';
import { fileFormatOf, unsupportedFormatMessage, type FileFormat } from './fileFormat.ts';
import { DataError } from './dataError.ts';
import { jsonEvents, ndjsonEvents } from './jsonEvents.ts';
import type { LoadResult } from './loadResult.ts';
import { resolveLoadOptions, type LoadOptions } from './loadOptions.ts';
import { decodeTextStream, NotTextError, utf8Stream } from './textDecoding.ts';

export type { LoadResult } from './loadResult.ts';
export type { LoadOptions } from './loadOptions.ts';

function fileError(file: string, message: string): DataError {
  return new DataError([{ file, line: 1, column: '(file)', message }]);
}

/** The format of `file`, or a DataError saying which formats are read. */
export function requireFileFormat(file: string): FileFormat {
  const format = fileFormatOf(file);
  if (!format) throw fileError(file, unsupportedFormatMessage(file));
  return format;
}

/** Whether the format is text, read in chunks; Parquet and Arrow are read whole. */
export function isTextFormat(format: FileFormat): boolean {
  return format !== 'parquet' && format !== 'arrow' && format !== 'xlsx';
}

/**
 * Loads a text-format event log from a chunked byte source; `open` is called
 * again when the text turns out to be GB18030 rather than UTF-8.
 */
export async function parseEventStream(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const resolved = resolveLoadOptions(options);
  const format = requireFileFormat(file);
  if (!isTextFormat(format)) throw new Error(`parseEventStream: ${format} is not a text format; use parseEvents`);
  try {
    if (format === 'json' || format === 'ndjson') {
      const reader = format === 'json' ? jsonEvents : ndjsonEvents;
      const { consumer } = await decodeTextStream(open, () => reader(file, resolved));
      return consumer.result();
    }
    const { consumer } = await utf8Stream(open, () => csvEvents(file, resolved));
    return consumer.result();
  } catch (error) {
    if (error instanceof NotTextError) {
      if (error.line !== undefined && error.column !== undefined)
        throw new DataError([{ file, line: error.line, column: String(error.column), message: error.message }]);
      throw fileError(
        file,
        `${error.message} — export the data as CSV (UTF-8), JSON, NDJSON, Parquet or Arrow; a UTF-16 file needs its byte-order mark`,
      );
    }
    throw error;
  }
}

/** Loads an event log held in memory; the format comes from `file`'s extension. */
export async function parseEvents(bytes: Uint8Array, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const format = requireFileFormat(file);
  if (isTextFormat(format)) {
    return parseEventStream(() => [bytes], file, options);
  }
  const resolved = resolveLoadOptions(options);
  if (bytes.length === 0) {
    const name = format === 'parquet' ? 'Parquet' : format === 'xlsx' ? '.xlsx' : 'Arrow IPC';
    throw fileError(file, `empty file — export the event log again as ${name}`);
  }
  if (format === 'xlsx') {
    const { xlsxEvents } = await import('./xlsxEvents.ts');
    return xlsxEvents(file, bytes, resolved);
  }
  // Loaded on demand: CSV users do not pay for the Parquet and Arrow readers.
  const { arrowEvents, parquetEvents } = await import('./columnarEvents.ts');
  return format === 'parquet' ? parquetEvents(file, bytes, resolved) : arrowEvents(file, bytes, resolved);
}
