/**
 * Turns rows from any reader into the canonical event table (spec §1-2):
 * resolves the column mapping, parses and validates each row as it arrives
 * (no per-row objects), collects every problem with its line, and at the end
 * detects duplicates, future timestamps and small segments/channels.
 *
 * @example
 *   const builder = new EventTableBuilder('a.csv', [{ name: 'customer_id' }, ...], resolveLoadOptions(), 'text');
 *   builder.addRow(['c1', '2024-03-10 08:00', 'visit'], 3, 2);
 *   const { table, summary } = builder.finish();
 */
import { table as arqueroTable } from 'arquero';
import { summarizeEvents, type CheckSummary } from './checkSummary.ts';
import { resolveColumns, type ColumnResolution } from './columnMapping.ts';
import {
  countKept,
  float64KeyWords,
  NumberSink,
  TextSink,
  ValueSink,
  type ColumnSink,
  type TextColumnPart,
} from './columnSinks.ts';
import {
  MAPPABLE_COLUMNS,
  NUMERIC_COLUMNS,
  SURVEY_SCORE_COLUMNS,
  TEXT_COLUMNS,
  type MappableColumn,
} from '../events.ts';
import { GrowableFloat64Array, GrowableInt32Array } from './growableArray.ts';
import { DataError } from './dataError.ts';
import { quoteValue, type Issue } from './issues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { findDuplicateRows } from './duplicateRows.ts';
import { numberHint, numberOf, rowPreview, textOf } from './cellValues.ts';
import {
  duplicateWarnings,
  futureWarnings,
  skippedWarnings,
  smallGroupWarnings,
  type WarningRows,
} from './loadWarnings.ts';
import { fieldText, type CsvRow } from './csvParser.ts';
import { CustomerIdColumn, type CustomerIdColumnState } from './customerIdColumn.ts';
import { parseNumberBytes } from './parseNumber.ts';
import { TimestampColumn, type TimestampColumnState } from './timestampColumn.ts';
import { totalsLabel, totalsRowMessage } from './totalsRow.ts';

/** Errors kept in memory; more are counted, not stored. */
export const STORED_ISSUE_LIMIT = 10_000;

export interface SourceColumn {
  name: string;
  /** A typed instant (Parquet/Arrow timestamp or date): numbers are epoch ms as they are. */
  isInstant?: boolean;
}

/** `text`: every value is a string as in CSV; `typed`: JSON, Parquet, Arrow values. */
export type SourceKind = 'text' | 'typed';

/** Cleans header names: trimmed (and a stray BOM dropped), empty ones named `column_N`, repeats suffixed `_2`. */
export function cleanHeader(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, index) => {
    let name = raw.replace(/^\uFEFF/, '').trim() || `column_${index + 1}`;
    if (seen.has(name)) {
      let suffix = 2;
      while (seen.has(`${name}_${suffix}`)) suffix++;
      name = `${name}_${suffix}`;
    }
    seen.add(name);
    return name;
  });
}

/** A builder's rows and issues, as a worker hands them back (typed arrays transfer without copying). */
export interface BuilderPart {
  customerIds: TextColumnPart;
  events: TextColumnPart;
  timestamps: Float64Array;
  lines: Int32Array;
  optionalText: TextColumnPart[];
  optionalNumbers: Float64Array[];
  extras: TextColumnPart[];
  errors: Issue[];
  errorCount: number;
  skippedIssues: Issue[];
  skipped: number;
  firstSkippedLine: number;
  fatal: boolean;
  timestampColumn: TimestampColumnState;
  customerIdColumn: CustomerIdColumnState;
}

export class EventTableBuilder {
  readonly file: string;
  readonly header: string[];
  readonly options: ResolvedLoadOptions;
  private readonly timestampColumn: TimestampColumn;
  private readonly customerIdColumn: CustomerIdColumn;
  private readonly resolution: ColumnResolution;
  private readonly isInstant: boolean[];
  private readonly errors: Issue[] = [];
  private errorCount = 0;
  private readonly skippedIssues: Issue[] = [];
  private fatal = false;
  private skipped = 0;
  private firstSkippedLine = 0;

