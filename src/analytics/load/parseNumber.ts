/**
 * Plain decimal numbers from UTF-8 bytes: `[+-]digits[.digits][e[+-]digits]`,
 * surrounding spaces allowed; anything else (units, thousands separators,
 * decimal commas, hex, Infinity) is `NaN`. Short numbers take Clinger's exact
 * fast path (an integer mantissa below 2^53 divided by a power of ten); the
 * rest go through Number(), so results always equal Number(text).
 *
 * @example
 *   parseNumberBytes(new TextEncoder().encode('12.50'), 0, 5); // 12.5
 */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const utf8 = new TextDecoder();

export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start]! <= 32) start++;
  while (end > start && bytes[end - 1]! <= 32) end--;
  let position = start;
  let negative = false;
  if (position < end && (bytes[position] === 43 || bytes[position] === 45)) {
    negative = bytes[position] === 45;
    position++;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  while (position < end && bytes[position]! >= 48 && bytes[position]! <= 57) {
    mantissa = mantissa * 10 + (bytes[position]! - 48);
    digits++;
    position++;
  }
  if (position < end && bytes[position] === 46 /* . */) {
    position++;
    while (position < end && bytes[position]! >= 48 && bytes[position]! <= 57) {
      mantissa = mantissa * 10 + (bytes[position]! - 48);
      digits++;
      fractionDigits++;
      position++;
    }
  }
  if (digits === 0) return NaN;
  let exact = digits <= 15;
  if (position < end && (bytes[position] === 101 || bytes[position] === 69) /* e E */) {
    position++;
    if (position < end && (bytes[position] === 43 || bytes[position] === 45)) position++;
    let exponentDigits = 0;
    while (position < end && bytes[position]! >= 48 && bytes[position]! <= 57) {
      exponentDigits++;
      position++;
    }
    if (exponentDigits === 0) return NaN;
    exact = false;
  }
  if (position !== end) return NaN;
  if (!exact) return Number(utf8.decode(bytes.subarray(start, end)));
  const value = fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits]!;
  return negative ? -value : value;
}
