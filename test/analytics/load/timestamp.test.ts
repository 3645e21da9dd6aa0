import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysFromCivil,
  parseTimestamp,
  parseTimestampBytes,
  timestampFromValue,
} from '../../../src/analytics/load/timestamp.ts';
import { isTimeZone, zoneClock } from '../../../src/analytics/timeZone.ts';

const utc = zoneClock('UTC');
const shanghai = zoneClock('Asia/Shanghai');
const newYork = zoneClock('America/New_York');
const kolkata = zoneClock('Asia/Kolkata');

describe('parseTimestamp', () => {
  it('reads ISO 8601 instants with Z or an offset, whatever the zone', () => {
    expect(parseTimestamp('2024-03-10T08:00:00Z', shanghai)).toBe(Date.UTC(2024, 2, 10, 8, 0));
    expect(parseTimestamp('2024-03-10t08:00:00z', utc)).toBe(Date.UTC(2024, 2, 10, 8, 0));
    expect(parseTimestamp('2024-03-10T08:00:00+08:00', newYork)).toBe(Date.UTC(2024, 2, 10, 0, 0));
    expect(parseTimestamp('2024-03-10T08:00:00+0800', utc)).toBe(Date.UTC(2024, 2, 10, 0, 0));
    expect(parseTimestamp('2024-03-10T08:00+08', utc)).toBe(Date.UTC(2024, 2, 10, 0, 0));
    expect(parseTimestamp('2024-03-10T08:00:00-05:30', utc)).toBe(Date.UTC(2024, 2, 10, 13, 30));
    expect(parseTimestamp('2024-03-10 08:00:00Z', utc)).toBe(Date.UTC(2024, 2, 10, 8, 0));
    expect(parseTimestamp('2024-03-10T08:00:00.5Z', utc)).toBe(Date.UTC(2024, 2, 10, 8, 0, 0, 500));
    expect(parseTimestamp('2024-03-10T08:00:00.123456Z', utc)).toBe(Date.UTC(2024, 2, 10, 8, 0, 0, 123));
  });

  it('reads local date-times in the configured zone (default UTC)', () => {
    expect(parseTimestamp('2024-03-10 08:00', utc)).toBe(Date.UTC(2024, 2, 10, 8, 0));
    expect(parseTimestamp('2024-03-10 08:00', shanghai)).toBe(Date.UTC(2024, 2, 10, 0, 0));
    expect(parseTimestamp('2024/03/10 08:00:05', shanghai)).toBe(Date.UTC(2024, 2, 10, 0, 0, 5));
    expect(parseTimestamp('2024-03-10T08:00:05.250', utc)).toBe(Date.UTC(2024, 2, 10, 8, 0, 5, 250));
    expect(parseTimestamp('2024/3/9 8:05', utc)).toBe(Date.UTC(2024, 2, 9, 8, 5));
    expect(parseTimestamp('2024-03-10 08:00', kolkata)).toBe(Date.UTC(2024, 2, 10, 2, 30));
    expect(parseTimestamp('2024-01-15 12:00', newYork)).toBe(Date.UTC(2024, 0, 15, 17, 0));
    expect(parseTimestamp('2024-07-01 12:00', newYork)).toBe(Date.UTC(2024, 6, 1, 16, 0));
  });

  it('reads a bare date as local midnight', () => {
    expect(parseTimestamp('2024-03-10', utc)).toBe(Date.UTC(2024, 2, 10));
    expect(parseTimestamp('2024-03-10', shanghai)).toBe(Date.UTC(2024, 2, 9, 16, 0));
    expect(parseTimestamp('2024/3/1', newYork)).toBe(Date.UTC(2024, 2, 1, 5, 0));
    expect(parseTimestamp('2024-02-29', utc)).toBe(Date.UTC(2024, 1, 29));
  });

  it('moves times skipped by DST forward and takes the earlier of repeated times', () => {
    // New York springs forward at 02:00 EST on 2024-03-10: 02:30 does not exist, read as 03:30 EDT.
    expect(parseTimestamp('2024-03-10 02:30', newYork)).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(parseTimestamp('2024-03-10 03:00', newYork)).toBe(Date.UTC(2024, 2, 10, 7, 0));
    // It falls back at 02:00 EDT on 2024-11-03: 01:30 happens twice; the first (EDT, UTC-4) is taken.
    expect(parseTimestamp('2024-11-03 01:30', newYork)).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(parseTimestamp('2024-11-03 02:30', newYork)).toBe(Date.UTC(2024, 10, 3, 7, 30));
  });

  it('reads 10 digits as epoch seconds and 13 as epoch milliseconds', () => {
    expect(parseTimestamp('1710057600', shanghai)).toBe(1_710_057_600_000);
    expect(parseTimestamp('1710057600123', shanghai)).toBe(1_710_057_600_123);
    expect(parseTimestamp(' 1710057600 ', utc)).toBe(1_710_057_600_000);
  });

  it.each([
    '',
    ' ',
    'abc',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '10/03/2024',
    '03/10/2024 08:00',
    '2024-03-10 24:00',
    '2024-03-10 08:60',
    '2024-03-10 08:00:60',
    '2024-03-10 08',
    '2024-03-10T08:00:00+25:00',
    '2024-03-10T08:00:00Zjunk',
    '2024-03-10x',
    '2024-03-10 08:00 PM',
    '12345',
    '171005760',
    '17100576001',
    '-1710057600',
    '1710057600.5',
    '24-03-10',
    '2024-03-10T08:00:00.',
    '2024.03.10',
    '2024-03/10',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text, utc)).toBeNaN();
  });

  it('parses a byte range of a longer row without slicing', () => {
    const bytes = new TextEncoder().encode('c1,2024-03-10 08:00,visit');
    expect(parseTimestampBytes(bytes, 3, 19, shanghai)).toBe(Date.UTC(2024, 2, 10, 0, 0));
    expect(parseTimestampBytes(bytes, 3, 13, utc)).toBe(Date.UTC(2024, 2, 10));
    expect(parseTimestampBytes(bytes, 0, 19, utc)).toBeNaN();
  });

  it('reads YYYY-MM-DD HH:MM:SS at fixed positions, its date checked whenever it changes', () => {
    const read = (text: string, clock = utc) =>
      parseTimestampBytes(new TextEncoder().encode(text), 0, text.length, clock);
    expect(read('2024-02-29 23:59:59')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(read('2024-02-29 00:00:01', shanghai)).toBe(Date.UTC(2024, 1, 28, 16, 0, 1));
    expect(read('2024-02-29T12:30:00')).toBe(Date.UTC(2024, 1, 29, 12, 30));
    expect(read('2024-02-29t12:30:00')).toBe(Date.UTC(2024, 1, 29, 12, 30));
    // The date read just before does not vouch for another one.
    expect(read('2023-02-29 12:30:00')).toBeNaN();
    expect(read('2024-02-30 12:30:00')).toBeNaN();
    expect(read('2024-13-01 12:30:00')).toBeNaN();
    expect(read('2024-00-10 12:30:00')).toBeNaN();
    expect(read('2024-02-29 24:00:00')).toBeNaN();
    expect(read('2024-02-29 23:60:00')).toBeNaN();
    expect(read('2024-02-29 23:59:60')).toBeNaN();
    expect(read('2024-02-29 2a:00:00')).toBeNaN();
    expect(read('2024-02-29_12:30:00')).toBeNaN();
    // 19 characters of other forms go to the general reader.
    expect(read('2024-03-10T08:00+08')).toBe(Date.UTC(2024, 2, 10, 0, 0));
    expect(read('2024/03/10 08:00:05')).toBe(Date.UTC(2024, 2, 10, 8, 0, 5));
    expect(read('1999-12-31 23:59:59', newYork)).toBe(Date.UTC(2000, 0, 1, 4, 59, 59));
  });

  it('rejects non-ASCII text', () => {
    expect(parseTimestamp('２０２４-03-10', utc)).toBeNaN();
  });

  it('agrees with Date.parse on random ISO instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseTimestamp(iso, newYork)).toBe(ms);
        expect(parseTimestamp(iso.slice(0, 19).replace('T', ' '), utc)).toBe(Math.floor(ms / 1000) * 1000);
      }),
    );
  });
});

