import { describe, expect, it } from 'vitest';
import { cleaningText, countText, daysText, percentText, pointsText } from '../../src/report/reportText.ts';

describe('report text figures', () => {
  it('suppresses counts under k and formats the rest', () => {
    expect(countText(3, 5, 'zh')).toBe('< 5');
    expect(countText(4, 5, 'en')).toBe('< 5');
    expect(countText(5, 5, 'en')).toBe('5');
    expect(countText(1237, 5, 'en')).toBe('1,237');
    expect(countText(1237, 5, 'zh')).toBe('1,237');
  });

  it('writes rates with one decimal, a dash for null or a base under k', () => {
    expect(percentText(293 / 567, 'zh')).toBe('51.7%');
    expect(percentText(0.5, 'en')).toBe('50.0%');
    expect(percentText(null, 'en')).toBe('–');
    expect(percentText(0.5, 'en', { customers: 4, k: 5 })).toBe('–');
  });

  it('writes differences in signed percentage points and durations in days', () => {
    expect(pointsText(414 / 545 - 293 / 567, 'zh')).toBe('+24.3 个百分点');
    expect(pointsText(-0.05, 'en')).toBe('-5.0 points');
    expect(daysText(3 * 86_400 + 43_200, 'en')).toBe('3.5 days');
    expect(daysText(null, 'zh')).toBe('–');
  });

  it('writes the data note per source: rows kept, invalid rows skipped, duplicates dropped', () => {
    const cleaning = [
      { source: 'events.csv', rows: 2929, skipped: 3, duplicatesDropped: 2 },
      { source: '问卷.csv', rows: 1, skipped: 0, duplicatesDropped: 1 },
    ];
    expect(cleaningText(cleaning, 'zh')).toBe(
      '各数据源的清洗：events.csv 保留 2,929 行，跳过 3 行无效数据，去除 2 行重复；问卷.csv 保留 1 行，跳过 0 行无效数据，去除 1 行重复。',
    );
    expect(cleaningText(cleaning, 'en')).toBe(
      'Cleaning, per source: events.csv: 2,929 rows kept, 3 invalid rows skipped, 2 duplicate rows dropped; 问卷.csv: 1 row kept, 0 invalid rows skipped, 1 duplicate row dropped.',
    );
  });
});
