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

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The text of a cell for text columns; `null` when absent. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date && Number.isNaN(value.getTime())) return null;
  return cellText(value);
}

/** A number, `null` for an absent value, `undefined` when it is not a number. */
export function numberOf(value: unknown): number | null | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    return NUMBER_PATTERN.test(text) ? Number(text) : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.isNaN(value) ? null : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) return null;
  return undefined;
}

export function numberHint(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return 'drop the thousands separators (1234.5, not 1,234.5)';
  if (/^[+-]?\d+,\d+$/.test(text)) return 'use a point as the decimal separator (12.5, not 12,5)';
  return 'write a plain number (12.5), without units or currency signs, or leave it empty';
}

/** The first fields of a row, for a message about the whole row. */
export function rowPreview(values: ArrayLike<unknown>, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count && i < 8; i++) parts.push(cellText(values[i]));
  return parts.join(' | ');
}
