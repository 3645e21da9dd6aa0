import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelFromRows, funnelQueries } from '../../src/engines/analyses/funnel.ts';
import { customersAtSteps, windowFunnelCountsQuery } from '../../src/engines/analyses/windowFunnel.ts';
import { runQueries, type Engine } from '../../src/engines/engine.ts';
import { CHDB_MISSING, loadChdb, openChdbEngine } from '../../src/engines/runners/chdb.ts';
import { checkClickhouseVersion } from '../../src/engines/runners/clickhouseRows.ts';
import { eventSource } from '../../src/engines/sql/source.ts';
import { describeEngineEquality } from './engineEquality.ts';
import { engineLog, loadEngineLog } from './engineLog.ts';

const missing = loadChdb() === null;

describeEngineEquality('chdb (ClickHouse dialect) equals the in-memory analyses', () =>
  missing ? Promise.resolve({ skip: CHDB_MISSING }) : openChdbEngine(),
);

describe.skipIf(missing)('ClickHouse windowFunnel fast path equals the window-function SQL', () => {
  let engine: Engine;
  const source = eventSource({ table: 'fast_path_log', orderBy: 'rid' });
  beforeAll(async () => {
    engine = await openChdbEngine();
    await loadEngineLog(engine, 'fast_path_log', engineLog(400, 11));
  }, 300_000);
  afterAll(async () => {
    await engine?.close();
  });

  for (const spec of [
    { steps: 'visit,view,cart,purchase' },
    { steps: 'visit,view,cart,purchase', window: '1h' },
    { steps: 'visit,view|search,cart', window: '2h' },
    { steps: 'search,cart', window: '10m' },
  ]) {
    it(`ordered counts ${JSON.stringify(spec)}`, async () => {
      const windowSql = funnelFromRows(spec, await runQueries(engine, funnelQueries(spec, source, engine.dialect)));
      const fast = customersAtSteps(spec, await engine.query(windowFunnelCountsQuery(spec, source)));
      expect(windowSql.steps.at(-1)?.customers).toBeGreaterThan(0);
      expect(fast).toEqual(windowSql.steps.map((step) => step.customers));
    });
  }

  it('is refused for strict and unordered funnels', () => {
    expect(() => windowFunnelCountsQuery({ steps: 'a,b', mode: 'strict' }, source)).toThrow(/ordered funnels only/);
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
