import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/analytics/analyses/compareRates.ts';
import type { FunnelResult } from '../../src/analytics/analyses/funnel.ts';
import type { PathsResult } from '../../src/analytics/analyses/paths.ts';
import type { RetentionResult } from '../../src/analytics/analyses/retention.ts';
import type { SatisfactionResult } from '../../src/analytics/analyses/satisfaction.ts';
import type { StallsResult } from '../../src/analytics/analyses/stalls.ts';
import type { ValueResult } from '../../src/analytics/analyses/value.ts';
import type { WhatIfResult } from '../../src/analytics/analyses/whatIf.ts';
import type { CommandIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

const fixtures = fileURLToPath(new URL('../fixtures/journeys/', import.meta.url));
const SHOP = 'shop.csv';
const STEPS = 'visit,view_product,add_to_cart,purchase';

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

describe('journey funnel', () => {
  it('--json prints the spec §11 funnel shape', async () => {
    const { code, stdout } = await run('funnel', SHOP, '--steps', STEPS, '--json', '--by', 'channel');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as FunnelResult;
    expect(Object.keys(result)).toEqual(['mode', 'window_seconds', 'steps', 'breakdown']);
    expect(result.steps.map((s) => s.customers)).toEqual([5, 4, 3, 3]);
    // Cart gaps: c1 5 min, c5 2 min, c2 7 d 22 h 1 min (its attempt of 03-04 converts within 14 d).
    expect(result.steps[2]!.median_seconds_from_previous).toBe(300);
    expect(result.steps[2]!.mean_seconds_from_previous).toBe((300 + 120 + (7 * 86400 + 22 * 3600 + 60)) / 3);
    expect(result.breakdown.map((b) => b.value)).toEqual(['web', '(none)', 'app']);
  });

  it('--k N hides cells of fewer than N customers in --json; no --k, no suppression', async () => {
    const { code, stdout } = await run('funnel', SHOP, '--steps', STEPS, '--json', '--k', '4');
    expect(code).toBe(0);
    const steps = (JSON.parse(stdout) as { steps: Record<string, unknown>[] }).steps;
    const hidden = { suppressed: true, fewer_than: 4 };
    expect(steps.map((step) => step.customers)).toEqual([5, 4, hidden, hidden]);
    expect(steps.map((step) => step.conversion_from_start)).toEqual([1, 0.8, null, null]);
    expect(steps[1]!.dropped).toEqual(hidden);
    const plain = JSON.parse((await run('funnel', SHOP, '--steps', STEPS, '--json')).stdout) as FunnelResult;
    expect(plain.steps.map((step) => step.customers)).toEqual([5, 4, 3, 3]);
    const noJson = await run('funnel', SHOP, '--steps', STEPS, '--k', '4');
    expect([noJson.code, noJson.stderr.includes('--k applies to --json output')]).toEqual([2, true]);
    const badK = await run('funnel', SHOP, '--steps', STEPS, '--json', '--k', '0.5');
    expect([badK.code, badK.stderr.includes('--k expects a whole number')]).toEqual([2, true]);
  });

  it('prints an aligned table with percentages', async () => {
    const { code, stdout } = await run('funnel', SHOP, '--steps', STEPS, '--window', '1d');
    expect(code).toBe(0);
    expect(stdout).toContain('ordered funnel, window 1d, 5 customers entered');
    expect(stdout).toContain(
      '   3  add_to_cart           2       40.0%          50.0%        2       3m 30s     3m 30s',
    );
  });

  it('usage errors exit 2 with the usage; data errors exit 1', async () => {
    const badWindow = await run('funnel', SHOP, '--steps', STEPS, '--window', '3x');
    expect(badWindow.code).toBe(2);
    expect(badWindow.stderr).toContain('invalid window: 3x');
    expect(badWindow.stderr).toContain('Usage: journey funnel');
    expect((await run('funnel', SHOP)).stderr).toContain('missing --steps');
    const noColumn = await run('funnel', SHOP, '--steps', STEPS, '--by', 'region');
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toContain('no such column');
    expect((await run('funnel', 'missing.csv', '--steps', STEPS)).code).toBe(1);
  });

  it('refuses a window or gap beyond 3650 days, or a --now not in the calendar, as usage errors', async () => {
    const range = '(more than 3650d; give a duration from 0 to 3650d, such as 14d, 1h, 30m or 45s)';
    const huge = await run('funnel', SHOP, '--steps', STEPS, '--window', '1'.repeat(400) + 'd');
    expect(huge.code).toBe(2);
    expect(huge.stdout).toBe('');
    expect(huge.stderr).toContain(`invalid window: 11111111111111111111… (401 characters) ${range}`);
    expect(huge.stderr).not.toContain('Infinity');
    const gap = await run('paths', SHOP, '--session-gap', '3651d');
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain(`invalid session gap: 3651d ${range}`);
    const rolled = await run('stalls', SHOP, '--steps', STEPS, '--older-than', '7d', '--now', '2026-02-30');
    expect(rolled.code).toBe(2);
    expect(rolled.stdout).toBe('');
    expect(rolled.stderr).toContain('invalid now: 2026-02-30 (no such day in the calendar;');
    const stalled = await run('stalls', SHOP, '--steps', STEPS, '--older-than', '522w');
    expect(stalled.code).toBe(2);
    expect(stalled.stderr).toContain(`invalid older than: 522w ${range}`);
  });
});

describe('journey paths, retention, value, satisfaction', () => {
  it('refuses a path depth over 20 as a usage error, here and in journey sql', async () => {
    for (const argv of [
      ['paths', SHOP, '--depth', '21'],
      ['sql', 'paths', '--dialect', 'duckdb', '--table', 'events', '--depth', '21'],
    ]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(`journey ${argv[0]}: depth: at most 20 nodes per path`);
    }
    expect((await run('paths', SHOP, '--depth', '20', '--json')).code).toBe(0);
  });

  it('paths --json', async () => {
    const { code, stdout } = await run('paths', SHOP, '--start', 'visit', '--depth', '2', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as PathsResult;
    expect(result.paths[0]).toEqual({ path: ['visit', 'view_product'], sessions: 4, customers: 4 });
    expect(result.edges[0]).toEqual({
      position: 1,
      source: 'visit',
      target: 'view_product',
      sessions: 4,
      customers: 4,
    });
  });

  it('retention --json by week in a zone, on or after', async () => {
    const { code, stdout } = await run('retention', SHOP, '--period', 'week', '--on-or-after', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      period: 'week',
      mode: 'on_or_after',
      cohorts: [
        { cohort: '2024-03-04', size: 4, counts: [4, 2, 1], rates: [1, 0.5, 0.25], partial: [false, false, true] },
        { cohort: '2024-03-11', size: 1, counts: [1, 1, null], rates: [1, 1, null], partial: [false, true, false] },
      ],
    });
    expect((await run('retention', SHOP, '--period', 'year')).code).toBe(2);
  });

  it('retention periods follow --tz', async () => {
    const inUtc = JSON.parse(
      (await run('retention', 'zones.csv', '--period', 'day', '--json')).stdout,
    ) as RetentionResult;
    expect(inUtc.cohorts.map((c) => [c.cohort, c.size])).toEqual([['2024-03-03', 2]]);
    const inShanghai = JSON.parse(
      (await run('retention', 'zones.csv', '--period', 'day', '--tz', 'Asia/Shanghai', '--json')).stdout,
    ) as RetentionResult;
    expect(inShanghai.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ['2024-03-03', 1],
      ['2024-03-04', 1],
    ]);
    const human = await run('retention', 'zones.csv', '--period', 'day', '--tz', 'Asia/Shanghai');
    expect(human.stdout).toContain('2024-03-04     1  100%*');
  });

  it('paths prints the top paths and the flow edges', async () => {
    const { code, stdout } = await run('paths', SHOP, '--top', '2');
    expect(code).toBe(0);
    expect(stdout).toContain('top 2 paths');
    expect(stdout).toContain('visit → view_product → add_to_cart → purchase');
    expect(stdout).toContain('Flow edges (5):');
  });

  it('value and satisfaction --json', async () => {
    const value = JSON.parse((await run('value', SHOP, '--json')).stdout) as ValueResult;
    expect(value).toMatchObject({ purchases: 4, buyers: 3, revenue: 200, aov: 50 });
    // c5: 03-11 09:15 to 03-21 09:00, 15 minutes short of 10 days.
    const gapDays = 10 - 15 / (24 * 60);
    expect(value.repurchase).toEqual({ customers: 1, gaps: 1, median_days: gapDays, mean_days: gapDays });
    const satisfaction = JSON.parse((await run('satisfaction', SHOP, '--json')).stdout) as SatisfactionResult;
    expect(satisfaction.scale).toBe(5);
    expect(satisfaction.by_event[0]).toEqual({ name: 'purchase', customers: 3, count: 4, mean: 4, csat: 0.75 });
    const human = await run('satisfaction', SHOP);
    expect(human.stdout).toContain('inferred from the scores');
  });
});

