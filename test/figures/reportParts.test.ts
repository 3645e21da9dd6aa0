import { describe, expect, it } from 'vitest';
import { value } from '../../src/analytics/analyses/value.ts';
import { reportParts } from '../../src/figures/reportParts.ts';
import type { ReportAnalyses } from '../../src/report/reportAnalyses.ts';
import { funnelResult, pathsResult, retentionResult, table, whatIfResult } from '../charts/chartFixtures.ts';

// The fixture's funnel: 12 -> 9 -> 6 -> 3 customers; purchase (3 of 6) is the weakest step.
const analyses: ReportAnalyses = {
  funnel: funnelResult,
  breakdown: null,
  breakdownBy: 'channel',
  weakestStep: 4,
  largestLossStep: 2,
  whatIfStep: 4,
  whatIf: whatIfResult,
  paths: pathsResult,
  retention: retentionResult,
  satisfaction: null,
  surveySatisfaction: null,
  drivers: null,
  value: null,
  customers: 12,
  pathsSpec: { sessionGap: null, depth: 4 },
  period: null,
};
const config = {
  sources: [{ path: 'data/reports/acme/web.csv' }, { path: 'survey.csv', kind: 'survey' }, { path: 'shop.xlsx' }],
  currency: 'EUR',
};

describe('reportParts', () => {
  it('titles the parts after the funnel and names the event sources, not the survey', () => {
    const parts = reportParts(config, analyses, 'en');
    expect(parts.source).toBe('web.csv, shop.xlsx');
    expect(parts.titles).toMatchObject({
      funnel: 'Funnel from “visit” to “purchase”',
      breakdown: 'Conversion by channel',
      whatIf: 'If “purchase” converted better',
      drivers: 'Which touchpoint to fix first',
    });
    expect(reportParts(config, { ...analyses, breakdownBy: null }, 'zh').titles.breakdown).toBe('按客群的转化');
    expect(parts.pathsCaption).toBe(
      'web.csv, shop.xlsx; each customer’s events form one path (not cut into sessions), up to 4 steps',
    );
  });

  it('makes the headline tiles: customers, first to last, and the weakest step with its base', () => {
    const parts = reportParts(config, analyses, 'zh');
    expect(parts.kpiTiles).toEqual([
      { label: '客户数', value: 12, format: 'count', customers: 12 },
      { label: '「visit」到「purchase」转化率', value: 3 / 12, format: 'percent', n: 12, customers: 3 },
      { label: '最弱一步「purchase」的转化率', value: 3 / 6, format: 'percent', n: 6, customers: 3 },
    ]);
    expect(parts.valueTiles).toEqual([]);
    expect(reportParts(config, { ...analyses, pathsSpec: { sessionGap: '30m', depth: 3 } }, 'zh').pathsCaption).toBe(
      'web.csv, shop.xlsx；会话间隔 30m，最多 3 步',
    );
  });

  it('shows buyers, order value and CLV in the report currency when the data has values', () => {
    const values = value(table);
    const parts = reportParts(config, { ...analyses, value: values }, 'en');
    expect(parts.valueTiles.map((tile) => [tile.label, tile.value, tile.format, tile.currency])).toEqual([
      ['Buyers', values.buyers, 'count', undefined],
      ['Average order value', values.aov, 'money', 'EUR'],
      ['Historic CLV', values.clv, 'money', 'EUR'],
    ]);
    expect(values.buyers).toBe(3);
  });
});
