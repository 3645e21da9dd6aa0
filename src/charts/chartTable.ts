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

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * One CSV field: a text a spreadsheet would run as a formula (it starts with
 * `=`, `+`, `@`, a tab, a carriage return, or `-` when it is not a number)
 * gets a leading `'` (OWASP's CSV-injection advice); quoted when it holds `"`,
 * `,`, CR or LF.
 *
 * @example
 *   csvField('=1+1'); // "'=1+1"
 *   csvField('-12.5'); // '-12.5'
 */
export function csvField(value: string): string {
  const first = value[0];
  const formula =
    first === '=' ||
    first === '+' ||
    first === '@' ||
    first === '\t' ||
    first === '\r' ||
    (first === '-' && !PLAIN_NUMBER.test(value));
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV of the table (CRLF, quotes doubled, formulas neutralised), raw values where they exist. */
export function tableToCsv(table: ChartTable): string {
  const lines = [table.columns.map((column) => csvField(column.label)).join(',')];
  for (const row of table.rows) {
    lines.push(row.map((item) => csvField(item.value === null ? '' : String(item.value))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
