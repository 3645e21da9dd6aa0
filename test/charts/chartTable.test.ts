import { describe, expect, it } from 'vitest';
import { cell, tableToCsv } from '../../src/charts/chartTable.ts';

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
