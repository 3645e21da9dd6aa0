/**
 * The error a loader throws when the data has errors: the issues, their total
 * and what could be read despite them.
 *
 * @example
 *   throw new DataError([{ file: 'a.csv', line: 3, column: 'timestamp', message: 'not a timestamp ("x") — ...' }]);
 */
import type { CheckSummary } from './checkSummary.ts';
import { formatIssues, PRINTED_ISSUE_LIMIT, type Issue } from './issues.ts';

/** Thrown by the loaders when the data has errors and `skipInvalid` is off. */
export class DataError extends Error {
  override name = 'DataError';
  /** The stored issues (at most a loader's storage limit; `total` counts all). */
  readonly issues: Issue[];
  readonly total: number;
  /** What could be read despite the errors, for `journey check --json`. */
  readonly summary: CheckSummary | undefined;

  constructor(issues: Issue[], total = issues.length, summary?: CheckSummary) {
    super(formatIssues(issues, total, 3));
    this.issues = issues;
    this.total = total;
    this.summary = summary;
  }

  /** The printable report: the first 50 issues, then the total. */
  format(limit = PRINTED_ISSUE_LIMIT): string {
    return formatIssues(this.issues, this.total, limit);
  }
}
