/**
 * Golden SQL per dialect, through `journey sql`: a change in the generated SQL
 * shows up as a diff of test/output/sql/<dialect>-<analysis>.sql (a mismatch
 * writes <name>-changed.sql beside it and fails; a missing golden is written).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { OUTPUT_DIR } from '../support/golden.ts';

const SQL_DIR = join(OUTPUT_DIR, 'sql');

async function checkSql(name: string, sql: string): Promise<string | null> {
  await mkdir(SQL_DIR, { recursive: true });
  const expectedFile = join(SQL_DIR, `${name}.sql`);
  const changedFile = join(SQL_DIR, `${name}-changed.sql`);
  if (!existsSync(expectedFile)) {
    await writeFile(expectedFile, sql);
    console.warn(`[golden] wrote missing golden test/output/sql/${name}.sql; look at it, then commit it`);
    return null;
  }
  if ((await readFile(expectedFile, 'utf8')) === sql) {
    if (existsSync(changedFile)) await unlink(changedFile);
    return null;
  }
  await writeFile(changedFile, sql);
  return `${name}.sql differs from its golden file: see test/output/sql/${name}-changed.sql`;
}

async function journeySql(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['sql', ...argv], {
    stdout: (text) => (stdout += text + '\n'),
    stderr: (text) => (stderr += text + '\n'),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

const TABLE = ['--table', 'analytics.events', '--map', 'customer_id=user_id', '--order-by', 'event_seq'];
const ANALYSES: Record<string, string[]> = {
  funnel: ['funnel', '--steps', "visit,add_to_cart|wish'list,purchase", '--window', '7d', '--by', 'channel'],
  'funnel-strict': ['funnel', '--steps', 'visit,add_to_cart,purchase', '--mode', 'strict'],
  'funnel-unordered': ['funnel', '--steps', 'visit,add_to_cart,purchase', '--mode', 'unordered'],
  paths: ['paths', '--start', 'visit', '--depth', '3'],
  retention: ['retention', '--period', 'week', '--tz', 'Asia/Shanghai', '--on-or-after'],
  value: ['value'],
  satisfaction: ['satisfaction'],
  stalls: ['stalls', '--steps', 'visit,purchase', '--older-than', '7d'],
};

describe('journey sql: golden SQL per dialect', () => {
  for (const dialect of ['duckdb', 'clickhouse', 'postgres', 'spark'])
    for (const [name, args] of Object.entries(ANALYSES))
      it(`${dialect} ${name}`, async () => {
        const { code, stdout, stderr } = await journeySql([...args, '--dialect', dialect, ...TABLE]);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(await checkSql(`${dialect}-${name}`, stdout)).toBeNull();
      });

  it('escapes string literals per dialect: backslashes are plain in standard SQL, escaped in ClickHouse', async () => {
    const args = ['funnel', '--steps', 'a\\b,c', ...TABLE];
    expect((await journeySql([...args, '--dialect', 'postgres'])).stdout).toContain("event IN ('a\\b')");
    expect((await journeySql([...args, '--dialect', 'clickhouse'])).stdout).toContain("event IN ('a\\\\b')");
  });

  it('refuses an unknown dialect and listing customer ids', async () => {
    expect((await journeySql(['funnel', '--steps', 'a,b', '--dialect', 'oracle', ...TABLE])).code).toBe(2);
    const listing = await journeySql([
      'stalls',
      '--steps',
      'a,b',
      '--older-than',
      '1d',
      '--list',
      '--dialect',
      'duckdb',
      ...TABLE,
    ]);
    expect(listing.code).toBe(2);
    expect(listing.stderr).toContain('ids stay in the warehouse');
  });
});
