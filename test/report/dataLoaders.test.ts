/**
 * Data loaders on real scripts in a temp project: cached by the hash of the
 * script and its declared inputs, re-run on change or refresh, atomic writes,
 * one run for concurrent requests, a failure carries the script's stderr.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataLoaders,
  declaredInputs,
  defaultLoaderEffects,
  refreshFromEnv,
  type LoaderEffects,
} from '../../src/report/dataLoaders.ts';

let root = '';
const dir = () => join(root, 'data/reports/acme');

/** Real file effects that also record what happened. */
function recording(): { effects: LoaderEffects; logs: string[]; writes: string[]; renames: [string, string][] } {
  const logs: string[] = [];
  const writes: string[] = [];
  const renames: [string, string][] = [];
  return {
    logs,
    writes,
    renames,
    effects: {
      ...defaultLoaderEffects,
      log: (message) => logs.push(message),
      writeFile: async (path, data) => {
        writes.push(path);
        await defaultLoaderEffects.writeFile(path, data);
      },
      rename: async (from, to) => {
        renames.push([from, to]);
        await defaultLoaderEffects.rename(from, to);
      },
    },
  };
}

/** Times the loader ran: each run appends a line to runs.log. */
async function runCount(): Promise<number> {
  const path = join(dir(), 'runs.log');
  return existsSync(path) ? (await readFile(path, 'utf8')).split('\n').filter(Boolean).length : 0;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'loaders-'));
  await mkdir(dir(), { recursive: true });
  await writeFile(join(dir(), 'query.sql'), 'select 1');
  await writeFile(
    join(dir(), 'events.csv.ts'),
    [
      '// @inputs query.sql',
      "import { appendFileSync, readFileSync } from 'node:fs';",
      "appendFileSync('runs.log', 'run\\n');",
      "const query = readFileSync('query.sql', 'utf8').trim();",
      "process.stdout.write('customer_id,timestamp,event\\n' + 'c1,2024-01-01,' + query.replace(/ /g, '_') + '\\n');",
    ].join('\n'),
  );
  await writeFile(join(dir(), 'broken.csv.sh'), 'echo "warehouse: permission denied for table orders" >&2\nexit 3\n');
  await writeFile(join(dir(), 'static.csv'), 'customer_id,timestamp,event\n');
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('data loaders', () => {
  it('runs a loader once, writes atomically, and re-uses the cache in the next build', async () => {
    const first = recording();
    const loaders = createDataLoaders({ root, effects: first.effects });
    // Concurrent requests (two pages of one report) share one run.
    const [a, b] = await Promise.all([
      loaders.resolve('data/reports/acme/events.csv'),
      loaders.resolve('data/reports/acme/events.csv'),
    ]);
    expect(a).toBe(b);
    expect(await runCount()).toBe(1);
    expect(await readFile(a, 'utf8')).toBe('customer_id,timestamp,event\nc1,2024-01-01,select_1\n');
    expect(a.startsWith(join(root, '.cache/loaders/data/reports/acme/events.'))).toBe(true);
    expect(a).toMatch(/events\.[0-9a-f]{16}\.csv$/);
    // Written to a temp file in the same folder, then renamed onto the final name.
    expect(first.writes).toHaveLength(1);
    expect(first.writes[0]).toMatch(/\.tmp$/);
    expect(first.renames).toEqual([[first.writes[0], a]]);
    expect(first.logs.some((line) => line.includes('running'))).toBe(true);

    // A second build (a new process, a new loader set): cached, not re-run.
    const second = recording();
    const again = await createDataLoaders({ root, effects: second.effects }).resolve('data/reports/acme/events.csv');
    expect(again).toBe(a);
    expect(await runCount()).toBe(1);
    expect(second.writes).toEqual([]);
    expect(second.logs.join('\n')).toMatch(/cached/);
  });

  it('re-runs when a declared input changes, and drops the stale output', async () => {
    const before = await createDataLoaders({ root, effects: recording().effects }).resolve(
      'data/reports/acme/events.csv',
    );
    await writeFile(join(dir(), 'query.sql'), 'select 2');
    const after = await createDataLoaders({ root, effects: recording().effects }).resolve(
      'data/reports/acme/events.csv',
    );
    expect(after).not.toBe(before);
    expect(await runCount()).toBe(2);
    expect(await readFile(after, 'utf8')).toContain('select_2');
    expect(existsSync(before)).toBe(false);
    const cached = await readdir(join(root, '.cache/loaders/data/reports/acme'));
    expect(cached.filter((name) => name.startsWith('events.'))).toHaveLength(1);
  });

  it('re-runs when the script changes', async () => {
    const script = join(dir(), 'events.csv.ts');
    await writeFile(script, (await readFile(script, 'utf8')) + '\n// a comment changes the hash\n');
    await createDataLoaders({ root, effects: recording().effects }).resolve('data/reports/acme/events.csv');
    expect(await runCount()).toBe(3);
  });

  it('re-runs a cached loader once per process with refresh', async () => {
    const loaders = createDataLoaders({ root, refresh: true, effects: recording().effects });
    await loaders.resolve('data/reports/acme/events.csv');
    await loaders.resolve('data/reports/acme/events.csv');
    expect(await runCount()).toBe(4);
    expect(refreshFromEnv({ JOURNEY_REFRESH: '1' })).toBe(true);
    expect(refreshFromEnv({})).toBe(false);
  });

  it('fails with the loader stderr and exit code, and caches nothing', async () => {
    const recorded = recording();
    const loaders = createDataLoaders({ root, effects: recorded.effects });
    await expect(loaders.resolve('data/reports/acme/broken.csv')).rejects.toThrow(
      /data loader data\/reports\/acme\/broken\.csv\.sh failed \(exit code 3\):\nwarehouse: permission denied for table orders/,
    );
    expect(recorded.writes).toEqual([]);
  });

  it('returns a plain file as is, and names what is missing', async () => {
    const loaders = createDataLoaders({ root, effects: recording().effects });
    expect(await loaders.resolve('data/reports/acme/static.csv')).toBe(join(dir(), 'static.csv'));
    await expect(loaders.resolve('data/reports/acme/nothing.csv')).rejects.toThrow(
      /data\/reports\/acme\/nothing\.csv: no such file and no data loader \(nothing\.csv\.ts, .*nothing\.csv\.sh/,
    );
  });

  it('refuses a file that also has a loader', async () => {
    await writeFile(join(dir(), 'static.csv.sh'), 'echo x');
    const loaders = createDataLoaders({ root, effects: recording().effects });
    await expect(loaders.resolve('data/reports/acme/static.csv')).rejects.toThrow(
      /exists and so does its loader .*static\.csv\.sh/,
    );
    await rm(join(dir(), 'static.csv.sh'));
  });

  it('reads @inputs from a comment in the first lines', () => {
    expect(declaredInputs('/p/a.csv.sh', '#!/bin/sh\n# @inputs q.sql, raw/x.csv\necho')).toEqual([
      '/p/q.sql',
      '/p/raw/x.csv',
    ]);
    expect(declaredInputs('/p/a.csv.ts', '/* @inputs q.sql */')).toEqual(['/p/q.sql']);
    expect(declaredInputs('/p/a.csv.ts', 'no inputs')).toEqual([]);
  });
});
