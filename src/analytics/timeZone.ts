/**
 * Wall-clock time in an IANA zone -> UTC instants, fast: the zone's offset is
 * computed with Intl once per 15-minute bucket of local time and cached, since
 * every real zone changes offset only at quarter-hour boundaries.
 *
 * @example
 *   zoneClock('Asia/Shanghai').localToUtc(Date.UTC(2024, 2, 10, 8, 0)); // Date.UTC(2024, 2, 10, 0, 0)
 */

const BUCKET_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;

/** Whether Intl knows the zone name. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface ZoneClock {
  zone: string;
  /** Offset of the zone from UTC at an instant, in ms (Shanghai: +8 h). */
  offsetAt(utcMs: number): number;
  /**
   * The instant of a wall-clock time given as if it were UTC ms. Times skipped by a
   * DST change move forward by the gap; repeated times take the earlier instant
   * (Temporal's "compatible" disambiguation, as JavaScript's Date does).
   */
  localToUtc(wallMs: number): number;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z', 'utc']);

/** A converter for one zone; throws a RangeError for an unknown zone. */
export function zoneClock(zone = 'UTC'): ZoneClock {
  if (UTC_NAMES.has(zone)) return { zone, offsetAt: () => 0, localToUtc: (wallMs) => wallMs };
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
  const offsetCache = new Map<number, number>();
  const offsetAt = (utcMs: number): number => {
    const wholeSecond = Math.floor(utcMs / 1000) * 1000;
    const bucket = Math.floor(wholeSecond / BUCKET_MS);
    const cached = offsetCache.get(bucket);
    if (cached !== undefined) return cached;
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(wholeSecond))) parts[part.type] = part.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const date = new Date(0);
    date.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
    date.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
    const offset = date.getTime() - wholeSecond;
    // Offsets are constant within a quarter hour only at the bucket's start; cache the start.
    if (wholeSecond % BUCKET_MS === 0) offsetCache.set(bucket, offset);
    return offset;
  };
  const bucketOffset = (utcBucketStart: number): number => offsetAt(utcBucketStart);
  const localCache = new Map<number, number>();
  let lastBucket = NaN;
  let lastOffset = 0;
  const localToUtc = (wallMs: number): number => {
    const bucket = Math.floor(wallMs / BUCKET_MS);
    if (bucket === lastBucket) return wallMs - lastOffset;
    let offset = localCache.get(bucket);
    if (offset === undefined) {
      const wallStart = bucket * BUCKET_MS;
      const before = bucketOffset(Math.floor((wallStart - DAY_MS) / BUCKET_MS) * BUCKET_MS);
      const after = bucketOffset(Math.floor((wallStart + DAY_MS) / BUCKET_MS) * BUCKET_MS);
      if (before === after) offset = before;
      else {
        const validBefore = bucketOffset(wallStart - before) === before;
        const validAfter = bucketOffset(wallStart - after) === after;
        if (validBefore && validAfter) offset = Math.max(before, after);
        else if (validBefore) offset = before;
        else if (validAfter) offset = after;
        else offset = before;
      }
      localCache.set(bucket, offset);
    }
    lastBucket = bucket;
    lastOffset = offset;
    return wallMs - offset;
  };
  return { zone, offsetAt, localToUtc };
}

/** IANA zones an abbreviation may stand for; abbreviations are ambiguous (CST is Chicago, Shanghai or Havana). */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  CST: ['Asia/Shanghai', 'America/Chicago', 'America/Havana'],
  CDT: ['America/Chicago', 'America/Havana'],
  EST: ['America/New_York', 'America/Toronto', 'Australia/Sydney'],
  EDT: ['America/New_York', 'America/Toronto'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  PST: ['America/Los_Angeles', 'Asia/Manila'],
  PDT: ['America/Los_Angeles'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  CET: ['Europe/Paris', 'Europe/Berlin'],
  CEST: ['Europe/Paris', 'Europe/Berlin'],
  EET: ['Europe/Athens', 'Europe/Helsinki'],
  EEST: ['Europe/Athens', 'Europe/Helsinki'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney', 'Australia/Melbourne'],
  MSK: ['Europe/Moscow'],
};

/**
 * Why a `--tz` value cannot be used, or undefined when it is a usable IANA zone.
 * Abbreviations are refused even where Intl knows them (it reads CST as US Central).
 *
 * @example
 *   timeZoneProblem('CST'); // 'time zone abbreviation "CST" is ambiguous — use an IANA name: Asia/Shanghai, America/Chicago or America/Havana'
 */
export function timeZoneProblem(zone: string): string | undefined {
  const upper = zone.toUpperCase();
  if (UTC_NAMES.has(zone) || upper === 'UTC' || upper === 'GMT') return undefined;
  const candidates = ABBREVIATIONS[upper];
  if (candidates || /^[A-Z]{2,5}$/.test(zone) || /^[A-Z]{3}\d[A-Z]{3}$/.test(zone)) {
    const names = candidates ?? ['Asia/Shanghai', 'Europe/London', 'America/New_York'];
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    return `time zone abbreviation "${zone}" is ambiguous — use an IANA name: ${list}`;
  }
  if (!isTimeZone(zone))
    return `unknown time zone "${zone}" — use an IANA name such as UTC, Asia/Shanghai or Europe/Paris`;
  return undefined;
}

/**
 * An instant as wall-clock time in `zone` with its offset: `2026-01-05 08:00:00 +08:00`.
 *
 * @example
 *   formatInstantInZone(Date.UTC(2026, 0, 5), 'Asia/Shanghai'); // '2026-01-05 08:00:00 +08:00'
 */
export function formatInstantInZone(utcMs: number, zone: string): string {
  const offset = zoneClock(zone).offsetAt(utcMs);
  const wall = new Date(utcMs + offset).toISOString();
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall.slice(0, 10)} ${wall.slice(11, 19)} ${sign}${hh}:${mm}`;
}
