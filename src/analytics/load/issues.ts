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

/** Line numbers a grouped message lists before the count. */
export const LINES_PER_WARNING = 5;

/** How many issues of one kind (column and problem) are printed in full before they are grouped. */
export const PRINTED_PER_KIND = 3;

/** `line 12`, or `lines 12, 40, 41, 77, 80, … (255 rows)` when there are more than listed. */
export function lineList(lines: readonly number[], total: number): string {
  if (total === 1 && lines.length === 1) return `line ${lines[0]}`;
  const listed = lines.slice(0, LINES_PER_WARNING).join(', ');
  return total > Math.min(lines.length, LINES_PER_WARNING) ? `lines ${listed}, … (${total} rows)` : `lines ${listed}`;
}

/** A message's kind: its words before the quoted value (`not a timestamp`). */
export function kindOf(message: string): string {
  const end = message.indexOf(' (');
  return end < 0 ? message : message.slice(0, end);
}

interface IssueGroup {
  shown: Issue[];
  restLines: number[];
  rest: number;
}

/**
 * The printable report: per kind of problem (column and message up to its quoted
 * value) the first few issues in full, then one line with the count and lines of
 * the rest, so 294 cells of one display form read as one problem; at most `limit`
 * lines, then the total (or `N errors in total` when there are several). `total`
 * may exceed `issues.length` when a loader stopped storing issues.
 */
export function formatIssues(
  issues: readonly Issue[],
  total = issues.length,
  limit = PRINTED_ISSUE_LIMIT,
  noun = 'errors',
): string {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const key = `${issue.column}\u0000${kindOf(issue.message)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { shown: [], restLines: [], rest: 0 }));
    if (group.shown.length < PRINTED_PER_KIND) group.shown.push(issue);
    else {
      group.rest++;
      if (group.restLines.length < LINES_PER_WARNING) group.restLines.push(issue.line);
    }
  }
  const lines: string[] = [];
  let listed = 0;
  for (const group of groups.values()) {
    for (const issue of group.shown) {
      if (lines.length >= limit) break;
      lines.push(formatIssue(issue));
      listed++;
    }
    if (group.rest > 0 && lines.length < limit) {
      lines.push(`  … and the same in ${lineList(group.restLines, group.rest)}`);
      listed += group.rest;
    }
  }
  if (total > listed) lines.push(`... ${total - listed} more (${total} in total)`);
  else if (total > 1) lines.push(`${total} ${noun} in total`);
  return lines.join('\n');
}

/** Quotes a value for a message, shortened so one bad cell cannot flood the terminal. */
export function quoteValue(value: unknown, maxLength = 40): string {
  let text = cellText(value);
  if (text.length > maxLength) text = text.slice(0, maxLength) + '…';
  return JSON.stringify(text);
}
