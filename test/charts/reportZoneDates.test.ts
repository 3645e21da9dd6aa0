import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange } from '../../src/charts/format.ts';
import { dataCaption } from '../../src/components/chartData.ts';

// A Shanghai report of 2026-01-05 00:30 .. 2026-04-14 23:00 (+08:00): in UTC those
// instants fall on 1月4日 and 4月14日 15:00, which captions used to show.
const first = '2026-01-04T16:30:00.000Z';
const last = '2026-04-14T15:00:00.000Z';

describe('dates in the report zone', () => {
  it('formats an instant as the day it falls on in the zone', () => {
    expect(formatDate(first, 'zh', 'Asia/Shanghai')).toBe('2026年1月5日');
    expect(formatDate(first, 'zh')).toBe('2026年1月4日');
    expect(formatDate(first, 'en', 'Asia/Shanghai')).toBe('5 Jan 2026');
  });

  it('keeps a bare calendar day as written, whatever the zone', () => {
    expect(formatDate('2026-01-05', 'zh', 'America/Los_Angeles')).toBe('2026年1月5日');
  });

  it('gives captions the data range in the zone of the data', () => {
    const caption = dataCaption('data/x.csv', { first, last }, 'zh', { tz: 'Asia/Shanghai' });
    expect(caption).toEqual({ source: 'x.csv', period: '2026年1月5日 – 2026年4月14日' });
    expect(formatDateRange(first, last, 'en', 'Asia/Shanghai')).toBe('5 Jan 2026 – 14 Apr 2026');
  });
});
