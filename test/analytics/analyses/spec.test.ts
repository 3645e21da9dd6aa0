import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../../../src/analytics/duration.ts';
import {
  parseFunnelSpec,
  parsePathsSpec,
  parseRetentionSpec,
  parseSatisfactionSpec,
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
