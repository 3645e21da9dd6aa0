/**
 * Reads the timestamp column of one file: the spec §1 forms on the fast path,
 * then the spreadsheet forms (excelTimestamp.ts), while keeping what the
 * column-wide rules need: compact `YYYYMMDD` stamps are accepted only when
 * every value has that form, and timestamps without a zone read without
 * `--tz` earn one warning.
 *
 * @example
 *   const reader = new TimestampColumn(resolveLoadOptions({ tz: 'Asia/Shanghai' }));
 *   reader.read('2026年3月5日 9:07', false, 2); // Date.UTC(2026, 2, 5, 1, 7)
 */
import { zoneClock, type ZoneClock } from '../timeZone.ts';
import {
  excelSerialToInstant,
  isCompactStamp,
  parseCompactStamp,
  parseExcelSerial,
  parseSpreadsheetTimestamp,
} from './excelTimestamp.ts';
import type { ResolvedLoadOptions } from './loadOptions.ts';
import { lineList } from './issues.ts';
import { parseTimestamp, parseTimestampBytes } from './timestamp.ts';

export const TIMESTAMP_HINT =
  'use ISO 8601 with Z or an offset (2024-03-10T08:00:00+08:00), YYYY-MM-DD HH:MM[:SS] in the --tz zone, or epoch seconds (10 digits) or milliseconds (13 digits)';

/** Lines kept per kind of row, for messages that list the first few. */
const LINES_KEPT = 5;

export interface ColumnProblem {
  line: number;
  message: string;
  /** Whether the whole file is unusable (an error), or only worth a warning. */
  fatal: boolean;
}

/** What one part of a file taught the column (parallel parsing merges the parts in file order). */
export interface TimestampColumnState {
  naive: number;
  naiveFirstLine: number;
  compact: number;
  compactLines: number[];
  compactExample: string;
  otherForms: number;
  otherFirstLine: number;
}

export class TimestampColumn {
  private readonly clock: ZoneClock;
  private readonly excelDates: boolean;
  private readonly zoneGiven: boolean;
  private naive = 0;
  private naiveFirstLine = 0;
  private compact = 0;
  private readonly compactLines: number[] = [];
  private compactExample = '';
  private otherForms = 0;
  private otherFirstLine = 0;

  constructor(options: ResolvedLoadOptions) {
    const clock = zoneClock(options.tz);
    this.excelDates = options.excelDates;
    this.zoneGiven = options.tzGiven;
    // Without --tz, count wall-clock readings: they were taken as UTC, which deserves a word.
    this.clock = options.tzGiven
      ? clock
      : {
          ...clock,
          localToUtc: (wallMs) => {
            this.naive++;
            return clock.localToUtc(wallMs);
          },
        };
  }

  /** A value of any source: text, or a typed value (`isInstant`: a typed instant column). */
  read(value: unknown, isInstant: boolean, line: number): number {
    const naiveBefore = this.naive;
    let instant: number;
    if (typeof value === 'string') instant = this.readText(value, line);
    else if (value instanceof Date) instant = value.getTime();
    else if (typeof value === 'number' || typeof value === 'bigint') {
      if (isInstant) instant = Number(value);
      else if (typeof value === 'number' && this.excelDates && value < 2_958_466)
        instant = excelSerialToInstant(value, this.clock);
      else instant = Number.isInteger(Number(value)) && value >= 0 ? this.readText(String(value), line) : NaN;
    } else instant = NaN;
    if (this.naive > naiveBefore && naiveBefore === 0) this.naiveFirstLine = line;
    return instant;
  }

  /** The CSV fast path: ASCII bytes `[start, end)` of an unquoted field. */
  readBytes(bytes: Uint8Array, start: number, end: number, line: number): number {
    const naiveBefore = this.naive;
    let instant = parseTimestampBytes(bytes, start, end, this.clock);
    if (instant === instant) this.countOther(line);
    else instant = this.readText(utf8.decode(bytes.subarray(start, end)), line, true);
    if (this.naive > naiveBefore && naiveBefore === 0) this.naiveFirstLine = line;
    return instant;
  }

