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
import { summarizeEvents, type CheckSummary } from './checkSummary.ts';
import { columnProblemMessage, resolveColumns, type ColumnResolution } from './columnMapping.ts';
import { countKept, TextSink } from './columnSinks.ts';
import { EventColumns, type ColumnsPart } from './eventColumns.ts';
import { DataError } from './dataError.ts';
import { quoteValue, type Issue } from './issues.ts';
import { LoadIssues, locateInSheet, type IssuesPart } from './loadIssues.ts';
import type { LoadResult } from './loadResult.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { numberOf, numberProblem, rowPreview, textOf } from './cellValues.ts';
import { skippedWarnings } from './loadWarnings.ts';
import { fieldText, type CsvRow } from './csvParser.ts';
import { csvNumber, isBlankField, pushField, pushOptionalField } from './csvFields.ts';
import { CustomerIdColumn, type CustomerIdColumnState } from './customerIdColumn.ts';
import { cleanHeader, type SourceColumn, type SourceKind } from './sourceHeader.ts';
import { TimestampColumn, type TimestampColumnState } from './timestampColumn.ts';
import { totalsLabel, totalsRowMessage } from './totalsRow.ts';

export { cleanHeader, type SourceColumn, type SourceKind } from './sourceHeader.ts';
export { STORED_ISSUE_LIMIT } from './loadIssues.ts';

