/**
 * JSON records held column by column while a file streams in: the event table's
 * columns are the union of the records' keys in order of first appearance,
 * known only at the end, so values wait here, without one object per record.
 *
 * @example
 *   const columns = new RecordColumns();
 *   columns.add({ customer_id: 'c1', timestamp: '2024-03-10', event: 'visit' }, 2);
 *   const { table } = columns.finish('a.json', resolveLoadOptions(), []);
 */
import { EventTableBuilder } from './eventTableBuilder.ts';
import { DataError } from './dataError.ts';
import { quoteValue, type Issue } from './issues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';

export const RECORD_HINT =
  'each event must be an object like {"customer_id": "c1", "timestamp": "2024-03-10 08:00", "event": "visit"}';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value that is not an object, kept as a message at its place among the records. */
interface NonRecord {
  rowsBefore: number;
  line: number;
  message: string;
}

export class RecordColumns {
  private readonly keyIndex = new Map<string, number>();
  private readonly columns: unknown[][] = [];
  private readonly lines: number[] = [];
  private readonly nonRecords: NonRecord[] = [];

  /** Object records held. */
  get rowCount(): number {
    return this.lines.length;
  }

  /** Every value added, objects or not. */
  get recordCount(): number {
    return this.lines.length + this.nonRecords.length;
  }

  add(value: unknown, line: number): void {
    const row = this.lines.length;
    if (!isRecord(value)) {
      this.nonRecords.push({
        rowsBefore: row,
        line,
        message: `record is not an object (${quoteValue(value)}) — ${RECORD_HINT}`,
      });
      return;
    }
    for (const key of Object.keys(value)) {
      let index = this.keyIndex.get(key);
      if (index === undefined) {
        index = this.columns.length;
        this.keyIndex.set(key, index);
        this.columns.push(new Array<unknown>(row).fill(undefined));
      }
      this.columns[index]!.push(value[key]);
    }
    // Keys this record lacks.
    for (const column of this.columns) if (column.length === row) column.push(undefined);
    this.lines.push(line);
  }

  /** Builds the event table; `issues` are problems found while reading (they come first). */
  finish(file: string, options: ResolvedLoadOptions, issues: readonly Issue[]): LoadResult {
    const names = [...this.keyIndex.keys()];
    if (this.recordCount === 0 && issues.length === 0) {
      throw new DataError([{ file, line: 1, column: '(file)', message: `no events (no records) — ${RECORD_HINT}` }]);
    }
    if (names.length === 0 && issues.length > 0) throw new DataError([...issues]);
    const builder = new EventTableBuilder(
      file,
      names.map((name) => ({ name })),
      options,
      'typed',
    );
    for (const issue of issues) builder.invalidRow(issue.line, issue.column, issue.message);
    const values: unknown[] = new Array(names.length);
    let nonRecord = 0;
    const addNonRecordsBefore = (row: number): void => {
      for (; nonRecord < this.nonRecords.length && this.nonRecords[nonRecord]!.rowsBefore <= row; nonRecord++) {
        const { line, message } = this.nonRecords[nonRecord]!;
        builder.invalidRow(line, '(record)', message);
      }
    };
    for (let row = 0; row < this.rowCount; row++) {
      addNonRecordsBefore(row);
      for (let i = 0; i < names.length; i++) values[i] = this.columns[i]![row];
      builder.addRow(values, names.length, this.lines[row]!);
    }
    addNonRecordsBefore(this.rowCount);
    return builder.finish();
  }
}
