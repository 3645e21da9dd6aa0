/**
 * The problems a load finds, as the event-table builder collects them: errors
 * (the first STORED_ISSUE_LIMIT kept, the rest counted), rows skipped under
 * --skip-invalid with their reasons, and whether the file is unusable as a whole.
 *
 * @example
 *   const issues = new LoadIssues('a.csv', false);
 *   issues.rowError(7, 'timestamp', 'not a timestamp ("x") — ...'); issues.errorCount; // 1
 */
import type { Issue } from './issues.ts';

/** Errors kept in memory; more are counted, not stored. */
export const STORED_ISSUE_LIMIT = 10_000;

/** The issues of a part of the file, as a worker hands them back. */
export interface IssuesPart {
  errors: Issue[];
  errorCount: number;
  skippedIssues: Issue[];
  skipped: number;
  firstSkippedLine: number;
  fatal: boolean;
}

export class LoadIssues {
  readonly file: string;
  private readonly skipInvalid: boolean;
  readonly errors: Issue[] = [];
  errorCount = 0;
  readonly skippedIssues: Issue[] = [];
  /** Whether the file is unusable (no table is produced, even with --skip-invalid). */
  fatal = false;
  skipped = 0;
  firstSkippedLine = 0;

  constructor(file: string, skipInvalid: boolean) {
    this.file = file;
    this.skipInvalid = skipInvalid;
  }

  /** An error that makes the whole file unusable. */
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
    if (this.skipInvalid) {
      if (this.skippedIssues.length < STORED_ISSUE_LIMIT) this.skippedIssues.push(issue);
    } else this.pushError(issue);
  }

  markSkipped(line: number): void {
    if (this.skipped === 0) this.firstSkippedLine = line;
    this.skipped++;
  }

  toPart(): IssuesPart {
    const { errors, errorCount, skippedIssues, skipped, firstSkippedLine, fatal } = this;
    return { errors, errorCount, skippedIssues, skipped, firstSkippedLine, fatal };
  }

  /** Adds the issues of the part that follows in the file, its lines moved by `lineOffset`. */
  absorb(part: IssuesPart, lineOffset: number): void {
    const moved = (issue: Issue): Issue => ({ ...issue, line: issue.line + lineOffset });
    for (const issue of part.errors) if (this.errors.length < STORED_ISSUE_LIMIT) this.errors.push(moved(issue));
    this.errorCount += part.errorCount;
    for (const issue of part.skippedIssues)
      if (this.skippedIssues.length < STORED_ISSUE_LIMIT) this.skippedIssues.push(moved(issue));
    if (this.skipped === 0 && part.skipped > 0) this.firstSkippedLine = part.firstSkippedLine + lineOffset;
    this.skipped += part.skipped;
    this.fatal ||= part.fatal;
  }
}

/** Names an issue's workbook cell (`明细!B7`): `letters[i]` is header column i's column letter. */
export function locateInSheet(
  issue: Issue,
  sheet: string,
  letters: readonly string[],
  header: readonly string[],
): void {
  if (issue.cell !== undefined) return;
  const prefix = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  const letter = letters[header.indexOf(issue.column)];
  issue.cell = letter === undefined ? `${prefix}!${issue.line}:${issue.line}` : `${prefix}!${letter}${issue.line}`;
}
