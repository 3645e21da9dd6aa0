/**
 * Where the event-table builder puts the rows it accepts: one sink per output
 * column (text interned, numbers in typed arrays), the line of each row, and
 * at the end the warnings the rows give and the table, each column at its
 * exact length. Parts of one file
 * parsed on other threads are merged here in file order.
 *
 * @example
 *   const columns = new EventColumns(header, resolution.indexOf, 'text');
 *   columns.customerIds.push('c1'); ... columns.buildTable(undefined);
 */
import { table as arqueroTable } from 'arquero';
import {
  float64KeyWords,
  keptRows,
  NumberSink,
  TextSink,
  ValueSink,
  type ColumnSink,
  type KeyWords,
  type OutputColumn,
  type TextColumnPart,
} from './columnSinks.ts';
import {
  MAPPABLE_COLUMNS,
  NUMERIC_COLUMNS,
  SURVEY_SCORE_COLUMNS,
  TEXT_COLUMNS,
  type MappableColumn,
} from '../events.ts';
import { GrowableFloat64Array, GrowableInt32Array, release } from './growableArray.ts';
import { findDuplicateRows } from './duplicateRows.ts';
import type { Issue } from './issues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { duplicateWarnings, futureWarnings, smallGroupWarnings, type WarningRows } from './loadWarnings.ts';
import type { SourceKind } from './sourceHeader.ts';

/** The columns of a part of the file, as a worker hands them back (typed arrays transfer without copying). */
export interface ColumnsPart {
  customerIds: TextColumnPart;
  events: TextColumnPart;
  timestamps: Float64Array;
  lines: Int32Array;
  optionalText: TextColumnPart[];
  optionalNumbers: Float64Array[];
  extras: TextColumnPart[];
}

export class EventColumns {
  readonly customerIds: TextSink;
  readonly events: TextSink;
  readonly timestamps: GrowableFloat64Array;
  /** Each row's line in the file, for warnings that name rows. */
  readonly lines: GrowableInt32Array;
  readonly optionalText: { column: MappableColumn; index: number; sink: TextSink }[] = [];
  readonly optionalNumbers: { column: MappableColumn; index: number; sink: NumberSink }[] = [];
  /** File columns not mapped to an event column, kept under their own names. */
  readonly extras: { name: string; index: number; sink: TextSink | ValueSink }[] = [];

  /** `expectedRows`: an estimate of the rows to come, so columns are allocated once (see growableArray.ts). */
  constructor(
    header: readonly string[],
    indexOf: Partial<Record<MappableColumn, number>>,
    source: SourceKind,
    expectedRows?: number,
  ) {
    this.customerIds = new TextSink(expectedRows);
    this.events = new TextSink(expectedRows);
    this.timestamps = new GrowableFloat64Array(expectedRows);
    this.lines = new GrowableInt32Array(expectedRows);
    for (const column of [...TEXT_COLUMNS, 'comment'] as const) {
      const index = indexOf[column];
      if (index !== undefined) this.optionalText.push({ column, index, sink: new TextSink(expectedRows) });
    }
    for (const column of [...NUMERIC_COLUMNS, ...SURVEY_SCORE_COLUMNS]) {
      const index = indexOf[column];
      if (index !== undefined) this.optionalNumbers.push({ column, index, sink: new NumberSink(true, expectedRows) });
    }
    const used = new Set(Object.values(indexOf));
    const names = new Set<string>(MAPPABLE_COLUMNS.filter((column) => indexOf[column] !== undefined));
    header.forEach((name, index) => {
      if (used.has(index)) return;
      // A file column that shares a canonical name mapped from elsewhere keeps its data under another name.
      let outputName = name;
      while (names.has(outputName)) outputName = `${outputName}_original`;
      names.add(outputName);
      this.extras.push({
        name: outputName,
        index,
        sink: source === 'text' ? new TextSink(expectedRows) : new ValueSink(),
      });
    });
  }

  get rows(): number {
    return this.lines.length;
  }

  toPart(): ColumnsPart {
    const text = (sink: TextSink | ValueSink): TextColumnPart => {
      if (!(sink instanceof TextSink)) throw new Error('toPart: only text sources are split into parts');
      return sink.toPart();
    };
    return {
      customerIds: this.customerIds.toPart(),
      events: this.events.toPart(),
      timestamps: this.timestamps.view(),
      lines: this.lines.view(),
      optionalText: this.optionalText.map((entry) => entry.sink.toPart()),
      optionalNumbers: this.optionalNumbers.map((entry) => entry.sink.values.view()),
      extras: this.extras.map((entry) => text(entry.sink)),
    };
  }

