/**
 * Any cell value (string, number, Date, bigint, nested JSON ...) as the text a
 * message shows or a text column keeps; `null` and `undefined` are ''.
 *
 * @example
 *   cellText(12.5); // '12.5'
 *   cellText({ a: 1 }); // '{"a":1}'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? String(inner) : inner)) ?? '';
}
