/**
 * Problems found in an event log (spec §2): each one names the file, the
 * physical line (header = line 1; for Parquet and Arrow the record number),
 * the column as the file spells it, what is wrong and what to do.
 *
 * @example
 *   formatIssue({ file: 'a.csv', line: 3, column: 'timestamp', message: 'not a timestamp ("x") — ...' });
 */
import { cellText } from '../cellText.ts';

export interface Issue {
  file: string;
  line: number;
  column: string;
  message: string;
  /** In a workbook, the cell (`明细!B7`), or the row (`明细!7:7`), shown in place of LINE:COLUMN. */
  cell?: string;
  /** A mapped column absent from the file: the canonical name and the file's columns, so a report can name its setting. */
  unmapped?: { column: string; found: readonly string[] };
}

/** How many issues a printed report lists before giving only the total. */
export const PRINTED_ISSUE_LIMIT = 50;

/** `FILE:LINE:COLUMN: message` (`FILE:SHEET!B7: message` in a workbook), the one printable form of an issue. */
export function formatIssue(issue: Issue): string {
  if (issue.cell !== undefined) return `${issue.file}:${issue.cell}: ${issue.message}`;
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/**
 * The first `limit` issues, one per line, then the total when some were left out
 * (or `N errors in total` when there are several). `total` may exceed
 * `issues.length` when a loader stopped storing issues.
 */
export function formatIssues(
  issues: readonly Issue[],
  total = issues.length,
  limit = PRINTED_ISSUE_LIMIT,
  noun = 'errors',
): string {
  const lines = issues.slice(0, limit).map(formatIssue);
  if (total > lines.length) lines.push(`... ${total - lines.length} more (${total} in total)`);
  else if (total > 1) lines.push(`${total} ${noun} in total`);
  return lines.join('\n');
}

/** Quotes a value for a message, shortened so one bad cell cannot flood the terminal. */
export function quoteValue(value: unknown, maxLength = 40): string {
  let text = cellText(value);
  if (text.length > maxLength) text = text.slice(0, maxLength) + '…';
  return JSON.stringify(text);
}
