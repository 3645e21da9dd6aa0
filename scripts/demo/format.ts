/**
 * Formatting helpers for the demo files: timestamps in the three forms the
 * loader accepts, and CSV lines with RFC 4180 quoting where needed.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** Milliseconds since the epoch of a UTC calendar date, `YYYY-MM-DD`. */
export function utcDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** `2026-09-03T10:15:22Z`: an instant in UTC, whole seconds. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** `2026-09-03T18:15:22+08:00`: the same instant written with the China offset. */
export function isoShanghai(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** `2026-09-03 18:15:22`: Asia/Shanghai wall-clock time without an offset, as Excel exports it. */
export function localShanghai(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Milliseconds of a Shanghai wall-clock day start (00:00 local) for `YYYY-MM-DD`. */
export function shanghaiDay(isoDate: string): number {
  return utcDay(isoDate) - SHANGHAI_OFFSET_MS;
}

/** One CSV line (LF ending); a field is quoted only when it holds a comma, quote or newline. */
export function csvLine(fields: readonly (string | number | undefined)[]): string {
  return (
    fields
      .map((field) => {
        const text = field === undefined ? '' : String(field);
        return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(',') + '\n'
  );
}

/** A zero-padded customer id: `customerId('RB', 7)` is `RB0007`. */
export function customerId(prefix: string, index: number): string {
  return prefix + String(index).padStart(4, '0');
}

/** Money with two decimals, e.g. `money(12.3)` is `12.30`. */
export function money(amount: number): string {
  return (Math.round(amount * 100) / 100).toFixed(2);
}

/** A score clamped to [low, high] and rounded to an integer. */
export function score(raw: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.round(raw)));
}

export interface Row {
  ms: number;
  order: number;
  fields: (string | number | undefined)[];
}

/**
 * Rows sorted like a real export: by time, ties by the order they were made
 * in, so the file is deterministic.
 */
export function sortedCsv(header: readonly string[], rows: Row[]): string {
  const sorted = [...rows].sort((a, b) => a.ms - b.ms || a.order - b.order);
  return csvLine(header) + sorted.map((row) => csvLine(row.fields)).join('');
}