  // Output columns, in output order, and how each is fed.
  private readonly customerIds = new TextSink();
  private readonly events = new TextSink();
  private readonly timestamps = new GrowableFloat64Array();
  private readonly lines = new GrowableInt32Array();
  private readonly optionalText: { column: MappableColumn; index: number; sink: TextSink }[] = [];
  private readonly optionalNumbers: { column: MappableColumn; index: number; sink: NumberSink }[] = [];
  private readonly extras: { name: string; index: number; sink: TextSink | ValueSink }[] = [];
  private readonly parsedNumbers: number[] = [];
  private readonly idIndex: number;
  private readonly timestampIndex: number;
  private readonly eventIndex: number;

  /** The header's line: 1, or 2 after Excel's `sep=` line. */
  private readonly headerLine: number;

  constructor(
    file: string,
    header: readonly SourceColumn[],
    options: ResolvedLoadOptions,
    source: SourceKind,
    headerLine = 1,
  ) {
    this.file = file;
    this.headerLine = headerLine;
    this.options = options;
    this.timestampColumn = new TimestampColumn(options);
    this.header = cleanHeader(header.map((column) => column.name));
    this.isInstant = header.map((column) => column.isInstant === true);
    this.resolution = resolveColumns(this.header, options.map, options.timestampOptional);
    this.reportColumnProblems();
    const { indexOf } = this.resolution;
    this.idIndex = indexOf.customer_id ?? -1;
    this.timestampIndex = indexOf.timestamp ?? -1;
    this.eventIndex = indexOf.event ?? -1;
    this.customerIdColumn = new CustomerIdColumn(this.header[this.idIndex] ?? 'customer_id');
    for (const column of [...TEXT_COLUMNS, 'comment'] as const) {
      const index = indexOf[column];
      if (index !== undefined) this.optionalText.push({ column, index, sink: new TextSink() });
    }
    for (const column of [...NUMERIC_COLUMNS, ...SURVEY_SCORE_COLUMNS]) {
      const index = indexOf[column];
      if (index !== undefined) this.optionalNumbers.push({ column, index, sink: new NumberSink(true) });
    }
    const used = new Set(Object.values(indexOf));
    const names = new Set<string>(MAPPABLE_COLUMNS.filter((column) => indexOf[column] !== undefined));
    this.header.forEach((name, index) => {
      if (used.has(index)) return;
      // A file column that shares a canonical name mapped from elsewhere keeps its data under another name.
      let outputName = name;
      while (names.has(outputName)) outputName = `${outputName}_original`;
      names.add(outputName);
      this.extras.push({ name: outputName, index, sink: source === 'text' ? new TextSink() : new ValueSink() });
    });
  }

  private sheetCells: { sheet: string; letters: readonly string[] } | undefined;

  /** Issues name workbook cells (`明细!B7`): `letters[i]` is header column i's column letter. */
  useSheetCells(sheet: string, letters: readonly string[]): void {
    this.sheetCells = { sheet, letters };
  }

  private locate(issue: Issue): void {
    if (!this.sheetCells || issue.cell !== undefined) return;
    const { sheet, letters } = this.sheetCells;
    const prefix = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
    const letter = letters[this.header.indexOf(issue.column)];
    issue.cell = letter === undefined ? `${prefix}!${issue.line}:${issue.line}` : `${prefix}!${letter}${issue.line}`;
  }

  /** Whether the header already made the file unreadable (rows are then ignored). */
  get hasFatalError(): boolean {
    return this.fatal;
  }

