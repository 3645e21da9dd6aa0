import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../../../src/analytics/duration.ts';
import {
  parseFunnelSpec,
  parsePathsSpec,
  parseRetentionSpec,
  parseSatisfactionSpec,
  parseStallsSpec,
  parseWhatIfSpec,
  SpecError,
} from '../../../src/analytics/analyses/spec.ts';

describe('analysis specs', () => {
  it('parses durations with units, and plain numbers as seconds', () => {
    expect(parseDurationSeconds('14d', 'window')).toBe(1_209_600);
    expect(parseDurationSeconds('30m', 'window')).toBe(1800);
    expect(parseDurationSeconds('1h', 'window')).toBe(3600);
    expect(parseDurationSeconds('45s', 'window')).toBe(45);
    expect(parseDurationSeconds('1.5h', 'window')).toBe(5400);
    expect(parseDurationSeconds('90', 'window')).toBe(90);
    expect(() => parseDurationSeconds('3x', 'window')).toThrow('invalid window: 3x');
  });

  it('bounds every duration at 3650 days, naming the allowed range', () => {
    expect(parseDurationSeconds('3650d', 'window')).toBe(3650 * 86_400);
    expect(parseDurationSeconds('0', 'session gap')).toBe(0);
    expect(() => parseDurationSeconds('3651d', 'window')).toThrow(
      'invalid window: 3651d (more than 3650d; give a duration from 0 to 3650d, such as 14d, 1h, 30m or 45s)',
    );
    // 400 digits once printed "Infinityd"; the echo is cut short.
    expect(() => parseDurationSeconds('9'.repeat(400) + 'd', 'window')).toThrow(
      'invalid window: 99999999999999999999… (401 characters) (more than 3650d; give a duration from 0 to 3650d, such as 14d, 1h, 30m or 45s)',
    );
    expect(() => parseDurationSeconds(Infinity, 'window')).toThrow('invalid window: Infinity (more than 3650d;');
    expect(() => parseDurationSeconds(-1, 'window')).toThrow(
      'invalid window: -1 (expected a duration such as 14d, 1h, 30m or 45s)',
    );
    expect(() => parseDurationSeconds('2h', 'loader_timeout', 3600)).toThrow(
      'invalid loader_timeout: 2h (more than 1h; give a duration from 0 to 1h, such as 1h, 30m or 45s)',
    );
  });

  it('refuses a --now that is no day in the calendar instead of rolling it over (2026-02-30 was March 2)', () => {
    const stalls = (now: string) => parseStallsSpec({ steps: 'a,b', older_than: '1d', now });
    for (const now of ['2026-02-30', '2026-02-30T00:00:00Z', '2026-04-31T10:00:00+08:00', '2025-02-29'])
      expect(() => stalls(now)).toThrow(
        new SpecError(
          `stalls: invalid now: ${now} (no such day in the calendar; expected an ISO 8601 instant such as 2026-03-01T00:00:00Z)`,
        ),
      );
    expect(() => stalls('2026-13-01')).toThrow('stalls: invalid now: 2026-13-01 (');
    expect(stalls('2024-02-29').nowMs).toBe(Date.UTC(2024, 1, 29));
    expect(stalls('2026-03-02T08:00:00+08:00').nowMs).toBe(Date.UTC(2026, 2, 2));
  });

  it('bounds a what-if uplift above -100% and at most +10,000% (1e308 printed "+∞%")', () => {
    const whatIf = (uplift: number) => parseWhatIfSpec({ steps: 'a,b', step: 2, uplift });
    expect(whatIf(100).uplift).toBe(100);
    expect(whatIf(-0.5).uplift).toBe(-0.5);
    for (const uplift of [1e308, 100.5, -1])
      expect(() => whatIf(uplift)).toThrow(
        new SpecError(
          `what-if: invalid uplift: ${uplift} (expected a relative change above -1 and at most 100, e.g. 0.3 for +30%)`,
        ),
      );
  });

  it('refuses windows, session gaps and inactivity beyond the bound in every spec', () => {
    const tooLong = '3651d';
    expect(() => parseFunnelSpec({ steps: 'a,b', window: tooLong })).toThrow(
      new SpecError(
        'funnel: invalid window: 3651d (more than 3650d; give a duration from 0 to 3650d, such as 14d, 1h, 30m or 45s)',
      ),
    );
    expect(() => parsePathsSpec({ session_gap: 1e12 })).toThrow(
      new SpecError(
        'paths: invalid session gap: 1000000000000 (more than 3650d; give a duration from 0 to 3650d, such as 14d, 1h, 30m or 45s)',
      ),
    );
    expect(() => parseStallsSpec({ steps: 'a,b', older_than: tooLong })).toThrow(
      new SpecError(
        'stalls: invalid older than: 3651d (more than 3650d; give a duration from 0 to 3650d, such as 14d, 1h, 30m or 45s)',
      ),
    );
    expect(() => parseWhatIfSpec({ steps: 'a,b', window: tooLong, step: 2, uplift: 0.1 })).toThrow(
      'what-if: invalid window: 3651d (more than 3650d;',
    );
  });

  it('defaults a funnel spec and resolves steps with alternatives', () => {
    expect(parseFunnelSpec({ steps: 'visit, add_to_cart|wishlist ,purchase' })).toEqual({
      steps: [
        { name: 'visit', events: ['visit'] },
        { name: 'add_to_cart|wishlist', events: ['add_to_cart', 'wishlist'] },
        { name: 'purchase', events: ['purchase'] },
      ],
      windowSeconds: 1_209_600,
      mode: 'ordered',
      by: null,
    });
    expect(parseFunnelSpec({ steps: [['a', 'b'], 'c'], window: 60 }).steps[0]!.name).toBe('a|b');
  });

  it('defaults paths and retention specs', () => {
    expect(parsePathsSpec()).toEqual({
      start: null,
      end: null,
      depth: 5,
      sessionGapSeconds: 1800,
      collapseRepeats: true,
      top: 20,
      minSessions: 1,
      edgeLimit: 50,
    });
    expect(parseRetentionSpec()).toEqual({
      period: 'week',
      startEvent: null,
      returnEvent: null,
      mode: 'on',
      timeZone: 'UTC',
    });
  });

  it('reports every problem as a SpecError naming the analysis', () => {
    expect(() => parseFunnelSpec({ steps: 'a,b', mode: 'loose' as never })).toThrow(
      'funnel: invalid mode: loose (expected ordered, strict or unordered)',
    );
    expect(() => parseSatisfactionSpec({ scale: 7 as never })).toThrow('invalid scale: 7');
    expect(() => parseWhatIfSpec({ steps: 'a,b', step: 3, uplift: 0.1 })).toThrow(SpecError);
    expect(() => parseFunnelSpec({ steps: 'a,,b' })).toThrow('a step has no event name');
  });
});
