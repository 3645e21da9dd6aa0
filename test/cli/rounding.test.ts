/**
 * The CLI and the pages round the same way, half away from zero on the
 * decimal value: 3,678 of 12,000 is 30.65%, shown as 30.7% by `journey funnel`,
 * the charts and the report's prose alike.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent as chartPercent } from '../../src/charts/format.ts';
import type { CommandIO } from '../../src/cli/command.ts';
import { formatPercent as cliPercent } from '../../src/cli/format.ts';
import { main } from '../../src/cli/main.ts';
import { percentText } from '../../src/report/reportText.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rounding-'));
  const rows = ['customer_id,timestamp,event'];
  for (let i = 0; i < 12_000; i++) {
    rows.push(`c${i},2026-01-01T00:00:00Z,quote`);
    if (i < 3_678) rows.push(`c${i},2026-01-01T01:00:00Z,buy`);
  }
  await writeFile(join(dir, 'quotes.csv'), rows.join('\n') + '\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('rounding', () => {
  it('gives every percentage the same digits in the CLI, the charts and the prose', () => {
    // [rate, shown]: halves go away from zero, whatever their binary value.
    const cases: [number, string][] = [
      [3_678 / 12_000, '30.7'],
      [0.3064, '30.6'],
      [1 / 8, '12.5'],
      [0.00125, '0.1'],
      [0.00175, '0.2'],
      [-3_678 / 12_000, '-30.7'],
    ];
    for (const [rate, shown] of cases) {
      expect(cliPercent(rate), String(rate)).toBe(`${shown}%`);
      expect(chartPercent(rate, 'en', 1).replace('−', '-'), String(rate)).toBe(`${shown}%`);
      expect(percentText(rate, 'en').replace('−', '-'), String(rate)).toBe(`${shown}%`);
    }
  });

  it('prints 30.7% for 3,678 of 12,000 in journey funnel', async () => {
    let stdout = '';
    const io: CommandIO = { cwd: dir, stdout: (t) => (stdout += t + '\n'), stderr: () => {} };
    expect(await main(['funnel', 'quotes.csv', '--steps', 'quote,buy'], io)).toBe(0);
    expect(stdout).toContain('30.7%');
    expect(stdout).not.toContain('30.6%');
  });
});