  private reportColumnProblems(): void {
    const found = this.header.join(', ') || '(none)';
    for (const problem of this.resolution.problems) {
      const suggestion = problem.suggestion;
      if (problem.kind === 'missing') {
        const todo = suggestion
          ? `map it with --map ${problem.column}=${suggestion}`
          : `rename a column to ${problem.column} or map one with --map ${problem.column}=<column>`;
        this.fileError(this.headerLine, problem.column, `required column missing (columns found: ${found}) — ${todo}`);
      } else {
        const todo = suggestion ? `did you mean --map ${problem.column}=${suggestion}?` : 'map a column that exists';
        this.fileError(
          this.headerLine,
          problem.fileColumn ?? problem.column,
          `column given in --map ${problem.column}=${problem.fileColumn} is not in the file (columns found: ${found}) — ${todo}`,
          { column: problem.column, found: this.header },
        );
      }
    }
  }

  /** An error that makes the whole file unusable (no table is produced, even with --skip-invalid). */
  fileError(line: number, column: string, message: string, unmapped?: Issue['unmapped']): void {
    this.fatal = true;
    this.pushError({ file: this.file, line, column, message, ...(unmapped && { unmapped }) });
  }

  private pushError(issue: Issue): void {
    this.errorCount++;
    if (this.errors.length < STORED_ISSUE_LIMIT) this.errors.push(issue);
  }

  /** A problem with one row: an error, or with --skip-invalid a warning and the row is skipped. */
  rowError(line: number, column: string, message: string): void {
    const issue = { file: this.file, line, column, message };
    if (this.options.skipInvalid) {
      if (this.skippedIssues.length < STORED_ISSUE_LIMIT) this.skippedIssues.push(issue);
    } else this.pushError(issue);
  }

  /** A row that cannot be read at all (e.g. an unterminated quote): reported and skipped. */
  invalidRow(line: number, column: string, message: string): void {
    if (this.fatal) return;
    this.rowError(line, column, message);
    this.markSkipped(line);
  }

  private markSkipped(line: number): void {
    if (this.skipped === 0) this.firstSkippedLine = line;
    this.skipped++;
  }