describe('journey compare, stalls, whatif', () => {
  it('compare --json gives the spec check figures', async () => {
    const { code, stdout } = await run('compare', '--before', '5/10', '--after', '6/10', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as CompareResult;
    expect(result.se).toBeCloseTo(0.2214, 4);
    expect(result.z).toBeCloseTo(0.4518, 4);
    expect(result.p_value).toBeCloseTo(0.6514, 4);
    expect((await run('compare', '--before', '5 of 10', '--after', '6/10')).code).toBe(2);
    expect((await run('compare', '--before', '11/10', '--after', '6/10')).stderr).toContain(
      'successes must not exceed n',
    );
  });

  it('stalls with ids and an explicit now', async () => {
    const { code, stdout } = await run(
      'stalls',
      SHOP,
      '--steps',
      STEPS,
      '--older-than',
      '7d',
      '--now',
      '2024-03-30T00:00:00Z',
      '--list',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as StallsResult;
    expect(result.steps.map((s) => s.customer_ids)).toEqual([['c4'], ['c3'], []]);
    expect((await run('stalls', SHOP, '--steps', STEPS)).stderr).toContain('missing --older-than');
  });

  it('whatif projects an uplift', async () => {
    const { code, stdout } = await run('whatif', SHOP, '--steps', STEPS, '--step', '2', '--uplift', '0.1', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as WhatIfResult;
    expect(result.steps[1]!.projected_customers).toBeCloseTo(4.4, 12);
    expect(result.additional_value).toBeCloseTo(0.3 * 50, 10);
    expect((await run('whatif', SHOP, '--steps', STEPS, '--step', '1', '--uplift', '0.1')).code).toBe(2);
  });

  it('every command is listed in the overview', async () => {
    const { stdout } = await run('--help');
    for (const name of [
      'funnel',
      'paths',
      'retention',
      'value',
      'satisfaction',
      'drivers',
      'compare',
      'stalls',
      'whatif',
    ]) {
      expect(stdout).toContain(`  ${name}`);
    }
  });
});

describe('journey funnel: step names checked against the data', () => {
  it('refuses a misspelt step with the closest names', async () => {
    const { code, stderr } = await run('funnel', SHOP, '--steps', 'visit,view_prodcut|add_to_cart', '--tz', 'UTC');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      'journey funnel: shop.csv: --steps: "view_prodcut" is not an event in the data — did you mean "view_product"?',
    );
  });

  it('refuses a repeated --steps as a usage error', async () => {
    const { code, stderr } = await run('funnel', SHOP, '--steps', 'visit', '--steps', 'purchase');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--steps is given more than once; give it once \(for several steps: --steps a,b,c\)/);
  });
});