  /**
   * Appends the rows of the part that follows in the file, its lines moved by
   * `lineOffset`. The part is used up: each of its arrays is freed once copied,
   * so the part and this builder's grown columns never both live whole.
   */
  absorb(part: ColumnsPart, lineOffset: number): void {
    this.customerIds.append(part.customerIds);
    this.events.append(part.events);
    this.timestamps.adopt(part.timestamps);
    this.lines.append(part.lines, lineOffset);
    release(part.lines);
    this.optionalText.forEach((entry, index) => entry.sink.append(columnOf(part.optionalText, index)));
    this.optionalNumbers.forEach((entry, index) => entry.sink.values.adopt(columnOf(part.optionalNumbers, index)));
    this.extras.forEach((entry, index) => (entry.sink as TextSink).append(columnOf(part.extras, index)));
  }

  /** Every column's row keys, for finding duplicate rows. */
  keyWords(): KeyWords[] {
    const timestamps = this.timestamps;
    const sinks: ColumnSink[] = [
      this.customerIds,
      this.events,
      ...this.optionalText.map((entry) => entry.sink),
      ...this.optionalNumbers.map((entry) => entry.sink),
      ...this.extras.map((entry) => entry.sink),
    ];
    const [customers, ...rest] = sinks.map((sink) => sink.keyWords());
    return [customers!, float64KeyWords(timestamps.view()), ...rest];
  }

  /**
   * What the rows themselves warn of: duplicate rows (dropped with `dedupe`:
   * `keep` is then 0 for each), future timestamps, channels and segments with
   * fewer than k customers.
   */
  rowWarnings(
    file: string,
    header: readonly string[],
    timestampColumn: string,
    options: ResolvedLoadOptions,
  ): { keep: Uint8Array | undefined; warnings: Issue[] } {
    const rows = this.rows;
    const warnings: Issue[] = [];
    let keep: Uint8Array | undefined;
    const keyWords = this.keyWords();
    const duplicates = findDuplicateRows(rows, keyWords);
    if (duplicates.count > 0 && options.dedupe) {
      keep = new Uint8Array(rows).fill(1);
      for (let i = 0; i < rows; i++) if (duplicates.firstOf[i]! >= 0) keep[i] = 0;
    }
    const loaded: WarningRows = { file, lines: this.lines.view(), keep };
    if (duplicates.count > 0) warnings.push(...duplicateWarnings(loaded, duplicates, options.dedupe));
    release(duplicates.firstOf);
    warnings.push(...futureWarnings(loaded, timestampColumn, this.timestamps.view(), options.now));
    for (const { column, sink, index } of this.optionalText) {
      if (column !== 'channel' && column !== 'segment') continue;
      const values = { codes: sink.codes.view(), dictionary: sink.dictionary };
      const customers = this.customerIds.codes.view();
      warnings.push(...smallGroupWarnings(loaded, column, header[index]!, values, customers, options.k));
    }
    return { keep, warnings };
  }

  /** The table, each column at its exact length; the sinks let go of their buffers as it goes. */
  buildTable(keep: Uint8Array | undefined): LoadResult['table'] {
    // Each row's line served the warnings, and is not part of the table.
    this.lines.discard();
    const columns: Record<string, OutputColumn> = {};
    columns.customer_id = this.customerIds.materialize(keep, false);
    columns.timestamp = keep ? keptRows(this.timestamps.view(), keep) : this.timestamps.exact();
    if (keep) this.timestamps.discard();
    columns.event = this.events.materialize(keep, false);
    for (const column of MAPPABLE_COLUMNS) {
      const text = this.optionalText.find((entry) => entry.column === column);
      if (text) columns[column] = text.sink.materialize(keep);
      const number = this.optionalNumbers.find((entry) => entry.column === column);
      if (number) columns[column] = number.sink.materialize(keep);
    }
    for (const { name, sink } of this.extras) columns[name] = sink.materialize(keep);
    return arqueroTable(columns);
  }
}

/** A part's column; parts come from builders over the same header, so it is always there. */
function columnOf<T>(columns: readonly T[], index: number): T {
  const column = columns[index];
  if (column === undefined) throw new Error(`absorb: the part has no column ${index}`);
  return column;
}