  /**
   * Adds one row. `values[i]` is the value of header column i; `line` is the
   * row's line (or record number); `fieldLines[i]` the line where field i starts
   * when quoted newlines moved it.
   */
  addRow(values: ArrayLike<unknown>, count: number, line: number, fieldLines?: ArrayLike<number>): void {
    if (this.fatal) return;
    const width = this.header.length;
    if (count !== width) {
      const what = count < width ? 'missing fields' : 'extra fields';
      this.rowError(
        line,
        '(row)',
        `${count} fields where the header has ${width}, ${what} (${quoteValue(rowPreview(values, count), 60)}) — quote fields that contain the delimiter or a line break, and give every row one field per column`,
      );
      this.markSkipped(line);
      return;
    }
    const lineOf = (index: number): number => (fieldLines ? fieldLines[index]! : line);
    let valid = true;

    const idValue = values[this.idIndex];
    const idText = textOf(idValue);
    const timestampBlank = this.timestampIndex < 0 || (textOf(values[this.timestampIndex]) ?? '').trim() === '';
    if (timestampBlank && idText !== null && this.isTotalsRow(idText, lineOf(this.idIndex), line)) return;
    const id = idText === null ? null : this.customerIdColumn.text(idText, lineOf(this.idIndex));
    if (typeof idValue === 'number' && !Number.isSafeInteger(idValue) && Number.isInteger(idValue)) {
      valid = false;
      this.rowError(
        lineOf(this.idIndex),
        this.header[this.idIndex] ?? 'customer_id',
        `customer id is a number too large to hold exactly (beyond 2^53) — write the ids as text ("13800138000123456789")`,
      );
    } else if (id === null || id === '') {
      valid = false;
      this.rowError(
        lineOf(this.idIndex),
        this.header[this.idIndex]!,
        `empty customer id (${quoteValue(idValue ?? '')}) — fill it in or drop the row (--skip-invalid)`,
      );
    }
    const eventValue = values[this.eventIndex];
    const event = textOf(eventValue);
    if (event === null || event.trim() === '') {
      valid = false;
      this.rowError(
        lineOf(this.eventIndex),
        this.header[this.eventIndex]!,
        `empty event name (${quoteValue(eventValue ?? '')}) — fill it in or drop the row (--skip-invalid)`,
      );
    }
    const timestampValue = values[this.timestampIndex];
    const timestampLine = lineOf(this.timestampIndex);
    // A survey without a timestamp column: its rows never enter time-based analyses.
    const timestamp =
      this.timestampIndex < 0
        ? 0
        : this.timestampColumn.read(timestampValue, this.isInstant[this.timestampIndex] === true, timestampLine);
    if (timestamp !== timestamp) {
      valid = false;
      const raw = textOf(timestampValue) ?? '';
      const what = raw.trim() ? 'not a timestamp' : 'empty timestamp';
      this.rowError(
        timestampLine,
        this.header[this.timestampIndex]!,
        `${what} (${quoteValue(timestampValue ?? '')}) — ${this.timestampColumn.hint(raw)}`,
      );
    }
    const numbers = this.optionalNumbers;
    for (let n = 0; n < numbers.length; n++) {
      const { index } = numbers[n]!;
      const parsed = numberOf(values[index], this.options.numberFormat);
      if (parsed === undefined) {
        valid = false;
        this.rowError(lineOf(index), this.header[index]!, this.numberProblem(values[index]));
      }
    }
    if (!valid) {
      this.markSkipped(line);
      return;
    }

    this.customerIds.push(id);
    this.events.push(event);
    this.timestamps.push(timestamp);
    this.lines.push(line);
    const texts = this.optionalText;
    for (let t = 0; t < texts.length; t++) {
      const text = textOf(values[texts[t]!.index]);
      texts[t]!.sink.push(text === null || text === '' ? null : text);
    }
    for (let n = 0; n < numbers.length; n++) {
      const parsed = numberOf(values[numbers[n]!.index], this.options.numberFormat);
      numbers[n]!.sink.push(parsed === null || parsed === undefined ? NaN : parsed);
    }
    const extras = this.extras;
    for (let e = 0; e < extras.length; e++) {
      const { sink, index } = extras[e]!;
      const value = values[index];
      if (sink instanceof TextSink)
        sink.push(value === '' || value === undefined || value === null ? null : (value as string));
      else sink.push(value);
    }
  }

