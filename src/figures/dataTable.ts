/**
 * The data table figure: rows of plain objects as a chart table (numbers
 * formatted, lists joined by →), and a finding that counts the rows. A row
 * whose customer count is under k shows no figure at all (spec §10).
 *
 * @example
 *   dataTableFigure([{ step: 'visit', customers: 1500 }], { lang: 'en', title: 'Steps', customerColumns: ['customers'] });
 *   // { table: { columns: [step, customers (numeric)], rows: [['visit', '1,500']] }, finding: 'Steps: 1 rows', ... }
 */
import { countOrSuppressed, isSuppressed } from '../analytics/analyses/suppress.ts';
import { cell, type ChartTable } from '../charts/chartTable.ts';
import { formatNumber } from '../charts/format.ts';
import type { Lang } from '../i18n/locales.ts';
import type { Figure } from './figure.ts';

export interface DataTableOptions {
  lang: Lang;
  k?: number;
  title: string;
  /** Columns in order; default the first row's keys. */
  columns?: { key: string; label?: string }[];
  /** Columns holding customer counts: a row with one under k is suppressed. */
  customerColumns: string[];
}

export function dataTableFigure(rows: Record<string, unknown>[], options: DataTableOptions): Figure {
  const { lang, k } = options;
  const columns = options.columns ?? Object.keys(rows[0] ?? {}).map((key) => ({ key, label: key }));
  const numericColumn = (key: string) =>
    rows.every((row) => row[key] === null || row[key] === undefined || typeof row[key] === 'number');
  const table: ChartTable = {
    columns: columns.map((column) => ({
      key: column.key,
      label: column.label ?? column.key,
      numeric: numericColumn(column.key),
    })),
    rows: rows.map((row) => {
      const smallRow = options.customerColumns.some((key) => {
        const value = row[key];
        return typeof value === 'number' && isSuppressed(value, k);
      });
      return columns.map((column) => {
        const value = row[column.key];
        if (typeof value === 'number') {
          if (smallRow) {
            const text = countOrSuppressed(value, k, String);
            return cell(text, text);
          }
          return cell(formatNumber(value, lang, Number.isInteger(value) ? 0 : 2), value);
        }
        if (value === null || value === undefined) return cell('', null);
        if (Array.isArray(value)) return cell(value.join(' → '));
        if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint')
          return cell(String(value));
        // A nested object reads as its JSON, not "[object Object]".
        return cell(JSON.stringify(value) ?? '');
      });
    }),
  };
  const finding = lang === 'zh' ? `${options.title}：${rows.length} 行` : `${options.title}: ${rows.length} rows`;
  return { svg: undefined, table, finding, notes: [] };
}
