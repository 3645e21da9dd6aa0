/**
 * Excel workbooks (.xlsx), read with SheetJS (@e965/xlsx): the first sheet, or
 * the one named by `sheet`. The first non-empty row is the header; empty rows
 * are skipped as blank lines are in CSV. Cells formatted as dates hold Excel
 * serials, which are wall-clock times read in the data's zone. Messages give
 * positions as cells, `FILE:SHEET!B7`.
 *
 * @example
 *   const { table } = xlsxEvents('客户.xlsx', bytes, resolveLoadOptions({ sheet: '明细' }));
 */
import { read, SSF, utils, type CellObject, type WorkSheet } from '@e965/xlsx';

/** SSF's date test; its typings declare SSF as `any`. */
const isDateFormat = (SSF as { is_date: (format: string) => boolean }).is_date;
import { textOf } from './cellValues.ts';
import { DataError } from './dataError.ts';
import { EventTableBuilder } from './eventTableBuilder.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_DAYS = 25_569;

function fileIssue(file: string, message: string): DataError {
  return new DataError([{ file, line: 1, column: '(file)', message }]);
}

/** A date-formatted cell's serial as wall-clock text (`2026-03-05 09:07:12.000`), read later in the data's zone. */
function serialAsWallClock(serial: number): string {
  const wall = new Date(Math.round((serial - EXCEL_EPOCH_DAYS) * DAY_MS)).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 23)}`;
}

/** A cell as the builder takes it: text, a number, a boolean, or undefined when empty. */
function cellValue(cell: CellObject | undefined): unknown {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z') return undefined;
  if (cell.t === 'n' && typeof cell.v === 'number' && typeof cell.z === 'string' && isDateFormat(cell.z))
    return serialAsWallClock(cell.v);
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  if (cell.v instanceof Date) return cell.v;
  return cell.v;
}

function isEmptyRow(values: readonly unknown[]): boolean {
  return values.every((value) => value === undefined || (typeof value === 'string' && value.trim() === ''));
}

export function xlsxEvents(file: string, bytes: Uint8Array, options: ResolvedLoadOptions): LoadResult {
  // SheetJS reads CSV and HTML too; a workbook is a zip archive.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw fileIssue(
      file,
      'not an .xlsx workbook (it is not a zip archive) — name the file after its real format (.csv?), or save it from Excel as .xlsx',
    );
  let workbook;
  try {
    workbook = read(bytes, { type: 'array', cellDates: false, cellNF: true, dense: false });
  } catch (error) {
    throw fileIssue(
      file,
      `not a readable .xlsx workbook (${(error as Error).message}) — open it in Excel and save it again as .xlsx, or as "CSV UTF-8"`,
    );
  }
  const names = workbook.SheetNames;
  const name = options.sheet ?? names[0];
  const sheet: WorkSheet | undefined = name === undefined ? undefined : workbook.Sheets[name];
  if (name === undefined || !sheet) {
    const listed = names.map((sheetName) => `"${sheetName}"`).join(', ') || '(none)';
    throw fileIssue(
      file,
      `no sheet named "${name ?? ''}" (sheets: ${listed}) — give one of them with --sheet (or "sheet" in report.json)`,
    );
  }
  const reference = sheet['!ref'];
  if (!reference) throw fileIssue(file, `sheet "${name}" is empty — export the event log with a header row`);
  const range = utils.decode_range(reference);
  const rowValues = (row: number): unknown[] => {
    const values: unknown[] = [];
    for (let column = range.s.c; column <= range.e.c; column++)
      values.push(cellValue(sheet[utils.encode_cell({ r: row, c: column })] as CellObject | undefined));
    return values;
  };
  let headerRow = range.s.r;
  while (headerRow <= range.e.r && isEmptyRow(rowValues(headerRow))) headerRow++;
  if (headerRow > range.e.r) throw fileIssue(file, `sheet "${name}" is empty — export the event log with a header row`);
  const headerValues = rowValues(headerRow);
  // Trailing empty header cells (formatting spilt past the table) are not columns.
  let width = headerValues.length;
  while (width > 0 && (headerValues[width - 1] === undefined || String(headerValues[width - 1]).trim() === '')) width--;
  const header = headerValues.slice(0, width).map((value) => ({ name: textOf(value) ?? '' }));
  const letters = header.map((_column, index) => utils.encode_col(range.s.c + index));
  const builder = new EventTableBuilder(file, header, options, 'typed', headerRow + 1);
  builder.useSheetCells(name, letters);
  for (let row = headerRow + 1; row <= range.e.r && !builder.hasFatalError; row++) {
    const values = rowValues(row);
    if (isEmptyRow(values)) continue;
    // Cells right of the header's last column count only when filled (then the row is too long).
    let count = values.length;
    while (count > width && values[count - 1] === undefined) count--;
    builder.addRow(values, count, row + 1);
  }
  return builder.finish();
}
