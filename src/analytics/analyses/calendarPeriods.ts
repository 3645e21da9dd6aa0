/**
 * Calendar periods in an IANA time zone (spec §6.1): days, ISO weeks (Monday
 * start) or months, as the instants at which they begin. Boundaries are few
 * (one per period), so they are found with Intl; events are then placed by
 * binary search, never formatted one by one.
 *
 * @example
 *   const periods = calendarPeriods(minMs, maxMs, 'week', 'Asia/Shanghai');
 *   periods.labels[periodIndex(periods, someMs)]; // '2024-03-04' (that week's Monday)
 */
import type { RetentionPeriod } from './spec.ts';

export interface CalendarPeriods {
  /** Instant (epoch ms) at which each period begins, ascending. */
  startsMs: Float64Array;
  /** Each period's first local day, `YYYY-MM-DD`. */
  labels: string[];
}

const DAY_MS = 86_400_000;

function localDateKey(format: Intl.DateTimeFormat, ms: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return year * 10000 + month * 100 + day;
}

/** Local calendar date as a UTC-midnight ms value, for date arithmetic. */
function keyToDateMs(key: number): number {
  return Date.UTC(Math.floor(key / 10000), (Math.floor(key / 100) % 100) - 1, key % 100);
}

function dateMsToKey(dateMs: number): number {
  const date = new Date(dateMs);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

function label(dateMs: number): string {
  return new Date(dateMs).toISOString().slice(0, 10);
}

/** The first instant whose local date is `dateMs`'s date (handles DST gaps at midnight). */
function startOfLocalDay(format: Intl.DateTimeFormat, dateMs: number): number {
  const key = dateMsToKey(dateMs);
  // Offsets lie within ±15 h and change on whole seconds: binary search seconds.
  let low = Math.floor((dateMs - 15 * 3600_000) / 1000);
  let high = Math.floor((dateMs + 15 * 3600_000) / 1000);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (localDateKey(format, middle * 1000) >= key) high = middle;
    else low = middle + 1;
  }
  return low * 1000;
}

function alignToPeriod(dateMs: number, period: RetentionPeriod): number {
  const date = new Date(dateMs);
  if (period === 'day') return dateMs;
  if (period === 'week') return dateMs - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextPeriod(dateMs: number, period: RetentionPeriod): number {
  const date = new Date(dateMs);
  if (period === 'day') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  if (period === 'week') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 7);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** The periods covering `[firstMs, lastMs]`. */
export function calendarPeriods(
  firstMs: number,
  lastMs: number,
  period: RetentionPeriod,
  timeZone: string,
): CalendarPeriods {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  const starts: number[] = [];
  const labels: string[] = [];
  let dateMs = alignToPeriod(keyToDateMs(localDateKey(format, firstMs)), period);
  for (;;) {
    const startMs = startOfLocalDay(format, dateMs);
    if (startMs > lastMs && starts.length > 0) break;
    starts.push(startMs);
    labels.push(label(dateMs));
    dateMs = nextPeriod(dateMs, period);
  }
  return { startsMs: Float64Array.from(starts), labels };
}

/** Index of the period holding `ms` (the last start at or before it). */
export function periodIndex(periods: CalendarPeriods, ms: number): number {
  const starts = periods.startsMs;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= ms) low = middle;
    else high = middle - 1;
  }
  return low;
}
