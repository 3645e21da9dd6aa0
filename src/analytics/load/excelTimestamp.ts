/**
 * The timestamp forms spreadsheets write, read exactly (never guessed):
 * - `2026年3月5日`, optionally with ` 9:07[:05]`;
 * - a 12-hour clock marked `上午`/`下午` or `AM`/`PM` (`2026/3/5 下午 3:07`, `2026-03-05 3:07 PM`);
 * - compact bank-system stamps `YYYYMMDD` and `YYYYMMDDHHMMSS` (the builder accepts
 *   them only when every value of the column has that form);
 * - Excel date serials (`46086.38`), only when the user says so (`--excel-dates`).
 * All are wall-clock time in the data's zone; impossible dates (`2026-02-30`) are `NaN`.
 *
 * @example
 *   parseSpreadsheetTimestamp('2026年3月5日 9:07', zoneClock('UTC')); // Date.UTC(2026, 2, 5, 9, 7)
 */
import type { ZoneClock } from '../timeZone.ts';
import { daysFromCivil } from './timestamp.ts';

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, after its 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
/** Serial 61 is 1900-03-01, the first day Excel's serials count correctly; 2958465 is 9999-12-31. */
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2_958_466;

const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(上午|下午)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TWELVE_HOUR =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})\s+(?:(上午|下午)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM|am|pm|上午|下午))$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

function wallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  clock: ZoneClock,
): number {
  if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return NaN;
  return clock.localToUtc(
    daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000,
  );
}

/** A 12-hour clock hour (1-12) with its marker -> 0-23; -1 when out of range. */
function twelveHour(hour: number, marker: string): number {
  if (hour < 1 || hour > 12) return -1;
  const afternoon = marker === '下午' || marker.toUpperCase() === 'PM';
  return (hour % 12) + (afternoon ? 12 : 0);
}

/** `2026年3月5日[ 9:07[:05]]` or a date with a 12-hour clock; `NaN` for anything else. */
export function parseSpreadsheetTimestamp(text: string, clock: ZoneClock): number {
  const value = text.trim();
  const chinese = CHINESE_DATE.exec(value);
  if (chinese) {
    const [, year, month, day, marker, hour, minute, second] = chinese;
    let hours = Number(hour ?? 0);
    if (marker !== undefined) hours = twelveHour(hours, marker);
    if (hours < 0) return NaN;
    return wallClock(Number(year), Number(month), Number(day), hours, Number(minute ?? 0), Number(second ?? 0), clock);
  }
  const twelve = TWELVE_HOUR.exec(value);
  if (twelve) {
    const [, year, , month, day, markerBefore, hourBefore, minuteBefore, secondBefore] = twelve;
    const [hourAfter, minuteAfter, secondAfter, markerAfter] = twelve.slice(9);
    const marker = markerBefore ?? markerAfter ?? '';
    const hours = twelveHour(Number(hourBefore ?? hourAfter), marker);
    if (hours < 0) return NaN;
    const minutes = Number(minuteBefore ?? minuteAfter);
    const seconds = Number(secondBefore ?? secondAfter ?? 0);
    return wallClock(Number(year), Number(month), Number(day), hours, minutes, seconds, clock);
  }
  return NaN;
}

/** Whether the text is 8 or 14 digits, the compact stamp's shape. */
export function isCompactStamp(text: string): boolean {
  const length = text.length;
  return (length === 8 || length === 14) && /^\d+$/.test(text);
}

/** `20260305` or `20260305090700` as wall-clock time; `NaN` when the date or time is impossible. */
export function parseCompactStamp(text: string, clock: ZoneClock): number {
  const match = COMPACT.exec(text);
  if (!match) return NaN;
  const [, year, month, day, hour, minute, second] = match;
  return wallClock(
    Number(year),
    Number(month),
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    clock,
  );
}

/** An Excel date serial (days since 1899-12-30, the fraction the time of day) as wall-clock time; `NaN` outside 1900-03-01..9999-12-31. */
export function excelSerialToInstant(serial: number, clock: ZoneClock): number {
  if (!(serial >= FIRST_SERIAL && serial < LAST_SERIAL)) return NaN;
  // Excel keeps times to the millisecond at best; rounding removes the binary fraction's noise.
  const wallMs = Math.round((serial - EXCEL_EPOCH_DAYS) * DAY_MS);
  return clock.localToUtc(wallMs);
}

const SERIAL_TEXT = /^\d{1,7}(?:\.\d+)?$/;

/** An Excel serial written as text (`46086.38`); `NaN` when the text is not one. */
export function parseExcelSerial(text: string, clock: ZoneClock): number {
  const value = text.trim();
  return SERIAL_TEXT.test(value) ? excelSerialToInstant(Number(value), clock) : NaN;
}
