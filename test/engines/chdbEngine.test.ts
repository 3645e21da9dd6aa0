import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhousePathsQueries } from '../../src/engines/analyses/clickhousePaths.ts';
import { funnelFromRows, funnelQueries } from '../../src/engines/analyses/funnel.ts';
import { pathsFromRows, pathsQueries } from '../../src/engines/analyses/paths.ts';
import { customersAtSteps, windowFunnelCountsQuery } from '../../src/engines/analyses/windowFunnel.ts';
import { runQueries, type Engine } from '../../src/engines/engine.ts';
import {
  CHDB_MISSING,
  chdbMemorySettings,
  loadChdb,
  openChdbEngine,
  parseByteSize,
} from '../../src/engines/runners/chdb.ts';
import { checkClickhouseVersion } from '../../src/engines/runners/clickhouseRows.ts';
import { eventSource } from '../../src/engines/sql/source.ts';
import { describeEngineEquality, rounded } from './engineEquality.ts';
import { engineLog, loadEngineLog } from './engineLog.ts';

const missing = loadChdb() === null;

/** A chdb session holding a generated log as `table` for the tests of one describe block. */
function chdbWithLog(table: string, seed: number): () => Engine {
  let engine: Engine | undefined;
  beforeAll(async () => {
    engine = await openChdbEngine();
    await loadEngineLog(engine, table, engineLog(400, seed));
  }, 300_000);
  afterAll(async () => {
    await engine?.close();
  });
  return () => engine!;
}

describeEngineEquality('chdb (ClickHouse dialect) equals the in-memory analyses', () =>
  missing ? Promise.resolve({ skip: CHDB_MISSING }) : openChdbEngine(),
);

describe.skipIf(missing)('ClickHouse windowFunnel fast path equals the window-function SQL', () => {
  const chdb = chdbWithLog('fast_path_log', 11);
  const source = eventSource({ table: 'fast_path_log', orderBy: 'rid' });

  for (const spec of [
    { steps: 'visit,view,cart,purchase' },
    { steps: 'visit,view,cart,purchase', window: '1h' },
    { steps: 'visit,view|search,cart', window: '2h' },
    { steps: 'search,cart', window: '10m' },
  ]) {
    it(`ordered counts ${JSON.stringify(spec)}`, async () => {
      const windowSql = funnelFromRows(spec, await runQueries(chdb(), funnelQueries(spec, source, chdb().dialect)));
      const fast = customersAtSteps(spec, await chdb().query(windowFunnelCountsQuery(spec, source)));
      expect(windowSql.steps.at(-1)?.customers).toBeGreaterThan(0);
      expect(fast).toEqual(windowSql.steps.map((step) => step.customers));
    });
  }

  it('is refused for strict and unordered funnels', () => {
    expect(() => windowFunnelCountsQuery({ steps: 'a,b', mode: 'strict' }, source)).toThrow(/ordered funnels only/);
  });
});

describe.skipIf(missing)('ClickHouse funnels from arrays equal the window-function SQL', () => {
  const chdb = chdbWithLog('funnel_log', 13);
  const sources = {
    'order column': eventSource({ table: 'funnel_log', orderBy: 'rid', columns: { channel: 'channel' } }),
    'no order column': eventSource({ table: 'funnel_log', columns: { channel: 'channel' } }),
  };

  for (const spec of [
    { steps: 'visit,view,cart,purchase', by: 'channel' },
    { steps: 'visit,view,cart,purchase', window: '1h', mode: 'strict' as const, by: 'channel' },
    { steps: 'visit,view|search,cart', window: '2h' },
    { steps: 'search,visit,search,purchase', window: '3d', mode: 'strict' as const },
    { steps: 'visit,visit,cart', window: '10m' },
  ])
    for (const [name, source] of Object.entries(sources))
      // Without an order column, events equal in time, rank and name are in no defined order in
      // either form, so which channel a customer counts under is not defined: compare without `by`.
      it(`${JSON.stringify(spec)}, ${name}`, async () => {
        const compared = source.orderBy === null ? { ...spec, by: undefined } : spec;
        const queries = (native: boolean) => funnelQueries(compared, source, chdb().dialect, { native });
        const windowSql = funnelFromRows(compared, await runQueries(chdb(), queries(false)));
        const arrays = funnelFromRows(compared, await runQueries(chdb(), queries(true)));
        expect(queries(true).funnel).toContain('groupArray');
        expect(windowSql.steps[1]?.customers).toBeGreaterThan(0);
        expect(rounded(arrays)).toEqual(rounded(windowSql));
      }, 60_000);
});

