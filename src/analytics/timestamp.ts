/**
 * Timestamp text -> epoch milliseconds, exactly as spec §1 says:
 * - ISO 8601 with `Z` or an offset (`+08:00`, `+0800`, `+08`) is that instant;
 * - `YYYY-MM-DD HH:MM[:SS[.fff]]` (with `-` or `/`, `T` or a space) and a bare
 *   date (midnight) are wall-clock time in the zone;
 * - a 10-digit integer is epoch seconds, a 13-digit one epoch milliseconds;
 * - anything else is `NaN`.
 * Parsed by hand (no Date per row): this runs once per event.
 *
 * @example
 *   parseTimestamp('2024-03-10 08:00', zoneClock('Asia/Shanghai')); // Date.UTC(2024, 2, 10, 0, 0)
 */
import type { ZoneClock } from './timeZone.ts';

const DAY_MS = 86_400_000;
const ZERO = 48;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Parses one timestamp; `NaN` when it is not one of the accepted forms. */
export function parseTimestamp(input: string, clock: ZoneClock): number {
  let text = input;
  let length = text.length;
  if (length === 0) return NaN;
  if (text.charCodeAt(0) <= 32 || text.charCodeAt(length - 1) <= 32) {
    text = text.trim();
    length = text.length;
  }
  // Epoch seconds or milliseconds: all digits, 10 or 13 of them.
  if (length === 10 || length === 13) {
    let allDigits = true;
    for (let i = 0; i < length; i++) {
      if (!isDigit(text.charCodeAt(i))) {
        allDigits = false;
        break;
      }
    }
    if (allDigits) return length === 10 ? Number(text) * 1000 : Number(text);
  }
  if (length < 8) return NaN;
  // Year: exactly four digits.
  const y0 = text.charCodeAt(0) - ZERO;
  const y1 = text.charCodeAt(1) - ZERO;
  const y2 = text.charCodeAt(2) - ZERO;
  const y3 = text.charCodeAt(3) - ZERO;
  if (y0 < 0 || y0 > 9 || y1 < 0 || y1 > 9 || y2 < 0 || y2 > 9 || y3 < 0 || y3 > 9) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const separator = text.charCodeAt(4);
  if (separator !== 45 /* - */ && separator !== 47 /* / */) return NaN;
  // Month and day: one or two digits (Excel writes 2024/3/9).
  let position = 5;
  let month = 0;
  let digits = 0;
  while (position < length && digits < 2 && isDigit(text.charCodeAt(position))) {
    month = month * 10 + text.charCodeAt(position) - ZERO;
    position++;
    digits++;
  }
  if (digits === 0 || text.charCodeAt(position) !== separator) return NaN;
  position++;
  let day = 0;
  digits = 0;
  while (position < length && digits < 2 && isDigit(text.charCodeAt(position))) {
    day = day * 10 + text.charCodeAt(position) - ZERO;
    position++;
    digits++;
  }
  if (digits === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const dateMs = daysFromCivil(year, month, day) * DAY_MS;
  if (position === length) return clock.localToUtc(dateMs);

  const dateTimeSeparator = text.charCodeAt(position);
  if (dateTimeSeparator !== 84 /* T */ && dateTimeSeparator !== 116 /* t */ && dateTimeSeparator !== 32) return NaN;
  position++;
  let hour = 0;
  digits = 0;
  while (position < length && digits < 2 && isDigit(text.charCodeAt(position))) {
    hour = hour * 10 + text.charCodeAt(position) - ZERO;
    position++;
    digits++;
  }
  if (digits === 0 || hour > 23 || text.charCodeAt(position) !== 58 /* : */) return NaN;
  position++;
  const minute = twoDigits(text, position);
  if (minute < 0 || minute > 59) return NaN;
  position += 2;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(position) === 58) {
    second = twoDigits(text, position + 1);
    if (second < 0 || second > 59) return NaN;
    position += 3;
    const mark = text.charCodeAt(position);
    if (mark === 46 /* . */ || mark === 44 /* , */) {
      position++;
      // Up to 9 fraction digits (micro- and nanoseconds are truncated to ms).
      let scale = 100;
      digits = 0;
      while (position < length && isDigit(text.charCodeAt(position))) {
        if (digits < 3) millisecond += (text.charCodeAt(position) - ZERO) * scale;
        scale /= 10;
        position++;
        digits++;
      }
      if (digits === 0 || digits > 9) return NaN;
    }
  }
  const wallMs = dateMs + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
  if (position === length) return clock.localToUtc(wallMs);

  // A zone designator: Z, or ±HH[:MM] / ±HHMM.
  const zoneMark = text.charCodeAt(position);
  if (zoneMark === 90 /* Z */ || zoneMark === 122 /* z */) return position + 1 === length ? wallMs : NaN;
  if (zoneMark !== 43 /* + */ && zoneMark !== 45 /* - */) return NaN;
  const offsetHours = twoDigits(text, position + 1);
  if (offsetHours < 0 || offsetHours > 23) return NaN;
  position += 3;
  let offsetMinutes = 0;
  if (position < length) {
    if (text.charCodeAt(position) === 58) position++;
    offsetMinutes = twoDigits(text, position);
    if (offsetMinutes < 0 || offsetMinutes > 59) return NaN;
    position += 2;
  }
  if (position !== length) return NaN;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return zoneMark === 43 ? wallMs - offsetMs : wallMs + offsetMs;
}

function twoDigits(text: string, position: number): number {
  const tens = text.charCodeAt(position) - ZERO;
  const ones = text.charCodeAt(position + 1) - ZERO;
  if (!(tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9)) return -1;
  return tens * 10 + ones;
}

/**
 * A timestamp from a typed source (JSON, Parquet, Arrow): Dates and typed
 * instants are taken as they are; numbers follow the digit rule of the text form.
 */
export function timestampFromValue(value: unknown, clock: ZoneClock, isInstant = false): number {
  if (typeof value === 'string') return parseTimestamp(value, clock);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') {
    if (isInstant) return Number.isFinite(value) ? value : NaN;
    return Number.isInteger(value) && value >= 0 ? parseTimestamp(String(value), clock) : NaN;
  }
  if (typeof value === 'bigint') {
    if (isInstant) return Number(value);
    return value >= 0n ? parseTimestamp(String(value), clock) : NaN;
  }
  return NaN;
}
