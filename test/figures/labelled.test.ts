import { describe, expect, it } from 'vitest';
import { dataLabelsSchema } from '../../src/analytics/dataLabels.ts';
import { cell } from '../../src/charts/chartTable.ts';
import { labelFunnel, labelPaths, withRawNames } from '../../src/figures/labelled.ts';

const labels = dataLabelsSchema.parse({
  event: { visit: { zh: '访问', en: 'Visit' }, 提交申请: { zh: '提交申请', en: 'Apply' } },
  channel: { 网点: { zh: '网点', en: 'Branch' } },
});
const step = (n: number, name: string) => ({
  step: n,
  name,
  customers: 10,
  conversion_from_start: 1,
  conversion_from_previous: 1,
  dropped: 0,
  median_seconds_from_previous: null,
  mean_seconds_from_previous: null,
});

describe('labelled results', () => {
  it('labels funnel steps and breakdown values, remembering the raw names', () => {
    const { result, raw } = labelFunnel(
      {
        steps: [step(1, 'visit'), step(2, '提交申请|visit')],
        breakdown: [{ value: '网点', steps: [step(1, 'visit')] }],
      },
      labels,
      'en',
      'channel',
    );
    expect(result.steps.map((s) => s.name)).toEqual(['Visit', 'Apply | Visit']);
    expect(result.breakdown.map((b) => [b.value, b.steps[0]?.name])).toEqual([['Branch', 'Visit']]);
    expect([...raw]).toEqual([
      ['Visit', 'visit'],
      ['Apply | Visit', '提交申请|visit'],
      ['Branch', '网点'],
    ]);
  });

  it('leaves values of unlabelled columns and names alone', () => {
    const { result, raw } = labelFunnel(
      { steps: [step(1, 'kiosk')], breakdown: [{ value: '网点', steps: [] }] },
      labels,
      'en',
      'region',
    );
    expect([result.steps[0]?.name, result.breakdown[0]?.value, raw.size]).toEqual(['kiosk', '网点', 0]);
  });

  it('labels path nodes and puts raw names beside labels in a table', () => {
    const { result, raw } = labelPaths(
      { paths: [{ path: ['visit', 'search'], sessions: 3, customers: 2 }], edges: [] },
      labels,
      'zh',
    );
    expect(result.paths[0]?.path).toEqual(['访问', 'search']);
    const table = withRawNames(
      {
        columns: [
          { key: 'path', label: '路径' },
          { key: 'n', label: 'n', numeric: true },
        ],
        rows: [
          [cell('访问 → search'), cell('3', 3)],
          [cell('1. 访问'), cell('1', 1)],
        ],
      },
      raw,
      'zh',
    );
    expect(table.columns.map((c) => c.label)).toEqual(['路径', '数据中的名称', 'n']);
    expect(table.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['访问 → search', 'visit → search', '3'],
      ['1. 访问', '1. visit', '1'],
    ]);
  });
});
