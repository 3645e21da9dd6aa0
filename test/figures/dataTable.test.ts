import { describe, expect, it } from 'vitest';
import { dataTableFigure } from '../../src/figures/dataTable.ts';

const texts = (table: { rows: { text: string; value: unknown }[][] }) =>
  table.rows.map((row) => row.map((cell) => cell.text));

describe('dataTableFigure', () => {
  const rows = [
    { step: 'visit', customers: 1500, rate: 0.123456, path: ['a', 'b'] },
    { step: 'purchase', customers: 3, rate: 0.002, path: null },
  ];

  it('formats numbers, joins lists and withholds every figure of a row under k', () => {
    const figure = dataTableFigure(rows, { lang: 'en', k: 5, title: 'Steps', customerColumns: ['customers'] });
    expect(figure.table.columns.map((column) => [column.key, column.numeric])).toEqual([
      ['step', false],
      ['customers', true],
      ['rate', true],
      ['path', false],
    ]);
    expect(texts(figure.table)).toEqual([
      ['visit', '1,500', '0.12', 'a → b'],
      ['purchase', '< 5', '< 5', ''],
    ]);
    // A withheld figure keeps its `< k` text as its value: no count reaches the CSV.
    expect(figure.table.rows[1]![1]!.value).toBe('< 5');
    expect(figure.finding).toBe('Steps: 2 rows');
  });

  it('keeps the given columns, their labels and order', () => {
    const figure = dataTableFigure(rows, {
      lang: 'zh',
      title: '步骤',
      columns: [{ key: 'customers', label: '客户数' }, { key: 'step' }],
      customerColumns: ['customers'],
    });
    expect(figure.table.columns.map((column) => column.label)).toEqual(['客户数', 'step']);
    expect(texts(figure.table)).toEqual([
      ['1,500', 'visit'],
      ['3', 'purchase'],
    ]);
    expect(figure.finding).toBe('步骤：2 行');
  });

  it('shows a nested object as its JSON', () => {
    const figure = dataTableFigure([{ step: 'visit', extra: { a: 1 }, ok: true }], {
      lang: 'en',
      title: 'T',
      customerColumns: [],
    });
    expect(texts(figure.table)).toEqual([['visit', '{"a":1}', 'true']]);
  });
});
