import { describe, expect, it } from 'vitest';
import { formatIssues, type Issue } from '../../../src/analytics/load/issues.ts';

const issue = (line: number, column: string, message: string): Issue => ({ file: 'a.csv', line, column, message });

describe('formatIssues', () => {
  it('groups by column and kind, keeping the order of first appearance', () => {
    const issues = [
      issue(2, 'value', 'not a number ("1,280.00") — pass --number-format'),
      issue(3, 'event', 'empty event name ("") — fill it in'),
      ...[4, 5, 6, 7].map((line) => issue(line, 'value', `not a number ("${line},000.00") — pass --number-format`)),
      issue(8, 'timestamp', 'not a number ("x") — a different column is a different kind'),
    ];
    expect(formatIssues(issues).split('\n')).toEqual([
      'a.csv:2:value: not a number ("1,280.00") — pass --number-format',
      'a.csv:4:value: not a number ("4,000.00") — pass --number-format',
      'a.csv:5:value: not a number ("5,000.00") — pass --number-format',
      '  … and the same in lines 6, 7',
      'a.csv:3:event: empty event name ("") — fill it in',
      'a.csv:8:timestamp: not a number ("x") — a different column is a different kind',
      '7 errors in total',
    ]);
  });

  it('stops at the line limit and counts what it left out, stored or not', () => {
    const issues = Array.from({ length: 60 }, (_, i) => issue(i + 2, `column ${i}`, `bad value ("${i}")`));
    const lines = formatIssues(issues, 75).split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe('a.csv:51:column 49: bad value ("49")');
    expect(lines[50]).toBe('... 25 more (75 in total)');
  });

  it('says one grouped line for a single leftover', () => {
    const issues = [2, 3, 4, 5].map((line) => issue(line, 'id', 'empty customer id ("")'));
    expect(formatIssues(issues, 4, 50, 'warnings').split('\n').slice(-2)).toEqual([
      '  … and the same in line 5',
      '4 warnings in total',
    ]);
  });
});
