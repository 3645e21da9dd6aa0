/**
 * parseTimestamp against Intl on random instants in zones with DST, half-hour
 * and quarter-hour offsets: a property test, run in the vitest project `slow`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/analytics/load/timestamp.ts';
import { zoneClock } from '../../../src/analytics/timeZone.ts';

describe('parseTimestamp (property)', () => {
  it('inverts Intl: the wall time of an instant in a zone reads back as that instant', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Shanghai'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minutes, zone) => {
          const ms = minutes * 60_000;
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat('en-CA', {
              timeZone: zone,
              hourCycle: 'h23',
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
            })
              .formatToParts(new Date(ms))
              .map((part) => [part.type, part.value]),
          );
          const wall = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
          const parsed = parseTimestamp(wall, zoneClock(zone));
          // Repeated wall times (DST ends) read as the earlier instant; otherwise exact.
          if (parsed !== ms) {
            expect(parsed).toBeLessThan(ms);
            const clock = zoneClock(zone);
            expect(clock.offsetAt(parsed)).toBeGreaterThan(clock.offsetAt(ms));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
