/**
 * Numbers as spreadsheets display them (`1,280.00`, `¥1,280`, `1.280,00 €`),
 * read only in the format the user names with `--number-format`, never guessed:
 * `1,234.56` (comma groups, point decimals) or `1.234,56` (point groups, comma
 * decimals). Groups must be of three digits; a currency sign may lead or trail.
 *
 * @example
 *   parseFormattedNumber('¥1,280.50', '1,234.56'); // 1280.5
 *   parseFormattedNumber('1,28', '1,234.56'); // NaN
 */
export const NUMBER_FORMATS = ['1,234.56', '1.234,56'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

const CURRENCY = /^[¥￥$€£₩₹]|[¥￥$€£₩₹元]$/u;
const GROUPED_POINT = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/;
const GROUPED_COMMA = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$|^,\d+$/;

/** The number, or `NaN` when the text is not a number in `format`. */
export function parseFormattedNumber(text: string, format: NumberFormat): number {
  let value = text.trim();
  let negative = false;
  if (value.startsWith('-') || value.startsWith('+')) {
    negative = value.startsWith('-');
    value = value.slice(1).trim();
  }
  // At most one currency sign, at one end.
  const withoutCurrency = value.replace(CURRENCY, '').trim();
  if (CURRENCY.test(withoutCurrency)) return NaN;
  value = withoutCurrency;
  if (!negative && value.startsWith('-')) {
    negative = true;
    value = value.slice(1);
  }
  let plain: string;
  if (format === '1,234.56') {
    if (!GROUPED_POINT.test(value)) return NaN;
    plain = value.replaceAll(',', '');
  } else {
    if (!GROUPED_COMMA.test(value)) return NaN;
    plain = value.replaceAll('.', '').replace(',', '.');
  }
  const number = Number(plain);
  return negative ? -number : number;
}

/** Whether the text carries a currency sign or a thousands separator (for the hint). */
export function looksFormatted(text: string): boolean {
  return (
    CURRENCY.test(text.trim()) || /^\d{1,3}([,.])\d{3}(\1\d{3})*([.,]\d+)?$/.test(text.trim().replace(/^[-+]/, ''))
  );
}
