import { describe, expect, it } from 'vitest';
import type { RetentionResult } from '../../src/analytics/analyses/retention.ts';
import { retentionGridFigure } from '../../src/figures/retentionGrid.ts';

const result: RetentionResult = {
  period: 'week',
  mode: 'on',
  cohorts: [
    { cohort: '2024-03-04', size: 10, counts: [10, 4, 2], rates: [1, 0.4, 0.2], partial: [false, false, true] },
    { cohort: '2024-03-11', size: 6, counts: [6, 2, null], rates: [1, 2 / 6, null], partial: [false, true, false] },
  ],
};

describe('retentionGridFigure', () => {
  it('suppresses counts under k, stars partial periods and notes them', () => {
    const figure = retentionGridFigure(result, { lang: 'en', k: 3 });
    // Only the first cohort has a complete, unsuppressed week 1: 4 of 10 came back.
    expect(figure.finding).toBe('Across 1 complete cohorts, 40.0% of customers came back in week 1.');
    expect(figure.table.columns.map((column) => column.key)).toEqual(['cohort', 'size', 'p0', 'p1', 'p2']);
    expect(figure.table.rows).toEqual([
      [
        { text: '2024-03-04', value: '2024-03-04' },
        { text: '10', value: 10 },
        { text: '100.0%', value: 1 },
        { text: '40.0%', value: 0.4 },
        { text: '< 3*', value: '< 3' },
      ],
      [
        { text: '2024-03-11', value: '2024-03-11' },
        { text: '6', value: 6 },
        { text: '100.0%', value: 1 },
        { text: '< 3*', value: '< 3' },
        { text: '', value: null },
      ],
    ]);
    expect(figure.notes).toEqual(['* Dashed cells (*) are partial periods']);
    expect(figure.svg).toMatch(/^<svg /);
  });

  it('has no note without partial periods', () => {
    const complete: RetentionResult = {
      ...result,
      cohorts: [{ cohort: '2024-03-04', size: 10, counts: [10, 4], rates: [1, 0.4], partial: [false, false] }],
    };
    const figure = retentionGridFigure(complete, { lang: 'zh' });
    expect(figure.notes).toEqual([]);
    expect(figure.finding).toBe('1 个完整同期群中，平均 40.0% 的客户在第 1 周回访。');
  });
});
