import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

// survey.csv: the hand-computed set of relativeWeights.test.ts four times over (32 respondents
// of 大众: R² 0.8, weights 0.5248, 0.1152, 0.16), one more 大众 respondent who answered only
// 整体满意度, and three 私行 respondents who answered only 整体满意度.
const fixtures = fileURLToPath(new URL('../fixtures/journeys/', import.meta.url));
const MAP = ['--map', 'customer_id=客户编号,timestamp=时间,event=问题,segment=客群,satisfaction=评分'];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (text) => (stdout += text + '\n'),
    stderr: (text) => (stderr += text + '\n'),
    cwd: fixtures,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('journey drivers', () => {
  it('--json prints the documented shape, suppressed at k', async () => {
    const { code, stdout } = await run(
      'drivers',
      'survey.csv',
      '--outcome',
      '整体满意度',
      '--by',
      'segment',
      '--json',
      ...MAP,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown> & {
      drivers: Record<string, number>[];
      by: Record<string, unknown>[];
    };
    expect(Object.keys(result)).toEqual(['outcome', 'score', 'n', 'excluded', 'r2', 'drivers', 'by']);
    expect([result.outcome, result.score, result.n, result.excluded]).toEqual([
      '整体满意度',
      'satisfaction',
      32,
      { suppressed: true, fewer_than: 5 },
    ]);
    expect(result.r2).toBeCloseTo(0.8, 10);
    expect(result.drivers.map((row) => row.name)).toEqual(['开户', '柜台', 'App']);
    expect(result.drivers.map((row) => row.weight)).toEqual([
      expect.closeTo(0.5248, 10),
      expect.closeTo(0.1152, 10),
      expect.closeTo(0.16, 10),
    ]);
    expect(Object.keys(result.drivers[0]!)).toEqual(['name', 'n', 'mean', 'correlation', 'beta', 'weight', 'share']);
    expect(result.by.map((segment) => [segment.value, segment.n, segment.r2 === null])).toEqual([
      ['大众', 32, false],
      ['私行', { suppressed: true, fewer_than: 5 }, true],
    ]);
  });

  it('prints an aligned table per model and says why a segment has none', async () => {
    const { code, stdout } = await run('drivers', 'survey.csv', '--outcome', '整体满意度', '--by', 'segment', ...MAP);
    expect(code).toBe(0);
    expect(stdout).toContain('32 respondents in the model, < 5 left out for a missing answer, R² 0.800');
    expect(stdout).toContain(
      [
        'driver  rated  mean  correlation   beta  weight  share',
        '开户       32  3.00        0.800  0.800   0.525  65.6%',
        '柜台       32  8.00        0.480  0.000   0.115  14.4%',
        'App        32  3.00        0.400  0.400   0.160  20.0%',
      ].join('\n'),
    );
    expect(stdout).toContain(
      '  no model: segment 私行: 0 respondents answered 整体满意度 and every driver, fewer than k = 5',
    );
  });

  it('--drivers picks the touchpoints; too few respondents per driver is a data error naming the model', async () => {
    const two = await run(
      'drivers',
      'survey.csv',
      '--outcome',
      '整体满意度',
      '--drivers',
      '开户,App',
      '--json',
      ...MAP,
    );
    const shares = (JSON.parse(two.stdout) as { drivers: { share: number }[] }).drivers.map((row) => row.share);
    // 开户 and App are uncorrelated: weights 0.64 and 0.16 of R² 0.8.
    expect(shares).toEqual([expect.closeTo(0.8, 10), expect.closeTo(0.2, 10)]);
    const { code, stderr } = await run('drivers', 'survey.csv', '--outcome', 'App', '--k', '40', ...MAP);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'journey drivers: survey.csv: drivers: all respondents: 32 respondents answered App and every driver, fewer than k = 40 (suppressed)',
    );
  });

  it('usage errors: no --outcome, an unknown --score', async () => {
    expect((await run('drivers', 'survey.csv', ...MAP)).code).toBe(2);
    const score = await run('drivers', 'survey.csv', '--outcome', '整体满意度', '--score', 'ces', ...MAP);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain('invalid score: ces (expected csat, nps or satisfaction)');
  });
});