describe.skipIf(missing)('ClickHouse paths from arrays equal the window-function SQL', () => {
  const chdb = chdbWithLog('paths_log', 11);
  // Ties settled by the order column, and without one by event name (the portable SQL's fallback).
  const sources = {
    'order column': eventSource({ table: 'paths_log', orderBy: 'rid' }),
    'no order column': eventSource({ table: 'paths_log' }),
  };

  const every = { top: null, limit: null };
  for (const spec of [
    every,
    { ...every, start: 'visit', end: 'purchase', depth: 6 },
    { ...every, session_gap: '2h', collapse_repeats: false, depth: 3, min_sessions: 3 },
    { ...every, start: 'search', session_gap: 0, depth: 1 },
    { ...every, end: 'cart', session_gap: '10m', depth: 4 },
    { ...every, start: 'view', end: 'view', depth: 2 },
    { start: 'cart', top: 5, limit: 7 },
  ])
    for (const [name, source] of Object.entries(sources))
      it(`${JSON.stringify(spec)}, ${name}`, async () => {
        const windowSql = pathsFromRows(spec, await runQueries(chdb(), pathsQueries(spec, source, chdb().dialect)));
        const arrays = pathsFromRows(spec, await runQueries(chdb(), clickhousePathsQueries(spec, source)));
        expect(windowSql.paths.length).toBeGreaterThan(0);
        expect(arrays).toEqual(windowSql);
      }, 60_000);
});

describe('chdb memory budget', () => {
  it('reads sizes as DuckDB does: decimal units, binary with i', () => {
    expect(parseByteSize('4GB')).toBe(4_000_000_000);
    expect(parseByteSize('512MiB')).toBe(536_870_912);
    expect(parseByteSize('1.5 gb')).toBe(1_500_000_000);
    expect(parseByteSize('2048')).toBe(2048);
    expect(parseByteSize('lots')).toBeNull();
    expect(parseByteSize('4XB')).toBeNull();
  });

  it('spills sorts and GROUP BYs past a quarter of the budget; caps queries only when asked', () => {
    expect(chdbMemorySettings(8_000_000_000, true)).toEqual({
      max_bytes_before_external_sort: 2_000_000_000,
      max_bytes_before_external_group_by: 2_000_000_000,
      max_memory_usage: 8_000_000_000,
    });
    expect(chdbMemorySettings(8_000_000_000, false)).not.toHaveProperty('max_memory_usage');
  });

  it.skipIf(missing)('applies the settings to the session, and refuses a size it cannot read', async () => {
    const engine = await openChdbEngine({ memoryLimit: '2GB' });
    try {
      const rows = await engine.query(
        "SELECT getSetting('max_bytes_before_external_sort') AS sort, getSetting('max_memory_usage') AS cap",
      );
      expect(rows).toEqual([{ sort: 500_000_000, cap: 2_000_000_000 }]);
    } finally {
      await engine.close();
    }
    await expect(openChdbEngine({ memoryLimit: 'lots' })).rejects.toThrow(
      'chdb: --memory-limit expects a size such as 8GB (got "lots")',
    );
  });
});

describe('ClickHouse version check', () => {
  it('refuses a ClickHouse without window functions and names the minimum', () => {
    expect(() => checkClickhouseVersion('21.8.15.7', 'clickhouse at http://db:8123')).toThrow(
      'clickhouse at http://db:8123: ClickHouse 21.8.15.7 has no window functions; Journey Kit needs ClickHouse 21.9 or newer',
    );
    expect(checkClickhouseVersion('26.7.2.1', 'chdb')).toBe('26.7.2.1');
  });
});
