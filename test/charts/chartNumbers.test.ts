/**
 * Every number a chart shows equals the analysis result it was given: the
 * labels and tooltips of each rendered SVG are parsed back into numbers and
 * compared with the result's fields (and, for tests of significance, with the
 * spec §9 formula worked out here independently).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { funnelChart, funnelFinding, funnelTable } from '../../src/charts/funnel.ts';
import { breakdownSeries, funnelBreakdownChart, funnelBreakdownTable } from '../../src/charts/funnelBreakdown.ts';
import { funnelComparisonChart, funnelComparisonTable } from '../../src/charts/funnelComparison.ts';
import { opportunityMatrixChart, opportunityTable } from '../../src/charts/opportunityMatrix.ts';
import { flowEdgesTable, pathFlowChart, topPathsTable } from '../../src/charts/pathFlow.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { retentionGridChart, retentionTable } from '../../src/charts/retentionGrid.ts';
import { touchpointScoresChart } from '../../src/charts/touchpointScores.ts';
import { whatIfChart, whatIfFinding, whatIfTable } from '../../src/charts/whatIf.ts';
import * as fixtures from './chartFixtures.ts';

function svgOf(options: Parameters<typeof renderSvg>[0]) {
  const { document } = parseHTML(`<!doctype html><html><body>${renderSvg(options)}</body></html>`);
  const texts = Array.from(document.querySelectorAll('text')).map((text) => text.textContent ?? '');
  const tips = Array.from(document.querySelectorAll('[data-tip]')).map((mark) => mark.getAttribute('data-tip') ?? '');
  return { document, texts, tips };
}

/** All numbers in a label, grouping commas dropped: '1,500 · 100.0%' -> [1500, 100]. */
const numbers = (text: string) => (text.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
const percent = (rate: number) => Math.round(rate * 1000) / 10;

describe('funnel chart numbers', () => {
  const result = fixtures.funnelResult;
  const { texts, tips } = svgOf(funnelChart(result, { lang: 'en' }));

  it('labels each bar with its customers and conversion from start', () => {
    const labels = texts.filter((text) => text.includes(' · ') && !text.startsWith('↳'));
    expect(labels.map(numbers)).toEqual(
      result.steps.map((step) => [step.customers, percent(step.conversion_from_start as number)]),
    );
  });

  it('shows conversion from previous and the drop under each later step', () => {
    // Marked lines are drawn by their own mark, after the others: compare in order of rate.
    const byRate = (a: number[], b: number[]) => a[0]! - b[0]!;
    const lines = texts.filter((text) => text.startsWith('↳'));
    expect(lines.map((line) => numbers(line)).sort(byRate)).toEqual(
      result.steps
        .slice(1)
        .map((step) => [percent(step.conversion_from_previous as number), step.dropped])
        .sort(byRate),
    );
  });

  it('marks the weakest step (lowest conversion from previous) and the largest loss (most customers lost)', () => {
    // 9/12 = 0.75, 6/9 = 0.667, 3/6 = 0.5: purchase is the weakest; each step loses 3: the earliest is the largest loss.
    expect(texts.filter((text) => text.includes('weakest step'))).toEqual(['↳ 50.0% of previous (−3) · weakest step']);
    expect(texts.filter((text) => text.includes('largest loss'))).toEqual(['↳ 75.0% of previous (−3) · largest loss']);
  });

  it('names both in the finding, distinctly, when they are different steps', () => {
    // Lost 500, 400, 20; converted 50%, 20%, 80%: step 2 lost most, step 3 converted worst.
    const steps = fixtures.handFunnel([1000, 500, 100, 80]);
    expect(funnelFinding(steps, { lang: 'en' })).toBe(
      `1,000 customers entered the funnel and 80 (8.0%) reached ${steps.steps[3]!.name}; the largest loss is at step 2, ${steps.steps[1]!.name} (500 customers); the weakest step is step 3, ${steps.steps[2]!.name} (20.0% of the previous step converted).`,
    );
    expect(funnelFinding(steps, { lang: 'zh' })).toContain(
      `流失最多在第 2 步“${steps.steps[1]!.name}”（500 位）；转化率最低的是第 3 步“${steps.steps[2]!.name}”（20.0% 从上一步转化）`,
    );
    const same = fixtures.handFunnel([1000, 900, 100]);
    expect(funnelFinding(same, { lang: 'zh' })).toContain('流失最多在第 3 步');
    expect(funnelFinding(same, { lang: 'zh' })).toContain('这也是转化率最低的一步（11.1% 从上一步转化）');
  });

  it('puts the exact figures in each tooltip', () => {
    expect(tips).toHaveLength(4);
    tips.forEach((tip, index) => expect(tip).toContain(`Customers: ${result.steps[index]!.customers}`));
  });

  it('gives the table the raw figures', () => {
    const table = funnelTable(result, { lang: 'en' });
    expect(table.rows.map((row) => row[1]!.value)).toEqual(result.steps.map((step) => step.customers));
    expect(table.rows.map((row) => row[3]!.value)).toEqual(result.steps.map((step) => step.conversion_from_previous));
  });

  it('shows < k, never the count, for a small step and what is derived from it', () => {
    const small = fixtures.handFunnel([1000, 620, 310, 4]);
    const { texts: smallTexts, tips: smallTips } = svgOf(funnelChart(small, { lang: 'en', k: 5 }));
    const all = [...smallTexts, ...smallTips].join('\n');
    expect(all).toContain('< 5 · < 5');
    expect(smallTips[3]).toBe(
      '4. purchase · Customers: < 5 · Conversion from start: < 5 · Conversion from previous: < 5 · Dropped: < 5 · weakest step',
    );
    expect(all).not.toMatch(/Customers: 4\b|306|0\.4%|1\.3%/);
  });
});

describe('breakdown and comparison numbers', () => {
  it('labels every bucket bar with its customers and conversion from start', () => {
    const result = fixtures.breakdownResult;
    const { texts } = svgOf(funnelBreakdownChart(result, { lang: 'en' }));
    const expected = result.breakdown.flatMap((bucket) =>
      bucket.steps.map(
        (step) => `${bucket.value} ${step.customers} · ${percent(step.conversion_from_start as number).toFixed(1)}%`,
      ),
    );
    expect(texts.filter((text) => / · /.test(text)).sort()).toEqual(expected.sort());
  });

  it('prints the bucket with no value at first touch, `(none)` in the result, in the page language', () => {
    const base = fixtures.handFunnel([100, 40]);
    const result = {
      ...base,
      breakdown: [
        { value: 'app', steps: fixtures.handFunnel([60, 30]).steps },
        { value: '(none)', steps: fixtures.handFunnel([40, 10]).steps },
      ],
    };
    const zh = svgOf(funnelBreakdownChart(result, { lang: 'zh', layout: 'facets' })).texts;
    expect(zh).toContain('（未填写）');
    expect(zh.join('|')).not.toContain('(none)');
    expect(funnelBreakdownTable(result, { lang: 'zh' }).rows.map((row) => row[0]!.text)).toEqual([
      'app',
      'app',
      '（未填写）',
      '（未填写）',
    ]);
    expect(breakdownSeries(result, 'en').map((series) => series.key)).toEqual(['app', '(none)']);
  });

  it('prints the lift and p-value of the unpooled z-test (spec §9) per step', () => {
    const { before, after } = fixtures.comparisonInput;
    const { texts } = svgOf(funnelComparisonChart(fixtures.comparisonInput, { lang: 'en' }));
    const liftLines = texts.filter((text) => text.startsWith('Lift'));
    expect(liftLines).toHaveLength(3);
    liftLines.forEach((line, index) => {
      const k = index + 1;
      const p1 = before.steps[k]!.customers / before.steps[k - 1]!.customers;
      const p2 = after.steps[k]!.customers / after.steps[k - 1]!.customers;
      const se = Math.sqrt(
        (p1 * (1 - p1)) / before.steps[k - 1]!.customers + (p2 * (1 - p2)) / after.steps[k - 1]!.customers,
      );
      const z = (p2 - p1) / se;
      // Two-sided p by numerical integration of the normal density (independent of normalCdf.ts).
      let tail = 0;
      for (let x = Math.abs(z); x < 12; x += 1e-4) tail += Math.exp(-((x + 5e-5) ** 2) / 2) * 1e-4;
      const p = (2 * tail) / Math.sqrt(2 * Math.PI);
      const [lift, shownP] = numbers(line);
      expect(lift).toBeCloseTo(percent((p2 - p1) / p1), 5);
      expect(shownP).toBeCloseTo(Math.round(p * 1000) / 1000, 5);
    });
    const table = funnelComparisonTable(fixtures.comparisonInput, { lang: 'en' });
    expect(table.rows[3]![5]!.value).toBeCloseTo(35 / 70 / (20 / 60) - 1, 12);
  });
});

describe('path flow numbers', () => {
  const result = fixtures.pathsResult;

  it('has one link per edge, each tooltip with its sessions and customers', () => {
    const { tips } = svgOf(pathFlowChart(result, { lang: 'en' }));
    for (const edge of result.edges) {
      expect(tips).toContain(
        `${edge.source} → ${edge.target} · Sessions: ${edge.sessions} · Customers: ${edge.customers}`,
      );
    }
  });

  it('leaves out edges under k and marks them < k in the table', () => {
    const { tips } = svgOf(pathFlowChart(result, { lang: 'en', k: 3 }));
    const small = result.edges.filter((edge) => edge.customers < 3);
    expect(small.length).toBeGreaterThan(0);
    const linkTips = tips.filter((tip) => tip.includes(' → '));
    const shown = result.edges.filter((edge) => edge.customers >= 3);
    expect(linkTips).toEqual(
      shown.map(
        (edge) => `${edge.source} → ${edge.target} · Sessions: ${edge.sessions} · Customers: ${edge.customers}`,
      ),
    );
    const table = flowEdgesTable(result, { lang: 'en', k: 3 });
    table.rows.forEach((row, index) =>
      expect(row[4]!.text).toBe(result.edges[index]!.customers < 3 ? '< 3' : String(result.edges[index]!.customers)),
    );
  });

  it('lists the top paths with their sessions and customers', () => {
    const table = topPathsTable(result, { lang: 'en' });
    expect(table.rows.map((row) => [row[1]!.text, row[2]!.value, row[4]!.value])).toEqual(
      result.paths.slice(0, 10).map((row) => [row.path.join(' → '), row.sessions, row.customers]),
    );
  });
});

describe('retention, scores, opportunities, what-if numbers', () => {
  it('prints each cohort cell as its rate, partial cells starred, null cells empty', () => {
    const result = fixtures.retentionResult;
    const { texts } = svgOf(retentionGridChart(result, { lang: 'en' }));
    const expected = result.cohorts.flatMap((cohort) =>
      cohort.rates.flatMap((rate, period) =>
        rate === null ? [] : [`${Math.round(rate * 100)}%${cohort.partial[period] ? '*' : ''}`],
      ),
    );
    expect(texts.filter((text) => /%/.test(text))).toEqual(expected);
    const table = retentionTable(result, { lang: 'en' });
    expect(table.rows.map((row) => row.slice(2).map((item) => item.value))).toEqual(
      result.cohorts.map((cohort) => cohort.rates.map((rate) => (rate === null ? null : rate))),
    );
  });

  it('prints CSAT and n on every bar', () => {
    const result = fixtures.satisfactionResult;
    const { texts } = svgOf(touchpointScoresChart(result, { lang: 'en' }));
    expect(texts.filter((text) => text.includes('n='))).toEqual(
      result.by_event.map((row) => `${Math.round((row.csat as number) * 100)}% (n=${row.count})`),
    );
  });

  it('scores opportunities as impact × reach × confidence / effort', () => {
    const table = opportunityTable(fixtures.opportunitiesResult, { lang: 'en' });
    expect(table.rows.map((row) => [row[1]!.text, row[6]!.value])).toEqual([
      ['Show shipping early', (3 * 900 * 0.9) / 1],
      ['One-page checkout', (4 * 1200 * 0.8) / 2],
      ['New payment app', (5 * 400 * 0.5) / 5],
      [fixtures.HOSTILE, (2 * 100 * 0.6) / 4],
    ]);
    const { tips } = svgOf(opportunityMatrixChart(fixtures.opportunitiesResult, { lang: 'en' }));
    expect(tips[0]).toBe(
      '#2 One-page checkout · Impact 4.0 · Effort 2.0 · Reach 1.2k · Confidence 80% · Priority score 1,920',
    );
  });

  it('labels current and projected customers of the what-if', () => {
    const result = fixtures.whatIfResult;
    const { texts } = svgOf(whatIfChart(result, { lang: 'en' }));
    expect(texts.filter((text) => /^\d/.test(text) && !/k$/.test(text)).slice(-8)).toEqual(
      // Projected customers are shown whole (4.5 -> 5); the table keeps the exact value to sort by.
      result.steps.flatMap((step) => [String(step.customers), String(Math.round(step.projected_customers))]),
    );
    expect(whatIfTable(result, { lang: 'en' }).rows[3]!.map((item) => item.value)).toEqual([
      '4. purchase',
      3,
      4.5,
      1.5,
    ]);
  });

  it('withholds the whole what-if projection when a step is under k', () => {
    const result = fixtures.whatIfResult;
    // The fixture's last step has 3 customers: under k = 5 every projection is withheld.
    expect(result.steps.map((step) => step.customers).at(-1)).toBe(3);
    const rows = whatIfTable(result, { lang: 'en', k: 5 }).rows.map((row) => row.map((item) => item.text));
    expect(rows.at(-1)).toEqual(['4. purchase', '< 5', '–', '–']);
    expect(rows.flat().filter((text) => text === '–')).toHaveLength(2 * result.steps.length);
    expect(whatIfFinding(result, { lang: 'en', k: 5 })).toBe(
      'A step has fewer than 5 customers, so no projection is published.',
    );
    // At k = 3 nothing is under k, and the projection is published.
    expect(whatIfTable(result, { lang: 'en', k: 3 }).rows[3]!.map((item) => item.value)).toEqual([
      '4. purchase',
      3,
      4.5,
      1.5,
    ]);
  });
});
