/**
 * The numbers behind a chart as one table model: what the <details> table,
 * the sortable <DataTable> and the CSV download all show. Each cell keeps the
 * text it displays and the raw value it sorts and exports by (empty when
 * missing; a suppressed cell carries its `< k` text as its value, never the count).
 *
 * @example
 *   tableToCsv({ columns: [{ key: 'n', label: 'n', numeric: true }], rows: [[{ text: '1,200', value: 1200 }]] });
 *   // 'n\r\n1200\r\n'
 */
export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface TableCell {
  text: string;
  /** Raw value for sorting and CSV; null when missing or suppressed. */
  value: number | string | null;
}

export interface ChartTable {
  columns: TableColumn[];
  rows: TableCell[][];
}

export const cell = (text: string, value: number | string | null = text): TableCell => ({ text, value });

/** RFC 4180 CSV of the table (CRLF, quotes doubled), raw values where they exist. */
export function tableToCsv(table: ChartTable): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [table.columns.map((column) => quote(column.label)).join(',')];
  for (const row of table.rows) {
    lines.push(row.map((item) => quote(item.value === null ? '' : String(item.value))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
