/**
 * Parses one byte range of a CSV file into an event-table builder, the unit
 * of work of the parallel loader (main thread or worker alike). The range
 * starts at a row boundary guessed by the caller and ends before the first
 * row that starts at or after `stop`; the caller checks the guess by
 * comparing where the previous range really ended with where this one began.
 *
 * @example
 *   const outcome = await parseCsvRange({ path: 'a.csv', start: 120, stop: Infinity, line: 3, delimiter: ',' }, builder);
 */
import { open } from 'node:fs/promises';
import { addCsvRecord, reportFieldTooLong, reportUnterminatedQuote } from './csvEvents.ts';
import { CsvParser } from './csvParser.ts';
import type { EventTableBuilder } from './eventTableBuilder.ts';
import { Utf8Validator } from './textDecoding.ts';

export interface CsvRange {
  path: string;
  /** Byte offset where a row (or blank line) starts. */
  start: number;
  /** Rows starting at or after this offset belong to the next range (Infinity: read to the end). */
  stop: number;
  /** The physical line of the row at `start`. */
  line: number;
  delimiter: string;
}

export interface CsvRangeOutcome {
  /** Where the next row starts (the file's size at the end). */
  end: number;
  /** The line of the row at `end`. */
  endLine: number;
  /** False when the bytes are not plain UTF-8 (or hold a NUL): the caller reads the file the single-threaded way. */
  plainUtf8: boolean;
}

const CHUNK_BYTES = 1 << 20;

export async function parseCsvRange(range: CsvRange, builder: EventTableBuilder): Promise<CsvRangeOutcome> {
  const parser = new CsvParser(
    {
      header() {
        throw new Error('parseCsvRange: a range has no header row');
      },
      row: (row) => addCsvRecord(builder, row),
      unterminatedQuote: (line, fieldIndex, preview) => reportUnterminatedQuote(builder, line, fieldIndex, preview),
      fieldTooLong: (line, fieldIndex, limitBytes) => reportFieldTooLong(builder, line, fieldIndex, limitBytes),
    },
    range.delimiter,
    { offset: range.start, line: range.line },
  );
  parser.stopAt(range.stop);
  const validator = new Utf8Validator();
  const handle = await open(range.path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    let position = range.start;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      if (chunk.includes(0) || !validator.check(chunk)) return { end: -1, endLine: -1, plainUtf8: false };
      parser.push(chunk);
      if (parser.stoppedAt >= 0) return { end: parser.stoppedAt, endLine: parser.currentLine, plainUtf8: true };
      // A field too long: the file is unreadable past it (the builder has the error).
      if (parser.finished) return { end: Infinity, endLine: parser.currentLine, plainUtf8: true };
    }
    if (!validator.finish()) return { end: -1, endLine: -1, plainUtf8: false };
    parser.end();
    if (parser.stoppedAt >= 0) return { end: parser.stoppedAt, endLine: parser.currentLine, plainUtf8: true };
    return { end: position, endLine: parser.currentLine, plainUtf8: true };
  } finally {
    await handle.close();
  }
}