/** A builder's rows and issues, as a worker hands them back (typed arrays transfer without copying). */
export interface BuilderPart extends ColumnsPart, IssuesPart {
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
  private readonly issues: LoadIssues;
  private readonly columns: EventColumns;
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
    /** An estimate of the rows to come (a CSV's size over its bytes per row), so columns are allocated once. */
    expectedRows?: number,
  ) {
    this.file = file;
    this.headerLine = headerLine;
    this.options = options;
    this.issues = new LoadIssues(file, options.skipInvalid);
    this.timestampColumn = new TimestampColumn(options);
    this.header = cleanHeader(header.map((column) => column.name));
    this.isInstant = header.map((column) => column.isInstant === true);
    this.resolution = resolveColumns(this.header, options.map, options.timestampOptional);
    for (const problem of this.resolution.problems) {
      const { column, message, unmapped } = columnProblemMessage(problem, this.header);
      this.fileError(headerLine, column, message, unmapped);
    }
    const { indexOf } = this.resolution;
    this.idIndex = indexOf.customer_id ?? -1;
    this.timestampIndex = indexOf.timestamp ?? -1;
    this.eventIndex = indexOf.event ?? -1;
    this.customerIdColumn = new CustomerIdColumn(this.header[this.idIndex] ?? 'customer_id');
    this.columns = new EventColumns(this.header, indexOf, source, expectedRows);
  }

  private sheetCells: { sheet: string; letters: readonly string[] } | undefined;

  /** Issues name workbook cells (`明细!B7`): `letters[i]` is header column i's column letter. */
  useSheetCells(sheet: string, letters: readonly string[]): void {
    this.sheetCells = { sheet, letters };
  }

  private locate(issue: Issue): void {
    if (this.sheetCells) locateInSheet(issue, this.sheetCells.sheet, this.sheetCells.letters, this.header);
  }

  /** Whether the header already made the file unreadable (rows are then ignored). */
  get hasFatalError(): boolean {
    return this.issues.fatal;
  }

  /** An error that makes the whole file unusable (no table is produced, even with --skip-invalid). */
  fileError(line: number, column: string, message: string, unmapped?: Issue['unmapped']): void {
    this.issues.fileError(line, column, message, unmapped);
  }

  /** A problem with one row: an error, or with --skip-invalid a warning and the row is skipped. */
  rowError(line: number, column: string, message: string): void {
    this.issues.rowError(line, column, message);
  }

  /** A row that cannot be read at all (e.g. an unterminated quote): reported and skipped. */
  invalidRow(line: number, column: string, message: string): void {
    if (this.issues.fatal) return;
    this.rowError(line, column, message);
    this.issues.markSkipped(line);
  }

  /**
   * Adds one row. `values[i]` is the value of header column i; `line` is the
   * row's line (or record number); `fieldLines[i]` the line where field i starts
   * when quoted newlines moved it.
   */
  addRow(values: ArrayLike<unknown>, count: number, line: number, fieldLines?: ArrayLike<number>): void {
    if (this.issues.fatal) return;
    const width = this.header.length;
    if (count !== width) {
      const what = count < width ? 'missing fields' : 'extra fields';
      this.rowError(
        line,
        '(row)',
        `${count} fields where the header has ${width}, ${what} (${quoteValue(rowPreview(values, count), 60)}) — quote fields that contain the delimiter or a line break, and give every row one field per column`,
      );
      this.issues.markSkipped(line);
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
    const numbers = this.columns.optionalNumbers;
    for (let n = 0; n < numbers.length; n++) {
      const { index } = numbers[n]!;
      const parsed = numberOf(values[index], this.options.numberFormat);
      if (parsed === undefined) {
        valid = false;
        this.rowError(lineOf(index), this.header[index]!, numberProblem(values[index], this.options.numberFormat));
      }
    }
    if (!valid) {
      this.issues.markSkipped(line);
      return;
    }

    const columns = this.columns;
    columns.customerIds.push(id);
    columns.events.push(event);
    columns.timestamps.push(timestamp);
    columns.lines.push(line);
    const texts = columns.optionalText;
    for (let t = 0; t < texts.length; t++) {
      const text = textOf(values[texts[t]!.index]);
      texts[t]!.sink.push(text === null || text === '' ? null : text);
    }
    for (let n = 0; n < numbers.length; n++) {
      const parsed = numberOf(values[numbers[n]!.index], this.options.numberFormat);
      numbers[n]!.sink.push(parsed === null || parsed === undefined ? NaN : parsed);
    }
    const extras = columns.extras;
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
    if (this.issues.fatal) return;
    const { count, quoted, fieldLines } = row;
    if (count !== this.header.length) {
      const values: string[] = [];
      for (let i = 0; i < count; i++) values.push(fieldText(row, i));
      this.addRow(values, count, row.line, fieldLines);
      return;
    }
    let valid = true;
    const id = this.idIndex;
    const at = this.timestampIndex;
    const timestampBlank = at < 0 || isBlankField(row, at);
    if (timestampBlank && this.isTotalsRow(fieldText(row, id), fieldLines[id]!, row.line)) return;
    if (isBlankField(row, id)) {
      valid = false;
      this.rowError(
        fieldLines[id]!,
        this.header[id]!,
        `empty customer id (${quoteValue(fieldText(row, id))}) — fill it in or drop the row (--skip-invalid)`,
      );
    }
    const event = this.eventIndex;
    if (isBlankField(row, event)) {
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
          : this.timestampColumn.readBytes(row.bytes, row.starts[at]!, row.ends[at]!, fieldLines[at]!);
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
    const columns = this.columns;
    const numbers = columns.optionalNumbers;
    const parsedNumbers = this.parsedNumbers;
    for (let n = 0; n < numbers.length; n++) {
      const index = numbers[n]!.index;
      const parsed = csvNumber(row, index, this.options.numberFormat);
      if (parsed === -Infinity) {
        valid = false;
        this.rowError(
          fieldLines[index]!,
          this.header[index]!,
          numberProblem(fieldText(row, index), this.options.numberFormat),
        );
      }
      parsedNumbers[n] = parsed;
    }
    if (!valid) {
      this.issues.markSkipped(row.line);
      return;
    }
    this.pushCustomerId(row, id);
    pushField(columns.events, row, event);
    columns.timestamps.push(timestamp);
    columns.lines.push(row.line);
    const texts = columns.optionalText;
    for (let t = 0; t < texts.length; t++) pushOptionalField(texts[t]!.sink, row, texts[t]!.index);
    for (let n = 0; n < numbers.length; n++) numbers[n]!.sink.push(parsedNumbers[n]!);
    const extras = columns.extras;
    for (let e = 0; e < extras.length; e++) pushOptionalField(extras[e]!.sink as TextSink, row, extras[e]!.index);
  }

  /** An Excel totals row (合计 with no timestamp): one issue naming it, and the row is not read. */
  private isTotalsRow(idText: string, idLine: number, line: number): boolean {
    const label = totalsLabel(idText);
    if (label === null) return false;
    const timestampColumn = this.timestampIndex < 0 ? null : this.header[this.timestampIndex]!;
    this.rowError(idLine, this.header[this.idIndex]!, totalsRowMessage(label, timestampColumn));
    this.issues.markSkipped(line);
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
      this.columns.customerIds.pushBytes(row.bytes, start, end);
      return;
    }
    this.columns.customerIds.push(this.customerIdColumn.text(fieldText(row, index), row.fieldLines[index] ?? row.line));
  }

  /** This builder's rows and issues, for merging into the builder of another part of the same file. */
  toPart(): BuilderPart {
    return {
      ...this.columns.toPart(),
      ...this.issues.toPart(),
      timestampColumn: this.timestampColumn.state(),
      customerIdColumn: this.customerIdColumn.state(),
    };
  }

  /**
   * Appends the rows and issues of the part that follows this builder's in the
   * file, its lines moved by `lineOffset` (a part counts lines from its own start).
   */
  absorb(part: BuilderPart, lineOffset: number): void {
    this.columns.absorb(part, lineOffset);
    this.issues.absorb(part, lineOffset);
    this.timestampColumn.absorb(part.timestampColumn, lineOffset);
    this.customerIdColumn.absorb(part.customerIdColumn, lineOffset);
  }

  /** The table and summary; throws DataError when there are errors (and for fatal ones always). */
  finish(): LoadResult {
    const { issues, columns } = this;
    const rows = columns.rows;
    if (!issues.fatal && rows === 0 && (issues.skipped === 0 || this.options.skipInvalid)) {
      const what =
        issues.skipped > 0
          ? `no valid events (all ${issues.skipped} rows are invalid)`
          : 'no events (the file has a header but no rows)';
      this.fileError(
        issues.skipped > 0 ? issues.firstSkippedLine : this.headerLine + 1,
        '(file)',
        `${what} — export at least one event row`,
      );
    }
    const warnings: Issue[] = [];
    const columnWarnings: Issue[] = [];
    if (!issues.fatal) {
      const problemColumns = [
        { column: this.header[this.idIndex] ?? 'customer_id', problems: this.customerIdColumn.problems() },
        { column: this.header[this.timestampIndex] ?? 'timestamp', problems: this.timestampColumn.problems() },
      ];
      for (const { column, problems } of problemColumns) {
        for (const { line, message, fatal } of problems) {
          if (fatal) this.fileError(line, column, message);
          else columnWarnings.push({ file: this.file, line, column, message });
        }
      }
    }
    let keep: Uint8Array | undefined;
    if (issues.errorCount === 0) {
      const timestampColumn = this.header[this.timestampIndex]!;
      const found = columns.rowWarnings(this.file, this.header, timestampColumn, this.options);
      keep = found.keep;
      warnings.push(...found.warnings);
      if (issues.skipped > 0)
        warnings.push(...skippedWarnings(this.file, issues.skippedIssues, issues.skipped, issues.firstSkippedLine));
    }
    warnings.push(...columnWarnings);
    for (const issue of issues.errors) this.locate(issue);
    for (const issue of warnings) this.locate(issue);
    const summary = this.summarize(keep, warnings);
    if (issues.errorCount > 0) {
      // Readers may report some problems out of file order (NDJSON syntax errors); list them by line.
      issues.errors.sort((a, b) => a.line - b.line);
      summary.errors = issues.errors.slice();
      throw new DataError(issues.errors, issues.errorCount, summary);
    }
    const duplicatesDropped = keep ? rows - countKept(keep) : 0;
    return { table: columns.buildTable(keep), summary, skipped: issues.skipped, duplicatesDropped };
  }

  private summarize(keep: Uint8Array | undefined, warnings: Issue[]): CheckSummary {
    return summarizeEvents({
      customers: { codes: this.columns.customerIds.codes.view(), distinct: this.columns.customerIds.distinct() },
      events: { codes: this.columns.events.codes.view(), distinct: this.columns.events.distinct() },
      timestamps: this.columns.timestamps.view(),
      keep,
      found: this.header,
      mapped: this.resolution.mapped,
      errors: this.issues.errors,
      warnings,
    });
  }
}
