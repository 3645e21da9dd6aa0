import { describe, expect, it } from 'vitest';
import type { RetentionResult } from '../../src/analytics/analyses/retention.ts';
import { retentionGridChart } from '../../src/charts/retentionGrid.ts';

/** One cohort of 100 customers followed for `periods` weeks, all still there. */
function cohortOver(periods: number): RetentionResult {
  return {
    period: 'week',
    mode: 'on',
    cohorts: [
      {
        cohort: '2026-01-05',
        size: 100,
        counts: Array.from({ length: periods }, () => 100),
        rates: Array.from({ length: periods }, () => 1),
        partial: Array.from({ length: periods }, () => false),
      },
    ],
  };
}

describe('retention grid width', () => {
  it('keeps 8 weeks at 200 + 52 px a period, as before', () => {
    expect(retentionGridChart(cohortOver(8), { lang: 'en' }).width).toBe(616);
  });

  it('gives 21 weeks cells of at least 40 px, so "100%" stays inside its cell', () => {
    const chart = retentionGridChart(cohortOver(21), { lang: 'en' });
    const cellWidth = (chart.width! - chart.marginLeft! - 20) / 21;
    expect(cellWidth).toBe(40);
    expect(chart.width).toBeGreaterThan(760);
  });

  it('keeps a width the page gives', () => {
    expect(retentionGridChart(cohortOver(21), { lang: 'en', width: 500 }).width).toBe(500);
  });
});
