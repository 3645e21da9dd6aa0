import { describe, expect, it } from 'vitest';
import { calendarPeriods, periodIndex } from '../../../src/analytics/analyses/calendarPeriods.ts';
import { eventTable } from '../../../src/analytics/events.ts';
import { retention } from '../../../src/analytics/analyses/retention.ts';

function log(rows: [string, string, string?][]) {
  return eventTable({
    customer_id: rows.map((r) => r[0]),
    timestamp: rows.map((r) => Date.parse(r[1])),
    event: rows.map((r) => r[2] ?? 'visit'),
  });
}

describe('retention (spec §6)', () => {
  const daily = log([
    ['a', '2024-01-01T10:00Z'],
    ['a', '2024-01-02T10:00Z'],
    ['a', '2024-01-02T11:00Z'],
    ['a', '2024-01-04T09:00Z'],
    ['b', '2024-01-01T23:00Z'],
    ['b', '2024-01-03T00:00Z'],
    ['c', '2024-01-02T08:00Z'],
    ['d', '2024-01-04T12:00Z'],
  ]);

  it('"on": counts customers returning in exactly cohort + k; the last period is partial, later ones null', () => {
    expect(retention(daily, { period: 'day' })).toEqual({
      period: 'day',
      mode: 'on',
      cohorts: [
        {
          cohort: '2024-01-01',
          size: 2,
          counts: [2, 1, 1, 1],
          rates: [1, 0.5, 0.5, 0.5],
          partial: [false, false, false, true],
        },
        {
          cohort: '2024-01-02',
          size: 1,
          counts: [1, 0, 0, null],
          rates: [1, 0, 0, null],
          partial: [false, false, true, false],
        },
        {
          cohort: '2024-01-04',
          size: 1,
          counts: [1, null, null, null],
          rates: [1, null, null, null],
          partial: [true, false, false, false],
        },
      ],
    });
  });

  it('"on or after": counts customers returning in cohort + k or later', () => {
    const result = retention(daily, { period: 'day', mode: 'on_or_after' });
    expect(result.mode).toBe('on_or_after');
    expect(result.cohorts[0]!.counts).toEqual([2, 2, 2, 1]);
    expect(result.cohorts[1]!.counts).toEqual([1, 0, 0, null]);
  });

  it('cohort by the first start event, counting only return events', () => {
    const table = log([
      ['a', '2024-01-01T10:00Z', 'visit'],
      ['a', '2024-01-02T10:00Z', 'signup'],
      ['a', '2024-01-03T10:00Z', 'visit'],
      ['a', '2024-01-04T10:00Z', 'purchase'],
      ['b', '2024-01-02T10:00Z', 'visit'],
    ]);
    const result = retention(table, { period: 'day', start_event: 'signup', return_event: 'purchase' });
    expect(result.cohorts).toEqual([
      { cohort: '2024-01-02', size: 1, counts: [1, 0, 1], rates: [1, 0, 1], partial: [false, false, true] },
    ]);
  });

  it('ISO weeks start on Monday in the configured zone (Asia/Shanghai)', () => {
    // 2024-03-04 is a Monday; local midnight in Shanghai is 2024-03-03T16:00Z.
    const table = log([
      ['x', '2024-03-03T15:59:59Z'],
      ['y', '2024-03-03T16:00:00Z'],
    ]);
    const result = retention(table, { period: 'week', tz: 'Asia/Shanghai' });
    expect(result.cohorts).toEqual([
      { cohort: '2024-02-26', size: 1, counts: [1, 0], rates: [1, 0], partial: [false, true] },
      { cohort: '2024-03-04', size: 1, counts: [1, null], rates: [1, null], partial: [true, false] },
    ]);
    expect(retention(table, { period: 'week' }).cohorts.map((c) => c.cohort)).toEqual(['2024-02-26']);
  });

  it('months and days in America/New_York, across a DST change', () => {
    const table = log([
      ['x', '2024-03-01T04:59:59Z'], // 2024-02-29 23:59:59 EST
      ['y', '2024-03-01T05:00:00Z'], // 2024-03-01 00:00 EST
    ]);
    expect(retention(table, { period: 'month', tz: 'America/New_York' }).cohorts.map((c) => c.cohort)).toEqual([
      '2024-02-01',
      '2024-03-01',
    ]);
    // Clocks spring forward on 2024-03-10: that local day is 23 hours long.
    const periods = calendarPeriods(
      Date.parse('2024-03-09T12:00Z'),
      Date.parse('2024-03-12T12:00Z'),
      'day',
      'America/New_York',
    );
    expect(periods.labels).toEqual(['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12']);
    expect(Array.from(periods.startsMs, (ms) => new Date(ms).toISOString())).toEqual([
      '2024-03-09T05:00:00.000Z',
      '2024-03-10T05:00:00.000Z',
      '2024-03-11T04:00:00.000Z',
      '2024-03-12T04:00:00.000Z',
    ]);
    expect(periodIndex(periods, Date.parse('2024-03-11T03:59:59.999Z'))).toBe(1);
    expect(periodIndex(periods, Date.parse('2024-03-11T04:00:00Z'))).toBe(2);
  });

  it('every cohort row has the same length', () => {
    const result = retention(daily, { period: 'week' });
    expect(result.cohorts).toEqual([{ cohort: '2024-01-01', size: 4, counts: [4], rates: [1], partial: [true] }]);
  });

  it('rejects an unknown zone', () => {
    expect(() => retention(daily, { tz: 'Mars/Olympus' })).toThrow('invalid time zone');
  });
});
