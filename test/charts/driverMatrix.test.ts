import { describe, expect, it } from 'vitest';
import type { DriversResult } from '../../src/analytics/analyses/drivers.ts';
import {
  driverMatrixChart,
  driverMatrixFinding,
  driverMatrixModel,
  driverMatrixTable,
} from '../../src/charts/driverMatrix.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { checkGolden } from '../support/golden.ts';

const row = (name: string, n: number, mean: number, share: number | null) => ({
  name,
  n,
  mean,
  correlation: share === null ? null : 0.3 + share,
  beta: share === null ? null : share / 2,
  weight: share === null ? null : share * 0.5,
  share,
});

// Means 4.1, 2.8, 4.2, 3.3, 3.6 average 3.6; five drivers split importance at 1/5 = 20%.
const result: DriversResult = {
  outcome: '整体满意度',
  score: 'satisfaction',
  n: 640,
  excluded: 260,
  r2: 0.5,
  drivers: [
    row('线上预约', 844, 4.1, 0.08), // weak importance, strong performance: possible overkill
    row('网点等候', 851, 2.8, 0.26), // important, weak: fix first (the larger share of the two)
    row('柜台办理', 844, 4.2, 0.13), // overkill
    row('身份核验', 846, 3.3, 0.34), // important, weak... larger share: fix first
    row('手机银行激活', 848, 3.6, 0.19), // mean 3.6 = the average (counts as strong), share under 20%: overkill
  ],
  by: [
    {
      value: '年轻客群',
      n: 240,
      excluded: 80,
      r2: 0.6,
      refused: null,
      drivers: [
        row('线上预约', 300, 4.1, 0.15),
        row('网点等候', 300, 2.8, 0.07),
        row('柜台办理', 300, 4.2, 0.06),
        row('身份核验', 300, 3.9, 0.27),
        row('手机银行激活', 3, 3.6, 0.45), // rated by 3: left out at k = 5
      ],
    },
    { value: '私行', n: 3, excluded: 0, r2: null, refused: 'too few', drivers: [] },
  ],
};

describe('driverMatrix', () => {
  it('places each touchpoint in its quadrant and names the one to fix first', () => {
    const model = driverMatrixModel(result, { lang: 'en' });
    expect(model.performanceSplit).toBeCloseTo(3.6, 12);
    expect(model.importanceSplit).toBe(0.2);
    expect(model.points.map((point) => [point.name, point.quadrant])).toEqual([
      ['线上预约', 'overkill'],
      ['网点等候', 'fix_first'],
      ['柜台办理', 'overkill'],
      ['身份核验', 'fix_first'],
      ['手机银行激活', 'overkill'],
    ]);
    expect(model.fixFirst?.name).toBe('身份核验');
    expect(driverMatrixFinding(model, { lang: 'en' })).toBe(
      'Fix 身份核验 first: it accounts for 34% of what explains 整体满意度, yet scores 3.30 on average (touchpoints average 3.60).',
    );
    expect(driverMatrixFinding(model, { lang: 'zh' })).toBe(
      '最该先改进的是“身份核验”：它占整体满意度可解释差异的 34%，平均分却只有 3.30（各触点平均 3.60）。',
    );
  });

  it('a segment: touchpoints under k are left out; with none important and weak, the finding says so', () => {
    const model = driverMatrixModel(result, { lang: 'en', segment: '年轻客群', k: 5 });
    expect(model.points.map((point) => point.name)).toEqual(['线上预约', '网点等候', '柜台办理', '身份核验']);
    // Means 4.1, 2.8, 4.2, 3.9 average 3.75; importance still splits at 1/5 of the five drivers.
    expect(model.points.map((point) => point.quadrant)).toEqual(['overkill', 'low_priority', 'overkill', 'keep_up']);
    expect(model.fixFirst).toBeNull();
    expect(driverMatrixFinding(model, { lang: 'en' })).toBe(
      'Among 年轻客群: no touchpoint is both important and weak; keep up 身份核验, the most important (mean 3.90).',
    );
    expect(driverMatrixFinding(model, { lang: 'zh' })).toBe(
      '在“年轻客群”中，没有既重要又表现弱的触点；最重要的“身份核验”平均分 3.90，请保持。',
    );
    expect(() => driverMatrixModel(result, { lang: 'en', segment: '私行' })).toThrow('segment "私行" has no model');
    expect(() => driverMatrixModel(result, { lang: 'en', segment: '其他' })).toThrow('no segment "其他"');
  });

  it('the table lists touchpoints by importance with their quadrant', () => {
    const table = driverMatrixTable(driverMatrixModel(result, { lang: 'zh' }), { lang: 'zh' });
    expect(table.columns.map((column) => column.label)).toEqual([
      '触点',
      '评分人数',
      '平均分',
      '重要性（解释度占比）',
      '相关系数',
      '象限',
    ]);
    expect(table.rows.map((cells) => cells.map((cell) => cell.text))).toEqual([
      ['身份核验', '846', '3.30', '34.0%', '0.64', '优先改进：重要但表现弱'],
      ['网点等候', '851', '2.80', '26.0%', '0.56', '优先改进：重要但表现弱'],
      ['手机银行激活', '848', '3.60', '19.0%', '0.49', '可能过度投入'],
      ['柜台办理', '844', '4.20', '13.0%', '0.43', '可能过度投入'],
      ['线上预约', '844', '4.10', '8.0%', '0.38', '可能过度投入'],
    ]);
  });

  it('golden SVGs in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const model = driverMatrixModel(result, { lang });
      expect(await checkGolden(`driver-matrix-${lang}`, renderSvg(driverMatrixChart(model, { lang })))).toBeNull();
    }
  });
});