  private readText(raw: string, line: number, fastPathFailed = false): number {
    const text = raw.trim();
    if (!fastPathFailed) {
      const instant = parseTimestamp(text, this.clock);
      if (instant === instant) {
        this.countOther(line);
        return instant;
      }
    }
    if (isCompactStamp(text)) {
      const instant = parseCompactStamp(text, this.clock);
      if (instant === instant) {
        if (this.compact === 0) this.compactExample = text;
        if (this.compactLines.length < LINES_KEPT) this.compactLines.push(line);
        this.compact++;
      }
      return instant;
    }
    const instant = this.excelDates ? parseExcelSerial(text, this.clock) : NaN;
    if (instant === instant) {
      this.countOther(line);
      return instant;
    }
    const spreadsheet = parseSpreadsheetTimestamp(text, this.clock);
    if (spreadsheet === spreadsheet) this.countOther(line);
    return spreadsheet;
  }

  private countOther(line: number): void {
    if (this.otherForms === 0) this.otherFirstLine = line;
    this.otherForms++;
  }

  state(): TimestampColumnState {
    const { naive, naiveFirstLine, compact, compactExample, otherForms, otherFirstLine } = this;
    return {
      naive,
      naiveFirstLine,
      compact,
      compactLines: [...this.compactLines],
      compactExample,
      otherForms,
      otherFirstLine,
    };
  }

  /** Adds the state of the part that follows this one, its lines moved by `lineOffset`. */
  absorb(part: TimestampColumnState, lineOffset: number): void {
    if (this.naive === 0 && part.naive > 0) this.naiveFirstLine = part.naiveFirstLine + lineOffset;
    this.naive += part.naive;
    if (this.compact === 0 && part.compact > 0) this.compactExample = part.compactExample;
    for (const line of part.compactLines)
      if (this.compactLines.length < LINES_KEPT) this.compactLines.push(line + lineOffset);
    this.compact += part.compact;
    if (this.otherForms === 0 && part.otherForms > 0) this.otherFirstLine = part.otherFirstLine + lineOffset;
    this.otherForms += part.otherForms;
  }

  /** The advice for a value that is not a timestamp (a serial hints at --excel-dates). */
  hint(raw: string): string {
    if (!this.excelDates && /^\d{5}(?:\.\d+)?$/.test(raw.trim()))
      return `an Excel date serial? pass --excel-dates to read serials (days since 1899-12-30) in the data's zone; otherwise ${TIMESTAMP_HINT}`;
    return TIMESTAMP_HINT;
  }

  /** Problems of the column as a whole, known once every row is read. */
  problems(): ColumnProblem[] {
    const problems: ColumnProblem[] = [];
    if (this.compact > 0 && this.otherForms > 0) {
      problems.push({
        line: this.compactLines[0] ?? 0,
        fatal: true,
        message: `${this.compact} compact stamp${this.compact === 1 ? '' : 's'} such as "${this.compactExample}" (${lineList(this.compactLines, this.compact)}) among ${this.otherForms} timestamp${this.otherForms === 1 ? '' : 's'} of other forms (first at line ${this.otherFirstLine}) — compact YYYYMMDD[HHMMSS] stamps are read only when every value of the column has that form; export the column in one form`,
      });
    }
    if (this.naive > 0 && !this.zoneGiven) {
      problems.push({
        line: this.naiveFirstLine,
        fatal: false,
        message: `${this.naive} timestamp${this.naive === 1 ? ' has' : 's have'} no zone (no Z or offset) and ${this.naive === 1 ? 'was' : 'were'} read as UTC — if they are local times, give their zone: --tz Asia/Shanghai (or "tz" in report.json)`,
      });
    }
    return problems;
  }
}

const utf8 = new TextDecoder();
