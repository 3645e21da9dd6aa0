/**
 * `journey <analysis> --engine`: the same output as the in-memory command on
 * the same file (DuckDB and chdb read it themselves), and clear errors, without
 * stack traces, for a missing column or an unreachable server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadChdb } from '../../src/engines/runners/chdb.ts';
import { rounded } from './engineEquality.ts';
import { engineLog, engineLogCsv } from './engineLog.ts';

async function journey(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => (stdout += text + '\n'),
    stderr: (text) => (stderr += text + '\n'),
    cwd,
  });
  return { code, stdout, stderr };
}

const COMMANDS = [
  ['funnel', '--steps', 'visit,view,cart,purchase', '--window', '1h', '--by', 'channel'],
  ['funnel', '--steps', 'visit,view|search,cart', '--mode', 'strict'],
  ['paths', '--start', 'visit', '--depth', '4'],
  ['retention', '--period', 'week', '--tz', 'Europe/Berlin', '--on-or-after'],
  ['value'],
  ['satisfaction'],
  ['stalls', '--steps', 'visit,cart,purchase', '--older-than', '3d'],
  ['whatif', '--steps', 'visit,view,cart,purchase', '--step', '3', '--uplift', '0.25'],
];

describe('journey <analysis> --engine on a CSV file', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'journey-engine-cli-'));
    writeFileSync(join(directory, 'events.csv'), engineLogCsv(engineLog(150, 3)));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  for (const engine of ['duckdb', 'chdb'])
    for (const command of COMMANDS)
      it.skipIf(engine === 'chdb' && loadChdb() === null)(`${engine}: ${command.join(' ')}`, async () => {
        const inMemory = await journey([...command, 'events.csv'], directory);
        const onEngine = await journey([...command, '--engine', engine, '--table', 'events.csv'], directory);
        expect(onEngine.stderr).toBe('');
        expect(onEngine.code).toBe(0);
        expect(onEngine.stdout).toBe(inMemory.stdout);
        const json = await journey([...command, '--engine', engine, '--table', 'events.csv', '--json'], directory);
        const inMemoryJson = await journey([...command, 'events.csv', '--json'], directory);
        // Sums of money may differ in the last bits (summation order): compared to 12 digits.
        expect(rounded(JSON.parse(json.stdout))).toEqual(rounded(JSON.parse(inMemoryJson.stdout)));
      });

  it('names the missing column and the table columns', async () => {
    const result = await journey(
      ['funnel', '--steps', 'a,b', '--engine', 'duckdb', '--table', 'events.csv', '--map', 'customer_id=user_id'],
      directory,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'journey funnel: duckdb: events.csv: no column "user_id" for customer_id (columns: customer_id, timestamp, event, stage, channel, segment, value, satisfaction); map it with --map customer_id=<column>\n',
    );
  });

  it('refuses to list customer ids with an engine', async () => {
    const result = await journey(
      [
        'stalls',
        '--steps',
        'visit,cart',
        '--older-than',
        '1d',
        '--list',
        '--engine',
        'duckdb',
        '--table',
        'events.csv',
      ],
      directory,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('listing customer ids is not available with an engine');
  });
});

describe('connection errors', () => {
  it('names host, port and the variables to set, without a stack trace', async () => {
    const saved = { PGHOST: process.env.PGHOST, PGPORT: process.env.PGPORT };
    process.env.PGHOST = '127.0.0.1';
    process.env.PGPORT = '9';
    try {
      const result = await journey(['value', '--engine', 'postgres', '--table', 'analytics.events'], process.cwd());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^journey value: postgres: analytics\.events: cannot connect to 127\.0\.0\.1:9 \(.*\); set PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE\n$/,
      );
      expect(result.stderr).not.toContain('    at ');
    } finally {
      Object.assign(process.env, saved);
      if (saved.PGHOST === undefined) delete process.env.PGHOST;
      if (saved.PGPORT === undefined) delete process.env.PGPORT;
    }
  });

  it('says how to install chdb when it is missing, or runs it', async () => {
    const result = await journey(['value', '--engine', 'chdb', '--table', 'nowhere.csv'], process.cwd());
    expect(result.code).toBe(1);
    if (loadChdb() === null) expect(result.stderr).toContain('npm install chdb');
    else expect(result.stderr).toContain('nowhere.csv');
  });

  it('is a usage error to give --engine without a table', async () => {
    const result = await journey(['value', '--engine', 'duckdb'], process.cwd());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--engine duckdb needs --table NAME');
  });
});
