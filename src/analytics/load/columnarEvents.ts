/**
 * Parquet (hyparquet) and Arrow IPC (flechette) event logs. These formats have
 * no text lines, so a row's LINE in messages is its record number (the first
 * row is record 1). Timestamp and date columns are instants as they are.
 *
 * @example
 *   const { table } = await parquetEvents('a.parquet', bytes, resolveLoadOptions());
 */
import { tableFromIPC, Type } from '@uwdata/flechette';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { EventTableBuilder, type SourceColumn } from './eventTableBuilder.ts';
import { DataError } from './dataError.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

function fileIssue(file: string, message: string): DataError {
  return new DataError([{ file, line: 1, column: '(file)', message }]);
}

/**
 * The most rows a columnar file may claim per byte of its size. Real event
 * logs need far more than a bit per row (ids and times vary); the slack is
 * for run-length and delta encodings. A damaged or forged footer claiming
 * more (or a negative count) is refused before anything is decoded.
 */
export const MAX_ROWS_PER_BYTE = 64;

/** Checks a footer's row count against the file's size and its own parts. */
export function checkRowCount(file: string, format: string, claimed: number, partsSum: number, bytes: number): void {
  const problem =
    !Number.isSafeInteger(claimed) || claimed < 0
      ? `its footer claims ${claimed} rows`
      : claimed !== partsSum
        ? `its footer claims ${claimed} rows but its parts hold ${partsSum}`
        : claimed > bytes * MAX_ROWS_PER_BYTE
          ? `its footer claims ${claimed} rows, more than a ${bytes}-byte file can hold`
          : undefined;
  if (problem) throw fileIssue(file, `damaged ${format} file (${problem}) — export it again as ${format}, or as CSV`);
}

/** Loads columns of equal length, row by row, into the event table. */
export function eventsFromColumns(
  file: string,
  header: readonly SourceColumn[],
  columns: readonly ArrayLike<unknown>[],
  rows: number,
  options: ResolvedLoadOptions,
): LoadResult {
  const builder = new EventTableBuilder(file, header, options, 'typed');
  const values: unknown[] = new Array(columns.length);
  for (let row = 0; row < rows && !builder.hasFatalError; row++) {
    for (let c = 0; c < columns.length; c++) values[c] = columns[c]![row];
    builder.addRow(values, columns.length, row + 1);
  }
  return builder.finish();
}

export async function parquetEvents(
  file: string,
  bytes: Uint8Array,
  options: ResolvedLoadOptions,
): Promise<LoadResult> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw fileIssue(
      file,
      `not a readable Parquet file (${(error as Error).message}) — export it again as Parquet, or as CSV`,
    );
  }
  const schema = parquetSchema(metadata);
  const header: SourceColumn[] = schema.children.map((child) => {
    const element = child.element;
    const logical = element.logical_type?.type;
    const converted = element.converted_type;
    const isInstant =
      logical === 'TIMESTAMP' ||
      logical === 'DATE' ||
      converted === 'TIMESTAMP_MILLIS' ||
      converted === 'TIMESTAMP_MICROS' ||
      converted === 'DATE' ||
      element.type === 'INT96';
    return { name: element.name, isInstant };
  });
  const rows = Number(metadata.num_rows);
  const groupRows = metadata.row_groups.reduce((sum, group) => sum + Number(group.num_rows), 0);
  checkRowCount(file, 'Parquet', rows, groupRows, bytes.length);
  const columns: unknown[][] = header.map(() => new Array<unknown>(rows));
  const indexByName = new Map(header.map((column, index) => [column.name, index]));
  try {
    await parquetRead({
      file: buffer,
      metadata,
      // snappy is built in; these add gzip, zstd, brotli and lz4.
      compressors,
      onChunk({ columnName, columnData, rowStart }) {
        const target = columns[indexByName.get(columnName)!]!;
        for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
      },
    });
  } catch (error) {
    throw fileIssue(
      file,
      `not a readable Parquet file (${(error as Error).message}) — export it again as Parquet, or as CSV`,
    );
  }
  return eventsFromColumns(file, header, columns, rows, options);
}

export function arrowEvents(file: string, bytes: Uint8Array, options: ResolvedLoadOptions): LoadResult {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    // flechette fails on foreign bytes with internal TypeErrors that would only confuse.
    const detail = error instanceof TypeError ? '' : ` (${(error as Error).message})`;
    throw fileIssue(
      file,
      `not a readable Arrow IPC file${detail} — export it again as Arrow IPC (Feather v2), or as CSV`,
    );
  }
  const header: SourceColumn[] = table.schema.fields.map((field) => ({
    name: field.name,
    isInstant: field.type.typeId === Type.Timestamp || field.type.typeId === Type.Date,
  }));
  const batchRows = table.children[0]?.data.reduce((sum, batch) => sum + batch.length, 0) ?? table.numRows;
  checkRowCount(file, 'Arrow IPC', table.numRows, batchRows, bytes.length);
  let columns;
  try {
    columns = header.map((_column, index) => table.getChildAt(index).toArray());
  } catch (error) {
    throw fileIssue(
      file,
      `not a readable Arrow IPC file (${(error as Error).message}) — export it again as Arrow IPC (Feather v2), or as CSV`,
    );
  }
  return eventsFromColumns(file, header, columns, table.numRows, options);
}