  /** Adds one CSV row, parsing and interning fields straight from the parser's bytes. */
  addCsvRow(row: CsvRow): void {
    if (this.fatal) return;
    const { bytes, count, starts, ends, quoted, fieldLines } = row;
    if (count !== this.header.length) {
      const values: string[] = [];
      for (let i = 0; i < count; i++) values.push(fieldText(row, i));
      this.addRow(values, count, row.line, fieldLines);
      return;
    }
    let valid = true;
    const id = this.idIndex;
    const at = this.timestampIndex;
    const timestampBlank =
      at < 0 || (quoted[at] !== undefined ? quoted[at].trim() === '' : isBlank(bytes, starts[at]!, ends[at]!));
    if (timestampBlank && this.isTotalsRow(fieldText(row, id), fieldLines[id]!, row.line)) return;
    if (quoted[id] !== undefined ? quoted[id].trim() === '' : isBlank(bytes, starts[id]!, ends[id]!)) {
      valid = false;
      this.rowError(
        fieldLines[id]!,
        this.header[id]!,
        `empty customer id (${quoteValue(fieldText(row, id))}) — fill it in or drop the row (--skip-invalid)`,
      );
    }
    const event = this.eventIndex;
    if (quoted[event] !== undefined ? quoted[event].trim() === '' : isBlank(bytes, starts[event]!, ends[event]!)) {
      valid = false;
      this.rowError(
        fieldLines[event]!,
        this.header[event]!,
        `empty event name (${quoteValue(fieldText(row, event))}) — fill it in or drop the row (--skip-invalid)`,
      );
    }
    const quotedTimestamp = quoted[at];
    const timestamp =
      at < 0
        ? 0
        : quotedTimestamp !== undefined
          ? this.timestampColumn.read(quotedTimestamp, false, fieldLines[at]!)
          : this.timestampColumn.readBytes(bytes, starts[at]!, ends[at]!, fieldLines[at]!);
    if (timestamp !== timestamp) {
      valid = false;
      const raw = fieldText(row, at);
      const what = raw.trim() ? 'not a timestamp' : 'empty timestamp';
      this.rowError(
        fieldLines[at]!,
        this.header[at]!,
        `${what} (${quoteValue(raw)}) — ${this.timestampColumn.hint(raw)}`,
      );
    }
    const numbers = this.optionalNumbers;
    const parsedNumbers = this.parsedNumbers;
    for (let n = 0; n < numbers.length; n++) {
      const index = numbers[n]!.index;
      const text = quoted[index];
      let parsed: number;
      if (text !== undefined) {
        const number = numberOf(text, this.options.numberFormat);
        parsed = number === null ? NaN : number === undefined ? -Infinity : number;
      } else if (isBlank(bytes, starts[index]!, ends[index]!)) parsed = NaN;
      else if (this.options.numberFormat === '1.234,56') {
        parsed = numberOf(fieldText(row, index), this.options.numberFormat) ?? -Infinity;
      } else {
        parsed = parseNumberBytes(bytes, starts[index]!, ends[index]!);
        if (parsed !== parsed && this.options.numberFormat) {
          parsed = numberOf(fieldText(row, index), this.options.numberFormat) ?? NaN;
        }
        // A number that does not parse (or overflows, 1e309) is marked -Infinity.
        if (parsed !== parsed || parsed === Infinity) parsed = -Infinity;
      }
      if (parsed === -Infinity) {
        valid = false;
        this.rowError(fieldLines[index]!, this.header[index]!, this.numberProblem(fieldText(row, index)));
      }
      parsedNumbers[n] = parsed;
    }
    if (!valid) {
      this.markSkipped(row.line);
      return;
    }
    this.pushCustomerId(row, id);
    pushField(this.events, row, event);
    this.timestamps.push(timestamp);
    this.lines.push(row.line);
    const texts = this.optionalText;
    for (let t = 0; t < texts.length; t++) pushOptionalField(texts[t]!.sink, row, texts[t]!.index);
    for (let n = 0; n < numbers.length; n++) numbers[n]!.sink.push(parsedNumbers[n]!);
    const extras = this.extras;
    for (let e = 0; e < extras.length; e++) pushOptionalField(extras[e]!.sink as TextSink, row, extras[e]!.index);
  }

  /** An Excel totals row (合计 with no timestamp): one issue naming it, and the row is not read. */
  private isTotalsRow(idText: string, idLine: number, line: number): boolean {
    const label = totalsLabel(idText);
    if (label === null) return false;
    const timestampColumn = this.timestampIndex < 0 ? null : this.header[this.timestampIndex]!;
    this.rowError(idLine, this.header[this.idIndex]!, totalsRowMessage(label, timestampColumn));
    this.markSkipped(line);
    return true;
  }

  /** A CSV row's customer id, trimmed; checked for scientific notation when it may be one. */
  private pushCustomerId(row: CsvRow, index: number): void {
    const quotedId = row.quoted[index];
    const start = row.starts[index] ?? 0;
    const end = row.ends[index] ?? 0;
    if (
      quotedId === undefined &&
      (row.bytes[start] ?? 0) > 32 &&
      (row.bytes[end - 1] ?? 0) > 32 &&
      !CustomerIdColumn.mayBeScientific(row.bytes, start, end)
    ) {
      this.customerIds.pushBytes(row.bytes, start, end);
      return;
    }
    this.customerIds.push(this.customerIdColumn.text(fieldText(row, index), row.fieldLines[index] ?? row.line));
  }

