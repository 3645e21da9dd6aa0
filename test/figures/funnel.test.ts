import { describe, expect, it } from 'vitest';
import { comparisonPeriod, funnelComparisonFigure, funnelFigure } from '../../src/figures/funnel.ts';
import { breakdownResult, comparisonInput, handFunnel } from '../charts/chartFixtures.ts';

const texts = (figure: { table: { rows: { text: string }[][] } }) =>
  figure.table.rows.map((row) => row.map((cell) => cell.text));

describe('funnelFigure', () => {
  it('draws one funnel: its table, the biggest drop-off, no legend', () => {
    const figure = funnelFigure(handFunnel([200, 120, 60, 20]), { lang: 'en', k: 5 });
    // 200 -> 120 loses the most customers (80); 20/60 = 33.3% is the weakest conversion.
    expect(figure.finding).toBe(
      '200 customers entered the funnel and 20 (10.0%) reached purchase; the largest loss is at step 2, view_product (80 customers); the weakest step is step 4, purchase (33.3% of the previous step converted).',
    );
    expect(texts(figure)).toEqual([
      ['1. visit', '200', '100.0%', '100.0%', '', '–'],
      ['2. view_product', '120', '60.0%', '60.0%', '80', '1 min'],
      ['3. add_to_cart', '60', '30.0%', '50.0%', '60', '2 min'],
      ['4. purchase', '20', '10.0%', '33.3%', '40', '3 min'],
    ]);
    expect(figure.legend).toBeUndefined();
    expect(figure.notes).toEqual([]);
    expect(figure.svg).toMatch(/^<svg /);
  });

  it('draws a breakdown with one legend entry per bucket', () => {
    const figure = funnelFigure(breakdownResult, { lang: 'en' });
    // The fixture log has two channels: 8 web and 4 app customers.
    expect(figure.legend?.map((entry) => entry.key)).toEqual(['web', 'app']);
    expect(figure.table.columns[0]?.key).toBe('segment');
  });
});

describe('funnelComparisonFigure', () => {
  it('names the periods in the legend and tests the overall lift', () => {
    const figure = funnelComparisonFigure(comparisonInput, { lang: 'en', beforeLabel: 'September' });
    // 20/200 = 10.0% to 35/210 = 16.7%: lift 66.7%; unpooled z = 0.0667 / 0.0333 = 2.00, p = 0.046.
    expect(figure.finding).toBe(
      'Conversion from start to purchase went from 10.0% (September) to 16.7% (After): Lift +66.7% (p = 0.046, significant).',
    );
    expect(figure.legend).toEqual([
      { key: 'September', color: 'var(--chart-before)' },
      { key: 'After', color: 'var(--chart-primary)' },
    ]);
    // Last step: 20/60 = 33.3% before, 35/70 = 50.0% after, lift +50.0%.
    expect(texts(figure)[3]?.slice(0, 6)).toEqual(['4. purchase', '20', '33.3%', '35', '50.0%', '+50.0%']);
  });

  it('captions both periods by name', () => {
    const ranges = {
      before: { first: '2024-09-01T08:00:00.000Z', last: '2024-09-30T20:00:00.000Z' },
      after: { first: '2024-10-01T08:00:00.000Z', last: '2024-10-31T20:00:00.000Z' },
    };
    expect(comparisonPeriod(ranges, { lang: 'en', beforeLabel: 'September', afterLabel: 'October' })).toBe(
      'September: 1 Sept 2024 – 30 Sept 2024; October: 1 Oct 2024 – 31 Oct 2024',
    );
  });
});
