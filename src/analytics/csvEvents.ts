/**
 * CSV and TSV event logs: the streaming parser feeding the event-table
 * builder directly, so a large file is never held as text and rows at once.
 *
 * @example
 *   const reader = csvEvents('a.csv', resolveLoadOptions());
 *   reader.push('customer_id,timestamp,event\nc1,2024-03-10,visit\n'); reader.end();
 *   reader.result().table.numRows(); // 1
 */
import { CsvParser } from './csvParser.ts';
import { EventTableBuilder } from './eventTableBuilder.ts';
import { DataError, quoteValue } from './issues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import type { TextConsumer } from './textDecoding.ts';

export interface EventReader extends TextConsumer {
  /** The loaded events; throws DataError when the file has errors. */
  result(): LoadResult | Promise<LoadResult>;
}

export function csvEvents(file: string, options: ResolvedLoadOptions, delimiter?: string): EventReader {
  let builder: EventTableBuilder | undefined;
  let header: string[] = [];
  let headerProblem: string | undefined;
  const parser = new CsvParser(
    {
      header(names) {
        builder = new EventTableBuilder(file, names.map((name) => ({ name })), options, 'text');
        header = builder.header;
      },
      row(fields, count, line, fieldLines) {
        // Rows of empty fields (`;;;;`, as spreadsheets leave at the end) are blank lines.
        let blank = true;
        for (let i = 0; i < count; i++) {
          if (fields[i] !== '') {
            blank = false;
            break;
          }
        }
        if (!blank) builder!.addRow(fields, count, line, fieldLines);
      },
      unterminatedQuote(line, fieldIndex, preview) {
        if (!builder) {
          headerProblem = `header row has a quoted field never closed (${quoteValue(preview)}) — close the quote, and double any quote inside a field ("")`;
          return;
        }
        builder.invalidRow(
          line,
          header[fieldIndex] ?? `column_${fieldIndex + 1}`,
          `quoted field never closed (${quoteValue(preview)}) — close the quote, and double any quote inside a field ("")`,
        );
      },
    },
    delimiter,
  );
  return {
    push: (text) => parser.push(text),
    end: () => parser.end(),
    result() {
      if (!builder) {
        if (headerProblem) throw new DataError([{ file, line: 1, column: '(file)', message: headerProblem }]);
        throw new DataError([
          {
            file,
            line: 1,
            column: '(file)',
            message: 'empty file (no header row) — export the event log with a header row such as customer_id,timestamp,event',
          },
        ]);
      }
      return builder.finish();
    },
  };
}
