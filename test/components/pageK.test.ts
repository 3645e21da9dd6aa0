import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RetentionResult } from '../../src/analytics/analyses/retention.ts';
import { parseProps, retentionGridProps } from '../../src/components/chartProps.ts';
import { retentionGridFigure } from '../../src/figures/retentionGrid.ts';

// One cohort of 10 customers, of whom 1 came back in week 1: a 1-customer cell.
const result: RetentionResult = {
  period: 'week',
  mode: 'on',
  cohorts: [{ cohort: '2024-03-04', size: 10, counts: [10, 1], rates: [1, 0.1], partial: [false, false] }],
};

/** The week-1 cell of the grid as the component renders it, on a page whose locals say `pageK`. */
function weekOneCell(props: Record<string, unknown>, locals: { k?: number }) {
  const parsed = parseProps('RetentionGrid', retentionGridProps, { title: 'T', result, ...props }, '/r/', locals);
  return retentionGridFigure(parsed.result!, { lang: 'en', k: parsed.k }).table.rows[0]![3];
}

describe("a chart's k defaults to the page's frontmatter k", () => {
  it('suppresses a 1-customer cell of a chart without k on a page with k: 5', () => {
    expect(weekOneCell({}, { k: 5 })).toEqual({ text: '< 5', value: '< 5' });
  });

  it("keeps the chart's own k when it gives one", () => {
    expect(weekOneCell({ k: 2 }, { k: 5 })).toEqual({ text: '< 2', value: '< 2' });
  });

  it('leaves a chart on a page without k as it was', () => {
    expect(weekOneCell({}, {})).toEqual({ text: '10.0%', value: 0.1 });
  });

  it('is wired: the report page sets locals.k and every chart component passes Astro.locals', () => {
    const page = readFileSync('src/pages/reports/[client]/[...page].astro', 'utf8');
    expect(page).toContain('Astro.locals.k = page.entry.data.k;');
    const charts = readdirSync('src/components').filter((file) =>
      readFileSync(`src/components/${file}`, 'utf8').includes('parseProps('),
    );
    expect(charts.filter((file) => file.endsWith('.astro')).length).toBe(10);
    for (const file of charts.filter((name) => name.endsWith('.astro'))) {
      expect(readFileSync(`src/components/${file}`, 'utf8'), file).toMatch(
        /parseProps\(COMPONENT, \w+, Astro\.props, page, Astro\.locals\)/,
      );
    }
  });
});
