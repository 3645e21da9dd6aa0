/**
 * CSV and TSV event logs: the streaming parser feeding the event-table
 * builder directly, so a large file is never held as text and rows at once.
 *
 * @example
 *   const reader = csvEvents('a.csv', resolveLoadOptions());
 *   reader.pushBytes(new TextEncoder().encode('customer_id,timestamp,event\nc1,2024-03-10,visit\n')); reader.end();
 *   reader.result().table.numRows(); // 1
 */
import { CsvParser, MAX_FIELD_BYTES, type CsvRow } from './csvParser.ts';
import { EventTableBuilder } from './eventTableBuilder.ts';
import { DataError } from './dataError.ts';
import { quoteValue } from './issues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import type { TextConsumer, Utf8Consumer } from './textDecoding.ts';

/** Reads one file's events as its text arrives; `result` throws DataError when the file has errors. */
export interface EventReader {
  end(): void;
  result(): LoadResult;
}
export type TextEventReader = EventReader & TextConsumer;
export type Utf8EventReader = EventReader & Utf8Consumer;

/** Adds a parsed row; rows of empty fields (`;;;;`, as spreadsheets leave at the end) are blank lines. */
export function addCsvRecord(builder: EventTableBuilder, row: CsvRow): void {
  for (let i = 0; i < row.count; i++) {
    const quoted = row.quoted[i];
    if (quoted === undefined ? row.starts[i] !== row.ends[i] : quoted !== '') {
      builder.addCsvRow(row);
      return;
    }
  }
}

/** A quoted field still open at the end of the file. */
export function reportUnterminatedQuote(
  builder: EventTableBuilder,
  line: number,
  fieldIndex: number,
  preview: string,
): void {
  builder.invalidRow(
    line,
    builder.header[fieldIndex] ?? `column_${fieldIndex + 1}`,
    `quoted field never closed (${quoteValue(preview)}) — close the quote, and double any quote inside a field ("")`,
  );
}

function fieldTooLongMessage(limitBytes: number): string {
  const MiB = 1024 * 1024;
  const limit = limitBytes % MiB === 0 ? `${limitBytes / MiB} MiB` : `${limitBytes} bytes`;
  return `a field longer than ${limit}, the most one field may hold (a quote never closed?) — close the quote, or shorten the text before export; the file was read no further`;
}

/** A field over the parser's size limit: the file is unreadable past it. */
export function reportFieldTooLong(
  builder: EventTableBuilder,
  line: number,
  fieldIndex: number,
  limitBytes: number,
): void {
  builder.fileError(line, builder.header[fieldIndex] ?? `column_${fieldIndex + 1}`, fieldTooLongMessage(limitBytes));
}

export function csvEvents(
  file: string,
  options: ResolvedLoadOptions,
  delimiter?: string,
  maxFieldBytes = MAX_FIELD_BYTES,
): Utf8EventReader {
  let builder: EventTableBuilder | undefined;
  let headerProblem: string | undefined;
  const parser = new CsvParser(
    {
      header(names, line) {
        builder = new EventTableBuilder(
          file,
          names.map((name) => ({ name })),
          options,
          'text',
          line,
        );
      },
      row(row) {
        addCsvRecord(builder!, row);
      },
      unterminatedQuote(line, fieldIndex, preview) {
        if (!builder) {
          headerProblem = `header row has a quoted field never closed (${quoteValue(preview)}) — close the quote, and double any quote inside a field ("")`;
          return;
        }
        reportUnterminatedQuote(builder, line, fieldIndex, preview);
      },
      fieldTooLong(line, fieldIndex, limitBytes) {
        if (!builder) headerProblem = fieldTooLongMessage(limitBytes);
        else reportFieldTooLong(builder, line, fieldIndex, limitBytes);
      },
    },
    delimiter,
    undefined,
    maxFieldBytes,
  );
  return {
    pushBytes: (bytes) => parser.push(bytes),
    end: () => parser.end(),
    result() {
      if (!builder) {
        if (headerProblem) throw new DataError([{ file, line: 1, column: '(file)', message: headerProblem }]);
        throw new DataError([
          {
            file,
            line: 1,
            column: '(file)',
            message:
              'empty file (no header row) — export the event log with a header row such as customer_id,timestamp,event',
          },
        ]);
      }
      return builder.finish();
    },
  };
}
