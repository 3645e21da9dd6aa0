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
