/**
 * Excel's totals rows: an export from a pivot or a filtered sheet often ends
 * with a row whose id cell is 合计 (or 总计, 小计, Total) and whose timestamp is
 * empty. Read as data it would be one more customer, so the loaders name it as
 * what it is: an error, or with --skip-invalid a skipped row.
 *
 * @example
 *   totalsLabel(' 合计： '); // '合计'
 *   totalsLabel('C001');     // null
 */

const TOTALS_LABELS = new Set([
  '合计',
  '总计',
  '小计',
  '共计',
  '總計',
  '合計',
  'total',
  'totals',
  'grand total',
  'subtotal',
]);

/** The totals word an id cell holds (trimmed, without a trailing colon), or null. */
export function totalsLabel(idText: string): string | null {
  const label = idText
    .trim()
    .replace(/[:：]$/, '')
    .trim();
  return TOTALS_LABELS.has(label.toLowerCase()) ? label : null;
}

/** The issue of a totals row; `timestampColumn` is the file's timestamp column, if it has one. */
export function totalsRowMessage(label: string, timestampColumn: string | null): string {
  const what = timestampColumn === null ? `"${label}"` : `"${label}" with an empty ${timestampColumn}`;
  return `looks like an Excel totals row (${what}), not a customer — delete the row from the export, or skip it with --skip-invalid`;
}
