import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCount,
  formatDate,
  formatDateRange,
  formatDuration,
  formatMoney,
  formatPercent,
  formatPoints,
  formatProjected,
  formatPValue,
  formatSignedPercent,
} from '../../src/charts/format.ts';

describe('chart number formats', () => {
  it('shortens large counts with 万 and 亿 in Chinese, k and M in English', () => {
    expect(formatCompact(123_456, 'zh')).toBe('12.3万');
    expect(formatCompact(10_000, 'zh')).toBe('1万');
    expect(formatCompact(9_999, 'zh')).toBe('9,999');
    expect(formatCompact(250_000_000, 'zh')).toBe('2.5亿');
    expect(formatCompact(1_234, 'en')).toBe('1.2k');
    expect(formatCompact(999, 'en')).toBe('999');
    expect(formatCompact(1_500_000, 'en')).toBe('1.5M');
    expect(formatCompact(123_456, 'en')).toBe('123k');
  });

  it('keeps every digit of an exact count, grouped', () => {
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCount(1_234_567, 'zh')).toBe('1,234,567');
    expect(formatCount(null, 'en')).toBe('–');
  });

  it('writes rates, lifts, points and p-values', () => {
    expect(formatPercent(0.4567, 'en')).toBe('45.7%');
    expect(formatPercent(1, 'zh', 0)).toBe('100%');
    expect(formatSignedPercent(0.123, 'en')).toBe('+12.3%');
    expect(formatSignedPercent(-0.05, 'en')).toBe('−5.0%');
    expect(formatPoints(0.021, 'en')).toBe('+2.1 pp');
    expect(formatPoints(-0.021, 'zh')).toBe('−2.1 个百分点');
    expect(formatPValue(0.0312, 'en')).toBe('p = 0.031');
    expect(formatPValue(0.0001, 'en')).toBe('p < 0.001');
  });

  it('writes durations and dates in the page language', () => {
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(720, 'en')).toBe('12 min');
    expect(formatDuration(12_600, 'zh')).toBe('3.5 小时');
    expect(formatDuration(86_400 * 2, 'en')).toBe('2 d');
    expect(formatDate('2026-03-04', 'zh')).toBe('2026年3月4日');
    expect(formatDate('2026-03-04', 'en')).toBe('4 Mar 2026');
    expect(formatDateRange('2026-09-01T01:07:00Z', '2026-10-01T00:00:00Z', 'en')).toBe('1 Sept 2026 – 1 Oct 2026');
  });

  it('writes projected counts with one decimal below 100', () => {
    expect(formatProjected(65.23, 'en')).toBe('65');
    expect(formatProjected(50.1, 'zh')).toBe('50');
    expect(formatProjected(0.5, 'en')).toBe('1'); // half away from zero
    expect(formatProjected(1234.6, 'en')).toBe('1,235');
    expect(formatProjected(12, 'en')).toBe('12');
  });
});

describe('formatMoney', () => {
  it('shows the currency of every money figure: 元 in Chinese, the code or symbol in English', () => {
    expect(formatMoney(1190, 'zh', 'CNY')).toBe('1,190 元');
    expect(formatMoney(1190, 'en', 'CNY')).toBe('CNY 1,190');
    expect(formatMoney(404_848.4, 'en', 'EUR')).toBe('€404,848');
    expect(formatMoney(1190.5, 'zh', 'USD', 2)).toBe('US$1,190.50'.replace('US$', '$'));
    expect(formatMoney(1190, 'en')).toBe('1,190');
    expect(formatMoney(null, 'en', 'CNY')).toBe('–');
  });
});
