/**
 * Checks the customer-id column as rows arrive: ids are trimmed (and counted,
 * so `check` can say so), and ids that Excel turned into scientific notation
 * (`1.38001E+10`) fail the file, because Excel has rounded them and different
 * customers have become one.
 *
 * @example
 *   const ids = new CustomerIdColumn('客户编号');
 *   ids.text(' c1 ', 2); // 'c1' (one trimmed)
 */
import type { ColumnProblem } from './timestampColumn.ts';
import { lineList } from './issues.ts';

const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?E\+?\d+$/i;
const LINES_KEPT = 5;

/** What one part of a file taught the column (parallel parsing merges the parts in file order). */
export interface CustomerIdColumnState {
  trimmed: number;
  trimmedFirstLine: number;
  scientific: number;
  scientificLines: number[];
  scientificExample: string;
}

export class CustomerIdColumn {
  private readonly column: string;
  private trimmed = 0;
  private trimmedFirstLine = 0;
  private scientific = 0;
  private readonly scientificLines: number[] = [];
  private scientificExample = '';

  constructor(column: string) {
    this.column = column;
  }

  /** The id as stored: trimmed; scientific notation noted. */
  text(raw: string, line: number): string {
    const id = raw.trim();
    if (id.length !== raw.length) this.noteTrimmed(line);
    if (id.length > 4 && SCIENTIFIC.test(id)) this.noteScientific(id, line);
    return id;
  }

  /** For the CSV fast path: whether `bytes[start, end)` may be scientific notation (has an E and a digit before it). */
  static mayBeScientific(bytes: Uint8Array, start: number, end: number): boolean {
    for (let i = start + 1; i < end; i++) if (((bytes[i] ?? 0) | 32) === 101 /* e */) return true;
    return false;
  }

  noteTrimmed(line: number): void {
    if (this.trimmed === 0) this.trimmedFirstLine = line;
    this.trimmed++;
  }

  private noteScientific(id: string, line: number): void {
    if (this.scientific === 0) this.scientificExample = id;
    if (this.scientificLines.length < LINES_KEPT) this.scientificLines.push(line);
    this.scientific++;
  }

  state(): CustomerIdColumnState {
    const { trimmed, trimmedFirstLine, scientific, scientificExample } = this;
    return { trimmed, trimmedFirstLine, scientific, scientificLines: [...this.scientificLines], scientificExample };
  }

  /** Adds the state of the part that follows this one, its lines moved by `lineOffset`. */
  absorb(part: CustomerIdColumnState, lineOffset: number): void {
    if (this.trimmed === 0 && part.trimmed > 0) this.trimmedFirstLine = part.trimmedFirstLine + lineOffset;
    this.trimmed += part.trimmed;
    if (this.scientific === 0 && part.scientific > 0) this.scientificExample = part.scientificExample;
    for (const line of part.scientificLines)
      if (this.scientificLines.length < LINES_KEPT) this.scientificLines.push(line + lineOffset);
    this.scientific += part.scientific;
  }

  problems(): ColumnProblem[] {
    const problems: ColumnProblem[] = [];
    if (this.scientific > 0) {
      problems.push({
        line: this.scientificLines[0] ?? 0,
        fatal: true,
        message: `customer ids in scientific notation such as "${this.scientificExample}" (${lineList(this.scientificLines, this.scientific)}) — Excel has rounded these ids, so different customers became one; in Excel select the ${this.column} column, set Format Cells > Text (or import it with Data > From Text/CSV as Text) and export again, or export from the source system`,
      });
    }
    if (this.trimmed > 0) {
      problems.push({
        line: this.trimmedFirstLine,
        fatal: false,
        message: `${this.trimmed} customer id${this.trimmed === 1 ? ' had' : 's had'} spaces around ${this.trimmed === 1 ? 'it' : 'them'} and ${this.trimmed === 1 ? 'was' : 'were'} trimmed — nothing to do unless ids differ only by spaces`,
      });
    }
    return problems;
  }
}