  private numberProblem(value: unknown): string {
    const format = this.options.numberFormat;
    const what =
      numberOf(value) === undefined && /^[\s+-]*[\d.]+e/i.test(String(value)) ? 'number out of range' : 'not a number';
    return `${what} (${quoteValue(value)}) — ${numberHint(value, format)}`;
  }

  /** This builder's rows and issues, for merging into the builder of another part of the same file. */
  toPart(): BuilderPart {
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
      errors: this.errors,
      errorCount: this.errorCount,
      skippedIssues: this.skippedIssues,
      skipped: this.skipped,
      firstSkippedLine: this.firstSkippedLine,
      fatal: this.fatal,
      timestampColumn: this.timestampColumn.state(),
      customerIdColumn: this.customerIdColumn.state(),
    };
  }

  /**
   * Appends the rows and issues of the part that follows this builder's in the
   * file, its lines moved by `lineOffset` (a part counts lines from its own start).
   */
  absorb(part: BuilderPart, lineOffset: number): void {
    const moved = (issue: Issue): Issue => ({ ...issue, line: issue.line + lineOffset });
    this.customerIds.append(part.customerIds);
    this.events.append(part.events);
    this.timestamps.append(part.timestamps);
    this.lines.append(part.lines, lineOffset);
    this.optionalText.forEach((entry, index) => entry.sink.append(columnOf(part.optionalText, index)));
    this.optionalNumbers.forEach((entry, index) => entry.sink.values.append(columnOf(part.optionalNumbers, index)));
    this.extras.forEach((entry, index) => (entry.sink as TextSink).append(columnOf(part.extras, index)));
    for (const issue of part.errors) if (this.errors.length < STORED_ISSUE_LIMIT) this.errors.push(moved(issue));
    this.errorCount += part.errorCount;
    for (const issue of part.skippedIssues)
      if (this.skippedIssues.length < STORED_ISSUE_LIMIT) this.skippedIssues.push(moved(issue));
    if (this.skipped === 0 && part.skipped > 0) this.firstSkippedLine = part.firstSkippedLine + lineOffset;
    this.skipped += part.skipped;
    this.fatal ||= part.fatal;
    this.timestampColumn.absorb(part.timestampColumn, lineOffset);
    this.customerIdColumn.absorb(part.customerIdColumn, lineOffset);
  }

  /** The table and summary; throws DataError when there are errors (and for fatal ones always). */
  finish(): LoadResult {
    const rows = this.lines.length;
    if (!this.fatal && rows === 0 && (this.skipped === 0 || this.options.skipInvalid)) {
      const what =
        this.skipped > 0
          ? `no valid events (all ${this.skipped} rows are invalid)`
          : 'no events (the file has a header but no rows)';
      this.fileError(
        this.skipped > 0 ? this.firstSkippedLine : this.headerLine + 1,
        '(file)',
        `${what} — export at least one event row`,
      );
    }
    const warnings: Issue[] = [];
    const columnWarnings: Issue[] = [];
    if (!this.fatal) {
      const columns = [
        { column: this.header[this.idIndex] ?? 'customer_id', problems: this.customerIdColumn.problems() },
        { column: this.header[this.timestampIndex] ?? 'timestamp', problems: this.timestampColumn.problems() },
      ];
      for (const { column, problems } of columns) {
        for (const { line, message, fatal } of problems) {
          if (fatal) this.fileError(line, column, message);
          else columnWarnings.push({ file: this.file, line, column, message });
        }
      }
    }
    let keep: Uint8Array | undefined;
    if (this.errorCount === 0) {
      const duplicates = findDuplicateRows(
        rows,
        this.rowSinks().map((sink) => sink.keyWords()),
      );
      if (duplicates.count > 0 && this.options.dedupe) {
        keep = new Uint8Array(rows).fill(1);
        for (let i = 0; i < rows; i++) if (duplicates.firstOf[i]! >= 0) keep[i] = 0;
      }
      const loaded: WarningRows = { file: this.file, lines: this.lines.view(), keep };
      if (duplicates.count > 0) warnings.push(...duplicateWarnings(loaded, duplicates, this.options.dedupe));
      const timestampColumn = this.header[this.timestampIndex]!;
      warnings.push(...futureWarnings(loaded, timestampColumn, this.timestamps.view(), this.options.now));
      for (const { column, sink, index } of this.optionalText) {
        if (column !== 'channel' && column !== 'segment') continue;
        const values = { codes: sink.codes.view(), dictionary: sink.dictionary };
        const customers = this.customerIds.codes.view();
        warnings.push(...smallGroupWarnings(loaded, column, this.header[index]!, values, customers, this.options.k));
      }
      if (this.skipped > 0)
        warnings.push(...skippedWarnings(this.file, this.skippedIssues, this.skipped, this.firstSkippedLine));
    }
    warnings.push(...columnWarnings);
    for (const issue of this.errors) this.locate(issue);
    for (const issue of warnings) this.locate(issue);
    const summary = this.summarize(keep, warnings);
    if (this.errorCount > 0) {
      // Readers may report some problems out of file order (NDJSON syntax errors); list them by line.
      this.errors.sort((a, b) => a.line - b.line);
      summary.errors = this.errors.slice();
      throw new DataError(this.errors, this.errorCount, summary);
    }
    const duplicatesDropped = keep ? rows - countKept(keep) : 0;
    return { table: this.buildTable(keep), summary, skipped: this.skipped, duplicatesDropped };
  }

  private rowSinks(): ColumnSink[] {
    const parsed = this.timestamps;
    const timestamps: ColumnSink = {
      length: parsed.length,
      keyWords: () => float64KeyWords(parsed.view()),
      materialize: () => parsed.view(),
    };
    return [
      this.customerIds,
      timestamps,
      this.events,
      ...this.optionalText.map((entry) => entry.sink),
      ...this.optionalNumbers.map((entry) => entry.sink),
      ...this.extras.map((entry) => entry.sink),
    ];
  }

  private summarize(keep: Uint8Array | undefined, warnings: Issue[]): CheckSummary {
    return summarizeEvents({
      customers: { codes: this.customerIds.codes.view(), distinct: this.customerIds.distinct() },
      events: { codes: this.events.codes.view(), distinct: this.events.distinct() },
      timestamps: this.timestamps.view(),
      keep,
      found: this.header,
      mapped: this.resolution.mapped,
      errors: this.errors,
      warnings,
    });
  }

  private buildTable(keep: Uint8Array | undefined): LoadResult['table'] {
    const columns: Record<string, ArrayLike<unknown>> = {};
    columns.customer_id = this.customerIds.materialize(keep);
    const timestamps = this.timestamps.view();
    if (keep) {
      const out = new Float64Array(countKept(keep));
      let j = 0;
      for (let i = 0; i < timestamps.length; i++) if (keep[i]) out[j++] = timestamps[i]!;
      columns.timestamp = out;
    } else columns.timestamp = timestamps.slice();
    columns.event = this.events.materialize(keep);
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

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! > 32) return false;
  return true;
}

function pushField(sink: TextSink, row: CsvRow, index: number): void {
  const value = row.quoted[index];
  if (value !== undefined) sink.push(value);
  else sink.pushBytes(row.bytes, row.starts[index]!, row.ends[index]!);
}

/** An optional text field: empty is `null`. */
function pushOptionalField(sink: TextSink, row: CsvRow, index: number): void {
  const value = row.quoted[index];
  if (value !== undefined) sink.push(value === '' ? null : value);
  else if (row.starts[index] === row.ends[index]) sink.push(null);
  else sink.pushBytes(row.bytes, row.starts[index]!, row.ends[index]!);
}
