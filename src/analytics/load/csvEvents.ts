/**
 * CSV and TSV event logs: the streaming parser feeding the event-table
 * builder directly, so a large file is never held as text and rows at once.
 *
 * @example
 *   const reader = csvEvents('a.csv', resolveLoadOptions());
 *   reader.pushBytes(new TextEncoder().encode('customer_id,timestamp,event\nc1,2024-03-10,visit\n')); reader.end();
 *   reader.result().table.numRows(); // 1
 */
import { CsvParser, type CsvRow } from './csvParser.ts';
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

export function csvEvents(file: string, options: ResolvedLoadOptions, delimiter?: string): Utf8EventReader {
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
    },
    delimiter,
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