describe('timestampFromValue', () => {
  it('takes Dates and typed instants as they are and applies the digit rule to numbers', () => {
    expect(timestampFromValue(new Date(Date.UTC(2024, 2, 10)), shanghai)).toBe(Date.UTC(2024, 2, 10));
    expect(timestampFromValue(1_710_057_600, utc)).toBe(1_710_057_600_000);
    expect(timestampFromValue(1_710_057_600_123, utc)).toBe(1_710_057_600_123);
    expect(timestampFromValue(86_400_000, utc, true)).toBe(86_400_000);
    expect(timestampFromValue(1_710_057_600n, utc)).toBe(1_710_057_600_000);
    expect(timestampFromValue(12.5, utc)).toBeNaN();
    expect(timestampFromValue(null, utc)).toBeNaN();
    expect(timestampFromValue(true, utc)).toBeNaN();
  });
});

describe('daysFromCivil and zones', () => {
  it('counts days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2024, 3, 10)).toBe(Date.UTC(2024, 2, 10) / 86_400_000);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('knows IANA zone names', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => zoneClock('Mars/Olympus')).toThrow(RangeError);
  });

  it('gives zone offsets', () => {
    expect(shanghai.offsetAt(Date.UTC(2024, 0, 1))).toBe(8 * 3_600_000);
    expect(newYork.offsetAt(Date.UTC(2024, 6, 1))).toBe(-4 * 3_600_000);
    expect(newYork.offsetAt(Date.UTC(2024, 0, 1))).toBe(-5 * 3_600_000);
  });
});
