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
  loaderTimeoutSeconds,
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
      run: async (options) => {
        writes.push(options.output);
        return defaultLoaderEffects.run(options);
      },
      rename: async (from, to) => {
        renames.push([from, to]);
        await defaultLoaderEffects.rename(from, to);
      },
    },
  };
}

/** The files of the loader cache whose names start with `stem` (temp files included). */
async function cacheFiles(stem: string): Promise<string[]> {
  const folder = join(root, '.cache/loaders/data/reports/acme');
  return existsSync(folder) ? (await readdir(folder)).filter((name) => name.startsWith(stem)) : [];
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
    expect(recorded.renames).toEqual([]);
    expect(await cacheFiles('broken')).toEqual([]);
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

describe('data loaders have a bounded cost', () => {
  const quiet = () => createDataLoaders({ root, effects: { ...defaultLoaderEffects, log: () => {} } });

  it('stops a loader (and what it started) at its timeout, keeping nothing', async () => {
    await writeFile(join(dir(), 'hang.csv.sh'), 'echo "connecting" >&2\nsleep 60\n');
    await expect(quiet().resolve('data/reports/acme/hang.csv', { timeoutSeconds: 1 })).rejects.toThrow(
      'data loader data/reports/acme/hang.csv.sh failed (timed out after 1s; raise loader_timeout in report.json or JOURNEY_LOADER_TIMEOUT if it needs longer):\nconnecting',
    );
    expect(await cacheFiles('hang')).toEqual([]);
  });

  it('streams output to disk and stops a loader that passes the size limit', async () => {
    await writeFile(join(dir(), 'endless.csv.sh'), 'yes customer_id,timestamp,event\n');
    process.env.JOURNEY_LOADER_MAX_BYTES = '100000';
    try {
      await expect(quiet().resolve('data/reports/acme/endless.csv')).rejects.toThrow(
        'data loader data/reports/acme/endless.csv.sh failed (its output passed 100000 bytes, the limit (JOURNEY_LOADER_MAX_BYTES)) with no error output',
      );
    } finally {
      delete process.env.JOURNEY_LOADER_MAX_BYTES;
    }
    expect(await cacheFiles('endless')).toEqual([]);
  });

  it('keeps only the last 40 lines of a flood of stderr', async () => {
    await writeFile(join(dir(), 'noisy.csv.sh'), "seq 1 300000 | sed 's/^/warning /' >&2\nexit 1\n");
    const error = await quiet()
      .resolve('data/reports/acme/noisy.csv')
      .catch((e: unknown) => e as Error);
    const expected = Array.from({ length: 40 }, (_, i) => `warning ${300000 - 39 + i}`).join('\n');
    expect((error as Error).message).toBe(
      `data loader data/reports/acme/noisy.csv.sh failed (exit code 1):\n${expected}`,
    );
  });

  it('refuses an @inputs entry that is not a regular file (/dev/zero would never hash)', async () => {
    await writeFile(join(dir(), 'zero.csv.sh'), '# @inputs /dev/zero\necho x\n');
    await expect(quiet().resolve('data/reports/acme/zero.csv')).rejects.toThrow(
      'data/reports/acme/zero.csv.sh: @inputs names /dev/zero, which is not a regular file',
    );
  });

  it('hashes every file an @inputs glob matches, and names an input that is missing', async () => {
    await mkdir(join(dir(), 'raw'), { recursive: true });
    await writeFile(join(dir(), 'raw/a.csv'), 'a');
    await writeFile(join(dir(), 'globbed.csv.sh'), '# @inputs raw/*.csv\necho run >> globbed.log\ncat raw/*.csv\n');
    const runs = async () => (await readFile(join(dir(), 'globbed.log'), 'utf8')).split('\n').filter(Boolean).length;
    const first = await quiet().resolve('data/reports/acme/globbed.csv');
    expect(await readFile(first, 'utf8')).toBe('a');
    await quiet().resolve('data/reports/acme/globbed.csv');
    expect(await runs()).toBe(1);
    // A new file the glob matches is a new input: the stale output is not reused.
    await writeFile(join(dir(), 'raw/b.csv'), 'b');
    const second = await quiet().resolve('data/reports/acme/globbed.csv');
    expect(await readFile(second, 'utf8')).toBe('ab');
    expect(await runs()).toBe(2);

    await writeFile(join(dir(), 'nomatch.csv.sh'), '# @inputs exports/*.csv\necho x\n');
    await expect(quiet().resolve('data/reports/acme/nomatch.csv')).rejects.toThrow(
      'data/reports/acme/nomatch.csv.sh: @inputs names data/reports/acme/exports/*.csv, which matches no file — fix the name or remove it from @inputs',
    );
    await writeFile(join(dir(), 'missing.csv.sh'), '# @inputs query-v2.sql\necho x\n');
    await expect(quiet().resolve('data/reports/acme/missing.csv')).rejects.toThrow(
      'data/reports/acme/missing.csv.sh: @inputs names data/reports/acme/query-v2.sql, which does not exist — fix the name or remove it from @inputs',
    );
  });

  it('takes the timeout from JOURNEY_LOADER_TIMEOUT, else report.json, else 10 minutes', () => {
    expect(loaderTimeoutSeconds(undefined, {})).toBe(600);
    expect(loaderTimeoutSeconds('90s', {})).toBe(90);
    expect(loaderTimeoutSeconds(120, {})).toBe(120);
    expect(loaderTimeoutSeconds('90s', { JOURNEY_LOADER_TIMEOUT: '2h' })).toBe(7200);
    expect(() => loaderTimeoutSeconds('soon', {})).toThrow(
      'invalid loader_timeout: soon (expected a duration such as 14d, 1h, 30m or 45s)',
    );
    // Node fires a timer of more than ~24.8 days at once: a week is the most a loader may take.
    expect(loaderTimeoutSeconds('7d', {})).toBe(604_800);
    expect(() => loaderTimeoutSeconds('90s', { JOURNEY_LOADER_TIMEOUT: '30d' })).toThrow(
      'invalid JOURNEY_LOADER_TIMEOUT: 30d (more than 7d; give a duration from 0 to 7d, such as 1h, 30m or 45s)',
    );
  });
});
