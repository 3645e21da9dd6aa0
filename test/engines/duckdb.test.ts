import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../bench/generate-events.ts';
import type { ColumnTable } from '../../src/analytics/events.ts';
import { eventTable } from '../../src/analytics/events.ts';
import { funnel, type FunnelResult } from '../../src/analytics/analyses/funnel.ts';
import { loadEvents } from '../../src/analytics/load/load.ts';
import { paths } from '../../src/analytics/analyses/paths.ts';
import { retention } from '../../src/analytics/analyses/retention.ts';
import {
  duckdbFunnel,
  duckdbPaths,
  duckdbRetention,
  loadCsvIntoDuckdb,
  loadRowsIntoDuckdb,
  openDuckdb,
  type DuckDBConnection,
} from './duckdb.ts';

/** Means may differ in the last bits (summation order); everything else must be identical. */
function expectSameFunnel(ours: FunnelResult, theirs: FunnelResult) {
  const rounded = (result: FunnelResult) =>
    JSON.parse(
      JSON.stringify(result, (key, value: unknown) =>
        key === 'mean_seconds_from_previous' && typeof value === 'number' ? Number(value.toPrecision(12)) : value,
      ),
    ) as FunnelResult;
  expect(rounded(ours)).toEqual(rounded(theirs));
}

const FUNNEL = 'visit,view_product,add_to_cart,checkout,purchase';

describe('DuckDB engine on the spec oracles', () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await openDuckdb();
  });

  it('re-entry, window edge, strict and ties agree with the hand-computed cases', async () => {
    const MIN = 60_000;
    const columns = {
      customer_id: ['u', 'u', 'u', 'u', 'e', 'e', 't', 't', 't', 's', 's', 's'],
      timestamp: [60, 90, 105, 135, 0, 60, 0, 5, 5, 0, 1, 2].map((m) => m * MIN),
      event: ['A', 'A', 'B', 'C', 'A', 'B', 'A', 'C', 'B', 'A', 'X', 'B'],
    };
    await loadRowsIntoDuckdb(connection, 'oracle', columns);
    const table = eventTable(columns);
    for (const mode of ['ordered', 'strict'] as const) {
      const spec = { steps: 'A,B,C', window: '1h', mode };
      const theirs = await duckdbFunnel(connection, 'oracle', spec);
      expectSameFunnel(funnel(table, spec), theirs);
    }
    const ordered = await duckdbFunnel(connection, 'oracle', { steps: 'A,B,C', window: '1h' });
    expect(ordered.steps.map((s) => s.customers)).toEqual([4, 4, 2]);
  });
});

describe('DuckDB cross-check on a generated log of ~10k customers', () => {
  let connection: DuckDBConnection;
  let table: ColumnTable;
  beforeAll(async () => {
    const path = await generateEvents({ events: 100_000 });
    table = (await loadEvents(path)).table;
    connection = await openDuckdb();
    await loadCsvIntoDuckdb(connection, 'events', path);
  }, 120_000);
  afterAll(() => connection?.closeSync());

  it('has about 10k customers', () => {
    const customers = new Set(table.array('customer_id') as string[]).size;
    expect(customers).toBeGreaterThan(9_000);
  });

  for (const spec of [
    { steps: FUNNEL },
    { steps: FUNNEL, window: '1d', by: 'channel' },
    { steps: 'visit,view_product,add_to_cart|add_to_wishlist', window: '3d', mode: 'strict' as const },
    { steps: FUNNEL, window: '2h', mode: 'strict' as const, by: 'channel' },
    { steps: 'search,visit,search,purchase', window: '7d' },
  ]) {
    it(`funnel ${JSON.stringify(spec)}`, async () => {
      const ours = funnel(table, spec);
      expect(ours.steps.at(-1)!.customers).toBeGreaterThan(0);
      expectSameFunnel(ours, await duckdbFunnel(connection, 'events', spec));
    }, 60_000);
  }

  for (const spec of [
    {},
    { start: 'visit', end: 'purchase', depth: 6, top: 50 },
    { session_gap: '2h', collapse_repeats: false, depth: 3, top: 100, limit: 200, min_sessions: 3 },
    { start: 'search', session_gap: 0, top: 30 },
  ]) {
    it(`paths ${JSON.stringify(spec)}`, async () => {
      const ours = paths(table, spec);
      expect(ours.paths.length).toBeGreaterThan(5);
      expect(ours).toEqual(await duckdbPaths(connection, 'events', spec));
    }, 60_000);
  }

  for (const spec of [
    { period: 'day' as const },
    { period: 'week' as const, tz: 'Asia/Shanghai', mode: 'on_or_after' as const },
    { period: 'month' as const, tz: 'America/New_York', start_event: 'purchase' },
    { period: 'week' as const, tz: 'Europe/Berlin', start_event: 'visit', return_event: 'purchase' },
  ]) {
    it(`retention ${JSON.stringify(spec)}`, async () => {
      const ours = retention(table, spec);
      expect(ours.cohorts.length).toBeGreaterThan(2);
      expect(ours).toEqual(await duckdbRetention(connection, 'events', spec));
    }, 60_000);
  }
});
