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
import type { ZoneClock } from '../timeZone.ts';

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
export function parseTimestamp(text: string, clock: ZoneClock): number {
  const length = text.length;
  if (length > scratch.length) return NaN;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // Every accepted form is ASCII.
    if (code > 127) return NaN;
    scratch[i] = code;
  }
  return parseTimestampBytes(scratch, 0, length, clock);
}

const scratch = new Uint8Array(64);

/** `parseTimestamp` of the ASCII bytes `bytes[start, end)`: the CSV reader's hot path. */
export function parseTimestampBytes(bytes: Uint8Array, start: number, end: number, clock: ZoneClock): number {
  while (start < end && bytes[start]! <= 32) start++;
  while (end > start && bytes[end - 1]! <= 32) end--;
  const length = end - start;
  if (length === 0) return NaN;
  if (length === 19) {
    const instant = parseFixedDateTime(bytes, start, clock);
    if (instant === instant) return instant;
  }
  // Epoch seconds or milliseconds: all digits, 10 or 13 of them.
  if (length === 10 || length === 13) {
    let epoch = 0;
    let allDigits = true;
    for (let i = start; i < end; i++) {
      const digit = bytes[i]! - ZERO;
      if (digit < 0 || digit > 9) {
        allDigits = false;
        break;
      }
      epoch = epoch * 10 + digit;
    }
    if (allDigits) return length === 10 ? epoch * 1000 : epoch;
  }
  if (length < 8) return NaN;
  // Year: exactly four digits.
  const y0 = bytes[start]! - ZERO;
  const y1 = bytes[start + 1]! - ZERO;
  const y2 = bytes[start + 2]! - ZERO;
  const y3 = bytes[start + 3]! - ZERO;
  if (y0 < 0 || y0 > 9 || y1 < 0 || y1 > 9 || y2 < 0 || y2 > 9 || y3 < 0 || y3 > 9) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const separator = bytes[start + 4];
  if (separator !== 45 /* - */ && separator !== 47 /* / */) return NaN;
  // Month and day: one or two digits (Excel writes 2024/3/9).
  let position = start + 5;
  let month = 0;
  let digits = 0;
  while (position < end && digits < 2 && isDigit(bytes[position]!)) {
    month = month * 10 + bytes[position]! - ZERO;
    position++;
    digits++;
  }
  if (digits === 0 || position >= end || bytes[position] !== separator) return NaN;
  position++;
  let day = 0;
  digits = 0;
  while (position < end && digits < 2 && isDigit(bytes[position]!)) {
    day = day * 10 + bytes[position]! - ZERO;
    position++;
    digits++;
  }
  if (digits === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const dateMs = daysFromCivil(year, month, day) * DAY_MS;
  if (position === end) return clock.localToUtc(dateMs);

  const dateTimeSeparator = bytes[position];
  if (dateTimeSeparator !== 84 /* T */ && dateTimeSeparator !== 116 /* t */ && dateTimeSeparator !== 32) return NaN;
  position++;
  let hour = 0;
  digits = 0;
  while (position < end && digits < 2 && isDigit(bytes[position]!)) {
    hour = hour * 10 + bytes[position]! - ZERO;
    position++;
    digits++;
  }
  if (digits === 0 || hour > 23 || position >= end || bytes[position] !== 58 /* : */) return NaN;
  position++;
  if (position + 2 > end) return NaN;
  const minute = twoDigits(bytes, position);
  if (minute < 0 || minute > 59) return NaN;
  position += 2;
  let second = 0;
  let millisecond = 0;
  if (position < end && bytes[position] === 58) {
    if (position + 3 > end) return NaN;
    second = twoDigits(bytes, position + 1);
    if (second < 0 || second > 59) return NaN;
    position += 3;
    const mark = position < end ? bytes[position] : 0;
    if (mark === 46 /* . */ || mark === 44 /* , */) {
      position++;
      // Up to 9 fraction digits (micro- and nanoseconds are truncated to ms).
      let scale = 100;
      digits = 0;
      while (position < end && isDigit(bytes[position]!)) {
        if (digits < 3) millisecond += (bytes[position]! - ZERO) * scale;
        scale /= 10;
        position++;
        digits++;
      }
      if (digits === 0 || digits > 9) return NaN;
    }
  }
  const wallMs = dateMs + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
  if (position === end) return clock.localToUtc(wallMs);

  // A zone designator: Z, or ±HH[:MM] / ±HHMM.
  const zoneMark = bytes[position];
  if (zoneMark === 90 /* Z */ || zoneMark === 122 /* z */) return position + 1 === end ? wallMs : NaN;
  if (zoneMark !== 43 /* + */ && zoneMark !== 45 /* - */) return NaN;
  if (position + 3 > end) return NaN;
  const offsetHours = twoDigits(bytes, position + 1);
  if (offsetHours < 0 || offsetHours > 23) return NaN;
  position += 3;
  let offsetMinutes = 0;
  if (position < end) {
    if (bytes[position] === 58) position++;
    if (position + 2 !== end) return NaN;
    offsetMinutes = twoDigits(bytes, position);
    if (offsetMinutes < 0 || offsetMinutes > 59) return NaN;
  }
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return zoneMark === 43 ? wallMs - offsetMs : wallMs + offsetMs;
}

// The last date read by the fast path, as YYYYMMDD, and its days since 1970.
let lastDate = -1;
let lastDays = 0;

/**
 * The commonest export form, `YYYY-MM-DD HH:MM:SS` (or with `T`), read at
 * fixed positions; NaN for anything else, which the general parser then
 * reads (or refuses) as before. Rows of one day repeat its date: its days
 * are computed once.
 */
function parseFixedDateTime(bytes: Uint8Array, start: number, clock: ZoneClock): number {
  const mark = bytes[start + 10];
  if (
    bytes[start + 4] !== 45 ||
    bytes[start + 7] !== 45 ||
    (mark !== 32 && mark !== 84 && mark !== 116) ||
    bytes[start + 13] !== 58 ||
    bytes[start + 16] !== 58
  )
    return NaN;
  const century = twoDigits(bytes, start);
  const yearOfCentury = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  const hour = twoDigits(bytes, start + 11);
  const minute = twoDigits(bytes, start + 14);
  const second = twoDigits(bytes, start + 17);
  if ((century | yearOfCentury | month | day | hour | minute | second) < 0) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const year = century * 100 + yearOfCentury;
  const date = year * 10000 + month * 100 + day;
  if (date !== lastDate) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    lastDays = daysFromCivil(year, month, day);
    lastDate = date;
  }
  return clock.localToUtc(lastDays * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000);
}

function twoDigits(bytes: Uint8Array, position: number): number {
  const tens = bytes[position]! - ZERO;
  const ones = bytes[position + 1]! - ZERO;
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
