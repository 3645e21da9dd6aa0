/**
 * Reading one cell of an event log as text or as a number, and the advice a
 * message gives when a value is not a number.
 *
 * @example
 *   numberOf(' 12.5 '); // 12.5
 *   numberOf('12 EUR'); // undefined (not a number)
 *   numberHint('1,234.50'); // 'drop the thousands separators (1234.5, not 1,234.5)'
 */
import { cellText } from '../cellText.ts';
import { looksFormatted, parseFormattedNumber, type NumberFormat } from './formattedNumber.ts';
import { quoteValue } from './issues.ts';

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The text of a cell for text columns; `null` when absent. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date && Number.isNaN(value.getTime())) return null;
  return cellText(value);
}

/**
 * A number, `null` for an absent value, `undefined` when it is not a number or
 * lies outside the range of doubles (`1e309`). With `format`, spreadsheet
 * display forms in that format (`¥1,280.00`) are numbers too.
 */
export function numberOf(value: unknown, format?: NumberFormat): number | null | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    let number = format ? parseFormattedNumber(text, format) : NaN;
    // Under 1.234,56 a point groups thousands, so 1.280 is 1280, never 1.28.
    if (number !== number && format !== '1.234,56' && NUMBER_PATTERN.test(text)) number = Number(text);
    return Number.isFinite(number) ? number : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.isNaN(value) ? null : undefined;
  if (typeof value === 'bigint') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  if (value === null || value === undefined) return null;
  return undefined;
}

export function numberHint(value: unknown, format?: NumberFormat): string {
  const text = typeof value === 'string' ? value.trim() : cellText(value);
  if (NUMBER_PATTERN.test(text)) return 'numbers reach about ±1.8e308; write the value as it really is';
  if (format) return `write a number in the ${format} format given by --number-format, or a plain number (1234.5)`;
  if (looksFormatted(text))
    return 'a spreadsheet display form: pass --number-format 1,234.56 (or 1.234,56 for decimal commas) to read it, or export plain numbers';
  if (/^[+-]?\d+,\d+$/.test(text))
    return 'use a point as the decimal separator (12.5, not 12,5), or pass --number-format 1.234,56';
  return 'write a plain number (12.5), without units or currency signs, or leave it empty';
}

/** The first fields of a row, for a message about the whole row. */
export function rowPreview(values: ArrayLike<unknown>, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count && i < 8; i++) parts.push(cellText(values[i]));
  return parts.join(' | ');
}

/** The message for a value that is not a number (or out of range, 1e999). */
export function numberProblem(value: unknown, format?: NumberFormat): string {
  const what =
    numberOf(value) === undefined && /^[\s+-]*[\d.]+e/i.test(String(value)) ? 'number out of range' : 'not a number';
  return `${what} (${quoteValue(value)}) — ${numberHint(value, format)}`;
}
